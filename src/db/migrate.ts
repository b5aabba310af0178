/** Runs the migrations (one set for both engines). */
import { Migrator, type Kysely, type Migration } from 'kysely';
import * as m0001 from './migrations/0001_core.js';
import * as m0002 from './migrations/0002_quality.js';
import * as m0004 from './migrations/0004_lifecycle.js';
import * as m0005 from './migrations/0005_collaboration.js';
import * as m0006 from './migrations/0006_check_in_indexes.js';
import * as m0008 from './migrations/0008_read_model_indexes.js';
import * as m0010 from './migrations/0010_request_needed_by.js';
import * as m0011 from './migrations/0011_idempotency_partial.js';
import * as m0012 from './migrations/0012_plan_revision.js';

const migrations: Record<string, Migration> = {
  '0001_core': m0001,
  '0002_quality': m0002,
  '0004_lifecycle': m0004,
  '0005_collaboration': m0005,
  '0006_check_in_indexes': m0006,
  '0008_read_model_indexes': m0008,
  '0010_request_needed_by': m0010,
  '0011_idempotency_partial': m0011,
  '0012_plan_revision': m0012,
};

/** Brings the schema up to date; throws if a migration fails. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
    // migrations are numbered by several people at once: one may land after a later number ran
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(JSON.stringify(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
