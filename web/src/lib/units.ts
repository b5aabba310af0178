/** The unit tree (company → departments → teams), given as a flat list with parentId. */

export interface UnitLike {
  id: string;
  name: string;
  parentId: string | null;
  leaderId?: string | null;
}

/** Ids of the unit's ancestors, nearest first (not the unit itself). */
export function ancestorIds(unitId: string, units: readonly UnitLike[]): string[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const out: string[] = [];
  const seen = new Set<string>([unitId]);
  let current = byId.get(unitId)?.parentId ?? null;
  while (current && !seen.has(current)) {
    out.push(current);
    seen.add(current);
    current = byId.get(current)?.parentId ?? null;
  }
  return out;
}

/** Ids of the unit and everything below it. */
export function subtreeIds(unitId: string, units: readonly UnitLike[]): string[] {
  const children = new Map<string, string[]>();
  for (const u of units) {
    if (u.parentId === null) continue;
    const list = children.get(u.parentId) ?? [];
    list.push(u.id);
    children.set(u.parentId, list);
  }
  const out: string[] = [];
  const stack = [unitId];
  const seen = new Set<string>();
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

export interface UnitNode<U extends UnitLike> {
  unit: U;
  depth: number;
  children: UnitNode<U>[];
}

/** The units as a forest (roots first), children sorted by name. */
export function unitTree<U extends UnitLike>(
  units: readonly U[],
  collator?: Intl.Collator,
): UnitNode<U>[] {
  const compare = collator ?? new Intl.Collator('zh-CN');
  const ids = new Set(units.map((u) => u.id));
  const byParent = new Map<string | null, U[]>();
  for (const u of units) {
    const key = u.parentId !== null && ids.has(u.parentId) ? u.parentId : null;
    const list = byParent.get(key) ?? [];
    list.push(u);
    byParent.set(key, list);
  }
  const build = (parent: string | null, depth: number, seen: Set<string>): UnitNode<U>[] =>
    (byParent.get(parent) ?? [])
      .filter((u) => !seen.has(u.id))
      .sort((a, b) => compare.compare(a.name, b.name))
      .map((unit) => {
        const next = new Set(seen).add(unit.id);
        return { unit, depth, children: build(unit.id, depth + 1, next) };
      });
  return build(null, 0, new Set());
}

/**
 * The units whose plans an objective of this owner may align to (the server's rule: a unit
 * above the owner). For a unit, its ancestors; for a person, their units and those units'
 * ancestors.
 */
export function alignableUnitIds(
  owner: { type: 'unit' | 'user'; id: string; unitIds?: readonly string[] },
  units: readonly UnitLike[],
): string[] {
  if (owner.type === 'unit') return ancestorIds(owner.id, units);
  const out = new Set<string>();
  for (const u of owner.unitIds ?? []) {
    out.add(u);
    for (const a of ancestorIds(u, units)) out.add(a);
  }
  return [...out];
}
