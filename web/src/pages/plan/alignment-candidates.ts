/**
 * What an objective of a plan may align to: the objectives and key results of the plans of the
 * units above the plan's owner, in the plan's cycle or a cycle enclosing it.
 */
import { plans as plansApi } from '../../api/endpoints';
import { mapLimit } from '../../api/queries';
import type { Cycle, PlanDetail, Unit, User } from '../../api/types';
import { alignableCycles } from '../../lib/cycles';
import { alignableUnitIds } from '../../lib/units';

export interface AlignmentTarget {
  kind: 'objective' | 'keyResult';
  id: string;
  title: string;
  /** "星辰科技 · 2026年度战略" */
  planLabel: string;
  /** for a key result, its objective's title */
  objectiveTitle?: string;
}

export interface AlignmentCandidates {
  loading: boolean;
  plans: PlanDetail[];
  /** objective or key result by id */
  byId: Map<string, AlignmentTarget>;
}

export const emptyCandidates: AlignmentCandidates = { loading: true, plans: [], byId: new Map() };

/** Loads the candidate plans in full. */
export async function loadAlignmentCandidates(
  plan: { ownerType: 'unit' | 'user'; ownerId: string; cycleId: string },
  units: readonly Unit[],
  users: readonly User[],
  cycles: readonly Cycle[],
): Promise<AlignmentCandidates> {
  const owner =
    plan.ownerType === 'unit'
      ? { type: 'unit' as const, id: plan.ownerId }
      : {
          type: 'user' as const,
          id: plan.ownerId,
          unitIds: users.find((u) => u.id === plan.ownerId)?.unitIds ?? [],
        };
  const unitIds = alignableUnitIds(owner, units);
  const cycle = cycles.find((c) => c.id === plan.cycleId);
  const cycleIds = new Set(
    cycle ? alignableCycles(cycle, cycles).map((c) => c.id) : [plan.cycleId],
  );
  const lists = await mapLimit(unitIds, 6, (ownerId) =>
    plansApi.list({ ownerType: 'unit', ownerId }),
  );
  const found = lists.flat().filter((p) => cycleIds.has(p.cycleId));
  const details = await mapLimit(found, 6, (p) => plansApi.get(p.id));
  // the company first, down to the nearest unit
  const unitRank = new Map(unitIds.map((id, i) => [id, i]));
  details.sort((a, b) => (unitRank.get(b.ownerId) ?? 0) - (unitRank.get(a.ownerId) ?? 0));
  const byId = new Map<string, AlignmentTarget>();
  for (const p of details) {
    const cycleName = cycles.find((c) => c.id === p.cycleId)?.name ?? '';
    const planLabel = `${p.ownerName ?? ''} · ${cycleName}`;
    for (const o of p.objectives) {
      byId.set(o.id, { kind: 'objective', id: o.id, title: o.title, planLabel });
      for (const kr of o.keyResults ?? []) {
        byId.set(kr.id, {
          kind: 'keyResult',
          id: kr.id,
          title: kr.title,
          planLabel,
          objectiveTitle: o.title,
        });
      }
    }
  }
  return { loading: false, plans: details, byId };
}
