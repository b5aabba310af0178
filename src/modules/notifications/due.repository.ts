/**
 * Key results due a check-in, shared by the inbox and the check-in reminders: KRs with a manual
 * progress source, in approved plans of active cycles, with no check-in since `since` (the start
 * of this ISO week in the organization's timezone: `checkInDueSince`). Each has one responsible
 * person: its owner, else the plan's writer (the user who owns the plan, or the leader of the
 * unit that owns it).
 */
import { sql } from 'kysely';
import type { DbOrTrx } from '../../context.js';

/** the KR's owner, else its plan's writer */
const RESPONSIBLE = sql<
  string | null
>`coalesce(kr.owner_id, case when p.owner_type = 'user' then p.owner_id else u.leader_id end)`;

/** The due KRs of the organization, with their plans (p) and the units owning them (u). */
function dueQuery(db: DbOrTrx, orgId: string, since: string) {
  return db
    .selectFrom('key_results as kr')
    .innerJoin('plans as p', 'p.id', 'kr.plan_id')
    .innerJoin('cycles as c', 'c.id', 'p.cycle_id')
    .leftJoin('units as u', (j) =>
      j.onRef('u.id', '=', 'p.owner_id').on('p.owner_type', '=', 'unit'),
    )
    .where('kr.organization_id', '=', orgId)
    .where('p.state', '=', 'approved')
    .where('c.state', '=', 'active')
    .where('kr.progress_source', '=', 'manual')
    .where((eb) =>
      eb.or([eb('kr.last_check_in_at', 'is', null), eb('kr.last_check_in_at', '<', since)]),
    );
}

export type DueKeyResultRow = Awaited<ReturnType<typeof dueKeyResultsOf>>[number];

/** The KRs `userId` is responsible for that are due a check-in (oldest check-in first). */
export function dueKeyResultsOf(
  db: DbOrTrx,
  orgId: string,
  userId: string,
  since: string,
  limit: number,
) {
  return (
    dueQuery(db, orgId, since)
      .innerJoin('objectives as o', 'o.id', 'kr.objective_id')
      .select([
        'kr.id',
        'kr.title',
        'kr.objective_id',
        'kr.plan_id',
        'kr.owner_id',
        'kr.current_value',
        'kr.target_value',
        'kr.progress',
        'kr.last_check_in_at',
        'o.title as objective_title',
        'o.visibility',
        'p.cycle_id',
        'p.owner_type as plan_owner_type',
        'p.owner_id as plan_owner_id',
      ])
      .where((eb) =>
        eb.or([
          eb('kr.owner_id', '=', userId),
          eb.and([
            eb('kr.owner_id', 'is', null),
            eb.or([
              eb.and([eb('p.owner_type', '=', 'user'), eb('p.owner_id', '=', userId)]),
              eb.and([eb('p.owner_type', '=', 'unit'), eb('u.leader_id', '=', userId)]),
            ]),
          ]),
        ]),
      )
      // never checked in first, on both engines (they sort NULLs differently)
      .orderBy(sql`coalesce(kr.last_check_in_at, '')`)
      .orderBy('kr.id')
      .limit(limit)
      .execute()
  );
}

/**
 * Every KR of the organization due a check-in whose responsible person is an active user, by
 * person; with `remindedFor`, people who already have that week's reminder are left out.
 */
export async function dueKeyResultsByPerson(
  db: DbOrTrx,
  orgId: string,
  since: string,
  remindedFor?: string,
): Promise<Map<string, string[]>> {
  // only the two ids: every due KR of the company may be read
  let query = dueQuery(db, orgId, since)
    .innerJoin('users as r', (j) => j.on('r.id', '=', RESPONSIBLE))
    .select(['kr.id', RESPONSIBLE.as('responsible_id')])
    .where('r.active', '=', 1)
    .where('r.organization_id', '=', orgId);
  if (remindedFor !== undefined) {
    query = query.where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('notifications as n')
            .select('n.id')
            .where('n.organization_id', '=', orgId)
            .whereRef('n.user_id', '=', 'r.id')
            .where('n.kind', '=', 'check_in_reminder')
            .where('n.dedupe_key', '=', remindedFor),
        ),
      ),
    );
  }
  const rows = await query.orderBy('kr.id').execute();
  const byPerson = new Map<string, string[]>();
  for (const row of rows) {
    if (row.responsible_id === null) continue;
    byPerson.set(row.responsible_id, [...(byPerson.get(row.responsible_id) ?? []), row.id]);
  }
  return byPerson;
}
