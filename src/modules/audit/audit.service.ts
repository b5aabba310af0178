/** Reading the audit log (admins only). */
import type { AppContext } from '../../context.js';
import { forbidden } from '../../domain/errors.js';
import { policy, type Actor } from '../../domain/policy.js';
import { decodeCursor, page } from '../../shared/cursor.js';
import { listAudit } from './audit.repository.js';
import { toAuditEntry, type AuditEntry, type AuditQueryInput } from './audit.schema.js';

const DEFAULT_LIMIT = 100;

/** GET /audit: the organization's entries, newest first, filtered and keyset-paginated. */
export async function listAuditEntries(
  ctx: AppContext,
  actor: Actor,
  q: AuditQueryInput,
): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
  if (!policy.readAudit(actor)) throw forbidden('Only admins read the audit log');
  const cursor = decodeCursor(q.cursor, 2);
  const limit = q.limit ?? DEFAULT_LIMIT;
  const rows = await listAudit(ctx.db, {
    organizationId: actor.organizationId,
    targetType: q.targetType,
    targetId: q.targetId,
    actorId: q.actorId,
    limit,
    after: cursor ? { at: cursor[0] ?? '', id: cursor[1] ?? '' } : undefined,
  });
  const result = page(rows, limit, (r) => [r.created_at, r.id]);
  return { items: result.items.map(toAuditEntry), nextCursor: result.nextCursor };
}
