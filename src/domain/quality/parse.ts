/**
 * Reading a KR sentence into a metric: `线索转化率从8%提升到12%` → percent, 8 → 12, increase;
 * `Cut churn from 5% to 3%` → percent, 5 → 3, decrease.
 *
 * How a sentence is read, in order:
 * 1. a range — `从A…到B`, `由A提升至B`, `A→B`, `from A to B` — gives start and target (`从4万翻一番`
 *    and `从500万增长30%` apply the change to the start);
 * 2. otherwise one number is the target, chosen by its cue: a stated bound (`达到`, `突破`, `不低于`,
 *    `以上`, `控制在…以内`, `降低到`, `reach`, `at least`, `under`, `or more`) first, then a share
 *    (`95%的工单`, `90% of tickets`), a relative change (`增长25%`, `by 30%`, `翻一番`, `double`), a
 *    plain `到/to`, a time limit (`24小时内`, `within 2 hours`), any other number, and last a number
 *    that only counts the work (`举办3场`);
 * 3. a baseline cue (`当前8%`, `currently 8%`) gives the start;
 * 4. the direction comes from the cue, else from the verb (`降低`, `reduce`), else from the metric
 *    (`流失率`, `churn`, `latency` go down), else increase.
 * A relative change with no start has a direction but no target.
 */
import {
  EN_DECREASE_VERB,
  EN_INCREASE_VERB,
  EN_OUTPUT_BEFORE,
  LOWER_IS_BETTER,
  MONEY_NOUN,
  NOT_AN_AMOUNT,
  OUTCOME_CLASSIFIERS,
  ZH_DECREASE_VERB,
  ZH_INCREASE_VERB,
  ZH_OUTPUT_BEFORE,
} from './lexicon.js';
import type { NumberToken } from './numbers.js';
import { MASK, cleanFloat, maskNonQuantities, normalizeText, scanNumbers } from './numbers.js';
import type { Direction, MetricType, ParsedMetric, QualityLocale } from './types.js';

/** zh-CN when the text has Chinese characters, else en. */
export function detectLocale(text: string): QualityLocale {
  return /\p{Script=Han}/u.test(text) ? 'zh-CN' : 'en';
}

/** Everything the rules need to know about a KR sentence. */
export interface KeyResultReading {
  metric: ParsedMetric;
  /** The quantities of the sentence (dates, versions and labels left out). */
  tokens: NumberToken[];
  /** A number measures an outcome, not only the amount of work (`举办3场` alone has none). */
  hasOutcomeNumber: boolean;
  /** The target is a change with no start (`增长25%`): measurable, but no absolute target. */
  relative: boolean;
}

// Cues, matched against the text of the clause before or after a number.
const ZH_INC_BEFORE =
  /(?:达到|达|突破|破|不低于|不少于|至少|(?<!不)超过|超越|(?<!不)高于|(?<!不)多于|(?<!不)大于|≥|>=|>|提升到|提升至|提升为|提高到|提高至|提高为|增长到|增长至|增加到|增加至|上升到|上升至|扩大到|扩大至|升至|增至|涨到|涨至|达成|做到|保持在|维持在|稳定在|到达)\s*$/;
const ZH_DEC_BEFORE =
  /(?:降低到|降低至|降低为|降到|降至|降为|下降到|下降至|减少到|减少至|减到|减至|缩短到|缩短至|缩短为|压缩到|压缩至|缩减到|缩减至|控制在|不超过|不高于|不多于|(?<!不)低于|(?<!不)少于|(?<!不)小于|≤|<=|<)\s*$/;
const ZH_TO_BEFORE = /(?:到|至|为|在)\s*$/;
const ZH_INC_AFTER = /^\s*(?:以上|及以上|或以上|\+)/;
const ZH_DEC_AFTER = /^\s*(?:以内|之内|以下|及以下|或以下)/;
const ZH_WEAK_DEC_AFTER = /^\s*内/;
const ZH_SHARE_AFTER = /^\s*的/;
const ZH_REL_BEFORE =
  /(?:增长|提升|提高|增加|上升|上涨|降低|下降|减少|缩短|压缩|缩减|节省|节约|削减|扩大|下调|上调)了?\s*$/;
const ZH_REL_AFTER = /^\s*的?(?:增长|增幅|提升|降幅|下降|涨幅)/;
const ZH_BASE_BEFORE = /(?:当前|目前|现为|现在|现有|基线|基准|现状)(?:为|是|的|:)?\s*$/;
/** 从/由 shortly before a number, with no other number or masked span between. */
const ZH_FROM_BEFORE = new RegExp(`(?:从|由)[^\\d从由${MASK}]{0,5}$`);
const ZH_CHANGE = /提升|提高|增长|增加|上升|降低|下降|减少|缩短|压缩|缩减|扩大|降|升|涨|减/;

const EN_INC_BEFORE =
  /\b(?:reach(?:es|ed|ing)?|hit(?:s|ting)?|achieve[sd]?|achieving|exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?|over|above|more than|at least|a minimum of|minimum of|no less than|no fewer than|beyond|north of|greater than|up to)\s*$|(?:≥|>=|>)\s*$/i;
const EN_DEC_BEFORE =
  /\b(?:under|below|at most|no more than|less than|fewer than|a maximum of|max(?:imum)? of|down to|to under|to below|lower than)\s*$|(?:≤|<=|<)\s*$/i;
const EN_WEAK_DEC_BEFORE = /\b(?:within|in under|in less than)\s*$/i;
const EN_TO_BEFORE = /\b(?:to|at|of)\s*$/i;
const EN_INC_AFTER = /^\s*(?:\+|or more\b|or higher\b|or above\b|and above\b|plus\b|or better\b)/i;
const EN_DEC_AFTER =
  /^\s*(?:or less\b|or fewer\b|or lower\b|or below\b|and below\b|max\b|at most\b)/i;
const EN_SHARE_AFTER = /^\s*of\b/i;
const EN_REL_BEFORE = /\bby\s*$/i;
const EN_REL_VERB_BEFORE =
  /\b(?:increase|grow|boost|raise|lift|cut|reduce|lower|decrease|shrink|improve|expand|drop|slash)[sd]?\s*$/i;
const EN_REL_AFTER =
  /^\s*(?:increase|growth|lift|uplift|improvement|more|higher|reduction|decrease|drop|decline|fewer|less|lower|faster|cut|rise|jump|year[- ]over[- ]year|quarter[- ]over[- ]quarter|month[- ]over[- ]month|yoy|qoq|mom)\b/i;
/** A change verb earlier in the clause: `Grow EMEA revenue 40%` is a change of 40 %. */
const EN_CHANGE_IN_CLAUSE =
  /\b(?:increase|grow|boost|raise|lift|cut|reduce|lower|decrease|shrink|improve|expand|drop|slash)(?:s|d|ed)?\b(?![^,;]*\b(?:to|at|of|from|reach\w*|hit\w*)\b)[^,;]*$/i;
const EN_REL_AFTER_DEC = /^\s*(?:reduction|decrease|drop|decline|fewer|less|lower|cut)\b/i;
const EN_BASE_BEFORE = /\b(?:currently|baseline|today|now|current|vs\.?)\s*(?::|is|at|of)?\s*$/i;
const EN_FROM_BEFORE = /\bfrom\s+(?:about\s+|around\s+|approximately\s+|~\s*)?$/i;
const EN_RANGE_MID = /^\s*(?:to|up to|down to|→|->|-|–|—)\s*(?:about\s+|around\s+|~\s*)?$/i;
const ARROW_MID = /^\s*(?:→|->|—>|=>|➜|⟶)\s*$/;

/** Ends of a clause: a number's cues are looked for inside its own clause. */
function isClauseBreak(text: string, i: number): boolean {
  const ch = text[i];
  if (ch === undefined) return false;
  if (/[，；;。！!？?\n]/.test(ch)) return true;
  // a comma between digits is a thousands separator
  return ch === ',' && !(/\d/.test(text[i - 1] ?? '') && /\d{3}/.test(text.slice(i + 1, i + 4)));
}

/** Cues are local: at most this many characters of a clause are looked at on each side. */
const CUE_WINDOW = 80;

function clauseBefore(text: string, pos: number): string {
  const stop = Math.max(0, pos - CUE_WINDOW);
  let i = pos - 1;
  while (i >= stop && !isClauseBreak(text, i)) i -= 1;
  return text.slice(i + 1, pos);
}

function clauseAfter(text: string, pos: number): string {
  const stop = Math.min(text.length, pos + CUE_WINDOW);
  let i = pos;
  while (i < stop && !isClauseBreak(text, i)) i += 1;
  return text.slice(pos, i);
}

type Cue = 'strong' | 'share' | 'relative' | 'to' | 'weak' | 'none' | 'output';
const CUE_RANK: Readonly<Record<Cue, number>> = {
  strong: 0,
  share: 1,
  relative: 2,
  to: 3,
  weak: 4,
  none: 5,
  output: 6,
};

interface Candidate {
  token: NumberToken;
  cue: Cue;
  /** Direction the cue states, if any. */
  direction?: Direction;
  /** `to`-like cues take the direction of the verb before. */
  verbDirection?: boolean;
  baseline: boolean;
}

/** How far back a verb is looked for: a verb governs the number it is near. */
const VERB_WINDOW = 160;

/** The direction of the change verb closest before `pos` (within `VERB_WINDOW` characters). */
function verbDirectionBefore(text: string, pos: number, zh: boolean): Direction | undefined {
  const before = text.slice(Math.max(0, pos - VERB_WINDOW), pos);
  let best: { at: number; dir: Direction } | undefined;
  const scan = (re: RegExp, dir: Direction) => {
    for (const m of before.matchAll(re)) {
      if (!best || m.index >= best.at) best = { at: m.index, dir };
    }
  };
  if (zh) {
    scan(ZH_INCREASE_VERB, 'increase');
    scan(ZH_DECREASE_VERB, 'decrease');
  }
  scan(EN_INCREASE_VERB, 'increase');
  scan(EN_DECREASE_VERB, 'decrease');
  return best?.dir;
}

function isOutputCount(text: string, t: NumberToken, zh: boolean): boolean {
  if (t.kind !== 'count' && t.kind !== 'plain') return false;
  if (t.unit !== undefined && OUTCOME_CLASSIFIERS.has(t.unit)) return false;
  const pre = clauseBefore(text, t.start);
  return zh ? ZH_OUTPUT_BEFORE.test(pre) || EN_OUTPUT_BEFORE.test(pre) : EN_OUTPUT_BEFORE.test(pre);
}

function classify(text: string, t: NumberToken, zh: boolean): Candidate {
  const pre = clauseBefore(text, t.start);
  const post = clauseAfter(text, t.end);
  const c: Candidate = { token: t, cue: 'none', baseline: false };
  if (zh ? ZH_BASE_BEFORE.test(pre) : EN_BASE_BEFORE.test(pre)) {
    c.baseline = true;
    return c;
  }
  const incBefore = zh
    ? ZH_INC_BEFORE.test(pre) || EN_INC_BEFORE.test(pre)
    : EN_INC_BEFORE.test(pre);
  const decBefore = zh
    ? ZH_DEC_BEFORE.test(pre) || EN_DEC_BEFORE.test(pre)
    : EN_DEC_BEFORE.test(pre);
  const incAfter = t.plus || (zh ? ZH_INC_AFTER.test(post) : EN_INC_AFTER.test(post));
  const decAfter = zh ? ZH_DEC_AFTER.test(post) : EN_DEC_AFTER.test(post);
  if (isOutputCount(text, t, zh)) {
    // 举办3场, 产出不少于8篇, Host 4 webinars: the number counts the work itself
    c.cue = 'output';
    c.direction = decBefore || decAfter ? 'decrease' : 'increase';
    return c;
  }
  if (decBefore || decAfter) {
    c.cue = 'strong';
    c.direction = 'decrease';
    return c;
  }
  if (incBefore || incAfter) {
    c.cue = 'strong';
    c.direction = 'increase';
    return c;
  }
  if (t.kind === 'percent' && (zh ? ZH_SHARE_AFTER.test(post) : EN_SHARE_AFTER.test(post))) {
    c.cue = 'share';
    c.direction = 'increase';
    return c;
  }
  const relBefore = zh
    ? ZH_REL_BEFORE.test(pre) && t.kind !== 'count'
    : EN_REL_BEFORE.test(pre) ||
      (t.kind === 'percent' && (EN_REL_VERB_BEFORE.test(pre) || EN_CHANGE_IN_CLAUSE.test(pre)));
  const relAfter =
    (t.kind === 'percent' || t.kind === 'points') &&
    (zh ? ZH_REL_AFTER.test(post) : EN_REL_AFTER.test(post));
  if (t.kind === 'multiple' || t.kind === 'points' || relBefore || relAfter) {
    c.cue = 'relative';
    if (t.kind === 'multiple') c.direction = t.value < 1 ? 'decrease' : 'increase';
    else if (relAfter && !zh) {
      c.direction = EN_REL_AFTER_DEC.test(post) ? 'decrease' : 'increase';
    } else c.verbDirection = true;
    return c;
  }
  // a time limit (在3分钟内, within 2 hours) before a plain 到/to
  if (zh ? ZH_WEAK_DEC_AFTER.test(post) : EN_WEAK_DEC_BEFORE.test(pre)) {
    c.cue = 'weak';
    c.direction = 'decrease';
    return c;
  }
  if (zh ? ZH_TO_BEFORE.test(pre) : EN_TO_BEFORE.test(pre)) {
    c.cue = 'to';
    c.verbDirection = true;
    return c;
  }
  return c;
}

/** Length of a time unit in hours, to compare `从两周缩短到三天` on one scale. */
const HOURS_PER_UNIT: Readonly<Record<string, number>> = {
  毫秒: 1 / 3_600_000,
  ms: 1 / 3_600_000,
  秒: 1 / 3600,
  seconds: 1 / 3600,
  分钟: 1 / 60,
  minutes: 1 / 60,
  小时: 1,
  hours: 1,
  天: 24,
  日: 24,
  days: 24,
  周: 168,
  weeks: 168,
  月: 720,
  months: 720,
  年: 8760,
  years: 8760,
};

/** The start of a range in the unit of its end, when both are times in different units. */
function startInEndUnit(start: NumberToken, end: NumberToken): number {
  if (start.kind !== 'duration' || end.kind !== 'duration' || start.unit === end.unit) {
    return start.value;
  }
  const from = start.unit === undefined ? undefined : HOURS_PER_UNIT[start.unit];
  const to = end.unit === undefined ? undefined : HOURS_PER_UNIT[end.unit];
  return from === undefined || to === undefined
    ? start.value
    : cleanFloat((start.value * from) / to);
}

interface Range {
  start: NumberToken;
  end: NumberToken;
  /** The end is a change applied to the start (`从4万翻一番`, `from $80k by 25%`). */
  relative: boolean;
  mid: string;
}

function findRange(text: string, tokens: NumberToken[], zh: boolean): Range | undefined {
  for (let i = 0; i + 1 < tokens.length; i += 1) {
    const a = tokens[i];
    const b = tokens[i + 1];
    if (!a || !b || a.kind === 'multiple') continue;
    const mid = text.slice(a.end, b.start);
    if (/[，；;。！!？?\n]/.test(mid) || /,\s/.test(mid)) continue;
    const pre = clauseBefore(text, a.start);
    if (ARROW_MID.test(mid)) return { start: a, end: b, relative: false, mid };
    if (zh) {
      const from = ZH_FROM_BEFORE.test(pre);
      if (/^\s*[\u4e00-\u9fff]{0,5}?(?:到|至|为)\s*$/.test(mid) && (from || ZH_CHANGE.test(mid))) {
        return { start: a, end: b, relative: b.kind === 'multiple', mid };
      }
      const changeOnly = /^\s*[\u4e00-\u9fff]{0,5}$/.test(mid) && !/[到至为]/.test(mid);
      const relEnd =
        b.kind === 'multiple' || b.kind === 'points' || (ZH_CHANGE.test(mid) && b.kind !== 'count');
      if (from && changeOnly && relEnd && (mid.trim() === '' ? b.kind === 'multiple' : true)) {
        return { start: a, end: b, relative: true, mid };
      }
    }
    if (EN_FROM_BEFORE.test(pre)) {
      if (EN_RANGE_MID.test(mid)) return { start: a, end: b, relative: b.kind === 'multiple', mid };
      if (/^\s*by\s*$/i.test(mid)) return { start: a, end: b, relative: true, mid };
    }
  }
  return undefined;
}

/** Applies a relative change to a start: ×2, +30 %, +2 points, +500万. */
function applyChange(start: NumberToken, change: NumberToken, direction: Direction): number {
  const sign = direction === 'decrease' ? -1 : 1;
  switch (change.kind) {
    case 'multiple':
      return cleanFloat(start.value * change.value);
    case 'percent':
      return cleanFloat(start.value * (1 + (sign * change.value) / 100));
    case 'points':
    case 'plain':
    case 'count':
    case 'currency':
    case 'duration':
    case 'score':
      return cleanFloat(start.value + sign * change.value);
  }
}

function metricTypeOf(
  tokens: NumberToken[],
  text: string,
  currency: string,
): { metricType: MetricType; unit?: string } {
  const typed = tokens.filter((t) => t.kind !== 'multiple');
  const percent = typed.find((t) => t.kind === 'percent' || t.kind === 'points');
  if (percent) return { metricType: 'percent', unit: '%' };
  const money = typed.find((t) => t.kind === 'currency');
  if (money) return { metricType: 'currency', unit: money.unit ?? currency };
  const withUnit = typed.find((t) => t.unit !== undefined);
  if (!withUnit && MONEY_NOUN.test(text) && !NOT_AN_AMOUNT.test(text)) {
    return { metricType: 'currency', unit: currency };
  }
  return withUnit?.unit !== undefined
    ? { metricType: 'number', unit: withUnit.unit }
    : { metricType: 'number' };
}

/**
 * The direction when no cue states it: a target of zero goes down; so does a metric named before
 * the number that is better low (`流失率`, `churn`, `latency`; a noun after the number is what is
 * counted: `Win back 30 churned accounts` goes up); else the verb before; else increase.
 */
function fallbackDirection(text: string, t: NumberToken, zh: boolean): Direction {
  if (t.value === 0) return 'decrease';
  if (LOWER_IS_BETTER.test(clauseBefore(text, t.start))) return 'decrease';
  return verbDirectionBefore(text, t.start, zh) === 'decrease' ? 'decrease' : 'increase';
}

/**
 * Reads a KR sentence: the metric it states, its numbers, and whether any number measures an
 * outcome. Chinese or English cues are chosen by the sentence itself; `locale` only sets the
 * currency of a bare amount (`销售额突破1.5亿`: CNY for zh-CN, USD for en; default: detected).
 * Pure; never throws.
 */
export function readKeyResult(title: string, locale?: QualityLocale): KeyResultReading {
  const text = maskNonQuantities(normalizeText(title));
  const zh = detectLocale(title) === 'zh-CN';
  const currency = (locale ?? detectLocale(title)) === 'zh-CN' ? 'CNY' : 'USD';
  const tokens = scanNumbers(text);
  const empty: KeyResultReading = {
    metric: { confidence: 0 },
    tokens,
    hasOutcomeNumber: false,
    relative: false,
  };
  if (tokens.length === 0) return empty;

  const candidates = tokens.map((t) => classify(text, t, zh));
  const hasOutcomeNumber = candidates.some((c) => c.cue !== 'output');
  const crowd = tokens.length >= 3 ? 0.1 : 0;

  const range = findRange(text, tokens, zh);
  if (range) {
    const { end } = range;
    const start: NumberToken = { ...range.start, value: startInEndUnit(range.start, end) };
    if (end.unit !== undefined && start.kind === end.kind) start.unit = end.unit;
    let target = end.value;
    let direction: Direction | undefined;
    if (range.relative) {
      direction =
        end.kind === 'multiple'
          ? end.value < 1
            ? 'decrease'
            : 'increase'
          : (verbDirectionBefore(text, end.start, zh) ?? 'increase');
      target = applyChange(start, end, direction);
    } else {
      // 从2万提升到5 (unit only on one side) keeps both on the same scale
      direction =
        target > start.value
          ? 'increase'
          : target < start.value
            ? 'decrease'
            : verbDirectionBefore(text, end.start, zh);
    }
    // a relative end (30%, 翻一番) says how much the start changes, not what the metric is
    const { metricType, unit } = metricTypeOf(
      range.relative ? [start] : [start, end],
      text,
      currency,
    );
    const metric: ParsedMetric = {
      metricType,
      startValue: start.value,
      targetValue: target,
      confidence: cleanFloat(0.95 - crowd),
    };
    if (unit !== undefined) metric.unit = unit;
    if (direction) metric.direction = direction;
    return { metric, tokens, hasOutcomeNumber, relative: false };
  }

  const baseline = candidates.find((c) => c.baseline);
  const pick = candidates
    .filter((c) => !c.baseline)
    .sort((x, y) => CUE_RANK[x.cue] - CUE_RANK[y.cue] || x.token.start - y.token.start)[0];
  if (!pick) return { ...empty, hasOutcomeNumber };

  const t = pick.token;
  let direction: Direction =
    pick.direction ??
    (pick.verbDirection ? verbDirectionBefore(text, t.start, zh) : undefined) ??
    fallbackDirection(text, t, zh);
  if (pick.cue === 'share' && !pick.direction) direction = 'increase';

  const metric: ParsedMetric = { direction, confidence: 0 };
  let relative = false;
  if (pick.cue === 'relative') {
    if (baseline) {
      metric.startValue = baseline.token.value;
      metric.targetValue = applyChange(baseline.token, t, direction);
      const typed = metricTypeOf([baseline.token, t], text, currency);
      metric.metricType = typed.metricType;
      if (typed.unit !== undefined) metric.unit = typed.unit;
      metric.confidence = 0.75;
    } else {
      relative = true;
      metric.confidence = 0.5;
    }
  } else {
    metric.targetValue = t.value;
    if (baseline) metric.startValue = baseline.token.value;
    const typed = metricTypeOf(baseline ? [t, baseline.token] : [t], text, currency);
    metric.metricType = typed.metricType;
    if (typed.unit !== undefined) metric.unit = typed.unit;
    const base: Record<Cue, number> = {
      strong: 0.85,
      share: 0.8,
      relative: 0.5,
      to: 0.75,
      weak: 0.7,
      none: 0.65,
      output: 0.6,
    };
    metric.confidence = base[pick.cue];
  }
  metric.confidence = cleanFloat(Math.max(0.1, metric.confidence - crowd));
  return { metric, tokens, hasOutcomeNumber, relative };
}

/**
 * The metric a KR title states: type, unit, start, target and direction, each absent when the
 * title does not tell, and a confidence 0–1. Percentages stay percent numbers (8 % → 8), amounts
 * are expanded (`2万` → 20000, `1.5亿` → 150000000, `$2M` → 2000000 with unit USD).
 */
export function parseKeyResult(title: string, locale?: QualityLocale): ParsedMetric {
  return readKeyResult(title, locale).metric;
}
