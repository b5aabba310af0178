/**
 * Health as progress bounds, so SQL can count health with one CASE on progress. Expected progress
 * is the same for every item of one cycle at one instant, hence so are these bounds.
 */
import { EPSILON, type HealthThresholds } from '../../domain/progress.js';

export interface HealthBounds {
  /** with a check-in: on_track when progress ≥ this */
  onTrackMin: number;
  /** with a check-in: at_risk when onTrackMin > progress ≥ this, else off_track */
  atRiskMin: number;
}

/** The bounds domain/progress.ts `health()` applies, computed the same way (same rounding). */
export function healthBounds(expected: number, t: HealthThresholds): HealthBounds {
  return {
    onTrackMin: expected - t.atRisk - EPSILON,
    atRiskMin: expected - t.offTrack - EPSILON,
  };
}
