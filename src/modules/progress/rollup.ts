/**
 * Progress roll-up, maintained on write (domain.md "Progress"): a change to a KR recomputes the KR,
 * its objective, its plan, and — when that objective aligns to a KR whose progressSource is
 * `aligned` — that KR and so on up. Reads never aggregate a tree; they show stored values.
 * Call these inside the transaction of the change.
 */
import type { DbOrTrx } from '../../context.js';
import type { KeyResultRow } from '../../db/schema.js';
import { actionsProgress, keyResultProgress, weightedProgress } from '../../domain/progress.js';
import * as repo from './progress.repository.js';

/** Alignment chains deeper than this stop rolling up (they cannot form a loop, but be safe). */
const MAX_DEPTH = 16;

export interface RollUpResult {
  /** the KR after the roll-up (absent when rolling up from an objective) */
  keyResult?: KeyResultRow;
  objective: { id: string; progress: number };
  plan: { id: string; progress: number };
}

/** The later of two ISO timestamps (they sort as text); null counts as never. */
const later = (a: string | null, b: string | null): string | null =>
  a === null ? b : b === null || a >= b ? a : b;

/** The latest `last_check_in_at` of the rows, or null. */
const latest = (rows: ReadonlyArray<{ last_check_in_at: string | null }>): string | null =>
  rows.reduce<string | null>((max, r) => later(max, r.last_check_in_at), null);

/** A KR's progress from its source; `last_check_in_at` of aligned KRs follows their children. */
async function sourceProgress(
  db: DbOrTrx,
  orgId: string,
  kr: KeyResultRow,
  activityAt: string | null,
) {
  switch (kr.progress_source) {
    case 'manual':
      return { ...manualProgress(kr, kr.current_value), lastCheckInAt: kr.last_check_in_at };
    case 'aligned': {
      const children = await repo.objectivesAlignedTo(db, orgId, kr.id);
      const p = weightedProgress(children);
      return {
        progress: p,
        progressRaw: p,
        lastCheckInAt: later(latest(children), kr.last_check_in_at),
      };
    }
    case 'actions': {
      const p = actionsProgress(await repo.actionsOf(db, orgId, kr.id));
      return { progress: p, progressRaw: p, lastCheckInAt: activityAt ?? kr.last_check_in_at };
    }
  }
}

async function rollUpKeyResult(
  db: DbOrTrx,
  orgId: string,
  kr: KeyResultRow,
  activityAt: string | null,
  depth: number,
): Promise<RollUpResult> {
  const progress = await sourceProgress(db, orgId, kr, activityAt);
  let updated: KeyResultRow | undefined;
  if (depth === 0) {
    updated = await repo.setKeyResultProgress(db, orgId, kr.id, progress);
    if (!updated) throw new Error(`roll-up: key result ${kr.id} not found`);
  } else {
    // up the alignment chain nobody reads the KR back
    await repo.storeKeyResultProgress(db, orgId, kr.id, progress);
  }
  const up = await rollUpObjective(db, orgId, kr.objective_id, depth);
  return updated ? { keyResult: updated, ...up } : up;
}

async function rollUpPlan(db: DbOrTrx, orgId: string, planId: string) {
  const objectives = await repo.objectivesOf(db, orgId, planId);
  const plan = await repo.setPlanProgress(db, orgId, planId, {
    progress: weightedProgress(objectives),
    lastCheckInAt: latest(objectives),
  });
  return plan ?? { id: planId, progress: 0 };
}

async function rollUpObjective(
  db: DbOrTrx,
  orgId: string,
  objectiveId: string,
  depth: number,
): Promise<Omit<RollUpResult, 'keyResult'>> {
  const keyResults = await repo.keyResultsOf(db, orgId, objectiveId);
  const objective = await repo.setObjectiveProgress(db, orgId, objectiveId, {
    progress: weightedProgress(keyResults),
    lastCheckInAt: latest(keyResults),
  });
  if (!objective) throw new Error(`roll-up: objective ${objectiveId} not found`);
  const plan = await rollUpPlan(db, orgId, objective.plan_id);
  const parentId = objective.aligned_to_key_result_id;
  if (parentId !== null && depth < MAX_DEPTH) {
    // an `aligned` parent, its plan locked before reading the children it averages
    const parent = await repo.lockAlignedKeyResult(db, orgId, parentId);
    if (parent) await rollUpKeyResult(db, orgId, parent, null, depth + 1);
  }
  return { objective: { id: objective.id, progress: objective.progress }, plan };
}

/**
 * Recomputes a KR (manual: from current/start/target; aligned: weighted mean of the objectives
 * aligned to it; actions: weighted share of done actions), then its objective, its plan, and up
 * the chain of `aligned` KRs. `activityAt` marks an actions-sourced KR as started (an action
 * changed state); `written` is the KR as the caller just wrote it in this transaction, which
 * saves reading it again. Returns undefined when the KR does not exist.
 */
export async function rollUpFromKeyResult(
  db: DbOrTrx,
  orgId: string,
  keyResultId: string,
  opts: { activityAt?: string; written?: KeyResultRow } = {},
): Promise<RollUpResult | undefined> {
  const kr = opts.written ?? (await repo.findKeyResult(db, orgId, keyResultId));
  if (!kr) return undefined;
  return rollUpKeyResult(db, orgId, kr, opts.activityAt ?? null, 0);
}

/**
 * The roll-up above a KR whose own progress the caller has just stored (a check-in on a manual KR
 * writes its value and progress in one statement): its objective, its plan, and up the chain.
 */
export async function rollUpAboveKeyResult(
  db: DbOrTrx,
  orgId: string,
  kr: KeyResultRow,
): Promise<RollUpResult> {
  return { keyResult: kr, ...(await rollUpObjective(db, orgId, kr.objective_id, 0)) };
}

/** A manual KR's progress at `value` (clamped, and raw). */
export function manualProgress(
  kr: Pick<KeyResultRow, 'metric_type' | 'start_value' | 'target_value' | 'direction'>,
  value: number,
): { progress: number; progressRaw: number } {
  const { raw, clamped } = keyResultProgress(
    {
      metricType: kr.metric_type,
      startValue: kr.start_value,
      targetValue: kr.target_value,
      direction: kr.direction,
    },
    value,
  );
  return { progress: clamped, progressRaw: raw };
}

/** Recomputes an objective (its KRs changed: added, removed, re-weighted), its plan, and up. */
export function rollUpFromObjective(db: DbOrTrx, orgId: string, objectiveId: string) {
  return rollUpObjective(db, orgId, objectiveId, 0);
}

/** Recomputes a plan from its objectives (one was added or removed). */
export function rollUpFromPlan(db: DbOrTrx, orgId: string, planId: string) {
  return rollUpPlan(db, orgId, planId);
}
