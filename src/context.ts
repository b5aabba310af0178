/** What every service needs: the database, the clock and the configuration. */
import type { Kysely, Transaction } from 'kysely';
import type { Config } from './config.js';
import type { Engine } from './db/connect.js';
import type { Database } from './db/schema.js';
import type { AlignmentThread } from './modules/alignment/alignment-thread.js';

export type Db = Kysely<Database>;
/** a database or an open transaction: repositories accept either */
export type DbOrTrx = Kysely<Database> | Transaction<Database>;

export interface AppContext {
  db: Db;
  engine: Engine;
  config: Config;
  /** the current time; tests replace it */
  now: () => Date;
  /** computes alignment maps off the request thread (`polaris serve`); absent: inline */
  alignmentThread?: AlignmentThread;
}
