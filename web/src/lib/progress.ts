/** Progress of key results and how values and fractions are written for people. */

export type MetricType = 'number' | 'percent' | 'currency' | 'boolean';
export type Direction = 'increase' | 'decrease';

export interface MetricShape {
  metricType: MetricType;
  startValue: number;
  targetValue: number;
  direction?: Direction;
}

/**
 * Unclamped progress of a key result at `value` (domain.md): increase (v − s) / (t − s),
 * decrease (s − v) / (s − t), boolean 1 when v ≥ 1. Null when start equals target.
 */
export function progressAt(kr: MetricShape, value: number): number | null {
  if (kr.metricType === 'boolean') return value >= 1 ? 1 : 0;
  const span = kr.targetValue - kr.startValue;
  if (span === 0) return null;
  const direction = kr.direction ?? (span > 0 ? 'increase' : 'decrease');
  return direction === 'increase'
    ? (value - kr.startValue) / span
    : (kr.startValue - value) / (kr.startValue - kr.targetValue);
}

/** `x` clamped to [0, 1]. */
export function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

/** A fraction as a whole percentage: 0.516 → "52%" (over-achievement kept: 1.2 → "120%"). */
export function formatPercent(fraction: number | null | undefined, locale = 'zh-CN'): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '–';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(
    fraction,
  );
}

/** Progress minus expected progress, in whole percentage points: (0.45, 0.62) → -17. */
export function gapPoints(progress: number, expected: number): number {
  return Math.round((progress - expected) * 100);
}

/** A number with at most `digits` decimals and grouping: 32000000 → "32,000,000". */
export function formatNumber(value: number, locale = 'zh-CN', digits = 2): string {
  if (!Number.isFinite(value)) return '–';
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
}

/**
 * A metric value with its unit: currency in the locale's compact form (¥3,200万 / CN¥32M),
 * percent with "%", numbers with their unit ("2,400 条"), boolean as done / not done via `labels`.
 */
export function formatMetric(
  value: number,
  kr: { metricType: MetricType; unit?: string | null },
  locale = 'zh-CN',
  labels: { done: string; notDone: string } = { done: '✓', notDone: '✗' },
): string {
  switch (kr.metricType) {
    case 'boolean':
      return value >= 1 ? labels.done : labels.notDone;
    case 'percent':
      return `${formatNumber(value, locale)}%`;
    case 'currency': {
      const currency = kr.unit && /^[A-Z]{3}$/.test(kr.unit) ? kr.unit : null;
      const big = Math.abs(value) >= 100_000;
      if (currency) {
        return new Intl.NumberFormat(locale, {
          style: 'currency',
          currency,
          notation: big ? 'compact' : 'standard',
          minimumFractionDigits: 0,
          maximumFractionDigits: big ? 2 : 0,
        }).format(value);
      }
      const n = new Intl.NumberFormat(locale, {
        notation: big ? 'compact' : 'standard',
        maximumFractionDigits: 2,
      }).format(value);
      return kr.unit ? `${n} ${kr.unit}` : n;
    }
    case 'number': {
      const n = formatNumber(value, locale);
      return kr.unit ? `${n} ${kr.unit}` : n;
    }
  }
}

/** Parses what a person typed as a number ("1,200", " 3.5 ", "１２"); null when it is not one. */
export function parseNumberInput(text: string): number | null {
  const normalized = text
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[，,_\s]/g, '')
    .replace(/。/g, '.')
    .replace(/^＋/, '+')
    .replace(/^－/, '-');
  if (normalized === '' || !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(normalized)) return null;
  const n = Number(normalized);
  return Number.isFinite(n) ? n : null;
}
