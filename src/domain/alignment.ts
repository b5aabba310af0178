/** Alignment rules (domain.md "Alignment"). */

/**
 * Alignment never forms a cycle. `parentOf(x)` gives the objective `x` aligns to (directly, or the
 * objective of the KR it aligns to), or null/undefined for none. True if aligning `objectiveId` to
 * `targetObjectiveId` would create a cycle: the target is the objective itself or already
 * (transitively) aligned to it. Existing corrupt loops that do not pass through `objectiveId`
 * are walked once and answer false.
 */
export function wouldCreateAlignmentCycle(
  objectiveId: string,
  targetObjectiveId: string,
  parentOf: (objectiveId: string) => string | null | undefined,
): boolean {
  const seen = new Set<string>();
  let current: string | null | undefined = targetObjectiveId;
  while (current !== null && current !== undefined && !seen.has(current)) {
    if (current === objectiveId) return true;
    seen.add(current);
    current = parentOf(current);
  }
  return false;
}

/**
 * True if the child cycle may align to objectives of the parent cycle: they are the same cycle,
 * or the child's [startDate, endDate] lies within the parent's (inclusive; 'YYYY-MM-DD' compare
 * as strings).
 */
export function cycleEncloses(
  parent: { id: string; startDate: string; endDate: string },
  child: { id: string; startDate: string; endDate: string },
): boolean {
  if (parent.id === child.id) return true;
  return parent.startDate <= child.startDate && child.endDate <= parent.endDate;
}
