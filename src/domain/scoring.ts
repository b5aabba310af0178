/** Scoring (domain.md "Scoring"; Google's 0.0–1.0 convention). Pure functions. */
import { EPSILON, clamp01, weightedProgress } from './progress.js';

/** Default score of a KR: its clamped progress rounded to one decimal (half up: 0.35 → 0.4). */
export function defaultScore(clampedProgress: number): number {
  return Math.round(clamp01(clampedProgress) * 10 + EPSILON) / 10;
}

/**
 * Weighted mean of scores, same rule as `weightedProgress`: `Σ wᵢsᵢ / Σ wᵢ` over scores clamped to
 * [0, 1]; equal weights when all weights are 0; 0 for an empty list. Not rounded.
 */
export function weightedScore(items: ReadonlyArray<{ weight: number; score: number }>): number {
  return weightedProgress(items.map((i) => ({ weight: i.weight, progress: i.score })));
}

export type ScoreBand = 'green' | 'yellow' | 'red';

/** ≥ 0.7 green, ≥ 0.4 yellow, else red (with a 1e-9 tolerance for weighted means). */
export function scoreBand(score: number): ScoreBand {
  if (score >= 0.7 - EPSILON) return 'green';
  if (score >= 0.4 - EPSILON) return 'yellow';
  return 'red';
}

/** A committed objective scoring below 1.0 is a miss (1e-9 tolerance); aspirational never is. */
export function isCommittedMiss(kind: 'committed' | 'aspirational', score: number): boolean {
  return kind === 'committed' && !(score >= 1 - EPSILON);
}
