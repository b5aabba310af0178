/** Choosing a cycle and measuring time inside one. Dates are `YYYY-MM-DD`. */

export interface CycleLike {
  id: string;
  name: string;
  startDate: string;
  endDate: string;
  state: 'planning' | 'active' | 'reviewing' | 'closed';
  parentId?: string | null;
}

const DAY = 86_400_000;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date (calendar arithmetic, no time zone). */
export function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY);
}

/** `YYYY-MM-DD` of a day number. */
export function dateOfDay(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** Today as `YYYY-MM-DD` in `timeZone` (the organization's, e.g. Asia/Shanghai). */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  try {
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).formatToParts(now);
    const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    return `${get('year')}-${get('month')}-${get('day')}`;
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

/** Whether `date` falls inside the cycle (both ends included). */
export function contains(cycle: CycleLike, date: string): boolean {
  return cycle.startDate <= date && date <= cycle.endDate;
}

/** Length of the cycle in days (both ends included). */
export function lengthInDays(cycle: CycleLike): number {
  return dayNumber(cycle.endDate) - dayNumber(cycle.startDate) + 1;
}

/**
 * Elapsed fraction of the cycle at the start of `today`, clamped to [0, 1]. The server measures
 * to the current instant; this is what a chart needs per day.
 */
export function elapsedFraction(cycle: CycleLike, today: string): number {
  const total = lengthInDays(cycle);
  const elapsed = dayNumber(today) - dayNumber(cycle.startDate);
  return Math.min(1, Math.max(0, elapsed / total));
}

/**
 * The cycle to open by default:
 * 1. the shortest cycle containing today that is active or reviewing (a quarter before its year;
 *    a quarter being scored inside its active year is the quarter; on a tie the active one);
 * 2. else a reviewing cycle — it is scoring time: the one that ended last;
 * 3. else the latest-starting active one;
 * 4. else the latest-starting one of any state (planning or closed).
 */
export function pickDefaultCycle<C extends CycleLike>(
  cycles: readonly C[],
  today: string,
): C | null {
  const live = (c: C) => c.state === 'active' || c.state === 'reviewing';
  const current = cycles
    .filter((c) => live(c) && contains(c, today))
    .sort(
      (a, b) =>
        lengthInDays(a) - lengthInDays(b) ||
        Number(b.state === 'active') - Number(a.state === 'active'),
    );
  if (current[0]) return current[0];
  const reviewing = cycles
    .filter((c) => c.state === 'reviewing')
    .sort((a, b) => b.endDate.localeCompare(a.endDate) || lengthInDays(a) - lengthInDays(b));
  if (reviewing[0]) return reviewing[0];
  const byStart = (list: C[]) => [...list].sort((a, b) => b.startDate.localeCompare(a.startDate));
  return byStart(cycles.filter((c) => c.state === 'active'))[0] ?? byStart([...cycles])[0] ?? null;
}

/** Whether `outer` encloses `inner` (the same cycle, or its dates contain the other's). */
export function encloses(outer: CycleLike, inner: CycleLike): boolean {
  return (
    outer.id === inner.id || (outer.startDate <= inner.startDate && inner.endDate <= outer.endDate)
  );
}

/** The cycles an objective of `cycle` may align into: itself and those enclosing it. */
export function alignableCycles<C extends CycleLike>(cycle: C, cycles: readonly C[]): C[] {
  return cycles.filter((c) => encloses(c, cycle));
}
