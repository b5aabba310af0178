import { beforeEach, describe, expect, it } from 'vitest';
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
  describe.skipIf(skip)(`adjustments on ${engine}`, () => {
    const t = useTestApp(engine);

    // events of one test happen a minute apart, so "newest first" has one answer
    const BASE = Date.parse('2026-11-20T04:00:00.000Z');
    let clock = BASE;
    const tick = () => {
      clock += 60_000;
      t.setNow(new Date(clock));
    };
    beforeEach(() => {
      clock = BASE;
      t.setNow(new Date(clock));
    });

    const auditCount = async (orgId: string) =>
      (
        await t.ctx.db
          .selectFrom('audit_entries')
          .select('id')
          .where('organization_id', '=', orgId)
          .execute()
      ).length;

    /** The member's approved plan: one objective (weight 100) with two KRs 0 → 100 (60/40). */
    const approved = async (s: Scenario) => {
      const built = await buildPlan(
        s.member.api,
        { cycleId: s.cycleId, ownerType: 'user', ownerId: s.member.id },
        [{ weight: 100, keyResults: [{ weight: 60 }, { weight: 40 }] }],
      );
      await approvePlan(s.member.api, s.teamLead.api, built.plan.id);
      tick();
      const objective = built.objectives[0];
      return {
        planId: built.plan.id as string,
        objective,
        kr1: objective.keyResults[0],
        kr2: objective.keyResults[1],
      };
    };

    const needApproval = (s: Scenario) =>
      expectStatus(
        s.admin.api.patch('/organization', { settings: { adjustmentsNeedApproval: true } }),
        200,
      );

    it('refuses every change to an approved plan without a reason with 422 naming reason, and nothing changes', async () => {
      const s = await scenario(t);
      const p = await approved(s);
      const planBefore = await expectStatus(s.member.api.get(`/plans/${p.planId}`), 200);
      const audits = await auditCount(s.org.id);
      const attempts = [
        s.member.api.patch(`/key-results/${p.kr1.id}`, { targetValue: 80 }),
        s.member.api.patch(`/key-results/${p.kr1.id}`, { weight: 50, reason: '   ' }),
        s.member.api.patch(`/objectives/${p.objective.id}`, { title: 'Refocused' }),
        s.member.api.post(`/objectives/${p.objective.id}/key-results`, {
          title: 'Another measure',
          metricType: 'boolean',
          weight: 0,
        }),
        s.member.api.post(`/plans/${p.planId}/objectives`, { title: 'New goal', weight: 0 }),
        s.member.api.delete(`/key-results/${p.kr2.id}`),
        s.member.api.delete(`/objectives/${p.objective.id}`),
        s.member.api.post(`/objectives/${p.objective.id}/reorder`, {
          keyResultIds: [p.kr2.id, p.kr1.id],
        }),
      ];
      for (const attempt of attempts) {
        const res = await attempt;
        expect(res.status).toBe(422);
        expect(res.body.errors).toEqual([
          expect.objectContaining({ path: 'reason', code: 'adjustment.reason_required' }),
        ]);
      }
      const planAfter = await expectStatus(s.member.api.get(`/plans/${p.planId}`), 200);
      expect(planAfter).toEqual(planBefore);
      expect(await auditCount(s.org.id)).toBe(audits);
      const list = await expectStatus(s.member.api.get(`/plans/${p.planId}/adjustments`), 200);
      expect(list.items).toEqual([]);
    });

    it('needs no reason on a draft, nor for a change that changes nothing defining', async () => {
      const s = await scenario(t);
      const draft = await buildPlan(
        s.member.api,
        { cycleId: s.cycleId, ownerType: 'user', ownerId: s.member.id },
        ONE_KR,
      );
      const kr = draft.objectives[0].keyResults[0];
      await expectStatus(s.member.api.patch(`/key-results/${kr.id}`, { targetValue: 80 }), 200);
      await approvePlan(s.member.api, s.teamLead.api, draft.plan.id);
      const sameTitle = await s.member.api.patch(`/key-results/${kr.id}`, {
        title: kr.title,
        confidence: 4,
      });
      expect(sameTitle.status).toBe(200);
      expect(sameTitle.body).toMatchObject({ confidence: 4, targetValue: 80 });
      const list = await expectStatus(s.member.api.get(`/plans/${draft.plan.id}/adjustments`), 200);
      expect(list.items).toEqual([]);
    });

    it('records an applied adjustment with before, after and reason, and a new plan version', async () => {
      const s = await scenario(t);
      const p = await approved(s);
      const changed = await expectStatus(
        s.member.api.patch(`/key-results/${p.kr1.id}`, {
          targetValue: 80,
          reason: 'The market shrank',
        }),
        200,
      );
      expect(changed).toMatchObject({ targetValue: 80, version: p.kr1.version + 1 });
      const list = await expectStatus(s.member.api.get(`/plans/${p.planId}/adjustments`), 200);
      expect(list.items).toHaveLength(1);
      expect(list.items[0]).toMatchObject({
        planId: p.planId,
        targetType: 'keyResult',
        targetId: p.kr1.id,
        objectiveId: p.objective.id,
        kind: 'update',
        reason: 'The market shrank',
        status: 'applied',
        actor: { id: s.member.id, name: 'Member' },
        before: expect.objectContaining({ targetValue: 100, weight: 60 }),
        after: expect.objectContaining({ targetValue: 80, weight: 60 }),
        decidedBy: null,
      });
      const versions = await expectStatus(s.peer.api.get(`/plans/${p.planId}/versions`), 200);
      expect(versions.items.map((v: any) => [v.number, v.cause])).toEqual([
        [1, 'approval'],
        [2, 'adjustment'],
      ]);
      expect(versions.items[1].adjustmentId).toBe(list.items[0].id);
      const v1 = await expectStatus(s.peer.api.get(`/plans/${p.planId}/versions/1`), 200);
      expect(v1.objectives[0].keyResults[0]).toMatchObject({ id: p.kr1.id, targetValue: 100 });
      expect(v1.objectives[0].keyResults[0]).not.toHaveProperty('progress');
      const diff = await expectStatus(s.peer.api.get(`/plans/${p.planId}/diff`), 200);
      expect(diff).toEqual({
        from: 1,
        to: null,
        changes: [
          {
            path: `objectives[${p.objective.id}].keyResults[${p.kr1.id}].targetValue`,
            targetType: 'keyResult',
            targetId: p.kr1.id,
            field: 'targetValue',
            change: 'changed',
            before: 100,
            after: 80,
          },
        ],
      });
      const between = await expectStatus(
        s.peer.api.get(`/plans/${p.planId}/diff?from=2&to=1`),
        200,
      );
      expect(between.changes.map((c: any) => [c.field, c.before, c.after])).toEqual([
        ['targetValue', 80, 100],
      ]);
      expect((await s.peer.api.get(`/plans/${p.planId}/versions/9`)).status).toBe(404);
      expect((await s.peer.api.get(`/plans/${p.planId}/diff?from=9`)).status).toBe(404);
    });

    it('records created and deleted KRs and objectives, and reorders, as adjustments', async () => {
      const s = await scenario(t);
      const p = await approved(s);
      const added = await expectStatus(
        s.member.api.post(`/objectives/${p.objective.id}/key-results`, {
          title: 'Launch the partner portal',
          metricType: 'boolean',
          weight: 0,
          reason: 'Partners asked for it',
        }),
        201,
      );
      tick();
      expect(
        (await s.member.api.delete(`/key-results/${p.kr2.id}?reason=Merged%20into%20KR1`)).status,
      ).toBe(204);
      tick();
      await expectStatus(
        s.member.api.post(`/objectives/${p.objective.id}/reorder`, {
          keyResultIds: [added.id, p.kr1.id],
          reason: 'The portal comes first',
        }),
        200,
      );
      const list = await expectStatus(s.member.api.get(`/plans/${p.planId}/adjustments`), 200);
      expect(list.items.map((a: any) => [a.kind, a.targetType, a.reason])).toEqual([
        ['reorder', 'objective', 'The portal comes first'],
        ['delete', 'keyResult', 'Merged into KR1'],
        ['create', 'keyResult', 'Partners asked for it'],
      ]);
      const diff = await expectStatus(s.member.api.get(`/plans/${p.planId}/diff`), 200);
      expect(diff.changes.map((c: any) => `${c.change} ${c.targetId} ${c.field}`)).toEqual([
        `added ${added.id} null`,
        `changed ${p.kr1.id} priority`,
        `removed ${p.kr2.id} null`,
      ]);
    });

    it('with adjustmentsNeedApproval on, keeps the old target in force until the approver accepts', async () => {
      const s = await scenario(t);
      await needApproval(s);
      const p = await approved(s);
      await expectStatus(
        s.member.api.post(`/key-results/${p.kr1.id}/check-ins`, { value: 50 }),
        201,
      );
      const proposed = await s.member.api.patch(`/key-results/${p.kr1.id}`, {
        targetValue: 200,
        reason: 'A bigger market than we thought',
      });
      expect(proposed.status).toBe(202);
      expect(proposed.body).toMatchObject({
        status: 'pending',
        kind: 'update',
        targetId: p.kr1.id,
        before: expect.objectContaining({ targetValue: 100 }),
        after: expect.objectContaining({ targetValue: 200 }),
      });
      // the approved values stay in force: progress is still computed on the old target
      const kr = await expectStatus(s.member.api.get(`/key-results/${p.kr1.id}`), 200);
      expect(kr).toMatchObject({ targetValue: 100, currentValue: 50, progress: 0.5 });
      const plan = await expectStatus(s.member.api.get(`/plans/${p.planId}`), 200);
      expect(plan.progress).toBeCloseTo(0.3, 10);
      const pending = await expectStatus(
        s.teamLead.api.get(`/plans/${p.planId}/adjustments?status=pending`),
        200,
      );
      expect(pending.items.map((a: any) => a.id)).toEqual([proposed.body.id]);

      // only the approver (or an admin) decides
      expect((await s.member.api.post(`/adjustments/${proposed.body.id}/accept`, {})).status).toBe(
        403,
      );
      expect((await s.peer.api.post(`/adjustments/${proposed.body.id}/accept`, {})).status).toBe(
        403,
      );
      const other = await scenario(t);
      expect(
        (await other.admin.api.post(`/adjustments/${proposed.body.id}/accept`, {})).status,
      ).toBe(404);

      const accepted = await s.teamLead.api.post(`/adjustments/${proposed.body.id}/accept`, {
        comment: 'Agreed',
      });
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({
        status: 'accepted',
        decidedBy: { id: s.teamLead.id, name: 'Team Lead' },
        decisionComment: 'Agreed',
        version: 2,
      });
      expect(accepted.headers.etag).toBe('"2"');
      const after = await expectStatus(s.member.api.get(`/key-results/${p.kr1.id}`), 200);
      expect(after).toMatchObject({ targetValue: 200, currentValue: 50, progress: 0.25 });
      const rolled = await expectStatus(s.member.api.get(`/plans/${p.planId}`), 200);
      expect(rolled.progress).toBeCloseTo(0.15, 10);
      const versions = await expectStatus(s.member.api.get(`/plans/${p.planId}/versions`), 200);
      expect(versions.items.map((v: any) => [v.cause, v.adjustmentId])).toEqual([
        ['approval', null],
        ['adjustment', proposed.body.id],
      ]);
      // decided once
      expect(
        (await s.teamLead.api.post(`/adjustments/${proposed.body.id}/accept`, {})).status,
      ).toBe(409);
    });

    it('with adjustmentsNeedApproval on, a new KR order waits for the approver', async () => {
      const s = await scenario(t);
      await needApproval(s);
      const p = await approved(s);
      const order = async () =>
        (await expectStatus(s.member.api.get(`/plans/${p.planId}`), 200)).objectives[0].keyResults
          .slice()
          .sort((a: any, b: any) => a.priority - b.priority)
          .map((kr: any) => kr.id);
      const proposed = await s.member.api.post(`/objectives/${p.objective.id}/reorder`, {
        keyResultIds: [p.kr2.id, p.kr1.id],
        reason: 'Retention first',
      });
      expect(proposed.status).toBe(202);
      expect(proposed.body).toMatchObject({
        status: 'pending',
        kind: 'reorder',
        targetType: 'objective',
        targetId: p.objective.id,
        before: [p.kr1.id, p.kr2.id],
        after: [p.kr2.id, p.kr1.id],
      });
      expect(await order()).toEqual([p.kr1.id, p.kr2.id]);
      await expectStatus(s.teamLead.api.post(`/adjustments/${proposed.body.id}/accept`, {}), 200);
      expect(await order()).toEqual([p.kr2.id, p.kr1.id]);
    });

    it('applies a pending new KR on accept and rejects another with a comment, changing nothing', async () => {
      const s = await scenario(t);
      await needApproval(s);
      const p = await approved(s);
      const create = await s.member.api.post(`/objectives/${p.objective.id}/key-results`, {
        title: 'Sign 5 partners',
        metricType: 'number',
        startValue: 0,
        targetValue: 5,
        weight: 0,
        reason: 'Partners matter',
      });
      expect(create.status).toBe(202);
      expect(create.body).toMatchObject({ kind: 'create', targetId: null, status: 'pending' });
      const drop = await s.member.api.delete(
        `/objectives/${p.objective.id}?reason=Out%20of%20scope`,
      );
      expect(drop.status).toBe(202);
      const tree = await expectStatus(s.member.api.get(`/plans/${p.planId}`), 200);
      expect(tree.objectives[0].keyResults).toHaveLength(2);

      const accepted = await expectStatus(
        s.teamLead.api.post(`/adjustments/${create.body.id}/accept`, {}),
        200,
      );
      expect(accepted.targetId).toEqual(expect.any(String));
      const kr = await expectStatus(s.member.api.get(`/key-results/${accepted.targetId}`), 200);
      expect(kr).toMatchObject({ title: 'Sign 5 partners', targetValue: 5 });

      expect((await s.teamLead.api.post(`/adjustments/${drop.body.id}/reject`, {})).status).toBe(
        400,
      );
      const blank = await s.teamLead.api.post(`/adjustments/${drop.body.id}/reject`, {
        comment: '  ',
      });
      expect(blank.status).toBe(422);
      expect(blank.body.errors[0].path).toBe('comment');
      tick();
      const rejected = await expectStatus(
        s.teamLead.api.post(`/adjustments/${drop.body.id}/reject`, {
          comment: 'Keep it: it carries the year',
        }),
        200,
      );
      expect(rejected).toMatchObject({
        status: 'rejected',
        decisionComment: 'Keep it: it carries the year',
      });
      expect((await s.member.api.get(`/objectives/${p.objective.id}`)).status).toBe(200);
      expect((await s.teamLead.api.post(`/adjustments/${drop.body.id}/accept`, {})).status).toBe(
        409,
      );
      const audit = await expectStatus(
        s.admin.api.get(`/audit?targetType=adjustment&targetId=${drop.body.id}`),
        200,
      );
      expect(audit.items.map((e: any) => e.action)).toEqual([
        'adjustment.reject',
        'adjustment.propose',
      ]);
    });

    it("applies the approver's or an admin's own change at once even when approval is required", async () => {
      const s = await scenario(t);
      await needApproval(s);
      const p = await approved(s);
      const res = await s.admin.api.patch(`/key-results/${p.kr1.id}`, {
        targetValue: 90,
        reason: 'Admin correction',
      });
      expect(res.status).toBe(200);
      expect(res.body.targetValue).toBe(90);
      const list = await expectStatus(s.member.api.get(`/plans/${p.planId}/adjustments`), 200);
      expect(list.items[0]).toMatchObject({ status: 'applied', reason: 'Admin correction' });
    });

    it('shows every review comment and adjustment reason in the history, newest first', async () => {
      const s = await scenario(t);
      const built = await buildPlan(
        s.member.api,
        { cycleId: s.cycleId, ownerType: 'user', ownerId: s.member.id },
        ONE_KR,
      );
      const id = built.plan.id;
      const kr = built.objectives[0].keyResults[0];
      t.setNow('2026-10-02T01:00:00.000Z');
      await expectStatus(s.member.api.post(`/plans/${id}/submit`, {}), 200);
      t.setNow('2026-10-02T02:00:00.000Z');
      await expectStatus(
        s.teamLead.api.post(`/plans/${id}/request-changes`, { comment: 'Make the KR measurable' }),
        200,
      );
      t.setNow('2026-10-02T03:00:00.000Z');
      await expectStatus(s.member.api.post(`/plans/${id}/submit`, {}), 200);
      t.setNow('2026-10-02T04:00:00.000Z');
      await expectStatus(s.teamLead.api.post(`/plans/${id}/approve`, { comment: 'Go' }), 200);
      t.setNow('2026-10-20T04:00:00.000Z');
      await expectStatus(
        s.member.api.patch(`/key-results/${kr.id}`, { targetValue: 120, reason: 'Raised the bar' }),
        200,
      );
      try {
        const history = await expectStatus(s.peer.api.get(`/plans/${id}/history`), 200);
        expect(
          history.items.map((h: any) =>
            h.type === 'review' ? `${h.decision}: ${h.comment}` : `adjustment: ${h.reason}`,
          ),
        ).toEqual([
          'adjustment: Raised the bar',
          'approved: Go',
          'submitted: null',
          'changes_requested: Make the KR measurable',
          'submitted: null',
        ]);
        expect(history.items[0]).toMatchObject({
          type: 'adjustment',
          at: '2026-10-20T04:00:00.000Z',
          actor: { id: s.member.id, name: 'Member' },
          status: 'applied',
        });
        expect(history.items[1]).toMatchObject({
          type: 'review',
          actor: { id: s.teamLead.id, name: 'Team Lead' },
        });
        const first = await expectStatus(s.peer.api.get(`/plans/${id}/history?limit=2`), 200);
        expect(first.items).toHaveLength(2);
        const rest = await expectStatus(
          s.peer.api.get(`/plans/${id}/history?limit=10&cursor=${first.nextCursor}`),
          200,
        );
        expect(rest.items.map((h: any) => h.id)).toEqual(
          history.items.slice(2).map((h: any) => h.id),
        );
        expect(rest.nextCursor).toBeNull();
      } finally {
        t.setNow(new Date(BASE));
      }
    });

    it('hides adjustments about private objectives from readers who may not see them', async () => {
      const s = await scenario(t);
      const built = await buildPlan(
        s.member.api,
        { cycleId: s.cycleId, ownerType: 'user', ownerId: s.member.id },
        [{ weight: 100, visibility: 'private', keyResults: [{ weight: 100 }] }],
      );
      await approvePlan(s.member.api, s.teamLead.api, built.plan.id);
      const kr = built.objectives[0].keyResults[0];
      tick();
      await expectStatus(
        s.member.api.patch(`/key-results/${kr.id}`, { targetValue: 50, reason: 'Secret reason' }),
        200,
      );
      const peer = await expectStatus(s.peer.api.get(`/plans/${built.plan.id}/history`), 200);
      expect(peer.items.map((h: any) => h.type)).toEqual(['review', 'review']);
      const peerDiff = await expectStatus(s.peer.api.get(`/plans/${built.plan.id}/diff`), 200);
      expect(peerDiff.changes).toEqual([]);
      const lead = await expectStatus(s.teamLead.api.get(`/plans/${built.plan.id}/history`), 200);
      expect(lead.items[0]).toMatchObject({ type: 'adjustment', reason: 'Secret reason' });
      const id = lead.items[0].id;
      expect((await s.peer.api.get(`/adjustments/${id}`)).status).toBe(404);
      expect((await s.teamLead.api.get(`/adjustments/${id}`)).status).toBe(200);
    });

    it("answers 404 for another organization's plan history, versions and diff", async () => {
      const s = await scenario(t);
      const p = await approved(s);
      const other = await scenario(t);
      for (const path of ['history', 'versions', 'versions/1', 'diff', 'adjustments']) {
        expect((await other.admin.api.get(`/plans/${p.planId}/${path}`)).status).toBe(404);
      }
    });

    it('documents the lifecycle endpoints in the OpenAPI document', async () => {
      const doc = await t.client().get('/api/openapi.json');
      expect(doc.status).toBe(200);
      const paths = doc.body.paths;
      for (const [path, method] of [
        ['/api/v1/plans/{id}/adjustments', 'get'],
        ['/api/v1/adjustments/{id}/accept', 'post'],
        ['/api/v1/adjustments/{id}/reject', 'post'],
        ['/api/v1/plans/{id}/history', 'get'],
        ['/api/v1/plans/{id}/versions', 'get'],
        ['/api/v1/plans/{id}/versions/{n}', 'get'],
        ['/api/v1/plans/{id}/diff', 'get'],
        ['/api/v1/key-results/{id}/score', 'put'],
        ['/api/v1/plans/{id}/close', 'post'],
        ['/api/v1/plans/{id}/retrospective', 'put'],
        ['/api/v1/plans/{id}/carry-over', 'post'],
        ['/api/v1/units/{id}/cycles/{cycleId}/summary', 'get'],
      ] as const) {
        expect(paths[path]?.[method], `${method} ${path}`).toBeDefined();
      }
      expect(paths['/api/v1/key-results/{id}'].patch.responses['202']).toBeDefined();
    });

    it('answers 409 for a diff of a plan that was never approved', async () => {
      const s = await scenario(t);
      const draft = await buildPlan(
        s.member.api,
        { cycleId: s.cycleId, ownerType: 'user', ownerId: s.member.id },
        ONE_KR,
      );
      expect((await s.member.api.get(`/plans/${draft.plan.id}/diff`)).status).toBe(409);
      const versions = await expectStatus(
        s.member.api.get(`/plans/${draft.plan.id}/versions`),
        200,
      );
      expect(versions).toEqual({ items: [], nextCursor: null });
    });
  });
}
