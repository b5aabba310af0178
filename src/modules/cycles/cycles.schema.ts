/** The API shape of a cycle (year, half, quarter, month, custom), and the request schemas. */
import { Type, type Static } from '@sinclair/typebox';
import type { CycleRow } from '../../db/schema.js';
import { DateString, Id, Nullable, PageQuery, Timestamp, Title } from '../../http/schemas.js';

export const CycleKind = Type.Union([
  Type.Literal('year'),
  Type.Literal('half'),
  Type.Literal('quarter'),
  Type.Literal('month'),
  Type.Literal('custom'),
]);
export const CycleState = Type.Union(
  [
    Type.Literal('planning'),
    Type.Literal('active'),
    Type.Literal('reviewing'),
    Type.Literal('closed'),
  ],
  { description: 'planning → active → reviewing → closed, one step at a time' },
);

export const CycleSchema = Type.Object(
  {
    id: Id,
    name: Type.String(),
    kind: CycleKind,
    startDate: DateString,
    endDate: DateString,
    parentId: Nullable(Id),
    state: CycleState,
    createdAt: Timestamp,
    updatedAt: Timestamp,
    version: Type.Integer(),
  },
  { $id: 'Cycle' },
);
export type Cycle = Static<typeof CycleSchema>;

/** row → API */
export function toCycle(row: CycleRow): Cycle {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    startDate: row.start_date,
    endDate: row.end_date,
    parentId: row.parent_id,
    state: row.state,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

export const CycleListQuery = Type.Object(
  { ...PageQuery, state: Type.Optional(CycleState) },
  { additionalProperties: false },
);
export type CycleListQuery = Static<typeof CycleListQuery>;

export const CreateCycleBody = Type.Object(
  {
    name: Title,
    kind: Type.Optional(CycleKind),
    startDate: DateString,
    endDate: DateString,
    parentId: Type.Optional(Nullable(Id)),
    state: Type.Optional(CycleState),
  },
  {
    additionalProperties: false,
    description:
      'kind defaults to custom, state to planning; a parent cycle must enclose the dates',
  },
);
export type CreateCycleInput = Static<typeof CreateCycleBody>;

export const UpdateCycleBody = Type.Object(
  {
    name: Type.Optional(Title),
    kind: Type.Optional(CycleKind),
    startDate: Type.Optional(DateString),
    endDate: Type.Optional(DateString),
    parentId: Type.Optional(Nullable(Id)),
    state: Type.Optional(CycleState),
  },
  {
    additionalProperties: false,
    description:
      'state moves forward one step at a time (409 otherwise); closing the cycle closes its plans. ' +
      'A closed cycle can only be renamed.',
  },
);
export type UpdateCycleInput = Static<typeof UpdateCycleBody>;
