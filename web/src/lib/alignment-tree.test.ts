import { describe, expect, it } from 'vitest';
import {
  buildAlignmentForest,
  fromCompact,
  indexSupportLinks,
  initialDepth,
  pathTo,
  searchNodes,
  type AlignmentNode,
} from './alignment-tree';

const node = (
  id: string,
  ownerType: 'unit' | 'user',
  ownerName: string,
  health: AlignmentNode['health'] = 'on_track',
): AlignmentNode => ({
  id,
  title: `objective ${id}`,
  planId: `p-${id}`,
  ownerType,
  ownerId: ownerName,
  ownerName,
  progress: 0.5,
  health,
});

describe('alignment tree', () => {
  const nodes = [
    node('co', 'unit', 'company'),
    node('mkt', 'unit', 'marketing', 'at_risk'),
    node('li', 'user', 'Li', 'off_track'),
    node('lonely', 'user', 'Wu'),
  ];
  const edges = [
    { from: 'mkt', to: 'co' },
    { from: 'li', to: 'mkt' },
    { from: 'ghost', to: 'co' },
  ];

  it('hangs every objective under the one it aligns to', () => {
    const forest = buildAlignmentForest(nodes, edges);
    expect(forest.map((t) => t.node.id)).toEqual(['co', 'lonely']);
    expect(forest[0]?.children[0]?.node.id).toBe('mkt');
    expect(forest[0]?.descendants).toBe(2);
    expect(forest[0]?.healthCounts).toEqual({
      on_track: 1,
      at_risk: 1,
      off_track: 1,
      not_started: 0,
    });
  });

  it('puts the company before departments before people', () => {
    const roots = [
      node('p', 'user', 'A'),
      node('dept', 'unit', 'A-dept'),
      node('company', 'unit', 'Z-company'),
    ];
    const rank = (n: AlignmentNode) => (n.ownerType === 'user' ? 100 : n.id === 'company' ? 0 : 1);
    expect(buildAlignmentForest(roots, [], undefined, rank).map((t) => t.node.id)).toEqual([
      'company',
      'dept',
      'p',
    ]);
  });

  it('breaks a loop instead of looping forever', () => {
    const forest = buildAlignmentForest(
      [node('a', 'unit', 'a'), node('b', 'unit', 'b')],
      [
        { from: 'a', to: 'b' },
        { from: 'b', to: 'a' },
      ],
    );
    const count = (ts: typeof forest): number => ts.reduce((n, t) => n + 1 + count(t.children), 0);
    expect(count(forest)).toBe(2);
  });

  it('finds the path to an objective and searches titles and owners', () => {
    const forest = buildAlignmentForest(nodes, edges);
    expect(pathTo(forest, 'li')).toEqual(['co', 'mkt', 'li']);
    expect(pathTo(forest, 'nope')).toEqual([]);
    expect(searchNodes(nodes, 'LI').map((n) => n.id)).toEqual(['li']);
    expect(searchNodes(nodes, '  ')).toEqual([]);
  });

  it('opens fewer levels as the map grows', () => {
    expect(initialDepth(20)).toBe(4);
    expect(initialDepth(300)).toBe(2);
    expect(initialDepth(5000)).toBe(1);
  });

  it('builds thousands of objectives quickly', () => {
    const many: AlignmentNode[] = [];
    const manyEdges = [];
    for (let i = 0; i < 5000; i++) {
      many.push(node(`n${i}`, i < 50 ? 'unit' : 'user', `o${i % 97}`));
      if (i > 0) manyEdges.push({ from: `n${i}`, to: `n${Math.floor((i - 1) / 10)}` });
    }
    const started = performance.now();
    const forest = buildAlignmentForest(many, manyEdges);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(forest[0]?.descendants).toBe(4999);
  });

  it('reads the compact columns into nodes and edges, dropping entries out of range', () => {
    const { nodes: read, edges: readEdges } = fromCompact({
      cycles: ['q4', 'year'],
      healthCodes: ['on_track', 'at_risk', 'off_track', 'not_started'],
      plans: {
        id: ['p1', 'p2'],
        cycle: [0, 1],
        ownerType: ['unit', 'user'],
        ownerId: ['u1', 'me'],
        ownerName: ['Sales', null],
      },
      nodes: {
        id: ['a', 'b', 'c'],
        title: ['A', 'B', 'C'],
        plan: [0, 1, 7],
        progress: [0.5, 0.25, 0],
        health: [1, 3, 0],
        flags: [1, 2, 0],
      },
      edges: { from: [1, 2, 1], to: [0, 0, 9], viaKeyResultId: ['kr1', null, null] },
    });
    expect(read).toEqual([
      {
        id: 'a',
        title: 'A',
        planId: 'p1',
        ownerType: 'unit',
        ownerId: 'u1',
        ownerName: 'Sales',
        progress: 0.5,
        health: 'at_risk',
        kind: 'aspirational',
        visibility: 'public',
      },
      {
        id: 'b',
        title: 'B',
        planId: 'p2',
        ownerType: 'user',
        ownerId: 'me',
        ownerName: null,
        progress: 0.25,
        health: 'not_started',
        kind: 'committed',
        visibility: 'private',
      },
    ]);
    // c has no plan, the last edge no parent: both dropped
    expect(readEdges).toEqual([{ from: 'b', to: 'a', viaKeyResultId: 'kr1' }]);
  });

  it('indexes support links by objective, keeping those with one end on the map', () => {
    const index = indexSupportLinks(
      nodes,
      [
        { id: 's1', from: 'li', to: 'co' },
        { id: 's2', from: 'elsewhere', to: 'mkt' },
        { id: 's3', from: 'x', to: 'y' },
      ],
      new Intl.Collator('en'),
    );
    expect(index.links.map((l) => l.id)).toEqual(['s1', 's2']);
    expect(index.links[1]).toMatchObject({ fromId: 'elsewhere', from: undefined, toId: 'mkt' });
    expect(index.byNode.get('li')?.map((l) => l.id)).toEqual(['s1']);
    expect(index.byNode.get('co')?.map((l) => l.id)).toEqual(['s1']);
    expect(index.byNode.get('mkt')?.map((l) => l.id)).toEqual(['s2']);
    expect(index.byNode.has('x')).toBe(false);
  });
});
