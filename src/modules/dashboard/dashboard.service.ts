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
  findLaggingKeyResults,
  listLaggingKeyResultIds,
  listScopeUnits,
  summarizeScope,
  type LaggingStrategy,
  type SummaryPart,
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

  // the company holds most plans: walk its lagging KRs worst first; a unit's are few, sort them
  const strategy: LaggingStrategy = scope.parent_id === null ? 'by-progress' : 'by-plan';
  const summarize = (parts?: SummaryPart[]) =>
    summarizeScope(
      ctx.db,
      org,
      cycleId,
      scope.id,
      bounds,
      since,
      { limit: AT_RISK_PAGE, strategy },
      parts,
    );
  const [unitRows, summary, readScope] = await Promise.all([
    listScopeUnits(ctx.db, org, scope.id, cycleId),
    // SQLite runs one statement at a time: one statement, one scope. PostgreSQL runs the pool's
    // statements side by side: the two big counts each on a connection of their own.
    ctx.engine === 'postgres'
      ? Promise.all([
          summarize(['plans', 'lagging']),
          summarize(['objectives']),
          summarize(['key_results']),
        ]).then(([a, b, c]) => ({ ...a, objectives: b.objectives, keyResults: c.keyResults }))
      : summarize(),
    loadPrivateReadScope(ctx.db, actor),
  ]);

  // Lagging KRs, worst first; private ones the actor may not read are skipped, not counted.
  const atRisk: AtRiskKeyResult[] = [];
  let page = summary.lagging;
  for (;;) {
    const rows = new Map(
      (
        await findLaggingKeyResults(
          ctx.db,
          org,
          page.map((p) => p.id),
        )
      ).map((r) => [r.id, r]),
    );
    for (const { id } of page) {
      const row = rows.get(id);
      if (atRisk.length >= AT_RISK_LIMIT) break;
      // gone between the two reads: left out
      if (row && isObjectiveVisible(readScope, row.visibility, row.owner_type, row.owner_id)) {
        atRisk.push(toAtRiskKeyResult(row, view.expected, healthOf(view, row)));
      }
    }
    const last = page[page.length - 1];
    if (atRisk.length >= AT_RISK_LIMIT || page.length < AT_RISK_PAGE || last === undefined) break;
    page = await listLaggingKeyResultIds(
      ctx.db,
      org,
      cycleId,
      scope.id,
      bounds.onTrackMin,
      AT_RISK_PAGE,
      strategy,
      last,
    );
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
  for (const s of summary.plansByState) plansByState[s.state] = s.n;

  const keyResultCounts = summary.keyResults;
  const keyResultTotal = keyResultCounts.total;
  return {
    cycle: toCycleSummary(view.cycle, view.expected),
    unitId: scope.id,
    progress,
    expectedProgress: view.expected,
    health: toHealthCounts(summary.objectives),
    keyResultHealth: toHealthCounts(keyResultCounts),
    units,
    atRisk,
    checkInRate:
      keyResultTotal === 0 ? 0 : Number(keyResultCounts.checked_in_since) / keyResultTotal,
    plansByState,
  };
}
