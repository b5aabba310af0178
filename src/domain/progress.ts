/**
 * Progress math (domain.md "Progress"). Pure: no I/O and no clock — the caller passes `now`.
 * All progress values are fractions (1 = 100 %).
 */
import { badRequest } from './errors.js';
import type { FieldProblem } from './errors.js';

export type Direction = 'increase' | 'decrease';
export type MetricType = 'number' | 'percent' | 'currency' | 'boolean';

export interface MetricSpec {
  metricType: MetricType;
  startValue: number;
  targetValue: number;
  direction: Direction;
}

/** Tolerance used when comparing fractions (health bands, score bands). */
export const EPSILON = 1e-9;

/** The organization's timezone when none is given (domain.md: Asia/Shanghai by default). */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/**
 * Raw (unclamped) progress of a KR at `current`:
 * - increase: (current − start) / (target − start)
 * - decrease: (start − current) / (start − target)
 * - boolean: current ≥ 1 ? 1 : 0
 *
 * The two formulas are algebraically the same when start ≠ target; `direction` only says which
 * way is "better" and is checked against start/target by `validateMetric`.
 * For the invalid case start == target (see `validateMetric`) the result is 1 when `current` has
 * reached the target in `direction`, else 0, so a bad row never yields NaN or ±Infinity.
 * A non-finite current value gives 0.
 */
export function rawKeyResultProgress(spec: MetricSpec, current: number): number {
  if (!Number.isFinite(current)) return 0;
  if (spec.metricType === 'boolean') return current >= 1 ? 1 : 0;
  const { startValue: start, targetValue: target } = spec;
  if (!Number.isFinite(start) || !Number.isFinite(target)) return 0;
  if (start === target) {
    const reached = spec.direction === 'decrease' ? current <= target : current >= target;
    return reached ? 1 : 0;
  }
  const p =
    spec.direction === 'decrease'
      ? (start - current) / (start - target)
      : (current - start) / (target - start);
  return Number.isNaN(p) ? 0 : p;
}

/** Clamps to [0, 1]; NaN becomes 0. */
export function clamp01(x: number): number {
  if (Number.isNaN(x)) return 0;
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/** `{ raw, clamped }` — raw keeps over-achievement (shown, not lost); clamped is for roll-ups. */
export function keyResultProgress(
  spec: MetricSpec,
  current: number,
): { raw: number; clamped: number } {
  const raw = rawKeyResultProgress(spec, current);
  return { raw, clamped: clamp01(raw) };
}

/** Direction inferred from start/target when absent: target < start → 'decrease', else 'increase'. */
export function inferDirection(startValue: number, targetValue: number): Direction {
  return targetValue < startValue ? 'decrease' : 'increase';
}

/** A weight as used in a weighted mean: negative, NaN and infinite weights count as 0. */
function usableWeight(w: number): number {
  return Number.isFinite(w) && w > 0 ? w : 0;
}

/**
 * Weighted mean `Σ wᵢpᵢ / Σ wᵢ` over clamped pᵢ (domain.md). Equal weights when all weights are 0;
 * 0 for an empty list. Negative or non-finite weights count as 0. The result is in [0, 1].
 * Weights are normalised by the largest one first, so huge weights cannot overflow.
 */
export function weightedProgress(
  items: ReadonlyArray<{ weight: number; progress: number }>,
): number {
  if (items.length === 0) return 0;
  let maxWeight = 0;
  for (const it of items) maxWeight = Math.max(maxWeight, usableWeight(it.weight));
  let num = 0;
  let den = 0;
  for (const it of items) {
    const w = maxWeight > 0 ? usableWeight(it.weight) / maxWeight : 1;
    num += w * clamp01(it.progress);
    den += w;
  }
  return den > 0 ? clamp01(num / den) : 0;
}

/**
 * Progress of a KR whose progressSource is 'actions': the weighted share of done actions,
 * cancelled ones left out (same weighting rule as `weightedProgress`); 0 when none count.
 */
export function actionsProgress(
  actions: ReadonlyArray<{
    weight: number;
    state: 'todo' | 'in_progress' | 'done' | 'blocked' | 'cancelled';
  }>,
): number {
  return weightedProgress(
    actions
      .filter((a) => a.state !== 'cancelled')
      .map((a) => ({ weight: a.weight, progress: a.state === 'done' ? 1 : 0 })),
  );
}

// ---------------------------------------------------------------------------------------------
// Time zones (Intl only; no library)

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        era: 'short',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw badRequest(`Unknown time zone ${JSON.stringify(timeZone)}`, [
        { path: 'timeZone', message: `Unknown time zone ${JSON.stringify(timeZone)}` },
      ]);
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock time at instant `t` in `timeZone`, expressed as if it were UTC (ms). */
function wallClockAsUtc(t: number, timeZone: string): number {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(t))) parts[p.type] = p.value;
  const era = parts.era ?? 'AD';
  let year = Number(parts.year);
  if (era === 'BC' || era === 'B') year = 1 - year;
  const wall = new Date(0);
  wall.setUTCFullYear(year, Number(parts.month) - 1, Number(parts.day));
  wall.setUTCHours(Number(parts.hour), Number(parts.minute), Number(parts.second), 0);
  return wall.getTime();
}

/** UTC offset (ms) of `timeZone` at instant `t`: local wall time − UTC. */
function offsetAt(t: number, timeZone: string): number {
  const whole = Math.floor(t / 1000) * 1000; // the formatter has second precision
  return wallClockAsUtc(whole, timeZone) - whole;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'YYYY-MM-DD' → that date's 00:00 as if UTC (ms); throws bad_request when not a real date. */
function parseDate(date: string, path: string): number {
  const m = DATE_RE.exec(date);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const t = Date.UTC(y, mo - 1, d);
    const back = new Date(t);
    if (back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d) {
      return t;
    }
  }
  throw badRequest(`Invalid date ${JSON.stringify(date)} (expected YYYY-MM-DD)`, [
    { path, message: 'expected a date YYYY-MM-DD' },
  ]);
}

/**
 * The first instant of the local day whose midnight-as-UTC is `wallMidnight`, in `timeZone`.
 * Usually local 00:00; when 00:00 repeats (clocks go back) its first occurrence; when 00:00 is
 * skipped (clocks jump forward at midnight) the moment the day begins.
 */
function startOfLocalDay(wallMidnight: number, timeZone: string): number {
  // pure, and every request of a read model asks for the same few days: remember them
  const key = `${timeZone}|${wallMidnight}`;
  const known = dayStarts.get(key);
  if (known !== undefined) return known;
  const t = computeStartOfLocalDay(wallMidnight, timeZone);
  if (dayStarts.size >= MAX_DAY_STARTS) dayStarts.clear();
  dayStarts.set(key, t);
  return t;
}

const dayStarts = new Map<string, number>();
const MAX_DAY_STARTS = 10_000;

function computeStartOfLocalDay(wallMidnight: number, timeZone: string): number {
  const offsets = new Set([
    offsetAt(wallMidnight - DAY_MS, timeZone),
    offsetAt(wallMidnight, timeZone),
    offsetAt(wallMidnight + DAY_MS, timeZone),
  ]);
  let best: number | undefined;
  for (const o of offsets) {
    const t = wallMidnight - o;
    if (offsetAt(t, timeZone) === o && (best === undefined || t < best)) best = t;
  }
  if (best !== undefined) return best;
  // Midnight does not exist: binary-search the first instant whose wall clock is ≥ that midnight.
  let lo = wallMidnight - Math.max(...offsets); // wall clock before midnight
  let hi = wallMidnight - Math.min(...offsets); // wall clock after midnight
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2000) * 1000;
    if (mid <= lo) break;
    if (wallClockAsUtc(mid, timeZone) >= wallMidnight) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * Elapsed fraction of [startDate 00:00, endDate + 1 day 00:00) in the organization's timezone
 * (IANA name, default Asia/Shanghai), clamped to [0, 1]. Dates are 'YYYY-MM-DD'.
 * A cycle whose end is before its start counts as 0 before its start and 1 from then on.
 * Throws `bad_request` for a malformed date or an unknown time zone.
 */
export function expectedProgress(
  cycle: { startDate: string; endDate: string },
  now: Date,
  timeZone: string = DEFAULT_TIME_ZONE,
): number {
  const start = startOfLocalDay(parseDate(cycle.startDate, 'startDate'), timeZone);
  const end = startOfLocalDay(parseDate(cycle.endDate, 'endDate') + DAY_MS, timeZone);
  const t = now.getTime();
  if (Number.isNaN(t)) return 0;
  if (end <= start) return t >= start ? 1 : 0;
  return clamp01((t - start) / (end - start));
}

// ---------------------------------------------------------------------------------------------
// Health

export type Health = 'on_track' | 'at_risk' | 'off_track' | 'not_started';

export interface HealthThresholds {
  atRisk: number;
  offTrack: number;
}

export const DEFAULT_HEALTH_THRESHOLDS: HealthThresholds = Object.freeze({
  atRisk: 0.1,
  offTrack: 0.25,
});

/**
 * not_started when there is no check-in; on_track if p ≥ expected − atRisk; at_risk if
 * p ≥ expected − offTrack; else off_track. Comparisons allow a 1e-9 tolerance so that
 * 0.4 vs 0.5 − 0.1 counts as on the boundary.
 */
export function health(
  progress: number,
  expected: number,
  hasCheckIn: boolean,
  t: HealthThresholds = DEFAULT_HEALTH_THRESHOLDS,
): Health {
  if (!hasCheckIn) return 'not_started';
  if (progress >= expected - t.atRisk - EPSILON) return 'on_track';
  if (progress >= expected - t.offTrack - EPSILON) return 'at_risk';
  return 'off_track';
}

// ---------------------------------------------------------------------------------------------
// Forecast

/**
 * Least-squares line through the (time, value) points, read at `at`.
 * No points → undefined; exactly one point → its value; two or more points that all share one
 * time → undefined (no line can be fitted). Points with an invalid date or a non-finite value are
 * ignored.
 */
export function forecastValue(
  points: ReadonlyArray<{ at: Date; value: number }>,
  at: Date,
): number | undefined {
  const usable = points
    .map((p) => ({ t: p.at.getTime(), v: p.value }))
    .filter((p) => Number.isFinite(p.t) && Number.isFinite(p.v));
  const first = usable[0];
  if (first === undefined) return undefined;
  if (usable.length === 1) return first.v;
  const target = at.getTime();
  if (Number.isNaN(target)) return undefined;
  // Times relative to the first point (ms) keep the sums small and exact.
  const n = usable.length;
  let xMean = 0;
  let vMean = 0;
  for (const p of usable) {
    xMean += (p.t - first.t) / n;
    vMean += p.v / n;
  }
  let sxy = 0;
  let sxx = 0;
  for (const p of usable) {
    const dx = p.t - first.t - xMean;
    sxx += dx * dx;
    sxy += dx * (p.v - vMean);
  }
  if (usable.every((p) => p.t === first.t) || !(sxx > 0)) return undefined;
  return vMean + (sxy / sxx) * (target - first.t - xMean);
}

// ---------------------------------------------------------------------------------------------
// Validation

/**
 * Validates a KR metric. Values must be finite; for number/percent/currency start == target is
 * invalid, and `direction` must agree with start/target ('increase' needs target > start,
 * 'decrease' needs target < start). Boolean KRs only need finite values.
 * Returns the field problems (empty when valid).
 */
export function validateMetric(spec: MetricSpec): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!Number.isFinite(spec.startValue)) {
    problems.push({
      path: 'startValue',
      message: 'Start value must be a finite number',
      code: 'metric.not_finite',
    });
  }
  if (!Number.isFinite(spec.targetValue)) {
    problems.push({
      path: 'targetValue',
      message: 'Target value must be a finite number',
      code: 'metric.not_finite',
    });
  }
  if (problems.length > 0 || spec.metricType === 'boolean') return problems;
  if (spec.startValue === spec.targetValue) {
    problems.push({
      path: 'targetValue',
      message: `Target value must differ from the start value (both are ${spec.startValue})`,
      code: 'metric.start_equals_target',
    });
  } else if (spec.direction !== inferDirection(spec.startValue, spec.targetValue)) {
    problems.push({
      path: 'direction',
      message:
        spec.direction === 'increase'
          ? `Direction 'increase' needs a target above the start (${spec.startValue} → ${spec.targetValue})`
          : `Direction 'decrease' needs a target below the start (${spec.startValue} → ${spec.targetValue})`,
      code: 'metric.direction_mismatch',
    });
  }
  return problems;
}
