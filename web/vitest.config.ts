/** The web UI's unit tests alone (the root vitest config runs them too, with everything else). */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: { include: ['web/src/**/*.test.ts', 'web/test/**/*.test.ts'] },
});
