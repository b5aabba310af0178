/** SQL for the progress roll-up: one indexed read of the children and one update per level. */
import { PostgresAdapter } from 'kysely';
import type { DbOrTrx } from '../../context.js';
import { precompile } from '../../db/precompiled.js';

/** True when `db` talks to PostgreSQL (row locks); SQLite serializes write transactions itself. */
export function isPostgres(db: DbOrTrx): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

type OrgId = { orgId: string; id: string };

// The roll-up runs these for every level of every check-in: each is compiled once.
const alignedKeyResultLocked = precompile(['orgId', 'id'], (db, p: OrgId) => {
  const aligned = db
    .selectFrom('key_results')
    .selectAll('key_results')
    .where('key_results.id', '=', p.id)
    .where('key_results.organization_id', '=', p.orgId)
    .where('key_results.progress_source', '=', 'aligned');
  // SQLite serializes writers itself: no lock, no join
  return isPostgres(db)
    ? aligned.innerJoin('plans', 'plans.id', 'key_results.plan_id').forUpdate('plans')
    : aligned;
});
const keyResultById = precompile(['orgId', 'id'], (db, p: OrgId) =>
  db
    .selectFrom('key_results')
    .selectAll()
    .where('id', '=', p.id)
    .where('organization_id', '=', p.orgId),
);
const objectivesAlignedToKr = precompile(['orgId', 'id'], (db, p: OrgId) =>
  db
    .selectFrom('objectives')
    .select(['weight', 'progress', 'last_check_in_at'])
    .where('aligned_to_key_result_id', '=', p.id)
    .where('organization_id', '=', p.orgId),
);
const actionsOfKr = precompile(['orgId', 'id'], (db, p: OrgId) =>
  db
    .selectFrom('actions')
    .select(['weight', 'state'])
    .where('key_result_id', '=', p.id)
    .where('organization_id', '=', p.orgId),
);
const keyResultsOfObjective = precompile(['orgId', 'id'], (db, p: OrgId) =>
  db
    .selectFrom('key_results')
    .select(['weight', 'progress', 'last_check_in_at'])
    .where('objective_id', '=', p.id)
    .where('organization_id', '=', p.orgId),
);
const objectivesOfPlanProgress = precompile(['orgId', 'id'], (db, p: OrgId) =>
  db
    .selectFrom('objectives')
    .select(['weight', 'progress', 'last_check_in_at'])
    .where('plan_id', '=', p.id)
    .where('organization_id', '=', p.orgId),
);
type ProgressSet = OrgId & { progress: number; lastCheckInAt: string | null };
const krProgressSet = (db: DbOrTrx, p: ProgressSet & { progressRaw: number }) =>
  db
    .updateTable('key_results')
    .set({ progress: p.progress, progress_raw: p.progressRaw, last_check_in_at: p.lastCheckInAt })
    .where('id', '=', p.id)
    .where('organization_id', '=', p.orgId);
const KR_PROGRESS = ['orgId', 'id', 'progress', 'progressRaw', 'lastCheckInAt'] as const;
const keyResultProgressUpdate = precompile(
  KR_PROGRESS,
  (db, p: ProgressSet & { progressRaw: number }) => krProgressSet(db, p).returningAll(),
);
const keyResultProgressUpdateQuiet = precompile(KR_PROGRESS, krProgressSet);
const objectiveProgressUpdate = precompile(
  ['orgId', 'id', 'progress', 'lastCheckInAt'],
  (db, p: ProgressSet) =>
    db
      .updateTable('objectives')
      .set({ progress: p.progress, last_check_in_at: p.lastCheckInAt })
      .where('id', '=', p.id)
      .where('organization_id', '=', p.orgId)
      .returning(['id', 'plan_id', 'aligned_to_key_result_id', 'progress']),
);
const planProgressUpdate = precompile(
  ['orgId', 'id', 'progress', 'lastCheckInAt'],
  (db, p: ProgressSet) =>
    db
      .updateTable('plans')
      .set((eb) => ({
        progress: p.progress,
        last_check_in_at: p.lastCheckInAt,
        // the KRs' and objectives' roll-up columns move no trigger (0012): this update, which
        // ends every roll-up through the plan, tells kept plan reads
        revision: eb('revision', '+', 1),
      }))
      .where('id', '=', p.id)
      .where('organization_id', '=', p.orgId)
      .returning(['id', 'progress']),
);

/**
 * The KR when its progress follows the objectives aligned to it (else undefined), its plan locked
 * until commit on PostgreSQL, so that concurrent roll-ups through the same plan run one after the
 * other and each reads what the previous one wrote. One query; SQLite serializes writes itself.
 */
export function lockAlignedKeyResult(db: DbOrTrx, orgId: string, id: string) {
  return alignedKeyResultLocked.takeFirst(db, { orgId, id });
}

export function findKeyResult(db: DbOrTrx, orgId: string, id: string) {
  return keyResultById.takeFirst(db, { orgId, id });
}

/** The objectives aligned to a KR (its children when its progressSource is `aligned`). */
export function objectivesAlignedTo(db: DbOrTrx, orgId: string, keyResultId: string) {
  return objectivesAlignedToKr.execute(db, { orgId, id: keyResultId });
}

export function actionsOf(db: DbOrTrx, orgId: string, keyResultId: string) {
  return actionsOfKr.execute(db, { orgId, id: keyResultId });
}

export function keyResultsOf(db: DbOrTrx, orgId: string, objectiveId: string) {
  return keyResultsOfObjective.execute(db, { orgId, id: objectiveId });
}

export function objectivesOf(db: DbOrTrx, orgId: string, planId: string) {
  return objectivesOfPlanProgress.execute(db, { orgId, id: planId });
}

export interface StoredProgress {
  progress: number;
  lastCheckInAt: string | null;
}

/** Stores a KR's progress; the KR as it is now (undefined when it does not exist). */
export function setKeyResultProgress(
  db: DbOrTrx,
  orgId: string,
  id: string,
  p: StoredProgress & { progressRaw: number },
) {
  return keyResultProgressUpdate.takeFirst(db, { orgId, id, ...p });
}

/** Stores a KR's progress, reading nothing back (the KRs up an alignment chain). */
export async function storeKeyResultProgress(
  db: DbOrTrx,
  orgId: string,
  id: string,
  p: StoredProgress & { progressRaw: number },
): Promise<void> {
  await keyResultProgressUpdateQuiet.execute(db, { orgId, id, ...p });
}

export function setObjectiveProgress(db: DbOrTrx, orgId: string, id: string, p: StoredProgress) {
  return objectiveProgressUpdate.takeFirst(db, { orgId, id, ...p });
}

export function setPlanProgress(db: DbOrTrx, orgId: string, id: string, p: StoredProgress) {
  return planProgressUpdate.takeFirst(db, { orgId, id, ...p });
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
