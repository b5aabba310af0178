/** The weekly check-in: which key results are due, and what a filled-in form sends. */
import { parseNumberInput } from './progress';

/**
 * Due: never checked in, or not yet in the current week (weeks start on Monday, in the
 * organization's time zone). `lastCheckInDate` and `today` are `YYYY-MM-DD` in that zone.
 */
export function isDueForCheckIn(lastCheckInDate: string | null, today: string): boolean {
  if (!lastCheckInDate) return true;
  return lastCheckInDate < weekStart(today);
}

/** The Monday of the week of `date` (`YYYY-MM-DD`). */
export function weekStart(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return new Date(d.getTime() - weekday * 86_400_000).toISOString().slice(0, 10);
}

/** What a person typed for one key result (strings, as typed, so nothing is lost). */
export interface CheckInDraft {
  value: string;
  confidence: number | null;
  note: string;
  blockers: string;
  /** one key per attempt to save this draft: a retry returns the first result */
  idempotencyKey: string;
}

export interface CheckInBody {
  value: number;
  confidence?: number;
  note?: string;
  blockers?: string;
}

export type DraftResult =
  | { kind: 'empty' }
  | { kind: 'invalid'; reason: 'value' | 'confidence' }
  | { kind: 'ready'; body: CheckInBody };

/** Whether a draft has anything in it at all. */
export function isDraftTouched(d: CheckInDraft | undefined): boolean {
  return (
    d !== undefined &&
    (d.value.trim() !== '' ||
      d.confidence !== null ||
      d.note.trim() !== '' ||
      d.blockers.trim() !== '')
  );
}

/**
 * The body of a draft: a value is required once anything is filled in; confidence is a whole
 * number 0–10 (the key result's last confidence when not changed); note and blockers are trimmed
 * and left out when empty.
 */
export function checkInBody(
  d: CheckInDraft | undefined,
  lastConfidence: number | null = null,
): DraftResult {
  if (!d || !isDraftTouched(d)) return { kind: 'empty' };
  const value = parseNumberInput(d.value);
  if (value === null) return { kind: 'invalid', reason: 'value' };
  if (
    d.confidence !== null &&
    !(Number.isInteger(d.confidence) && d.confidence >= 0 && d.confidence <= 10)
  ) {
    return { kind: 'invalid', reason: 'confidence' };
  }
  const body: CheckInBody = { value };
  const confidence = d.confidence ?? lastConfidence;
  if (confidence !== null) body.confidence = confidence;
  if (d.note.trim() !== '') body.note = d.note.trim();
  if (d.blockers.trim() !== '') body.blockers = d.blockers.trim();
  return { kind: 'ready', body };
}

/** An empty draft with a fresh idempotency key. */
export function emptyDraft(newKey: () => string): CheckInDraft {
  return { value: '', confidence: null, note: '', blockers: '', idempotencyKey: newKey() };
}

/** What the check-in screen needs of one KR it lists (GET /key-results?ownerId=me). */
export interface CheckInItem {
  keyResult: { id: string; progressSource: string; priority: number };
  objective: { priority: number };
  plan: { id: string; state: string };
}

/**
 * The check-in screen's two lists from the KRs a person answers for: only approved plans take
 * check-ins; manual KRs are filled in (due first, then by plan, objective and KR priority), the
 * others move on their own (aligned, actions) and are only listed.
 */
export function checkInLists<T extends CheckInItem>(
  items: readonly T[],
  isDue: (item: T) => boolean,
): { manual: T[]; automatic: T[] } {
  const open = items.filter((i) => i.plan.state === 'approved');
  const manual = open
    .filter((i) => i.keyResult.progressSource === 'manual')
    .map((item) => ({ item, due: isDue(item) }))
    .sort(
      (a, b) =>
        Number(b.due) - Number(a.due) ||
        a.item.plan.id.localeCompare(b.item.plan.id) ||
        a.item.objective.priority - b.item.objective.priority ||
        a.item.keyResult.priority - b.item.keyResult.priority ||
        a.item.keyResult.id.localeCompare(b.item.keyResult.id),
    )
    .map((x) => x.item);
  const automatic = open.filter((i) => i.keyResult.progressSource !== 'manual');
  return { manual, automatic };
}
