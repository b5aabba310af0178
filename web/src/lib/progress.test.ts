import { describe, expect, it } from 'vitest';
import {
  clamp01,
  formatMetric,
  formatPercent,
  gapPoints,
  parseNumberInput,
  progressAt,
} from './progress';

describe('progress', () => {
  it('measures increasing, decreasing and boolean key results', () => {
    expect(
      progressAt({ metricType: 'number', startValue: 1500, targetValue: 2400 }, 1950),
    ).toBeCloseTo(0.5);
    expect(progressAt({ metricType: 'percent', startValue: 2.5, targetValue: 1.5 }, 2)).toBeCloseTo(
      0.5,
    );
    expect(
      progressAt(
        { metricType: 'percent', startValue: 2.5, targetValue: 1.5, direction: 'decrease' },
        1,
      ),
    ).toBeCloseTo(1.5);
    expect(progressAt({ metricType: 'boolean', startValue: 0, targetValue: 1 }, 1)).toBe(1);
    expect(progressAt({ metricType: 'boolean', startValue: 0, targetValue: 1 }, 0)).toBe(0);
    expect(progressAt({ metricType: 'number', startValue: 5, targetValue: 5 }, 5)).toBeNull();
  });

  it('keeps over-achievement when formatting, clamps for bars', () => {
    expect(formatPercent(0.516, 'en')).toBe('52%');
    expect(formatPercent(1.2, 'en')).toBe('120%');
    expect(formatPercent(null)).toBe('–');
    expect(clamp01(1.2)).toBe(1);
    expect(clamp01(-0.1)).toBe(0);
  });

  it('measures the gap to expected progress in points', () => {
    expect(gapPoints(0.45, 0.62)).toBe(-17);
    expect(gapPoints(0.7, 0.62)).toBe(8);
  });

  it('writes values with their unit', () => {
    expect(formatMetric(2400, { metricType: 'number', unit: 'leads' }, 'en')).toBe('2,400 leads');
    expect(formatMetric(12, { metricType: 'percent', unit: '%' }, 'en')).toBe('12%');
    expect(
      formatMetric(1, { metricType: 'boolean' }, 'en', { done: 'Done', notDone: 'Not done' }),
    ).toBe('Done');
    expect(formatMetric(32_000_000, { metricType: 'currency', unit: 'CNY' }, 'en')).toMatch(/32M/);
    expect(formatMetric(32_000_000, { metricType: 'currency', unit: 'CNY' }, 'zh-CN')).toMatch(
      /3,?200万/,
    );
    expect(formatMetric(5000, { metricType: 'currency', unit: null }, 'en')).toBe('5,000');
  });

  it('reads numbers as people type them', () => {
    expect(parseNumberInput(' 1,200 ')).toBe(1200);
    expect(parseNumberInput('３.５')).toBe(3.5);
    expect(parseNumberInput('-2')).toBe(-2);
    expect(parseNumberInput('.5')).toBe(0.5);
    expect(parseNumberInput('')).toBeNull();
    expect(parseNumberInput('12abc')).toBeNull();
    expect(parseNumberInput('1e3')).toBe(1000);
  });
});
