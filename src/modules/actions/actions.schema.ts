/** The API shape of an action (行动计划) and its request bodies. */
import { Type, type Static } from '@sinclair/typebox';
import type { ActionRow } from '../../db/schema.js';
import { DateString, Id, Nullable, Timestamp, Title } from '../../http/schemas.js';
import { Reason } from '../plans/http.js';

export const ActionState = Type.Union([
  Type.Literal('todo'),
  Type.Literal('in_progress'),
  Type.Literal('done'),
  Type.Literal('blocked'),
  Type.Literal('cancelled'),
]);
const Weight = Type.Number({ minimum: 0, maximum: 1_000_000 });

export const ActionSchema = Type.Object(
  {
    id: Id,
    planId: Id,
    keyResultId: Id,
    title: Type.String(),
    ownerId: Nullable(Id),
    startDate: Nullable(DateString),
    dueDate: Nullable(DateString),
    weight: Type.Number(),
    state: ActionState,
    position: Type.Integer(),
    /** due before today (organization timezone) and neither done nor cancelled */
    overdue: Type.Boolean(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    version: Type.Integer(),
  },
  { $id: 'Action' },
);
export type Action = Static<typeof ActionSchema>;

export const CreateActionBody = Type.Object(
  {
    title: Title,
    ownerId: Type.Optional(Nullable(Id)),
    startDate: Type.Optional(Nullable(DateString)),
    dueDate: Type.Optional(Nullable(DateString)),
    weight: Type.Optional(Weight),
    state: Type.Optional(ActionState),
    reason: Type.Optional(Reason),
  },
  { additionalProperties: false },
);
export type CreateActionInput = Static<typeof CreateActionBody>;

export const UpdateActionBody = Type.Partial(CreateActionBody, { additionalProperties: false });
export type UpdateActionInput = Static<typeof UpdateActionBody>;

/** row → API; `today` is YYYY-MM-DD in the organization's timezone */
export function toAction(row: ActionRow, today: string): Action {
  return {
    id: row.id,
    planId: row.plan_id,
    keyResultId: row.key_result_id,
    title: row.title,
    ownerId: row.owner_id,
    startDate: row.start_date,
    dueDate: row.due_date,
    weight: row.weight,
    state: row.state,
    position: row.position,
    overdue:
      row.due_date !== null &&
      row.due_date < today &&
      row.state !== 'done' &&
      row.state !== 'cancelled',
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}
