/**
 * The one policy module: who may do what (api.md "Visibility and permissions").
 * Pure functions over facts the services load; organization scoping happens in every query, so
 * these functions only see resources of the actor's own organization.
 */

export interface Actor {
  userId: string;
  organizationId: string;
  role: 'admin' | 'member';
}

/** What a policy needs to know about a plan. */
export interface PlanFacts {
  ownerType: 'unit' | 'user';
  ownerId: string;
  approverId: string | null;
  /** unit plans: the unit's leader */
  ownerUnitLeaderId: string | null;
  /** leaders of the owner's unit(s) and of their ancestors (for a unit plan: that unit and up) */
  leaderIdsAbove: readonly string[];
}

const isAdmin = (a: Actor): boolean => a.role === 'admin';

export const policy = {
  /** users, units, cycles, settings, audit */
  manageOrganization: (a: Actor): boolean => isAdmin(a),
  readAudit: (a: Actor): boolean => isAdmin(a),

  /** everyone in the organization reads public plans (the seed's transparency) */
  readPlan: (_a: Actor, _p: PlanFacts): boolean => true,

  /** a private objective: its owner, the leaders of the owner's unit and its ancestors, admins */
  readPrivateObjectives: (a: Actor, p: PlanFacts): boolean =>
    isAdmin(a) ||
    (p.ownerType === 'user' && p.ownerId === a.userId) ||
    p.ownerUnitLeaderId === a.userId ||
    p.leaderIdsAbove.includes(a.userId),

  /**
   * Reads every private objective of the organization (read models that show many plans at once
   * use this to skip computing the actor's readable owners; the rule is readPrivateObjectives).
   */
  readEveryPrivateObjective: (a: Actor): boolean => isAdmin(a),

  /** writers: the owner (user plans), the unit's leader (unit plans), admins */
  writePlan: (a: Actor, p: PlanFacts): boolean =>
    isAdmin(a) ||
    (p.ownerType === 'user' && p.ownerId === a.userId) ||
    (p.ownerType === 'unit' && p.ownerUnitLeaderId === a.userId),

  /** creating a plan: the prospective owner, the unit's leader, or a leader above the owner */
  createPlan: (a: Actor, p: PlanFacts): boolean =>
    policy.writePlan(a, p) || p.leaderIdsAbove.includes(a.userId),

  submitPlan: (a: Actor, p: PlanFacts): boolean => policy.writePlan(a, p),

  /** approve / request changes: the resolved approver or an admin */
  reviewPlan: (a: Actor, p: PlanFacts): boolean =>
    isAdmin(a) || (p.approverId !== null && p.approverId === a.userId),

  /** the KR's owner may check in even when the plan belongs to someone else */
  checkIn: (a: Actor, p: PlanFacts, kr: { ownerId: string | null }): boolean =>
    policy.writePlan(a, p) || (kr.ownerId !== null && kr.ownerId === a.userId),

  /** a new action on a KR: plan writers and the KR's owner (who carries it out) */
  createAction: (a: Actor, p: PlanFacts, kr: { ownerId: string | null }): boolean =>
    policy.writePlan(a, p) || (kr.ownerId !== null && kr.ownerId === a.userId),

  /** actions: plan writers and the action's owner */
  editAction: (a: Actor, p: PlanFacts, action: { ownerId: string | null }): boolean =>
    policy.writePlan(a, p) || (action.ownerId !== null && action.ownerId === a.userId),
} as const;

export type PolicyName = keyof typeof policy;
