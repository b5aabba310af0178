/** SQL for the progress roll-up: one indexed read of the children and one update per level. */
import { PostgresAdapter } from 'kysely';
import type { DbOrTrx } from '../../context.js';

/** True when `db` talks to PostgreSQL (row locks); SQLite serializes write transactions itself. */
export function isPostgres(db: DbOrTrx): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * Locks the plan of a KR until commit (PostgreSQL), so that concurrent roll-ups through the same
 * plan run one after the other and each reads what the previous one wrote. No-op on SQLite.
 */
export async function lockPlanOfKeyResult(
  db: DbOrTrx,
  orgId: string,
  keyResultId: string,
): Promise<void> {
  if (!isPostgres(db)) return;
  await db
    .selectFrom('plans')
    .select('plans.id')
    .where('plans.organization_id', '=', orgId)
    .where('plans.id', '=', (eb) =>
      eb
        .selectFrom('key_results')
        .select('key_results.plan_id')
        .where('key_results.id', '=', keyResultId),
    )
    .forUpdate()
    .execute();
}

export function findKeyResult(db: DbOrTrx, orgId: string, id: string) {
  return db
    .selectFrom('key_results')
    .selectAll()
    .where('id', '=', id)
    .where('organization_id', '=', orgId)
    .executeTakeFirst();
}

/** The objectives aligned to a KR (its children when its progressSource is `aligned`). */
export function objectivesAlignedTo(db: DbOrTrx, orgId: string, keyResultId: string) {
  return db
    .selectFrom('objectives')
    .select(['weight', 'progress', 'last_check_in_at'])
    .where('aligned_to_key_result_id', '=', keyResultId)
    .where('organization_id', '=', orgId)
    .execute();
}

export function actionsOf(db: DbOrTrx, orgId: string, keyResultId: string) {
  return db
    .selectFrom('actions')
    .select(['weight', 'state'])
    .where('key_result_id', '=', keyResultId)
    .where('organization_id', '=', orgId)
    .execute();
}

export function keyResultsOf(db: DbOrTrx, orgId: string, objectiveId: string) {
  return db
    .selectFrom('key_results')
    .select(['weight', 'progress', 'last_check_in_at'])
    .where('objective_id', '=', objectiveId)
    .where('organization_id', '=', orgId)
    .execute();
}

export function objectivesOf(db: DbOrTrx, orgId: string, planId: string) {
  return db
    .selectFrom('objectives')
    .select(['weight', 'progress', 'last_check_in_at'])
    .where('plan_id', '=', planId)
    .where('organization_id', '=', orgId)
    .execute();
}

export interface StoredProgress {
  progress: number;
  lastCheckInAt: string | null;
}

export function setKeyResultProgress(
  db: DbOrTrx,
  orgId: string,
  id: string,
  p: StoredProgress & { progressRaw: number },
) {
  return db
    .updateTable('key_results')
    .set({ progress: p.progress, progress_raw: p.progressRaw, last_check_in_at: p.lastCheckInAt })
    .where('id', '=', id)
    .where('organization_id', '=', orgId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function setObjectiveProgress(db: DbOrTrx, orgId: string, id: string, p: StoredProgress) {
  return db
    .updateTable('objectives')
    .set({ progress: p.progress, last_check_in_at: p.lastCheckInAt })
    .where('id', '=', id)
    .where('organization_id', '=', orgId)
    .returning(['id', 'plan_id', 'aligned_to_key_result_id', 'progress'])
    .executeTakeFirst();
}

export function setPlanProgress(db: DbOrTrx, orgId: string, id: string, p: StoredProgress) {
  return db
    .updateTable('plans')
    .set({ progress: p.progress, last_check_in_at: p.lastCheckInAt })
    .where('id', '=', id)
    .where('organization_id', '=', orgId)
    .returning(['id', 'progress'])
    .executeTakeFirst();
}

/** The organization's timezone and settings (health thresholds). */
export function findOrganizationClock(db: DbOrTrx, orgId: string) {
  return db
    .selectFrom('organizations')
    .select(['timezone', 'settings'])
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
}

/** A cycle's dates with its organization's timezone and settings (the health inputs). */
export function findCycleClock(db: DbOrTrx, orgId: string, cycleId: string) {
  return db
    .selectFrom('cycles')
    .innerJoin('organizations', 'organizations.id', 'cycles.organization_id')
    .select([
      'cycles.start_date',
      'cycles.end_date',
      'organizations.timezone',
      'organizations.settings',
    ])
    .where('cycles.id', '=', cycleId)
    .where('cycles.organization_id', '=', orgId)
    .executeTakeFirstOrThrow();
}
