/** The weekly check-in: which key results are due, and what a filled-in form sends. */
import { parseNumberInput } from './progress';

/** A key result is due a check-in when its last one is at least this many days old. */
export const CHECK_IN_INTERVAL_DAYS = 7;

/** Due: never checked in, or the last check-in is `intervalDays` or more old. */
export function isDueForCheckIn(
  lastCheckInAt: string | null,
  now: Date,
  intervalDays = CHECK_IN_INTERVAL_DAYS,
): boolean {
  if (!lastCheckInAt) return true;
  const last = Date.parse(lastCheckInAt);
  if (!Number.isFinite(last)) return true;
  return now.getTime() - last >= intervalDays * 86_400_000 - 60_000;
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
    (d.value.trim() !== '' || d.confidence !== null || d.note.trim() !== '' || d.blockers.trim() !== '')
  );
}

/**
 * The body of a draft: a value is required once anything is filled in; confidence is a whole
 * number 0–10 (the key result's last confidence when not changed); note and blockers are trimmed
 * and left out when empty.
 */
export function checkInBody(d: CheckInDraft | undefined, lastConfidence: number | null = null): DraftResult {
  if (!d || !isDraftTouched(d)) return { kind: 'empty' };
  const value = parseNumberInput(d.value);
  if (value === null) return { kind: 'invalid', reason: 'value' };
  if (d.confidence !== null && !(Number.isInteger(d.confidence) && d.confidence >= 0 && d.confidence <= 10)) {
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
