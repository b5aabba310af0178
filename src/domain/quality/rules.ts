/**
 * The quality rules (domain.md "Quality rules"): each looks at one plan, objective or key result
 * and returns what it found, not yet put into words.
 */
import type { FindingDetail } from './details.js';
import { cleanFloat, maskNonQuantities, normalizeText, scanNumbers } from './numbers.js';
import type { KeyResultReading } from './parse.js';
import { readKeyResult } from './parse.js';
import type {
  Direction,
  Finding,
  KeyResultDraft,
  MetricType,
  ObjectiveDraft,
  PlanDraft,
  QualityThresholds,
} from './types.js';
import { findActivityVerb, findVagueWord, vagueSubject } from './wording.js';

/** A rule's finding before it gets its severity and words. */
export interface RawFinding {
  target: Finding['target'];
  detail: FindingDetail;
}

/** Weights must sum to 100 within this tolerance. */
export const WEIGHT_TOLERANCE = 0.01;

/** A KR's metric: its stored fields, with the ones it lacks read from its title. */
export interface EffectiveMetric {
  metricType?: MetricType;
  unit?: string;
  startValue?: number;
  targetValue?: number;
  direction?: Direction;
  /** A change with no start (`增长25%`): measurable, no absolute target. */
  relative: boolean;
  /** The caller gave a numeric (non-boolean) target. */
  storedTarget: boolean;
}

const given = (n: number | null | undefined): n is number =>
  typeof n === 'number' && Number.isFinite(n);

/**
 * Merges a KR's stored fields with what its title says: a stored field wins; a missing one is
 * taken from `readKeyResult(title)`. The direction, when missing, follows start and target.
 */
export function effectiveMetric(kr: KeyResultDraft, reading: KeyResultReading): EffectiveMetric {
  const parsed = reading.metric;
  const startValue = given(kr.startValue) ? kr.startValue : parsed.startValue;
  const targetValue = given(kr.targetValue) ? kr.targetValue : parsed.targetValue;
  let direction = kr.direction;
  if (!direction && startValue !== undefined && targetValue !== undefined) {
    if (targetValue > startValue) direction = 'increase';
    else if (targetValue < startValue) direction = 'decrease';
  }
  direction ??= parsed.direction;
  const metric: EffectiveMetric = {
    relative: targetValue === undefined && reading.relative,
    storedTarget: given(kr.targetValue) && kr.metricType !== 'boolean',
  };
  const metricType = kr.metricType ?? parsed.metricType;
  if (metricType) metric.metricType = metricType;
  const unit = kr.unit ?? parsed.unit;
  if (unit) metric.unit = unit;
  if (startValue !== undefined) metric.startValue = startValue;
  if (targetValue !== undefined) metric.targetValue = targetValue;
  if (direction) metric.direction = direction;
  return metric;
}

interface KeyResultContext {
  thresholds: QualityThresholds;
  checkOwners: boolean;
}

/** kr-not-measurable, kr-is-activity, kr-vague, kr-no-baseline, kr-not-challenging, kr-no-owner. */
export function keyResultFindings(kr: KeyResultDraft, ctx: KeyResultContext): RawFinding[] {
  const target = { type: 'keyResult' as const, ref: kr.ref };
  const title = kr.title;
  const reading = readKeyResult(title);
  const m = effectiveMetric(kr, reading);
  const found: RawFinding[] = [];
  const add = (detail: FindingDetail) => found.push({ target, detail });

  const boolean = m.metricType === 'boolean';
  const sameStartTarget =
    !boolean &&
    m.startValue !== undefined &&
    m.targetValue !== undefined &&
    m.startValue === m.targetValue;
  const noTarget = !boolean && m.targetValue === undefined && !m.relative;
  const measurable = !noTarget && !sameStartTarget;

  if (noTarget) {
    const subject = vagueSubject(title);
    add({
      rule: 'kr-not-measurable',
      title,
      reason: 'no-target',
      ...(subject ? { subject } : {}),
    });
  } else if (sameStartTarget) {
    add({
      rule: 'kr-not-measurable',
      title,
      reason: 'start-equals-target',
      value: m.targetValue ?? 0,
      ...(m.unit ? { unit: m.unit } : {}),
    });
  }

  // Work, not an outcome: a work verb, and no number that measures a result.
  const verb = findActivityVerb(title);
  const titleHasNumbers = reading.tokens.length > 0;
  if (verb && !reading.hasOutcomeNumber && !(m.storedTarget && !titleHasNumbers)) {
    const output = reading.tokens[0];
    add({
      rule: 'kr-is-activity',
      title,
      ...(output ? { outputCount: output.value } : {}),
      ...(output?.unit ? { outputUnit: output.unit } : {}),
    });
  }

  // Vague: improvement wording, and no number in the title or the stored fields.
  const word = findVagueWord(title);
  if (word && !titleHasNumbers && !m.storedTarget && !m.relative) {
    const subject = vagueSubject(title);
    add({
      rule: 'kr-vague',
      title,
      word,
      decrease: /降低|减少|缩短|压缩|下降|reduc|decreas|lower|fewer|less|minimi/i.test(word),
      ...(subject ? { subject } : {}),
    });
  }

  if (measurable && !boolean && m.startValue === undefined) {
    add({
      rule: 'kr-no-baseline',
      title,
      direction: m.direction ?? 'increase',
      ...(m.targetValue !== undefined ? { target: m.targetValue } : {}),
      ...(m.unit ? { unit: m.unit } : {}),
    });
  }

  const challenge = notChallenging(m, ctx.thresholds.stretchThreshold);
  if (measurable && !boolean && challenge) add({ rule: 'kr-not-challenging', title, ...challenge });

  if (ctx.checkOwners && !(typeof kr.ownerId === 'string' && kr.ownerId.trim() !== '')) {
    add({ rule: 'kr-no-owner', title });
  }
  return found;
}

/**
 * How far a KR moves, relative to its start: `(target − start) / |start|` for an increase,
 * `(start − target) / |start|` for a decrease. For a percent metric rising toward 100, closing
 * the remaining gap counts too (99.5 % → 99.9 % closes 80 % of the gap), so the larger of the two
 * is used. Undefined (not judged) when start or target is missing or the start is 0.
 */
export function stretchOf(m: EffectiveMetric): number | undefined {
  const { startValue: s, targetValue: t } = m;
  if (s === undefined || t === undefined || s === 0 || s === t) return undefined;
  const direction: Direction = m.direction ?? (t > s ? 'increase' : 'decrease');
  const relative = direction === 'increase' ? (t - s) / Math.abs(s) : (s - t) / Math.abs(s);
  if (m.metricType === 'percent' && direction === 'increase' && s < 100) {
    return Math.max(relative, (t - s) / (100 - s));
  }
  return relative;
}

function notChallenging(
  m: EffectiveMetric,
  threshold: number,
):
  | {
      start: number;
      target: number;
      change: number;
      threshold: number;
      suggested: number;
      direction: Direction;
      unit?: string;
    }
  | undefined {
  const stretch = stretchOf(m);
  if (stretch === undefined || stretch >= threshold) return undefined;
  const s = m.startValue ?? 0;
  const t = m.targetValue ?? 0;
  const direction: Direction = m.direction ?? (t > s ? 'increase' : 'decrease');
  const whole = Number.isInteger(s) && Number.isInteger(t);
  let suggested =
    direction === 'increase' ? s + Math.abs(s) * threshold : s - Math.abs(s) * threshold;
  if (m.metricType === 'percent') suggested = Math.min(suggested, 100);
  suggested = whole
    ? direction === 'increase'
      ? Math.ceil(suggested)
      : Math.floor(suggested)
    : Math.round(suggested * 100) / 100;
  return {
    start: s,
    target: t,
    change: cleanFloat(Math.round(stretch * 1000) / 10),
    threshold: cleanFloat(threshold * 100),
    suggested,
    direction,
    ...(m.unit ? { unit: m.unit } : {}),
  };
}

/** The number an objective's title states (`1亿元`, `$10M`, `翻一番`), if any. */
export function objectiveMetricText(title: string): string | undefined {
  const text = normalizeText(title);
  const token = scanNumbers(maskNonQuantities(text))[0];
  return token ? text.slice(token.start, token.end).trim() : undefined;
}

/** objective-has-metric, objective-too-few-krs, objective-too-many-krs, objective-not-aligned, KR weights. */
export function objectiveFindings(
  objective: ObjectiveDraft,
  thresholds: QualityThresholds,
  checkWeights: boolean,
): RawFinding[] {
  const target = { type: 'objective' as const, ref: objective.ref };
  const title = objective.title;
  const found: RawFinding[] = [];
  const add = (detail: FindingDetail) => found.push({ target, detail });

  const metricText = objectiveMetricText(title);
  if (metricText) add({ rule: 'objective-has-metric', title, metricText });

  const count = objective.keyResults.length;
  if (count < thresholds.minKeyResultsPerObjective) {
    add({ rule: 'objective-too-few-krs', title, count, min: thresholds.minKeyResultsPerObjective });
  } else if (count > thresholds.maxKeyResultsPerObjective) {
    add({
      rule: 'objective-too-many-krs',
      title,
      count,
      max: thresholds.maxKeyResultsPerObjective,
    });
  }

  if (objective.aligned === false && objective.isRoot !== true) {
    add({ rule: 'objective-not-aligned', title });
  }

  if (checkWeights) {
    const sum = weightSum(objective.keyResults);
    if (sum !== undefined) add({ rule: 'weights-not-100', scope: 'keyResults', title, sum });
  }
  return found;
}

/**
 * The sum of a set's weights when it is not 100 (± 0.01), else undefined. A set where every
 * weight is missing is not judged; a missing weight among given ones counts as 0.
 */
export function weightSum(items: ReadonlyArray<{ weight?: number }>): number | undefined {
  if (items.length === 0 || items.every((i) => i.weight === undefined)) return undefined;
  let sum = 0;
  for (const i of items)
    if (typeof i.weight === 'number' && Number.isFinite(i.weight)) sum += i.weight;
  return Math.abs(sum - 100) <= WEIGHT_TOLERANCE + 1e-9 ? undefined : cleanFloat(sum);
}

/** plan-too-many-objectives and objective weights. */
export function planFindings(
  plan: PlanDraft,
  thresholds: QualityThresholds,
  checkWeights: boolean,
): RawFinding[] {
  const target = { type: 'plan' as const, ref: plan.ref ?? 'plan' };
  const found: RawFinding[] = [];
  const count = plan.objectives.length;
  if (count > thresholds.maxObjectivesPerPlan) {
    found.push({
      target,
      detail: { rule: 'plan-too-many-objectives', count, max: thresholds.maxObjectivesPerPlan },
    });
  }
  if (checkWeights) {
    const sum = weightSum(plan.objectives);
    if (sum !== undefined) {
      found.push({ target, detail: { rule: 'weights-not-100', scope: 'objectives', sum } });
    }
  }
  return found;
}
