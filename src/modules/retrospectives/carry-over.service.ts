/**
 * Carry-over: chosen unfinished objectives and KRs of an approved (or closed) plan are copied into
 * the same owner's draft plan of a later cycle — created when missing — each keeping a link to
 * where it came from. A carried KR starts where the old one stood: its new baseline is the old
 * current value (manual number, percent and currency KRs), its target stays. Nothing is copied
 * twice: items already carried into that plan are reported, not duplicated.
 */
import type { AppContext, DbOrTrx } from '../../context.js';
import type { KeyResultRow, ObjectiveRow, PlanRow } from '../../db/schema.js';
import { conflict, forbidden, unprocessable, type FieldProblem } from '../../domain/errors.js';
import { policy, type Actor } from '../../domain/policy.js';
import { EPSILON } from '../../domain/progress.js';
import { newId } from '../../shared/ids.js';
import { insertAudit } from '../audit/audit.repository.js';
import { keyResultsOfPlan } from '../key-results/key-results.repository.js';
import { alignmentProblems } from '../objectives/alignment.js';
import { objectivesOfPlan } from '../objectives/objectives.repository.js';
import { loadPlanFacts, resolvePlanApprover, type PlanAccess } from '../plans/access.js';
import { isUniqueViolation } from '../../db/errors.js';
import { planForChange } from '../plans/guard.js';
import { getPlan } from '../plans/plans.service.js';
import { insertPlan, lockPlan } from '../plans/plans.repository.js';
import { rollUpFromKeyResult, rollUpFromObjective } from '../progress/rollup.js';
import * as repo from './retrospectives.repository.js';
import type { CarryOverInput, CarryOverResult } from './retrospectives.schema.js';

const unfinished = (progress: number): boolean => progress < 1 - EPSILON;

interface Selection {
  /** source objective id → the source KRs to carry under it (by priority) */
  byObjective: Map<string, KeyResultRow[]>;
}

/** What the request chooses, or 422 listing each unknown or finished id. */
function select(
  input: CarryOverInput,
  objectives: readonly ObjectiveRow[],
  keyResults: readonly KeyResultRow[],
): Selection {
  const objectiveById = new Map(objectives.map((o) => [o.id, o]));
  const keyResultById = new Map(keyResults.map((kr) => [kr.id, kr]));
  const problems: FieldProblem[] = [];
  const chosenObjectives = new Set<string>();
  const chosenKeyResults = new Set<string>();
  const none = input.objectiveIds === undefined && input.keyResultIds === undefined;
  if (none) {
    for (const o of objectives) if (unfinished(o.progress)) chosenObjectives.add(o.id);
  }
  for (const [i, id] of (input.objectiveIds ?? []).entries()) {
    const o = objectiveById.get(id);
    if (!o) {
      problems.push({
        path: `objectiveIds[${i}]`,
        message: 'is not an objective of this plan',
        code: 'carryOver.unknown',
      });
    } else if (!unfinished(o.progress)) {
      problems.push({
        path: `objectiveIds[${i}]`,
        message: 'is finished: only unfinished objectives carry over',
        code: 'carryOver.finished',
      });
    } else chosenObjectives.add(id);
  }
  for (const [i, id] of (input.keyResultIds ?? []).entries()) {
    const kr = keyResultById.get(id);
    if (!kr) {
      problems.push({
        path: `keyResultIds[${i}]`,
        message: 'is not a key result of this plan',
        code: 'carryOver.unknown',
      });
    } else if (!unfinished(kr.progress)) {
      problems.push({
        path: `keyResultIds[${i}]`,
        message: 'is finished: only unfinished key results carry over',
        code: 'carryOver.finished',
      });
    } else chosenKeyResults.add(id);
  }
  if (problems.length > 0) throw unprocessable('These items cannot be carried over', problems);
  const byObjective = new Map<string, KeyResultRow[]>();
  for (const o of objectives) {
    const krs = keyResults.filter(
      (kr) =>
        kr.objective_id === o.id &&
        (chosenKeyResults.has(kr.id) || (chosenObjectives.has(o.id) && unfinished(kr.progress))),
    );
    if (chosenObjectives.has(o.id) || krs.length > 0) byObjective.set(o.id, krs);
  }
  if (byObjective.size === 0) {
    throw unprocessable('Nothing to carry over', [
      {
        path: 'objectiveIds',
        message: 'the plan has no unfinished objectives to carry over',
        code: 'carryOver.nothing',
      },
    ]);
  }
  return { byObjective };
}

/** The new baseline of a carried KR: where the old one stood (see the module comment). */
function carriedStart(kr: KeyResultRow): number {
  const continues =
    kr.progress_source === 'manual' &&
    kr.metric_type !== 'boolean' &&
    kr.current_value !== kr.target_value &&
    Number.isFinite(kr.current_value);
  return continues ? kr.current_value : kr.start_value;
}

/** The owner's plan in the target cycle, locked; created as a draft when missing. */
async function targetPlan(
  trx: DbOrTrx,
  actor: Actor,
  source: PlanRow,
  toCycleId: string,
  now: string,
): Promise<{ plan: PlanRow; created: boolean }> {
  const orgId = actor.organizationId;
  const owner = { cycleId: toCycleId, ownerType: source.owner_type, ownerId: source.owner_id };
  const existing = await repo.findPlanOfOwner(trx, orgId, owner);
  if (existing) {
    const plan = await lockPlan(trx, orgId, existing.id);
    if (!plan) throw conflict('The target plan vanished; try again');
    if (!policy.writePlan(actor, await loadPlanFacts(trx, orgId, plan))) {
      throw forbidden("You may not change the owner's plan in that cycle");
    }
    if (plan.state !== 'draft' && plan.state !== 'changes_requested') {
      throw conflict(
        `The owner's plan in that cycle is ${plan.state}: carry over into a draft (or a plan sent back for changes)`,
      );
    }
    return { plan, created: false };
  }
  const approverId = await resolvePlanApprover(trx, orgId, owner);
  const plan: PlanRow = {
    id: newId(),
    organization_id: orgId,
    cycle_id: toCycleId,
    owner_type: source.owner_type,
    owner_id: source.owner_id,
    state: 'draft',
    approver_id: approverId,
    progress: 0,
    last_check_in_at: null,
    submitted_at: null,
    approved_at: null,
    closed_at: null,
    created_at: now,
    updated_at: now,
    version: 1,
    revision: 0,
  };
  await insertPlan(trx, plan);
  await insertAudit(trx, {
    organizationId: orgId,
    actorId: actor.userId,
    action: 'plan.create',
    targetType: 'plan',
    targetId: plan.id,
    after: { ...owner, approverId, carriedFromPlanId: source.id },
    reason: 'carry-over',
    at: now,
  });
  return { plan, created: true };
}

/** The target cycle: 422 when missing or not later than the source's, 409 when closed. */
async function laterCycle(trx: DbOrTrx, orgId: string, source: PlanRow, toCycleId: string) {
  const [fromCycle, toCycle] = await Promise.all([
    repo.findCycle(trx, orgId, source.cycle_id),
    repo.findCycle(trx, orgId, toCycleId),
  ]);
  if (!toCycle) {
    throw unprocessable('The target cycle does not exist', [
      { path: 'toCycleId', message: 'is not a cycle', code: 'cycle.not_found' },
    ]);
  }
  if (!fromCycle || toCycle.start_date <= fromCycle.start_date) {
    throw unprocessable('Carry over into a later cycle', [
      {
        path: 'toCycleId',
        message: "must start after the plan's cycle",
        code: 'carryOver.not_later',
      },
    ]);
  }
  if (toCycle.state === 'closed') throw conflict('The target cycle is closed');
  return toCycle;
}

/** Copies rows into the target plan inside the carry-over's transaction. */
interface Copy {
  trx: DbOrTrx;
  actor: Actor;
  target: PlanRow;
  targetFacts: PlanAccess;
  reason: string;
  now: string;
}

/** A copy of `from` at the end of the target plan; its alignment only if still valid there. */
async function copyObjective(c: Copy, from: ObjectiveRow, priority: number): Promise<string> {
  const orgId = c.actor.organizationId;
  const id = newId();
  const align = {
    alignedToObjectiveId: from.aligned_to_objective_id,
    alignedToKeyResultId: from.aligned_to_key_result_id,
  };
  // the parent may not reach into the new cycle (another quarter's objective): then it is dropped
  const problems = await alignmentProblems(
    c.trx,
    orgId,
    { plan: c.target, access: c.targetFacts },
    align,
  );
  const keep = problems.length === 0;
  await repo.insertCarriedObjective(c.trx, {
    id,
    organization_id: orgId,
    plan_id: c.target.id,
    title: from.title,
    description: from.description,
    kind: from.kind,
    priority,
    weight: from.weight,
    aligned_to_objective_id: keep ? align.alignedToObjectiveId : null,
    aligned_to_key_result_id: keep ? align.alignedToKeyResultId : null,
    visibility: from.visibility,
    progress: 0,
    last_check_in_at: null,
    created_at: c.now,
    updated_at: c.now,
    version: 1,
    carried_from_objective_id: from.id,
  });
  await insertAudit(c.trx, {
    organizationId: orgId,
    actorId: c.actor.userId,
    action: 'objective.create',
    targetType: 'objective',
    targetId: id,
    after: { planId: c.target.id, title: from.title, carriedFromObjectiveId: from.id },
    reason: c.reason,
    at: c.now,
  });
  return id;
}

/** A copy of `kr` under `objectiveId`, starting where `kr` stood. */
async function copyKeyResult(
  c: Copy,
  kr: KeyResultRow,
  objectiveId: string,
  priority: number,
): Promise<string> {
  const orgId = c.actor.organizationId;
  const id = newId();
  const start = carriedStart(kr);
  await repo.insertCarriedKeyResult(c.trx, {
    id,
    organization_id: orgId,
    plan_id: c.target.id,
    objective_id: objectiveId,
    title: kr.title,
    metric_type: kr.metric_type,
    unit: kr.unit,
    start_value: start,
    target_value: kr.target_value,
    current_value: start,
    direction: kr.direction,
    weight: kr.weight,
    priority,
    owner_id: kr.owner_id,
    due_date: null,
    confidence: null,
    progress_source: kr.progress_source,
    progress: 0,
    progress_raw: 0,
    last_check_in_at: null,
    created_at: c.now,
    updated_at: c.now,
    version: 1,
    carried_from_key_result_id: kr.id,
  });
  await insertAudit(c.trx, {
    organizationId: orgId,
    actorId: c.actor.userId,
    action: 'keyResult.create',
    targetType: 'keyResult',
    targetId: id,
    after: {
      objectiveId,
      title: kr.title,
      startValue: start,
      targetValue: kr.target_value,
      carriedFromKeyResultId: kr.id,
    },
    reason: c.reason,
    at: c.now,
  });
  if (kr.progress_source !== 'manual') await rollUpFromKeyResult(c.trx, orgId, id);
  return id;
}

/**
 * POST /plans/:id/carry-over — the source plan's writers. 404 → 403 → 409 (source not approved or
 * closed; target cycle closed; target plan not a draft) → 422 (target cycle not later; unknown or
 * finished items).
 */
export async function carryOver(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  input: CarryOverInput,
): Promise<CarryOverResult> {
  const orgId = actor.organizationId;
  const now = ctx.now().toISOString();
  const work = async (trx: DbOrTrx) => {
    const { plan: source } = await planForChange(trx, actor, planId, {
      allow: (f) => policy.carryOver(actor, f),
      editable: false,
    });
    if (source.state !== 'approved' && source.state !== 'closed') {
      throw conflict(`Only an approved or closed plan carries over (the plan is ${source.state})`);
    }
    const toCycle = await laterCycle(trx, orgId, source, input.toCycleId);
    const [objectives, keyResults] = await Promise.all([
      objectivesOfPlan(trx, orgId, source.id),
      keyResultsOfPlan(trx, orgId, source.id),
    ]);
    const { byObjective } = select(input, objectives, keyResults);
    const { plan: target, created } = await targetPlan(trx, actor, source, toCycle.id, now);
    const copy: Copy = {
      trx,
      actor,
      target,
      targetFacts: await loadPlanFacts(trx, orgId, target),
      reason: `carried over from plan ${source.id}`,
      now,
    };
    const [inTarget, krsInTarget] = await Promise.all([
      objectivesOfPlan(trx, orgId, target.id),
      keyResultsOfPlan(trx, orgId, target.id),
    ]);
    const copyOf = new Map(
      inTarget.flatMap((o) =>
        o.carried_from_objective_id ? [[o.carried_from_objective_id, o.id] as const] : [],
      ),
    );
    const carriedKeyResults = new Set(krsInTarget.map((kr) => kr.carried_from_key_result_id));
    let objectivePriority = Math.max(0, ...inTarget.map((o) => o.priority));
    const carried: CarryOverResult['carried'] = { objectives: [], keyResults: [] };
    const alreadyCarried: string[] = [];

    for (const from of objectives) {
      const krs = byObjective.get(from.id);
      if (!krs) continue;
      let objectiveId = copyOf.get(from.id);
      if (objectiveId) {
        alreadyCarried.push(from.id);
      } else {
        objectiveId = await copyObjective(copy, from, ++objectivePriority);
        carried.objectives.push({ id: objectiveId, carriedFromObjectiveId: from.id });
      }
      const under = krsInTarget.filter((kr) => kr.objective_id === objectiveId);
      let krPriority = Math.max(0, ...under.map((kr) => kr.priority));
      for (const kr of krs) {
        if (carriedKeyResults.has(kr.id)) {
          alreadyCarried.push(kr.id);
          continue;
        }
        const id = await copyKeyResult(copy, kr, objectiveId, ++krPriority);
        carried.keyResults.push({ id, carriedFromKeyResultId: kr.id });
      }
      await rollUpFromObjective(trx, orgId, objectiveId);
    }
    await insertAudit(trx, {
      organizationId: orgId,
      actorId: actor.userId,
      action: 'plan.carryOver',
      targetType: 'plan',
      targetId: source.id,
      after: { toPlanId: target.id, toCycleId: toCycle.id, ...carried, alreadyCarried },
      at: now,
    });
    return { targetId: target.id, created, carried, alreadyCarried };
  };
  let result: Awaited<ReturnType<typeof work>>;
  try {
    result = await ctx.db.transaction().execute(work);
  } catch (e) {
    // the owner created that plan at the same moment: the unique index kept one
    if (isUniqueViolation(e)) {
      throw conflict("The owner's plan in that cycle was just created; try again");
    }
    throw e;
  }
  return {
    plan: await getPlan(ctx, actor, result.targetId),
    createdPlan: result.created,
    carried: result.carried,
    alreadyCarried: result.alreadyCarried,
  };
}
