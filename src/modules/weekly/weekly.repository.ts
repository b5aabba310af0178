/** SQL for weekly updates (周报). Every query is scoped to one organization. */
import type { DbOrTrx } from '../../context.js';
import type { WeeklyUpdateRow, WeeklyUpdateTable } from '../../db/schema.js';
import { isPostgres } from '../progress/progress.repository.js';

/** One person's update for one week (locked until commit on PostgreSQL with `lock`). */
export function findWeeklyUpdate(
  db: DbOrTrx,
  orgId: string,
  userId: string,
  isoWeek: string,
  lock = false,
): Promise<WeeklyUpdateRow | undefined> {
  const q = db
    .selectFrom('weekly_updates')
    .selectAll()
    .where('organization_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('iso_week', '=', isoWeek);
  return (lock && isPostgres(db) ? q.forUpdate() : q).executeTakeFirst();
}

/** Inserts unless the person has an update for that week already; true when inserted. */
export async function insertWeeklyUpdate(db: DbOrTrx, row: WeeklyUpdateTable): Promise<boolean> {
  const inserted = await db
    .insertInto('weekly_updates')
    .values(row)
    .onConflict((oc) => oc.columns(['organization_id', 'user_id', 'iso_week']).doNothing())
    .returning('id')
    .execute();
  return inserted.length > 0;
}

/** Updates the row if it is still at `version`, bumping it; false when it moved on. */
export async function updateWeeklyUpdate(
  db: DbOrTrx,
  orgId: string,
  id: string,
  version: number,
  set: Pick<WeeklyUpdateRow, 'priorities' | 'next_week' | 'notes' | 'updated_at'>,
): Promise<boolean> {
  const r = await db
    .updateTable('weekly_updates')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('organization_id', '=', orgId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The active members of a unit, by name. */
export function activeMembersOf(db: DbOrTrx, orgId: string, unitId: string) {
  return db
    .selectFrom('unit_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.name'])
    .where('m.organization_id', '=', orgId)
    .where('m.unit_id', '=', unitId)
    .where('u.active', '=', 1)
    .orderBy('u.name')
    .orderBy('u.id')
    .execute();
}

/** The week's updates of the unit's members. */
export function weeklyUpdatesOfUnit(db: DbOrTrx, orgId: string, unitId: string, isoWeek: string) {
  return db
    .selectFrom('weekly_updates')
    .selectAll()
    .where('organization_id', '=', orgId)
    .where('iso_week', '=', isoWeek)
    .where('user_id', 'in', (eb) =>
      eb
        .selectFrom('unit_members')
        .select('user_id')
        .where('organization_id', '=', orgId)
        .where('unit_id', '=', unitId),
    )
    .execute();
}

/** Check-ins authored by `authorIds` in [from, to), oldest first, with their KR, objective, plan. */
export function checkInsByAuthors(
  db: DbOrTrx,
  orgId: string,
  authorIds: readonly string[],
  range: { from: string; to: string },
) {
  if (authorIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('check_ins as ci')
    .innerJoin('key_results as kr', 'kr.id', 'ci.key_result_id')
    .innerJoin('objectives as o', 'o.id', 'kr.objective_id')
    .innerJoin('plans as p', 'p.id', 'ci.plan_id')
    .select([
      'ci.id',
      'ci.author_id',
      'ci.key_result_id',
      'ci.plan_id',
      'ci.value',
      'ci.confidence',
      'ci.note',
      'ci.blockers',
      'ci.created_at',
      'kr.title as key_result_title',
      'kr.objective_id',
      'o.title as objective_title',
      'o.visibility',
      'p.owner_type',
      'p.owner_id',
    ])
    .where('ci.organization_id', '=', orgId)
    .where('ci.author_id', 'in', [...authorIds])
    .where('ci.created_at', '>=', range.from)
    .where('ci.created_at', '<', range.to)
    .orderBy('ci.created_at')
    .orderBy('ci.id')
    .execute();
}

export type WeeklyCheckInRow = Awaited<ReturnType<typeof checkInsByAuthors>>[number];
