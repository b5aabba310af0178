/**
 * Sign-in: sessions (cookie) and API tokens (bearer), both stored only as hashes.
 * Login failures are counted per account and per address in the database, so the limit holds
 * across server processes.
 */
import type { AppContext } from '../../context.js';
import { AppError } from '../../domain/errors.js';
import type { Actor } from '../../domain/policy.js';
import { newId } from '../../shared/ids.js';
import { insertAudit } from '../audit/audit.repository.js';
import * as repo from './auth.repository.js';
import { verifyPassword } from './password.js';
import { newSecret, sha256 } from './tokens.js';

export interface Principal {
  actor: Actor;
  via: 'session' | 'token';
  /** hashed session id, for logout */
  sessionId?: string;
  csrfToken?: string;
}

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

const INVALID_LOGIN = 'The email or password is incorrect';
/** sessions are touched at most this often, so reads stay reads */
const TOUCH_EVERY_MS = 60_000;

async function assertNotLimited(
  ctx: AppContext,
  keys: { account: string; address: string },
): Promise<void> {
  const now = ctx.now().getTime();
  const rows = await repo.findLoginAttempts(ctx.db, [keys.account, keys.address]);
  for (const row of rows) {
    const max =
      row.key === keys.account
        ? ctx.config.loginMaxFailuresPerAccount
        : ctx.config.loginMaxFailuresPerAddress;
    const windowEnd = Date.parse(row.window_start) + ctx.config.loginWindowMs;
    if (row.failures >= max && windowEnd > now) {
      const e = new AppError('rate_limited', 'Too many failed sign-ins; try again later');
      e.retryAfterSeconds = Math.ceil((windowEnd - now) / 1000);
      throw e;
    }
  }
}

/** Signs in with email and password; rotates to a brand-new session and ends `previousSessionId`. */
export async function login(
  ctx: AppContext,
  input: { email: string; password: string; address: string; previousSessionId?: string },
) {
  const email = normalizeEmail(input.email);
  const keys = { account: `account:${email}`, address: `address:${input.address}` };
  await assertNotLimited(ctx, keys);

  const user = await repo.findUserByEmail(ctx.db, email);
  const ok = await verifyPassword(user?.password_hash ?? null, input.password);
  const now = ctx.now();
  const nowIso = now.toISOString();
  if (!user || !ok || user.active !== 1) {
    const resetBefore = new Date(now.getTime() - ctx.config.loginWindowMs).toISOString();
    await ctx.db.transaction().execute(async (trx) => {
      await repo.recordLoginFailure(trx, keys.account, nowIso, nowIso, resetBefore);
      await repo.recordLoginFailure(trx, keys.address, nowIso, nowIso, resetBefore);
    });
    throw new AppError('unauthenticated', INVALID_LOGIN);
  }

  const token = newSecret();
  const csrfToken = newSecret();
  const sessionId = sha256(token);
  await ctx.db.transaction().execute(async (trx) => {
    if (input.previousSessionId) await repo.deleteSession(trx, input.previousSessionId);
    await repo.clearLoginFailures(trx, keys.account);
    await repo.insertSession(trx, {
      id: sessionId,
      organizationId: user.organization_id,
      userId: user.id,
      csrfToken,
      now: nowIso,
      expiresAt: new Date(now.getTime() + ctx.config.sessionAbsoluteMs).toISOString(),
    });
    await insertAudit(trx, {
      organizationId: user.organization_id,
      actorId: user.id,
      action: 'session.create',
      targetType: 'user',
      targetId: user.id,
      at: nowIso,
    });
  });
  return { token, csrfToken, userId: user.id, organizationId: user.organization_id };
}

/** Ends a session. */
export async function logout(ctx: AppContext, principal: Principal): Promise<void> {
  if (!principal.sessionId) return;
  const sessionId = principal.sessionId;
  await ctx.db.transaction().execute(async (trx) => {
    await repo.deleteSession(trx, sessionId);
    await insertAudit(trx, {
      organizationId: principal.actor.organizationId,
      actorId: principal.actor.userId,
      action: 'session.delete',
      targetType: 'user',
      targetId: principal.actor.userId,
      at: ctx.now().toISOString(),
    });
  });
}

/** The principal of a session cookie, or null when it is unknown, expired or its user inactive. */
export async function resolveSession(ctx: AppContext, token: string): Promise<Principal | null> {
  const id = sha256(token);
  const row = await repo.findSession(ctx.db, id);
  if (!row) return null;
  const now = ctx.now().getTime();
  const idleEnd = Date.parse(row.last_seen_at) + ctx.config.sessionIdleMs;
  if (row.active !== 1 || Date.parse(row.expires_at) <= now || idleEnd <= now) {
    await repo.deleteSession(ctx.db, id);
    return null;
  }
  if (now - Date.parse(row.last_seen_at) >= TOUCH_EVERY_MS) {
    await repo.touchSession(ctx.db, id, new Date(now).toISOString());
  }
  return {
    actor: { userId: row.user_id, organizationId: row.organization_id, role: row.role },
    via: 'session',
    sessionId: id,
    csrfToken: row.csrf_token,
  };
}

/** The principal of a bearer API token, or null. */
export async function resolveApiToken(ctx: AppContext, token: string): Promise<Principal | null> {
  const row = await repo.findApiToken(ctx.db, sha256(token));
  if (!row || row.active !== 1) return null;
  const now = ctx.now();
  if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) >= TOUCH_EVERY_MS) {
    await repo.touchApiToken(ctx.db, row.id, now.toISOString());
  }
  return {
    actor: { userId: row.user_id, organizationId: row.organization_id, role: row.role },
    via: 'token',
  };
}

/** Creates an API token; the secret is returned once and stored hashed. */
export async function createApiToken(ctx: AppContext, actor: Actor, name: string) {
  const token = newSecret('plr_');
  const id = newId();
  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertApiToken(trx, {
      id,
      organizationId: actor.organizationId,
      userId: actor.userId,
      name,
      tokenHash: sha256(token),
      now,
    });
    await insertAudit(trx, {
      organizationId: actor.organizationId,
      actorId: actor.userId,
      action: 'apiToken.create',
      targetType: 'apiToken',
      targetId: id,
      after: { name },
      at: now,
    });
  });
  return { id, name, token, createdAt: now };
}

export async function listApiTokens(ctx: AppContext, actor: Actor) {
  const rows = await repo.listApiTokens(ctx.db, actor.organizationId, actor.userId);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
  }));
}

export async function revokeApiToken(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const done = await repo.revokeApiToken(trx, actor.organizationId, actor.userId, id, now);
    if (!done) throw new AppError('not_found', 'API token not found');
    await insertAudit(trx, {
      organizationId: actor.organizationId,
      actorId: actor.userId,
      action: 'apiToken.revoke',
      targetType: 'apiToken',
      targetId: id,
      at: now,
    });
  });
}
