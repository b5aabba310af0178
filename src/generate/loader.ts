/**
 * Writes a planned organization with multi-row INSERTs in large transactions — not through the
 * API, which would take hours at this size. One statement text per table and batch size, so the
 * database parses it once per batch; SQLite batches stay under its 32,766 bound parameters,
 * PostgreSQL batches hold up to 1,000 rows.
 */
import { CompiledQuery, sql, type Kysely } from 'kysely';
import type { Engine } from '../db/connect.js';
import type { AuditEntryTable, CheckInTable, Database } from '../db/schema.js';
import type { SyntheticOrganization } from './plan.js';
import { checkInSeries } from './series.js';
import { iso } from './timeline.js';

/** rows per transaction: large, so commits (and their fsyncs) are rare */
const ROWS_PER_TRANSACTION = 100_000;
const MAX_ROWS_PER_STATEMENT = { sqlite: 500, postgres: 1_000 } as const;
const MAX_PARAMETERS = { sqlite: 32_000, postgres: 65_000 } as const;

export interface TableLoad {
  table: string;
  rows: number;
  ms: number;
}

type Value = string | number | null;
type TableName = keyof Database;

class BulkInsert<T extends object> {
  private readonly rowsPerStatement: number;
  private readonly statements = new Map<number, string>();

  constructor(
    private readonly engine: Engine,
    private readonly table: TableName,
    private readonly columns: readonly (keyof T & string)[],
  ) {
    this.rowsPerStatement = Math.min(
      MAX_ROWS_PER_STATEMENT[engine],
      Math.floor(MAX_PARAMETERS[engine] / columns.length),
    );
  }

  private text(rows: number): string {
    let text = this.statements.get(rows);
    if (text === undefined) {
      const n = this.columns.length;
      const tuples: string[] = [];
      for (let r = 0; r < rows; r++) {
        const marks: string[] = [];
        for (let c = 0; c < n; c++)
          marks.push(this.engine === 'postgres' ? `$${r * n + c + 1}` : '?');
        tuples.push(`(${marks.join(',')})`);
      }
      const cols = this.columns.map((c) => `"${c}"`).join(',');
      text = `insert into "${this.table}" (${cols}) values ${tuples.join(',')}`;
      this.statements.set(rows, text);
    }
    return text;
  }

  /** Inserts every row of `rows` (pulled lazily); returns how many. */
  async run(db: Kysely<Database>, rows: Iterable<T>): Promise<number> {
    const it = rows[Symbol.iterator]();
    let total = 0;
    let done = false;
    while (!done) {
      await db.transaction().execute(async (trx) => {
        let inTransaction = 0;
        while (!done && inTransaction < ROWS_PER_TRANSACTION) {
          const params: Value[] = [];
          let count = 0;
          while (count < this.rowsPerStatement) {
            const next = it.next();
            if (next.done) {
              done = true;
              break;
            }
            const row = next.value as Record<string, Value>;
            for (const c of this.columns) params.push(row[c] ?? null);
            count++;
          }
          if (count > 0) await trx.executeQuery(CompiledQuery.raw(this.text(count), params));
          inTransaction += count;
          total += count;
        }
      });
    }
    return total;
  }
}

function columnsOf<T extends object>(sample: T): (keyof T & string)[] {
  return Object.keys(sample) as (keyof T & string)[];
}

async function load<T extends object>(
  db: Kysely<Database>,
  engine: Engine,
  table: TableName,
  rows: Iterable<T>,
  sample: T,
  report: (load: TableLoad) => void,
): Promise<void> {
  const started = performance.now();
  const count = await new BulkInsert<T>(engine, table, columnsOf(sample)).run(db, rows);
  report({ table, rows: count, ms: Math.round(performance.now() - started) });
}

function* checkInRows(org: SyntheticOrganization): Generator<CheckInTable> {
  const orgId = org.organization.id;
  for (const plan of [org.okrs.yearPlan, ...org.okrs.quarterPlans]) {
    if (plan.row.state !== 'approved') continue;
    for (const objective of plan.objectives) {
      for (const kr of objective.keyResults) {
        for (const c of checkInSeries(kr, org.timeline)) {
          yield {
            id: org.ids.next(),
            organization_id: orgId,
            plan_id: plan.row.id,
            key_result_id: kr.row.id,
            value: c.value,
            confidence: c.confidence,
            note: c.note,
            blockers: c.blockers,
            author_id: kr.owner.row.id,
            idempotency_key: null,
            response: null,
            created_at: iso(c.at),
          };
        }
      }
    }
  }
}

const SAMPLE_CHECK_IN: CheckInTable = {
  id: '',
  organization_id: '',
  plan_id: '',
  key_result_id: '',
  value: 0,
  confidence: null,
  note: null,
  blockers: null,
  author_id: '',
  idempotency_key: null,
  response: null,
  created_at: '',
};

/**
 * Inserts the organization, table by table in foreign-key order, every person with the one
 * `passwordHash`; then refreshes the planner statistics. Reports each table as it finishes.
 */
export async function loadOrganization(
  db: Kysely<Database>,
  engine: Engine,
  org: SyntheticOrganization,
  passwordHash: string,
  report: (load: TableLoad) => void = () => undefined,
): Promise<void> {
  const plans = [org.okrs.yearPlan, ...org.okrs.quarterPlans];
  const objectives = plans.flatMap((p) => p.objectives);
  const keyResults = objectives.flatMap((o) => o.keyResults);
  const users = org.people.people.map((p) => ({ ...p.row, password_hash: passwordHash }));
  const step = <T extends object>(table: TableName, rows: T[]) => {
    const sample = rows[0];
    return sample === undefined ? Promise.resolve() : load(db, engine, table, rows, sample, report);
  };

  await step('organizations', [org.organization]);
  await step('users', users);
  await step(
    'units',
    org.people.units.map((u) => u.row),
  );
  await step('unit_members', org.memberships);
  await step('cycles', [org.cycles.year, org.cycles.quarter]);
  await step(
    'plans',
    plans.map((p) => p.row),
  );
  await step(
    'objectives',
    objectives.map((o) => o.row),
  );
  await step(
    'key_results',
    keyResults.map((k) => k.row),
  );
  await step(
    'actions',
    keyResults.flatMap((k) => k.actions),
  );
  await load(db, engine, 'check_ins', checkInRows(org), SAMPLE_CHECK_IN, report);
  await step(
    'reviews',
    plans.flatMap((p) => p.reviews),
  );
  const audit: AuditEntryTable = {
    id: org.ids.next(),
    organization_id: org.organization.id,
    actor_id: null,
    action: 'organization.generate',
    target_type: 'organization',
    target_id: org.organization.id,
    before: null,
    after: JSON.stringify({ params: org.params, counts: org.counts }),
    reason: 'synthetic organization for tests and benchmarks',
    created_at: iso(org.timeline.now),
  };
  await step('audit_entries', [audit]);

  const started = performance.now();
  // the query planners need statistics of the new rows (PostgreSQL would get them from
  // autovacuum a little later; SQLite never gathers them on its own)
  await sql`analyze`.execute(db);
  report({ table: '(analyze)', rows: 0, ms: Math.round(performance.now() - started) });
}
