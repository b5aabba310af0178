/** SQL for objectives. Every query is scoped to one organization. */
import type { DbOrTrx } from '../../context.js';
import type { ObjectiveRow, ObjectiveTable } from '../../db/schema.js';

export function findObjective(db: DbOrTrx, orgId: string, id: string) {
  return db
    .selectFrom('objectives')
    .selectAll()
    .where('id', '=', id)
    .where('organization_id', '=', orgId)
    .executeTakeFirst();
}

/** The plan's objectives by priority (then creation). */
export function objectivesOfPlan(db: DbOrTrx, orgId: string, planId: string) {
  return db
    .selectFrom('objectives')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('organization_id', '=', orgId)
    .orderBy('priority')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** The priority after the plan's last objective. */
export async function nextObjectivePriority(
  db: DbOrTrx,
  orgId: string,
  planId: string,
): Promise<number> {
  const r = await db
    .selectFrom('objectives')
    .select((eb) => eb.fn.max('priority').as('max'))
    .where('plan_id', '=', planId)
    .where('organization_id', '=', orgId)
    .executeTakeFirst();
  return Number(r?.max ?? 0) + 1;
}

export async function insertObjective(db: DbOrTrx, row: ObjectiveTable): Promise<void> {
  await db.insertInto('objectives').values(row).execute();
}

export type ObjectiveChanges = Partial<
  Pick<
    ObjectiveRow,
    | 'title'
    | 'description'
    | 'kind'
    | 'priority'
    | 'weight'
    | 'aligned_to_objective_id'
    | 'aligned_to_key_result_id'
    | 'visibility'
  >
> & { updated_at: string };

/** Updates the objective if it is still at `version`, bumping it; undefined when it moved on. */
export function updateObjective(
  db: DbOrTrx,
  orgId: string,
  id: string,
  version: number,
  set: ObjectiveChanges,
) {
  return db
    .updateTable('objectives')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('organization_id', '=', orgId)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteObjective(db: DbOrTrx, orgId: string, id: string): Promise<void> {
  await db
    .deleteFrom('objectives')
    .where('id', '=', id)
    .where('organization_id', '=', orgId)
    .execute();
}

/**
 * Objectives elsewhere that align to these objectives or KRs lose that alignment (their targets
 * are being deleted); each such objective's version moves on. Returns their ids.
 */
export async function clearAlignmentsTo(
  db: DbOrTrx,
  orgId: string,
  targets: { objectiveIds: readonly string[]; keyResultIds: readonly string[] },
  now: string,
): Promise<string[]> {
  const cleared: string[] = [];
  const columns = [
    ['aligned_to_objective_id', targets.objectiveIds],
    ['aligned_to_key_result_id', targets.keyResultIds],
  ] as const;
  for (const [column, ids] of columns) {
    if (ids.length === 0) continue;
    const rows = await db
      .updateTable('objectives')
      .set((eb) => ({ [column]: null, updated_at: now, version: eb('version', '+', 1) }))
      .where('organization_id', '=', orgId)
      .where(column, 'in', ids)
      .returning('id')
      .execute();
    cleared.push(...rows.map((r) => r.id));
  }
  return cleared;
}

/** Sets one objective's priority (reorder), bumping its version. */
export async function setObjectivePriority(
  db: DbOrTrx,
  orgId: string,
  id: string,
  priority: number,
  now: string,
): Promise<void> {
  await db
    .updateTable('objectives')
    .set((eb) => ({ priority, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('organization_id', '=', orgId)
    .execute();
}

/** An alignment target: the objective with its plan's owner and cycle. */
export function findAlignmentTarget(db: DbOrTrx, orgId: string, objectiveId: string) {
  return db
    .selectFrom('objectives')
    .innerJoin('plans', 'plans.id', 'objectives.plan_id')
    .innerJoin('cycles', 'cycles.id', 'plans.cycle_id')
    .select([
      'objectives.id',
      'objectives.aligned_to_objective_id',
      'objectives.aligned_to_key_result_id',
      'plans.owner_type',
      'plans.owner_id',
      'cycles.id as cycle_id',
      'cycles.start_date',
      'cycles.end_date',
    ])
    .where('objectives.id', '=', objectiveId)
    .where('objectives.organization_id', '=', orgId)
    .executeTakeFirst();
}

/** The objective a KR belongs to (one step up an alignment chain). */
export async function objectiveOfKeyResult(
  db: DbOrTrx,
  orgId: string,
  keyResultId: string,
): Promise<string | undefined> {
  const r = await db
    .selectFrom('key_results')
    .select('objective_id')
    .where('id', '=', keyResultId)
    .where('organization_id', '=', orgId)
    .executeTakeFirst();
  return r?.objective_id;
}
