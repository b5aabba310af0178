/**
 * Compares an organization's stored roll-ups (KR, objective and plan progress and last check-in)
 * with what the live roll-up (src/modules/progress/rollup.ts) computes from the same rows: it
 * re-runs the roll-up from every KR inside a transaction, reads the results, and rolls back.
 */
import type { Db, DbOrTrx } from '../../src/context.js';
import { rollUpFromKeyResult } from '../../src/modules/progress/rollup.js';

export interface StoredRow {
  table: 'key_results' | 'objectives' | 'plans';
  id: string;
  progress: number;
  progressRaw: number | null;
  lastCheckInAt: string | null;
}

async function readStored(db: DbOrTrx, orgId: string): Promise<Map<string, StoredRow>> {
  const out = new Map<string, StoredRow>();
  const krs = await db
    .selectFrom('key_results')
    .select(['id', 'progress', 'progress_raw', 'last_check_in_at'])
    .where('organization_id', '=', orgId)
    .execute();
  for (const r of krs) {
    out.set(r.id, {
      table: 'key_results',
      id: r.id,
      progress: r.progress,
      progressRaw: r.progress_raw,
      lastCheckInAt: r.last_check_in_at,
    });
  }
  for (const table of ['objectives', 'plans'] as const) {
    const rows = await db
      .selectFrom(table)
      .select(['id', 'progress', 'last_check_in_at'])
      .where('organization_id', '=', orgId)
      .execute();
    for (const r of rows) {
      out.set(r.id, {
        table,
        id: r.id,
        progress: r.progress,
        progressRaw: null,
        lastCheckInAt: r.last_check_in_at,
      });
    }
  }
  return out;
}

class Rollback extends Error {}

/** The stored values and, for the same ids, what the live roll-up computes. */
export async function storedAndRecomputed(
  db: Db,
  orgId: string,
): Promise<{ stored: Map<string, StoredRow>; recomputed: Map<string, StoredRow> }> {
  const stored = await readStored(db, orgId);
  let recomputed = new Map<string, StoredRow>();
  try {
    await db.transaction().execute(async (trx) => {
      const krs = await trx
        .selectFrom('key_results')
        .select('id')
        .where('organization_id', '=', orgId)
        .orderBy('id')
        .execute();
      for (const kr of krs) await rollUpFromKeyResult(trx, orgId, kr.id);
      recomputed = await readStored(trx, orgId);
      throw new Rollback();
    });
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
  }
  return { stored, recomputed };
}

/** The rows whose stored values differ from the recomputed ones (beyond float rounding). */
export function differences(
  stored: Map<string, StoredRow>,
  recomputed: Map<string, StoredRow>,
): { stored: StoredRow; recomputed: StoredRow | undefined }[] {
  const close = (a: number | null, b: number | null) =>
    a === b || (a !== null && b !== null && Math.abs(a - b) <= 1e-12);
  const out: { stored: StoredRow; recomputed: StoredRow | undefined }[] = [];
  for (const s of stored.values()) {
    const r = recomputed.get(s.id);
    if (
      !r ||
      !close(s.progress, r.progress) ||
      !close(s.progressRaw, r.progressRaw) ||
      s.lastCheckInAt !== r.lastCheckInAt
    ) {
      out.push({ stored: s, recomputed: r });
    }
  }
  return out;
}
