import { describe, expect, it } from 'vitest';
import { evenWeights, weightForNewItem, weightRemaining, weightStatus, weightSum } from './weights';

describe('weights', () => {
  it('sums finite weights without float noise', () => {
    expect(weightSum([{ weight: 33.3 }, { weight: 33.3 }, { weight: 33.4 }])).toBe(100);
    expect(
      weightSum([{ weight: 60 }, { weight: null }, { weight: Number.NaN }, { weight: 30 }]),
    ).toBe(90);
    expect(weightSum([])).toBe(0);
  });

  it('says whether a sum reaches 100, falls short or goes over', () => {
    expect(weightStatus(100)).toBe('complete');
    expect(weightStatus(99.995)).toBe('complete');
    expect(weightStatus(90)).toBe('under');
    expect(weightStatus(100.5)).toBe('over');
    expect(weightRemaining(90)).toBe(10);
    expect(weightRemaining(110)).toBe(-10);
  });

  it('splits 100 into whole, even weights', () => {
    expect(evenWeights(3)).toEqual([34, 33, 33]);
    expect(evenWeights(4)).toEqual([25, 25, 25, 25]);
    expect(evenWeights(0)).toEqual([]);
    for (let n = 1; n <= 12; n++) expect(evenWeights(n).reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('offers what remains to a new item, else an even share', () => {
    expect(weightForNewItem([])).toBe(100);
    expect(weightForNewItem([{ weight: 60 }])).toBe(40);
    expect(weightForNewItem([{ weight: 50 }, { weight: 50 }])).toBe(33);
  });
});
