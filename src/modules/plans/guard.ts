/**
 * Loading a plan for a request, in the order api.md asks: 404 (missing, another organization, or
 * a private objective the caller may not read), then 403 (not allowed), then 409 (wrong state).
 */
import type { DbOrTrx } from '../../context.js';
import type { PlanRow } from '../../db/schema.js';
import { conflict, forbidden, notFound } from '../../domain/errors.js';
import { policy, type Actor, type PlanFacts } from '../../domain/policy.js';
import { isPlanEditable } from '../../domain/states.js';
import { loadPlanFacts, type PlanAccess } from './access.js';
import { findPlan, lockPlan } from './plans.repository.js';

export interface LoadedPlan {
  plan: PlanRow;
  facts: PlanAccess;
}

/** What the request targets inside the plan, when it is not the plan itself. */
export interface Target {
  /** e.g. `Objective`, for the 404 message */
  what: string;
  visibility: 'public' | 'private';
}

function assertVisible(actor: Actor, facts: PlanFacts, target: Target | undefined): void {
  if (target?.visibility === 'private' && !policy.readPrivateObjectives(actor, facts)) {
    throw notFound(target.what);
  }
}

/** A plan to read (no lock): 404 when missing or when `target` is private and hidden. */
export async function planForRead(
  db: DbOrTrx,
  actor: Actor,
  planId: string,
  target?: Target,
): Promise<LoadedPlan> {
  const plan = await findPlan(db, actor.organizationId, planId);
  if (!plan) throw notFound(target?.what ?? 'Plan');
  const facts = await loadPlanFacts(db, actor.organizationId, plan);
  if (!policy.readPlan(actor, facts)) throw notFound(target?.what ?? 'Plan');
  assertVisible(actor, facts, target);
  return { plan, facts };
}

/**
 * Inside the transaction of a change: locks the plan, checks `allow` (plan writers by default) and
 * that the tree may change now (draft, changes_requested, approved; not in_review or closed).
 */
export async function planForChange(
  trx: DbOrTrx,
  actor: Actor,
  planId: string,
  opts: { target?: Target; allow?: (facts: PlanFacts) => boolean; editable?: boolean } = {},
): Promise<LoadedPlan> {
  const plan = await lockPlan(trx, actor.organizationId, planId);
  if (!plan) throw notFound(opts.target?.what ?? 'Plan');
  const facts = await loadPlanFacts(trx, actor.organizationId, plan);
  assertVisible(actor, facts, opts.target);
  const allow = opts.allow ?? ((f: PlanFacts) => policy.writePlan(actor, f));
  if (!allow(facts)) throw forbidden('You may not change this plan');
  if ((opts.editable ?? true) && !isPlanEditable(plan.state)) {
    throw conflict(
      plan.state === 'in_review'
        ? 'The plan is in review: request changes before editing it'
        : `The plan is ${plan.state}: it cannot be changed`,
    );
  }
  return { plan, facts };
}
