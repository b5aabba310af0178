import { describe, expect, it } from 'vitest';
import {
  diffPlans,
  withoutPrivate,
  type KeyResultSnapshot,
  type ObjectiveSnapshot,
  type PlanSnapshot,
} from './diff.js';

const kr = (id: string, over: Partial<KeyResultSnapshot> = {}): KeyResultSnapshot => ({
  id,
  title: `KR ${id}`,
  metricType: 'number',
  unit: null,
  startValue: 0,
  targetValue: 100,
  direction: 'increase',
  weight: 50,
  priority: 1,
  ownerId: null,
  dueDate: null,
  progressSource: 'manual',
  ...over,
});

const objective = (
  id: string,
  keyResults: KeyResultSnapshot[],
  over: Partial<ObjectiveSnapshot> = {},
): ObjectiveSnapshot => ({
  id,
  title: `Objective ${id}`,
  description: null,
  kind: 'committed',
  priority: 1,
  weight: 100,
  alignedToObjectiveId: null,
  alignedToKeyResultId: null,
  visibility: 'public',
  keyResults,
  ...over,
});

const plan = (...objectives: ObjectiveSnapshot[]): PlanSnapshot => ({ objectives });

describe('diffPlans', () => {
  it('finds nothing between equal snapshots', () => {
    const a = plan(objective('o1', [kr('k1'), kr('k2')]));
    expect(diffPlans(a, structuredClone(a))).toEqual([]);
  });

  it('lists a changed target and weight field by field with before and after', () => {
    const from = plan(objective('o1', [kr('k1'), kr('k2')]));
    const to = plan(
      objective('o1', [kr('k1', { targetValue: 80, weight: 60 }), kr('k2', { weight: 40 })]),
    );
    expect(diffPlans(from, to)).toEqual([
      {
        path: 'objectives[o1].keyResults[k1].targetValue',
        targetType: 'keyResult',
        targetId: 'k1',
        field: 'targetValue',
        change: 'changed',
        before: 100,
        after: 80,
      },
      expect.objectContaining({ path: 'objectives[o1].keyResults[k1].weight', before: 50 }),
      expect.objectContaining({ path: 'objectives[o1].keyResults[k2].weight', after: 40 }),
    ]);
  });

  it('lists added and removed objectives and KRs as whole items', () => {
    const from = plan(objective('o1', [kr('k1'), kr('k2')]), objective('o2', [kr('k3')]));
    const to = plan(objective('o1', [kr('k1'), kr('k4')]), objective('o3', [kr('k5')]));
    const changes = diffPlans(from, to).map((c) => `${c.change} ${c.path}`);
    expect(changes).toEqual([
      'added objectives[o1].keyResults[k4]',
      'removed objectives[o1].keyResults[k2]',
      'added objectives[o3]',
      'added objectives[o3].keyResults[k5]',
      'removed objectives[o2]',
      'removed objectives[o2].keyResults[k3]',
    ]);
    const added = diffPlans(from, to).find((c) => c.path === 'objectives[o3]');
    expect(added?.after).toMatchObject({ id: 'o3', title: 'Objective o3' });
    expect(added?.after).not.toHaveProperty('keyResults');
    expect(added?.before).toBeNull();
  });

  it('shows objective fields before its KRs and treats null and undefined alike', () => {
    const from = plan(objective('o1', [kr('k1')], { description: undefined as never }));
    const to = plan(
      objective('o1', [kr('k1', { title: 'Renamed' })], {
        description: null,
        kind: 'aspirational',
      }),
    );
    expect(diffPlans(from, to).map((c) => c.path)).toEqual([
      'objectives[o1].kind',
      'objectives[o1].keyResults[k1].title',
    ]);
  });

  it('shows a KR that moved to another objective as a change of objectiveId', () => {
    const from = plan(objective('o1', [kr('k1')]), objective('o2', []));
    const to = plan(objective('o1', []), objective('o2', [kr('k1')]));
    expect(diffPlans(from, to)).toEqual([
      expect.objectContaining({
        path: 'objectives[o2].keyResults[k1].objectiveId',
        field: 'objectiveId',
        before: 'o1',
        after: 'o2',
      }),
    ]);
  });

  it('is empty both ways and symmetric in what it adds and removes', () => {
    const a = plan(objective('o1', [kr('k1')]));
    const b = plan(objective('o1', [kr('k1')]), objective('o2', [kr('k2')]));
    const forward = diffPlans(a, b).map((c) => `${c.change} ${c.path}`);
    const backward = diffPlans(b, a).map((c) => `${c.change} ${c.path}`);
    expect(forward).toEqual(['added objectives[o2]', 'added objectives[o2].keyResults[k2]']);
    expect(backward).toEqual(['removed objectives[o2]', 'removed objectives[o2].keyResults[k2]']);
  });
});

describe('withoutPrivate', () => {
  it('drops private objectives with their KRs', () => {
    const s = plan(
      objective('o1', [kr('k1')]),
      objective('o2', [kr('k2')], { visibility: 'private' }),
    );
    expect(withoutPrivate(s).objectives.map((o) => o.id)).toEqual(['o1']);
  });
});
