/**
 * Builds a plan with its objectives and key results directly in the database, with the stored
 * roll-ups (progress, last check-in) given as they are — for read-model tests, which read those
 * columns and never recompute trees. Unspecified progress rolls up from the children (weighted
 * mean), an unspecified last check-in is the latest of the children's.
 */
import type { AppContext } from '../../src/context.js';
import type { PlanTable } from '../../src/db/schema.js';
import { weightedProgress } from '../../src/domain/progress.js';
import { newId } from '../../src/shared/ids.js';

export interface KeyResultSpec {
  title?: string;
  weight?: number;
  progress?: number;
  lastCheckInAt?: string | null;
  confidence?: number | null;
  ownerId?: string | null;
}

export interface ObjectiveSpec {
  title?: string;
  weight?: number;
  kind?: 'committed' | 'aspirational';
  progress?: number;
  lastCheckInAt?: string | null;
  alignedToObjectiveId?: string | null;
  alignedToKeyResultId?: string | null;
  visibility?: 'public' | 'private';
  keyResults?: KeyResultSpec[];
}

export interface PlanTreeSpec {
  cycleId: string;
  ownerType: 'unit' | 'user';
  ownerId: string;
  state?: PlanTable['state'];
  progress?: number;
  lastCheckInAt?: string | null;
  objectives?: ObjectiveSpec[];
}

export interface PlanTree {
  planId: string;
  /** in the order given */
  objectives: { id: string; keyResultIds: string[] }[];
}

const latest = (values: (string | null | undefined)[]): string | null =>
  values.reduce<string | null>((max, v) => (v && (max === null || v > max) ? v : max), null);

/** Inserts a plan tree for `org` and returns its ids. */
export async function insertPlanTree(
  ctx: AppContext,
  org: { id: string },
  spec: PlanTreeSpec,
): Promise<PlanTree> {
  const now = ctx.now().toISOString();
  const planId = newId();
  const objectives = (spec.objectives ?? []).map((o, oi) => {
    const keyResults = (o.keyResults ?? []).map((k, ki) => ({
      id: newId(),
      title: k.title ?? `KR ${oi + 1}.${ki + 1}`,
      weight: k.weight ?? 100 / (o.keyResults?.length ?? 1),
      progress: k.progress ?? 0,
      lastCheckInAt: k.lastCheckInAt ?? null,
      confidence: k.confidence ?? null,
      ownerId: k.ownerId ?? null,
      priority: ki + 1,
    }));
    return {
      id: newId(),
      title: o.title ?? `Objective ${oi + 1}`,
      weight: o.weight ?? 100 / (spec.objectives?.length ?? 1),
      kind: o.kind ?? 'committed',
      progress: o.progress ?? weightedProgress(keyResults),
      lastCheckInAt:
        o.lastCheckInAt === undefined
          ? latest(keyResults.map((k) => k.lastCheckInAt))
          : o.lastCheckInAt,
      alignedToObjectiveId: o.alignedToObjectiveId ?? null,
      alignedToKeyResultId: o.alignedToKeyResultId ?? null,
      visibility: o.visibility ?? 'public',
      priority: oi + 1,
      keyResults,
    };
  });
  const state = spec.state ?? 'approved';

  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('plans')
      .values({
        id: planId,
        organization_id: org.id,
        cycle_id: spec.cycleId,
        owner_type: spec.ownerType,
        owner_id: spec.ownerId,
        state,
        approver_id: null,
        progress: spec.progress ?? weightedProgress(objectives),
        last_check_in_at:
          spec.lastCheckInAt === undefined
            ? latest(objectives.map((o) => o.lastCheckInAt))
            : spec.lastCheckInAt,
        submitted_at: state === 'draft' ? null : now,
        approved_at: state === 'approved' || state === 'closed' ? now : null,
        closed_at: state === 'closed' ? now : null,
        created_at: now,
        updated_at: now,
        version: 1,
        revision: 0,
      })
      .execute();
    for (const o of objectives) {
      await trx
        .insertInto('objectives')
        .values({
          id: o.id,
          organization_id: org.id,
          plan_id: planId,
          title: o.title,
          description: null,
          kind: o.kind,
          priority: o.priority,
          weight: o.weight,
          aligned_to_objective_id: o.alignedToObjectiveId,
          aligned_to_key_result_id: o.alignedToKeyResultId,
          visibility: o.visibility,
          progress: o.progress,
          last_check_in_at: o.lastCheckInAt,
          created_at: now,
          updated_at: now,
          version: 1,
        })
        .execute();
      for (const k of o.keyResults) {
        await trx
          .insertInto('key_results')
          .values({
            id: k.id,
            organization_id: org.id,
            plan_id: planId,
            objective_id: o.id,
            title: k.title,
            metric_type: 'percent',
            unit: '%',
            start_value: 0,
            target_value: 100,
            current_value: k.progress * 100,
            direction: 'increase',
            weight: k.weight,
            priority: k.priority,
            owner_id: k.ownerId,
            due_date: null,
            confidence: k.confidence,
            progress_source: 'manual',
            progress: k.progress,
            progress_raw: k.progress,
            last_check_in_at: k.lastCheckInAt,
            created_at: now,
            updated_at: now,
            version: 1,
          })
          .execute();
      }
    }
  });
  return {
    planId,
    objectives: objectives.map((o) => ({ id: o.id, keyResultIds: o.keyResults.map((k) => k.id) })),
  };
}
