/**
 * Indexes for the read models over a whole cycle (issue 6): the dashboard counts health from the
 * stored roll-ups of every KR and objective of the scope's plans, and lists the lagging KRs
 * worst first. Covering indexes let both engines answer from the index alone, without visiting
 * the wide KR and objective rows (titles, notes, scores).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // (plan_id) → (plan_id, organization_id, progress, last_check_in_at): same prefix (deleting a
  // plan still finds its KRs by it), so it replaces the old one
  await db.schema.dropIndex('key_results_plan_idx').execute();
  await db.schema
    .createIndex('key_results_plan_progress_idx')
    .on('key_results')
    .columns(['plan_id', 'organization_id', 'progress', 'last_check_in_at'])
    .execute();
  await db.schema
    .createIndex('objectives_plan_progress_idx')
    .on('objectives')
    .columns(['plan_id', 'organization_id', 'progress', 'last_check_in_at'])
    .execute();
  // the checked-in KRs of an organization by progress: the lagging list of a large scope reads
  // them worst first and stops after a page
  await db.schema
    .createIndex('key_results_lagging_idx')
    .on('key_results')
    .columns(['organization_id', 'progress', 'id'])
    .where(sql.ref('last_check_in_at'), 'is not', null)
    .execute();
  // a cycle's plans by owner with their state: the unit scope of a read model from the index
  await db.schema
    .createIndex('plans_cycle_owner_state_idx')
    .on('plans')
    .columns(['organization_id', 'cycle_id', 'owner_type', 'owner_id', 'state', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('plans_cycle_owner_state_idx').execute();
  await db.schema.dropIndex('key_results_lagging_idx').execute();
  await db.schema.dropIndex('objectives_plan_progress_idx').execute();
  await db.schema.dropIndex('key_results_plan_progress_idx').execute();
  await db.schema.createIndex('key_results_plan_idx').on('key_results').column('plan_id').execute();
}
