import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cycleEncloses, wouldCreateAlignmentCycle } from './alignment.js';

const lookup =
  (parents: Record<string, string | null>) =>
  (id: string): string | null | undefined =>
    parents[id];

describe('wouldCreateAlignmentCycle', () => {
  // team → dept → company (each aligns to the next, directly or through a KR)
  const parentOf = lookup({ team: 'dept', dept: 'company', company: null, other: null });

  it('aligning to itself is a cycle', () => {
    expect(wouldCreateAlignmentCycle('dept', 'dept', parentOf)).toBe(true);
  });

  it('aligning to something already aligned below it is a cycle', () => {
    expect(wouldCreateAlignmentCycle('company', 'team', parentOf)).toBe(true);
    expect(wouldCreateAlignmentCycle('dept', 'team', parentOf)).toBe(true);
  });

  it('aligning upwards or sideways is fine', () => {
    expect(wouldCreateAlignmentCycle('team', 'company', parentOf)).toBe(false);
    expect(wouldCreateAlignmentCycle('other', 'team', parentOf)).toBe(false);
    expect(wouldCreateAlignmentCycle('team', 'unknown', parentOf)).toBe(false);
  });

  it('terminates on an existing loop that does not involve the objective', () => {
    const looped = lookup({ a: 'b', b: 'a', x: null });
    expect(wouldCreateAlignmentCycle('x', 'a', looped)).toBe(false);
    expect(wouldCreateAlignmentCycle('a', 'b', looped)).toBe(true);
  });

  it('property: on a random forest, a cycle forms exactly when the target descends from the objective', () => {
    const forestArb = fc
      .integer({ min: 1, max: 30 })
      .chain((n) =>
        fc.tuple(
          ...Array.from({ length: n }, (_, i) =>
            i === 0 ? fc.constant(-1) : fc.integer({ min: -1, max: i - 1 }),
          ),
        ),
      );
    fc.assert(
      fc.property(forestArb, fc.nat(), fc.nat(), (parents, a, b) => {
        const map = new Map(parents.map((p, i) => [`o${i}`, p < 0 ? null : `o${p}`]));
        const parentOf = (id: string) => map.get(id);
        const obj = `o${a % parents.length}`;
        const target = `o${b % parents.length}`;
        // brute force: walk up from the target
        let descends = false;
        for (let cur: string | null | undefined = target; cur; cur = map.get(cur)) {
          if (cur === obj) descends = true;
        }
        expect(wouldCreateAlignmentCycle(obj, target, parentOf)).toBe(descends);
      }),
    );
  });
});

describe('cycleEncloses', () => {
  const year = { id: 'y2025', startDate: '2025-01-01', endDate: '2025-12-31' };
  const q1 = { id: 'q1', startDate: '2025-01-01', endDate: '2025-03-31' };
  const q4 = { id: 'q4', startDate: '2025-10-01', endDate: '2025-12-31' };

  it('a quarter lies within its year, boundaries included', () => {
    expect(cycleEncloses(year, q1)).toBe(true);
    expect(cycleEncloses(year, q4)).toBe(true);
  });

  it('a cycle encloses itself, also by id', () => {
    expect(cycleEncloses(q1, q1)).toBe(true);
    expect(cycleEncloses(year, { ...year })).toBe(true);
    expect(cycleEncloses(q1, { id: 'q1', startDate: '2024-01-01', endDate: '2026-01-01' })).toBe(
      true,
    );
  });

  it('a year does not lie within a quarter; overlapping or disjoint cycles do not enclose', () => {
    expect(cycleEncloses(q1, year)).toBe(false);
    expect(cycleEncloses(q1, q4)).toBe(false);
    expect(
      cycleEncloses(year, { id: 'cross', startDate: '2025-12-01', endDate: '2026-02-28' }),
    ).toBe(false);
    expect(
      cycleEncloses(year, { id: 'early', startDate: '2024-12-31', endDate: '2025-03-31' }),
    ).toBe(false);
  });
});
