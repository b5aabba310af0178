/**
 * A real Polaris server for a browser suite: a fresh SQLite file with the demo organization
 * 星辰科技, the API and the built UI, listening on a free port.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config.js';
import type { AppContext } from '../../src/context.js';
import { connect } from '../../src/db/connect.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { seedDemoIfEmpty } from '../../src/demo/seed.js';
import { buildApp } from '../../src/http/app.js';
import { AlignmentThread } from '../../src/modules/alignment/alignment-thread.js';

export interface TestServer {
  url: string;
  close: () => Promise<void>;
}

/** Starts the server; `close()` stops it and deletes its database. */
export async function startServer(): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'polaris-e2e-'));
  const config = {
    ...loadConfig({
      ...process.env,
      DATABASE_URL: `file:${join(dir, 'e2e.db')}`,
      POLARIS_DEMO: 'true',
    }),
    logLevel: 'warn',
  };
  const handle = connect(config.databaseUrl, { poolSize: config.poolSize });
  let app: FastifyInstance | undefined;
  let thread: AlignmentThread | undefined;
  try {
    await migrateToLatest(handle.db as never);
    // as `polaris serve` runs it: alignment maps computed on a thread of their own
    thread = new AlignmentThread({ databaseUrl: config.databaseUrl, config });
    const ctx: AppContext = {
      db: handle.db,
      engine: handle.engine,
      config,
      now: () => new Date(),
      alignmentThread: thread,
    };
    await seedDemoIfEmpty(ctx);
    app = await buildApp(ctx);
    await app.listen({ port: 0, host: '127.0.0.1' });
  } catch (e) {
    await app?.close();
    await thread?.close();
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const started = app;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await started.close();
      await thread?.close();
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
