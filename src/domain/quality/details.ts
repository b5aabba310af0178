/** What each rule found, before it is put into words (see `messages.ts`). */
import type { Direction, RuleId } from './types.js';

export type FindingDetail =
  | {
      rule: 'kr-not-measurable';
      title: string;
      reason: 'no-target' | 'start-equals-target';
      value?: number;
      unit?: string;
      subject?: string;
    }
  | { rule: 'kr-is-activity'; title: string; outputCount?: number; outputUnit?: string }
  | { rule: 'kr-vague'; title: string; word: string; subject?: string; decrease: boolean }
  | {
      rule: 'kr-no-baseline';
      title: string;
      target?: number;
      unit?: string;
      direction: Direction;
    }
  | { rule: 'kr-no-owner'; title: string }
  | { rule: 'objective-has-metric'; title: string; metricText: string }
  | { rule: 'objective-too-few-krs'; title: string; count: number; min: number }
  | { rule: 'objective-too-many-krs'; title: string; count: number; max: number }
  | { rule: 'plan-too-many-objectives'; count: number; max: number }
  | { rule: 'weights-not-100'; scope: 'objectives' | 'keyResults'; title?: string; sum: number }
  | { rule: 'objective-not-aligned'; title: string }
  | {
      rule: 'kr-not-challenging';
      title: string;
      start: number;
      target: number;
      /** Improvement in percent (12.5 for 12.5 %). */
      change: number;
      /** The threshold in percent. */
      threshold: number;
      suggested: number;
      unit?: string;
      direction: Direction;
    };

/** The detail type of one rule. */
export type DetailOf<R extends RuleId> = Extract<FindingDetail, { rule: R }>;
