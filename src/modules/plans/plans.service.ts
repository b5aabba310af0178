/** Plans: the OKR set of one owner in one cycle — create, list, read as a tree, delete. */
import type { AppContext } from '../../context.js';
import { conflict, forbidden, notFound } from '../../domain/errors.js';
import { policy, type Actor } from '../../domain/policy.js';
import { isScoringPhase } from '../../domain/scoring.js';
import { decodeCursor, page } from '../../shared/cursor.js';
import { newId } from '../../shared/ids.js';
import { insertAudit } from '../audit/audit.repository.js';
import { keyResultIdsOf } from '../key-results/key-results.repository.js';
import { clearAlignmentsTo, objectivesOfPlan } from '../objectives/objectives.repository.js';
import { healthContext, type HealthContext } from '../progress/health.js';
import { findOrganizationClock } from '../progress/progress.repository.js';
import { rollUpFromKeyResult } from '../progress/rollup.js';
import { withPlanScores } from '../scoring/plan-scores.js';
import { loadPlanFacts, planFactsLoader, resolvePlanApprover } from './access.js';
import { isUniqueViolation } from '../../db/errors.js';
import { assertIfMatch } from './http.js';
import { findUnit, findUser } from './owners.repository.js';
import * as repo from './plans.repository.js';
import {
  toPlan,
  toPlanDetail,
  type ListPlansInput,
  type Plan,
  type PlanDetail,
} from './plans.schema.js';
import { timeSlot, type PlanReadCache } from './plan-cache.js';
import { objectiveTree } from './tree.js';

/** A plan as the API shows it (progress, expected progress, health, owner name). */
export async function presentPlan(ctx: AppContext, orgId: string, id: string): Promise<Plan> {
  const view = await repo.findPlanView(ctx.db, orgId, id);
  if (!view) throw notFound('Plan');
  const clock = await findOrganizationClock(ctx.db, orgId);
  return toPlan(view, healthContext(view, clock, ctx.now()));
}

const duplicate = () => conflict('This owner already has a plan in this cycle');

/** POST /plans — a draft; the approver is resolved from the unit tree. */
export async function createPlan(
  ctx: AppContext,
  actor: Actor,
  input: { cycleId: string; ownerType: 'unit' | 'user'; ownerId: string },
): Promise<Plan> {
  const orgId = actor.organizationId;
  const cycle = await repo.findCycle(ctx.db, orgId, input.cycleId);
  if (!cycle) throw notFound('Cycle');
  const owner =
    input.ownerType === 'unit'
      ? await findUnit(ctx.db, orgId, input.ownerId)
      : await findUser(ctx.db, orgId, input.ownerId);
  if (!owner) throw notFound(input.ownerType === 'unit' ? 'Unit' : 'User');
  const approverId = await resolvePlanApprover(ctx.db, orgId, input);
  const facts = await loadPlanFacts(ctx.db, orgId, {
    owner_type: input.ownerType,
    owner_id: input.ownerId,
    approver_id: approverId,
  });
  if (!policy.createPlan(actor, facts)) {
    throw forbidden('Only the owner, the leaders above the owner and admins may create this plan');
  }
  if (cycle.state === 'closed') throw conflict('The cycle is closed');
  const id = newId();
  const now = ctx.now().toISOString();
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await repo.insertPlan(trx, {
        id,
        organization_id: orgId,
        cycle_id: cycle.id,
        owner_type: input.ownerType,
        owner_id: input.ownerId,
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
      });
      await insertAudit(trx, {
        organizationId: orgId,
        actorId: actor.userId,
        action: 'plan.create',
        targetType: 'plan',
        targetId: id,
        after: { ...input, approverId },
        at: now,
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicate();
    throw e;
  }
  return presentPlan(ctx, orgId, id);
}

/** GET /plans — filtered, oldest first; `approverId=me` is the caller's review queue. */
export async function listPlans(
  ctx: AppContext,
  actor: Actor,
  q: ListPlansInput,
): Promise<{ items: Plan[]; nextCursor: string | null }> {
  const orgId = actor.organizationId;
  const limit = q.limit ?? 100;
  const [at, id] = decodeCursor(q.cursor, 2) ?? [];
  const rows = await repo.listPlanViews(ctx.db, orgId, {
    ...(q.cycleId !== undefined ? { cycleId: q.cycleId } : {}),
    ...(q.ownerType !== undefined ? { ownerType: q.ownerType } : {}),
    ...(q.ownerId !== undefined ? { ownerId: q.ownerId } : {}),
    ...(q.state !== undefined ? { state: q.state } : {}),
    ...(q.approverId !== undefined
      ? { approverId: q.approverId === 'me' ? actor.userId : q.approverId }
      : {}),
    limit,
    ...(at !== undefined && id !== undefined ? { after: { at, id } } : {}),
  });
  const { items, nextCursor } = page(rows, limit, (r) => [r.created_at, r.id]);
  const clock = await findOrganizationClock(ctx.db, orgId);
  const byCycle = new Map<string, HealthContext>();
  const plans = items.map((view) => {
    let hc = byCycle.get(view.cycle_id);
    if (!hc) {
      hc = healthContext(view, clock, ctx.now());
      byCycle.set(view.cycle_id, hc);
    }
    return toPlan(view, hc);
  });
  return { items: plans, nextCursor };
}

/** A plan's detail as `actor` may read it, and whether it has private objectives / shows them. */
async function buildPlanDetail(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<{ detail: PlanDetail; hasPrivate: boolean; showPrivate: boolean }> {
  const orgId = actor.organizationId;
  const [view, [objectives, keyResults, actions]] = await Promise.all([
    repo.findPlanReadView(ctx.db, orgId, id),
    repo.findPlanTree(ctx.db, orgId, id),
  ]);
  if (!view) throw notFound('Plan');
  const facts = planFactsLoader(ctx.db, orgId, view);
  if (!(await facts.allows((f) => policy.readPlan(actor, f)))) throw notFound('Plan');
  const hasPrivate = objectives.some((o) => o.visibility === 'private');
  const showPrivate =
    hasPrivate && (await facts.allows((f) => policy.readPrivateObjectives(actor, f)));
  const hc = healthContext(view, view, ctx.now());
  const detail = withPlanScores(
    toPlanDetail(view, hc, objectiveTree(objectives, keyResults, actions, hc, showPrivate)),
    { objectives, keyResults },
    isScoringPhase({ state: view.state, approvedAt: view.approved_at }, view.cycle_state),
  );
  return { detail, hasPrivate, showPrivate };
}

/**
 * A plan: the tree by priority; private objectives only for their readers. Two round trips: the
 * plan (with the organization's clock) and its tree in parallel; the unit chain for the policy
 * only when a rule needs it (a private objective read by someone other than an admin or the
 * plan's owner).
 */
export async function getPlan(ctx: AppContext, actor: Actor, id: string): Promise<PlanDetail> {
  return (await buildPlanDetail(ctx, actor, id)).detail;
}

/**
 * GET /plans/:id as JSON (`serialize`: the route's serializer) with its version: kept in `cache`
 * while the plan is unchanged (plan-cache.ts), else built and kept; without a cache, built. The plan's stamp is read
 * before its contents, so what is kept under a stamp is never older than it.
 */
export async function readPlanJson(
  ctx: AppContext,
  actor: Actor,
  id: string,
  serialize: (plan: PlanDetail) => string,
  cache: PlanReadCache | undefined,
): Promise<{ body: Buffer; version: number }> {
  const orgId = actor.organizationId;
  const stamp = cache ? await repo.findPlanStamp(ctx.db, orgId, id) : undefined;
  if (!cache || !stamp) {
    const plan = await getPlan(ctx, actor, id);
    return { body: Buffer.from(serialize(plan)), version: plan.version };
  }
  const key = `${orgId}/${id}`;
  const slot = timeSlot(ctx.now());
  const kept = cache.get(key, stamp, slot);
  if (kept) {
    const facts = planFactsLoader(ctx.db, orgId, stamp);
    if (!(await facts.allows((f) => policy.readPlan(actor, f)))) throw notFound('Plan');
    const showPrivate =
      kept.hasPrivate && (await facts.allows((f) => policy.readPrivateObjectives(actor, f)));
    const body = showPrivate ? kept.full : kept.public;
    if (body) return { body, version: stamp.version };
  }
  const { detail, hasPrivate, showPrivate } = await buildPlanDetail(ctx, actor, id);
  const body = Buffer.from(serialize(detail));
  // changed between the stamp and the contents: answered, not kept
  if (detail.version === stamp.version) {
    cache.keep(key, stamp, slot, { hasPrivate, showPrivate, body });
  }
  return { body, version: detail.version };
}

/** DELETE /plans/:id — writers, drafts only; alignments to it are cleared and roll up. */
export async function deletePlan(
  ctx: AppContext,
  actor: Actor,
  id: string,
  ifMatch: string | undefined,
): Promise<void> {
  const orgId = actor.organizationId;
  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const plan = await repo.lockPlan(trx, orgId, id);
    if (!plan) throw notFound('Plan');
    const facts = await loadPlanFacts(trx, orgId, plan);
    if (!policy.writePlan(actor, facts)) throw forbidden('You may not delete this plan');
    if (plan.state !== 'draft')
      throw conflict(`Only a draft can be deleted; the plan is ${plan.state}`);
    assertIfMatch(ifMatch, plan.version);
    const objectives = await objectivesOfPlan(trx, orgId, id);
    const objectiveIds = objectives.map((o) => o.id);
    const keyResultIds = await keyResultIdsOf(trx, orgId, objectiveIds);
    const unaligned = await clearAlignmentsTo(trx, orgId, { objectiveIds, keyResultIds }, now);
    await repo.deletePlan(trx, orgId, id);
    const parents = new Set(objectives.map((o) => o.aligned_to_key_result_id));
    for (const parent of parents)
      if (parent !== null) await rollUpFromKeyResult(trx, orgId, parent);
    await insertAudit(trx, {
      organizationId: orgId,
      actorId: actor.userId,
      action: 'plan.delete',
      targetType: 'plan',
      targetId: id,
      before: { cycleId: plan.cycle_id, ownerType: plan.owner_type, ownerId: plan.owner_id },
      after: { unalignedObjectiveIds: unaligned },
      at: now,
    });
  });
}
