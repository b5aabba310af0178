/**
 * The floor: the same reads and writes done directly on the database, without HTTP — the SQL one
 * request runs (its token lookup included), issued through the same repository functions, in the
 * same order, as the services do:
 * - plan read: plans.service `getPlan`;
 * - dashboard: dashboard.service `getDashboard` (admin: no private-scope query);
 * - alignment: alignment.service `getCompactAlignmentMap` (admin), its walk up to the parents;
 * - check-in: check-ins.service `createCheckIn`, roll-up and audit in one transaction.
 * What is left out is Fastify, validation, JSON and the network; app ÷ floor is the share of the
 * database's speed the application keeps.
 */
import { createHash } from 'node:crypto';
import type { DbOrTrx } from '../src/context.js';
import type { DatabaseHandle } from '../src/db/connect.js';
import { policy } from '../src/domain/policy.js';
import { expectedProgress } from '../src/domain/progress.js';
import { parseSettings } from '../src/domain/settings.js';
import {
  findCycle,
  findCycles,
  findRootUnit,
  listCycleObjectives,
  listCyclePlans,
  listObjectivesByIds,
} from '../src/modules/alignment/alignment.repository.js';
import { insertAudit } from '../src/modules/audit/audit.repository.js';
import { findApiToken } from '../src/modules/auth/auth.repository.js';
import * as checkIns from '../src/modules/check-ins/check-ins.repository.js';
import {
  findLaggingKeyResults,
  listScopeUnits,
  summarizeScope,
  type SummaryPart,
} from '../src/modules/dashboard/dashboard.repository.js';
import { healthBounds } from '../src/modules/dashboard/health-bounds.js';
import { recentCheckIns } from '../src/modules/key-results/key-results.repository.js';
import { findOrganization } from '../src/modules/organizations/organizations.repository.js';
import { planFactsLoader } from '../src/modules/plans/access.js';
import { findPlanReadView, findPlanTree } from '../src/modules/plans/plans.repository.js';
import { FORECAST_WINDOW } from '../src/modules/progress/forecast.js';
import { manualProgress, rollUpAboveKeyResult } from '../src/modules/progress/rollup.js';
import { newId } from '../src/shared/ids.js';
import type { Targets } from './prepare.js';
import { cursor, type Measured } from './scenarios.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export interface FloorOps {
  planRead(): Promise<void>;
  dashboard(): Promise<void>;
  alignment(): Promise<void>;
  checkIn(): Promise<void>;
}

async function authenticate(db: DbOrTrx, token: string): Promise<void> {
  const row = await findApiToken(db, sha256(token));
  if (!row) throw new Error('floor: unknown token');
}

async function cycleView(db: DbOrTrx, orgId: string, cycleId: string) {
  const [cycle, organization] = await Promise.all([
    findCycle(db, orgId, cycleId),
    findOrganization(db, orgId),
  ]);
  if (!cycle || !organization) throw new Error('floor: no cycle');
  const thresholds = parseSettings(organization.settings).healthThresholds;
  const expected = expectedProgress(
    { startDate: cycle.start_date, endDate: cycle.end_date },
    new Date(),
    organization.timezone,
  );
  return { cycle, organization, thresholds, expected };
}

/** The floor operations over `handle`; check-ins use `checkInTargets` (KRs the app does not touch). */
export function floorOps(
  handle: DatabaseHandle,
  t: Targets,
  checkInTargets: Targets['checkIns'],
): FloorOps {
  const db = handle.db;
  const org = t.organizationId;
  const reads = cursor(t.reads);
  const writes = cursor(checkInTargets);
  return {
    async planRead() {
      const r = reads.take();
      const actor = { userId: r.userId, organizationId: org, role: 'member' as const };
      await authenticate(db, r.token);
      const [view, [objectives]] = await Promise.all([
        findPlanReadView(db, org, r.planId),
        findPlanTree(db, org, r.planId),
      ]);
      if (!view) throw new Error('floor: no plan');
      const facts = planFactsLoader(db, org, view);
      await facts.allows((f) => policy.readPlan(actor, f));
      if (objectives.some((o) => o.visibility === 'private')) {
        await facts.allows((f) => policy.readPrivateObjectives(actor, f));
      }
    },

    async dashboard() {
      await authenticate(db, t.adminToken);
      const view = await cycleView(db, org, t.cycleId);
      const root = await findRootUnit(db, org);
      if (!root) throw new Error('floor: no root unit');
      const bounds = healthBounds(view.expected, view.thresholds);
      const since = new Date(Date.now() - 7 * 86_400_000).toISOString();
      const summarize = (parts?: SummaryPart[]) =>
        summarizeScope(
          db,
          org,
          t.cycleId,
          root.id,
          bounds,
          since,
          { limit: 100, strategy: 'by-progress' },
          parts,
        );
      // as dashboard.service: one statement on SQLite, three side by side on PostgreSQL
      const [, summary] = await Promise.all([
        listScopeUnits(db, org, root.id, t.cycleId),
        handle.engine === 'postgres'
          ? Promise.all([
              summarize(['plans', 'lagging']),
              summarize(['objectives']),
              summarize(['key_results']),
            ]).then(([a]) => a)
          : summarize(),
      ]);
      await findLaggingKeyResults(
        db,
        org,
        summary.lagging.map((l) => l.id),
      );
    },

    async alignment() {
      await authenticate(db, t.adminToken);
      await cycleView(db, org, t.cycleId);
      const [, rows] = await Promise.all([
        listCyclePlans(db, org, t.cycleId),
        listCycleObjectives(db, org, t.cycleId),
      ]);
      const looked = new Set(rows.map((r) => r.id));
      let frontier = rows.map((r) => r.parent_id).filter((id): id is string => id !== null);
      const cycles = new Set<string>();
      for (let level = 0; level < 64 && frontier.length > 0; level++) {
        const missing = [...new Set(frontier)].filter((id) => !looked.has(id));
        for (const id of missing) looked.add(id);
        frontier = [];
        for (const row of await listObjectivesByIds(db, org, missing)) {
          cycles.add(row.cycle_id);
          if (row.parent_id !== null) frontier.push(row.parent_id);
        }
      }
      cycles.delete(t.cycleId);
      await findCycles(db, org, [...cycles]);
    },

    async checkIn() {
      const c = writes.take();
      const actor = { userId: c.userId, organizationId: org, role: 'member' as const };
      await authenticate(db, c.token);
      const at = new Date().toISOString();
      await db.transaction().execute(async (trx) => {
        const target = await checkIns.lockCheckInTarget(trx, org, c.keyResultId);
        if (!target) throw new Error('floor: no KR');
        const facts = planFactsLoader(trx, org, {
          owner_type: target.plan_owner_type,
          owner_id: target.plan_owner_id,
          approver_id: target.plan_approver_id,
        });
        if (target.visibility === 'private') {
          await facts.allows((f) => policy.readPrivateObjectives(actor, f));
        }
        await facts.allows((f) => policy.checkIn(actor, f, { ownerId: target.owner_id }));
        if (target.plan_state !== 'approved') throw new Error('floor: plan not approved');
        const id = newId();
        await checkIns.insertCheckIn(trx, {
          id,
          organization_id: org,
          plan_id: target.plan_id,
          key_result_id: c.keyResultId,
          value: c.value,
          confidence: 7,
          note: 'bench',
          blockers: null,
          author_id: c.userId,
          idempotency_key: null,
          response: null,
          created_at: at,
        });
        const written = await checkIns.recordOnKeyResult(trx, org, c.keyResultId, {
          value: c.value,
          confidence: 7,
          at,
          progress: manualProgress(target, c.value),
        });
        if (!written) throw new Error('floor: no KR');
        await rollUpAboveKeyResult(trx, org, written);
        await insertAudit(trx, {
          organizationId: org,
          actorId: c.userId,
          action: 'checkIn.create',
          targetType: 'keyResult',
          targetId: c.keyResultId,
          after: { checkInId: id, value: c.value, confidence: 7 },
          at,
        });
        await recentCheckIns(trx, org, c.keyResultId, FORECAST_WINDOW);
      });
    },
  };
}

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/**
 * Runs `op` from `concurrency` loops for `seconds` (and at most `maxOps` times); latency per
 * operation in milliseconds, like autocannon's.
 */
export async function runFloor(
  op: (i: number) => Promise<void>,
  concurrency: number,
  seconds: number,
  maxOps = 1_000_000,
): Promise<Measured> {
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + seconds * 1000;
  let i = 0;
  let errors = 0;
  const loop = async () => {
    while (performance.now() < deadline && i < maxOps) {
      const n = i++;
      const t0 = performance.now();
      try {
        await op(n);
        latencies.push(performance.now() - t0);
      } catch (e) {
        errors++;
        if (errors === 1) console.error('  floor error:', (e as Error).message);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    requests: latencies.length,
    seconds: round(elapsed),
    rps: latencies.length / elapsed,
    p50: round(percentile(latencies, 0.5)),
    p99: round(percentile(latencies, 0.99)),
    max: round(latencies[latencies.length - 1] ?? 0),
    non2xx: 0,
    errors,
    statusCodes: {},
  };
}
