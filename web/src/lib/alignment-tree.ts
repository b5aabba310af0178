/**
 * The alignment map as a tree: the company's objectives at the top, the departments' objectives
 * aligned under them, people's under those. Objectives whose parent is missing (another
 * organization's never appear; a private one may be hidden) or that align to nothing are roots.
 */
import type { Health } from './health';

export interface AlignmentNode {
  id: string;
  title: string;
  planId: string;
  ownerType: 'unit' | 'user';
  ownerId: string;
  ownerName: string | null;
  progress: number;
  health: Health;
  kind?: 'committed' | 'aspirational';
  visibility?: 'public' | 'private';
}

export interface AlignmentEdge {
  from: string;
  to: string;
  viaKeyResultId?: string;
}

export interface ObjectiveTreeNode {
  node: AlignmentNode;
  children: ObjectiveTreeNode[];
  /** objectives below this one, at any depth */
  descendants: number;
  /** health of this objective and every one below it */
  healthCounts: Record<Health, number>;
}

const emptyCounts = (): Record<Health, number> => ({
  on_track: 0,
  at_risk: 0,
  off_track: 0,
  not_started: 0,
});

/** How high an owner sits: 0 for the company, 1 for its departments, …; people after units. */
export type OwnerRank = (node: AlignmentNode) => number;

const byType: OwnerRank = (n) => (n.ownerType === 'unit' ? 0 : 1);

/** Orders siblings: higher owners first (the company before departments before people), then by owner, then by title. */
function compareNodes(
  a: AlignmentNode,
  b: AlignmentNode,
  collator: Intl.Collator,
  rank: OwnerRank,
): number {
  const r = rank(a) - rank(b);
  if (r !== 0) return r;
  if (a.ownerType !== b.ownerType) return a.ownerType === 'unit' ? -1 : 1;
  const owner = collator.compare(a.ownerName ?? '', b.ownerName ?? '');
  return owner !== 0 ? owner : collator.compare(a.title, b.title);
}

/**
 * Builds the forest of objectives from the map's nodes and child → parent edges. Every node
 * appears once; a loop in the data (never expected) is broken where it is found.
 */
export function buildAlignmentForest(
  nodes: readonly AlignmentNode[],
  edges: readonly AlignmentEdge[],
  collator: Intl.Collator = new Intl.Collator('zh-CN'),
  rank: OwnerRank = byType,
): ObjectiveTreeNode[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const parentOf = new Map<string, string>();
  for (const e of edges) {
    if (byId.has(e.from) && byId.has(e.to) && e.from !== e.to && !parentOf.has(e.from)) {
      parentOf.set(e.from, e.to);
    }
  }
  // break loops: walk up from every node; a node met twice on its own walk loses its parent
  for (const n of nodes) {
    const seen = new Set<string>([n.id]);
    let current = parentOf.get(n.id);
    while (current !== undefined) {
      if (seen.has(current)) {
        parentOf.delete(current);
        break;
      }
      seen.add(current);
      current = parentOf.get(current);
    }
  }
  const childrenOf = new Map<string, AlignmentNode[]>();
  const roots: AlignmentNode[] = [];
  for (const n of nodes) {
    const p = parentOf.get(n.id);
    if (p === undefined) roots.push(n);
    else {
      const list = childrenOf.get(p) ?? [];
      list.push(n);
      childrenOf.set(p, list);
    }
  }
  const build = (n: AlignmentNode): ObjectiveTreeNode => {
    const kids = (childrenOf.get(n.id) ?? [])
      .sort((a, b) => compareNodes(a, b, collator, rank))
      .map(build);
    const counts = emptyCounts();
    counts[n.health] += 1;
    let descendants = 0;
    for (const k of kids) {
      descendants += 1 + k.descendants;
      for (const h of Object.keys(counts) as Health[]) counts[h] += k.healthCounts[h];
    }
    return { node: n, children: kids, descendants, healthCounts: counts };
  };
  return roots.sort((a, b) => compareNodes(a, b, collator, rank)).map(build);
}

/** Ids from a root down to `id` (inclusive), or [] when `id` is not in the forest. */
export function pathTo(forest: readonly ObjectiveTreeNode[], id: string): string[] {
  for (const root of forest) {
    const stack: Array<{ t: ObjectiveTreeNode; path: string[] }> = [
      { t: root, path: [root.node.id] },
    ];
    while (stack.length > 0) {
      const { t, path } = stack.pop() as { t: ObjectiveTreeNode; path: string[] };
      if (t.node.id === id) return path;
      for (const c of t.children) stack.push({ t: c, path: [...path, c.node.id] });
    }
  }
  return [];
}

/** Objectives whose title or owner contains `query` (case-insensitive), at most `limit`. */
export function searchNodes(
  nodes: readonly AlignmentNode[],
  query: string,
  limit = 50,
): AlignmentNode[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [];
  const out: AlignmentNode[] = [];
  for (const n of nodes) {
    if (n.title.toLowerCase().includes(q) || (n.ownerName ?? '').toLowerCase().includes(q)) {
      out.push(n);
      if (out.length >= limit) break;
    }
  }
  return out;
}

/** How many levels to open at first: all of a small map, fewer as it grows. */
export function initialDepth(nodeCount: number): number {
  if (nodeCount <= 60) return 4;
  if (nodeCount <= 400) return 2;
  return 1;
}

/** The map in columns (GET /cycles/:id/alignment?format=compact), as far as the tree reads it. */
export interface CompactAlignment {
  cycles: string[];
  healthCodes: Health[];
  plans: {
    id: string[];
    cycle: number[];
    ownerType: ('unit' | 'user')[];
    ownerId: string[];
    ownerName: (string | null)[];
  };
  nodes: {
    id: string[];
    title: string[];
    plan: number[];
    progress: number[];
    health: number[];
    flags: number[];
  };
  edges: { from: number[]; to: number[]; viaKeyResultId: (string | null)[] };
}

/** Nodes and child → parent edges from the compact columns (entries out of range are dropped). */
export function fromCompact(map: CompactAlignment): {
  nodes: AlignmentNode[];
  edges: AlignmentEdge[];
} {
  const { plans, nodes: cols } = map;
  const nodes: AlignmentNode[] = [];
  const at: (AlignmentNode | undefined)[] = [];
  for (let i = 0; i < cols.id.length; i++) {
    const p = cols.plan[i] ?? -1;
    const id = cols.id[i];
    const planId = plans.id[p];
    const ownerType = plans.ownerType[p];
    const ownerId = plans.ownerId[p];
    if (id === undefined || planId === undefined || !ownerType || ownerId === undefined) {
      at.push(undefined);
      continue;
    }
    const flags = cols.flags[i] ?? 0;
    const n: AlignmentNode = {
      id,
      title: cols.title[i] ?? '',
      planId,
      ownerType,
      ownerId,
      ownerName: plans.ownerName[p] ?? null,
      progress: cols.progress[i] ?? 0,
      health: map.healthCodes[cols.health[i] ?? -1] ?? 'not_started',
      kind: flags & 1 ? 'aspirational' : 'committed',
      visibility: flags & 2 ? 'private' : 'public',
    };
    nodes.push(n);
    at.push(n);
  }
  const edges: AlignmentEdge[] = [];
  for (let e = 0; e < map.edges.from.length; e++) {
    const from = at[map.edges.from[e] ?? -1];
    const to = at[map.edges.to[e] ?? -1];
    if (!from || !to) continue;
    const via = map.edges.viaKeyResultId[e];
    edges.push(
      via ? { from: from.id, to: to.id, viaKeyResultId: via } : { from: from.id, to: to.id },
    );
  }
  return { nodes, edges };
}

/** A cross-department support link (协同) as the API gives it: `from` supports `to`. */
export interface SupportLinkInput {
  id: string;
  from: string;
  to: string;
}

/** A support link with the ends that are on the map (an end outside it stays undefined). */
export interface MapSupportLink {
  id: string;
  fromId: string;
  toId: string;
  from?: AlignmentNode;
  to?: AlignmentNode;
}

export interface SupportIndex {
  /** the links with at least one end on the map, supported objective's title order */
  links: MapSupportLink[];
  /** objective id → the links it is an end of */
  byNode: Map<string, MapSupportLink[]>;
}

/**
 * The support links to draw on the map: those with at least one end among `nodes` (a link to a
 * private objective the reader may not see never arrives; one to another unit's objective may lie
 * outside a unit's map and is listed with that end unnamed).
 */
export function indexSupportLinks(
  nodes: readonly AlignmentNode[],
  links: readonly SupportLinkInput[],
  collator: Intl.Collator = new Intl.Collator('zh-CN'),
): SupportIndex {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const out: MapSupportLink[] = [];
  const byNode = new Map<string, MapSupportLink[]>();
  const add = (id: string, l: MapSupportLink) => {
    const list = byNode.get(id) ?? [];
    list.push(l);
    byNode.set(id, list);
  };
  for (const l of links) {
    const from = byId.get(l.from);
    const to = byId.get(l.to);
    if (!from && !to) continue;
    const m: MapSupportLink = { id: l.id, fromId: l.from, toId: l.to, from, to };
    out.push(m);
    if (from) add(from.id, m);
    if (to && l.to !== l.from) add(to.id, m);
  }
  out.sort(
    (a, b) =>
      collator.compare(a.to?.title ?? '', b.to?.title ?? '') ||
      collator.compare(a.from?.title ?? '', b.from?.title ?? ''),
  );
  return { links: out, byNode };
}
