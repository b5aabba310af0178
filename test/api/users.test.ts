import { describe, expect, it } from 'vitest';
import { makeClient, useTestApp, type Response } from '../helpers/app.js';
import { enginesToTest } from '../helpers/engines.js';
import { TEST_PASSWORD } from '../helpers/factories.js';
import { isUniqueViolation } from '../../src/modules/users/users.repository.js';

function cookieOf(res: Response): string {
  const raw = res.headers['set-cookie'];
  const first = Array.isArray(raw) ? String(raw[0]) : String(raw);
  return first.split(';')[0]!;
}

for (const { engine, skip } of await enginesToTest()) {
  describe.skipIf(skip)(`users on ${engine}`, () => {
    const t = useTestApp(engine);

    it('lets an admin create a user with a hashed password, lower-case email and units (201)', async () => {
      const org = await t.factory.org();
      const unitId = await t.factory.unit(org, { name: 'Sales' });
      const res = await org.admin.api.post('/users', {
        email: '  Li.Lei@Example.TEST ',
        name: '李雷',
        role: 'member',
        password: 'a-long-password',
        locale: 'zh-CN',
        unitIds: [unitId],
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        email: 'li.lei@example.test',
        name: '李雷',
        role: 'member',
        locale: 'zh-CN',
        active: true,
        unitIds: [unitId],
        version: 1,
      });
      expect(res.headers.etag).toBe('"1"');
      expect(JSON.stringify(res.body)).not.toMatch(/argon2|password/i);
      const row = await t.ctx.db
        .selectFrom('users')
        .selectAll()
        .where('id', '=', res.body.id)
        .executeTakeFirstOrThrow();
      expect(row.organization_id).toBe(org.id);
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
      const audit = await t.ctx.db
        .selectFrom('audit_entries')
        .selectAll()
        .where('target_id', '=', res.body.id)
        .where('action', '=', 'user.create')
        .execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]!.actor_id).toBe(org.admin.id);
      expect(audit[0]!.after).not.toMatch(/argon2/);

      const login = await t
        .client()
        .post('/auth/login', { email: 'li.lei@example.test', password: 'a-long-password' });
      expect(login.status).toBe(200);
      const got = await org.admin.api.get(`/users/${res.body.id}`);
      expect(got.status).toBe(200);
      expect(got.body.unitIds).toEqual([unitId]);
    });

    it('rejects a duplicate email, in any case and in any organization, with 409', async () => {
      const org = await t.factory.org();
      const other = await t.factory.org();
      const existing = await t.factory.user(other);
      const first = await org.admin.api.post('/users', {
        email: 'dup@example.test',
        name: 'A',
        role: 'member',
      });
      expect(first.status).toBe(201);
      const again = await org.admin.api.post('/users', {
        email: 'DUP@example.test',
        name: 'B',
        role: 'member',
      });
      expect(again.status).toBe(409);
      expect(again.headers['content-type']).toMatch(/problem\+json/);
      const elsewhere = await org.admin.api.post('/users', {
        email: existing.email,
        name: 'C',
        role: 'member',
      });
      expect(elsewhere.status).toBe(409);
      const renamed = await org.admin.api.patch(`/users/${first.body.id}`, {
        email: existing.email.toUpperCase(),
      });
      expect(renamed.status).toBe(409);
    });

    it('rejects a too-short password and a malformed email with 400 naming the field', async () => {
      const org = await t.factory.org();
      const short = await org.admin.api.post('/users', {
        email: 'short@example.test',
        name: 'S',
        role: 'member',
        password: 'seven77',
      });
      expect(short.status).toBe(400);
      expect(short.body.errors.map((e: { path: string }) => e.path)).toContain('password');
      const bad = await org.admin.api.post('/users', {
        email: 'not an email',
        name: 'S',
        role: 'member',
      });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: { path: string }) => e.path)).toContain('email');
    });

    it('rejects unknown units with 422 listing each one', async () => {
      const org = await t.factory.org();
      const foreign = await t.factory.org();
      const res = await org.admin.api.post('/users', {
        email: 'units@example.test',
        name: 'U',
        role: 'member',
        unitIds: [org.rootUnitId, 'nope', foreign.rootUnitId],
      });
      expect(res.status).toBe(422);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual([
        'unitIds[1]',
        'unitIds[2]',
      ]);
    });

    it('forbids members to create users (403) or to change someone else (403)', async () => {
      const org = await t.factory.org();
      const member = await t.factory.user(org);
      const peer = await t.factory.user(org);
      const res = await member.api.post('/users', {
        email: 'x@example.test',
        name: 'X',
        role: 'admin',
      });
      expect(res.status).toBe(403);
      expect((await member.api.patch(`/users/${peer.id}`, { name: 'Hacked' })).status).toBe(403);
      expect((await member.api.patch(`/users/${member.id}`, { role: 'admin' })).status).toBe(403);
      expect((await member.api.patch(`/users/${member.id}`, { active: false })).status).toBe(403);
      // sending one's own unchanged role is harmless
      expect(
        (await member.api.patch(`/users/${member.id}`, { role: 'member', name: 'Me' })).status,
      ).toBe(200);
    });

    it("answers 404 for another organization's user, to reads and writes", async () => {
      const org = await t.factory.org();
      const other = await t.factory.org();
      const stranger = await t.factory.user(other);
      expect((await org.admin.api.get(`/users/${stranger.id}`)).status).toBe(404);
      expect((await org.admin.api.patch(`/users/${stranger.id}`, { name: 'X' })).status).toBe(404);
      const list = await org.admin.api.get('/users?limit=1000');
      expect(list.body.items.map((u: { id: string }) => u.id)).not.toContain(stranger.id);
    });

    it('ends the sessions and stops the API tokens of a deactivated user (401)', async () => {
      const org = await t.factory.org();
      const user = await t.factory.user(org, { password: TEST_PASSWORD });
      const login = await t.client().post('/auth/login', {
        email: user.email,
        password: TEST_PASSWORD,
      });
      expect(login.status).toBe(200);
      const browser = makeClient(t.app, { cookie: cookieOf(login) });
      expect((await browser.get('/me')).status).toBe(200);
      expect((await user.api.get('/me')).status).toBe(200);

      const res = await org.admin.api.patch(`/users/${user.id}`, { active: false });
      expect(res.status).toBe(200);
      expect(res.body.active).toBe(false);
      expect((await browser.get('/me')).status).toBe(401);
      expect((await user.api.get('/me')).status).toBe(401);
      const sessions = await t.ctx.db
        .selectFrom('sessions')
        .select('id')
        .where('user_id', '=', user.id)
        .execute();
      expect(sessions).toHaveLength(0);
      expect(
        (await t.client().post('/auth/login', { email: user.email, password: TEST_PASSWORD }))
          .status,
      ).toBe(401);

      const back = await org.admin.api.patch(`/users/${user.id}`, { active: true });
      expect(back.status).toBe(200);
      expect((await user.api.get('/me')).status).toBe(200);
    });

    it('keeps the last active admin: self-demotion and self-deactivation are 409', async () => {
      const org = await t.factory.org();
      const demote = await org.admin.api.patch(`/users/${org.admin.id}`, { role: 'member' });
      expect(demote.status).toBe(409);
      const deactivate = await org.admin.api.patch(`/users/${org.admin.id}`, { active: false });
      expect(deactivate.status).toBe(409);
      // an inactive admin does not count
      const sleeper = await t.factory.user(org, { role: 'admin' });
      expect((await org.admin.api.patch(`/users/${sleeper.id}`, { active: false })).status).toBe(
        200,
      );
      expect((await org.admin.api.patch(`/users/${org.admin.id}`, { role: 'member' })).status).toBe(
        409,
      );
      // with a second active admin, stepping down works
      const second = await t.factory.user(org, { role: 'admin' });
      const ok = await org.admin.api.patch(`/users/${org.admin.id}`, { role: 'member' });
      expect(ok.status).toBe(200);
      expect(ok.body.role).toBe('member');
      expect((await second.api.patch(`/users/${second.id}`, { active: false })).status).toBe(409);
    });

    it('keeps one active admin when two admins demote each other at the same time', async () => {
      for (let round = 0; round < 5; round++) {
        const org = await t.factory.org();
        const second = await t.factory.user(org, { role: 'admin' });
        const [a, b] = await Promise.all([
          org.admin.api.patch(`/users/${second.id}`, { role: 'member' }),
          second.api.patch(`/users/${org.admin.id}`, { role: 'member' }),
        ]);
        // the loser is refused either as no longer an admin (403) or as the last admin (409)
        const statuses = [a.status, b.status].sort();
        expect(statuses[0]).toBe(200);
        expect([403, 409]).toContain(statuses[1]);
        const admins = await t.ctx.db
          .selectFrom('users')
          .select('id')
          .where('organization_id', '=', org.id)
          .where('role', '=', 'admin')
          .where('active', '=', 1)
          .execute();
        expect(admins).toHaveLength(1);
      }
    });

    it('lets anyone change their own name, locale and password (with currentPassword)', async () => {
      const org = await t.factory.org();
      const user = await t.factory.user(org, { password: TEST_PASSWORD });
      const named = await user.api.patch(`/users/${user.id}`, { name: 'Han Meimei', locale: 'en' });
      expect(named.status).toBe(200);
      expect(named.body).toMatchObject({ name: 'Han Meimei', locale: 'en', version: 2 });

      const noCurrent = await user.api.patch(`/users/${user.id}`, { password: 'new-password-1' });
      expect(noCurrent.status).toBe(422);
      expect(noCurrent.body.errors[0].path).toBe('currentPassword');
      const wrong = await user.api.patch(`/users/${user.id}`, {
        password: 'new-password-1',
        currentPassword: 'not-it',
      });
      expect(wrong.status).toBe(422);

      const login = await t.client().post('/auth/login', {
        email: user.email,
        password: TEST_PASSWORD,
      });
      const otherBrowser = makeClient(t.app, { cookie: cookieOf(login) });
      const ok = await user.api.patch(`/users/${user.id}`, {
        password: 'new-password-1',
        currentPassword: TEST_PASSWORD,
      });
      expect(ok.status).toBe(200);
      // a new password ends the other sessions
      expect((await otherBrowser.get('/me')).status).toBe(401);
      expect(
        (await t.client().post('/auth/login', { email: user.email, password: TEST_PASSWORD }))
          .status,
      ).toBe(401);
      expect(
        (await t.client().post('/auth/login', { email: user.email, password: 'new-password-1' }))
          .status,
      ).toBe(200);

      // an admin resets someone else's password without knowing the old one
      const reset = await org.admin.api.patch(`/users/${user.id}`, { password: 'admin-set-pw' });
      expect(reset.status).toBe(200);
    });

    it('honours If-Match on PATCH: a stale version is 412, a current one bumps the version', async () => {
      const org = await t.factory.org();
      const user = await t.factory.user(org);
      const got = await org.admin.api.get(`/users/${user.id}`);
      const etag = String(got.headers.etag);
      expect(etag).toBe('"1"');
      const ok = await org.admin.api.patch(
        `/users/${user.id}`,
        { name: 'One' },
        { 'if-match': etag },
      );
      expect(ok.status).toBe(200);
      expect(ok.headers.etag).toBe('"2"');
      const stale = await org.admin.api.patch(
        `/users/${user.id}`,
        { name: 'Two' },
        { 'if-match': etag },
      );
      expect(stale.status).toBe(412);
      expect((await org.admin.api.get(`/users/${user.id}`)).body.name).toBe('One');
    });

    it('pages through users by name with nextCursor and filters by q, unitId and active', async () => {
      const org = await t.factory.org();
      const unitId = await t.factory.unit(org);
      // 'Di Zzy' has a space, so no generated email (user-<base36 time>-<n>@…) can match its query
      const names = ['Ada', 'Bo', 'Cy', 'Di Zzy', 'Ed'];
      const ids: Record<string, string> = {};
      for (const name of names) {
        ids[name] = (await t.factory.user(org, { name, ...(name < 'C' ? { unitId } : {}) })).id;
      }
      await org.admin.api.patch(`/users/${ids.Ed}`, { active: false });

      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const url: string = `/users?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const res = await org.admin.api.get(url);
        expect(res.status).toBe(200);
        expect(res.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...res.body.items.map((u: { name: string }) => u.name));
        cursor = res.body.nextCursor;
        pages++;
      } while (cursor !== null && pages < 10);
      expect(seen).toEqual(['Ada', 'Admin', 'Bo', 'Cy', 'Di Zzy', 'Ed']);
      expect(pages).toBe(3);

      const byQ = await org.admin.api.get('/users?q=I%20ZZ');
      expect(byQ.body.items.map((u: { name: string }) => u.name)).toEqual(['Di Zzy']);
      const byEmail = await org.admin.api.get(`/users?q=${encodeURIComponent(org.admin.email)}`);
      expect(byEmail.body.items.map((u: { id: string }) => u.id)).toEqual([org.admin.id]);
      const byUnit = await org.admin.api.get(`/users?unitId=${unitId}`);
      expect(byUnit.body.items.map((u: { name: string }) => u.name)).toEqual(['Ada', 'Bo']);
      expect(byUnit.body.items[0].unitIds).toEqual([unitId]);
      const inactive = await org.admin.api.get('/users?active=false');
      expect(inactive.body.items.map((u: { name: string }) => u.name)).toEqual(['Ed']);
      const wildcard = await org.admin.api.get('/users?q=%25');
      expect(wildcard.body.items).toEqual([]);
      expect((await org.admin.api.get('/users?cursor=garbage')).status).toBe(400);
    });

    it('lets members read the directory (200)', async () => {
      const org = await t.factory.org();
      const member = await t.factory.user(org);
      const res = await member.api.get('/users');
      expect(res.status).toBe(200);
      expect(res.body.items.map((u: { id: string }) => u.id)).toContain(org.admin.id);
      expect((await member.api.get(`/users/${org.admin.id}`)).status).toBe(200);
    });

    it('drops unknown body fields instead of storing them', async () => {
      const org = await t.factory.org();
      const other = await t.factory.org();
      const res = await org.admin.api.post('/users', {
        email: 'sneaky@example.test',
        name: 'Sneaky',
        role: 'member',
        passwordHash: '$argon2id$forged',
        password_hash: '$argon2id$forged',
        organizationId: other.id,
        organization_id: other.id,
        version: 99,
      });
      expect(res.status).toBe(201);
      expect(res.body.version).toBe(1);
      const row = await t.ctx.db
        .selectFrom('users')
        .selectAll()
        .where('id', '=', res.body.id)
        .executeTakeFirstOrThrow();
      expect(row.password_hash).toBeNull();
      expect(row.organization_id).toBe(org.id);
      const patched = await org.admin.api.patch(`/users/${res.body.id}`, {
        name: 'Still sneaky',
        password_hash: 'x',
        version: 50,
      });
      expect(patched.status).toBe(200);
      expect(patched.body.version).toBe(2);
    });

    it("recognises the engine's unique-violation error (so racing creations answer 409)", async () => {
      const org = await t.factory.org();
      const now = t.ctx.now().toISOString();
      const row = {
        organization_id: org.id,
        email: org.admin.email,
        name: 'Twin',
        role: 'member' as const,
        locale: null,
        active: 1,
        password_hash: null,
        created_at: now,
        updated_at: now,
        version: 1,
      };
      const error = await t.ctx.db
        .insertInto('users')
        .values({ ...row, id: `twin-${org.id}` })
        .execute()
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(isUniqueViolation(error)).toBe(true);
      expect(isUniqueViolation(new Error('other'))).toBe(false);
    });

    it('documents the user, unit, cycle and organization routes in the OpenAPI document', async () => {
      const doc = await t.client().get('/api/openapi.json');
      expect(doc.status).toBe(200);
      for (const path of [
        '/api/v1/users',
        '/api/v1/users/{id}',
        '/api/v1/units',
        '/api/v1/units/{id}',
        '/api/v1/units/{id}/members/{userId}',
        '/api/v1/cycles',
        '/api/v1/cycles/{id}',
        '/api/v1/organization',
      ]) {
        expect(doc.body.paths[path], path).toBeDefined();
      }
    });

    it('replaces memberships on PATCH unitIds but keeps a leader in the unit they lead (422)', async () => {
      const org = await t.factory.org();
      const user = await t.factory.user(org);
      const a = await t.factory.unit(org, { leaderId: user.id });
      const b = await t.factory.unit(org);
      const dropLed = await org.admin.api.patch(`/users/${user.id}`, { unitIds: [b] });
      expect(dropLed.status).toBe(422);
      const ok = await org.admin.api.patch(`/users/${user.id}`, { unitIds: [a, b] });
      expect(ok.status).toBe(200);
      expect([...ok.body.unitIds].sort()).toEqual([a, b].sort());
    });
  });
}
