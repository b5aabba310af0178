/** API shape of the audit log. */
import { Type, type Static } from '@sinclair/typebox';
import { Id, Nullable, Page, PageQuery, Timestamp } from '../../http/schemas.js';
import type { AuditListRow } from './audit.repository.js';

export const AuditQuerySchema = Type.Object(
  {
    targetType: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    targetId: Type.Optional(Id),
    actorId: Type.Optional(Id),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type AuditQueryInput = Static<typeof AuditQuerySchema>;

export const AuditEntrySchema = Type.Object(
  {
    id: Id,
    /** null for system actions (e.g. creating an organization from the command line) */
    actorId: Nullable(Id),
    actorName: Nullable(Type.String()),
    /** verb-noun, e.g. `plan.approve` */
    action: Type.String(),
    targetType: Type.String(),
    targetId: Type.String(),
    /** the state before the change (JSON), or null */
    before: Type.Unknown(),
    /** the state after the change (JSON), or null */
    after: Type.Unknown(),
    reason: Nullable(Type.String()),
    createdAt: Timestamp,
  },
  { $id: 'AuditEntry' },
);
export type AuditEntry = Static<typeof AuditEntrySchema>;

export const AuditPageSchema = Page(Type.Ref(AuditEntrySchema));

/** stored JSON text → value; text that is not JSON is returned as it is */
function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function toAuditEntry(row: AuditListRow): AuditEntry {
  return {
    id: row.id,
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    before: parseJson(row.before),
    after: parseJson(row.after),
    reason: row.reason,
    createdAt: row.created_at,
  };
}
