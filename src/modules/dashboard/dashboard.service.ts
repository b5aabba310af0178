/**
 * The cycle dashboard of a unit scope (a unit, its descendants, their members' plans): progress,
 * health counts, the unit tree, lagging KRs and the check-in rate. A read model over the stored
 * roll-ups; counts are aggregated in SQL.
 */
import type { AppContext } from '../../context.js';
import type { Actor } from '../../domain/policy.js';
import { toCycleSummary } from '../alignment/alignment.schema.js';
import { healthOf, loadCycleView, loadScopeUnit } from '../alignment/cycle-view.js';
import { isObjectiveVisible, loadPrivateReadScope } from '../alignment/visibility.js';
import {
  countKeyResultHealth,
  countObjectiveHealth,
  countPlansByState,
  listLaggingKeyResults,
  listScopeUnits,
} from './dashboard.repository.js';
import {
  toAtRiskKeyResult,
  toHealthCounts,
  type AtRiskKeyResult,
  type Dashboard,
  type DashboardUnit,
} from './dashboard.schema.js';
import { healthBounds } from './health-bounds.js';

const AT_RISK_LIMIT = 20;
/** lagging KRs are read in pages of this size until AT_RISK_LIMIT readable ones are found */
const AT_RISK_PAGE = 100;
const CHECK_IN_WINDOW_MS = 7 * 86_400_000;

type UnitRow = Awaited<ReturnType<typeof listScopeUnits>>[number];

/** Depth-first from the scope unit, siblings by name, so the list reads as an indented tree. */
function inTreeOrder(rows: UnitRow[], rootId: string): UnitRow[] {
  const children = new Map<string | null, UnitRow[]>();
  for (const r of rows) {
    const list = children.get(r.parent_id) ?? [];
    list.push(r);
    children.set(r.parent_id, list);
  }
  for (const list of children.values()) {
    list.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  }
  const out: UnitRow[] = [];
  const root = rows.find((r) => r.id === rootId);
  const stack = root ? [root] : [];
  while (stack.length > 0) {
    const next = stack.pop();
    if (next === undefined) break;
    out.push(next);
    stack.push(...(children.get(next.id) ?? []).slice().reverse());
  }
  return out;
}

/** GET /cycles/:id/dashboard */
export async function getDashboard(
  ctx: AppContext,
  actor: Actor,
  cycleId: string,
  unitId?: string,
): Promise<Dashboard> {
  const view = await loadCycleView(ctx, actor, cycleId);
  const scope = await loadScopeUnit(ctx, actor, unitId);
  const org = actor.organizationId;
  const bounds = healthBounds(view.expected, view.thresholds);
  const since = new Date(view.now.getTime() - CHECK_IN_WINDOW_MS).toISOString();

  const [unitRows, objectiveCounts, keyResultCounts, planStates, readScope] = await Promise.all([
    listScopeUnits(ctx.db, org, scope.id, cycleId),
    countObjectiveHealth(ctx.db, org, cycleId, scope.id, bounds),
    countKeyResultHealth(ctx.db, org, cycleId, scope.id, bounds, since),
    countPlansByState(ctx.db, org, cycleId, scope.id),
    loadPrivateReadScope(ctx.db, actor),
  ]);

  // Lagging KRs, worst first; private ones the actor may not read are skipped, not counted.
  const atRisk: AtRiskKeyResult[] = [];
  let after: { progress: number; id: string } | undefined;
  for (;;) {
    const batch = await listLaggingKeyResults(
      ctx.db,
      org,
      cycleId,
      scope.id,
      bounds.onTrackMin,
      AT_RISK_PAGE,
      after,
    );
    for (const row of batch) {
      if (atRisk.length >= AT_RISK_LIMIT) break;
      if (isObjectiveVisible(readScope, row.visibility, row.owner_type, row.owner_id)) {
        atRisk.push(toAtRiskKeyResult(row, view.expected, healthOf(view, row)));
      }
    }
    const last = batch[batch.length - 1];
    if (atRisk.length >= AT_RISK_LIMIT || batch.length < AT_RISK_PAGE || last === undefined) break;
    after = { progress: last.progress, id: last.id };
  }

  const units: DashboardUnit[] = inTreeOrder(unitRows, scope.id).map((u) => ({
    unitId: u.id,
    name: u.name,
    parentId: u.parent_id,
    depth: Number(u.depth),
    leaderId: u.leader_id,
    planId: u.plan_id,
    progress: u.plan_id === null ? null : (u.progress ?? 0),
    health:
      u.plan_id === null
        ? null
        : healthOf(view, { progress: u.progress ?? 0, last_check_in_at: u.last_check_in_at }),
  }));
  const unitPlans = units.filter((u) => u.progress !== null);
  const own = units.find((u) => u.unitId === scope.id);
  const progress =
    own?.progress ??
    (unitPlans.length === 0
      ? 0
      : unitPlans.reduce((sum, u) => sum + (u.progress ?? 0), 0) / unitPlans.length);

  const plansByState = { draft: 0, in_review: 0, changes_requested: 0, approved: 0, closed: 0 };
  for (const s of planStates) plansByState[s.state] = Number(s.n);

  const keyResultTotal = Number(keyResultCounts.total);
  return {
    cycle: toCycleSummary(view.cycle, view.expected),
    unitId: scope.id,
    progress,
    expectedProgress: view.expected,
    health: toHealthCounts(objectiveCounts),
    keyResultHealth: toHealthCounts(keyResultCounts),
    units,
    atRisk,
    checkInRate:
      keyResultTotal === 0 ? 0 : Number(keyResultCounts.checked_in_since) / keyResultTotal,
    plansByState,
  };
}
