import { describe, expect, it } from 'vitest';
import { planOrganization, type GenerateParams } from './plan.js';
import { unitsPerLevel } from './people.js';
import { integerWeights, Rng } from './prng.js';

const NOW = new Date('2026-11-20T04:00:00.000Z');
const SMALL: GenerateParams = {
  users: 80,
  units: 12,
  weeks: 6,
  seed: 3,
  org: 'Test Co',
  domain: 'test-co.gen.test',
};

/** everything but the ids, which differ on every run */
function shape(params: GenerateParams) {
  const org = planOrganization(params, NOW);
  const plans = org.okrs.rollUpOrder;
  return {
    names: org.people.people.map((p) => p.row.name),
    units: org.people.units.map((u) => [u.level, u.row.name, u.members.length]),
    plans: plans.map((p) => [p.row.owner_type, p.row.state, p.row.progress]),
    krs: plans.flatMap((p) =>
      p.objectives.flatMap((o) =>
        o.keyResults.map((k) => [k.row.title, k.row.weight, k.row.current_value]),
      ),
    ),
    counts: org.counts,
  };
}

describe('planning a synthetic organization', () => {
  it('builds the same organization from the same seed and another from another seed', () => {
    expect(shape(SMALL)).toEqual(shape(SMALL));
    expect(shape({ ...SMALL, seed: 4 })).not.toEqual(shape(SMALL));
  });

  it('spreads units over five levels, one company at the top, more at each level below', () => {
    expect(unitsPerLevel(1000)).toEqual([1, 5, 29, 152, 813]);
    expect(unitsPerLevel(5)).toEqual([1, 1, 1, 1, 1]);
    for (const n of [5, 6, 7, 12, 20, 100, 1000, 5000]) {
      const levels = unitsPerLevel(n);
      expect(levels).toHaveLength(5);
      expect(levels.reduce((s, x) => s + x, 0)).toBe(n);
      expect(levels[0]).toBe(1);
      for (let i = 1; i < 5; i++) expect(levels[i]).toBeGreaterThanOrEqual(levels[i - 1]!);
    }
    expect(() => unitsPerLevel(4)).toThrow();
  });

  it('draws positive integer weights that sum to exactly 100', () => {
    const rng = new Rng(9);
    for (let n = 1; n <= 6; n++) {
      for (let k = 0; k < 50; k++) {
        const w = integerWeights(rng, n);
        expect(w).toHaveLength(n);
        expect(w.reduce((s, x) => s + x, 0)).toBe(100);
        expect(w.every((x) => Number.isInteger(x) && x >= 1)).toBe(true);
      }
    }
  });

  it('puts every check-in in the quarter before now and every plan in its cycle', () => {
    const org = planOrganization(SMALL, NOW);
    const { quarter } = org.cycles;
    expect(quarter.start_date <= NOW.toISOString().slice(0, 10)).toBe(true);
    expect(quarter.end_date > NOW.toISOString().slice(0, 10)).toBe(true);
    for (const plan of org.okrs.rollUpOrder) {
      for (const o of plan.objectives) {
        for (const kr of o.keyResults) {
          if (kr.row.last_check_in_at !== null) {
            expect(kr.row.last_check_in_at < NOW.toISOString()).toBe(true);
            expect(kr.row.last_check_in_at >= plan.row.approved_at!).toBe(true);
          }
        }
      }
    }
  });

  it('rejects sizes that cannot make a five-level tree with a leader per unit', () => {
    expect(() => planOrganization({ ...SMALL, units: 4 }, NOW)).toThrow(/units/);
    expect(() => planOrganization({ ...SMALL, users: 12 }, NOW)).toThrow(/users/);
  });
});
