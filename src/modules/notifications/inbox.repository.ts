/** SQL for the inbox: plans waiting for my review, my plans sent back. Scoped to one organization. */
import type { DbOrTrx } from '../../context.js';

/** plans with their cycle's name and their owner's name */
function planViews(db: DbOrTrx, orgId: string) {
  return db
    .selectFrom('plans as p')
    .innerJoin('cycles as c', 'c.id', 'p.cycle_id')
    .leftJoin('units as u', (j) =>
      j.onRef('u.id', '=', 'p.owner_id').on('p.owner_type', '=', 'unit'),
    )
    .leftJoin('users as ou', (j) =>
      j.onRef('ou.id', '=', 'p.owner_id').on('p.owner_type', '=', 'user'),
    )
    .select([
      'p.id',
      'p.cycle_id',
      'p.owner_type',
      'p.owner_id',
      'p.state',
      'p.approver_id',
      'p.submitted_at',
      'p.updated_at',
      'p.version',
      'c.name as cycle_name',
      'u.name as unit_name',
      'ou.name as user_name',
    ])
    .where('p.organization_id', '=', orgId);
}

export type InboxPlanRow = Awaited<ReturnType<typeof plansAwaitingReview>>[number];

/** Plans in review whose approver is `userId` (admins: also those no leader approves). */
export function plansAwaitingReview(
  db: DbOrTrx,
  orgId: string,
  userId: string,
  withUnassigned: boolean,
  limit: number,
) {
  return planViews(db, orgId)
    .where('p.state', '=', 'in_review')
    .where((eb) =>
      withUnassigned
        ? eb.or([eb('p.approver_id', '=', userId), eb('p.approver_id', 'is', null)])
        : eb('p.approver_id', '=', userId),
    )
    .orderBy('p.submitted_at')
    .orderBy('p.id')
    .limit(limit)
    .execute();
}

/** Plans sent back for changes that `userId` writes (their own, or their unit's as its leader). */
export function plansSentBack(db: DbOrTrx, orgId: string, userId: string, limit: number) {
  return planViews(db, orgId)
    .where('p.state', '=', 'changes_requested')
    .where((eb) =>
      eb.or([
        eb.and([eb('p.owner_type', '=', 'user'), eb('p.owner_id', '=', userId)]),
        eb.and([eb('p.owner_type', '=', 'unit'), eb('u.leader_id', '=', userId)]),
      ]),
    )
    .orderBy('p.updated_at', 'desc')
    .orderBy('p.id')
    .limit(limit)
    .execute();
}

/** The change requests of these plans, newest first. */
export function changeRequestsOf(db: DbOrTrx, orgId: string, planIds: readonly string[]) {
  if (planIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('reviews')
    .select(['plan_id', 'comment', 'reviewer_id', 'created_at'])
    .where('organization_id', '=', orgId)
    .where('plan_id', 'in', [...planIds])
    .where('decision', '=', 'changes_requested')
    .orderBy('created_at', 'desc')
    .execute();
}

/**
 * Adjustments waiting for `userId`'s decision (issue 3 part A: changes to approved plans when
 * `adjustmentsNeedApproval` is on): pending ones on plans they approve (admins: also on plans no
 * leader approves), oldest first.
 */
export function pendingAdjustmentsFor(
  db: DbOrTrx,
  orgId: string,
  userId: string,
  withUnassigned: boolean,
  limit: number,
) {
  return db
    .selectFrom('adjustments as a')
    .innerJoin('plans as p', 'p.id', 'a.plan_id')
    .select([
      'a.id',
      'a.plan_id',
      'a.target_type',
      'a.target_id',
      'a.objective_id',
      'a.kind',
      'a.reason',
      'a.actor_id',
      'a.created_at',
      'p.cycle_id',
    ])
    .where('a.organization_id', '=', orgId)
    .where('a.status', '=', 'pending')
    .where((eb) =>
      withUnassigned
        ? eb.or([eb('p.approver_id', '=', userId), eb('p.approver_id', 'is', null)])
        : eb('p.approver_id', '=', userId),
    )
    .orderBy('a.created_at')
    .orderBy('a.id')
    .limit(limit)
    .execute();
}
