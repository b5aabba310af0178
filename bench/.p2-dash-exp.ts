import { connect } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import * as d from '../src/modules/dashboard/dashboard.repository.js';
const h = connect(process.env.DB ?? '/tmp/p2-exp.db');
const db = h.db;
await migrateToLatest(db as never);
const org = '01a21ac5-32e9-799b-8dd6-000000000001';
const cycle = '01a21ac5-32e9-799b-8dd6-000000002afb';
const unit = process.env.UNIT ?? '01a21ac5-32e9-799b-8dd6-000000002712';
const bounds = { onTrackMin: 0.6, atRiskMin: 0.4 };
const since = new Date(Date.now() - 7 * 86400000).toISOString();
async function t(name: string, f: () => Promise<unknown>) {
  await f();
  const s = performance.now(); const c = process.cpuUsage();
  let r: unknown;
  for (let i = 0; i < 10; i++) r = await f();
  const cu = process.cpuUsage(c);
  console.log(name, ((performance.now() - s) / 10).toFixed(1), 'ms wall', ((cu.user+cu.system)/10000).toFixed(1), 'ms cpu', JSON.stringify(r).slice(0, 300));
}
await t('units', () => d.listScopeUnits(db, org, unit, cycle));
await t('summary-prog', () => d.summarizeScope(db, org, cycle, unit, bounds, since, {limit: 100, strategy: 'by-progress'}));
await t('summary-plan', () => d.summarizeScope(db, org, cycle, unit, bounds, since, {limit: 100, strategy: 'by-plan'}));
const s = await d.summarizeScope(db, org, cycle, unit, bounds, since, {limit: 100, strategy: 'by-progress'});
await t('details', () => d.findLaggingKeyResults(db, org, s.lagging.map(l => l.id)));
await h.close();
