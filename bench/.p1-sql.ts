/** P1 scratch: time each SQL text of the floor ops on /tmp/p1/work.db (not committed). */
import { connect } from '../src/db/connect.js';
import { GroupCommitSqliteDriver } from '../src/db/sqlite-driver.js';
import { floorOps } from './floor.js';
import { loadTargets } from './prepare.js';

const which = process.argv[2] ?? 'planRead';
const n = Number(process.argv[3] ?? 2000);
const stats = new Map<string, { n: number; ms: number }>();
const proto = GroupCommitSqliteDriver.prototype as unknown as { execute: (q: { sql: string }) => unknown };
const orig = proto.execute;
let on = false;
proto.execute = function (this: unknown, q: { sql: string }) {
  const t0 = process.cpuUsage();
  try {
    return orig.call(this, q);
  } finally {
    if (on) {
      const s = stats.get(q.sql) ?? { n: 0, ms: 0 };
      s.n++;
      const d = process.cpuUsage(t0);
      s.ms += (d.user + d.system) / 1000;
      stats.set(q.sql, s);
    }
  }
};
const proto2 = GroupCommitSqliteDriver.prototype as unknown as { run: (sql: string) => void };
const origRun = proto2.run;
proto2.run = function (this: unknown, sql: string) {
  const t0 = process.cpuUsage();
  try {
    return origRun.call(this, sql);
  } finally {
    if (on) {
      const s = stats.get('RUN ' + sql) ?? { n: 0, ms: 0 };
      s.n++;
      const d = process.cpuUsage(t0);
      s.ms += (d.user + d.system) / 1000;
      stats.set('RUN ' + sql, s);
    }
  }
};
const h = connect('file:/tmp/p1/work.db');
const t = await loadTargets(h, { reads: 5000, checkIns: 30000, seed: 13 });
const ops = floorOps(h, t, t.checkIns.slice(10000));
const op = which === 'planRead' ? () => ops.planRead() : () => ops.checkIn();
for (let i = 0; i < 200; i++) await op();
on = true;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
for (let i = 0; i < n; i++) await op();
const wall = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
on = false;
let sqlMs = 0;
for (const s of stats.values()) sqlMs += s.ms;
console.log(`${which}: ${(wall / n).toFixed(3)} ms/op wall, cpu ${((cpu.user + cpu.system) / 1000 / n).toFixed(3)} ms/op (user ${(cpu.user / 1000 / n).toFixed(3)} sys ${(cpu.system / 1000 / n).toFixed(3)}), in sqlite execute ${(sqlMs / n).toFixed(3)} ms/op`);
for (const [sql, s] of [...stats].sort((a, b) => b[1].ms - a[1].ms)) {
  console.log(`${(s.ms / n).toFixed(4)} ms/op  ${(s.n / n).toFixed(2)}x  ${(1000 * s.ms / s.n).toFixed(1)}us  ${sql.slice(0, 220)}`);
}
await h.close();
