/**
 * The rule for changing an approved plan (domain.md "After approval, edits need a reason and are
 * recorded as adjustments"; the seed's 及时调整). A service that changes a plan's objectives or KRs
 * asks `gateChange` inside its transaction, after its own checks:
 * - `free`: the plan is not approved (a draft): change it, no adjustment;
 * - `apply`: change it, then `recordApplied` (an adjustment row and a new plan version);
 * - `propose`: the organization wants adjustments approved and the actor is not the approver:
 *   do not change anything, `recordProposal` instead (the approved values stay in force).
 */
import type { DbOrTrx } from '../../context.js';
import type { AdjustmentTable, PlanRow } from '../../db/schema.js';
import { notFound, unprocessable } from '../../domain/errors.js';
import { policy, type Actor, type PlanFacts } from '../../domain/policy.js';
import { parseSettings } from '../../domain/settings.js';
import { newId } from '../../shared/ids.js';
import { insertAudit } from '../audit/audit.repository.js';
import {
  findAdjustmentView,
  insertAdjustment,
  organizationSettings,
  setAdjustmentTarget,
} from './adjustments.repository.js';
import { toAdjustment, type Proposed } from './adjustments.schema.js';
import { recordPlanVersion } from './snapshot.js';

/** A pending adjustment being accepted: its change is replayed under its reason. */
export interface Accepting {
  adjustmentId: string;
  reason: string;
}

/** Options of the services that change a plan's tree. */
export interface ChangeOptions {
  /** set when accepting a pending adjustment (the approver replays the proposed change) */
  accepting?: Accepting;
}

export type Gate =
  | { mode: 'free' }
  | { mode: 'apply'; reason: string; accepting: Accepting | null }
  | { mode: 'propose'; reason: string };

/** The plan's writers may change it; while accepting, the approver (or an admin) replays it. */
export function changeAllowed(
  actor: Actor,
  opts: ChangeOptions,
): { allow?: (facts: PlanFacts) => boolean } {
  return opts.accepting ? { allow: (facts) => policy.decideAdjustment(actor, facts) } : {};
}

/** 422 naming `reason` (nothing changes). */
export const reasonRequired = () =>
  unprocessable('A change to an approved plan needs a reason', [
    {
      path: 'reason',
      message: 'is required to change an approved plan',
      code: 'adjustment.reason_required',
    },
  ]);

/**
 * How a change to `plan` proceeds (see the module comment); 422 naming `reason` when the plan is
 * approved and no reason is given. Call it only for changes that change something.
 */
export async function gateChange(
  db: DbOrTrx,
  actor: Actor,
  plan: PlanRow,
  facts: PlanFacts,
  reason: string | null | undefined,
  opts: ChangeOptions,
): Promise<Gate> {
  if (opts.accepting) {
    return { mode: 'apply', reason: opts.accepting.reason, accepting: opts.accepting };
  }
  if (plan.state !== 'approved') return { mode: 'free' };
  const text = reason?.trim() ?? '';
  if (text === '') throw reasonRequired();
  const settings = parseSettings(await organizationSettings(db, actor.organizationId));
  if (settings.adjustmentsNeedApproval && !policy.adjustWithoutApproval(actor, facts)) {
    return { mode: 'propose', reason: text };
  }
  return { mode: 'apply', reason: text, accepting: null };
}

/** The reason an audit entry of the change records. */
export function auditReason(gate: Gate, given: string | null | undefined): string | null {
  return gate.mode === 'free' ? (given ?? null) : gate.reason;
}

/** What changed, for the adjustment row. */
export interface ChangeRecord {
  planId: string;
  targetType: AdjustmentTable['target_type'];
  targetId: string | null;
  objectiveId: string | null;
  kind: AdjustmentTable['kind'];
  before: unknown;
  after: unknown;
  /** a private objective is involved */
  private: boolean;
}

function row(
  actor: Actor,
  change: ChangeRecord,
  reason: string,
  status: 'applied' | 'pending',
  request: unknown,
  at: string,
): AdjustmentTable {
  return {
    id: newId(),
    organization_id: actor.organizationId,
    plan_id: change.planId,
    target_type: change.targetType,
    target_id: change.targetId,
    objective_id: change.objectiveId,
    kind: change.kind,
    before: change.before === null ? null : JSON.stringify(change.before),
    after: change.after === null ? null : JSON.stringify(change.after),
    request: request === undefined ? null : JSON.stringify(request),
    reason,
    visibility: change.private ? 'private' : 'public',
    actor_id: actor.userId,
    created_at: at,
    status,
    decided_by: null,
    decided_at: null,
    decision_comment: null,
    version: 1,
  };
}

/**
 * After a change made under `apply`: records the adjustment (or, when accepting, links the
 * accepted one to what it created) and stores the plan's new version.
 */
export async function recordApplied(
  db: DbOrTrx,
  actor: Actor,
  gate: Gate,
  change: ChangeRecord,
  at: string,
): Promise<void> {
  if (gate.mode !== 'apply') return;
  let adjustmentId: string;
  if (gate.accepting) {
    adjustmentId = gate.accepting.adjustmentId;
    if (change.kind === 'create' && change.targetId !== null) {
      await setAdjustmentTarget(db, actor.organizationId, adjustmentId, change.targetId);
    }
  } else {
    const applied = row(actor, change, gate.reason, 'applied', undefined, at);
    await insertAdjustment(db, applied);
    adjustmentId = applied.id;
  }
  await recordPlanVersion(db, {
    organizationId: actor.organizationId,
    planId: change.planId,
    cause: 'adjustment',
    adjustmentId,
    actorId: actor.userId,
    at,
  });
}

/**
 * Under `propose`: records a pending adjustment holding `request` (what to replay on accept) and
 * its audit entry. Nothing else changes. Returns the adjustment's id.
 */
export async function recordProposal(
  db: DbOrTrx,
  actor: Actor,
  gate: Extract<Gate, { mode: 'propose' }>,
  change: ChangeRecord,
  request: unknown,
  at: string,
): Promise<string> {
  const pending = row(actor, change, gate.reason, 'pending', request, at);
  await insertAdjustment(db, pending);
  await insertAudit(db, {
    organizationId: actor.organizationId,
    actorId: actor.userId,
    action: 'adjustment.propose',
    targetType: 'adjustment',
    targetId: pending.id,
    after: {
      planId: change.planId,
      targetType: change.targetType,
      targetId: change.targetId,
      kind: change.kind,
      request,
    },
    reason: gate.reason,
    at,
  });
  return pending.id;
}

/** The API answer for a change that became a pending adjustment. */
export async function presentProposal(db: DbOrTrx, orgId: string, id: string): Promise<Proposed> {
  const view = await findAdjustmentView(db, orgId, id);
  if (!view) throw notFound('Adjustment');
  return { proposed: toAdjustment(view) };
}
