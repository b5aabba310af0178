/** Plan versions: the order to list them, what to compare, and how a diff value reads. */

export interface VersionLike {
  number: number;
  cause: 'approval' | 'adjustment';
  createdAt: string;
}

/** Newest first. */
export function newestFirst<V extends VersionLike>(list: readonly V[]): V[] {
  return [...list].sort((a, b) => b.number - a.number);
}

/** `current` compares with the plan as it is now; a number, with that version. */
export type CompareWith = 'current' | number;

/**
 * The `from`/`to` of GET /plans/:id/diff for a picked version and what to compare it with: the
 * older version is always `from`; `to` is undefined for the current plan. Null when both are the
 * same version (nothing to compare).
 */
export function diffRange(
  picked: number,
  other: CompareWith,
): { from: number; to: number | undefined } | null {
  if (other === 'current') return { from: picked, to: undefined };
  if (other === picked) return null;
  return { from: Math.min(picked, other), to: Math.max(picked, other) };
}

/** A value in a diff, as people read it: '–' for nothing, text as is, objects as JSON. */
export function showValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '–';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'object' && v !== null && 'title' in v) {
    const title = (v as { title?: unknown }).title;
    if (typeof title === 'string') return title;
  }
  return JSON.stringify(v);
}

export interface SnapshotLike {
  objectives: { keyResults: unknown[] }[];
}

/** How many objectives and key results a version holds. */
export function snapshotSize(s: SnapshotLike): { objectives: number; keyResults: number } {
  return {
    objectives: s.objectives.length,
    keyResults: s.objectives.reduce((n, o) => n + o.keyResults.length, 0),
  };
}

export interface ChangeLike {
  change: 'added' | 'removed' | 'changed';
}

/** Counts of added, removed and changed items in a diff. */
export function changeCounts(changes: readonly ChangeLike[]): Record<ChangeLike['change'], number> {
  const out = { added: 0, removed: 0, changed: 0 };
  for (const c of changes) out[c.change] += 1;
  return out;
}

export interface TreeLike {
  objectives: { id: string; title: string; keyResults?: { id: string; title: string }[] }[];
}

/** Titles of the objectives and key results of one or more trees (a plan, versions), by id. */
export function titlesById(trees: readonly (TreeLike | null | undefined)[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const tree of trees) {
    for (const o of tree?.objectives ?? []) {
      if (!out.has(o.id)) out.set(o.id, o.title);
      for (const kr of o.keyResults ?? []) if (!out.has(kr.id)) out.set(kr.id, kr.title);
    }
  }
  return out;
}

/**
 * What a change is about, as a title: an added or removed item carries its own title; a changed
 * one is looked up (its title before the change, when the title itself changed). The id when
 * nothing names it.
 */
export function changeTitle(
  c: ChangeLike & { targetId: string; field: string | null; before: unknown; after: unknown },
  titles: ReadonlyMap<string, string>,
): string {
  const own = (v: unknown): string | null =>
    typeof v === 'object' && v !== null && typeof (v as { title?: unknown }).title === 'string'
      ? (v as { title: string }).title
      : null;
  if (c.change === 'added') return own(c.after) ?? titles.get(c.targetId) ?? c.targetId;
  if (c.change === 'removed') return own(c.before) ?? titles.get(c.targetId) ?? c.targetId;
  if (c.field === 'title' && typeof c.before === 'string') return c.before;
  return titles.get(c.targetId) ?? c.targetId;
}
