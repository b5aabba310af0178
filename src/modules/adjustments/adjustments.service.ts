/**
 * Adjustments to approved plans (the seed's 及时调整): the list, the approver's decision on pending
 * ones, and a plan's history, versions and diffs. The changes themselves go through the objective
 * and KR services, which ask `gate.ts` how to proceed.
 */
import type { AppContext, DbOrTrx } from '../../context.js';
import type { AdjustmentRow } from '../../db/schema.js';
import { diffPlans, withoutPrivate, type PlanSnapshot } from '../../domain/diff.js';
import { AppError, conflict, forbidden, notFound, unprocessable } from '../../domain/errors.js';
import { policy, type Actor } from '../../domain/policy.js';
import { decodeCursor, page } from '../../shared/cursor.js';
import { insertAudit } from '../audit/audit.repository.js';
import * as keyResults from '../key-results/key-results.service.js';
import * as objectives from '../objectives/objectives.service.js';
import { planForRead } from '../plans/guard.js';
import { assertIfMatch, changedMeanwhile } from '../plans/http.js';
import { listReviews } from '../plans/reviews.repository.js';
import * as repo from './adjustments.repository.js';
import {
  adjustmentHistoryItem,
  toAdjustment,
  toPlanVersion,
  toPlanVersionDetail,
  type Adjustment,
  type DiffInput,
  type HistoryItem,
  type ListAdjustmentsInput,
  type PlanDiff,
  type PlanVersion,
  type PlanVersionDetail,
} from './adjustments.schema.js';
import type { Accepting } from './gate.js';
import { loadPlanSnapshot } from './snapshot.js';
import * as versions from './versions.repository.js';

type Page<T> = { items: T[]; nextCursor: string | null };

async function present(db: DbOrTrx, orgId: string, id: string): Promise<Adjustment> {
  const view = await repo.findAdjustmentView(db, orgId, id);
  if (!view) throw notFound('Adjustment');
  return toAdjustment(view);
}

/** A plan the actor reads, and whether they read its private objectives. */
async function readable(ctx: AppContext, actor: Actor, planId: string) {
  const { plan, facts } = await planForRead(ctx.db, actor, planId);
  return { plan, facts, withPrivate: policy.readPrivateObjectives(actor, facts) };
}

/** GET /plans/:id/adjustments — newest first, optionally by status. */
export async function listAdjustments(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  q: ListAdjustmentsInput,
): Promise<Page<Adjustment>> {
  const { withPrivate } = await readable(ctx, actor, planId);
  const limit = q.limit ?? 100;
  const [at, id] = decodeCursor(q.cursor, 2) ?? [];
  const rows = await repo.listAdjustmentViews(ctx.db, actor.organizationId, planId, {
    ...(q.status !== undefined ? { status: q.status } : {}),
    withPrivate,
    limit,
    ...(at !== undefined && id !== undefined ? { before: { at, id } } : {}),
  });
  const { items, nextCursor } = page(rows, limit, (r) => [r.created_at, r.id]);
  return { items: items.map(toAdjustment), nextCursor };
}

/** GET /adjustments/:id — readers of the plan (one about a private objective: its readers). */
export async function getAdjustment(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<Adjustment> {
  const view = await repo.findAdjustmentView(ctx.db, actor.organizationId, id);
  if (!view) throw notFound('Adjustment');
  const { withPrivate } = await readable(ctx, actor, view.plan_id);
  if (view.visibility === 'private' && !withPrivate) throw notFound('Adjustment');
  return toAdjustment(view);
}

/**
 * A pending adjustment to decide, inside the decision's transaction: 404 (missing, or about a
 * private objective the actor may not read) → 403 (not the approver or an admin) → 409 (decided
 * already) → 412 (stale If-Match).
 */
async function pendingForDecision(
  trx: DbOrTrx,
  actor: Actor,
  id: string,
  ifMatch: string | undefined,
): Promise<AdjustmentRow> {
  const adjustment = await repo.lockAdjustment(trx, actor.organizationId, id);
  if (!adjustment) throw notFound('Adjustment');
  const { facts } = await planForRead(trx, actor, adjustment.plan_id);
  if (adjustment.visibility === 'private' && !policy.readPrivateObjectives(actor, facts)) {
    throw notFound('Adjustment');
  }
  if (!policy.decideAdjustment(actor, facts)) {
    throw forbidden("Only the plan's approver or an admin may decide an adjustment");
  }
  if (adjustment.status !== 'pending') {
    throw conflict(`The adjustment was already decided (${adjustment.status})`);
  }
  assertIfMatch(ifMatch, adjustment.version);
  return adjustment;
}

/** Applies what a pending adjustment proposed, as `actor` (the approver), in `trx`. */
async function replay(
  ctx: AppContext,
  trx: DbOrTrx,
  actor: Actor,
  a: AdjustmentRow,
): Promise<void> {
  const inner: AppContext = { ...ctx, db: trx };
  const opts = { accepting: { adjustmentId: a.id, reason: a.reason } satisfies Accepting };
  const request = (a.request === null ? {} : JSON.parse(a.request)) as never;
  const target = a.target_id ?? '';
  const key = `${a.target_type}.${a.kind}`;
  switch (key) {
    case 'objective.create':
      await objectives.createObjective(inner, actor, a.plan_id, request, opts);
      return;
    case 'objective.update':
      await objectives.updateObjective(inner, actor, target, request, undefined, opts);
      return;
    case 'objective.delete':
      await objectives.deleteObjective(inner, actor, target, opts);
      return;
    case 'objective.reorder':
      await keyResults.reorderKeyResults(inner, actor, target, request, opts);
      return;
    case 'plan.reorder':
      await objectives.reorderObjectives(inner, actor, a.plan_id, request, opts);
      return;
    case 'keyResult.create':
      await keyResults.createKeyResult(inner, actor, a.objective_id ?? '', request, opts);
      return;
    case 'keyResult.update':
      await keyResults.updateKeyResult(inner, actor, target, request, undefined, opts);
      return;
    case 'keyResult.delete':
      await keyResults.deleteKeyResult(inner, actor, target, opts);
      return;
    default:
      throw conflict(`An adjustment of kind ${key} cannot be applied`);
  }
}

/**
 * POST /adjustments/:id/accept — the approver (or an admin) applies the pending change now, in one
 * transaction with the decision: roll-up, audit and a new plan version included. 409 when what it
 * changes no longer exists or the plan closed; 422 when the change no longer fits the plan.
 */
export async function acceptAdjustment(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { comment?: string },
  ifMatch?: string,
): Promise<Adjustment> {
  const orgId = actor.organizationId;
  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const adjustment = await pendingForDecision(trx, actor, id, ifMatch);
    try {
      await replay(ctx, trx, actor, adjustment);
    } catch (e) {
      if (e instanceof AppError && e.code === 'not_found') {
        throw conflict(`What this adjustment changes no longer exists (${e.message}): reject it`);
      }
      throw e;
    }
    const decided = await repo.decideAdjustment(trx, orgId, id, adjustment.version, {
      status: 'accepted',
      decided_by: actor.userId,
      decided_at: now,
      decision_comment: input.comment?.trim() || null,
    });
    if (!decided) throw changedMeanwhile();
    await insertAudit(trx, {
      organizationId: orgId,
      actorId: actor.userId,
      action: 'adjustment.accept',
      targetType: 'adjustment',
      targetId: id,
      before: { status: 'pending' },
      after: { status: 'accepted', comment: input.comment?.trim() || null },
      reason: adjustment.reason,
      at: now,
    });
  });
  return present(ctx.db, orgId, id);
}

/** POST /adjustments/:id/reject — the approver (or an admin) says why; nothing else changes. */
export async function rejectAdjustment(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { comment: string },
  ifMatch?: string,
): Promise<Adjustment> {
  const orgId = actor.organizationId;
  const now = ctx.now().toISOString();
  const comment = input.comment.trim();
  await ctx.db.transaction().execute(async (trx) => {
    const adjustment = await pendingForDecision(trx, actor, id, ifMatch);
    if (comment === '') {
      throw unprocessable('Say why the adjustment is rejected', [
        { path: 'comment', message: 'must not be blank', code: 'text.blank' },
      ]);
    }
    const decided = await repo.decideAdjustment(trx, orgId, id, adjustment.version, {
      status: 'rejected',
      decided_by: actor.userId,
      decided_at: now,
      decision_comment: comment,
    });
    if (!decided) throw changedMeanwhile();
    await insertAudit(trx, {
      organizationId: orgId,
      actorId: actor.userId,
      action: 'adjustment.reject',
      targetType: 'adjustment',
      targetId: id,
      before: { status: 'pending' },
      after: { status: 'rejected', comment },
      reason: adjustment.reason,
      at: now,
    });
  });
  return present(ctx.db, orgId, id);
}

/** Newest first, then the larger id first (the order both tables are read in). */
const newestFirst = (a: HistoryItem, b: HistoryItem): number =>
  a.at === b.at ? (a.id < b.id ? 1 : a.id > b.id ? -1 : 0) : a.at < b.at ? 1 : -1;

/**
 * GET /plans/:id/history — review decisions (submitted, approved, changes requested, with their
 * comments) and adjustments (with their reasons and decisions), newest first, keyset-paginated
 * over both.
 */
export async function planHistory(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  q: { limit?: number; cursor?: string },
): Promise<Page<HistoryItem>> {
  const { withPrivate } = await readable(ctx, actor, planId);
  const orgId = actor.organizationId;
  const limit = q.limit ?? 100;
  const [at, id] = decodeCursor(q.cursor, 2) ?? [];
  const before = at !== undefined && id !== undefined ? { before: { at, id } } : {};
  const [reviews, adjustments] = await Promise.all([
    listReviews(ctx.db, orgId, planId, { limit, ...before }),
    repo.listAdjustmentViews(ctx.db, orgId, planId, { limit, withPrivate, ...before }),
  ]);
  const merged: HistoryItem[] = [
    ...reviews.map((r): HistoryItem => ({
      type: 'review',
      id: r.id,
      at: r.created_at,
      actor: { id: r.reviewer_id, name: r.reviewer_name },
      decision: r.decision,
      comment: r.comment,
    })),
    ...adjustments.map((a) => adjustmentHistoryItem(toAdjustment(a))),
  ].sort(newestFirst);
  return page(merged, limit, (item) => [item.at, item.id]);
}

/** GET /plans/:id/versions — oldest first. */
export async function listVersions(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  q: { limit?: number; cursor?: string },
): Promise<Page<PlanVersion>> {
  await readable(ctx, actor, planId);
  const limit = q.limit ?? 100;
  const [after] = decodeCursor(q.cursor, 1) ?? [];
  const rows = await versions.listPlanVersions(ctx.db, actor.organizationId, planId, {
    limit,
    ...(after !== undefined ? { after: Number(after) } : {}),
  });
  const { items, nextCursor } = page(rows, limit, (r) => [String(r.number)]);
  return { items: items.map(toPlanVersion), nextCursor };
}

const parseSnapshot = (json: string): PlanSnapshot => JSON.parse(json) as PlanSnapshot;

/** GET /plans/:id/versions/:n — the tree as it was (private objectives only for their readers). */
export async function getVersion(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  n: number,
): Promise<PlanVersionDetail> {
  const { withPrivate } = await readable(ctx, actor, planId);
  const row = await versions.findPlanVersion(ctx.db, actor.organizationId, planId, n);
  if (!row) throw notFound('Version');
  const snapshot = parseSnapshot(row.snapshot);
  return toPlanVersionDetail(row, withPrivate ? snapshot : withoutPrivate(snapshot));
}

/**
 * GET /plans/:id/diff?from=&to= — what changed between two versions; by default from the last
 * approval to the current tree. 409 when the plan was never approved and `from` is not given.
 */
export async function diffVersions(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  q: DiffInput,
): Promise<PlanDiff> {
  const { withPrivate } = await readable(ctx, actor, planId);
  const orgId = actor.organizationId;
  const from =
    q.from !== undefined
      ? await versions.findPlanVersion(ctx.db, orgId, planId, q.from)
      : await versions.lastApprovalVersion(ctx.db, orgId, planId);
  if (!from) {
    if (q.from !== undefined) throw notFound('Version');
    throw conflict('The plan has not been approved yet: there is no version to compare with');
  }
  let to: PlanSnapshot;
  if (q.to !== undefined) {
    const row = await versions.findPlanVersion(ctx.db, orgId, planId, q.to);
    if (!row) throw notFound('Version');
    to = parseSnapshot(row.snapshot);
  } else {
    to = await loadPlanSnapshot(ctx.db, orgId, planId);
  }
  const visible = (s: PlanSnapshot) => (withPrivate ? s : withoutPrivate(s));
  return {
    from: from.number,
    to: q.to ?? null,
    changes: diffPlans(visible(parseSnapshot(from.snapshot)), visible(to)),
  };
}
