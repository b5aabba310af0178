/** API shapes of cross-department requests (协同), their support links, and the request bodies. */
import { Type, type Static } from '@sinclair/typebox';
import { DateString, Id, Nullable, PageQuery, Timestamp, Title } from '../../http/schemas.js';
import { Direction, MetricType, MetricValue, Weight } from '../key-results/key-results.schema.js';
import { Reason } from '../plans/http.js';
import type { RequestView, SupportLinkView } from './requests.repository.js';

export const RequestState = Type.Union([
  Type.Literal('open'),
  Type.Literal('accepted'),
  Type.Literal('declined'),
  Type.Literal('withdrawn'),
]);

/** A non-blank text of up to 5,000 characters (stored as given; plain text). */
const Message = Type.String({ minLength: 1, maxLength: 5000 });

export const DesiredKeyResult = Type.Object(
  {
    title: Title,
    metricType: Type.Optional(MetricType),
    unit: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
    startValue: Type.Optional(MetricValue),
    targetValue: Type.Optional(MetricValue),
    direction: Type.Optional(Direction),
  },
  { additionalProperties: false },
);
export type DesiredKeyResultInput = Static<typeof DesiredKeyResult>;

export const SupportRequestSchema = Type.Object(
  {
    id: Id,
    state: RequestState,
    /** the objective to support, with its plan, owner and cycle */
    fromObjectiveId: Id,
    fromObjectiveTitle: Type.String(),
    fromPlanId: Id,
    fromOwnerType: Type.Union([Type.Literal('unit'), Type.Literal('user')]),
    fromOwnerId: Id,
    fromOwnerName: Nullable(Type.String()),
    cycleId: Id,
    requesterId: Id,
    requesterName: Nullable(Type.String()),
    /** the unit asked for support */
    toUnitId: Id,
    toUnitName: Type.String(),
    toUnitLeaderId: Nullable(Id),
    message: Type.String(),
    /** the date the support is needed by */
    neededBy: Nullable(DateString),
    desiredKeyResult: Nullable(
      Type.Object({
        title: Type.String(),
        metricType: Type.Optional(MetricType),
        unit: Type.Optional(Nullable(Type.String())),
        startValue: Type.Optional(Type.Number()),
        targetValue: Type.Optional(Type.Number()),
        direction: Type.Optional(Direction),
      }),
    ),
    /** why it was declined or withdrawn */
    reason: Nullable(Type.String()),
    responderId: Nullable(Id),
    respondedAt: Nullable(Timestamp),
    /** what accepting created in the supporting unit's plan */
    createdPlanId: Nullable(Id),
    createdObjectiveId: Nullable(Id),
    createdKeyResultId: Nullable(Id),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    version: Type.Integer(),
  },
  { $id: 'SupportRequest' },
);
export type SupportRequest = Static<typeof SupportRequestSchema>;

export const CreateRequestBody = Type.Object(
  {
    fromObjectiveId: Id,
    toUnitId: Id,
    message: Message,
    /** the date (YYYY-MM-DD) the support is needed by */
    neededBy: Type.Optional(Nullable(DateString)),
    desiredKeyResult: Type.Optional(DesiredKeyResult),
  },
  { additionalProperties: false },
);
export type CreateRequestInput = Static<typeof CreateRequestBody>;

export const AcceptRequestBody = Type.Object(
  {
    /** `objective`: a new objective in the unit's plan; `keyResult`: a new KR of `objectiveId` */
    as: Type.Union([Type.Literal('objective'), Type.Literal('keyResult')]),
    /** the unit's plan to add the objective to (default: its plan in the request's cycle) */
    planId: Type.Optional(Id),
    /** as=keyResult: the unit's objective that gets the KR */
    objectiveId: Type.Optional(Id),
    title: Type.Optional(Title),
    /** default 0: the plan's weights are rebalanced by its writers */
    weight: Type.Optional(Weight),
    /** as=keyResult: override the requested metric */
    metricType: Type.Optional(MetricType),
    unit: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
    startValue: Type.Optional(MetricValue),
    targetValue: Type.Optional(MetricValue),
    direction: Type.Optional(Direction),
    ownerId: Type.Optional(Nullable(Id)),
    /** the reason recorded on the plan change (default: the request's message) */
    reason: Type.Optional(Reason),
  },
  { additionalProperties: false },
);
export type AcceptRequestInput = Static<typeof AcceptRequestBody>;

export const DeclineRequestBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 1000 }) },
  { additionalProperties: false },
);

export const WithdrawRequestBody = Type.Object(
  { reason: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })) },
  { additionalProperties: false },
);

export const ListRequestsQuery = Type.Object(
  {
    /** incoming: to units I lead (admins: all); outgoing: made by me or for plans I write */
    direction: Type.Optional(Type.Union([Type.Literal('incoming'), Type.Literal('outgoing')])),
    state: Type.Optional(RequestState),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type ListRequestsInput = Static<typeof ListRequestsQuery>;

export const SupportLinkSchema = Type.Object({
  id: Id,
  /** the supporting objective (in the unit that accepted) */
  from: Id,
  /** the supported objective (the one the request was for) */
  to: Id,
  kind: Type.Literal('supports'),
  /** set when the support is one key result of `from` */
  fromKeyResultId: Type.Optional(Id),
  fromPlanId: Id,
  toPlanId: Id,
  requestId: Nullable(Id),
  createdAt: Timestamp,
});
export type SupportLink = Static<typeof SupportLinkSchema>;

export const SupportLinksSchema = Type.Object(
  { items: Type.Array(SupportLinkSchema) },
  { $id: 'SupportLinks' },
);

/** `desired_key_result` JSON → API (anything unreadable is dropped) */
function parseDesired(text: string | null): SupportRequest['desiredKeyResult'] {
  if (text === null) return null;
  try {
    const v = JSON.parse(text) as SupportRequest['desiredKeyResult'];
    return v && typeof v.title === 'string' ? v : null;
  } catch {
    return null;
  }
}

/** row → API */
export function toSupportRequest(row: RequestView): SupportRequest {
  return {
    id: row.id,
    state: row.state,
    fromObjectiveId: row.from_objective_id,
    fromObjectiveTitle: row.from_objective_title,
    fromPlanId: row.from_plan_id,
    fromOwnerType: row.from_owner_type,
    fromOwnerId: row.from_owner_id,
    fromOwnerName: row.from_unit_name ?? row.from_user_name,
    cycleId: row.cycle_id,
    requesterId: row.requester_id,
    requesterName: row.requester_name,
    toUnitId: row.to_unit_id,
    toUnitName: row.to_unit_name,
    toUnitLeaderId: row.to_unit_leader_id,
    message: row.message,
    neededBy: row.needed_by,
    desiredKeyResult: parseDesired(row.desired_key_result),
    reason: row.response_reason,
    responderId: row.responder_id,
    respondedAt: row.responded_at,
    createdPlanId: row.created_plan_id,
    createdObjectiveId: row.created_objective_id,
    createdKeyResultId: row.created_key_result_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

/** row → API */
export function toSupportLink(row: SupportLinkView): SupportLink {
  return {
    id: row.id,
    from: row.supporting_objective_id,
    to: row.supported_objective_id,
    kind: 'supports',
    ...(row.supporting_key_result_id !== null
      ? { fromKeyResultId: row.supporting_key_result_id }
      : {}),
    fromPlanId: row.from_plan_id,
    toPlanId: row.to_plan_id,
    requestId: row.request_id,
    createdAt: row.created_at,
  };
}
