import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { UnitNode } from './approver.js';
import { ancestorIds, resolveApprover, wouldCreateUnitCycle } from './approver.js';

const tree = (nodes: UnitNode[]): Map<string, UnitNode> => new Map(nodes.map((n) => [n.id, n]));

/**
 * company (ceo)
 * └─ biz 商业部门 (bizLead)
 *    ├─ mkt 市场部 (mktLead)
 *    │  └─ team (no leader)
 *    │     └─ squad (squadLead)
 *    └─ sales (bizLead, who leads both biz and sales)
 */
const units = tree([
  { id: 'company', parentId: null, leaderId: 'ceo' },
  { id: 'biz', parentId: 'company', leaderId: 'bizLead' },
  { id: 'mkt', parentId: 'biz', leaderId: 'mktLead' },
  { id: 'team', parentId: 'mkt', leaderId: null },
  { id: 'squad', parentId: 'team', leaderId: 'squadLead' },
  { id: 'sales', parentId: 'biz', leaderId: 'bizLead' },
]);

describe('resolveApprover — unit plans', () => {
  it('is the leader of the parent unit', () => {
    expect(resolveApprover({ type: 'unit', unitId: 'mkt' }, units)).toBe('bizLead');
    expect(resolveApprover({ type: 'unit', unitId: 'biz' }, units)).toBe('ceo');
    expect(resolveApprover({ type: 'unit', unitId: 'team' }, units)).toBe('mktLead');
  });

  it('the root unit plan has no approver (admins approve)', () => {
    expect(resolveApprover({ type: 'unit', unitId: 'company' }, units)).toBeNull();
  });

  it('walks up when the parent has no leader', () => {
    expect(resolveApprover({ type: 'unit', unitId: 'squad' }, units)).toBe('mktLead');
  });

  it('walks up when the parent leader is the unit’s own leader', () => {
    expect(resolveApprover({ type: 'unit', unitId: 'sales' }, units)).toBe('ceo');
  });

  it('null for an unknown unit, or when nobody above leads', () => {
    expect(resolveApprover({ type: 'unit', unitId: 'nope' }, units)).toBeNull();
    const leaderless = tree([
      { id: 'root', parentId: null, leaderId: null },
      { id: 'dept', parentId: 'root', leaderId: 'x' },
    ]);
    expect(resolveApprover({ type: 'unit', unitId: 'dept' }, leaderless)).toBeNull();
  });
});

describe('resolveApprover — user plans', () => {
  it('is the leader of the user’s unit', () => {
    expect(resolveApprover({ type: 'user', userId: 'alice', primaryUnitId: 'mkt' }, units)).toBe(
      'mktLead',
    );
  });

  it('is the leader of the parent unit when the user leads their unit', () => {
    expect(resolveApprover({ type: 'user', userId: 'mktLead', primaryUnitId: 'mkt' }, units)).toBe(
      'bizLead',
    );
    expect(resolveApprover({ type: 'user', userId: 'bizLead', primaryUnitId: 'biz' }, units)).toBe(
      'ceo',
    );
  });

  it('walks up while the leader is missing or is the user', () => {
    expect(resolveApprover({ type: 'user', userId: 'bob', primaryUnitId: 'team' }, units)).toBe(
      'mktLead',
    );
    // bizLead leads sales and its parent biz: skip both
    expect(
      resolveApprover({ type: 'user', userId: 'bizLead', primaryUnitId: 'sales' }, units),
    ).toBe('ceo');
  });

  it('uses the primary unit for a user in several units', () => {
    expect(resolveApprover({ type: 'user', userId: 'carol', primaryUnitId: 'squad' }, units)).toBe(
      'squadLead',
    );
    expect(resolveApprover({ type: 'user', userId: 'carol', primaryUnitId: 'biz' }, units)).toBe(
      'bizLead',
    );
  });

  it('the root leader’s own plan has no approver (admins approve)', () => {
    expect(
      resolveApprover({ type: 'user', userId: 'ceo', primaryUnitId: 'company' }, units),
    ).toBeNull();
  });

  it('null for a user without a unit or with an unknown unit', () => {
    expect(resolveApprover({ type: 'user', userId: 'dan', primaryUnitId: null }, units)).toBeNull();
    expect(
      resolveApprover({ type: 'user', userId: 'dan', primaryUnitId: 'gone' }, units),
    ).toBeNull();
  });

  it('terminates on a corrupt tree with a cycle', () => {
    const loop = tree([
      { id: 'a', parentId: 'b', leaderId: null },
      { id: 'b', parentId: 'a', leaderId: null },
    ]);
    expect(resolveApprover({ type: 'user', userId: 'u', primaryUnitId: 'a' }, loop)).toBeNull();
    expect(resolveApprover({ type: 'unit', unitId: 'a' }, loop)).toBeNull();
  });
});

describe('ancestorIds', () => {
  it('lists the unit and its ancestors, nearest first', () => {
    expect(ancestorIds('squad', units)).toEqual(['squad', 'team', 'mkt', 'biz', 'company']);
    expect(ancestorIds('company', units)).toEqual(['company']);
  });

  it('is empty for an unknown unit and stops at a missing parent', () => {
    expect(ancestorIds('nope', units)).toEqual([]);
    const broken = tree([{ id: 'a', parentId: 'missing', leaderId: null }]);
    expect(ancestorIds('a', broken)).toEqual(['a']);
  });

  it('guards against cycles', () => {
    const loop = tree([
      { id: 'a', parentId: 'c', leaderId: null },
      { id: 'b', parentId: 'a', leaderId: null },
      { id: 'c', parentId: 'b', leaderId: null },
    ]);
    expect(ancestorIds('a', loop)).toEqual(['a', 'c', 'b']);
  });
});

describe('wouldCreateUnitCycle', () => {
  it('detects self and descendants as new parents', () => {
    expect(wouldCreateUnitCycle('mkt', 'mkt', units)).toBe(true);
    expect(wouldCreateUnitCycle('mkt', 'team', units)).toBe(true);
    expect(wouldCreateUnitCycle('biz', 'squad', units)).toBe(true);
    expect(wouldCreateUnitCycle('company', 'sales', units)).toBe(true);
  });

  it('allows moving under a sibling, cousin or ancestor', () => {
    expect(wouldCreateUnitCycle('mkt', 'sales', units)).toBe(false);
    expect(wouldCreateUnitCycle('squad', 'company', units)).toBe(false);
    expect(wouldCreateUnitCycle('sales', 'team', units)).toBe(false);
  });

  it('property: on a random tree, a cycle forms exactly when the new parent is in the subtree', () => {
    // a random tree: unit i's parent is some unit before it
    const treeArb = fc
      .integer({ min: 1, max: 25 })
      .chain((n) =>
        fc.tuple(
          ...Array.from({ length: n }, (_, i) => (i === 0 ? fc.constant(-1) : fc.nat(i - 1))),
        ),
      )
      .map((parents) =>
        tree(
          parents.map((p, i) => ({
            id: `u${i}`,
            parentId: p < 0 ? null : `u${p}`,
            leaderId: `l${i}`,
          })),
        ),
      );
    fc.assert(
      fc.property(treeArb, fc.nat(), fc.nat(), (t, a, b) => {
        const ids = [...t.keys()];
        const child = ids[a % ids.length]!;
        const parent = ids[b % ids.length]!;
        const inSubtree = (id: string): boolean => ancestorIds(id, t).includes(child);
        expect(wouldCreateUnitCycle(child, parent, t)).toBe(inSubtree(parent));
        // ancestors end at the root and never repeat
        const chain = ancestorIds(child, t);
        expect(new Set(chain).size).toBe(chain.length);
        expect(t.get(chain.at(-1)!)!.parentId).toBeNull();
      }),
    );
  });
});
