import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlanShape } from './plan-checks.js';
import { submitProblems } from './plan-checks.js';

type Objective = PlanShape['objectives'][number];

const kr = (id: string, priority: number, weight: number) => ({ id, priority, weight });
const objective = (
  id: string,
  priority: number,
  weight: number,
  keyResults: Objective['keyResults'],
): Objective => ({ id, priority, weight, keyResults });

const validPlan: PlanShape = {
  objectives: [
    objective('o1', 1, 60, [kr('k1', 1, 50), kr('k2', 2, 50)]),
    objective('o2', 2, 40, [kr('k3', 1, 70), kr('k4', 2, 20), kr('k5', 3, 10)]),
  ],
};

const codes = (plan: PlanShape) => submitProblems(plan).map((p) => p.code);

describe('submitProblems', () => {
  it('accepts a valid plan', () => {
    expect(submitProblems(validPlan)).toEqual([]);
  });

  it('needs at least one objective', () => {
    expect(submitProblems({ objectives: [] })).toEqual([
      expect.objectContaining({ path: 'objectives', code: 'plan.no_objectives' }),
    ]);
  });

  it('needs at least one KR per objective', () => {
    const plan = { objectives: [objective('o1', 1, 100, [])] };
    expect(submitProblems(plan)).toEqual([
      expect.objectContaining({
        path: 'objectives[o1].keyResults',
        code: 'objective.no_key_results',
      }),
    ]);
  });

  it('objective weights must sum to 100, naming the actual sum', () => {
    const plan = {
      objectives: [
        objective('o1', 1, 60, [kr('k1', 1, 100)]),
        objective('o2', 2, 30, [kr('k2', 1, 100)]),
      ],
    };
    const problems = submitProblems(plan);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      path: 'objectives',
      code: 'plan.objective_weights_not_100',
    });
    expect(problems[0]!.message).toContain('90');
  });

  it('accepts sums within ±0.01 of 100', () => {
    const thirds = [1, 2, 3].map((i) => objective(`o${i}`, i, 33.33, [kr(`k${i}`, 1, 100)]));
    expect(submitProblems({ objectives: thirds })).toEqual([]); // 99.99
    const off = [1, 2, 3].map((i) => objective(`o${i}`, i, 33.3, [kr(`k${i}`, 1, 100)]));
    const problems = submitProblems({ objectives: off }); // 99.9
    expect(problems.map((p) => p.code)).toEqual(['plan.objective_weights_not_100']);
    expect(problems[0]!.message).toContain('99.9');
  });

  it('KR weights inside each objective must sum to 100, naming the actual sum', () => {
    const plan = {
      objectives: [objective('o1', 1, 100, [kr('k1', 1, 50), kr('k2', 2, 60)])],
    };
    const problems = submitProblems(plan);
    expect(problems).toEqual([
      expect.objectContaining({
        path: 'objectives[o1].keyResults',
        code: 'objective.key_result_weights_not_100',
      }),
    ]);
    expect(problems[0]!.message).toContain('110');
  });

  it('objective priorities must be unique in the plan', () => {
    const plan = {
      objectives: [
        objective('o1', 1, 50, [kr('k1', 1, 100)]),
        objective('o2', 1, 50, [kr('k2', 1, 100)]),
      ],
    };
    const problems = submitProblems(plan);
    expect(problems).toEqual([
      expect.objectContaining({ path: 'objectives', code: 'plan.duplicate_priority' }),
    ]);
    expect(problems[0]!.message).toContain('o1');
    expect(problems[0]!.message).toContain('o2');
  });

  it('KR priorities must be unique in an objective (but may repeat across objectives)', () => {
    const plan = {
      objectives: [
        objective('o1', 1, 50, [kr('k1', 1, 50), kr('k2', 1, 50)]),
        objective('o2', 2, 50, [kr('k3', 1, 100)]),
      ],
    };
    expect(submitProblems(plan)).toEqual([
      expect.objectContaining({
        path: 'objectives[o1].keyResults',
        code: 'objective.duplicate_priority',
      }),
    ]);
  });

  it('lists every failure at once', () => {
    const plan = {
      objectives: [
        objective('o1', 1, 50, []),
        objective('o2', 1, 30, [kr('k1', 2, 40), kr('k2', 2, 40)]),
        objective('o3', 3, 10, [kr('k3', 1, 100)]),
      ],
    };
    const problems = submitProblems(plan);
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['plan.objective_weights_not_100', 'objectives'],
      ['plan.duplicate_priority', 'objectives'],
      ['objective.no_key_results', 'objectives[o1].keyResults'],
      ['objective.key_result_weights_not_100', 'objectives[o2].keyResults'],
      ['objective.duplicate_priority', 'objectives[o2].keyResults'],
    ]);
    expect(problems[0]!.message).toContain('90');
    expect(problems[3]!.message).toContain('80');
    for (const p of problems) expect(p.message.length).toBeGreaterThan(0);
  });

  it('reports one problem per duplicated priority value', () => {
    const plan = {
      objectives: [1, 1, 2, 2, 2].map((p, i) => objective(`o${i}`, p, 20, [kr(`k${i}`, 1, 100)])),
    };
    const dups = submitProblems(plan).filter((p) => p.code === 'plan.duplicate_priority');
    expect(dups).toHaveLength(2);
    expect(dups[1]!.message).toContain('o2, o3, o4');
  });

  it('flags negative or non-finite weights even when the sum is 100', () => {
    const plan = {
      objectives: [
        objective('o1', 1, 150, [kr('k1', 1, 120), kr('k2', 2, -20)]),
        objective('o2', 2, -50, [kr('k3', 1, 100)]),
      ],
    };
    expect(submitProblems(plan).map((p) => [p.code, p.path])).toEqual([
      ['plan.invalid_weight', 'objectives[o2].weight'],
      ['objective.invalid_weight', 'objectives[o1].keyResults[k2].weight'],
    ]);
    const nan = { objectives: [objective('o1', 1, Number.NaN, [kr('k1', 1, 100)])] };
    expect(codes(nan)).toEqual(['plan.objective_weights_not_100', 'plan.invalid_weight']);
  });

  it('property: a plan built to the rules passes; breaking one weight fails exactly that check', () => {
    /** n positive integer weights summing to 100 */
    const weights = (n: number) =>
      fc
        .uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: n - 1, maxLength: n - 1 })
        .map((cuts) => {
          const sorted = [0, ...cuts.sort((a, b) => a - b), 100];
          return sorted.slice(1).map((c, i) => c - sorted[i]!);
        });
    const planArb = fc
      .integer({ min: 1, max: 5 })
      .chain((n) =>
        fc.tuple(
          weights(n),
          fc.tuple(
            ...Array.from({ length: n }, () => fc.integer({ min: 1, max: 5 }).chain(weights)),
          ),
        ),
      )
      .map(([ow, krw]): PlanShape => ({
        objectives: ow.map((w, i) =>
          objective(
            `o${i}`,
            i + 1,
            w,
            krw[i]!.map((kw, j) => kr(`o${i}k${j}`, j + 1, kw)),
          ),
        ),
      }));
    fc.assert(
      fc.property(planArb, fc.integer({ min: 1, max: 50 }), (plan, delta) => {
        expect(submitProblems(plan)).toEqual([]);
        const [first, ...rest] = plan.objectives;
        const broken = { objectives: [{ ...first!, weight: first!.weight + delta }, ...rest] };
        expect(codes(broken)).toEqual(['plan.objective_weights_not_100']);
      }),
    );
  });
});
