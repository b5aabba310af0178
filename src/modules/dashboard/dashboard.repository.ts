/**
 * SQL for the cycle dashboard. Counts are aggregated in the database (one CASE on the stored
 * progress per item, read from covering indexes), in one statement over the scope's plans.
 */
import { sql, type RawBuilder } from 'kysely';
import type { DbOrTrx } from '../../context.js';
import type { PlanTable } from '../../db/schema.js';
import type { HealthBounds } from './health-bounds.js';

/** a unit tree deeper than this is corrupt; the walk stops there */
const MAX_DEPTH = 64;

/**
 * `with recursive …, scope_plans(id, state)`: the cycle's plans in the scope of `unitId` (plans of
 * the unit and its descendants, user plans of their members), computed once per statement and
 * materialized, so every count of the statement reads it instead of re-running the scope.
 */
function withScopePlans(organizationId: string, cycleId: string, unitId: string) {
  // `union` (not `union all`) also ends the walk on a corrupt parent loop
  return sql`with recursive subtree(id) as (
      select id from units where organization_id = ${organizationId} and id = ${unitId}
      union
      select u.id from units u inner join subtree s on u.parent_id = s.id
      where u.organization_id = ${organizationId}
    ),
    scope_plans as materialized (
      select p.id, p.state from plans p
      where p.organization_id = ${organizationId} and p.cycle_id = ${cycleId}
        and ((p.owner_type = 'unit' and p.owner_id in (select id from subtree))
          or (p.owner_type = 'user' and p.owner_id in (
            select m.user_id from unit_members m
            where m.organization_id = ${organizationId} and m.unit_id in (select id from subtree)
          )))
    )`;
}

/** count(*) and the four health counts of the rows of table alias `alias` */
function healthCounts(alias: string, b: HealthBounds) {
  const progress = sql.ref(`${alias}.progress`);
  const checkIn = sql.ref(`${alias}.last_check_in_at`);
  const sumWhen = (condition: RawBuilder<unknown>) =>
    sql`coalesce(sum(case when ${condition} then 1 else 0 end), 0)`;
  return sql`count(*) as total,
    ${sumWhen(sql`${checkIn} is null`)} as not_started,
    ${sumWhen(sql`${checkIn} is not null and ${progress} >= ${b.onTrackMin}`)} as on_track,
    ${sumWhen(sql`${checkIn} is not null and ${progress} < ${b.onTrackMin} and ${progress} >= ${b.atRiskMin}`)} as at_risk,
    ${sumWhen(sql`${checkIn} is not null and ${progress} < ${b.atRiskMin}`)} as off_track`;
}

export interface HealthCountRow {
  total: number;
  not_started: number;
  on_track: number;
  at_risk: number;
  off_track: number;
}

export interface ScopeSummary {
  /** the number of plans in the scope per state */
  plansByState: { state: PlanTable['state']; n: number }[];
  /** health counts of the objectives of approved plans in the scope */
  objectives: HealthCountRow;
  /** health counts of the KRs of approved plans in the scope, and how many had a check-in since `since` */
  keyResults: HealthCountRow & { checked_in_since: number };
  /** the first page of lagging KRs, as listLaggingKeyResultIds would return it */
  lagging: { id: string; progress: number }[];
}

/** how the lagging KRs of a scope are found (see lagging) */
export type LaggingStrategy = 'by-progress' | 'by-plan';

/**
 * `lagging(id, progress)`: checked-in KRs of approved plans in the scope with progress below
 * `onTrackMin`, worst first, keyset-paged by (progress, id). `by-progress` walks the
 * organization's checked-in KRs in progress order (key_results_lagging_idx) and stops after a
 * page: right for a scope holding most plans (the company). `by-plan` reads the scope's KRs plan
 * by plan and sorts them: right for a small scope.
 */
function laggingCte(
  organizationId: string,
  onTrackMin: number,
  limit: number,
  strategy: LaggingStrategy,
  after?: { progress: number; id: string },
) {
  // SQLite keeps the order of a cross join (the KRs outside); PostgreSQL plans it as any join
  const join =
    strategy === 'by-progress'
      ? sql`key_results k cross join scope_plans sp`
      : sql`scope_plans sp inner join key_results k on k.plan_id = sp.id`;
  const keyset =
    after === undefined
      ? sql``
      : sql`and (k.progress > ${after.progress} or (k.progress = ${after.progress} and k.id > ${after.id}))`;
  return sql`lagging as (
      select k.id, k.progress from ${join}
      where sp.id = k.plan_id and sp.state = 'approved'
        and k.organization_id = ${organizationId}
        and k.last_check_in_at is not null and k.progress < ${onTrackMin}
        ${keyset}
      order by k.progress, k.id
      limit ${limit}
    )`;
}

/** the parts of a ScopeSummary; summarizeScope computes the ones asked for */
export type SummaryPart = 'plans' | 'objectives' | 'key_results' | 'lagging';
const ALL_PARTS: readonly SummaryPart[] = ['plans', 'objectives', 'key_results', 'lagging'];

/**
 * Everything the dashboard counts, in one statement over one materialized scope: plans per state,
 * objective and KR health (from the stored roll-ups, read through the covering
 * *_plan_progress_idx indexes), and the first page of lagging KRs. One row per plan state, one
 * for objectives, one for KRs, one per lagging KR. (`plan_id in (select … scope_plans)` rather
 * than a join: SQLite then reads the covering index only; as a join repeated over the same
 * materialized CTE it visits every KR's row too, at twice the cost.)
 */
export async function summarizeScope(
  db: DbOrTrx,
  organizationId: string,
  cycleId: string,
  unitId: string,
  bounds: HealthBounds,
  since: string,
  lagging: { limit: number; strategy: LaggingStrategy },
  parts: readonly SummaryPart[] = ALL_PARTS,
): Promise<ScopeSummary> {
  const selects = {
    plans: sql`select 'plans' as kind, sp.state as label, count(*) as total, 0 as not_started,
      0 as on_track, 0 as at_risk, 0 as off_track, 0 as extra
    from scope_plans sp group by sp.state`,
    objectives: sql`select 'objectives' as kind, null as label, ${healthCounts('o', bounds)},
      0 as extra
    from objectives o
    where o.plan_id in (select id from scope_plans where state = 'approved')
      and o.organization_id = ${organizationId}`,
    key_results: sql`select 'key_results' as kind, null as label, ${healthCounts('kr', bounds)},
      coalesce(sum(case when kr.last_check_in_at >= ${since} then 1 else 0 end), 0) as extra
    from key_results kr
    where kr.plan_id in (select id from scope_plans where state = 'approved')
      and kr.organization_id = ${organizationId}`,
    lagging: sql`select 'lagging' as kind, l.id as label, 0 as total, 0 as not_started,
      0 as on_track, 0 as at_risk, 0 as off_track, l.progress as extra from lagging l`,
  };
  const ctes = parts.includes('lagging')
    ? sql`${withScopePlans(organizationId, cycleId, unitId)},
    ${laggingCte(organizationId, bounds.onTrackMin, lagging.limit, lagging.strategy)}`
    : withScopePlans(organizationId, cycleId, unitId);
  const result = await sql<{
    kind: SummaryPart;
    label: string | null;
    total: number;
    not_started: number;
    on_track: number;
    at_risk: number;
    off_track: number;
    extra: number;
  }>`${ctes}
    ${sql.join(
      parts.map((part) => selects[part]),
      sql`
    union all
    `,
    )}`.execute(db);

  const zero = (): HealthCountRow => ({
    total: 0,
    not_started: 0,
    on_track: 0,
    at_risk: 0,
    off_track: 0,
  });
  const counts = (r: (typeof result.rows)[number]): HealthCountRow => ({
    total: Number(r.total),
    not_started: Number(r.not_started),
    on_track: Number(r.on_track),
    at_risk: Number(r.at_risk),
    off_track: Number(r.off_track),
  });
  const out: ScopeSummary = {
    plansByState: [],
    objectives: zero(),
    keyResults: { ...zero(), checked_in_since: 0 },
    lagging: [],
  };
  for (const r of result.rows) {
    if (r.kind === 'plans') {
      out.plansByState.push({ state: r.label as PlanTable['state'], n: Number(r.total) });
    } else if (r.kind === 'objectives') out.objectives = counts(r);
    else if (r.kind === 'key_results') {
      out.keyResults = { ...counts(r), checked_in_since: Number(r.extra) };
    } else if (r.label !== null) out.lagging.push({ id: r.label, progress: Number(r.extra) });
  }
  out.lagging.sort(byProgressThenId);
  return out;
}

const byProgressThenId = (
  a: { progress: number; id: string },
  b: { progress: number; id: string },
) => a.progress - b.progress || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A further page of lagging KRs (after the one summarizeScope returned), worst first. */
export async function listLaggingKeyResultIds(
  db: DbOrTrx,
  organizationId: string,
  cycleId: string,
  unitId: string,
  onTrackMin: number,
  limit: number,
  strategy: LaggingStrategy,
  after?: { progress: number; id: string },
): Promise<{ id: string; progress: number }[]> {
  const result = await sql<{ id: string; progress: number }>`${withScopePlans(
    organizationId,
    cycleId,
    unitId,
  )},
    ${laggingCte(organizationId, onTrackMin, limit, strategy, after)}
    select id, progress from lagging`.execute(db);
  return result.rows
    .map((r) => ({ id: r.id, progress: Number(r.progress) }))
    .sort(byProgressThenId);
}

/** The unit and its descendants with their depth below it, and each one's plan in the cycle. */
export function listScopeUnits(
  db: DbOrTrx,
  organizationId: string,
  unitId: string,
  cycleId: string,
) {
  return db
    .withRecursive('subtree(id, depth)', (qb) =>
      qb
        .selectFrom('units')
        .select(['units.id', sql<number>`0`.as('depth')])
        .where('units.organization_id', '=', organizationId)
        .where('units.id', '=', unitId)
        .unionAll(
          qb
            .selectFrom('units as u')
            .innerJoin('subtree as s', 's.id', 'u.parent_id')
            .select(['u.id', sql<number>`s.depth + 1`.as('depth')])
            .where('u.organization_id', '=', organizationId)
            .where('s.depth', '<', MAX_DEPTH),
        ),
    )
    .selectFrom('subtree')
    .innerJoin('units', 'units.id', 'subtree.id')
    .leftJoin('plans as p', (j) =>
      j
        .onRef('p.owner_id', '=', 'units.id')
        .on('p.owner_type', '=', 'unit')
        .on('p.cycle_id', '=', cycleId)
        .on('p.organization_id', '=', organizationId),
    )
    .select([
      'units.id',
      'units.name',
      'units.parent_id',
      'units.leader_id',
      'subtree.depth',
      'p.id as plan_id',
      'p.progress',
      'p.last_check_in_at',
    ])
    .where('units.organization_id', '=', organizationId)
    .execute();
}

export type AtRiskRow = Awaited<ReturnType<typeof findLaggingKeyResults>>[number];

/** The lagging KRs `ids` (one page, ≤ a few hundred) with their objective and owner, unordered. */
export async function findLaggingKeyResults(
  db: DbOrTrx,
  organizationId: string,
  ids: readonly string[],
) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('key_results as kr')
    .innerJoin('objectives as o', 'o.id', 'kr.objective_id')
    .innerJoin('plans as p', 'p.id', 'kr.plan_id')
    .leftJoin('users as ou', (j) =>
      j.onRef('ou.id', '=', 'p.owner_id').on('p.owner_type', '=', 'user'),
    )
    .leftJoin('units as un', (j) =>
      j.onRef('un.id', '=', 'p.owner_id').on('p.owner_type', '=', 'unit'),
    )
    .select((eb) => [
      'kr.id',
      'kr.title',
      'kr.objective_id',
      'kr.plan_id',
      'kr.progress',
      'kr.confidence',
      'kr.last_check_in_at',
      'o.visibility',
      'p.owner_type',
      'p.owner_id',
      eb.fn.coalesce('ou.name', 'un.name').as('owner_name'),
    ])
    .where('kr.organization_id', '=', organizationId)
    .where('kr.id', 'in', ids)
    .execute();
}
