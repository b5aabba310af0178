/**
 * Access facts of a plan (policy.ts `PlanFacts`), loaded with one recursive query over the
 * owner's units and their ancestors.
 */
import type { DbOrTrx } from '../../context.js';
import type { PlanRow } from '../../db/schema.js';
import { resolveApprover, type UnitNode } from '../../domain/approver.js';
import type { PlanFacts } from '../../domain/policy.js';
import { membershipsOf, ownerUnitChain } from './owners.repository.js';

export interface PlanAccess extends PlanFacts {
  /** units whose plans this plan's objectives may align to (owners above this plan's owner) */
  alignableUnitIds: readonly string[];
}

type PlanOwner = Pick<PlanRow, 'owner_type' | 'owner_id' | 'approver_id'>;

/**
 * Facts for the policy: the owner unit's leader (unit plans) and the leaders of the owner's
 * unit(s) and all their ancestors.
 */
export async function loadPlanFacts(
  db: DbOrTrx,
  orgId: string,
  plan: PlanOwner,
): Promise<PlanAccess> {
  const chain = await ownerUnitChain(db, orgId, plan.owner_type, plan.owner_id);
  const leaders = new Set<string>();
  for (const u of chain) if (u.leader_id !== null) leaders.add(u.leader_id);
  const isUnitPlan = plan.owner_type === 'unit';
  const ownerUnit = isUnitPlan ? chain.find((u) => u.id === plan.owner_id) : undefined;
  const alignable = new Set(chain.map((u) => u.id));
  if (isUnitPlan) alignable.delete(plan.owner_id);
  return {
    ownerType: plan.owner_type,
    ownerId: plan.owner_id,
    approverId: plan.approver_id,
    ownerUnitLeaderId: ownerUnit?.leader_id ?? null,
    leaderIdsAbove: [...leaders],
    alignableUnitIds: [...alignable],
  };
}

/** Decides policy rules on one plan, loading the unit chain only when a rule needs it. */
export interface PlanFactsLoader {
  /** whether `rule` allows, with the plan's full facts */
  allows(rule: (facts: PlanFacts) => boolean): Promise<boolean>;
}

/**
 * The policy's plan rules only grant (each is an OR of conditions on the actor), so a rule that
 * allows with the plan's own facts — owner and approver, no leaders — allows with the full facts
 * too. `allows` tries those first and runs the unit-chain query (once) only when they do not
 * suffice: an admin, the owner of a user plan, or the KR's owner checking in need no chain.
 */
export function planFactsLoader(db: DbOrTrx, orgId: string, plan: PlanOwner): PlanFactsLoader {
  const own: PlanFacts = {
    ownerType: plan.owner_type,
    ownerId: plan.owner_id,
    approverId: plan.approver_id,
    ownerUnitLeaderId: null,
    leaderIdsAbove: [],
  };
  let full: Promise<PlanAccess> | undefined;
  return {
    allows: async (rule) => rule(own) || rule(await (full ??= loadPlanFacts(db, orgId, plan))),
  };
}

/**
 * Who approves a plan of this owner today (`resolveApprover`); null means an admin. For a user
 * plan the primary unit is the first unit the user belongs to and does not lead, else the first
 * one they lead.
 */
export async function resolvePlanApprover(
  db: DbOrTrx,
  orgId: string,
  owner: { ownerType: 'unit' | 'user'; ownerId: string },
): Promise<string | null> {
  const [chain, memberships] = await Promise.all([
    ownerUnitChain(db, orgId, owner.ownerType, owner.ownerId),
    owner.ownerType === 'user' ? membershipsOf(db, orgId, owner.ownerId) : Promise.resolve([]),
  ]);
  const units = new Map<string, UnitNode>();
  for (const u of chain) {
    units.set(u.id, { id: u.id, parentId: u.parent_id, leaderId: u.leader_id });
  }
  if (owner.ownerType === 'unit') {
    return resolveApprover({ type: 'unit', unitId: owner.ownerId }, units);
  }
  const mine = memberships.map((m) => m.unit_id).filter((id) => units.has(id));
  const primary = mine.find((id) => units.get(id)?.leaderId !== owner.ownerId) ?? mine[0] ?? null;
  return resolveApprover({ type: 'user', userId: owner.ownerId, primaryUnitId: primary }, units);
}
