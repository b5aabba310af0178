/** The API shape of a check-in and its request body. */
import { Type, type Static } from '@sinclair/typebox';
import type { CheckInRow } from '../../db/schema.js';
import { Fraction, Id, LongText, Nullable, Timestamp } from '../../http/schemas.js';
import { Confidence, KeyResultSchema, MetricValue } from '../key-results/key-results.schema.js';

export const CheckInSchema = Type.Object(
  {
    id: Id,
    planId: Id,
    keyResultId: Id,
    value: Type.Number(),
    confidence: Nullable(Type.Integer()),
    note: Nullable(Type.String()),
    blockers: Nullable(Type.String()),
    authorId: Id,
    createdAt: Timestamp,
  },
  { $id: 'CheckIn' },
);
export type CheckIn = Static<typeof CheckInSchema>;

export const CreateCheckInBody = Type.Object(
  {
    value: MetricValue,
    confidence: Type.Optional(Nullable(Confidence)),
    note: Type.Optional(Nullable(LongText)),
    blockers: Type.Optional(Nullable(LongText)),
  },
  { additionalProperties: false },
);
export type CreateCheckInInput = Static<typeof CreateCheckInBody>;

export const CheckInHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'the same key from the same author returns the first result',
    }),
  ),
});

export const CheckInResultSchema = Type.Object(
  {
    checkIn: Type.Ref(CheckInSchema),
    keyResult: Type.Ref(KeyResultSchema),
    objective: Type.Object({ id: Id, progress: Fraction }),
    plan: Type.Object({ id: Id, progress: Fraction }),
  },
  { $id: 'CheckInResult' },
);
export type CheckInResult = Static<typeof CheckInResultSchema>;

/** row → API */
export function toCheckIn(row: CheckInRow): CheckIn {
  return {
    id: row.id,
    planId: row.plan_id,
    keyResultId: row.key_result_id,
    value: row.value,
    confidence: row.confidence,
    note: row.note,
    blockers: row.blockers,
    authorId: row.author_id,
    createdAt: row.created_at,
  };
}
