/** SQL for review decisions on plans. */
import type { DbOrTrx } from '../../context.js';
import type { ReviewTable } from '../../db/schema.js';

export async function insertReview(db: DbOrTrx, row: ReviewTable): Promise<void> {
  await db.insertInto('reviews').values(row).execute();
}

/** Newest first with the reviewer's name, keyset-paginated (`limit + 1` rows). */
export function listReviews(
  db: DbOrTrx,
  orgId: string,
  planId: string,
  q: { limit: number; before?: { at: string; id: string } },
) {
  let query = db
    .selectFrom('reviews')
    .leftJoin('users', 'users.id', 'reviews.reviewer_id')
    .selectAll('reviews')
    .select('users.name as reviewer_name')
    .where('reviews.plan_id', '=', planId)
    .where('reviews.organization_id', '=', orgId);
  if (q.before) {
    const { at, id } = q.before;
    query = query.where((eb) =>
      eb.or([
        eb('reviews.created_at', '<', at),
        eb.and([eb('reviews.created_at', '=', at), eb('reviews.id', '<', id)]),
      ]),
    );
  }
  return query
    .orderBy('reviews.created_at', 'desc')
    .orderBy('reviews.id', 'desc')
    .limit(q.limit + 1)
    .execute();
}
