/**
 * Health at read time (domain.md "Progress"): stored progress against the elapsed fraction of the
 * cycle, with the organization's thresholds; `not_started` until a check-in.
 */
import {
  expectedProgress,
  health,
  type Health,
  type HealthThresholds,
} from '../../domain/progress.js';
import { parseSettings } from '../../domain/settings.js';
import type { DbOrTrx } from '../../context.js';
import { findCycleClock } from './progress.repository.js';

const dayFormatters = new Map<string, Intl.DateTimeFormat>();
/** the last answer per timezone: the local date cannot change within a minute (UTC offsets are whole minutes) */
const lastDates = new Map<string, { minute: number; date: string }>();

/** `YYYY-MM-DD` of `now` in `timeZone` (one cached formatter per timezone). */
function localDate(now: Date, timeZone: string): string {
  const minute = Math.floor(now.getTime() / 60_000);
  const last = lastDates.get(timeZone);
  if (last !== undefined && last.minute === minute) return last.date;
  let f = dayFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormatters.set(timeZone, f);
  }
  const date = f.format(now);
  if (!Number.isNaN(minute)) lastDates.set(timeZone, { minute, date });
  return date;
}

const thresholdsBySettings = new Map<string, HealthThresholds>();

/** The health thresholds of an organization's settings (JSON); parsed once per distinct text. */
function thresholdsOf(settings: string): HealthThresholds {
  let t = thresholdsBySettings.get(settings);
  if (t === undefined) {
    t = Object.freeze(parseSettings(settings).healthThresholds);
    if (thresholdsBySettings.size >= 100) thresholdsBySettings.clear();
    thresholdsBySettings.set(settings, t);
  }
  return t;
}

export interface HealthContext {
  /** elapsed fraction of the cycle now */
  expected: number;
  thresholds: HealthThresholds;
  timeZone: string;
  /** today in the organization's timezone, YYYY-MM-DD */
  today: string;
  /** cycle end date, for forecasts */
  cycleEndDate: string;
}

/** The health inputs for one cycle of one organization at `now`. */
export function healthContext(
  cycle: { start_date: string; end_date: string },
  org: { timezone: string; settings: string },
  now: Date,
): HealthContext {
  return {
    expected: expectedProgress(
      { startDate: cycle.start_date, endDate: cycle.end_date },
      now,
      org.timezone,
    ),
    thresholds: thresholdsOf(org.settings),
    timeZone: org.timezone,
    today: localDate(now, org.timezone),
    cycleEndDate: cycle.end_date,
  };
}

/** Health of a KR, objective or plan from its stored progress and last check-in. */
export function healthOf(
  hc: HealthContext,
  row: { progress: number; last_check_in_at: string | null },
): Health {
  return health(row.progress, hc.expected, row.last_check_in_at !== null, hc.thresholds);
}

/** The health context of a plan's cycle (one query). */
export async function loadHealthContext(
  db: DbOrTrx,
  orgId: string,
  cycleId: string,
  now: Date,
): Promise<HealthContext> {
  const clock = await findCycleClock(db, orgId, cycleId);
  return healthContext(clock, clock, now);
}
