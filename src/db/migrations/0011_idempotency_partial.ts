/**
 * Check-ins at scale (issue 6): most check-ins carry no Idempotency-Key, yet every one of them put
 * an (author, NULL) entry on a random page of the unique index over a million rows. The index now
 * holds only the check-ins that have a key; `author_id = ? and idempotency_key = ?` implies the
 * index's condition, so the replay lookup and the uniqueness check use it as before.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('check_ins_idempotency_uq').execute();
  await db.schema
    .createIndex('check_ins_idempotency_uq')
    .on('check_ins')
    .columns(['author_id', 'idempotency_key'])
    .unique()
    .where(sql.ref('idempotency_key'), 'is not', null)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('check_ins_idempotency_uq').execute();
  await db.schema
    .createIndex('check_ins_idempotency_uq')
    .on('check_ins')
    .columns(['author_id', 'idempotency_key'])
    .unique()
    .execute();
}
