/** `polaris serve`: the long-running server process. */
import { loadConfig } from '../config.js';
import type { AppContext } from '../context.js';
import { connect } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { seedDemoIfEmpty, DEMO_SIGN_INS } from '../demo/seed.js';
import { buildApp } from '../http/app.js';
import { startScheduler } from '../jobs/scheduler.js';
import { AlignmentThread } from '../modules/alignment/alignment-thread.js';

/** Migrates, seeds the demo into an empty database, and listens until SIGINT/SIGTERM. */
export async function serve(): Promise<void> {
  const config = loadConfig();
  const handle = connect(config.databaseUrl, { poolSize: config.poolSize });
  await migrateToLatest(handle.db as never);
  const ctx: AppContext = { db: handle.db, engine: handle.engine, config, now: () => new Date() };
  // another connection on another thread: not for a private in-memory database
  if (config.alignmentThread && !handle.location.endsWith(':memory:')) {
    ctx.alignmentThread = new AlignmentThread({ databaseUrl: config.databaseUrl, config });
  }
  const seeded = config.demo ? await seedDemoIfEmpty(ctx) : false;
  const app = await buildApp(ctx, { logger: true });
  await app.listen({ port: config.port, host: config.host });
  // check-in reminders; safe with several processes (see src/jobs/reminders.ts)
  const scheduler = config.jobs ? startScheduler(ctx, { log: app.log }) : undefined;

  const url = `http://localhost:${config.port}`;
  const lines = [
    '',
    `Polaris ${config.version} is serving ${url}`,
    `  database: ${handle.engine} (${handle.location})`,
    `  API: ${url}/api/v1   OpenAPI: ${url}/api/openapi.json   docs: ${url}/api/docs`,
  ];
  if (seeded || (config.demo && (await hasDemo(ctx)))) {
    lines.push(`  Sign in at ${url} with the demo organization 星辰科技:`);
    for (const s of DEMO_SIGN_INS) lines.push(`    ${s.email} / ${s.password}   (${s.role})`);
  } else {
    lines.push(`  Sign in at ${url}`);
  }
  console.log(lines.join('\n') + '\n');

  const stop = async () => {
    await scheduler?.stop();
    await app.close();
    await ctx.alignmentThread?.close();
    await handle.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

async function hasDemo(ctx: AppContext): Promise<boolean> {
  const row = await ctx.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', DEMO_SIGN_INS[0].email)
    .executeTakeFirst();
  return row !== undefined;
}
