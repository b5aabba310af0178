/** Key results: create, read, change, delete and reorder them inside their plan's rules. */
import type { AppContext, DbOrTrx } from '../../context.js';
import type { KeyResultRow } from '../../db/schema.js';
import { notFound, unprocessable } from '../../domain/errors.js';
import type { Actor } from '../../domain/policy.js';
import { newId } from '../../shared/ids.js';
import { toAction } from '../actions/actions.schema.js';
import { actionsOfKeyResult } from '../actions/actions.repository.js';
import { insertAudit } from '../audit/audit.repository.js';
import { clearAlignmentsTo, findObjective } from '../objectives/objectives.repository.js';
import { titleAndOwnerProblems } from '../plans/fields.js';
import { planForChange, planForRead } from '../plans/guard.js';
import { assertIfMatch, changedMeanwhile } from '../plans/http.js';
import { assertPermutation } from '../plans/reorder.js';
import { FORECAST_WINDOW, forecastAtCycleEnd } from '../progress/forecast.js';
import { loadHealthContext, type HealthContext } from '../progress/health.js';
import { rollUpFromKeyResult, rollUpFromObjective } from '../progress/rollup.js';
import * as repo from './key-results.repository.js';
import {
  toKeyResult,
  type CreateKeyResultInput,
  type KeyResult,
  type UpdateKeyResultInput,
} from './key-results.schema.js';
import { resolveMetric } from './metric.js';

/** What an audit entry records of a KR (its content, not its derived progress). */
function content(kr: KeyResultRow) {
  return {
    title: kr.title,
    metricType: kr.metric_type,
    unit: kr.unit,
    startValue: kr.start_value,
    targetValue: kr.target_value,
    direction: kr.direction,
    weight: kr.weight,
    priority: kr.priority,
    ownerId: kr.owner_id,
    dueDate: kr.due_date,
    confidence: kr.confidence,
    progressSource: kr.progress_source,
  };
}

/** The API view of a KR: health, forecast over its recent check-ins, and (optionally) actions. */
export async function keyResultView(
  db: DbOrTrx,
  orgId: string,
  row: KeyResultRow,
  hc: HealthContext,
  opts: { actions: boolean },
): Promise<KeyResult> {
  const checkIns = await repo.recentCheckIns(db, orgId, row.id, FORECAST_WINDOW);
  const forecast = forecastAtCycleEnd(checkIns, hc.cycleEndDate, hc.timeZone);
  if (!opts.actions) return toKeyResult(row, hc, { forecast });
  const actions = await actionsOfKeyResult(db, orgId, row.id);
  return toKeyResult(row, hc, { forecast, actions: actions.map((a) => toAction(a, hc.today)) });
}

async function present(ctx: AppContext, orgId: string, row: KeyResultRow, cycleId: string) {
  const hc = await loadHealthContext(ctx.db, orgId, cycleId, ctx.now());
  return keyResultView(ctx.db, orgId, row, hc, { actions: true });
}

/** The row after a change, or 404 when it vanished (it cannot inside the transaction). */
async function reload(db: DbOrTrx, orgId: string, id: string): Promise<KeyResultRow> {
  const row = await repo.findKeyResult(db, orgId, id);
  if (!row) throw notFound('Key result');
  return row;
}

/** POST /objectives/:id/key-results — plan writers; currentValue starts at startValue. */
export async function createKeyResult(
  ctx: AppContext,
  actor: Actor,
  objectiveId: string,
  input: CreateKeyResultInput,
): Promise<KeyResult> {
  const orgId = actor.organizationId;
  const now = ctx.now().toISOString();
  const { row, cycleId } = await ctx.db.transaction().execute(async (trx) => {
    const objective = await findObjective(trx, orgId, objectiveId);
    if (!objective) throw notFound('Objective');
    const { plan } = await planForChange(trx, actor, objective.plan_id, {
      target: { what: 'Objective', visibility: objective.visibility },
    });
    const { spec, problems } = resolveMetric(input);
    problems.push(...(await titleAndOwnerProblems(trx, orgId, input)));
    if (problems.length > 0) throw unprocessable('The key result is not valid', problems);
    const id = newId();
    await repo.insertKeyResult(trx, {
      id,
      organization_id: orgId,
      plan_id: plan.id,
      objective_id: objective.id,
      title: input.title.trim(),
      metric_type: spec.metricType,
      unit: input.unit ?? null,
      start_value: spec.startValue,
      target_value: spec.targetValue,
      current_value: spec.startValue,
      direction: spec.direction,
      weight: input.weight,
      priority: input.priority ?? (await repo.nextKeyResultPriority(trx, orgId, objective.id)),
      owner_id: input.ownerId ?? null,
      due_date: input.dueDate ?? null,
      confidence: input.confidence ?? null,
      progress_source: input.progressSource ?? 'manual',
      progress: 0,
      progress_raw: 0,
      last_check_in_at: null,
      created_at: now,
      updated_at: now,
      version: 1,
    });
    await rollUpFromKeyResult(trx, orgId, id);
    const row = await reload(trx, orgId, id);
    await insertAudit(trx, {
      organizationId: orgId,
      actorId: actor.userId,
      action: 'keyResult.create',
      targetType: 'keyResult',
      targetId: id,
      after: { objectiveId: objective.id, ...content(row) },
      reason: input.reason ?? null,
      at: now,
    });
    return { row, cycleId: plan.cycle_id };
  });
  return present(ctx, orgId, row, cycleId);
}

/** GET /key-results/:id — with actions and forecast; hidden with a private objective. */
export async function getKeyResult(ctx: AppContext, actor: Actor, id: string): Promise<KeyResult> {
  const found = await repo.findKeyResult(ctx.db, actor.organizationId, id);
  if (!found) throw notFound('Key result');
  const { visibility, ...row } = found;
  const { plan } = await planForRead(ctx.db, actor, row.plan_id, {
    what: 'Key result',
    visibility,
  });
  return present(ctx, actor.organizationId, row, plan.cycle_id);
}

/** The columns a PATCH changes (only the fields it sends; the metric already resolved). */
function changesOf(
  input: UpdateKeyResultInput,
  before: KeyResultRow,
  spec: ReturnType<typeof resolveMetric>['spec'],
  now: string,
): repo.KeyResultChanges {
  const set: repo.KeyResultChanges = {
    updated_at: now,
    metric_type: spec.metricType,
    start_value: spec.startValue,
    target_value: spec.targetValue,
    direction: spec.direction,
  };
  // before any check-in, the current value follows the start value
  if (before.last_check_in_at === null) set.current_value = spec.startValue;
  if (input.title !== undefined) set.title = input.title.trim();
  if (input.unit !== undefined) set.unit = input.unit;
  if (input.weight !== undefined) set.weight = input.weight;
  if (input.priority !== undefined) set.priority = input.priority;
  if (input.ownerId !== undefined) set.owner_id = input.ownerId;
  if (input.dueDate !== undefined) set.due_date = input.dueDate;
  if (input.confidence !== undefined) set.confidence = input.confidence;
  if (input.progressSource !== undefined) set.progress_source = input.progressSource;
  return set;
}

/** PATCH /key-results/:id — If-Match honoured; the metric is re-validated and progress rolls up. */
export async function updateKeyResult(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdateKeyResultInput,
  ifMatch: string | undefined,
): Promise<KeyResult> {
  const orgId = actor.organizationId;
  const now = ctx.now().toISOString();
  const { row, cycleId } = await ctx.db.transaction().execute(async (trx) => {
    const found = await repo.findKeyResult(trx, orgId, id);
    if (!found) throw notFound('Key result');
    const { visibility, ...before } = found;
    const { plan } = await planForChange(trx, actor, before.plan_id, {
      target: { what: 'Key result', visibility },
    });
    assertIfMatch(ifMatch, before.version);
    const { spec, problems } = resolveMetric(input, before);
    problems.push(...(await titleAndOwnerProblems(trx, orgId, input)));
    if (problems.length > 0) throw unprocessable('The key result is not valid', problems);
    const updated = await repo.updateKeyResult(
      trx,
      orgId,
      id,
      before.version,
      changesOf(input, before, spec, now),
    );
    if (!updated) throw changedMeanwhile();
    await rollUpFromKeyResult(trx, orgId, id);
    const row = await reload(trx, orgId, id);
    await insertAudit(trx, {
      organizationId: orgId,
      actorId: actor.userId,
      action: 'keyResult.update',
      targetType: 'keyResult',
      targetId: id,
      before: content(before),
      after: content(row),
      reason: input.reason ?? null,
      at: now,
    });
    return { row, cycleId: plan.cycle_id };
  });
  return present(ctx, orgId, row, cycleId);
}

/** DELETE /key-results/:id — takes its actions and check-ins; its objective rolls up. */
export async function deleteKeyResult(
  ctx: AppContext,
  actor: Actor,
  id: string,
  opts: { ifMatch?: string; reason?: string },
): Promise<void> {
  const orgId = actor.organizationId;
  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const found = await repo.findKeyResult(trx, orgId, id);
    if (!found) throw notFound('Key result');
    const { visibility, ...before } = found;
    await planForChange(trx, actor, before.plan_id, { target: { what: 'Key result', visibility } });
    assertIfMatch(opts.ifMatch, before.version);
    const unaligned = await clearAlignmentsTo(
      trx,
      orgId,
      { objectiveIds: [], keyResultIds: [id] },
      now,
    );
    await repo.deleteKeyResult(trx, orgId, id);
    await rollUpFromObjective(trx, orgId, before.objective_id);
    await insertAudit(trx, {
      organizationId: orgId,
      actorId: actor.userId,
      action: 'keyResult.delete',
      targetType: 'keyResult',
      targetId: id,
      before: { objectiveId: before.objective_id, ...content(before) },
      after: { unalignedObjectiveIds: unaligned },
      reason: opts.reason ?? null,
      at: now,
    });
  });
}

/** POST /objectives/:id/reorder — KR priorities become 1..n in the order given, atomically. */
export async function reorderKeyResults(
  ctx: AppContext,
  actor: Actor,
  objectiveId: string,
  input: { keyResultIds: string[]; reason?: string },
): Promise<KeyResult[]> {
  const orgId = actor.organizationId;
  const now = ctx.now().toISOString();
  const { rows, cycleId } = await ctx.db.transaction().execute(async (trx) => {
    const objective = await findObjective(trx, orgId, objectiveId);
    if (!objective) throw notFound('Objective');
    const { plan } = await planForChange(trx, actor, objective.plan_id, {
      target: { what: 'Objective', visibility: objective.visibility },
    });
    const current = await repo.keyResultsOfObjective(trx, orgId, objective.id);
    assertPermutation(
      input.keyResultIds,
      current.map((kr) => kr.id),
      'keyResultIds',
    );
    const priorityOf = new Map(current.map((kr) => [kr.id, kr.priority]));
    for (const [i, keyResultId] of input.keyResultIds.entries()) {
      if (priorityOf.get(keyResultId) !== i + 1) {
        await repo.setKeyResultPriority(trx, orgId, keyResultId, i + 1, now);
      }
    }
    await insertAudit(trx, {
      organizationId: orgId,
      actorId: actor.userId,
      action: 'objective.reorder',
      targetType: 'objective',
      targetId: objective.id,
      before: current.map((kr) => kr.id),
      after: input.keyResultIds,
      reason: input.reason ?? null,
      at: now,
    });
    return {
      rows: await repo.keyResultsOfObjective(trx, orgId, objective.id),
      cycleId: plan.cycle_id,
    };
  });
  const hc = await loadHealthContext(ctx.db, orgId, cycleId, ctx.now());
  return rows.map((kr) => toKeyResult(kr, hc));
}
