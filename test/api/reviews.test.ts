import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { enginesToTest } from '../helpers/engines.js';
import { buildPlan, expectStatus, ONE_KR, scenario } from '../helpers/plans.js';

for (const { engine, skip } of await enginesToTest()) {
  describe.skipIf(skip)(`plan reviews on ${engine}`, () => {
    const t = useTestApp(engine);

    const auditCount = async (targetId: string) =>
      (
        await t.ctx.db
          .selectFrom('audit_entries')
          .select('id')
          .where('target_id', '=', targetId)
          .execute()
      ).length;

    it('refuses to submit an empty plan with 422 plan.no_objectives', async () => {
      const s = await scenario(t);
      const { plan } = await buildPlan(s.member.api, {
        cycleId: s.cycleId,
        ownerType: 'user',
        ownerId: s.member.id,
      });
      const res = await s.member.api.post(`/plans/${plan.id}/submit`, {});
      expect(res.status).toBe(422);
      expect(res.body.errors.map((e: any) => e.code)).toEqual(['plan.no_objectives']);
    });

    it('lists every failed check in one 422 and changes nothing', async () => {
      const s = await scenario(t);
      const { plan, objectives } = await buildPlan(
        s.member.api,
        { cycleId: s.cycleId, ownerType: 'user', ownerId: s.member.id },
        [
          { weight: 60, priority: 1, keyResults: [{ weight: 50 }, { weight: 30 }] },
          { weight: 30, priority: 1 },
        ],
      );
      const [o1, o2] = objectives;
      const auditsBefore = await auditCount(plan.id);
      const res = await s.member.api.post(`/plans/${plan.id}/submit`, {});
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([
        expect.objectContaining({
          path: 'objectives',
          code: 'plan.objective_weights_not_100',
          message: expect.stringContaining('90'),
        }),
        expect.objectContaining({
          path: 'objectives',
          code: 'plan.duplicate_priority',
          message: expect.stringContaining(`${o1.id}, ${o2.id}`),
        }),
        expect.objectContaining({
          path: `objectives[${o1.id}].keyResults`,
          code: 'objective.key_result_weights_not_100',
          message: expect.stringContaining('80'),
        }),
        expect.objectContaining({
          path: `objectives[${o2.id}].keyResults`,
          code: 'objective.no_key_results',
        }),
      ]);
      const after = await expectStatus(s.member.api.get(`/plans/${plan.id}`), 200);
      expect(after).toMatchObject({ state: 'draft', version: plan.version });
      expect(await auditCount(plan.id)).toBe(auditsBefore);
      const reviews = await expectStatus(s.member.api.get(`/plans/${plan.id}/reviews`), 200);
      expect(reviews.items).toEqual([]);
    });

    it('submits (owner only) and lets the unit leader approve a user plan', async () => {
      const s = await scenario(t);
      const { plan } = await buildPlan(
        s.member.api,
        { cycleId: s.cycleId, ownerType: 'user', ownerId: s.member.id },
        ONE_KR,
      );
      expect((await s.peer.api.post(`/plans/${plan.id}/submit`, {})).status).toBe(403);
      const submitted = await s.member.api.post(`/plans/${plan.id}/submit`, {});
      expect(submitted.status).toBe(200);
      expect(submitted.body).toMatchObject({
        state: 'in_review',
        approverId: s.teamLead.id,
        version: plan.version + 1,
      });
      expect(submitted.headers.etag).toBe(`"${plan.version + 1}"`);
      expect((await s.member.api.post(`/plans/${plan.id}/submit`, {})).status).toBe(409);

      expect((await s.otherLead.api.post(`/plans/${plan.id}/approve`, {})).status).toBe(403);
      expect((await s.member.api.post(`/plans/${plan.id}/approve`, {})).status).toBe(403);
      const approved = await s.teamLead.api.post(`/plans/${plan.id}/approve`, {
        comment: 'Good plan',
      });
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({ state: 'approved', approvedAt: expect.any(String) });
      expect((await s.teamLead.api.post(`/plans/${plan.id}/approve`, {})).status).toBe(409);

      const reviews = await expectStatus(s.peer.api.get(`/plans/${plan.id}/reviews`), 200);
      expect(reviews.items.map((r: any) => [r.decision, r.reviewerId])).toEqual(
        expect.arrayContaining([
          ['submitted', s.member.id],
          ['approved', s.teamLead.id],
        ]),
      );
      expect(reviews.items.find((r: any) => r.decision === 'approved')).toMatchObject({
        comment: 'Good plan',
        reviewerName: 'Team Lead',
        createdAt: expect.any(String),
      });
    });

    it('lets the parent unit leader approve a unit plan, 403 for its own leader and a peer leader', async () => {
      const s = await scenario(t);
      const { plan } = await buildPlan(
        s.teamLead.api,
        { cycleId: s.cycleId, ownerType: 'unit', ownerId: s.teamId },
        ONE_KR,
      );
      await expectStatus(s.teamLead.api.post(`/plans/${plan.id}/submit`, {}), 200);
      expect((await s.teamLead.api.post(`/plans/${plan.id}/approve`, {})).status).toBe(403);
      expect((await s.otherLead.api.post(`/plans/${plan.id}/approve`, {})).status).toBe(403);
      expect((await s.salesLead.api.post(`/plans/${plan.id}/approve`, {})).status).toBe(200);
    });

    it('leaves the root unit plan to an admin', async () => {
      const s = await scenario(t);
      const { plan } = await buildPlan(
        s.admin.api,
        { cycleId: s.cycleId, ownerType: 'unit', ownerId: s.org.rootUnitId },
        ONE_KR,
      );
      await expectStatus(s.admin.api.post(`/plans/${plan.id}/submit`, {}), 200);
      expect((await s.salesLead.api.post(`/plans/${plan.id}/approve`, {})).status).toBe(403);
      const approved = await expectStatus(s.admin.api.post(`/plans/${plan.id}/approve`, {}), 200);
      expect(approved).toMatchObject({ state: 'approved', approverId: null });
    });

    it('requires a comment to request changes, then accepts a resubmission', async () => {
      const s = await scenario(t);
      const { plan, objectives } = await buildPlan(
        s.member.api,
        { cycleId: s.cycleId, ownerType: 'user', ownerId: s.member.id },
        ONE_KR,
      );
      // a draft cannot be sent back
      expect(
        (await s.teamLead.api.post(`/plans/${plan.id}/request-changes`, { comment: 'Why?' }))
          .status,
      ).toBe(409);
      await expectStatus(s.member.api.post(`/plans/${plan.id}/submit`, {}), 200);
      const missing = await s.teamLead.api.post(`/plans/${plan.id}/request-changes`, {});
      expect(missing.status).toBe(400);
      expect(missing.body.errors[0].path).toBe('comment');
      expect(
        (await s.teamLead.api.post(`/plans/${plan.id}/request-changes`, { comment: '' })).status,
      ).toBe(400);
      const blank = await s.teamLead.api.post(`/plans/${plan.id}/request-changes`, {
        comment: '   ',
      });
      expect(blank.status).toBe(422);
      expect(blank.body.errors[0].path).toBe('comment');
      expect(
        (await s.peer.api.post(`/plans/${plan.id}/request-changes`, { comment: 'No' })).status,
      ).toBe(403);
      const sentBack = await expectStatus(
        s.teamLead.api.post(`/plans/${plan.id}/request-changes`, {
          comment: 'Make KR 1 measurable',
        }),
        200,
      );
      expect(sentBack.state).toBe('changes_requested');

      await expectStatus(
        s.member.api.patch(`/objectives/${objectives[0].id}`, { title: 'Sharper objective' }),
        200,
      );
      const again = await expectStatus(s.member.api.post(`/plans/${plan.id}/submit`, {}), 200);
      expect(again.state).toBe('in_review');
      const reviews = await expectStatus(
        s.member.api.get(`/plans/${plan.id}/reviews?limit=2`),
        200,
      );
      expect(reviews.items).toHaveLength(2);
      expect(reviews.nextCursor).not.toBeNull();
      const rest = await expectStatus(
        s.member.api.get(`/plans/${plan.id}/reviews?limit=2&cursor=${reviews.nextCursor}`),
        200,
      );
      const all = [...reviews.items, ...rest.items];
      expect(all.map((r: any) => r.decision).sort()).toEqual([
        'changes_requested',
        'submitted',
        'submitted',
      ]);
      expect(all.find((r: any) => r.decision === 'changes_requested').comment).toBe(
        'Make KR 1 measurable',
      );
    });

    it('lists reviews newest first', async () => {
      const s = await scenario(t);
      const { plan } = await buildPlan(
        s.member.api,
        { cycleId: s.cycleId, ownerType: 'user', ownerId: s.member.id },
        ONE_KR,
      );
      t.setNow('2026-11-20T04:00:00.000Z');
      await expectStatus(s.member.api.post(`/plans/${plan.id}/submit`, {}), 200);
      t.setNow('2026-11-20T05:00:00.000Z');
      await expectStatus(
        s.teamLead.api.post(`/plans/${plan.id}/request-changes`, { comment: 'Again' }),
        200,
      );
      t.setNow('2026-11-20T06:00:00.000Z');
      await expectStatus(s.member.api.post(`/plans/${plan.id}/submit`, {}), 200);
      t.setNow('2026-11-20T04:00:00.000Z');
      const reviews = await expectStatus(s.member.api.get(`/plans/${plan.id}/reviews`), 200);
      expect(reviews.items.map((r: any) => [r.decision, r.createdAt])).toEqual([
        ['submitted', '2026-11-20T06:00:00.000Z'],
        ['changes_requested', '2026-11-20T05:00:00.000Z'],
        ['submitted', '2026-11-20T04:00:00.000Z'],
      ]);
    });

    const noticesOf = (planId: string) =>
      t.ctx.db
        .selectFrom('notifications')
        .select(['user_id', 'kind', 'actor_id', 'dedupe_key', 'created_at'])
        .where('plan_id', '=', planId)
        .orderBy('created_at')
        .orderBy('kind')
        .execute();

    it('notifies whom each decision concerns, once per decision, in its transaction', async () => {
      const s = await scenario(t);
      const { plan } = await buildPlan(
        s.member.api,
        { cycleId: s.cycleId, ownerType: 'user', ownerId: s.member.id },
        ONE_KR,
      );
      // refused steps notify nobody
      expect((await s.peer.api.post(`/plans/${plan.id}/submit`, {})).status).toBe(403);
      expect((await s.teamLead.api.post(`/plans/${plan.id}/approve`, {})).status).toBe(409);
      expect(await noticesOf(plan.id)).toEqual([]);

      t.setNow('2026-11-20T04:00:00.000Z');
      await expectStatus(s.member.api.post(`/plans/${plan.id}/submit`, {}), 200);
      t.setNow('2026-11-20T05:00:00.000Z');
      await expectStatus(
        s.teamLead.api.post(`/plans/${plan.id}/request-changes`, { comment: 'Sharper' }),
        200,
      );
      t.setNow('2026-11-20T06:00:00.000Z');
      await expectStatus(s.member.api.post(`/plans/${plan.id}/submit`, {}), 200);
      // a stale If-Match changes nothing and notifies nobody
      expect(
        (await s.teamLead.api.post(`/plans/${plan.id}/approve`, {}, { 'if-match': '"1"' })).status,
      ).toBe(412);
      t.setNow('2026-11-20T07:00:00.000Z');
      await expectStatus(s.teamLead.api.post(`/plans/${plan.id}/approve`, {}), 200);

      const reviews = await t.ctx.db
        .selectFrom('reviews')
        .select(['id', 'decision'])
        .where('plan_id', '=', plan.id)
        .execute();
      const notices = await noticesOf(plan.id);
      expect(notices.map((n) => [n.user_id, n.kind, n.actor_id, n.created_at])).toEqual([
        [s.teamLead.id, 'plan_submitted', s.member.id, '2026-11-20T04:00:00.000Z'],
        [s.member.id, 'plan_changes_requested', s.teamLead.id, '2026-11-20T05:00:00.000Z'],
        [s.teamLead.id, 'plan_submitted', s.member.id, '2026-11-20T06:00:00.000Z'],
        [s.member.id, 'plan_approved', s.teamLead.id, '2026-11-20T07:00:00.000Z'],
      ]);
      // each keyed by its review row: one notification per decision
      expect(notices.map((n) => n.dedupe_key).sort()).toEqual(reviews.map((r) => r.id).sort());
    });

    it("notifies a unit plan's leader, and nobody when an admin approves it", async () => {
      const s = await scenario(t);
      const { plan } = await buildPlan(
        s.teamLead.api,
        { cycleId: s.cycleId, ownerType: 'unit', ownerId: s.teamId },
        ONE_KR,
      );
      t.setNow('2026-11-20T04:00:00.000Z');
      await expectStatus(s.teamLead.api.post(`/plans/${plan.id}/submit`, {}), 200);
      t.setNow('2026-11-20T05:00:00.000Z');
      await expectStatus(
        s.salesLead.api.post(`/plans/${plan.id}/request-changes`, { comment: 'More' }),
        200,
      );
      expect((await noticesOf(plan.id)).map((n) => [n.user_id, n.kind])).toEqual([
        [s.salesLead.id, 'plan_submitted'],
        [s.teamLead.id, 'plan_changes_requested'],
      ]);

      const root = await buildPlan(
        s.admin.api,
        { cycleId: s.cycleId, ownerType: 'unit', ownerId: s.org.rootUnitId },
        ONE_KR,
      );
      await expectStatus(s.admin.api.post(`/plans/${root.plan.id}/submit`, {}), 200);
      await expectStatus(s.admin.api.post(`/plans/${root.plan.id}/approve`, {}), 200);
      expect(await noticesOf(root.plan.id)).toEqual([]);
    });

    it('re-resolves the approver at submit', async () => {
      const s = await scenario(t);
      const { plan } = await buildPlan(
        s.member.api,
        { cycleId: s.cycleId, ownerType: 'user', ownerId: s.member.id },
        ONE_KR,
      );
      await t.ctx.db
        .updateTable('units')
        .set({ leader_id: s.peer.id })
        .where('id', '=', s.teamId)
        .execute();
      const submitted = await expectStatus(s.member.api.post(`/plans/${plan.id}/submit`, {}), 200);
      expect(submitted.approverId).toBe(s.peer.id);
    });
  });
}
