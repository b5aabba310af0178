/** The API shape of a key result and its request bodies. */
import { Type, type Static } from '@sinclair/typebox';
import type { KeyResultRow } from '../../db/schema.js';
import {
  DateString,
  Fraction,
  Health,
  Id,
  Nullable,
  PageQuery,
  Timestamp,
  Title,
} from '../../http/schemas.js';
import { ActionSchema, type Action } from '../actions/actions.schema.js';
import { Reason } from '../plans/http.js';
import { healthOf, type HealthContext } from '../progress/health.js';

export const MetricType = Type.Union([
  Type.Literal('number'),
  Type.Literal('percent'),
  Type.Literal('currency'),
  Type.Literal('boolean'),
]);
export const Direction = Type.Union([Type.Literal('increase'), Type.Literal('decrease')]);
export const ProgressSource = Type.Union([
  Type.Literal('manual'),
  Type.Literal('aligned'),
  Type.Literal('actions'),
]);
export const Confidence = Type.Integer({ minimum: 0, maximum: 10 });
/** finite, and far from where sums could overflow */
export const MetricValue = Type.Number({ minimum: -1e15, maximum: 1e15 });
export const Weight = Type.Number({ minimum: 0, maximum: 100 });
export const Priority = Type.Integer({ minimum: 1, maximum: 10_000 });

export const KeyResultSchema = Type.Object(
  {
    id: Id,
    planId: Id,
    objectiveId: Id,
    title: Type.String(),
    metricType: MetricType,
    unit: Nullable(Type.String()),
    startValue: Type.Number(),
    targetValue: Type.Number(),
    currentValue: Type.Number(),
    direction: Direction,
    weight: Type.Number(),
    priority: Type.Integer(),
    ownerId: Nullable(Id),
    dueDate: Nullable(DateString),
    confidence: Nullable(Type.Integer()),
    progressSource: ProgressSource,
    /** clamped to [0, 1]: what rolls up */
    progress: Fraction,
    /** unclamped: over-achievement is shown, not lost */
    progressRaw: Type.Number(),
    health: Health,
    /** the value the check-ins' trend reaches at the cycle's end; null when unknown */
    forecast: Type.Optional(Nullable(Type.Number())),
    /**
     * set in the reviewing phase (scoring): the final score, else the self score, else the
     * default score (clamped progress rounded to 0.1); null before
     */
    score: Nullable(Type.Number()),
    /** the owner's self score and note */
    selfScore: Type.Optional(Nullable(Type.Number())),
    selfScoreNote: Type.Optional(Nullable(Type.String())),
    /** the approver's final score and note (fixed for every KR when the plan closes) */
    finalScore: Type.Optional(Nullable(Type.Number())),
    finalScoreNote: Type.Optional(Nullable(Type.String())),
    /** the KR of an earlier cycle this one was carried over from */
    carriedFromKeyResultId: Type.Optional(Nullable(Id)),
    lastCheckInAt: Nullable(Timestamp),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    version: Type.Integer(),
    actions: Type.Optional(Type.Array(Type.Ref(ActionSchema))),
  },
  { $id: 'KeyResult' },
);
export type KeyResult = Static<typeof KeyResultSchema>;

export const CreateKeyResultBody = Type.Object(
  {
    title: Title,
    metricType: MetricType,
    unit: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
    /** required unless metricType is boolean (then 0) */
    startValue: Type.Optional(MetricValue),
    /** required unless metricType is boolean (then 1) */
    targetValue: Type.Optional(MetricValue),
    /** inferred from start and target when absent */
    direction: Type.Optional(Direction),
    weight: Weight,
    priority: Type.Optional(Priority),
    ownerId: Type.Optional(Nullable(Id)),
    dueDate: Type.Optional(Nullable(DateString)),
    progressSource: Type.Optional(ProgressSource),
    confidence: Type.Optional(Nullable(Confidence)),
    reason: Type.Optional(Reason),
  },
  { additionalProperties: false },
);
export type CreateKeyResultInput = Static<typeof CreateKeyResultBody>;

export const UpdateKeyResultBody = Type.Partial(CreateKeyResultBody, {
  additionalProperties: false,
});
export type UpdateKeyResultInput = Static<typeof UpdateKeyResultBody>;

/** row → API */
export function toKeyResult(
  row: KeyResultRow,
  hc: HealthContext,
  extra: { forecast?: number | null; actions?: Action[] } = {},
): KeyResult {
  return {
    id: row.id,
    planId: row.plan_id,
    objectiveId: row.objective_id,
    title: row.title,
    metricType: row.metric_type,
    unit: row.unit,
    startValue: row.start_value,
    targetValue: row.target_value,
    currentValue: row.current_value,
    direction: row.direction,
    weight: row.weight,
    priority: row.priority,
    ownerId: row.owner_id,
    dueDate: row.due_date,
    confidence: row.confidence,
    progressSource: row.progress_source,
    progress: row.progress,
    progressRaw: row.progress_raw,
    health: healthOf(hc, row),
    ...(extra.forecast !== undefined ? { forecast: extra.forecast } : {}),
    score: row.final_score ?? row.self_score ?? null,
    selfScore: row.self_score ?? null,
    selfScoreNote: row.self_score_note ?? null,
    finalScore: row.final_score ?? null,
    finalScoreNote: row.final_score_note ?? null,
    carriedFromKeyResultId: row.carried_from_key_result_id ?? null,
    lastCheckInAt: row.last_check_in_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
    ...(extra.actions ? { actions: extra.actions } : {}),
  };
}

// ── GET /key-results?ownerId=&cycleId= : the key results a person answers for in a cycle ──

export const ListKeyResultsQuery = Type.Object(
  {
    /** a user id, or `me` */
    ownerId: Id,
    cycleId: Id,
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type ListKeyResultsInput = Static<typeof ListKeyResultsQuery>;

export const OwnedKeyResultSchema = Type.Object(
  {
    /** without actions; `score` as in GET /key-results/:id */
    keyResult: Type.Ref(KeyResultSchema),
    objective: Type.Object({
      id: Id,
      title: Type.String(),
      priority: Type.Integer(),
      visibility: Type.Union([Type.Literal('public'), Type.Literal('private')]),
    }),
    plan: Type.Object({
      id: Id,
      cycleId: Id,
      ownerType: Type.Union([Type.Literal('unit'), Type.Literal('user')]),
      ownerId: Id,
      ownerName: Nullable(Type.String()),
      state: Type.Union([
        Type.Literal('draft'),
        Type.Literal('in_review'),
        Type.Literal('changes_requested'),
        Type.Literal('approved'),
        Type.Literal('closed'),
      ]),
      expectedProgress: Fraction,
    }),
    /** `owner`: the person owns the KR; `planWriter`: unowned, on a plan the person writes */
    responsibility: Type.Union([Type.Literal('owner'), Type.Literal('planWriter')]),
    lastCheckIn: Nullable(
      Type.Object({
        id: Id,
        value: Type.Number(),
        confidence: Nullable(Type.Integer()),
        note: Nullable(Type.String()),
        blockers: Nullable(Type.String()),
        authorId: Id,
        createdAt: Timestamp,
      }),
    ),
    /**
     * a check-in is expected this week: manual progress, approved plan, active cycle, and no
     * check-in since Monday of the current week (the organization's timezone)
     */
    checkInDue: Type.Boolean(),
  },
  { $id: 'OwnedKeyResult' },
);
export type OwnedKeyResult = Static<typeof OwnedKeyResultSchema>;
