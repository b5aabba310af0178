import { describe, expect, it } from 'vitest';
import { useTestApp, type TestApp } from '../helpers/app.js';
import { enginesToTest } from '../helpers/engines.js';
import type { TestOrg } from '../helpers/factories.js';

/** A plan row inserted directly: plans are another module's; here we only need one to exist. */
async function insertPlan(
  t: TestApp,
  org: TestOrg,
  cycleId: string,
  ownerId: string,
  state: 'draft' | 'in_review' | 'approved' | 'closed',
): Promise<string> {
  const id = `plan-${cycleId}-${ownerId}`;
  const now = t.ctx.now().toISOString();
  await t.ctx.db
    .insertInto('plans')
    .values({
      id,
      organization_id: org.id,
      cycle_id: cycleId,
      owner_type: 'user',
      owner_id: ownerId,
      state,
      approver_id: null,
      progress: 0,
      last_check_in_at: null,
      submitted_at: null,
      approved_at: null,
      closed_at: null,
      created_at: now,
      updated_at: now,
      version: 1,
      revision: 0,
    })
    .execute();
  return id;
}

for (const { engine, skip } of await enginesToTest()) {
  describe.skipIf(skip)(`cycles on ${engine}`, () => {
    const t = useTestApp(engine);

    it('lets an admin create a cycle that starts in planning (201)', async () => {
      const org = await t.factory.org();
      const res = await org.admin.api.post('/cycles', {
        name: '2027 Q1',
        kind: 'quarter',
        startDate: '2027-01-01',
        endDate: '2027-03-31',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        name: '2027 Q1',
        kind: 'quarter',
        startDate: '2027-01-01',
        endDate: '2027-03-31',
        parentId: null,
        state: 'planning',
        version: 1,
      });
      expect(res.headers.etag).toBe('"1"');
      const custom = await org.admin.api.post('/cycles', {
        name: 'Sprint',
        startDate: '2027-01-01',
        endDate: '2027-01-01',
        state: 'active',
      });
      expect(custom.status).toBe(201);
      expect(custom.body).toMatchObject({ kind: 'custom', state: 'active' });
      const audit = await t.ctx.db
        .selectFrom('audit_entries')
        .select('action')
        .where('target_id', '=', res.body.id)
        .execute();
      expect(audit.map((a) => a.action)).toEqual(['cycle.create']);
    });

    it('rejects an end before the start with 422 and impossible dates with 400', async () => {
      const org = await t.factory.org();
      const backwards = await org.admin.api.post('/cycles', {
        name: 'X',
        startDate: '2027-03-31',
        endDate: '2027-01-01',
      });
      expect(backwards.status).toBe(422);
      expect(backwards.body.errors[0]).toMatchObject({
        path: 'endDate',
        code: 'cycle.end_before_start',
      });
      const impossible = await org.admin.api.post('/cycles', {
        name: 'X',
        startDate: '2027-02-30',
        endDate: '2027-03-31',
      });
      expect(impossible.status).toBe(400);
      expect(impossible.body.errors[0].path).toBe('startDate');
      const malformed = await org.admin.api.post('/cycles', {
        name: 'X',
        startDate: '1 Jan 2027',
        endDate: '2027-03-31',
      });
      expect(malformed.status).toBe(400);
    });

    it('requires a parent cycle to enclose its child (422) and accepts one that does', async () => {
      const org = await t.factory.org();
      const year = await t.factory.cycle(org, {
        name: '2027',
        kind: 'year',
        startDate: '2027-01-01',
        endDate: '2027-12-31',
        state: 'planning',
      });
      const outside = await org.admin.api.post('/cycles', {
        name: 'Q4 2026',
        startDate: '2026-10-01',
        endDate: '2027-01-31',
        parentId: year,
      });
      expect(outside.status).toBe(422);
      expect(outside.body.errors[0]).toMatchObject({
        path: 'parentId',
        code: 'cycle.outside_parent',
      });
      const inside = await org.admin.api.post('/cycles', {
        name: '2027 Q2',
        kind: 'quarter',
        startDate: '2027-04-01',
        endDate: '2027-06-30',
        parentId: year,
      });
      expect(inside.status).toBe(201);
      expect(inside.body.parentId).toBe(year);
      // the year can no longer shrink away from its quarter, nor hang under its own quarter
      const shrink = await org.admin.api.patch(`/cycles/${year}`, { endDate: '2027-05-31' });
      expect(shrink.status).toBe(422);
      expect(
        (await org.admin.api.patch(`/cycles/${year}`, { parentId: inside.body.id })).status,
      ).toBe(422);
      const unknownParent = await org.admin.api.post('/cycles', {
        name: 'X',
        startDate: '2027-04-01',
        endDate: '2027-06-30',
        parentId: 'nope',
      });
      expect(unknownParent.status).toBe(422);
    });

    it('moves the state forward one step (200) and refuses going back or skipping (409)', async () => {
      const org = await t.factory.org();
      const id = await t.factory.cycle(org, { state: 'planning' });
      const active = await org.admin.api.patch(`/cycles/${id}`, { state: 'active' });
      expect(active.status).toBe(200);
      expect(active.body).toMatchObject({ state: 'active', version: 2 });
      expect(active.headers.etag).toBe('"2"');
      const back = await org.admin.api.patch(`/cycles/${id}`, { state: 'planning' });
      expect(back.status).toBe(409);
      const skip = await org.admin.api.patch(`/cycles/${id}`, { state: 'closed' });
      expect(skip.status).toBe(409);
      expect((await org.admin.api.get(`/cycles/${id}`)).body.state).toBe('active');
    });

    it('closes every plan of the cycle, with closed_at, when the cycle closes', async () => {
      const org = await t.factory.org();
      const a = await t.factory.user(org);
      const b = await t.factory.user(org);
      const cycleId = await t.factory.cycle(org, { state: 'reviewing' });
      const otherCycle = await t.factory.cycle(org, { state: 'reviewing' });
      const draft = await insertPlan(t, org, cycleId, a.id, 'draft');
      const approved = await insertPlan(t, org, cycleId, b.id, 'approved');
      const elsewhere = await insertPlan(t, org, otherCycle, a.id, 'approved');
      t.setNow('2027-01-05T02:00:00.000Z');

      const res = await org.admin.api.patch(`/cycles/${cycleId}`, { state: 'closed' });
      expect(res.status).toBe(200);
      expect(res.body.state).toBe('closed');
      const plans = await t.ctx.db
        .selectFrom('plans')
        .select(['id', 'state', 'closed_at', 'version'])
        .where('organization_id', '=', org.id)
        .orderBy('id')
        .execute();
      const byId = new Map(plans.map((p) => [p.id, p]));
      for (const id of [draft, approved]) {
        expect(byId.get(id)).toMatchObject({
          state: 'closed',
          closed_at: '2027-01-05T02:00:00.000Z',
          version: 2,
        });
      }
      expect(byId.get(elsewhere)).toMatchObject({ state: 'approved', closed_at: null });
      const audit = await t.ctx.db
        .selectFrom('audit_entries')
        .select(['action', 'target_id'])
        .where('organization_id', '=', org.id)
        .where('action', 'in', ['cycle.update', 'plan.close'])
        .execute();
      expect(
        audit
          .filter((e) => e.action === 'plan.close')
          .map((e) => e.target_id)
          .sort(),
      ).toEqual([approved, draft].sort());
      // a closed cycle keeps its dates
      expect(
        (await org.admin.api.patch(`/cycles/${cycleId}`, { endDate: '2027-01-31' })).status,
      ).toBe(409);
      expect((await org.admin.api.patch(`/cycles/${cycleId}`, { name: 'Q4 (done)' })).status).toBe(
        200,
      );
    });

    it('lists cycles newest start first, filters by state and pages with nextCursor', async () => {
      const org = await t.factory.org();
      await t.factory.cycle(org, {
        name: 'Q1',
        startDate: '2026-01-01',
        endDate: '2026-03-31',
        state: 'closed',
      });
      await t.factory.cycle(org, {
        name: 'Q3',
        startDate: '2026-07-01',
        endDate: '2026-09-30',
        state: 'reviewing',
      });
      await t.factory.cycle(org, {
        name: 'Q2',
        startDate: '2026-04-01',
        endDate: '2026-06-30',
        state: 'closed',
      });
      const member = await t.factory.user(org);
      const all = await member.api.get('/cycles');
      expect(all.status).toBe(200);
      expect(all.body.items.map((c: { name: string }) => c.name)).toEqual(['Q3', 'Q2', 'Q1']);
      const closed = await member.api.get('/cycles?state=closed');
      expect(closed.body.items.map((c: { name: string }) => c.name)).toEqual(['Q2', 'Q1']);
      const first = await member.api.get('/cycles?limit=2');
      expect(first.body.items.map((c: { name: string }) => c.name)).toEqual(['Q3', 'Q2']);
      const second = await member.api.get(
        `/cycles?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`,
      );
      expect(second.body.items.map((c: { name: string }) => c.name)).toEqual(['Q1']);
      expect(second.body.nextCursor).toBeNull();
      expect((await member.api.get('/cycles?state=done')).status).toBe(400);
    });

    it('forbids members to create or change cycles (403)', async () => {
      const org = await t.factory.org();
      const member = await t.factory.user(org);
      const id = await t.factory.cycle(org, { state: 'planning' });
      expect(
        (
          await member.api.post('/cycles', {
            name: 'X',
            startDate: '2027-01-01',
            endDate: '2027-03-31',
          })
        ).status,
      ).toBe(403);
      expect((await member.api.patch(`/cycles/${id}`, { state: 'active' })).status).toBe(403);
      expect((await member.api.get(`/cycles/${id}`)).status).toBe(200);
    });

    it("answers 404 for another organization's cycle", async () => {
      const org = await t.factory.org();
      const other = await t.factory.org();
      const foreign = await t.factory.cycle(other);
      expect((await org.admin.api.get(`/cycles/${foreign}`)).status).toBe(404);
      expect((await org.admin.api.patch(`/cycles/${foreign}`, { name: 'Mine' })).status).toBe(404);
      const child = await org.admin.api.post('/cycles', {
        name: 'X',
        startDate: '2026-10-01',
        endDate: '2026-10-31',
        parentId: foreign,
      });
      expect(child.status).toBe(422);
    });

    it('honours If-Match on PATCH with 412 for a stale version', async () => {
      const org = await t.factory.org();
      const id = await t.factory.cycle(org, { state: 'planning' });
      const stale = await org.admin.api.patch(
        `/cycles/${id}`,
        { state: 'active' },
        { 'if-match': '"2"' },
      );
      expect(stale.status).toBe(412);
      expect((await org.admin.api.get(`/cycles/${id}`)).body.state).toBe('planning');
    });

    it('drops unknown body fields instead of storing them', async () => {
      const org = await t.factory.org();
      const res = await org.admin.api.post('/cycles', {
        name: 'Clean',
        startDate: '2027-01-01',
        endDate: '2027-03-31',
        version: 9,
        organizationId: 'elsewhere',
      });
      expect(res.status).toBe(201);
      expect(res.body.version).toBe(1);
      const row = await t.ctx.db
        .selectFrom('cycles')
        .selectAll()
        .where('id', '=', res.body.id)
        .executeTakeFirstOrThrow();
      expect(row.organization_id).toBe(org.id);
    });
  });
}
