/**
 * The OKRs of the synthetic organization: a company plan in the year cycle, and in the quarter a
 * plan for every unit and every person (the admin excepted), with weighted objectives aligned to
 * the plans above, weighted KRs of every metric type, actions, and the review decisions that
 * brought each plan to its state. Progress is filled in later (stored.ts).
 */
import type {
  ActionTable,
  KeyResultTable,
  ObjectiveTable,
  PlanTable,
  ReviewTable,
} from '../db/schema.js';
import { resolveApprover, type UnitNode } from '../domain/approver.js';
import type { IdSource } from './ids.js';
import { actionTitle, METRICS, objectiveTitle, type MetricTemplate } from './names.js';
import type { PeopleAndUnits, PlannedPerson, PlannedUnit } from './people.js';
import { integerWeights, type Rng } from './prng.js';
import { iso, localDate, quarterDay, type Timeline } from './timeline.js';

const DAY_MS = 86_400_000;

export interface PlannedKeyResult {
  row: KeyResultTable;
  template: MetricTemplate;
  /** how fast it moves relative to the cycle (1 = on schedule) */
  pace: number;
  /** seeds the KR's own generator, so its check-ins can be replayed while loading */
  seed: number;
  owner: PlannedPerson;
  actions: ActionTable[];
  /** objectives aligned to this KR (its children when progress_source is `aligned`) */
  alignedChildren: PlannedObjective[];
}

export interface PlannedObjective {
  row: ObjectiveTable;
  plan: PlannedPlan;
  keyResults: PlannedKeyResult[];
}

export interface PlannedPlan {
  row: PlanTable;
  /** who writes it: the person, or the unit's leader */
  writer: PlannedPerson;
  /** the owner unit's level (1–5) for unit plans, 6 for people's plans: roll-ups run 6 → 1 */
  level: number;
  objectives: PlannedObjective[];
  reviews: ReviewTable[];
}

export interface PlannedOkrs {
  yearPlan: PlannedPlan;
  quarterPlans: PlannedPlan[];
  /** every plan, in roll-up order: people first, then units from the bottom up, the year last */
  rollUpOrder: PlannedPlan[];
}

interface Cycles {
  yearId: string;
  quarterId: string;
}

type PlanState = PlanTable['state'];
type PlanOwner = { unit: PlannedUnit } | { person: PlannedPerson };

function stateFor(rng: Rng, level: number): PlanState {
  if (level <= 2) return 'approved';
  const r = rng.next();
  if (r < 0.94) return 'approved';
  if (r < 0.97) return 'in_review';
  if (r < 0.98) return 'changes_requested';
  return 'draft';
}

function round(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}

/** A pace: most KRs move roughly on schedule, some lag, a few have stalled. */
function drawPace(rng: Rng): number {
  const r = rng.next();
  const p =
    r < 0.6 ? rng.normal(0.95, 0.2) : r < 0.85 ? rng.normal(0.6, 0.15) : rng.normal(0.25, 0.1);
  return Math.min(1.3, Math.max(0, p));
}

const NON_BOOLEAN = METRICS.filter((m) => m.metricType !== 'boolean');
const BOOLEAN = METRICS.filter((m) => m.metricType === 'boolean');

export class OkrPlanner {
  private readonly unitNodes = new Map<string, UnitNode>();
  private readonly unitPlans = new Map<string, PlannedPlan>();
  private cycles: Cycles | undefined;

  constructor(
    private readonly rng: Rng,
    private readonly ids: IdSource,
    private readonly orgId: string,
    private readonly tl: Timeline,
    private readonly org: PeopleAndUnits,
  ) {
    for (const u of org.units) {
      this.unitNodes.set(u.row.id, {
        id: u.row.id,
        parentId: u.row.parent_id,
        leaderId: u.row.leader_id,
      });
    }
  }

  /** Plans everything; `cycles` are the ids of the year and the quarter. */
  plan(cycles: Cycles): PlannedOkrs {
    this.cycles = cycles;
    const { root, units, people, admin } = this.org;
    const yearStart = this.tl.year.start + DAY_MS + 10 * 3_600_000;
    const yearPlan = this.newPlan(cycles.yearId, { unit: root }, root.leader, 1, yearStart);
    this.fill(yearPlan, { objectives: 4, parent: null, owner: root });

    const quarterPlans: PlannedPlan[] = [];
    for (const unit of units) {
      const at = quarterDay(this.tl, this.rng.next() * 1.5) + 9 * 3_600_000;
      const plan = this.newPlan(cycles.quarterId, { unit }, unit.leader, unit.level, at);
      this.unitPlans.set(unit.row.id, plan);
      const parent =
        unit.parent === null
          ? null
          : unit.level === 2 && this.rng.chance(0.4)
            ? yearPlan
            : this.unitPlans.get(unit.parent.row.id)!;
      this.fill(plan, { objectives: this.rng.int(4, 5), parent, owner: unit });
      quarterPlans.push(plan);
    }
    for (const person of people) {
      if (person === admin || person.unit === null) continue;
      const at = quarterDay(this.tl, 0.5 + this.rng.next() * 1.5) + 9 * 3_600_000;
      const plan = this.newPlan(cycles.quarterId, { person }, person, 6, at);
      const parent = this.unitPlans.get(person.unit.row.id)!;
      this.fill(plan, { objectives: this.rng.chance(0.55) ? 4 : 3, parent, owner: person });
      quarterPlans.push(plan);
    }

    // an aligned KR nobody aligned to would sit at 0 forever: its owner tracks it by hand
    for (const plan of [yearPlan, ...quarterPlans]) {
      for (const o of plan.objectives) {
        for (const kr of o.keyResults) {
          if (kr.row.progress_source === 'aligned' && kr.alignedChildren.length === 0) {
            kr.row.progress_source = 'manual';
          }
        }
      }
    }

    const rollUpOrder = [...quarterPlans].sort((a, b) => b.level - a.level);
    rollUpOrder.push(yearPlan);
    return { yearPlan, quarterPlans, rollUpOrder };
  }

  /** The approver as the live service resolves it (domain/approver.ts). */
  private approverOf(owner: PlanOwner): string | null {
    if ('unit' in owner) {
      return resolveApprover({ type: 'unit', unitId: owner.unit.row.id }, this.unitNodes);
    }
    const person = owner.person;
    return resolveApprover(
      { type: 'user', userId: person.row.id, primaryUnitId: person.unit?.row.id ?? null },
      this.unitNodes,
    );
  }

  private newPlan(
    cycleId: string,
    owner: PlanOwner,
    writer: PlannedPerson,
    level: number,
    createdAt: number,
  ): PlannedPlan {
    const state = stateFor(this.rng, level);
    const approverId = this.approverOf(owner);
    const ownerType = 'unit' in owner ? 'unit' : 'user';
    const ownerId = 'unit' in owner ? owner.unit.row.id : owner.person.row.id;
    const submittedAt = state === 'draft' ? null : createdAt + DAY_MS;
    const decidedAt = submittedAt === null ? null : submittedAt + DAY_MS;
    const id = this.ids.next();
    const reviewer = approverId ?? this.org.admin.row.id;
    const reviews: ReviewTable[] = [];
    const review = (
      decision: ReviewTable['decision'],
      by: string,
      at: number,
      comment: string | null,
    ) =>
      reviews.push({
        id: this.ids.next(),
        organization_id: this.orgId,
        plan_id: id,
        decision,
        comment,
        reviewer_id: by,
        created_at: iso(at),
      });
    if (submittedAt !== null) review('submitted', writer.row.id, submittedAt, null);
    if (decidedAt !== null && state === 'approved') review('approved', reviewer, decidedAt, null);
    if (decidedAt !== null && state === 'changes_requested') {
      review('changes_requested', reviewer, decidedAt, '请补充关键结果的基线数据');
    }
    const updatedAt =
      state === 'approved' || state === 'changes_requested' ? decidedAt : submittedAt;
    return {
      row: {
        id,
        organization_id: this.orgId,
        cycle_id: cycleId,
        owner_type: ownerType,
        owner_id: ownerId,
        state,
        approver_id: approverId,
        progress: 0,
        last_check_in_at: null,
        submitted_at: submittedAt === null ? null : iso(submittedAt),
        approved_at: state === 'approved' && decidedAt !== null ? iso(decidedAt) : null,
        closed_at: null,
        created_at: iso(createdAt),
        updated_at: iso(updatedAt ?? createdAt),
        version: 1 + reviews.length,
        revision: 0,
      },
      writer,
      level,
      objectives: [],
      reviews,
    };
  }

  /** Objectives with their KRs (and actions), aligned into `parent` where one is given. */
  private fill(
    plan: PlannedPlan,
    o: { objectives: number; parent: PlannedPlan | null; owner: PlannedUnit | PlannedPerson },
  ): void {
    const isUnit = plan.row.owner_type === 'unit';
    const weights = integerWeights(this.rng, o.objectives);
    for (let i = 0; i < o.objectives; i++) {
      const objective: PlannedObjective = {
        row: {
          id: this.ids.next(),
          organization_id: this.orgId,
          plan_id: plan.row.id,
          title: objectiveTitle(this.rng),
          description: null,
          kind: this.rng.chance(0.7) ? 'committed' : 'aspirational',
          priority: i + 1,
          weight: weights[i]!,
          aligned_to_objective_id: null,
          aligned_to_key_result_id: null,
          visibility: !isUnit && this.rng.chance(0.05) ? 'private' : 'public',
          progress: 0,
          last_check_in_at: null,
          created_at: plan.row.created_at,
          updated_at: plan.row.created_at,
          version: 1,
        },
        plan,
        keyResults: [],
      };
      if (o.parent) this.align(objective, o.parent, isUnit ? 0.9 : 0.8);
      const krCount = this.rng.int(2, 4);
      const krWeights = integerWeights(this.rng, krCount);
      for (let k = 0; k < krCount; k++) {
        objective.keyResults.push(this.keyResult(objective, k, krWeights[k]!, o.owner));
      }
      plan.objectives.push(objective);
    }
  }

  private align(objective: PlannedObjective, parent: PlannedPlan, probability: number): void {
    if (!this.rng.chance(probability) || parent.objectives.length === 0) return;
    const all = parent.objectives.flatMap((p) => p.keyResults);
    const aligned = all.filter((kr) => kr.row.progress_source === 'aligned');
    const r = this.rng.next();
    const kr =
      r < 0.55 && aligned.length > 0
        ? this.rng.pick(aligned)
        : r < 0.7 && all.length > 0
          ? this.rng.pick(all)
          : null;
    if (kr) {
      objective.row.aligned_to_key_result_id = kr.row.id;
      kr.alignedChildren.push(objective);
    } else {
      objective.row.aligned_to_objective_id = this.rng.pick(parent.objectives).row.id;
    }
  }

  private keyResult(
    objective: PlannedObjective,
    index: number,
    weight: number,
    owner: PlannedUnit | PlannedPerson,
  ): PlannedKeyResult {
    const rng = this.rng;
    const plan = objective.plan;
    const template = rng.chance(0.08) ? rng.pick(BOOLEAN) : rng.pick(NON_BOOLEAN);
    let start = 0;
    let target = 1;
    if (template.metricType !== 'boolean') {
      const [lo, hi] = template.start;
      start = round(lo + rng.next() * (hi - lo), template.decimals);
      const gain = template.gain[0] + rng.next() * (template.gain[1] - template.gain[0]);
      target = round(
        template.decrease ? start * (1 - gain) : start * (1 + gain),
        template.decimals,
      );
      const step = 10 ** -template.decimals;
      if (target === start)
        target = round(template.decrease ? start - step : start + step, template.decimals);
    }
    const isUnit = plan.row.owner_type === 'unit';
    const unit = isUnit ? (owner as PlannedUnit) : null;
    const krOwner =
      unit === null
        ? (owner as PlannedPerson)
        : rng.chance(0.6) || unit.members.length < 2
          ? unit.leader
          : rng.pick(unit.members);
    const r = rng.next();
    const source: KeyResultTable['progress_source'] =
      isUnit && r < (plan.level === 1 ? 0.5 : 0.3) ? 'aligned' : r > 0.95 ? 'actions' : 'manual';
    const createdAt = plan.row.created_at;
    const kr: PlannedKeyResult = {
      row: {
        id: this.ids.next(),
        organization_id: this.orgId,
        plan_id: plan.row.id,
        objective_id: objective.row.id,
        title: template.title(start, target),
        metric_type: template.metricType,
        unit: template.unit,
        start_value: start,
        target_value: target,
        current_value: start,
        direction: template.decrease ? 'decrease' : 'increase',
        weight,
        priority: index + 1,
        owner_id: krOwner.row.id,
        due_date: this.dueDate(plan),
        confidence: null,
        progress_source: source,
        progress: 0,
        progress_raw: 0,
        last_check_in_at: null,
        created_at: createdAt,
        updated_at: createdAt,
        version: 1,
      },
      template,
      pace: drawPace(rng),
      seed: rng.fork(),
      owner: krOwner,
      actions: [],
      alignedChildren: [],
    };
    const actionCount =
      source === 'actions'
        ? rng.int(3, 5)
        : source === 'manual' && rng.chance(0.12)
          ? rng.int(1, 3)
          : 0;
    for (let i = 0; i < actionCount; i++)
      kr.actions.push(this.action(kr, plan.row.state, i, actionCount));
    return kr;
  }

  private dueDate(plan: PlannedPlan): string {
    return plan.row.cycle_id === this.cycles?.yearId
      ? this.tl.year.endDate
      : this.tl.quarter.endDate;
  }

  /** Action `i` of `n`: the later ones are due later; done-ness follows the KR's pace. */
  private action(kr: PlannedKeyResult, planState: PlanState, i: number, n: number): ActionTable {
    const rng = this.rng;
    const approved = planState === 'approved';
    const elapsed = Math.min(1, (this.tl.weeks * 7 + 2) / (this.tl.weeksTotal * 7));
    const dueFraction = (i + 1) / n;
    const startDay = Math.floor(dueFraction * this.tl.weeksTotal * 7 * 0.5);
    const dueDay = Math.max(startDay + 3, Math.floor(dueFraction * this.tl.weeksTotal * 7) - 1);
    let state: ActionTable['state'] = 'todo';
    if (approved) {
      const r = rng.next();
      if (r < 0.04) state = 'cancelled';
      else if (rng.next() < Math.min(1, (kr.pace * elapsed) / dueFraction)) state = 'done';
      else if (r < 0.12) state = 'blocked';
      else if (startDay <= this.tl.weeks * 7) state = rng.chance(0.7) ? 'in_progress' : 'todo';
    }
    const created = kr.row.created_at;
    const changedAt =
      state === 'todo'
        ? created
        : iso(
            Math.min(
              this.tl.now - DAY_MS,
              quarterDay(this.tl, 4 + rng.next() * Math.max(1, this.tl.weeks * 7 - 5)),
            ),
          );
    return {
      id: this.ids.next(),
      organization_id: this.orgId,
      plan_id: kr.row.plan_id,
      key_result_id: kr.row.id,
      title: actionTitle(rng),
      owner_id: kr.owner.row.id,
      start_date: localDate(quarterDay(this.tl, startDay)),
      due_date: localDate(quarterDay(this.tl, dueDay)),
      weight: rng.chance(0.8) ? 1 : 2,
      state,
      position: i,
      created_at: created,
      updated_at: changedAt,
      version: state === 'todo' ? 1 : 2,
    };
  }
}
