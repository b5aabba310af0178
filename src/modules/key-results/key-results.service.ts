/** Key results: create, read, change, delete and reorder them inside their plan's rules. */
import type { AppContext, DbOrTrx } from '../../context.js';
import type { KeyResultRow } from '../../db/schema.js';
import { notFound, unprocessable } from '../../domain/errors.js';
import type { Actor } from '../../domain/policy.js';
import { isScoringPhase } from '../../domain/scoring.js';
import { decodeCursor, page } from '../../shared/cursor.js';
import { newId } from '../../shared/ids.js';
import { inTransaction } from '../../shared/transaction.js';
import { toAction } from '../actions/actions.schema.js';
import type { Proposed } from '../adjustments/adjustments.schema.js';
import {
  auditReason,
  changeAllowed,
  gateChange,
  presentProposal,
  recordApplied,
  recordProposal,
  type ChangeOptions,
} from '../adjustments/gate.js';
import { actionsOfKeyResult } from '../actions/actions.repository.js';
import { isObjectiveVisible, loadPrivateReadScope } from '../alignment/visibility.js';
import { insertAudit } from '../audit/audit.repository.js';
import { clearAlignmentsTo, findObjective } from '../objectives/objectives.repository.js';
import { titleAndOwnerProblems } from '../plans/fields.js';
import { findCycle } from '../plans/plans.repository.js';
import { planForChange, planForRead } from '../plans/guard.js';
import { assertIfMatch, changedMeanwhile } from '../plans/http.js';
import { applyReorder } from '../plans/reorder.js';
import { FORECAST_WINDOW, forecastAtCycleEnd } from '../progress/forecast.js';
import { healthContext, loadHealthContext, type HealthContext } from '../progress/health.js';
import { findOrganizationClock } from '../progress/progress.repository.js';
import { rollUpFromKeyResult, rollUpFromObjective } from '../progress/rollup.js';
import { withKeyResultScore } from '../scoring/plan-scores.js';
import { cycleStateOf } from '../scoring/scoring.repository.js';
import { checkInDueSince } from '../weekly/iso-week.js';
import * as repo from './key-results.repository.js';
import {
  toKeyResult,
  type CreateKeyResultInput,
  type KeyResult,
  type ListKeyResultsInput,
  type OwnedKeyResult,
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

/** The fields that define a KR (an adjustment changes them; confidence is a check-in's). */
function defining(kr: KeyResultRow): Omit<ReturnType<typeof content>, 'confidence'> {
  const fields: Partial<ReturnType<typeof content>> = content(kr);
  delete fields.confidence;
  return fields as Omit<ReturnType<typeof content>, 'confidence'>;
}

/** True when the two KRs differ in a defining field. */
function differs(a: KeyResultRow, b: KeyResultRow): boolean {
  const x = defining(a);
  const y = defining(b);
  return (Object.keys(x) as (keyof typeof x)[]).some((k) => x[k] !== y[k]);
}

/** A request body without its reason (what a pending adjustment replays). */
function withoutReason<T extends { reason?: string }>(input: T): Omit<T, 'reason'> {
  const copy: Partial<T> = { ...input };
  delete copy.reason;
  return copy as Omit<T, 'reason'>;
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

/**
 * POST /objectives/:id/key-results — plan writers; currentValue starts at startValue. On an
 * approved plan it needs a reason and is an adjustment (pending when the approver must accept it).
 */
export async function createKeyResult(
  ctx: AppContext,
  actor: Actor,
  objectiveId: string,
  input: CreateKeyResultInput,
  opts: ChangeOptions = {},
): Promise<KeyResult | Proposed> {
  const orgId = actor.organizationId;
  const now = ctx.now().toISOString();
  const done = await inTransaction(ctx.db, async (trx) => {
    const objective = await findObjective(trx, orgId, objectiveId);
    if (!objective) throw notFound('Objective');
    const { plan, facts } = await planForChange(trx, actor, objective.plan_id, {
      target: { what: 'Objective', visibility: objective.visibility },
      ...changeAllowed(actor, opts),
    });
    const { spec, problems } = resolveMetric(input);
    problems.push(...(await titleAndOwnerProblems(trx, orgId, input)));
    if (problems.length > 0) throw unprocessable('The key result is not valid', problems);
    const gate = await gateChange(trx, actor, plan, facts, input.reason, opts);
    const change = {
      planId: plan.id,
      targetType: 'keyResult' as const,
      objectiveId: objective.id,
      kind: 'create' as const,
      before: null,
      private: objective.visibility === 'private',
    };
    if (gate.mode === 'propose') {
      const after = { ...withoutReason(input), ...spec, title: input.title.trim() };
      const request = withoutReason(input);
      return {
        proposed: await recordProposal(
          trx,
          actor,
          gate,
          { ...change, targetId: null, after },
          request,
          now,
        ),
      };
    }
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
      reason: auditReason(gate, input.reason),
      at: now,
    });
    await recordApplied(trx, actor, gate, { ...change, targetId: id, after: defining(row) }, now);
    return { row, cycleId: plan.cycle_id };
  });
  if (done.proposed !== undefined) return presentProposal(ctx.db, orgId, done.proposed);
  return present(ctx, orgId, done.row, done.cycleId);
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
  const cycleState = await cycleStateOf(ctx.db, actor.organizationId, plan.cycle_id);
  const phase =
    cycleState !== undefined &&
    isScoringPhase({ state: plan.state, approvedAt: plan.approved_at }, cycleState);
  return withKeyResultScore(
    await present(ctx, actor.organizationId, row, plan.cycle_id),
    row.progress,
    phase,
  );
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

/**
 * PATCH /key-results/:id — If-Match honoured; the metric is re-validated and progress rolls up.
 * On an approved plan a change of a defining field (anything but confidence) needs a reason and is
 * an adjustment; while it is pending the approved values stay in force.
 */
export async function updateKeyResult(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdateKeyResultInput,
  ifMatch: string | undefined,
  opts: ChangeOptions = {},
): Promise<KeyResult | Proposed> {
  const orgId = actor.organizationId;
  const now = ctx.now().toISOString();
  const done = await inTransaction(ctx.db, async (trx) => {
    const found = await repo.findKeyResult(trx, orgId, id);
    if (!found) throw notFound('Key result');
    const { visibility, ...before } = found;
    const { plan, facts } = await planForChange(trx, actor, before.plan_id, {
      target: { what: 'Key result', visibility },
      ...changeAllowed(actor, opts),
    });
    assertIfMatch(ifMatch, before.version);
    const { spec, problems } = resolveMetric(input, before);
    problems.push(...(await titleAndOwnerProblems(trx, orgId, input)));
    if (problems.length > 0) throw unprocessable('The key result is not valid', problems);
    const set = changesOf(input, before, spec, now);
    const wanted: KeyResultRow = { ...before, ...set };
    const gate = differs(before, wanted)
      ? await gateChange(trx, actor, plan, facts, input.reason, opts)
      : ({ mode: 'free' } as const);
    const change = {
      planId: plan.id,
      targetType: 'keyResult' as const,
      targetId: id,
      objectiveId: before.objective_id,
      kind: 'update' as const,
      before: defining(before),
      after: defining(wanted),
      private: visibility === 'private',
    };
    if (gate.mode === 'propose') {
      return {
        proposed: await recordProposal(trx, actor, gate, change, withoutReason(input), now),
      };
    }
    const updated = await repo.updateKeyResult(trx, orgId, id, before.version, set);
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
      reason: auditReason(gate, input.reason),
      at: now,
    });
    await recordApplied(trx, actor, gate, { ...change, after: defining(row) }, now);
    return { row, cycleId: plan.cycle_id };
  });
  if (done.proposed !== undefined) return presentProposal(ctx.db, orgId, done.proposed);
  return present(ctx, orgId, done.row, done.cycleId);
}

/**
 * DELETE /key-results/:id — takes its actions and check-ins; its objective rolls up. On an
 * approved plan it needs a reason; returns the pending adjustment when it must wait.
 */
export async function deleteKeyResult(
  ctx: AppContext,
  actor: Actor,
  id: string,
  opts: { ifMatch?: string; reason?: string } & ChangeOptions,
): Promise<Proposed | undefined> {
  const orgId = actor.organizationId;
  const now = ctx.now().toISOString();
  const proposed = await inTransaction(ctx.db, async (trx) => {
    const found = await repo.findKeyResult(trx, orgId, id);
    if (!found) throw notFound('Key result');
    const { visibility, ...before } = found;
    const { plan, facts } = await planForChange(trx, actor, before.plan_id, {
      target: { what: 'Key result', visibility },
      ...changeAllowed(actor, opts),
    });
    assertIfMatch(opts.ifMatch, before.version);
    const gate = await gateChange(trx, actor, plan, facts, opts.reason, opts);
    const change = {
      planId: plan.id,
      targetType: 'keyResult' as const,
      targetId: id,
      objectiveId: before.objective_id,
      kind: 'delete' as const,
      before: defining(before),
      after: null,
      private: visibility === 'private',
    };
    if (gate.mode === 'propose') return recordProposal(trx, actor, gate, change, {}, now);
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
      reason: auditReason(gate, opts.reason),
      at: now,
    });
    await recordApplied(trx, actor, gate, change, now);
    return undefined;
  });
  return proposed === undefined ? undefined : presentProposal(ctx.db, orgId, proposed);
}

/**
 * POST /objectives/:id/reorder — KR priorities become 1..n in the order given, atomically. On an
 * approved plan a new order needs a reason and is an adjustment.
 */
export async function reorderKeyResults(
  ctx: AppContext,
  actor: Actor,
  objectiveId: string,
  input: { keyResultIds: string[]; reason?: string },
  opts: ChangeOptions = {},
): Promise<KeyResult[] | Proposed> {
  const orgId = actor.organizationId;
  const now = ctx.now().toISOString();
  const done = await inTransaction(ctx.db, async (trx) => {
    const objective = await findObjective(trx, orgId, objectiveId);
    if (!objective) throw notFound('Objective');
    const { plan, facts } = await planForChange(trx, actor, objective.plan_id, {
      target: { what: 'Objective', visibility: objective.visibility },
      ...changeAllowed(actor, opts),
    });
    const current = await repo.keyResultsOfObjective(trx, orgId, objective.id);
    const proposed = await applyReorder(
      trx,
      actor,
      {
        plan,
        facts,
        current,
        order: input.keyResultIds,
        path: 'keyResultIds',
        reason: input.reason,
        request: withoutReason(input),
        parent: { type: 'objective', id: objective.id, objectiveId: objective.id },
        private: objective.visibility === 'private',
        setPriority: (id, priority) => repo.setKeyResultPriority(trx, orgId, id, priority, now),
        now,
      },
      opts,
    );
    if (proposed) return proposed;
    return {
      rows: await repo.keyResultsOfObjective(trx, orgId, objective.id),
      cycleId: plan.cycle_id,
    };
  });
  if ('proposed' in done) return presentProposal(ctx.db, orgId, done.proposed);
  const hc = await loadHealthContext(ctx.db, orgId, done.cycleId, ctx.now());
  return done.rows.map((kr) => toKeyResult(kr, hc));
}

/** Rows read per query while filling a page (hidden private KRs are skipped). */
const SCAN_BATCH = 200;

/**
 * GET /key-results?ownerId=&cycleId= — the KRs a person answers for in a cycle, on any plan (their
 * own, a colleague's, a unit's): owned by them, or unowned on a plan they write. Anyone in the
 * organization may ask about anyone (plans are public); a KR of a private objective is shown only
 * to those who read that plan's private objectives. Oldest first, cursor-paginated.
 */
export async function listResponsibleKeyResults(
  ctx: AppContext,
  actor: Actor,
  q: ListKeyResultsInput,
): Promise<{ items: OwnedKeyResult[]; nextCursor: string | null }> {
  const orgId = actor.organizationId;
  const limit = q.limit ?? 100;
  const [at, id] = decodeCursor(q.cursor, 2) ?? [];
  const userId = q.ownerId === 'me' ? actor.userId : q.ownerId;
  const [owner, cycle, clock, scope] = await Promise.all([
    userId === actor.userId ? Promise.resolve(true) : repo.userExists(ctx.db, orgId, userId),
    findCycle(ctx.db, orgId, q.cycleId),
    findOrganizationClock(ctx.db, orgId),
    loadPrivateReadScope(ctx.db, actor),
  ]);
  if (!owner) throw notFound('User');
  if (!cycle) throw notFound('Cycle');

  // read batches until the page (and one more, for the cursor) is full of visible KRs
  const visible: repo.ResponsibleKeyResultRow[] = [];
  let after = at !== undefined && id !== undefined ? { at, id } : undefined;
  for (;;) {
    const batch = await repo.keyResultsResponsibleBy(ctx.db, orgId, {
      userId,
      cycleId: cycle.id,
      limit: SCAN_BATCH,
      ...(after ? { after } : {}),
    });
    for (const row of batch) {
      if (isObjectiveVisible(scope, row.visibility, row.plan_owner_type, row.plan_owner_id)) {
        visible.push(row);
      }
    }
    const last = batch[batch.length - 1];
    if (visible.length > limit || batch.length < SCAN_BATCH || !last) break;
    after = { at: last.created_at, id: last.id };
  }
  const { items, nextCursor } = page(visible.slice(0, limit + 1), limit, (r) => [
    r.created_at,
    r.id,
  ]);

  const now = ctx.now();
  const hc = healthContext(cycle, clock, now);
  const dueSince = checkInDueSince(now, hc.timeZone);
  const lastCheckIns = new Map<string, Awaited<ReturnType<typeof repo.lastCheckInsOf>>[number]>();
  for (const ci of await repo.lastCheckInsOf(ctx.db, orgId, items)) {
    lastCheckIns.set(ci.key_result_id, ci); // ordered by id: the last one wins a tie
  }
  return {
    items: items.map((row) => {
      const {
        objective_title,
        objective_priority,
        visibility,
        cycle_id,
        plan_state,
        plan_approved_at,
        plan_owner_type,
        plan_owner_id,
        unit_name,
        user_name,
        ...kr
      } = row;
      const phase = isScoringPhase(
        { state: plan_state, approvedAt: plan_approved_at },
        cycle.state,
      );
      const ci = lastCheckIns.get(kr.id);
      return {
        keyResult: withKeyResultScore(toKeyResult(kr, hc), kr.progress, phase),
        objective: {
          id: kr.objective_id,
          title: objective_title,
          priority: objective_priority,
          visibility,
        },
        plan: {
          id: kr.plan_id,
          cycleId: cycle_id,
          ownerType: plan_owner_type,
          ownerId: plan_owner_id,
          ownerName: (plan_owner_type === 'unit' ? unit_name : user_name) ?? null,
          state: plan_state,
          expectedProgress: hc.expected,
        },
        responsibility: kr.owner_id === userId ? ('owner' as const) : ('planWriter' as const),
        lastCheckIn: ci
          ? {
              id: ci.id,
              value: ci.value,
              confidence: ci.confidence,
              note: ci.note,
              blockers: ci.blockers,
              authorId: ci.author_id,
              createdAt: ci.created_at,
            }
          : null,
        checkInDue:
          kr.progress_source === 'manual' &&
          plan_state === 'approved' &&
          cycle.state === 'active' &&
          (kr.last_check_in_at === null || kr.last_check_in_at < dueSince),
      };
    }),
    nextCursor,
  };
}
