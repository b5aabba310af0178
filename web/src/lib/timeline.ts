/** Date math of the timeline (a Gantt chart of actions grouped by key result). */
import { dateOfDay, dayNumber } from './cycles';

export interface TimelineItem {
  id: string;
  startDate: string | null;
  dueDate: string | null;
  state: 'todo' | 'in_progress' | 'done' | 'blocked' | 'cancelled';
}

export interface Span {
  /** first day shown (day number) */
  start: number;
  /** last day shown (day number), ≥ start */
  end: number;
}

/** The days to show: the cycle, widened to every action's dates. */
export function timelineSpan(
  cycle: { startDate: string; endDate: string },
  items: readonly TimelineItem[],
): Span {
  let start = dayNumber(cycle.startDate);
  let end = dayNumber(cycle.endDate);
  for (const item of items) {
    for (const d of [item.startDate, item.dueDate]) {
      if (!d) continue;
      const n = dayNumber(d);
      if (n < start) start = n;
      if (n > end) end = n;
    }
  }
  return { start, end: Math.max(start, end) };
}

/** A bar's days: start..due; a missing start is the due day, a missing due the start day. */
export function barDays(item: TimelineItem): { from: number; to: number } | null {
  const s = item.startDate ? dayNumber(item.startDate) : null;
  const d = item.dueDate ? dayNumber(item.dueDate) : null;
  if (s === null && d === null) return null;
  const from = s ?? (d as number);
  const to = d ?? from;
  return to >= from ? { from, to } : { from: to, to: from };
}

/** Left offset and width, in percent of the span, of the days from..to (whole days). */
export function barGeometry(
  span: Span,
  days: { from: number; to: number },
): { left: number; width: number } {
  const total = span.end - span.start + 1;
  const from = Math.max(span.start, days.from);
  const to = Math.min(span.end, days.to);
  const left = ((from - span.start) / total) * 100;
  const width = (Math.max(0, to - from + 1) / total) * 100;
  return { left, width };
}

/** Where today's line sits, in percent of the span (its middle), or null outside the span. */
export function todayOffset(span: Span, today: string): number | null {
  const t = dayNumber(today);
  if (t < span.start || t > span.end) return null;
  return ((t - span.start + 0.5) / (span.end - span.start + 1)) * 100;
}

/** Overdue: due before today and neither done nor cancelled (as the server defines it). */
export function isOverdue(item: TimelineItem, today: string): boolean {
  return (
    item.dueDate !== null &&
    item.dueDate < today &&
    item.state !== 'done' &&
    item.state !== 'cancelled'
  );
}

export interface Tick {
  day: number;
  date: string;
  offset: number;
}

/** Ticks at the first of each month inside the span (weeks when the span is under 45 days). */
export function timelineTicks(span: Span): Tick[] {
  const total = span.end - span.start + 1;
  const ticks: Tick[] = [];
  if (total < 45) {
    // Mondays
    for (let d = span.start; d <= span.end; d++) {
      // 1970-01-01 was a Thursday: day 4 is a Monday
      if ((((d - 4) % 7) + 7) % 7 === 0) ticks.push(tick(span, d));
    }
    return ticks;
  }
  for (let d = span.start; d <= span.end; d++) {
    if (dateOfDay(d).endsWith('-01')) ticks.push(tick(span, d));
  }
  return ticks;
}

function tick(span: Span, day: number): Tick {
  return {
    day,
    date: dateOfDay(day),
    offset: ((day - span.start) / (span.end - span.start + 1)) * 100,
  };
}
