/**
 * The numbers of a unit's cycle review (复盘): score bands, check-in discipline, the size of a
 * target change. Pure: dates are `YYYY-MM-DD` in the organization's timezone, given by the caller.
 */
import { EPSILON } from './progress.js';
import { scoreBand, type ScoreBand } from './scoring.js';

const DAY_MS = 86_400_000;

/** Days from `from` to `to` (both `YYYY-MM-DD`); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The week of the cycle a date falls in: 0 for the cycle's first seven days, 1 for the next… */
export function cycleWeek(cycleStart: string, date: string): number {
  return Math.floor(daysBetween(cycleStart, date) / 7);
}

export interface KeyResultWeeks {
  /** the local date the KR was created (it cannot be checked in on before) */
  createdOn: string;
  /** local dates of its check-ins */
  checkInDates: readonly string[];
}

export interface Discipline {
  /** KR-weeks the cycle has had so far (each KR counted from the week it was created) */
  keyResultWeeks: number;
  /** of those, the KR-weeks with at least one check-in */
  withCheckIn: number;
  /** withCheckIn / keyResultWeeks; null when there are no KR-weeks yet */
  share: number | null;
}

/**
 * Check-in discipline: the share of KR-weeks with a check-in, over the cycle's weeks from its
 * start to `today` (or its end, when earlier). A week counts once a day of it has begun.
 */
export function checkInDiscipline(
  keyResults: readonly KeyResultWeeks[],
  cycle: { startDate: string; endDate: string },
  today: string,
): Discipline {
  const last = today < cycle.endDate ? today : cycle.endDate;
  const lastWeek = cycleWeek(cycle.startDate, last);
  let keyResultWeeks = 0;
  let withCheckIn = 0;
  if (last >= cycle.startDate) {
    for (const kr of keyResults) {
      const firstWeek = Math.max(0, cycleWeek(cycle.startDate, kr.createdOn));
      if (firstWeek > lastWeek) continue;
      keyResultWeeks += lastWeek - firstWeek + 1;
      const weeks = new Set<number>();
      for (const d of kr.checkInDates) {
        const w = cycleWeek(cycle.startDate, d);
        if (w >= firstWeek && w <= lastWeek) weeks.add(w);
      }
      withCheckIn += weeks.size;
    }
  }
  return {
    keyResultWeeks,
    withCheckIn,
    share: keyResultWeeks === 0 ? null : withCheckIn / keyResultWeeks,
  };
}

export type BandCounts = Record<ScoreBand, number>;

/** How many scores fall in each band. */
export function bandCounts(scores: readonly number[]): BandCounts {
  const counts: BandCounts = { green: 0, yellow: 0, red: 0 };
  for (const s of scores) counts[scoreBand(s)] += 1;
  return counts;
}

/**
 * How much a KR's target moved, relative to the distance the KR planned to cover:
 * |after − before| / |before − start| (|after − before| when the planned distance was 0).
 */
export function relativeTargetChange(startValue: number, before: number, after: number): number {
  const span = Math.abs(before - startValue);
  const moved = Math.abs(after - before);
  return span < EPSILON ? moved : moved / span;
}
