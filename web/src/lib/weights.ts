/** Weight sums of objectives in a plan and of key results in an objective (must reach 100). */

/** Sums within this distance of 100 count as 100 (the server's tolerance). */
export const WEIGHT_TOLERANCE = 0.01;

export type WeightStatus = 'complete' | 'under' | 'over';

/** Sum of the finite weights, rounded to two decimals to hide float noise. */
export function weightSum(items: ReadonlyArray<{ weight: number | null | undefined }>): number {
  let sum = 0;
  for (const item of items) {
    const w = item.weight;
    if (typeof w === 'number' && Number.isFinite(w)) sum += w;
  }
  return Math.round(sum * 100) / 100;
}

/** Whether `sum` reaches 100 (within the tolerance), falls short or goes over. */
export function weightStatus(sum: number): WeightStatus {
  if (Math.abs(sum - 100) <= WEIGHT_TOLERANCE + 1e-9) return 'complete';
  return sum < 100 ? 'under' : 'over';
}

/** What is still to distribute (negative when over 100). */
export function weightRemaining(sum: number): number {
  return Math.round((100 - sum) * 100) / 100;
}

/** `n` whole weights summing to 100, the larger ones first: 3 → [34, 33, 33]. */
export function evenWeights(n: number): number[] {
  if (n <= 0) return [];
  const base = Math.floor(100 / n);
  const extra = 100 - base * n;
  return Array.from({ length: n }, (_, i) => base + (i < extra ? 1 : 0));
}

/** A sensible weight for a new item added to a set: what remains, else an even share. */
export function weightForNewItem(existing: ReadonlyArray<{ weight: number }>): number {
  const remaining = weightRemaining(weightSum(existing));
  if (remaining > 0) return remaining;
  return evenWeights(existing.length + 1).at(-1) ?? 100;
}
