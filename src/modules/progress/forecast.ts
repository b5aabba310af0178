/** A KR's forecast: the least-squares line through its recent check-ins, read at the cycle's end. */
import { forecastValue } from '../../domain/progress.js';

/** Only the most recent check-ins count, so a forecast costs the same however long the history. */
export const FORECAST_WINDOW = 100;

const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per timezone: building one costs far more than using it. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Local wall-clock time minus UTC at instant `t` in `timeZone` (ms). */
function offsetAt(t: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(t))) {
    parts[p.type] = Number(p.value);
  }
  const wall = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return wall - Math.floor(t / 1000) * 1000;
}

/** The instant a cycle ends: 00:00 of the day after `endDate` in `timeZone`. */
export function cycleEndInstant(endDate: string, timeZone: string): Date {
  const wallMidnight = Date.parse(`${endDate}T00:00:00Z`) + DAY_MS;
  let t = wallMidnight - offsetAt(wallMidnight, timeZone);
  t = wallMidnight - offsetAt(t, timeZone); // once more, in case the offset changed in between
  return new Date(t);
}

/** The forecast value at the cycle's end, or null when no line can be drawn. */
export function forecastAtCycleEnd(
  checkIns: ReadonlyArray<{ value: number; created_at: string }>,
  cycleEndDate: string,
  timeZone: string,
): number | null {
  const points = checkIns.map((c) => ({ at: new Date(c.created_at), value: c.value }));
  const v = forecastValue(points, cycleEndInstant(cycleEndDate, timeZone));
  return v === undefined || !Number.isFinite(v) ? null : v;
}
