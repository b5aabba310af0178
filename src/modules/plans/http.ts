/**
 * HTTP pieces shared by the plan-tree routes: the `reason` of a change to an approved plan; ETag /
 * If-Match come from src/http/versioning.ts (re-exported here for them). JSON bodies are validated
 * without type coercion (see src/http/app.ts), so `null` or `"12"` never becomes a number.
 */
import { Type } from '@sinclair/typebox';

export {
  assertIfMatch,
  changedMeanwhile,
  etagOf,
  IfMatchHeaders,
  setEtag,
  withEtag,
} from '../../http/versioning.js';

/** Why an approved plan is changed (stored in the audit entry; required by a later issue). */
export const Reason = Type.String({ minLength: 1, maxLength: 1000 });
export const ReasonQuery = Type.Object(
  { reason: Type.Optional(Reason) },
  { additionalProperties: false },
);
