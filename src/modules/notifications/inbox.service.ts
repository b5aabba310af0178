/**
 * GET /inbox — what waits for me: reviews, plans sent back, key results due a check-in, unread
 * mentions, requests to my units and adjustments waiting for my decision. Each list is capped (the full lists have their own
 * endpoints: /plans?approverId=me, /notifications, /requests).
 */
import type { AppContext } from '../../context.js';
import { policy, type Actor } from '../../domain/policy.js';
import { openRequestsToLeader } from '../requests/requests.repository.js';
import { toSupportRequest } from '../requests/requests.schema.js';
import { findOrganizationClock } from '../progress/progress.repository.js';
import { checkInDueSince } from '../weekly/iso-week.js';
import { dueKeyResultsOf } from './due.repository.js';
import * as inbox from './inbox.repository.js';
import {
  toDueCheckIn,
  toInboxPlan,
  toPendingAdjustment,
  type Inbox,
  type SentBackPlan,
} from './inbox.schema.js';
import { countUnread, listNotifications } from './notifications.repository.js';
import { toNotification } from './notifications.schema.js';

const CAP = 100;

export async function getInbox(ctx: AppContext, actor: Actor): Promise<Inbox> {
  const orgId = actor.organizationId;
  const me = actor.userId;
  const { timezone } = await findOrganizationClock(ctx.db, orgId);
  const dueSince = checkInDueSince(ctx.now(), timezone);
  const admin = policy.manageOrganization(actor);
  const [waiting, sentBack, due, mentions, requests, unread, adjustments] = await Promise.all([
    inbox.plansAwaitingReview(ctx.db, orgId, me, admin, CAP),
    inbox.plansSentBack(ctx.db, orgId, me, CAP),
    dueKeyResultsOf(ctx.db, orgId, me, dueSince, CAP),
    listNotifications(ctx.db, orgId, me, { unread: true, kind: 'mention', limit: CAP - 1 }),
    openRequestsToLeader(ctx.db, orgId, me, CAP),
    countUnread(ctx.db, orgId, me),
    inbox.pendingAdjustmentsFor(ctx.db, orgId, me, admin, CAP),
  ]);
  const changeRequests = await inbox.changeRequestsOf(
    ctx.db,
    orgId,
    sentBack.map((p) => p.id),
  );
  const latest = new Map<string, (typeof changeRequests)[number]>();
  for (const r of changeRequests) if (!latest.has(r.plan_id)) latest.set(r.plan_id, r);
  return {
    reviewsWaiting: waiting.map(toInboxPlan),
    sentBack: sentBack.map((p): SentBackPlan => {
      const review = latest.get(p.id);
      return {
        ...toInboxPlan(p),
        comment: review?.comment ?? null,
        reviewerId: review?.reviewer_id ?? null,
        reviewedAt: review?.created_at ?? null,
      };
    }),
    dueCheckIns: due.map(toDueCheckIn),
    mentions: mentions.map(toNotification),
    requests: requests.map(toSupportRequest),
    pendingAdjustments: adjustments.map(toPendingAdjustment),
    unreadNotifications: unread,
    dueSince,
  };
}
