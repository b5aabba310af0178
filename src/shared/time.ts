/** ISO-8601 UTC timestamp of `d`. */
export function iso(d: Date): string {
  return d.toISOString();
}

/** `YYYY-MM-DD` of `d` in `timeZone`. */
export function dateIn(d: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(d);
  return parts;
}
