/** SQL for units and their memberships. Every query is scoped to one organization. */
import type { DbOrTrx } from '../../context.js';
import type { UnitTable } from '../../db/schema.js';

export function findUnit(db: DbOrTrx, organizationId: string, id: string) {
  return db
    .selectFrom('units')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The whole tree of the organization (id, parent, leader), for tree rules. */
export function listUnitTree(db: DbOrTrx, organizationId: string) {
  return db
    .selectFrom('units')
    .select(['id', 'parent_id', 'leader_id'])
    .where('organization_id', '=', organizationId)
    .execute();
}

/** Ids among `ids` that are units of the organization. */
export async function existingUnitIds(
  db: DbOrTrx,
  organizationId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('units')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** By name then id, keyset-paginated; `limit + 1` rows. */
export function listUnits(
  db: DbOrTrx,
  f: { organizationId: string; limit: number; after?: { name: string; id: string } },
) {
  let query = db.selectFrom('units').selectAll().where('organization_id', '=', f.organizationId);
  if (f.after) {
    const { name, id } = f.after;
    query = query.where((eb) =>
      eb.or([eb('name', '>', name), eb.and([eb('name', '=', name), eb('id', '>', id)])]),
    );
  }
  return query
    .orderBy('name')
    .orderBy('id')
    .limit(f.limit + 1)
    .execute();
}

export async function insertUnit(db: DbOrTrx, row: UnitTable): Promise<void> {
  await db.insertInto('units').values(row).execute();
}

/** Applies `changes` when the unit is still at `version` and bumps it; false otherwise. */
export async function updateUnit(
  db: DbOrTrx,
  organizationId: string,
  id: string,
  version: number,
  changes: Partial<Pick<UnitTable, 'name' | 'parent_id' | 'leader_id' | 'updated_at'>>,
): Promise<boolean> {
  const r = await db
    .updateTable('units')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Bumps the version of a unit whose membership changed. */
export async function touchUnit(
  db: DbOrTrx,
  organizationId: string,
  id: string,
  now: string,
): Promise<void> {
  await db
    .updateTable('units')
    .set((eb) => ({ updated_at: now, version: eb('version', '+', 1) }))
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();
}

export async function deleteUnit(db: DbOrTrx, organizationId: string, id: string): Promise<void> {
  await db
    .deleteFrom('unit_members')
    .where('organization_id', '=', organizationId)
    .where('unit_id', '=', id)
    .execute();
  await db
    .deleteFrom('units')
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();
}

export async function countChildUnits(
  db: DbOrTrx,
  organizationId: string,
  id: string,
): Promise<number> {
  const r = await db
    .selectFrom('units')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organization_id', '=', organizationId)
    .where('parent_id', '=', id)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Plans owned by the unit, in any cycle. */
export async function countUnitPlans(
  db: DbOrTrx,
  organizationId: string,
  id: string,
): Promise<number> {
  const r = await db
    .selectFrom('plans')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organization_id', '=', organizationId)
    .where('owner_type', '=', 'unit')
    .where('owner_id', '=', id)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Memberships of the given units, oldest first. */
export function membershipsOfUnits(db: DbOrTrx, organizationId: string, unitIds: string[]) {
  if (unitIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('unit_members')
    .select(['unit_id', 'user_id'])
    .where('organization_id', '=', organizationId)
    .where('unit_id', 'in', unitIds)
    .orderBy('created_at')
    .orderBy('user_id')
    .execute();
}

/** Memberships of the given users, oldest first (the first is the user's primary unit). */
export function membershipsOfUsers(db: DbOrTrx, organizationId: string, userIds: string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('unit_members')
    .select(['unit_id', 'user_id'])
    .where('organization_id', '=', organizationId)
    .where('user_id', 'in', userIds)
    .orderBy('created_at')
    .orderBy('unit_id')
    .execute();
}

/** The member rows of a unit, by name. */
export function membersOfUnit(db: DbOrTrx, organizationId: string, unitId: string) {
  return db
    .selectFrom('unit_members')
    .innerJoin('users', 'users.id', 'unit_members.user_id')
    .selectAll('users')
    .where('unit_members.organization_id', '=', organizationId)
    .where('unit_members.unit_id', '=', unitId)
    .orderBy('users.name')
    .orderBy('users.id')
    .execute();
}

/** Adds a membership; false when it already existed. */
export async function addMember(
  db: DbOrTrx,
  m: { organizationId: string; unitId: string; userId: string; now: string },
): Promise<boolean> {
  const r = await db
    .insertInto('unit_members')
    .values({
      organization_id: m.organizationId,
      unit_id: m.unitId,
      user_id: m.userId,
      created_at: m.now,
    })
    .onConflict((oc) => oc.columns(['unit_id', 'user_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Removes a membership; false when there was none. */
export async function removeMember(
  db: DbOrTrx,
  organizationId: string,
  unitId: string,
  userId: string,
): Promise<boolean> {
  const r = await db
    .deleteFrom('unit_members')
    .where('organization_id', '=', organizationId)
    .where('unit_id', '=', unitId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Ids of the units the user leads. */
export async function unitsLedBy(
  db: DbOrTrx,
  organizationId: string,
  userId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('units')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('leader_id', '=', userId)
    .execute();
  return rows.map((r) => r.id);
}

/** Ids of the unit's direct children, by name. */
export async function childUnitIds(
  db: DbOrTrx,
  organizationId: string,
  id: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('units')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('parent_id', '=', id)
    .orderBy('name')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}
