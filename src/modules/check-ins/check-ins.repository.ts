/** SQL for check-ins. Every query is scoped to one organization. */
import type { DbOrTrx } from '../../context.js';
import type { CheckInTable } from '../../db/schema.js';
import { isPostgres } from '../progress/progress.repository.js';

/**
 * Everything a check-in needs before its transaction, in one query: the KR, its objective's
 * visibility, its plan's owner, its cycle's dates and the organization's clock.
 */
export function findCheckInTarget(db: DbOrTrx, orgId: string, keyResultId: string) {
  return db
    .selectFrom('key_results')
    .innerJoin('objectives', 'objectives.id', 'key_results.objective_id')
    .innerJoin('plans', 'plans.id', 'key_results.plan_id')
    .innerJoin('cycles', 'cycles.id', 'plans.cycle_id')
    .innerJoin('organizations', 'organizations.id', 'key_results.organization_id')
    .selectAll('key_results')
    .select([
      'objectives.visibility',
      'plans.owner_type as plan_owner_type',
      'plans.owner_id as plan_owner_id',
      'plans.approver_id as plan_approver_id',
      'cycles.start_date',
      'cycles.end_date',
      'organizations.timezone',
      'organizations.settings',
    ])
    .where('key_results.id', '=', keyResultId)
    .where('key_results.organization_id', '=', orgId)
    .executeTakeFirst();
}

/** The plan's and its cycle's states, locking the plan until commit (PostgreSQL). */
export function lockPlanStates(db: DbOrTrx, orgId: string, planId: string) {
  const q = db
    .selectFrom('plans')
    .innerJoin('cycles', 'cycles.id', 'plans.cycle_id')
    .select(['plans.state', 'cycles.state as cycle_state'])
    .where('plans.id', '=', planId)
    .where('plans.organization_id', '=', orgId);
  return (isPostgres(db) ? q.forUpdate('plans') : q).executeTakeFirst();
}

export function findByIdempotencyKey(db: DbOrTrx, orgId: string, authorId: string, key: string) {
  return db
    .selectFrom('check_ins')
    .select(['id', 'key_result_id', 'response'])
    .where('author_id', '=', authorId)
    .where('idempotency_key', '=', key)
    .where('organization_id', '=', orgId)
    .executeTakeFirst();
}

export async function insertCheckIn(db: DbOrTrx, row: CheckInTable): Promise<void> {
  await db.insertInto('check_ins').values(row).execute();
}

/** Stores the response replayed for the check-in's Idempotency-Key. */
export async function setCheckInResponse(
  db: DbOrTrx,
  orgId: string,
  id: string,
  response: string,
): Promise<void> {
  await db
    .updateTable('check_ins')
    .set({ response })
    .where('id', '=', id)
    .where('organization_id', '=', orgId)
    .execute();
}

/** The KR takes the check-in's value (and confidence, when given); its version moves on. */
export function recordOnKeyResult(
  db: DbOrTrx,
  orgId: string,
  keyResultId: string,
  c: { value: number; confidence: number | null; at: string },
) {
  return db
    .updateTable('key_results')
    .set((eb) => ({
      current_value: c.value,
      ...(c.confidence !== null ? { confidence: c.confidence } : {}),
      last_check_in_at: c.at,
      updated_at: c.at,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', keyResultId)
    .where('organization_id', '=', orgId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Newest first, keyset-paginated (`limit + 1` rows). */
export function listCheckIns(
  db: DbOrTrx,
  orgId: string,
  keyResultId: string,
  q: { limit: number; before?: { at: string; id: string } },
) {
  let query = db
    .selectFrom('check_ins')
    .selectAll()
    .where('key_result_id', '=', keyResultId)
    .where('organization_id', '=', orgId);
  if (q.before) {
    const { at, id } = q.before;
    query = query.where((eb) =>
      eb.or([eb('created_at', '<', at), eb.and([eb('created_at', '=', at), eb('id', '<', id)])]),
    );
  }
  return query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit + 1)
    .execute();
}
