/**
 * Checks an objective's alignment (domain.md "Alignment"): one parent, an objective or a KR of a
 * plan whose owner is above this plan's owner, in the same or an enclosing cycle, never a loop.
 */
import type { DbOrTrx } from '../../context.js';
import type { PlanRow } from '../../db/schema.js';
import { cycleEncloses, wouldCreateAlignmentCycle } from '../../domain/alignment.js';
import type { FieldProblem } from '../../domain/errors.js';
import type { PlanAccess } from '../plans/access.js';
import { findCycle } from '../plans/plans.repository.js';
import { findAlignmentTarget, objectiveOfKeyResult } from './objectives.repository.js';

/** Alignment chains are short (company → department → team → person); walk at most this far. */
const MAX_CHAIN = 64;

export interface AlignmentTarget {
  alignedToObjectiveId: string | null;
  alignedToKeyResultId: string | null;
}

/** The objective each objective aligns to, walked up from `start` (for the loop check). */
async function parentsFrom(
  db: DbOrTrx,
  orgId: string,
  start: string,
): Promise<Map<string, string | null>> {
  const parents = new Map<string, string | null>();
  let current: string | null | undefined = start;
  while (current && !parents.has(current) && parents.size < MAX_CHAIN) {
    const row = await findAlignmentTarget(db, orgId, current);
    const parent: string | null =
      row?.aligned_to_objective_id ??
      (row?.aligned_to_key_result_id
        ? ((await objectiveOfKeyResult(db, orgId, row.aligned_to_key_result_id)) ?? null)
        : null);
    parents.set(current, parent);
    current = parent;
  }
  return parents;
}

/**
 * Every problem with aligning an objective of `plan` (`objectiveId` once it exists) to `target`;
 * empty when the alignment is valid or there is none. Paths name the field that was set.
 */
export async function alignmentProblems(
  db: DbOrTrx,
  orgId: string,
  own: { plan: PlanRow; access: PlanAccess; objectiveId?: string },
  target: AlignmentTarget,
): Promise<FieldProblem[]> {
  const { alignedToObjectiveId: toObjective, alignedToKeyResultId: toKeyResult } = target;
  if (toObjective === null && toKeyResult === null) return [];
  if (toObjective !== null && toKeyResult !== null) {
    return [
      {
        path: 'alignedToKeyResultId',
        message: 'Align to an objective or to a key result, not both',
        code: 'alignment.two_targets',
      },
    ];
  }
  const path = toObjective !== null ? 'alignedToObjectiveId' : 'alignedToKeyResultId';
  const problem = (code: string, message: string): FieldProblem[] => [
    { path, message, code: `alignment.${code}` },
  ];

  const parentId =
    toObjective ?? (toKeyResult ? await objectiveOfKeyResult(db, orgId, toKeyResult) : undefined);
  const parent = parentId ? await findAlignmentTarget(db, orgId, parentId) : undefined;
  if (!parent) return problem('not_found', 'The alignment target does not exist');

  if (parent.owner_type !== 'unit' || !own.access.alignableUnitIds.includes(parent.owner_id)) {
    return problem(
      'not_above',
      "The alignment target must belong to a plan of a unit above this plan's owner",
    );
  }
  const cycle = await findCycle(db, orgId, own.plan.cycle_id);
  const enclosing =
    cycle !== undefined &&
    cycleEncloses(
      { id: parent.cycle_id, startDate: parent.start_date, endDate: parent.end_date },
      { id: cycle.id, startDate: cycle.start_date, endDate: cycle.end_date },
    );
  if (!enclosing) {
    return problem(
      'cycle',
      "The alignment target's cycle must be this plan's cycle or one that encloses it",
    );
  }
  if (own.objectiveId !== undefined) {
    const parents = await parentsFrom(db, orgId, parent.id);
    if (wouldCreateAlignmentCycle(own.objectiveId, parent.id, (id) => parents.get(id))) {
      return problem('loop', 'This alignment would form a loop');
    }
  }
  return [];
}
