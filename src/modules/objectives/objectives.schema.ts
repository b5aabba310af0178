/** The API shape of an objective and its request bodies. */
import { Type, type Static } from '@sinclair/typebox';
import type { ObjectiveRow } from '../../db/schema.js';
import { Fraction, Health, Id, LongText, Nullable, Timestamp, Title } from '../../http/schemas.js';
import {
  KeyResultSchema,
  Priority,
  Weight,
  type KeyResult,
} from '../key-results/key-results.schema.js';
import { Reason } from '../plans/http.js';
import { healthOf, type HealthContext } from '../progress/health.js';

export const ScoreBand = Type.Union([
  Type.Literal('green'),
  Type.Literal('yellow'),
  Type.Literal('red'),
]);

export const ObjectiveKind = Type.Union([Type.Literal('committed'), Type.Literal('aspirational')]);
export const Visibility = Type.Union([Type.Literal('public'), Type.Literal('private')]);

export const ObjectiveSchema = Type.Object(
  {
    id: Id,
    planId: Id,
    title: Type.String(),
    description: Nullable(Type.String()),
    kind: ObjectiveKind,
    priority: Type.Integer(),
    weight: Type.Number(),
    alignedToObjectiveId: Nullable(Id),
    alignedToKeyResultId: Nullable(Id),
    visibility: Visibility,
    progress: Fraction,
    health: Health,
    lastCheckInAt: Nullable(Timestamp),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    version: Type.Integer(),
    /** the objective of an earlier cycle this one was carried over from */
    carriedFromObjectiveId: Type.Optional(Nullable(Id)),
    /** in the reviewing phase (on a plan's tree): the weighted mean of its KRs' scores */
    score: Type.Optional(Nullable(Type.Number())),
    scoreBand: Type.Optional(Nullable(ScoreBand)),
    /** committed: below 1.0; aspirational: below 0.7 */
    miss: Type.Optional(Nullable(Type.Boolean())),
    keyResults: Type.Optional(Type.Array(Type.Ref(KeyResultSchema))),
  },
  { $id: 'Objective' },
);
export type Objective = Static<typeof ObjectiveSchema>;

export const CreateObjectiveBody = Type.Object(
  {
    title: Title,
    description: Type.Optional(Nullable(LongText)),
    kind: Type.Optional(ObjectiveKind),
    /** 1 = highest; defaults to after the last objective */
    priority: Type.Optional(Priority),
    weight: Weight,
    alignedToObjectiveId: Type.Optional(Nullable(Id)),
    alignedToKeyResultId: Type.Optional(Nullable(Id)),
    visibility: Type.Optional(Visibility),
    reason: Type.Optional(Reason),
  },
  { additionalProperties: false },
);
export type CreateObjectiveInput = Static<typeof CreateObjectiveBody>;

export const UpdateObjectiveBody = Type.Partial(CreateObjectiveBody, {
  additionalProperties: false,
});
export type UpdateObjectiveInput = Static<typeof UpdateObjectiveBody>;

/** row → API */
export function toObjective(
  row: ObjectiveRow,
  hc: HealthContext,
  keyResults?: KeyResult[],
): Objective {
  return {
    id: row.id,
    planId: row.plan_id,
    title: row.title,
    description: row.description,
    kind: row.kind,
    priority: row.priority,
    weight: row.weight,
    alignedToObjectiveId: row.aligned_to_objective_id,
    alignedToKeyResultId: row.aligned_to_key_result_id,
    visibility: row.visibility,
    progress: row.progress,
    health: healthOf(hc, row),
    lastCheckInAt: row.last_check_in_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
    carriedFromObjectiveId: row.carried_from_objective_id ?? null,
    ...(keyResults ? { keyResults } : {}),
  };
}
