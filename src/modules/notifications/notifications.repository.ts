/** SQL for notifications. Every query is scoped to one organization and one recipient. */
import type { DbOrTrx } from '../../context.js';
import type { NotificationTable } from '../../db/schema.js';

/** rows per INSERT: 13 values each */
const INSERT_BATCH = 1_000;

/**
 * Inserts notifications; a row whose (organization, user, kind, dedupe_key) exists already is
 * skipped (INSERT … ON CONFLICT DO NOTHING), also when another process inserts it concurrently.
 * Returns the rows actually inserted.
 */

export async function insertNotifications(
  db: DbOrTrx,
  rows: readonly NotificationTable[],
): Promise<{ id: string; user_id: string }[]> {
  const inserted: { id: string; user_id: string }[] = [];
  // a statement binds at most 32,766 values in SQLite (65,535 in PostgreSQL): a weekly reminder
  // to everyone in a large company takes several
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    inserted.push(
      ...(await db
        .insertInto('notifications')
        .values(rows.slice(i, i + INSERT_BATCH))
        .onConflict((oc) =>
          oc.columns(['organization_id', 'user_id', 'kind', 'dedupe_key']).doNothing(),
        )
        .returning(['id', 'user_id'])
        .execute()),
    );
  }
  return inserted;
}

function withActor(db: DbOrTrx, orgId: string) {
  return db
    .selectFrom('notifications as n')
    .leftJoin('users as a', (j) =>
      j.onRef('a.id', '=', 'n.actor_id').onRef('a.organization_id', '=', 'n.organization_id'),
    )
    .selectAll('n')
    .select('a.name as actor_name')
    .where('n.organization_id', '=', orgId);
}

export type NotificationView = NonNullable<Awaited<ReturnType<typeof findNotification>>>;

export function findNotification(db: DbOrTrx, orgId: string, id: string) {
  return withActor(db, orgId).where('n.id', '=', id).executeTakeFirst();
}

export interface NotificationQuery {
  unread?: boolean;
  kind?: NotificationTable['kind'];
  limit: number;
  /** (created_at, id) of the last notification of the previous page */
  before?: { at: string; id: string };
}

/** The user's notifications, newest first, keyset-paginated (`limit + 1` rows). */
export function listNotifications(
  db: DbOrTrx,
  orgId: string,
  userId: string,
  q: NotificationQuery,
) {
  let query = withActor(db, orgId).where('n.user_id', '=', userId);
  if (q.unread === true) query = query.where('n.read_at', 'is', null);
  if (q.unread === false) query = query.where('n.read_at', 'is not', null);
  if (q.kind !== undefined) query = query.where('n.kind', '=', q.kind);
  if (q.before) {
    const { at, id } = q.before;
    query = query.where((eb) =>
      eb.or([
        eb('n.created_at', '<', at),
        eb.and([eb('n.created_at', '=', at), eb('n.id', '<', id)]),
      ]),
    );
  }
  return query
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(q.limit + 1)
    .execute();
}

export async function countUnread(db: DbOrTrx, orgId: string, userId: string): Promise<number> {
  const r = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organization_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Marks one of the user's notifications read (once); true when it changed. */
export async function markRead(
  db: DbOrTrx,
  orgId: string,
  userId: string,
  id: string,
  at: string,
): Promise<boolean> {
  const r = await db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('organization_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Marks all of the user's unread notifications read; the number changed. */
export async function markAllRead(
  db: DbOrTrx,
  orgId: string,
  userId: string,
  at: string,
): Promise<number> {
  const r = await db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('organization_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/**
 * Who a review decision of the plan concerns, read inside the decision's transaction: its
 * approver (as now resolved), its writer (the user who owns it, or its unit's leader), its
 * owner's name and its cycle.
 */
export function reviewNoticeFacts(db: DbOrTrx, orgId: string, planId: string) {
  return db
    .selectFrom('plans as p')
    .leftJoin('units as u', (j) =>
      j
        .onRef('u.id', '=', 'p.owner_id')
        .on('p.owner_type', '=', 'unit')
        .onRef('u.organization_id', '=', 'p.organization_id'),
    )
    .leftJoin('users as ou', (j) =>
      j
        .onRef('ou.id', '=', 'p.owner_id')
        .on('p.owner_type', '=', 'user')
        .onRef('ou.organization_id', '=', 'p.organization_id'),
    )
    .select([
      'p.cycle_id',
      'p.owner_type',
      'p.owner_id',
      'p.approver_id',
      'u.leader_id',
      'u.name as unit_name',
      'ou.name as user_name',
    ])
    .where('p.organization_id', '=', orgId)
    .where('p.id', '=', planId)
    .executeTakeFirst();
}

/** Every organization with its clock (the scheduled jobs run per organization). */
export function listOrganizationClocks(db: DbOrTrx) {
  return db
    .selectFrom('organizations')
    .select(['id', 'timezone', 'settings'])
    .orderBy('id')
    .execute();
}
