/**
 * Cross-department requests (协同): the writers of a plan ask another unit to support one of its
 * objectives ("put it in your OKR"). The unit's leader (or an admin) accepts — which creates an
 * objective in the unit's plan, or a key result of one of its objectives, through the objectives
 * and key-results services, and links it back in `support_links` (a many-to-many support link,
 * not an alignment) — or declines with a reason, which leaves no trace in the unit's plan.
 */
import type { AppContext, DbOrTrx } from '../../context.js';
import type { PlanRow, SupportRequestRow } from '../../db/schema.js';
import {
  conflict,
  forbidden,
  notFound,
  unprocessable,
  type FieldProblem,
} from '../../domain/errors.js';
import { policy, type Actor, type PlanFacts } from '../../domain/policy.js';
import { decodeCursor, page } from '../../shared/cursor.js';
import { newId } from '../../shared/ids.js';
import { isProposed } from '../adjustments/adjustments.schema.js';
import { isObjectiveVisible, loadPrivateReadScope } from '../alignment/visibility.js';
import { insertAudit } from '../audit/audit.repository.js';
import { resolveMetric } from '../key-results/metric.js';
import { createKeyResult } from '../key-results/key-results.service.js';
import { notify } from '../notifications/notifications.service.js';
import { findObjective } from '../objectives/objectives.repository.js';
import { createObjective } from '../objectives/objectives.service.js';
import { loadPlanFacts } from '../plans/access.js';
import { isUniqueViolation } from '../../db/errors.js';
import { assertIfMatch, changedMeanwhile } from '../plans/http.js';
import { findUnit } from '../plans/owners.repository.js';
import { findCycle, findPlan } from '../plans/plans.repository.js';
import { createPlan } from '../plans/plans.service.js';
import * as repo from './requests.repository.js';
import {
  toSupportLink,
  toSupportRequest,
  type AcceptRequestInput,
  type CreateRequestInput,
  type DesiredKeyResultInput,
  type ListRequestsInput,
  type SupportLink,
  type SupportRequest,
} from './requests.schema.js';
import { withinTransaction } from './within-transaction.js';

const blank = (s: string): boolean => s.trim() === '';

/** The access facts of the requesting plan of a request view. */
function fromFacts(db: DbOrTrx, orgId: string, view: repo.RequestView): Promise<PlanFacts> {
  return loadPlanFacts(db, orgId, {
    owner_type: view.from_owner_type,
    owner_id: view.from_owner_id,
    approver_id: view.from_approver_id,
  });
}

/** The request as its reader sees it; 404 when missing or hidden (a private objective). */
async function readable(db: DbOrTrx, actor: Actor, id: string): Promise<repo.RequestView> {
  const view = await repo.findRequestView(db, actor.organizationId, id);
  if (!view) throw notFound('Request');
  const facts = await fromFacts(db, actor.organizationId, view);
  const parties = {
    requesterId: view.requester_id,
    toUnitLeaderId: view.to_unit_leader_id,
    visibility: view.from_visibility,
  };
  if (!policy.readRequest(actor, parties, facts)) throw notFound('Request');
  return view;
}

async function present(db: DbOrTrx, actor: Actor, id: string): Promise<SupportRequest> {
  return toSupportRequest(await readable(db, actor, id));
}

/** Problems with a desired KR: a blank title, a (whole) metric that could not be a KR's. */
function desiredProblems(desired: DesiredKeyResultInput | undefined): FieldProblem[] {
  if (!desired) return [];
  const problems: FieldProblem[] = [];
  if (blank(desired.title)) {
    problems.push({
      path: 'desiredKeyResult.title',
      message: 'must not be blank',
      code: 'text.blank',
    });
  }
  // the requester may not know the other unit's baseline: a metric is checked once it is whole
  const whole =
    desired.metricType === 'boolean' ||
    (desired.startValue !== undefined && desired.targetValue !== undefined);
  if (whole) {
    for (const p of resolveMetric(desired).problems) {
      problems.push({ ...p, path: `desiredKeyResult.${p.path}` });
    }
  }
  return problems;
}

/** POST /requests — the writers of the objective's plan ask another unit for support. */
export async function createRequest(
  ctx: AppContext,
  actor: Actor,
  input: CreateRequestInput,
): Promise<SupportRequest> {
  const orgId = actor.organizationId;
  const now = ctx.now().toISOString();
  const id = newId();
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const objective = await findObjective(trx, orgId, input.fromObjectiveId);
      if (!objective) throw notFound('Objective');
      const plan = await findPlan(trx, orgId, objective.plan_id);
      if (!plan) throw notFound('Objective');
      const facts = await loadPlanFacts(trx, orgId, plan);
      if (objective.visibility === 'private' && !policy.readPrivateObjectives(actor, facts)) {
        throw notFound('Objective');
      }
      if (!policy.requestSupport(actor, facts)) {
        throw forbidden("Only the writers of the objective's plan may ask for support");
      }
      const unit = await findUnit(trx, orgId, input.toUnitId);
      if (!unit) throw notFound('Unit');
      const cycle = await findCycle(trx, orgId, plan.cycle_id);
      if (plan.state === 'closed' || !cycle || cycle.state === 'closed') {
        throw conflict('The plan is closed: its objectives take no new support');
      }
      const problems: FieldProblem[] = [];
      if (blank(input.message)) {
        problems.push({ path: 'message', message: 'must not be blank', code: 'text.blank' });
      }
      if (objective.visibility === 'private') {
        problems.push({
          path: 'fromObjectiveId',
          message: 'is private: another unit could not read it',
          code: 'request.private_objective',
        });
      }
      if (plan.owner_type === 'unit' && plan.owner_id === unit.id) {
        problems.push({
          path: 'toUnitId',
          message: 'is the unit that owns the objective: ask another unit',
          code: 'request.same_unit',
        });
      }
      problems.push(...desiredProblems(input.desiredKeyResult));
      // a day of slack: the requester's today may still be yesterday in UTC
      const yesterday = new Date(ctx.now().getTime() - 86_400_000).toISOString().slice(0, 10);
      if (input.neededBy && input.neededBy < yesterday) {
        problems.push({ path: 'neededBy', message: 'must not be in the past', code: 'date.past' });
      }
      if (problems.length > 0) throw unprocessable('The request is not valid', problems);
      if (await repo.findOpenRequest(trx, orgId, objective.id, unit.id)) {
        throw conflict('This unit already has an open request for this objective');
      }
      await repo.insertRequest(trx, {
        id,
        organization_id: orgId,
        from_objective_id: objective.id,
        from_plan_id: plan.id,
        cycle_id: plan.cycle_id,
        requester_id: actor.userId,
        to_unit_id: unit.id,
        message: input.message,
        needed_by: input.neededBy ?? null,
        desired_key_result: input.desiredKeyResult ? JSON.stringify(input.desiredKeyResult) : null,
        state: 'open',
        response_reason: null,
        responder_id: null,
        responded_at: null,
        created_plan_id: null,
        created_objective_id: null,
        created_key_result_id: null,
        created_at: now,
        updated_at: now,
        version: 1,
      });
      await insertAudit(trx, {
        organizationId: orgId,
        actorId: actor.userId,
        action: 'request.create',
        targetType: 'request',
        targetId: id,
        after: {
          fromObjectiveId: objective.id,
          toUnitId: unit.id,
          message: input.message,
          neededBy: input.neededBy ?? null,
          desiredKeyResult: input.desiredKeyResult ?? null,
        },
        at: now,
      });
      if (unit.leader_id !== null) {
        await notify(trx, orgId, now, [
          {
            userId: unit.leader_id,
            kind: 'request_received',
            dedupeKey: id,
            actorId: actor.userId,
            targetType: 'request',
            targetId: id,
            planId: plan.id,
            title: objective.title,
            data: { fromObjectiveId: objective.id, toUnitId: unit.id },
          },
        ]);
      }
    });
  } catch (e) {
    // two identical requests raced past the check: the partial unique index kept one
    if (isUniqueViolation(e)) {
      throw conflict('This unit already has an open request for this objective');
    }
    throw e;
  }
  return present(ctx.db, actor, id);
}

/** GET /requests/:id */
export function getRequest(ctx: AppContext, actor: Actor, id: string): Promise<SupportRequest> {
  return present(ctx.db, actor, id);
}

/** GET /requests — incoming (to units I lead; admins: all) and/or outgoing, newest first. */
export async function listRequests(
  ctx: AppContext,
  actor: Actor,
  q: ListRequestsInput,
): Promise<{ items: SupportRequest[]; nextCursor: string | null }> {
  const limit = q.limit ?? 100;
  const [at, id] = decodeCursor(q.cursor, 2) ?? [];
  const rows = await repo.listRequestViews(ctx.db, actor.organizationId, {
    userId: actor.userId,
    all: policy.manageOrganization(actor),
    limit,
    ...(q.direction !== undefined ? { direction: q.direction } : {}),
    ...(q.state !== undefined ? { state: q.state } : {}),
    ...(at !== undefined && id !== undefined ? { before: { at, id } } : {}),
  });
  const { items, nextCursor } = page(rows, limit, (r) => [r.created_at, r.id]);
  return { items: items.map(toSupportRequest), nextCursor };
}

type Responder = 'unit' | 'requester';

/**
 * Inside the transaction of an answer: locks the request, then 404 (missing or hidden) → 403
 * (not the unit's leader / the requester, nor an admin) → 409 (no longer open) → 412 (If-Match).
 */
async function openForAnswer(
  trx: DbOrTrx,
  actor: Actor,
  id: string,
  who: Responder,
  ifMatch: string | undefined,
): Promise<{ row: SupportRequestRow; view: repo.RequestView }> {
  const row = await repo.lockRequest(trx, actor.organizationId, id);
  if (!row) throw notFound('Request');
  const view = await readable(trx, actor, id);
  const allowed =
    who === 'unit'
      ? policy.respondToRequest(actor, { toUnitLeaderId: view.to_unit_leader_id })
      : policy.withdrawRequest(actor, { requesterId: row.requester_id });
  if (!allowed) {
    throw forbidden(
      who === 'unit'
        ? 'Only the leader of the unit asked, or an admin, may answer this request'
        : 'Only the requester or an admin may withdraw this request',
    );
  }
  if (row.state !== 'open') throw conflict(`The request is already ${row.state}`);
  assertIfMatch(ifMatch, row.version);
  return { row, view };
}

/** The unit's plan that receives an accepted request's objective (made as a draft if missing). */
async function receivingPlan(
  inner: AppContext,
  actor: Actor,
  row: SupportRequestRow,
  planId: string | undefined,
): Promise<string> {
  const orgId = actor.organizationId;
  if (planId !== undefined) {
    const plan = await findPlan(inner.db, orgId, planId);
    if (!plan) throw notFound('Plan');
    assertUnitPlan(plan, row, 'planId');
    return plan.id;
  }
  const existing = await repo.findUnitPlan(inner.db, orgId, row.to_unit_id, row.cycle_id);
  if (existing) return existing.id;
  const created = await createPlan(inner, actor, {
    cycleId: row.cycle_id,
    ownerType: 'unit',
    ownerId: row.to_unit_id,
  });
  return created.id;
}

function assertUnitPlan(plan: PlanRow, row: SupportRequestRow, path: string): void {
  if (plan.owner_type !== 'unit' || plan.owner_id !== row.to_unit_id) {
    throw unprocessable('Support goes into a plan of the unit asked', [
      { path, message: 'is not in a plan of the unit asked', code: 'request.not_target_unit' },
    ]);
  }
}

/**
 * The unit's plan is approved and its changes wait for the approver (organization setting
 * `adjustmentsNeedApproval`): the support could not be linked to a change that may never happen,
 * so accepting refuses (and proposes nothing).
 */
const waitsForApprover = () =>
  conflict(
    'Changes to this approved plan wait for its approver: accept into a plan that is not approved',
  );

/** The KR an accepted request creates: the acceptor's choices over the requester's wishes. */
function keyResultOf(input: AcceptRequestInput, desired: SupportRequest['desiredKeyResult']) {
  const startValue = input.startValue ?? desired?.startValue;
  const targetValue = input.targetValue ?? desired?.targetValue;
  const metricType =
    input.metricType ??
    desired?.metricType ??
    (startValue !== undefined || targetValue !== undefined ? 'number' : 'boolean');
  const unit = input.unit !== undefined ? input.unit : desired?.unit;
  const direction = input.direction ?? desired?.direction;
  return {
    metricType,
    ...(startValue !== undefined ? { startValue } : {}),
    ...(targetValue !== undefined ? { targetValue } : {}),
    ...(unit !== undefined ? { unit } : {}),
    ...(direction !== undefined ? { direction } : {}),
  };
}

/**
 * POST /requests/:id/accept — the unit's leader or an admin. `as: objective` adds an objective to
 * the unit's plan (by default its plan in the request's cycle, created as a draft when missing);
 * `as: keyResult` adds a KR to one of the unit's objectives. The plan's own rules apply (it must
 * be editable; an approved plan records the change with its reason). Everything — the new
 * objective or KR, the support link, the request's state, the audit entries, the requester's
 * notification — commits as one.
 */
export async function acceptRequest(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: AcceptRequestInput,
  ifMatch?: string,
): Promise<SupportRequest> {
  const orgId = actor.organizationId;
  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const { row, view } = await openForAnswer(trx, actor, id, 'unit', ifMatch);
    const inner = withinTransaction(ctx, trx);
    const request = toSupportRequest(view);
    const reason = input.reason ?? (row.message.trim().slice(0, 1000) || undefined);
    let created: { planId: string; objectiveId: string; keyResultId: string | null };
    if (input.as === 'objective') {
      if (input.objectiveId !== undefined) {
        throw unprocessable('An objective is created: objectiveId is for as=keyResult', [
          {
            path: 'objectiveId',
            message: 'is only for as=keyResult',
            code: 'request.objective_id',
          },
        ]);
      }
      const planId = await receivingPlan(inner, actor, row, input.planId);
      const objective = await createObjective(inner, actor, planId, {
        title: input.title ?? view.from_objective_title,
        weight: input.weight ?? 0,
        kind: 'committed',
        visibility: 'public',
        ...(reason !== undefined ? { reason } : {}),
      });
      if (isProposed(objective)) throw waitsForApprover();
      created = { planId, objectiveId: objective.id, keyResultId: null };
    } else {
      if (input.objectiveId === undefined) {
        throw unprocessable('Name the objective that gets the key result', [
          {
            path: 'objectiveId',
            message: 'is required for as=keyResult',
            code: 'request.objective_required',
          },
        ]);
      }
      const objective = await findObjective(trx, orgId, input.objectiveId);
      if (!objective) throw notFound('Objective');
      const plan = await findPlan(trx, orgId, objective.plan_id);
      if (!plan) throw notFound('Objective');
      assertUnitPlan(plan, row, 'objectiveId');
      if (input.planId !== undefined && input.planId !== plan.id) {
        throw unprocessable('The objective is in another plan', [
          { path: 'planId', message: "is not the objective's plan", code: 'request.plan_mismatch' },
        ]);
      }
      const keyResult = await createKeyResult(inner, actor, objective.id, {
        title: input.title ?? request.desiredKeyResult?.title ?? view.from_objective_title,
        weight: input.weight ?? 0,
        ...keyResultOf(input, request.desiredKeyResult),
        ...(input.ownerId !== undefined ? { ownerId: input.ownerId } : {}),
        ...(reason !== undefined ? { reason } : {}),
      });
      if (isProposed(keyResult)) throw waitsForApprover();
      created = { planId: plan.id, objectiveId: objective.id, keyResultId: keyResult.id };
    }
    const moved = await repo.updateRequest(trx, orgId, id, row.version, {
      state: 'accepted',
      responder_id: actor.userId,
      responded_at: now,
      created_plan_id: created.planId,
      created_objective_id: created.keyResultId === null ? created.objectiveId : null,
      created_key_result_id: created.keyResultId,
      updated_at: now,
    });
    if (!moved) throw changedMeanwhile();
    await repo.insertSupportLink(trx, {
      id: newId(),
      organization_id: orgId,
      request_id: id,
      supporting_objective_id: created.objectiveId,
      supporting_key_result_id: created.keyResultId,
      supported_objective_id: row.from_objective_id,
      created_by: actor.userId,
      created_at: now,
    });
    await insertAudit(trx, {
      organizationId: orgId,
      actorId: actor.userId,
      action: 'request.accept',
      targetType: 'request',
      targetId: id,
      before: { state: row.state },
      after: { state: 'accepted', as: input.as, ...created },
      at: now,
    });
    await notify(trx, orgId, now, [
      {
        userId: row.requester_id,
        kind: 'request_accepted',
        dedupeKey: id,
        actorId: actor.userId,
        targetType: 'request',
        targetId: id,
        planId: row.from_plan_id,
        title: view.from_objective_title,
        data: { as: input.as, ...created },
      },
    ]);
  });
  return present(ctx.db, actor, id);
}

/** POST /requests/:id/decline — the unit's leader or an admin, with a reason; nothing is created. */
export async function declineRequest(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { reason: string },
  ifMatch?: string,
): Promise<SupportRequest> {
  const orgId = actor.organizationId;
  const now = ctx.now().toISOString();
  if (blank(input.reason)) {
    throw unprocessable('Say why the request is declined', [
      { path: 'reason', message: 'must not be blank', code: 'text.blank' },
    ]);
  }
  await ctx.db.transaction().execute(async (trx) => {
    const { row, view } = await openForAnswer(trx, actor, id, 'unit', ifMatch);
    const moved = await repo.updateRequest(trx, orgId, id, row.version, {
      state: 'declined',
      response_reason: input.reason,
      responder_id: actor.userId,
      responded_at: now,
      updated_at: now,
    });
    if (!moved) throw changedMeanwhile();
    await insertAudit(trx, {
      organizationId: orgId,
      actorId: actor.userId,
      action: 'request.decline',
      targetType: 'request',
      targetId: id,
      before: { state: row.state },
      after: { state: 'declined' },
      reason: input.reason,
      at: now,
    });
    await notify(trx, orgId, now, [
      {
        userId: row.requester_id,
        kind: 'request_declined',
        dedupeKey: id,
        actorId: actor.userId,
        targetType: 'request',
        targetId: id,
        planId: row.from_plan_id,
        title: view.from_objective_title,
        data: { reason: input.reason },
      },
    ]);
  });
  return present(ctx.db, actor, id);
}

/** POST /requests/:id/withdraw — the requester or an admin, while it is open. */
export async function withdrawRequest(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { reason?: string },
  ifMatch?: string,
): Promise<SupportRequest> {
  const orgId = actor.organizationId;
  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const { row } = await openForAnswer(trx, actor, id, 'requester', ifMatch);
    const moved = await repo.updateRequest(trx, orgId, id, row.version, {
      state: 'withdrawn',
      response_reason: input.reason ?? null,
      responder_id: actor.userId,
      responded_at: now,
      updated_at: now,
    });
    if (!moved) throw changedMeanwhile();
    await insertAudit(trx, {
      organizationId: orgId,
      actorId: actor.userId,
      action: 'request.withdraw',
      targetType: 'request',
      targetId: id,
      before: { state: row.state },
      after: { state: 'withdrawn' },
      reason: input.reason ?? null,
      at: now,
    });
  });
  return present(ctx.db, actor, id);
}

/**
 * GET /cycles/:id/support-links — support links with either end in the cycle, from the supporting
 * objective to the supported one; links touching a private objective the caller may not read are
 * left out.
 */
export async function listSupportLinks(
  ctx: AppContext,
  actor: Actor,
  cycleId: string,
): Promise<{ items: SupportLink[] }> {
  const orgId = actor.organizationId;
  const cycle = await findCycle(ctx.db, orgId, cycleId);
  if (!cycle) throw notFound('Cycle');
  const [rows, scope] = await Promise.all([
    repo.supportLinksOfCycle(ctx.db, orgId, cycleId),
    loadPrivateReadScope(ctx.db, actor),
  ]);
  return {
    items: rows
      .filter(
        (r) =>
          isObjectiveVisible(scope, r.from_visibility, r.from_owner_type, r.from_owner_id) &&
          isObjectiveVisible(scope, r.to_visibility, r.to_owner_type, r.to_owner_id),
      )
      .map(toSupportLink),
  };
}
