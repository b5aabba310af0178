import { describe, expect, it } from 'vitest';
import { CORPUS } from './corpus.js';
import {
  GATED_RULES,
  MIN_PARSER_ACCURACY,
  MIN_PRECISION,
  MIN_RECALL,
  SLICES,
  evaluateCorpus,
  gateFailures,
} from './evaluate.js';

const evaluation = evaluateCorpus();

describe('the labelled corpus', () => {
  it('has at least 240 texts, half Chinese and half English', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(240);
    expect(evaluation.perLanguage['zh-CN']).toBe(evaluation.perLanguage.en);
  });

  it('covers marketing, sales, product and support, key results and objectives, in both languages', () => {
    for (const language of ['zh-CN', 'en'] as const) {
      const own = CORPUS.filter((e) => e.language === language);
      expect(new Set(own.map((e) => e.area))).toEqual(
        new Set(['marketing', 'sales', 'product', 'support']),
      );
      expect(own.some((e) => e.kind === 'objective')).toBe(true);
      expect(own.some((e) => e.kind === 'kr')).toBe(true);
    }
  });

  it('has no duplicate texts', () => {
    expect(new Set(CORPUS.map((e) => e.text)).size).toBe(CORPUS.length);
  });

  it('labels a metric exactly on the measurable key results', () => {
    for (const e of CORPUS) {
      const measurable = e.kind === 'kr' && !e.expected.includes('kr-not-measurable');
      expect(e.metric !== undefined, e.text).toBe(measurable);
      if (e.kind === 'objective') {
        expect(
          e.expected.every((r) => r === 'objective-has-metric'),
          e.text,
        ).toBe(true);
      }
    }
  });
});

describe('the quality coach on the corpus', () => {
  for (const rule of GATED_RULES) {
    for (const slice of SLICES) {
      it(`${rule} (${slice}): precision ≥ ${MIN_PRECISION}, recall ≥ ${MIN_RECALL}`, () => {
        const c = evaluation.rules[rule][slice];
        expect(c.tp, 'the corpus has positives for the rule').toBeGreaterThan(0);
        expect(c.precision).toBeGreaterThanOrEqual(MIN_PRECISION);
        expect(c.recall).toBeGreaterThanOrEqual(MIN_RECALL);
      });
    }
  }

  for (const slice of SLICES) {
    it(`the parser (${slice}) reads start, target and direction right ≥ ${MIN_PARSER_ACCURACY}`, () => {
      expect(evaluation.parser[slice].total).toBeGreaterThan(0);
      expect(evaluation.parser[slice].accuracy).toBeGreaterThanOrEqual(MIN_PARSER_ACCURACY);
    });
  }

  it('passes every gate of scripts/quality-corpus.ts', () => {
    expect(gateFailures(evaluation)).toEqual([]);
  });
});
