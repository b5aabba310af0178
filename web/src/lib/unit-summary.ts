/** A unit's cycle summary (复盘): which plans it covers, shares, and the chart of its scores. */
import { subtreeIds, type UnitLike } from './units';

export interface ScopeUnit extends UnitLike {
  memberIds: string[];
}

export interface PlanLike {
  ownerType: 'unit' | 'user';
  ownerId: string;
}

/**
 * The plans the summary covers (as the API counts them): those of the unit, the units below it,
 * and the members of those units. Unit plans come first (in tree order), then people's plans.
 */
export function plansInScope<P extends PlanLike>(
  plans: readonly P[],
  unitId: string,
  units: readonly ScopeUnit[],
): P[] {
  const unitIds = subtreeIds(unitId, units);
  const unitOrder = new Map(unitIds.map((id, i) => [id, i]));
  const people = new Set<string>();
  for (const u of units) if (unitOrder.has(u.id)) for (const m of u.memberIds) people.add(m);
  const unitPlans = plans
    .filter((p) => p.ownerType === 'unit' && unitOrder.has(p.ownerId))
    .sort((a, b) => (unitOrder.get(a.ownerId) ?? 0) - (unitOrder.get(b.ownerId) ?? 0));
  const userPlans = plans.filter((p) => p.ownerType === 'user' && people.has(p.ownerId));
  return [...unitPlans, ...userPlans];
}

/** `part / whole` as a whole percent, or null when there is nothing to divide. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 100) : null;
}

export type Band = 'green' | 'yellow' | 'red';
export const BANDS: readonly Band[] = ['green', 'yellow', 'red'];
export const BAND_COLOR: Record<Band, string> = {
  green: '#2ea121',
  yellow: '#f5a623',
  red: '#d83931',
};

/** Whether a distribution has anything to draw. */
export function hasScores(dist: Record<Band, number>): boolean {
  return dist.green + dist.yellow + dist.red > 0;
}

/**
 * The ECharts option of three donuts side by side (plans, objectives, key results), each with its
 * green/yellow/red counts (the screen writes the level names under them). `labels` are the
 * translated names.
 */
export function distributionOption(
  dist: Record<'plans' | 'objectives' | 'keyResults', Record<Band, number>>,
  labels: {
    levels: Record<'plans' | 'objectives' | 'keyResults', string>;
    bands: Record<Band, string>;
  },
) {
  const levels = ['plans', 'objectives', 'keyResults'] as const;
  return {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0, data: BANDS.map((b) => labels.bands[b]) },
    color: BANDS.map((b) => BAND_COLOR[b]),
    series: levels.map((l, i) => ({
      type: 'pie',
      name: labels.levels[l],
      radius: ['35%', '58%'],
      center: [`${16.6 + i * 33.3}%`, '50%'],
      label: { show: false },
      data: BANDS.map((b) => ({ name: labels.bands[b], value: dist[l][b] })),
    })),
  };
}
