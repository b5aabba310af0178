/** SQL for sessions, API tokens and login attempts. */
import type { DbOrTrx } from '../../context.js';
import { precompile } from '../../db/precompiled.js';

export interface PrincipalRow {
  user_id: string;
  organization_id: string;
  role: 'admin' | 'member';
  active: number;
}

export function findUserByEmail(db: DbOrTrx, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function insertSession(
  db: DbOrTrx,
  row: {
    id: string;
    organizationId: string;
    userId: string;
    csrfToken: string;
    now: string;
    expiresAt: string;
  },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: row.id,
      organization_id: row.organizationId,
      user_id: row.userId,
      csrf_token: row.csrfToken,
      created_at: row.now,
      last_seen_at: row.now,
      expires_at: row.expiresAt,
    })
    .execute();
}

export function findSession(db: DbOrTrx, id: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id',
      'sessions.csrf_token',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'users.id as user_id',
      'users.organization_id',
      'users.role',
      'users.active',
    ])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
}

export async function touchSession(db: DbOrTrx, id: string, now: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
}

export async function deleteSession(db: DbOrTrx, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Ends every session of a user (deactivation, password change). */
export async function deleteSessionsOfUser(db: DbOrTrx, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** on every request with a bearer token: compiled once */
const apiTokenByHash = precompile(['tokenHash'], (db, p: { tokenHash: string }) =>
  db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select([
      'api_tokens.id',
      'api_tokens.last_used_at',
      'users.id as user_id',
      'users.organization_id',
      'users.role',
      'users.active',
    ])
    .where('api_tokens.token_hash', '=', p.tokenHash)
    .where('api_tokens.revoked_at', 'is', null),
);

export function findApiToken(db: DbOrTrx, tokenHash: string) {
  return apiTokenByHash.takeFirst(db, { tokenHash });
}

export async function touchApiToken(db: DbOrTrx, id: string, now: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', id).execute();
}

export async function insertApiToken(
  db: DbOrTrx,
  row: {
    id: string;
    organizationId: string;
    userId: string;
    name: string;
    tokenHash: string;
    now: string;
  },
): Promise<void> {
  await db
    .insertInto('api_tokens')
    .values({
      id: row.id,
      organization_id: row.organizationId,
      user_id: row.userId,
      name: row.name,
      token_hash: row.tokenHash,
      created_at: row.now,
    })
    .execute();
}

export function listApiTokens(db: DbOrTrx, organizationId: string, userId: string) {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'created_at', 'last_used_at', 'revoked_at'])
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();
}

/** Revokes a token of the user; returns false when there is no such live token. */
export async function revokeApiToken(
  db: DbOrTrx,
  organizationId: string,
  userId: string,
  id: string,
  now: string,
): Promise<boolean> {
  const r = await db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export function findLoginAttempts(db: DbOrTrx, keys: string[]) {
  return db.selectFrom('login_attempts').selectAll().where('key', 'in', keys).execute();
}

/** Counts one failure for `key` inside a window starting at `windowStart` when none is open. */
export async function recordLoginFailure(
  db: DbOrTrx,
  key: string,
  now: string,
  windowStartIfNew: string,
  resetBefore: string,
): Promise<void> {
  await db
    .insertInto('login_attempts')
    .values({ key, failures: 1, window_start: windowStartIfNew, locked_until: null })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({
        failures: eb
          .case()
          .when('login_attempts.window_start', '<', resetBefore)
          .then(1)
          .else(eb('login_attempts.failures', '+', 1))
          .end(),
        window_start: eb
          .case()
          .when('login_attempts.window_start', '<', resetBefore)
          .then(now)
          .else(eb.ref('login_attempts.window_start'))
          .end(),
      })),
    )
    .execute();
}

export async function clearLoginFailures(db: DbOrTrx, key: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('key', '=', key).execute();
}
