/** SQL for check-ins. Every query is scoped to one organization. */
import type { DbOrTrx } from '../../context.js';
import { precompile } from '../../db/precompiled.js';
import type { CheckInTable } from '../../db/schema.js';
import { isPostgres } from '../progress/progress.repository.js';

type Ids = { orgId: string; id: string };

/**
 * Everything a check-in needs, in one query inside its transaction: the KR, its objective's
 * visibility, its plan's owner and state (the plan locked until commit on PostgreSQL, so that
 * writes to one plan and their roll-ups run one at a time), its cycle's state and dates, and the
 * organization's clock.
 */
const checkInTarget = precompile(['orgId', 'id'], (db, p: Ids) => {
  const q = db
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
      'plans.state as plan_state',
      'cycles.state as cycle_state',
      'cycles.start_date',
      'cycles.end_date',
      'organizations.timezone',
      'organizations.settings',
    ])
    .where('key_results.id', '=', p.id)
    .where('key_results.organization_id', '=', p.orgId);
  return isPostgres(db) ? q.forUpdate('plans') : q;
});

export function lockCheckInTarget(db: DbOrTrx, orgId: string, keyResultId: string) {
  return checkInTarget.takeFirst(db, { orgId, id: keyResultId });
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

const CHECK_IN_COLUMNS = [
  'id',
  'organization_id',
  'plan_id',
  'key_result_id',
  'value',
  'confidence',
  'note',
  'blockers',
  'author_id',
  'idempotency_key',
  'response',
  'created_at',
] as const;
const checkInInsert = precompile(CHECK_IN_COLUMNS, (db, row: CheckInTable) =>
  db.insertInto('check_ins').values(row),
);

export async function insertCheckIn(db: DbOrTrx, row: CheckInTable): Promise<void> {
  await checkInInsert.execute(db, row);
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

type Recorded = Ids & { value: number; at: string; progress: number; progressRaw: number };
const recordSet = (db: DbOrTrx, p: Recorded) =>
  db
    .updateTable('key_results')
    .set((eb) => ({
      current_value: p.value,
      last_check_in_at: p.at,
      updated_at: p.at,
      version: eb('version', '+', 1),
      progress: p.progress,
      progress_raw: p.progressRaw,
    }))
    .where('id', '=', p.id)
    .where('organization_id', '=', p.orgId);
const RECORDED = ['orgId', 'id', 'value', 'at', 'progress', 'progressRaw'] as const;
const recordValue = precompile(RECORDED, (db, p: Recorded) => recordSet(db, p).returningAll());
const recordValueAndConfidence = precompile(
  [...RECORDED, 'confidence'],
  (db, p: Recorded & { confidence: number }) =>
    recordSet(db, p).set({ confidence: p.confidence }).returningAll(),
);

/**
 * The KR takes the check-in's value (and confidence, when given) and its version moves on; with
 * `progress` (a manual KR: the caller computed it from the value) the KR's progress is stored in
 * the same statement. The KR as it is now.
 */
export function recordOnKeyResult(
  db: DbOrTrx,
  orgId: string,
  keyResultId: string,
  c: {
    value: number;
    confidence: number | null;
    at: string;
    progress?: { progress: number; progressRaw: number };
  },
) {
  if (c.progress === undefined) {
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
      .executeTakeFirst();
  }
  const p = { orgId, id: keyResultId, value: c.value, at: c.at, ...c.progress };
  return c.confidence === null
    ? recordValue.takeFirst(db, p)
    : recordValueAndConfidence.takeFirst(db, { ...p, confidence: c.confidence });
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
