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

/** The bar an aspirational objective is judged against (Google's 0.7 convention). */
export const ASPIRATIONAL_TARGET = 0.7;

/**
 * Whether an objective's score is a miss: a committed objective below 1.0, an aspirational one
 * below 0.7 (1e-9 tolerance both).
 */
export function isMiss(kind: 'committed' | 'aspirational', score: number): boolean {
  if (kind === 'committed') return isCommittedMiss(kind, score);
  return !(score >= ASPIRATIONAL_TARGET - EPSILON);
}

/**
 * The score of a KR as shown: the approver's final score, else the owner's self score, else the
 * default score from its progress.
 */
export function keyResultScore(kr: {
  finalScore: number | null;
  selfScore: number | null;
  progress: number;
}): number {
  return kr.finalScore ?? kr.selfScore ?? defaultScore(kr.progress);
}

/**
 * Scores exist once the cycle is being reviewed (or closed), for plans that were approved —
 * still approved, or closed since (a plan closed with its cycle without ever being approved has
 * no scores). Before that a KR's score is null.
 */
export function isScoringPhase(
  plan: {
    state: 'draft' | 'in_review' | 'changes_requested' | 'approved' | 'closed';
    approvedAt: string | null;
  },
  cycleState: 'planning' | 'active' | 'reviewing' | 'closed',
): boolean {
  const ran = plan.state === 'approved' || (plan.state === 'closed' && plan.approvedAt !== null);
  return ran && (cycleState === 'reviewing' || cycleState === 'closed');
}
