import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PolarisSqliteDialect } from './sqlite-driver.js';

interface Db {
  items: { id: number; label: string };
}

describe('the SQLite driver (statement reuse, group commit)', () => {
  let dir: string;
  let file: string;
  let raw: SQLite.Database;
  let db: Kysely<Db>;
  let commits: number;
  let prepares: number;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'polaris-driver-'));
    file = path.join(dir, 'test.db');
    raw = new SQLite(file);
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = FULL');
    commits = 0;
    prepares = 0;
    // count physical COMMITs and statement preparations
    const prepare = raw.prepare.bind(raw);
    raw.prepare = ((text: string) => {
      prepares++;
      const stmt = prepare(text);
      if (text === 'commit') {
        const run = stmt.run.bind(stmt);
        stmt.run = (...args: unknown[]) => {
          commits++;
          return run(...(args as []));
        };
      }
      return stmt;
    }) as typeof raw.prepare;
    db = new Kysely<Db>({ dialect: new PolarisSqliteDialect(raw) });
    await sql`create table items (id integer primary key, label text not null unique)`.execute(db);
  });

  afterEach(async () => {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** what another connection sees: only committed rows */
  const committedLabels = () => {
    const other = new SQLite(file, { readonly: true });
    try {
      return (
        other.prepare('select label from items order by id').all() as { label: string }[]
      ).map((r) => r.label);
    } finally {
      other.close();
    }
  };

  it('prepares a statement text once and reuses it', async () => {
    const before = prepares;
    for (let i = 0; i < 20; i++) {
      await db.selectFrom('items').selectAll().where('id', '=', i).execute();
    }
    expect(prepares - before).toBe(1);
  });

  it('commits concurrent transactions with fewer physical commits, each durable when it resolves', async () => {
    const seen: string[][] = [];
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        db
          .transaction()
          .execute(async (trx) => {
            await trx
              .insertInto('items')
              .values({ id: i, label: `item ${i}` })
              .execute();
          })
          .then(() => seen.push(committedLabels())),
      ),
    );
    // every transaction, once resolved, was visible to another connection
    for (const [i, labels] of seen.entries()) expect(labels.length).toBeGreaterThanOrEqual(i + 1);
    expect(committedLabels()).toHaveLength(12);
    expect(commits).toBeGreaterThan(0);
    expect(commits).toBeLessThan(12);
  });

  it('rolls back only the failing transaction of a group', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) =>
        db.transaction().execute(async (trx) => {
          await trx
            .insertInto('items')
            .values({ id: i, label: `item ${i}` })
            .execute();
          if (i === 2) throw new Error('changed my mind');
          if (i === 4) {
            // a constraint violation inside the transaction
            await trx.insertInto('items').values({ id: 100, label: 'item 0' }).execute();
          }
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect(committedLabels()).toEqual(['item 0', 'item 1', 'item 3', 'item 5']);
  });

  it('keeps savepoints inside a transaction working', async () => {
    const trx = await db.startTransaction().execute();
    await trx.insertInto('items').values({ id: 1, label: 'kept' }).execute();
    const sp = await trx.savepoint('inner').execute();
    await sp.insertInto('items').values({ id: 2, label: 'undone' }).execute();
    await sp.rollbackToSavepoint('inner').execute();
    await trx.commit().execute();
    expect(committedLabels()).toEqual(['kept']);
  });

  it('commits a lone transaction at once and leaves no transaction open', async () => {
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('items').values({ id: 1, label: 'alone' }).execute();
    });
    expect(commits).toBe(1);
    expect(raw.inTransaction).toBe(false);
    expect(committedLabels()).toEqual(['alone']);
  });
  it('returns rows as objects with the columns in order, the last of a repeated name winning', async () => {
    await db.insertInto('items').values({ id: 1, label: 'one' }).execute();
    const rows = await sql<Record<string, unknown>>`
      select id, label, 2.5 as "weird name", null as nada, label as id from items`.execute(db);
    expect(rows.rows).toEqual([{ id: 'one', label: 'one', 'weird name': 2.5, nada: null }]);
    expect(Object.keys(rows.rows[0]!)).toEqual(['id', 'label', 'weird name', 'nada']);
    const returned = await db
      .updateTable('items')
      .set({ label: 'uno' })
      .where('id', '=', 1)
      .returningAll()
      .executeTakeFirst();
    expect(returned).toEqual({ id: 1, label: 'uno' });
  });

  it('sees the new columns of `select *` after a schema change', async () => {
    await db.insertInto('items').values({ id: 1, label: 'one' }).execute();
    const all = () => db.selectFrom('items').selectAll().execute() as Promise<unknown[]>;
    expect(await all()).toEqual([{ id: 1, label: 'one' }]);
    await sql`alter table items add column extra text default 'x'`.execute(db);
    expect(await all()).toEqual([{ id: 1, label: 'one', extra: 'x' }]);
    // a schema change by another connection: SQLite recompiles the kept statement
    const other = new SQLite(file);
    other.exec(`alter table items add column more integer default 7`);
    other.close();
    expect(await all()).toEqual([{ id: 1, label: 'one', extra: 'x', more: 7 }]);
  });
  it('groups the transactions of requests that arrive in the same turn of the event loop', async () => {
    // each starts from its own macrotask, as HTTP requests do, and runs start to end in it
    const done = await Promise.all(
      Array.from(
        { length: 5 },
        (_, i) =>
          new Promise<string[]>((resolve, reject) =>
            setImmediate(() => {
              db.transaction()
                .execute(async (trx) => {
                  await trx
                    .insertInto('items')
                    .values({ id: i, label: `item ${i}` })
                    .execute();
                })
                .then(() => resolve(committedLabels()), reject);
            }),
          ),
      ),
    );
    expect(commits).toBe(1);
    // durable when resolved: another connection saw all five
    for (const labels of done) expect(labels).toHaveLength(5);
    expect(raw.inTransaction).toBe(false);
  });

  it('commits an open group before a write outside a transaction resolves', async () => {
    const first = db.transaction().execute(async (trx) => {
      await trx.insertInto('items').values({ id: 1, label: 'in a group' }).execute();
    });
    // the group is open (its COMMIT scheduled) when this write runs
    await Promise.resolve();
    await db.insertInto('items').values({ id: 2, label: 'alone' }).execute();
    expect(committedLabels()).toEqual(['in a group', 'alone']);
    await first;
    expect(raw.inTransaction).toBe(false);
  });
});

describe('the SQLite driver syncing the WAL itself (WAL, synchronous = NORMAL)', () => {
  let dir: string;
  let file: string;
  let db: Kysely<Db>;
  /** the syncs asked for, each waiting until the test lets it finish */
  let syncs: { fd: number; finish: (err?: Error) => void }[];
  /** once the test is over, syncs finish at once */
  let tearingDown: boolean;
  const turn = () => new Promise((r) => setImmediate(r));

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'polaris-driver-sync-'));
    file = path.join(dir, 'test.db');
    const raw = new SQLite(file);
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = NORMAL');
    syncs = [];
    tearingDown = false;
    const fsync = (fd: number, done: (err: NodeJS.ErrnoException | null) => void) => {
      if (tearingDown) done(null);
      else syncs.push({ fd, finish: (err) => done(err ?? null) });
    };
    db = new Kysely<Db>({ dialect: new PolarisSqliteDialect(raw, { fsync }) });
    // DDL is a write outside a transaction: it waits for its sync too
    const created =
      sql`create table items (id integer primary key, label text not null unique)`.execute(db);
    await turn();
    syncs.shift()!.finish();
    await created;
  });

  afterEach(async () => {
    tearingDown = true;
    for (const s of syncs) s.finish();
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const insert = (id: number) =>
    db.transaction().execute(async (trx) => {
      await trx
        .insertInto('items')
        .values({ id, label: `item ${id}` })
        .execute();
    });
  const committed = () => {
    const other = new SQLite(file, { readonly: true });
    try {
      return (other.prepare('select count(*) as n from items').get() as { n: number }).n;
    } finally {
      other.close();
    }
  };

  it('acknowledges a transaction only after a sync of the WAL that began after its COMMIT', async () => {
    const done: number[] = [];
    const all = [1, 2, 3, 4].map((id) => insert(id).then(() => done.push(id)));
    for (let i = 0; i < 10 && committed() < 4; i++) await turn();
    // all committed (another connection sees the rows), none acknowledged: the first sync runs,
    // and the groups that committed meanwhile wait for the next one (syncs never overlap)
    expect(committed()).toBe(4);
    expect(done).toEqual([]);
    expect(syncs).toHaveLength(1);
    expect(fs.fstatSync(syncs[0]!.fd).size).toBeGreaterThan(0);
    let rounds = 0;
    while (done.length < 4 && rounds < 10) {
      expect(syncs.length).toBeLessThanOrEqual(1);
      syncs.shift()?.finish();
      rounds++;
      await turn();
    }
    await Promise.all(all);
    expect(done.sort()).toEqual([1, 2, 3, 4]);
    // fewer syncs than transactions: a sync covers every commit before it began
    expect(rounds).toBeLessThan(4);
  });

  it('acknowledges a write outside a transaction after its sync', async () => {
    let resolved = false;
    const write = db
      .insertInto('items')
      .values({ id: 9, label: 'alone' })
      .execute()
      .then(() => (resolved = true));
    await turn();
    expect(committed()).toBe(1);
    expect(resolved).toBe(false);
    syncs.shift()!.finish();
    await write;
    expect(resolved).toBe(true);
  });

  it('fails the transactions a failed sync covered', async () => {
    const pending = insert(1);
    await turn();
    await turn();
    syncs.shift()!.finish(new Error('EIO: the disk went away'));
    await expect(pending).rejects.toThrow('EIO');
  });
});
