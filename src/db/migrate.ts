/** Runs the migrations (one set for both engines). */
import { Migrator, type Kysely, type Migration } from 'kysely';
import * as m0001 from './migrations/0001_core.js';

const migrations: Record<string, Migration> = {
  '0001_core': m0001,
};

/** Brings the schema up to date; throws if a migration fails. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(JSON.stringify(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
