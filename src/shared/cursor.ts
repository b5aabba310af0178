/** Opaque keyset cursors for `?limit=&cursor=` lists. */
import { badRequest } from '../domain/errors.js';

export function encodeCursor(parts: readonly string[]): string {
  return Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');
}

/** Decodes a cursor made by encodeCursor with `n` parts; a bad cursor is a 400 naming `cursor`. */
export function decodeCursor(cursor: string | undefined, n: number): string[] | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  try {
    const parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(parts) && parts.length === n && parts.every((p) => typeof p === 'string')) {
      return parts;
    }
  } catch {
    // fall through
  }
  throw badRequest('The cursor is not valid', [
    { path: 'query.cursor', message: 'is not a cursor from this list' },
  ]);
}

/** Splits a `limit + 1` result into a page and the cursor of the next one. */
export function page<T>(
  rows: T[],
  limit: number,
  key: (row: T) => string[],
): { items: T[]; nextCursor: string | null } {
  if (rows.length <= limit) return { items: rows, nextCursor: null };
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: last === undefined ? null : encodeCursor(key(last)) };
}
