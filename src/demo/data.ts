/**
 * The demo organization 星辰科技, built from the seed's world: a company strategy, 商业部门 with
 * 市场部, 销售部 and 产品部, a dozen people, and their OKRs. Pure data; `seed.ts` loads it through
 * the API. `pace` is how fast a KR moves relative to the cycle's elapsed time (1 = exactly on
 * schedule), so the demo shows on-track, at-risk and off-track work whatever today is.
 */

export type PersonKey =
  | 'admin'
  | 'ceo'
  | 'biz'
  | 'mkt'
  | 'mkt1'
  | 'mkt2'
  | 'sales'
  | 'sales1'
  | 'sales2'
  | 'prod'
  | 'prod1'
  | 'prod2';
export type UnitKey = 'company' | 'biz' | 'mkt' | 'sales' | 'prod';

export interface DemoPerson {
  key: PersonKey;
  name: string;
  email: string;
  role: 'admin' | 'member';
  unit: UnitKey;
  title: string;
}

export const DEMO_PASSWORD = 'polaris-demo';

export const people: DemoPerson[] = [
  {
    key: 'admin',
    name: '陈静',
    email: 'admin@xingchen.test',
    role: 'admin',
    unit: 'company',
    title: '战略与人力办公室',
  },
  {
    key: 'ceo',
    name: '李明远',
    email: 'liminyuan@xingchen.test',
    role: 'member',
    unit: 'company',
    title: 'CEO',
  },
  {
    key: 'biz',
    name: '赵磊',
    email: 'zhaolei@xingchen.test',
    role: 'member',
    unit: 'biz',
    title: '商业副总裁',
  },
  {
    key: 'mkt',
    name: '王芳',
    email: 'wangfang@xingchen.test',
    role: 'member',
    unit: 'mkt',
    title: '市场部负责人',
  },
  {
    key: 'mkt1',
    name: '李娜',
    email: 'lina@xingchen.test',
    role: 'member',
    unit: 'mkt',
    title: '内容营销经理',
  },
  {
    key: 'mkt2',
    name: '张伟',
    email: 'zhangwei@xingchen.test',
    role: 'member',
    unit: 'mkt',
    title: '增长营销经理',
  },
  {
    key: 'sales',
    name: '刘洋',
    email: 'liuyang@xingchen.test',
    role: 'member',
    unit: 'sales',
    title: '销售部负责人',
  },
  {
    key: 'sales1',
    name: '陈晨',
    email: 'chenchen@xingchen.test',
    role: 'member',
    unit: 'sales',
    title: '大客户销售经理',
  },
  {
    key: 'sales2',
    name: '周杰',
    email: 'zhoujie@xingchen.test',
    role: 'member',
    unit: 'sales',
    title: '渠道销售经理',
  },
  {
    key: 'prod',
    name: '孙婷',
    email: 'sunting@xingchen.test',
    role: 'member',
    unit: 'prod',
    title: '产品部负责人',
  },
  {
    key: 'prod1',
    name: '黄磊',
    email: 'huanglei@xingchen.test',
    role: 'member',
    unit: 'prod',
    title: '产品经理',
  },
  {
    key: 'prod2',
    name: '吴敏',
    email: 'wumin@xingchen.test',
    role: 'member',
    unit: 'prod',
    title: '用户研究员',
  },
];

export interface DemoUnit {
  key: UnitKey;
  name: string;
  parent: UnitKey | null;
  leader: PersonKey;
}

export const units: DemoUnit[] = [
  { key: 'company', name: '星辰科技', parent: null, leader: 'ceo' },
  { key: 'biz', name: '商业部门', parent: 'company', leader: 'biz' },
  { key: 'mkt', name: '市场部', parent: 'biz', leader: 'mkt' },
  { key: 'sales', name: '销售部', parent: 'biz', leader: 'sales' },
  { key: 'prod', name: '产品部', parent: 'biz', leader: 'prod' },
];

export interface DemoAction {
  title: string;
  owner?: PersonKey;
  /** days from the cycle start */
  startDay: number;
  dueDay: number;
  state: 'todo' | 'in_progress' | 'done' | 'blocked' | 'cancelled';
}

export interface DemoKeyResult {
  key?: string;
  title: string;
  metricType: 'number' | 'percent' | 'currency' | 'boolean';
  unit?: string;
  start: number;
  target: number;
  weight: number;
  owner?: PersonKey;
  /** progress relative to the elapsed cycle: 1 on schedule, 0.6 behind, 1.2 ahead */
  pace: number;
  progressSource?: 'manual' | 'aligned' | 'actions';
  actions?: DemoAction[];
  /** notes for some check-ins, in order */
  notes?: string[];
  blockers?: string;
}

export interface DemoObjective {
  key: string;
  title: string;
  description?: string;
  kind: 'committed' | 'aspirational';
  weight: number;
  visibility?: 'public' | 'private';
  alignedToKeyResult?: string;
  alignedToObjective?: string;
  keyResults: DemoKeyResult[];
}

export interface DemoPlan {
  owner: { unit: UnitKey } | { user: PersonKey };
  cycle: 'year' | 'quarter';
  /** what the review loop left it at */
  state: 'approved' | 'in_review' | 'changes_requested' | 'draft';
  reviewComment?: string;
  objectives: DemoObjective[];
}

export const plans: DemoPlan[] = [
  // 公司年度战略
  {
    owner: { unit: 'company' },
    cycle: 'year',
    state: 'approved',
    reviewComment: '年度战略已与董事会对齐，通过。',
    objectives: [
      {
        key: 'co-growth',
        title: '成为华东地区中小企业首选的客户管理SaaS品牌',
        description: '在保持健康利润的前提下扩大市场份额，让更多中小企业用上星辰。',
        kind: 'committed',
        weight: 60,
        keyResults: [
          {
            key: 'co-revenue',
            title: '年度营收从1.2亿元增长到2亿元',
            metricType: 'currency',
            unit: 'CNY',
            start: 120_000_000,
            target: 200_000_000,
            weight: 50,
            owner: 'biz',
            pace: 0,
            progressSource: 'aligned',
          },
          {
            key: 'co-share',
            title: '华东地区市场份额从8%提升到12%',
            metricType: 'percent',
            unit: '%',
            start: 8,
            target: 12,
            weight: 30,
            owner: 'biz',
            pace: 0.92,
          },
          {
            key: 'co-nps',
            title: '客户净推荐值(NPS)从30提升到45',
            metricType: 'number',
            start: 30,
            target: 45,
            weight: 20,
            owner: 'prod',
            pace: 1.0,
          },
        ],
      },
      {
        key: 'co-product',
        title: '打造行业领先、客户离不开的产品体验',
        kind: 'aspirational',
        weight: 40,
        keyResults: [
          {
            key: 'co-retention',
            title: '客户年度续约率从78%提升到88%',
            metricType: 'percent',
            unit: '%',
            start: 78,
            target: 88,
            weight: 50,
            owner: 'prod',
            pace: 0.85,
          },
          {
            key: 'co-churn',
            title: '月度客户流失率从2.5%降低到1.5%',
            metricType: 'percent',
            unit: '%',
            start: 2.5,
            target: 1.5,
            weight: 50,
            owner: 'prod',
            pace: 0.95,
          },
        ],
      },
    ],
  },
  // 商业部门 本季度
  {
    owner: { unit: 'biz' },
    cycle: 'quarter',
    state: 'approved',
    reviewComment: '和年度营收目标对齐清楚，权重合理，通过。',
    objectives: [
      {
        key: 'biz-revenue',
        title: '以市场和销售协同驱动本季度营收高质量增长',
        kind: 'committed',
        weight: 60,
        alignedToKeyResult: 'co-revenue',
        keyResults: [
          {
            key: 'biz-new-arr',
            title: '本季度新签合同额从0达到3200万元',
            metricType: 'currency',
            unit: 'CNY',
            start: 0,
            target: 32_000_000,
            weight: 50,
            owner: 'sales',
            pace: 0,
            progressSource: 'aligned',
          },
          {
            key: 'biz-leads',
            title: '市场合格线索(MQL)从1500条提升到2400条',
            metricType: 'number',
            unit: '条',
            start: 1500,
            target: 2400,
            weight: 30,
            owner: 'mkt',
            pace: 0,
            progressSource: 'aligned',
          },
          {
            key: 'biz-winrate',
            title: '商机赢单率从22%提升到28%',
            metricType: 'percent',
            unit: '%',
            start: 22,
            target: 28,
            weight: 20,
            owner: 'sales',
            pace: 0.7,
          },
        ],
      },
      {
        key: 'biz-product',
        title: '让产品成为商业增长的发动机',
        kind: 'aspirational',
        weight: 40,
        alignedToKeyResult: 'co-retention',
        keyResults: [
          {
            key: 'biz-activation',
            title: '新客户30天激活率从45%提升到60%',
            metricType: 'percent',
            unit: '%',
            start: 45,
            target: 60,
            weight: 60,
            owner: 'prod',
            pace: 0,
            progressSource: 'aligned',
          },
          {
            key: 'biz-upsell',
            title: '存量客户增购收入从200万元提升到350万元',
            metricType: 'currency',
            unit: 'CNY',
            start: 2_000_000,
            target: 3_500_000,
            weight: 40,
            owner: 'sales',
            pace: 0.55,
          },
        ],
      },
    ],
  },
  // 市场部
  {
    owner: { unit: 'mkt' },
    cycle: 'quarter',
    state: 'approved',
    reviewComment: '线索目标和销售部对齐了，通过。注意内容产出节奏。',
    objectives: [
      {
        key: 'mkt-leads',
        title: '为销售输送充足且高质量的线索',
        description: '聚焦制造业和零售业两个重点行业。',
        kind: 'committed',
        weight: 60,
        alignedToKeyResult: 'biz-leads',
        keyResults: [
          {
            key: 'mkt-mql',
            title: '市场合格线索从1500条提升到2400条',
            metricType: 'number',
            unit: '条',
            start: 1500,
            target: 2400,
            weight: 40,
            owner: 'mkt2',
            pace: 0.98,
            notes: ['投放渠道调整后线索量回升', '行业白皮书带来一波高质量线索'],
          },
          {
            key: 'mkt-conv',
            title: '线索转化率从8%提升到12%',
            metricType: 'percent',
            unit: '%',
            start: 8,
            target: 12,
            weight: 35,
            owner: 'mkt2',
            pace: 0.78,
            blockers: '销售跟进时效不稳定，部分线索超过48小时未联系',
          },
          {
            key: 'mkt-cpl',
            title: '单条线索获客成本从450元降低到320元',
            metricType: 'currency',
            unit: 'CNY',
            start: 450,
            target: 320,
            weight: 25,
            owner: 'mkt',
            pace: 1.05,
            actions: [
              {
                title: '关停ROI最低的三个投放渠道',
                owner: 'mkt2',
                startDay: 3,
                dueDay: 20,
                state: 'done',
              },
              {
                title: '上线线索评分模型',
                owner: 'mkt2',
                startDay: 15,
                dueDay: 50,
                state: 'in_progress',
              },
            ],
          },
        ],
      },
      {
        key: 'mkt-brand',
        title: '让星辰成为中小企业数字化的代名词',
        kind: 'aspirational',
        weight: 40,
        alignedToKeyResult: 'co-share',
        keyResults: [
          {
            key: 'mkt-traffic',
            title: '官网月访问量从2万提升到5万',
            metricType: 'number',
            unit: '次',
            start: 20_000,
            target: 50_000,
            weight: 50,
            owner: 'mkt1',
            pace: 0.62,
            blockers: 'SEO改版排期推迟两周',
          },
          {
            key: 'mkt-content',
            title: '行业案例内容从12篇增加到30篇',
            metricType: 'number',
            unit: '篇',
            start: 12,
            target: 30,
            weight: 50,
            owner: 'mkt1',
            pace: 0.4,
            actions: [
              {
                title: '访谈10家制造业标杆客户',
                owner: 'mkt1',
                startDay: 5,
                dueDay: 40,
                state: 'in_progress',
              },
              {
                title: '与产品部共建案例素材库',
                owner: 'mkt1',
                startDay: 10,
                dueDay: 35,
                state: 'blocked',
              },
              {
                title: '举办年度客户峰会并发布案例集',
                owner: 'mkt',
                startDay: 60,
                dueDay: 85,
                state: 'todo',
              },
            ],
          },
        ],
      },
    ],
  },
  // 销售部
  {
    owner: { unit: 'sales' },
    cycle: 'quarter',
    state: 'approved',
    reviewComment: '新签目标有挑战，资源需求请同步给商业部门。通过。',
    objectives: [
      {
        key: 'sales-new',
        title: '拿下重点行业的标杆客户，完成季度新签目标',
        kind: 'committed',
        weight: 70,
        alignedToKeyResult: 'biz-new-arr',
        keyResults: [
          {
            key: 'sales-arr',
            title: '新签合同额从0达到3200万元',
            metricType: 'currency',
            unit: 'CNY',
            start: 0,
            target: 32_000_000,
            weight: 50,
            owner: 'sales',
            pace: 0.88,
          },
          {
            key: 'sales-ka',
            title: '新签年费50万元以上大客户从0家达到8家',
            metricType: 'number',
            unit: '家',
            start: 0,
            target: 8,
            weight: 30,
            owner: 'sales1',
            pace: 0.7,
          },
          {
            key: 'sales-cycle',
            title: '平均销售周期从60天缩短到45天',
            metricType: 'number',
            unit: '天',
            start: 60,
            target: 45,
            weight: 20,
            owner: 'sales',
            pace: 0.3,
            blockers: '大客户采购流程长，法务审核平均耗时12天',
          },
        ],
      },
      {
        key: 'sales-channel',
        title: '建立可复制的渠道销售体系',
        kind: 'aspirational',
        weight: 30,
        alignedToObjective: 'biz-revenue',
        keyResults: [
          {
            key: 'sales-partners',
            title: '签约活跃渠道伙伴从5家增加到15家',
            metricType: 'number',
            unit: '家',
            start: 5,
            target: 15,
            weight: 60,
            owner: 'sales2',
            pace: 1.1,
          },
          {
            key: 'sales-channel-rev',
            title: '渠道收入占比从10%提升到20%',
            metricType: 'percent',
            unit: '%',
            start: 10,
            target: 20,
            weight: 40,
            owner: 'sales2',
            pace: 0.8,
          },
        ],
      },
    ],
  },
  // 产品部
  {
    owner: { unit: 'prod' },
    cycle: 'quarter',
    state: 'approved',
    reviewComment: '激活率是本季度重点，通过。',
    objectives: [
      {
        key: 'prod-activation',
        title: '让新客户在第一个月就体验到价值',
        kind: 'committed',
        weight: 60,
        alignedToKeyResult: 'biz-activation',
        keyResults: [
          {
            key: 'prod-act',
            title: '新客户30天激活率从45%提升到60%',
            metricType: 'percent',
            unit: '%',
            start: 45,
            target: 60,
            weight: 50,
            owner: 'prod1',
            pace: 0.9,
          },
          {
            key: 'prod-ttv',
            title: '首次价值时间从14天缩短到7天',
            metricType: 'number',
            unit: '天',
            start: 14,
            target: 7,
            weight: 30,
            owner: 'prod1',
            pace: 1.0,
          },
          {
            key: 'prod-onboarding',
            title: '新手引导完成率从35%提升到70%',
            metricType: 'percent',
            unit: '%',
            start: 35,
            target: 70,
            weight: 20,
            owner: 'prod2',
            pace: 0,
            progressSource: 'actions',
            actions: [
              {
                title: '完成20场新客户可用性访谈',
                owner: 'prod2',
                startDay: 2,
                dueDay: 25,
                state: 'done',
              },
              {
                title: '重新设计引导流程原型',
                owner: 'prod1',
                startDay: 20,
                dueDay: 40,
                state: 'done',
              },
              {
                title: '上线交互式新手引导',
                owner: 'prod1',
                startDay: 40,
                dueDay: 60,
                state: 'in_progress',
              },
              {
                title: 'A/B测试并全量发布',
                owner: 'prod1',
                startDay: 60,
                dueDay: 80,
                state: 'todo',
              },
            ],
          },
        ],
      },
      {
        key: 'prod-quality',
        title: '提升产品稳定性，减少客户流失',
        kind: 'committed',
        weight: 40,
        alignedToKeyResult: 'co-churn',
        keyResults: [
          {
            key: 'prod-incidents',
            title: '严重线上故障从每月4次降低到1次',
            metricType: 'number',
            unit: '次',
            start: 4,
            target: 1,
            weight: 50,
            owner: 'prod',
            pace: 1.15,
          },
          {
            key: 'prod-tickets',
            title: '每千名用户工单量从25降低到15',
            metricType: 'number',
            start: 25,
            target: 15,
            weight: 50,
            owner: 'prod2',
            pace: 0.5,
          },
        ],
      },
    ],
  },
  // 个人 OKR
  {
    owner: { user: 'mkt' },
    cycle: 'quarter',
    state: 'approved',
    reviewComment: '通过。',
    objectives: [
      {
        key: 'p-mkt-team',
        title: '带出一支数据驱动的市场团队',
        kind: 'aspirational',
        weight: 100,
        alignedToObjective: 'mkt-leads',
        keyResults: [
          {
            title: '每周营销数据复盘会从0次坚持到12次',
            metricType: 'number',
            unit: '次',
            start: 0,
            target: 12,
            weight: 50,
            owner: 'mkt',
            pace: 1.0,
          },
          {
            title: '团队成员独立负责的投放项目从1个增加到4个',
            metricType: 'number',
            unit: '个',
            start: 1,
            target: 4,
            weight: 50,
            owner: 'mkt',
            pace: 0.9,
          },
        ],
      },
    ],
  },
  {
    owner: { user: 'mkt1' },
    cycle: 'quarter',
    state: 'approved',
    reviewComment: '案例产出要加快，通过。',
    objectives: [
      {
        key: 'p-lina',
        title: '用客户故事打动更多潜在客户',
        kind: 'committed',
        weight: 100,
        alignedToKeyResult: 'mkt-content',
        keyResults: [
          {
            title: '发布制造业客户案例从0篇增加到10篇',
            metricType: 'number',
            unit: '篇',
            start: 0,
            target: 10,
            weight: 60,
            owner: 'mkt1',
            pace: 0.45,
          },
          {
            title: '案例页面平均停留时长从40秒提升到90秒',
            metricType: 'number',
            unit: '秒',
            start: 40,
            target: 90,
            weight: 40,
            owner: 'mkt1',
            pace: 0.7,
          },
        ],
      },
    ],
  },
  {
    owner: { user: 'mkt2' },
    cycle: 'quarter',
    state: 'approved',
    reviewComment: '通过。',
    objectives: [
      {
        key: 'p-zhangwei',
        title: '让每一分投放预算都带来高质量线索',
        kind: 'committed',
        weight: 70,
        alignedToKeyResult: 'mkt-mql',
        keyResults: [
          {
            title: '搜索渠道线索量从600条提升到1000条',
            metricType: 'number',
            unit: '条',
            start: 600,
            target: 1000,
            weight: 50,
            owner: 'mkt2',
            pace: 1.0,
          },
          {
            title: '投放ROI从1.8提升到2.5',
            metricType: 'number',
            start: 1.8,
            target: 2.5,
            weight: 50,
            owner: 'mkt2',
            pace: 0.85,
          },
        ],
      },
      {
        key: 'p-zhangwei-growth',
        title: '提升个人数据分析能力',
        kind: 'aspirational',
        weight: 30,
        visibility: 'private',
        keyResults: [
          {
            title: '完成数据分析认证课程从0门到3门',
            metricType: 'number',
            unit: '门',
            start: 0,
            target: 3,
            weight: 100,
            owner: 'mkt2',
            pace: 1.0,
          },
        ],
      },
    ],
  },
  {
    owner: { user: 'sales1' },
    cycle: 'quarter',
    state: 'approved',
    reviewComment: '通过，大客户名单请周会同步。',
    objectives: [
      {
        key: 'p-chenchen',
        title: '攻下制造业头部客户',
        kind: 'committed',
        weight: 100,
        alignedToKeyResult: 'sales-ka',
        keyResults: [
          {
            title: '推进到方案阶段的大客户商机从3个增加到12个',
            metricType: 'number',
            unit: '个',
            start: 3,
            target: 12,
            weight: 50,
            owner: 'sales1',
            pace: 0.8,
          },
          {
            title: '个人新签合同额从0达到800万元',
            metricType: 'currency',
            unit: 'CNY',
            start: 0,
            target: 8_000_000,
            weight: 50,
            owner: 'sales1',
            pace: 0.65,
          },
        ],
      },
    ],
  },
  {
    owner: { user: 'sales2' },
    cycle: 'quarter',
    state: 'changes_requested',
    reviewComment: '“拜访渠道伙伴”是行动不是结果，请改成可衡量的关键结果；权重也请重新分配。',
    objectives: [
      {
        key: 'p-zhoujie',
        title: '拓展华东渠道网络',
        kind: 'committed',
        weight: 100,
        alignedToKeyResult: 'sales-partners',
        keyResults: [
          {
            title: '拜访渠道伙伴',
            metricType: 'boolean',
            start: 0,
            target: 1,
            weight: 50,
            owner: 'sales2',
            pace: 0,
          },
          {
            title: '渠道伙伴带来的商机从10个提升到40个',
            metricType: 'number',
            unit: '个',
            start: 10,
            target: 40,
            weight: 50,
            owner: 'sales2',
            pace: 0,
          },
        ],
      },
    ],
  },
  {
    owner: { user: 'prod1' },
    cycle: 'quarter',
    state: 'approved',
    reviewComment: '通过。',
    objectives: [
      {
        key: 'p-huanglei',
        title: '把新手引导做成行业标杆',
        kind: 'committed',
        weight: 100,
        alignedToKeyResult: 'prod-act',
        keyResults: [
          {
            title: '引导流程第一步流失率从40%降低到20%',
            metricType: 'percent',
            unit: '%',
            start: 40,
            target: 20,
            weight: 50,
            owner: 'prod1',
            pace: 1.05,
          },
          {
            title: '新功能上线后7日使用率从15%提升到35%',
            metricType: 'percent',
            unit: '%',
            start: 15,
            target: 35,
            weight: 50,
            owner: 'prod1',
            pace: 0.95,
          },
        ],
      },
    ],
  },
  {
    owner: { user: 'prod2' },
    cycle: 'quarter',
    state: 'in_review',
    objectives: [
      {
        key: 'p-wumin',
        title: '让用户的声音进入每一个产品决策',
        kind: 'aspirational',
        weight: 100,
        alignedToObjective: 'prod-activation',
        keyResults: [
          {
            title: '每月用户访谈从4场增加到12场',
            metricType: 'number',
            unit: '场',
            start: 4,
            target: 12,
            weight: 50,
            owner: 'prod2',
            pace: 0,
          },
          {
            title: '有用户研究支撑的需求占比从30%提升到60%',
            metricType: 'percent',
            unit: '%',
            start: 30,
            target: 60,
            weight: 50,
            owner: 'prod2',
            pace: 0,
          },
        ],
      },
    ],
  },
];
