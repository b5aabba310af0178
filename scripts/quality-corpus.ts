/**
 * Prints how well the OKR quality coach does on the labelled corpus (test/quality/corpus.ts):
 * precision and recall per rule, per language and overall, and the parser's accuracy. Exits
 * non-zero when kr-is-activity, kr-vague or kr-not-measurable falls below 0.90 precision or recall,
 * or the parser below 0.90.
 *
 *   npx tsx scripts/quality-corpus.ts [--misses] [--holdout]
 *
 * --misses lists every entry judged or parsed wrongly; --holdout evaluates only the two batches
 * written after the implementation (test/quality/corpus.ts, HOLDOUT and HOLDOUT_2).
 */
import { CORPUS, HOLDOUT, HOLDOUT_2 } from '../test/quality/corpus.js';
import { CORPUS_RULES, SLICES, evaluateCorpus, gateFailures } from '../test/quality/evaluate.js';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);

const holdoutOnly = process.argv.includes('--holdout');
const evaluation = evaluateCorpus(holdoutOnly ? [...HOLDOUT, ...HOLDOUT_2] : CORPUS);
console.log(
  `${holdoutOnly ? 'Held-out batches' : 'Corpus'}: ${evaluation.entries} entries (zh-CN ${evaluation.perLanguage['zh-CN']}, en ${evaluation.perLanguage.en})\n`,
);
console.log(
  `${'rule'.padEnd(22)} ${'slice'.padEnd(8)} ${'tp'.padStart(4)} ${'fp'.padStart(4)} ${'fn'.padStart(4)} ${'precision'.padStart(9)} ${'recall'.padStart(7)}`,
);
for (const rule of CORPUS_RULES) {
  for (const slice of SLICES) {
    const c = evaluation.rules[rule][slice];
    console.log(
      `${rule.padEnd(22)} ${slice.padEnd(8)} ${String(c.tp).padStart(4)} ${String(c.fp).padStart(4)} ${String(c.fn).padStart(4)} ${pct(c.precision).padStart(9)} ${pct(c.recall)}`,
    );
  }
}
console.log('\nParser (start, target and direction right, over measurable key results)');
for (const slice of SLICES) {
  const p = evaluation.parser[slice];
  console.log(
    `${slice.padEnd(8)} ${p.correct}/${p.total} ${pct(p.accuracy)}   metric type ${p.typeCorrect}/${p.typeTotal}`,
  );
}

if (process.argv.includes('--misses') && evaluation.misses.length > 0) {
  console.log('\nMisses');
  for (const m of evaluation.misses) console.log(JSON.stringify(m));
}

const failures = gateFailures(evaluation);
if (failures.length > 0) {
  console.error(`\nBelow the acceptance thresholds:\n  ${failures.join('\n  ')}`);
  process.exitCode = 1;
} else {
  console.log('\nAll gates pass (precision and recall ≥ 0.90, parser ≥ 0.90).');
}
