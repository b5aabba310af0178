/**
 * The OKR quality coach: checks a plan (or a draft) against the rules of domain.md ("Quality
 * rules"), in Chinese and English. Pure: no I/O.
 */
import { describe } from './messages.js';
import { detectLocale } from './parse.js';
import type { RawFinding } from './rules.js';
import { keyResultFindings, objectiveFindings, planFindings } from './rules.js';
import { qualityScore } from './score.js';
import type {
  CheckOptions,
  Finding,
  PlanDraft,
  QualityLocale,
  QualityReport,
  QualityThresholds,
} from './types.js';
import { DEFAULT_QUALITY_THRESHOLDS, RULE_SEVERITY } from './types.js';

export type {
  CheckOptions,
  Direction,
  Finding,
  KeyResultDraft,
  MetricType,
  ObjectiveDraft,
  ParsedMetric,
  PlanDraft,
  QualityLocale,
  QualityReport,
  QualityThresholds,
  RuleId,
  Severity,
} from './types.js';
export { DEFAULT_QUALITY_THRESHOLDS, RULE_SEVERITY } from './types.js';
export { detectLocale, parseKeyResult } from './parse.js';
export { qualityScore, SEVERITY_PENALTY } from './score.js';

/** Thresholds over the defaults; a missing or non-finite value keeps its default. */
function resolveThresholds(partial: Partial<QualityThresholds> | undefined): QualityThresholds {
  const t: QualityThresholds = { ...DEFAULT_QUALITY_THRESHOLDS };
  if (!partial) return t;
  for (const key of Object.keys(t) as Array<keyof QualityThresholds>) {
    const v = partial[key];
    if (typeof v === 'number' && Number.isFinite(v)) t[key] = v;
  }
  return t;
}

function planLocale(plan: PlanDraft): QualityLocale {
  const titles = plan.objectives.flatMap((o) => [o.title, ...o.keyResults.map((k) => k.title)]);
  return detectLocale(titles.join('\n'));
}

/**
 * Checks a plan: plan rules first, then each objective followed by its key results, in order.
 * A KR's missing metricType/startValue/targetValue are read from its title
 * (`线索转化率从8%提升到12%` is measurable with no fields); given fields win. Weights are checked
 * unless `checkWeights` is false, owners unless `checkOwners` is false, alignment only where
 * `aligned` is false on a non-root objective.
 */
export function checkPlan(plan: PlanDraft, opts: CheckOptions = {}): QualityReport {
  const locale = opts.locale ?? planLocale(plan);
  const thresholds = resolveThresholds(opts.thresholds);
  const checkWeights = plan.checkWeights !== false;
  const checkOwners = plan.checkOwners !== false;

  const raw: RawFinding[] = [...planFindings(plan, thresholds, checkWeights)];
  for (const objective of plan.objectives) {
    raw.push(...objectiveFindings(objective, thresholds, checkWeights));
    for (const kr of objective.keyResults) {
      raw.push(...keyResultFindings(kr, { thresholds, checkOwners }));
    }
  }

  const findings: Finding[] = raw.map(({ target, detail }) => {
    const { message, suggestion } = describe(detail, locale);
    return { rule: detail.rule, severity: RULE_SEVERITY[detail.rule], target, message, suggestion };
  });
  return { score: qualityScore(findings), findings };
}
