/** SQL for cycles (and closing their plans). Every query is scoped to one organization. */
import type { DbOrTrx } from '../../context.js';
import type { CycleTable } from '../../db/schema.js';

export function findCycle(db: DbOrTrx, organizationId: string, id: string) {
  return db
    .selectFrom('cycles')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Every cycle's place in the tree and its dates, for enclosure and cycle rules. */
export function listCycleTree(db: DbOrTrx, organizationId: string) {
  return db
    .selectFrom('cycles')
    .select(['id', 'parent_id', 'start_date', 'end_date'])
    .where('organization_id', '=', organizationId)
    .execute();
}

/** Newest start first (then id, descending), keyset-paginated; `limit + 1` rows. */
export function listCycles(
  db: DbOrTrx,
  f: {
    organizationId: string;
    limit: number;
    state?: CycleTable['state'];
    after?: { startDate: string; id: string };
  },
) {
  let query = db.selectFrom('cycles').selectAll().where('organization_id', '=', f.organizationId);
  if (f.state !== undefined) query = query.where('state', '=', f.state);
  if (f.after) {
    const { startDate, id } = f.after;
    query = query.where((eb) =>
      eb.or([
        eb('start_date', '<', startDate),
        eb.and([eb('start_date', '=', startDate), eb('id', '<', id)]),
      ]),
    );
  }
  return query
    .orderBy('start_date', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
    .execute();
}

export async function insertCycle(db: DbOrTrx, row: CycleTable): Promise<void> {
  await db.insertInto('cycles').values(row).execute();
}

/** Applies `changes` when the cycle is still at `version` and bumps it; false otherwise. */
export async function updateCycle(
  db: DbOrTrx,
  organizationId: string,
  id: string,
  version: number,
  changes: Partial<
    Pick<
      CycleTable,
      'name' | 'kind' | 'start_date' | 'end_date' | 'parent_id' | 'state' | 'updated_at'
    >
  >,
): Promise<boolean> {
  const r = await db
    .updateTable('cycles')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Closes every plan of the cycle that is not closed yet; returns their ids and former states. */
export async function closePlansOfCycle(
  db: DbOrTrx,
  organizationId: string,
  cycleId: string,
  now: string,
) {
  const open = await db
    .selectFrom('plans')
    .select(['id', 'state'])
    .where('organization_id', '=', organizationId)
    .where('cycle_id', '=', cycleId)
    .where('state', '!=', 'closed')
    .orderBy('id')
    .execute();
  if (open.length === 0) return open;
  await db
    .updateTable('plans')
    .set((eb) => ({
      state: 'closed' as const,
      closed_at: now,
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('organization_id', '=', organizationId)
    .where(
      'id',
      'in',
      open.map((p) => p.id),
    )
    .execute();
  return open;
}
