/** SQL for plans. Every query is scoped to one organization. */
import type { DbOrTrx } from '../../context.js';
import { precompile } from '../../db/precompiled.js';
import type { PlanRow, PlanTable } from '../../db/schema.js';
import { isPostgres } from '../progress/progress.repository.js';

/**
 * The plan, locked until commit on PostgreSQL: every change to a plan or its tree takes this lock
 * first, so writes to one plan (and their roll-ups) run one at a time. SQLite serializes anyway.
 */
export function lockPlan(db: DbOrTrx, orgId: string, id: string): Promise<PlanRow | undefined> {
  const q = db
    .selectFrom('plans')
    .selectAll()
    .where('id', '=', id)
    .where('organization_id', '=', orgId);
  return (isPostgres(db) ? q.forUpdate() : q).executeTakeFirst();
}

export function findPlan(db: DbOrTrx, orgId: string, id: string) {
  return db
    .selectFrom('plans')
    .selectAll()
    .where('id', '=', id)
    .where('organization_id', '=', orgId)
    .executeTakeFirst();
}

/** plans with their cycle's dates and their owner's name */
function planViews(db: DbOrTrx, orgId: string) {
  return db
    .selectFrom('plans')
    .innerJoin('cycles', 'cycles.id', 'plans.cycle_id')
    .leftJoin('units', (j) =>
      j.onRef('units.id', '=', 'plans.owner_id').on('plans.owner_type', '=', 'unit'),
    )
    .leftJoin('users', (j) =>
      j.onRef('users.id', '=', 'plans.owner_id').on('plans.owner_type', '=', 'user'),
    )
    .selectAll('plans')
    .select([
      'cycles.start_date',
      'cycles.end_date',
      'cycles.state as cycle_state',
      'units.name as unit_name',
      'users.name as user_name',
    ])
    .where('plans.organization_id', '=', orgId);
}

export type PlanView = NonNullable<Awaited<ReturnType<typeof findPlanView>>>;

export function findPlanView(db: DbOrTrx, orgId: string, id: string) {
  return planViews(db, orgId).where('plans.id', '=', id).executeTakeFirst();
}

/**
 * GET /plans/:id, compiled once: the plan's view with its organization's clock (timezone and
 * settings, for health) in one query, then its objectives, KRs and actions in tree order.
 */
const planReadView = precompile(['orgId', 'id'], (db, p: { orgId: string; id: string }) =>
  planViews(db, p.orgId)
    .innerJoin('organizations', 'organizations.id', 'plans.organization_id')
    .select(['organizations.timezone', 'organizations.settings'])
    .where('plans.id', '=', p.id),
);
const planObjectives = precompile(['orgId', 'planId'], (db, p: { orgId: string; planId: string }) =>
  db
    .selectFrom('objectives')
    .selectAll()
    .where('plan_id', '=', p.planId)
    .where('organization_id', '=', p.orgId)
    .orderBy('priority')
    .orderBy('created_at')
    .orderBy('id'),
);
const planKeyResults = precompile(['orgId', 'planId'], (db, p: { orgId: string; planId: string }) =>
  db
    .selectFrom('key_results')
    .selectAll()
    .where('plan_id', '=', p.planId)
    .where('organization_id', '=', p.orgId)
    .orderBy('priority')
    .orderBy('created_at')
    .orderBy('id'),
);
const planActions = precompile(['orgId', 'planId'], (db, p: { orgId: string; planId: string }) =>
  db
    .selectFrom('actions')
    .selectAll()
    .where('plan_id', '=', p.planId)
    .where('organization_id', '=', p.orgId)
    .orderBy('position')
    .orderBy('created_at')
    .orderBy('id'),
);

const planStamp = precompile(['orgId', 'id'], (db, p: { orgId: string; id: string }) =>
  db
    .selectFrom('plans')
    .select(['revision', 'version', 'owner_type', 'owner_id', 'approver_id'])
    .where('id', '=', p.id)
    .where('organization_id', '=', p.orgId),
);

/** What a kept plan read is checked against (plan-cache.ts), and the plan's owner for the policy. */
export function findPlanStamp(db: DbOrTrx, orgId: string, id: string) {
  return planStamp.takeFirst(db, { orgId, id });
}

/** The plan's view with the organization's timezone and settings. */
export function findPlanReadView(db: DbOrTrx, orgId: string, id: string) {
  return planReadView.takeFirst(db, { orgId, id });
}

/** The plan's whole tree, each level in display order (objectives, KRs, actions). */
export function findPlanTree(db: DbOrTrx, orgId: string, planId: string) {
  const p = { orgId, planId };
  return Promise.all([
    planObjectives.execute(db, p),
    planKeyResults.execute(db, p),
    planActions.execute(db, p),
  ]);
}

export interface PlanQuery {
  cycleId?: string;
  ownerType?: 'unit' | 'user';
  ownerId?: string;
  state?: PlanRow['state'];
  approverId?: string;
  limit: number;
  /** (created_at, id) of the last plan of the previous page */
  after?: { at: string; id: string };
}

/** Oldest first, keyset-paginated (`limit + 1` rows). */
export function listPlanViews(db: DbOrTrx, orgId: string, q: PlanQuery) {
  let query = planViews(db, orgId);
  if (q.cycleId !== undefined) query = query.where('plans.cycle_id', '=', q.cycleId);
  if (q.ownerType !== undefined) query = query.where('plans.owner_type', '=', q.ownerType);
  if (q.ownerId !== undefined) query = query.where('plans.owner_id', '=', q.ownerId);
  if (q.state !== undefined) query = query.where('plans.state', '=', q.state);
  if (q.approverId !== undefined) query = query.where('plans.approver_id', '=', q.approverId);
  if (q.after) {
    const { at, id } = q.after;
    query = query.where((eb) =>
      eb.or([
        eb('plans.created_at', '>', at),
        eb.and([eb('plans.created_at', '=', at), eb('plans.id', '>', id)]),
      ]),
    );
  }
  return query
    .orderBy('plans.created_at')
    .orderBy('plans.id')
    .limit(q.limit + 1)
    .execute();
}

export async function insertPlan(db: DbOrTrx, row: PlanTable): Promise<void> {
  await db.insertInto('plans').values(row).execute();
}

/** Updates the plan if it is still at `version`, bumping it; false when it moved on. */
export async function updatePlan(
  db: DbOrTrx,
  orgId: string,
  id: string,
  version: number,
  set: Partial<Pick<PlanRow, 'state' | 'approver_id' | 'submitted_at' | 'approved_at'>> & {
    updated_at: string;
  },
): Promise<boolean> {
  const r = await db
    .updateTable('plans')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('organization_id', '=', orgId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function deletePlan(db: DbOrTrx, orgId: string, id: string): Promise<void> {
  await db.deleteFrom('plans').where('id', '=', id).where('organization_id', '=', orgId).execute();
}

export function findCycle(db: DbOrTrx, orgId: string, id: string) {
  return db
    .selectFrom('cycles')
    .selectAll()
    .where('id', '=', id)
    .where('organization_id', '=', orgId)
    .executeTakeFirst();
}

/** The plan's objectives: id, priority, weight (for the submit checks). */
export function objectiveShapes(db: DbOrTrx, orgId: string, planId: string) {
  return db
    .selectFrom('objectives')
    .select(['id', 'priority', 'weight'])
    .where('plan_id', '=', planId)
    .where('organization_id', '=', orgId)
    .orderBy('priority')
    .orderBy('created_at')
    .execute();
}

/** The plan's KRs: id, objective, priority, weight (for the submit checks). */
export function keyResultShapes(db: DbOrTrx, orgId: string, planId: string) {
  return db
    .selectFrom('key_results')
    .select(['id', 'objective_id', 'priority', 'weight'])
    .where('plan_id', '=', planId)
    .where('organization_id', '=', orgId)
    .orderBy('priority')
    .orderBy('created_at')
    .execute();
}
