/**
 * Retrospectives (复盘): per plan, what went well, what did not, the lessons and what carries
 * over; written by the plan's writers once the plan was approved (also after it closed — the
 * review meeting often follows the close).
 */
import type { AppContext } from '../../context.js';
import { conflict, notFound } from '../../domain/errors.js';
import { policy, type Actor } from '../../domain/policy.js';
import { newId } from '../../shared/ids.js';
import { insertAudit } from '../audit/audit.repository.js';
import { planForChange, planForRead } from '../plans/guard.js';
import { assertIfMatch, changedMeanwhile } from '../plans/http.js';
import * as repo from './retrospectives.repository.js';
import {
  toRetrospective,
  type Retrospective,
  type RetrospectiveInput,
} from './retrospectives.schema.js';

/** GET /plans/:id/retrospective — readers of the plan; 404 until one is written. */
export async function getRetrospective(
  ctx: AppContext,
  actor: Actor,
  planId: string,
): Promise<Retrospective> {
  await planForRead(ctx.db, actor, planId);
  const view = await repo.findRetrospectiveView(ctx.db, actor.organizationId, planId);
  if (!view) throw notFound('Retrospective');
  return toRetrospective(view);
}

/**
 * PUT /plans/:id/retrospective — the plan's writers, on an approved or closed plan; the whole text
 * is replaced (absent fields become empty). If-Match honoured. `created` tells 201 from 200.
 */
export async function putRetrospective(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  input: RetrospectiveInput,
  ifMatch: string | undefined,
): Promise<{ retrospective: Retrospective; created: boolean }> {
  const orgId = actor.organizationId;
  const now = ctx.now().toISOString();
  const text = {
    went_well: input.wentWell?.trim() ?? '',
    went_badly: input.wentBadly?.trim() ?? '',
    lessons: input.lessons?.trim() ?? '',
    carry_over: input.carryOver?.trim() ?? '',
  };
  const created = await ctx.db.transaction().execute(async (trx) => {
    const { plan } = await planForChange(trx, actor, planId, {
      allow: (f) => policy.writeRetrospective(actor, f),
      editable: false,
    });
    if (plan.state !== 'approved' && plan.state !== 'closed') {
      throw conflict(
        `A retrospective needs an approved or closed plan (the plan is ${plan.state})`,
      );
    }
    const existing = await repo.findRetrospectiveView(trx, orgId, planId);
    if (existing) {
      assertIfMatch(ifMatch, existing.version);
      const ok = await repo.updateRetrospective(trx, orgId, existing.id, existing.version, {
        ...text,
        author_id: actor.userId,
        updated_at: now,
      });
      if (!ok) throw changedMeanwhile();
    } else {
      await repo.insertRetrospective(trx, {
        id: newId(),
        organization_id: orgId,
        plan_id: planId,
        ...text,
        author_id: actor.userId,
        created_at: now,
        updated_at: now,
        version: 1,
      });
    }
    await insertAudit(trx, {
      organizationId: orgId,
      actorId: actor.userId,
      action: existing ? 'retrospective.update' : 'retrospective.create',
      targetType: 'plan',
      targetId: planId,
      before: existing
        ? {
            wentWell: existing.went_well,
            wentBadly: existing.went_badly,
            lessons: existing.lessons,
            carryOver: existing.carry_over,
          }
        : null,
      after: {
        wentWell: text.went_well,
        wentBadly: text.went_badly,
        lessons: text.lessons,
        carryOver: text.carry_over,
      },
      at: now,
    });
    return existing === undefined;
  });
  const view = await repo.findRetrospectiveView(ctx.db, orgId, planId);
  if (!view) throw notFound('Retrospective');
  return { retrospective: toRetrospective(view), created };
}
