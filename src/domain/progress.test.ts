import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import type { Direction, MetricSpec, MetricType } from './progress.js';
import {
  DEFAULT_HEALTH_THRESHOLDS,
  actionsProgress,
  clamp01,
  expectedProgress,
  forecastValue,
  health,
  inferDirection,
  keyResultProgress,
  rawKeyResultProgress,
  validateMetric,
  weightedProgress,
} from './progress.js';

const num = (startValue: number, targetValue: number, direction: Direction): MetricSpec => ({
  metricType: 'number',
  startValue,
  targetValue,
  direction,
});

/** finite doubles of moderate size, so differences never overflow */
const moderate = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
/** an increase spec (start < target) with a gap of at least 1e-3 */
const increaseSpec = fc
  .tuple(moderate, fc.double({ min: 1e-3, max: 1e6, noNaN: true }))
  .map(([s, gap]) => num(s, s + gap, 'increase'));
const decreaseSpec = fc
  .tuple(moderate, fc.double({ min: 1e-3, max: 1e6, noNaN: true }))
  .map(([s, gap]) => num(s, s - gap, 'decrease'));
const anySpec = fc.record({
  metricType: fc.constantFrom<MetricType>('number', 'percent', 'currency', 'boolean'),
  startValue: fc.double(),
  targetValue: fc.double(),
  direction: fc.constantFrom<Direction>('increase', 'decrease'),
});
const TIME_ZONES = [
  'Asia/Shanghai',
  'UTC',
  'America/New_York',
  'Europe/London',
  'America/Santiago',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
];

describe('rawKeyResultProgress / keyResultProgress', () => {
  it('increase 8 → 12 at 10 is 0.5', () => {
    expect(rawKeyResultProgress(num(8, 12, 'increase'), 10)).toBe(0.5);
  });

  it('decrease 10 → 6 at 7 is 0.75', () => {
    expect(rawKeyResultProgress(num(10, 6, 'decrease'), 7)).toBe(0.75);
  });

  it('keeps over-achievement raw and clamps it for roll-ups', () => {
    expect(keyResultProgress(num(0, 100, 'increase'), 125)).toEqual({ raw: 1.25, clamped: 1 });
    expect(keyResultProgress(num(10, 6, 'decrease'), 5)).toEqual({ raw: 1.25, clamped: 1 });
  });

  it('keeps going backwards raw and clamps it to 0', () => {
    expect(keyResultProgress(num(8, 12, 'increase'), 6)).toEqual({ raw: -0.5, clamped: 0 });
    expect(keyResultProgress(num(10, 6, 'decrease'), 12)).toEqual({ raw: -0.5, clamped: 0 });
  });

  it('start and target reached give 0 and 1', () => {
    expect(rawKeyResultProgress(num(8, 12, 'increase'), 8)).toBe(0);
    expect(rawKeyResultProgress(num(8, 12, 'increase'), 12)).toBe(1);
    expect(rawKeyResultProgress(num(-5, -20, 'decrease'), -20)).toBe(1);
  });

  it('percent and currency use the same formula', () => {
    const pct: MetricSpec = {
      metricType: 'percent',
      startValue: 20,
      targetValue: 60,
      direction: 'increase',
    };
    expect(rawKeyResultProgress(pct, 30)).toBe(0.25);
    const money: MetricSpec = {
      ...pct,
      metricType: 'currency',
      startValue: 1000,
      targetValue: 500,
      direction: 'decrease',
    };
    expect(rawKeyResultProgress(money, 800)).toBe(0.4);
  });

  it('boolean: current ≥ 1 → 1, else 0', () => {
    const b: MetricSpec = {
      metricType: 'boolean',
      startValue: 0,
      targetValue: 1,
      direction: 'increase',
    };
    expect(rawKeyResultProgress(b, 0)).toBe(0);
    expect(rawKeyResultProgress(b, 0.99)).toBe(0);
    expect(rawKeyResultProgress(b, 1)).toBe(1);
    expect(rawKeyResultProgress(b, 2)).toBe(1);
    expect(keyResultProgress(b, 1)).toEqual({ raw: 1, clamped: 1 });
  });

  it('never returns NaN or Infinity for the invalid start == target', () => {
    expect(rawKeyResultProgress(num(5, 5, 'increase'), 4)).toBe(0);
    expect(rawKeyResultProgress(num(5, 5, 'increase'), 5)).toBe(1);
    expect(rawKeyResultProgress(num(5, 5, 'decrease'), 4)).toBe(1);
    expect(rawKeyResultProgress(num(5, 5, 'decrease'), 6)).toBe(0);
    expect(rawKeyResultProgress(num(8, 12, 'increase'), Number.NaN)).toBe(0);
  });

  it('property: clamped progress is always in [0, 1], raw is never NaN', () => {
    fc.assert(
      fc.property(anySpec, fc.double(), (spec, current) => {
        const { raw, clamped } = keyResultProgress(spec, current);
        expect(Number.isNaN(raw)).toBe(false);
        expect(clamped).toBeGreaterThanOrEqual(0);
        expect(clamped).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('property: increase — a higher current value never gives less progress', () => {
    fc.assert(
      fc.property(increaseSpec, moderate, moderate, (spec, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(rawKeyResultProgress(spec, lo)).toBeLessThanOrEqual(rawKeyResultProgress(spec, hi));
        expect(keyResultProgress(spec, lo).clamped).toBeLessThanOrEqual(
          keyResultProgress(spec, hi).clamped,
        );
      }),
    );
  });

  it('property: decrease — a lower current value never gives less progress', () => {
    fc.assert(
      fc.property(decreaseSpec, moderate, moderate, (spec, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(rawKeyResultProgress(spec, lo)).toBeGreaterThanOrEqual(
          rawKeyResultProgress(spec, hi),
        );
        expect(keyResultProgress(spec, lo).clamped).toBeGreaterThanOrEqual(
          keyResultProgress(spec, hi).clamped,
        );
      }),
    );
  });

  it('property (mirror symmetry): increase s → t at v equals decrease −s → −t at −v, exactly', () => {
    fc.assert(
      fc.property(increaseSpec, moderate, (spec, v) => {
        const mirrored = num(-spec.startValue, -spec.targetValue, 'decrease');
        expect(rawKeyResultProgress(mirrored, -v) === rawKeyResultProgress(spec, v)).toBe(true);
      }),
    );
  });

  it('property (complement symmetry): increase s → t at v + decrease t → s at v = 1', () => {
    fc.assert(
      fc.property(increaseSpec, moderate, (spec, v) => {
        const up = rawKeyResultProgress(spec, v);
        const down = rawKeyResultProgress(num(spec.targetValue, spec.startValue, 'decrease'), v);
        expect(Math.abs(up + down - 1)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(up)));
      }),
    );
  });

  it('property: progress is 0 at the start and 1 at the target', () => {
    fc.assert(
      fc.property(fc.oneof(increaseSpec, decreaseSpec), (spec) => {
        expect(rawKeyResultProgress(spec, spec.startValue)).toBe(0);
        expect(rawKeyResultProgress(spec, spec.targetValue)).toBe(1);
      }),
    );
  });
});

describe('clamp01', () => {
  it('clamps to [0, 1] and maps NaN to 0', () => {
    expect(clamp01(-1)).toBe(0);
    expect(clamp01(0.3)).toBe(0.3);
    expect(clamp01(7)).toBe(1);
    expect(clamp01(Number.POSITIVE_INFINITY)).toBe(1);
    expect(clamp01(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(clamp01(Number.NaN)).toBe(0);
  });
});

describe('inferDirection', () => {
  it('target below start → decrease, else increase', () => {
    expect(inferDirection(10, 6)).toBe('decrease');
    expect(inferDirection(8, 12)).toBe('increase');
    expect(inferDirection(5, 5)).toBe('increase');
  });

  it('property: the inferred direction always validates when start ≠ target', () => {
    fc.assert(
      fc.property(moderate, moderate, (s, t) => {
        fc.pre(s !== t);
        expect(validateMetric(num(s, t, inferDirection(s, t)))).toEqual([]);
      }),
    );
  });
});

describe('weightedProgress', () => {
  it('is Σ wᵢpᵢ / Σ wᵢ over clamped progress', () => {
    expect(
      weightedProgress([
        { weight: 60, progress: 0.5 },
        { weight: 40, progress: 1 },
      ]),
    ).toBeCloseTo(0.7, 12);
    expect(
      weightedProgress([
        { weight: 50, progress: 1.5 }, // clamped to 1
        { weight: 50, progress: -0.5 }, // clamped to 0
      ]),
    ).toBeCloseTo(0.5, 12);
  });

  it('uses equal weights when all weights are 0', () => {
    expect(
      weightedProgress([
        { weight: 0, progress: 0.2 },
        { weight: 0, progress: 0.4 },
        { weight: 0, progress: 0.9 },
      ]),
    ).toBeCloseTo(0.5, 12);
  });

  it('gives 0 weight to a zero-weight item when others have weight', () => {
    expect(
      weightedProgress([
        { weight: 0, progress: 1 },
        { weight: 10, progress: 0.3 },
      ]),
    ).toBeCloseTo(0.3, 12);
  });

  it('is 0 for an empty list', () => {
    expect(weightedProgress([])).toBe(0);
  });

  it('treats negative and non-finite weights as 0', () => {
    expect(
      weightedProgress([
        { weight: -50, progress: 1 },
        { weight: Number.NaN, progress: 1 },
        { weight: Number.POSITIVE_INFINITY, progress: 1 },
        { weight: 50, progress: 0.2 },
      ]),
    ).toBeCloseTo(0.2, 12);
  });

  it('does not overflow with huge weights', () => {
    expect(
      weightedProgress([
        { weight: 1e308, progress: 1 },
        { weight: 1e308, progress: 0 },
      ]),
    ).toBeCloseTo(0.5, 12);
  });

  it('property: always in [0, 1], whatever the input', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ weight: fc.double(), progress: fc.double() })), (items) => {
        const p = weightedProgress(items);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('property: lies between the smallest and largest clamped progress', () => {
    const item = fc.record({
      weight: fc.double({ min: 0, max: 1000, noNaN: true }),
      progress: fc.double({ min: -1, max: 2, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(item, { minLength: 1 }), (items) => {
        const ps = items.map((i) => clamp01(i.progress));
        const p = weightedProgress(items);
        expect(p).toBeGreaterThanOrEqual(Math.min(...ps) - 1e-12);
        expect(p).toBeLessThanOrEqual(Math.max(...ps) + 1e-12);
      }),
    );
  });

  it('property: multiplying every weight by k > 0 does not change the result', () => {
    const item = fc.record({
      // 0, or large enough that w × k stays a normal number: a subnormal weight such as 5e-324
      // times 1e-6 underflows to 0 in floating point, which is not scaling
      weight: fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 1000, noNaN: true })),
      progress: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(item), fc.double({ min: 1e-6, max: 1e6, noNaN: true }), (items, k) => {
        const scaled = items.map((i) => ({ weight: i.weight * k, progress: i.progress }));
        expect(Math.abs(weightedProgress(scaled) - weightedProgress(items))).toBeLessThan(1e-12);
      }),
    );
  });

  it('property: order of the items does not matter', () => {
    const item = fc.record({
      weight: fc.integer({ min: 0, max: 100 }),
      progress: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(item), (items) => {
        const reversed = [...items].reverse();
        expect(Math.abs(weightedProgress(reversed) - weightedProgress(items))).toBeLessThan(1e-12);
      }),
    );
  });
});

describe('actionsProgress', () => {
  it('is the weighted share of done actions, cancelled ones left out', () => {
    expect(
      actionsProgress([
        { weight: 2, state: 'done' },
        { weight: 1, state: 'todo' },
        { weight: 1, state: 'in_progress' },
        { weight: 5, state: 'cancelled' },
      ]),
    ).toBeCloseTo(0.5, 12);
    expect(
      actionsProgress([
        { weight: 1, state: 'done' },
        { weight: 3, state: 'blocked' },
      ]),
    ).toBeCloseTo(0.25, 12);
  });

  it('counts actions equally when all weights are 0', () => {
    expect(
      actionsProgress([
        { weight: 0, state: 'done' },
        { weight: 0, state: 'done' },
        { weight: 0, state: 'todo' },
      ]),
    ).toBeCloseTo(2 / 3, 12);
  });

  it('is 0 when no action counts', () => {
    expect(actionsProgress([])).toBe(0);
    expect(actionsProgress([{ weight: 1, state: 'cancelled' }])).toBe(0);
  });

  it('is 1 when every counted action is done', () => {
    expect(
      actionsProgress([
        { weight: 1, state: 'done' },
        { weight: 9, state: 'cancelled' },
      ]),
    ).toBe(1);
  });

  it('property: in [0, 1], and cancelling an action is the same as removing it', () => {
    const state = fc.constantFrom(
      'todo' as const,
      'in_progress' as const,
      'done' as const,
      'blocked' as const,
      'cancelled' as const,
    );
    const action = fc.record({ weight: fc.integer({ min: 0, max: 100 }), state });
    fc.assert(
      fc.property(fc.array(action), fc.integer({ min: 0, max: 100 }), (actions, w) => {
        const p = actionsProgress(actions);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
        expect(actionsProgress([...actions, { weight: w, state: 'cancelled' }])).toBe(p);
      }),
    );
  });
});

describe('expectedProgress', () => {
  const q1 = { startDate: '2025-01-01', endDate: '2025-03-31' }; // 90 days
  const at = (iso: string) => new Date(iso);

  it('Asia/Shanghai: starts at local midnight (16:00 UTC the day before)', () => {
    expect(expectedProgress(q1, at('2024-12-31T15:59:59Z'), 'Asia/Shanghai')).toBe(0);
    expect(expectedProgress(q1, at('2024-12-31T16:00:00Z'), 'Asia/Shanghai')).toBe(0);
    expect(expectedProgress(q1, at('2024-12-31T22:00:00Z'), 'Asia/Shanghai')).toBeCloseTo(
      6 / (90 * 24),
      12,
    );
  });

  it('Asia/Shanghai: known instants inside the quarter', () => {
    // 2025-02-16 00:00 in Shanghai: 46 whole days elapsed
    expect(expectedProgress(q1, at('2025-02-15T16:00:00Z'), 'Asia/Shanghai')).toBeCloseTo(
      46 / 90,
      12,
    );
    // 2025-02-15 12:00 in Shanghai: 45.5 days
    expect(expectedProgress(q1, at('2025-02-15T04:00:00Z'), 'Asia/Shanghai')).toBeCloseTo(
      45.5 / 90,
      12,
    );
  });

  it('Asia/Shanghai: ends at local midnight after endDate (endDate is a whole day)', () => {
    expect(expectedProgress(q1, at('2025-03-31T15:59:59Z'), 'Asia/Shanghai')).toBeLessThan(1);
    expect(expectedProgress(q1, at('2025-03-31T16:00:00Z'), 'Asia/Shanghai')).toBe(1);
    expect(expectedProgress(q1, at('2026-01-01T00:00:00Z'), 'Asia/Shanghai')).toBe(1);
  });

  it('defaults to Asia/Shanghai', () => {
    expect(expectedProgress(q1, at('2025-02-15T16:00:00Z'))).toBeCloseTo(46 / 90, 12);
  });

  it('UTC differs from Shanghai by the offset', () => {
    expect(expectedProgress(q1, at('2024-12-31T22:00:00Z'), 'UTC')).toBe(0);
    expect(expectedProgress(q1, at('2025-02-16T00:00:00Z'), 'UTC')).toBeCloseTo(46 / 90, 12);
  });

  it('America/New_York: a cycle across the DST change is one hour short', () => {
    const march = { startDate: '2025-03-01', endDate: '2025-03-31' };
    // starts 2025-03-01T05:00Z (EST), ends 2025-04-01T04:00Z (EDT): 743 hours
    expect(expectedProgress(march, at('2025-03-01T05:00:00Z'), 'America/New_York')).toBe(0);
    expect(expectedProgress(march, at('2025-03-16T04:00:00Z'), 'America/New_York')).toBeCloseTo(
      359 / 743,
      12,
    );
    expect(expectedProgress(march, at('2025-04-01T04:00:00Z'), 'America/New_York')).toBe(1);
  });

  it('America/Santiago: a day whose midnight is skipped starts when the clocks jump', () => {
    // 2024-09-08: clocks jump from 00:00 (−04) to 01:00 (−03) at 04:00Z; the day lasts 23 h
    const day = { startDate: '2024-09-08', endDate: '2024-09-08' };
    expect(expectedProgress(day, at('2024-09-08T03:59:59Z'), 'America/Santiago')).toBe(0);
    expect(expectedProgress(day, at('2024-09-08T15:30:00Z'), 'America/Santiago')).toBeCloseTo(
      11.5 / 23,
      12,
    );
    expect(expectedProgress(day, at('2024-09-09T03:00:00Z'), 'America/Santiago')).toBe(1);
  });

  it('America/Santiago: a day with a repeated hour lasts 25 h', () => {
    const day = { startDate: '2025-04-05', endDate: '2025-04-05' };
    expect(expectedProgress(day, at('2025-04-05T03:00:00Z'), 'America/Santiago')).toBe(0);
    expect(expectedProgress(day, at('2025-04-05T15:30:00Z'), 'America/Santiago')).toBeCloseTo(
      12.5 / 25,
      12,
    );
    expect(expectedProgress(day, at('2025-04-06T04:00:00Z'), 'America/Santiago')).toBe(1);
  });

  it('Pacific/Apia: a skipped calendar day (2011-12-30) has no length', () => {
    // 2011-12-29 24:00 (−10) became 2011-12-31 00:00 (+14) at 2011-12-30T10:00Z
    const span = { startDate: '2011-12-29', endDate: '2011-12-31' }; // 48 hours
    expect(expectedProgress(span, at('2011-12-29T10:00:00Z'), 'Pacific/Apia')).toBe(0);
    expect(expectedProgress(span, at('2011-12-30T10:00:00Z'), 'Pacific/Apia')).toBeCloseTo(0.5, 12);
    const fromSkipped = { startDate: '2011-12-30', endDate: '2011-12-31' }; // 24 hours
    expect(expectedProgress(fromSkipped, at('2011-12-30T10:00:00Z'), 'Pacific/Apia')).toBe(0);
    expect(expectedProgress(fromSkipped, at('2011-12-30T22:00:00Z'), 'Pacific/Apia')).toBeCloseTo(
      0.5,
      12,
    );
  });

  it('treats an end before the start as a step at the start', () => {
    const bad = { startDate: '2025-03-01', endDate: '2025-02-01' };
    expect(expectedProgress(bad, at('2025-01-01T00:00:00Z'), 'UTC')).toBe(0);
    expect(expectedProgress(bad, at('2025-03-02T00:00:00Z'), 'UTC')).toBe(1);
  });

  it('rejects malformed dates and unknown time zones with bad_request', () => {
    const now = at('2025-02-01T00:00:00Z');
    for (const cycle of [
      { startDate: '2025-02-30', endDate: '2025-03-31' },
      { startDate: '2025-1-1', endDate: '2025-03-31' },
      { startDate: '2025-01-01', endDate: 'soon' },
    ]) {
      expect(() => expectedProgress(cycle, now, 'UTC')).toThrow(AppError);
    }
    try {
      expectedProgress(q1, now, 'Mars/Olympus_Mons');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('bad_request');
    }
  });

  const cycleArb = fc
    .tuple(
      fc.date({
        min: new Date('2000-01-01T00:00:00Z'),
        max: new Date('2040-01-01T00:00:00Z'),
        noInvalidDate: true,
      }),
      fc.integer({ min: 0, max: 400 }),
    )
    .map(([d, len]) => {
      const start = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
      const end = new Date(start.getTime() + len * 86_400_000);
      return {
        startDate: start.toISOString().slice(0, 10),
        endDate: end.toISOString().slice(0, 10),
      };
    });
  const instant = fc.integer({
    min: Date.UTC(1999, 0, 1),
    max: Date.UTC(2042, 0, 1),
  });

  it('property: in [0, 1] and monotone in time, in any time zone', () => {
    fc.assert(
      fc.property(cycleArb, fc.constantFrom(...TIME_ZONES), instant, instant, (cycle, tz, a, b) => {
        const [t1, t2] = a <= b ? [a, b] : [b, a];
        const e1 = expectedProgress(cycle, new Date(t1), tz);
        const e2 = expectedProgress(cycle, new Date(t2), tz);
        expect(e1).toBeGreaterThanOrEqual(0);
        expect(e2).toBeLessThanOrEqual(1);
        expect(e1).toBeLessThanOrEqual(e2);
      }),
      { numRuns: 300 },
    );
  });

  it('property: a cycle lasts its number of days (±2 h for DST)', () => {
    fc.assert(
      fc.property(cycleArb, fc.constantFrom(...TIME_ZONES), (cycle, tz) => {
        const days =
          (Date.parse(`${cycle.endDate}T00:00:00Z`) - Date.parse(`${cycle.startDate}T00:00:00Z`)) /
            86_400_000 +
          1;
        const startUtc = Date.parse(`${cycle.startDate}T00:00:00Z`);
        // find the local start by bisection: expected progress turns positive right after it
        const probe = (t: number) => expectedProgress(cycle, new Date(t), tz);
        let lo = startUtc - 15 * 3_600_000;
        let hi = startUtc + 15 * 3_600_000;
        while (hi - lo > 1000) {
          const mid = Math.floor((lo + hi) / 2);
          if (probe(mid) > 0) hi = mid;
          else lo = mid;
        }
        const start = lo;
        const halfway = probe(start + (days * 86_400_000) / 2);
        expect(Math.abs(halfway - 0.5)).toBeLessThanOrEqual(2 / 24 / days);
      }),
      { numRuns: 100 },
    );
  });
});

describe('health', () => {
  it('not_started without a check-in, whatever the numbers', () => {
    expect(health(0.9, 0.1, false)).toBe('not_started');
    expect(health(0, 1, false)).toBe('not_started');
  });

  it('on_track / at_risk / off_track at the default thresholds, boundaries included', () => {
    expect(DEFAULT_HEALTH_THRESHOLDS).toEqual({ atRisk: 0.1, offTrack: 0.25 });
    const expected = 0.5;
    expect(health(0.6, expected, true)).toBe('on_track');
    expect(health(0.4, expected, true)).toBe('on_track'); // exactly expected − 0.10
    expect(health(0.3999, expected, true)).toBe('at_risk');
    expect(health(0.25, expected, true)).toBe('at_risk'); // exactly expected − 0.25
    expect(health(0.2499, expected, true)).toBe('off_track');
    expect(health(0, expected, true)).toBe('off_track');
  });

  it('tolerates float noise at a boundary', () => {
    // 0.7 − 0.1 = 0.6 mathematically; 0.6 − 1e-12 still counts as on the boundary
    expect(health(0.6 - 1e-12, 0.7, true)).toBe('on_track');
    expect(health(0.45 - 1e-12, 0.7, true)).toBe('at_risk');
  });

  it('early in the cycle everything with a check-in is on track', () => {
    expect(health(0, 0.05, true)).toBe('on_track');
    expect(health(0, 0.1, true)).toBe('on_track');
  });

  it('uses the organization thresholds', () => {
    const t = { atRisk: 0.05, offTrack: 0.15 };
    expect(health(0.45, 0.5, true, t)).toBe('on_track');
    expect(health(0.44, 0.5, true, t)).toBe('at_risk');
    expect(health(0.35, 0.5, true, t)).toBe('at_risk');
    expect(health(0.34, 0.5, true, t)).toBe('off_track');
  });

  it('property: more progress never gives a worse health', () => {
    const rank = { off_track: 0, at_risk: 1, on_track: 2, not_started: -1 } as const;
    const frac = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(frac, frac, frac, (a, b, expected) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(rank[health(lo, expected, true)]).toBeLessThanOrEqual(
          rank[health(hi, expected, true)],
        );
      }),
    );
  });
});

describe('forecastValue', () => {
  const day = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000);

  it('reads a perfect line exactly', () => {
    const points = [0, 7, 14, 21].map((n) => ({ at: day(n), value: 10 + 2 * n }));
    expect(forecastValue(points, day(90))).toBeCloseTo(190, 9);
    expect(forecastValue(points, day(0))).toBeCloseTo(10, 9);
    expect(forecastValue(points, day(-5))).toBeCloseTo(0, 9);
  });

  it('fits the least-squares line through noisy points', () => {
    // (0,0) (1,1) (2,1) (3,2): slope 0.6, intercept 0.1
    const points = [
      { at: day(0), value: 0 },
      { at: day(1), value: 1 },
      { at: day(2), value: 1 },
      { at: day(3), value: 2 },
    ];
    expect(forecastValue(points, day(10))).toBeCloseTo(6.1, 9);
  });

  it('does not depend on the order of the points', () => {
    const points = [
      { at: day(3), value: 2 },
      { at: day(0), value: 0 },
      { at: day(2), value: 1 },
      { at: day(1), value: 1 },
    ];
    expect(forecastValue(points, day(10))).toBeCloseTo(6.1, 9);
  });

  it('no points → undefined; one point → its value', () => {
    expect(forecastValue([], day(10))).toBeUndefined();
    expect(forecastValue([{ at: day(1), value: 42 }], day(10))).toBe(42);
  });

  it('several points at one time → undefined', () => {
    expect(
      forecastValue(
        [
          { at: day(1), value: 1 },
          { at: day(1), value: 3 },
        ],
        day(10),
      ),
    ).toBeUndefined();
  });

  it('ignores invalid points', () => {
    const points = [
      { at: day(0), value: 0 },
      { at: new Date(Number.NaN), value: 100 },
      { at: day(1), value: Number.NaN },
      { at: day(2), value: 4 },
    ];
    expect(forecastValue(points, day(3))).toBeCloseTo(6, 9);
  });

  it('property: points on a line forecast that line', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e4, max: 1e4, noNaN: true }),
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.uniqueArray(fc.integer({ min: 0, max: 365 * 24 }), { minLength: 2, maxLength: 30 }),
        fc.integer({ min: -1000, max: 20_000 }),
        (intercept, slopePerHour, hours, readAt) => {
          const t0 = Date.UTC(2025, 0, 1);
          const points = hours.map((h) => ({
            at: new Date(t0 + h * 3_600_000),
            value: intercept + slopePerHour * h,
          }));
          const expected = intercept + slopePerHour * readAt;
          const got = forecastValue(points, new Date(t0 + readAt * 3_600_000));
          expect(got).toBeDefined();
          expect(Math.abs(got! - expected)).toBeLessThanOrEqual(1e-6 * (1 + Math.abs(expected)));
        },
      ),
    );
  });
});

describe('validateMetric', () => {
  it('accepts valid metrics', () => {
    expect(validateMetric(num(8, 12, 'increase'))).toEqual([]);
    expect(validateMetric(num(10, 6, 'decrease'))).toEqual([]);
    expect(
      validateMetric({
        metricType: 'boolean',
        startValue: 0,
        targetValue: 1,
        direction: 'increase',
      }),
    ).toEqual([]);
  });

  it('rejects start == target for number, percent and currency', () => {
    for (const metricType of ['number', 'percent', 'currency'] as const) {
      const problems = validateMetric({
        metricType,
        startValue: 5,
        targetValue: 5,
        direction: 'increase',
      });
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({
        path: 'targetValue',
        code: 'metric.start_equals_target',
      });
    }
  });

  it('allows start == target for boolean', () => {
    expect(
      validateMetric({
        metricType: 'boolean',
        startValue: 1,
        targetValue: 1,
        direction: 'increase',
      }),
    ).toEqual([]);
  });

  it('rejects non-finite values, each field listed', () => {
    const problems = validateMetric(num(Number.NaN, Number.POSITIVE_INFINITY, 'increase'));
    expect(problems.map((p) => p.path)).toEqual(['startValue', 'targetValue']);
    expect(problems.every((p) => p.code === 'metric.not_finite')).toBe(true);
    expect(
      validateMetric({
        metricType: 'boolean',
        startValue: 0,
        targetValue: Number.NaN,
        direction: 'increase',
      }),
    ).toHaveLength(1);
  });

  it('rejects a direction that contradicts start and target', () => {
    expect(validateMetric(num(8, 12, 'decrease'))).toEqual([
      expect.objectContaining({ path: 'direction', code: 'metric.direction_mismatch' }),
    ]);
    expect(validateMetric(num(10, 6, 'increase'))).toEqual([
      expect.objectContaining({ path: 'direction', code: 'metric.direction_mismatch' }),
    ]);
  });
});
