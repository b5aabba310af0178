/** Health of progress against the cycle's expected progress, and the colours that show it. */

export type Health = 'on_track' | 'at_risk' | 'off_track' | 'not_started';

export const HEALTHS: readonly Health[] = ['on_track', 'at_risk', 'off_track', 'not_started'];

export interface HealthThresholds {
  /** on track when progress ≥ expected − atRisk */
  atRisk: number;
  /** at risk when progress ≥ expected − offTrack, else off track */
  offTrack: number;
}

export const DEFAULT_THRESHOLDS: HealthThresholds = { atRisk: 0.1, offTrack: 0.25 };

/** The domain's health rule (domain.md "Progress"), for previews before the server answers. */
export function healthOf(
  progress: number,
  expected: number,
  hasCheckIn: boolean,
  thresholds: HealthThresholds = DEFAULT_THRESHOLDS,
): Health {
  if (!hasCheckIn) return 'not_started';
  if (progress >= expected - thresholds.atRisk - 1e-9) return 'on_track';
  if (progress >= expected - thresholds.offTrack - 1e-9) return 'at_risk';
  return 'off_track';
}

/**
 * Fill colours (bars, map nodes, tiles) and text colours that keep a 4.5:1 contrast on white
 * (tags, labels). Health is never shown by colour alone: a label or icon goes with it.
 */
export const HEALTH_COLORS: Record<Health, { fill: string; text: string; background: string }> = {
  on_track: { fill: '#34c724', text: '#1a7f0e', background: '#eafae6' },
  at_risk: { fill: '#ff8800', text: '#a85400', background: '#fff3e0' },
  off_track: { fill: '#f54a45', text: '#c02a26', background: '#feeceb' },
  not_started: { fill: '#bbbfc4', text: '#5c6066', background: '#f2f3f5' },
};

/** Health as an ordinal, worst first (for sorting lists of lagging work). */
export function healthRank(h: Health): number {
  switch (h) {
    case 'off_track':
      return 0;
    case 'at_risk':
      return 1;
    case 'not_started':
      return 2;
    case 'on_track':
      return 3;
  }
}

export type ScoreBand = 'green' | 'yellow' | 'red';

/** Google's scoring bands: ≥ 0.7 green, 0.4–0.69 yellow, below red. */
export function scoreBand(score: number): ScoreBand {
  if (score >= 0.7 - 1e-9) return 'green';
  if (score >= 0.4 - 1e-9) return 'yellow';
  return 'red';
}

/** Fill colour of a progress fraction in a heatmap, by its health against `expected`. */
export function heatColor(progress: number | null, expected: number, hasPlan: boolean): string {
  if (!hasPlan || progress === null) return HEALTH_COLORS.not_started.fill;
  return HEALTH_COLORS[healthOf(progress, expected, true)].fill;
}

export type PlanStateName = 'draft' | 'in_review' | 'changes_requested' | 'approved' | 'closed';

/** Text and background of each plan state's tag (4.5:1 contrast). */
export const PLAN_STATE_COLORS: Record<PlanStateName, { text: string; background: string }> = {
  draft: { text: '#5c6066', background: '#f2f3f5' },
  in_review: { text: '#245bdb', background: '#e8efff' },
  changes_requested: { text: '#a85400', background: '#fff3e0' },
  approved: { text: '#1a7f0e', background: '#eafae6' },
  closed: { text: '#5c6066', background: '#f2f3f5' },
};

/** WCAG contrast ratio of two `#rrggbb` colours (1–21). */
export function contrastRatio(a: string, b: string): number {
  const lum = (hex: string) => {
    const n = hex.replace('#', '');
    const [r, g, bl] = [0, 2, 4].map((i) => parseInt(n.slice(i, i + 2), 16) / 255) as [
      number,
      number,
      number,
    ];
    const f = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(bl);
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
