/**
 * Scores on read models (domain.md "Scoring"): a KR's score is its final score, else its self
 * score, else its default score; objective and plan scores are weighted means; committed
 * objectives below 1.0 and aspirational ones below 0.7 are misses. Computed on read from the
 * stored scores and progress — after a plan closes every KR has a final score, so nothing moves.
 */
import type { KeyResultRow, ObjectiveRow } from '../../db/schema.js';
import {
  defaultScore,
  isMiss,
  keyResultScore,
  scoreBand,
  weightedScore,
  type ScoreBand,
} from '../../domain/scoring.js';
import type { KeyResult } from '../key-results/key-results.schema.js';
import type { Objective } from '../objectives/objectives.schema.js';
import type { PlanDetail } from '../plans/plans.schema.js';

export interface ObjectiveScore {
  score: number;
  scoreBand: ScoreBand;
  miss: boolean;
}

export interface PlanScores {
  score: number;
  scoreBand: ScoreBand;
  objectives: Map<string, ObjectiveScore>;
  keyResults: Map<string, number>;
}

const rowScore = (kr: KeyResultRow): number =>
  keyResultScore({ finalScore: kr.final_score, selfScore: kr.self_score, progress: kr.progress });

/** Scores of every KR, objective and the plan (all rows, private ones included). */
export function planScores(
  objectives: readonly ObjectiveRow[],
  keyResults: readonly KeyResultRow[],
): PlanScores {
  const krScores = new Map(keyResults.map((kr) => [kr.id, rowScore(kr)]));
  const objectiveScores = new Map<string, ObjectiveScore>();
  for (const o of objectives) {
    const score = weightedScore(
      keyResults
        .filter((kr) => kr.objective_id === o.id)
        .map((kr) => ({ weight: kr.weight, score: krScores.get(kr.id) ?? 0 })),
    );
    objectiveScores.set(o.id, { score, scoreBand: scoreBand(score), miss: isMiss(o.kind, score) });
  }
  const score = weightedScore(
    objectives.map((o) => ({ weight: o.weight, score: objectiveScores.get(o.id)?.score ?? 0 })),
  );
  return { score, scoreBand: scoreBand(score), objectives: objectiveScores, keyResults: krScores };
}

/** A KR as the API shows it, with its default score filled in during the scoring phase. */
export function withKeyResultScore(kr: KeyResult, progress: number, phase: boolean): KeyResult {
  if (!phase || kr.score !== null) return kr;
  return { ...kr, score: defaultScore(progress) };
}

/**
 * The plan's tree with scores: in the scoring phase, each KR's score, each objective's score,
 * band and miss, and the plan's score and band; before it, nulls.
 */
export function withPlanScores(
  detail: PlanDetail,
  rows: { objectives: readonly ObjectiveRow[]; keyResults: readonly KeyResultRow[] },
  phase: boolean,
): PlanDetail {
  if (!phase) {
    return {
      ...detail,
      score: null,
      scoreBand: null,
      objectives: detail.objectives.map((o): Objective => ({
        ...o,
        score: null,
        scoreBand: null,
        miss: null,
      })),
    };
  }
  const scores = planScores(rows.objectives, rows.keyResults);
  return {
    ...detail,
    score: scores.score,
    scoreBand: scores.scoreBand,
    objectives: detail.objectives.map((o): Objective => {
      const s = scores.objectives.get(o.id);
      return {
        ...o,
        score: s?.score ?? null,
        scoreBand: s?.scoreBand ?? null,
        miss: s?.miss ?? null,
        ...(o.keyResults
          ? {
              keyResults: o.keyResults.map((kr) => ({
                ...kr,
                score: scores.keyResults.get(kr.id) ?? kr.score,
              })),
            }
          : {}),
      };
    }),
  };
}
