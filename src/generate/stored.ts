/**
 * The stored progress columns of the synthetic organization, computed with the same pure
 * functions and the same rules as the live roll-up (src/modules/progress/rollup.ts):
 * - manual KR: from its current value (the last check-in's); `last_check_in_at` = that check-in;
 * - actions KR: the weighted share of done actions (cancelled left out); it counts as started
 *   from the last action that changed state;
 * - aligned KR: the weighted mean progress of the objectives aligned to it, latest of theirs;
 * - objective: weighted mean of its KRs; plan: weighted mean of its objectives; both take the
 *   latest `last_check_in_at` below them.
 * Plans are visited children first (people, then units bottom-up, then the year), so every
 * aligned KR sees its children's final values.
 */
import { actionsProgress, keyResultProgress, weightedProgress } from '../domain/progress.js';
import type { PlannedKeyResult, PlannedOkrs } from './okrs.js';
import { checkInSeries } from './series.js';
import { iso, type Timeline } from './timeline.js';

const later = (a: string | null, b: string | null): string | null =>
  a === null ? b : b === null || a >= b ? a : b;

const latest = (rows: ReadonlyArray<{ last_check_in_at: string | null }>): string | null =>
  rows.reduce<string | null>((max, r) => later(max, r.last_check_in_at), null);

/** Fills current values and progress; returns how many check-ins the series hold. */
function storeKeyResult(kr: PlannedKeyResult, approved: boolean, tl: Timeline): number {
  const row = kr.row;
  switch (row.progress_source) {
    case 'manual': {
      const series = approved ? checkInSeries(kr, tl) : [];
      const last = series[series.length - 1];
      if (last) {
        row.current_value = last.value;
        row.confidence = last.confidence;
        row.last_check_in_at = iso(last.at);
        row.updated_at = iso(last.at);
        row.version = 1 + series.length;
      }
      const { raw, clamped } = keyResultProgress(
        {
          metricType: row.metric_type,
          startValue: row.start_value,
          targetValue: row.target_value,
          direction: row.direction,
        },
        row.current_value,
      );
      row.progress = clamped;
      row.progress_raw = raw;
      return series.length;
    }
    case 'actions': {
      const p = actionsProgress(kr.actions);
      row.progress = p;
      row.progress_raw = p;
      // an action that changed state (version > 1) marked the KR as started at that moment
      row.last_check_in_at = latest(
        kr.actions.map((a) => ({ last_check_in_at: a.version > 1 ? a.updated_at : null })),
      );
      return 0;
    }
    case 'aligned': {
      const children = kr.alignedChildren.map((o) => o.row);
      const p = weightedProgress(children);
      row.progress = p;
      row.progress_raw = p;
      row.last_check_in_at = latest(children);
      return 0;
    }
  }
}

/** Computes every stored progress column; returns the number of check-ins to load. */
export function storeProgress(okrs: PlannedOkrs, tl: Timeline): number {
  let checkIns = 0;
  for (const plan of okrs.rollUpOrder) {
    const approved = plan.row.state === 'approved';
    for (const objective of plan.objectives) {
      for (const kr of objective.keyResults) checkIns += storeKeyResult(kr, approved, tl);
      const krs = objective.keyResults.map((k) => k.row);
      objective.row.progress = weightedProgress(krs);
      objective.row.last_check_in_at = latest(krs);
    }
    const objectives = plan.objectives.map((o) => o.row);
    plan.row.progress = weightedProgress(objectives);
    plan.row.last_check_in_at = latest(objectives);
  }
  return checkIns;
}
