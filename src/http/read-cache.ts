/**
 * A short-lived cache of the heavy read models (the cycle dashboard and the alignment map): at
 * 40,000 objectives and 120,000 KRs each costs hundreds of milliseconds, and a company opening
 * its dashboard at nine o'clock would otherwise compute it once per person. The serialized
 * response is kept for `ttlMs` per organization, caller and URL; concurrent misses for one key
 * wait for the first computation instead of repeating it. For another `ttlMs` after that, an
 * expired response is still answered at once (`x-read-cache: stale`) while one request of the
 * server to itself computes the next in the background, so that readers never queue behind a
 * computation that a reader a moment before could have started. A cached response may thus lag
 * writes by up to twice `ttlMs`, in every process alike (0 turns the cache off, as in tests).
 * Large responses
 * (the whole-cycle map: megabytes) are also kept gzipped, compressed once off the request
 * thread, for the clients that accept it — browsers always do.
 */
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  onResponseHookHandler,
  onSendHookHandler,
} from 'fastify';
import { randomBytes } from 'node:crypto';
import { gzip } from 'node:zlib';
import { policy } from '../domain/policy.js';

/** whether the request's Accept-Encoding takes gzip (and does not refuse it with q=0) */
function acceptsGzip(req: FastifyRequest): boolean {
  const header = req.headers['accept-encoding'];
  if (typeof header !== 'string') return false;
  return header
    .split(',')
    .map((part) => part.trim().toLowerCase().split(';'))
    .some(
      ([coding, ...params]) =>
        (coding === 'gzip' || coding === '*') &&
        !params.some((p) => /^\s*q\s*=\s*0(\.0*)?\s*$/.test(p)),
    );
}

/** the routes whose responses are cached (Fastify route URLs, prefix included) */
export const CACHED_READ_MODELS: ReadonlySet<string> = new Set([
  '/api/v1/cycles/:id/dashboard',
  '/api/v1/cycles/:id/alignment',
]);

export interface ReadCacheOptions {
  ttlMs: number;
  /** total size of the kept responses; the oldest go first */
  maxBytes?: number;
}

/** marks the server's own request that refreshes a stale entry (with a per-process secret) */
const REFRESH_HEADER = 'x-polaris-read-cache-refresh';

/** responses at least this large are also kept gzipped, for the clients that accept it */
const GZIP_FROM_BYTES = 32 * 1024;

interface Entry {
  /** one buffer, written as is to every socket (no copy per response) */
  payload: Buffer;
  /** the payload gzipped once (large payloads only), sent to clients that accept gzip */
  gzip: Buffer | null;
  contentType: string;
  bytes: number;
  expiresAt: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    readCacheKey?: string;
    readCacheDone?: (entry: Entry | null) => void;
  }
}

/**
 * Installs the cache on the read-model routes registered on `api` from now on (its hooks run
 * after authentication, whose principal is part of the key; other routes get no hook at all).
 */
export function installReadCache(api: FastifyInstance, opts: ReadCacheOptions): void {
  if (opts.ttlMs <= 0) return;
  const maxBytes = opts.maxBytes ?? 64 * 1024 * 1024;
  const entries = new Map<string, Entry>();
  const inflight = new Map<string, Promise<Entry | null>>();
  let bytes = 0;

  const drop = (key: string) => {
    const e = entries.get(key);
    if (e) {
      bytes -= e.bytes;
      entries.delete(key);
    }
  };
  /** the entry while it may be answered: fresh for ttlMs, then stale for as long again */
  const usable = (key: string): Entry | undefined => {
    const e = entries.get(key);
    if (e && Date.now() < e.expiresAt + opts.ttlMs) return e;
    if (e) drop(key);
    return undefined;
  };
  // a refresh of a stale entry is a request of the server to itself, marked with this secret
  const refreshNonce = randomBytes(16).toString('hex');
  const isRefresh = (req: FastifyRequest) => req.headers[REFRESH_HEADER] === refreshNonce;
  const refresh = (req: FastifyRequest) => {
    const { authorization, cookie } = req.headers;
    void api.inject({
      method: 'GET',
      url: req.url,
      headers: {
        ...(authorization === undefined ? {} : { authorization }),
        ...(cookie === undefined ? {} : { cookie }),
        [REFRESH_HEADER]: refreshNonce,
      },
    });
  };
  /** what to send of `e` to `req` (gzipped when both can), its encoding headers set */
  const bodyFor = (req: FastifyRequest, reply: FastifyReply, e: Entry): Buffer => {
    if (e.gzip === null) return e.payload;
    void reply.header('vary', 'accept-encoding');
    if (!acceptsGzip(req)) return e.payload;
    void reply.header('content-encoding', 'gzip');
    return e.gzip;
  };
  const send = (req: FastifyRequest, reply: FastifyReply, e: Entry, how: 'hit' | 'stale') =>
    reply
      .header('content-type', e.contentType)
      .header('x-read-cache', how)
      .send(bodyFor(req, reply, e));

  const preHandler = async (req: FastifyRequest, reply: FastifyReply) => {
    const actor = req.principal?.actor;
    if (!actor) return;
    // admins read every private objective alike; other people see what they may read
    const who = policy.readEveryPrivateObjective(actor) ? 'all' : actor.userId;
    const key = `${actor.organizationId}|${who}|${req.url}`;
    const kept = isRefresh(req) ? undefined : usable(key);
    if (kept && Date.now() < kept.expiresAt) return send(req, reply, kept, 'hit');
    const pending = inflight.get(key);
    // stale: answered at once, while one request computes the next in the background
    if (kept) {
      if (!pending) refresh(req);
      return send(req, reply, kept, 'stale');
    }
    if (pending) {
      const first = await pending;
      if (first) return send(req, reply, first, 'hit');
      return;
    }
    let done!: (entry: Entry | null) => void;
    inflight.set(
      key,
      new Promise<Entry | null>((resolve) => {
        done = resolve;
      }),
    );
    req.readCacheKey = key;
    req.readCacheDone = (entry) => {
      inflight.delete(key);
      done(entry);
    };
  };

  const keep = (key: string, entry: Entry) => {
    if (entry.bytes > maxBytes) return;
    drop(key);
    entries.set(key, entry);
    bytes += entry.bytes;
    for (const oldest of entries.keys()) {
      if (bytes <= maxBytes) break;
      drop(oldest);
    }
  };

  const onSend: onSendHookHandler = (req, reply, payload, next) => {
    const key = req.readCacheKey;
    const release = req.readCacheDone;
    if (key === undefined || !release) {
      next(null, payload);
      return;
    }
    req.readCacheDone = undefined;
    if (reply.statusCode !== 200 || !(typeof payload === 'string' || Buffer.isBuffer(payload))) {
      release(null);
      next(null, payload);
      return;
    }
    const buffer = Buffer.isBuffer(payload) ? payload : Buffer.from(payload);
    const entry: Entry = {
      payload: buffer,
      gzip: null,
      contentType: String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8'),
      bytes: buffer.length,
      expiresAt: Date.now() + opts.ttlMs,
    };
    const finish = () => {
      keep(key, entry);
      release(entry);
      next(null, bodyFor(req, reply, entry));
    };
    if (buffer.length < GZIP_FROM_BYTES) {
      finish();
      return;
    }
    // on libuv's thread pool, not on the thread that serves requests
    gzip(buffer, (err, zipped) => {
      if (!err) {
        entry.gzip = zipped;
        entry.bytes += zipped.length;
      }
      finish();
    });
  };

  // a request that failed before sending still releases the ones waiting for it
  const onResponse: onResponseHookHandler = (req, _reply, next) => {
    req.readCacheDone?.(null);
    req.readCacheDone = undefined;
    next();
  };

  /** the route's hooks of one kind with `hook` last (after the instance's, e.g. authentication) */
  const add = (existing: unknown, hook: unknown): never =>
    (existing === undefined
      ? [hook]
      : Array.isArray(existing)
        ? [...(existing as unknown[]), hook]
        : [existing, hook]) as never;
  api.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!methods.includes('GET') || !CACHED_READ_MODELS.has(route.url)) return;
    route.preHandler = add(route.preHandler, preHandler);
    route.onSend = add(route.onSend, onSend);
    route.onResponse = add(route.onResponse, onResponse);
  });
}
