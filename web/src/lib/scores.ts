/** Scores in the reviewing phase (domain.md "Scoring"): 0–1 in steps of 0.1. */

/** A KR's default score: its progress clamped to 0–1 and rounded to 0.1. */
export function defaultScore(progress: number): number {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(progress) ? progress : 0));
  return Math.round(clamped * 10) / 10;
}

/** A score as people read it: one decimal ("0.7"). */
export function formatScore(score: number): string {
  return score.toFixed(1);
}
