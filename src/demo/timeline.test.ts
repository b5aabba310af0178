import { describe, expect, it } from 'vitest';
import { checkInDates, demoCycles } from './timeline.js';

describe('demo check-ins', () => {
  it("stop before this week, so that the demo's KRs are due a check-in whatever the weekday", () => {
    // Friday 18:00 in Shanghai, after the demo's usual Friday 17:00 check-in
    const friday = new Date('2026-11-27T10:00:00.000Z');
    const dates = checkInDates(demoCycles(friday, 'Asia/Shanghai').quarter, friday, 7);
    // the previous Friday, 17:00 in Shanghai
    expect(dates.at(-1)?.toISOString()).toBe('2026-11-20T09:00:00.000Z');
    // on Monday of the same week the list is the same
    const monday = new Date('2026-11-23T02:00:00.000Z');
    expect(checkInDates(demoCycles(monday, 'Asia/Shanghai').quarter, monday, 7)).toEqual(dates);
  });
});
