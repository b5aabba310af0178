/** Drag-to-order: a new order of siblings (a plan's objectives, an objective's KRs). */
import type { DbOrTrx } from '../../context.js';
import type { PlanRow } from '../../db/schema.js';
import { unprocessable } from '../../domain/errors.js';
import type { Actor, PlanFacts } from '../../domain/policy.js';
import {
  auditReason,
  gateChange,
  recordApplied,
  recordProposal,
  type ChangeOptions,
} from '../adjustments/gate.js';
import { insertAudit } from '../audit/audit.repository.js';

/** 422 unless `ids` lists each of `current` exactly once. */
export function assertPermutation(
  ids: readonly string[],
  current: readonly string[],
  path: string,
): void {
  const wanted = new Set(current);
  const given = new Set(ids);
  if (given.size === ids.length && ids.length === wanted.size && ids.every((i) => wanted.has(i))) {
    return;
  }
  throw unprocessable('List each item exactly once', [
    {
      path,
      message: `must list each of the ${wanted.size} items exactly once`,
      code: 'reorder.not_a_permutation',
    },
  ]);
}

export interface Reorder {
  plan: PlanRow;
  facts: PlanFacts;
  /** the siblings as stored */
  current: ReadonlyArray<{ id: string; priority: number }>;
  /** their ids in the new order (named `path` in a 422) */
  order: readonly string[];
  path: string;
  reason: string | undefined;
  /** what the change replays when a pending adjustment of it is accepted */
  request: unknown;
  /** the parent whose children move: the plan (objectives) or an objective (its KRs) */
  parent: { type: 'plan' | 'objective'; id: string; objectiveId: string | null };
  private: boolean;
  setPriority: (id: string, priority: number) => Promise<unknown>;
  now: string;
}

/**
 * Priorities become 1..n in `order`, in the caller's transaction. On an approved plan a real
 * move needs a reason and is an adjustment (audited as `<parent>.reorder`); when the
 * organization wants adjustments approved, nothing moves and the pending adjustment's id is
 * returned instead.
 */
export async function applyReorder(
  trx: DbOrTrx,
  actor: Actor,
  r: Reorder,
  opts: ChangeOptions,
): Promise<{ proposed: string } | undefined> {
  assertPermutation(
    r.order,
    r.current.map((x) => x.id),
    r.path,
  );
  const priorityOf = new Map(r.current.map((x) => [x.id, x.priority]));
  const moves = r.order.some((id, i) => priorityOf.get(id) !== i + 1);
  const gate = moves
    ? await gateChange(trx, actor, r.plan, r.facts, r.reason, opts)
    : ({ mode: 'free' } as const);
  const before = r.current.map((x) => x.id);
  const change = {
    planId: r.plan.id,
    targetType: r.parent.type,
    targetId: r.parent.id,
    objectiveId: r.parent.objectiveId,
    kind: 'reorder' as const,
    before,
    after: r.order,
    private: r.private,
  };
  if (gate.mode === 'propose') {
    return { proposed: await recordProposal(trx, actor, gate, change, r.request, r.now) };
  }
  for (const [i, id] of r.order.entries()) {
    if (priorityOf.get(id) !== i + 1) await r.setPriority(id, i + 1);
  }
  await insertAudit(trx, {
    organizationId: actor.organizationId,
    actorId: actor.userId,
    action: `${r.parent.type}.reorder`,
    targetType: r.parent.type,
    targetId: r.parent.id,
    before,
    after: r.order,
    reason: auditReason(gate, r.reason),
    at: r.now,
  });
  await recordApplied(trx, actor, gate, change, r.now);
  return undefined;
}
