/**
 * Collaboration after approval (issue 3 part B): cross-department support requests (协同) and the
 * support links they create, comments, notifications (with a unique key that keeps scheduled
 * reminders single when several server processes run), and weekly updates (周报).
 */
import { sql, type CreateTableBuilder, type Kysely } from 'kysely';

type Table = CreateTableBuilder<string, never>;

function org(t: Table): Table {
  return t.addColumn('organization_id', 'text', (c) =>
    c.notNull().references('organizations.id').onDelete('cascade'),
  );
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await org(
    db.schema.createTable('support_requests').addColumn('id', 'text', (c) => c.primaryKey()),
  )
    .addColumn('from_objective_id', 'text', (c) =>
      c.notNull().references('objectives.id').onDelete('cascade'),
    )
    .addColumn('from_plan_id', 'text', (c) =>
      c.notNull().references('plans.id').onDelete('cascade'),
    )
    .addColumn('cycle_id', 'text', (c) => c.notNull().references('cycles.id').onDelete('cascade'))
    .addColumn('requester_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('to_unit_id', 'text', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('desired_key_result', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('response_reason', 'text')
    .addColumn('responder_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('responded_at', 'text')
    .addColumn('created_plan_id', 'text', (c) => c.references('plans.id').onDelete('set null'))
    .addColumn('created_objective_id', 'text', (c) =>
      c.references('objectives.id').onDelete('set null'),
    )
    .addColumn('created_key_result_id', 'text', (c) =>
      c.references('key_results.id').onDelete('set null'),
    )
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('support_requests_to_idx')
    .on('support_requests')
    .columns(['organization_id', 'to_unit_id', 'state', 'created_at'])
    .execute();
  await db.schema
    .createIndex('support_requests_requester_idx')
    .on('support_requests')
    .columns(['organization_id', 'requester_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('support_requests_from_plan_idx')
    .on('support_requests')
    .column('from_plan_id')
    .execute();
  // one open request per objective and unit: asking twice is a duplicate (409)
  await db.schema
    .createIndex('support_requests_open_uq')
    .on('support_requests')
    .columns(['from_objective_id', 'to_unit_id'])
    .unique()
    .where(sql.ref('state'), '=', 'open')
    .execute();

  // Cross-department support (domain.md "Alignment"): many-to-many, not a second parent.
  await org(db.schema.createTable('support_links').addColumn('id', 'text', (c) => c.primaryKey()))
    .addColumn('request_id', 'text', (c) => c.references('support_requests.id').onDelete('cascade'))
    .addColumn('supporting_objective_id', 'text', (c) =>
      c.notNull().references('objectives.id').onDelete('cascade'),
    )
    .addColumn('supporting_key_result_id', 'text', (c) =>
      c.references('key_results.id').onDelete('cascade'),
    )
    .addColumn('supported_objective_id', 'text', (c) =>
      c.notNull().references('objectives.id').onDelete('cascade'),
    )
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('support_links_request_uq')
    .on('support_links')
    .column('request_id')
    .unique()
    .execute();
  await db.schema
    .createIndex('support_links_supporting_idx')
    .on('support_links')
    .column('supporting_objective_id')
    .execute();
  await db.schema
    .createIndex('support_links_supported_idx')
    .on('support_links')
    .column('supported_objective_id')
    .execute();

  // The target's row ids cascade, so a deleted objective, KR or check-in takes its comments.
  await org(db.schema.createTable('comments').addColumn('id', 'text', (c) => c.primaryKey()))
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('objective_id', 'text', (c) => c.references('objectives.id').onDelete('cascade'))
    .addColumn('key_result_id', 'text', (c) => c.references('key_results.id').onDelete('cascade'))
    .addColumn('check_in_id', 'text', (c) => c.references('check_ins.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('mentions', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('comments_target_idx')
    .on('comments')
    .columns(['organization_id', 'target_type', 'target_id', 'created_at'])
    .execute();
  await db.schema.createIndex('comments_plan_idx').on('comments').column('plan_id').execute();

  await org(db.schema.createTable('notifications').addColumn('id', 'text', (c) => c.primaryKey()))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    // what makes it unique for its user and kind: the ISO week of a reminder, else the source id
    .addColumn('dedupe_key', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('target_type', 'text')
    .addColumn('target_id', 'text')
    .addColumn('plan_id', 'text')
    .addColumn('title', 'text')
    .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('read_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // INSERT … ON CONFLICT DO NOTHING on this index keeps every notification single
  await db.schema
    .createIndex('notifications_key_uq')
    .on('notifications')
    .columns(['organization_id', 'user_id', 'kind', 'dedupe_key'])
    .unique()
    .execute();
  await db.schema
    .createIndex('notifications_user_time_idx')
    .on('notifications')
    .columns(['user_id', 'created_at'])
    .execute();

  await org(db.schema.createTable('weekly_updates').addColumn('id', 'text', (c) => c.primaryKey()))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('iso_week', 'text', (c) => c.notNull())
    .addColumn('priorities', 'text')
    .addColumn('next_week', 'text')
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('weekly_updates_user_week_uq')
    .on('weekly_updates')
    .columns(['organization_id', 'user_id', 'iso_week'])
    .unique()
    .execute();
  await db.schema
    .createIndex('weekly_updates_week_idx')
    .on('weekly_updates')
    .columns(['organization_id', 'iso_week'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'weekly_updates',
    'notifications',
    'comments',
    'support_links',
    'support_requests',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
