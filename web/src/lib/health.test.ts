import { describe, expect, it } from 'vitest';
import {
  contrastRatio,
  HEALTH_COLORS,
  HEALTHS,
  healthOf,
  healthRank,
  heatColor,
  PLAN_STATE_COLORS,
  scoreBand,
} from './health';

describe('health', () => {
  it('follows the domain thresholds against expected progress', () => {
    expect(healthOf(0.55, 0.62, true)).toBe('on_track');
    expect(healthOf(0.52, 0.62, true)).toBe('on_track');
    expect(healthOf(0.45, 0.62, true)).toBe('at_risk');
    expect(healthOf(0.37, 0.62, true)).toBe('at_risk');
    expect(healthOf(0.3, 0.62, true)).toBe('off_track');
    expect(healthOf(0.9, 0.62, false)).toBe('not_started');
    expect(healthOf(0.45, 0.62, true, { atRisk: 0.2, offTrack: 0.4 })).toBe('on_track');
  });

  it('orders the worst first', () => {
    expect([...HEALTHS].sort((a, b) => healthRank(a) - healthRank(b))).toEqual([
      'off_track',
      'at_risk',
      'not_started',
      'on_track',
    ]);
  });

  it('scores in green, yellow and red bands', () => {
    expect(scoreBand(0.7)).toBe('green');
    expect(scoreBand(0.69)).toBe('yellow');
    expect(scoreBand(0.4)).toBe('yellow');
    expect(scoreBand(0.39)).toBe('red');
  });

  it('colours a heatmap tile by health, grey without a plan', () => {
    expect(heatColor(0.6, 0.62, true)).toBe(HEALTH_COLORS.on_track.fill);
    expect(heatColor(0.1, 0.62, true)).toBe(HEALTH_COLORS.off_track.fill);
    expect(heatColor(null, 0.62, false)).toBe(HEALTH_COLORS.not_started.fill);
  });

  it('keeps label text readable (WCAG AA 4.5:1) on its background and on white', () => {
    for (const h of HEALTHS) {
      expect(
        contrastRatio(HEALTH_COLORS[h].text, HEALTH_COLORS[h].background),
      ).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(HEALTH_COLORS[h].text, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    }
    for (const c of Object.values(PLAN_STATE_COLORS)) {
      expect(contrastRatio(c.text, c.background)).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
  });
});
