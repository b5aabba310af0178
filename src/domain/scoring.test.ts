import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  defaultScore,
  isCommittedMiss,
  isMiss,
  isScoringPhase,
  keyResultScore,
  scoreBand,
  weightedScore,
} from './scoring.js';

describe('defaultScore', () => {
  it('rounds clamped progress to one decimal', () => {
    expect(defaultScore(0)).toBe(0);
    expect(defaultScore(0.04)).toBe(0);
    expect(defaultScore(0.05)).toBe(0.1);
    expect(defaultScore(0.35)).toBe(0.4);
    expect(defaultScore(0.64)).toBe(0.6);
    expect(defaultScore(0.65)).toBe(0.7);
    expect(defaultScore(0.949)).toBe(0.9);
    expect(defaultScore(0.95)).toBe(1);
    expect(defaultScore(1)).toBe(1);
  });

  it('clamps out-of-range input', () => {
    expect(defaultScore(1.25)).toBe(1);
    expect(defaultScore(-0.3)).toBe(0);
    expect(defaultScore(Number.NaN)).toBe(0);
  });

  it('property: a tenth in [0, 1] within 0.05 of the clamped progress', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (p) => {
        const s = defaultScore(p);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(Math.abs(s * 10 - Math.round(s * 10))).toBeLessThan(1e-9);
        expect(Math.abs(s - p)).toBeLessThanOrEqual(0.05 + 1e-9);
      }),
    );
  });
});

describe('weightedScore', () => {
  it('is the weighted mean', () => {
    expect(
      weightedScore([
        { weight: 60, score: 1 },
        { weight: 40, score: 0.5 },
      ]),
    ).toBeCloseTo(0.8, 12);
  });

  it('uses equal weights when all are 0, and 0 for none', () => {
    expect(
      weightedScore([
        { weight: 0, score: 0.2 },
        { weight: 0, score: 0.6 },
      ]),
    ).toBeCloseTo(0.4, 12);
    expect(weightedScore([])).toBe(0);
  });

  it('property: in [0, 1]', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ weight: fc.double(), score: fc.double() })), (items) => {
        const s = weightedScore(items);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('scoreBand', () => {
  it('≥ 0.7 green, ≥ 0.4 yellow, else red', () => {
    expect(scoreBand(1)).toBe('green');
    expect(scoreBand(0.7)).toBe('green');
    expect(scoreBand(0.69)).toBe('yellow');
    expect(scoreBand(0.4)).toBe('yellow');
    expect(scoreBand(0.39)).toBe('red');
    expect(scoreBand(0)).toBe('red');
  });

  it('tolerates float noise at the boundaries', () => {
    expect(scoreBand(0.7 - 1e-12)).toBe('green');
    expect(scoreBand(0.4 - 1e-12)).toBe('yellow');
  });
});

describe('isCommittedMiss', () => {
  it('committed below 1.0 is a miss; aspirational never', () => {
    expect(isCommittedMiss('committed', 0.9)).toBe(true);
    expect(isCommittedMiss('committed', 1)).toBe(false);
    expect(isCommittedMiss('committed', 1 - 1e-12)).toBe(false);
    expect(isCommittedMiss('aspirational', 0.3)).toBe(false);
    expect(isCommittedMiss('aspirational', 1)).toBe(false);
  });
});

describe('isMiss', () => {
  it('misses a committed objective below 1.0 and an aspirational one below 0.7', () => {
    expect(isMiss('committed', 1)).toBe(false);
    expect(isMiss('committed', 0.99)).toBe(true);
    expect(isMiss('aspirational', 0.7)).toBe(false);
    expect(isMiss('aspirational', 0.7 - 1e-12)).toBe(false);
    expect(isMiss('aspirational', 0.69)).toBe(true);
  });
});

describe('keyResultScore', () => {
  it('takes the final score, else the self score, else the default from progress', () => {
    expect(keyResultScore({ finalScore: 0.3, selfScore: 0.9, progress: 0.5 })).toBe(0.3);
    expect(keyResultScore({ finalScore: null, selfScore: 0.9, progress: 0.5 })).toBe(0.9);
    expect(keyResultScore({ finalScore: null, selfScore: null, progress: 0.46 })).toBe(0.5);
    expect(keyResultScore({ finalScore: 0, selfScore: 0.9, progress: 1 })).toBe(0);
  });
});

describe('isScoringPhase', () => {
  it('scores approved (or since closed) plans once the cycle is reviewing or closed', () => {
    const at = '2026-10-02T00:00:00.000Z';
    expect(isScoringPhase({ state: 'approved', approvedAt: at }, 'reviewing')).toBe(true);
    expect(isScoringPhase({ state: 'closed', approvedAt: at }, 'closed')).toBe(true);
    expect(isScoringPhase({ state: 'approved', approvedAt: at }, 'active')).toBe(false);
    expect(isScoringPhase({ state: 'draft', approvedAt: null }, 'reviewing')).toBe(false);
    expect(isScoringPhase({ state: 'closed', approvedAt: null }, 'closed')).toBe(false);
  });
});
