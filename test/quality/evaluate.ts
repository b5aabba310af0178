/**
 * Scores the quality coach against the labelled corpus: precision and recall of each text-judged
 * rule (per language and overall) and the parser's accuracy on measurable key results. Shared by
 * `corpus.test.ts` and `scripts/quality-corpus.ts`.
 */
import type { QualityLocale } from '../../src/domain/quality/index.js';
import { checkPlan, parseKeyResult } from '../../src/domain/quality/index.js';
import type { CorpusEntry, CorpusRule, ExpectedMetric } from './corpus.js';
import { CORPUS } from './corpus.js';

export const CORPUS_RULES: readonly CorpusRule[] = [
  'kr-is-activity',
  'kr-vague',
  'kr-not-measurable',
  'objective-has-metric',
];
/** Rules that must reach the thresholds below (the acceptance of the quality issue). */
export const GATED_RULES: readonly CorpusRule[] = [
  'kr-is-activity',
  'kr-vague',
  'kr-not-measurable',
];
export const MIN_PRECISION = 0.9;
export const MIN_RECALL = 0.9;
export const MIN_PARSER_ACCURACY = 0.9;

export type Slice = QualityLocale | 'overall';
export const SLICES: readonly Slice[] = ['zh-CN', 'en', 'overall'];

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  /** tp / (tp + fp); 1 when nothing was predicted. */
  precision: number;
  /** tp / (tp + fn); 1 when nothing was expected. */
  recall: number;
}

export interface ParserScore {
  total: number;
  /** start, target and direction all right. */
  correct: number;
  accuracy: number;
  /** Of the entries whose metric type is labelled, how many got it right. */
  typeTotal: number;
  typeCorrect: number;
}

export interface Miss {
  text: string;
  language: QualityLocale;
  expected: CorpusRule[];
  predicted: CorpusRule[];
  expectedMetric?: ExpectedMetric;
  parsed?: ReturnType<typeof parseKeyResult>;
}

export interface Evaluation {
  entries: number;
  perLanguage: Record<QualityLocale, number>;
  rules: Record<CorpusRule, Record<Slice, Counts>>;
  parser: Record<Slice, ParserScore>;
  misses: Miss[];
}

/** The corpus rules that fire on one entry, judged through `checkPlan` like any caller would. */
export function predictRules(entry: CorpusEntry): CorpusRule[] {
  const report =
    entry.kind === 'kr'
      ? checkPlan(
          {
            checkOwners: false,
            checkWeights: false,
            objectives: [
              { ref: 'o', title: 'objective', keyResults: [{ ref: 'kr', title: entry.text }] },
            ],
          },
          { locale: entry.language },
        )
      : checkPlan(
          {
            checkOwners: false,
            checkWeights: false,
            objectives: [{ ref: 'o', title: entry.text, keyResults: [] }],
          },
          { locale: entry.language },
        );
  const ref = entry.kind === 'kr' ? 'kr' : 'o';
  const fired = new Set(report.findings.filter((f) => f.target.ref === ref).map((f) => f.rule));
  return CORPUS_RULES.filter((r) => fired.has(r));
}

function metricMatches(
  expected: ExpectedMetric,
  parsed: ReturnType<typeof parseKeyResult>,
): boolean {
  const same = (a: number | undefined, b: number | undefined) =>
    a === undefined || b === undefined
      ? a === b
      : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  return (
    same(expected.startValue, parsed.startValue) &&
    same(expected.targetValue, parsed.targetValue) &&
    expected.direction === parsed.direction
  );
}

const ratio = (num: number, den: number) => (den === 0 ? 1 : num / den);

/** Evaluates the coach on `entries` (default: the whole corpus). */
export function evaluateCorpus(entries: readonly CorpusEntry[] = CORPUS): Evaluation {
  const emptyCounts = (): Counts => ({ tp: 0, fp: 0, fn: 0, precision: 1, recall: 1 });
  const rules = Object.fromEntries(
    CORPUS_RULES.map((r) => [r, Object.fromEntries(SLICES.map((s) => [s, emptyCounts()]))]),
  ) as Record<CorpusRule, Record<Slice, Counts>>;
  const emptyParser = (): ParserScore => ({
    total: 0,
    correct: 0,
    accuracy: 1,
    typeTotal: 0,
    typeCorrect: 0,
  });
  const parser = Object.fromEntries(SLICES.map((s) => [s, emptyParser()])) as Record<
    Slice,
    ParserScore
  >;
  const perLanguage: Record<QualityLocale, number> = { 'zh-CN': 0, en: 0 };
  const misses: Miss[] = [];

  for (const entry of entries) {
    perLanguage[entry.language] += 1;
    const slices: Slice[] = [entry.language, 'overall'];
    const predicted = predictRules(entry);
    let wrong = false;
    for (const rule of CORPUS_RULES) {
      const exp = entry.expected.includes(rule);
      const got = predicted.includes(rule);
      for (const s of slices) {
        const c = rules[rule][s];
        if (exp && got) c.tp += 1;
        else if (got) c.fp += 1;
        else if (exp) c.fn += 1;
      }
      if (exp !== got) wrong = true;
    }
    let parsed: ReturnType<typeof parseKeyResult> | undefined;
    if (entry.metric) {
      parsed = parseKeyResult(entry.text, entry.language);
      const ok = metricMatches(entry.metric, parsed);
      const typeOk =
        entry.metric.metricType === undefined
          ? undefined
          : entry.metric.metricType === parsed.metricType;
      for (const s of slices) {
        parser[s].total += 1;
        if (ok) parser[s].correct += 1;
        if (typeOk !== undefined) {
          parser[s].typeTotal += 1;
          if (typeOk) parser[s].typeCorrect += 1;
        }
      }
      if (!ok || typeOk === false) wrong = true;
    }
    if (wrong) {
      const miss: Miss = {
        text: entry.text,
        language: entry.language,
        expected: entry.expected,
        predicted,
      };
      if (entry.metric) miss.expectedMetric = entry.metric;
      if (parsed) miss.parsed = parsed;
      misses.push(miss);
    }
  }

  for (const rule of CORPUS_RULES) {
    for (const s of SLICES) {
      const c = rules[rule][s];
      c.precision = ratio(c.tp, c.tp + c.fp);
      c.recall = ratio(c.tp, c.tp + c.fn);
    }
  }
  for (const s of SLICES) parser[s].accuracy = ratio(parser[s].correct, parser[s].total);
  return { entries: entries.length, perLanguage, rules, parser, misses };
}

/** The acceptance failures of an evaluation (empty when every gate passes). */
export function gateFailures(e: Evaluation): string[] {
  const failures: string[] = [];
  for (const rule of GATED_RULES) {
    for (const s of SLICES) {
      const c = e.rules[rule][s];
      if (c.precision < MIN_PRECISION)
        failures.push(`${rule} precision ${s} ${c.precision.toFixed(3)}`);
      if (c.recall < MIN_RECALL) failures.push(`${rule} recall ${s} ${c.recall.toFixed(3)}`);
    }
  }
  for (const s of SLICES) {
    const p = e.parser[s];
    if (p.accuracy < MIN_PARSER_ACCURACY)
      failures.push(`parser accuracy ${s} ${p.accuracy.toFixed(3)}`);
  }
  return failures;
}
