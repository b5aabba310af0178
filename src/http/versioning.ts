/**
 * Optimistic concurrency for mutable resources: `version` ↔ `ETag: "<version>"`, and `If-Match`
 * on writes (412 when the caller read an older version).
 */
import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { AppError } from '../domain/errors.js';

/** `"<version>"` */
export const etagOf = (version: number): string => `"${version}"`;

/** Sets `ETag: "<version>"` on the reply. */
export function setEtag(reply: FastifyReply, version: number): void {
  void reply.header('etag', etagOf(version));
}

/** Sets the ETag header of a versioned resource and returns the resource. */
export function withEtag<T extends { version: number }>(reply: FastifyReply, resource: T): T {
  setEtag(reply, resource.version);
  return resource;
}

/**
 * 412 unless `ifMatch` (an If-Match header value) is absent, `*`, or lists the ETag of `version`
 * (weak or strong; a bare version number is accepted too).
 */
export function assertIfMatch(ifMatch: string | undefined, version: number): void {
  if (ifMatch === undefined || ifMatch.trim() === '') return;
  const tags = ifMatch.split(',').map((s) => s.trim().replace(/^W\//, ''));
  if (tags.some((tag) => tag === '*' || tag === etagOf(version) || tag === String(version))) {
    return;
  }
  throw new AppError(
    'precondition_failed',
    `The resource has changed (it is now version ${version}); reload it and try again`,
  );
}

/** 412 for an update that found the row at another version than the one it read. */
export const changedMeanwhile = (): AppError =>
  new AppError('precondition_failed', 'The resource changed meanwhile; reload it and try again');

/** the request headers of a write that honours If-Match, for the OpenAPI document */
export const IfMatchHeaders = Type.Object({
  'if-match': Type.Optional(
    Type.String({ maxLength: 500, description: 'the ETag you read; 412 when it is stale' }),
  ),
});
