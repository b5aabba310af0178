/** Cross-department requests (协同): who may do what, which units to ask, and the answer bodies. */

export interface RequestLike {
  state: 'open' | 'accepted' | 'declined' | 'withdrawn';
  requesterId: string;
  toUnitLeaderId: string | null;
  createdAt: string;
}

export interface Person {
  id: string;
  role: 'admin' | 'member';
}

/** The leader of the unit asked (or an admin) answers an open request. */
export function canAnswer(r: RequestLike, me: Person): boolean {
  return r.state === 'open' && (me.role === 'admin' || r.toUnitLeaderId === me.id);
}

/** The requester (or an admin) withdraws an open request. */
export function canWithdraw(r: RequestLike, me: Person): boolean {
  return r.state === 'open' && (me.role === 'admin' || r.requesterId === me.id);
}

/** Open requests first, then the newest. */
export function sortRequests<R extends RequestLike>(list: readonly R[]): R[] {
  return [...list].sort((a, b) => {
    const open = Number(b.state === 'open') - Number(a.state === 'open');
    return open !== 0 ? open : b.createdAt.localeCompare(a.createdAt);
  });
}

export interface UnitLike {
  id: string;
  name: string;
  parentId: string | null;
}

/**
 * The units a plan's objective may ask for support: every unit but the one that owns the plan
 * (the API refuses asking yourself), in tree order (parents before their children), by name.
 */
export function askableUnits<U extends UnitLike>(
  units: readonly U[],
  owner: { ownerType: 'unit' | 'user'; ownerId: string },
  collator: Intl.Collator = new Intl.Collator('zh-CN'),
): U[] {
  const children = new Map<string | null, U[]>();
  for (const u of units) {
    const list = children.get(u.parentId) ?? [];
    list.push(u);
    children.set(u.parentId, list);
  }
  const known = new Set(units.map((u) => u.id));
  const out: U[] = [];
  const walk = (parent: string | null) => {
    const list = [...(children.get(parent) ?? [])].sort((a, b) => collator.compare(a.name, b.name));
    for (const u of list) {
      if (!(owner.ownerType === 'unit' && owner.ownerId === u.id)) out.push(u);
      walk(u.id);
    }
  };
  walk(null);
  // units whose parent is unknown (should not happen) still appear
  for (const u of units) {
    if (u.parentId !== null && !known.has(u.parentId) && !out.includes(u)) out.push(u);
  }
  return out;
}

export interface RequestDraft {
  toUnitId: string | null;
  message: string;
  /** an optional key result the requester hopes for */
  keyResultTitle: string;
  /** an optional date (`YYYY-MM-DD`) the support is needed by */
  dueDate: string | null;
}

/** The fields of a draft request that still need a value (keys under `collab.fieldRequired`). */
export function draftProblems(d: RequestDraft): Array<'toUnitId' | 'message'> {
  const out: Array<'toUnitId' | 'message'> = [];
  if (!d.toUnitId) out.push('toUnitId');
  if (d.message.trim() === '') out.push('message');
  return out;
}

/** POST /requests body of a complete draft. */
export function requestBody(objectiveId: string, d: RequestDraft) {
  const kr = d.keyResultTitle.trim();
  const text = d.message.trim();
  return {
    fromObjectiveId: objectiveId,
    toUnitId: d.toUnitId ?? '',
    message: text,
    ...(d.dueDate ? { neededBy: d.dueDate } : {}),
    ...(kr ? { desiredKeyResult: { title: kr } } : {}),
  };
}

export interface AcceptChoice {
  as: 'objective' | 'keyResult';
  /** as=keyResult: the unit's objective that gets the key result */
  objectiveId: string | null;
  /** the new objective's or key result's title (blank: the API's default) */
  title: string;
}

/** Whether an accept choice is complete. */
export function acceptReady(c: AcceptChoice): boolean {
  return c.as === 'objective' || c.objectiveId !== null;
}

/** POST /requests/:id/accept body. */
export function acceptBody(c: AcceptChoice): {
  as: 'objective' | 'keyResult';
  objectiveId?: string;
  title?: string;
} {
  const title = c.title.trim();
  return {
    as: c.as,
    ...(c.as === 'keyResult' && c.objectiveId ? { objectiveId: c.objectiveId } : {}),
    ...(title ? { title } : {}),
  };
}

/** Where the objective or key result an accepted request created lives (a plan path), if any. */
export function createdLink(r: {
  createdPlanId: string | null;
  createdKeyResultId: string | null;
}): string | null {
  if (r.createdKeyResultId) return `/key-results/${r.createdKeyResultId}`;
  if (r.createdPlanId) return `/plans/${r.createdPlanId}`;
  return null;
}
