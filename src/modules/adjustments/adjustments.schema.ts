/** The API shape of adjustments, plan history, plan versions and diffs, and their requests. */
import { Type, type Static } from '@sinclair/typebox';
import type { PlanChange, PlanSnapshot } from '../../domain/diff.js';
import { DateString, Id, LongText, Nullable, PageQuery, Timestamp } from '../../http/schemas.js';
import type { AdjustmentView } from './adjustments.repository.js';
import type { PlanVersionView } from './versions.repository.js';

export const AdjustmentStatus = Type.Union([
  Type.Literal('applied'),
  Type.Literal('pending'),
  Type.Literal('accepted'),
  Type.Literal('rejected'),
]);
export const AdjustmentKind = Type.Union([
  Type.Literal('create'),
  Type.Literal('update'),
  Type.Literal('delete'),
  Type.Literal('reorder'),
]);
export const AdjustmentTargetType = Type.Union([
  Type.Literal('objective'),
  Type.Literal('keyResult'),
  Type.Literal('plan'),
]);

/** who did something: `{id, name}` */
export const PersonRef = Type.Object({ id: Id, name: Nullable(Type.String()) });
export type PersonRef = Static<typeof PersonRef>;

export const AdjustmentSchema = Type.Object(
  {
    id: Id,
    planId: Id,
    targetType: AdjustmentTargetType,
    /** null while a proposed create waits (nothing exists yet) */
    targetId: Nullable(Id),
    /** the objective involved (the target, or the KR's objective) */
    objectiveId: Nullable(Id),
    kind: AdjustmentKind,
    /** the defining fields before (null for a create) */
    before: Type.Unknown(),
    /** the defining fields after (null for a delete) */
    after: Type.Unknown(),
    reason: Type.String(),
    status: AdjustmentStatus,
    actor: PersonRef,
    createdAt: Timestamp,
    decidedBy: Nullable(PersonRef),
    decidedAt: Nullable(Timestamp),
    decisionComment: Nullable(Type.String()),
    version: Type.Integer(),
  },
  { $id: 'Adjustment' },
);
export type Adjustment = Static<typeof AdjustmentSchema>;

/** What a change to an approved plan answers when it waits for the approver (HTTP 202). */
export interface Proposed {
  proposed: Adjustment;
}

/** True when a change became a pending adjustment instead of taking effect. */
export function isProposed(x: unknown): x is Proposed {
  return typeof x === 'object' && x !== null && 'proposed' in x;
}

const parse = (json: string | null): unknown => (json === null ? null : JSON.parse(json));

/** adjustment row (with names) → API */
export function toAdjustment(v: AdjustmentView): Adjustment {
  return {
    id: v.id,
    planId: v.plan_id,
    targetType: v.target_type,
    targetId: v.target_id,
    objectiveId: v.objective_id,
    kind: v.kind,
    before: parse(v.before),
    after: parse(v.after),
    reason: v.reason,
    status: v.status,
    actor: { id: v.actor_id, name: v.actor_name },
    createdAt: v.created_at,
    decidedBy: v.decided_by === null ? null : { id: v.decided_by, name: v.decided_by_name },
    decidedAt: v.decided_at,
    decisionComment: v.decision_comment,
    version: v.version,
  };
}

export const ListAdjustmentsQuery = Type.Object(
  { status: Type.Optional(AdjustmentStatus), ...PageQuery },
  { additionalProperties: false },
);
export type ListAdjustmentsInput = Static<typeof ListAdjustmentsQuery>;

export const AcceptAdjustmentBody = Type.Object(
  { comment: Type.Optional(LongText) },
  { additionalProperties: false },
);
export const RejectAdjustmentBody = Type.Object(
  { comment: Type.String({ minLength: 1, maxLength: 5000 }) },
  { additionalProperties: false },
);

/** One entry of a plan's history: a review decision or an adjustment. */
export const HistoryItemSchema = Type.Object(
  {
    type: Type.Union([Type.Literal('review'), Type.Literal('adjustment')]),
    id: Id,
    at: Timestamp,
    actor: PersonRef,
    /** reviews: submitted, approved or changes_requested */
    decision: Type.Optional(
      Type.Union([
        Type.Literal('submitted'),
        Type.Literal('approved'),
        Type.Literal('changes_requested'),
      ]),
    ),
    /** reviews: the reviewer's comment */
    comment: Type.Optional(Nullable(Type.String())),
    /** adjustments: what changed and why */
    kind: Type.Optional(AdjustmentKind),
    targetType: Type.Optional(AdjustmentTargetType),
    targetId: Type.Optional(Nullable(Id)),
    reason: Type.Optional(Type.String()),
    status: Type.Optional(AdjustmentStatus),
    before: Type.Optional(Type.Unknown()),
    after: Type.Optional(Type.Unknown()),
    decidedBy: Type.Optional(Nullable(PersonRef)),
    decidedAt: Type.Optional(Nullable(Timestamp)),
    decisionComment: Type.Optional(Nullable(Type.String())),
  },
  { $id: 'PlanHistoryItem' },
);
export type HistoryItem = Static<typeof HistoryItemSchema>;

/** adjustment → history entry */
export function adjustmentHistoryItem(a: Adjustment): HistoryItem {
  return {
    type: 'adjustment',
    id: a.id,
    at: a.createdAt,
    actor: a.actor,
    kind: a.kind,
    targetType: a.targetType,
    targetId: a.targetId,
    reason: a.reason,
    status: a.status,
    before: a.before,
    after: a.after,
    decidedBy: a.decidedBy,
    decidedAt: a.decidedAt,
    decisionComment: a.decisionComment,
  };
}

const KeyResultSnapshotSchema = Type.Object({
  id: Id,
  title: Type.String(),
  metricType: Type.String(),
  unit: Nullable(Type.String()),
  startValue: Type.Number(),
  targetValue: Type.Number(),
  direction: Type.String(),
  weight: Type.Number(),
  priority: Type.Integer(),
  ownerId: Nullable(Id),
  dueDate: Nullable(DateString),
  progressSource: Type.String(),
});
const ObjectiveSnapshotSchema = Type.Object({
  id: Id,
  title: Type.String(),
  description: Nullable(Type.String()),
  kind: Type.String(),
  priority: Type.Integer(),
  weight: Type.Number(),
  alignedToObjectiveId: Nullable(Id),
  alignedToKeyResultId: Nullable(Id),
  visibility: Type.String(),
  keyResults: Type.Array(KeyResultSnapshotSchema),
});

const versionFields = {
  number: Type.Integer({ minimum: 1 }),
  /** approval: the approver approved the plan; adjustment: a change was applied or accepted */
  cause: Type.Union([Type.Literal('approval'), Type.Literal('adjustment')]),
  adjustmentId: Nullable(Id),
  actor: Nullable(PersonRef),
  createdAt: Timestamp,
};

export const PlanVersionSchema = Type.Object(versionFields, { $id: 'PlanVersion' });
export type PlanVersion = Static<typeof PlanVersionSchema>;

export const PlanVersionDetailSchema = Type.Object(
  { ...versionFields, objectives: Type.Array(ObjectiveSnapshotSchema) },
  { $id: 'PlanVersionDetail', description: 'the defining fields of the tree (not progress)' },
);
export type PlanVersionDetail = Static<typeof PlanVersionDetailSchema>;

/** version row (with the actor's name) → API */
export function toPlanVersion(v: PlanVersionView): PlanVersion {
  return {
    number: v.number,
    cause: v.cause,
    adjustmentId: v.adjustment_id,
    actor: v.actor_id === null ? null : { id: v.actor_id, name: v.actor_name },
    createdAt: v.created_at,
  };
}

export function toPlanVersionDetail(v: PlanVersionView, snapshot: PlanSnapshot): PlanVersionDetail {
  return { ...toPlanVersion(v), objectives: snapshot.objectives };
}

export const VersionParams = Type.Object({ id: Id, n: Type.Integer({ minimum: 1 }) });

export const DiffQuery = Type.Object(
  {
    /** a version number; default: the last approval */
    from: Type.Optional(Type.Integer({ minimum: 1 })),
    /** a version number; default: the current tree */
    to: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export type DiffInput = Static<typeof DiffQuery>;

export const PlanChangeSchema = Type.Object({
  path: Type.String(),
  targetType: Type.Union([Type.Literal('objective'), Type.Literal('keyResult')]),
  targetId: Id,
  field: Nullable(Type.String()),
  change: Type.Union([Type.Literal('added'), Type.Literal('removed'), Type.Literal('changed')]),
  before: Type.Unknown(),
  after: Type.Unknown(),
});

export const PlanDiffSchema = Type.Object(
  {
    /** the version compared from */
    from: Type.Integer(),
    /** the version compared to; null for the current tree */
    to: Nullable(Type.Integer()),
    changes: Type.Array(PlanChangeSchema),
  },
  { $id: 'PlanDiff' },
);
export type PlanDiff = Static<typeof PlanDiffSchema>;

export type { PlanChange };
