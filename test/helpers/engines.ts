/**
 * Runs a suite on every engine: SQLite (a fresh file per suite) and PostgreSQL (a fresh database
 * per suite on POLARIS_TEST_PG_URL, default postgres://postgres@127.0.0.1:5432/test).
 * Outside CI a missing PostgreSQL skips its half with a printed reason; with CI=true it fails.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { randomBytes } from 'node:crypto';

export type EngineName = 'sqlite' | 'postgres';
export const PG_URL = process.env.POLARIS_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let pgAvailable: Promise<string | null> | undefined;

/** null when PostgreSQL answers, else the reason it does not. */
export function postgresUnavailableReason(): Promise<string | null> {
  pgAvailable ??= (async () => {
    const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('select 1');
      return null;
    } catch (e) {
      return `PostgreSQL at ${PG_URL} is not reachable (${(e as Error).message})`;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return pgAvailable;
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A brand-new empty database on `engine`. */
export async function createTestDatabase(engine: EngineName): Promise<TestDatabase> {
  if (engine === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'polaris-test-'));
    const file = path.join(dir, 'test.db');
    return {
      url: `file:${file}`,
      drop: () => {
        fs.rmSync(dir, { recursive: true, force: true });
        return Promise.resolve();
      },
    };
  }
  const name = `polaris_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      try {
        // the pool's sockets may still be closing: wait for them rather than kill them
        for (let attempt = 0; ; attempt++) {
          try {
            await c.query(`drop database if exists ${name}`);
            break;
          } catch (e) {
            if (attempt >= 50) throw e;
            await new Promise((r) => setTimeout(r, 100));
          }
        }
      } finally {
        await c.end();
      }
    },
  };
}

/** Which engines this run covers, and why one is skipped. */
export async function enginesToTest(): Promise<{ engine: EngineName; skip: string | null }[]> {
  const reason = await postgresUnavailableReason();
  if (reason && process.env.CI === 'true') {
    throw new Error(`${reason}; CI requires PostgreSQL`);
  }
  if (reason) console.warn(`[skip] PostgreSQL suites skipped: ${reason}`);
  return [
    { engine: 'sqlite', skip: null },
    { engine: 'postgres', skip: reason },
  ];
}
