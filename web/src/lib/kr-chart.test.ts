import { describe, expect, it } from 'vitest';
import { expectedLine, forecastLine, historyPoints, leastSquaresAt } from './kr-chart';

const DAY = 86_400_000;

describe('key result chart', () => {
  it('starts the history at the start value and sorts check-ins', () => {
    const pts = historyPoints({ date: '2026-10-01', value: 1500 }, [
      { value: 1800, createdAt: '2026-10-20T09:00:00Z' },
      { value: 1600, createdAt: '2026-10-09T09:00:00Z' },
    ]);
    expect(pts.map((p) => p[1])).toEqual([1500, 1600, 1800]);
  });

  it('draws the expected path from start to target over the cycle', () => {
    const line = expectedLine({ startDate: '2026-10-01', endDate: '2026-12-31' }, 0, 100);
    expect(line[0]).toEqual([Date.parse('2026-10-01T00:00:00Z'), 0]);
    expect(line[1]).toEqual([Date.parse('2027-01-01T00:00:00Z'), 100]);
  });

  it('fits a least-squares line', () => {
    const pts: Array<[number, number]> = [
      [0, 1],
      [DAY, 3],
      [2 * DAY, 5],
    ];
    expect(leastSquaresAt(pts, 3 * DAY)).toBeCloseTo(7);
    expect(leastSquaresAt(pts.slice(0, 1), DAY)).toBeNull();
    expect(
      leastSquaresAt(
        [
          [5, 1],
          [5, 2],
        ],
        6,
      ),
    ).toBeNull();
  });

  it("forecasts from the last check-in to the cycle's end, preferring the server's forecast", () => {
    const t0 = Date.parse('2026-12-01T00:00:00Z');
    const pts: Array<[number, number]> = [
      [t0, 10],
      [t0 + DAY, 12],
    ];
    const own = forecastLine({ endDate: '2026-12-31' }, pts, undefined);
    expect(own[0]).toEqual(pts[1]);
    expect(own[1]?.[0]).toBe(Date.parse('2027-01-01T00:00:00Z'));
    expect(own[1]?.[1]).toBeCloseTo(72);
    expect(forecastLine({ endDate: '2026-12-31' }, pts, 50)[1]?.[1]).toBe(50);
    expect(forecastLine({ endDate: '2026-12-31' }, [], 50)).toEqual([]);
  });
});
