/** Recognising the database errors the application answers on purpose, on either engine. */

const codeOf = (e: unknown): unknown =>
  typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;

/** True for PostgreSQL 23505 or SQLite SQLITE_CONSTRAINT_UNIQUE / PRIMARYKEY (a lost race for the same row). */
export function isUniqueViolation(e: unknown): boolean {
  const code = codeOf(e);
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

/**
 * True when the database undid a transaction because of concurrent ones, not because of what it
 * did: a PostgreSQL deadlock (40P01), serialization failure (40001) or lock not available (55P03),
 * or SQLite still busy after its busy timeout (another process writing the same file). Nothing of
 * the transaction was kept, and the same request can succeed a moment later.
 */
export function isConcurrencyFailure(e: unknown): boolean {
  const code = codeOf(e);
  return (
    code === '40P01' ||
    code === '40001' ||
    code === '55P03' ||
    (typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code))
  );
}
