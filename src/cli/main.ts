/**
 * The `polaris` command: serve, migrate, init.
 *   polaris serve                 migrate, seed the demo into an empty database, listen on PORT
 *   polaris migrate               bring the schema up to date
 *   polaris init --org NAME --admin-email E --admin-password P [--admin-name N]
 *   polaris generate [--users N] [--units N] [--weeks N] [--seed N] [--org NAME]
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import type { AppContext } from '../context.js';
import { connect } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { AppError } from '../domain/errors.js';
import { createOrganization } from '../modules/organizations/organizations.service.js';
import { generate } from './generate.js';
import { serve } from './serve.js';

const USAGE = `Usage: polaris <command> [options]

Commands:
  serve     run migrations, create the demo organization in an empty database, serve UI and API
  migrate   bring the database schema up to date
  init      create an organization with its root unit and first admin:
            polaris init --org NAME --admin-email EMAIL --admin-password PASSWORD [--admin-name NAME]
  generate  bulk-load a synthetic organization (benchmarks, load tests):
            polaris generate [--users 10000] [--units users/10] [--weeks 12] [--seed 1]
                             [--org NAME] [--password P]

Environment: PORT (3000), DATABASE_URL (./data/polaris.db, file:PATH, or postgres://…),
POLARIS_DEMO=false to skip the demo, NODE_ENV=production.`;

async function withContext<T>(fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const handle = connect(config.databaseUrl, { poolSize: config.poolSize });
  try {
    await migrateToLatest(handle.db as never);
    return await fn({ db: handle.db, engine: handle.engine, config, now: () => new Date() });
  } finally {
    await handle.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve':
      await serve();
      return 0;
    case 'migrate': {
      const applied = await withContext(async (ctx) => {
        // migrateToLatest already ran in withContext; report what the database holds now
        const rows = await ctx.db.selectFrom('organizations').select('id').execute();
        return rows.length;
      });
      console.log(`Database is up to date (${applied} organization(s)).`);
      return 0;
    }
    case 'init': {
      const { values } = parseArgs({
        args: rest,
        options: {
          org: { type: 'string' },
          'admin-email': { type: 'string' },
          'admin-password': { type: 'string' },
          'admin-name': { type: 'string' },
          locale: { type: 'string' },
          timezone: { type: 'string' },
        },
      });
      const org = values.org;
      const email = values['admin-email'];
      const password = values['admin-password'];
      if (!org || !email || !password) {
        console.error('init needs --org, --admin-email and --admin-password\n');
        console.error(USAGE);
        return 2;
      }
      if (password.length < 8) {
        console.error('The admin password must have at least 8 characters.');
        return 2;
      }
      const created = await withContext((ctx) =>
        createOrganization(ctx, {
          name: org,
          adminEmail: email,
          adminPassword: password,
          ...(values['admin-name'] ? { adminName: values['admin-name'] } : {}),
          ...(values.locale ? { locale: values.locale } : {}),
          ...(values.timezone ? { timezone: values.timezone } : {}),
        }),
      );
      console.log(
        `Created organization "${org}" (${created.organizationId}); sign in as ${email}.`,
      );
      return 0;
    }
    case 'generate':
      return withContext((ctx) => generate(ctx, rest));
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return command === undefined ? 2 : 0;
    default:
      console.error(`Unknown command: ${command}\n`);
      console.error(USAGE);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0) process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err instanceof AppError ? `Error: ${err.message}` : err);
    process.exitCode = 1;
  },
);
