/**
 * Bad input (api.md "Conventions"): malformed JSON, schema violations, bodies over the limit,
 * overlong strings, non-finite numbers, unknown fields, wrong content types, requests that fail
 * halfway, and random bodies — never a 500, never a stack trace, never a half-written change.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useTestApp, type TestApp } from '../helpers/app.js';
import { enginesToTest } from '../helpers/engines.js';
import {
  approvePlan,
  buildPlan,
  expectStatus,
  ONE_KR,
  scenario,
  type Scenario,
} from '../helpers/plans.js';
import { changedTables, snapshotOf } from '../helpers/snapshot.js';

const KIB = 1024;

/** A stack frame as Node prints it: `at fn (/path/file.js:12:5)` */
const STACK = /\bat\s[^\n]*\.(?:[cm]?js|ts):\d+/;

interface Raw {
  status: number;
  type: string;
  text: string;
  body: any;
}

/** Sends `payload` exactly as given (a string is not re-encoded) with the caller's token. */
async function raw(
  t: TestApp,
  token: string | undefined,
  method: string,
  url: string,
  payload?: string | Buffer,
  headers: Record<string, string> = {},
): Promise<Raw> {
  const res = await t.app.inject({
    method: method as 'POST',
    url: `/api/v1${url}`,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    ...(payload !== undefined ? { payload } : {}),
  });
  const type = String(res.headers['content-type'] ?? '');
  let body: unknown = res.body;
  try {
    body = JSON.parse(res.body);
  } catch {
    // not JSON: keep the text
  }
  return { status: res.statusCode, type, text: res.body, body };
}

const json = { 'content-type': 'application/json' };

/** A problem+json 4xx without a stack trace. */
function expectProblem(res: Raw, status: number, what: string): void {
  expect(res.status, `${what}: ${res.text.slice(0, 300)}`).toBe(status);
  expect(res.type, what).toMatch(/^application\/problem\+json/);
  expect(res.body.status, what).toBe(status);
  expect(res.text, what).not.toMatch(STACK);
}

/** The distinct `errors[].path` of a problem, sorted. */
const pathsOf = (res: Raw): string[] =>
  [...new Set((res.body.errors as { path: string }[]).map((e) => e.path))].sort();

/** A scenario with a member's approved plan (one objective, one KR) and a draft unit plan. */
async function world(t: TestApp) {
  const s = await scenario(t);
  const approved = await buildPlan(
    s.admin.api,
    { cycleId: s.cycleId, ownerType: 'user', ownerId: s.member.id },
    ONE_KR,
  );
  await approvePlan(s.admin.api, s.admin.api, approved.plan.id);
  const draft = await buildPlan(
    s.teamLead.api,
    { cycleId: s.cycleId, ownerType: 'unit', ownerId: s.teamId },
    ONE_KR,
  );
  const objective = approved.objectives[0];
  const keyResult = objective.keyResults[0];
  const action = await expectStatus(
    s.admin.api.post(`/key-results/${keyResult.id}/actions`, { title: '拜访重点客户' }),
    201,
  );
  return { s, approved, draft, objective, keyResult, action, token: s.admin.token };
}

for (const { engine, skip } of await enginesToTest()) {
  describe.skipIf(skip)(`bad input on ${engine}`, () => {
    const t = useTestApp(engine);

    it('answers malformed JSON with 400 problem+json on every kind of route', async () => {
      const w = await world(t);
      const routes: [string, string][] = [
        ['POST', '/plans'],
        ['POST', `/plans/${w.draft.plan.id}/objectives`],
        ['PATCH', `/objectives/${w.objective.id}`],
        ['POST', `/key-results/${w.keyResult.id}/check-ins`],
        ['PATCH', '/organization'],
        ['POST', '/auth/login'],
      ];
      const payloads = [
        '{"title": ',
        '{title: "x"}',
        "{'title': 'x'}",
        '{"weight": 1,}',
        '{"value": NaN}',
        '{"value": Infinity}',
        '{"value": 0x10}',
        'undefined',
        '',
        '{"__proto__": {"admin": true}}',
      ];
      const before = await snapshotOf(t.ctx, w.s.org.id);
      for (const [method, url] of routes) {
        for (const payload of payloads) {
          const res = await raw(t, w.token, method, url, payload, json);
          expectProblem(res, 400, `${method} ${url} with ${JSON.stringify(payload)}`);
        }
      }
      expect(changedTables(before, await snapshotOf(t.ctx, w.s.org.id))).toEqual([]);
    });

    it('names each field that breaks the schema in a 400', async () => {
      const w = await world(t);
      const cases: [string, string, unknown, string[]][] = [
        [
          'POST',
          `/plans/${w.draft.plan.id}/objectives`,
          { title: '', weight: 101, kind: 'maybe', visibility: 'secret', priority: 0 },
          ['kind', 'priority', 'title', 'visibility', 'weight'],
        ],
        [
          'POST',
          `/objectives/${w.draft.objectives[0].id}/key-results`,
          {
            metricType: 'money',
            weight: -1,
            confidence: 11,
            dueDate: 'tomorrow',
            direction: 'up',
          },
          ['confidence', 'direction', 'dueDate', 'metricType', 'title', 'weight'],
        ],
        ['POST', '/users', {}, ['email', 'name', 'role']],
        [
          'POST',
          '/users',
          { email: 'not an email', name: 'x', role: 'boss', locale: 'fr' },
          ['email', 'locale', 'role'],
        ],
        ['POST', '/cycles', { name: 'Q1', startDate: '2027/01/01' }, ['endDate', 'startDate']],
        ['POST', '/plans', { cycleId: '', ownerType: 'team' }, ['cycleId', 'ownerId', 'ownerType']],
        [
          'PATCH',
          `/actions/${w.action.id}`,
          { state: 'finished', weight: -5 },
          ['state', 'weight'],
        ],
        [
          'PATCH',
          '/organization',
          { settings: { healthThresholds: { atRisk: 2 }, checkInWeekday: 9 } },
          ['settings.checkInWeekday', 'settings.healthThresholds.atRisk'],
        ],
      ];
      for (const [method, url, body, paths] of cases) {
        const res = await raw(t, w.token, method, url, JSON.stringify(body), json);
        expectProblem(res, 400, `${method} ${url}`);
        expect(pathsOf(res), `${method} ${url}`).toEqual(paths);
      }
      const query = await raw(t, w.token, 'GET', '/plans?limit=0&ownerType=team');
      expectProblem(query, 400, 'GET /plans?limit=0&ownerType=team');
      expect(pathsOf(query)).toEqual(['querystring.limit', 'querystring.ownerType']);
    });

    it('refuses a body over 256 KiB with 413 and stores nothing', async () => {
      const w = await world(t);
      const before = await snapshotOf(t.ctx, w.s.org.id);
      const big = (field: string, extra: Record<string, unknown>) =>
        JSON.stringify({ ...extra, [field]: 'x'.repeat(257 * KIB) });
      const cases: [string, string, string][] = [
        [
          'POST',
          `/plans/${w.draft.plan.id}/objectives`,
          big('description', { title: 'x', weight: 1 }),
        ],
        ['POST', `/key-results/${w.keyResult.id}/check-ins`, big('note', { value: 1 })],
        ['POST', '/auth/login', big('password', { email: 'a@b.c' })],
      ];
      for (const [method, url, payload] of cases) {
        expectProblem(await raw(t, w.token, method, url, payload, json), 413, `${method} ${url}`);
      }
      // just under the limit, the body is read and its field limits apply (400, not 413)
      const under = JSON.stringify({ title: 'x', weight: 1, description: 'x'.repeat(250 * KIB) });
      const res = await raw(
        t,
        w.token,
        'POST',
        `/plans/${w.draft.plan.id}/objectives`,
        under,
        json,
      );
      expectProblem(res, 400, 'a body under the limit with an overlong description');
      expect(pathsOf(res)).toEqual(['description']);
      expect(changedTables(before, await snapshotOf(t.ctx, w.s.org.id))).toEqual([]);
    });

    it('refuses overlong strings with 400 naming the field, and takes them at the limit', async () => {
      const w = await world(t);
      const planId = w.draft.plan.id;
      const long = (n: number) => '目'.repeat(n);
      const cases: [string, string, unknown, string][] = [
        ['POST', `/plans/${planId}/objectives`, { title: long(201), weight: 1 }, 'title'],
        [
          'POST',
          `/plans/${planId}/objectives`,
          { title: 'x', description: long(5001), weight: 1 },
          'description',
        ],
        [
          'POST',
          `/key-results/${w.keyResult.id}/check-ins`,
          { value: 1, note: long(5001) },
          'note',
        ],
        [
          'POST',
          `/key-results/${w.keyResult.id}/check-ins`,
          { value: 1, blockers: long(5001) },
          'blockers',
        ],
        ['PATCH', `/key-results/${w.keyResult.id}`, { unit: long(51) }, 'unit'],
        ['POST', `/key-results/${w.keyResult.id}/actions`, { title: long(201) }, 'title'],
        ['POST', '/units', { name: long(201), parentId: w.s.teamId }, 'name'],
        ['POST', '/me/tokens', { name: long(201) }, 'name'],
        ['POST', '/auth/login', { email: `${long(400)}@x.cn`, password: 'x' }, 'email'],
        ['PATCH', `/objectives/${w.objective.id}`, { reason: long(1001) }, 'reason'],
      ];
      const before = await snapshotOf(t.ctx, w.s.org.id);
      for (const [method, url, body, path] of cases) {
        const res = await raw(t, w.token, method, url, JSON.stringify(body), json);
        expectProblem(res, 400, `${method} ${url} ${path}`);
        expect(pathsOf(res), `${method} ${url}`).toEqual([path]);
      }
      const header = await raw(t, w.token, 'PATCH', `/objectives/${w.objective.id}`, '{}', {
        ...json,
        'if-match': `"${'9'.repeat(600)}"`,
      });
      expectProblem(header, 400, 'an overlong If-Match');
      expect(pathsOf(header)).toEqual(['headers.if-match']);
      const query = await raw(
        t,
        w.token,
        'DELETE',
        `/actions/${w.action.id}?reason=${encodeURIComponent(long(1001))}`,
      );
      expectProblem(query, 400, 'an overlong reason in the query');
      expect(changedTables(before, await snapshotOf(t.ctx, w.s.org.id))).toEqual([]);

      // at the limit it is taken, and stored as sent
      const ok = await raw(
        t,
        w.token,
        'POST',
        `/plans/${planId}/objectives`,
        JSON.stringify({ title: long(200), weight: 0 }),
        json,
      );
      expect(ok.status).toBe(201);
      expect(ok.body.title).toBe(long(200));
    });

    it('refuses 1e999, out-of-range and non-number numbers with 400 and stores nothing', async () => {
      const w = await world(t);
      const kr = w.keyResult.id;
      const cases: [string, string, string, string][] = [
        ['POST', `/key-results/${kr}/check-ins`, '{"value": 1e999}', 'value'],
        ['POST', `/key-results/${kr}/check-ins`, '{"value": -1e999}', 'value'],
        ['POST', `/key-results/${kr}/check-ins`, '{"value": 1e16}', 'value'],
        ['POST', `/key-results/${kr}/check-ins`, '{"value": "12"}', 'value'],
        ['POST', `/key-results/${kr}/check-ins`, '{"value": null}', 'value'],
        ['POST', `/key-results/${kr}/check-ins`, '{"value": true}', 'value'],
        ['POST', `/key-results/${kr}/check-ins`, '{"value": [1]}', 'value'],
        ['POST', `/key-results/${kr}/check-ins`, '{"value": 1, "confidence": 1.5}', 'confidence'],
        ['POST', `/key-results/${kr}/check-ins`, '{"value": 1, "confidence": 1e999}', 'confidence'],
        ['PATCH', `/key-results/${kr}`, '{"targetValue": 1e999}', 'targetValue'],
        ['PATCH', `/key-results/${kr}`, '{"startValue": -1e999}', 'startValue'],
        ['PATCH', `/key-results/${kr}`, '{"weight": "50"}', 'weight'],
        ['PATCH', `/objectives/${w.objective.id}`, '{"weight": 1e999}', 'weight'],
        ['PATCH', `/objectives/${w.objective.id}`, '{"priority": 1e999}', 'priority'],
        ['PATCH', `/actions/${w.action.id}`, '{"weight": 1e999}', 'weight'],
        [
          'PATCH',
          '/organization',
          '{"settings": {"healthThresholds": {"atRisk": 1e999}}}',
          'settings.healthThresholds.atRisk',
        ],
      ];
      const before = await snapshotOf(t.ctx, w.s.org.id);
      for (const [method, url, payload, path] of cases) {
        const res = await raw(t, w.token, method, url, payload, json);
        expectProblem(res, 400, `${method} ${url} ${payload}`);
        expect(pathsOf(res), `${method} ${url} ${payload}`).toEqual([path]);
      }
      expect(changedTables(before, await snapshotOf(t.ctx, w.s.org.id))).toEqual([]);
    });

    it('refuses the NUL character in bodies, paths and query strings with 400', async () => {
      const w = await world(t);
      const before = await snapshotOf(t.ctx, w.s.org.id);
      const nul = 'a\u0000b';
      const cases: [string, string, unknown, string[]][] = [
        ['POST', `/plans/${w.draft.plan.id}/objectives`, { title: nul, weight: 1 }, ['title']],
        ['POST', `/key-results/${w.keyResult.id}/check-ins`, { value: 1, note: nul }, ['note']],
        ['POST', '/users', { email: `${nul}@x.cn`, name: nul, role: 'member' }, ['email', 'name']],
        ['POST', '/auth/login', { email: `${nul}@x.cn`, password: nul }, ['email', 'password']],
        ['GET', '/plans/a%00b', undefined, ['params.id']],
        ['GET', `/plans?cycleId=a%00b`, undefined, ['querystring.cycleId']],
      ];
      for (const [method, url, body, paths] of cases) {
        const res = await raw(
          t,
          w.token,
          method,
          url,
          body === undefined ? undefined : JSON.stringify(body),
          body === undefined ? {} : json,
        );
        expectProblem(res, 400, `${method} ${url}`);
        expect(pathsOf(res), `${method} ${url}`).toEqual(paths);
      }
      expect(changedTables(before, await snapshotOf(t.ctx, w.s.org.id))).toEqual([]);
      // and a URL that does not decode is a problem too
      expectProblem(await raw(t, w.token, 'GET', '/plans/%ff%fe'), 400, 'an undecodable URL');
    });

    it('never stores unknown fields: the resource and its row keep only what is known', async () => {
      const w = await world(t);
      const other = await t.factory.org();
      const now = t.ctx.now().toISOString();
      const created = await raw(
        t,
        w.token,
        'POST',
        `/plans/${w.draft.plan.id}/objectives`,
        JSON.stringify({
          title: '提升客户满意度',
          weight: 0,
          id: 'chosen-id',
          planId: w.approved.plan.id,
          organizationId: other.id,
          progress: 0.9,
          health: 'on_track',
          version: 99,
          createdAt: '2000-01-01T00:00:00.000Z',
          secret: 'never stored',
        }),
        json,
      );
      expect(created.status).toBe(201);
      const id = created.body.id as string;
      expect(id).not.toBe('chosen-id');
      expect(created.body).toMatchObject({ planId: w.draft.plan.id, progress: 0, version: 1 });
      expect(created.body.createdAt).toBe(now);
      expect(created.text).not.toContain('never stored');
      const read = await raw(t, w.token, 'GET', `/objectives/${id}`);
      expect(read.body).not.toHaveProperty('secret');
      expect(read.body).not.toHaveProperty('organizationId');
      const row = await t.ctx.db
        .selectFrom('objectives')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        organization_id: w.s.org.id,
        plan_id: w.draft.plan.id,
        progress: 0,
        version: 1,
        created_at: now,
      });
      expect(JSON.stringify(row)).not.toContain('never stored');
      const audit = await t.ctx.db
        .selectFrom('audit_entries')
        .select(['after'])
        .where('target_id', '=', id)
        .execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]!.after).not.toContain('never stored');

      // a check-in cannot choose its author, time or plan
      const checkIn = await raw(
        t,
        w.token,
        'POST',
        `/key-results/${w.keyResult.id}/check-ins`,
        JSON.stringify({
          value: 30,
          authorId: w.s.member.id,
          createdAt: '2000-01-01T00:00:00.000Z',
          planId: w.draft.plan.id,
          progress: 1,
        }),
        json,
      );
      expect(checkIn.status).toBe(201);
      const stored = await t.ctx.db
        .selectFrom('check_ins')
        .selectAll()
        .where('id', '=', checkIn.body.checkIn.id)
        .executeTakeFirstOrThrow();
      expect(stored).toMatchObject({
        author_id: w.s.admin.id,
        created_at: now,
        plan_id: w.approved.plan.id,
        value: 30,
      });

      // a PATCH cannot set derived or foreign columns
      const patched = await raw(
        t,
        w.token,
        'PATCH',
        `/key-results/${w.keyResult.id}`,
        JSON.stringify({
          title: '新标题',
          reason: '标题更准确',
          currentValue: 999,
          progress: 1,
          objectiveId: 'x',
        }),
        json,
      );
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({
        title: '新标题',
        currentValue: 30,
        objectiveId: w.objective.id,
      });
      expect(patched.body.progress).toBeCloseTo(0.3, 9);

      // and a new user lands in the caller's organization without a password hash
      const user = await raw(
        t,
        w.token,
        'POST',
        '/users',
        JSON.stringify({
          email: 'new.person@example.test',
          name: '新人',
          role: 'member',
          organizationId: other.id,
          passwordHash: 'not-a-hash',
        }),
        json,
      );
      expect(user.status).toBe(201);
      expect(user.body).not.toHaveProperty('passwordHash');
      const userRow = await t.ctx.db
        .selectFrom('users')
        .selectAll()
        .where('id', '=', user.body.id)
        .executeTakeFirstOrThrow();
      expect(userRow).toMatchObject({ organization_id: w.s.org.id, password_hash: null });
    });

    it('answers a body that is not JSON with 415 and stores nothing', async () => {
      const w = await world(t);
      const url = `/plans/${w.draft.plan.id}/objectives`;
      const body = JSON.stringify({ title: 'x', weight: 1 });
      const before = await snapshotOf(t.ctx, w.s.org.id);
      const types = [
        'text/plain',
        'application/xml',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/octet-stream',
      ];
      for (const type of types) {
        const res = await raw(t, w.token, 'POST', url, body, { 'content-type': type });
        expectProblem(res, 415, type);
      }
      expectProblem(await raw(t, w.token, 'POST', url, body), 415, 'no content type');
      expectProblem(
        await raw(t, undefined, 'POST', '/auth/login', 'email=a&password=b', {
          'content-type': 'application/x-www-form-urlencoded',
        }),
        415,
        'a form login',
      );
      expect(changedTables(before, await snapshotOf(t.ctx, w.s.org.id))).toEqual([]);
    });

    describe('a request that fails halfway changes nothing', () => {
      /** Runs `send`, expects `status`, and checks that no row of the organization changed. */
      async function unchanged(
        s: Scenario,
        what: string,
        status: number,
        send: () => Promise<{ status: number; body: any }>,
      ): Promise<any> {
        const before = await snapshotOf(t.ctx, s.org.id);
        const res = await send();
        expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBe(status);
        expect(JSON.stringify(res.body), what).not.toMatch(STACK);
        expect(changedTables(before, await snapshotOf(t.ctx, s.org.id)), what).toEqual([]);
        return res.body;
      }

      it('leaves a plan as it was after a 422 on submit, with no review and no audit entry', async () => {
        const s = await scenario(t);
        const plan = await buildPlan(
          s.member.api,
          { cycleId: s.cycleId, ownerType: 'user', ownerId: s.member.id },
          [
            { weight: 60, keyResults: [{ weight: 50 }, { weight: 40 }] },
            { weight: 30, keyResults: [] },
          ],
        );
        const body = await unchanged(s, 'submit with wrong weights', 422, () =>
          s.member.api.post(`/plans/${plan.plan.id}/submit`, {}),
        );
        expect(body.errors.map((e: { code: string }) => e.code).sort()).toEqual([
          'objective.key_result_weights_not_100',
          'objective.no_key_results',
          'plan.objective_weights_not_100',
        ]);
        const after = await expectStatus(s.member.api.get(`/plans/${plan.plan.id}`), 200);
        expect(after).toMatchObject({ state: 'draft', version: plan.plan.version });
      });

      it('writes no check-in, no progress and no audit entry for a 409 check-in', async () => {
        const s = await scenario(t);
        const draft = await buildPlan(
          s.member.api,
          { cycleId: s.cycleId, ownerType: 'user', ownerId: s.member.id },
          ONE_KR,
        );
        const kr = draft.objectives[0].keyResults[0];
        await unchanged(s, 'a check-in on a draft plan', 409, () =>
          s.member.api.post(`/key-results/${kr.id}/check-ins`, { value: 50 }),
        );
        // an approved plan in a cycle that is not active yet
        const planning = await t.factory.cycle(s.org, { state: 'planning', name: 'next' });
        const early = await buildPlan(
          s.member.api,
          { cycleId: planning, ownerType: 'user', ownerId: s.member.id },
          ONE_KR,
        );
        await approvePlan(s.member.api, s.teamLead.api, early.plan.id);
        const earlyKr = early.objectives[0].keyResults[0];
        await unchanged(s, 'a check-in in a planning cycle', 409, () =>
          s.member.api.post(`/key-results/${earlyKr.id}/check-ins`, { value: 50 }),
        );
        // an Idempotency-Key used before for another KR
        await approvePlan(s.member.api, s.teamLead.api, draft.plan.id);
        await expectStatus(
          s.member.api.post(
            `/key-results/${kr.id}/check-ins`,
            { value: 10 },
            { 'idempotency-key': 'week-47' },
          ),
          201,
        );
        const second = await buildPlan(
          s.admin.api,
          { cycleId: s.cycleId, ownerType: 'unit', ownerId: s.teamId },
          [{ weight: 100, keyResults: [{ weight: 100, ownerId: s.member.id }] }],
        );
        await approvePlan(s.admin.api, s.admin.api, second.plan.id);
        await unchanged(s, 'a reused Idempotency-Key', 409, () =>
          s.member.api.post(
            `/key-results/${second.objectives[0].keyResults[0].id}/check-ins`,
            { value: 10 },
            { 'idempotency-key': 'week-47' },
          ),
        );
      });

      it('changes nothing on 409, 412 and 422 anywhere in the plan tree', async () => {
        const s = await scenario(t);
        const api = s.admin.api;
        const draft = await buildPlan(
          api,
          { cycleId: s.cycleId, ownerType: 'user', ownerId: s.member.id },
          [
            { weight: 50, keyResults: [{ weight: 100 }] },
            { weight: 50, keyResults: [{ weight: 50 }, { weight: 50 }] },
          ],
        );
        const [o1, o2] = draft.objectives;
        const unit = await buildPlan(
          api,
          { cycleId: s.cycleId, ownerType: 'unit', ownerId: s.salesId },
          ONE_KR,
        );
        await approvePlan(api, api, unit.plan.id);

        await unchanged(s, 'a stale If-Match on PATCH /objectives/:id', 412, () =>
          api.patch(`/objectives/${o1.id}`, { title: '改' }, { 'if-match': '"7"' }),
        );
        await unchanged(s, 'a stale If-Match on PATCH /key-results/:id', 412, () =>
          api.patch(`/key-results/${o1.keyResults[0].id}`, { weight: 10 }, { 'if-match': '"7"' }),
        );
        await unchanged(s, 'a stale If-Match on DELETE /plans/:id', 412, () =>
          api.delete(`/plans/${draft.plan.id}`, { 'if-match': '"7"' }),
        );
        await unchanged(s, 'a KR whose start equals its target', 422, () =>
          api.post(`/objectives/${o1.id}/key-results`, {
            title: '持平',
            metricType: 'number',
            startValue: 5,
            targetValue: 5,
            weight: 0,
          }),
        );
        await unchanged(s, 'a KR owned by nobody of the organization', 422, () =>
          api.post(`/objectives/${o1.id}/key-results`, {
            title: '有人负责',
            metricType: 'number',
            startValue: 0,
            targetValue: 5,
            weight: 0,
            ownerId: '00000000-0000-4000-8000-000000000000',
          }),
        );
        await unchanged(s, 'an alignment to an objective of the same plan', 422, () =>
          api.post(`/plans/${draft.plan.id}/objectives`, {
            title: '自己对齐自己',
            weight: 0,
            alignedToObjectiveId: o2.id,
          }),
        );
        await unchanged(s, 'an alignment to a plan that is not above', 422, () =>
          api.patch(`/objectives/${unit.objectives[0].id}`, {
            alignedToObjectiveId: o1.id,
          }),
        );
        await unchanged(s, 'a reorder that leaves an objective out', 422, () =>
          api.post(`/plans/${draft.plan.id}/reorder`, { objectiveIds: [o2.id] }),
        );
        await unchanged(s, 'a KR reorder that lists a KR twice', 422, () =>
          api.post(`/objectives/${o2.id}/reorder`, {
            keyResultIds: [o2.keyResults[0].id, o2.keyResults[0].id],
          }),
        );
        await unchanged(s, 'approving a draft', 409, () =>
          api.post(`/plans/${draft.plan.id}/approve`, {}),
        );
        await unchanged(s, 'deleting an approved plan', 409, () =>
          api.delete(`/plans/${unit.plan.id}`),
        );
        await unchanged(s, 'a second plan for the same owner and cycle', 409, () =>
          api.post('/plans', { cycleId: s.cycleId, ownerType: 'unit', ownerId: s.salesId }),
        );
        await unchanged(s, 'requesting changes on an approved plan', 409, () =>
          api.post(`/plans/${unit.plan.id}/request-changes`, { comment: '请修改' }),
        );
        await unchanged(s, 'a cycle moved back to planning', 409, () =>
          api.patch(`/cycles/${s.cycleId}`, { state: 'planning' }),
        );
        await unchanged(s, 'a unit moved under its own child', 422, () =>
          api.patch(`/units/${s.salesId}`, { parentId: s.teamId }),
        );
        await unchanged(s, 'deleting a unit that has child units and plans', 409, () =>
          api.delete(`/units/${s.salesId}`),
        );
        await unchanged(s, 'a user with an email that is taken', 409, () =>
          api.post('/users', { email: s.member.email, name: 'Twin', role: 'member' }),
        );
        await unchanged(s, 'demoting the last admin', 409, () =>
          api.patch(`/users/${s.admin.id}`, { role: 'member' }),
        );
        await unchanged(s, 'thresholds in the wrong order', 422, () =>
          api.patch('/organization', {
            settings: { healthThresholds: { atRisk: 0.3, offTrack: 0.2 } },
          }),
        );

        // in review: the tree is frozen and a review needs a comment that says something
        await expectStatus(api.post(`/plans/${draft.plan.id}/submit`, {}), 200);
        await unchanged(s, 'a blank comment on request-changes', 422, () =>
          api.post(`/plans/${draft.plan.id}/request-changes`, { comment: '   ' }),
        );
        await unchanged(s, 'a new objective on a plan in review', 409, () =>
          api.post(`/plans/${draft.plan.id}/objectives`, { title: '插队', weight: 0 }),
        );
        await unchanged(s, 'a check-in on a plan in review', 409, () =>
          api.post(`/key-results/${o1.keyResults[0].id}/check-ins`, { value: 1 }),
        );
      });
    });

    it('never answers 5xx nor shows a stack trace, whatever the body', async () => {
      const w = await world(t);
      const { s } = w;
      const o = w.draft.objectives[0];
      const routes: [string, string, string[]][] = [
        ['POST', '/plans', ['cycleId', 'ownerType', 'ownerId']],
        [
          'POST',
          `/plans/${w.draft.plan.id}/objectives`,
          [
            'title',
            'description',
            'kind',
            'priority',
            'weight',
            'alignedToObjectiveId',
            'alignedToKeyResultId',
            'visibility',
            'reason',
          ],
        ],
        [
          'PATCH',
          `/objectives/${o.id}`,
          ['title', 'weight', 'priority', 'visibility', 'alignedToKeyResultId', 'reason'],
        ],
        [
          'POST',
          `/objectives/${o.id}/key-results`,
          [
            'title',
            'metricType',
            'unit',
            'startValue',
            'targetValue',
            'direction',
            'weight',
            'priority',
            'ownerId',
            'dueDate',
            'progressSource',
            'confidence',
          ],
        ],
        [
          'PATCH',
          `/key-results/${o.keyResults[0].id}`,
          [
            'title',
            'metricType',
            'startValue',
            'targetValue',
            'direction',
            'weight',
            'ownerId',
            'progressSource',
          ],
        ],
        [
          'POST',
          `/key-results/${w.keyResult.id}/actions`,
          ['title', 'ownerId', 'startDate', 'dueDate', 'weight', 'state'],
        ],
        [
          'PATCH',
          `/actions/${w.action.id}`,
          ['title', 'ownerId', 'startDate', 'dueDate', 'weight', 'state'],
        ],
        [
          'POST',
          `/key-results/${w.keyResult.id}/check-ins`,
          ['value', 'confidence', 'note', 'blockers'],
        ],
        ['POST', `/plans/${w.draft.plan.id}/reorder`, ['objectiveIds', 'reason']],
        ['POST', `/plans/${w.draft.plan.id}/request-changes`, ['comment']],
        ['POST', '/users', ['email', 'name', 'role', 'password', 'locale', 'active', 'unitIds']],
        [
          'PATCH',
          `/users/${s.member.id}`,
          ['email', 'name', 'role', 'locale', 'active', 'unitIds'],
        ],
        ['POST', '/units', ['name', 'parentId', 'leaderId']],
        ['PATCH', `/units/${s.marketingId}`, ['name', 'parentId', 'leaderId']],
        ['POST', '/cycles', ['name', 'kind', 'startDate', 'endDate', 'parentId', 'state']],
        ['PATCH', '/organization', ['name', 'locale', 'timezone', 'settings']],
      ];
      const ids = [
        s.teamId,
        s.cycleId,
        s.member.id,
        o.id,
        w.keyResult.id,
        w.draft.plan.id,
        '00000000-0000-4000-8000-000000000000',
      ];
      const special = fc.constantFrom<unknown>(
        ...ids,
        '',
        ' ',
        '\u0000',
        'x'.repeat(300),
        '2026-02-31',
        '0000-00-00',
        '9999-12-31',
        "'; drop table plans; --",
        '😀'.repeat(10),
        '\ud800',
        'Asia/Shanghai',
        'unit',
        'user',
        'boolean',
        'decrease',
        'aligned',
        'done',
        1e308,
        -1e308,
        5e-324,
        -0,
        1e15,
        -1e15,
        Number.MAX_SAFE_INTEGER + 2,
        0.1,
        100,
        101,
        [],
        {},
        [ids[3]],
        { atRisk: 0.2 },
        { healthThresholds: { atRisk: 0.9, offTrack: 0.95 } },
      );
      const value = fc.oneof(special, fc.jsonValue({ maxDepth: 3 }));
      const bodies = (fields: string[]) =>
        fc.oneof(
          {
            weight: 3,
            arbitrary: fc.dictionary(fc.constantFrom(...fields), value, { maxKeys: 6 }),
          },
          { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
        );
      const failures: string[] = [];
      let sent = 0;
      for (const [i, [method, url, fields]] of routes.entries()) {
        const samples = fc.sample(bodies(fields), { seed: 20261115 + i, numRuns: 30 });
        const texts = [
          ...samples.map((b) => JSON.stringify(b) ?? 'null'),
          ...fc.sample(fc.string({ maxLength: 40 }), { seed: 7 + i, numRuns: 5 }),
        ];
        for (const [j, payload] of texts.entries()) {
          const headers: Record<string, string> = { ...json };
          if (j % 7 === 3) headers['if-match'] = `"${j}"`;
          if (j % 11 === 5) headers['idempotency-key'] = `fuzz-${i}-${j}`;
          const res = await raw(t, w.token, method, url, payload, headers);
          sent++;
          if (res.status >= 500 || STACK.test(res.text)) {
            failures.push(
              `${method} ${url} ${payload.slice(0, 200)} → ${res.status} ${res.text.slice(0, 200)}`,
            );
          } else if (res.status >= 400 && !res.type.startsWith('application/problem+json')) {
            failures.push(
              `${method} ${url} ${payload.slice(0, 200)} → ${res.status} as ${res.type}`,
            );
          }
        }
      }
      expect(sent).toBeGreaterThanOrEqual(500);
      expect(failures).toEqual([]);
      // the organization is still readable as a whole afterwards
      expect((await raw(t, w.token, 'GET', '/plans')).status).toBe(200);
      expect((await raw(t, w.token, 'GET', `/cycles/${s.cycleId}/dashboard`)).status).toBe(200);
      expect((await raw(t, w.token, 'GET', `/cycles/${s.cycleId}/alignment`)).status).toBe(200);
    });
  });
}
