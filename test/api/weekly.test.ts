import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { enginesToTest } from '../helpers/engines.js';
import { approvePlan, buildPlan, expectStatus, scenario, type Scenario } from '../helpers/plans.js';

for (const { engine, skip } of await enginesToTest()) {
  describe.skipIf(skip)(`weekly updates on ${engine}`, () => {
    const t = useTestApp(engine);

    /** The member's approved plan with one KR (checked in by the tests). */
    async function memberKeyResult(s: Scenario, visibility: 'public' | 'private' = 'public') {
      t.setNow('2026-11-02T04:00:00.000Z');
      const { plan, objectives } = await buildPlan(
        s.member.api,
        { cycleId: s.cycleId, ownerType: 'user', ownerId: s.member.id },
        [{ weight: 100, visibility, keyResults: [{ weight: 100, title: 'Close 10 deals' }] }],
      );
      await approvePlan(s.member.api, s.teamLead.api, plan.id);
      return { plan, objective: objectives[0], keyResult: objectives[0].keyResults[0] };
    }

    async function checkIn(s: Scenario, keyResultId: string, at: string, value: number) {
      t.setNow(at);
      return (
        await expectStatus(
          s.member.api.post(`/key-results/${keyResultId}/check-ins`, { value, note: `at ${at}` }),
          201,
        )
      ).checkIn;
    }

    it('writes my weekly update (201, then 200) and reads it back with ETag and version', async () => {
      const s = await scenario(t);
      t.setNow('2026-11-25T04:00:00.000Z');
      const empty = await s.member.api.get('/me/weekly/2026-W48');
      expect(empty.status).toBe(200);
      expect(empty.headers.etag).toBe('"0"');
      expect(empty.body).toEqual({
        id: null,
        userId: s.member.id,
        userName: 'Member',
        isoWeek: '2026-W48',
        weekStart: '2026-11-23',
        weekEnd: '2026-11-29',
        priorities: null,
        nextWeek: null,
        notes: null,
        createdAt: null,
        updatedAt: null,
        version: 0,
        checkIns: [],
      });

      const created = await s.member.api.put('/me/weekly/2026-W48', {
        priorities: '本周重点：拜访 3 家客户',
        nextWeek: '下周计划：签约 1 家',
        notes: '<b>not html</b>',
      });
      expect(created.status).toBe(201);
      expect(created.headers.etag).toBe('"1"');
      expect(created.body).toMatchObject({
        id: expect.any(String),
        priorities: '本周重点：拜访 3 家客户',
        nextWeek: '下周计划：签约 1 家',
        notes: '<b>not html</b>',
        createdAt: '2026-11-25T04:00:00.000Z',
        version: 1,
      });

      const updated = await s.member.api.put(
        '/me/weekly/2026-W48',
        { priorities: 'Visit 4 customers' },
        { 'if-match': '"1"' },
      );
      expect(updated.status).toBe(200);
      expect(updated.headers.etag).toBe('"2"');
      // PUT replaces: absent texts become null
      expect(updated.body).toMatchObject({
        id: created.body.id,
        priorities: 'Visit 4 customers',
        nextWeek: null,
        notes: null,
        version: 2,
      });
      const read = await expectStatus(s.member.api.get('/me/weekly/2026-W48'), 200);
      expect(read).toEqual(updated.body);
      // someone else's week is theirs: the peer sees their own (empty) update
      const peer = await expectStatus(s.peer.api.get('/me/weekly/2026-W48'), 200);
      expect(peer).toMatchObject({ userId: s.peer.id, version: 0 });

      const audits = await t.ctx.db
        .selectFrom('audit_entries')
        .select('action')
        .where('target_id', '=', created.body.id)
        .execute();
      expect(audits.map((a) => a.action).sort()).toEqual([
        'weeklyUpdate.create',
        'weeklyUpdate.update',
      ]);
    });

    it('honours If-Match: 412 when stale, and "0" writes only a new update', async () => {
      const s = await scenario(t);
      const first = await s.member.api.put(
        '/me/weekly/2026-W47',
        { notes: 'a' },
        { 'if-match': '"0"' },
      );
      expect(first.status).toBe(201);
      const again = await s.member.api.put(
        '/me/weekly/2026-W47',
        { notes: 'b' },
        { 'if-match': '"0"' },
      );
      expect(again.status).toBe(412);
      const stale = await s.member.api.put(
        '/me/weekly/2026-W46',
        { notes: 'c' },
        { 'if-match': '"2"' },
      );
      expect(stale.status).toBe(412);
      const read = await expectStatus(s.member.api.get('/me/weekly/2026-W47'), 200);
      expect(read).toMatchObject({ notes: 'a', version: 1 });
    });

    it('validates the week (400) and the texts (400 when too long)', async () => {
      const s = await scenario(t);
      for (const week of ['2026-48', '2026-W4', 'W48', '2025-W53', '2026-W00', '2026-W54']) {
        const res = await s.member.api.get(`/me/weekly/${week}`);
        expect(res.status, week).toBe(400);
        expect((await s.member.api.put(`/me/weekly/${week}`, { notes: 'x' })).status).toBe(400);
      }
      const nonexistent = await s.member.api.get('/me/weekly/2025-W53');
      expect(nonexistent.body.errors[0]).toMatchObject({
        path: 'params.isoWeek',
        code: 'week.invalid',
      });
      expect((await s.member.api.get('/me/weekly/2026-W53')).status).toBe(200);
      const long = await s.member.api.put('/me/weekly/2026-W48', { priorities: 'x'.repeat(5001) });
      expect(long.status).toBe(400);
    });

    it("links that week's check-ins of mine, by the organization's timezone", async () => {
      const s = await scenario(t);
      const { keyResult } = await memberKeyResult(s);
      // Sunday 2026-11-22 23:30 in Shanghai: week 47
      const sunday = await checkIn(s, keyResult.id, '2026-11-22T15:30:00.000Z', 1);
      // Monday 2026-11-23 01:00 in Shanghai (still Sunday in UTC): week 48
      const monday = await checkIn(s, keyResult.id, '2026-11-22T17:00:00.000Z', 2);
      // Sunday 2026-11-29 23:00 in Shanghai: week 48
      const lastMinute = await checkIn(s, keyResult.id, '2026-11-29T15:00:00.000Z', 3);
      // Monday 2026-11-30 00:00 in Shanghai: week 49
      await checkIn(s, keyResult.id, '2026-11-29T16:00:00.000Z', 4);
      // someone else's check-in on the member's KR (the plan's writers include admins)
      t.setNow('2026-11-24T04:00:00.000Z');
      await expectStatus(
        s.admin.api.post(`/key-results/${keyResult.id}/check-ins`, { value: 5 }),
        201,
      );

      const w48 = await expectStatus(s.member.api.get('/me/weekly/2026-W48'), 200);
      expect(w48.checkIns).toEqual([
        {
          id: monday.id,
          keyResultId: keyResult.id,
          keyResultTitle: 'Close 10 deals',
          objectiveId: keyResult.objectiveId,
          objectiveTitle: 'Win the market',
          planId: keyResult.planId,
          value: 2,
          confidence: null,
          note: 'at 2026-11-22T17:00:00.000Z',
          blockers: null,
          createdAt: '2026-11-22T17:00:00.000Z',
        },
        expect.objectContaining({ id: lastMinute.id, value: 3 }),
      ]);
      const w47 = await expectStatus(s.member.api.get('/me/weekly/2026-W47'), 200);
      expect(w47.checkIns.map((c: any) => c.id)).toEqual([sunday.id]);
    });

    it("shows a unit's leader each member's update and who has not written one", async () => {
      const s = await scenario(t);
      const { keyResult } = await memberKeyResult(s);
      await checkIn(s, keyResult.id, '2026-11-24T04:00:00.000Z', 3);
      await expectStatus(
        s.member.api.put('/me/weekly/2026-W48', { priorities: 'Close the Li deal' }),
        201,
      );
      await expectStatus(s.peer.api.put('/me/weekly/2026-W47', { priorities: 'Last week' }), 201);

      const res = await s.teamLead.api.get(`/units/${s.teamId}/weekly/2026-W48`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        unitId: s.teamId,
        unitName: 'Team',
        isoWeek: '2026-W48',
        weekStart: '2026-11-23',
        weekEnd: '2026-11-29',
      });
      expect(res.body.updates).toEqual([
        expect.objectContaining({
          userId: s.member.id,
          userName: 'Member',
          priorities: 'Close the Li deal',
          version: 1,
          checkIns: [expect.objectContaining({ keyResultId: keyResult.id, value: 3 })],
        }),
      ]);
      expect(res.body.missing).toEqual([
        { userId: s.peer.id, name: 'Peer' },
        { userId: s.teamLead.id, name: 'Team Lead' },
      ]);

      // leaders above and admins read it too; peers and other leaders do not (403)
      expect((await s.salesLead.api.get(`/units/${s.teamId}/weekly/2026-W48`)).status).toBe(200);
      expect((await s.admin.api.get(`/units/${s.teamId}/weekly/2026-W48`)).status).toBe(200);
      expect((await s.peer.api.get(`/units/${s.teamId}/weekly/2026-W48`)).status).toBe(403);
      expect((await s.member.api.get(`/units/${s.teamId}/weekly/2026-W48`)).status).toBe(403);
      expect((await s.otherLead.api.get(`/units/${s.teamId}/weekly/2026-W48`)).status).toBe(403);
      expect((await s.teamLead.api.get(`/units/${s.salesId}/weekly/2026-W48`)).status).toBe(403);
      const other = await scenario(t);
      expect((await other.admin.api.get(`/units/${s.teamId}/weekly/2026-W48`)).status).toBe(404);
      expect((await s.teamLead.api.get(`/units/${s.teamId}/weekly/2026-48`)).status).toBe(400);
    });

    it("leaves a private objective's check-ins out for leaders who may not read it", async () => {
      const s = await scenario(t);
      // the member also leads a task force under marketing, whose private objective the team's
      // leader may not read
      t.setNow('2026-11-02T04:00:00.000Z');
      const taskForce = await t.factory.unit(s.org, {
        name: 'Task force',
        parentId: s.marketingId,
        leaderId: s.member.id,
      });
      const { plan, objectives } = await buildPlan(
        s.member.api,
        { cycleId: s.cycleId, ownerType: 'unit', ownerId: taskForce },
        [{ weight: 100, visibility: 'private', keyResults: [{ weight: 100 }] }],
      );
      await approvePlan(s.member.api, s.otherLead.api, plan.id);
      await checkIn(s, objectives[0].keyResults[0].id, '2026-11-24T04:00:00.000Z', 7);
      await expectStatus(
        s.member.api.put('/me/weekly/2026-W48', { notes: 'Helped marketing' }),
        201,
      );

      const lead = await expectStatus(
        s.teamLead.api.get(`/units/${s.teamId}/weekly/2026-W48`),
        200,
      );
      expect(lead.updates[0].checkIns).toEqual([]);
      const admin = await expectStatus(s.admin.api.get(`/units/${s.teamId}/weekly/2026-W48`), 200);
      expect(admin.updates[0].checkIns).toHaveLength(1);
    });
  });
}
