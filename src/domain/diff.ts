/**
 * Plan versions and what changed between two of them (the "what changed since approval").
 * A snapshot holds the defining fields of a plan's objectives and KRs — never progress, which
 * moves with every check-in. Pure: no I/O.
 */

export interface KeyResultSnapshot {
  id: string;
  title: string;
  metricType: 'number' | 'percent' | 'currency' | 'boolean';
  unit: string | null;
  startValue: number;
  targetValue: number;
  direction: 'increase' | 'decrease';
  weight: number;
  priority: number;
  ownerId: string | null;
  dueDate: string | null;
  progressSource: 'manual' | 'aligned' | 'actions';
}

export interface ObjectiveSnapshot {
  id: string;
  title: string;
  description: string | null;
  kind: 'committed' | 'aspirational';
  priority: number;
  weight: number;
  alignedToObjectiveId: string | null;
  alignedToKeyResultId: string | null;
  visibility: 'public' | 'private';
  /** by priority */
  keyResults: KeyResultSnapshot[];
}

/** A plan's tree at one moment: objectives by priority, each with its KRs by priority. */
export interface PlanSnapshot {
  objectives: ObjectiveSnapshot[];
}

export interface PlanChange {
  /** `objectives[<id>]`, `objectives[<id>].weight`, `objectives[<id>].keyResults[<id>].targetValue` */
  path: string;
  targetType: 'objective' | 'keyResult';
  targetId: string;
  /** the changed field; null when the whole objective or KR was added or removed */
  field: string | null;
  change: 'added' | 'removed' | 'changed';
  /** the field's value (or the whole item) before; null when added */
  before: unknown;
  /** the field's value (or the whole item) after; null when removed */
  after: unknown;
}

/** The objective fields compared, in the order changes are listed. */
export const OBJECTIVE_FIELDS = [
  'title',
  'description',
  'kind',
  'priority',
  'weight',
  'alignedToObjectiveId',
  'alignedToKeyResultId',
  'visibility',
] as const satisfies readonly (keyof ObjectiveSnapshot)[];

/** The KR fields compared, in the order changes are listed. */
export const KEY_RESULT_FIELDS = [
  'title',
  'metricType',
  'unit',
  'startValue',
  'targetValue',
  'direction',
  'weight',
  'priority',
  'ownerId',
  'dueDate',
  'progressSource',
] as const satisfies readonly (keyof KeyResultSnapshot)[];

/** Same value: strict equality, with null and undefined the same (older snapshots lack fields). */
const same = (a: unknown, b: unknown): boolean => (a ?? null) === (b ?? null);

function fieldChanges<T extends object>(
  before: T,
  after: T,
  fields: readonly (keyof T & string)[],
  base: Omit<PlanChange, 'path' | 'field' | 'change' | 'before' | 'after'>,
  path: string,
): PlanChange[] {
  const out: PlanChange[] = [];
  for (const field of fields) {
    if (same(before[field], after[field])) continue;
    out.push({
      ...base,
      path: `${path}.${field}`,
      field,
      change: 'changed',
      before: before[field] ?? null,
      after: after[field] ?? null,
    });
  }
  return out;
}

const objectivePath = (id: string) => `objectives[${id}]`;
const keyResultPath = (objectiveId: string, id: string) =>
  `${objectivePath(objectiveId)}.keyResults[${id}]`;

/** An objective without its KRs (added and removed objectives list their KRs separately). */
function objectiveOnly(o: ObjectiveSnapshot): Omit<ObjectiveSnapshot, 'keyResults'> {
  const copy: Partial<ObjectiveSnapshot> = { ...o };
  delete copy.keyResults;
  return copy as Omit<ObjectiveSnapshot, 'keyResults'>;
}

/**
 * The changes from `from` to `to`: objectives in `to`'s order (then removed ones in `from`'s
 * order); for each, its own field changes, then its KRs added, changed (field by field) and
 * removed. A KR that moved to another objective shows as a change of `objectiveId`.
 */
export function diffPlans(from: PlanSnapshot, to: PlanSnapshot): PlanChange[] {
  const out: PlanChange[] = [];
  const fromObjectives = new Map(from.objectives.map((o) => [o.id, o]));
  const toObjectives = new Set(to.objectives.map((o) => o.id));
  const fromKeyResults = new Map<string, { kr: KeyResultSnapshot; objectiveId: string }>();
  for (const o of from.objectives) {
    for (const kr of o.keyResults) fromKeyResults.set(kr.id, { kr, objectiveId: o.id });
  }
  const toKeyResults = new Set(to.objectives.flatMap((o) => o.keyResults.map((kr) => kr.id)));

  for (const o of to.objectives) {
    const before = fromObjectives.get(o.id);
    if (!before) {
      out.push({
        path: objectivePath(o.id),
        targetType: 'objective',
        targetId: o.id,
        field: null,
        change: 'added',
        before: null,
        after: objectiveOnly(o),
      });
    } else {
      out.push(
        ...fieldChanges(
          before,
          o,
          OBJECTIVE_FIELDS,
          { targetType: 'objective', targetId: o.id },
          objectivePath(o.id),
        ),
      );
    }
    for (const kr of o.keyResults) {
      const path = keyResultPath(o.id, kr.id);
      const base = { targetType: 'keyResult' as const, targetId: kr.id };
      const old = fromKeyResults.get(kr.id);
      if (!old) {
        out.push({ ...base, path, field: null, change: 'added', before: null, after: kr });
        continue;
      }
      if (old.objectiveId !== o.id) {
        out.push({
          ...base,
          path: `${path}.objectiveId`,
          field: 'objectiveId',
          change: 'changed',
          before: old.objectiveId,
          after: o.id,
        });
      }
      out.push(...fieldChanges(old.kr, kr, KEY_RESULT_FIELDS, base, path));
    }
    if (before) {
      for (const kr of before.keyResults) {
        if (toKeyResults.has(kr.id)) continue;
        out.push({
          targetType: 'keyResult',
          targetId: kr.id,
          path: keyResultPath(o.id, kr.id),
          field: null,
          change: 'removed',
          before: kr,
          after: null,
        });
      }
    }
  }
  for (const o of from.objectives) {
    if (toObjectives.has(o.id)) continue;
    out.push({
      path: objectivePath(o.id),
      targetType: 'objective',
      targetId: o.id,
      field: null,
      change: 'removed',
      before: objectiveOnly(o),
      after: null,
    });
    for (const kr of o.keyResults) {
      if (toKeyResults.has(kr.id)) continue;
      out.push({
        path: keyResultPath(o.id, kr.id),
        targetType: 'keyResult',
        targetId: kr.id,
        field: null,
        change: 'removed',
        before: kr,
        after: null,
      });
    }
  }
  return out;
}

/** The snapshot without private objectives (for readers who may not see them). */
export function withoutPrivate(snapshot: PlanSnapshot): PlanSnapshot {
  return { objectives: snapshot.objectives.filter((o) => o.visibility === 'public') };
}
