import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { enginesToTest } from '../helpers/engines.js';
import {
  approvePlan,
  buildPlan,
  expectStatus,
  ONE_KR,
  scenario,
  type Scenario,
} from '../helpers/plans.js';

for (const { engine, skip } of await enginesToTest()) {
  describe.skipIf(skip)(`comments on ${engine}`, () => {
    const t = useTestApp(engine);

    /** The member's approved plan with one KR and one check-in. */
    async function memberTree(s: Scenario, visibility: 'public' | 'private' = 'public') {
      const { plan, objectives } = await buildPlan(
        s.member.api,
        { cycleId: s.cycleId, ownerType: 'user', ownerId: s.member.id },
        [{ weight: 100, visibility, keyResults: [{ weight: 100 }] }],
      );
      await approvePlan(s.member.api, s.teamLead.api, plan.id);
      const objective = objectives[0];
      const keyResult = objective.keyResults[0];
      const result = await expectStatus(
        s.member.api.post(`/key-results/${keyResult.id}/check-ins`, { value: 10 }),
        201,
      );
      return { plan, objective, keyResult, checkIn: result.checkIn };
    }

    const comment = (
      api: Scenario['member']['api'],
      targetType: string,
      targetId: string,
      body: string,
      mentions?: string[],
    ) => api.post('/comments', { targetType, targetId, body, ...(mentions ? { mentions } : {}) });

    it('comments on a plan, an objective, a key result and a check-in (201), oldest first', async () => {
      const s = await scenario(t);
      const tree = await memberTree(s);
      const targets: [string, string][] = [
        ['plan', tree.plan.id],
        ['objective', tree.objective.id],
        ['keyResult', tree.keyResult.id],
        ['checkIn', tree.checkIn.id],
      ];
      for (const [type, id] of targets) {
        t.setNow('2026-11-20T04:00:00.000Z');
        const first = await comment(s.peer.api, type, id, `First on ${type}`);
        expect(first.status).toBe(201);
        expect(first.headers.etag).toBe('"1"');
        expect(first.body).toMatchObject({
          targetType: type,
          targetId: id,
          planId: tree.plan.id,
          body: `First on ${type}`,
          mentions: [],
          authorId: s.peer.id,
          authorName: 'Peer',
          edited: false,
          version: 1,
        });
        t.setNow('2026-11-20T05:00:00.000Z');
        await expectStatus(comment(s.member.api, type, id, `Reply on ${type}`), 201);
        const list = await expectStatus(
          s.stranger.api.get(`/comments?targetType=${type}&targetId=${id}`),
          200,
        );
        expect(list.items.map((c: any) => c.body)).toEqual([
          `First on ${type}`,
          `Reply on ${type}`,
        ]);
        expect(list.nextCursor).toBeNull();
      }
      const paged = await expectStatus(
        s.peer.api.get(`/comments?targetType=plan&targetId=${tree.plan.id}&limit=1`),
        200,
      );
      expect(paged.items.map((c: any) => c.body)).toEqual(['First on plan']);
      const next = await expectStatus(
        s.peer.api.get(
          `/comments?targetType=plan&targetId=${tree.plan.id}&limit=1&cursor=${paged.nextCursor}`,
        ),
        200,
      );
      expect(next.items.map((c: any) => c.body)).toEqual(['Reply on plan']);
    });

    it('returns an HTML-looking body exactly as sent, as plain JSON text', async () => {
      const s = await scenario(t);
      const tree = await memberTree(s);
      const body = '<script>alert("hi")</script> <b>bold</b> &amp; 5 < 6 — 很好 @Member';
      const res = await comment(s.peer.api, 'objective', tree.objective.id, body);
      expect(res.status).toBe(201);
      expect(String(res.headers['content-type'])).toContain('application/json');
      expect(res.body.body).toBe(body);
      const read = await expectStatus(s.member.api.get(`/comments/${res.body.id}`), 200);
      expect(read.body).toBe(body);
      const stored = await t.ctx.db
        .selectFrom('comments')
        .select('body')
        .where('id', '=', res.body.id)
        .executeTakeFirstOrThrow();
      expect(stored.body).toBe(body);
    });

    it('refuses a blank or too long body (422, 400)', async () => {
      const s = await scenario(t);
      const tree = await memberTree(s);
      const blank = await comment(s.peer.api, 'plan', tree.plan.id, '   ');
      expect(blank.status).toBe(422);
      expect(blank.body.errors[0]).toMatchObject({ path: 'body', code: 'text.blank' });
      const long = await comment(s.peer.api, 'plan', tree.plan.id, 'x'.repeat(5001));
      expect(long.status).toBe(400);
    });

    it('rejects a mention of a user of another organization with 422 and stores nothing', async () => {
      const s = await scenario(t);
      const other = await scenario(t);
      const tree = await memberTree(s);
      const res = await comment(s.peer.api, 'plan', tree.plan.id, 'Look', [
        s.member.id,
        other.member.id,
        'no-such-user',
      ]);
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([
        { path: 'mentions[1]', message: expect.any(String), code: 'user.unknown' },
        { path: 'mentions[2]', message: expect.any(String), code: 'user.unknown' },
      ]);
      const list = await expectStatus(
        s.peer.api.get(`/comments?targetType=plan&targetId=${tree.plan.id}`),
        200,
      );
      expect(list.items).toEqual([]);
      const notes = await expectStatus(s.member.api.get('/notifications?kind=mention'), 200);
      expect(notes.items).toEqual([]);
    });

    it('notifies each mentioned person once, also after edits, and never the author', async () => {
      const s = await scenario(t);
      const tree = await memberTree(s);
      const created = await expectStatus(
        comment(s.peer.api, 'keyResult', tree.keyResult.id, 'Can you update this?', [
          s.member.id,
          s.member.id,
          s.peer.id,
        ]),
        201,
      );
      expect(created.mentions).toEqual([s.member.id, s.peer.id]);
      const mine = await expectStatus(s.member.api.get('/notifications?kind=mention'), 200);
      expect(mine.items).toEqual([
        expect.objectContaining({
          kind: 'mention',
          actorId: s.peer.id,
          actorName: 'Peer',
          targetType: 'comment',
          targetId: created.id,
          planId: tree.plan.id,
          title: tree.keyResult.title,
          data: {
            commentId: created.id,
            commentTargetType: 'keyResult',
            commentTargetId: tree.keyResult.id,
            excerpt: 'Can you update this?',
          },
        }),
      ]);
      const own = await expectStatus(s.peer.api.get('/notifications?kind=mention'), 200);
      expect(own.items).toEqual([]);

      const edited = await s.peer.api.patch(
        `/comments/${created.id}`,
        { body: 'Can you both update this?', mentions: [s.member.id, s.teamLead.id] },
        { 'if-match': '"1"' },
      );
      expect(edited.status).toBe(200);
      expect(edited.headers.etag).toBe('"2"');
      expect(edited.body).toMatchObject({ edited: true, version: 2 });
      const again = await expectStatus(s.member.api.get('/notifications?kind=mention'), 200);
      expect(again.items).toHaveLength(1);
      const lead = await expectStatus(s.teamLead.api.get('/notifications?kind=mention'), 200);
      expect(lead.items).toHaveLength(1);
    });

    it('lets only the author edit (403) and the author or an admin delete (403 for others)', async () => {
      const s = await scenario(t);
      const tree = await memberTree(s);
      const first = await expectStatus(comment(s.peer.api, 'plan', tree.plan.id, 'One'), 201);
      const second = await expectStatus(comment(s.peer.api, 'plan', tree.plan.id, 'Two'), 201);
      expect((await s.member.api.patch(`/comments/${first.id}`, { body: 'Mine' })).status).toBe(
        403,
      );
      expect((await s.admin.api.patch(`/comments/${first.id}`, { body: 'Mine' })).status).toBe(403);
      const stale = await s.peer.api.patch(
        `/comments/${first.id}`,
        { body: 'Late' },
        { 'if-match': '"3"' },
      );
      expect(stale.status).toBe(412);
      expect((await s.member.api.delete(`/comments/${first.id}`)).status).toBe(403);
      expect((await s.peer.api.delete(`/comments/${first.id}`)).status).toBe(204);
      expect((await s.admin.api.delete(`/comments/${second.id}`)).status).toBe(204);
      expect((await s.peer.api.get(`/comments/${first.id}`)).status).toBe(404);
      const actions = await t.ctx.db
        .selectFrom('audit_entries')
        .select('action')
        .where('target_id', 'in', [first.id, second.id])
        .orderBy('created_at')
        .execute();
      expect(actions.map((a) => a.action).sort()).toEqual([
        'comment.create',
        'comment.create',
        'comment.delete',
        'comment.delete',
      ]);
    });

    it('hides comments on a private objective from those who may not read it (404)', async () => {
      const s = await scenario(t);
      const tree = await memberTree(s, 'private');
      expect((await comment(s.peer.api, 'objective', tree.objective.id, 'Hi')).status).toBe(404);
      expect((await comment(s.peer.api, 'checkIn', tree.checkIn.id, 'Hi')).status).toBe(404);
      const byLead = await expectStatus(
        comment(s.salesLead.api, 'keyResult', tree.keyResult.id, 'Keep going'),
        201,
      );
      expect((await s.peer.api.get(`/comments/${byLead.id}`)).status).toBe(404);
      const list = await s.peer.api.get(
        `/comments?targetType=keyResult&targetId=${tree.keyResult.id}`,
      );
      expect(list.status).toBe(404);
      const readable = await expectStatus(
        s.member.api.get(`/comments?targetType=keyResult&targetId=${tree.keyResult.id}`),
        200,
      );
      expect(readable.items).toHaveLength(1);
      // mentioning someone who could not open it would leak it
      const leak = await comment(s.teamLead.api, 'objective', tree.objective.id, 'See', [
        s.peer.id,
      ]);
      expect(leak.status).toBe(422);
      expect(leak.body.errors[0]).toMatchObject({ path: 'mentions[0]', code: 'mention.no_access' });
    });

    it("answers 404 for another organization's target or comment", async () => {
      const s = await scenario(t);
      const other = await scenario(t);
      const tree = await memberTree(s);
      expect((await comment(other.admin.api, 'plan', tree.plan.id, 'Hi')).status).toBe(404);
      expect(
        (await other.admin.api.get(`/comments?targetType=plan&targetId=${tree.plan.id}`)).status,
      ).toBe(404);
      const mine = await expectStatus(comment(s.peer.api, 'plan', tree.plan.id, 'Hi'), 201);
      expect((await other.admin.api.get(`/comments/${mine.id}`)).status).toBe(404);
      expect((await other.admin.api.delete(`/comments/${mine.id}`)).status).toBe(404);
      expect((await comment(s.peer.api, 'checkIn', 'missing', 'Hi')).status).toBe(404);
    });

    it('removes the comments of a deleted objective with it', async () => {
      const s = await scenario(t);
      const { plan, objectives } = await buildPlan(
        s.member.api,
        { cycleId: s.cycleId, ownerType: 'user', ownerId: s.member.id },
        [...ONE_KR, { weight: 0, keyResults: [{ weight: 100 }] }],
      );
      const doomed = objectives[1];
      const c1 = await expectStatus(comment(s.peer.api, 'objective', doomed.id, 'Hm'), 201);
      const c2 = await expectStatus(
        comment(s.peer.api, 'keyResult', doomed.keyResults[0].id, 'Hm'),
        201,
      );
      const kept = await expectStatus(comment(s.peer.api, 'plan', plan.id, 'Fine'), 201);
      expect((await s.member.api.delete(`/objectives/${doomed.id}`)).status).toBe(204);
      const left = await t.ctx.db
        .selectFrom('comments')
        .select('id')
        .where('id', 'in', [c1.id, c2.id, kept.id])
        .execute();
      expect(left.map((r) => r.id)).toEqual([kept.id]);
    });
  });
}
