import { describe, expect, it } from 'vitest';
import {
  changeCounts,
  changeTitle,
  diffRange,
  newestFirst,
  showValue,
  snapshotSize,
  titlesById,
} from './versions';

describe('plan versions', () => {
  it('lists the newest first', () => {
    const v = (number: number) => ({ number, cause: 'approval' as const, createdAt: '' });
    expect(newestFirst([v(1), v(3), v(2)]).map((x) => x.number)).toEqual([3, 2, 1]);
  });
  it('compares a version with the current plan or with another version, older first', () => {
    expect(diffRange(2, 'current')).toEqual({ from: 2, to: undefined });
    expect(diffRange(3, 1)).toEqual({ from: 1, to: 3 });
    expect(diffRange(1, 3)).toEqual({ from: 1, to: 3 });
    expect(diffRange(2, 2)).toBeNull();
  });
  it('shows diff values as people read them', () => {
    expect(showValue(null)).toBe('–');
    expect(showValue(undefined)).toBe('–');
    expect(showValue('')).toBe('–');
    expect(showValue(40)).toBe('40');
    expect(showValue(false)).toBe('false');
    expect(showValue('增长')).toBe('增长');
    expect(showValue({ title: '目标一', weight: 40 })).toBe('目标一');
    expect(showValue({ a: 1 })).toBe('{"a":1}');
  });
  it('counts a snapshot and a diff', () => {
    expect(
      snapshotSize({
        objectives: [{ keyResults: [1, 2] }, { keyResults: [] }, { keyResults: [3] }],
      }),
    ).toEqual({ objectives: 3, keyResults: 3 });
    expect(
      changeCounts([{ change: 'added' }, { change: 'changed' }, { change: 'changed' }]),
    ).toEqual({ added: 1, removed: 0, changed: 2 });
  });
});

describe('naming the changes', () => {
  const titles = titlesById([
    { objectives: [{ id: 'o1', title: '目标一', keyResults: [{ id: 'k1', title: 'KR一' }] }] },
    null,
    {
      objectives: [
        { id: 'o1', title: '旧名', keyResults: [] },
        { id: 'o2', title: '目标二' },
      ],
    },
  ]);
  const change = (over: Partial<Parameters<typeof changeTitle>[0]>) => ({
    change: 'changed' as const,
    targetId: 'k1',
    field: 'weight',
    before: 40,
    after: 60,
    ...over,
  });
  it('collects titles from several trees, the first one winning', () => {
    expect([...titles]).toEqual([
      ['o1', '目标一'],
      ['k1', 'KR一'],
      ['o2', '目标二'],
    ]);
  });
  it('names added and removed items by their own title, changed ones by lookup', () => {
    expect(
      changeTitle(change({ change: 'added', targetId: 'x', after: { title: '新目标' } }), titles),
    ).toBe('新目标');
    expect(changeTitle(change({ change: 'removed', targetId: 'o2', before: null }), titles)).toBe(
      '目标二',
    );
    expect(changeTitle(change({}), titles)).toBe('KR一');
    expect(changeTitle(change({ field: 'title', before: '旧KR', after: 'KR一' }), titles)).toBe(
      '旧KR',
    );
    expect(changeTitle(change({ targetId: 'gone' }), titles)).toBe('gone');
  });
});
