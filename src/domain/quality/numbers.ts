/**
 * Reading the numbers of a KR sentence, in Chinese (`8%`, `百分之八`, `2万`, `1.5亿`, `三成`, `翻一番`,
 * `1.5倍`, `三家`) and English (`12%`, `$2M`, `15k`, `2,000`, `double`, `by half`).
 *
 * Numbers that are not quantities (dates, quarters, versions, ordinals, standards, labels like `P1`,
 * `7日留存`, `24/7`, `双十一`) are masked out first, so `Q3前上线新版官网` has no number.
 */

/** What kind of quantity a number is. */
export type NumberKind =
  'plain' | 'count' | 'percent' | 'points' | 'multiple' | 'currency' | 'duration' | 'score';

/** A quantity found in a sentence; offsets index the normalized text. */
export interface NumberToken {
  start: number;
  end: number;
  value: number;
  kind: NumberKind;
  /** `%`, `CNY`, `USD`, `EUR`, `GBP`, a time unit (`天`, `hours`), a classifier (`家`) or `分`. */
  unit?: string;
  /** Followed by `+` (`10万+`): at least. */
  plus?: boolean;
}

/** The character masked spans are replaced with: neither a digit, a letter, a space nor Han. */
export const MASK = '\u0001';

/**
 * Full-width ASCII (`１２％`, `（`) to ASCII and the ideographic space to a space. Keeps the length,
 * so offsets in the result are offsets in the input.
 */
export function normalizeText(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

const CN_DIGIT: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_SMALL_UNIT: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/**
 * The value of a Chinese numeral: `十五` → 15, `一百二十` → 120, `三万五千` → 35000,
 * `1.5` is not handled here (Arabic digits are read elsewhere), `三点五` → 3.5. NaN when not a numeral.
 */
export function parseChineseNumeral(text: string): number {
  const [whole = '', decimals] = text.split('点');
  let total = 0;
  let section = 0;
  let digit = -1;
  for (const ch of whole) {
    const d = CN_DIGIT[ch];
    const small = CN_SMALL_UNIT[ch];
    if (d !== undefined) {
      digit = d;
    } else if (small !== undefined) {
      section += (digit < 0 ? 1 : digit) * small;
      digit = -1;
    } else if (ch === '万') {
      total += (section + Math.max(digit, 0) || (total === 0 ? 1 : 0)) * 1e4;
      section = 0;
      digit = -1;
    } else if (ch === '亿') {
      total = (total + section + Math.max(digit, 0) || 1) * 1e8;
      section = 0;
      digit = -1;
    } else {
      return NaN;
    }
  }
  let value = total + section + Math.max(digit, 0);
  if (decimals !== undefined) {
    let scale = 0.1;
    for (const ch of decimals) {
      const d = CN_DIGIT[ch];
      if (d === undefined) return NaN;
      value += d * scale;
      scale /= 10;
    }
  }
  return cleanFloat(value);
}

/** Removes float noise: 1.1 * 10000 → 11000, not 11000.000000000002. */
export function cleanFloat(n: number): number {
  return Number(n.toPrecision(12));
}

// ---------------------------------------------------------------------------------------------
// Masking what is not a quantity

const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const CN_NUM = '零〇一二两三四五六七八九十百千万亿';

/** Spans that look like numbers but are dates, labels, versions or qualifiers. */
const NOT_QUANTITY: readonly RegExp[] = [
  // Chinese dates and periods
  /\d{4}\s*(?:年度|财年|年)/g,
  /\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?(?:份|底|初|中|末)?/g,
  /[一二三四五六七八九十]+月(?:份|底|初|中|末)?/g,
  /(?:第\s*)?[一二三四1-4]\s*季度/g,
  /第\s*[\d一二两三四五六七八九十百]+/g,
  /双\s*(?:十一|十二|11|12)|618(?=大促|购物节|活动|期间)/g,
  // Chinese words that contain numerals but are not numbers
  /进一步|一些|一定|一致|一起|一体化|一站式|一线|一流|一键|统一|唯一|单一|一次性|万一|十分(?!钟)|百度|千人千面|二次|一方面|一步|一般|一直|一切|一旦|一样|一下|一同|一并|一系列|一揽子|三方|一对[一多]|一把手|一手|万物|[一二三四五]星级?|[一二三四五]级|千万(?![元人个家级])/g,
  // qualifiers: 7日留存率, 30天内回款率, 2小时内响应率, 七日留存
  /\d+\s*个?(?:日|天|周|月|小时|分钟)(?:内|之内)?(?=[\u4e00-\u9fffA-Za-z]{0,6}?(?:率|留存|活跃|复购|回购))/g,
  /[一二三四五六七八九十]+\s*[日天周](?=留存|活跃|复购)/g,
  // versions
  /\d+(?:\.\d+)+\s*(?=版|平台|系统)|\d+(?:\.\d+)?\s*版本?/g,
  /\b\d+\.\d+(?=\s*(?:platform|release|version|beta|app)\b)/gi,
  // English dates and years
  new RegExp(`\\b(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?\\b(?:,?\\s*(?:19|20)\\d{2})?`, 'gi'),
  new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTHS})\\b`, 'gi'),
  /\b(?:in|by|during|since|until|till|through|before|after|end|early|late|mid|year)[\s-]+'?(?:19|20)\d{2}\b(?![%.,]?\d|\s*[kKmM%])/gi,
  /^\s*(?:19|20)\d{2}(?=\s*(?:[:,]|$|\s+(?:Q[1-4]|H[12]|OKRs?|plan|goals?|targets?)\b))/g,
  /\b(?:FY|CY)\s*'?\d{2,4}\b/gi,
  /\b(?:the|our|this|its|their|a|an|next|last)\s+(?:19|20)\d{2}\b(?![%.,]?\d|\s*[kKmM%]|\s+(?:new|more|paying|active|qualified)\b)/gi,
  /\b(?:19|20)\d{2}(?=\s+(?:state|report|plan|roadmap|budget|strategy|season|edition|conference|summit|annual|kick-?off|qbr|okrs?|goals?|targets?|survey|benchmark|pricing|campaign)\b)/gi,
  /\b\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\b/g,
  /\b24\s*\/\s*7\b|\b7\s*[x×*]\s*24\b/gi,
  // labels: Q3, H1, P1, D30, v2.0, p95, B2B, K8s; ISO 27001, SOC2, Tier 1, #1, 1对1
  // (a longer acronym glued to a number is a metric: NPS40, CSAT90%)
  /\b(?!(?:RMB|USD|CNY|EUR|US)\d)(?:[A-Za-z]{1,2}\d[\w.]*|[A-Za-z]+\d+[A-Za-z][\w.]*)/g,
  /\b(?:ISO|SOC|PCI(?:\s*DSS)?|Tier|Level|Phase|Stage|Sprint|Round|Version|Wave|Gen|Series|Top|Day|Week|Month|Step)[\s-]*\d[\d.-]*(?:\s*Type\s*(?:I{1,3}|\d))?/gi,
  /#\s?\d+/g,
  /\d+\s*对\s*\d+/g,
  // English qualifiers and ordinals: 7-day retention, 30 day active, 2nd
  /\b\d+(?:\.\d+)?-(?:day|week|month|year|hour|minute|second|step|factor)s?\b/gi,
  /\b\d+\s+(?:day|week|month)\s+(?=retention|active|churn|return|repeat|payback|trial)/gi,
  /\b\d+(?:st|nd|rd|th)\b/gi,
  // frequencies: 每两周, 每3天, every 2 weeks
  /每\s*[\d一二两三四五六七八九十]+\s*个?(?:天|日|周|星期|月|季度|年|小时)/g,
  /\bevery\s+\d+\s+(?:days?|weeks?|months?|quarters?|years?|hours?)\b/gi,
];

/** The normalized text with every non-quantity span replaced by `MASK` characters. */
export function maskNonQuantities(text: string): string {
  let masked = text;
  for (const re of NOT_QUANTITY) {
    masked = masked.replace(re, (span) =>
      /^(?:RMB|USD|CNY|EUR|US)\d/i.test(span) ? span : MASK.repeat(span.length),
    );
  }
  return masked;
}

// ---------------------------------------------------------------------------------------------
// Scanning quantities

interface Suffix {
  end: number;
  multiplier: number;
  kind: NumberKind;
  unit?: string;
  plus?: boolean;
  /** A unit was read (something other than a bare number). */
  hasUnit: boolean;
}

const MULTIPLIERS: ReadonlyArray<[RegExp, number]> = [
  [/万亿/y, 1e12],
  [/千万/y, 1e7],
  [/百万/y, 1e6],
  [/亿/y, 1e8],
  [/万/y, 1e4],
  [/千(?![克米瓦])/y, 1e3],
  [/ ?thousand\b/iy, 1e3],
  [/ ?(?:million|mn|mm)\b/iy, 1e6],
  [/ ?(?:billion|bn)\b/iy, 1e9],
  [/k(?![a-z])/iy, 1e3],
  [/m(?![a-z])/iy, 1e6],
  [/b(?![a-z])/iy, 1e9],
];

const CURRENCY_SUFFIX: ReadonlyArray<[RegExp, string]> = [
  [/ ?(?:元|块钱|块|人民币)/y, 'CNY'],
  [/ ?(?:美元|美金)/y, 'USD'],
  [/ ?欧元/y, 'EUR'],
  [/ ?英镑/y, 'GBP'],
  [/ ?(?:dollars?|usd)\b/iy, 'USD'],
  [/ ?(?:rmb|cny|yuan)\b/iy, 'CNY'],
  [/ ?(?:eur|euros?)\b/iy, 'EUR'],
];

const DURATION_SUFFIX: ReadonlyArray<[RegExp, string]> = [
  [/个?工作日/y, '工作日'],
  [/个?(?:小时|钟头)/y, '小时'],
  [/分钟/y, '分钟'],
  [/(?:毫秒)/y, '毫秒'],
  [/秒钟?/y, '秒'],
  [/天/y, '天'],
  [/个?(?:周|星期)/y, '周'],
  [/个月/y, '月'],
  [/年/y, '年'],
  [/日(?![报志常程])/y, '日'],
  [/ ?(?:business|working) days?\b/iy, 'business days'],
  [/ ?days?\b/iy, 'days'],
  [/ ?(?:hours?|hrs?|h)\b/iy, 'hours'],
  [/ ?(?:minutes?|mins?)\b/iy, 'minutes'],
  [/ ?(?:milliseconds?|ms)\b/iy, 'ms'],
  [/ ?(?:seconds?|secs?|s)\b/iy, 'seconds'],
  [/ ?(?:weeks?|wks?)\b/iy, 'weeks'],
  [/ ?(?:months?|mos?)\b/iy, 'months'],
  [/ ?(?:years?|yrs?)\b/iy, 'years'],
];

/** Chinese classifiers that make a number a count (`20家`, `500条`, `3场`). */
export const COUNT_CLASSIFIERS =
  '人次|家次|个|家|名|位|人|条|场|次|篇|单|件|款|项|份|台|套|户|笔|张|本|期|门|节|支|座|所|辆|部|册|页|封|通|组|批|轮|例|起|处|只|首|集';
const COUNT_SUFFIX = new RegExp(`(${COUNT_CLASSIFIERS})`, 'y');

function sticky(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

/** Reads what follows a number: multiplier, then percent/points/multiple, currency, time, classifier. */
function readSuffix(text: string, at: number, allowMultiplier: boolean): Suffix {
  const s: Suffix = { end: at, multiplier: 1, kind: 'plain', hasUnit: false };
  let i = at;
  if (allowMultiplier) {
    for (const [re, factor] of MULTIPLIERS) {
      const m = sticky(re, text, i);
      if (m) {
        s.multiplier *= factor;
        i += m[0].length;
        // 1.5万亿 is read as one multiplier; 3千万 likewise
        break;
      }
    }
  }
  const trySet = (re: RegExp, kind: NumberKind, unit?: string): boolean => {
    const m = sticky(re, text, i);
    if (!m) return false;
    s.kind = kind;
    if (unit !== undefined) s.unit = unit;
    s.hasUnit = true;
    i += m[0].length;
    return true;
  };
  const found =
    trySet(/ ?%/y, 'percent', '%') ||
    trySet(/ ?(?:percent|per cent|pct)\b/iy, 'percent', '%') ||
    trySet(/个?百分点/y, 'points', '%') ||
    trySet(/ ?(?:pp|percentage points?)\b/iy, 'points', '%') ||
    trySet(/ ?(?:倍|[x×](?![a-z]))/iy, 'multiple') ||
    CURRENCY_SUFFIX.some(([re, unit]) => trySet(re, 'currency', unit)) ||
    DURATION_SUFFIX.some(([re, unit]) => trySet(re, 'duration', unit)) ||
    trySet(/分(?!钟|之|享|析|布|配|类|别|层|公司|销|解|成|摊|期)/y, 'score', '分') ||
    trySet(/星/y, 'score', '星') ||
    trySet(/-stars?\b/iy, 'score', 'stars') ||
    trySet(/ ?points?\b/iy, 'plain', 'points');
  if (!found) {
    const m = sticky(COUNT_SUFFIX, text, i);
    if (m?.[1]) {
      s.kind = 'count';
      s.unit = m[1];
      s.hasUnit = true;
      i += m[0].length;
    }
  }
  const scale = sticky(/ ?\/ ?(?:5|10|100)\b/y, text, i);
  if (scale) i += scale[0].length;
  const plus = sticky(/ ?\+/y, text, i);
  if (plus) {
    s.plus = true;
    i += plus[0].length;
  }
  s.end = i;
  return s;
}

const CURRENCY_PREFIX: ReadonlyArray<[RegExp, string]> = [
  [/(?:US\$|\$|USD ?)/y, 'USD'],
  [/(?:¥|￥|RMB ?|CNY ?)/y, 'CNY'],
  [/(?:€|EUR ?)/y, 'EUR'],
  [/£/y, 'GBP'],
];

const ARABIC = /(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?/y;
const CN_RUN = new RegExp(`[${CN_NUM}]+(?:点[零〇一二两三四五六七八九]+)?`, 'y');
const CN_MAGNITUDE = /[十百千万亿]/;
const CN_NUM_CHAR = new RegExp(`[${CN_NUM}]`);
const EN_WORD_NUMBER: Readonly<Record<string, number>> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
};
const EN_WORD = new RegExp(`(${Object.keys(EN_WORD_NUMBER).join('|')})\\b(?!-)`, 'iy');
const EN_MULTIPLE: ReadonlyArray<[RegExp, number]> = [
  [/(?:double|doubles|doubled|doubling)\b/iy, 2],
  [/(?:triple|triples|tripled|tripling)\b/iy, 3],
  [/(?:quadruple|quadruples|quadrupled)\b/iy, 4],
  [/(?:halve|halves|halved|halving)\b/iy, 0.5],
  [/(?:by|in) half\b/iy, 0.5],
];
/** Verbs of change: `一倍`/`一半` after them are relative (增长一倍, 减少一半). */
const CN_CHANGE_BEFORE =
  /(?:增长|提升|提高|增加|扩大|上涨|翻|降低|减少|下降|缩短|压缩|缩减|削减|减)了?$/;

function isAsciiLetter(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z]/.test(ch);
}

/**
 * Every quantity in `masked` (the output of `maskNonQuantities`), in order. Bare Chinese numerals
 * count only with a unit or a magnitude (`三家`, `五十`, `十万`); a lone `一` with a classifier is an
 * article (`建立一套体系`), not a number.
 */
export function scanNumbers(masked: string): NumberToken[] {
  const tokens: NumberToken[] = [];
  let i = 0;
  while (i < masked.length) {
    const token = readTokenAt(masked, i);
    if (token) {
      tokens.push(token);
      i = Math.max(token.end, i + 1);
    } else {
      i += 1;
    }
  }
  return tokens;
}

function readTokenAt(text: string, i: number): NumberToken | null {
  const prev = text[i - 1];
  const wordStart =
    (!isAsciiLetter(prev) && !(prev !== undefined && /[\d.]/.test(prev))) ||
    /(?:^|[^A-Za-z])[A-Z]{3,}$/.test(text.slice(Math.max(0, i - 8), i));

  // 百分之八, 百分之12.5, 百分百
  let m = sticky(/百分之\s*(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百点]+)/y, text, i);
  if (m?.[1]) {
    const raw = m[1];
    const value = /\d/.test(raw) ? Number(raw) : parseChineseNumeral(raw);
    if (Number.isFinite(value)) {
      const suffix = readSuffix(text, i + m[0].length, false);
      return token(i, suffix.end, value, 'percent', '%', suffix.plus);
    }
  }
  m = sticky(/百分百/y, text, i);
  if (m) return token(i, i + m[0].length, 100, 'percent', '%');

  // 翻一番, 翻两番, 翻番, 翻倍
  m = sticky(/翻\s*([一两二三四])?\s*番|翻倍/y, text, i);
  if (m) {
    const times = m[1] ? parseChineseNumeral(m[1]) : 1;
    return token(i, i + m[0].length, m[0] === '翻倍' ? 2 : 2 ** times, 'multiple');
  }
  // 增长一倍 (double), 减少一半 (halve), 一半以上 (half of)
  m = sticky(/一倍|一半|减半/y, text, i);
  if (m) {
    const before = text.slice(Math.max(0, i - 3), i);
    if (m[0] === '减半') return token(i, i + 2, 0.5, 'multiple');
    if (CN_CHANGE_BEFORE.test(before)) {
      return token(i, i + 2, m[0] === '一倍' ? 2 : 0.5, 'multiple');
    }
    if (m[0] === '一半') return token(i, i + 2, 50, 'percent', '%');
  }

  if (wordStart) {
    for (const [re, factor] of EN_MULTIPLE) {
      m = sticky(re, text, i);
      if (m) return token(i, i + m[0].length, factor, 'multiple');
    }
  }

  // Arabic digits, with an optional currency sign before
  if (wordStart || prev === '$') {
    let at = i;
    let currency: string | undefined;
    for (const [re, code] of CURRENCY_PREFIX) {
      const c = sticky(re, text, at);
      if (c) {
        currency = code;
        at += c[0].length;
        break;
      }
    }
    const num = sticky(ARABIC, text, at);
    if (num?.[1] && (at === i || currency)) {
      const base = Number(num[1].replace(/,/g, '') + (num[2] ?? ''));
      const suffix = readSuffix(text, at + num[0].length, true);
      if (!suffix.hasUnit && isAsciiLetter(text[suffix.end])) return null; // 5G, 3D
      let kind = suffix.kind;
      let unit = suffix.unit;
      if (currency && (kind === 'plain' || kind === 'count')) {
        kind = 'currency';
        unit = currency;
      }
      if (kind === 'multiple') return token(i, suffix.end, base, 'multiple');
      return token(i, suffix.end, cleanFloat(base * suffix.multiplier), kind, unit, suffix.plus);
    }
  }

  // Chinese numerals
  m = sticky(CN_RUN, text, i);
  if (m && !(prev !== undefined && CN_NUM_CHAR.test(prev))) {
    const run = m[0];
    const after = i + run.length;
    // 三成 = 30%, 三成五 = 35%
    const cheng = sticky(
      /成([一二三四五六七八九])?(?![功为立本长熟果就绩交员型品效都])/y,
      text,
      after,
    );
    if (cheng && /^[一二两三四五六七八九十]$/.test(run)) {
      const tenths = parseChineseNumeral(run) * 10 + (cheng[1] ? parseChineseNumeral(cheng[1]) : 0);
      const suffix = readSuffix(text, after + cheng[0].length, false);
      return token(i, suffix.end, tenths, 'percent', '%', suffix.plus);
    }
    const value = parseChineseNumeral(run);
    if (!Number.isFinite(value)) return null;
    // 零: a target of zero (事故为零, 降至零, 零投诉), not 零售 or 零部件
    if (/^[零〇]$/.test(run)) {
      const before = text.slice(Math.max(0, i - 2), i);
      const zero =
        /(?:为|到|至|是|实现|保持|清)$/.test(before) ||
        /^(?:事故|投诉|故障|差评|缺陷|宕机|逾期|丢失|遗漏|违规|漏洞|重大|严重)/.test(
          text.slice(after),
        );
      return zero ? token(i, after, 0, 'plain') : null;
    }
    const suffix = readSuffix(text, after, false);
    if (suffix.kind === 'multiple') return token(i, suffix.end, value, 'multiple');
    const lone = run.length === 1;
    if (lone && run === '一') return null;
    if (!suffix.hasUnit && (lone || !CN_MAGNITUDE.test(run))) return null;
    return token(i, suffix.end, value, suffix.kind, suffix.unit, suffix.plus);
  }

  // two, three … hundred (English words; `one` is left out: it is mostly an article)
  if (wordStart) {
    m = sticky(/zero\b(?!-)/iy, text, i);
    if (m) return token(i, i + m[0].length, 0, 'plain');
    m = sticky(EN_WORD, text, i);
    if (m?.[1] && /^\s+[A-Za-z%]/.test(text.slice(i + m[0].length))) {
      const value = EN_WORD_NUMBER[m[1].toLowerCase()];
      if (value !== undefined) {
        const suffix = readSuffix(text, i + m[0].length, true);
        return token(
          i,
          suffix.end,
          cleanFloat(value * suffix.multiplier),
          suffix.kind,
          suffix.unit,
        );
      }
    }
  }
  return null;
}

function token(
  start: number,
  end: number,
  value: number,
  kind: NumberKind,
  unit?: string,
  plus?: boolean,
): NumberToken {
  const t: NumberToken = { start, end, value, kind };
  if (unit !== undefined) t.unit = unit;
  if (plus) t.plus = true;
  return t;
}
