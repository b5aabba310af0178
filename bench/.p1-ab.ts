/** P1 scratch: interleaved A/B of the plan read service path, old flow vs new (not committed). */
import { connect } from '../src/db/connect.js';
import { loadTargets } from './prepare.js';
import { findPlanView, findPlanReadView, findPlanTree } from '../src/modules/plans/plans.repository.js';
import { loadPlanFacts, planFactsLoader } from '../src/modules/plans/access.js';
import { objectivesOfPlan } from '../src/modules/objectives/objectives.repository.js';
import { keyResultsOfPlan } from '../src/modules/key-results/key-results.repository.js';
import { actionsOfPlan } from '../src/modules/actions/actions.repository.js';
import { findOrganizationClock } from '../src/modules/progress/progress.repository.js';
import { policy } from '../src/domain/policy.js';

const h = connect(process.argv[2] ?? 'file:/tmp/p1/work.db');
const db = h.db;
const t = await loadTargets(h, { reads: 5000, checkIns: 10, seed: 17 });
const org = t.organizationId;
let i = 0;
const old = async () => {
  const r = t.reads[i++ % t.reads.length]!;
  const view = await findPlanView(db, org, r.planId);
  await loadPlanFacts(db, org, view!);
  await Promise.all([objectivesOfPlan(db, org, r.planId), keyResultsOfPlan(db, org, r.planId), actionsOfPlan(db, org, r.planId), findOrganizationClock(db, org)]);
};
const neu = async () => {
  const r = t.reads[i++ % t.reads.length]!;
  const actor = { userId: r.userId, organizationId: org, role: 'member' as const };
  const [view, [objectives]] = await Promise.all([findPlanReadView(db, org, r.planId), findPlanTree(db, org, r.planId)]);
  const f = planFactsLoader(db, org, view!);
  await f.allows((x) => policy.readPlan(actor, x));
  if (objectives.some((o) => o.visibility === 'private')) await f.allows((x) => policy.readPrivateObjectives(actor, x));
};
const totals = { old: 0, neu: 0 };
const N = 400;
for (const fn of [old, neu]) for (let k = 0; k < 200; k++) await fn();
for (let round = 0; round < 8; round++) {
  for (const [name, fn] of [['old', old], ['neu', neu]] as const) {
    const c0 = process.cpuUsage();
    for (let k = 0; k < N; k++) await fn();
    const c = process.cpuUsage(c0);
    totals[name] += (c.user + c.system) / 1000 / N;
  }
}
console.log(`plan read service path CPU ms/op: old ${(totals.old / 8).toFixed(3)}  new ${(totals.neu / 8).toFixed(3)}`);
await h.close();
