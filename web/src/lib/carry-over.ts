/** Carry-over: which plans may carry over, into which cycles, and which items are unfinished. */
/** the server's tolerance for "finished" (src/domain/progress.ts) */
const EPSILON = 1e-9;

export interface CycleLike {
  id: string;
  startDate: string;
  state: 'planning' | 'active' | 'reviewing' | 'closed';
  kind?: string;
}

/** Cycles that start after `from` and are not closed, the soonest first (same kind first). */
export function laterCycles<C extends CycleLike>(cycles: readonly C[], from: CycleLike): C[] {
  return cycles
    .filter((c) => c.startDate > from.startDate && c.state !== 'closed')
    .sort((a, b) => {
      const kind = Number(b.kind === from.kind) - Number(a.kind === from.kind);
      return kind !== 0 ? kind : a.startDate.localeCompare(b.startDate);
    });
}

/** Whether a plan may be carried over now: approved or closed, at the end of its cycle. */
export function carryOverOpen(
  plan: { state: string },
  cycle: { state: string } | undefined,
): boolean {
  if (plan.state === 'closed') return true;
  return plan.state === 'approved' && (cycle?.state === 'reviewing' || cycle?.state === 'closed');
}

const unfinished = (progress: number): boolean => progress < 1 - EPSILON;

export interface ItemLike {
  id: string;
  title: string;
  progress: number;
  priority: number;
}

export interface ObjectiveItems<O extends ItemLike, K extends ItemLike> {
  objective: O;
  keyResults: K[];
}

/** The unfinished objectives and their unfinished key results, by priority. */
export function unfinishedItems<O extends ItemLike & { keyResults?: K[] }, K extends ItemLike>(
  objectives: readonly O[],
): ObjectiveItems<O, K>[] {
  return [...objectives]
    .sort((a, b) => a.priority - b.priority)
    .filter((o) => unfinished(o.progress))
    .map((o) => ({
      objective: o,
      keyResults: [...(o.keyResults ?? [])]
        .filter((kr) => unfinished(kr.progress))
        .sort((a, b) => a.priority - b.priority),
    }));
}

/**
 * The carry-over body for the chosen key results (and objectives without unfinished key results):
 * an objective with every unfinished KR chosen goes as a whole (`objectiveIds`), otherwise its
 * chosen KRs go one by one (`keyResultIds`, each brings its objective along).
 */
export function carryOverSelection(
  items: readonly ObjectiveItems<ItemLike, ItemLike>[],
  chosen: ReadonlySet<string>,
): { objectiveIds: string[]; keyResultIds: string[] } {
  const objectiveIds: string[] = [];
  const keyResultIds: string[] = [];
  for (const { objective, keyResults } of items) {
    if (keyResults.length === 0) {
      if (chosen.has(objective.id)) objectiveIds.push(objective.id);
      continue;
    }
    const picked = keyResults.filter((kr) => chosen.has(kr.id));
    if (picked.length === keyResults.length) objectiveIds.push(objective.id);
    else keyResultIds.push(...picked.map((kr) => kr.id));
  }
  return { objectiveIds, keyResultIds };
}

/** Every id an "all" choice selects (objectives and their unfinished KRs). */
export function allIds(items: readonly ObjectiveItems<ItemLike, ItemLike>[]): Set<string> {
  const out = new Set<string>();
  for (const { objective, keyResults } of items) {
    out.add(objective.id);
    for (const kr of keyResults) out.add(kr.id);
  }
  return out;
}
