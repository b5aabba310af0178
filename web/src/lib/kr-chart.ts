/** The series of a key result's history chart: check-ins, target, expected path and forecast. */
import { dayNumber } from './cycles';

export interface ChartCheckIn {
  value: number;
  createdAt: string;
}

export type Point = [number, number];

const DAY = 86_400_000;

/** Check-ins as [time, value] points, oldest first, starting at the start value. */
export function historyPoints(
  start: { date: string; value: number },
  checkIns: readonly ChartCheckIn[],
): Point[] {
  const points: Point[] = [[Date.parse(`${start.date}T00:00:00Z`), start.value]];
  const sorted = [...checkIns].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  for (const c of sorted) points.push([Date.parse(c.createdAt), c.value]);
  return points;
}

/** The expected path: the start value on the first day, the target at the end of the cycle. */
export function expectedLine(
  cycle: { startDate: string; endDate: string },
  startValue: number,
  targetValue: number,
): Point[] {
  return [
    [dayNumber(cycle.startDate) * DAY, startValue],
    [(dayNumber(cycle.endDate) + 1) * DAY, targetValue],
  ];
}

/**
 * Least-squares line through the points, read at `at` (the domain's forecast). Null with fewer
 * than two points or when they share one instant.
 */
export function leastSquaresAt(points: readonly Point[], at: number): number | null {
  if (points.length < 2) return null;
  const n = points.length;
  // centre the times so large epoch values do not lose precision
  const t0 = points[0]?.[0] ?? 0;
  let sx = 0;
  let sy = 0;
  for (const [x, y] of points) {
    sx += x - t0;
    sy += y;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let sxy = 0;
  for (const [x, y] of points) {
    const dx = x - t0 - mx;
    sxx += dx * dx;
    sxy += dx * (y - my);
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  return my + slope * (at - t0 - mx);
}

/**
 * The forecast segment: from the last check-in to the forecast value at the end of the cycle.
 * Uses the server's forecast when given, else the least-squares line of the check-ins.
 */
export function forecastLine(
  cycle: { endDate: string },
  checkIns: readonly Point[],
  serverForecast: number | null | undefined,
): Point[] {
  const last = checkIns.at(-1);
  if (!last) return [];
  const end = (dayNumber(cycle.endDate) + 1) * DAY;
  const value = serverForecast ?? leastSquaresAt(checkIns, end);
  if (value === null || value === undefined || last[0] >= end) return [];
  return [last, [end, value]];
}
