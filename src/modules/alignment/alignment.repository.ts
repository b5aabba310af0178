/** SQL for the read models over one cycle: cycles, units, objective nodes, readable owners. */
import { sql } from 'kysely';
import type { DbOrTrx } from '../../context.js';
import { planInUnitScope } from './scope.js';

/** at most this many ids in one `in (…)` list */
const CHUNK = 500;

export function findCycle(db: DbOrTrx, organizationId: string, id: string) {
  return db
    .selectFrom('cycles')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findCycles(db: DbOrTrx, organizationId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('cycles')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', 'in', ids)
    .execute();
}

export function findUnit(db: DbOrTrx, organizationId: string, id: string) {
  return db
    .selectFrom('units')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The organization's root unit (the company): the oldest unit without a parent. */
export function findRootUnit(db: DbOrTrx, organizationId: string) {
  return db
    .selectFrom('units')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('parent_id', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .executeTakeFirst();
}

/** The ids of the cycle's plans (of the unit scope's, with `unitId`), for `… in (<this>)`. */
function cyclePlanIds(db: DbOrTrx, organizationId: string, cycleId: string, unitId?: string) {
  return db
    .selectFrom('plans as p')
    .select('p.id')
    .where('p.organization_id', '=', organizationId)
    .where('p.cycle_id', '=', cycleId)
    .$if(unitId !== undefined, (qb) =>
      qb.where(planInUnitScope('p', organizationId, unitId ?? '')),
    );
}

/** The plans of the cycle (of the unit scope's, with `unitId`) with their owner's name. */
export function listCyclePlans(
  db: DbOrTrx,
  organizationId: string,
  cycleId: string,
  unitId?: string,
) {
  return db
    .selectFrom('plans as p')
    .leftJoin('users as ou', (j) =>
      j.onRef('ou.id', '=', 'p.owner_id').on('p.owner_type', '=', 'user'),
    )
    .leftJoin('units as un', (j) =>
      j.onRef('un.id', '=', 'p.owner_id').on('p.owner_type', '=', 'unit'),
    )
    .select((eb) => [
      'p.id',
      'p.cycle_id',
      'p.owner_type',
      'p.owner_id',
      eb.fn.coalesce('ou.name', 'un.name').as('owner_name'),
    ])
    .where('p.organization_id', '=', organizationId)
    .where('p.cycle_id', '=', cycleId)
    .$if(unitId !== undefined, (qb) => qb.where(planInUnitScope('p', organizationId, unitId ?? '')))
    .execute();
}

/**
 * Bit flags of an objective, packed by SQL into one integer column (see objectiveFlags): at
 * 40,000 rows, every text column costs the driver ~15 ms to materialize.
 */
export const OBJECTIVE_FLAG = {
  aspirational: 1,
  private: 2,
  checkedIn: 4,
} as const;

const objectiveFlags = sql<number>`(case when o.kind = 'aspirational' then 1 else 0 end)
  + (case when o.visibility = 'private' then 2 else 0 end)
  + (case when o.last_check_in_at is null then 0 else 4 end)`;

/**
 * The objectives of the cycle's plans (of the unit scope's, with `unitId`), slim: kind,
 * visibility and "has a check-in" are packed in `flags` (OBJECTIVE_FLAG); `parent_id` is the
 * objective it aligns to (directly, or through `via_key_result_id`, one of that objective's KRs;
 * null when the KR is gone). Unordered: sorting 40,000 text keys costs more than it is worth.
 */
export function listCycleObjectives(
  db: DbOrTrx,
  organizationId: string,
  cycleId: string,
  unitId?: string,
) {
  return db
    .selectFrom('objectives as o')
    .leftJoin('key_results as kr', (j) =>
      j
        .onRef('kr.id', '=', 'o.aligned_to_key_result_id')
        .on('kr.organization_id', '=', organizationId),
    )
    .select([
      'o.id',
      'o.title',
      'o.plan_id',
      'o.progress',
      objectiveFlags.as('flags'),
      sql<
        string | null
      >`case when o.aligned_to_key_result_id is null then o.aligned_to_objective_id else kr.objective_id end`.as(
        'parent_id',
      ),
      'o.aligned_to_key_result_id as via_key_result_id',
    ])
    .where('o.organization_id', '=', organizationId)
    .where('o.plan_id', 'in', cyclePlanIds(db, organizationId, cycleId, unitId))
    .execute();
}

export type CycleObjectiveRow = Awaited<ReturnType<typeof listCycleObjectives>>[number];

/** Objectives by id (any cycle) with their plan's owner and cycle, and their parent (as listCycleObjectives). */
async function objectivesByIdChunk(db: DbOrTrx, organizationId: string, ids: readonly string[]) {
  return db
    .selectFrom('objectives as o')
    .innerJoin('plans as p', 'p.id', 'o.plan_id')
    .leftJoin('key_results as kr', (j) =>
      j
        .onRef('kr.id', '=', 'o.aligned_to_key_result_id')
        .onRef('kr.organization_id', '=', 'o.organization_id'),
    )
    .leftJoin('users as ou', (j) =>
      j.onRef('ou.id', '=', 'p.owner_id').on('p.owner_type', '=', 'user'),
    )
    .leftJoin('units as un', (j) =>
      j.onRef('un.id', '=', 'p.owner_id').on('p.owner_type', '=', 'unit'),
    )
    .select((eb) => [
      'o.id',
      'o.title',
      'o.plan_id',
      'o.progress',
      objectiveFlags.as('flags'),
      sql<
        string | null
      >`case when o.aligned_to_key_result_id is null then o.aligned_to_objective_id else kr.objective_id end`.as(
        'parent_id',
      ),
      'o.aligned_to_key_result_id as via_key_result_id',
      'p.cycle_id',
      'p.owner_type',
      'p.owner_id',
      eb.fn.coalesce('ou.name', 'un.name').as('owner_name'),
    ])
    .where('o.organization_id', '=', organizationId)
    .where('p.organization_id', '=', organizationId)
    .where('o.id', 'in', ids)
    .execute();
}

export type ObjectiveByIdRow = Awaited<ReturnType<typeof objectivesByIdChunk>>[number];

/** Objectives by id, in chunks so a long list never exceeds the parameter limit. */
export async function listObjectivesByIds(
  db: DbOrTrx,
  organizationId: string,
  ids: readonly string[],
): Promise<ObjectiveByIdRow[]> {
  const out: ObjectiveByIdRow[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    out.push(...(await objectivesByIdChunk(db, organizationId, ids.slice(i, i + CHUNK))));
  }
  return out;
}

/**
 * The plan owners whose private objectives a leader reads: the units `userId` leads and all
 * their descendants, and the members of those units.
 */
export async function listOwnersLedBy(
  db: DbOrTrx,
  organizationId: string,
  userId: string,
): Promise<{ owner_type: 'unit' | 'user'; owner_id: string }[]> {
  const result = await sql<{ owner_type: 'unit' | 'user'; owner_id: string }>`
    with recursive led(id) as (
      select id from units where organization_id = ${organizationId} and leader_id = ${userId}
      union
      select u.id from units u inner join led l on u.parent_id = l.id
      where u.organization_id = ${organizationId}
    )
    select 'unit' as owner_type, id as owner_id from led
    union
    select 'user' as owner_type, m.user_id as owner_id from unit_members m
    where m.organization_id = ${organizationId} and m.unit_id in (select id from led)
  `.execute(db);
  return result.rows;
}
