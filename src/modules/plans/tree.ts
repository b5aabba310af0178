/** Assembles a plan's tree (objectives → keyResults → actions) from flat, ordered rows. */
import type { ActionRow, KeyResultRow, ObjectiveRow } from '../../db/schema.js';
import { toAction, type Action } from '../actions/actions.schema.js';
import { toKeyResult, type KeyResult } from '../key-results/key-results.schema.js';
import { toObjective, type Objective } from '../objectives/objectives.schema.js';
import type { HealthContext } from '../progress/health.js';

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(key(row));
    if (list) list.push(row);
    else out.set(key(row), [row]);
  }
  return out;
}

function withActions(
  keyResults: readonly KeyResultRow[],
  actionsByKeyResult: ReadonlyMap<string, ActionRow[]>,
  hc: HealthContext,
): KeyResult[] {
  return keyResults.map((kr) =>
    toKeyResult(kr, hc, {
      actions: (actionsByKeyResult.get(kr.id) ?? []).map((a): Action => toAction(a, hc.today)),
    }),
  );
}

/** KRs with their actions, in the order given. */
export function keyResultTree(
  keyResults: readonly KeyResultRow[],
  actions: readonly ActionRow[],
  hc: HealthContext,
): KeyResult[] {
  return withActions(
    keyResults,
    groupBy(actions, (a) => a.key_result_id),
    hc,
  );
}

/** Objectives with their KRs and actions; private objectives only when `showPrivate`. */
export function objectiveTree(
  objectives: readonly ObjectiveRow[],
  keyResults: readonly KeyResultRow[],
  actions: readonly ActionRow[],
  hc: HealthContext,
  showPrivate: boolean,
): Objective[] {
  const byObjective = groupBy(keyResults, (kr) => kr.objective_id);
  const byKeyResult = groupBy(actions, (a) => a.key_result_id);
  return objectives
    .filter((o) => showPrivate || o.visibility === 'public')
    .map((o) => toObjective(o, hc, withActions(byObjective.get(o.id) ?? [], byKeyResult, hc)));
}
