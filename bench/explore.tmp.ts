import { connect } from '../src/db/connect.js';
import { LARGE } from '../src/generate/plan.js';
import { loadTargets, prepareDatabase } from './prepare.js';
import { runScenario, scenarios } from './scenarios.js';
import { startServer } from './server.js';

const engine = (process.argv[2] ?? 'sqlite') as 'sqlite' | 'postgres';
const only = process.argv[3]?.split(',');
const secs = Number(process.argv[4] ?? 5);
const prep = await prepareDatabase(engine, { ...LARGE, org: '北极星集团', domain: 'gen.test' }, console.log);
const h = connect(prep.databaseUrl);
const t = await loadTargets(h, { reads: 3000, checkIns: 40000, seed: 7 });
await h.close();
const server = await startServer(prep.databaseUrl);
console.log('rss idle', server.rss() / 1e6);
let maxRss = 0;
for (const s of scenarios(t, 10)) {
  if (only && !only.includes(s.name)) continue;
  const m = await runScenario(server.url, s, secs, () => { maxRss = Math.max(maxRss, server.rss()); });
  console.log(s.name, Math.round(m.rps), 'rps p50', m.p50, 'p99', m.p99, 'max', m.max, 'non2xx', m.non2xx, JSON.stringify(m.statusCodes), 'rss', Math.round(maxRss / 1e6));
}
await server.stop();
