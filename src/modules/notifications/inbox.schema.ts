/** The API shape of the inbox: what waits for me. */
import { Type, type Static } from '@sinclair/typebox';
import { Fraction, Id, Nullable, Timestamp } from '../../http/schemas.js';
import { PlanState } from '../plans/plans.schema.js';
import { SupportRequestSchema } from '../requests/requests.schema.js';
import type { DueKeyResultRow } from './due.repository.js';
import type { InboxPlanRow, pendingAdjustmentsFor } from './inbox.repository.js';
import { NotificationSchema } from './notifications.schema.js';

const planFields = {
  planId: Id,
  cycleId: Id,
  cycleName: Type.String(),
  ownerType: Type.Union([Type.Literal('unit'), Type.Literal('user')]),
  ownerId: Id,
  ownerName: Nullable(Type.String()),
  state: PlanState,
  approverId: Nullable(Id),
  submittedAt: Nullable(Timestamp),
  updatedAt: Timestamp,
  version: Type.Integer(),
};

export const InboxPlanSchema = Type.Object(planFields);
export type InboxPlan = Static<typeof InboxPlanSchema>;

export const SentBackPlanSchema = Type.Object({
  ...planFields,
  /** the latest change request: what to change, by whom, when */
  comment: Nullable(Type.String()),
  reviewerId: Nullable(Id),
  reviewedAt: Nullable(Timestamp),
});
export type SentBackPlan = Static<typeof SentBackPlanSchema>;

export const DueCheckInSchema = Type.Object({
  keyResultId: Id,
  title: Type.String(),
  objectiveId: Id,
  objectiveTitle: Type.String(),
  planId: Id,
  cycleId: Id,
  ownerId: Nullable(Id),
  currentValue: Type.Number(),
  targetValue: Type.Number(),
  progress: Fraction,
  /** null: never checked in */
  lastCheckInAt: Nullable(Timestamp),
});
export type DueCheckIn = Static<typeof DueCheckInSchema>;

export const PendingAdjustmentSchema = Type.Object({
  adjustmentId: Id,
  planId: Id,
  cycleId: Id,
  targetType: Type.String(),
  /** null for a proposed creation */
  targetId: Nullable(Id),
  objectiveId: Nullable(Id),
  kind: Type.String(),
  reason: Type.String(),
  actorId: Id,
  createdAt: Timestamp,
});
export type PendingAdjustment = Static<typeof PendingAdjustmentSchema>;

export const InboxSchema = Type.Object(
  {
    /** plans in review where I am the approver (admins: also plans no leader approves) */
    reviewsWaiting: Type.Array(InboxPlanSchema),
    /** my plans (or my unit's, as its leader) sent back for changes */
    sentBack: Type.Array(SentBackPlanSchema),
    /**
     * KRs I am responsible for (I own them, or they have no owner and I write their plan) in
     * approved plans of active cycles, with no check-in since `dueSince`
     */
    dueCheckIns: Type.Array(DueCheckInSchema),
    /** unread mentions */
    mentions: Type.Array(Type.Ref(NotificationSchema)),
    /** open requests to the units I lead */
    requests: Type.Array(Type.Ref(SupportRequestSchema)),
    /** changes to approved plans waiting for my decision (organization setting adjustmentsNeedApproval) */
    pendingAdjustments: Type.Array(PendingAdjustmentSchema),
    unreadNotifications: Type.Integer(),
    /** this week's start (Monday 00:00 in the organization's timezone): KRs not checked in since are due */
    dueSince: Timestamp,
  },
  { $id: 'Inbox' },
);
export type Inbox = Static<typeof InboxSchema>;

/** row → API */
export function toInboxPlan(row: InboxPlanRow): InboxPlan {
  return {
    planId: row.id,
    cycleId: row.cycle_id,
    cycleName: row.cycle_name,
    ownerType: row.owner_type,
    ownerId: row.owner_id,
    ownerName: row.unit_name ?? row.user_name,
    state: row.state,
    approverId: row.approver_id,
    submittedAt: row.submitted_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

/** row → API */
export function toDueCheckIn(row: DueKeyResultRow): DueCheckIn {
  return {
    keyResultId: row.id,
    title: row.title,
    objectiveId: row.objective_id,
    objectiveTitle: row.objective_title,
    planId: row.plan_id,
    cycleId: row.cycle_id,
    ownerId: row.owner_id,
    currentValue: row.current_value,
    targetValue: row.target_value,
    progress: row.progress,
    lastCheckInAt: row.last_check_in_at,
  };
}

/** row → API */
export function toPendingAdjustment(
  row: Awaited<ReturnType<typeof pendingAdjustmentsFor>>[number],
): PendingAdjustment {
  return {
    adjustmentId: row.id,
    planId: row.plan_id,
    cycleId: row.cycle_id,
    targetType: row.target_type,
    targetId: row.target_id,
    objectiveId: row.objective_id,
    kind: row.kind,
    reason: row.reason,
    actorId: row.actor_id,
    createdAt: row.created_at,
  };
}
