/**
 * The OKR cycle after approval (issue 3 part A): adjustments with reasons, plan versions,
 * scores on key results, retrospectives, and carry-over links to an earlier cycle.
 * Columns are added one statement at a time (SQLite adds one column per ALTER TABLE).
 */
import type { Kysely } from 'kysely';

const REAL = 'double precision';

const keyResultColumns: [string, string][] = [
  ['carried_from_key_result_id', 'text'],
  ['self_score', REAL],
  ['self_score_note', 'text'],
  ['self_scored_by', 'text'],
  ['self_scored_at', 'text'],
  ['final_score', REAL],
  ['final_score_note', 'text'],
  ['final_scored_by', 'text'],
  ['final_scored_at', 'text'],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  // the carried-from links may point into plans that are later deleted: no foreign key
  await db.schema.alterTable('objectives').addColumn('carried_from_objective_id', 'text').execute();
  for (const [name, type] of keyResultColumns) {
    await db.schema
      .alterTable('key_results')
      .addColumn(name, type as 'text')
      .execute();
  }
  await db.schema
    .createIndex('objectives_carried_from_idx')
    .on('objectives')
    .column('carried_from_objective_id')
    .execute();
  await db.schema
    .createIndex('key_results_carried_from_idx')
    .on('key_results')
    .column('carried_from_key_result_id')
    .execute();

  await db.schema
    .createTable('adjustments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('target_type', 'text', (c) => c.notNull())
    // the target may be deleted later (or by this very adjustment): no foreign key
    .addColumn('target_id', 'text')
    .addColumn('objective_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .addColumn('request', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text')
    .addColumn('decision_comment', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('adjustments_plan_idx')
    .on('adjustments')
    .columns(['plan_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('adjustments_plan_status_idx')
    .on('adjustments')
    .columns(['plan_id', 'status'])
    .execute();

  await db.schema
    .createTable('plan_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('cause', 'text', (c) => c.notNull())
    .addColumn('adjustment_id', 'text')
    .addColumn('actor_id', 'text')
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('plan_versions_plan_number_uq')
    .on('plan_versions')
    .columns(['plan_id', 'number'])
    .unique()
    .execute();

  await db.schema
    .createTable('retrospectives')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('went_well', 'text', (c) => c.notNull())
    .addColumn('went_badly', 'text', (c) => c.notNull())
    .addColumn('lessons', 'text', (c) => c.notNull())
    .addColumn('carry_over', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('retrospectives_plan_uq')
    .on('retrospectives')
    .column('plan_id')
    .unique()
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['retrospectives', 'plan_versions', 'adjustments']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
  await db.schema.dropIndex('key_results_carried_from_idx').ifExists().execute();
  await db.schema.dropIndex('objectives_carried_from_idx').ifExists().execute();
  for (const [name] of keyResultColumns) {
    await db.schema.alterTable('key_results').dropColumn(name).execute();
  }
  await db.schema.alterTable('objectives').dropColumn('carried_from_objective_id').execute();
}
