/**
 * HTTP pieces shared by the plan-tree routes: ETag / If-Match (optimistic concurrency), the
 * optional `reason` of a change to an approved plan, and strict JSON numbers.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, badRequest } from '../../domain/errors.js';

/** `"<version>"` */
export const etagOf = (version: number): string => `"${version}"`;

/** Sets the ETag header of a versioned resource and returns the resource. */
export function withEtag<T extends { version: number }>(reply: FastifyReply, resource: T): T {
  void reply.header('etag', etagOf(resource.version));
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

export const IfMatchHeaders = Type.Object({
  'if-match': Type.Optional(Type.String({ maxLength: 500, description: 'an ETag from a read' })),
});

/** Why an approved plan is changed (stored in the audit entry; required by a later issue). */
export const Reason = Type.String({ minLength: 1, maxLength: 1000 });
export const ReasonQuery = Type.Object(
  { reason: Type.Optional(Reason) },
  { additionalProperties: false },
);

/**
 * A preValidation hook: the `fields` of the body, when present, must be JSON numbers (`nullable`
 * ones may also be null). The schema validator would coerce `null`, `true` and `"12"` into
 * numbers, and a check-in of `null` must not become 0.
 */
export function strictNumbers(fields: readonly string[], nullable: readonly string[] = []) {
  return async (req: FastifyRequest): Promise<void> => {
    const body = req.body as Record<string, unknown> | null | undefined;
    if (typeof body !== 'object' || body === null) return;
    const bad = (f: string) =>
      f in body && typeof body[f] !== 'number' && !(body[f] === null && nullable.includes(f));
    const problems = fields
      .filter(bad)
      .map((f) => ({ path: f, message: 'must be a number', code: 'schema.type' }));
    if (problems.length > 0) throw badRequest('The request does not match the schema', problems);
  };
}
