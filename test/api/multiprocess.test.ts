/**
 * Two server processes on one PostgreSQL database, as in a deployment behind a load balancer:
 * each is a real `polaris serve` (through tsx, so no build is needed) with its own connection
 * pool. What one writes, the other reads at once; roll-ups stay right when both write; a
 * scheduled job run by both at once has its effect once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type ServerProcess } from '../../bench/server.js';
import type { AppContext } from '../../src/context.js';
import { connect, type DatabaseHandle } from '../../src/db/connect.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { emailDomainFor, generateOrganization } from '../../src/generate/generate.js';
import { createApiToken } from '../../src/modules/auth/auth.service.js';
import { loadConfig } from '../../src/config.js';
import { runReminders } from '../../src/jobs/reminders.js';
import {
  createTestDatabase,
  postgresUnavailableReason,
  type TestDatabase,
} from '../helpers/engines.js';
import { differences, storedAndRecomputed } from '../helpers/stored-progress.js';

const reason = await postgresUnavailableReason();
if (reason && process.env.CI === 'true') throw new Error(`${reason}; CI requires PostgreSQL`);

describe.skipIf(reason !== null)('two server processes on one PostgreSQL database', () => {
  let database: TestDatabase;
  let handle: DatabaseHandle;
  let ctx: AppContext;
  let a: ServerProcess;
  let b: ServerProcess;
  let orgId: string;
  /** manual KRs of approved plans, with a token of their owner */
  let targets: { keyResultId: string; planId: string; token: string }[];

  const call = async (
    server: ServerProcess,
    token: string,
    method: string,
    path: string,
    body?: unknown,
  ) => {
    const res = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as any };
  };

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    handle = connect(database.url, { poolSize: 3 });
    await migrateToLatest(handle.db as never);
    ctx = { db: handle.db, engine: 'postgres', config: loadConfig({}), now: () => new Date() };
    const org = 'Two Process Co';
    const report = await generateOrganization(ctx, {
      users: 60,
      units: 8,
      weeks: 3,
      seed: 11,
      org,
      domain: emailDomainFor(org),
    });
    orgId = report.organizationId;
    const krs = await handle.db
      .selectFrom('key_results as kr')
      .innerJoin('plans as p', 'p.id', 'kr.plan_id')
      .innerJoin('cycles as c', 'c.id', 'p.cycle_id')
      .select(['kr.id', 'kr.plan_id', 'kr.owner_id'])
      .where('kr.organization_id', '=', orgId)
      .where('p.state', '=', 'approved')
      .where('c.kind', '=', 'quarter')
      .where('p.owner_type', '=', 'user')
      .where('kr.progress_source', '=', 'manual')
      .orderBy('kr.plan_id')
      .orderBy('kr.id')
      .execute();
    const tokens = new Map<string, string>();
    targets = [];
    for (const kr of krs) {
      const owner = kr.owner_id!;
      if (!tokens.has(owner)) {
        const { token } = await createApiToken(
          ctx,
          { userId: owner, organizationId: orgId, role: 'member' },
          'multiprocess test',
        );
        tokens.set(owner, token);
      }
      targets.push({ keyResultId: kr.id, planId: kr.plan_id, token: tokens.get(owner)! });
    }
    [a, b] = await Promise.all([
      startServer(database.url, { POLARIS_POOL_SIZE: '3' }),
      startServer(database.url, { POLARIS_POOL_SIZE: '3' }),
    ]);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await handle?.close();
    await database?.drop();
  }, 60_000);

  it('runs as two processes with their own pools', () => {
    expect(a.pid).not.toBe(b.pid);
    expect(a.url).not.toBe(b.url);
    expect(targets.length).toBeGreaterThan(20);
  });

  it('reads a check-in made through one process back through the other at once', async () => {
    const target = targets[0]!;
    const before = await call(b, target.token, 'GET', `/key-results/${target.keyResultId}`);
    expect(before.status).toBe(200);
    // B keeps this plan read (plan-cache.ts): what A changes must still show through B at once
    const planBefore = await call(b, target.token, 'GET', `/plans/${target.planId}`);
    expect(planBefore.status).toBe(200);

    const created = await call(
      a,
      target.token,
      'POST',
      `/key-results/${target.keyResultId}/check-ins`,
      {
        value: before.body.targetValue,
        confidence: 9,
        note: 'through process A',
      },
    );
    expect(created.status).toBe(201);

    const kr = await call(b, target.token, 'GET', `/key-results/${target.keyResultId}`);
    expect(kr.status).toBe(200);
    expect(kr.body.currentValue).toBe(before.body.targetValue);
    expect(kr.body.version).toBe(before.body.version + 1);
    expect(kr.body.progress).toBe(1);
    const history = await call(
      b,
      target.token,
      'GET',
      `/key-results/${target.keyResultId}/check-ins`,
    );
    expect(history.body.items[0]).toMatchObject({
      id: created.body.checkIn.id,
      note: 'through process A',
    });
    const plan = await call(b, target.token, 'GET', `/plans/${target.planId}`);
    expect(plan.body.progress).toBe(created.body.plan.progress);
    const shown = plan.body.objectives
      .flatMap((o: { keyResults: { id: string; currentValue: number }[] }) => o.keyResults)
      .find((k: { id: string }) => k.id === target.keyResultId);
    expect(shown.currentValue).toBe(before.body.targetValue);
  });

  it('keeps every roll-up right when both processes check in on the same plans at once', async () => {
    const batch = targets.slice(1, 41);
    const results = await Promise.all(
      batch.map((t, i) =>
        call(i % 2 === 0 ? a : b, t.token, 'POST', `/key-results/${t.keyResultId}/check-ins`, {
          value: i,
          confidence: 5,
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(batch.map(() => 201));
    const { stored, recomputed } = await storedAndRecomputed(handle.db, orgId);
    expect(differences(stored, recomputed)).toEqual([]);
  }, 120_000);

  it('sends each check-in reminder once when both processes run the job at the same moment', async () => {
    // the servers' own schedulers first run 30 s after start; here two more pools of the same
    // database run the job at once, on the next Friday (the default check-in day) at least
    // three days out, when every generated KR is due (its last check-in is 5 days before now)
    const day = 86_400_000;
    let at = new Date(Date.now() + 3 * day);
    const shanghaiWeekday = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).getUTCDay();
    while (shanghaiWeekday(at) !== 5) at = new Date(at.getTime() + day);
    const pools = [connect(database.url, { poolSize: 2 }), connect(database.url, { poolSize: 2 })];
    try {
      const runs = await Promise.all(
        pools.map((p) =>
          runReminders({ db: p.db, engine: 'postgres', config: ctx.config, now: () => at }, at),
        ),
      );
      const reminded = runs.map((r) => r.find((x) => x.organizationId === orgId)!);
      for (const r of reminded) expect(r.error).toBeUndefined();
      const all = [...reminded[0]!.remindedUserIds, ...reminded[1]!.remindedUserIds];
      expect(all.length).toBeGreaterThan(0);
      expect(new Set(all).size).toBe(all.length);
      const rows = await handle.db
        .selectFrom('notifications')
        .select(['user_id', 'dedupe_key'])
        .where('organization_id', '=', orgId)
        .where('kind', '=', 'check_in_reminder')
        .execute();
      expect(rows).toHaveLength(all.length);
      expect(new Set(rows.map((r) => `${r.user_id}|${r.dedupe_key}`)).size).toBe(rows.length);
    } finally {
      await Promise.all(pools.map((p) => p.close()));
    }
  });
});
