/** SQL for adjustments (changes to approved plans). Every query is scoped to one organization. */
import type { DbOrTrx } from '../../context.js';
import type { AdjustmentRow, AdjustmentTable } from '../../db/schema.js';
import { isPostgres } from '../progress/progress.repository.js';

export async function insertAdjustment(db: DbOrTrx, row: AdjustmentTable): Promise<void> {
  await db.insertInto('adjustments').values(row).execute();
}

/** An adjustment with the names of its author and of who decided it. */
function views(db: DbOrTrx, orgId: string) {
  return db
    .selectFrom('adjustments as a')
    .leftJoin('users as actor', 'actor.id', 'a.actor_id')
    .leftJoin('users as decider', 'decider.id', 'a.decided_by')
    .selectAll('a')
    .select(['actor.name as actor_name', 'decider.name as decided_by_name'])
    .where('a.organization_id', '=', orgId);
}

export type AdjustmentView = NonNullable<Awaited<ReturnType<typeof findAdjustmentView>>>;

export function findAdjustmentView(db: DbOrTrx, orgId: string, id: string) {
  return views(db, orgId).where('a.id', '=', id).executeTakeFirst();
}

/** The adjustment, locked until commit on PostgreSQL (its decision happens once). */
export function lockAdjustment(
  db: DbOrTrx,
  orgId: string,
  id: string,
): Promise<AdjustmentRow | undefined> {
  const q = db
    .selectFrom('adjustments')
    .selectAll()
    .where('id', '=', id)
    .where('organization_id', '=', orgId);
  return (isPostgres(db) ? q.forUpdate() : q).executeTakeFirst();
}

export interface AdjustmentQuery {
  status?: AdjustmentRow['status'];
  /** include adjustments that involve a private objective */
  withPrivate: boolean;
  limit: number;
  /** (created_at, id) of the last adjustment of the previous page */
  before?: { at: string; id: string };
}

/** A plan's adjustments, newest first, keyset-paginated (`limit + 1` rows). */
export function listAdjustmentViews(
  db: DbOrTrx,
  orgId: string,
  planId: string,
  q: AdjustmentQuery,
) {
  let query = views(db, orgId).where('a.plan_id', '=', planId);
  if (q.status !== undefined) query = query.where('a.status', '=', q.status);
  if (!q.withPrivate) query = query.where('a.visibility', '=', 'public');
  if (q.before) {
    const { at, id } = q.before;
    query = query.where((eb) =>
      eb.or([
        eb('a.created_at', '<', at),
        eb.and([eb('a.created_at', '=', at), eb('a.id', '<', id)]),
      ]),
    );
  }
  return query
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(q.limit + 1)
    .execute();
}

/** Records the decision on a pending adjustment (bumping its version); false if it moved on. */
export async function decideAdjustment(
  db: DbOrTrx,
  orgId: string,
  id: string,
  version: number,
  set: Pick<AdjustmentRow, 'status' | 'decided_by' | 'decided_at' | 'decision_comment'> &
    Partial<Pick<AdjustmentRow, 'target_id'>>,
): Promise<boolean> {
  const r = await db
    .updateTable('adjustments')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('organization_id', '=', orgId)
    .where('version', '=', version)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Sets the target of an accepted create (the row it made). */
export async function setAdjustmentTarget(
  db: DbOrTrx,
  orgId: string,
  id: string,
  targetId: string,
): Promise<void> {
  await db
    .updateTable('adjustments')
    .set({ target_id: targetId })
    .where('id', '=', id)
    .where('organization_id', '=', orgId)
    .execute();
}

/** Withdraws every pending adjustment of a plan (it closed); returns their ids. */
export async function rejectPendingOfPlan(
  db: DbOrTrx,
  orgId: string,
  planId: string,
  decision: { by: string | null; at: string; comment: string },
): Promise<string[]> {
  const rows = await db
    .updateTable('adjustments')
    .set((eb) => ({
      status: 'rejected' as const,
      decided_by: decision.by,
      decided_at: decision.at,
      decision_comment: decision.comment,
      version: eb('version', '+', 1),
    }))
    .where('organization_id', '=', orgId)
    .where('plan_id', '=', planId)
    .where('status', '=', 'pending')
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** The organization's settings (JSON text), for `adjustmentsNeedApproval`. */
export async function organizationSettings(db: DbOrTrx, orgId: string): Promise<string> {
  const r = await db
    .selectFrom('organizations')
    .select('settings')
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
  return r.settings;
}
