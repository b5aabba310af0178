/**
 * SQL for retrospectives, the unit cycle summary and carry-over. Every query is scoped to one
 * organization.
 */
import type { DbOrTrx } from '../../context.js';
import type {
  Database,
  KeyResultLifecycleColumns,
  KeyResultTable,
  ObjectiveLifecycleColumns,
  ObjectiveTable,
  RetrospectiveRow,
  RetrospectiveTable,
} from '../../db/schema.js';
import type { Insertable } from 'kysely';

// ── retrospectives ──

function retrospectiveViews(db: DbOrTrx, orgId: string) {
  return db
    .selectFrom('retrospectives as r')
    .leftJoin('users as u', 'u.id', 'r.author_id')
    .selectAll('r')
    .select('u.name as author_name')
    .where('r.organization_id', '=', orgId);
}

export type RetrospectiveView = NonNullable<Awaited<ReturnType<typeof findRetrospectiveView>>>;

export function findRetrospectiveView(db: DbOrTrx, orgId: string, planId: string) {
  return retrospectiveViews(db, orgId).where('r.plan_id', '=', planId).executeTakeFirst();
}

export async function insertRetrospective(db: DbOrTrx, row: RetrospectiveTable): Promise<void> {
  await db.insertInto('retrospectives').values(row).execute();
}

export type RetrospectiveText = Pick<
  RetrospectiveRow,
  'went_well' | 'went_badly' | 'lessons' | 'carry_over' | 'author_id' | 'updated_at'
>;

/** Updates the retrospective if it is still at `version`, bumping it; false if it moved on. */
export async function updateRetrospective(
  db: DbOrTrx,
  orgId: string,
  id: string,
  version: number,
  set: RetrospectiveText,
): Promise<boolean> {
  const r = await db
    .updateTable('retrospectives')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('organization_id', '=', orgId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ── the unit cycle summary ──

export function findUnitName(db: DbOrTrx, orgId: string, unitId: string) {
  return db
    .selectFrom('units')
    .select(['id', 'name'])
    .where('id', '=', unitId)
    .where('organization_id', '=', orgId)
    .executeTakeFirst();
}

export function findCycle(db: DbOrTrx, orgId: string, cycleId: string) {
  return db
    .selectFrom('cycles')
    .selectAll()
    .where('id', '=', cycleId)
    .where('organization_id', '=', orgId)
    .executeTakeFirst();
}

/**
 * The plans of a cycle owned by the unit, the units below it, and the members of all of them,
 * with their owners' names. `union` (not `union all`) ends even on a corrupt tree with a loop.
 */
export function plansOfUnitScope(db: DbOrTrx, orgId: string, unitId: string, cycleId: string) {
  return db
    .withRecursive('scope(id)', (qc) =>
      qc
        .selectFrom('units')
        .select('units.id')
        .where('units.id', '=', unitId)
        .where('units.organization_id', '=', orgId)
        .union(
          qc
            .selectFrom('units')
            .innerJoin('scope', 'scope.id', 'units.parent_id')
            .select('units.id')
            .where('units.organization_id', '=', orgId),
        ),
    )
    .selectFrom('plans')
    .leftJoin('units', (j) =>
      j.onRef('units.id', '=', 'plans.owner_id').on('plans.owner_type', '=', 'unit'),
    )
    .leftJoin('users', (j) =>
      j.onRef('users.id', '=', 'plans.owner_id').on('plans.owner_type', '=', 'user'),
    )
    .select([
      'plans.id',
      'plans.owner_type',
      'plans.owner_id',
      'plans.state',
      'plans.approved_at',
      'units.name as unit_name',
      'users.name as user_name',
    ])
    .where('plans.organization_id', '=', orgId)
    .where('plans.cycle_id', '=', cycleId)
    .where((eb) =>
      eb.or([
        eb.and([
          eb('plans.owner_type', '=', 'unit'),
          eb('plans.owner_id', 'in', eb.selectFrom('scope').select('scope.id')),
        ]),
        eb.and([
          eb('plans.owner_type', '=', 'user'),
          eb(
            'plans.owner_id',
            'in',
            eb
              .selectFrom('unit_members')
              .select('unit_members.user_id')
              .where('unit_members.organization_id', '=', orgId)
              .where('unit_members.unit_id', 'in', eb.selectFrom('scope').select('scope.id')),
          ),
        ]),
      ]),
    )
    .orderBy('plans.id')
    .execute();
}

/** Runs `query` over `ids` in chunks (parameter limits) and concatenates the results. */
async function chunked<T>(
  ids: readonly string[],
  query: (chunk: string[]) => Promise<T[]>,
): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 500) out.push(...(await query(ids.slice(i, i + 500))));
  return out;
}

export function objectivesOfPlans(db: DbOrTrx, orgId: string, planIds: readonly string[]) {
  return chunked(planIds, (chunk) =>
    db
      .selectFrom('objectives')
      .selectAll()
      .where('organization_id', '=', orgId)
      .where('plan_id', 'in', chunk)
      .orderBy('plan_id')
      .orderBy('priority')
      .execute(),
  );
}

export function keyResultsOfPlans(db: DbOrTrx, orgId: string, planIds: readonly string[]) {
  return chunked(planIds, (chunk) =>
    db
      .selectFrom('key_results')
      .selectAll()
      .where('organization_id', '=', orgId)
      .where('plan_id', 'in', chunk)
      .orderBy('priority')
      .execute(),
  );
}

/** Check-in times of these plans' KRs inside [from, to) (ISO timestamps). */
export function checkInTimesOfPlans(
  db: DbOrTrx,
  orgId: string,
  planIds: readonly string[],
  range: { from: string; to: string },
) {
  return chunked(planIds, (chunk) =>
    db
      .selectFrom('check_ins')
      .select(['key_result_id', 'created_at'])
      .where('organization_id', '=', orgId)
      .where('plan_id', 'in', chunk)
      .where('created_at', '>=', range.from)
      .where('created_at', '<', range.to)
      .execute(),
  );
}

/** Adjustments of these plans that were not rejected (pending ones included). */
export function adjustmentsOfPlans(db: DbOrTrx, orgId: string, planIds: readonly string[]) {
  return chunked(planIds, (chunk) =>
    db
      .selectFrom('adjustments')
      .select([
        'id',
        'plan_id',
        'target_type',
        'target_id',
        'kind',
        'before',
        'after',
        'reason',
        'status',
        'visibility',
        'created_at',
      ])
      .where('organization_id', '=', orgId)
      .where('plan_id', 'in', chunk)
      .where('status', '!=', 'rejected')
      .execute(),
  );
}

/** Which of these plans have a retrospective. */
export async function plansWithRetrospective(
  db: DbOrTrx,
  orgId: string,
  planIds: readonly string[],
): Promise<Set<string>> {
  const rows = await chunked(planIds, (chunk) =>
    db
      .selectFrom('retrospectives')
      .select('plan_id')
      .where('organization_id', '=', orgId)
      .where('plan_id', 'in', chunk)
      .execute(),
  );
  return new Set(rows.map((r) => r.plan_id));
}

// ── carry-over ──

/** The plan of an owner in a cycle, if any. */
export function findPlanOfOwner(
  db: DbOrTrx,
  orgId: string,
  owner: { cycleId: string; ownerType: 'unit' | 'user'; ownerId: string },
) {
  return db
    .selectFrom('plans')
    .select('id')
    .where('organization_id', '=', orgId)
    .where('cycle_id', '=', owner.cycleId)
    .where('owner_type', '=', owner.ownerType)
    .where('owner_id', '=', owner.ownerId)
    .executeTakeFirst();
}

export async function insertCarriedObjective(
  db: DbOrTrx,
  row: ObjectiveTable & ObjectiveLifecycleColumns,
): Promise<void> {
  await db.insertInto('objectives').values(row).execute();
}

export async function insertCarriedKeyResult(
  db: DbOrTrx,
  row: KeyResultTable & Pick<KeyResultLifecycleColumns, 'carried_from_key_result_id'>,
): Promise<void> {
  const values: Insertable<Database['key_results']> = row;
  await db.insertInto('key_results').values(values).execute();
}
