/** API shapes of the alignment map, and the cycle summary the read models share. */
import { Type, type Static } from '@sinclair/typebox';
import type { CycleRow } from '../../db/schema.js';
import { DateString, Fraction, Health, Id, Nullable } from '../../http/schemas.js';

export const OwnerType = Type.Union([Type.Literal('unit'), Type.Literal('user')]);

/** `?unitId=`: narrows a read model to a unit, its descendants and their members */
export const UnitScopeQuery = Type.Object(
  { unitId: Type.Optional(Id) },
  { additionalProperties: false },
);

/** `?unitId=&format=`: the alignment map's scope and shape (`full`, the default, or `compact`) */
export const AlignmentQuery = Type.Object(
  {
    unitId: Type.Optional(Id),
    format: Type.Optional(Type.Union([Type.Literal('full'), Type.Literal('compact')])),
  },
  { additionalProperties: false },
);

export const CycleSummarySchema = Type.Object(
  {
    id: Id,
    name: Type.String(),
    state: Type.Union([
      Type.Literal('planning'),
      Type.Literal('active'),
      Type.Literal('reviewing'),
      Type.Literal('closed'),
    ]),
    startDate: DateString,
    endDate: DateString,
    /** elapsed fraction of the cycle now, in the organization's timezone */
    expectedProgress: Fraction,
  },
  { $id: 'CycleSummary' },
);
export type CycleSummary = Static<typeof CycleSummarySchema>;

export const AlignmentNodeSchema = Type.Object({
  id: Id,
  type: Type.Literal('objective'),
  title: Type.String(),
  planId: Id,
  ownerType: OwnerType,
  ownerId: Id,
  ownerName: Nullable(Type.String()),
  cycleId: Id,
  progress: Fraction,
  health: Health,
  kind: Type.Union([Type.Literal('committed'), Type.Literal('aspirational')]),
  visibility: Type.Union([Type.Literal('public'), Type.Literal('private')]),
});
export type AlignmentNode = Static<typeof AlignmentNodeSchema>;

export const AlignmentEdgeSchema = Type.Object({
  /** the child objective */
  from: Id,
  /** the parent objective */
  to: Id,
  kind: Type.Literal('aligned'),
  /** set when the child aligns to this key result of the parent */
  viaKeyResultId: Type.Optional(Id),
});
export type AlignmentEdge = Static<typeof AlignmentEdgeSchema>;

export const AlignmentMapSchema = Type.Object(
  {
    cycle: Type.Ref(CycleSummarySchema),
    nodes: Type.Array(AlignmentNodeSchema),
    edges: Type.Array(AlignmentEdgeSchema),
  },
  { $id: 'AlignmentMap' },
);
export type AlignmentMap = Static<typeof AlignmentMapSchema>;

/** the health of a compact node, by its code (its index here) */
export const HEALTH_CODES = ['on_track', 'at_risk', 'off_track', 'not_started'] as const;

/** bits of a compact node's `flags` */
export const COMPACT_FLAG = { aspirational: 1, private: 2 } as const;

const Index = Type.Integer({ minimum: 0 });

/**
 * The same map in columns (`?format=compact`), for the whole cycle's tens of thousands of nodes:
 * about a third of the bytes, and no object per node to build, serialize or parse. Row i of
 * `nodes` is the i-th entry of each of its arrays; `plan`, `cycle`, `from` and `to` are indexes
 * into `plans`, `cycles` and `nodes`.
 */
export const CompactAlignmentMapSchema = Type.Object(
  {
    format: Type.Literal('compact'),
    cycle: Type.Ref(CycleSummarySchema),
    /** the ids of the cycles of the plans (the map's cycle first, then enclosing cycles) */
    cycles: Type.Array(Id),
    /** `health` codes: the health of code i is healthCodes[i] */
    healthCodes: Type.Array(Health),
    plans: Type.Object({
      id: Type.Array(Id),
      cycle: Type.Array(Index),
      ownerType: Type.Array(OwnerType),
      ownerId: Type.Array(Id),
      ownerName: Type.Array(Nullable(Type.String())),
    }),
    nodes: Type.Object({
      id: Type.Array(Id),
      title: Type.Array(Type.String()),
      plan: Type.Array(Index),
      /** rounded to 4 decimals */
      progress: Type.Array(Fraction),
      health: Type.Array(Index),
      /** 1: aspirational (else committed), 2: private (else public) */
      flags: Type.Array(Index),
    }),
    edges: Type.Object({
      /** the child node */
      from: Type.Array(Index),
      /** the parent node */
      to: Type.Array(Index),
      /** the parent's key result the child aligns to, or null */
      viaKeyResultId: Type.Array(Nullable(Id)),
    }),
  },
  { $id: 'CompactAlignmentMap' },
);
export type CompactAlignmentMap = Static<typeof CompactAlignmentMapSchema>;

export function toCycleSummary(row: CycleRow, expectedProgress: number): CycleSummary {
  return {
    id: row.id,
    name: row.name,
    state: row.state,
    startDate: row.start_date,
    endDate: row.end_date,
    expectedProgress,
  };
}

/** kind, visibility and "has a check-in" of an objective (decoded from its row's flags) */
export interface ObjectiveTraits {
  kind: 'committed' | 'aspirational';
  visibility: 'public' | 'private';
  checkedIn: boolean;
}
