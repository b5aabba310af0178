/**
 * Optimistic concurrency for mutable resources: `version` ↔ `ETag: "<version>"`, and `If-Match`.
 * (Lives here until the lead moves it to src/http; every module with a PATCH can use it.)
 */
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../domain/errors.js';

/** the request headers of a PATCH/DELETE that honours If-Match, for the OpenAPI document */
export const IfMatchHeaders = Type.Object({
  'if-match': Type.Optional(
    Type.String({ maxLength: 200, description: 'the ETag you read; 412 when it is stale' }),
  ),
});

/**
 * The versions an `If-Match` header accepts: undefined when absent or `*` (anything goes),
 * else the versions of its entity tags (`"3"`, `W/"3"`, a list of them). A header that names no
 * version of ours gives [] and so never matches.
 */
export function ifMatchOf(req: FastifyRequest): number[] | undefined {
  const raw = req.headers['if-match'];
  if (raw === undefined) return undefined;
  const value = raw.trim();
  if (value === '' || value === '*') return undefined;
  const versions: number[] = [];
  for (const tag of value.split(',')) {
    const m = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(tag);
    if (m?.[1] !== undefined) versions.push(Number(m[1]));
  }
  return versions;
}

/** Sets `ETag: "<version>"` on the reply. */
export function setEtag(reply: FastifyReply, version: number): void {
  void reply.header('etag', `"${version}"`);
}

/** 412 — the resource changed since the caller read it. */
export const staleVersion = (): AppError =>
  new AppError(
    'precondition_failed',
    'The resource has changed since you read it; reload and try again',
  );

/** Throws 412 unless `expected` (from If-Match) allows `current`. */
export function assertIfMatch(expected: readonly number[] | undefined, current: number): void {
  if (expected !== undefined && !expected.includes(current)) throw staleVersion();
}
