/**
 * Scoring and closing (domain.md "Scoring"; the seed's 评估): while the cycle is `reviewing`, the
 * KR's owner (or the plan's writers) sets a self score and the approver (or an admin) a final
 * score, each with a note. Closing a plan — or its cycle — fixes every KR's final score (missing
 * ones take the self score, else the default score) and makes the plan read-only.
 */
import type { AppContext, DbOrTrx } from '../../context.js';
import { conflict, forbidden, notFound } from '../../domain/errors.js';
import { policy, type Actor } from '../../domain/policy.js';
import { defaultScore } from '../../domain/scoring.js';
import { nextPlanState } from '../../domain/states.js';
import { rejectPendingOfPlan } from '../adjustments/adjustments.repository.js';
import { insertAudit } from '../audit/audit.repository.js';
import { findKeyResult } from '../key-results/key-results.repository.js';
import type { KeyResult } from '../key-results/key-results.schema.js';
import { keyResultView } from '../key-results/key-results.service.js';
import { planForChange } from '../plans/guard.js';
import { assertIfMatch, changedMeanwhile } from '../plans/http.js';
import type { PlanDetail } from '../plans/plans.schema.js';
import { getPlan } from '../plans/plans.service.js';
import { loadHealthContext } from '../progress/health.js';
import { withKeyResultScore } from './plan-scores.js';
import * as repo from './scoring.repository.js';
import type { ScoreInput } from './scoring.schema.js';

/** 409 unless the plan is approved and its cycle is being reviewed. */
async function assertReviewing(
  db: DbOrTrx,
  orgId: string,
  plan: { state: string; cycle_id: string },
  doing: string,
): Promise<void> {
  if (plan.state === 'closed') throw conflict(`The plan is closed: it is read-only`);
  const cycleState = await repo.cycleStateOf(db, orgId, plan.cycle_id);
  if (plan.state !== 'approved' || cycleState !== 'reviewing') {
    throw conflict(
      `${doing} needs an approved plan in a cycle under review (the plan is ${plan.state}, the cycle ${cycleState ?? 'unknown'})`,
    );
  }
}

/**
 * PUT /key-results/:id/score — `kind` defaults to `final` for the approver (or an admin) and to
 * `self` for the KR's owner and the plan's writers. 404 → 403 → 409 → 412.
 */
export async function scoreKeyResult(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: ScoreInput,
  ifMatch: string | undefined,
): Promise<KeyResult> {
  const orgId = actor.organizationId;
  const now = ctx.now().toISOString();
  const { row, cycleId } = await ctx.db.transaction().execute(async (trx) => {
    const found = await findKeyResult(trx, orgId, id);
    if (!found) throw notFound('Key result');
    const { visibility, ...kr } = found;
    const mayFinal = (f: Parameters<typeof policy.finalScore>[1]) => policy.finalScore(actor, f);
    const maySelf = (f: Parameters<typeof policy.finalScore>[1]) =>
      policy.selfScore(actor, f, { ownerId: kr.owner_id });
    const { plan, facts } = await planForChange(trx, actor, kr.plan_id, {
      target: { what: 'Key result', visibility },
      allow: (f) => mayFinal(f) || maySelf(f),
      editable: false,
    });
    const kind = input.kind ?? (mayFinal(facts) ? 'final' : 'self');
    if (kind === 'final' && !mayFinal(facts)) {
      throw forbidden("Only the plan's approver or an admin sets the final score");
    }
    if (kind === 'self' && !maySelf(facts)) {
      throw forbidden("Only the key result's owner and the plan's writers set the self score");
    }
    await assertReviewing(trx, orgId, plan, 'Scoring');
    assertIfMatch(ifMatch, kr.version);
    const note = input.note?.trim() || null;
    const changed = await repo.setKeyResultScore(trx, orgId, id, kr.version, kind, {
      score: input.score,
      note,
      by: actor.userId,
      at: now,
    });
    if (!changed) throw changedMeanwhile();
    await insertAudit(trx, {
      organizationId: orgId,
      actorId: actor.userId,
      action: `keyResult.${kind}Score`,
      targetType: 'keyResult',
      targetId: id,
      before:
        kind === 'self'
          ? { score: kr.self_score, note: kr.self_score_note }
          : { score: kr.final_score, note: kr.final_score_note },
      after: { score: input.score, note },
      at: now,
    });
    const row = await findKeyResult(trx, orgId, id);
    if (!row) throw notFound('Key result');
    return { row, cycleId: plan.cycle_id };
  });
  const hc = await loadHealthContext(ctx.db, orgId, cycleId, ctx.now());
  // `row` also carries its objective's visibility; the view reads only the KR's columns
  const view = await keyResultView(ctx.db, orgId, row, hc, { actions: true });
  return withKeyResultScore(view, row.progress, true);
}

/**
 * Fixes the final score of every KR of these plans that has none: the self score, else the
 * default score. Inside the transaction that closes them. Returns how many KRs it fixed per plan.
 */
export async function fixFinalScores(
  db: DbOrTrx,
  orgId: string,
  planIds: readonly string[],
  by: string | null,
  at: string,
): Promise<Map<string, number>> {
  const open = await repo.keyResultsWithoutFinalScore(db, orgId, planIds);
  const byScore = new Map<number, string[]>();
  const perPlan = new Map<string, number>();
  for (const kr of open) {
    const score = kr.self_score ?? defaultScore(kr.progress);
    const ids = byScore.get(score);
    if (ids) ids.push(kr.id);
    else byScore.set(score, [kr.id]);
    perPlan.set(kr.plan_id, (perPlan.get(kr.plan_id) ?? 0) + 1);
  }
  for (const [score, ids] of byScore) await repo.fixFinalScores(db, orgId, ids, score, by, at);
  return perPlan;
}

/**
 * Called by the cycles service inside the transaction that closes a cycle, before its plans
 * close: the approved plans get their final scores fixed (as POST /plans/:id/close does) and
 * their pending adjustments withdrawn. Plans never approved close without scores.
 */
export async function fixScoresOnCycleClose(
  db: DbOrTrx,
  actor: Actor,
  cycleId: string,
  at: string,
): Promise<void> {
  const orgId = actor.organizationId;
  const plans = (await repo.approvedPlansOfCycle(db, orgId, cycleId)).map((p) => p.id);
  const fixed = await fixFinalScores(db, orgId, plans, actor.userId, at);
  for (const planId of plans) {
    const withdrawn = await rejectPendingOfPlan(db, orgId, planId, {
      by: actor.userId,
      at,
      comment: 'The cycle closed',
    });
    await insertAudit(db, {
      organizationId: orgId,
      actorId: actor.userId,
      action: 'plan.fixScores',
      targetType: 'plan',
      targetId: planId,
      after: { fixedKeyResults: fixed.get(planId) ?? 0, withdrawnAdjustmentIds: withdrawn },
      reason: 'cycle closed',
      at,
    });
  }
}

/**
 * POST /plans/:id/close — the approver or an admin, while the cycle is being reviewed: final
 * scores fixed, pending adjustments withdrawn, plan → closed (read-only).
 */
export async function closePlan(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  ifMatch: string | undefined,
): Promise<PlanDetail> {
  const orgId = actor.organizationId;
  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const { plan } = await planForChange(trx, actor, planId, {
      allow: (f) => policy.closePlan(actor, f),
      editable: false,
    });
    if (nextPlanState(plan.state, 'close') === undefined) {
      throw conflict(`A plan in state ${plan.state} cannot be closed`);
    }
    await assertReviewing(trx, orgId, plan, 'Closing a plan');
    assertIfMatch(ifMatch, plan.version);
    const fixed = await fixFinalScores(trx, orgId, [plan.id], actor.userId, now);
    const withdrawn = await rejectPendingOfPlan(trx, orgId, plan.id, {
      by: actor.userId,
      at: now,
      comment: 'The plan closed',
    });
    if (!(await repo.closePlanRow(trx, orgId, plan.id, plan.version, now))) {
      throw changedMeanwhile();
    }
    await insertAudit(trx, {
      organizationId: orgId,
      actorId: actor.userId,
      action: 'plan.close',
      targetType: 'plan',
      targetId: plan.id,
      before: { state: plan.state },
      after: {
        state: 'closed',
        closedAt: now,
        fixedKeyResults: fixed.get(plan.id) ?? 0,
        withdrawnAdjustmentIds: withdrawn,
      },
      at: now,
    });
  });
  return getPlan(ctx, actor, planId);
}
