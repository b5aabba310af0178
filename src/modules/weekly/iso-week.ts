/**
 * ISO-8601 weeks (`2026-W48`, Monday to Sunday) and local days in an organization's timezone.
 * Pure date arithmetic on `YYYY-MM-DD` strings (computed in UTC, so no host timezone leaks in).
 */
import { dateIn } from '../../shared/time.js';

export interface IsoWeek {
  year: number;
  week: number;
}

const DAY_MS = 86_400_000;

function toUtcMs(ymd: string): number {
  const [y, m, d] = ymd.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

function fromUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** `ymd` plus `days` (negative goes back). */
export function addDays(ymd: string, days: number): string {
  return fromUtcMs(toUtcMs(ymd) + days * DAY_MS);
}

/** 1 = Monday … 7 = Sunday (the organization setting `checkInWeekday` uses the same numbers). */
export function weekdayOf(ymd: string): number {
  const d = new Date(toUtcMs(ymd)).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The ISO week a day belongs to (the week-year may differ from the calendar year). */
export function isoWeekOf(ymd: string): IsoWeek {
  // the Thursday of the same week decides the year
  const thursday = addDays(ymd, 4 - weekdayOf(ymd));
  const year = Number(thursday.slice(0, 4));
  const jan1 = toUtcMs(`${year}-01-01`);
  const week = Math.floor((toUtcMs(thursday) - jan1) / DAY_MS / 7) + 1;
  return { year, week };
}

/** `2026-W48` */
export function formatIsoWeek(w: IsoWeek): string {
  return `${w.year}-W${String(w.week).padStart(2, '0')}`;
}

/** 52 or 53: the week of 28 December is always the year's last. */
export function weeksInYear(year: number): number {
  return isoWeekOf(`${year}-12-28`).week;
}

/** `2026-W48` → {year, week}; undefined when it is not a week that exists. */
export function parseIsoWeek(text: string): IsoWeek | undefined {
  const m = /^(\d{4})-W(\d{2})$/.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const week = Number(m[2]);
  if (year < 1970 || week < 1 || week > weeksInYear(year)) return undefined;
  return { year, week };
}

/** The Monday and the Sunday of an ISO week. */
export function isoWeekDates(w: IsoWeek): { start: string; end: string } {
  const jan4 = `${w.year}-01-04`;
  const week1Monday = addDays(jan4, 1 - weekdayOf(jan4));
  const start = addDays(week1Monday, (w.week - 1) * 7);
  return { start, end: addDays(start, 6) };
}

const partFormatters = new Map<string, Intl.DateTimeFormat>();

function partsIn(timeZone: string): Intl.DateTimeFormat {
  let f = partFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partFormatters.set(timeZone, f);
  }
  return f;
}

/** How far `timeZone` is ahead of UTC at `at`, in ms. */
function offsetMs(at: number, timeZone: string): number {
  const parts = partsIn(timeZone).formatToParts(new Date(at));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const local = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return local - Math.floor(at / 1000) * 1000;
}

/** The instant local midnight starts `ymd` in `timeZone` (twice adjusted, for DST changes). */
export function startOfLocalDay(ymd: string, timeZone: string): Date {
  const wall = toUtcMs(ymd);
  let at = wall - offsetMs(wall, timeZone);
  at = wall - offsetMs(at, timeZone);
  return new Date(at);
}

/**
 * The instant the ISO week of `now` began in `timeZone` (Monday 00:00 local), as ISO-8601 UTC.
 * A key result is due a check-in when it has none since then: the inbox, the reminders and the
 * check-in screen all use this one rule.
 */
export function checkInDueSince(now: Date, timeZone: string): string {
  const today = dateIn(now, timeZone);
  return startOfLocalDay(addDays(today, 1 - weekdayOf(today)), timeZone).toISOString();
}

/** An ISO week as instants in `timeZone`: [from, to) as ISO-8601 UTC strings, plus its dates. */
export function isoWeekRange(
  w: IsoWeek,
  timeZone: string,
): { start: string; end: string; from: string; to: string } {
  const { start, end } = isoWeekDates(w);
  return {
    start,
    end,
    from: startOfLocalDay(start, timeZone).toISOString(),
    to: startOfLocalDay(addDays(end, 1), timeZone).toISOString(),
  };
}
