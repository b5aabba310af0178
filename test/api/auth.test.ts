import { describe, expect, it } from 'vitest';
import { makeClient, useTestApp } from '../helpers/app.js';
import { enginesToTest } from '../helpers/engines.js';
import { TEST_PASSWORD } from '../helpers/factories.js';

function cookieOf(res: { headers: Record<string, unknown> }): string {
  const raw = res.headers['set-cookie'];
  const first = Array.isArray(raw) ? String(raw[0]) : String(raw);
  return first.split(';')[0]!;
}

for (const { engine, skip } of await enginesToTest()) {
  describe.skipIf(skip)(`sign-in on ${engine}`, () => {
    const t = useTestApp(engine, { loginMaxFailuresPerAccount: 3 });

    it('reports health with the engine', async () => {
      const res = await t.client().get('/health');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'ok', database: engine });
    });

    it('signs in with a session cookie, needs CSRF for unsafe requests, and signs out', async () => {
      const org = await t.factory.org();
      const anon = t.client();
      const login = await anon.post('/auth/login', {
        email: org.admin.email.toUpperCase(),
        password: TEST_PASSWORD,
      });
      expect(login.status).toBe(200);
      expect(login.body.user).toMatchObject({ id: org.admin.id, role: 'admin' });
      expect(login.body.user.passwordHash).toBeUndefined();
      const setCookie = String(login.headers['set-cookie']);
      expect(setCookie).toMatch(/HttpOnly/);
      expect(setCookie).toMatch(/SameSite=Lax/);
      const cookie = cookieOf(login);
      // the cookie value is not what is stored
      const token = decodeURIComponent(cookie.split('=')[1]!);
      const stored = await t.ctx.db
        .selectFrom('sessions')
        .select('id')
        .where('user_id', '=', org.admin.id)
        .execute();
      expect(stored.map((s) => s.id)).not.toContain(token);

      const browser = makeClient(t.app, { cookie });
      const me = await browser.get('/me');
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({
        id: org.admin.id,
        csrfToken: login.body.csrfToken,
        unitIds: [org.rootUnitId],
      });

      const noCsrf = await browser.post('/me/tokens', { name: 'ci' });
      expect(noCsrf.status).toBe(403);
      const withCsrf = await browser.post(
        '/me/tokens',
        { name: 'ci' },
        { 'x-csrf-token': login.body.csrfToken },
      );
      expect(withCsrf.status).toBe(201);

      expect(
        (await browser.post('/auth/logout', {}, { 'x-csrf-token': login.body.csrfToken })).status,
      ).toBe(204);
      expect((await browser.get('/me')).status).toBe(401);
    });

    it('answers 401 with the same text for an unknown email and a wrong password', async () => {
      const org = await t.factory.org();
      const a = await t
        .client()
        .post('/auth/login', { email: 'nobody@example.test', password: 'x' });
      const b = await t.client().post('/auth/login', { email: org.admin.email, password: 'wrong' });
      expect(a.status).toBe(401);
      expect(b.status).toBe(401);
      expect(a.body.detail).toBe(b.body.detail);
      expect(a.headers['content-type']).toMatch(/application\/problem\+json/);
    });

    it('limits repeated failures per account with 429, even with the right password', async () => {
      const org = await t.factory.org();
      for (let i = 0; i < 3; i++) {
        expect(
          (await t.client().post('/auth/login', { email: org.admin.email, password: 'nope' }))
            .status,
        ).toBe(401);
      }
      const locked = await t
        .client()
        .post('/auth/login', { email: org.admin.email, password: TEST_PASSWORD });
      expect(locked.status).toBe(429);
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
      t.setNow(new Date(t.ctx.now().getTime() + 16 * 60_000));
      expect(
        (await t.client().post('/auth/login', { email: org.admin.email, password: TEST_PASSWORD }))
          .status,
      ).toBe(200);
    });

    it('rotates the session at login and expires idle sessions', async () => {
      const org = await t.factory.org();
      const first = await t
        .client()
        .post('/auth/login', { email: org.admin.email, password: TEST_PASSWORD });
      const cookie1 = cookieOf(first);
      const second = await makeClient(t.app, { cookie: cookie1 }).post('/auth/login', {
        email: org.admin.email,
        password: TEST_PASSWORD,
      });
      const cookie2 = cookieOf(second);
      expect(cookie2).not.toBe(cookie1);
      expect((await makeClient(t.app, { cookie: cookie1 }).get('/me')).status).toBe(401);
      expect((await makeClient(t.app, { cookie: cookie2 }).get('/me')).status).toBe(200);
      t.setNow(new Date(t.ctx.now().getTime() + t.ctx.config.sessionIdleMs + 1000));
      expect((await makeClient(t.app, { cookie: cookie2 }).get('/me')).status).toBe(401);
    });

    it('accepts API tokens as bearer, stores them hashed, and refuses them once revoked', async () => {
      const org = await t.factory.org();
      const created = await org.admin.api.post('/me/tokens', { name: 'script' });
      expect(created.status).toBe(201);
      expect(created.body.token).toMatch(/^plr_/);
      const rows = await t.ctx.db.selectFrom('api_tokens').select('token_hash').execute();
      expect(rows.map((r) => r.token_hash)).not.toContain(created.body.token);
      const api = t.client(created.body.token);
      expect((await api.get('/me')).status).toBe(200);
      expect((await org.admin.api.delete(`/me/tokens/${created.body.id}`)).status).toBe(204);
      expect((await api.get('/me')).status).toBe(401);
    });

    it('answers malformed JSON with 400 problem+json and unknown routes with 404', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': 'application/json' },
        payload: '{"email": ',
      });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body).not.toMatch(/at .*\.js/);
      expect((await t.client().get('/nowhere')).status).toBe(404);
    });

    it('names each missing field in a 400', async () => {
      const res = await t.client().post('/auth/login', {});
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
        'email',
        'password',
      ]);
    });

    it('serves the OpenAPI document and its page', async () => {
      const doc = await t.client().get('/api/openapi.json');
      expect(doc.status).toBe(200);
      expect(doc.body.paths['/api/v1/auth/login']).toBeDefined();
      const page = await t.app.inject({ method: 'GET', url: '/api/docs/' });
      expect([200, 302]).toContain(page.statusCode);
    });
  });
}
