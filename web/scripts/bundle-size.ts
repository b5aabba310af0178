/**
 * Measures the gzipped JavaScript the first screens load: the entry (index.html's script and its
 * static imports) plus the sign-in and My OKRs screens with theirs, from web/dist's Vite
 * manifest. Charts and the alignment map are dynamic imports and are not counted.
 *
 *   npx tsx web/scripts/bundle-size.ts            # prints the files and the total
 *   npx tsx web/scripts/bundle-size.ts --max 350  # exits 1 above 350 KB
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
export const FIRST_SCREENS = ['src/pages/SignInPage.tsx', 'src/pages/MyOkrsPage.tsx'];

/** The manifest keys of the entry and `screens`, with every static import, each once. */
export function staticClosure(manifest: Manifest, screens: readonly string[]): string[] {
  const entry = Object.keys(manifest).filter((k) => manifest[k]?.isEntry);
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    for (const i of manifest[key]?.imports ?? []) visit(i);
  };
  for (const k of [...entry, ...screens]) visit(k);
  return [...seen];
}

/** Gzipped size in bytes of a built file (level 9, as served pre-compressed). */
export function gzippedSize(dist: string, file: string): number {
  return gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
}

export interface SizeReport {
  files: Array<{ file: string; gzip: number }>;
  total: number;
}

/** The gzipped JS of the first screens, largest file first. */
export function firstScreenJs(dist = DIST): SizeReport {
  const manifestPath = join(dist, '.vite', 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`no ${manifestPath}: run vite build first`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  for (const screen of FIRST_SCREENS) {
    if (!manifest[screen]) throw new Error(`${screen} is not a chunk of the build`);
  }
  const files = staticClosure(manifest, FIRST_SCREENS)
    .map((k) => manifest[k]?.file ?? '')
    .filter((f) => f.endsWith('.js'))
    .map((file) => ({ file, gzip: gzippedSize(dist, file) }))
    .sort((a, b) => b.gzip - a.gzip);
  return { files, total: files.reduce((s, f) => s + f.gzip, 0) };
}

const invokedDirectly = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (invokedDirectly) {
  const maxIndex = process.argv.indexOf('--max');
  const maxKb = maxIndex > 0 ? Number(process.argv[maxIndex + 1]) : null;
  const report = firstScreenJs();
  for (const f of report.files)
    console.log(`${(f.gzip / 1024).toFixed(1).padStart(8)} KB  ${f.file}`);
  console.log(
    `${(report.total / 1024).toFixed(1).padStart(8)} KB  total gzipped JS, sign-in → My OKRs`,
  );
  if (maxKb !== null && report.total > maxKb * 1024) {
    console.error(`over the budget of ${maxKb} KB`);
    process.exit(1);
  }
}
