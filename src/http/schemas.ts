/** Schema building blocks shared by the routes. */
import { Type, type TSchema } from '@sinclair/typebox';

export const Id = Type.String({ minLength: 1, maxLength: 64, description: 'opaque id' });
export const DateString = Type.String({
  // `format: date` also refuses days that do not exist, such as 2026-02-31
  format: 'date',
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: 'YYYY-MM-DD',
  examples: ['2026-10-01'],
});
export const Timestamp = Type.String({ description: 'ISO 8601 UTC timestamp' });
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
/** short single-line text such as a name or a title */
export const Title = Type.String({ minLength: 1, maxLength: 200 });
/** longer free text such as a description, a note or a comment */
export const LongText = Type.String({ maxLength: 5000 });
export const Fraction = Type.Number({ minimum: 0, maximum: 1 });
export const Health = Type.Union([
  Type.Literal('on_track'),
  Type.Literal('at_risk'),
  Type.Literal('off_track'),
  Type.Literal('not_started'),
]);

export const IdParams = Type.Object({ id: Id });

export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
};

/** `{items, nextCursor}` */
export const Page = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), nextCursor: Nullable(Type.String()) });

/** the problem+json responses a route may give, for the OpenAPI document */
export const errorResponses = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [s, Type.Ref('Problem')]));
