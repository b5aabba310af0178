/**
 * Loads the demo organization 星辰科技 (data.ts) through the public API, with a clock that walks
 * from the start of the cycle to today: plans are written, submitted and reviewed at the start,
 * then people check in every Friday. Everything goes through the same rules, roll-ups and audit
 * as real use. Runs only on an empty database.
 */
import type { AppContext } from '../context.js';
import { buildApp } from '../http/app.js';
import { createApiToken } from '../modules/auth/auth.service.js';
import { countOrganizations } from '../modules/organizations/organizations.repository.js';
import { createOrganization } from '../modules/organizations/organizations.service.js';
import {
  DEMO_PASSWORD,
  people,
  plans,
  units,
  type DemoKeyResult,
  type DemoPlan,
  type PersonKey,
  type UnitKey,
} from './data.js';
import { checkInDates, demoCycles, isoDate, valueAt, type DemoCycle } from './timeline.js';

export const DEMO_SIGN_INS = [
  { email: 'admin@xingchen.test', password: DEMO_PASSWORD, role: '管理员 admin' },
  {
    email: 'wangfang@xingchen.test',
    password: DEMO_PASSWORD,
    role: '市场部负责人 marketing leader',
  },
] as const;

const ORG_NAME = '星辰科技';
const TIME_ZONE = 'Asia/Shanghai';

interface Api {
  call<T = Record<string, unknown>>(method: string, url: string, body?: unknown): Promise<T>;
}

/** Seeds the demo when the database has no organization; returns whether it did. */
export async function seedDemoIfEmpty(ctx: AppContext): Promise<boolean> {
  if ((await countOrganizations(ctx.db)) > 0) return false;
  await seedDemo(ctx);
  return true;
}

/** Builds 星辰科技 as of ctx.now(). */
export async function seedDemo(ctx: AppContext): Promise<void> {
  const today = ctx.now();
  let clock = today;
  const demoCtx: AppContext = { ...ctx, now: () => clock };
  const app = await buildApp(demoCtx);
  const tokens = new Map<string, string>();
  const tokenIds: string[] = [];

  const as = (userId: string): Api => ({
    async call<T>(method: string, url: string, body?: unknown): Promise<T> {
      const res = await app.inject({
        method: method as 'GET',
        url: `/api/v1${url}`,
        headers: { authorization: `Bearer ${tokens.get(userId)}` },
        ...(body !== undefined ? { payload: body as object } : {}),
      });
      if (res.statusCode >= 400) {
        throw new Error(`demo seed: ${method} ${url} → ${res.statusCode} ${res.body}`);
      }
      return (res.body ? JSON.parse(res.body) : {}) as T;
    },
  });

  try {
    const admin = people.find((p) => p.key === 'admin')!;
    const org = await createOrganization(demoCtx, {
      name: ORG_NAME,
      adminEmail: admin.email,
      adminPassword: DEMO_PASSWORD,
      adminName: admin.name,
      locale: 'zh-CN',
      timezone: TIME_ZONE,
    });
    const userIds = new Map<PersonKey, string>([['admin', org.adminId]]);
    const token = async (userId: string, role: 'admin' | 'member') => {
      const t = await createApiToken(
        demoCtx,
        { userId, organizationId: org.organizationId, role },
        'demo seed',
      );
      tokens.set(userId, t.token);
      tokenIds.push(t.id);
    };
    await token(org.adminId, 'admin');
    const adminApi = as(org.adminId);

    for (const p of people) {
      if (p.key === 'admin') continue;
      const u = await adminApi.call<{ id: string }>('POST', '/users', {
        email: p.email,
        name: p.name,
        role: p.role,
        password: DEMO_PASSWORD,
        locale: 'zh-CN',
      });
      userIds.set(p.key, u.id);
      await token(u.id, p.role);
    }
    const uid = (k: PersonKey) => userIds.get(k)!;

    const unitIds = new Map<UnitKey, string>([['company', org.rootUnitId]]);
    for (const u of units) {
      if (u.parent === null) {
        await adminApi.call('PATCH', `/units/${org.rootUnitId}`, { leaderId: uid(u.leader) });
        continue;
      }
      const created = await adminApi.call<{ id: string }>('POST', '/units', {
        name: u.name,
        parentId: unitIds.get(u.parent),
        leaderId: uid(u.leader),
      });
      unitIds.set(u.key, created.id);
    }
    for (const p of people) {
      if (p.key === 'admin') continue;
      await adminApi.call('POST', `/units/${unitIds.get(p.unit)}/members/${uid(p.key)}`, {});
    }

    const cycles = demoCycles(today, TIME_ZONE);
    const cycleIds = new Map<'year' | 'quarter', string>();
    for (const c of [cycles.year, cycles.quarter]) {
      clock = c.createdAt;
      const created = await adminApi.call<{ id: string }>('POST', '/cycles', {
        name: c.name,
        kind: c.kind,
        startDate: c.startDate,
        endDate: c.endDate,
        ...(c.kind === 'quarter' ? { parentId: cycleIds.get('year') } : {}),
      });
      await adminApi.call('PATCH', `/cycles/${created.id}`, { state: 'active' });
      cycleIds.set(c.kind === 'year' ? 'year' : 'quarter', created.id);
    }

    // Write, submit and review every plan at the start of its cycle.
    const objectiveIds = new Map<string, string>();
    const krIds = new Map<string, string>();
    const checkIns: {
      at: Date;
      krId: string;
      userId: string;
      kr: DemoKeyResult;
      cycle: DemoCycle;
    }[] = [];
    for (const plan of plans) {
      const cycle = plan.cycle === 'year' ? cycles.year : cycles.quarter;
      clock = cycle.planningAt;
      const writer = writerOf(plan, uid, unitLeader);
      const api = as(writer);
      const created = await api.call<{ id: string; approverId: string | null }>('POST', '/plans', {
        cycleId: cycleIds.get(plan.cycle),
        ownerType: 'unit' in plan.owner ? 'unit' : 'user',
        ownerId: 'unit' in plan.owner ? unitIds.get(plan.owner.unit) : uid(plan.owner.user),
      });
      for (const [i, o] of plan.objectives.entries()) {
        const objective = await api.call<{ id: string }>(
          'POST',
          `/plans/${created.id}/objectives`,
          {
            title: o.title,
            ...(o.description ? { description: o.description } : {}),
            kind: o.kind,
            priority: i + 1,
            weight: o.weight,
            visibility: o.visibility ?? 'public',
            ...(o.alignedToKeyResult
              ? { alignedToKeyResultId: krIds.get(o.alignedToKeyResult) }
              : {}),
            ...(o.alignedToObjective
              ? { alignedToObjectiveId: objectiveIds.get(o.alignedToObjective) }
              : {}),
          },
        );
        objectiveIds.set(o.key, objective.id);
        for (const [j, kr] of o.keyResults.entries()) {
          const ownerId = kr.owner ? uid(kr.owner) : undefined;
          const createdKr = await api.call<{ id: string }>(
            'POST',
            `/objectives/${objective.id}/key-results`,
            {
              title: kr.title,
              metricType: kr.metricType,
              ...(kr.unit ? { unit: kr.unit } : {}),
              startValue: kr.start,
              targetValue: kr.target,
              weight: kr.weight,
              priority: j + 1,
              progressSource: kr.progressSource ?? 'manual',
              dueDate: cycle.endDate,
              ...(ownerId ? { ownerId } : {}),
            },
          );
          if (kr.key) krIds.set(kr.key, createdKr.id);
          for (const a of kr.actions ?? []) {
            await api.call('POST', `/key-results/${createdKr.id}/actions`, {
              title: a.title,
              ...(a.owner ? { ownerId: uid(a.owner) } : {}),
              startDate: isoDate(cycle.start, a.startDay),
              dueDate: isoDate(cycle.start, a.dueDay),
              state: a.state,
            });
          }
          if (
            plan.state === 'approved' &&
            (kr.progressSource ?? 'manual') === 'manual' &&
            kr.pace > 0
          ) {
            for (const at of checkInDates(cycle, today, plan.cycle === 'year' ? 28 : 7)) {
              checkIns.push({ at, krId: createdKr.id, userId: ownerId ?? writer, kr, cycle });
            }
          }
        }
      }
      if (plan.state === 'draft') continue;
      await api.call('POST', `/plans/${created.id}/submit`, {});
      if (plan.state === 'in_review') continue;
      const submitted = await api.call<{ approverId: string | null }>(
        'GET',
        `/plans/${created.id}`,
      );
      const approver = as(submitted.approverId ?? org.adminId);
      clock = new Date(clock.getTime() + 3 * 3_600_000);
      if (plan.state === 'approved') {
        await approver.call('POST', `/plans/${created.id}/approve`, {
          comment: plan.reviewComment ?? '通过',
        });
      } else {
        await approver.call('POST', `/plans/${created.id}/request-changes`, {
          comment: plan.reviewComment ?? '请修改后重新提交',
        });
      }
    }

    // One accepted cross-department request (协同), a few days into the quarter: 销售部 asks
    // 产品部 to support its channel objective, and 产品部 takes it on as a new objective (weight
    // 0: it moves no progress until the plan's weights are rebalanced). The alignment map draws
    // the support link between the two objectives.
    clock = new Date(cycles.quarter.planningAt.getTime() + 3 * 86_400_000);
    const support = await as(uid('sales')).call<{ id: string }>('POST', '/requests', {
      fromObjectiveId: objectiveIds.get('sales-channel'),
      toUnitId: unitIds.get('prod'),
      message: '渠道伙伴需要一套标准的产品演示环境和试用流程，请产品部支持',
    });
    await as(uid('prod')).call('POST', `/requests/${support.id}/accept`, {
      as: 'objective',
      title: '为渠道伙伴提供标准演示环境和试用流程',
    });

    // Weekly check-ins, in time order.
    checkIns.sort((a, b) => a.at.getTime() - b.at.getTime());
    const counts = new Map<string, number>();
    for (const c of checkIns) {
      clock = c.at;
      const n = counts.get(c.krId) ?? 0;
      counts.set(c.krId, n + 1);
      const { value, confidence } = valueAt(c.kr, c.cycle, c.at, n);
      const note = c.kr.notes?.[n % Math.max(1, c.kr.notes.length)];
      await as(c.userId).call('POST', `/key-results/${c.krId}/check-ins`, {
        value,
        confidence,
        ...(note && n < (c.kr.notes?.length ?? 0) ? { note } : {}),
        ...(c.kr.blockers && c.kr.pace < 0.8 && n > 1 ? { blockers: c.kr.blockers } : {}),
      });
    }
  } finally {
    clock = today;
    // the seed's own tokens are not anyone's credentials
    if (tokenIds.length > 0)
      await ctx.db.deleteFrom('api_tokens').where('id', 'in', tokenIds).execute();
    await app.close();
  }

  function unitLeader(unit: UnitKey): PersonKey {
    return units.find((u) => u.key === unit)!.leader;
  }
}

/** Who writes a plan: the user for a personal plan, the unit's leader for a unit plan. */
function writerOf(
  plan: DemoPlan,
  uid: (k: PersonKey) => string,
  leaderOf: (u: UnitKey) => PersonKey,
): string {
  return 'user' in plan.owner ? uid(plan.owner.user) : uid(leaderOf(plan.owner.unit));
}
