/**
 * SQL for the cycle dashboard. Counts are aggregated in the database (one CASE on the stored
 * progress per item), so they cost the same for a hundred KRs or a hundred thousand.
 */
import { sql, type RawBuilder } from 'kysely';
import type { DbOrTrx } from '../../context.js';
import type { PlanTable } from '../../db/schema.js';
import { planInUnitScope } from '../alignment/scope.js';
import type { HealthBounds } from './health-bounds.js';

/** a unit tree deeper than this is corrupt; the walk stops there */
const MAX_DEPTH = 64;

/** count(*) and the four health counts of the rows of table alias `alias` */
function healthCountColumns(alias: string, b: HealthBounds) {
  const progress = sql.ref(`${alias}.progress`);
  const checkIn = sql.ref(`${alias}.last_check_in_at`);
  const sumWhen = (condition: RawBuilder<unknown>) =>
    sql<number>`coalesce(sum(case when ${condition} then 1 else 0 end), 0)`;
  return [
    sql<number>`count(*)`.as('total'),
    sumWhen(sql`${checkIn} is null`).as('not_started'),
    sumWhen(sql`${checkIn} is not null and ${progress} >= ${b.onTrackMin}`).as('on_track'),
    sumWhen(
      sql`${checkIn} is not null and ${progress} < ${b.onTrackMin} and ${progress} >= ${b.atRiskMin}`,
    ).as('at_risk'),
    sumWhen(sql`${checkIn} is not null and ${progress} < ${b.atRiskMin}`).as('off_track'),
  ] as const;
}

/** Health counts of the objectives of approved plans in the scope. */
export function countObjectiveHealth(
  db: DbOrTrx,
  organizationId: string,
  cycleId: string,
  unitId: string,
  bounds: HealthBounds,
) {
  return db
    .selectFrom('objectives as o')
    .innerJoin('plans as p', 'p.id', 'o.plan_id')
    .select(healthCountColumns('o', bounds))
    .where('o.organization_id', '=', organizationId)
    .where('p.organization_id', '=', organizationId)
    .where('p.cycle_id', '=', cycleId)
    .where('p.state', '=', 'approved')
    .where(planInUnitScope('p', organizationId, unitId))
    .executeTakeFirstOrThrow();
}

/** Health counts of the KRs of approved plans in the scope, and how many had a check-in since `since`. */
export function countKeyResultHealth(
  db: DbOrTrx,
  organizationId: string,
  cycleId: string,
  unitId: string,
  bounds: HealthBounds,
  since: string,
) {
  return db
    .selectFrom('key_results as kr')
    .innerJoin('plans as p', 'p.id', 'kr.plan_id')
    .select(healthCountColumns('kr', bounds))
    .select(
      sql<number>`coalesce(sum(case when kr.last_check_in_at >= ${since} then 1 else 0 end), 0)`.as(
        'checked_in_since',
      ),
    )
    .where('kr.organization_id', '=', organizationId)
    .where('p.organization_id', '=', organizationId)
    .where('p.cycle_id', '=', cycleId)
    .where('p.state', '=', 'approved')
    .where(planInUnitScope('p', organizationId, unitId))
    .executeTakeFirstOrThrow();
}

/** The number of plans in the scope per state. */
export function countPlansByState(
  db: DbOrTrx,
  organizationId: string,
  cycleId: string,
  unitId: string,
): Promise<{ state: PlanTable['state']; n: number }[]> {
  return db
    .selectFrom('plans as p')
    .select(['p.state', (eb) => eb.fn.countAll<number>().as('n')])
    .where('p.organization_id', '=', organizationId)
    .where('p.cycle_id', '=', cycleId)
    .where(planInUnitScope('p', organizationId, unitId))
    .groupBy('p.state')
    .execute();
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

export type AtRiskRow = Awaited<ReturnType<typeof listLaggingKeyResults>>[number];

/**
 * KRs of approved plans in the scope with a check-in and progress below `onTrackMin` (at risk or
 * off track), worst first; keyset-paged by (progress, id) after `after`. The page is chosen on
 * the KR and plan tables alone, and only its rows are joined to objectives and owner names.
 */
export function listLaggingKeyResults(
  db: DbOrTrx,
  organizationId: string,
  cycleId: string,
  unitId: string,
  onTrackMin: number,
  limit: number,
  after?: { progress: number; id: string },
) {
  return db
    .selectFrom((eb) =>
      eb
        .selectFrom('key_results as k')
        .innerJoin('plans as sp', 'sp.id', 'k.plan_id')
        .select(['k.id', 'k.progress'])
        .where('k.organization_id', '=', organizationId)
        .where('sp.organization_id', '=', organizationId)
        .where('sp.cycle_id', '=', cycleId)
        .where('sp.state', '=', 'approved')
        .where(planInUnitScope('sp', organizationId, unitId))
        .where('k.last_check_in_at', 'is not', null)
        .where('k.progress', '<', onTrackMin)
        .$if(after !== undefined, (qb) =>
          qb.where((w) =>
            w.or([
              w('k.progress', '>', after?.progress ?? 0),
              w.and([w('k.progress', '=', after?.progress ?? 0), w('k.id', '>', after?.id ?? '')]),
            ]),
          ),
        )
        .orderBy('k.progress')
        .orderBy('k.id')
        .limit(limit)
        .as('lagging'),
    )
    .innerJoin('key_results as kr', 'kr.id', 'lagging.id')
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
    .orderBy('lagging.progress')
    .orderBy('lagging.id')
    .execute();
}
