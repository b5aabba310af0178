/** SQL for comments. Every query is scoped to one organization. */
import type { DbOrTrx } from '../../context.js';
import type { CommentRow, CommentTable } from '../../db/schema.js';

function withAuthor(db: DbOrTrx, orgId: string) {
  return db
    .selectFrom('comments as c')
    .leftJoin('users as a', 'a.id', 'c.author_id')
    .selectAll('c')
    .select('a.name as author_name')
    .where('c.organization_id', '=', orgId);
}

export type CommentView = NonNullable<Awaited<ReturnType<typeof findComment>>>;

export function findComment(db: DbOrTrx, orgId: string, id: string) {
  return withAuthor(db, orgId).where('c.id', '=', id).executeTakeFirst();
}

/** A target's comments, oldest first (a conversation), keyset-paginated (`limit + 1` rows). */
export function listComments(
  db: DbOrTrx,
  orgId: string,
  target: { type: CommentRow['target_type']; id: string },
  q: { limit: number; after?: { at: string; id: string } },
) {
  let query = withAuthor(db, orgId)
    .where('c.target_type', '=', target.type)
    .where('c.target_id', '=', target.id);
  if (q.after) {
    const { at, id } = q.after;
    query = query.where((eb) =>
      eb.or([
        eb('c.created_at', '>', at),
        eb.and([eb('c.created_at', '=', at), eb('c.id', '>', id)]),
      ]),
    );
  }
  return query
    .orderBy('c.created_at')
    .orderBy('c.id')
    .limit(q.limit + 1)
    .execute();
}

export async function insertComment(db: DbOrTrx, row: CommentTable): Promise<void> {
  await db.insertInto('comments').values(row).execute();
}

/** Updates the comment if it is still at `version`, bumping it; false when it moved on. */
export async function updateComment(
  db: DbOrTrx,
  orgId: string,
  id: string,
  version: number,
  set: Pick<CommentRow, 'body' | 'mentions' | 'updated_at'>,
): Promise<boolean> {
  const r = await db
    .updateTable('comments')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('organization_id', '=', orgId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function deleteComment(db: DbOrTrx, orgId: string, id: string): Promise<void> {
  await db
    .deleteFrom('comments')
    .where('id', '=', id)
    .where('organization_id', '=', orgId)
    .execute();
}

/** A check-in with what a comment on it needs: its KR, objective, plan and visibility. */
export function findCheckInForComment(db: DbOrTrx, orgId: string, checkInId: string) {
  return db
    .selectFrom('check_ins as ci')
    .innerJoin('key_results as kr', 'kr.id', 'ci.key_result_id')
    .innerJoin('objectives as o', 'o.id', 'kr.objective_id')
    .select([
      'ci.id',
      'ci.plan_id',
      'ci.key_result_id',
      'kr.objective_id',
      'kr.title',
      'o.visibility',
    ])
    .where('ci.id', '=', checkInId)
    .where('ci.organization_id', '=', orgId)
    .executeTakeFirst();
}

/** Users of the organization among `ids`: what a mention needs to check. */
export function usersForMention(db: DbOrTrx, orgId: string, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('users')
    .select(['id', 'role', 'active'])
    .where('organization_id', '=', orgId)
    .where('id', 'in', [...ids])
    .execute();
}
