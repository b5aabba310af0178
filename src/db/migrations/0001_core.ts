/** The core OKR schema: organizations, people, units, cycles, plans and their tree, audit. */
import type { CreateTableBuilder, Kysely } from 'kysely';

type Table = CreateTableBuilder<string, never>;
const REAL = 'double precision';

function stamps(t: Table, withUpdated = true): Table {
  let b = t.addColumn('created_at', 'text', (c) => c.notNull());
  if (withUpdated) b = b.addColumn('updated_at', 'text', (c) => c.notNull());
  return b;
}
function versioned(t: Table): Table {
  return t.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1));
}
function org(t: Table): Table {
  return t.addColumn('organization_id', 'text', (c) =>
    c.notNull().references('organizations.id').onDelete('cascade'),
  );
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('organizations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('settings', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await versioned(
    stamps(
      org(db.schema.createTable('users').addColumn('id', 'text', (c) => c.primaryKey()))
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('locale', 'text')
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('password_hash', 'text'),
    ),
  ).execute();
  await db.schema.createIndex('users_email_uq').on('users').column('email').unique().execute();
  await db.schema
    .createIndex('users_org_idx')
    .on('users')
    .columns(['organization_id', 'name'])
    .execute();

  await versioned(
    stamps(
      org(db.schema.createTable('units').addColumn('id', 'text', (c) => c.primaryKey()))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('parent_id', 'text', (c) => c.references('units.id').onDelete('restrict'))
        .addColumn('leader_id', 'text', (c) => c.references('users.id').onDelete('set null')),
    ),
  ).execute();
  await db.schema
    .createIndex('units_parent_idx')
    .on('units')
    .columns(['organization_id', 'parent_id'])
    .execute();
  await db.schema.createIndex('units_leader_idx').on('units').column('leader_id').execute();

  await org(db.schema.createTable('unit_members'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('unit_members_pk', ['unit_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('unit_members_user_idx')
    .on('unit_members')
    .column('user_id')
    .execute();

  await org(db.schema.createTable('sessions').addColumn('id', 'text', (c) => c.primaryKey()))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

  await org(db.schema.createTable('api_tokens').addColumn('id', 'text', (c) => c.primaryKey()))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema
    .createIndex('api_tokens_hash_uq')
    .on('api_tokens')
    .column('token_hash')
    .unique()
    .execute();
  await db.schema.createIndex('api_tokens_user_idx').on('api_tokens').column('user_id').execute();

  await db.schema
    .createTable('login_attempts')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .execute();

  await versioned(
    stamps(
      org(db.schema.createTable('cycles').addColumn('id', 'text', (c) => c.primaryKey()))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('start_date', 'text', (c) => c.notNull())
        .addColumn('end_date', 'text', (c) => c.notNull())
        .addColumn('parent_id', 'text', (c) => c.references('cycles.id').onDelete('set null'))
        .addColumn('state', 'text', (c) => c.notNull()),
    ),
  ).execute();
  await db.schema
    .createIndex('cycles_org_idx')
    .on('cycles')
    .columns(['organization_id', 'start_date'])
    .execute();

  await versioned(
    stamps(
      org(db.schema.createTable('plans').addColumn('id', 'text', (c) => c.primaryKey()))
        .addColumn('cycle_id', 'text', (c) =>
          c.notNull().references('cycles.id').onDelete('cascade'),
        )
        .addColumn('owner_type', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('approver_id', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('progress', REAL, (c) => c.notNull().defaultTo(0))
        .addColumn('last_check_in_at', 'text')
        .addColumn('submitted_at', 'text')
        .addColumn('approved_at', 'text')
        .addColumn('closed_at', 'text'),
    ),
  ).execute();
  await db.schema
    .createIndex('plans_owner_uq')
    .on('plans')
    .columns(['cycle_id', 'owner_type', 'owner_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('plans_org_cycle_idx')
    .on('plans')
    .columns(['organization_id', 'cycle_id'])
    .execute();
  await db.schema
    .createIndex('plans_approver_idx')
    .on('plans')
    .columns(['approver_id', 'state'])
    .execute();
  await db.schema
    .createIndex('plans_owner_idx')
    .on('plans')
    .columns(['owner_id', 'owner_type'])
    .execute();

  await versioned(
    stamps(
      org(db.schema.createTable('objectives').addColumn('id', 'text', (c) => c.primaryKey()))
        .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('priority', 'integer', (c) => c.notNull())
        .addColumn('weight', REAL, (c) => c.notNull())
        // alignment targets may live in other plans; the service clears them on delete
        .addColumn('aligned_to_objective_id', 'text')
        .addColumn('aligned_to_key_result_id', 'text')
        .addColumn('visibility', 'text', (c) => c.notNull())
        .addColumn('progress', REAL, (c) => c.notNull().defaultTo(0))
        .addColumn('last_check_in_at', 'text'),
    ),
  ).execute();
  await db.schema
    .createIndex('objectives_plan_idx')
    .on('objectives')
    .columns(['plan_id', 'priority'])
    .execute();
  await db.schema
    .createIndex('objectives_aligned_obj_idx')
    .on('objectives')
    .column('aligned_to_objective_id')
    .execute();
  await db.schema
    .createIndex('objectives_aligned_kr_idx')
    .on('objectives')
    .column('aligned_to_key_result_id')
    .execute();

  await versioned(
    stamps(
      org(db.schema.createTable('key_results').addColumn('id', 'text', (c) => c.primaryKey()))
        .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
        .addColumn('objective_id', 'text', (c) =>
          c.notNull().references('objectives.id').onDelete('cascade'),
        )
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('metric_type', 'text', (c) => c.notNull())
        .addColumn('unit', 'text')
        .addColumn('start_value', REAL, (c) => c.notNull())
        .addColumn('target_value', REAL, (c) => c.notNull())
        .addColumn('current_value', REAL, (c) => c.notNull())
        .addColumn('direction', 'text', (c) => c.notNull())
        .addColumn('weight', REAL, (c) => c.notNull())
        .addColumn('priority', 'integer', (c) => c.notNull())
        .addColumn('owner_id', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('due_date', 'text')
        .addColumn('confidence', 'integer')
        .addColumn('progress_source', 'text', (c) => c.notNull())
        .addColumn('progress', REAL, (c) => c.notNull().defaultTo(0))
        .addColumn('progress_raw', REAL, (c) => c.notNull().defaultTo(0))
        .addColumn('last_check_in_at', 'text'),
    ),
  ).execute();
  await db.schema
    .createIndex('key_results_objective_idx')
    .on('key_results')
    .columns(['objective_id', 'priority'])
    .execute();
  await db.schema.createIndex('key_results_plan_idx').on('key_results').column('plan_id').execute();
  await db.schema
    .createIndex('key_results_owner_idx')
    .on('key_results')
    .column('owner_id')
    .execute();

  await versioned(
    stamps(
      org(db.schema.createTable('actions').addColumn('id', 'text', (c) => c.primaryKey()))
        .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
        .addColumn('key_result_id', 'text', (c) =>
          c.notNull().references('key_results.id').onDelete('cascade'),
        )
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('start_date', 'text')
        .addColumn('due_date', 'text')
        .addColumn('weight', REAL, (c) => c.notNull().defaultTo(1))
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0)),
    ),
  ).execute();
  await db.schema
    .createIndex('actions_kr_idx')
    .on('actions')
    .columns(['key_result_id', 'position'])
    .execute();
  await db.schema.createIndex('actions_plan_idx').on('actions').column('plan_id').execute();

  await org(db.schema.createTable('check_ins').addColumn('id', 'text', (c) => c.primaryKey()))
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('key_result_id', 'text', (c) =>
      c.notNull().references('key_results.id').onDelete('cascade'),
    )
    .addColumn('value', REAL, (c) => c.notNull())
    .addColumn('confidence', 'integer')
    .addColumn('note', 'text')
    .addColumn('blockers', 'text')
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('idempotency_key', 'text')
    .addColumn('response', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('check_ins_kr_idx')
    .on('check_ins')
    .columns(['key_result_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('check_ins_plan_idx')
    .on('check_ins')
    .columns(['plan_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('check_ins_idempotency_uq')
    .on('check_ins')
    .columns(['author_id', 'idempotency_key'])
    .unique()
    .execute();

  await org(db.schema.createTable('reviews').addColumn('id', 'text', (c) => c.primaryKey()))
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('reviewer_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('reviews_plan_idx')
    .on('reviews')
    .columns(['plan_id', 'created_at'])
    .execute();

  await org(db.schema.createTable('audit_entries').addColumn('id', 'text', (c) => c.primaryKey()))
    .addColumn('actor_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .addColumn('reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('audit_target_idx')
    .on('audit_entries')
    .columns(['organization_id', 'target_type', 'target_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('audit_org_time_idx')
    .on('audit_entries')
    .columns(['organization_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'audit_entries',
    'reviews',
    'check_ins',
    'actions',
    'key_results',
    'objectives',
    'plans',
    'cycles',
    'login_attempts',
    'api_tokens',
    'sessions',
    'unit_members',
    'units',
    'users',
    'organizations',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
