/** The API shape of retrospectives, the unit cycle summary and carry-over. */
import { Type, type Static } from '@sinclair/typebox';
import { DateString, Id, Nullable, Timestamp } from '../../http/schemas.js';
import { PersonRef } from '../adjustments/adjustments.schema.js';
import { OwnerType, PlanDetailSchema } from '../plans/plans.schema.js';
import type { RetrospectiveView } from './retrospectives.repository.js';

/** a retrospective's text: plain text, length-limited */
const RetroText = Type.String({ maxLength: 10_000 });

export const RetrospectiveBody = Type.Object(
  {
    /** what went well */
    wentWell: Type.Optional(RetroText),
    /** what did not */
    wentBadly: Type.Optional(RetroText),
    lessons: Type.Optional(RetroText),
    /** what carries over into the next cycle */
    carryOver: Type.Optional(RetroText),
  },
  { additionalProperties: false },
);
export type RetrospectiveInput = Static<typeof RetrospectiveBody>;

export const RetrospectiveSchema = Type.Object(
  {
    planId: Id,
    wentWell: Type.String(),
    wentBadly: Type.String(),
    lessons: Type.String(),
    carryOver: Type.String(),
    /** who wrote it last */
    author: PersonRef,
    createdAt: Timestamp,
    updatedAt: Timestamp,
    version: Type.Integer(),
  },
  { $id: 'Retrospective' },
);
export type Retrospective = Static<typeof RetrospectiveSchema>;

/** retrospective row (with the author's name) → API */
export function toRetrospective(v: RetrospectiveView): Retrospective {
  return {
    planId: v.plan_id,
    wentWell: v.went_well,
    wentBadly: v.went_badly,
    lessons: v.lessons,
    carryOver: v.carry_over,
    author: { id: v.author_id, name: v.author_name },
    createdAt: v.created_at,
    updatedAt: v.updated_at,
    version: v.version,
  };
}

export const UnitCycleParams = Type.Object({ id: Id, cycleId: Id });

const Bands = Type.Object({
  green: Type.Integer(),
  yellow: Type.Integer(),
  red: Type.Integer(),
});

const PlanRef = {
  planId: Id,
  ownerType: OwnerType,
  ownerId: Id,
  ownerName: Nullable(Type.String()),
};

export const UnitCycleSummarySchema = Type.Object(
  {
    unit: Type.Object({ id: Id, name: Type.String() }),
    cycle: Type.Object({
      id: Id,
      name: Type.String(),
      state: Type.String(),
      startDate: DateString,
      endDate: DateString,
    }),
    /** true until the cycle is reviewed: scores are the default ones from progress so far */
    provisional: Type.Boolean(),
    /** the plans of the unit, the units below it and their members */
    plans: Type.Object({
      total: Type.Integer(),
      /** approved, or closed after an approval: the ones that ran and are summarised */
      counted: Type.Integer(),
      withRetrospective: Type.Integer(),
    }),
    /** the mean of the counted plans' scores; null without any */
    averageScore: Nullable(Type.Number()),
    scoreDistribution: Type.Object({ plans: Bands, objectives: Bands, keyResults: Bands }),
    /** committed objectives below 1.0, lowest score first */
    committedMisses: Type.Array(
      Type.Object({ ...PlanRef, objectiveId: Id, title: Type.String(), score: Type.Number() }),
    ),
    /** the share of KR-weeks with a check-in (weeks of the cycle so far) */
    checkInDiscipline: Type.Object({
      keyResultWeeks: Type.Integer(),
      withCheckIn: Type.Integer(),
      share: Nullable(Type.Number()),
    }),
    biggestAdjustments: Type.Object({
      /** the plans adjusted most often (rejected adjustments left out), top 5 */
      byCount: Type.Array(Type.Object({ ...PlanRef, count: Type.Integer() })),
      /** the largest target changes, relative to the distance the KR planned to cover, top 5 */
      byTargetChange: Type.Array(
        Type.Object({
          ...PlanRef,
          adjustmentId: Id,
          keyResultId: Nullable(Id),
          title: Type.String(),
          before: Type.Number(),
          after: Type.Number(),
          relativeChange: Type.Number(),
          reason: Type.String(),
          status: Type.String(),
          at: Timestamp,
        }),
      ),
    }),
  },
  { $id: 'UnitCycleSummary' },
);
export type UnitCycleSummary = Static<typeof UnitCycleSummarySchema>;

export const CarryOverBody = Type.Object(
  {
    toCycleId: Id,
    /** objectives to carry with all their unfinished KRs; default: every unfinished objective */
    objectiveIds: Type.Optional(Type.Array(Id, { maxItems: 200 })),
    /** single KRs to carry (with their objective) */
    keyResultIds: Type.Optional(Type.Array(Id, { maxItems: 1000 })),
  },
  { additionalProperties: false },
);
export type CarryOverInput = Static<typeof CarryOverBody>;

export const CarryOverResultSchema = Type.Object(
  {
    /** the owner's plan in the next cycle (a draft), with the carried items */
    plan: Type.Ref(PlanDetailSchema),
    /** true when the draft was created by this carry-over */
    createdPlan: Type.Boolean(),
    carried: Type.Object({
      objectives: Type.Array(Type.Object({ id: Id, carriedFromObjectiveId: Id })),
      keyResults: Type.Array(Type.Object({ id: Id, carriedFromKeyResultId: Id })),
    }),
    /** chosen items already carried into that plan earlier (nothing copied twice) */
    alreadyCarried: Type.Array(Id),
  },
  { $id: 'CarryOverResult' },
);
export type CarryOverResult = Static<typeof CarryOverResultSchema>;
