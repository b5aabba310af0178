import { connect } from '../src/db/connect.js';
import { loadConfig } from '../src/config.js';
import { getDashboard } from '../src/modules/dashboard/dashboard.service.js';
import { getCompactAlignmentMap } from '../src/modules/alignment/alignment.service.js';
import * as d from '../src/modules/dashboard/dashboard.repository.js';
import * as a from '../src/modules/alignment/alignment.repository.js';
const h = connect('/tmp/p2-exp.db');
const ctx = { db: h.db, engine: h.engine, config: loadConfig({}), now: () => new Date() } as any;
const org = '01a21ac5-32e9-799b-8dd6-000000000001';
const cycle = '01a21ac5-32e9-799b-8dd6-000000002afb';
const root = '01a21ac5-32e9-799b-8dd6-000000002712';
const actor = { organizationId: org, userId: '01a21ac5-32e9-799b-8dd6-000000000002', role: 'admin' } as any;
async function t(name: string, f: () => Promise<unknown>, n = 5) {
  await f();
  const s = performance.now(); const c = process.cpuUsage();
  for (let i = 0; i < n; i++) await f();
  const cu = process.cpuUsage(c);
  console.log(name.padEnd(20), ((performance.now() - s) / n).toFixed(1), 'ms wall', ((cu.user + cu.system) / 1000 / n).toFixed(1), 'ms cpu');
}
const which = process.argv[2] ?? 'all';
if (which === 'all' || which === 'dash') {
  await t('dashboard', () => getDashboard(ctx, actor, cycle));
  await t('  units', () => d.listScopeUnits(h.db, org, root, cycle));
  await t('  summary', () => d.summarizeScope(h.db, org, cycle, root, { onTrackMin: 0.4, atRiskMin: 0.25 }, '2026-11-20', { limit: 100, strategy: 'by-progress' }));
}
if (which === 'all' || which === 'align') {
  await t('alignment compact', () => getCompactAlignmentMap(ctx, actor, cycle));
  await t('  stringify', async () => JSON.stringify(await getCompactAlignmentMap(ctx, actor, cycle)));
  await t('  plans', () => a.listCyclePlans(h.db, org, cycle));
  await t('  objectives', () => a.listCycleObjectives(h.db, org, cycle));
}
await h.close();
