/** SQL for plan versions (snapshots of the tree). Every query is scoped to one organization. */
import type { DbOrTrx } from '../../context.js';
import type { PlanVersionTable } from '../../db/schema.js';

export async function insertPlanVersion(db: DbOrTrx, row: PlanVersionTable): Promise<void> {
  await db.insertInto('plan_versions').values(row).execute();
}

/** The number the plan's next version gets (1 for the first). */
export async function nextVersionNumber(
  db: DbOrTrx,
  orgId: string,
  planId: string,
): Promise<number> {
  const r = await db
    .selectFrom('plan_versions')
    .select((eb) => eb.fn.max('number').as('max'))
    .where('plan_id', '=', planId)
    .where('organization_id', '=', orgId)
    .executeTakeFirst();
  return Number(r?.max ?? 0) + 1;
}

function views(db: DbOrTrx, orgId: string, planId: string) {
  return db
    .selectFrom('plan_versions as v')
    .leftJoin('users as u', 'u.id', 'v.actor_id')
    .selectAll('v')
    .select('u.name as actor_name')
    .where('v.plan_id', '=', planId)
    .where('v.organization_id', '=', orgId);
}

export type PlanVersionView = Awaited<ReturnType<typeof listPlanVersions>>[number];

/** The plan's versions, oldest first, keyset-paginated (`limit + 1` rows). */
export function listPlanVersions(
  db: DbOrTrx,
  orgId: string,
  planId: string,
  q: { limit: number; after?: number },
) {
  let query = views(db, orgId, planId);
  if (q.after !== undefined) query = query.where('v.number', '>', q.after);
  return query
    .orderBy('v.number')
    .limit(q.limit + 1)
    .execute();
}

export function findPlanVersion(db: DbOrTrx, orgId: string, planId: string, num: number) {
  return views(db, orgId, planId).where('v.number', '=', num).executeTakeFirst();
}

/** The plan's latest version made by an approval. */
export function lastApprovalVersion(db: DbOrTrx, orgId: string, planId: string) {
  return views(db, orgId, planId)
    .where('v.cause', '=', 'approval')
    .orderBy('v.number', 'desc')
    .limit(1)
    .executeTakeFirst();
}
