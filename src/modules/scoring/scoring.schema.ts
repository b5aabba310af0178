/** Request schemas of scoring and closing. */
import { Type, type Static } from '@sinclair/typebox';
import { LongText } from '../../http/schemas.js';

export const ScoreBody = Type.Object(
  {
    /** 0–1 (Google's 0.0–1.0 convention) */
    score: Type.Number({ minimum: 0, maximum: 1 }),
    note: Type.Optional(LongText),
    /** default: `final` for the approver or an admin, else `self` */
    kind: Type.Optional(Type.Union([Type.Literal('self'), Type.Literal('final')])),
  },
  { additionalProperties: false },
);
export type ScoreInput = Static<typeof ScoreBody>;
