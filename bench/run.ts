/**
 * `npm run bench`: the large organization on SQLite and PostgreSQL, the real server on loopback
 * driven by autocannon, the same work done directly on the database (the floor), and the
 * results in bench/results/<engine>.json and .md.
 *
 *   npm run bench -- [--engine sqlite|postgres|both] [--duration 12] [--connections 10]
 *                    [--users 10000] [--units 1000] [--weeks 12] [--seed 1] [--floor-duration 8]
 *                    [--scenarios plan-read,check-in,…]
 *                    [--skip-floor]       (the app only; the results files are not written)
 *                    [--cpu-prof <dir>]   (the servers write V8 CPU profiles into <dir>)
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { connect, type Engine } from '../src/db/connect.js';
import { DEFAULT_ORG_NAME, emailDomainFor } from '../src/generate/generate.js';
import { LARGE, validateParams, type GenerateParams } from '../src/generate/plan.js';
import { floorOps, runFloor, type FloorOps } from './floor.js';
import { loadTargets, prepareDatabase, type Targets } from './prepare.js';
import {
  checkTargets,
  machine,
  markdown,
  mb,
  readResult,
  writeResults,
  type EngineResult,
  type ScenarioResult,
} from './report.js';
import { runScenario, scenarios, type Measured } from './scenarios.js';
import { startCpuMeter } from './cpu.js';
import { startServer } from './server.js';

const { values } = parseArgs({
  options: {
    engine: { type: 'string', default: 'both' },
    duration: { type: 'string', default: '12' },
    'floor-duration': { type: 'string', default: '8' },
    connections: { type: 'string', default: '10' },
    users: { type: 'string' },
    units: { type: 'string' },
    weeks: { type: 'string' },
    seed: { type: 'string' },
    scenarios: { type: 'string' },
    'cpu-prof': { type: 'string' },
    'skip-floor': { type: 'boolean', default: false },
  },
});
const only = values.scenarios?.split(',').map((x) => x.trim());

const engines: Engine[] =
  values.engine === 'both' ? ['sqlite', 'postgres'] : [values.engine as Engine];
if (!engines.every((e) => e === 'sqlite' || e === 'postgres')) {
  throw new Error('--engine must be sqlite, postgres or both');
}
const seconds = Math.min(60, Math.max(1, Number(values.duration)));
const floorSeconds = Math.min(60, Math.max(1, Number(values['floor-duration'])));
const connections = Math.min(100, Math.max(1, Number(values.connections)));
const users = values.users === undefined ? LARGE.users : Number(values.users);
const params: GenerateParams = {
  users,
  units: values.units === undefined ? Math.max(5, Math.round(users / 10)) : Number(values.units),
  weeks: values.weeks === undefined ? LARGE.weeks : Number(values.weeks),
  seed: values.seed === undefined ? LARGE.seed : Number(values.seed),
  org: DEFAULT_ORG_NAME,
  domain: emailDomainFor(DEFAULT_ORG_NAME),
};
const problems = validateParams(params);
if (problems.length > 0) throw new Error(problems.join('; '));

const log = (s: string) => console.log(s);
const loadAverage = () => os.loadavg()[0]!.toFixed(1);
const fmt = (m: Measured) =>
  `${Math.round(m.rps)} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms` +
  (m.cpu ? `, CPU ${m.cpu.appMs}+${m.cpu.databaseMs} ms/req (client ${m.cpu.clientMs})` : '') +
  (m.non2xx + m.errors > 0 ? `, NOT 2xx: ${JSON.stringify(m.statusCodes)} errors ${m.errors}` : '');

/** check-in targets: the first part for the app, the rest for the floor */
const APP_CHECK_INS = 60_000;

async function benchEngine(engine: Engine): Promise<EngineResult | null> {
  const started = Date.now();
  log(`\n== ${engine}`);
  const prepared = await prepareDatabase(engine, params, log);
  log(`  database ready in ${(prepared.generation.ms / 1000).toFixed(1)} s`);

  const handle = connect(prepared.databaseUrl, { poolSize: 10 });
  let targets: Targets;
  try {
    targets = await loadTargets(handle, { reads: 5_000, checkIns: 100_000, seed: 7 });
  } finally {
    await handle.close();
  }
  const appTargets: Targets = { ...targets, checkIns: targets.checkIns.slice(0, APP_CHECK_INS) };
  const floorCheckIns = targets.checkIns.slice(APP_CHECK_INS);

  const database = engine === 'postgres' ? new URL(prepared.databaseUrl).pathname.slice(1) : null;
  /** CPU per operation of `pids` (and PostgreSQL's backends), and of this process (the client) */
  const cpuMeter = (pids: number[]) => {
    const app = startCpuMeter(() => pids);
    const db = database === null ? null : startCpuMeter(() => [], database);
    const client = process.cpuUsage();
    return {
      stop: (ops: number) => {
        const used = process.cpuUsage(client);
        const per = (ms: number) => (ops > 0 ? Math.round((ms / ops) * 1000) / 1000 : 0);
        return {
          appMs: per(app.stop()),
          databaseMs: per(db?.stop() ?? 0),
          clientMs: per((used.user + used.system) / 1000),
        };
      },
    };
  };
  const specs = scenarios(appTargets, connections).filter((x) => !only || only.includes(x.name));
  const results: ScenarioResult[] = [];
  let rssIdle = 0;
  let rssMax = 0;
  let rssMaxMix = 0;
  for (const kind of ['default', 'own', 'uncached'] as const) {
    const mine = specs.filter((x) => x.server === kind);
    if (mine.length === 0) continue;
    const server = await startServer(
      prepared.databaseUrl,
      kind === 'uncached' ? { POLARIS_READ_CACHE_MS: '0', POLARIS_PLAN_CACHE_MB: '0' } : {},
      values['cpu-prof'] === undefined
        ? []
        : ['--cpu-prof', `--cpu-prof-dir=${values['cpu-prof']}`],
    );
    try {
      await new Promise((r) => setTimeout(r, 500));
      if (kind !== 'uncached') rssIdle = Math.max(rssIdle, server.rss());
      log(`  on the ${kind} server …`);
      for (const spec of mine) {
        // its own warm-up right before it (JIT, statement caches, the database's page cache,
        // kept plan reads), so that no scenario runs in the garbage of another's warm-up
        const warm = { ...spec, connections: Math.min(spec.connections, 4) };
        await runScenario(server.url, warm, 2, undefined, spec.warmUpRequests);
        let peak = 0;
        const loadBefore = loadAverage();
        const meter = cpuMeter([server.pid]);
        const app = await runScenario(server.url, spec, seconds, () => {
          peak = Math.max(peak, server.rss());
        });
        app.cpu = meter.stop(app.requests);
        rssMax = Math.max(rssMax, peak);
        if (spec.name === 'mix') rssMaxMix = peak;
        log(`  ${spec.name.padEnd(18)} ${fmt(app)}  (RSS ≤ ${mb(peak)} MB, load ${loadAverage()})`);
        results.push({
          name: spec.name,
          label: spec.label,
          connections: spec.connections,
          floorOp: spec.floor,
          app,
          floor: null,
          ratio: null,
          loadAverage: [loadBefore, loadAverage()],
        });
      }
    } finally {
      await server.stop();
    }
  }

  // the floor, with the servers stopped so the two never compete for the machine
  // the same pool size as the server's (POLARIS_POOL_SIZE)
  const floorHandle = connect(prepared.databaseUrl, { poolSize: loadConfig().poolSize });
  if (values['skip-floor']) {
    // an exploratory run: the app's numbers only, the results files left as they are
    await floorHandle.close();
    return null;
  }
  try {
    const ops: FloorOps = floorOps(floorHandle, targets, floorCheckIns);
    const byName: Record<ScenarioResult['floorOp'], (i: number) => Promise<void>> = {
      planRead: () => ops.planRead(),
      dashboard: () => ops.dashboard(),
      alignment: () => ops.alignment(),
      checkIn: () => ops.checkIn(),
      mix: (i) => (i % 10 < 7 ? ops.planRead() : ops.checkIn()),
    };
    for (const op of Object.values(byName)) await runFloor(op, 2, 1, 200);
    const measured = new Map<string, Measured>();
    for (const r of results) {
      const key = `${r.floorOp}/${r.connections}`;
      let floor = measured.get(key);
      if (!floor) {
        const meter = cpuMeter([process.pid]);
        floor = await runFloor(byName[r.floorOp], r.connections, floorSeconds);
        floor.cpu = meter.stop(floor.requests);
        // the floor's client is its own process: that time is the application side
        floor.cpu = { ...floor.cpu, clientMs: 0 };
        measured.set(key, floor);
        log(`  floor ${key.padEnd(18)} ${fmt(floor)}`);
      }
      r.floor = floor;
      r.ratio = floor.rps > 0 ? Math.round((r.app.rps / floor.rps) * 100) / 100 : null;
    }
  } finally {
    await floorHandle.close();
  }

  const result: EngineResult = {
    engine,
    startedAt: new Date(started).toISOString(),
    seconds: Math.round((Date.now() - started) / 1000),
    machine: machine(),
    params,
    generation: {
      reused: prepared.generation.reused,
      ms: prepared.generation.ms,
      counts: prepared.generation.report?.counts ?? null,
      tables: prepared.generation.report?.timings.tables ?? [],
    },
    server: {
      rssIdleMb: mb(rssIdle),
      rssMaxMixMb: mb(rssMaxMix),
      rssMaxMb: mb(rssMax),
      poolSize: String(loadConfig().poolSize),
    },
    scenarios: results,
    targets: [],
  };
  if (result.generation.counts === null) {
    result.generation.counts = readResult(engine)?.generation.counts ?? null;
  }
  result.targets = checkTargets(result, engine === 'postgres' ? readResult('sqlite') : null);
  const files = writeResults(result);
  log(`\n${markdown(result)}`);
  log(`  wrote ${files.json} and ${files.md}`);
  return result;
}

const startedAt = Date.now();
let failed = false;
for (const engine of engines) {
  try {
    await benchEngine(engine);
  } catch (e) {
    failed = true;
    console.error(`bench on ${engine} failed:`, e);
  }
}
log(`\nbench finished in ${((Date.now() - startedAt) / 60_000).toFixed(1)} min`);
if (failed) process.exitCode = 1;
