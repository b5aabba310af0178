/**
 * The review loop (domain.md "Plan states"): the owner submits (the plan must pass the submit
 * checks), the approver or an admin approves or requests changes. Each step writes a review row
 * and notifies whom it concerns, in the same transaction.
 */
import type { AppContext, DbOrTrx } from '../../context.js';
import type { PlanRow } from '../../db/schema.js';
import { conflict, forbidden, notFound, unprocessable } from '../../domain/errors.js';
import { submitProblems } from '../../domain/plan-checks.js';
import { policy, type Actor, type PlanFacts } from '../../domain/policy.js';
import { nextPlanState, type PlanEvent } from '../../domain/states.js';
import { decodeCursor, page } from '../../shared/cursor.js';
import { newId } from '../../shared/ids.js';
import { recordPlanVersion } from '../adjustments/snapshot.js';
import { insertAudit } from '../audit/audit.repository.js';
import { notifyReview } from '../notifications/notifications.service.js';
import { submissionQuality, type SubmissionQuality } from '../quality/quality.service.js';
import { loadPlanFacts, resolvePlanApprover } from './access.js';
import { planForRead } from './guard.js';
import { assertIfMatch, changedMeanwhile } from './http.js';
import * as repo from './plans.repository.js';
import { insertReview, listReviews as listReviewRows } from './reviews.repository.js';
import { presentPlan } from './plans.service.js';
import { toReview, type Plan, type Review, type SubmittedPlan } from './plans.schema.js';

/** The objectives and KRs of a plan, shaped for `submitProblems`. */
async function planShape(db: DbOrTrx, orgId: string, planId: string) {
  const [objectives, keyResults] = await Promise.all([
    repo.objectiveShapes(db, orgId, planId),
    repo.keyResultShapes(db, orgId, planId),
  ]);
  return {
    objectives: objectives.map((o) => ({
      ...o,
      keyResults: keyResults.filter((kr) => kr.objective_id === o.id),
    })),
  };
}

const DONE: Record<PlanEvent, string> = {
  submit: 'submitted',
  approve: 'approved',
  request_changes: 'sent back for changes',
  close: 'closed',
};

interface Step {
  event: PlanEvent;
  allow: (actor: Actor, facts: PlanFacts) => boolean;
  /**
   * extra checks and changes before the state moves (submit: the checks, the approver, and the
   * quality report stored with the review)
   */
  prepare?: (
    trx: DbOrTrx,
    plan: PlanRow,
  ) => Promise<Partial<PlanRow> & { quality?: string | null }>;
  decision: 'submitted' | 'approved' | 'changes_requested';
  comment: string | null;
  ifMatch: string | undefined;
}

/** One step of the loop in one transaction: 404 → 403 → 409 → 412 → 422, then state + review + audit. */
async function move(ctx: AppContext, actor: Actor, planId: string, step: Step): Promise<Plan> {
  const orgId = actor.organizationId;
  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const plan = await repo.lockPlan(trx, orgId, planId);
    if (!plan) throw notFound('Plan');
    const facts = await loadPlanFacts(trx, orgId, plan);
    if (!step.allow(actor, facts)) {
      throw forbidden(
        step.event === 'submit'
          ? "Only the plan's writers may submit it"
          : 'Only the approver or an admin may review this plan',
      );
    }
    const next = nextPlanState(plan.state, step.event);
    if (next === undefined) {
      throw conflict(`A plan in state ${plan.state} cannot be ${DONE[step.event]}`);
    }
    assertIfMatch(step.ifMatch, plan.version);
    const { quality = null, ...extra } = step.prepare ? await step.prepare(trx, plan) : {};
    const moved = await repo.updatePlan(trx, orgId, plan.id, plan.version, {
      ...extra,
      state: next,
      updated_at: now,
      ...(next === 'approved' ? { approved_at: now } : {}),
    });
    if (!moved) throw changedMeanwhile();
    if (next === 'approved') {
      // each approval keeps the approved tree as the plan's next version (adjustments diff to it)
      await recordPlanVersion(trx, {
        organizationId: orgId,
        planId: plan.id,
        cause: 'approval',
        adjustmentId: null,
        actorId: actor.userId,
        at: now,
      });
    }
    const reviewId = newId();
    await insertReview(trx, {
      id: reviewId,
      organization_id: orgId,
      plan_id: plan.id,
      decision: step.decision,
      comment: step.comment,
      reviewer_id: actor.userId,
      created_at: now,
      quality,
    });
    await notifyReview(trx, orgId, {
      id: reviewId,
      planId: plan.id,
      decision: step.decision,
      comment: step.comment,
      reviewerId: actor.userId,
      at: now,
    });
    await insertAudit(trx, {
      organizationId: orgId,
      actorId: actor.userId,
      action: `plan.${step.event}`,
      targetType: 'plan',
      targetId: plan.id,
      before: { state: plan.state, approverId: plan.approver_id },
      after: {
        state: next,
        approverId: extra.approver_id ?? plan.approver_id,
        comment: step.comment,
      },
      at: now,
    });
  });
  return presentPlan(ctx, orgId, planId);
}

/**
 * POST /plans/:id/submit — 422 lists every failed check; the approver is resolved again; the
 * quality gate (organization setting `qualityGate`) refuses the plan or stores its report.
 */
export async function submitPlan(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  ifMatch?: string,
): Promise<SubmittedPlan> {
  let gate: SubmissionQuality = { report: null, stored: null };
  const submitted = await move(ctx, actor, planId, {
    event: 'submit',
    allow: policy.submitPlan,
    decision: 'submitted',
    comment: null,
    ifMatch,
    prepare: async (trx, plan) => {
      const problems = submitProblems(await planShape(trx, actor.organizationId, plan.id));
      if (problems.length > 0) throw unprocessable('The plan cannot be submitted yet', problems);
      gate = await submissionQuality(trx, actor, plan); // the quality gate: 422 under `block`
      const approverId = await resolvePlanApprover(trx, actor.organizationId, {
        ownerType: plan.owner_type,
        ownerId: plan.owner_id,
      });
      return {
        approver_id: approverId,
        submitted_at: ctx.now().toISOString(),
        quality: gate.stored,
      };
    },
  });
  return { ...submitted, quality: gate.report };
}

/** POST /plans/:id/approve — the approver or an admin. */
export function approvePlan(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  input: { comment?: string },
  ifMatch?: string,
): Promise<Plan> {
  const comment = input.comment?.trim() || null;
  return move(ctx, actor, planId, {
    event: 'approve',
    allow: policy.reviewPlan,
    decision: 'approved',
    comment,
    ifMatch,
  });
}

/** POST /plans/:id/request-changes — the approver or an admin; the comment says what to change. */
export function requestChanges(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  input: { comment: string },
  ifMatch?: string,
): Promise<Plan> {
  const comment = input.comment.trim();
  if (comment === '') {
    throw unprocessable('Say what should change', [
      { path: 'comment', message: 'must not be blank', code: 'text.blank' },
    ]);
  }
  return move(ctx, actor, planId, {
    event: 'request_changes',
    allow: policy.reviewPlan,
    decision: 'changes_requested',
    comment,
    ifMatch,
  });
}

/** GET /plans/:id/reviews — newest first. */
export async function listReviews(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  q: { limit?: number; cursor?: string },
): Promise<{ items: Review[]; nextCursor: string | null }> {
  const { facts } = await planForRead(ctx.db, actor, planId);
  const showPrivate = policy.readPrivateObjectives(actor, facts);
  const limit = q.limit ?? 100;
  const [at, id] = decodeCursor(q.cursor, 2) ?? [];
  const rows = await listReviewRows(ctx.db, actor.organizationId, planId, {
    limit,
    ...(at !== undefined && id !== undefined ? { before: { at, id } } : {}),
  });
  const { items, nextCursor } = page(rows, limit, (r) => [r.created_at, r.id]);
  return { items: items.map((row) => toReview(row, showPrivate)), nextCursor };
}
