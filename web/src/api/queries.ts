/** Helpers for reads that combine several calls, and who may do what with a plan. */
import type { Me, Plan } from './types';

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
