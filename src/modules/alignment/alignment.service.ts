/**
 * The alignment map of a cycle (the seed's 与战略目标对齐): objectives as nodes, "aligned to"
 * links as edges from child to parent. A read model over the stored roll-ups: a few set-based
 * queries (plans, objectives, the KRs they align to, then one per level of parents outside the
 * set), never one query per node.
 */
import type { AppContext } from '../../context.js';
import type { Actor } from '../../domain/policy.js';
import { expectedProgress, health } from '../../domain/progress.js';
import {
  findCycles,
  listAlignedKeyResults,
  listCycleObjectives,
  listCyclePlans,
  listObjectivesByIds,
  OBJECTIVE_FLAG,
  type ObjectiveByIdRow,
} from './alignment.repository.js';
import {
  toAlignmentNode,
  toCycleSummary,
  type AlignmentEdge,
  type AlignmentMap,
  type AlignmentNode,
  type ObjectiveTraits,
} from './alignment.schema.js';
import { loadCycleView, loadScopeUnit } from './cycle-view.js';
import { isObjectiveVisible, loadPrivateReadScope } from './visibility.js';

/** alignment is acyclic; this only bounds the walk up through a corrupt loop */
const MAX_ANCESTOR_LEVELS = 64;

interface Link {
  parentId: string;
  viaKeyResultId?: string;
}

function traitsOf(flags: number): ObjectiveTraits & { alignedToKeyResult: boolean } {
  const f = Number(flags);
  return {
    kind: f & OBJECTIVE_FLAG.aspirational ? 'aspirational' : 'committed',
    visibility: f & OBJECTIVE_FLAG.private ? 'private' : 'public',
    checkedIn: (f & OBJECTIVE_FLAG.checkedIn) !== 0,
    alignedToKeyResult: (f & OBJECTIVE_FLAG.alignedToKeyResult) !== 0,
  };
}

/** The parent objective of a row that aligns to `alignedTo` (a KR id when `viaKeyResult`). */
function linkOf(
  alignedTo: string | null,
  viaKeyResult: boolean,
  objectiveOfKeyResult: (keyResultId: string) => string | null | undefined,
): Link | null {
  if (alignedTo === null) return null;
  if (!viaKeyResult) return { parentId: alignedTo };
  const parentId = objectiveOfKeyResult(alignedTo);
  return parentId ? { parentId, viaKeyResultId: alignedTo } : null;
}

/**
 * GET /cycles/:id/alignment. Nodes: the objectives of the cycle's plans (with `unitId`, of the
 * plans in that unit's scope), plus the objectives they align to up the chain, in this or in
 * enclosing cycles, so both ends of every edge are nodes. Private objectives the actor may not
 * read are left out with their edges. Each node's health is measured against its own cycle.
 */
export async function getAlignmentMap(
  ctx: AppContext,
  actor: Actor,
  cycleId: string,
  unitId?: string,
): Promise<AlignmentMap> {
  const view = await loadCycleView(ctx, actor, cycleId);
  if (unitId !== undefined) await loadScopeUnit(ctx, actor, unitId);
  const org = actor.organizationId;
  const [plans, rows, alignedKeyResults, readScope] = await Promise.all([
    listCyclePlans(ctx.db, org, cycleId, unitId),
    listCycleObjectives(ctx.db, org, cycleId, unitId),
    listAlignedKeyResults(ctx.db, org, cycleId, unitId),
    loadPrivateReadScope(ctx.db, actor),
  ]);
  const planById = new Map(plans.map((p) => [p.id, p]));
  const objectiveOfKeyResult = new Map(alignedKeyResults.map((k) => [k.id, k.objective_id]));

  const nodes = new Map<string, AlignmentNode>();
  const links = new Map<string, Link>();
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
    const node = toAlignmentNode(
      row,
      plan,
      traits,
      health(row.progress, view.expected, traits.checkedIn, view.thresholds),
    );
    nodes.set(row.id, node);
    const link = linkOf(row.aligned_to, traits.alignedToKeyResult, (k) =>
      objectiveOfKeyResult.get(k),
    );
    if (link) links.set(row.id, link);
  }

  // Walk up, level by level: parents outside the set (other units' objectives, enclosing cycles).
  const ancestors: ObjectiveByIdRow[] = [];
  let frontier = [...links.values()].map((l) => l.parentId);
  for (let level = 0; level < MAX_ANCESTOR_LEVELS && frontier.length > 0; level++) {
    const missing = [...new Set(frontier)].filter((id) => !looked.has(id));
    for (const id of missing) looked.add(id);
    frontier = [];
    for (const row of await listObjectivesByIds(ctx.db, org, missing)) {
      const traits = traitsOf(row.flags);
      if (!isObjectiveVisible(readScope, traits.visibility, row.owner_type, row.owner_id)) continue;
      ancestors.push(row);
      const link = linkOf(
        row.aligned_to,
        traits.alignedToKeyResult,
        () => row.aligned_key_result_objective_id,
      );
      if (link) {
        links.set(row.id, link);
        frontier.push(link.parentId);
      }
    }
  }

  // Parents may live in an enclosing cycle: their health is measured against that cycle.
  const expectedByCycle = new Map<string, number>([[cycleId, view.expected]]);
  const otherCycleIds = new Set(
    ancestors.map((a) => a.cycle_id).filter((id) => !expectedByCycle.has(id)),
  );
  for (const c of await findCycles(ctx.db, org, [...otherCycleIds])) {
    expectedByCycle.set(
      c.id,
      expectedProgress({ startDate: c.start_date, endDate: c.end_date }, view.now, view.timeZone),
    );
  }
  for (const row of ancestors) {
    const traits = traitsOf(row.flags);
    const expected = expectedByCycle.get(row.cycle_id) ?? 0;
    nodes.set(
      row.id,
      toAlignmentNode(
        row,
        row,
        traits,
        health(row.progress, expected, traits.checkedIn, view.thresholds),
      ),
    );
  }

  const edges: AlignmentEdge[] = [];
  for (const [childId, link] of links) {
    if (!nodes.has(childId) || !nodes.has(link.parentId)) continue;
    edges.push(
      link.viaKeyResultId === undefined
        ? { from: childId, to: link.parentId, kind: 'aligned' }
        : {
            from: childId,
            to: link.parentId,
            kind: 'aligned',
            viaKeyResultId: link.viaKeyResultId,
          },
    );
  }

  return { cycle: toCycleSummary(view.cycle, view.expected), nodes: [...nodes.values()], edges };
}
