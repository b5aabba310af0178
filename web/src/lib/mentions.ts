/**
 * @mentions in a comment: the body is plain text with `@Name` in it, and the API takes the
 * mentioned people as user ids beside it (`mentions`). The picker inserts `@token `, where the
 * token is the person's name (or `name(email)` when two people share a name); whatever `@token`
 * is still in the text when it is sent is a mention.
 */

export interface MentionPerson {
  id: string;
  name: string;
  email: string;
  active?: boolean;
}

export interface MentionCandidate {
  id: string;
  /** what follows the `@` in the text */
  token: string;
  name: string;
  email: string;
}

/** Active people as picker candidates (not `exceptId`, the author), sorted by name. */
export function mentionCandidates(
  people: readonly MentionPerson[],
  exceptId?: string,
): MentionCandidate[] {
  const active = people.filter((p) => p.active !== false && p.id !== exceptId);
  const count = new Map<string, number>();
  for (const p of active) count.set(p.name, (count.get(p.name) ?? 0) + 1);
  return active
    .map((p) => ({
      id: p.id,
      token: (count.get(p.name) ?? 0) > 1 ? `${p.name}(${p.email})` : p.name,
      name: p.name,
      email: p.email,
    }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.email.localeCompare(b.email));
}

/** Whether the candidate matches what was typed after `@` (name, token or email, any case). */
export function matchesMention(c: MentionCandidate, typed: string): boolean {
  const q = typed.trim().toLowerCase();
  if (q === '') return true;
  return [c.name, c.token, c.email].some((s) => s.toLowerCase().includes(q));
}

const WORD = /[\p{L}\p{N}_]/u;

/** Ids of the candidates whose `@token` is in the text (a whole token), in order of first use. */
export function mentionedIds(text: string, candidates: readonly MentionCandidate[]): string[] {
  const found: { id: string; at: number }[] = [];
  // longer tokens first, so `@Ann` never claims the text of `@Anna`
  const byLength = [...candidates].sort((a, b) => b.token.length - a.token.length);
  const taken: [number, number][] = [];
  for (const c of byLength) {
    const needle = `@${c.token}`;
    let from = 0;
    for (;;) {
      const at = text.indexOf(needle, from);
      if (at < 0) break;
      from = at + 1;
      const end = at + needle.length;
      const next = text.charAt(end);
      if (next !== '' && WORD.test(next)) continue;
      if (taken.some(([s, e]) => at < e && s < end)) continue;
      taken.push([at, end]);
      if (!found.some((f) => f.id === c.id)) found.push({ id: c.id, at });
    }
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.id);
}

/**
 * The body split into text and mentions, for display: each `@token` of a mentioned person
 * becomes a mention part (everything stays text; nothing is read as HTML).
 */
export function splitMentions(
  text: string,
  mentioned: readonly MentionCandidate[],
): Array<{ text: string; userId?: string }> {
  const hits: { at: number; end: number; id: string }[] = [];
  const byLength = [...mentioned].sort((a, b) => b.token.length - a.token.length);
  for (const c of byLength) {
    const needle = `@${c.token}`;
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
      const end = at + needle.length;
      const next = text.charAt(end);
      if (next !== '' && WORD.test(next)) continue;
      if (hits.some((h) => at < h.end && h.at < end)) continue;
      hits.push({ at, end, id: c.id });
    }
  }
  hits.sort((a, b) => a.at - b.at);
  const parts: Array<{ text: string; userId?: string }> = [];
  let pos = 0;
  for (const h of hits) {
    if (h.at > pos) parts.push({ text: text.slice(pos, h.at) });
    parts.push({ text: text.slice(h.at, h.end), userId: h.id });
    pos = h.end;
  }
  if (pos < text.length) parts.push({ text: text.slice(pos) });
  return parts;
}
