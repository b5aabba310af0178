/** How a KR sentence is worded: does it describe work, is it vague, what is it about. */
import {
  EN_ACTIVITY_DONE,
  EN_ACTIVITY_VERBS,
  EN_VAGUE,
  ZH_ACTIVITY,
  ZH_EVENT_NOUN,
  ZH_VAGUE,
  ZH_VAGUE_VERB,
} from './lexicon.js';
import { normalizeText } from './numbers.js';

const HAN = /\p{Script=Han}/u;
/** Clause breaks for Chinese: punctuation and the joining words 并/并且/同时/和. */
const ZH_CLAUSE_BREAK = /[，,；;。、！!？?]|并且|并|同时|以及|和/;

/** Clause breaks for English: punctuation and joining words. */
const EN_CLAUSE_BREAK = /[,;:.()!?]|\b(?:and|then|while|so that|by|with)\b/i;
/** Words before the verb of an imperative clause that do not change it. */
const EN_LEAD_FILLER =
  /^(?:(?:we|we'll|we will|will|to|successfully|fully|also|first|finally|jointly|q[1-4]|h[12])\s+)*/i;

/** The work verb the sentence is built on (`上线`, `launch`), or undefined. */
export function findActivityVerb(text: string): string | undefined {
  const t = normalizeText(text);
  if (HAN.test(t)) {
    for (const m of t.matchAll(ZH_ACTIVITY)) {
      if (ZH_EVENT_NOUN.test(t.slice(m.index))) continue;
      // In 优化投放策略 the clause's verb is 优化; a work verb after it belongs to the object.
      const clauseStart = t.slice(0, m.index).split(ZH_CLAUSE_BREAK).pop() ?? '';
      if (ZH_VAGUE_VERB.test(clauseStart)) continue;
      return m[0];
    }
  }
  const done = EN_ACTIVITY_DONE.exec(t);
  if (done) return done[0].toLowerCase();
  for (const rawClause of t.split(EN_CLAUSE_BREAK)) {
    const clause = rawClause.trim().toLowerCase().replace(EN_LEAD_FILLER, '');
    for (const verb of EN_ACTIVITY_VERBS) {
      if (clause === verb || clause.startsWith(`${verb} `)) {
        if (/^run rate\b/.test(clause)) continue;
        return verb;
      }
    }
  }
  return undefined;
}

/** The vague word of the sentence (`提升`, `improve`, `better`), or undefined. */
export function findVagueWord(text: string): string | undefined {
  const t = normalizeText(text);
  return (ZH_VAGUE.exec(t) ?? EN_VAGUE.exec(t))?.[0];
}

/**
 * What a vague sentence is about: the words after its vague word up to the end of the clause
 * (`提升品牌在华东地区的知名度` → `品牌在华东地区的知名度`, `Improve the quality of support` →
 * `quality of support`), at most 32 characters; undefined when nothing usable is left.
 */
export function vagueSubject(text: string): string | undefined {
  const t = normalizeText(text).trim();
  const zh = ZH_VAGUE.exec(t);
  const m = zh ?? EN_VAGUE.exec(t);
  if (!m) return undefined;
  let after = t.slice(m.index + m[0].length);
  after = after.split(zh ? /[，,；;。！!？?]/ : /[,;:.!?]|\b(?:and|for|to|in|by|with)\b/i)[0] ?? '';
  after = zh
    ? after.replace(/^(?:的|了|对|与|和)/, '')
    : after.replace(/^\s*(?:the|our|a|an|on|of)\s+/i, '').replace(/^\s*(?:the|our)\s+/i, '');
  after = after.trim();
  if (after.length < 2) return undefined;
  return after.length > 32 ? `${after.slice(0, 32)}…` : after;
}

/** Whether a metric-like noun ends the subject (率/度/量… rate, score, time…). */
export function looksLikeMetric(subject: string): boolean {
  return /(?:率|度|量|数|值|额|分|成本|时间|时长|周期|占比|指数|人数|rate|score|time|cost|count|revenue|retention|conversion|churn|nps|csat|volume)$/i.test(
    subject.replace(/…$/, ''),
  );
}
