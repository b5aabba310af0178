/** Dates of the demo: the year and the quarter around today, and check-in values along them. */
import { checkInDueSince } from '../modules/weekly/iso-week.js';
import type { DemoKeyResult } from './data.js';

export interface DemoCycle {
  name: string;
  kind: 'year' | 'quarter';
  startDate: string;
  endDate: string;
  /** midnight at the start, in the organization's timezone (UTC+8, no daylight saving) */
  start: Date;
  end: Date;
  createdAt: Date;
  planningAt: Date;
}

const DAY = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

const ymd = (y: number, m: number, d: number) =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** Local midnight of a `YYYY-MM-DD` date in Asia/Shanghai. */
function localMidnight(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - SHANGHAI_OFFSET_MS);
}

/** `YYYY-MM-DD` of `start` + `days`, in Asia/Shanghai. */
export function isoDate(start: Date, days: number): string {
  return new Date(start.getTime() + days * DAY + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

function cycle(
  name: string,
  kind: 'year' | 'quarter',
  startDate: string,
  endDate: string,
): DemoCycle {
  const start = localMidnight(startDate);
  const end = new Date(localMidnight(endDate).getTime() + DAY);
  return {
    name,
    kind,
    startDate,
    endDate,
    start,
    end,
    createdAt: new Date(start.getTime() - 7 * DAY),
    // plans are written and reviewed in the first days of the cycle, at 10:00 local time
    planningAt: new Date(start.getTime() + 2 * DAY + 10 * 3_600_000),
  };
}

/** The calendar year and quarter containing `today` (Asia/Shanghai). */
export function demoCycles(
  today: Date,
  _timeZone: string,
): { year: DemoCycle; quarter: DemoCycle } {
  const local = new Date(today.getTime() + SHANGHAI_OFFSET_MS);
  const y = local.getUTCFullYear();
  const q = Math.floor(local.getUTCMonth() / 3) + 1;
  const firstMonth = (q - 1) * 3 + 1;
  const lastDay = new Date(Date.UTC(y, firstMonth + 2, 0)).getUTCDate();
  return {
    year: cycle(`${y}年度战略`, 'year', ymd(y, 1, 1), ymd(y, 12, 31)),
    quarter: cycle(
      `${y}年Q${q}`,
      'quarter',
      ymd(y, firstMonth, 1),
      ymd(y, firstMonth + 2, lastDay),
    ),
  };
}

/**
 * Check-in instants: every `everyDays` days from a week after the planning day until this week.
 * This week's are left to the people trying the demo: whatever the weekday, their KRs are due
 * (the reminders and the check-in screen have something to show).
 */
export function checkInDates(c: DemoCycle, today: Date, everyDays: number): Date[] {
  const thisWeek = new Date(checkInDueSince(today, 'Asia/Shanghai'));
  const out: Date[] = [];
  // Fridays 17:00 local time: find the first Friday after planning
  let t = new Date(c.planningAt.getTime() + 5 * DAY);
  while (new Date(t.getTime() + SHANGHAI_OFFSET_MS).getUTCDay() !== 5)
    t = new Date(t.getTime() + DAY);
  t = new Date(t.getTime() - 10 * 3_600_000 + 17 * 3_600_000);
  while (t < thisWeek && t < c.end) {
    out.push(t);
    t = new Date(t.getTime() + everyDays * DAY);
  }
  return out;
}

/** A deterministic wobble in [-1, 1] for the n-th check-in of a KR. */
function wobble(title: string, n: number): number {
  let h = 2166136261;
  for (const ch of `${title}#${n}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return ((h >>> 0) % 2001) / 1000 - 1;
}

/** The value and confidence a KR's owner reports at `at`. */
export function valueAt(
  kr: DemoKeyResult,
  c: DemoCycle,
  at: Date,
  n: number,
): { value: number; confidence: number } {
  const elapsed = Math.min(
    1,
    Math.max(0, (at.getTime() - c.start.getTime()) / (c.end.getTime() - c.start.getTime())),
  );
  // owners report a little ahead of the calendar: a check-in covers the week that follows it
  const fraction = Math.max(
    0,
    Math.min(1.3, kr.pace * (elapsed + 0.05) + 0.02 * wobble(kr.title, n)),
  );
  const raw = kr.start + (kr.target - kr.start) * fraction;
  const span = Math.abs(kr.target - kr.start);
  const decimals = span >= 20 ? 0 : span >= 2 ? 1 : 2;
  const value = Number(raw.toFixed(decimals));
  const confidence = Math.max(
    1,
    Math.min(
      10,
      Math.round(kr.pace >= 0.95 ? 8 : kr.pace >= 0.75 ? 6 : 4) +
        (n % 3 === 0 ? 0 : Math.sign(wobble(kr.title, n + 7))),
    ),
  );
  return { value, confidence };
}
