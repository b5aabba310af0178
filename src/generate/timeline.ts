/**
 * When things happen in the synthetic organization, relative to `now`: a quarter that started
 * `weeks` weeks ago (plus two days), inside a year-long cycle; plans written and approved in the
 * quarter's first days; one check-in day per week, the last one five days before `now`.
 * Generated organizations use Asia/Shanghai (UTC+8 all year, no daylight saving).
 */
export const GENERATED_TIME_ZONE = 'Asia/Shanghai';
const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** `YYYY-MM-DD` of instant `ms` in the organization's timezone. */
export function localDate(ms: number): string {
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 10);
}

export interface CycleDates {
  startDate: string;
  endDate: string;
  /** local midnight of startDate */
  start: number;
}

export interface Timeline {
  now: number;
  weeks: number;
  /** the quarter's length in weeks (at least 13, and longer than `weeks`) */
  weeksTotal: number;
  quarter: CycleDates;
  year: CycleDates;
  /** organization, people and units exist from this instant */
  setupAt: number;
}

export function timeline(now: Date, weeks: number): Timeline {
  const t = now.getTime();
  const todayMidnight = Math.floor((t + OFFSET_MS) / DAY_MS) * DAY_MS - OFFSET_MS;
  const weeksTotal = Math.max(13, weeks + 1);
  const qStart = todayMidnight - (weeks * 7 + 2) * DAY_MS;
  const qEnd = qStart + (weeksTotal * 7 - 1) * DAY_MS;
  const yStart = qStart - 91 * DAY_MS;
  const yEnd = Math.max(yStart + 364 * DAY_MS, qEnd);
  return {
    now: t,
    weeks,
    weeksTotal,
    quarter: { startDate: localDate(qStart), endDate: localDate(qEnd), start: qStart },
    year: { startDate: localDate(yStart), endDate: localDate(yEnd), start: yStart },
    setupAt: yStart - 14 * DAY_MS,
  };
}

/** An instant `day` days (fractional) after the quarter's first midnight. */
export function quarterDay(tl: Timeline, day: number): number {
  return tl.quarter.start + Math.round(day * DAY_MS);
}

/** The check-in instant of week `week` (1-based) at local hour `hour` (9–19). */
export function checkInAt(tl: Timeline, week: number, hour: number): number {
  return tl.quarter.start + (week * 7 - 3) * DAY_MS + Math.round(hour * HOUR_MS);
}

export const iso = (ms: number): string => new Date(ms).toISOString();
