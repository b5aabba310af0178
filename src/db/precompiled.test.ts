import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DbOrTrx } from '../context.js';
import { precompile } from './precompiled.js';
import type { Database } from './schema.js';
import { PolarisSqliteDialect } from './sqlite-driver.js';

describe('precompiled queries', () => {
  let db: Kysely<Database>;

  beforeEach(async () => {
    db = new Kysely<Database>({ dialect: new PolarisSqliteDialect(new SQLite(':memory:')) });
    await db.schema
      .createTable('units')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('parent_id', 'text')
      .execute();
    await db
      .insertInto('units')
      .values([
        { id: 'u1', organization_id: 'o1', name: 'One', parent_id: null },
        { id: 'u2', organization_id: 'o1', name: 'Two', parent_id: 'u1' },
        { id: 'u3', organization_id: 'o2', name: 'Three', parent_id: null },
      ] as never)
      .execute();
  });

  afterEach(async () => {
    await db.destroy();
  });

  const unitsNamed = precompile(
    ['orgId', 'prefix'],
    (d: DbOrTrx, p: { orgId: string; prefix: string }) =>
      d
        .selectFrom('units')
        .select(['id', 'name'])
        .where('organization_id', '=', p.orgId)
        .where('name', 'like', p.prefix)
        .where('id', '!=', 'nobody')
        .orderBy('id'),
  );

  it('runs with new values each time, keeping the constants of the query', async () => {
    expect(await unitsNamed.execute(db, { orgId: 'o1', prefix: 'T%' })).toEqual([
      { id: 'u2', name: 'Two' },
    ]);
    expect(await unitsNamed.execute(db, { orgId: 'o1', prefix: '%' })).toEqual([
      { id: 'u1', name: 'One' },
      { id: 'u2', name: 'Two' },
    ]);
    expect(await unitsNamed.takeFirst(db, { orgId: 'o2', prefix: '%' })).toEqual({
      id: 'u3',
      name: 'Three',
    });
    expect(await unitsNamed.takeFirst(db, { orgId: 'o3', prefix: '%' })).toBeUndefined();
  });

  it('runs inside a transaction, and writes', async () => {
    const rename = precompile(['id', 'name'], (d: DbOrTrx, p: { id: string; name: string }) =>
      d.updateTable('units').set({ name: p.name }).where('id', '=', p.id).returning(['id', 'name']),
    );
    await db.transaction().execute(async (trx) => {
      expect(await rename.execute(trx, { id: 'u1', name: 'Uno' })).toEqual([
        { id: 'u1', name: 'Uno' },
      ]);
    });
    expect(await unitsNamed.execute(db, { orgId: 'o1', prefix: 'U%' })).toHaveLength(1);
  });

  it('compiles once per dialect', () => {
    const pg = new Kysely<Database>({
      dialect: new PostgresDialect({
        pool: { connect: () => Promise.reject(new Error('none')), end: async () => undefined },
      }),
    });
    expect(unitsNamed.sql(db)).toContain('"name" like ?');
    expect(unitsNamed.sql(pg)).toContain('"name" like $2');
  });

  it('refuses a parameter that is not passed on as a value', async () => {
    const bad = precompile(
      ['orgId', 'unused'],
      (d: DbOrTrx, p: { orgId: string; unused: string }) =>
        d.selectFrom('units').select('id').where('organization_id', '=', p.orgId),
    );
    await expect(bad.execute(db, { orgId: 'o1', unused: 'x' })).rejects.toThrow(/unused/);
  });
});
