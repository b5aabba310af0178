/**
 * The alignment map of a cycle (the seed's 与战略目标对齐): objectives as nodes, "aligned to"
 * links as edges from child to parent. A read model over the stored roll-ups: a few set-based
 * queries (plans, objectives with the objective of the KR they align to, then one per level of
 * parents outside the set), never one query per node. Built in columns (the compact format);
 * the full format expands them into objects.
 */
import type { AppContext } from '../../context.js';
import type { Actor } from '../../domain/policy.js';
import { expectedProgress, health, type Health } from '../../domain/progress.js';
import {
  findCycles,
  listCycleObjectives,
  listCyclePlans,
  listObjectivesByIds,
  OBJECTIVE_FLAG,
} from './alignment.repository.js';
import {
  COMPACT_FLAG,
  HEALTH_CODES,
  toCycleSummary,
  type AlignmentEdge,
  type AlignmentMap,
  type AlignmentNode,
  type CompactAlignmentMap,
  type ObjectiveTraits,
} from './alignment.schema.js';
import { loadCycleView, loadScopeUnit } from './cycle-view.js';
import { isObjectiveVisible, loadPrivateReadScope } from './visibility.js';

/** alignment is acyclic; this only bounds the walk up through a corrupt loop */
const MAX_ANCESTOR_LEVELS = 64;

const HEALTH_CODE: Record<Health, number> = {
  on_track: 0,
  at_risk: 1,
  off_track: 2,
  not_started: 3,
};

function traitsOf(flags: number): ObjectiveTraits {
  const f = Number(flags);
  return {
    kind: f & OBJECTIVE_FLAG.aspirational ? 'aspirational' : 'committed',
    visibility: f & OBJECTIVE_FLAG.private ? 'private' : 'public',
    checkedIn: (f & OBJECTIVE_FLAG.checkedIn) !== 0,
  };
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/**
 * The map in columns, built straight from the rows (no object per node). Nodes: the objectives
 * of the cycle's plans (with `unitId`, of the plans in that unit's scope), plus the objectives
 * they align to up the chain, in this or in enclosing cycles, so both ends of every edge are
 * nodes. Private objectives the actor may not read are left out with their edges. Each node's
 * health is measured against its own cycle.
 */
async function buildAlignmentMap(
  ctx: AppContext,
  actor: Actor,
  cycleId: string,
  unitId?: string,
): Promise<CompactAlignmentMap> {
  const view = await loadCycleView(ctx, actor, cycleId);
  if (unitId !== undefined) await loadScopeUnit(ctx, actor, unitId);
  const org = actor.organizationId;
  const [planRows, rows, readScope] = await Promise.all([
    listCyclePlans(ctx.db, org, cycleId, unitId),
    listCycleObjectives(ctx.db, org, cycleId, unitId),
    loadPrivateReadScope(ctx.db, actor),
  ]);

  const cycles = [cycleId];
  const cycleIndex = new Map([[cycleId, 0]]);
  const plans: CompactAlignmentMap['plans'] = {
    id: [],
    cycle: [],
    ownerType: [],
    ownerId: [],
    ownerName: [],
  };
  const planIndex = new Map<string, number>();
  const addPlan = (p: {
    id: string;
    cycle_id: string;
    owner_type: 'unit' | 'user';
    owner_id: string;
    owner_name: string | null;
  }): number => {
    const known = planIndex.get(p.id);
    if (known !== undefined) return known;
    let c = cycleIndex.get(p.cycle_id);
    if (c === undefined) {
      c = cycles.length;
      cycles.push(p.cycle_id);
      cycleIndex.set(p.cycle_id, c);
    }
    const i = plans.id.length;
    plans.id.push(p.id);
    plans.cycle.push(c);
    plans.ownerType.push(p.owner_type);
    plans.ownerId.push(p.owner_id);
    plans.ownerName.push(p.owner_name);
    planIndex.set(p.id, i);
    return i;
  };
  const planById = new Map(planRows.map((p) => [p.id, p]));

  const nodes: CompactAlignmentMap['nodes'] = {
    id: [],
    title: [],
    plan: [],
    progress: [],
    health: [],
    flags: [],
  };
  /** health is filled in at the end, once every node's cycle is known */
  const pending: { progress: number; checkedIn: boolean; cycle: number }[] = [];
  const nodeIndex = new Map<string, number>();
  const addNode = (
    row: { id: string; title: string; progress: number },
    plan: number,
    traits: ObjectiveTraits,
  ) => {
    nodeIndex.set(row.id, nodes.id.length);
    nodes.id.push(row.id);
    nodes.title.push(row.title);
    nodes.plan.push(plan);
    nodes.progress.push(Number(row.progress));
    nodes.flags.push(
      (traits.kind === 'aspirational' ? COMPACT_FLAG.aspirational : 0) |
        (traits.visibility === 'private' ? COMPACT_FLAG.private : 0),
    );
    pending.push({
      progress: Number(row.progress),
      checkedIn: traits.checkedIn,
      cycle: plans.cycle[plan] ?? 0,
    });
  };
  /** child id → [parent id, KR id] */
  const links = new Map<string, [string, string | null]>();
  const looked = new Set<string>();
  for (const row of rows) {
    looked.add(row.id);
    const plan = planById.get(row.plan_id);
    const traits = traitsOf(row.flags);
    // no plan: one created between the two reads; its objectives show on the next read
    if (
      !plan ||
      !isObjectiveVisible(readScope, traits.visibility, plan.owner_type, plan.owner_id)
    ) {
      continue;
    }
    addNode(row, addPlan(plan), traits);
    if (row.parent_id !== null) links.set(row.id, [row.parent_id, row.via_key_result_id]);
  }

  // Walk up, level by level: parents outside the set (other units' objectives, enclosing cycles).
  let frontier = [...links.values()].map((l) => l[0]);
  for (let level = 0; level < MAX_ANCESTOR_LEVELS && frontier.length > 0; level++) {
    const missing = [...new Set(frontier)].filter((id) => !looked.has(id));
    for (const id of missing) looked.add(id);
    frontier = [];
    for (const row of await listObjectivesByIds(ctx.db, org, missing)) {
      const traits = traitsOf(row.flags);
      if (!isObjectiveVisible(readScope, traits.visibility, row.owner_type, row.owner_id)) continue;
      addNode(row, addPlan({ ...row, id: row.plan_id }), traits);
      if (row.parent_id !== null) {
        links.set(row.id, [row.parent_id, row.via_key_result_id]);
        frontier.push(row.parent_id);
      }
    }
  }

  // Parents may live in an enclosing cycle: their health is measured against that cycle.
  const expected = [view.expected];
  for (const c of await findCycles(ctx.db, org, cycles.slice(1))) {
    const i = cycleIndex.get(c.id);
    if (i === undefined) continue;
    expected[i] = expectedProgress(
      { startDate: c.start_date, endDate: c.end_date },
      view.now,
      view.timeZone,
    );
  }
  for (const p of pending) {
    nodes.health.push(
      HEALTH_CODE[health(p.progress, expected[p.cycle] ?? 0, p.checkedIn, view.thresholds)],
    );
  }

  const edges: CompactAlignmentMap['edges'] = { from: [], to: [], viaKeyResultId: [] };
  for (const [childId, [parentId, via]] of links) {
    const from = nodeIndex.get(childId);
    const to = nodeIndex.get(parentId);
    if (from === undefined || to === undefined) continue;
    edges.from.push(from);
    edges.to.push(to);
    edges.viaKeyResultId.push(via);
  }

  return {
    format: 'compact',
    cycle: toCycleSummary(view.cycle, view.expected),
    cycles,
    healthCodes: [...HEALTH_CODES],
    plans,
    nodes,
    edges,
  };
}

/** GET /cycles/:id/alignment?format=compact: see buildAlignmentMap; progress rounded to 4 decimals. */
export async function getCompactAlignmentMap(
  ctx: AppContext,
  actor: Actor,
  cycleId: string,
  unitId?: string,
): Promise<CompactAlignmentMap> {
  const map = await buildAlignmentMap(ctx, actor, cycleId, unitId);
  const progress = map.nodes.progress;
  for (let i = 0; i < progress.length; i++) progress[i] = round4(progress[i] ?? 0);
  return map;
}

/** The columns as nodes and edges objects (the default `full` format). */
export function expandAlignmentMap(map: CompactAlignmentMap): AlignmentMap {
  const { plans, nodes } = map;
  const out: AlignmentNode[] = new Array<AlignmentNode>(nodes.id.length);
  for (let i = 0; i < nodes.id.length; i++) {
    const p = nodes.plan[i] ?? 0;
    const flags = nodes.flags[i] ?? 0;
    out[i] = {
      id: nodes.id[i] ?? '',
      type: 'objective',
      title: nodes.title[i] ?? '',
      planId: plans.id[p] ?? '',
      ownerType: plans.ownerType[p] ?? 'unit',
      ownerId: plans.ownerId[p] ?? '',
      ownerName: plans.ownerName[p] ?? null,
      cycleId: map.cycles[plans.cycle[p] ?? 0] ?? map.cycle.id,
      progress: nodes.progress[i] ?? 0,
      health: map.healthCodes[nodes.health[i] ?? 3] ?? 'not_started',
      kind: flags & COMPACT_FLAG.aspirational ? 'aspirational' : 'committed',
      visibility: flags & COMPACT_FLAG.private ? 'private' : 'public',
    };
  }
  const edges: AlignmentEdge[] = [];
  for (let e = 0; e < map.edges.from.length; e++) {
    const from = out[map.edges.from[e] ?? -1];
    const to = out[map.edges.to[e] ?? -1];
    if (!from || !to) continue;
    const via = map.edges.viaKeyResultId[e];
    edges.push(
      via === null || via === undefined
        ? { from: from.id, to: to.id, kind: 'aligned' }
        : { from: from.id, to: to.id, kind: 'aligned', viaKeyResultId: via },
    );
  }
  return { cycle: map.cycle, nodes: out, edges };
}

/** GET /cycles/:id/alignment (the full format): see buildAlignmentMap. */
export async function getAlignmentMap(
  ctx: AppContext,
  actor: Actor,
  cycleId: string,
  unitId?: string,
): Promise<AlignmentMap> {
  return expandAlignmentMap(await buildAlignmentMap(ctx, actor, cycleId, unitId));
}
