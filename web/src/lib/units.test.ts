import { describe, expect, it } from 'vitest';
import { alignableUnitIds, ancestorIds, subtreeIds, unitTree } from './units';

const units = [
  { id: 'co', name: '星辰科技', parentId: null },
  { id: 'biz', name: '商业部门', parentId: 'co' },
  { id: 'mkt', name: '市场部', parentId: 'biz' },
  { id: 'sales', name: '销售部', parentId: 'biz' },
];

describe('units', () => {
  it('walks up and down the tree', () => {
    expect(ancestorIds('mkt', units)).toEqual(['biz', 'co']);
    expect(ancestorIds('co', units)).toEqual([]);
    expect(subtreeIds('biz', units).sort()).toEqual(['biz', 'mkt', 'sales']);
  });

  it('survives a loop in the data', () => {
    const looped = [
      { id: 'a', name: 'a', parentId: 'b' },
      { id: 'b', name: 'b', parentId: 'a' },
    ];
    expect(ancestorIds('a', looped)).toEqual(['b']);
  });

  it('builds a forest with depths', () => {
    const tree = unitTree(units);
    expect(tree).toHaveLength(1);
    expect(tree[0]?.children[0]?.unit.id).toBe('biz');
    expect(tree[0]?.children[0]?.children.map((c) => c.depth)).toEqual([2, 2]);
  });

  it('aligns a unit to the units above it and a person to their units and those above', () => {
    expect(alignableUnitIds({ type: 'unit', id: 'mkt' }, units)).toEqual(['biz', 'co']);
    expect(alignableUnitIds({ type: 'user', id: 'u', unitIds: ['mkt'] }, units).sort()).toEqual([
      'biz',
      'co',
      'mkt',
    ]);
  });
});
