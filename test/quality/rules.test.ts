import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type {
  Finding,
  KeyResultDraft,
  ObjectiveDraft,
  PlanDraft,
  QualityLocale,
  RuleId,
} from '../../src/domain/quality/index.js';
import {
  DEFAULT_QUALITY_THRESHOLDS,
  RULE_SEVERITY,
  checkPlan,
  qualityScore,
} from '../../src/domain/quality/index.js';

let seq = 0;
const kr = (title: string, fields: Partial<KeyResultDraft> = {}): KeyResultDraft => ({
  ref: `kr${++seq}`,
  title,
  ownerId: 'u1',
  ...fields,
});
const objective = (
  title: string,
  keyResults: KeyResultDraft[],
  fields: Partial<ObjectiveDraft> = {},
): ObjectiveDraft => ({ ref: `o${++seq}`, title, keyResults, ...fields });
/** A well-formed pair of KRs, so objective-level rules stay quiet. */
const twoGoodKrs = () => [kr('线索转化率从8%提升到12%'), kr('官网月访问量从2万提升到5万')];

const rulesOn = (report: { findings: Finding[] }, ref: string) =>
  report.findings.filter((f) => f.target.ref === ref).map((f) => f.rule);

/** The rules fired on one KR in an otherwise clean plan. */
function krRules(item: KeyResultDraft, plan: Partial<PlanDraft> = {}): RuleId[] {
  const report = checkPlan({
    objectives: [objective('成为客户首选的品牌', [item, kr('签约20家新客户', { startValue: 0 })])],
    ...plan,
  });
  return rulesOn(report, item.ref);
}

describe('kr-not-measurable (error)', () => {
  it('fires on a KR with no numeric target', () => {
    expect(krRules(kr('提升客户满意度'))).toContain('kr-not-measurable');
    expect(krRules(kr('Customers love the new editor'))).toEqual(['kr-not-measurable']);
  });

  it('reads the target from the title when the fields are missing', () => {
    expect(krRules(kr('线索转化率从8%提升到12%'))).toEqual([]);
    expect(krRules(kr('Cut churn from 5% to 3%'))).toEqual([]);
  });

  it('fires when start equals target, judged by the stored fields', () => {
    const item = kr('Keep NPS healthy', { metricType: 'number', startValue: 40, targetValue: 40 });
    expect(krRules(item)).toContain('kr-not-measurable');
    const report = checkPlan({ objectives: [objective('o', [item, kr('Reach 50 NPS (now 40)')])] });
    expect(report.findings.find((f) => f.rule === 'kr-not-measurable')?.message).toMatch(/40/);
  });

  it('judges stored fields before the title', () => {
    const stored = kr('提升客户满意度', { metricType: 'percent', startValue: 80, targetValue: 90 });
    expect(krRules(stored)).toEqual([]);
  });

  it('never fires on a boolean KR', () => {
    expect(krRules(kr('Achieve SOC 2 Type II certification', { metricType: 'boolean' }))).toEqual(
      [],
    );
  });

  it('accepts a relative change with no start, and asks for the baseline instead', () => {
    expect(krRules(kr('华南区销售额同比增长25%'))).toEqual(['kr-no-baseline']);
  });
});

describe('kr-is-activity (warning)', () => {
  it('fires on work with no metric, and such a KR is not measurable', () => {
    expect(krRules(kr('上线新版官网'))).toEqual(['kr-not-measurable', 'kr-is-activity']);
    expect(krRules(kr('Launch the new brand website'))).toEqual([
      'kr-not-measurable',
      'kr-is-activity',
    ]);
    expect(krRules(kr('制定下半年内容营销计划'))).toContain('kr-is-activity');
    expect(krRules(kr('Hold a pricing workshop for account executives'))).toContain(
      'kr-is-activity',
    );
  });

  it('fires on a boolean KR that is work (上线新版官网 as yes/no)', () => {
    expect(krRules(kr('上线新版官网', { metricType: 'boolean' }))).toEqual(['kr-is-activity']);
  });

  it('fires on a count of the work itself, which is still measurable', () => {
    const rules = krRules(kr('举办3场行业峰会'));
    expect(rules).toContain('kr-is-activity');
    expect(rules).not.toContain('kr-not-measurable');
    expect(krRules(kr('Host 4 product webinars'))).toContain('kr-is-activity');
  });

  it('does not fire on outcomes that mention work (hard negatives)', () => {
    for (const title of [
      '举办3场行业峰会，获得500条有效线索',
      '完成率从60%提升到90%',
      '新功能上线后30天内使用率达到35%',
      '完成年度销售额5000万元',
      '新品发布会带来不少于800条销售线索',
      'Launch the referral program and reach 2,000 sign-ups',
      'Onboarding completion rate increases from 45% to 70%',
      'Grow ARR run rate to $12M',
    ]) {
      expect(krRules(kr(title)), title).not.toContain('kr-is-activity');
    }
  });

  it('does not fire on a work verb used as a noun (投放策略, 落地页)', () => {
    expect(krRules(kr('优化投放策略'))).not.toContain('kr-is-activity');
    expect(krRules(kr('优化官网落地页体验'))).not.toContain('kr-is-activity');
  });
});

describe('kr-vague (warning)', () => {
  it('fires on improvement wording with no number', () => {
    expect(krRules(kr('提升品牌在华东地区的知名度'))).toEqual(['kr-not-measurable', 'kr-vague']);
    expect(krRules(kr('Improve brand awareness in the DACH region'))).toEqual([
      'kr-not-measurable',
      'kr-vague',
    ]);
    expect(krRules(kr('Make onboarding smoother for new admins'))).toContain('kr-vague');
    expect(krRules(kr('2025年第二季度提升社交媒体活跃度'))).toContain('kr-vague');
  });

  it('does not fire once there is a number', () => {
    expect(krRules(kr('提升转化率到12%'))).not.toContain('kr-vague');
    expect(krRules(kr('Improve CSAT from 86% to 92%'))).not.toContain('kr-vague');
  });

  it('does not fire when the stored fields carry the number', () => {
    const stored = kr('Improve CSAT', { metricType: 'percent', startValue: 86, targetValue: 92 });
    expect(krRules(stored)).toEqual([]);
  });

  it('suggests a metric built from the subject', () => {
    const report = checkPlan({
      objectives: [objective('o', [kr('提升客户满意度'), kr('降低客户流失率')])],
    });
    const suggestions = report.findings
      .filter((f) => f.rule === 'kr-vague')
      .map((f) => f.suggestion);
    expect(suggestions[0]).toContain('客户满意度从X提升到Y');
    expect(suggestions[1]).toContain('客户流失率从X降低到Y');
  });
});

describe('kr-no-baseline (warning)', () => {
  it('fires on a number KR without a start', () => {
    expect(krRules(kr('签约20家新客户'))).toEqual(['kr-no-baseline']);
    expect(krRules(kr('Reach 50,000 newsletter subscribers'))).toEqual(['kr-no-baseline']);
  });

  it('is quiet with a start from the title or the fields', () => {
    expect(krRules(kr('签约20家新客户', { startValue: 0 }))).toEqual([]);
    expect(krRules(kr('Reach 12% conversion (currently 8%)'))).toEqual([]);
  });

  it('does not repeat a missing target (kr-not-measurable says it)', () => {
    expect(krRules(kr('提升客户满意度'))).not.toContain('kr-no-baseline');
  });
});

describe('kr-no-owner (info)', () => {
  it('fires on a KR with no owner, unless owners are not checked', () => {
    const item = kr('线索转化率从8%提升到12%', { ownerId: null });
    expect(krRules(item)).toEqual(['kr-no-owner']);
    expect(krRules(item, { checkOwners: false })).toEqual([]);
    expect(krRules(kr('线索转化率从8%提升到12%', { ownerId: '  ' }))).toEqual(['kr-no-owner']);
  });
});

describe('kr-not-challenging (info)', () => {
  it('fires below the stretch threshold and suggests a bolder target', () => {
    const item = kr('Weekly active teams from 1,000 to 1,050');
    expect(krRules(item)).toEqual(['kr-not-challenging']);
    const report = checkPlan({ objectives: [objective('o', [item, kr('NPS from 31 to 45')])] });
    const finding = report.findings.find((f) => f.rule === 'kr-not-challenging');
    expect(finding?.message).toContain('5%');
    expect(finding?.suggestion).toContain('1,100');
  });

  it('is quiet at or above the threshold', () => {
    expect(krRules(kr('Weekly active teams from 1,000 to 1,100'))).toEqual([]);
  });

  it('judges decreases by how far they go down', () => {
    expect(krRules(kr('客户流失率从10%降低到9.5%'))).toEqual(['kr-not-challenging']);
    expect(krRules(kr('客户流失率从10%降低到6%'))).toEqual([]);
  });

  it('counts closing the gap to 100% for percent metrics', () => {
    expect(krRules(kr('系统可用性从99.5%提升到99.9%'))).toEqual([]);
  });

  it('skips a start of 0', () => {
    expect(krRules(kr('新增付费客户3000家', { startValue: 0 }))).toEqual([]);
  });

  it('uses the threshold from the options', () => {
    const item = kr('NPS from 40 to 46');
    const report = checkPlan(
      { objectives: [objective('o', [item, kr('NPS from 31 to 45')])] },
      { thresholds: { stretchThreshold: 0.2 } },
    );
    expect(rulesOn(report, item.ref)).toEqual(['kr-not-challenging']);
  });
});

describe('objective rules', () => {
  const objectiveRules = (o: ObjectiveDraft, opts = {}) =>
    rulesOn(checkPlan({ objectives: [o] }, opts), o.ref);

  it('objective-has-metric (info) fires when the title is itself a metric', () => {
    expect(objectiveRules(objective('2025年营收突破1亿元', twoGoodKrs()))).toEqual([
      'objective-has-metric',
    ]);
    expect(objectiveRules(objective('Grow ARR to $10M', twoGoodKrs()))).toEqual([
      'objective-has-metric',
    ]);
    expect(objectiveRules(objective('Cut churn in half', twoGoodKrs()))).toEqual([
      'objective-has-metric',
    ]);
  });

  it('objective-has-metric is quiet on qualitative titles with dates, ranks or labels', () => {
    for (const title of [
      '成为华东地区中小企业首选的财税服务品牌',
      'Q4打造双十一大促的爆款产品',
      '成为行业第一的协同办公平台',
      'Become the #1 choice for HR teams in APAC',
      'Win the mid-market in 2025',
      'Build a world-class, 24/7 support experience',
    ]) {
      expect(objectiveRules(objective(title, twoGoodKrs())), title).toEqual([]);
    }
  });

  it('objective-too-few-krs (warning) fires below the minimum', () => {
    expect(objectiveRules(objective('让客户满意', [kr('CSAT from 86% to 92%')]))).toEqual([
      'objective-too-few-krs',
    ]);
    expect(objectiveRules(objective('让客户满意', []))).toEqual(['objective-too-few-krs']);
  });

  it('objective-too-many-krs (warning) fires above the maximum', () => {
    const six = Array.from({ length: 6 }, (_, i) => kr(`Reach ${100 + i * 10} paying teams`));
    expect(objectiveRules(objective('Win the mid-market', six))).toEqual([
      'objective-too-many-krs',
    ]);
    expect(objectiveRules(objective('Win the mid-market', six.slice(0, 5)))).toEqual([]);
  });

  it('uses KR count thresholds from the options', () => {
    const o = objective('Win the mid-market', twoGoodKrs());
    expect(objectiveRules(o, { thresholds: { minKeyResultsPerObjective: 3 } })).toEqual([
      'objective-too-few-krs',
    ]);
  });

  it('objective-not-aligned (warning) fires only on a non-root objective known to be unaligned', () => {
    expect(objectiveRules(objective('让客户满意', twoGoodKrs(), { aligned: false }))).toEqual([
      'objective-not-aligned',
    ]);
    expect(
      objectiveRules(objective('让客户满意', twoGoodKrs(), { aligned: false, isRoot: true })),
    ).toEqual([]);
    expect(objectiveRules(objective('让客户满意', twoGoodKrs(), { aligned: true }))).toEqual([]);
    expect(objectiveRules(objective('让客户满意', twoGoodKrs()))).toEqual([]);
  });
});

describe('plan rules', () => {
  const plan = (objectives: ObjectiveDraft[], extra: Partial<PlanDraft> = {}): PlanDraft => ({
    ref: 'p1',
    objectives,
    ...extra,
  });

  it('plan-too-many-objectives (warning) fires above the maximum', () => {
    const six = Array.from({ length: 6 }, (_, i) => objective(`目标${i}`, twoGoodKrs()));
    expect(rulesOn(checkPlan(plan(six)), 'p1')).toEqual(['plan-too-many-objectives']);
    expect(rulesOn(checkPlan(plan(six.slice(0, 5))), 'p1')).toEqual([]);
    expect(
      rulesOn(checkPlan(plan(six), { thresholds: { maxObjectivesPerPlan: 6 } }), 'p1'),
    ).toEqual([]);
  });

  it('weights-not-100 (error) fires on objective weights that do not sum to 100', () => {
    const objectives = [
      objective('A', twoGoodKrs(), { weight: 60 }),
      objective('B', twoGoodKrs(), { weight: 30 }),
    ];
    const report = checkPlan(plan(objectives), { locale: 'en' });
    const finding = report.findings.find((f) => f.rule === 'weights-not-100');
    expect(finding).toMatchObject({ severity: 'error', target: { type: 'plan', ref: 'p1' } });
    expect(finding?.message).toContain('90%');
    expect(finding?.suggestion).toContain('add 10%');
  });

  it('weights-not-100 fires on KR weights of an objective, target the objective', () => {
    const o = objective('A', [
      kr('NPS from 31 to 45', { weight: 50 }),
      kr('CSAT from 80% to 90%', { weight: 60 }),
    ]);
    const report = checkPlan(plan([o]));
    expect(
      report.findings.filter((f) => f.rule === 'weights-not-100').map((f) => f.target),
    ).toEqual([{ type: 'objective', ref: o.ref }]);
  });

  it('weights-not-100 accepts 100 within 0.01, skips sets with no weights, and can be turned off', () => {
    const third = 100 / 3;
    const ok = [
      objective('A', twoGoodKrs(), { weight: third }),
      objective('B', twoGoodKrs(), { weight: third }),
      objective('C', twoGoodKrs(), { weight: third }),
    ];
    expect(checkPlan(plan(ok)).findings.map((f) => f.rule)).not.toContain('weights-not-100');
    const none = [objective('A', twoGoodKrs()), objective('B', twoGoodKrs())];
    expect(checkPlan(plan(none)).findings.map((f) => f.rule)).not.toContain('weights-not-100');
    const off = [objective('A', twoGoodKrs(), { weight: 10 })];
    expect(checkPlan(plan(off, { checkWeights: false })).findings.map((f) => f.rule)).not.toContain(
      'weights-not-100',
    );
  });

  it('counts a missing weight among given ones as 0', () => {
    const objectives = [
      objective('A', twoGoodKrs(), { weight: 100 }),
      objective('B', twoGoodKrs()),
    ];
    expect(checkPlan(plan(objectives)).findings.map((f) => f.rule)).not.toContain(
      'weights-not-100',
    );
  });
});

describe('findings', () => {
  /** A plan that fires every rule at least once. */
  const everything = (): PlanDraft => ({
    ref: 'plan',
    objectives: [
      objective(
        '2025年营收突破1亿元',
        [
          kr('上线新版官网', { ownerId: null, weight: 50 }),
          kr('提升品牌知名度', { weight: 20 }),
          kr('签约20家新客户', { weight: 10 }),
          kr('NPS从40提升到41', { weight: 10 }),
          kr('客户满意度保持90%', { startValue: 90, targetValue: 90, weight: 10 }),
          kr('续约率达到95%', { weight: 10 }),
        ],
        { aligned: false, weight: 40 },
      ),
      ...Array.from({ length: 5 }, (_, i) => objective(`让客户满意${i}`, [], { weight: 10 })),
    ],
  });
  const allRules = Object.keys(RULE_SEVERITY) as RuleId[];

  it('a plan can fire every rule; each finding has the severity of its rule', () => {
    const report = checkPlan(everything());
    expect(new Set(report.findings.map((f) => f.rule))).toEqual(new Set(allRules));
    for (const f of report.findings) expect(f.severity).toBe(RULE_SEVERITY[f.rule]);
  });

  it.each<QualityLocale>(['zh-CN', 'en'])(
    'every rule has a message and a suggestion in %s',
    (locale) => {
      const report = checkPlan(everything(), { locale });
      for (const f of report.findings) {
        expect(f.message.length, f.rule).toBeGreaterThan(5);
        expect(f.suggestion.length, f.rule).toBeGreaterThan(5);
        // zh-CN sentences are Chinese; en ones are English except for quoted titles
        const outsideQuotes = `${f.message} ${f.suggestion}`.replace(/["“][^"”]*["”]/g, '');
        if (locale === 'zh-CN') expect(outsideQuotes, f.rule).toMatch(/\p{Script=Han}/u);
        else expect(outsideQuotes, f.rule).not.toMatch(/\p{Script=Han}/u);
      }
    },
  );

  it('chooses the locale from the titles unless told', () => {
    const zh = checkPlan({ objectives: [objective('让客户满意', [kr('提升客户满意度')])] });
    expect(zh.findings[0]?.message).toMatch(/\p{Script=Han}/u);
    const en = checkPlan({ objectives: [objective('Delight customers', [kr('Improve CSAT')])] });
    expect(en.findings[0]?.message).not.toMatch(/\p{Script=Han}/u);
    const forced = checkPlan(
      { objectives: [objective('让客户满意', [kr('提升客户满意度')])] },
      { locale: 'en' },
    );
    expect(forced.findings[0]?.message).toMatch(/^Objective|^Key result/);
  });

  it('targets plan, objectives and key results by their refs', () => {
    const report = checkPlan(everything());
    const types = new Set(report.findings.map((f) => f.target.type));
    expect(types).toEqual(new Set(['plan', 'objective', 'keyResult']));
    expect(report.findings[0]?.target).toEqual({ type: 'plan', ref: 'plan' });
  });

  it('uses index paths as refs for drafts (the /quality/check shape)', () => {
    const report = checkPlan({
      checkOwners: false,
      objectives: [
        {
          ref: 'objectives[0]',
          title: 'Delight customers',
          keyResults: [
            { ref: 'objectives[0].keyResults[0]', title: 'CSAT from 86% to 92%' },
            { ref: 'objectives[0].keyResults[1]', title: 'Improve onboarding' },
          ],
        },
      ],
    });
    expect(report.findings.map((f) => `${f.rule} ${f.target.ref}`)).toEqual([
      'kr-not-measurable objectives[0].keyResults[1]',
      'kr-vague objectives[0].keyResults[1]',
    ]);
  });
});

describe('score', () => {
  it('is 100 for a clean plan', () => {
    const report = checkPlan({
      objectives: [objective('成为客户首选的品牌', twoGoodKrs(), { weight: 100 })],
    });
    expect(report).toEqual({ score: 100, findings: [] });
  });

  it('subtracts 20 per error, 8 per warning, 2 per info', () => {
    const report = checkPlan({
      objectives: [
        objective('让客户满意', [kr('提升客户满意度'), kr('签约20家新客户', { startValue: 0 })]),
      ],
    });
    // kr-not-measurable (error) + kr-vague (warning)
    expect(report.score).toBe(100 - 20 - 8);
    expect(qualityScore([{ severity: 'info' }])).toBe(98);
  });

  it('never goes below 0', () => {
    expect(qualityScore(Array.from({ length: 10 }, () => ({ severity: 'error' as const })))).toBe(
      0,
    );
  });

  it('stays within 0–100 and equals 100 minus the penalties, for any plan', () => {
    const title = fc.constantFrom(
      '提升客户满意度',
      '上线新版官网',
      '线索转化率从8%提升到12%',
      'Cut churn from 5% to 3%',
      'Launch dark mode',
      'NPS from 40 to 41',
      '签约20家新客户',
      '',
    );
    const krArb = fc.record({
      ref: fc.string(),
      title,
      ownerId: fc.option(fc.constant('u'), { nil: undefined }),
      weight: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
      startValue: fc.option(fc.integer({ min: -5, max: 50 }), { nil: undefined }),
      targetValue: fc.option(fc.integer({ min: -5, max: 50 }), { nil: undefined }),
    });
    const objectiveArb = fc.record({
      ref: fc.string(),
      title,
      aligned: fc.option(fc.boolean(), { nil: undefined }),
      weight: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
      keyResults: fc.array(krArb, { maxLength: 7 }),
    });
    fc.assert(
      fc.property(fc.array(objectiveArb, { maxLength: 8 }), (objectives) => {
        const report = checkPlan({ objectives });
        expect(report.score).toBeGreaterThanOrEqual(0);
        expect(report.score).toBeLessThanOrEqual(100);
        expect(report.score).toBe(qualityScore(report.findings));
      }),
      { numRuns: 200 },
    );
  });
});

describe('thresholds', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_QUALITY_THRESHOLDS).toEqual({
      minKeyResultsPerObjective: 2,
      maxKeyResultsPerObjective: 5,
      maxObjectivesPerPlan: 5,
      stretchThreshold: 0.1,
    });
  });
});
