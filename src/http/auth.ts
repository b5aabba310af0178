/**
 * Resolves who is calling: `Authorization: Bearer <token>` or the session cookie.
 * Unsafe requests authenticated by the cookie must carry the session's CSRF token.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { AppError } from '../domain/errors.js';
import type { Actor } from '../domain/policy.js';
import { resolveApiToken, resolveSession, type Principal } from '../modules/auth/auth.service.js';
import { safeEqual } from '../modules/auth/tokens.js';

export const SESSION_COOKIE = 'polaris_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    /** the route answers anonymous callers (no CSRF check either) */
    public?: boolean;
  }
}

/** The caller, or 401. */
export function principalOf(req: FastifyRequest): Principal {
  if (!req.principal) throw new AppError('unauthenticated', 'Sign in first');
  return req.principal;
}

/** The calling actor, or 401. */
export function actorOf(req: FastifyRequest): Actor {
  return principalOf(req).actor;
}

/** Installs the authentication hook on every route under `app`. */
export function installAuth(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('principal', null);
  app.addHook('preHandler', async (req) => {
    const header = req.headers.authorization;
    const isPublic = req.routeOptions.config.public === true;
    if (header !== undefined) {
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      req.principal = m?.[1] ? await resolveApiToken(ctx, m[1]) : null;
      if (!req.principal && !isPublic)
        throw new AppError('unauthenticated', 'The token is not valid');
      return;
    }
    const cookie = req.cookies[SESSION_COOKIE];
    if (cookie) req.principal = await resolveSession(ctx, cookie);
    if (isPublic || !req.principal || SAFE_METHODS.has(req.method)) return;
    const sent = req.headers['x-csrf-token'];
    const expected = req.principal.csrfToken ?? '';
    if (typeof sent !== 'string' || !safeEqual(sent, expected)) {
      throw new AppError(
        'forbidden',
        'The X-CSRF-Token header is missing or does not match the session',
      );
    }
  });
}
