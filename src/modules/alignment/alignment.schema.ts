/** API shapes of the alignment map, and the cycle summary the read models share. */
import { Type, type Static } from '@sinclair/typebox';
import type { CycleRow } from '../../db/schema.js';
import type { Health as HealthValue } from '../../domain/progress.js';
import { DateString, Fraction, Health, Id, Nullable } from '../../http/schemas.js';

export const OwnerType = Type.Union([Type.Literal('unit'), Type.Literal('user')]);

/** `?unitId=`: narrows a read model to a unit, its descendants and their members */
export const UnitScopeQuery = Type.Object(
  { unitId: Type.Optional(Id) },
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

/** objective row + its plan → node; `health` is measured by the caller against the plan's cycle */
export function toAlignmentNode(
  row: { id: string; title: string; plan_id: string; progress: number },
  plan: {
    cycle_id: string;
    owner_type: 'unit' | 'user';
    owner_id: string;
    owner_name: string | null;
  },
  traits: ObjectiveTraits,
  health: HealthValue,
): AlignmentNode {
  return {
    id: row.id,
    type: 'objective',
    title: row.title,
    planId: row.plan_id,
    ownerType: plan.owner_type,
    ownerId: plan.owner_id,
    ownerName: plan.owner_name,
    cycleId: plan.cycle_id,
    progress: row.progress,
    health,
    kind: traits.kind,
    visibility: traits.visibility,
  };
}
