/**
 * Opens the database named by DATABASE_URL: SQLite (better-sqlite3, the embedded default) or
 * PostgreSQL (`postgres://…`, through a `pg` pool).
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';
import { preparingPool } from './pg-statements.js';
import { PolarisSqliteDialect } from './sqlite-driver.js';

export type Engine = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  engine: Engine;
  /** a human-readable location without credentials */
  location: string;
  close(): Promise<void>;
}

export const DEFAULT_SQLITE_PATH = './data/polaris.db';

/** Parses DATABASE_URL into an engine and a location. */
export function parseDatabaseUrl(url: string | undefined): { engine: Engine; target: string } {
  const value = (url ?? '').trim();
  if (value === '') return { engine: 'sqlite', target: DEFAULT_SQLITE_PATH };
  if (/^postgres(ql)?:\/\//i.test(value)) return { engine: 'postgres', target: value };
  if (value.startsWith('file:')) return { engine: 'sqlite', target: value.slice('file:'.length) };
  if (value.startsWith('sqlite:'))
    return { engine: 'sqlite', target: value.slice('sqlite:'.length) };
  return { engine: 'sqlite', target: value };
}

// int8 (count(*), sums of integers) arrive as strings by default; our counts fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export interface ConnectOptions {
  /** PostgreSQL pool size; defaults to a size fitting a 2-core machine */
  poolSize?: number;
}

/** Opens a connection (pool) for DATABASE_URL. */
export function connect(url: string | undefined, opts: ConnectOptions = {}): DatabaseHandle {
  const { engine, target } = parseDatabaseUrl(url);
  if (engine === 'postgres') {
    const pool = new pg.Pool({ connectionString: target, max: opts.poolSize ?? 10 });
    const db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: preparingPool(pool) }),
    });
    const safe = target.replace(/\/\/([^:@/]+)(:[^@/]*)?@/, '//$1@');
    return { db, engine, location: safe, close: () => db.destroy() };
  }
  if (target !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const sqlite = new SQLite(target);
  sqlite.pragma('journal_mode = WAL');
  // An acknowledged write survives power loss, not only a process crash: with NORMAL, SQLite
  // does not sync the WAL at COMMIT; the driver does, off the request thread, before it
  // acknowledges (sqlite-driver.ts, 4). An in-memory database has nothing to sync.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma('temp_store = MEMORY');
  const db = new Kysely<Database>({ dialect: new PolarisSqliteDialect(sqlite) });
  return { db, engine, location: path.resolve(target), close: () => db.destroy() };
}
