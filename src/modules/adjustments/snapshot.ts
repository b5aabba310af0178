/**
 * Plan versions: the tree's defining fields at each approval and after each applied adjustment.
 * Call `recordPlanVersion` inside the transaction that approved or changed the plan (the plan is
 * locked there, so version numbers cannot race).
 */
import type { DbOrTrx } from '../../context.js';
import type { KeyResultRow, ObjectiveRow } from '../../db/schema.js';
import type { KeyResultSnapshot, ObjectiveSnapshot, PlanSnapshot } from '../../domain/diff.js';
import { newId } from '../../shared/ids.js';
import { keyResultsOfPlan } from '../key-results/key-results.repository.js';
import { objectivesOfPlan } from '../objectives/objectives.repository.js';
import { insertPlanVersion, nextVersionNumber } from './versions.repository.js';

/** The defining fields of a KR (what a version keeps). */
export function keyResultSnapshot(kr: KeyResultRow): KeyResultSnapshot {
  return {
    id: kr.id,
    title: kr.title,
    metricType: kr.metric_type,
    unit: kr.unit,
    startValue: kr.start_value,
    targetValue: kr.target_value,
    direction: kr.direction,
    weight: kr.weight,
    priority: kr.priority,
    ownerId: kr.owner_id,
    dueDate: kr.due_date,
    progressSource: kr.progress_source,
  };
}

/** The defining fields of an objective with its KRs. */
export function objectiveSnapshot(
  o: ObjectiveRow,
  keyResults: readonly KeyResultRow[],
): ObjectiveSnapshot {
  return {
    id: o.id,
    title: o.title,
    description: o.description,
    kind: o.kind,
    priority: o.priority,
    weight: o.weight,
    alignedToObjectiveId: o.aligned_to_objective_id,
    alignedToKeyResultId: o.aligned_to_key_result_id,
    visibility: o.visibility,
    keyResults: keyResults.map(keyResultSnapshot),
  };
}

/** The plan's tree as it is now, objectives and KRs by priority. */
export async function loadPlanSnapshot(
  db: DbOrTrx,
  orgId: string,
  planId: string,
): Promise<PlanSnapshot> {
  const [objectives, keyResults] = await Promise.all([
    objectivesOfPlan(db, orgId, planId),
    keyResultsOfPlan(db, orgId, planId),
  ]);
  return {
    objectives: objectives.map((o) =>
      objectiveSnapshot(
        o,
        keyResults.filter((kr) => kr.objective_id === o.id),
      ),
    ),
  };
}

/** Stores the plan's current tree as its next version; returns the version's number. */
export async function recordPlanVersion(
  db: DbOrTrx,
  v: {
    organizationId: string;
    planId: string;
    cause: 'approval' | 'adjustment';
    adjustmentId: string | null;
    actorId: string | null;
    at: string;
  },
): Promise<number> {
  const snapshot = await loadPlanSnapshot(db, v.organizationId, v.planId);
  const number = await nextVersionNumber(db, v.organizationId, v.planId);
  await insertPlanVersion(db, {
    id: newId(),
    organization_id: v.organizationId,
    plan_id: v.planId,
    number,
    cause: v.cause,
    adjustment_id: v.adjustmentId,
    actor_id: v.actorId,
    snapshot: JSON.stringify(snapshot),
    created_at: v.at,
  });
  return number;
}
