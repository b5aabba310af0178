import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CycleState, PlanEvent, PlanState } from './states.js';
import { canMoveCycle, closeOnCycleClose, isPlanEditable, nextPlanState } from './states.js';

const CYCLE_STATES: CycleState[] = ['planning', 'active', 'reviewing', 'closed'];
const PLAN_STATES: PlanState[] = ['draft', 'in_review', 'changes_requested', 'approved', 'closed'];
const PLAN_EVENTS: PlanEvent[] = ['submit', 'approve', 'request_changes', 'close'];

describe('canMoveCycle', () => {
  it('allows the next state and the same state only', () => {
    const allowed = new Set([
      'planning>planning',
      'planning>active',
      'active>active',
      'active>reviewing',
      'reviewing>reviewing',
      'reviewing>closed',
      'closed>closed',
    ]);
    for (const from of CYCLE_STATES) {
      for (const to of CYCLE_STATES) {
        expect(canMoveCycle(from, to), `${from} → ${to}`).toBe(allowed.has(`${from}>${to}`));
      }
    }
  });

  it('never goes back and never skips', () => {
    expect(canMoveCycle('active', 'planning')).toBe(false);
    expect(canMoveCycle('closed', 'reviewing')).toBe(false);
    expect(canMoveCycle('planning', 'reviewing')).toBe(false);
    expect(canMoveCycle('planning', 'closed')).toBe(false);
  });
});

describe('nextPlanState', () => {
  it('follows the review loop', () => {
    expect(nextPlanState('draft', 'submit')).toBe('in_review');
    expect(nextPlanState('in_review', 'request_changes')).toBe('changes_requested');
    expect(nextPlanState('changes_requested', 'submit')).toBe('in_review');
    expect(nextPlanState('in_review', 'approve')).toBe('approved');
    expect(nextPlanState('approved', 'close')).toBe('closed');
  });

  it('refuses everything else', () => {
    const allowed = new Set([
      'draft>submit',
      'changes_requested>submit',
      'in_review>approve',
      'in_review>request_changes',
      'approved>close',
    ]);
    for (const from of PLAN_STATES) {
      for (const event of PLAN_EVENTS) {
        const next = nextPlanState(from, event);
        if (allowed.has(`${from}>${event}`)) expect(next, `${from} ${event}`).toBeDefined();
        else expect(next, `${from} ${event}`).toBeUndefined();
      }
    }
  });

  it('property: a closed plan stays closed, whatever happens', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PLAN_EVENTS)), (events) => {
        let state: PlanState = 'closed';
        for (const e of events) state = nextPlanState(state, e) ?? state;
        expect(state).toBe('closed');
      }),
    );
  });

  it('property: approved is reached only through in_review', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PLAN_EVENTS)), (events) => {
        let state: PlanState = 'draft';
        for (const e of events) {
          const next = nextPlanState(state, e);
          if (next === 'approved') expect(state).toBe('in_review');
          state = next ?? state;
        }
      }),
    );
  });
});

describe('closeOnCycleClose', () => {
  it('closes a plan in any state', () => {
    for (const s of PLAN_STATES) expect(closeOnCycleClose(s)).toBe('closed');
  });
});

describe('isPlanEditable', () => {
  it('editable = not closed and not in review', () => {
    expect(isPlanEditable('draft')).toBe(true);
    expect(isPlanEditable('changes_requested')).toBe(true);
    expect(isPlanEditable('approved')).toBe(true);
    expect(isPlanEditable('in_review')).toBe(false);
    expect(isPlanEditable('closed')).toBe(false);
  });
});
