/**
 * A unit's cycle summary for its review (复盘): score distribution, committed misses, check-in
 * discipline and the biggest adjustments, over the plans of the unit, the units below it and their
 * members that ran in the cycle (approved or closed). Private objectives (and adjustments about
 * them) count only for readers who may see them.
 */
import type { AppContext } from '../../context.js';
import type { KeyResultRow, ObjectiveRow } from '../../db/schema.js';
import { notFound } from '../../domain/errors.js';
import type { Actor } from '../../domain/policy.js';
import { bandCounts, checkInDiscipline, relativeTargetChange } from '../../domain/retrospective.js';
import { isCommittedMiss, keyResultScore, weightedScore } from '../../domain/scoring.js';
import {
  isObjectiveVisible,
  loadPrivateReadScope,
  readsPrivateOf,
} from '../alignment/visibility.js';
import { loadHealthContext } from '../progress/health.js';
import { planScores } from '../scoring/plan-scores.js';
import * as repo from './retrospectives.repository.js';
import type { UnitCycleSummary } from './retrospectives.schema.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** `YYYY-MM-DD` of an ISO timestamp in `timeZone`. */
function localDate(iso: string, timeZone: string): string {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f.format(new Date(iso));
}

/** `YYYY-MM-DD` ± days, as an ISO timestamp at UTC midnight (a generous query bound). */
const shifted = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString();

const TOP = 5;

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(key(row));
    if (list) list.push(row);
    else out.set(key(row), [row]);
  }
  return out;
}

const parse = (json: string | null): Record<string, unknown> | null =>
  json === null ? null : (JSON.parse(json) as Record<string, unknown>);

/** GET /units/:id/cycles/:cycleId/summary — everyone in the organization. */
export async function unitCycleSummary(
  ctx: AppContext,
  actor: Actor,
  unitId: string,
  cycleId: string,
): Promise<UnitCycleSummary> {
  const orgId = actor.organizationId;
  const [unit, cycle] = await Promise.all([
    repo.findUnitName(ctx.db, orgId, unitId),
    repo.findCycle(ctx.db, orgId, cycleId),
  ]);
  if (!unit) throw notFound('Unit');
  if (!cycle) throw notFound('Cycle');
  const [plans, scope, hc] = await Promise.all([
    repo.plansOfUnitScope(ctx.db, orgId, unitId, cycleId),
    loadPrivateReadScope(ctx.db, actor),
    loadHealthContext(ctx.db, orgId, cycleId, ctx.now()),
  ]);
  // the plans that ran: approved, or closed after an approval (not drafts closed with the cycle)
  const counted = plans.filter(
    (p) => p.state === 'approved' || (p.state === 'closed' && p.approved_at !== null),
  );
  const ids = counted.map((p) => p.id);
  const [objectives, keyResults, checkIns, adjustments, retrospectives] = await Promise.all([
    repo.objectivesOfPlans(ctx.db, orgId, ids),
    repo.keyResultsOfPlans(ctx.db, orgId, ids),
    repo.checkInTimesOfPlans(ctx.db, orgId, ids, {
      from: shifted(cycle.start_date, -1),
      to: shifted(cycle.end_date, 2),
    }),
    repo.adjustmentsOfPlans(ctx.db, orgId, ids),
    repo.plansWithRetrospective(
      ctx.db,
      orgId,
      plans.map((p) => p.id),
    ),
  ]);
  const planById = new Map(counted.map((p) => [p.id, p]));
  const ref = (planId: string) => {
    const p = planById.get(planId);
    return {
      planId,
      ownerType: p?.owner_type ?? 'unit',
      ownerId: p?.owner_id ?? '',
      ownerName: p?.unit_name ?? p?.user_name ?? null,
    };
  };

  // scores: plans over all their objectives (as GET /plans/:id shows them); objectives and KRs
  // only where the reader may see them
  const objectivesByPlan = groupBy(objectives, (o) => o.plan_id);
  const keyResultsByPlan = groupBy(keyResults, (kr) => kr.plan_id);
  const planScoreList: number[] = [];
  const visibleObjectives: { o: ObjectiveRow; score: number }[] = [];
  const visibleKeyResults: KeyResultRow[] = [];
  for (const p of counted) {
    const os = objectivesByPlan.get(p.id) ?? [];
    const krs = keyResultsByPlan.get(p.id) ?? [];
    const scores = planScores(os, krs);
    planScoreList.push(scores.score);
    const visible = new Set<string>();
    for (const o of os) {
      if (!isObjectiveVisible(scope, o.visibility, p.owner_type, p.owner_id)) continue;
      visible.add(o.id);
      visibleObjectives.push({ o, score: scores.objectives.get(o.id)?.score ?? 0 });
    }
    visibleKeyResults.push(...krs.filter((kr) => visible.has(kr.objective_id)));
  }

  const checkInDates = new Map<string, string[]>();
  for (const c of checkIns) {
    const list = checkInDates.get(c.key_result_id);
    const day = localDate(c.created_at, hc.timeZone);
    if (list) list.push(day);
    else checkInDates.set(c.key_result_id, [day]);
  }
  const discipline = checkInDiscipline(
    visibleKeyResults.map((kr) => ({
      createdOn: localDate(kr.created_at, hc.timeZone),
      checkInDates: checkInDates.get(kr.id) ?? [],
    })),
    { startDate: cycle.start_date, endDate: cycle.end_date },
    hc.today,
  );

  const shown = adjustments.filter((a) => {
    const p = planById.get(a.plan_id);
    return (
      a.visibility === 'public' ||
      (p !== undefined && readsPrivateOf(scope, p.owner_type, p.owner_id))
    );
  });
  const byCount = [...groupBy(shown, (a) => a.plan_id)]
    .map(([planId, list]) => ({ ...ref(planId), count: list.length }))
    .sort((a, b) => b.count - a.count || a.planId.localeCompare(b.planId))
    .slice(0, TOP);
  const byTargetChange = shown
    .flatMap((a) => {
      if (a.target_type !== 'keyResult' || a.kind !== 'update') return [];
      const before = parse(a.before);
      const after = parse(a.after);
      const [b, f, s] = [before?.targetValue, after?.targetValue, before?.startValue];
      if (typeof b !== 'number' || typeof f !== 'number' || b === f) return [];
      return [
        {
          ...ref(a.plan_id),
          adjustmentId: a.id,
          keyResultId: a.target_id,
          title:
            [after?.title, before?.title].find((x): x is string => typeof x === 'string') ?? '',
          before: b,
          after: f,
          relativeChange: relativeTargetChange(typeof s === 'number' ? s : 0, b, f),
          reason: a.reason,
          status: a.status,
          at: a.created_at,
        },
      ];
    })
    .sort((a, b) => b.relativeChange - a.relativeChange)
    .slice(0, TOP);

  return {
    unit: { id: unit.id, name: unit.name },
    cycle: {
      id: cycle.id,
      name: cycle.name,
      state: cycle.state,
      startDate: cycle.start_date,
      endDate: cycle.end_date,
    },
    provisional: cycle.state !== 'reviewing' && cycle.state !== 'closed',
    plans: {
      total: plans.length,
      counted: counted.length,
      withRetrospective: counted.filter((p) => retrospectives.has(p.id)).length,
    },
    averageScore:
      planScoreList.length === 0
        ? null
        : weightedScore(planScoreList.map((score) => ({ weight: 1, score }))),
    scoreDistribution: {
      plans: bandCounts(planScoreList),
      objectives: bandCounts(visibleObjectives.map((v) => v.score)),
      keyResults: bandCounts(
        visibleKeyResults.map((kr) =>
          keyResultScore({
            finalScore: kr.final_score,
            selfScore: kr.self_score,
            progress: kr.progress,
          }),
        ),
      ),
    },
    committedMisses: visibleObjectives
      .filter((v) => isCommittedMiss(v.o.kind, v.score))
      .sort((a, b) => a.score - b.score)
      .map((v) => ({ ...ref(v.o.plan_id), objectiveId: v.o.id, title: v.o.title, score: v.score })),
    checkInDiscipline: discipline,
    biggestAdjustments: { byCount, byTargetChange },
  };
}
