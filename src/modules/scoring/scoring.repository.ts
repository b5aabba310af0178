/** SQL for scores and closing plans. Every query is scoped to one organization. */
import type { DbOrTrx } from '../../context.js';

/** The state of a plan's cycle. */
export async function cycleStateOf(
  db: DbOrTrx,
  orgId: string,
  cycleId: string,
): Promise<'planning' | 'active' | 'reviewing' | 'closed' | undefined> {
  const r = await db
    .selectFrom('cycles')
    .select('state')
    .where('id', '=', cycleId)
    .where('organization_id', '=', orgId)
    .executeTakeFirst();
  return r?.state;
}

export interface ScoreChange {
  score: number;
  note: string | null;
  by: string;
  at: string;
}

/** Sets the self or final score of a KR still at `version`, bumping it; false if it moved on. */
export async function setKeyResultScore(
  db: DbOrTrx,
  orgId: string,
  id: string,
  version: number,
  kind: 'self' | 'final',
  s: ScoreChange,
): Promise<boolean> {
  const set =
    kind === 'self'
      ? { self_score: s.score, self_score_note: s.note, self_scored_by: s.by, self_scored_at: s.at }
      : {
          final_score: s.score,
          final_score_note: s.note,
          final_scored_by: s.by,
          final_scored_at: s.at,
        };
  const r = await db
    .updateTable('key_results')
    .set({ ...set, updated_at: s.at, version: version + 1 })
    .where('id', '=', id)
    .where('organization_id', '=', orgId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The KRs of these plans that have no final score yet: what closing fixes. */
export async function keyResultsWithoutFinalScore(
  db: DbOrTrx,
  orgId: string,
  planIds: readonly string[],
) {
  if (planIds.length === 0) return [];
  return db
    .selectFrom('key_results')
    .select(['id', 'plan_id', 'self_score', 'progress'])
    .where('organization_id', '=', orgId)
    .where('plan_id', 'in', planIds)
    .where('final_score', 'is', null)
    .execute();
}

/** Sets the same final score on many KRs (chunked to stay under parameter limits). */
export async function fixFinalScores(
  db: DbOrTrx,
  orgId: string,
  ids: readonly string[],
  score: number,
  by: string | null,
  at: string,
): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    await db
      .updateTable('key_results')
      .set((eb) => ({
        final_score: score,
        final_scored_by: by,
        final_scored_at: at,
        updated_at: at,
        version: eb('version', '+', 1),
      }))
      .where('organization_id', '=', orgId)
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
  }
}

/** Closes the plan if it is still at `version`, bumping it; false if it moved on. */
export async function closePlanRow(
  db: DbOrTrx,
  orgId: string,
  id: string,
  version: number,
  at: string,
): Promise<boolean> {
  const r = await db
    .updateTable('plans')
    .set({ state: 'closed', closed_at: at, updated_at: at, version: version + 1 })
    .where('id', '=', id)
    .where('organization_id', '=', orgId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The approved plans of a cycle (whose scores its close fixes). */
export function approvedPlansOfCycle(db: DbOrTrx, orgId: string, cycleId: string) {
  return db
    .selectFrom('plans')
    .select('id')
    .where('organization_id', '=', orgId)
    .where('cycle_id', '=', cycleId)
    .where('state', '=', 'approved')
    .orderBy('id')
    .execute();
}
