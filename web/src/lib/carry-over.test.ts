import { describe, expect, it } from 'vitest';
import {
  allIds,
  carryOverOpen,
  carryOverSelection,
  laterCycles,
  unfinishedItems,
} from './carry-over';

describe('laterCycles', () => {
  const c = (id: string, startDate: string, state = 'planning', kind = 'quarter') => ({
    id,
    startDate,
    state: state as 'planning' | 'active' | 'reviewing' | 'closed',
    kind,
  });
  it('offers open cycles starting later, the same kind and the soonest first', () => {
    const from = c('q1', '2026-01-01', 'reviewing');
    const out = laterCycles(
      [
        from,
        c('q3', '2026-07-01'),
        c('y', '2027-01-01', 'planning', 'year'),
        c('q2', '2026-04-01', 'active'),
        c('old', '2025-10-01'),
        c('shut', '2026-05-01', 'closed'),
      ],
      from,
    );
    expect(out.map((x) => x.id)).toEqual(['q2', 'q3', 'y']);
  });
});

describe('carryOverOpen', () => {
  it('opens for a closed plan, or an approved one once its cycle is reviewed', () => {
    expect(carryOverOpen({ state: 'closed' }, undefined)).toBe(true);
    expect(carryOverOpen({ state: 'approved' }, { state: 'reviewing' })).toBe(true);
    expect(carryOverOpen({ state: 'approved' }, { state: 'active' })).toBe(false);
    expect(carryOverOpen({ state: 'draft' }, { state: 'closed' })).toBe(false);
  });
});

describe('choosing what to carry over', () => {
  const objectives = [
    {
      id: 'o2',
      title: 'B',
      progress: 0.5,
      priority: 2,
      keyResults: [
        { id: 'k3', title: 'k3', progress: 1, priority: 1 },
        { id: 'k4', title: 'k4', progress: 0.2, priority: 2 },
      ],
    },
    {
      id: 'o1',
      title: 'A',
      progress: 0.4,
      priority: 1,
      keyResults: [
        { id: 'k2', title: 'k2', progress: 0.7, priority: 2 },
        { id: 'k1', title: 'k1', progress: 0.1, priority: 1 },
      ],
    },
    { id: 'o3', title: 'done', progress: 1, priority: 3, keyResults: [] },
    { id: 'o4', title: 'empty', progress: 0, priority: 4, keyResults: [] },
  ];
  const items = unfinishedItems(objectives);
  it('lists unfinished objectives and key results by priority', () => {
    expect(items.map((i) => [i.objective.id, i.keyResults.map((k) => k.id)])).toEqual([
      ['o1', ['k1', 'k2']],
      ['o2', ['k4']],
      ['o4', []],
    ]);
  });
  it('sends whole objectives when all their unfinished KRs are chosen, else single KRs', () => {
    expect(carryOverSelection(items, new Set(['k1', 'k4', 'o4']))).toEqual({
      objectiveIds: ['o2', 'o4'],
      keyResultIds: ['k1'],
    });
    expect(carryOverSelection(items, allIds(items))).toEqual({
      objectiveIds: ['o1', 'o2', 'o4'],
      keyResultIds: [],
    });
    expect(carryOverSelection(items, new Set())).toEqual({ objectiveIds: [], keyResultIds: [] });
  });
});
