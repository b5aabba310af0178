import { describe, expect, it } from 'vitest';
import {
  bandCounts,
  checkInDiscipline,
  cycleWeek,
  daysBetween,
  relativeTargetChange,
} from './retrospective.js';

const Q4 = { startDate: '2026-10-01', endDate: '2026-12-31' };

describe('cycleWeek', () => {
  it('numbers the cycle in seven-day weeks from its first day', () => {
    expect(daysBetween('2026-10-01', '2026-10-08')).toBe(7);
    expect(cycleWeek('2026-10-01', '2026-10-01')).toBe(0);
    expect(cycleWeek('2026-10-01', '2026-10-07')).toBe(0);
    expect(cycleWeek('2026-10-01', '2026-10-08')).toBe(1);
    expect(cycleWeek('2026-10-01', '2026-09-30')).toBe(-1);
  });
});

describe('checkInDiscipline', () => {
  it('counts the KR-weeks so far and those with a check-in, once per week', () => {
    const d = checkInDiscipline(
      [
        { createdOn: '2026-09-20', checkInDates: ['2026-10-02', '2026-10-03', '2026-10-16'] },
        { createdOn: '2026-10-09', checkInDates: ['2026-10-09'] },
      ],
      Q4,
      '2026-10-20',
    );
    // today is in week 2: the first KR has weeks 0–2, the second (created in week 1) weeks 1–2
    expect(d).toEqual({ keyResultWeeks: 5, withCheckIn: 3, share: 3 / 5 });
  });

  it('stops at the cycle end and has no share before the cycle starts', () => {
    const after = checkInDiscipline(
      [{ createdOn: '2026-10-01', checkInDates: [] }],
      Q4,
      '2027-03-01',
    );
    expect(after.keyResultWeeks).toBe(14);
    expect(after.share).toBe(0);
    const before = checkInDiscipline(
      [{ createdOn: '2026-09-01', checkInDates: [] }],
      Q4,
      '2026-09-15',
    );
    expect(before).toEqual({ keyResultWeeks: 0, withCheckIn: 0, share: null });
  });
});

describe('bandCounts', () => {
  it('counts scores per band', () => {
    expect(bandCounts([1, 0.7, 0.69, 0.4, 0.39, 0])).toEqual({ green: 2, yellow: 2, red: 2 });
  });
});

describe('relativeTargetChange', () => {
  it('measures the move of the target against the planned distance', () => {
    expect(relativeTargetChange(0, 100, 80)).toBeCloseTo(0.2);
    expect(relativeTargetChange(50, 100, 150)).toBeCloseTo(1);
    expect(relativeTargetChange(10, 5, 4)).toBeCloseTo(0.2);
    expect(relativeTargetChange(5, 5, 7)).toBe(2);
  });
});
