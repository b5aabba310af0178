/**
 * Queries compiled once and run many times with new parameters.
 *
 * Kysely builds an immutable operation tree and compiles it to SQL on every execution; for the
 * point queries of the hottest paths (a check-in and its roll-up, the plan read, the token
 * lookup) that costs as much CPU as running the statement. A precompiled query is built once per
 * dialect with a marker in place of each named parameter; every execution then only puts the
 * values where the markers were and hands Kysely the compiled SQL (the driver keeps the prepared
 * statement of that text).
 *
 * Only values may be parameters: the SQL text is fixed at the first compilation. A parameter must
 * not change the shape of the query (no `undefined` to skip a column, no arrays for `in (…)`, no
 * `null` compared with `=` — SQL `= NULL` is never true).
 */
import type { Compilable, CompiledQuery } from 'kysely';
import type { DbOrTrx } from '../context.js';

/** Stands for a named parameter while the query is compiled. */
class Slot {
  constructor(readonly name: string) {}
}

interface Compiled {
  query: CompiledQuery;
  /** for each SQL parameter: the name of the slot, or undefined for a constant of the query */
  slots: (string | undefined)[];
}

export interface Precompiled<P, R> {
  /** all rows */
  execute(db: DbOrTrx, params: P): Promise<R[]>;
  /** the first row, or undefined */
  takeFirst(db: DbOrTrx, params: P): Promise<R | undefined>;
  /** the SQL text for `db`'s dialect (tests, EXPLAIN) */
  sql(db: DbOrTrx): string;
}

/**
 * `build` makes the query from `params`, whose values it must only pass on as values. It runs
 * once per dialect, with markers for the values; `names` lists the parameters.
 */
export function precompile<P extends object, R>(
  names: readonly (keyof P & string)[],
  build: (db: DbOrTrx, params: P) => Compilable<R>,
): Precompiled<P, R> {
  // by dialect (adapter class): the SQL text depends only on the query compiler
  const byDialect = new Map<unknown, Compiled>();
  const compiledFor = (db: DbOrTrx): Compiled => {
    const dialect = db.getExecutor().adapter.constructor;
    let c = byDialect.get(dialect);
    if (c === undefined) {
      const markers = Object.fromEntries(names.map((n) => [n, new Slot(n)])) as unknown as P;
      const query = build(db, markers).compile();
      const slots = query.parameters.map((v) => (v instanceof Slot ? v.name : undefined));
      const missing = names.filter((n) => !slots.includes(n));
      if (missing.length > 0) {
        throw new Error(`precompile: parameters ${missing.join(', ')} are not used as values`);
      }
      c = { query, slots };
      byDialect.set(dialect, c);
    }
    return c;
  };
  const execute = async (db: DbOrTrx, params: P): Promise<R[]> => {
    const { query, slots } = compiledFor(db);
    const parameters = slots.map((name, i) =>
      name === undefined ? query.parameters[i] : (params as Record<string, unknown>)[name],
    );
    const result = await db.executeQuery<R>({ ...query, parameters });
    return result.rows;
  };
  return {
    execute,
    takeFirst: async (db, params) => (await execute(db, params))[0],
    sql: (db) => compiledFor(db).query.sql,
  };
}
