/**
 * Word lists the coach reads sentences with (detection vocabulary, not user-facing text).
 * Chinese has no spaces, so Chinese lists match anywhere; English lists match whole words.
 */

/** Work verbs (domain.md: 完成/举办/开展/召开/参加/制定…). */
const ZH_ACTIVITY_VERBS = [
  '举办',
  '举行',
  '开展',
  '召开',
  '参加',
  '参与',
  '制定',
  '组织',
  '完成',
  '建立',
  '搭建',
  '上线',
  '发布',
  '推出',
  '启动',
  '撰写',
  '编写',
  '输出',
  '策划',
  '执行',
  '实施',
  '落地',
  '部署',
  '开发',
  '设计',
  '梳理',
  '整理',
  '调研',
  '培训',
  '拜访',
  '走访',
  '招聘',
  '对接',
  '筹备',
  '准备',
  '引入',
  '采购',
  '迁移',
  '重构',
  '改版',
  '开通',
  '跟进',
  '开设',
  '创建',
  '成立',
  '制作',
  '拍摄',
  '录制',
  '编制',
  '起草',
  '修订',
  '评审',
  '复盘',
  '上架',
  '投放',
  '提交',
  '设立',
  '组建',
  '推进',
  '推动',
  '配置',
  '接入',
  '改造',
  '更新',
  '外呼',
  '产出',
  '形成',
  '制订',
  '发起',
  '打造',
  '打通',
  '集成',
  '整合',
];

/**
 * What may follow a work verb when it is part of a metric noun, not a verb:
 * 完成率, 参与度, 发布量, 上线后…率 is fine, 招聘周期, 设计师, 开发者, 组织架构.
 */
const ZH_NOUN_AFTER_VERB =
  '率|度|量|数(?!据|字)|人数|次数|比例|占比|情况|时间|时长|周期|效率|质量|进度|师|者|人员|力|成本|费用|能力|架构|频率|页|策略|效果|渠道|预算';

/** A Chinese work verb that is a verb here (not part of 完成率, 发布会, 设计师…). */
export const ZH_ACTIVITY = new RegExp(
  `(?:${ZH_ACTIVITY_VERBS.join('|')})(?!${ZH_NOUN_AFTER_VERB})`,
  'g',
);

/** Event nouns made of a work verb: 发布会 is an event, not the verb 发布. */
export const ZH_EVENT_NOUN = /^(?:发布|推介|说明)会/;

/** English work verbs, judged at the start of a clause (imperative, as KRs are written). */
export const EN_ACTIVITY_VERBS = [
  'launch',
  'hold',
  'host',
  'complete',
  'organize',
  'organise',
  'run',
  'conduct',
  'publish',
  'write',
  'create',
  'build',
  'develop',
  'design',
  'implement',
  'deploy',
  'ship',
  'release',
  'roll out',
  'set up',
  'establish',
  'attend',
  'participate in',
  'hire',
  'recruit',
  'train',
  'migrate',
  'redesign',
  'refactor',
  'rebuild',
  'revamp',
  'overhaul',
  'rewrite',
  'update',
  'prepare',
  'draft',
  'plan',
  'schedule',
  'start',
  'kick off',
  'introduce',
  'finish',
  'execute',
  'document',
  'research',
  'interview',
  'visit',
  'call',
  'send',
  'produce',
  'record',
  'coordinate',
  'integrate',
  'configure',
  'install',
  'sponsor',
  'present',
  'submit',
  'add',
  'define',
  'map',
  'audit',
  'review',
  'pilot',
  'test',
  'exhibit',
  'film',
  'post',
];

/** English work verbs in the past participle, anywhere (`Referral program launched`). */
export const EN_ACTIVITY_DONE =
  /\b(?:launched|completed|held|hosted|published|shipped|released|rolled out|implemented|deployed|organi[sz]ed|conducted|built|created|established|finished|set up|kicked off|migrated|redesigned|refactored)\b/i;

/** Vague improvement verbs (提升/加强/优化/改善…): the predicate of a vague KR. */
export const ZH_VAGUE_VERB =
  /提升|提高|加强|优化|改善|增强|完善|强化|改进|促进|扩大|深化|加快|加大|加深|拓展|增加|增长|降低|减少|缩短|压缩|下降|上升|巩固|夯实|做好|做大|做强|赋能|助力|改良/;

/** Vague wording: improvement verbs, and comparatives or qualities with no number (更加/领先/前列). */
export const ZH_VAGUE = new RegExp(
  `${ZH_VAGUE_VERB.source}|显著|大幅|明显|更好|更加|更多|更快|更高|更低|进一步|持续|尽快|尽量|尽可能|积极|努力|争取|稳步|领先|一流|高质量|优质|前列|前茅|最佳|优秀|卓越|良好|较好`,
);

export const EN_VAGUE = new RegExp(
  `\\b(?:${[
    'improve[sd]?',
    'improving',
    'improvements?',
    'enhance[sd]?',
    'enhancing',
    'better',
    'optimi[sz]e[sd]?',
    'optimi[sz]ing',
    'strengthen(?:ed|ing|s)?',
    'boost(?:ed|ing|s)?',
    'increase[sd]?',
    'increasing',
    'grow(?:s|ing)?',
    'reduce[sd]?',
    'reducing',
    'decrease[sd]?',
    'lower',
    'raise[sd]?',
    'maximi[sz]e[sd]?',
    'minimi[sz]e[sd]?',
    'streamline[sd]?',
    'refine[sd]?',
    'elevate[sd]?',
    'advance[sd]?',
    'foster',
    'accelerate[sd]?',
    'expand(?:ed|s)?',
    'deepen',
    'more',
    'less',
    'fewer',
    'faster',
    'higher',
    'smoother',
    'easier',
    'simpler',
    'clearer',
    'stronger',
    'greater',
    'significantly',
    'substantially',
    'greatly',
    'dramatically',
    'considerably',
    'world-class',
    'best-in-class',
    'asap',
    'as much as possible',
    'further',
    'continue to',
    'continuously',
    'effective(?:ly)?',
    'drive',
  ].join('|')})\\b`,
  'i',
);

/** A work verb right before a count: the count measures the work itself (举办3场, Host 4 webinars). */
export const ZH_OUTPUT_BEFORE =
  /(?:举办|举行|开展|召开|组织|完成|发布|上线|推出|撰写|编写|输出|拜访|走访|培训|制作|开发|策划|参加|参与|录制|拍摄|产出|交付|更新|执行|进行|安排|邀请|新建|搭建|设计|制定|上架|开设|开通|外呼|致电|回访|投放|落地|形成|制订|发起)(?:了|对)?\s*(?:不少于|不低于|至少|超过|达到)?\s*$/;
export const EN_OUTPUT_BEFORE =
  /\b(?:hold|host|run|publish|write|launch|ship|release|organi[sz]e|attend|complete|conduct|create|produce|send|deliver|visit|call|record|post|make|do|build|develop|design|train|interview|perform|execute|prepare|draft|update|film|schedule|sponsor|present|give|test|pilot)\s+(?:at least\s+|more than\s+|over\s+)?$/i;
/** Classifiers of outcomes, never of work: 500单, 20笔交易. */
export const OUTCOME_CLASSIFIERS = new Set(['单', '笔']);

/** Verbs that say the metric should go up or down. */
export const ZH_INCREASE_VERB =
  /提升|提高|增长|增加|上升|扩大|增至|升至|拉升|上涨|翻|突破|达到|新增|拓展|提至|超过/g;
export const ZH_DECREASE_VERB =
  /降低|下降|减少|缩短|压缩|缩减|降至|降到|减至|控制在|减半|节省|节约|削减|压降|下调|减/g;
export const EN_INCREASE_VERB =
  /\b(?:increase[sd]?|increasing|grow(?:s|n|ing)?|grew|raise[sd]?|boost(?:s|ed)?|lift(?:s|ed)?|expand(?:s|ed)?|improve[sd]?|double[sd]?|triple[sd]?|up|climb(?:s|ed)?|rise[s]?|scale[sd]?|accelerate[sd]?|drive[s]?|push(?:es)?|reach(?:es)?|hit[s]?)\b/gi;
export const EN_DECREASE_VERB =
  /\b(?:reduce[sd]?|reducing|cut[s]?|lower(?:s|ed)?|decrease[sd]?|shorten(?:s|ed)?|drop(?:s|ped)?|down|shrink[s]?|trim[s]?|minimi[sz]e[sd]?|slash(?:es|ed)?|halve[sd]?|decline[sd]?|fall[s]?|deflate)\b/gi;

/** Metrics where lower is better, for sentences that give a target with no direction word. */
export const LOWER_IS_BETTER =
  /流失|成本|投诉|退款|退货|差评|响应时间|响应时长|处理时长|处理时间|解决时长|等待时间|等待时长|排队|缺陷|bug|故障|延迟|时延|跳出率|逾期|坏账|积压|周期|耗时|错误率|失败率|退订|取消率|崩溃|卡顿|加载时间|偏差|\bchurn|\bcosts?\b|\bcac\b|complaints?|refunds?|return rate|response time|resolution time|handle time|wait time|latency|\bbugs?\b|defects?|incidents?|downtime|bounce|backlog|cycle time|time to|error|failures?|unsubscribe|cancell?ations?|escalations?|overdue|\bdso\b|days sales outstanding|crash|load time|discount|reopen|effort score/i;

/** Money metrics: a bare amount next to them is a currency (`销售额突破1.5亿`, `pipeline to 3M`). */
export const MONEY_NOUN =
  /销售额|营收|收入|营业额|GMV|回款额|签约额|合同额|合同金额|金额|客单价|ARPU|ARR|MRR|LTV|利润|毛利|预算|业绩|流水|订单额|交易额|成交额|产值|\brevenue\b|\bbookings\b|\bpipeline\b|deal size|\bprofit\b|\bbudget\b|\bspend\b|\bacv\b|\btcv\b|\bbillings\b/i;
/** Words that make a number next to a money noun a ratio, not an amount. */
export const NOT_AN_AMOUNT =
  /ratio|coverage|\brate\b|率|比例|占比|倍|score|评分|指数|数量|人数|次数|count|number of/i;
