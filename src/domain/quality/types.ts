/** Types of the OKR quality coach (domain.md "Quality rules"). */

/** The languages the coach writes its findings in. */
export type QualityLocale = 'zh-CN' | 'en';

/** How much a finding matters; the score subtracts more for an error than for an info. */
export type Severity = 'error' | 'warning' | 'info';

/** Stable rule ids: part of the API contract. */
export type RuleId =
  | 'kr-not-measurable'
  | 'kr-is-activity'
  | 'kr-vague'
  | 'kr-no-baseline'
  | 'kr-no-owner'
  | 'objective-has-metric'
  | 'objective-too-few-krs'
  | 'objective-too-many-krs'
  | 'plan-too-many-objectives'
  | 'weights-not-100'
  | 'objective-not-aligned'
  | 'kr-not-challenging';

/** The severity of each rule, as domain.md lists it. */
export const RULE_SEVERITY: Readonly<Record<RuleId, Severity>> = {
  'kr-not-measurable': 'error',
  'kr-is-activity': 'warning',
  'kr-vague': 'warning',
  'kr-no-baseline': 'warning',
  'kr-no-owner': 'info',
  'objective-has-metric': 'info',
  'objective-too-few-krs': 'warning',
  'objective-too-many-krs': 'warning',
  'plan-too-many-objectives': 'warning',
  'weights-not-100': 'error',
  'objective-not-aligned': 'warning',
  'kr-not-challenging': 'info',
};

/** Organization settings that tune the rules. */
export interface QualityThresholds {
  minKeyResultsPerObjective: number;
  maxKeyResultsPerObjective: number;
  maxObjectivesPerPlan: number;
  /** A KR whose improvement, relative to its start, is below this fraction is not challenging. */
  stretchThreshold: number;
}

/** The defaults (the same values as the organization settings' `quality` defaults). */
export const DEFAULT_QUALITY_THRESHOLDS: QualityThresholds = Object.freeze({
  minKeyResultsPerObjective: 2,
  maxKeyResultsPerObjective: 5,
  maxObjectivesPerPlan: 5,
  stretchThreshold: 0.1,
});

export type MetricType = 'number' | 'percent' | 'currency' | 'boolean';
export type Direction = 'increase' | 'decrease';

/** A key result as the coach sees it: a stored one, or a draft with only a title. */
export interface KeyResultDraft {
  /** The KR's id, or an index path like `objectives[0].keyResults[1]`. */
  ref: string;
  title: string;
  metricType?: MetricType;
  unit?: string | null;
  startValue?: number | null;
  targetValue?: number | null;
  direction?: Direction;
  /** Percent of its objective (0–100). */
  weight?: number;
  ownerId?: string | null;
}

export interface ObjectiveDraft {
  ref: string;
  title: string;
  /** Percent of the plan (0–100). */
  weight?: number;
  /** Has `alignedToObjectiveId` or `alignedToKeyResultId`; `undefined` means unknown (not judged). */
  aligned?: boolean;
  /** Belongs to the root unit's plan: no alignment is expected. */
  isRoot?: boolean;
  keyResults: KeyResultDraft[];
}

export interface PlanDraft {
  ref?: string;
  objectives: ObjectiveDraft[];
  /** Check that weights sum to 100 (default true). */
  checkWeights?: boolean;
  /** Check that every KR has an owner (default true; false for drafts sent to `/quality/check`). */
  checkOwners?: boolean;
}

export interface Finding {
  rule: RuleId;
  severity: Severity;
  target: { type: 'plan' | 'objective' | 'keyResult'; ref: string };
  message: string;
  suggestion: string;
}

export interface QualityReport {
  /** 0–100, see `qualityScore`. */
  score: number;
  findings: Finding[];
}

/** What a KR sentence says about its metric; fields are absent when the text does not tell. */
export interface ParsedMetric {
  metricType?: MetricType;
  unit?: string;
  startValue?: number;
  targetValue?: number;
  direction?: Direction;
  /** 0–1: how sure the reading is (0 when the text has no metric). */
  confidence: number;
}

export interface CheckOptions {
  /** Language of messages; default: zh-CN when any title has Chinese characters, else en. */
  locale?: QualityLocale;
  thresholds?: Partial<QualityThresholds>;
}
