/** P1 scratch: profile the server on a private copy of the cached SQLite org (not committed). */
import fs from 'node:fs';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { connect } from '../src/db/connect.js';
import { loadTargets } from './prepare.js';
import { runScenario, scenarios } from './scenarios.js';
import { startCpuMeter } from './cpu.js';
import { startServer } from './server.js';

const [names = 'plan-read,check-in', secs = '6', prof = '0', engine = 'sqlite'] = process.argv.slice(2);
let url: string;
if (engine === 'sqlite') {
  const dir = 'bench/.cache';
  const cached = fs.readdirSync(dir).find((f) => f.startsWith('sqlite-') && f.endsWith('.db'))!;
  const work = '/tmp/p1/work.db';
  for (const f of [work, `${work}-wal`, `${work}-shm`]) fs.rmSync(f, { force: true });
  fs.copyFileSync(path.join(dir, cached), work);
  url = `file:${work}`;
} else {
  url = 'postgres://postgres@127.0.0.1:5432/polaris_bench';
}
const h = connect(url);
const t = await loadTargets(h, { reads: 5000, checkIns: 30000, seed: 11 });
await h.close();
const env: Record<string, string> = prof === '1' ? { NODE_OPTIONS: '--import /tmp/p1/prof-hook.mjs' } : {};
const server = await startServer(url, env);
try {
  const specs = scenarios(t, 10).filter((s) => names.split(',').includes(s.name));
  for (const s of specs) await runScenario(server.url, { ...s, connections: 4 }, 2);
  for (const s of specs) {
    if (prof === '1') process.kill(server.pid, 'SIGUSR2');
    const st = prof === 'strace' ? spawn('strace', ['-c', '-f', '-e', 'trace=fsync,fdatasync,pwrite64,pread64,write,writev', '-p', String(server.pid)], { stdio: ['ignore', 'inherit', 'inherit'] }) : null;
    const m = startCpuMeter(() => [server.pid]);
    let peak = 0;
    const r = await runScenario(server.url, s, Number(secs), () => { peak = Math.max(peak, server.rss()); });
    const cpu = m.stop();
    if (st) { st.kill('SIGINT'); await new Promise((r) => st.once('exit', r)); }
    if (prof === '1') { process.kill(server.pid, 'SIGUSR2'); await new Promise((r) => setTimeout(r, 1500)); }
    console.log(`${s.name}: ${Math.round(r.rps)} req/s p50 ${r.p50} p99 ${r.p99} cpu ${(cpu / r.requests).toFixed(3)} ms/req rss ${Math.round(peak / 1048576)} MB non2xx ${r.non2xx} ${JSON.stringify(r.statusCodes)}`);
  }
} finally {
  await server.stop();
}
