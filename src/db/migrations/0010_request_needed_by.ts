/**
 * Cross-department requests (协同) get the date the support is needed by, so both sides see and
 * sort by it instead of finding it in the message.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('support_requests').addColumn('needed_by', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('support_requests').dropColumn('needed_by').execute();
}
