/**
 * Check-in paths at scale (issue 6): every check-in answers with the KR's forecast, which reads
 * its most recent check-ins. Over a million check-ins, those rows lie on as many scattered pages;
 * with the organization and the value in the index the newest ones come from the index alone.
 * Same prefix (key_result_id, created_at) as the index it replaces, so the keyset-paginated list
 * of a KR's check-ins keeps using it.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('check_ins_kr_recent_idx')
    .on('check_ins')
    .columns(['key_result_id', 'created_at', 'organization_id', 'value'])
    .execute();
  await db.schema.dropIndex('check_ins_kr_idx').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('check_ins_kr_idx')
    .on('check_ins')
    .columns(['key_result_id', 'created_at'])
    .execute();
  await db.schema.dropIndex('check_ins_kr_recent_idx').execute();
}
