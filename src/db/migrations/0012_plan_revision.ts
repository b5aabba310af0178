/**
 * `plans.revision` (issue 6): a number that moves on whenever anything a plan read shows
 * changes, so that a kept plan read can be checked with one indexed read of one column. Triggers
 * move it (in the transaction of the change, on both engines) for its objectives, KRs and
 * actions, for its cycle (dates, state), its organization (timezone, health thresholds) and the
 * name of its owner. The columns a check-in and the roll-up write (progress, value, confidence,
 * last check-in) are left out of the triggers: the roll-up always ends in the plan's own row,
 * whose updates move the revision themselves (see the plan repositories), once per plan.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';

/** The tree tables and the columns whose change a plan read shows (not the roll-up's). */
const TREE: Record<string, string[]> = {
  objectives: [
    'plan_id',
    'title',
    'description',
    'kind',
    'priority',
    'weight',
    'aligned_to_objective_id',
    'aligned_to_key_result_id',
    'visibility',
    'carried_from_objective_id',
  ],
  key_results: [
    'plan_id',
    'objective_id',
    'title',
    'metric_type',
    'unit',
    'start_value',
    'target_value',
    'direction',
    'weight',
    'priority',
    'owner_id',
    'due_date',
    'progress_source',
    'carried_from_key_result_id',
    'self_score',
    'self_score_note',
    'self_scored_by',
    'self_scored_at',
    'final_score',
    'final_score_note',
    'final_scored_by',
    'final_scored_at',
  ],
  actions: [
    'plan_id',
    'key_result_id',
    'title',
    'owner_id',
    'start_date',
    'due_date',
    'weight',
    'state',
    'position',
  ],
};

/** Tables outside the tree whose columns a plan read shows, and which plans they concern. */
const AROUND: { table: string; columns: string[]; plans: string }[] = [
  {
    table: 'cycles',
    columns: ['start_date', 'end_date', 'state'],
    plans: 'cycle_id = NEW.id',
  },
  {
    table: 'organizations',
    columns: ['timezone', 'settings'],
    plans: 'organization_id = NEW.id',
  },
  {
    table: 'units',
    columns: ['name'],
    plans: "owner_type = 'unit' and owner_id = NEW.id",
  },
  {
    table: 'users',
    columns: ['name'],
    plans: "owner_type = 'user' and owner_id = NEW.id",
  },
];

const BUMP = 'update plans set revision = revision + 1 where';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('plans')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  if (postgres) {
    await sql
      .raw(
        `create function polaris_plan_tree_changed() returns trigger language plpgsql as $$
        begin
          if tg_op <> 'INSERT' then ${BUMP} id = OLD.plan_id; end if;
          if tg_op = 'INSERT' or (tg_op = 'UPDATE' and NEW.plan_id is distinct from OLD.plan_id) then
            ${BUMP} id = NEW.plan_id;
          end if;
          return null;
        end $$`,
      )
      .execute(db);
  }
  for (const [table, columns] of Object.entries(TREE)) {
    if (postgres) {
      await sql
        .raw(
          `create trigger ${table}_plan_revision after insert or delete or update of ` +
            `${columns.join(', ')} on ${table} for each row ` +
            `execute function polaris_plan_tree_changed()`,
        )
        .execute(db);
      continue;
    }
    await sql
      .raw(
        `create trigger ${table}_plan_revision_insert after insert on ${table} ` +
          `begin ${BUMP} id = NEW.plan_id; end`,
      )
      .execute(db);
    await sql
      .raw(
        `create trigger ${table}_plan_revision_delete after delete on ${table} ` +
          `begin ${BUMP} id = OLD.plan_id; end`,
      )
      .execute(db);
    await sql
      .raw(
        `create trigger ${table}_plan_revision_update after update of ${columns.join(', ')} ` +
          `on ${table} begin ${BUMP} id in (OLD.plan_id, NEW.plan_id); end`,
      )
      .execute(db);
  }
  for (const { table, columns, plans } of AROUND) {
    const changed = columns.map((c) => `NEW.${c} is distinct from OLD.${c}`).join(' or ');
    if (postgres) {
      await sql
        .raw(
          `create function polaris_${table}_plans_changed() returns trigger language plpgsql as $$
          begin ${BUMP} ${plans}; return null; end $$`,
        )
        .execute(db);
      await sql
        .raw(
          `create trigger ${table}_plan_revision after update of ${columns.join(', ')} ` +
            `on ${table} for each row when (${changed}) ` +
            `execute function polaris_${table}_plans_changed()`,
        )
        .execute(db);
      continue;
    }
    await sql
      .raw(
        `create trigger ${table}_plan_revision after update of ${columns.join(', ')} ` +
          `on ${table} when ${changed.replaceAll('is distinct from', 'is not')} ` +
          `begin ${BUMP} ${plans}; end`,
      )
      .execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const table of Object.keys(TREE)) {
    const names = postgres ? [''] : ['_insert', '_delete', '_update'];
    for (const n of names) {
      await sql
        .raw(`drop trigger ${table}_plan_revision${n}${postgres ? ` on ${table}` : ''}`)
        .execute(db);
    }
  }
  for (const { table } of AROUND) {
    await sql
      .raw(`drop trigger ${table}_plan_revision${postgres ? ` on ${table}` : ''}`)
      .execute(db);
    if (postgres) await sql.raw(`drop function polaris_${table}_plans_changed()`).execute(db);
  }
  if (postgres) await sql.raw('drop function polaris_plan_tree_changed()').execute(db);
  await db.schema.alterTable('plans').dropColumn('revision').execute();
}
