/**
 * The API shape of the quality coach: the report (score + findings), the parse and check
 * bodies, and the mapping of a domain report to the API (targets by id or index path) and to
 * the JSON stored with a submission.
 */
import { Type, type Static } from '@sinclair/typebox';
import {
  qualityScore,
  RULE_SEVERITY,
  type QualityLocale,
  type QualityReport as DomainReport,
  type RuleId,
} from '../../domain/quality/index.js';
import { Title } from '../../http/schemas.js';
import { Direction, MetricType, MetricValue } from '../key-results/key-results.schema.js';

export const QualityLocaleSchema = Type.Union([Type.Literal('zh-CN'), Type.Literal('en')], {
  description: 'language of messages and suggestions',
});

const RULE_IDS = Object.keys(RULE_SEVERITY) as RuleId[];
export const RuleIdSchema = Type.Union(
  RULE_IDS.map((rule) => Type.Literal(rule)),
  { description: 'stable rule id (domain.md "Quality rules")' },
);

export const FindingSchema = Type.Object({
  rule: RuleIdSchema,
  severity: Type.Union([Type.Literal('error'), Type.Literal('warning'), Type.Literal('info')]),
  target: Type.Object({
    type: Type.Union([Type.Literal('plan'), Type.Literal('objective'), Type.Literal('keyResult')]),
    id: Type.String({
      description:
        'stored plans: the plan, objective or key result id; /quality/check: an index path ' +
        '(`objectives[0]`, `objectives[0].keyResults[1]`, or `plan` for the whole draft)',
    }),
  }),
  message: Type.String(),
  suggestion: Type.String(),
});
export type Finding = Static<typeof FindingSchema>;

export const QualityReportSchema = Type.Object(
  {
    score: Type.Integer({ minimum: 0, maximum: 100 }),
    findings: Type.Array(FindingSchema),
  },
  { $id: 'QualityReport', description: 'a score 0–100 explained by its findings' },
);
export type QualityReport = Static<typeof QualityReportSchema>;

export const LocaleQuery = Type.Object(
  { locale: Type.Optional(QualityLocaleSchema) },
  { additionalProperties: false },
);

export const ParseKeyResultBody = Type.Object(
  {
    title: Title,
    /** a hint for the currency of bare amounts; the sentence's own cues win */
    locale: Type.Optional(QualityLocaleSchema),
  },
  { additionalProperties: false },
);
export type ParseKeyResultInput = Static<typeof ParseKeyResultBody>;

export const ParsedKeyResultSchema = Type.Object(
  {
    metricType: Type.Optional(MetricType),
    unit: Type.Optional(Type.String()),
    startValue: Type.Optional(Type.Number()),
    targetValue: Type.Optional(Type.Number()),
    direction: Type.Optional(Direction),
    confidence: Type.Number({
      minimum: 0,
      maximum: 1,
      description: '0 when the text has no metric',
    }),
  },
  { description: 'what a key result sentence says about its metric; absent fields are unknown' },
);
export type ParsedKeyResult = Static<typeof ParsedKeyResultSchema>;

/** a draft may be large, not unbounded: the check reads every title */
export const MAX_DRAFT_OBJECTIVES = 50;
export const MAX_DRAFT_KEY_RESULTS = 50;

const DraftKeyResult = Type.Object(
  {
    title: Title,
    metricType: Type.Optional(MetricType),
    startValue: Type.Optional(MetricValue),
    targetValue: Type.Optional(MetricValue),
    unit: Type.Optional(Type.String({ maxLength: 50 })),
    direction: Type.Optional(Direction),
  },
  { additionalProperties: false },
);

export const CheckDraftBody = Type.Object(
  {
    locale: Type.Optional(QualityLocaleSchema),
    objectives: Type.Array(
      Type.Object(
        {
          title: Title,
          keyResults: Type.Array(DraftKeyResult, { maxItems: MAX_DRAFT_KEY_RESULTS }),
        },
        { additionalProperties: false },
      ),
      { maxItems: MAX_DRAFT_OBJECTIVES },
    ),
  },
  { additionalProperties: false },
);
export type CheckDraftInput = Static<typeof CheckDraftBody>;

/** domain report (targets by `ref`) → API (targets by `id`) */
export function toQualityReport(report: DomainReport): QualityReport {
  return {
    score: report.score,
    findings: report.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      target: { type: f.target.type, id: f.target.ref },
      message: f.message,
      suggestion: f.suggestion,
    })),
  };
}

/**
 * The report without the findings about `hidden` targets (private objectives and their key
 * results the caller may not read), re-scored so the score is explained by what is shown.
 */
export function withoutHidden(report: QualityReport, hidden: ReadonlySet<string>): QualityReport {
  if (hidden.size === 0) return report;
  const findings = report.findings.filter((f) => !hidden.has(f.target.id));
  return findings.length === report.findings.length
    ? report
    : { score: qualityScore(findings), findings };
}

/** A finding as stored with a submission: marked when it is about a private objective or its KR. */
interface StoredFinding extends Finding {
  private?: true;
}
interface StoredReport {
  score: number;
  findings: StoredFinding[];
}

/** The report stored with a submission (JSON text of the reviews.quality column). */
export function toStoredQuality(report: QualityReport, privateIds: ReadonlySet<string>): string {
  const stored: StoredReport = {
    score: report.score,
    findings: report.findings.map((f) =>
      privateIds.has(f.target.id) ? { ...f, private: true } : f,
    ),
  };
  return JSON.stringify(stored);
}

/**
 * A stored submission report as the API shows it; findings about private objectives only when
 * `showPrivate` (then re-scored). Null when there is none or it cannot be read.
 */
export function fromStoredQuality(
  json: string | null | undefined,
  showPrivate: boolean,
): QualityReport | null {
  if (!json) return null;
  let stored: StoredReport;
  try {
    stored = JSON.parse(json) as StoredReport;
  } catch {
    return null;
  }
  if (typeof stored !== 'object' || stored === null || !Array.isArray(stored.findings)) return null;
  const shown = stored.findings.filter((f) => showPrivate || f.private !== true);
  const findings: Finding[] = shown.map(({ rule, severity, target, message, suggestion }) => ({
    rule,
    severity,
    target: { type: target.type, id: target.id },
    message,
    suggestion,
  }));
  const score = findings.length === stored.findings.length ? stored.score : qualityScore(findings);
  return { score, findings };
}

/** `zh…` → zh-CN, `en…` → en; anything else is not a locale the coach writes in. */
export function qualityLocaleOf(locale: string | null | undefined): QualityLocale | undefined {
  if (!locale) return undefined;
  const l = locale.toLowerCase();
  if (l.startsWith('zh')) return 'zh-CN';
  if (l.startsWith('en')) return 'en';
  return undefined;
}
