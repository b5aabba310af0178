/**
 * better-sqlite3 behind Kysely, with its prepared statements kept for reuse. Kysely's SQLite
 * driver prepares every query afresh, and preparing costs more than running a point query (about
 * 20 µs against 5 µs): the same few dozen statement texts run thousands of times a second.
 */
import type SQLite from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** statements kept, least recently used dropped first */
const MAX_STATEMENTS = 500;
/** longer texts (bulk inserts, long `in (…)` lists) are one-offs: prepared, not kept */
const MAX_CACHED_SQL_LENGTH = 4_000;

/** Wraps `db` so that `prepare` returns a kept statement for a text it has seen. */
export function withStatementCache(db: SQLite.Database): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => {
      statements.clear();
      db.close();
    },
    prepare: (sql: string): SqliteStatement => {
      const kept = statements.get(sql);
      if (kept !== undefined) {
        // most recently used last
        statements.delete(sql);
        statements.set(sql, kept);
        return kept;
      }
      const stmt = db.prepare(sql) as unknown as SqliteStatement;
      if (sql.length <= MAX_CACHED_SQL_LENGTH) {
        statements.set(sql, stmt);
        if (statements.size > MAX_STATEMENTS) {
          const oldest = statements.keys().next().value;
          if (oldest !== undefined) statements.delete(oldest);
        }
      }
      return stmt;
    },
  };
}
