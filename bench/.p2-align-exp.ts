import { connect } from '../src/db/connect.js';
import * as a from '../src/modules/alignment/alignment.repository.js';
const h = connect(process.env.DB ?? '/tmp/p2-exp.db');
const db = h.db;
const org = '01a21ac5-32e9-799b-8dd6-000000000001';
const cycle = '01a21ac5-32e9-799b-8dd6-000000002afb';
async function t(name: string, f: () => Promise<unknown>) {
  await f();
  const s = performance.now(); const c = process.cpuUsage();
  let r: any;
  for (let i = 0; i < 5; i++) r = await f();
  const cu = process.cpuUsage(c);
  console.log(name, ((performance.now() - s) / 5).toFixed(1), 'ms wall', ((cu.user+cu.system)/5000).toFixed(1), 'ms cpu', Array.isArray(r) ? r.length : '', JSON.stringify(Array.isArray(r) ? r[0] : r).slice(0, 200));
}
await t('plans', () => a.listCyclePlans(db, org, cycle));
await t('objectives', () => a.listCycleObjectives(db, org, cycle));
await t('alignedKRs', () => a.listAlignedKeyResults(db, org, cycle));
await h.close();
