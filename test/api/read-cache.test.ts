import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { emailDomainFor, generateOrganization } from '../../src/generate/generate.js';
import { createApiToken } from '../../src/modules/auth/auth.service.js';
import { useTestApp } from '../helpers/app.js';
import { enginesToTest } from '../helpers/engines.js';

const TTL_MS = 1_500;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

for (const { engine, skip } of await enginesToTest()) {
  describe.skipIf(skip)(`cached read models on ${engine}`, () => {
    const t = useTestApp(engine, { readCacheMs: TTL_MS });
    let orgId: string;
    let cycleId: string;
    let rootPlanId: string;
    let admin: string;
    let member: string;
    let outsider: string;

    beforeAll(async () => {
      const report = await generateOrganization(t.ctx, {
        users: 30,
        units: 6,
        weeks: 2,
        seed: 5,
        org: 'Cache Co',
        domain: emailDomainFor('Cache Co'),
      });
      orgId = report.organizationId;
      const cycle = await t.ctx.db
        .selectFrom('cycles')
        .select('id')
        .where('organization_id', '=', orgId)
        .where('kind', '=', 'quarter')
        .executeTakeFirstOrThrow();
      cycleId = cycle.id;
      const plan = await t.ctx.db
        .selectFrom('plans')
        .select('id')
        .where('cycle_id', '=', cycleId)
        .where('owner_id', '=', report.rootUnitId)
        .executeTakeFirstOrThrow();
      rootPlanId = plan.id;
      const people = await t.ctx.db
        .selectFrom('users')
        .select(['id', 'role'])
        .where('organization_id', '=', orgId)
        .orderBy('email')
        .execute();
      const token = async (u: { id: string; role: 'admin' | 'member' }) =>
        (await createApiToken(t.ctx, { userId: u.id, organizationId: orgId, role: u.role }, 't'))
          .token;
      admin = await token(people.find((p) => p.role === 'admin')!);
      member = await token(people.find((p) => p.role === 'member')!);
      outsider = (await t.factory.org()).admin.token;
    });

    const dashboard = (token: string) => t.client(token).get(`/cycles/${cycleId}/dashboard`);

    it('answers a repeated dashboard read from the cache with the same body, until it expires', async () => {
      const first = await dashboard(admin);
      expect(first.status).toBe(200);
      expect(first.headers['x-read-cache']).toBeUndefined();
      const second = await dashboard(admin);
      expect(second.headers['x-read-cache']).toBe('hit');
      expect(second.body).toEqual(first.body);

      // a change shows once the cached response has expired
      await t.ctx.db
        .updateTable('plans')
        .set({ progress: 0.123 })
        .where('id', '=', rootPlanId)
        .execute();
      expect((await dashboard(admin)).body.progress).toBe(first.body.progress);

      // expired: answered at once as it was, while the server computes the next
      await sleep(TTL_MS + 100);
      const stale = await dashboard(admin);
      expect(stale.headers['x-read-cache']).toBe('stale');
      expect(stale.body.progress).toBe(first.body.progress);
      let later = await dashboard(admin);
      for (let i = 0; i < 50 && later.body.progress !== 0.123; i++) {
        await sleep(20);
        later = await dashboard(admin);
      }
      expect(later.headers['x-read-cache']).toBe('hit');
      expect(later.body.progress).toBe(0.123);

      // unread for twice the time: computed while the reader waits
      await t.ctx.db
        .updateTable('plans')
        .set({ progress: 0.456 })
        .where('id', '=', rootPlanId)
        .execute();
      await sleep(2 * TTL_MS + 100);
      const cold = await dashboard(admin);
      expect(cold.headers['x-read-cache']).toBeUndefined();
      expect(cold.body.progress).toBe(0.456);
    });

    it('keeps one entry per caller who sees different private objectives', async () => {
      await dashboard(admin);
      const asMember = await dashboard(member);
      expect(asMember.status).toBe(200);
      expect(asMember.headers['x-read-cache']).toBeUndefined();
      expect((await dashboard(member)).headers['x-read-cache']).toBe('hit');
    });

    it('computes concurrent misses once and serves the others the result', async () => {
      await sleep(2 * TTL_MS + 100);
      const all = await Promise.all(
        Array.from({ length: 5 }, () => t.client(admin).get(`/cycles/${cycleId}/alignment`)),
      );
      expect(all.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
      expect(all.filter((r) => r.headers['x-read-cache'] === 'hit')).toHaveLength(4);
      for (const r of all) expect(r.body).toEqual(all[0]!.body);
    });

    it('keeps a large response gzipped too, for the clients that accept gzip', async () => {
      await sleep(2 * TTL_MS + 100);
      const url = `/api/v1/cycles/${cycleId}/alignment`;
      const get = (acceptEncoding?: string) =>
        t.app.inject({
          method: 'GET',
          url,
          headers: {
            authorization: `Bearer ${admin}`,
            ...(acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }),
          },
        });
      const first = await get('gzip, deflate, br');
      expect(first.statusCode).toBe(200);
      expect(first.headers['content-encoding']).toBe('gzip');
      expect(first.headers.vary).toBe('accept-encoding');
      const json = gunzipSync(first.rawPayload).toString();
      expect(json.length).toBeGreaterThan(32 * 1024);
      expect(first.rawPayload.length).toBeLessThan(json.length / 3);

      const plain = await get();
      expect(plain.headers['x-read-cache']).toBe('hit');
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body).toBe(json);
      const refused = await get('gzip;q=0, identity');
      expect(refused.headers['content-encoding']).toBeUndefined();
      expect(refused.body).toBe(json);
      const again = await get('gzip');
      expect(again.headers['x-read-cache']).toBe('hit');
      expect(gunzipSync(again.rawPayload).toString()).toBe(json);
    });

    it("never serves another organization's cached read model: 404", async () => {
      await dashboard(admin);
      const res = await dashboard(outsider);
      expect(res.status).toBe(404);
      expect(res.headers['x-read-cache']).toBeUndefined();
    });
  });
}
