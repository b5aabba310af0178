/**
 * Actions (行动计划): concrete steps under a KR. When the KR's progressSource is `actions`, a
 * change to its actions rolls its progress up.
 */
import type { AppContext, DbOrTrx } from '../../context.js';
import type { ActionRow } from '../../db/schema.js';
import { notFound, unprocessable } from '../../domain/errors.js';
import { policy, type Actor } from '../../domain/policy.js';
import { newId } from '../../shared/ids.js';
import { insertAudit } from '../audit/audit.repository.js';
import { findKeyResult } from '../key-results/key-results.repository.js';
import { titleAndOwnerProblems } from '../plans/fields.js';
import { planForChange } from '../plans/guard.js';
import { assertIfMatch, changedMeanwhile } from '../plans/http.js';
import { loadHealthContext } from '../progress/health.js';
import { rollUpFromKeyResult } from '../progress/rollup.js';
import * as repo from './actions.repository.js';
import {
  toAction,
  type Action,
  type CreateActionInput,
  type UpdateActionInput,
} from './actions.schema.js';

function content(a: ActionRow) {
  return {
    title: a.title,
    ownerId: a.owner_id,
    startDate: a.start_date,
    dueDate: a.due_date,
    weight: a.weight,
    state: a.state,
  };
}

async function assertValid(
  db: DbOrTrx,
  orgId: string,
  input: { title?: string; ownerId?: string | null },
): Promise<void> {
  const problems = await titleAndOwnerProblems(db, orgId, input);
  if (problems.length > 0) throw unprocessable('The action is not valid', problems);
}

async function present(ctx: AppContext, orgId: string, row: ActionRow, cycleId: string) {
  const hc = await loadHealthContext(ctx.db, orgId, cycleId, ctx.now());
  return toAction(row, hc.today);
}

/** POST /key-results/:id/actions — plan writers and the KR's owner. */
export async function createAction(
  ctx: AppContext,
  actor: Actor,
  keyResultId: string,
  input: CreateActionInput,
): Promise<Action> {
  const orgId = actor.organizationId;
  const now = ctx.now().toISOString();
  const { row, cycleId } = await ctx.db.transaction().execute(async (trx) => {
    const kr = await findKeyResult(trx, orgId, keyResultId);
    if (!kr) throw notFound('Key result');
    const { plan } = await planForChange(trx, actor, kr.plan_id, {
      target: { what: 'Key result', visibility: kr.visibility },
      allow: (facts) => policy.createAction(actor, facts, { ownerId: kr.owner_id }),
    });
    await assertValid(trx, orgId, input);
    const row: ActionRow = {
      id: newId(),
      organization_id: orgId,
      plan_id: plan.id,
      key_result_id: kr.id,
      title: input.title.trim(),
      owner_id: input.ownerId ?? null,
      start_date: input.startDate ?? null,
      due_date: input.dueDate ?? null,
      weight: input.weight ?? 1,
      state: input.state ?? 'todo',
      position: await repo.nextActionPosition(trx, orgId, kr.id),
      created_at: now,
      updated_at: now,
      version: 1,
    };
    await repo.insertAction(trx, row);
    if (kr.progress_source === 'actions') {
      await rollUpFromKeyResult(trx, orgId, kr.id, row.state === 'todo' ? {} : { activityAt: now });
    }
    await insertAudit(trx, {
      organizationId: orgId,
      actorId: actor.userId,
      action: 'action.create',
      targetType: 'action',
      targetId: row.id,
      after: { keyResultId: kr.id, ...content(row) },
      reason: input.reason ?? null,
      at: now,
    });
    return { row, cycleId: plan.cycle_id };
  });
  return present(ctx, orgId, row, cycleId);
}

/** Loads an action for a change: 404, then the plan's checks with policy.editAction. */
async function actionForChange(trx: DbOrTrx, actor: Actor, id: string) {
  const found = await repo.findAction(trx, actor.organizationId, id);
  if (!found) throw notFound('Action');
  const { visibility, progress_source: source, ...action } = found;
  const { plan } = await planForChange(trx, actor, action.plan_id, {
    target: { what: 'Action', visibility },
    allow: (facts) => policy.editAction(actor, facts, { ownerId: action.owner_id }),
  });
  return { action, source, plan };
}

/** PATCH /actions/:id — plan writers and the action's owner; If-Match honoured. */
export async function updateAction(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdateActionInput,
  ifMatch: string | undefined,
): Promise<Action> {
  const orgId = actor.organizationId;
  const now = ctx.now().toISOString();
  const { row, cycleId } = await ctx.db.transaction().execute(async (trx) => {
    const { action: before, source, plan } = await actionForChange(trx, actor, id);
    assertIfMatch(ifMatch, before.version);
    await assertValid(trx, orgId, input);
    const set: repo.ActionChanges = { updated_at: now };
    if (input.title !== undefined) set.title = input.title.trim();
    if (input.ownerId !== undefined) set.owner_id = input.ownerId;
    if (input.startDate !== undefined) set.start_date = input.startDate;
    if (input.dueDate !== undefined) set.due_date = input.dueDate;
    if (input.weight !== undefined) set.weight = input.weight;
    if (input.state !== undefined) set.state = input.state;
    const row = await repo.updateAction(trx, orgId, id, before.version, set);
    if (!row) throw changedMeanwhile();
    if (source === 'actions') {
      const moved = row.state !== before.state;
      await rollUpFromKeyResult(trx, orgId, row.key_result_id, moved ? { activityAt: now } : {});
    }
    await insertAudit(trx, {
      organizationId: orgId,
      actorId: actor.userId,
      action: 'action.update',
      targetType: 'action',
      targetId: id,
      before: content(before),
      after: content(row),
      reason: input.reason ?? null,
      at: now,
    });
    return { row, cycleId: plan.cycle_id };
  });
  return present(ctx, orgId, row, cycleId);
}

/** DELETE /actions/:id — plan writers and the action's owner. */
export async function deleteAction(
  ctx: AppContext,
  actor: Actor,
  id: string,
  opts: { ifMatch?: string; reason?: string },
): Promise<void> {
  const orgId = actor.organizationId;
  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const { action, source } = await actionForChange(trx, actor, id);
    assertIfMatch(opts.ifMatch, action.version);
    await repo.deleteAction(trx, orgId, id);
    if (source === 'actions') await rollUpFromKeyResult(trx, orgId, action.key_result_id);
    await insertAudit(trx, {
      organizationId: orgId,
      actorId: actor.userId,
      action: 'action.delete',
      targetType: 'action',
      targetId: id,
      before: { keyResultId: action.key_result_id, ...content(action) },
      reason: opts.reason ?? null,
      at: now,
    });
  });
}
