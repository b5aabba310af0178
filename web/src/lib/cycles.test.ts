import { describe, expect, it } from 'vitest';
import {
  alignableCycles,
  dateOfDay,
  dayNumber,
  elapsedFraction,
  encloses,
  pickDefaultCycle,
  todayIn,
  type CycleLike,
} from './cycles';

const year: CycleLike = {
  id: 'y',
  name: '2026',
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  state: 'active',
};
const q4: CycleLike = {
  id: 'q',
  name: 'Q4',
  startDate: '2026-10-01',
  endDate: '2026-12-31',
  state: 'active',
  parentId: 'y',
};
const q1next: CycleLike = {
  id: 'n',
  name: 'Q1',
  startDate: '2027-01-01',
  endDate: '2027-03-31',
  state: 'planning',
};

describe('cycles', () => {
  it('counts days without time zones', () => {
    expect(dateOfDay(dayNumber('2026-11-27'))).toBe('2026-11-27');
    expect(dayNumber('2026-01-02') - dayNumber('2026-01-01')).toBe(1);
  });

  it('opens the shortest active cycle containing today', () => {
    expect(pickDefaultCycle([year, q4, q1next], '2026-11-27')?.id).toBe('q');
    expect(pickDefaultCycle([year, q1next], '2027-02-01')?.id).toBe('y');
    expect(pickDefaultCycle([q1next], '2026-11-27')?.id).toBe('n');
    expect(pickDefaultCycle([], '2026-11-27')).toBeNull();
  });

  it('opens the cycle being scored when no active cycle contains today', () => {
    const scoring = (c: CycleLike): CycleLike => ({ ...c, state: 'reviewing' });
    const closed = (c: CycleLike): CycleLike => ({ ...c, state: 'closed' });
    const q3: CycleLike = {
      id: 'q3',
      name: 'Q3',
      startDate: '2026-07-01',
      endDate: '2026-09-30',
      state: 'closed',
    };
    const nextYear: CycleLike = {
      id: 'y2',
      name: '2027',
      startDate: '2027-01-01',
      endDate: '2027-12-31',
      state: 'planning',
    };
    // January: Q4 is being scored, Q1 and the new year are still in planning
    expect(pickDefaultCycle([closed(year), scoring(q4), q1next, nextYear], '2027-01-06')?.id).toBe(
      'q',
    );
    // the reviewing one wins over a later closed one, and over planning ones in the future
    expect(pickDefaultCycle([scoring(q3), closed(q4), q1next], '2027-01-06')?.id).toBe('q3');
    // two being scored: the one that ended last; on the same end, the shorter one
    expect(pickDefaultCycle([scoring(q3), scoring(year), q1next], '2027-01-06')?.id).toBe('y');
    expect(pickDefaultCycle([scoring(year), scoring(q3), scoring(q4)], '2027-01-06')?.id).toBe('q');
    // scored early, inside its active year: the quarter, not the year
    expect(pickDefaultCycle([year, scoring(q4), q1next], '2026-12-20')?.id).toBe('q');
    // an active quarter containing today still wins over a year being scored
    expect(pickDefaultCycle([scoring(year), q4], '2026-12-20')?.id).toBe('q');
    // the same dates, active and reviewing: the active one
    expect(pickDefaultCycle([scoring({ ...q4, id: 'r' }), q4], '2026-12-20')?.id).toBe('q');
    // a reviewing cycle before an active one that does not contain today
    expect(pickDefaultCycle([scoring(q3), { ...q1next, state: 'active' }], '2026-12-01')?.id).toBe(
      'q3',
    );
    // nothing active or reviewing: the latest-starting cycle of any state, as before
    expect(pickDefaultCycle([closed(q3), closed(q4), q1next], '2026-12-01')?.id).toBe('n');
  });

  it('measures the elapsed fraction of a cycle', () => {
    expect(elapsedFraction(q4, '2026-10-01')).toBe(0);
    expect(elapsedFraction(q4, '2027-01-05')).toBe(1);
    expect(elapsedFraction(q4, '2026-11-15')).toBeCloseTo(45 / 92);
  });

  it('knows which cycles enclose another', () => {
    expect(encloses(year, q4)).toBe(true);
    expect(encloses(q4, year)).toBe(false);
    expect(alignableCycles(q4, [year, q4, q1next]).map((c) => c.id)).toEqual(['y', 'q']);
  });

  it("reads today in the organization's time zone", () => {
    const at = new Date('2026-11-26T17:30:00Z');
    expect(todayIn('Asia/Shanghai', at)).toBe('2026-11-27');
    expect(todayIn('UTC', at)).toBe('2026-11-26');
    expect(todayIn('Not/AZone', at)).toBe('2026-11-26');
  });
});
