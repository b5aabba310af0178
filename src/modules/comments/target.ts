/**
 * What a comment is about — a plan, an objective, a key result or a check-in — resolved to its
 * plan and visibility. 404 when it does not exist, is in another organization, or sits under a
 * private objective the caller may not read (the same rule as reading the target itself).
 */
import type { DbOrTrx } from '../../context.js';
import type { CommentRow } from '../../db/schema.js';
import { notFound } from '../../domain/errors.js';
import { policy, type Actor } from '../../domain/policy.js';
import { findKeyResult } from '../key-results/key-results.repository.js';
import { findObjective } from '../objectives/objectives.repository.js';
import type { PlanAccess } from '../plans/access.js';
import { planForRead } from '../plans/guard.js';
import { findCheckInForComment } from './comments.repository.js';

export type CommentTargetType = CommentRow['target_type'];

export interface CommentTarget {
  type: CommentTargetType;
  id: string;
  planId: string;
  objectiveId: string | null;
  keyResultId: string | null;
  checkInId: string | null;
  visibility: 'public' | 'private';
  facts: PlanAccess;
  /** the target's title, for notifications (plans have none) */
  title: string | null;
}

const WHAT: Record<CommentTargetType, string> = {
  plan: 'Plan',
  objective: 'Objective',
  keyResult: 'Key result',
  checkIn: 'Check-in',
};

interface Located {
  planId: string;
  objectiveId: string | null;
  keyResultId: string | null;
  checkInId: string | null;
  visibility: 'public' | 'private';
  title: string | null;
}

async function locate(
  db: DbOrTrx,
  orgId: string,
  type: CommentTargetType,
  id: string,
): Promise<Located | undefined> {
  switch (type) {
    case 'plan':
      return {
        planId: id,
        objectiveId: null,
        keyResultId: null,
        checkInId: null,
        visibility: 'public',
        title: null,
      };
    case 'objective': {
      const o = await findObjective(db, orgId, id);
      return o
        ? {
            planId: o.plan_id,
            objectiveId: o.id,
            keyResultId: null,
            checkInId: null,
            visibility: o.visibility,
            title: o.title,
          }
        : undefined;
    }
    case 'keyResult': {
      const kr = await findKeyResult(db, orgId, id);
      return kr
        ? {
            planId: kr.plan_id,
            objectiveId: kr.objective_id,
            keyResultId: kr.id,
            checkInId: null,
            visibility: kr.visibility,
            title: kr.title,
          }
        : undefined;
    }
    case 'checkIn': {
      const ci = await findCheckInForComment(db, orgId, id);
      return ci
        ? {
            planId: ci.plan_id,
            objectiveId: ci.objective_id,
            keyResultId: ci.key_result_id,
            checkInId: ci.id,
            visibility: ci.visibility,
            title: ci.title,
          }
        : undefined;
    }
  }
}

/** The target as `actor` may see it, or 404. */
export async function resolveTarget(
  db: DbOrTrx,
  actor: Actor,
  type: CommentTargetType,
  id: string,
): Promise<CommentTarget> {
  const what = WHAT[type];
  const located = await locate(db, actor.organizationId, type, id);
  if (!located) throw notFound(what);
  const { facts } = await planForRead(db, actor, located.planId, {
    what,
    visibility: located.visibility,
  });
  if (!policy.commentOn(actor, facts, located.visibility)) throw notFound(what);
  return { type, id, facts, ...located };
}
