/**
 * Every UI string exists in both languages: the two locale files have the same keys, and every
 * key the source asks for with t('…') is in both (template keys such as `health.${h}` must
 * match at least one key).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : flatten(v, `${prefix}${k}.`),
  );
}

/** i18next plural forms (`saved_one`, `saved_other`) count as their base key (`saved`). */
const PLURAL = /_(zero|one|two|few|many|other)$/;
const baseKeys = (keys: string[]) => [...new Set(keys.map((k) => k.replace(PLURAL, '')))];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Keys asked for in a source text: literals inside t( … ) that look like `a.b`. */
export function keysInSource(text: string): string[] {
  const keys: string[] = [];
  const call = /\bt\(\s*((?:[^()]|\([^()]*\))*)\)/g;
  for (const m of text.matchAll(call)) {
    const args = m[1] ?? '';
    for (const lit of args.matchAll(/(['"`])((?:(?!\1).)*)\1/g)) {
      const key = lit[2] ?? '';
      if (/^[a-zA-Z][\w-]*(\.[\w${}.-]+)+$/.test(key) && !/\s/.test(key)) keys.push(key);
    }
  }
  return keys;
}

/** A key with `${…}` parts as a pattern over flat keys. */
function keyPattern(key: string): RegExp {
  const parts = key.split(/\$\{[^}]*\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[\\w.-]+')}$`);
}

const srcDir = join(import.meta.dirname, '..', 'src');
const zhCN = JSON.parse(readFileSync(join(srcDir, 'i18n', 'zh-CN.json'), 'utf8')) as Tree;
const en = JSON.parse(readFileSync(join(srcDir, 'i18n', 'en.json'), 'utf8')) as Tree;
const zhKeys = baseKeys(flatten(zhCN));
const enKeys = baseKeys(flatten(en));

describe('locale files', () => {
  it('zh-CN and en have the same keys', () => {
    const zh = new Set(zhKeys);
    const e = new Set(enKeys);
    expect(
      zhKeys.filter((k) => !e.has(k)),
      'keys missing in en.json',
    ).toEqual([]);
    expect(
      enKeys.filter((k) => !zh.has(k)),
      'keys missing in zh-CN.json',
    ).toEqual([]);
  });

  it('no string is empty', () => {
    const empty = (tree: Tree) =>
      flatten(tree).filter((k) => {
        const v = k
          .split('.')
          .reduce<string | Tree | undefined>(
            (node, part) => (typeof node === 'object' ? node[part] : undefined),
            tree,
          );
        return typeof v !== 'string' || v.trim() === '';
      });
    expect(empty(zhCN)).toEqual([]);
    expect(empty(en)).toEqual([]);
  });

  it('every key the source uses exists in both languages', () => {
    const missing: string[] = [];
    for (const file of sourceFiles(srcDir)) {
      for (const key of keysInSource(readFileSync(file, 'utf8'))) {
        const pattern = keyPattern(key);
        for (const [name, keys] of [
          ['zh-CN', zhKeys],
          ['en', enKeys],
        ] as const) {
          if (!keys.some((k) => pattern.test(k)))
            missing.push(`${name}: ${key} (${file.slice(srcDir.length + 1)})`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('the source scan finds keys (the test would otherwise pass vacuously)', () => {
    expect(keysInSource("t('a.b'); t(x ? 'c.d' : 'e.f', { n: g(1) }); t(`h.${i}`)")).toEqual([
      'a.b',
      'c.d',
      'e.f',
      'h.${i}',
    ]);
    const all = sourceFiles(srcDir).flatMap((f) => keysInSource(readFileSync(f, 'utf8')));
    expect(all.length).toBeGreaterThan(100);
  });

  it('Chinese text stays out of the source (it belongs in zh-CN.json)', () => {
    const offenders = sourceFiles(srcDir).filter((f) => {
      const code = readFileSync(f, 'utf8')
        .split('\n')
        .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line))
        .join('\n');
      return /[\u4e00-\u9fff]/.test(code);
    });
    expect(offenders.map((f) => f.slice(srcDir.length + 1))).toEqual([]);
  });
});
