/** Objectives: create, read, change, delete and reorder them inside their plan's rules. */
import type { AppContext } from '../../context.js';
import type { ObjectiveRow } from '../../db/schema.js';
import { notFound, unprocessable } from '../../domain/errors.js';
import type { Actor } from '../../domain/policy.js';
import { newId } from '../../shared/ids.js';
import { inTransaction } from '../../shared/transaction.js';
import { actionsOfKeyResults } from '../actions/actions.repository.js';
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
import { insertAudit } from '../audit/audit.repository.js';
import { keyResultIdsOf, keyResultsOfObjective } from '../key-results/key-results.repository.js';
import { planForChange, planForRead } from '../plans/guard.js';
import { assertIfMatch, changedMeanwhile } from '../plans/http.js';
import { applyReorder } from '../plans/reorder.js';
import { keyResultTree } from '../plans/tree.js';
import { loadHealthContext } from '../progress/health.js';
import { rollUpFromKeyResult, rollUpFromObjective, rollUpFromPlan } from '../progress/rollup.js';
import { alignmentProblems } from './alignment.js';
import * as repo from './objectives.repository.js';
import {
  toObjective,
  type CreateObjectiveInput,
  type Objective,
  type UpdateObjectiveInput,
} from './objectives.schema.js';

const TARGET = { what: 'Objective' } as const;

/** What an audit entry records of an objective (its content, not its derived progress). */
function content(o: ObjectiveRow) {
  return {
    title: o.title,
    description: o.description,
    kind: o.kind,
    priority: o.priority,
    weight: o.weight,
    alignedToObjectiveId: o.aligned_to_objective_id,
    alignedToKeyResultId: o.aligned_to_key_result_id,
    visibility: o.visibility,
  };
}

/** A title without surrounding blanks; 422 when nothing is left. */
function cleanTitle(title: string): string {
  const t = title.trim();
  if (t === '') {
    throw unprocessable('The title is blank', [
      { path: 'title', message: 'must not be blank', code: 'text.blank' },
    ]);
  }
  return t;
}

async function present(ctx: AppContext, actor: Actor, row: ObjectiveRow, cycleId: string) {
  const hc = await loadHealthContext(ctx.db, actor.organizationId, cycleId, ctx.now());
  const keyResults = await keyResultsOfObjective(ctx.db, actor.organizationId, row.id);
  const actions = await actionsOfKeyResults(
    ctx.db,
    actor.organizationId,
    keyResults.map((kr) => kr.id),
  );
  return toObjective(row, hc, keyResultTree(keyResults, actions, hc));
}

/** A request body without its reason (what a pending adjustment replays). */
function withoutReason<T extends { reason?: string }>(input: T): Omit<T, 'reason'> {
  const copy: Partial<T> = { ...input };
  delete copy.reason;
  return copy as Omit<T, 'reason'>;
}

/**
 * POST /plans/:id/objectives — plan writers, while the plan's tree may change. On an approved plan
 * it needs a reason and is an adjustment (pending when the approver must accept it first).
 */
export async function createObjective(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  input: CreateObjectiveInput,
  opts: ChangeOptions = {},
): Promise<Objective | Proposed> {
  const orgId = actor.organizationId;
  const now = ctx.now().toISOString();
  const done = await inTransaction(ctx.db, async (trx) => {
    const { plan, facts } = await planForChange(trx, actor, planId, changeAllowed(actor, opts));
    const title = cleanTitle(input.title);
    const target = {
      alignedToObjectiveId: input.alignedToObjectiveId ?? null,
      alignedToKeyResultId: input.alignedToKeyResultId ?? null,
    };
    const problems = await alignmentProblems(trx, orgId, { plan, access: facts }, target);
    if (problems.length > 0) throw unprocessable('The alignment is not valid', problems);
    const gate = await gateChange(trx, actor, plan, facts, input.reason, opts);
    const visibility = input.visibility ?? 'public';
    if (gate.mode === 'propose') {
      const change = {
        planId: plan.id,
        targetType: 'objective' as const,
        targetId: null,
        objectiveId: null,
        kind: 'create' as const,
        before: null,
        after: { ...withoutReason(input), title },
        private: visibility === 'private',
      };
      return {
        proposed: await recordProposal(trx, actor, gate, change, withoutReason(input), now),
      };
    }
    const id = newId();
    await repo.insertObjective(trx, {
      id,
      organization_id: orgId,
      plan_id: plan.id,
      title,
      description: input.description ?? null,
      kind: input.kind ?? 'committed',
      priority: input.priority ?? (await repo.nextObjectivePriority(trx, orgId, plan.id)),
      weight: input.weight,
      aligned_to_objective_id: target.alignedToObjectiveId,
      aligned_to_key_result_id: target.alignedToKeyResultId,
      visibility,
      progress: 0,
      last_check_in_at: null,
      created_at: now,
      updated_at: now,
      version: 1,
    });
    await rollUpFromObjective(trx, orgId, id);
    const row = await repo.findObjective(trx, orgId, id);
    if (!row) throw notFound('Objective');
    await insertAudit(trx, {
      organizationId: orgId,
      actorId: actor.userId,
      action: 'objective.create',
      targetType: 'objective',
      targetId: id,
      after: { planId: plan.id, ...content(row) },
      reason: auditReason(gate, input.reason),
      at: now,
    });
    await recordApplied(
      trx,
      actor,
      gate,
      {
        planId: plan.id,
        targetType: 'objective',
        targetId: id,
        objectiveId: id,
        kind: 'create',
        before: null,
        after: content(row),
        private: row.visibility === 'private',
      },
      now,
    );
    return { row, cycleId: plan.cycle_id };
  });
  if (done.proposed !== undefined) return presentProposal(ctx.db, orgId, done.proposed);
  return present(ctx, actor, done.row, done.cycleId);
}

/** GET /objectives/:id — with its KRs and their actions; private ones only for their readers. */
export async function getObjective(ctx: AppContext, actor: Actor, id: string): Promise<Objective> {
  const row = await repo.findObjective(ctx.db, actor.organizationId, id);
  if (!row) throw notFound('Objective');
  const { plan } = await planForRead(ctx.db, actor, row.plan_id, {
    ...TARGET,
    visibility: row.visibility,
  });
  return present(ctx, actor, row, plan.cycle_id);
}

/** A PATCH value when sent (null included), else the current one. */
const orElse = <T>(sent: T | undefined, current: T): T => (sent === undefined ? current : sent);

/** The changes a PATCH asks for, as columns (only the fields it sends). */
function changesOf(input: UpdateObjectiveInput, now: string): repo.ObjectiveChanges {
  const set: repo.ObjectiveChanges = { updated_at: now };
  if (input.title !== undefined) set.title = cleanTitle(input.title);
  if (input.description !== undefined) set.description = input.description;
  if (input.kind !== undefined) set.kind = input.kind;
  if (input.priority !== undefined) set.priority = input.priority;
  if (input.weight !== undefined) set.weight = input.weight;
  if (input.alignedToObjectiveId !== undefined) {
    set.aligned_to_objective_id = input.alignedToObjectiveId;
  }
  if (input.alignedToKeyResultId !== undefined) {
    set.aligned_to_key_result_id = input.alignedToKeyResultId;
  }
  if (input.visibility !== undefined) set.visibility = input.visibility;
  return set;
}

/** True when the two contents differ in any field. */
function differs(a: ReturnType<typeof content>, b: ReturnType<typeof content>): boolean {
  return (Object.keys(a) as (keyof typeof a)[]).some((k) => a[k] !== b[k]);
}

/**
 * PATCH /objectives/:id — If-Match honoured; re-alignment and re-weighting roll up. On an approved
 * plan a change needs a reason and is an adjustment (pending when the approver must accept it).
 */
export async function updateObjective(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdateObjectiveInput,
  ifMatch: string | undefined,
  opts: ChangeOptions = {},
): Promise<Objective | Proposed> {
  const orgId = actor.organizationId;
  const now = ctx.now().toISOString();
  const done = await inTransaction(ctx.db, async (trx) => {
    const before = await repo.findObjective(trx, orgId, id);
    if (!before) throw notFound('Objective');
    const { plan, facts } = await planForChange(trx, actor, before.plan_id, {
      target: { ...TARGET, visibility: before.visibility },
      ...changeAllowed(actor, opts),
    });
    assertIfMatch(ifMatch, before.version);
    const set = changesOf(input, now);
    const wanted = content({ ...before, ...set });
    const changing = differs(content(before), wanted);
    const target = {
      alignedToObjectiveId: orElse(set.aligned_to_objective_id, before.aligned_to_objective_id),
      alignedToKeyResultId: orElse(set.aligned_to_key_result_id, before.aligned_to_key_result_id),
    };
    const realigned =
      target.alignedToObjectiveId !== before.aligned_to_objective_id ||
      target.alignedToKeyResultId !== before.aligned_to_key_result_id;
    if (realigned) {
      const problems = await alignmentProblems(
        trx,
        orgId,
        { plan, access: facts, objectiveId: id },
        target,
      );
      if (problems.length > 0) throw unprocessable('The alignment is not valid', problems);
    }
    const gate = changing
      ? await gateChange(trx, actor, plan, facts, input.reason, opts)
      : ({ mode: 'free' } as const);
    const change = {
      planId: plan.id,
      targetType: 'objective' as const,
      targetId: id,
      objectiveId: id,
      kind: 'update' as const,
      before: content(before),
      after: wanted,
      private: before.visibility === 'private' || wanted.visibility === 'private',
    };
    if (gate.mode === 'propose') {
      return {
        proposed: await recordProposal(trx, actor, gate, change, withoutReason(input), now),
      };
    }
    const updated = await repo.updateObjective(trx, orgId, id, before.version, set);
    if (!updated) throw changedMeanwhile();
    if (realigned || updated.weight !== before.weight) {
      await rollUpFromObjective(trx, orgId, id);
      const oldParent = before.aligned_to_key_result_id;
      if (oldParent !== null && oldParent !== target.alignedToKeyResultId) {
        await rollUpFromKeyResult(trx, orgId, oldParent);
      }
    }
    await insertAudit(trx, {
      organizationId: orgId,
      actorId: actor.userId,
      action: 'objective.update',
      targetType: 'objective',
      targetId: id,
      before: content(before),
      after: content(updated),
      reason: auditReason(gate, input.reason),
      at: now,
    });
    await recordApplied(trx, actor, gate, { ...change, after: content(updated) }, now);
    const row = (await repo.findObjective(trx, orgId, id)) ?? updated;
    return { row, cycleId: plan.cycle_id };
  });
  if (done.proposed !== undefined) return presentProposal(ctx.db, orgId, done.proposed);
  return present(ctx, actor, done.row, done.cycleId);
}

/**
 * DELETE /objectives/:id — takes its KRs, actions and check-ins; alignments to it are cleared.
 * On an approved plan it needs a reason; returns the pending adjustment when it must wait.
 */
export async function deleteObjective(
  ctx: AppContext,
  actor: Actor,
  id: string,
  opts: { ifMatch?: string; reason?: string } & ChangeOptions,
): Promise<Proposed | undefined> {
  const orgId = actor.organizationId;
  const now = ctx.now().toISOString();
  const proposed = await inTransaction(ctx.db, async (trx) => {
    const before = await repo.findObjective(trx, orgId, id);
    if (!before) throw notFound('Objective');
    const { plan, facts } = await planForChange(trx, actor, before.plan_id, {
      target: { ...TARGET, visibility: before.visibility },
      ...changeAllowed(actor, opts),
    });
    assertIfMatch(opts.ifMatch, before.version);
    const gate = await gateChange(trx, actor, plan, facts, opts.reason, opts);
    const keyResultsBefore = await keyResultsOfObjective(trx, orgId, id);
    const change = {
      planId: plan.id,
      targetType: 'objective' as const,
      targetId: id,
      objectiveId: id,
      kind: 'delete' as const,
      before: { ...content(before), keyResults: keyResultsBefore.map((kr) => kr.title) },
      after: null,
      private: before.visibility === 'private',
    };
    if (gate.mode === 'propose') return recordProposal(trx, actor, gate, change, {}, now);
    const keyResultIds = await keyResultIdsOf(trx, orgId, [id]);
    const unaligned = await repo.clearAlignmentsTo(
      trx,
      orgId,
      { objectiveIds: [id], keyResultIds },
      now,
    );
    await repo.deleteObjective(trx, orgId, id);
    await rollUpFromPlan(trx, orgId, plan.id);
    if (before.aligned_to_key_result_id !== null) {
      await rollUpFromKeyResult(trx, orgId, before.aligned_to_key_result_id);
    }
    await insertAudit(trx, {
      organizationId: orgId,
      actorId: actor.userId,
      action: 'objective.delete',
      targetType: 'objective',
      targetId: id,
      before: { planId: plan.id, ...content(before) },
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
 * POST /plans/:id/reorder — priorities become 1..n in the order given, atomically. On an approved
 * plan a new order needs a reason and is an adjustment.
 */
export async function reorderObjectives(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  input: { objectiveIds: string[]; reason?: string },
  opts: ChangeOptions = {},
): Promise<Objective[] | Proposed> {
  const orgId = actor.organizationId;
  const now = ctx.now().toISOString();
  const done = await inTransaction(ctx.db, async (trx) => {
    const { plan, facts } = await planForChange(trx, actor, planId, changeAllowed(actor, opts));
    const current = await repo.objectivesOfPlan(trx, orgId, plan.id);
    const proposed = await applyReorder(
      trx,
      actor,
      {
        plan,
        facts,
        current,
        order: input.objectiveIds,
        path: 'objectiveIds',
        reason: input.reason,
        request: withoutReason(input),
        parent: { type: 'plan', id: plan.id, objectiveId: null },
        private: current.some((o) => o.visibility === 'private'),
        setPriority: (id, priority) => repo.setObjectivePriority(trx, orgId, id, priority, now),
        now,
      },
      opts,
    );
    if (proposed) return proposed;
    return { rows: await repo.objectivesOfPlan(trx, orgId, plan.id), cycleId: plan.cycle_id };
  });
  if ('proposed' in done) return presentProposal(ctx.db, orgId, done.proposed);
  const hc = await loadHealthContext(ctx.db, orgId, done.cycleId, ctx.now());
  return done.rows.map((o) => toObjective(o, hc));
}
