/** SQL for users. Every query is scoped to one organization. */
import { sql } from 'kysely';
import type { DbOrTrx } from '../../context.js';
import type { NewUser, UserUpdate } from '../../db/schema.js';
import { isPostgres } from '../progress/progress.repository.js';

export function findUser(db: DbOrTrx, organizationId: string, id: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Users of the organization among `ids`. */
export function findUsers(db: DbOrTrx, organizationId: string, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('users')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', 'in', ids)
    .execute();
}

/** `%text%` for LIKE … ESCAPE '!' */
const containsPattern = (text: string): string => `%${text.replace(/[!%_]/g, '!$&')}%`;

export interface UserListFilter {
  organizationId: string;
  limit: number;
  q?: string;
  unitId?: string;
  active?: boolean;
  /** (name, id) of the last user of the previous page */
  after?: { name: string; id: string };
}

/** By name then id, keyset-paginated; `limit + 1` rows so the caller knows a next page exists. */
export function listUsers(db: DbOrTrx, f: UserListFilter) {
  let query = db.selectFrom('users').selectAll().where('organization_id', '=', f.organizationId);
  if (f.q !== undefined && f.q.trim() !== '') {
    const pattern = containsPattern(f.q.trim().toLowerCase());
    query = query.where((eb) =>
      eb.or([
        sql<boolean>`lower(${eb.ref('name')}) like ${pattern} escape '!'`,
        sql<boolean>`${eb.ref('email')} like ${pattern} escape '!'`,
      ]),
    );
  }
  if (f.unitId !== undefined) {
    const unitId = f.unitId;
    query = query.where('id', 'in', (eb) =>
      eb
        .selectFrom('unit_members')
        .select('user_id')
        .where('organization_id', '=', f.organizationId)
        .where('unit_id', '=', unitId),
    );
  }
  if (f.active !== undefined) query = query.where('active', '=', f.active ? 1 : 0);
  if (f.after) {
    const { name, id } = f.after;
    query = query.where((eb) =>
      eb.or([eb('name', '>', name), eb.and([eb('name', '=', name), eb('id', '>', id)])]),
    );
  }
  return query
    .orderBy('name')
    .orderBy('id')
    .limit(f.limit + 1)
    .execute();
}

export async function insertUser(db: DbOrTrx, row: NewUser): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

/**
 * Applies `changes` when the row is still at `version`, and bumps the version.
 * False when it is not (someone else wrote in between).
 */
export async function updateUser(
  db: DbOrTrx,
  organizationId: string,
  id: string,
  version: number,
  changes: UserUpdate,
): Promise<boolean> {
  const r = await db
    .updateTable('users')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Active admins of the organization other than `exceptUserId`. */
/**
 * Locks the organization row until commit on PostgreSQL, so two admins demoting or deactivating
 * each other run one after the other and the second sees the first's change. SQLite serializes
 * writers anyway.
 */
export async function lockOrganization(db: DbOrTrx, organizationId: string): Promise<void> {
  if (!isPostgres(db)) return;
  await db
    .selectFrom('organizations')
    .select('id')
    .where('id', '=', organizationId)
    .forUpdate()
    .execute();
}

export async function countOtherActiveAdmins(
  db: DbOrTrx,
  organizationId: string,
  exceptUserId: string,
): Promise<number> {
  const r = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organization_id', '=', organizationId)
    .where('role', '=', 'admin')
    .where('active', '=', 1)
    .where('id', '!=', exceptUserId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Ends the user's sessions, except `keepSessionId` (the caller's own, when they act on themselves). */
export async function deleteSessionsOfUserExcept(
  db: DbOrTrx,
  organizationId: string,
  userId: string,
  keepSessionId: string | undefined,
): Promise<void> {
  let query = db
    .deleteFrom('sessions')
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId);
  if (keepSessionId !== undefined) query = query.where('id', '!=', keepSessionId);
  await query.execute();
}

/** True for a unique-constraint violation on either engine. */
export function isUniqueViolation(e: unknown): boolean {
  if (typeof e !== 'object' || e === null || !('code' in e)) return false;
  return e.code === '23505' || e.code === 'SQLITE_CONSTRAINT_UNIQUE';
}
