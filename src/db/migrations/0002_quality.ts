/** The quality report stored with a plan's submission (the quality coach's `warn` gate). */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // JSON text of the report (score + findings) at submission; null for other decisions, for
  // submissions made with the gate `off`, and for rows written before this migration
  await db.schema.alterTable('reviews').addColumn('quality', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('reviews').dropColumn('quality').execute();
}
