/**
 * The coach's words: one message and one concrete suggestion per rule, in zh-CN and en.
 * All user-facing text of the quality module lives here.
 */
import type { DetailOf, FindingDetail } from './details.js';
import { looksLikeMetric } from './wording.js';
import type { QualityLocale, RuleId } from './types.js';

export interface Wording {
  message: string;
  suggestion: string;
}

type Catalog = { [R in RuleId]: (d: DetailOf<R>) => Wording };

const MAX_TITLE = 40;

function shorten(title: string): string {
  const t = title.trim();
  return t.length > MAX_TITLE ? `${t.slice(0, MAX_TITLE)}…` : t;
}
const zq = (s: string) => `“${shorten(s)}”`;
const eq = (s: string) => `"${shorten(s)}"`;

/** At most two decimals, no float noise. */
function plain(n: number): string {
  return String(Math.round(n * 100) / 100);
}

function grouped(n: number): string {
  return (Math.round(n * 100) / 100).toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** 50000 → 5万, 150000000 → 1.5亿 when that is exact to two decimals; else 12,345. */
function zhNumber(n: number): string {
  for (const [scale, word] of [
    [1e8, '亿'],
    [1e4, '万'],
  ] as const) {
    const scaled = n / scale;
    if (Math.abs(n) >= scale && Math.abs(scaled * 100 - Math.round(scaled * 100)) < 1e-9) {
      return `${plain(scaled)}${word}`;
    }
  }
  return grouped(n);
}

/** Time and score units read from Chinese titles, in English. */
const UNIT_EN: Readonly<Record<string, string>> = {
  天: 'days',
  日: 'days',
  工作日: 'business days',
  小时: 'hours',
  分钟: 'minutes',
  秒: 'seconds',
  毫秒: 'ms',
  周: 'weeks',
  月: 'months',
  年: 'years',
  分: 'points',
  星: 'stars',
};
/** Time and score units read from English titles, in Chinese. */
const UNIT_ZH: Readonly<Record<string, string>> = {
  days: '天',
  'business days': '个工作日',
  hours: '小时',
  minutes: '分钟',
  seconds: '秒',
  ms: '毫秒',
  weeks: '周',
  months: '个月',
  years: '年',
  points: '分',
  stars: '星',
};

/** A value with its unit, written for the locale: 12%, 500万元, $2,000,000, 3 days. */
export function formatValue(
  value: number,
  unit: string | undefined,
  locale: QualityLocale,
): string {
  if (unit === '%') return `${plain(value)}%`;
  if (locale === 'zh-CN') {
    switch (unit) {
      case 'CNY':
        return `${zhNumber(value)}元`;
      case 'USD':
        return `${zhNumber(value)}美元`;
      case 'EUR':
        return `${zhNumber(value)}欧元`;
      case 'GBP':
        return `${zhNumber(value)}英镑`;
      case undefined:
        return zhNumber(value);
      default:
        return `${zhNumber(value)}${UNIT_ZH[unit] ?? unit}`;
    }
  }
  switch (unit) {
    case 'CNY':
      return `¥${grouped(value)}`;
    case 'USD':
      return `$${grouped(value)}`;
    case 'EUR':
      return `€${grouped(value)}`;
    case 'GBP':
      return `£${grouped(value)}`;
    case undefined:
      return grouped(value);
    default: {
      // a classifier of a Chinese title (家, 条) has no English word of its own: leave it out
      const word = UNIT_EN[unit] ?? (/\p{Script=Han}/u.test(unit) ? undefined : unit);
      return word ? `${grouped(value)} ${word}` : grouped(value);
    }
  }
}

const zh: Catalog = {
  'kr-not-measurable': (d) =>
    d.reason === 'start-equals-target'
      ? {
          message: `关键结果${zq(d.title)}的起点和目标都是${formatValue(d.value ?? 0, d.unit, 'zh-CN')}，没有要衡量的变化。`,
          suggestion: `把目标设为与起点不同的值；如果目标是守住现有水平，写明底线，例如“不低于${formatValue(d.value ?? 0, d.unit, 'zh-CN')}”。`,
        }
      : {
          message: `关键结果${zq(d.title)}没有可衡量的目标值。`,
          suggestion: `写成“指标 + 起点 + 目标值”，例如“${d.subject && looksLikeMetric(d.subject) ? d.subject : '线索转化率'}从X提升到Y”；如果只有完成与否两种结果，请把度量类型设为“是/否”。`,
        },
  'kr-is-activity': (d) => ({
    message:
      d.outputCount !== undefined
        ? `关键结果${zq(d.title)}只统计了工作量（${formatValue(d.outputCount, d.outputUnit, 'zh-CN')}），没有说明带来的结果。`
        : `关键结果${zq(d.title)}描述的是要做的工作，而不是要达成的结果。`,
    suggestion: `问一问：这项工作做完后，哪个数字会变化？把那个数字写成关键结果，例如“有效线索从X条增加到Y条”或“注册转化率从X%提升到Y%”，把${zq(d.title)}放进它的行动计划。`,
  }),
  'kr-vague': (d) => ({
    message: `关键结果${zq(d.title)}用了“${d.word}”这类模糊的说法，没有数字。`,
    suggestion:
      d.subject && looksLikeMetric(d.subject)
        ? `写成“${d.subject}从X${d.decrease ? '降低' : '提升'}到Y”，给出当前值和目标值。`
        : d.subject
          ? `为“${d.subject}”选一个可以衡量的指标（比例、数量、金额或时长），写成“指标从X${d.decrease ? '降低' : '提升'}到Y”。`
          : `用数字说明要“${d.word}”到什么程度，例如“客户满意度从85%提升到92%”。`,
  }),
  'kr-no-baseline': (d) =>
    d.target === undefined
      ? {
          message: `关键结果${zq(d.title)}只给出了变化幅度，没有起点（基线）。`,
          suggestion: `补上当前值，才能算出目标值并跟踪进度，例如“从X${d.direction === 'decrease' ? '降低' : '提升'}到Y”。`,
        }
      : {
          message: `关键结果${zq(d.title)}只有目标值${formatValue(d.target, d.unit, 'zh-CN')}，没有起点（基线）。`,
          suggestion: `补上当前值，写成“从（当前值）${d.direction === 'decrease' ? '降低' : '提升'}到${formatValue(d.target, d.unit, 'zh-CN')}”；新增类指标的起点可以填0。`,
        },
  'kr-no-owner': (d) => ({
    message: `关键结果${zq(d.title)}还没有负责人。`,
    suggestion: '指定一位负责人，由他/她每周更新进展和信心指数。',
  }),
  'objective-has-metric': (d) => ({
    message: `目标${zq(d.title)}本身就是一个指标（“${d.metricText}”）。`,
    suggestion: `目标应当是定性的、鼓舞人心的方向：把“${d.metricText}”这样的数字移到关键结果里，目标写成它为什么重要。`,
  }),
  'objective-too-few-krs': (d) => ({
    message:
      d.count === 0
        ? `目标${zq(d.title)}还没有关键结果。`
        : `目标${zq(d.title)}只有${d.count}个关键结果，少于${d.min}个。`,
    suggestion: `再补充${d.min - d.count}个关键结果，从不同角度衡量这个目标（例如数量、质量、效率）。`,
  }),
  'objective-too-many-krs': (d) => ({
    message: `目标${zq(d.title)}有${d.count}个关键结果，超过了${d.max}个。`,
    suggestion: `保留最能说明目标达成的${d.max}个，其余的转为行动计划或放到下个周期。`,
  }),
  'plan-too-many-objectives': (d) => ({
    message: `这个计划有${d.count}个目标，超过了${d.max}个。`,
    suggestion: `聚焦最重要的${d.max}个目标，把其余的合并或推迟到下个周期。`,
  }),
  'weights-not-100': (d) => {
    const diff = plain(Math.abs(100 - d.sum));
    return {
      message:
        d.scope === 'objectives'
          ? `各目标的权重合计为${plain(d.sum)}%，应为100%。`
          : `目标${zq(d.title ?? '')}下各关键结果的权重合计为${plain(d.sum)}%，应为100%。`,
      suggestion: `调整权重使合计为100%（现在${d.sum > 100 ? '多出' : '还差'}${diff}%）。`,
    };
  },
  'objective-not-aligned': (d) => ({
    message: `目标${zq(d.title)}没有对齐到上级的目标或关键结果。`,
    suggestion: '把它对齐到上级部门的一个目标或关键结果，说明它如何支撑整体战略。',
  }),
  'kr-not-challenging': (d) => ({
    message: `关键结果${zq(d.title)}从${formatValue(d.start, d.unit, 'zh-CN')}到${formatValue(d.target, d.unit, 'zh-CN')}只变化了${plain(d.change)}%，低于${plain(d.threshold)}%的挑战阈值。`,
    suggestion: `考虑把目标定在${formatValue(d.suggested, d.unit, 'zh-CN')}或${d.direction === 'decrease' ? '更低' : '更高'}，让团队需要努力才能达成。`,
  }),
};

const en: Catalog = {
  'kr-not-measurable': (d) =>
    d.reason === 'start-equals-target'
      ? {
          message: `Key result ${eq(d.title)} starts and ends at ${formatValue(d.value ?? 0, d.unit, 'en')}: there is no change to measure.`,
          suggestion: `Set a target different from the start; to hold a level, state the floor, e.g. "at least ${formatValue(d.value ?? 0, d.unit, 'en')}".`,
        }
      : {
          message: `Key result ${eq(d.title)} has no measurable target.`,
          suggestion: `Write it as a metric with a start and a target, e.g. "${d.subject && looksLikeMetric(d.subject) ? d.subject : 'lead conversion rate'} from X to Y"; if it can only be done or not done, set its metric type to yes/no.`,
        },
  'kr-is-activity': (d) => ({
    message:
      d.outputCount !== undefined
        ? `Key result ${eq(d.title)} counts work (${formatValue(d.outputCount, d.outputUnit, 'en')}), not the result it should bring.`
        : `Key result ${eq(d.title)} describes work to do, not an outcome to achieve.`,
    suggestion: `Ask which number changes once this work is done and make that the key result, e.g. "qualified leads from X to Y" or "sign-up conversion from X% to Y%"; keep ${eq(d.title)} as an action under it.`,
  }),
  'kr-vague': (d) => ({
    message: `Key result ${eq(d.title)} uses vague wording ("${d.word}") and no number.`,
    suggestion:
      d.subject && looksLikeMetric(d.subject)
        ? `Write it as "${d.subject} from X to Y", with today's value and the target.`
        : d.subject
          ? `Pick a metric for "${d.subject}" (a rate, count, amount or time) and write "metric from X to Y".`
          : `Say with a number how much to "${d.word}", e.g. "CSAT from 85% to 92%".`,
  }),
  'kr-no-baseline': (d) =>
    d.target === undefined
      ? {
          message: `Key result ${eq(d.title)} states a change but no starting point (baseline).`,
          suggestion: `Add today's value so the target can be computed and progress tracked, e.g. "from X to Y".`,
        }
      : {
          message: `Key result ${eq(d.title)} has a target (${formatValue(d.target, d.unit, 'en')}) but no starting point (baseline).`,
          suggestion: `Add today's value: "from <current> to ${formatValue(d.target, d.unit, 'en')}"; for a count of new things the start can be 0.`,
        },
  'kr-no-owner': (d) => ({
    message: `Key result ${eq(d.title)} has no owner.`,
    suggestion: 'Name one owner who updates its progress and confidence every week.',
  }),
  'objective-has-metric': (d) => ({
    message: `Objective ${eq(d.title)} is itself a metric ("${d.metricText}").`,
    suggestion: `Keep objectives qualitative and inspiring: move "${d.metricText}" into a key result and let the objective say why it matters.`,
  }),
  'objective-too-few-krs': (d) => ({
    message:
      d.count === 0
        ? `Objective ${eq(d.title)} has no key results.`
        : `Objective ${eq(d.title)} has only ${d.count} key result${d.count === 1 ? '' : 's'}, fewer than ${d.min}.`,
    suggestion: `Add ${d.min - d.count} more key result${d.min - d.count === 1 ? '' : 's'} that measure it from another angle (volume, quality, speed).`,
  }),
  'objective-too-many-krs': (d) => ({
    message: `Objective ${eq(d.title)} has ${d.count} key results, more than ${d.max}.`,
    suggestion: `Keep the ${d.max} that best show the objective is met; turn the rest into actions or move them to the next cycle.`,
  }),
  'plan-too-many-objectives': (d) => ({
    message: `This plan has ${d.count} objectives, more than ${d.max}.`,
    suggestion: `Focus on the ${d.max} that matter most; merge the others or move them to the next cycle.`,
  }),
  'weights-not-100': (d) => {
    const diff = plain(Math.abs(100 - d.sum));
    return {
      message:
        d.scope === 'objectives'
          ? `Objective weights add up to ${plain(d.sum)}%, not 100%.`
          : `Key result weights of objective ${eq(d.title ?? '')} add up to ${plain(d.sum)}%, not 100%.`,
      suggestion: `Adjust the weights so they total 100% (${d.sum > 100 ? 'remove' : 'add'} ${diff}%).`,
    };
  },
  'objective-not-aligned': (d) => ({
    message: `Objective ${eq(d.title)} is not aligned to any objective or key result above it.`,
    suggestion:
      'Align it to an objective or key result of the parent unit to show how it supports the strategy.',
  }),
  'kr-not-challenging': (d) => ({
    message: `Key result ${eq(d.title)} moves only ${plain(d.change)}% (from ${formatValue(d.start, d.unit, 'en')} to ${formatValue(d.target, d.unit, 'en')}), below the ${plain(d.threshold)}% stretch threshold.`,
    suggestion: `Consider a target of ${formatValue(d.suggested, d.unit, 'en')} or ${d.direction === 'decrease' ? 'lower' : 'higher'} so the team has to stretch for it.`,
  }),
};

const CATALOGS: Readonly<Record<QualityLocale, Catalog>> = { 'zh-CN': zh, en };

/** The message and suggestion for a finding, in the locale. */
export function describe(detail: FindingDetail, locale: QualityLocale): Wording {
  const write = CATALOGS[locale][detail.rule] as (d: FindingDetail) => Wording;
  return write(detail);
}
