/**
 * Notifications: created inside the transaction of what causes them (review decisions, mentions,
 * requests, scheduled reminders), one per (user, kind, key) however often or concurrently the
 * cause repeats; read by their recipient alone. Reading them never writes (only marking them read
 * does).
 */
import type { AppContext, DbOrTrx } from '../../context.js';
import type { NotificationKind, NotificationTable } from '../../db/schema.js';
import { notFound } from '../../domain/errors.js';
import { policy, type Actor } from '../../domain/policy.js';
import { decodeCursor, page } from '../../shared/cursor.js';
import { newId } from '../../shared/ids.js';
import { insertAudit } from '../audit/audit.repository.js';
import * as repo from './notifications.repository.js';
import {
  toNotification,
  type ListNotificationsInput,
  type Notification,
} from './notifications.schema.js';

/** One notification to create. */
export interface Notice {
  userId: string;
  kind: NotificationKind;
  /** with user and kind, what makes it unique: the source's id, or the period of a reminder */
  dedupeKey: string;
  actorId: string | null;
  targetType?: string | null;
  targetId?: string | null;
  planId?: string | null;
  title?: string | null;
  data?: Record<string, unknown>;
}

/**
 * Creates `notices` with the caller's transaction (never for the actor themself; a notice whose
 * key exists already is skipped). Inserts in user order, so concurrent writers lock alike.
 * Returns the ids of the users notified.
 */
export async function notify(
  db: DbOrTrx,
  orgId: string,
  at: string,
  notices: readonly Notice[],
): Promise<string[]> {
  const seen = new Set<string>();
  const rows: NotificationTable[] = [];
  for (const n of notices) {
    const key = `${n.userId}\u0000${n.kind}\u0000${n.dedupeKey}`;
    if (n.userId === n.actorId || seen.has(key)) continue;
    seen.add(key);
    rows.push({
      id: newId(),
      organization_id: orgId,
      user_id: n.userId,
      kind: n.kind,
      dedupe_key: n.dedupeKey,
      actor_id: n.actorId,
      target_type: n.targetType ?? null,
      target_id: n.targetId ?? null,
      plan_id: n.planId ?? null,
      title: n.title ?? null,
      data: JSON.stringify(n.data ?? {}),
      read_at: null,
      created_at: at,
    });
  }
  rows.sort((a, b) => (a.user_id < b.user_id ? -1 : a.user_id > b.user_id ? 1 : 0));
  const inserted = await repo.insertNotifications(db, rows);
  return inserted.map((r) => r.user_id);
}

const REVIEW_KIND = {
  submitted: 'plan_submitted',
  approved: 'plan_approved',
  changes_requested: 'plan_changes_requested',
} as const;

/** One step of the review loop, as its `reviews` row records it. */
export interface ReviewEvent {
  /** the review row's id: the notification's key, so one decision notifies once */
  id: string;
  planId: string;
  decision: keyof typeof REVIEW_KIND;
  comment: string | null;
  reviewerId: string;
  at: string;
}

/**
 * Notifies whom a review decision concerns, with the decision's transaction (call it after the
 * plan's state and approver are updated): a submitted plan → its approver (none when an admin
 * approves it); approved or sent back → its writer (the user who owns it, or its unit's leader).
 * Nobody is notified of their own decision.
 */
export async function notifyReview(db: DbOrTrx, orgId: string, review: ReviewEvent): Promise<void> {
  const plan = await repo.reviewNoticeFacts(db, orgId, review.planId);
  if (!plan) return;
  const recipient =
    review.decision === 'submitted'
      ? plan.approver_id
      : plan.owner_type === 'user'
        ? plan.owner_id
        : plan.leader_id;
  if (recipient === null) return;
  await notify(db, orgId, review.at, [
    {
      userId: recipient,
      kind: REVIEW_KIND[review.decision],
      dedupeKey: review.id,
      actorId: review.reviewerId,
      targetType: 'plan',
      targetId: review.planId,
      planId: review.planId,
      title: plan.unit_name ?? plan.user_name,
      data: { comment: review.comment, cycleId: plan.cycle_id },
    },
  ]);
}

/** GET /notifications — the caller's, newest first. */
export async function listNotifications(
  ctx: AppContext,
  actor: Actor,
  q: ListNotificationsInput,
): Promise<{ items: Notification[]; nextCursor: string | null }> {
  const orgId = actor.organizationId;
  const limit = q.limit ?? 100;
  const [at, id] = decodeCursor(q.cursor, 2) ?? [];
  const rows = await repo.listNotifications(ctx.db, orgId, actor.userId, {
    limit,
    ...(q.unread !== undefined ? { unread: q.unread } : {}),
    ...(q.kind !== undefined ? { kind: q.kind } : {}),
    ...(at !== undefined && id !== undefined ? { before: { at, id } } : {}),
  });
  const { items, nextCursor } = page(rows, limit, (r) => [r.created_at, r.id]);
  return { items: items.map(toNotification), nextCursor };
}

/** POST /notifications/:id/read — the recipient only (anyone else: 404); reading twice is a no-op. */
export async function readNotification(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<Notification> {
  const orgId = actor.organizationId;
  const now = ctx.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const found = await repo.findNotification(trx, orgId, id);
    if (!found || !policy.readNotification(actor, { userId: found.user_id })) {
      throw notFound('Notification');
    }
    if (await repo.markRead(trx, orgId, actor.userId, id, now)) {
      await insertAudit(trx, {
        organizationId: orgId,
        actorId: actor.userId,
        action: 'notification.read',
        targetType: 'notification',
        targetId: id,
        after: { readAt: now },
        at: now,
      });
    }
    const row = await repo.findNotification(trx, orgId, id);
    if (!row) throw notFound('Notification');
    return toNotification(row);
  });
}

/** POST /notifications/read-all — every unread notification of the caller. */
export async function readAllNotifications(
  ctx: AppContext,
  actor: Actor,
): Promise<{ updated: number }> {
  const orgId = actor.organizationId;
  const now = ctx.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const updated = await repo.markAllRead(trx, orgId, actor.userId, now);
    if (updated > 0) {
      await insertAudit(trx, {
        organizationId: orgId,
        actorId: actor.userId,
        action: 'notification.readAll',
        targetType: 'user',
        targetId: actor.userId,
        after: { updated, readAt: now },
        at: now,
      });
    }
    return { updated };
  });
}
