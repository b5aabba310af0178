import { describe, expect, it } from 'vitest';
import { dayNumber } from './cycles';
import {
  barDays,
  barGeometry,
  isOverdue,
  timelineSpan,
  timelineTicks,
  todayOffset,
  type TimelineItem,
} from './timeline';

const cycle = { startDate: '2026-10-01', endDate: '2026-12-31' };
const item = (
  startDate: string | null,
  dueDate: string | null,
  state: TimelineItem['state'] = 'todo',
): TimelineItem => ({ id: 'a', startDate, dueDate, state });

describe('timeline', () => {
  it('spans the cycle, widened to every action', () => {
    const span = timelineSpan(cycle, [item('2026-09-20', '2026-10-10'), item(null, '2027-01-05')]);
    expect(span.start).toBe(dayNumber('2026-09-20'));
    expect(span.end).toBe(dayNumber('2027-01-05'));
  });

  it('draws a bar from start to due, one day when a date is missing', () => {
    expect(barDays(item('2026-10-01', '2026-10-10'))).toEqual({
      from: dayNumber('2026-10-01'),
      to: dayNumber('2026-10-10'),
    });
    expect(barDays(item(null, '2026-10-10'))).toEqual({
      from: dayNumber('2026-10-10'),
      to: dayNumber('2026-10-10'),
    });
    expect(barDays(item('2026-10-10', '2026-10-01'))).toEqual({
      from: dayNumber('2026-10-01'),
      to: dayNumber('2026-10-10'),
    });
    expect(barDays(item(null, null))).toBeNull();
  });

  it('places bars and today in percent of the span', () => {
    const span = { start: 0, end: 99 };
    expect(barGeometry(span, { from: 0, to: 9 })).toEqual({ left: 0, width: 10 });
    expect(barGeometry(span, { from: 90, to: 120 })).toEqual({ left: 90, width: 10 });
    expect(
      todayOffset({ start: dayNumber('2026-10-01'), end: dayNumber('2026-10-10') }, '2026-10-01'),
    ).toBeCloseTo(5);
    expect(
      todayOffset({ start: dayNumber('2026-10-01'), end: dayNumber('2026-10-10') }, '2026-11-01'),
    ).toBeNull();
  });

  it('marks actions overdue as the server does', () => {
    expect(isOverdue(item('2026-10-01', '2026-10-10'), '2026-10-11')).toBe(true);
    expect(isOverdue(item('2026-10-01', '2026-10-10'), '2026-10-10')).toBe(false);
    expect(isOverdue(item('2026-10-01', '2026-10-10', 'done'), '2026-11-01')).toBe(false);
    expect(isOverdue(item('2026-10-01', '2026-10-10', 'cancelled'), '2026-11-01')).toBe(false);
    expect(isOverdue(item('2026-10-01', null), '2026-11-01')).toBe(false);
  });

  it('ticks months, or Mondays for short spans', () => {
    const months = timelineTicks({ start: dayNumber('2026-10-01'), end: dayNumber('2026-12-31') });
    expect(months.map((t) => t.date)).toEqual(['2026-10-01', '2026-11-01', '2026-12-01']);
    const weeks = timelineTicks({ start: dayNumber('2026-11-01'), end: dayNumber('2026-11-20') });
    expect(weeks.map((t) => t.date)).toEqual(['2026-11-02', '2026-11-09', '2026-11-16']);
  });
});
