/** Objectives: create, read, change, delete and reorder them inside their plan's rules. */
import type { AppContext } from '../../context.js';
import type { ObjectiveRow } from '../../db/schema.js';
import { notFound, unprocessable } from '../../domain/errors.js';
import type { Actor } from '../../domain/policy.js';
import { newId } from '../../shared/ids.js';
import { actionsOfKeyResults } from '../actions/actions.repository.js';
import { insertAudit } from '../audit/audit.repository.js';
import { keyResultIdsOf, keyResultsOfObjective } from '../key-results/key-results.repository.js';
import { planForChange, planForRead } from '../plans/guard.js';
import { assertIfMatch, changedMeanwhile } from '../plans/http.js';
import { assertPermutation } from '../plans/reorder.js';
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

/** POST /plans/:id/objectives — plan writers, while the plan's tree may change. */
export async function createObjective(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  input: CreateObjectiveInput,
): Promise<Objective> {
  const orgId = actor.organizationId;
  const now = ctx.now().toISOString();
  const { row, cycleId } = await ctx.db.transaction().execute(async (trx) => {
    const { plan, facts } = await planForChange(trx, actor, planId);
    const title = cleanTitle(input.title);
    const target = {
      alignedToObjectiveId: input.alignedToObjectiveId ?? null,
      alignedToKeyResultId: input.alignedToKeyResultId ?? null,
    };
    const problems = await alignmentProblems(trx, orgId, { plan, access: facts }, target);
    if (problems.length > 0) throw unprocessable('The alignment is not valid', problems);
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
      visibility: input.visibility ?? 'public',
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
      reason: input.reason ?? null,
      at: now,
    });
    return { row, cycleId: plan.cycle_id };
  });
  return present(ctx, actor, row, cycleId);
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

/** PATCH /objectives/:id — If-Match honoured; re-alignment and re-weighting roll up. */
export async function updateObjective(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdateObjectiveInput,
  ifMatch: string | undefined,
): Promise<Objective> {
  const orgId = actor.organizationId;
  const now = ctx.now().toISOString();
  const { row, cycleId } = await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.findObjective(trx, orgId, id);
    if (!before) throw notFound('Objective');
    const { plan, facts } = await planForChange(trx, actor, before.plan_id, {
      target: { ...TARGET, visibility: before.visibility },
    });
    assertIfMatch(ifMatch, before.version);
    const set = changesOf(input, now);
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
      reason: input.reason ?? null,
      at: now,
    });
    const row = (await repo.findObjective(trx, orgId, id)) ?? updated;
    return { row, cycleId: plan.cycle_id };
  });
  return present(ctx, actor, row, cycleId);
}

/** DELETE /objectives/:id — takes its KRs, actions and check-ins; alignments to it are cleared. */
export async function deleteObjective(
  ctx: AppContext,
  actor: Actor,
  id: string,
  opts: { ifMatch?: string; reason?: string },
): Promise<void> {
  const orgId = actor.organizationId;
  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.findObjective(trx, orgId, id);
    if (!before) throw notFound('Objective');
    const { plan } = await planForChange(trx, actor, before.plan_id, {
      target: { ...TARGET, visibility: before.visibility },
    });
    assertIfMatch(opts.ifMatch, before.version);
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
      reason: opts.reason ?? null,
      at: now,
    });
  });
}

/** POST /plans/:id/reorder — priorities become 1..n in the order given, atomically. */
export async function reorderObjectives(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  input: { objectiveIds: string[]; reason?: string },
): Promise<Objective[]> {
  const orgId = actor.organizationId;
  const now = ctx.now().toISOString();
  const { rows, cycleId } = await ctx.db.transaction().execute(async (trx) => {
    const { plan } = await planForChange(trx, actor, planId);
    const current = await repo.objectivesOfPlan(trx, orgId, plan.id);
    assertPermutation(
      input.objectiveIds,
      current.map((o) => o.id),
      'objectiveIds',
    );
    const priorityOf = new Map(current.map((o) => [o.id, o.priority]));
    for (const [i, objectiveId] of input.objectiveIds.entries()) {
      if (priorityOf.get(objectiveId) !== i + 1) {
        await repo.setObjectivePriority(trx, orgId, objectiveId, i + 1, now);
      }
    }
    await insertAudit(trx, {
      organizationId: orgId,
      actorId: actor.userId,
      action: 'plan.reorder',
      targetType: 'plan',
      targetId: plan.id,
      before: current.map((o) => o.id),
      after: input.objectiveIds,
      reason: input.reason ?? null,
      at: now,
    });
    return { rows: await repo.objectivesOfPlan(trx, orgId, plan.id), cycleId: plan.cycle_id };
  });
  const hc = await loadHealthContext(ctx.db, orgId, cycleId, ctx.now());
  return rows.map((o) => toObjective(o, hc));
}
