/** The API shape of a plan, its review decisions, and the request bodies. */
import { Type, type Static } from '@sinclair/typebox';
import type { ReviewRow } from '../../db/schema.js';
import {
  Fraction,
  Health,
  Id,
  LongText,
  Nullable,
  PageQuery,
  Timestamp,
} from '../../http/schemas.js';
import { ObjectiveSchema, ScoreBand, type Objective } from '../objectives/objectives.schema.js';
import { healthOf, type HealthContext } from '../progress/health.js';
import {
  fromStoredQuality,
  QualityReportSchema,
  type QualityReport,
} from '../quality/quality.schema.js';
import type { PlanView } from './plans.repository.js';

export const OwnerType = Type.Union([Type.Literal('unit'), Type.Literal('user')]);
export const PlanState = Type.Union([
  Type.Literal('draft'),
  Type.Literal('in_review'),
  Type.Literal('changes_requested'),
  Type.Literal('approved'),
  Type.Literal('closed'),
]);

const planFields = {
  id: Id,
  cycleId: Id,
  ownerType: OwnerType,
  ownerId: Id,
  ownerName: Nullable(Type.String()),
  state: PlanState,
  /** who reviews it; null means an admin */
  approverId: Nullable(Id),
  progress: Fraction,
  expectedProgress: Fraction,
  health: Health,
  lastCheckInAt: Nullable(Timestamp),
  submittedAt: Nullable(Timestamp),
  approvedAt: Nullable(Timestamp),
  closedAt: Nullable(Timestamp),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: Type.Integer(),
};

export const PlanSchema = Type.Object(planFields, { $id: 'Plan' });
export type Plan = Static<typeof PlanSchema>;

/** POST /plans/:id/submit: the plan with the quality report that travels with the submission */
export const SubmittedPlanSchema = Type.Object({
  ...planFields,
  quality: Nullable(Type.Ref(QualityReportSchema)),
});
export type SubmittedPlan = Plan & { quality: QualityReport | null };

export const PlanDetailSchema = Type.Object(
  {
    ...planFields,
    /** in the reviewing phase: the weighted mean of the objectives' scores; null before */
    score: Type.Optional(Nullable(Type.Number())),
    scoreBand: Type.Optional(Nullable(ScoreBand)),
    objectives: Type.Array(Type.Ref(ObjectiveSchema)),
  },
  { $id: 'PlanDetail', description: 'a plan with objectives → keyResults → actions' },
);
export type PlanDetail = Static<typeof PlanDetailSchema>;

export const CreatePlanBody = Type.Object(
  { cycleId: Id, ownerType: OwnerType, ownerId: Id },
  { additionalProperties: false },
);

export const ListPlansQuery = Type.Object(
  {
    cycleId: Type.Optional(Id),
    ownerType: Type.Optional(OwnerType),
    ownerId: Type.Optional(Id),
    state: Type.Optional(PlanState),
    /** a user id, or `me` (the caller's review queue) */
    approverId: Type.Optional(Id),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type ListPlansInput = Static<typeof ListPlansQuery>;

export const ReviewDecision = Type.Union([
  Type.Literal('submitted'),
  Type.Literal('approved'),
  Type.Literal('changes_requested'),
]);

export const ReviewSchema = Type.Object(
  {
    id: Id,
    planId: Id,
    decision: ReviewDecision,
    comment: Nullable(Type.String()),
    reviewerId: Id,
    reviewerName: Nullable(Type.String()),
    createdAt: Timestamp,
    /** submissions: the quality report at submission (null with the quality gate off) */
    quality: Nullable(Type.Ref(QualityReportSchema)),
  },
  { $id: 'Review' },
);
export type Review = Static<typeof ReviewSchema>;

export const ApproveBody = Type.Object(
  { comment: Type.Optional(LongText) },
  { additionalProperties: false },
);
export const RequestChangesBody = Type.Object(
  { comment: Type.String({ minLength: 1, maxLength: 5000 }) },
  { additionalProperties: false },
);

/** plan view → API */
export function toPlan(view: PlanView, hc: HealthContext): Plan {
  return {
    id: view.id,
    cycleId: view.cycle_id,
    ownerType: view.owner_type,
    ownerId: view.owner_id,
    ownerName: view.unit_name ?? view.user_name ?? null,
    state: view.state,
    approverId: view.approver_id,
    progress: view.progress,
    expectedProgress: hc.expected,
    health: healthOf(hc, view),
    lastCheckInAt: view.last_check_in_at,
    submittedAt: view.submitted_at,
    approvedAt: view.approved_at,
    closedAt: view.closed_at,
    createdAt: view.created_at,
    updatedAt: view.updated_at,
    version: view.version,
  };
}

export function toPlanDetail(
  view: PlanView,
  hc: HealthContext,
  objectives: Objective[],
): PlanDetail {
  return { ...toPlan(view, hc), objectives };
}

/**
 * review row (with the reviewer's name) → API; the quality report's findings about private
 * objectives only when `showPrivate`
 */
export function toReview(
  row: ReviewRow & { reviewer_name: string | null },
  showPrivate = false,
): Review {
  return {
    id: row.id,
    planId: row.plan_id,
    decision: row.decision,
    comment: row.comment,
    reviewerId: row.reviewer_id,
    reviewerName: row.reviewer_name,
    createdAt: row.created_at,
    quality: fromStoredQuality(row.quality, showPrivate),
  };
}
