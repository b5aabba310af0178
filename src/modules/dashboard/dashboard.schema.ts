/** API shape of the cycle dashboard. */
import { Type, type Static } from '@sinclair/typebox';
import type { Health as HealthValue } from '../../domain/progress.js';
import { Fraction, Health, Id, Nullable } from '../../http/schemas.js';
import { CycleSummarySchema, OwnerType } from '../alignment/alignment.schema.js';
import type { AtRiskRow } from './dashboard.repository.js';

const Count = Type.Integer({ minimum: 0 });

export const HealthCountsSchema = Type.Object({
  on_track: Count,
  at_risk: Count,
  off_track: Count,
  not_started: Count,
});
export type HealthCounts = Static<typeof HealthCountsSchema>;

export const DashboardUnitSchema = Type.Object({
  unitId: Id,
  name: Type.String(),
  parentId: Nullable(Id),
  /** 0 for the scope unit, 1 for its children, … */
  depth: Type.Integer({ minimum: 0 }),
  leaderId: Nullable(Id),
  /** the unit's own plan in the cycle; null (with progress and health) when it has none */
  planId: Nullable(Id),
  progress: Nullable(Fraction),
  health: Nullable(Health),
});
export type DashboardUnit = Static<typeof DashboardUnitSchema>;

export const AtRiskKeyResultSchema = Type.Object({
  type: Type.Literal('keyResult'),
  id: Id,
  title: Type.String(),
  objectiveId: Id,
  planId: Id,
  /** the owner of the KR's plan */
  ownerType: OwnerType,
  ownerId: Id,
  ownerName: Nullable(Type.String()),
  progress: Fraction,
  expectedProgress: Fraction,
  health: Health,
  confidence: Nullable(Type.Integer()),
});
export type AtRiskKeyResult = Static<typeof AtRiskKeyResultSchema>;

export const DashboardSchema = Type.Object(
  {
    cycle: Type.Ref(CycleSummarySchema),
    /** the scope unit (the root unit unless ?unitId=) */
    unitId: Id,
    /** the scope unit's own plan progress, else the mean of the scope's unit plans (0 if none) */
    progress: Fraction,
    expectedProgress: Fraction,
    /** objectives of approved plans in scope */
    health: HealthCountsSchema,
    /** KRs of approved plans in scope */
    keyResultHealth: HealthCountsSchema,
    units: Type.Array(DashboardUnitSchema),
    /** at most 20 lagging KRs, worst first (progress − expected) */
    atRisk: Type.Array(AtRiskKeyResultSchema),
    /** share of the KRs of approved plans in scope with a check-in in the last 7 days */
    checkInRate: Fraction,
    plansByState: Type.Object({
      draft: Count,
      in_review: Count,
      changes_requested: Count,
      approved: Count,
      closed: Count,
    }),
  },
  { $id: 'Dashboard' },
);
export type Dashboard = Static<typeof DashboardSchema>;

export function toHealthCounts(row: {
  on_track: number;
  at_risk: number;
  off_track: number;
  not_started: number;
}): HealthCounts {
  return {
    on_track: Number(row.on_track),
    at_risk: Number(row.at_risk),
    off_track: Number(row.off_track),
    not_started: Number(row.not_started),
  };
}

export function toAtRiskKeyResult(
  row: AtRiskRow,
  expectedProgress: number,
  health: HealthValue,
): AtRiskKeyResult {
  return {
    type: 'keyResult',
    id: row.id,
    title: row.title,
    objectiveId: row.objective_id,
    planId: row.plan_id,
    ownerType: row.owner_type,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    progress: row.progress,
    expectedProgress,
    health,
    confidence: row.confidence,
  };
}
