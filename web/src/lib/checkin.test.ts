import { describe, expect, it } from 'vitest';
import {
  checkInBody,
  checkInLists,
  emptyDraft,
  isDraftTouched,
  isDueForCheckIn,
  weekStart,
  type CheckInDraft,
} from './checkin';

const draft = (patch: Partial<CheckInDraft>): CheckInDraft => ({
  ...emptyDraft(() => 'k1'),
  ...patch,
});

describe('check-in', () => {
  it('is due when there was no check-in yet this week (weeks start on Monday)', () => {
    expect(weekStart('2026-11-27')).toBe('2026-11-23');
    expect(weekStart('2026-11-23')).toBe('2026-11-23');
    expect(weekStart('2026-11-29')).toBe('2026-11-23');
    expect(isDueForCheckIn(null, '2026-11-27')).toBe(true);
    expect(isDueForCheckIn('2026-11-20', '2026-11-27')).toBe(true);
    expect(isDueForCheckIn('2026-11-23', '2026-11-27')).toBe(false);
  });

  it('sends nothing for an untouched draft', () => {
    expect(checkInBody(undefined)).toEqual({ kind: 'empty' });
    expect(checkInBody(draft({}))).toEqual({ kind: 'empty' });
    expect(isDraftTouched(draft({ note: '  ' }))).toBe(false);
  });

  it('needs a number once anything is filled in', () => {
    expect(checkInBody(draft({ note: 'progress' }))).toEqual({ kind: 'invalid', reason: 'value' });
    expect(checkInBody(draft({ value: 'abc' }))).toEqual({ kind: 'invalid', reason: 'value' });
    expect(checkInBody(draft({ value: '5', confidence: 11 }))).toEqual({
      kind: 'invalid',
      reason: 'confidence',
    });
  });

  it('trims text and keeps the last confidence when it was not changed', () => {
    expect(
      checkInBody(draft({ value: ' 1,950 ', note: ' 白皮书带来线索 ', blockers: '' }), 7),
    ).toEqual({
      kind: 'ready',
      body: { value: 1950, confidence: 7, note: '白皮书带来线索' },
    });
    expect(
      checkInBody(draft({ value: '3', confidence: 4, blockers: 'waiting for sales' }), 7),
    ).toEqual({
      kind: 'ready',
      body: { value: 3, confidence: 4, blockers: 'waiting for sales' },
    });
    expect(checkInBody(draft({ value: '0' }))).toEqual({ kind: 'ready', body: { value: 0 } });
  });

  it('gives every new draft its own idempotency key', () => {
    let n = 0;
    const next = () => `key-${++n}`;
    expect(emptyDraft(next).idempotencyKey).not.toBe(emptyDraft(next).idempotencyKey);
  });
});

describe('the check-in lists', () => {
  const item = (
    id: string,
    o: { plan?: string; state?: string; source?: string; op?: number; kp?: number; due?: boolean },
  ) => ({
    keyResult: { id, progressSource: o.source ?? 'manual', priority: o.kp ?? 1 },
    objective: { priority: o.op ?? 1 },
    plan: { id: o.plan ?? 'p1', state: o.state ?? 'approved' },
    checkInDue: o.due ?? true,
  });

  it('lists due KRs first, then by plan, objective and KR priority; approved plans only', () => {
    const items = [
      item('done', { due: false }),
      item('p2-o1', { plan: 'p2' }),
      item('p1-o2', { op: 2 }),
      item('p1-o1-k2', { kp: 2 }),
      item('p1-o1-k1', { kp: 1 }),
      item('draft', { state: 'draft' }),
      item('aligned', { source: 'aligned' }),
      item('actions', { source: 'actions', state: 'in_review' }),
    ];
    const { manual, automatic } = checkInLists(items, (i) => i.checkInDue);
    expect(manual.map((i) => i.keyResult.id)).toEqual([
      'p1-o1-k1',
      'p1-o1-k2',
      'p1-o2',
      'p2-o1',
      'done',
    ]);
    expect(automatic.map((i) => i.keyResult.id)).toEqual(['aligned']);
    expect(checkInLists([], () => true)).toEqual({ manual: [], automatic: [] });
  });
});
