/** Reads that combine several calls: the plans and key results that concern the signed-in person. */
import { ancestorIds } from '../lib/units';
import { plans as plansApi } from './endpoints';
import type { KeyResult, Me, Objective, Plan, PlanDetail, Unit } from './types';

/** Runs `fn` over `items` with at most `limit` calls at a time, keeping the order. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Whether the plan belongs to the person or to a unit they lead. */
export function isMyPlan(plan: Pick<Plan, 'ownerType' | 'ownerId'>, me: Me): boolean {
  return plan.ownerType === 'user'
    ? plan.ownerId === me.id
    : me.leadsUnitIds.includes(plan.ownerId);
}

/** Whether the person may edit the plan: its owner, the owner unit's leader, or an admin. */
export function canWritePlan(plan: Pick<Plan, 'ownerType' | 'ownerId'>, me: Me): boolean {
  return me.role === 'admin' || isMyPlan(plan, me);
}

/**
 * Plans where the person's key results usually live: their own, and those of their units and
 * every unit above them (leaders own key results of the plans above their unit).
 */
export function isInMyChain(
  plan: Pick<Plan, 'ownerType' | 'ownerId'>,
  me: Me,
  units: readonly Unit[],
): boolean {
  if (plan.ownerType === 'user') return plan.ownerId === me.id;
  const chain = new Set<string>();
  for (const u of me.unitIds) {
    chain.add(u);
    for (const a of ancestorIds(u, units)) chain.add(a);
  }
  return chain.has(plan.ownerId);
}

export interface MyKeyResult {
  keyResult: KeyResult;
  objective: Objective;
  plan: PlanDetail;
}

/** The key results the person answers for: owned by them, or unowned in their own plan. */
export function myKeyResults(details: readonly PlanDetail[], me: Me): MyKeyResult[] {
  const out: MyKeyResult[] = [];
  for (const plan of details) {
    for (const objective of plan.objectives) {
      for (const kr of objective.keyResults ?? []) {
        const mine =
          kr.ownerId === me.id ||
          (kr.ownerId === null && plan.ownerType === 'user' && plan.ownerId === me.id);
        if (mine) out.push({ keyResult: kr, objective, plan });
      }
    }
  }
  return out;
}

/** Approved plans of the given cycles in the person's chain, in full. */
export async function loadMyApprovedPlans(
  cycleIds: readonly string[],
  me: Me,
  units: readonly Unit[],
): Promise<PlanDetail[]> {
  const lists = await mapLimit(cycleIds, 4, (cycleId) =>
    plansApi.list({ cycleId, state: 'approved' }),
  );
  const relevant = lists.flat().filter((p) => isInMyChain(p, me, units));
  return mapLimit(relevant, 6, (p) => plansApi.get(p.id));
}
