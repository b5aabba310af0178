/** Running work in a transaction, or inside the caller's one. */
import type { Transaction } from 'kysely';
import type { Db } from '../context.js';
import type { Database } from '../db/schema.js';

/**
 * Runs `fn` in a new transaction — or, when `db` already is a transaction, inside it. A service
 * that uses this can be called from another service's transaction (accepting a pending
 * adjustment replays the change it proposed, atomically with the decision).
 */
export function inTransaction<T>(
  db: Db | Transaction<Database>,
  fn: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  if (db.isTransaction) return fn(db as Transaction<Database>);
  return db.transaction().execute(fn);
}
