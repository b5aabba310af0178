/**
 * PostgreSQL behind Kysely with server-side prepared statements. Kysely sends every query as an
 * unnamed statement, which PostgreSQL parses and plans on every execution; for the short queries
 * of this application that costs about as much as running them. Here each parameterized text
 * (up to MAX_NAMED per connection) gets a name derived from its hash, so each connection parses
 * and plans it once and then only binds and executes.
 */
import { createHash } from 'node:crypto';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

/** named statements per connection at most; further texts run unnamed */
const MAX_NAMED = 1_000;
/** longer texts (bulk inserts, long `in (…)` lists) are one-offs: not named */
const MAX_NAMED_SQL_LENGTH = 8_000;

/** PostgreSQL's answer when a prepared `select *` meets a table that changed since. */
const isStalePlan = (e: unknown): boolean =>
  (e as { code?: string }).code === '0A000' &&
  /cached plan must not change result type/.test(String((e as Error).message));

function preparing(client: pg.PoolClient): PostgresPoolClient {
  const names = new Map<string, string>();
  const unnamed = new Set<string>();
  const nameOf = (text: string): string | undefined => {
    if (unnamed.has(text) || text.length > MAX_NAMED_SQL_LENGTH) return undefined;
    let name = names.get(text);
    if (name === undefined && names.size < MAX_NAMED) {
      name = `k${createHash('sha1').update(text).digest('base64url')}`;
      names.set(text, name);
    }
    return name;
  };
  const named = async (name: string, text: string, values: unknown[]) => {
    try {
      return await client.query({ name, text, values });
    } catch (e) {
      // a migration changed a table under a kept statement: run this text unnamed from now on
      if (!isStalePlan(e)) throw e;
      unnamed.add(text);
      return client.query(text, values);
    }
  };
  return {
    query: ((text: unknown, values?: readonly unknown[]) => {
      // a cursor (streaming) is returned as is, not as a promise
      if (typeof text !== 'string') return client.query(text as never);
      const name = values && values.length > 0 ? nameOf(text) : undefined;
      if (name === undefined) return client.query(text, values as unknown[]);
      return named(name, text, values as unknown[]);
    }) as unknown as PostgresPoolClient['query'],
    release: (destroy?: boolean) => client.release(destroy),
  };
}

/** `pool` for Kysely's PostgresDialect, its connections preparing their statements. */
export function preparingPool(pool: pg.Pool): PostgresPool {
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  return {
    connect: async () => {
      const client = await pool.connect();
      let w = wrapped.get(client);
      if (!w) {
        w = preparing(client);
        wrapped.set(client, w);
      }
      return w;
    },
    end: () => pool.end(),
  };
}
