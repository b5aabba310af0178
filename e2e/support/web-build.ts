/**
 * Builds the web UI (web/dist) when it is missing or older than its sources, so the browser
 * suites always test the current code. Runs once, from the e2e global setup.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
const WEB = join(REPO, 'web');
const BUILT = join(WEB, 'dist', 'index.html');

function newest(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(path).reduce((m, name) => Math.max(m, newest(join(path, name))), s.mtimeMs);
}

/** Whether web/dist is missing or older than web/src, web/public, index.html or the config. */
export function webBuildIsStale(): boolean {
  if (!existsSync(BUILT)) return true;
  const built = statSync(BUILT).mtimeMs;
  const sources = ['src', 'public', 'index.html', 'vite.config.ts']
    .map((p) => join(WEB, p))
    .filter((p) => existsSync(p));
  return sources.some((p) => newest(p) > built);
}

/** Runs `vite build` for the web UI when needed. */
export function ensureWebBuilt(): void {
  if (!webBuildIsStale()) return;
  const vite = join(REPO, 'node_modules', 'vite', 'bin', 'vite.js');
  execFileSync(
    process.execPath,
    [vite, 'build', '--config', join(WEB, 'vite.config.ts'), '--logLevel', 'warn'],
    {
      cwd: REPO,
      stdio: 'inherit',
      // vitest sets NODE_ENV=test, which would give a development build
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
}
