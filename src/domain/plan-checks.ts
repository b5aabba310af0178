/** The checks a plan must pass to be submitted (domain.md "Plan states"). */
import type { FieldProblem } from './errors.js';

export interface PlanShape {
  objectives: ReadonlyArray<{
    id: string;
    priority: number;
    weight: number;
    keyResults: ReadonlyArray<{ id: string; priority: number; weight: number }>;
  }>;
}

/** Weights must sum to 100 within this tolerance. */
export const WEIGHT_SUM_TOLERANCE = 0.01;

/** A sum for a message: at most two decimals, no float noise (99.99999999 → "100"). */
function formatSum(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** Sum of the finite weights (a non-finite weight is reported on its own). */
function weightSum(items: ReadonlyArray<{ weight: number }>): number {
  let s = 0;
  for (const i of items) if (Number.isFinite(i.weight)) s += i.weight;
  return s;
}

function sumIs100(sum: number): boolean {
  return Math.abs(sum - 100) <= WEIGHT_SUM_TOLERANCE + 1e-9;
}

/** Priorities used more than once, in order of first use, with the ids that use them. */
function duplicatePriorities(
  items: ReadonlyArray<{ id: string; priority: number }>,
): Array<{ priority: number; ids: string[] }> {
  const byPriority = new Map<number, string[]>();
  for (const i of items) {
    const ids = byPriority.get(i.priority);
    if (ids) ids.push(i.id);
    else byPriority.set(i.priority, [i.id]);
  }
  return [...byPriority]
    .filter(([, ids]) => ids.length > 1)
    .map(([priority, ids]) => ({ priority, ids }));
}

/**
 * All the submit checks at once (each failure listed, none short-circuits another):
 * - `plan.no_objectives` (path `objectives`): the plan has no objective;
 * - `plan.objective_weights_not_100` (path `objectives`): objective weights do not sum to 100 ± 0.01;
 * - `plan.duplicate_priority` (path `objectives`): one problem per priority used by 2+ objectives;
 * - `plan.invalid_weight` (path `objectives[<id>].weight`): a negative or non-finite weight;
 * - per objective, in plan order:
 *   - `objective.no_key_results` (path `objectives[<id>].keyResults`): no KR (the KR weight check
 *     is then skipped, it would only repeat the same failure);
 *   - `objective.key_result_weights_not_100` (path `objectives[<id>].keyResults`);
 *   - `objective.duplicate_priority` (path `objectives[<id>].keyResults`): one per duplicated priority;
 *   - `objective.invalid_weight` (path `objectives[<id>].keyResults[<krId>].weight`).
 * Messages are English and name the actual sum or the clashing ids.
 */
export function submitProblems(plan: PlanShape): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const objectives = plan.objectives;

  if (objectives.length === 0) {
    problems.push({
      path: 'objectives',
      code: 'plan.no_objectives',
      message: 'The plan needs at least one objective',
    });
    return problems;
  }

  const objectiveSum = weightSum(objectives);
  if (!sumIs100(objectiveSum)) {
    problems.push({
      path: 'objectives',
      code: 'plan.objective_weights_not_100',
      message: `Objective weights must sum to 100, but they sum to ${formatSum(objectiveSum)}`,
    });
  }
  for (const dup of duplicatePriorities(objectives)) {
    problems.push({
      path: 'objectives',
      code: 'plan.duplicate_priority',
      message: `Objective priorities must be unique: priority ${dup.priority} is used by objectives ${dup.ids.join(', ')}`,
    });
  }
  for (const o of objectives) {
    if (!(Number.isFinite(o.weight) && o.weight >= 0)) {
      problems.push({
        path: `objectives[${o.id}].weight`,
        code: 'plan.invalid_weight',
        message: `Objective weight must be a number ≥ 0, got ${o.weight}`,
      });
    }
  }

  for (const o of objectives) {
    const base = `objectives[${o.id}].keyResults`;
    if (o.keyResults.length === 0) {
      problems.push({
        path: base,
        code: 'objective.no_key_results',
        message: `Objective ${o.id} needs at least one key result`,
      });
      continue;
    }
    const krSum = weightSum(o.keyResults);
    if (!sumIs100(krSum)) {
      problems.push({
        path: base,
        code: 'objective.key_result_weights_not_100',
        message: `Key result weights of objective ${o.id} must sum to 100, but they sum to ${formatSum(krSum)}`,
      });
    }
    for (const dup of duplicatePriorities(o.keyResults)) {
      problems.push({
        path: base,
        code: 'objective.duplicate_priority',
        message: `Key result priorities in objective ${o.id} must be unique: priority ${dup.priority} is used by key results ${dup.ids.join(', ')}`,
      });
    }
    for (const kr of o.keyResults) {
      if (!(Number.isFinite(kr.weight) && kr.weight >= 0)) {
        problems.push({
          path: `${base}[${kr.id}].weight`,
          code: 'objective.invalid_weight',
          message: `Key result weight must be a number ≥ 0, got ${kr.weight}`,
        });
      }
    }
  }
  return problems;
}
