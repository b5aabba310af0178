/** Which language the UI speaks: zh-CN or en. */

export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

/** `zh`, `zh-Hans-CN`, `zh-TW` → zh-CN; `en-GB` → en; anything else → null. */
export function normalizeLocale(tag: string | null | undefined): Locale | null {
  if (!tag) return null;
  const lower = tag.toLowerCase();
  if (lower.startsWith('zh')) return 'zh-CN';
  if (lower.startsWith('en')) return 'en';
  return null;
}

/**
 * The UI language: the signed-in person's saved choice, else the one remembered in this browser,
 * else Chinese when the browser prefers Chinese to English, else English.
 */
export function pickLocale(
  userLocale: string | null | undefined,
  stored: string | null | undefined,
  browserLanguages: readonly string[],
): Locale {
  const chosen = normalizeLocale(userLocale) ?? normalizeLocale(stored);
  if (chosen) return chosen;
  for (const tag of browserLanguages) {
    const l = normalizeLocale(tag);
    if (l) return l;
  }
  return 'en';
}
