import { describe, expect, it } from 'vitest';
import { normalizeLocale, pickLocale } from './locale';

describe('locale', () => {
  it('normalizes language tags', () => {
    expect(normalizeLocale('zh')).toBe('zh-CN');
    expect(normalizeLocale('zh-Hans-CN')).toBe('zh-CN');
    expect(normalizeLocale('en-GB')).toBe('en');
    expect(normalizeLocale('fr')).toBeNull();
    expect(normalizeLocale(null)).toBeNull();
  });

  it("prefers the person's saved choice, then this browser's, then the browser's languages", () => {
    expect(pickLocale('en', 'zh-CN', ['zh-CN'])).toBe('en');
    expect(pickLocale(null, 'en', ['zh-CN'])).toBe('en');
    expect(pickLocale(null, null, ['fr-FR', 'zh-TW', 'en'])).toBe('zh-CN');
    expect(pickLocale(null, null, ['en-US', 'zh-CN'])).toBe('en');
    expect(pickLocale(null, null, ['fr-FR'])).toBe('en');
  });
});
