/**
 * HTTP pieces shared by the plan-tree routes: the `reason` of a change to an approved plan and
 * strict JSON numbers; ETag / If-Match come from src/http/versioning.ts (re-exported here for them).
 */
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { badRequest } from '../../domain/errors.js';

export {
  assertIfMatch,
  changedMeanwhile,
  etagOf,
  IfMatchHeaders,
  withEtag,
} from '../../http/versioning.js';

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
