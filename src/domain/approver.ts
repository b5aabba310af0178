/** Who approves a plan (domain.md "Plan states"), and unit-tree helpers. */

export interface UnitNode {
  id: string;
  parentId: string | null;
  leaderId: string | null;
}

/**
 * Ids of the unit and its ancestors, nearest first. Stops at the root, at a parent id missing from
 * `units`, or when an id repeats (a corrupt tree with a cycle). An unknown `unitId` gives [].
 */
export function ancestorIds(unitId: string, units: ReadonlyMap<string, UnitNode>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  let current = units.get(unitId);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    out.push(current.id);
    current = current.parentId === null ? undefined : units.get(current.parentId);
  }
  return out;
}

/**
 * True if making `childId`'s parent `newParentId` would form a cycle: the new parent is the unit
 * itself or one of its descendants (i.e. `childId` is among the new parent's ancestors).
 */
export function wouldCreateUnitCycle(
  childId: string,
  newParentId: string,
  units: ReadonlyMap<string, UnitNode>,
): boolean {
  if (childId === newParentId) return true;
  return ancestorIds(newParentId, units).includes(childId);
}

/** The first leader on `path` (unit ids, nearest first) who exists and is not `exclude`. */
function firstLeader(
  path: readonly string[],
  units: ReadonlyMap<string, UnitNode>,
  exclude: string | null,
): string | null {
  for (const id of path) {
    const leader = units.get(id)?.leaderId ?? null;
    if (leader !== null && leader !== exclude) return leader;
  }
  return null;
}

/**
 * The approver of a plan; null means an admin approves (admins may always act as approver).
 * - unit plan: the leader of the parent unit; the root unit's plan → null. Walks further up while
 *   the leader is missing or is the unit's own leader (nobody approves their own plan).
 * - user plan: the leader of the user's unit (`primaryUnitId` for a user in several units), or of
 *   its parent when the user leads that unit: walks up while the leader is missing or is the user.
 *   No unit → null.
 * Returns null when no such leader is found, or when the unit is not in `units`.
 */
export function resolveApprover(
  owner:
    | { type: 'unit'; unitId: string }
    | { type: 'user'; userId: string; primaryUnitId: string | null },
  units: ReadonlyMap<string, UnitNode>,
): string | null {
  if (owner.type === 'unit') {
    const unit = units.get(owner.unitId);
    if (!unit) return null;
    return firstLeader(ancestorIds(owner.unitId, units).slice(1), units, unit.leaderId);
  }
  if (owner.primaryUnitId === null) return null;
  return firstLeader(ancestorIds(owner.primaryUnitId, units), units, owner.userId);
}
