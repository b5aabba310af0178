/**
 * The alignment map computed on its own thread (alignment-thread.ts), as `polaris serve` does:
 * the same map as the route computes inline, refusals as the same errors, and a thread that
 * died is started again.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { AppContext } from '../../src/context.js';
import { connect, type DatabaseHandle } from '../../src/db/connect.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { emailDomainFor, generateOrganization } from '../../src/generate/generate.js';
import { buildApp } from '../../src/http/app.js';
import { AlignmentThread } from '../../src/modules/alignment/alignment-thread.js';
import { createApiToken } from '../../src/modules/auth/auth.service.js';
import { makeClient } from '../helpers/app.js';
import { createTestDatabase, enginesToTest, type TestDatabase } from '../helpers/engines.js';

for (const { engine, skip } of await enginesToTest()) {
  describe.skipIf(skip)(`the alignment thread on ${engine}`, () => {
    let database: TestDatabase;
    let handle: DatabaseHandle;
    let thread: AlignmentThread;
    let inline: ReturnType<typeof makeClient>;
    let offloaded: ReturnType<typeof makeClient>;
    let stranger: ReturnType<typeof makeClient>;
    const apps: { close(): Promise<unknown> }[] = [];
    let cycleId: string;
    let rootUnitId: string;

    beforeAll(async () => {
      database = await createTestDatabase(engine);
      handle = connect(database.url, { poolSize: 3 });
      await migrateToLatest(handle.db as never);
      const config = { ...loadConfig({}), demo: false, databaseUrl: database.url };
      const ctx: AppContext = {
        db: handle.db,
        engine: handle.engine,
        config,
        now: () => new Date(),
      };
      const report = await generateOrganization(ctx, {
        users: 40,
        units: 6,
        weeks: 2,
        seed: 11,
        org: 'Thread Co',
        domain: emailDomainFor('Thread Co'),
      });
      rootUnitId = report.rootUnitId;
      cycleId = (
        await handle.db
          .selectFrom('cycles')
          .select('id')
          .where('organization_id', '=', report.organizationId)
          .where('kind', '=', 'quarter')
          .executeTakeFirstOrThrow()
      ).id;
      const people = await handle.db
        .selectFrom('users')
        .select(['id', 'role'])
        .where('organization_id', '=', report.organizationId)
        .orderBy('email')
        .execute();
      const member = people.find((p) => p.role === 'member')!;
      const token = (
        await createApiToken(
          ctx,
          { userId: member.id, organizationId: report.organizationId, role: 'member' },
          't',
        )
      ).token;
      thread = new AlignmentThread({ databaseUrl: database.url, config });
      const plain = await buildApp(ctx);
      const withThread = await buildApp({ ...ctx, alignmentThread: thread });
      apps.push(plain, withThread);
      inline = makeClient(plain, { authorization: `Bearer ${token}` });
      offloaded = makeClient(withThread, { authorization: `Bearer ${token}` });
      const other = await buildApp(ctx);
      apps.push(other);
      const outsider = await generateOrganization(ctx, {
        users: 6,
        units: 5,
        weeks: 1,
        seed: 3,
        org: 'Elsewhere',
        domain: emailDomainFor('Elsewhere'),
      });
      const admin = await handle.db
        .selectFrom('users')
        .select('id')
        .where('organization_id', '=', outsider.organizationId)
        .where('role', '=', 'admin')
        .executeTakeFirstOrThrow();
      const outsiderToken = (
        await createApiToken(
          ctx,
          { userId: admin.id, organizationId: outsider.organizationId, role: 'admin' },
          't',
        )
      ).token;
      stranger = makeClient(withThread, { authorization: `Bearer ${outsiderToken}` });
    });

    afterAll(async () => {
      await thread?.close();
      for (const app of apps) await app.close();
      await handle?.close();
      await database?.drop();
    });

    /** the map without the cycle's elapsed share, which moves with the clock between reads */
    const still = (body: any) => ({ ...body, cycle: { ...body.cycle, expectedProgress: 0 } });

    it('answers the same map, in both formats and for a unit, as the route computes itself', async () => {
      const asked = vi.spyOn(thread, 'map');
      for (const query of ['', '?format=compact', `?format=compact&unitId=${rootUnitId}`]) {
        const url = `/cycles/${cycleId}/alignment${query}`;
        const [mine, theirs] = await Promise.all([offloaded.get(url), inline.get(url)]);
        expect(mine.status, url).toBe(200);
        expect(mine.headers['content-type']).toContain('application/json');
        expect(still(mine.body), url).toEqual(still(theirs.body));
        expect(mine.body.nodes.id ?? mine.body.nodes).not.toHaveLength(0);
      }
      expect(asked).toHaveBeenCalledTimes(3);
      asked.mockRestore();
    });

    it('refuses as the route does: another organization’s cycle is a 404 problem', async () => {
      const res = await stranger.get(`/cycles/${cycleId}/alignment?format=compact`);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.code).toBe('not_found');
    });

    it('starts the thread again after it died', async () => {
      await thread.close();
      const res = await offloaded.get(`/cycles/${cycleId}/alignment?format=compact`);
      expect(res.status).toBe(200);
      expect(res.body.format).toBe('compact');
    });
  });
}
