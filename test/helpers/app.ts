/**
 * A real server (app.inject, no network) over a real, fresh database for one suite.
 *
 *   for (const { engine, skip } of await enginesToTest()) {
 *     describe.skipIf(skip)(`plans on ${engine}`, () => {
 *       const t = useTestApp(engine);
 *       it('…', async () => { const org = await t.factory.org(); … });
 *     });
 *   }
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import type { AppContext } from '../../src/context.js';
import { connect, type DatabaseHandle } from '../../src/db/connect.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { buildApp } from '../../src/http/app.js';
import { createTestDatabase, type EngineName, type TestDatabase } from './engines.js';
import { Factory } from './factories.js';

export interface Response<T = any> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | undefined>;
}

export interface Client {
  get<T = any>(url: string, headers?: Record<string, string>): Promise<Response<T>>;
  post<T = any>(
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Response<T>>;
  put<T = any>(url: string, body?: unknown, headers?: Record<string, string>): Promise<Response<T>>;
  patch<T = any>(
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Response<T>>;
  delete<T = any>(url: string, headers?: Record<string, string>): Promise<Response<T>>;
}

export interface TestApp {
  engine: EngineName;
  /** the suite's database (`file:…` or `postgres://…`), for a second connection to it */
  databaseUrl: string;
  ctx: AppContext;
  app: FastifyInstance;
  factory: Factory;
  /** sets the clock every service reads */
  setNow(at: Date | string): void;
  /** a client that sends `Authorization: Bearer <token>` (anonymous without a token) */
  client(token?: string): Client;
}

/** Builds a client over app.inject; urls are relative to /api/v1 unless they start with /api/. */
export function makeClient(app: FastifyInstance, baseHeaders: Record<string, string> = {}): Client {
  const call = async (
    method: string,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const full = url.startsWith('/api/') ? url : `/api/v1${url}`;
    const res = await app.inject({
      method: method as 'GET',
      url: full,
      headers: { ...baseHeaders, ...headers },
      ...(body !== undefined ? { payload: body as object } : {}),
    });
    let parsed: unknown = res.body;
    const type = String(res.headers['content-type'] ?? '');
    if (type.includes('json') && res.body !== '') parsed = JSON.parse(res.body);
    return {
      status: res.statusCode,
      body: parsed as any,
      headers: res.headers as Response['headers'],
    };
  };
  return {
    get: (url, headers) => call('GET', url, undefined, headers),
    post: (url, body, headers) => call('POST', url, body ?? {}, headers),
    put: (url, body, headers) => call('PUT', url, body ?? {}, headers),
    patch: (url, body, headers) => call('PATCH', url, body ?? {}, headers),
    delete: (url, headers) => call('DELETE', url, undefined, headers),
  };
}

/** Starts a fresh database and app for the enclosing describe block. */
export function useTestApp(engine: EngineName, configOverrides: Partial<Config> = {}): TestApp {
  let database: TestDatabase | undefined;
  let handle: DatabaseHandle | undefined;
  let now = new Date('2026-11-20T04:00:00.000Z');
  const t = {
    engine,
    setNow: (at: Date | string) => {
      now = new Date(at);
    },
  } as unknown as TestApp;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    t.databaseUrl = database.url;
    handle = connect(database.url, { poolSize: 5 });
    await migrateToLatest(handle.db as never);
    const config: Config = { ...loadConfig({}), demo: false, ...configOverrides };
    t.ctx = { db: handle.db, engine: handle.engine, config, now: () => now };
    t.app = await buildApp(t.ctx);
    await t.app.ready();
    t.client = (token?: string) =>
      makeClient(t.app, token ? { authorization: `Bearer ${token}` } : {});
    t.factory = new Factory(t.ctx, t.client);
  });

  afterAll(async () => {
    await t.app?.close();
    await handle?.close();
    await database?.drop();
  });

  return t;
}
