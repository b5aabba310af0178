/** SQL for organizations. */
import type { DbOrTrx } from '../../context.js';
import type { OrganizationTable } from '../../db/schema.js';

export function findOrganization(db: DbOrTrx, id: string) {
  return db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertOrganization(db: DbOrTrx, row: OrganizationTable): Promise<void> {
  await db.insertInto('organizations').values(row).execute();
}

export async function countOrganizations(db: DbOrTrx): Promise<number> {
  const r = await db
    .selectFrom('organizations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Applies `changes` when the organization is still at `version` and bumps it; false otherwise. */
export async function updateOrganization(
  db: DbOrTrx,
  id: string,
  version: number,
  changes: Partial<Pick<OrganizationTable, 'name' | 'locale' | 'timezone' | 'settings'>>,
): Promise<boolean> {
  const r = await db
    .updateTable('organizations')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
