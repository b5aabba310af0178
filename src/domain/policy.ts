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

  /**
   * A change to an approved plan takes effect at once even when the organization wants
   * adjustments approved (`adjustmentsNeedApproval`): the approver or an admin.
   */
  adjustWithoutApproval: (a: Actor, p: PlanFacts): boolean => policy.reviewPlan(a, p),

  /** accept or reject a pending adjustment: the approver or an admin */
  decideAdjustment: (a: Actor, p: PlanFacts): boolean => policy.reviewPlan(a, p),

  /** the self score of a KR: its owner and the plan's writers */
  selfScore: (a: Actor, p: PlanFacts, kr: { ownerId: string | null }): boolean =>
    policy.writePlan(a, p) || (kr.ownerId !== null && kr.ownerId === a.userId),

  /** the final score of a KR: the plan's approver or an admin */
  finalScore: (a: Actor, p: PlanFacts): boolean => policy.reviewPlan(a, p),

  /** close a plan (scores fixed): the approver or an admin */
  closePlan: (a: Actor, p: PlanFacts): boolean => policy.reviewPlan(a, p),

  /** the plan's retrospective (复盘): its writers */
  writeRetrospective: (a: Actor, p: PlanFacts): boolean => policy.writePlan(a, p),

  /** copy unfinished objectives and KRs of a plan into the owner's next plan: its writers */
  carryOver: (a: Actor, p: PlanFacts): boolean => policy.writePlan(a, p),

  // ── collaboration (issue 3 part B): requests, comments, notifications, weekly updates ──

  /** a support request (协同) for an objective: the writers of the objective's plan */
  requestSupport: (a: Actor, from: PlanFacts): boolean => policy.writePlan(a, from),

  /** accept or decline a request: the leader of the unit asked, admins */
  respondToRequest: (a: Actor, r: { toUnitLeaderId: string | null }): boolean =>
    isAdmin(a) || (r.toUnitLeaderId !== null && r.toUnitLeaderId === a.userId),

  /** withdraw an open request: whoever made it, admins */
  withdrawRequest: (a: Actor, r: { requesterId: string }): boolean =>
    isAdmin(a) || r.requesterId === a.userId,

  /**
   * Read a request: its parties (the requester, the unit's leader, the requesting plan's private
   * readers, admins) always; everyone else while the requesting objective is public.
   */
  readRequest: (
    a: Actor,
    r: { requesterId: string; toUnitLeaderId: string | null; visibility: 'public' | 'private' },
    from: PlanFacts,
  ): boolean =>
    r.visibility === 'public' ||
    r.requesterId === a.userId ||
    r.toUnitLeaderId === a.userId ||
    policy.readPrivateObjectives(a, from),

  /** comments: whoever reads the target reads and writes its comments */
  commentOn: (a: Actor, p: PlanFacts, visibility: 'public' | 'private'): boolean =>
    policy.readPlan(a, p) && (visibility === 'public' || policy.readPrivateObjectives(a, p)),

  /** a comment is edited by its author only */
  editComment: (a: Actor, c: { authorId: string }): boolean => c.authorId === a.userId,

  /** a comment is deleted by its author or an admin */
  deleteComment: (a: Actor, c: { authorId: string }): boolean =>
    isAdmin(a) || c.authorId === a.userId,

  /** notifications belong to their recipient alone */
  readNotification: (a: Actor, n: { userId: string }): boolean => n.userId === a.userId,

  /** a weekly update (周报) is written by its person only */
  writeWeeklyUpdate: (a: Actor, ownerId: string): boolean => a.userId === ownerId,

  /** a unit's weekly updates: the unit's leader, the leaders of the units above, admins */
  readUnitWeekly: (a: Actor, u: { leaderIds: readonly string[] }): boolean =>
    isAdmin(a) || u.leaderIds.includes(a.userId),
} as const;

export type PolicyName = keyof typeof policy;
