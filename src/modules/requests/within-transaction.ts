/** Running other modules' services inside a transaction that is already open. */
import type { Transaction } from 'kysely';
import type { AppContext } from '../../context.js';
import type { Database } from '../../db/schema.js';

/**
 * A context whose database is the open transaction `trx`. A service called with it runs inside
 * `trx`: its own `ctx.db.transaction().execute(fn)` becomes `fn(trx)`, and its reads see the
 * transaction's writes. So a composite change — accepting a request creates an objective through
 * the objectives service, with that service's rules — commits or rolls back as one.
 */
export function withinTransaction(ctx: AppContext, trx: Transaction<Database>): AppContext {
  const joined = {
    execute: <T>(fn: (t: Transaction<Database>) => Promise<T>): Promise<T> => fn(trx),
  };
  const db = new Proxy(trx, {
    get(target, prop) {
      if (prop === 'transaction') return () => joined;
      // Kysely keeps its state in private fields: methods must run on the real transaction
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(target)
        : value;
    },
  });
  return { ...ctx, db };
}
