/** Moving one item of a list (drag and drop, or the move up / move down buttons). */

/** A copy of `items` with the item at `from` moved to index `to`; out-of-range moves are no-ops. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const copy = [...items];
  if (from < 0 || from >= copy.length || to < 0 || to >= copy.length || from === to) return copy;
  const [moved] = copy.splice(from, 1);
  copy.splice(to, 0, moved as T);
  return copy;
}

/** Ids in priority order (1 = highest). */
export function idsByPriority(items: ReadonlyArray<{ id: string; priority: number }>): string[] {
  return [...items].sort((a, b) => a.priority - b.priority).map((i) => i.id);
}
