/**
 * One world for the permission matrix (test/api/permissions.test.ts), built directly in the
 * database, and fresh fixtures for the cells whose route changes something.
 *
 *   organization A
 *   company (root, led by the admin)
 *   └── 商业部门 (led by parentLeader)
 *       ├── 市场部 (led by leader; members: owner, member)
 *       └── 销售部 (led by peerLeader)
 *   cycle 2026 Q4 (active):
 *   - 商业部门's unit plan (approved): B1 → KR b1
 *   - 市场部's unit plan (approved): M1 (aligned to KR b1) → KR m1 (owned by owner, lagging)
 *   - owner's user plan (approved): U1 public (aligned to M1) → KR u1;
 *                                   U2 private (aligned to KR m1) → KR u2 (lagging)
 *   organization B: its own admin, a cycle and a unit plan (so its lists are not empty).
 */
import type { TestApp } from './app.js';
import type { TestOrg, TestUser } from './factories.js';
import { insertPlanTree, type ObjectiveSpec, type PlanTree } from './tree.js';

export const ACTORS = [
  'anonymous',
  'member',
  'owner',
  'leader',
  'peerLeader',
  'parentLeader',
  'admin',
  'otherAdmin',
] as const;
export type ActorName = (typeof ACTORS)[number];

/** The actors who may read the owner's private objectives (api.md "Visibility"). */
export const PRIVATE_READERS: ReadonlySet<ActorName> = new Set([
  'owner',
  'leader',
  'parentLeader',
  'admin',
]);

export interface World {
  t: TestApp;
  a: TestOrg;
  b: TestOrg;
  users: Record<Exclude<ActorName, 'anonymous' | 'admin' | 'otherAdmin'>, TestUser>;
  /** a user of A with a password, for POST /auth/login */
  loginUser: TestUser & { password: string };
  bizId: string;
  mktId: string;
  salesId: string;
  cycleId: string;
  bizPlan: PlanTree;
  mktPlan: PlanTree;
  ownerPlan: PlanTree;
  /** the owner's private objective U2 and its KR u2 */
  privateObjectiveId: string;
  privateKeyResultId: string;
  /** B's cycle and plan */
  otherCycleId: string;
  otherPlan: PlanTree;
  /** every id of organization A the tests know (fixtures add theirs): B must never see one */
  idsOfA: Set<string>;
  /** ids and titles of private objectives and their KRs: non-readers must never see one */
  secrets: Set<string>;
}

let seq = 0;
/** A text unique in this run (titles, names, emails). */
export const uniq = (prefix: string): string => `${prefix}-${Date.now().toString(36)}-${seq++}`;

const LAST_WEEK = '2026-11-13T02:00:00.000Z';

function remember(w: Pick<World, 'idsOfA'>, tree: PlanTree): PlanTree {
  w.idsOfA.add(tree.planId);
  for (const o of tree.objectives) {
    w.idsOfA.add(o.id);
    for (const k of o.keyResultIds) w.idsOfA.add(k);
  }
  return tree;
}

/** Builds the world above. */
export async function buildWorld(t: TestApp): Promise<World> {
  const f = t.factory;
  const a = await f.org(uniq('OrgA'));
  const b = await f.org(uniq('OrgB'));
  const parentLeader = await f.user(a, { name: 'parentLeader' });
  const leader = await f.user(a, { name: 'leader' });
  const peerLeader = await f.user(a, { name: 'peerLeader' });
  const bizId = await f.unit(a, { name: '商业部门', leaderId: parentLeader.id });
  const mktId = await f.unit(a, { name: '市场部', parentId: bizId, leaderId: leader.id });
  const salesId = await f.unit(a, { name: '销售部', parentId: bizId, leaderId: peerLeader.id });
  const owner = await f.user(a, { name: 'owner', unitId: mktId });
  const member = await f.user(a, { name: 'member', unitId: mktId });
  const password = 'login-password-123';
  const loginUser = { ...(await f.user(a, { name: 'login', password })), password };
  const cycleId = await f.cycle(a, { name: uniq('2026 Q4') });

  const idsOfA = new Set<string>([
    a.id,
    a.rootUnitId,
    a.admin.id,
    parentLeader.id,
    leader.id,
    peerLeader.id,
    owner.id,
    member.id,
    loginUser.id,
    bizId,
    mktId,
    salesId,
    cycleId,
  ]);
  const w = { idsOfA };

  const bizPlan = remember(
    w,
    await insertPlanTree(t.ctx, a, {
      cycleId,
      ownerType: 'unit',
      ownerId: bizId,
      objectives: [{ title: 'B1 占领华东市场', keyResults: [{ title: 'KR b1', progress: 0.5 }] }],
    }),
  );
  const b1 = bizPlan.objectives[0]!.keyResultIds[0]!;
  const mktPlan = remember(
    w,
    await insertPlanTree(t.ctx, a, {
      cycleId,
      ownerType: 'unit',
      ownerId: mktId,
      objectives: [
        {
          title: 'M1 提升品牌影响力',
          alignedToKeyResultId: b1,
          keyResults: [
            { title: 'KR m1', progress: 0.2, lastCheckInAt: LAST_WEEK, ownerId: owner.id },
          ],
        },
      ],
    }),
  );
  const m1 = mktPlan.objectives[0]!;
  const privateTitle = uniq('U2 私密目标');
  const privateKrTitle = uniq('KR u2 私密');
  const ownerPlan = remember(
    w,
    await insertPlanTree(t.ctx, a, {
      cycleId,
      ownerType: 'user',
      ownerId: owner.id,
      objectives: [
        {
          title: 'U1 公开目标',
          alignedToObjectiveId: m1.id,
          keyResults: [{ title: 'KR u1', progress: 0.5, lastCheckInAt: LAST_WEEK }],
        },
        {
          title: privateTitle,
          visibility: 'private',
          alignedToKeyResultId: m1.keyResultIds[0]!,
          keyResults: [
            { title: privateKrTitle, progress: 0.1, lastCheckInAt: LAST_WEEK, ownerId: owner.id },
          ],
        },
      ],
    }),
  );
  const u2 = ownerPlan.objectives[1]!;

  const otherCycleId = await f.cycle(b, { name: uniq('B 2026 Q4') });
  const otherPlan = await insertPlanTree(t.ctx, b, {
    cycleId: otherCycleId,
    ownerType: 'unit',
    ownerId: b.rootUnitId,
    objectives: [
      { title: 'B org objective', keyResults: [{ progress: 0.1, lastCheckInAt: LAST_WEEK }] },
    ],
  });

  return {
    t,
    a,
    b,
    users: { member, owner, leader, peerLeader, parentLeader },
    loginUser,
    bizId,
    mktId,
    salesId,
    cycleId,
    bizPlan,
    mktPlan,
    ownerPlan,
    privateObjectiveId: u2.id,
    privateKeyResultId: u2.keyResultIds[0]!,
    otherCycleId,
    otherPlan,
    idsOfA,
    secrets: new Set([u2.id, u2.keyResultIds[0]!, privateTitle, privateKrTitle]),
  };
}

/** The API client of `actor` (anonymous: no token). */
export function clientOf(w: World, actor: ActorName) {
  switch (actor) {
    case 'anonymous':
      return w.t.client();
    case 'admin':
      return w.a.admin.api;
    case 'otherAdmin':
      return w.b.admin.api;
    case 'member':
    case 'owner':
    case 'leader':
    case 'peerLeader':
    case 'parentLeader':
      return w.users[actor].api;
  }
}

// ---------------------------------------------------------------------------------------------
// Fresh fixtures: each cell that changes something gets its own.

/** A new active cycle of A (plans are unique per owner × cycle, so each fresh plan needs one). */
export async function freshCycle(w: World): Promise<string> {
  const id = await w.t.factory.cycle(w.a, { name: uniq('fresh cycle') });
  w.idsOfA.add(id);
  return id;
}

/**
 * A plan in a fresh cycle that passes the submit checks: a public objective with two KRs and a
 * private one with one KR (weights 50/50). The user plan's KRs have no owner; the unit plan's
 * KRs are owned by the owner (a member of 市场部).
 */
export async function freshPlan(
  w: World,
  ownerType: 'user' | 'unit',
  state: 'draft' | 'approved' = 'draft',
): Promise<PlanTree> {
  const cycleId = await freshCycle(w);
  const ownerId = ownerType === 'user' ? w.users.owner.id : w.mktId;
  const krOwner = ownerType === 'unit' ? w.users.owner.id : null;
  const privateTitle = uniq('private objective');
  const privateKr = uniq('private KR');
  const objectives: ObjectiveSpec[] = [
    {
      title: uniq('public objective'),
      keyResults: [
        { title: 'KR 1', ownerId: krOwner },
        { title: 'KR 2', ownerId: krOwner },
      ],
    },
    {
      title: privateTitle,
      visibility: 'private',
      keyResults: [{ title: privateKr, ownerId: w.users.owner.id }],
    },
  ];
  const tree = remember(
    w,
    await insertPlanTree(w.t.ctx, w.a, { cycleId, ownerType, ownerId, state, objectives }),
  );
  const hidden = tree.objectives[1]!;
  for (const s of [hidden.id, ...hidden.keyResultIds, privateTitle, privateKr]) w.secrets.add(s);
  return tree;
}

/** A fresh plan submitted by the admin (so its approver is resolved as in real life). */
export async function freshPlanInReview(w: World, ownerType: 'user' | 'unit'): Promise<PlanTree> {
  const tree = await freshPlan(w, ownerType);
  const res = await w.a.admin.api.post(`/plans/${tree.planId}/submit`, {});
  if (res.status !== 200) throw new Error(`fixture: submit gave ${res.status}`);
  return tree;
}

/** An action on `keyResultId`, created by the admin through the API. */
export async function freshAction(
  w: World,
  keyResultId: string,
  ownerId: string | null = null,
): Promise<string> {
  const res = await w.a.admin.api.post(`/key-results/${keyResultId}/actions`, {
    title: uniq('action'),
    ...(ownerId ? { ownerId } : {}),
    dueDate: '2026-12-15',
  });
  if (res.status !== 201) throw new Error(`fixture: action gave ${res.status}`);
  w.idsOfA.add(res.body.id);
  return res.body.id as string;
}

/** A fresh unit under 市场部 (optionally with `memberId` as a member). */
export async function freshUnit(w: World, memberId?: string): Promise<string> {
  const id = await w.t.factory.unit(w.a, { name: uniq('team'), parentId: w.mktId });
  if (memberId) await w.t.factory.member(w.a, id, memberId);
  w.idsOfA.add(id);
  return id;
}
