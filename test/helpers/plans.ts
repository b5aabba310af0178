/**
 * Plan-tree builders for API tests: an organization with a small unit tree, and plans with
 * objectives and key results built through the API.
 *
 *   root (led by the admin)
 *   ├── sales (led by salesLead)
 *   │   └── team (led by teamLead; members: member, peer)
 *   └── marketing (led by otherLead; member: stranger)
 */
import type { Client, Response, TestApp } from './app.js';
import type { TestOrg, TestUser } from './factories.js';

export interface Scenario {
  org: TestOrg;
  admin: TestUser;
  cycleId: string;
  salesId: string;
  salesLead: TestUser;
  teamId: string;
  teamLead: TestUser;
  member: TestUser;
  peer: TestUser;
  marketingId: string;
  otherLead: TestUser;
  stranger: TestUser;
}

/** The unit tree above, with an active 2026 Q4 cycle (2026-10-01 … 2026-12-31). */
export async function scenario(
  t: TestApp,
  cycle: { state?: 'planning' | 'active' | 'reviewing' | 'closed' } = {},
): Promise<Scenario> {
  const f = t.factory;
  const org = await f.org();
  const salesLead = await f.user(org, { name: 'Sales Lead' });
  const teamLead = await f.user(org, { name: 'Team Lead' });
  const otherLead = await f.user(org, { name: 'Marketing Lead' });
  const salesId = await f.unit(org, { name: 'Sales', leaderId: salesLead.id });
  const teamId = await f.unit(org, { name: 'Team', parentId: salesId, leaderId: teamLead.id });
  const marketingId = await f.unit(org, { name: 'Marketing', leaderId: otherLead.id });
  const member = await f.user(org, { name: 'Member', unitId: teamId });
  const peer = await f.user(org, { name: 'Peer', unitId: teamId });
  const stranger = await f.user(org, { name: 'Stranger', unitId: marketingId });
  const cycleId = await f.cycle(org, { state: cycle.state ?? 'active' });
  return {
    org,
    admin: org.admin,
    cycleId,
    salesId,
    salesLead,
    teamId,
    teamLead,
    member,
    peer,
    marketingId,
    otherLead,
    stranger,
  };
}

/** The body of `res`, or an error that shows what came back instead of `status`. */
export async function expectStatus<T = any>(res: Promise<Response<T>>, status: number): Promise<T> {
  const r = await res;
  if (r.status !== status) {
    throw new Error(`expected ${status}, got ${r.status}: ${JSON.stringify(r.body)}`);
  }
  return r.body;
}

export interface KeyResultSpec {
  weight: number;
  title?: string;
  metricType?: 'number' | 'percent' | 'currency' | 'boolean';
  startValue?: number;
  targetValue?: number;
  direction?: 'increase' | 'decrease';
  progressSource?: 'manual' | 'aligned' | 'actions';
  ownerId?: string;
  priority?: number;
}

export interface ObjectiveSpec {
  weight: number;
  title?: string;
  priority?: number;
  visibility?: 'public' | 'private';
  alignedToObjectiveId?: string;
  alignedToKeyResultId?: string;
  keyResults?: KeyResultSpec[];
}

export interface BuiltPlan {
  plan: any;
  /** each with its `keyResults` */
  objectives: any[];
}

/** Adds a KR (number 0 → 100 unless the spec says otherwise). */
export function addKeyResult(api: Client, objectiveId: string, kr: KeyResultSpec): Promise<any> {
  return expectStatus(
    api.post(`/objectives/${objectiveId}/key-results`, {
      title: kr.title ?? 'Grow revenue to the target',
      metricType: kr.metricType ?? 'number',
      ...(kr.metricType === 'boolean'
        ? {}
        : { startValue: kr.startValue ?? 0, targetValue: kr.targetValue ?? 100 }),
      ...(kr.direction ? { direction: kr.direction } : {}),
      weight: kr.weight,
      ...(kr.progressSource ? { progressSource: kr.progressSource } : {}),
      ...(kr.ownerId ? { ownerId: kr.ownerId } : {}),
      ...(kr.priority !== undefined ? { priority: kr.priority } : {}),
    }),
    201,
  );
}

/** Adds an objective with its KRs. */
export async function addObjective(api: Client, planId: string, o: ObjectiveSpec): Promise<any> {
  const { keyResults = [], ...fields } = o;
  const objective = await expectStatus(
    api.post(`/plans/${planId}/objectives`, { title: 'Win the market', ...fields }),
    201,
  );
  const krs = [];
  for (const kr of keyResults) krs.push(await addKeyResult(api, objective.id, kr));
  return { ...objective, keyResults: krs };
}

/** Creates a plan through the API with the given objectives and KRs. */
export async function buildPlan(
  api: Client,
  owner: { cycleId: string; ownerType: 'unit' | 'user'; ownerId: string },
  objectives: ObjectiveSpec[] = [],
): Promise<BuiltPlan> {
  const plan = await expectStatus(api.post('/plans', owner), 201);
  const built = [];
  for (const o of objectives) built.push(await addObjective(api, plan.id, o));
  return { plan, objectives: built };
}

/** Submits (as `writer`) and approves (as `approver`) a plan. */
export async function approvePlan(writer: Client, approver: Client, planId: string): Promise<any> {
  await expectStatus(writer.post(`/plans/${planId}/submit`, {}), 200);
  return expectStatus(approver.post(`/plans/${planId}/approve`, {}), 200);
}

/** One objective (weight 100) with one KR (weight 100, 0 → 100): the smallest valid plan. */
export const ONE_KR: ObjectiveSpec[] = [{ weight: 100, keyResults: [{ weight: 100 }] }];
