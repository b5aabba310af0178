import { describe, expect, it } from 'vitest';
import {
  checkInBody,
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
