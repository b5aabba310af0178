/**
 * Every row an organization owns in the tables a request may change, as one comparable value:
 * "changes nothing" means the snapshot after equals the snapshot before (versions, audit entries,
 * half-written children included).
 */
import type { AppContext } from '../../src/context.js';

export const SNAPSHOT_TABLES = [
  'organizations',
  'users',
  'units',
  'unit_members',
  'cycles',
  'plans',
  'objectives',
  'key_results',
  'actions',
  'check_ins',
  'reviews',
  'audit_entries',
] as const;

export type Snapshot = Record<(typeof SNAPSHOT_TABLES)[number], unknown[]>;

/** The rows of `orgId` in SNAPSHOT_TABLES, in a stable order. */
export async function snapshotOf(ctx: AppContext, orgId: string): Promise<Snapshot> {
  const out = {} as Snapshot;
  for (const table of SNAPSHOT_TABLES) {
    const column = table === 'organizations' ? 'id' : 'organization_id';
    // the table name is dynamic: the typed builder cannot follow it
    const rows = (await ctx.db
      .selectFrom(table as 'plans')
      .selectAll()
      .where(column as 'organization_id', '=', orgId)
      .execute()) as Record<string, unknown>[];
    out[table] = rows
      .map((r) => JSON.stringify(r, Object.keys(r).sort()))
      .sort()
      .map((s) => JSON.parse(s) as unknown);
  }
  return out;
}

/** The tables whose rows differ between two snapshots. */
export function changedTables(before: Snapshot, after: Snapshot): string[] {
  return SNAPSHOT_TABLES.filter(
    (table) => JSON.stringify(before[table]) !== JSON.stringify(after[table]),
  );
}
