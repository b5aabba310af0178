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
import { snapshotOf } from '../helpers/snapshot.js';

for (const { engine, skip } of await enginesToTest()) {
  describe.skipIf(skip)(`inbox and notifications on ${engine}`, () => {
    const t = useTestApp(engine);

    const memberPlan = (s: Scenario) =>
      buildPlan(
        s.member.api,
        { cycleId: s.cycleId, ownerType: 'user', ownerId: s.member.id },
        ONE_KR,
      );

    it('shows an approver the plans waiting for their review and notifies them (200)', async () => {
      t.setNow('2026-11-20T04:00:00.000Z');
      const s = await scenario(t);
      const { plan } = await memberPlan(s);
      await expectStatus(s.member.api.post(`/plans/${plan.id}/submit`, {}), 200);

      const inbox = await expectStatus(s.teamLead.api.get('/inbox'), 200);
      expect(inbox.reviewsWaiting).toEqual([
        {
          planId: plan.id,
          cycleId: s.cycleId,
          cycleName: '2026 Q4',
          ownerType: 'user',
          ownerId: s.member.id,
          ownerName: 'Member',
          state: 'in_review',
          approverId: s.teamLead.id,
          submittedAt: '2026-11-20T04:00:00.000Z',
          updatedAt: expect.any(String),
          version: expect.any(Number),
        },
      ]);
      expect(inbox.unreadNotifications).toBe(1);
      const notes = await expectStatus(s.teamLead.api.get('/notifications'), 200);
      expect(notes.items).toEqual([
        expect.objectContaining({
          kind: 'plan_submitted',
          actorId: s.member.id,
          targetType: 'plan',
          targetId: plan.id,
          planId: plan.id,
          title: 'Member',
          createdAt: '2026-11-20T04:00:00.000Z',
          read: false,
        }),
      ]);
      // the submitter, a peer and another leader have nothing to review
      for (const who of [s.member, s.peer, s.otherLead]) {
        const other = await expectStatus(who.api.get('/inbox'), 200);
        expect(other.reviewsWaiting).toEqual([]);
      }
      // reading again does not notify twice
      const again = await expectStatus(s.teamLead.api.get('/notifications'), 200);
      expect(again.items).toHaveLength(1);
    });

    it('shows a member their plan sent back with the comment, and notifies them', async () => {
      t.setNow('2026-11-20T04:00:00.000Z');
      const s = await scenario(t);
      const { plan } = await memberPlan(s);
      await expectStatus(s.member.api.post(`/plans/${plan.id}/submit`, {}), 200);
      t.setNow('2026-11-20T06:00:00.000Z');
      await expectStatus(
        s.teamLead.api.post(`/plans/${plan.id}/request-changes`, {
          comment: 'Make the KR measurable',
        }),
        200,
      );
      const inbox = await expectStatus(s.member.api.get('/inbox'), 200);
      expect(inbox.sentBack).toEqual([
        expect.objectContaining({
          planId: plan.id,
          state: 'changes_requested',
          comment: 'Make the KR measurable',
          reviewerId: s.teamLead.id,
          reviewedAt: '2026-11-20T06:00:00.000Z',
        }),
      ]);
      expect(inbox.reviewsWaiting).toEqual([]);
      const lead = await expectStatus(s.teamLead.api.get('/inbox'), 200);
      expect(lead.reviewsWaiting).toEqual([]);
      expect(lead.sentBack).toEqual([]);
      const notes = await expectStatus(s.member.api.get('/notifications'), 200);
      expect(notes.items).toEqual([
        expect.objectContaining({
          kind: 'plan_changes_requested',
          actorId: s.teamLead.id,
          targetId: plan.id,
          data: expect.objectContaining({ comment: 'Make the KR measurable' }),
        }),
      ]);

      await expectStatus(s.member.api.post(`/plans/${plan.id}/submit`, {}), 200);
      await expectStatus(s.teamLead.api.post(`/plans/${plan.id}/approve`, {}), 200);
      const after = await expectStatus(s.member.api.get('/inbox'), 200);
      expect(after.sentBack).toEqual([]);
      const kinds = await expectStatus(s.member.api.get('/notifications'), 200);
      expect(kinds.items.map((n: any) => n.kind)).toEqual(
        expect.arrayContaining(['plan_approved', 'plan_changes_requested']),
      );
      expect(kinds.items).toHaveLength(2);
    });

    it("shows a unit's leader their unit's plan sent back", async () => {
      const s = await scenario(t);
      const { plan } = await buildPlan(
        s.teamLead.api,
        { cycleId: s.cycleId, ownerType: 'unit', ownerId: s.teamId },
        ONE_KR,
      );
      await expectStatus(s.teamLead.api.post(`/plans/${plan.id}/submit`, {}), 200);
      const approver = await expectStatus(s.salesLead.api.get('/inbox'), 200);
      expect(approver.reviewsWaiting.map((p: any) => p.planId)).toEqual([plan.id]);
      await expectStatus(
        s.salesLead.api.post(`/plans/${plan.id}/request-changes`, { comment: 'Fewer KRs' }),
        200,
      );
      const inbox = await expectStatus(s.teamLead.api.get('/inbox'), 200);
      expect(inbox.sentBack.map((p: any) => [p.planId, p.ownerName, p.comment])).toEqual([
        [plan.id, 'Team', 'Fewer KRs'],
      ]);
    });

    it("lists the KRs a person owns that are due a check-in (none yet this week, in the organization's timezone)", async () => {
      t.setNow('2026-11-02T04:00:00.000Z');
      const s = await scenario(t);
      const { plan, objectives } = await buildPlan(
        s.member.api,
        { cycleId: s.cycleId, ownerType: 'user', ownerId: s.member.id },
        [
          {
            weight: 100,
            title: 'Grow the east',
            keyResults: [
              { weight: 40, title: 'Checked in' },
              { weight: 30, title: 'Never checked in' },
              { weight: 20, title: 'Owned by peer', ownerId: s.peer.id },
              { weight: 10, title: 'Checked in last week' },
            ],
          },
        ],
      );
      const [checked, never, peers, lastWeek] = objectives[0].keyResults;
      // nothing is due while the plan is a draft
      expect((await expectStatus(s.member.api.get('/inbox'), 200)).dueCheckIns).toEqual([]);
      await approvePlan(s.member.api, s.teamLead.api, plan.id);
      // Saturday noon in Shanghai: six days before the Friday below, but last week
      t.setNow('2026-11-14T04:00:00.000Z');
      await expectStatus(
        s.member.api.post(`/key-results/${lastWeek.id}/check-ins`, { value: 40 }),
        201,
      );
      t.setNow('2026-11-16T04:00:00.000Z');
      await expectStatus(
        s.member.api.post(`/key-results/${checked.id}/check-ins`, { value: 40 }),
        201,
      );

      t.setNow('2026-11-20T04:00:00.000Z');
      const inbox = await expectStatus(s.member.api.get('/inbox'), 200);
      // Monday 2026-11-16 00:00 in Shanghai
      expect(inbox.dueSince).toBe('2026-11-15T16:00:00.000Z');
      expect(inbox.dueCheckIns.map((k: any) => k.keyResultId)).toEqual([never.id, lastWeek.id]);
      expect(inbox.dueCheckIns[0]).toEqual({
        keyResultId: never.id,
        title: 'Never checked in',
        objectiveId: objectives[0].id,
        objectiveTitle: 'Grow the east',
        planId: plan.id,
        cycleId: s.cycleId,
        ownerId: null,
        currentValue: 0,
        targetValue: 100,
        progress: 0,
        lastCheckInAt: null,
      });
      const peer = await expectStatus(s.peer.api.get('/inbox'), 200);
      expect(peer.dueCheckIns.map((k: any) => k.keyResultId)).toEqual([peers.id]);
      // the approver is not responsible for the member's KRs
      expect((await expectStatus(s.teamLead.api.get('/inbox'), 200)).dueCheckIns).toEqual([]);

      t.setNow('2026-11-24T04:00:00.000Z');
      const later = await expectStatus(s.member.api.get('/inbox'), 200);
      expect(later.dueCheckIns.map((k: any) => k.keyResultId).sort()).toEqual(
        [checked.id, never.id, lastWeek.id].sort(),
      );
      t.setNow('2026-11-20T04:00:00.000Z');
    });

    it('lists the adjustments waiting for my decision as approver', async () => {
      const s = await scenario(t);
      await expectStatus(
        s.admin.api.patch('/organization', { settings: { adjustmentsNeedApproval: true } }),
        200,
      );
      const { plan, objectives } = await memberPlan(s);
      await approvePlan(s.member.api, s.teamLead.api, plan.id);
      const kr = objectives[0].keyResults[0];
      const proposed = await s.member.api.patch(`/key-results/${kr.id}`, {
        targetValue: 120,
        reason: 'The market grew',
      });
      expect(proposed.status).toBe(202);
      const inbox = await expectStatus(s.teamLead.api.get('/inbox'), 200);
      expect(inbox.pendingAdjustments).toEqual([
        expect.objectContaining({
          planId: plan.id,
          targetType: 'keyResult',
          targetId: kr.id,
          kind: 'update',
          reason: 'The market grew',
          actorId: s.member.id,
        }),
      ]);
      expect((await expectStatus(s.member.api.get('/inbox'), 200)).pendingAdjustments).toEqual([]);
      expect((await expectStatus(s.salesLead.api.get('/inbox'), 200)).pendingAdjustments).toEqual(
        [],
      );
    });

    it('lists unread mentions and open requests to the units I lead', async () => {
      const s = await scenario(t);
      const { plan, objectives } = await buildPlan(
        s.salesLead.api,
        { cycleId: s.cycleId, ownerType: 'unit', ownerId: s.salesId },
        ONE_KR,
      );
      const request = await expectStatus(
        s.salesLead.api.post('/requests', {
          fromObjectiveId: objectives[0].id,
          toUnitId: s.marketingId,
          message: 'Help us',
        }),
        201,
      );
      const mention = await expectStatus(
        s.salesLead.api.post('/comments', {
          targetType: 'plan',
          targetId: plan.id,
          body: 'What do you think?',
          mentions: [s.otherLead.id],
        }),
        201,
      );
      const inbox = await expectStatus(s.otherLead.api.get('/inbox'), 200);
      expect(inbox.requests.map((r: any) => [r.id, r.state])).toEqual([[request.id, 'open']]);
      expect(inbox.mentions).toEqual([
        expect.objectContaining({ kind: 'mention', targetId: mention.id }),
      ]);
      expect(inbox.unreadNotifications).toBe(2);
      expect((await expectStatus(s.stranger.api.get('/inbox'), 200)).requests).toEqual([]);

      await expectStatus(s.otherLead.api.post(`/notifications/${inbox.mentions[0].id}/read`), 200);
      const read = await expectStatus(s.otherLead.api.get('/inbox'), 200);
      expect(read.mentions).toEqual([]);
      expect(read.unreadNotifications).toBe(1);
      await expectStatus(
        s.otherLead.api.post(`/requests/${request.id}/decline`, { reason: 'Not this quarter' }),
        200,
      );
      expect((await expectStatus(s.otherLead.api.get('/inbox'), 200)).requests).toEqual([]);
    });

    it('keeps read state: one read (404 for anyone else’s), all read, and the unread filter', async () => {
      const s = await scenario(t);
      const { plan } = await memberPlan(s);
      for (const body of ['one', 'two', 'three']) {
        await expectStatus(
          s.peer.api.post('/comments', {
            targetType: 'plan',
            targetId: plan.id,
            body,
            mentions: [s.member.id],
          }),
          201,
        );
      }
      const all = await expectStatus(s.member.api.get('/notifications?unread=true'), 200);
      expect(all.items).toHaveLength(3);
      const first = all.items[0];
      expect((await s.peer.api.post(`/notifications/${first.id}/read`)).status).toBe(404);
      const other = await scenario(t);
      expect((await other.admin.api.post(`/notifications/${first.id}/read`)).status).toBe(404);

      const read = await s.member.api.post(`/notifications/${first.id}/read`);
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ id: first.id, read: true, readAt: expect.any(String) });
      const twice = await expectStatus(s.member.api.post(`/notifications/${first.id}/read`), 200);
      expect(twice.readAt).toBe(read.body.readAt);
      expect(
        (await expectStatus(s.member.api.get('/notifications?unread=true'), 200)).items,
      ).toHaveLength(2);
      expect(
        (await expectStatus(s.member.api.get('/notifications?unread=false'), 200)).items,
      ).toHaveLength(1);

      const page1 = await expectStatus(s.member.api.get('/notifications?limit=2'), 200);
      expect(page1.items).toHaveLength(2);
      const page2 = await expectStatus(
        s.member.api.get(`/notifications?limit=2&cursor=${page1.nextCursor}`),
        200,
      );
      expect(page2.items).toHaveLength(1);
      expect(page2.nextCursor).toBeNull();

      const readAll = await expectStatus(s.member.api.post('/notifications/read-all'), 200);
      expect(readAll).toEqual({ updated: 2 });
      expect(
        (await expectStatus(s.member.api.get('/notifications?unread=true'), 200)).items,
      ).toEqual([]);
      expect(await expectStatus(s.member.api.post('/notifications/read-all'), 200)).toEqual({
        updated: 0,
      });
      const audits = await t.ctx.db
        .selectFrom('audit_entries')
        .select('action')
        .where('actor_id', '=', s.member.id)
        .where('action', 'like', 'notification.%')
        .execute();
      expect(audits.map((a) => a.action).sort()).toEqual([
        'notification.read',
        'notification.readAll',
      ]);
    });

    it('creates review notifications at the decision, so reading them writes nothing', async () => {
      t.setNow('2026-11-20T04:00:00.000Z');
      const s = await scenario(t);
      const { plan } = await memberPlan(s);
      await expectStatus(s.member.api.post(`/plans/${plan.id}/submit`, {}), 200);
      const snapshot = () =>
        t.ctx.db
          .selectFrom('notifications')
          .selectAll()
          .where('organization_id', '=', s.org.id)
          .orderBy('id')
          .execute();
      // the approver has never read anything: the notification exists since the submit
      const before = await snapshot();
      expect(before).toEqual([
        expect.objectContaining({
          user_id: s.teamLead.id,
          kind: 'plan_submitted',
          actor_id: s.member.id,
          plan_id: plan.id,
          created_at: '2026-11-20T04:00:00.000Z',
          read_at: null,
        }),
      ]);
      const rest = await snapshotOf(t.ctx, s.org.id);
      t.setNow('2026-11-21T04:00:00.000Z');
      for (const who of [s.teamLead, s.member, s.peer, s.admin]) {
        await expectStatus(who.api.get('/notifications'), 200);
        await expectStatus(who.api.get('/notifications?unread=true'), 200);
        await expectStatus(who.api.get('/inbox'), 200);
      }
      expect(await snapshot()).toEqual(before);
      expect(await snapshotOf(t.ctx, s.org.id)).toEqual(rest);
      const notes = await expectStatus(s.teamLead.api.get('/notifications'), 200);
      expect(notes.items.map((n: any) => [n.kind, n.createdAt])).toEqual([
        ['plan_submitted', '2026-11-20T04:00:00.000Z'],
      ]);
    });

    it('answers 401 without a session', async () => {
      expect((await t.client().get('/inbox')).status).toBe(401);
      expect((await t.client().get('/notifications')).status).toBe(401);
    });
  });
}
