/**
 * A KR's weekly check-ins, replayed from the KR's own seed: the same series comes out when the
 * planner computes the KR's current value and when the loader writes the rows, without keeping a
 * million check-ins in memory.
 */
import { checkInBlocker, checkInNote } from './names.js';
import type { PlannedKeyResult } from './okrs.js';
import { Rng } from './prng.js';
import { checkInAt, type Timeline } from './timeline.js';

export interface CheckInPoint {
  at: number;
  value: number;
  confidence: number;
  note: string | null;
  blockers: string | null;
}

const round = (x: number, decimals: number) => Math.round(x * 10 ** decimals) / 10 ** decimals;

/**
 * The check-ins of a manual KR in an approved plan: in each past week its owner checks in with
 * the probability of their diligence; the value follows the KR's pace with a little noise and
 * rarely goes back. Other KRs have none.
 */
export function checkInSeries(kr: PlannedKeyResult, tl: Timeline): CheckInPoint[] {
  const row = kr.row;
  if (row.progress_source !== 'manual') return [];
  const rng = new Rng(kr.seed);
  const out: CheckInPoint[] = [];
  let best = 0;
  for (let week = 1; week <= tl.weeks; week++) {
    if (!rng.chance(kr.owner.diligence)) continue;
    const expected = (week * 7) / (tl.weeksTotal * 7);
    const p = Math.max(best - 0.03, kr.pace * expected + rng.normal(0, 0.03));
    best = Math.max(best, p);
    const value =
      row.metric_type === 'boolean'
        ? p >= 0.95
          ? 1
          : 0
        : round(row.start_value + (row.target_value - row.start_value) * p, kr.template.decimals);
    const confidence = Math.round(
      Math.min(10, Math.max(0, rng.normal(3 + 6 * Math.min(1, kr.pace), 1.2))),
    );
    out.push({
      at: checkInAt(tl, week, 9 + rng.next() * 10),
      value,
      confidence,
      note: rng.chance(0.3) ? checkInNote(rng) : null,
      blockers: kr.pace < 0.6 && rng.chance(0.15) ? checkInBlocker(rng) : null,
    });
  }
  return out;
}
