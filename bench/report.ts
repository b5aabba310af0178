/** The benchmark's results: JSON for machines, a markdown table for people, and the targets. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Engine } from '../src/db/connect.js';
import type { GenerateReport } from '../src/generate/generate.js';
import type { GenerateParams } from '../src/generate/plan.js';
import type { Measured } from './scenarios.js';
import { ROOT } from './server.js';

export const RESULTS_DIR = path.join(ROOT, 'bench', 'results');

export interface ScenarioResult {
  name: string;
  label: string;
  connections: number;
  floorOp: 'planRead' | 'dashboard' | 'alignment' | 'checkIn' | 'mix';
  /** the machine's 1-minute load average before and after (other work competes for the CPUs) */
  loadAverage: [string, string];
  app: Measured;
  floor: Measured | null;
  /** app req/s ÷ floor ops/s */
  ratio: number | null;
}

export interface TargetCheck {
  target: string;
  actual: string;
  met: boolean;
}

export interface EngineResult {
  engine: Engine;
  startedAt: string;
  seconds: number;
  machine: { cpus: number; model: string; memoryGb: number; node: string; platform: string };
  params: GenerateParams;
  generation: {
    reused: boolean;
    ms: number;
    counts: GenerateReport['counts'] | null;
    tables: GenerateReport['timings']['tables'];
  };
  server: { rssIdleMb: number; rssMaxMixMb: number; rssMaxMb: number; poolSize: string };
  scenarios: ScenarioResult[];
  targets: TargetCheck[];
}

export function machine(): EngineResult['machine'] {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    model: cpus[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 1e9),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

const mb = (bytes: number) => Math.round(bytes / 1_048_576);

/** The targets, checked against one engine's results (and SQLite's, for PostgreSQL). */
export function checkTargets(r: EngineResult, sqlite: EngineResult | null): TargetCheck[] {
  const s = (name: string) => r.scenarios.find((x) => x.name === name);
  const out: TargetCheck[] = [];
  const add = (target: string, actual: string, met: boolean) => out.push({ target, actual, met });
  const ci = s('check-in');
  if (ci) {
    add('check-in ≥ 1,500 req/s', `${Math.round(ci.app.rps)} req/s`, ci.app.rps >= 1500);
    add('check-in p99 ≤ 25 ms', `${ci.app.p99} ms`, ci.app.p99 <= 25);
    if (ci.ratio !== null) {
      add('check-in app ÷ floor ≥ 0.5', ci.ratio.toFixed(2), ci.ratio >= 0.5);
    }
  }
  const pr = s('plan-read');
  if (pr) {
    add('plan read ≥ 3,000 req/s', `${Math.round(pr.app.rps)} req/s`, pr.app.rps >= 3000);
    add('plan read p99 ≤ 15 ms', `${pr.app.p99} ms`, pr.app.p99 <= 15);
  }
  const prc = s('plan-read-uncached');
  if (prc) {
    const rps = Math.round(prc.app.rps);
    add('plan read ≥ 3,000 req/s (built every time)', `${rps} req/s`, prc.app.rps >= 3000);
    add('plan read p99 ≤ 15 ms (built every time)', `${prc.app.p99} ms`, prc.app.p99 <= 15);
  }
  const db = s('dashboard');
  if (db) add('company dashboard p99 ≤ 50 ms (as served)', `${db.app.p99} ms`, db.app.p99 <= 50);
  const dbc = s('dashboard-uncached');
  if (dbc) {
    add(
      'company dashboard p99 ≤ 50 ms (computed every time)',
      `${dbc.app.p99} ms`,
      dbc.app.p99 <= 50,
    );
  }
  const al = s('alignment');
  if (al)
    add('whole-cycle alignment p99 ≤ 400 ms (as served)', `${al.app.p99} ms`, al.app.p99 <= 400);
  const alc = s('alignment-uncached');
  if (alc) {
    add(
      'whole-cycle alignment p99 ≤ 400 ms (computed every time)',
      `${alc.app.p99} ms`,
      alc.app.p99 <= 400,
    );
  }
  add(
    'server RSS under the mix ≤ 400 MB',
    `${r.server.rssMaxMixMb} MB`,
    r.server.rssMaxMixMb <= 400,
  );
  if (r.engine === 'postgres' && sqlite) {
    for (const x of r.scenarios) {
      const base = sqlite.scenarios.find((y) => y.name === x.name);
      if (!base || base.app.rps === 0) continue;
      const share = x.app.rps / base.app.rps;
      add(
        `${x.name}: ≥ 50 % of SQLite's throughput`,
        `${Math.round(share * 100)} % (${Math.round(x.app.rps)} vs ${Math.round(base.app.rps)} req/s)`,
        share >= 0.5,
      );
    }
  }
  for (const x of r.scenarios) {
    if (x.app.non2xx > 0 || x.app.errors > 0) {
      add(`${x.name}: every response 2xx`, JSON.stringify(x.app.statusCodes), false);
    }
  }
  return out;
}

const n0 = (x: number) => Math.round(x).toLocaleString('en-US');
/** CPU per request: the application's process, plus PostgreSQL's backends when there are any */
const cpu = (m: Measured) =>
  m.cpu === undefined
    ? '–'
    : m.cpu.databaseMs > 0
      ? `${m.cpu.appMs.toFixed(2)} + ${m.cpu.databaseMs.toFixed(2)} db`
      : m.cpu.appMs.toFixed(2);

export function markdown(r: EngineResult): string {
  const lines = [
    `# Benchmark: ${r.engine}`,
    '',
    `${r.startedAt} · ${r.machine.cpus} × ${r.machine.model} · ${r.machine.memoryGb} GB · Node ${r.machine.node}`,
    '',
    `Organization: ${r.params.users.toLocaleString('en-US')} users, ${r.params.units.toLocaleString('en-US')} units, ` +
      (r.generation.counts
        ? `${n0(r.generation.counts.plans)} plans, ${n0(r.generation.counts.objectives)} objectives, ` +
          `${n0(r.generation.counts.keyResults)} KRs, ${n0(r.generation.counts.checkIns)} check-ins; `
        : '') +
      (r.generation.reused
        ? 'reused from the cache.'
        : `generated in ${(r.generation.ms / 1000).toFixed(1)} s.`),
    '',
    '| scenario | conns | app req/s | app p50 ms | app p99 ms | app CPU ms/req | floor ops/s | floor p50 ms | floor p99 ms | floor CPU ms/op | app ÷ floor | load |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...r.scenarios.map(
      (s) =>
        `| ${s.label} | ${s.connections} | ${n0(s.app.rps)} | ${s.app.p50} | ${s.app.p99} | ${cpu(s.app)} | ` +
        (s.floor
          ? `${n0(s.floor.rps)} | ${s.floor.p50} | ${s.floor.p99} | ${cpu(s.floor)} | ${s.ratio?.toFixed(2)} |`
          : '– | – | – | – | – |') +
        ` ${s.loadAverage.join(' → ')} |`,
    ),
    '',
    `Server RSS: ${r.server.rssIdleMb} MB idle after start, ${r.server.rssMaxMixMb} MB at most under the mix ` +
      '(run on a fresh server of its own, after a warm-up), ' +
      `${r.server.rssMaxMb} MB at most overall. PostgreSQL pool: ${r.server.poolSize} connections per process.`,
    '',
    '| target | actual | met |',
    '| --- | --- | :---: |',
    ...r.targets.map((t) => `| ${t.target} | ${t.actual} | ${t.met ? 'yes' : '**no**'} |`),
    '',
    'Floor: the same SQL each request runs (token lookup included), issued in-process through the',
    "services' repository functions with the same concurrency, without HTTP. Latencies in ms.",
    'As served: the production configuration, which keeps dashboard and alignment responses for',
    '2 s (POLARIS_READ_CACHE_MS); "computed every time" runs a server with that cache off.',
    "Load: the machine's 1-minute load average before → after the scenario (2 CPUs; other",
    'processes on the machine compete with the server and the load generator). CPU ms/req: user +',
    'system time of the server process (of the bench process for the floor) per request, plus',
    "PostgreSQL's backends; it is what one request costs whatever else runs on the machine.",
    '',
  ];
  return lines.join('\n');
}

export function writeResults(r: EngineResult): { json: string; md: string } {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const json = path.join(RESULTS_DIR, `${r.engine}.json`);
  const md = path.join(RESULTS_DIR, `${r.engine}.md`);
  fs.writeFileSync(json, JSON.stringify(r, null, 2) + '\n');
  fs.writeFileSync(md, markdown(r));
  return { json, md };
}

export function readResult(engine: Engine): EngineResult | null {
  try {
    return JSON.parse(
      fs.readFileSync(path.join(RESULTS_DIR, `${engine}.json`), 'utf8'),
    ) as EngineResult;
  } catch {
    return null;
  }
}

export { mb };
