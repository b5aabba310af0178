/** State machines of cycles and plans (domain.md "Entities" and "Plan states"). */

export type CycleState = 'planning' | 'active' | 'reviewing' | 'closed';

const CYCLE_ORDER: readonly CycleState[] = ['planning', 'active', 'reviewing', 'closed'];

/**
 * Cycles move forward only, one step at a time: planning → active → reviewing → closed.
 * Staying in the same state is allowed (a no-op); skipping a state or going back is not.
 */
export function canMoveCycle(from: CycleState, to: CycleState): boolean {
  const i = CYCLE_ORDER.indexOf(from);
  const j = CYCLE_ORDER.indexOf(to);
  return i >= 0 && (j === i || j === i + 1);
}

export type PlanState = 'draft' | 'in_review' | 'changes_requested' | 'approved' | 'closed';
export type PlanEvent = 'submit' | 'approve' | 'request_changes' | 'close';

/**
 * The review loop: submit from draft or changes_requested → in_review; approve → approved and
 * request_changes → changes_requested, both from in_review; close from approved → closed.
 * Returns undefined when the event is not allowed in `from`. (When the cycle closes, every plan
 * closes whatever its state: see `closeOnCycleClose`.)
 */
export function nextPlanState(from: PlanState, event: PlanEvent): PlanState | undefined {
  switch (event) {
    case 'submit':
      return from === 'draft' || from === 'changes_requested' ? 'in_review' : undefined;
    case 'approve':
      return from === 'in_review' ? 'approved' : undefined;
    case 'request_changes':
      return from === 'in_review' ? 'changes_requested' : undefined;
    case 'close':
      return from === 'approved' ? 'closed' : undefined;
  }
}

/** When the cycle closes, a plan in any state becomes closed. */
export function closeOnCycleClose(_state: PlanState): 'closed' {
  return 'closed';
}

/**
 * Whether the plan's content may be edited: editable = state !== 'closed' && state !== 'in_review'.
 * - draft, changes_requested: freely.
 * - approved: yes, but each edit needs a reason and becomes an adjustment (enforced elsewhere).
 * - in_review: no — the reviewer decides on what was submitted; request changes to edit.
 * - closed: read-only.
 */
export function isPlanEditable(state: PlanState): boolean {
  return state !== 'closed' && state !== 'in_review';
}
