/** The API shape of a notification and the notification list's query. */
import { Type, type Static } from '@sinclair/typebox';
import { Id, Nullable, PageQuery, Timestamp } from '../../http/schemas.js';
import type { NotificationView } from './notifications.repository.js';

export const NotificationKind = Type.Union([
  Type.Literal('plan_submitted'),
  Type.Literal('plan_approved'),
  Type.Literal('plan_changes_requested'),
  Type.Literal('mention'),
  Type.Literal('request_received'),
  Type.Literal('request_accepted'),
  Type.Literal('request_declined'),
  Type.Literal('check_in_reminder'),
]);

export const NotificationSchema = Type.Object(
  {
    id: Id,
    kind: NotificationKind,
    read: Type.Boolean(),
    readAt: Nullable(Timestamp),
    createdAt: Timestamp,
    /** who caused it; null for scheduled reminders */
    actorId: Nullable(Id),
    actorName: Nullable(Type.String()),
    /** what it is about: plan, objective, keyResult, checkIn, comment, request */
    targetType: Nullable(Type.String()),
    targetId: Nullable(Id),
    planId: Nullable(Id),
    /** the target's title (or owner's name) when the notification was made */
    title: Nullable(Type.String()),
    /**
     * details by kind: mention {commentId, commentTargetType, commentTargetId};
     * plan_* {comment}; request_* {reason?}; check_in_reminder {isoWeek, keyResultIds}
     */
    data: Type.Record(Type.String(), Type.Unknown()),
  },
  { $id: 'Notification' },
);
export type Notification = Static<typeof NotificationSchema>;

export const ListNotificationsQuery = Type.Object(
  {
    /** true: only unread; false: only read; absent: all */
    unread: Type.Optional(Type.Boolean()),
    kind: Type.Optional(NotificationKind),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type ListNotificationsInput = Static<typeof ListNotificationsQuery>;

function parseData(text: string): Record<string, unknown> {
  try {
    const v = JSON.parse(text) as unknown;
    return typeof v === 'object' && v !== null && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/** row → API */
export function toNotification(row: NotificationView): Notification {
  return {
    id: row.id,
    kind: row.kind,
    read: row.read_at !== null,
    readAt: row.read_at,
    createdAt: row.created_at,
    actorId: row.actor_id,
    actorName: row.actor_name,
    targetType: row.target_type,
    targetId: row.target_id,
    planId: row.plan_id,
    title: row.title,
    data: parseData(row.data),
  };
}
