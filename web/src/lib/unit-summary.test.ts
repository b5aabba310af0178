import { describe, expect, it } from 'vitest';
import { distributionOption, hasScores, percent, plansInScope } from './unit-summary';

const units = [
  { id: 'c', name: 'C', parentId: null, memberIds: ['ceo'] },
  { id: 'b', name: 'B', parentId: 'c', memberIds: ['vp'] },
  { id: 'm', name: 'M', parentId: 'b', memberIds: ['m1', 'm2'] },
  { id: 's', name: 'S', parentId: 'b', memberIds: ['s1'] },
];
const plan = (ownerType: 'unit' | 'user', ownerId: string) => ({ ownerType, ownerId });

describe('plansInScope', () => {
  it('covers the unit, the units below it and their members, unit plans first', () => {
    const plans = [
      plan('user', 'm1'),
      plan('unit', 's'),
      plan('user', 'ceo'),
      plan('unit', 'c'),
      plan('unit', 'b'),
      plan('user', 's1'),
    ];
    const out = plansInScope(plans, 'b', units);
    expect(out.slice(0, 2).map((p) => p.ownerId)).toEqual(['b', 's']);
    expect(out.map((p) => p.ownerId).sort()).toEqual(['b', 'm1', 's', 's1']);
  });
  it('covers only the unit itself at a leaf', () => {
    expect(plansInScope([plan('unit', 'm'), plan('user', 's1')], 'm', units)).toHaveLength(1);
  });
});

describe('shares and charts', () => {
  it('rounds a share to a whole percent, null without a whole', () => {
    expect(percent(1, 3)).toBe(33);
    expect(percent(0, 0)).toBeNull();
  });
  it('knows when there is nothing to draw', () => {
    expect(hasScores({ green: 0, yellow: 0, red: 0 })).toBe(false);
    expect(hasScores({ green: 0, yellow: 1, red: 0 })).toBe(true);
  });
  it('draws three donuts with the band counts', () => {
    const dist = {
      plans: { green: 1, yellow: 2, red: 0 },
      objectives: { green: 3, yellow: 1, red: 1 },
      keyResults: { green: 5, yellow: 2, red: 4 },
    };
    const option = distributionOption(dist, {
      levels: { plans: 'P', objectives: 'O', keyResults: 'K' },
      bands: { green: 'g', yellow: 'y', red: 'r' },
    });
    expect(option.series).toHaveLength(3);
    expect(option.series[2]?.data).toEqual([
      { name: 'g', value: 5 },
      { name: 'y', value: 2 },
      { name: 'r', value: 4 },
    ]);
  });
});
