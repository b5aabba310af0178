/**
 * Private objectives in read models that show many plans at once (the alignment map, the
 * dashboard). Instead of asking policy.readPrivateObjectives plan by plan, it computes once which
 * plan owners the actor may read privately — the same rule in set form:
 * - admins: everyone;
 * - everyone else: their own user plans, the unit plans of the units they lead and of those
 *   units' descendants, and the user plans of the members of those units (so the leaders of a
 *   user's unit and of its ancestors read that user's private objectives).
 */
import type { DbOrTrx } from '../../context.js';
import { policy, type Actor } from '../../domain/policy.js';
import { listOwnersLedBy } from './alignment.repository.js';

export type PrivateReadScope =
  { all: true } | { all: false; unitIds: ReadonlySet<string>; userIds: ReadonlySet<string> };

/** Which plan owners' private objectives `actor` may read (one query, none for admins). */
export async function loadPrivateReadScope(db: DbOrTrx, actor: Actor): Promise<PrivateReadScope> {
  if (policy.readEveryPrivateObjective(actor)) return { all: true };
  const owners = await listOwnersLedBy(db, actor.organizationId, actor.userId);
  const unitIds = new Set<string>();
  const userIds = new Set<string>([actor.userId]);
  for (const o of owners) (o.owner_type === 'unit' ? unitIds : userIds).add(o.owner_id);
  return { all: false, unitIds, userIds };
}

/** True if the scope reads the private objectives of the plan owner. */
export function readsPrivateOf(
  scope: PrivateReadScope,
  ownerType: 'unit' | 'user',
  ownerId: string,
): boolean {
  if (scope.all) return true;
  return ownerType === 'unit' ? scope.unitIds.has(ownerId) : scope.userIds.has(ownerId);
}

/** True if an objective (public, or private and readable) may be shown by title and id. */
export function isObjectiveVisible(
  scope: PrivateReadScope,
  visibility: 'public' | 'private',
  ownerType: 'unit' | 'user',
  ownerId: string,
): boolean {
  return visibility === 'public' || readsPrivateOf(scope, ownerType, ownerId);
}
