/**
 * The OKR quality coach over HTTP: reads a key result sentence, checks a draft or a stored plan,
 * and gates a plan's submission by the organization's `qualityGate` setting.
 */
import type { AppContext, DbOrTrx } from '../../context.js';
import type { PlanRow } from '../../db/schema.js';
import { unprocessable } from '../../domain/errors.js';
import { policy, type Actor } from '../../domain/policy.js';
import {
  checkPlan,
  parseKeyResult,
  type PlanDraft,
  type QualityLocale,
} from '../../domain/quality/index.js';
import { parseSettings, type OrganizationSettings } from '../../domain/settings.js';
import { loadPlanFacts } from '../plans/access.js';
import { planForRead } from '../plans/guard.js';
import { privateTargetIds, requestPlanDraft, storedPlanDraft } from './draft.js';
import { findQualityContext, qualityKeyResults, qualityObjectives } from './quality.repository.js';
import {
  qualityLocaleOf,
  toQualityReport,
  toStoredQuality,
  withoutHidden,
  type CheckDraftInput,
  type ParsedKeyResult,
  type ParseKeyResultInput,
  type QualityReport,
} from './quality.schema.js';

interface QualityContext {
  /** undefined: detect from the plan's text */
  locale: QualityLocale | undefined;
  settings: OrganizationSettings;
}

/**
 * The language of messages — the `requested` one (body, then query string), else the caller's,
 * else the organization's, else (undefined) detected from the text — and the settings.
 */
async function qualityContext(
  db: DbOrTrx,
  actor: Actor,
  requested: QualityLocale | undefined,
): Promise<QualityContext> {
  const row = await findQualityContext(db, actor.organizationId, actor.userId);
  return {
    locale:
      requested ?? qualityLocaleOf(row?.user_locale) ?? qualityLocaleOf(row?.organization_locale),
    settings: parseSettings(row?.settings),
  };
}

function check(draft: PlanDraft, qc: QualityContext): QualityReport {
  return toQualityReport(
    checkPlan(draft, {
      ...(qc.locale ? { locale: qc.locale } : {}),
      thresholds: qc.settings.quality,
    }),
  );
}

/** POST /quality/parse-key-result — what the sentence says; the locale only hints the currency. */
export function parseKeyResultTitle(
  input: ParseKeyResultInput,
  queryLocale: QualityLocale | undefined,
): ParsedKeyResult {
  const { confidence, metricType, unit, startValue, targetValue, direction } = parseKeyResult(
    input.title,
    input.locale ?? queryLocale,
  );
  return {
    ...(metricType !== undefined ? { metricType } : {}),
    ...(unit !== undefined ? { unit } : {}),
    ...(startValue !== undefined ? { startValue } : {}),
    ...(targetValue !== undefined ? { targetValue } : {}),
    ...(direction !== undefined ? { direction } : {}),
    confidence,
  };
}

/** POST /quality/check — a draft, targets by index path, with the organization's thresholds. */
export async function checkDraft(
  ctx: AppContext,
  actor: Actor,
  input: CheckDraftInput,
  queryLocale: QualityLocale | undefined,
): Promise<QualityReport> {
  const qc = await qualityContext(ctx.db, actor, input.locale ?? queryLocale);
  return check(requestPlanDraft(input), qc);
}

/** A stored plan's report, with the ids of its private objectives and their key results. */
async function storedPlanReport(
  db: DbOrTrx,
  plan: Pick<PlanRow, 'id' | 'organization_id'>,
  nothingAbove: boolean,
  qc: QualityContext,
): Promise<{ report: QualityReport; privateIds: Set<string> }> {
  const [objectives, keyResults] = await Promise.all([
    qualityObjectives(db, plan.organization_id, plan.id),
    qualityKeyResults(db, plan.organization_id, plan.id),
  ]);
  const report = check(storedPlanDraft(plan.id, objectives, keyResults, nothingAbove), qc);
  return { report, privateIds: privateTargetIds(objectives, keyResults) };
}

/**
 * GET /plans/:id/quality — readers of the plan. The whole plan is checked (weight sums count
 * every objective), then findings about private objectives the caller may not read are left out.
 */
export async function getPlanQuality(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  locale: QualityLocale | undefined,
): Promise<QualityReport> {
  const { plan, facts } = await planForRead(ctx.db, actor, planId);
  const qc = await qualityContext(ctx.db, actor, locale);
  const { report, privateIds } = await storedPlanReport(
    ctx.db,
    plan,
    facts.alignableUnitIds.length === 0,
    qc,
  );
  return policy.readPrivateObjectives(actor, facts) ? report : withoutHidden(report, privateIds);
}

/** What the gate decided: the report shown with the submission and its stored JSON. */
export interface SubmissionQuality {
  report: QualityReport | null;
  /** the reviews.quality column */
  stored: string | null;
}

/**
 * The quality gate of POST /plans/:id/submit, inside its transaction, by the organization's
 * `qualityGate`: `off` — nothing; `warn` — the report travels with the submission; `block` — a
 * report with error findings refuses the submission (422, each error listed with
 * `code: quality.<rule>` and the target's id as `path`), else it travels as with `warn`.
 */
export async function submissionQuality(
  trx: DbOrTrx,
  actor: Actor,
  plan: PlanRow,
): Promise<SubmissionQuality> {
  const qc = await qualityContext(trx, actor, undefined);
  if (qc.settings.qualityGate === 'off') return { report: null, stored: null };
  const facts = await loadPlanFacts(trx, plan.organization_id, plan);
  const { report, privateIds } = await storedPlanReport(
    trx,
    plan,
    facts.alignableUnitIds.length === 0,
    qc,
  );
  if (qc.settings.qualityGate === 'block') {
    const errors = report.findings.filter((f) => f.severity === 'error');
    if (errors.length > 0) {
      throw unprocessable(
        'The plan does not pass the quality check',
        errors.map((f) => ({ path: f.target.id, message: f.message, code: `quality.${f.rule}` })),
      );
    }
  }
  const shown = policy.readPrivateObjectives(actor, facts)
    ? report
    : withoutHidden(report, privateIds);
  return { report: shown, stored: toStoredQuality(report, privateIds) };
}
