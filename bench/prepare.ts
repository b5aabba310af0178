/**
 * The database a benchmark runs on: the large synthetic organization (SQLite: reused from a
 * cached copy under bench/.cache/ when one with the same parameters exists; PostgreSQL: a fresh
 * `polaris_bench` database), then what the scenarios need — a reader for every sampled plan, the
 * KRs to check in on with their owners, and an API token per person (stored as SHA-256).
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { AppContext } from '../src/context.js';
import { connect, type DatabaseHandle, type Engine } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { generateOrganization, type GenerateReport } from '../src/generate/generate.js';
import type { GenerateParams } from '../src/generate/plan.js';
import { Rng } from '../src/generate/prng.js';
import { loadConfig } from '../src/config.js';
import { ROOT } from './server.js';

export const PG_ADMIN_URL =
  process.env.POLARIS_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PG_DATABASE = 'polaris_bench';
const CACHE_DIR = path.join(ROOT, 'bench', '.cache');
/** a cached database older than this is rebuilt: its quarter would have moved on */
const CACHE_MAX_AGE_MS = 2 * 86_400_000;
/** bump when the generator or the schema changes what a cached database holds */
const CACHE_VERSION = 1;

export interface Prepared {
  engine: Engine;
  databaseUrl: string;
  generation: { reused: boolean; report: GenerateReport | null; ms: number };
}

function cacheName(p: GenerateParams, migrations: string): string {
  const key = createHash('sha256')
    .update(JSON.stringify({ p, migrations, v: CACHE_VERSION }))
    .digest('hex')
    .slice(0, 12);
  return `sqlite-${p.users}u-${p.units}n-${p.weeks}w-s${p.seed}-${key}.db`;
}

function migrationKey(): string {
  const dir = path.join(ROOT, 'src', 'db', 'migrations');
  const hash = createHash('sha256');
  for (const f of fs.readdirSync(dir).sort())
    hash.update(f).update(fs.readFileSync(path.join(dir, f)));
  for (const f of fs.readdirSync(path.join(ROOT, 'src', 'generate')).sort()) {
    hash.update(f).update(fs.readFileSync(path.join(ROOT, 'src', 'generate', f)));
  }
  return hash.digest('hex');
}

async function generateInto(url: string, params: GenerateParams, log: (s: string) => void) {
  const handle = connect(url, { poolSize: 4 });
  try {
    await migrateToLatest(handle.db as never);
    const ctx: AppContext = {
      db: handle.db,
      engine: handle.engine,
      config: loadConfig({}),
      now: () => new Date(),
    };
    return await generateOrganization(ctx, params, {
      onTable: (t) => log(`    ${t.table}: ${t.rows} rows in ${(t.ms / 1000).toFixed(1)} s`),
    });
  } finally {
    await handle.close();
  }
}

/** Builds (or reuses) the large organization on `engine`. */
export async function prepareDatabase(
  engine: Engine,
  params: GenerateParams,
  log: (s: string) => void,
): Promise<Prepared> {
  const started = performance.now();
  if (engine === 'sqlite') {
    fs.mkdirSync(CACHE_DIR, { recursive: true });
    const cached = path.join(CACHE_DIR, cacheName(params, migrationKey()));
    const work = path.join(CACHE_DIR, 'work-sqlite.db');
    for (const f of [work, `${work}-wal`, `${work}-shm`]) fs.rmSync(f, { force: true });
    let report: GenerateReport | null = null;
    const fresh =
      fs.existsSync(cached) && Date.now() - fs.statSync(cached).mtimeMs < CACHE_MAX_AGE_MS;
    if (!fresh) {
      for (const f of fs.readdirSync(CACHE_DIR))
        if (f.startsWith('sqlite-')) fs.rmSync(path.join(CACHE_DIR, f));
      const building = `${cached}.building`;
      for (const f of [building, `${building}-wal`, `${building}-shm`])
        fs.rmSync(f, { force: true });
      log(`  generating ${params.users} users on sqlite …`);
      report = await generateInto(`file:${building}`, params, log);
      fs.renameSync(building, cached);
    } else {
      log(`  reusing ${path.relative(ROOT, cached)}`);
    }
    const ms = Math.round(performance.now() - started);
    fs.copyFileSync(cached, work);
    return { engine, databaseUrl: `file:${work}`, generation: { reused: fresh, report, ms } };
  }
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${PG_DATABASE} with (force)`);
    await admin.query(`create database ${PG_DATABASE}`);
  } finally {
    await admin.end();
  }
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${PG_DATABASE}`;
  log(`  generating ${params.users} users on postgres …`);
  const report = await generateInto(url.toString(), params, log);
  return {
    engine,
    databaseUrl: url.toString(),
    generation: { reused: false, report, ms: Math.round(performance.now() - started) },
  };
}

export interface CheckInTarget {
  keyResultId: string;
  token: string;
  value: number;
}

export interface Targets {
  organizationId: string;
  cycleId: string;
  rootUnitId: string;
  adminToken: string;
  admin: { userId: string; role: 'admin' };
  /** plan reads: a plan and a reader's token */
  reads: { planId: string; token: string; userId: string }[];
  /** check-ins, each on a different KR, by its owner */
  checkIns: (CheckInTarget & { userId: string })[];
}

/** Samples what the scenarios touch and creates an API token per person involved. */
export async function loadTargets(
  handle: DatabaseHandle,
  o: { reads: number; checkIns: number; seed: number },
): Promise<Targets> {
  const db = handle.db;
  const rng = new Rng(o.seed);
  const shuffle = <T>(items: T[]): T[] => {
    for (let i = items.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  };
  const adminRow = await db
    .selectFrom('users')
    .select(['id', 'organization_id'])
    .where('email', '=', 'admin@gen.test')
    .executeTakeFirstOrThrow();
  const orgId = adminRow.organization_id;
  const cycle = await db
    .selectFrom('cycles')
    .select('id')
    .where('organization_id', '=', orgId)
    .where('kind', '=', 'quarter')
    .executeTakeFirstOrThrow();
  const root = await db
    .selectFrom('units')
    .select('id')
    .where('organization_id', '=', orgId)
    .where('parent_id', 'is', null)
    .executeTakeFirstOrThrow();
  const plans = await db
    .selectFrom('plans')
    .select('id')
    .where('organization_id', '=', orgId)
    .where('cycle_id', '=', cycle.id)
    .orderBy('id')
    .execute();
  const users = await db
    .selectFrom('users')
    .select('id')
    .where('organization_id', '=', orgId)
    .where('role', '=', 'member')
    .orderBy('id')
    .execute();
  const krs = await db
    .selectFrom('key_results as kr')
    .innerJoin('plans as p', 'p.id', 'kr.plan_id')
    .select(['kr.id', 'kr.owner_id', 'kr.start_value', 'kr.target_value', 'kr.metric_type'])
    .where('kr.organization_id', '=', orgId)
    .where('p.cycle_id', '=', cycle.id)
    .where('p.state', '=', 'approved')
    .where('kr.progress_source', '=', 'manual')
    .where('kr.owner_id', 'is not', null)
    .orderBy('kr.id')
    .execute();

  const reads = shuffle(plans.map((p) => p.id))
    .slice(0, o.reads)
    .map((planId) => ({ planId, userId: rng.pick(users).id }));
  const checkIns = shuffle(krs)
    .slice(0, o.checkIns)
    .map((kr) => ({
      keyResultId: kr.id,
      userId: kr.owner_id!,
      value:
        kr.metric_type === 'boolean'
          ? rng.int(0, 1)
          : Math.round((kr.start_value + (kr.target_value - kr.start_value) * rng.next()) * 10) /
            10,
    }));

  const tokenOf = new Map<string, string>();
  const people = new Set<string>([
    adminRow.id,
    ...reads.map((r) => r.userId),
    ...checkIns.map((c) => c.userId),
  ]);
  const now = new Date().toISOString();
  const rows = [...people].map((userId) => {
    const token = `plr_bench_${randomBytes(24).toString('base64url')}`;
    tokenOf.set(userId, token);
    return {
      id: `bench-${randomBytes(12).toString('hex')}`,
      organization_id: orgId,
      user_id: userId,
      name: 'benchmark',
      token_hash: createHash('sha256').update(token).digest('hex'),
      created_at: now,
      // used just now: the first request of each person does not also write last_used_at
      last_used_at: now,
      revoked_at: null,
    };
  });
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('api_tokens')
      .values(rows.slice(i, i + 500))
      .execute();
  }
  return {
    organizationId: orgId,
    cycleId: cycle.id,
    rootUnitId: root.id,
    adminToken: tokenOf.get(adminRow.id)!,
    admin: { userId: adminRow.id, role: 'admin' },
    reads: reads.map((r) => ({ ...r, token: tokenOf.get(r.userId)! })),
    checkIns: checkIns.map((c) => ({ ...c, token: tokenOf.get(c.userId)! })),
  };
}
