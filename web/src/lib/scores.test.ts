import { describe, expect, it } from 'vitest';
import { defaultScore, formatScore } from './scores';

describe('scores', () => {
  it('defaults to the progress clamped and rounded to 0.1', () => {
    expect(defaultScore(0.66)).toBe(0.7);
    expect(defaultScore(0.64)).toBe(0.6);
    expect(defaultScore(1.4)).toBe(1);
    expect(defaultScore(-0.2)).toBe(0);
    expect(defaultScore(Number.NaN)).toBe(0);
  });

  it('shows one decimal', () => {
    expect(formatScore(0.7)).toBe('0.7');
    expect(formatScore(1)).toBe('1.0');
  });
});
