/** SQL for the audit log. Every mutation writes one entry in the transaction of the change. */
import type { DbOrTrx } from '../../context.js';
import { newId } from '../../shared/ids.js';

export interface AuditInput {
  organizationId: string;
  actorId: string | null;
  /** verb-noun, e.g. `plan.approve`, `keyResult.update` */
  action: string;
  targetType: string;
  targetId: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
  at: string;
}

const json = (v: unknown): string | null =>
  v === undefined || v === null ? null : JSON.stringify(v);

/** Writes one audit entry. Call it with the transaction that makes the change. */
export async function insertAudit(db: DbOrTrx, e: AuditInput): Promise<void> {
  await db
    .insertInto('audit_entries')
    .values({
      id: newId(),
      organization_id: e.organizationId,
      actor_id: e.actorId,
      action: e.action,
      target_type: e.targetType,
      target_id: e.targetId,
      before: json(e.before),
      after: json(e.after),
      reason: e.reason ?? null,
      created_at: e.at,
    })
    .execute();
}

export interface AuditQuery {
  organizationId: string;
  targetType?: string;
  targetId?: string;
  limit: number;
  /** (created_at, id) of the last entry of the previous page */
  after?: { at: string; id: string };
}

/** Newest first, keyset-paginated. */
export function listAudit(db: DbOrTrx, q: AuditQuery) {
  let query = db
    .selectFrom('audit_entries')
    .selectAll()
    .where('organization_id', '=', q.organizationId);
  if (q.targetType) query = query.where('target_type', '=', q.targetType);
  if (q.targetId) query = query.where('target_id', '=', q.targetId);
  if (q.after) {
    const { at, id } = q.after;
    query = query.where((eb) =>
      eb.or([eb('created_at', '<', at), eb.and([eb('created_at', '=', at), eb('id', '<', id)])]),
    );
  }
  return query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit + 1)
    .execute();
}
