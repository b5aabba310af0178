/**
 * What the coach checks (`PlanDraft`), built from a stored plan tree (targets by id) or from a
 * draft sent to /quality/check (targets by index path). Pure.
 */
import type { KeyResultDraft, ObjectiveDraft, PlanDraft } from '../../domain/quality/index.js';
import type { CheckDraftInput } from './quality.schema.js';
import type { QualityKeyResultRow, QualityObjectiveRow } from './quality.repository.js';

/**
 * A stored plan with its real data: weights, owners, and alignment — an objective is aligned
 * when it hangs under an objective or a KR; when nothing is above the owner to align to (the
 * root unit's plans, `nothingAbove`) alignment is not expected.
 */
export function storedPlanDraft(
  planId: string,
  objectives: readonly QualityObjectiveRow[],
  keyResults: readonly QualityKeyResultRow[],
  nothingAbove: boolean,
): PlanDraft {
  const byObjective = new Map<string, KeyResultDraft[]>();
  for (const kr of keyResults) {
    const draft: KeyResultDraft = {
      ref: kr.id,
      title: kr.title,
      metricType: kr.metric_type,
      unit: kr.unit,
      startValue: kr.start_value,
      targetValue: kr.target_value,
      direction: kr.direction,
      weight: kr.weight,
      ownerId: kr.owner_id,
    };
    const list = byObjective.get(kr.objective_id);
    if (list) list.push(draft);
    else byObjective.set(kr.objective_id, [draft]);
  }
  return {
    ref: planId,
    objectives: objectives.map((o): ObjectiveDraft => ({
      ref: o.id,
      title: o.title,
      weight: o.weight,
      aligned: o.aligned_to_objective_id !== null || o.aligned_to_key_result_id !== null,
      isRoot: nothingAbove,
      keyResults: byObjective.get(o.id) ?? [],
    })),
  };
}

/**
 * A draft from /quality/check: titles and whatever metric fields the form has (the rest is read
 * from the titles); no weights, owners or alignment yet, so those are not judged.
 */
export function requestPlanDraft(input: CheckDraftInput): PlanDraft {
  return {
    ref: 'plan',
    checkWeights: false,
    checkOwners: false,
    objectives: input.objectives.map((o, oi): ObjectiveDraft => ({
      ref: `objectives[${oi}]`,
      title: o.title,
      keyResults: o.keyResults.map((kr, ki): KeyResultDraft => ({
        ref: `objectives[${oi}].keyResults[${ki}]`,
        title: kr.title,
        ...(kr.metricType !== undefined ? { metricType: kr.metricType } : {}),
        ...(kr.unit !== undefined ? { unit: kr.unit } : {}),
        ...(kr.startValue !== undefined ? { startValue: kr.startValue } : {}),
        ...(kr.targetValue !== undefined ? { targetValue: kr.targetValue } : {}),
        ...(kr.direction !== undefined ? { direction: kr.direction } : {}),
      })),
    })),
  };
}

/** Ids of the private objectives and of their key results. */
export function privateTargetIds(
  objectives: readonly QualityObjectiveRow[],
  keyResults: readonly QualityKeyResultRow[],
): Set<string> {
  const ids = new Set(objectives.filter((o) => o.visibility === 'private').map((o) => o.id));
  for (const kr of keyResults) if (ids.has(kr.objective_id)) ids.add(kr.id);
  return ids;
}
