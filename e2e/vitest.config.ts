/**
 * The browser suites: playwright-core driving Chromium against a real server on SQLite. One file
 * at a time (each starts its own server and browser), with long timeouts.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['e2e/**/*.test.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    fileParallelism: false,
    allowOnly: !process.env.CI,
  },
});
