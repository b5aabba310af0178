/**
 * Check-ins: a dated update of a KR. The insert and the whole roll-up (KR → objective → plan →
 * aligned KRs above) happen in one transaction, so reads never aggregate a tree.
 */
import type { AppContext, DbOrTrx } from '../../context.js';
import type { CheckInRow } from '../../db/schema.js';
import { conflict, forbidden, notFound } from '../../domain/errors.js';
import { policy, type Actor } from '../../domain/policy.js';
import { decodeCursor, page } from '../../shared/cursor.js';
import { newId } from '../../shared/ids.js';
import { insertAudit } from '../audit/audit.repository.js';
import { keyResultView } from '../key-results/key-results.service.js';
import { findKeyResult } from '../key-results/key-results.repository.js';
import { planFactsLoader } from '../plans/access.js';
import { isUniqueViolation } from '../../db/errors.js';
import { planForRead } from '../plans/guard.js';
import { healthContext } from '../progress/health.js';
import { manualProgress, rollUpAboveKeyResult, rollUpFromKeyResult } from '../progress/rollup.js';
import * as repo from './check-ins.repository.js';
import {
  toCheckIn,
  type CheckIn,
  type CheckInResult,
  type CreateCheckInInput,
} from './check-ins.schema.js';

/** The first result for this author's key, or undefined (409 when it was for another KR). */
async function replay(
  ctx: AppContext,
  actor: Actor,
  keyResultId: string,
  key: string,
): Promise<CheckInResult | undefined> {
  const first = await repo.findByIdempotencyKey(ctx.db, actor.organizationId, actor.userId, key);
  if (!first) return undefined;
  if (first.key_result_id !== keyResultId || first.response === null) {
    throw conflict('This Idempotency-Key was already used for another request');
  }
  return JSON.parse(first.response) as CheckInResult;
}

type Target = NonNullable<Awaited<ReturnType<typeof repo.lockCheckInTarget>>>;

/**
 * Inside one transaction: the KR with everything about it (its plan locked on PostgreSQL), the
 * visibility and policy checks (404, then 403), the state check (409), the insert, the roll-up,
 * the audit, the response.
 */
async function record(
  trx: DbOrTrx,
  actor: Actor,
  keyResultId: string,
  input: CreateCheckInInput,
  idempotencyKey: string | undefined,
  now: Date,
): Promise<CheckInResult> {
  const orgId = actor.organizationId;
  const target: Target | undefined = await repo.lockCheckInTarget(trx, orgId, keyResultId);
  if (!target) throw notFound('Key result');
  const facts = planFactsLoader(trx, orgId, {
    owner_type: target.plan_owner_type,
    owner_id: target.plan_owner_id,
    approver_id: target.plan_approver_id,
  });
  if (
    target.visibility === 'private' &&
    !(await facts.allows((f) => policy.readPrivateObjectives(actor, f)))
  ) {
    throw notFound('Key result');
  }
  if (!(await facts.allows((f) => policy.checkIn(actor, f, { ownerId: target.owner_id })))) {
    throw forbidden("Only the key result's owner and the plan's writers may check in");
  }
  if (target.plan_state !== 'approved' || target.cycle_state !== 'active') {
    throw conflict(
      `Check-ins need an approved plan in an active cycle (the plan is ${target.plan_state}, the cycle ${target.cycle_state})`,
    );
  }
  const at = now.toISOString();
  const checkIn: CheckInRow = {
    id: newId(),
    organization_id: orgId,
    plan_id: target.plan_id,
    key_result_id: target.id,
    value: input.value,
    confidence: input.confidence ?? null,
    note: input.note ?? null,
    blockers: input.blockers ?? null,
    author_id: actor.userId,
    idempotency_key: idempotencyKey ?? null,
    response: null,
    created_at: at,
  };
  await repo.insertCheckIn(trx, checkIn);
  // a manual KR's progress follows from the value: stored with it, in the same statement
  const manual = target.progress_source === 'manual';
  const written = await repo.recordOnKeyResult(trx, orgId, target.id, {
    value: input.value,
    confidence: checkIn.confidence,
    at,
    ...(manual ? { progress: manualProgress(target, input.value) } : {}),
  });
  if (!written) throw notFound('Key result');
  const rolled = manual
    ? await rollUpAboveKeyResult(trx, orgId, written)
    : await rollUpFromKeyResult(trx, orgId, target.id, { written });
  if (!rolled?.keyResult) throw notFound('Key result');
  await insertAudit(trx, {
    organizationId: orgId,
    actorId: actor.userId,
    action: 'checkIn.create',
    targetType: 'keyResult',
    targetId: target.id,
    after: { checkInId: checkIn.id, value: input.value, confidence: checkIn.confidence },
    at,
  });
  const hc = healthContext(target, target, now);
  const result: CheckInResult = {
    checkIn: toCheckIn(checkIn),
    keyResult: await keyResultView(trx, orgId, rolled.keyResult, hc, { actions: false }),
    objective: rolled.objective,
    plan: rolled.plan,
  };
  if (idempotencyKey !== undefined) {
    await repo.setCheckInResponse(trx, orgId, checkIn.id, JSON.stringify(result));
  }
  return result;
}

/**
 * POST /key-results/:id/check-ins — the KR's owner or the plan's writers, while the plan is
 * approved and the cycle active. With an Idempotency-Key, the same key from the same author
 * returns the first result without writing again (also when two such requests race).
 */
export async function createCheckIn(
  ctx: AppContext,
  actor: Actor,
  keyResultId: string,
  input: CreateCheckInInput,
  idempotencyKey?: string,
): Promise<CheckInResult> {
  if (idempotencyKey !== undefined) {
    const first = await replay(ctx, actor, keyResultId, idempotencyKey);
    if (first) return first;
  }
  try {
    return await ctx.db
      .transaction()
      .execute((trx) => record(trx, actor, keyResultId, input, idempotencyKey, ctx.now()));
  } catch (e) {
    // a concurrent request with the same key won the race: answer with its result
    if (idempotencyKey !== undefined && isUniqueViolation(e)) {
      const first = await replay(ctx, actor, keyResultId, idempotencyKey);
      if (first) return first;
    }
    throw e;
  }
}

/** GET /key-results/:id/check-ins — newest first. */
export async function listCheckIns(
  ctx: AppContext,
  actor: Actor,
  keyResultId: string,
  q: { limit?: number; cursor?: string },
): Promise<{ items: CheckIn[]; nextCursor: string | null }> {
  const kr = await findKeyResult(ctx.db, actor.organizationId, keyResultId);
  if (!kr) throw notFound('Key result');
  await planForRead(ctx.db, actor, kr.plan_id, { what: 'Key result', visibility: kr.visibility });
  const limit = q.limit ?? 100;
  const [at, id] = decodeCursor(q.cursor, 2) ?? [];
  const rows = await repo.listCheckIns(ctx.db, actor.organizationId, keyResultId, {
    limit,
    ...(at !== undefined && id !== undefined ? { before: { at, id } } : {}),
  });
  const { items, nextCursor } = page(rows, limit, (r) => [r.created_at, r.id]);
  return { items: items.map(toCheckIn), nextCursor };
}
