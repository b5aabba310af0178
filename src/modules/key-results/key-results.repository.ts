/** SQL for key results. Every query is scoped to one organization. */
import type { DbOrTrx } from '../../context.js';
import type { KeyResultRow, KeyResultTable } from '../../db/schema.js';

/** The KR with its objective's visibility (a private objective hides its KRs). */
export function findKeyResult(db: DbOrTrx, orgId: string, id: string) {
  return db
    .selectFrom('key_results')
    .innerJoin('objectives', 'objectives.id', 'key_results.objective_id')
    .selectAll('key_results')
    .select('objectives.visibility')
    .where('key_results.id', '=', id)
    .where('key_results.organization_id', '=', orgId)
    .executeTakeFirst();
}

function ordered(db: DbOrTrx, orgId: string) {
  return db
    .selectFrom('key_results')
    .selectAll()
    .where('organization_id', '=', orgId)
    .orderBy('priority')
    .orderBy('created_at')
    .orderBy('id');
}

/** The objective's KRs by priority. */
export function keyResultsOfObjective(db: DbOrTrx, orgId: string, objectiveId: string) {
  return ordered(db, orgId).where('objective_id', '=', objectiveId).execute();
}

/** All KRs of a plan by priority (the tree read). */
export function keyResultsOfPlan(db: DbOrTrx, orgId: string, planId: string) {
  return ordered(db, orgId).where('plan_id', '=', planId).execute();
}

export async function nextKeyResultPriority(
  db: DbOrTrx,
  orgId: string,
  objectiveId: string,
): Promise<number> {
  const r = await db
    .selectFrom('key_results')
    .select((eb) => eb.fn.max('priority').as('max'))
    .where('objective_id', '=', objectiveId)
    .where('organization_id', '=', orgId)
    .executeTakeFirst();
  return Number(r?.max ?? 0) + 1;
}

export async function insertKeyResult(db: DbOrTrx, row: KeyResultTable): Promise<void> {
  await db.insertInto('key_results').values(row).execute();
}

export type KeyResultChanges = Partial<
  Pick<
    KeyResultRow,
    | 'title'
    | 'metric_type'
    | 'unit'
    | 'start_value'
    | 'target_value'
    | 'current_value'
    | 'direction'
    | 'weight'
    | 'priority'
    | 'owner_id'
    | 'due_date'
    | 'confidence'
    | 'progress_source'
  >
> & { updated_at: string };

/** Updates the KR if it is still at `version`, bumping it; false when it moved on. */
export async function updateKeyResult(
  db: DbOrTrx,
  orgId: string,
  id: string,
  version: number,
  set: KeyResultChanges,
): Promise<boolean> {
  const r = await db
    .updateTable('key_results')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('organization_id', '=', orgId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function setKeyResultPriority(
  db: DbOrTrx,
  orgId: string,
  id: string,
  priority: number,
  now: string,
): Promise<void> {
  await db
    .updateTable('key_results')
    .set((eb) => ({ priority, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('organization_id', '=', orgId)
    .execute();
}

export async function deleteKeyResult(db: DbOrTrx, orgId: string, id: string): Promise<void> {
  await db
    .deleteFrom('key_results')
    .where('id', '=', id)
    .where('organization_id', '=', orgId)
    .execute();
}

/** Ids of the KRs of these objectives (what a delete takes with it). */
export async function keyResultIdsOf(
  db: DbOrTrx,
  orgId: string,
  objectiveIds: readonly string[],
): Promise<string[]> {
  if (objectiveIds.length === 0) return [];
  const rows = await db
    .selectFrom('key_results')
    .select('id')
    .where('organization_id', '=', orgId)
    .where('objective_id', 'in', objectiveIds)
    .execute();
  return rows.map((r) => r.id);
}

/** The KR's most recent check-ins (value, time), for the forecast. */
export function recentCheckIns(db: DbOrTrx, orgId: string, keyResultId: string, limit: number) {
  return db
    .selectFrom('check_ins')
    .select(['value', 'created_at'])
    .where('key_result_id', '=', keyResultId)
    .where('organization_id', '=', orgId)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}

/** Whether a user of the organization exists (KR and action owners). */
export async function userExists(db: DbOrTrx, orgId: string, userId: string): Promise<boolean> {
  const r = await db
    .selectFrom('users')
    .select('id')
    .where('id', '=', userId)
    .where('organization_id', '=', orgId)
    .executeTakeFirst();
  return r !== undefined;
}

/**
 * The KRs of `cycleId` a person answers for, on any plan: the KRs they own, and the unowned KRs
 * of the plans they write (their own plan, the plans of the units they lead) — the same rule as
 * the check-in reminders. With each KR: its objective, its plan and the plan owner's name.
 * Oldest first, keyset-paginated on (created_at, id); `limit` rows at most.
 */
export function keyResultsResponsibleBy(
  db: DbOrTrx,
  orgId: string,
  q: { userId: string; cycleId: string; limit: number; after?: { at: string; id: string } },
) {
  let query = db
    .selectFrom('key_results as kr')
    .innerJoin('objectives as o', 'o.id', 'kr.objective_id')
    .innerJoin('plans as p', 'p.id', 'kr.plan_id')
    .leftJoin('units as u', (j) =>
      j.onRef('u.id', '=', 'p.owner_id').on('p.owner_type', '=', 'unit'),
    )
    .leftJoin('users as pu', (j) =>
      j.onRef('pu.id', '=', 'p.owner_id').on('p.owner_type', '=', 'user'),
    )
    .selectAll('kr')
    .select([
      'o.title as objective_title',
      'o.priority as objective_priority',
      'o.visibility',
      'p.cycle_id',
      'p.state as plan_state',
      'p.approved_at as plan_approved_at',
      'p.owner_type as plan_owner_type',
      'p.owner_id as plan_owner_id',
      'u.name as unit_name',
      'pu.name as user_name',
    ])
    .where('kr.organization_id', '=', orgId)
    .where('p.organization_id', '=', orgId)
    .where('p.cycle_id', '=', q.cycleId)
    .where((eb) =>
      eb.or([
        eb('kr.owner_id', '=', q.userId),
        eb.and([
          eb('kr.owner_id', 'is', null),
          eb.or([
            eb.and([eb('p.owner_type', '=', 'user'), eb('p.owner_id', '=', q.userId)]),
            eb.and([eb('p.owner_type', '=', 'unit'), eb('u.leader_id', '=', q.userId)]),
          ]),
        ]),
      ]),
    );
  if (q.after) {
    const { at, id } = q.after;
    query = query.where((eb) =>
      eb.or([
        eb('kr.created_at', '>', at),
        eb.and([eb('kr.created_at', '=', at), eb('kr.id', '>', id)]),
      ]),
    );
  }
  return query.orderBy('kr.created_at').orderBy('kr.id').limit(q.limit).execute();
}

export type ResponsibleKeyResultRow = Awaited<ReturnType<typeof keyResultsResponsibleBy>>[number];

/** The latest check-in of each of these KRs (the one at its `last_check_in_at`). */
export async function lastCheckInsOf(
  db: DbOrTrx,
  orgId: string,
  keyResults: readonly { id: string; last_check_in_at: string | null }[],
) {
  const wanted = keyResults.filter((kr) => kr.last_check_in_at !== null).map((kr) => kr.id);
  if (wanted.length === 0) return [];
  return db
    .selectFrom('check_ins as ci')
    .innerJoin('key_results as kr', (j) =>
      j.onRef('kr.id', '=', 'ci.key_result_id').onRef('kr.last_check_in_at', '=', 'ci.created_at'),
    )
    .select([
      'ci.id',
      'ci.key_result_id',
      'ci.value',
      'ci.confidence',
      'ci.note',
      'ci.blockers',
      'ci.author_id',
      'ci.created_at',
    ])
    .where('ci.organization_id', '=', orgId)
    .where('kr.organization_id', '=', orgId)
    .where('ci.key_result_id', 'in', wanted)
    .orderBy('ci.id')
    .execute();
}
