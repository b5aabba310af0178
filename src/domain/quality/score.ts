/** The plan's quality score, explained by its findings. */
import type { Finding, Severity } from './types.js';

/** Points a finding of each severity takes off the score. */
export const SEVERITY_PENALTY: Readonly<Record<Severity, number>> = {
  error: 20,
  warning: 8,
  info: 2,
};

/**
 * Quality score 0–100: start at 100 and subtract per finding by severity (error 20, warning 8,
 * info 2), never below 0. A plan with no findings scores 100; every point lost is explained by
 * one finding, so the findings list is the score's explanation.
 */
export function qualityScore(findings: ReadonlyArray<Pick<Finding, 'severity'>>): number {
  const lost = findings.reduce((sum, f) => sum + SEVERITY_PENALTY[f.severity], 0);
  return Math.max(0, 100 - lost);
}
