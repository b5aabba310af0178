/** SQL for actions. Every query is scoped to one organization. */
import type { DbOrTrx } from '../../context.js';
import type { ActionRow, ActionTable } from '../../db/schema.js';

/** The action with its objective's visibility (a private objective hides its actions). */
export function findAction(db: DbOrTrx, orgId: string, id: string) {
  return db
    .selectFrom('actions')
    .innerJoin('key_results', 'key_results.id', 'actions.key_result_id')
    .innerJoin('objectives', 'objectives.id', 'key_results.objective_id')
    .selectAll('actions')
    .select(['objectives.visibility', 'key_results.progress_source'])
    .where('actions.id', '=', id)
    .where('actions.organization_id', '=', orgId)
    .executeTakeFirst();
}

function ordered(db: DbOrTrx, orgId: string) {
  return db
    .selectFrom('actions')
    .selectAll()
    .where('organization_id', '=', orgId)
    .orderBy('position')
    .orderBy('created_at')
    .orderBy('id');
}

export function actionsOfKeyResult(db: DbOrTrx, orgId: string, keyResultId: string) {
  return ordered(db, orgId).where('key_result_id', '=', keyResultId).execute();
}

/** Actions of several KRs (an objective's subtree). */
export function actionsOfKeyResults(db: DbOrTrx, orgId: string, keyResultIds: readonly string[]) {
  if (keyResultIds.length === 0) return Promise.resolve([]);
  return ordered(db, orgId).where('key_result_id', 'in', keyResultIds).execute();
}

export function actionsOfPlan(db: DbOrTrx, orgId: string, planId: string) {
  return ordered(db, orgId).where('plan_id', '=', planId).execute();
}

export async function nextActionPosition(
  db: DbOrTrx,
  orgId: string,
  keyResultId: string,
): Promise<number> {
  const r = await db
    .selectFrom('actions')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('key_result_id', '=', keyResultId)
    .where('organization_id', '=', orgId)
    .executeTakeFirst();
  return Number(r?.max ?? 0) + 1;
}

export async function insertAction(db: DbOrTrx, row: ActionTable): Promise<void> {
  await db.insertInto('actions').values(row).execute();
}

export type ActionChanges = Partial<
  Pick<ActionRow, 'title' | 'owner_id' | 'start_date' | 'due_date' | 'weight' | 'state'>
> & { updated_at: string };

/** Updates the action if it is still at `version`, bumping it; undefined when it moved on. */
export function updateAction(
  db: DbOrTrx,
  orgId: string,
  id: string,
  version: number,
  set: ActionChanges,
) {
  return db
    .updateTable('actions')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('organization_id', '=', orgId)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteAction(db: DbOrTrx, orgId: string, id: string): Promise<void> {
  await db
    .deleteFrom('actions')
    .where('id', '=', id)
    .where('organization_id', '=', orgId)
    .execute();
}
