import { describe, expect, it } from 'vitest';
import {
  describeFieldProblem,
  describeProblem,
  detailKey,
  fieldOfPath,
  idsInPath,
  type Translator,
} from './problem';

const catalog: Record<string, string> = {
  'problem.code.conflict': '当前状态下不能进行这个操作',
  'problem.detail.invalid_login': '邮箱或密码不正确',
  'problem.status.422': '有些规则没有满足',
  'problem.unknown': '出了点问题',
  'problem.error.plan.objective_weights_not_100': '目标权重之和必须为 100（当前为 {{sum}}）',
  'problem.error.objective.key_result_weights_not_100':
    '目标「{{name}}」的关键结果权重之和必须为 100（当前为 {{sum}}）',
  'problem.error.text.blank': '{{field}}不能为空',
  'field.title': '标题',
};
const tr: Translator = {
  has: (k) => k in catalog,
  t: (k, vars = {}) =>
    (catalog[k] ?? k).replace(/\{\{(\w+)\}\}/g, (_, v: string) => String(vars[v] ?? '')),
};

describe('problem messages', () => {
  it('translates a known detail, else the code, else the status', () => {
    expect(
      describeProblem(
        { status: 401, code: 'unauthenticated', detail: 'The email or password is incorrect' },
        tr,
        'zh-CN',
      ).message,
    ).toBe('邮箱或密码不正确');
    expect(
      describeProblem({ status: 409, code: 'conflict', detail: 'Something new' }, tr, 'zh-CN')
        .message,
    ).toBe('当前状态下不能进行这个操作');
    expect(
      describeProblem({ status: 422, code: 'weird', detail: 'Something' }, tr, 'zh-CN').message,
    ).toBe('有些规则没有满足');
    expect(describeProblem({ status: 418, detail: 'I am a teapot' }, tr, 'zh-CN').message).toBe(
      'I am a teapot',
    );
    expect(describeProblem({ status: 418 }, tr, 'zh-CN').message).toBe('出了点问题');
  });

  it("shows the API's own words to English readers", () => {
    expect(
      describeProblem(
        { status: 409, code: 'conflict', detail: 'A plan in state approved cannot be submitted' },
        tr,
        'en',
      ).message,
    ).toBe('A plan in state approved cannot be submitted');
  });

  it('lists each failed check, translated by code, naming the objective and the sum', () => {
    const d = describeProblem(
      {
        status: 422,
        code: 'unprocessable',
        detail: 'The plan cannot be submitted yet',
        errors: [
          {
            path: 'objectives',
            code: 'plan.objective_weights_not_100',
            message: 'Objective weights must sum to 100, but they sum to 90',
          },
          {
            path: 'objectives[o1].keyResults',
            code: 'objective.key_result_weights_not_100',
            message: 'Key result weights of objective o1 must sum to 100, but they sum to 80',
          },
          { path: 'owner', code: 'unknown.code', message: 'is odd' },
        ],
      },
      tr,
      'zh-CN',
      (id) => (id === 'o1' ? '为销售输送线索' : undefined),
    );
    expect(d.items).toEqual([
      '目标权重之和必须为 100（当前为 90）',
      '目标「为销售输送线索」的关键结果权重之和必须为 100（当前为 80）',
      'owner: is odd',
    ]);
  });

  it('names fields by their label', () => {
    expect(
      describeFieldProblem({ path: 'title', message: 'must not be blank', code: 'text.blank' }, tr),
    ).toBe('标题不能为空');
  });

  it('reads paths', () => {
    expect(fieldOfPath('objectives[o1].keyResults[k2].weight')).toBe('weight');
    expect(idsInPath('objectives[o1].keyResults[k2]')).toEqual(['o1', 'k2']);
    expect(idsInPath('objectives[0].title')).toEqual([]);
    expect(detailKey('This owner already has a plan in this cycle')).toBe('plan_exists');
    expect(detailKey(undefined)).toBeNull();
  });
});
