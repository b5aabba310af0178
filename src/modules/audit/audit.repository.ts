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
  actorId?: string;
  limit: number;
  /** (created_at, id) of the last entry of the previous page */
  after?: { at: string; id: string };
}

/** Newest first, keyset-paginated (`limit + 1` rows, so the caller sees whether more follow). */
export function listAudit(db: DbOrTrx, q: AuditQuery) {
  let query = db
    .selectFrom('audit_entries as a')
    .leftJoin('users as u', (j) =>
      j.onRef('u.id', '=', 'a.actor_id').onRef('u.organization_id', '=', 'a.organization_id'),
    )
    .selectAll('a')
    .select('u.name as actor_name')
    .where('a.organization_id', '=', q.organizationId);
  if (q.targetType) query = query.where('a.target_type', '=', q.targetType);
  if (q.targetId) query = query.where('a.target_id', '=', q.targetId);
  if (q.actorId) query = query.where('a.actor_id', '=', q.actorId);
  if (q.after) {
    const { at, id } = q.after;
    query = query.where((eb) =>
      eb.or([
        eb('a.created_at', '<', at),
        eb.and([eb('a.created_at', '=', at), eb('a.id', '<', id)]),
      ]),
    );
  }
  return query
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(q.limit + 1)
    .execute();
}

export type AuditListRow = Awaited<ReturnType<typeof listAudit>>[number];
