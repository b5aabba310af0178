import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors.js';
import {
  emailDomainFor,
  generateOrganization,
  GENERATED_PASSWORD,
  type GenerateReport,
} from '../../src/generate/generate.js';
import type { GenerateParams } from '../../src/generate/plan.js';
import { createApiToken } from '../../src/modules/auth/auth.service.js';
import { useTestApp } from '../helpers/app.js';
import { enginesToTest } from '../helpers/engines.js';
import { differences, storedAndRecomputed } from '../helpers/stored-progress.js';

const PARAMS: GenerateParams = {
  users: 100,
  units: 15,
  weeks: 4,
  seed: 42,
  org: 'Small Co',
  domain: emailDomainFor('Small Co'),
};

for (const { engine, skip } of await enginesToTest()) {
  describe.skipIf(skip)(`polaris generate on ${engine}`, () => {
    const t = useTestApp(engine);
    let report: GenerateReport;
    let orgId: string;

    beforeAll(async () => {
      report = await generateOrganization(t.ctx, PARAMS);
      orgId = report.organizationId;
    });

    const count = async (
      table:
        | 'users'
        | 'units'
        | 'plans'
        | 'objectives'
        | 'key_results'
        | 'actions'
        | 'check_ins'
        | 'reviews',
    ) => {
      const r = await t.ctx.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('organization_id', '=', orgId)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    };

    it('loads exactly the counts it reports, a plan for every unit and person', async () => {
      const c = report.counts;
      expect(c.users).toBe(100);
      expect(c.units).toBe(15);
      // every unit and every person but the admin in the quarter, the company in the year
      expect(c.plans).toBe(15 + 99 + 1);
      expect(await count('users')).toBe(c.users);
      expect(await count('units')).toBe(c.units);
      expect(await count('plans')).toBe(c.plans);
      expect(await count('objectives')).toBe(c.objectives);
      expect(await count('key_results')).toBe(c.keyResults);
      expect(await count('actions')).toBe(c.actions);
      expect(await count('check_ins')).toBe(c.checkIns);
      expect(await count('reviews')).toBe(c.reviews);
      expect(c.objectives).toBeGreaterThanOrEqual(c.plans * 3);
      expect(c.keyResults).toBeGreaterThanOrEqual(c.objectives * 2);
      expect(c.checkIns).toBeGreaterThan(c.keyResults);
      expect(report.timings.tables.map((x) => x.table)).toContain('check_ins');
    });

    it('builds one unit tree five levels deep, every unit led by one of its members', async () => {
      const rows = await sql<{ depth: number; n: number }>`
        with recursive tree(id, depth) as (
          select id, 1 from units where organization_id = ${orgId} and parent_id is null
          union all
          select u.id, t.depth + 1 from units u inner join tree t on u.parent_id = t.id
        )
        select depth, count(*) as n from tree group by depth order by depth`.execute(t.ctx.db);
      expect(rows.rows.map((r) => Number(r.depth))).toEqual([1, 2, 3, 4, 5]);
      expect(rows.rows[0]!.n).toBe(1);
      expect(rows.rows.reduce((s, r) => s + Number(r.n), 0)).toBe(15);
      const unled = await t.ctx.db
        .selectFrom('units')
        .leftJoin('unit_members', (j) =>
          j
            .onRef('unit_members.unit_id', '=', 'units.id')
            .onRef('unit_members.user_id', '=', 'units.leader_id'),
        )
        .select('units.id')
        .where('units.organization_id', '=', orgId)
        .where('unit_members.user_id', 'is', null)
        .execute();
      expect(unled).toEqual([]);
    });

    it("stores every KR's, objective's and plan's progress as the live roll-up computes it", async () => {
      const { stored, recomputed } = await storedAndRecomputed(t.ctx.db, orgId);
      expect(stored.size).toBe(
        report.counts.keyResults + report.counts.objectives + report.counts.plans,
      );
      expect(differences(stored, recomputed)).toEqual([]);
      // not all zeros: the organization is weeks into its quarter
      const plans = [...stored.values()].filter((r) => r.table === 'plans');
      expect(plans.filter((p) => p.progress > 0).length).toBeGreaterThan(plans.length / 2);
    }, 120_000);

    it('weights every set of objectives and of KRs to 100 with unique priorities', async () => {
      const objectiveSets = await t.ctx.db
        .selectFrom('objectives')
        .select((eb) => [
          'plan_id',
          eb.fn.sum<number>('weight').as('w'),
          eb.fn.count<number>('id').as('n'),
          eb.fn.count<number>('priority').distinct().as('p'),
        ])
        .where('organization_id', '=', orgId)
        .groupBy('plan_id')
        .execute();
      expect(objectiveSets).toHaveLength(report.counts.plans);
      for (const s of objectiveSets) {
        expect(Number(s.w)).toBe(100);
        expect(Number(s.p)).toBe(Number(s.n));
      }
      const krSets = await t.ctx.db
        .selectFrom('key_results')
        .select((eb) => [
          'objective_id',
          eb.fn.sum<number>('weight').as('w'),
          eb.fn.count<number>('id').as('n'),
          eb.fn.count<number>('priority').distinct().as('p'),
        ])
        .where('organization_id', '=', orgId)
        .groupBy('objective_id')
        .execute();
      expect(krSets).toHaveLength(report.counts.objectives);
      for (const s of krSets) {
        expect(Number(s.w)).toBe(100);
        expect(Number(s.p)).toBe(Number(s.n));
      }
    });

    it('aligns objectives only to objectives and KRs of unit plans, and feeds every aligned KR', async () => {
      const aligned = await t.ctx.db
        .selectFrom('objectives as o')
        .leftJoin('key_results as kr', 'kr.id', 'o.aligned_to_key_result_id')
        .leftJoin('objectives as po', (j) =>
          j.on((eb) =>
            eb.or([
              eb('po.id', '=', eb.ref('o.aligned_to_objective_id')),
              eb('po.id', '=', eb.ref('kr.objective_id')),
            ]),
          ),
        )
        .leftJoin('plans as pp', 'pp.id', 'po.plan_id')
        .select(['o.id', 'o.plan_id', 'pp.owner_type', 'po.plan_id as parent_plan_id'])
        .where('o.organization_id', '=', orgId)
        .where((eb) =>
          eb.or([
            eb('o.aligned_to_objective_id', 'is not', null),
            eb('o.aligned_to_key_result_id', 'is not', null),
          ]),
        )
        .execute();
      expect(aligned.length).toBeGreaterThan(report.counts.objectives / 2);
      for (const a of aligned) {
        expect(a.owner_type).toBe('unit');
        expect(a.parent_plan_id).not.toBe(a.plan_id);
      }
      const orphans = await t.ctx.db
        .selectFrom('key_results as kr')
        .select('kr.id')
        .where('kr.organization_id', '=', orgId)
        .where('kr.progress_source', '=', 'aligned')
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('objectives as c')
                .select('c.id')
                .whereRef('c.aligned_to_key_result_id', '=', 'kr.id'),
            ),
          ),
        )
        .execute();
      expect(orphans).toEqual([]);
    });

    it('dates check-ins weekly before now, by the KR owner, only in approved plans', async () => {
      const rows = await t.ctx.db
        .selectFrom('check_ins as c')
        .innerJoin('key_results as kr', 'kr.id', 'c.key_result_id')
        .innerJoin('plans as p', 'p.id', 'c.plan_id')
        .select(['c.created_at', 'c.author_id', 'kr.owner_id', 'p.state', 'kr.plan_id'])
        .where('c.organization_id', '=', orgId)
        .execute();
      const now = t.ctx.now().toISOString();
      for (const r of rows) {
        expect(r.created_at < now).toBe(true);
        expect(r.author_id).toBe(r.owner_id);
        expect(r.state).toBe('approved');
      }
    });

    it('serves the generated plans through the API with their stored progress', async () => {
      const admin = await t.ctx.db
        .selectFrom('users')
        .select(['id', 'role'])
        .where('email', '=', report.adminEmail)
        .executeTakeFirstOrThrow();
      const { token } = await createApiToken(
        t.ctx,
        { userId: admin.id, organizationId: orgId, role: 'admin' },
        'test',
      );
      const plan = await t.ctx.db
        .selectFrom('plans')
        .select(['id', 'progress'])
        .where('organization_id', '=', orgId)
        .where('owner_type', '=', 'unit')
        .where('owner_id', '=', report.rootUnitId)
        .orderBy('created_at', 'desc')
        .executeTakeFirstOrThrow();
      const res = await t.client(token).get(`/plans/${plan.id}`);
      expect(res.status).toBe(200);
      expect(res.body.progress).toBeCloseTo(plan.progress, 12);
      expect(res.body.objectives.length).toBeGreaterThanOrEqual(4);

      const login = await t.client().post('/auth/login', {
        email: `user1@${PARAMS.domain}`,
        password: GENERATED_PASSWORD,
      });
      expect(login.status).toBe(200);
    });

    it('refuses to generate the same organization into the database twice with a conflict', async () => {
      const again = generateOrganization(t.ctx, PARAMS);
      await expect(again).rejects.toBeInstanceOf(AppError);
      await expect(again).rejects.toMatchObject({ code: 'conflict' });
    });
  });
}
