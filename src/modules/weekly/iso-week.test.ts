import { describe, expect, it } from 'vitest';
import {
  checkInDueSince,
  formatIsoWeek,
  isoWeekDates,
  isoWeekOf,
  isoWeekRange,
  parseIsoWeek,
  weekdayOf,
  weeksInYear,
} from './iso-week.js';

describe('ISO weeks', () => {
  it('numbers weeks from the one holding the year’s first Thursday', () => {
    expect(formatIsoWeek(isoWeekOf('2026-11-27'))).toBe('2026-W48');
    expect(formatIsoWeek(isoWeekOf('2026-01-01'))).toBe('2026-W01');
    // 2021-01-03 is a Sunday that still belongs to 2020's last week
    expect(formatIsoWeek(isoWeekOf('2021-01-03'))).toBe('2020-W53');
    // 2024-12-30 is a Monday that already belongs to 2025
    expect(formatIsoWeek(isoWeekOf('2024-12-30'))).toBe('2025-W01');
  });

  it('knows 53-week years', () => {
    expect(weeksInYear(2020)).toBe(53);
    expect(weeksInYear(2026)).toBe(53);
    expect(weeksInYear(2025)).toBe(52);
  });

  it('parses only weeks that exist', () => {
    expect(parseIsoWeek('2026-W48')).toEqual({ year: 2026, week: 48 });
    expect(parseIsoWeek('2026-W53')).toEqual({ year: 2026, week: 53 });
    expect(parseIsoWeek('2025-W53')).toBeUndefined();
    expect(parseIsoWeek('2026-W00')).toBeUndefined();
    expect(parseIsoWeek('2026-48')).toBeUndefined();
    expect(parseIsoWeek('2026-W4')).toBeUndefined();
  });

  it('gives a week’s Monday and Sunday', () => {
    expect(isoWeekDates({ year: 2026, week: 48 })).toEqual({
      start: '2026-11-23',
      end: '2026-11-29',
    });
    expect(isoWeekDates({ year: 2025, week: 1 })).toEqual({
      start: '2024-12-30',
      end: '2025-01-05',
    });
    expect(weekdayOf('2026-11-23')).toBe(1);
    expect(weekdayOf('2026-11-29')).toBe(7);
  });

  it('turns a week into instants in the organization’s timezone', () => {
    expect(isoWeekRange({ year: 2026, week: 48 }, 'Asia/Shanghai')).toEqual({
      start: '2026-11-23',
      end: '2026-11-29',
      from: '2026-11-22T16:00:00.000Z',
      to: '2026-11-29T16:00:00.000Z',
    });
    // New York changes from daylight time in the first week of November 2026
    const ny = isoWeekRange({ year: 2026, week: 45 }, 'America/New_York');
    expect(ny.from).toBe('2026-11-02T05:00:00.000Z');
    const summer = isoWeekRange({ year: 2026, week: 27 }, 'America/New_York');
    expect(summer.from).toBe('2026-06-29T04:00:00.000Z');
  });

  it("starts the check-in week at Monday 00:00 in the organization's timezone", () => {
    // Friday 10:00 in Shanghai → Monday 2026-11-23 00:00 there
    expect(checkInDueSince(new Date('2026-11-27T02:00:00Z'), 'Asia/Shanghai')).toBe(
      '2026-11-22T16:00:00.000Z',
    );
    // Sunday 23:59 and Monday 00:00 in Shanghai belong to different weeks
    expect(checkInDueSince(new Date('2026-11-22T15:59:00Z'), 'Asia/Shanghai')).toBe(
      '2026-11-15T16:00:00.000Z',
    );
    expect(checkInDueSince(new Date('2026-11-22T16:00:00Z'), 'Asia/Shanghai')).toBe(
      '2026-11-22T16:00:00.000Z',
    );
    // New York left daylight saving time on Sunday 2026-11-01: Monday starts at 05:00 UTC
    expect(checkInDueSince(new Date('2026-11-04T12:00:00Z'), 'America/New_York')).toBe(
      '2026-11-02T05:00:00.000Z',
    );
    // the week that left it started under daylight saving time, at 04:00 UTC
    expect(checkInDueSince(new Date('2026-10-31T12:00:00Z'), 'America/New_York')).toBe(
      '2026-10-26T04:00:00.000Z',
    );
  });
});
