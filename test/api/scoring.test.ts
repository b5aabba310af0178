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
  describe.skipIf(skip)(`scoring and closing on ${engine}`, () => {
    const t = useTestApp(engine);

    const checkIn = (s: Scenario, krId: string, value: number) =>
      expectStatus(s.member.api.post(`/key-results/${krId}/check-ins`, { value }), 201);
    const moveCycle = (s: Scenario, state: 'reviewing' | 'closed') =>
      expectStatus(s.admin.api.patch(`/cycles/${s.cycleId}`, { state }), 200);
    const score = (api: Scenario['member']['api'], krId: string, body: object) =>
      api.put(`/key-results/${krId}/score`, body);

    /**
     * The member's approved plan: a committed objective (60) with KRs 70/30 and an aspirational
     * one (40) with one KR; check-ins put them at 46 %, 100 % and 64 %.
     */
    const scoredPlan = async (s: Scenario) => {
      const built = await buildPlan(
        s.member.api,
        { cycleId: s.cycleId, ownerType: 'user', ownerId: s.member.id },
        [
          { weight: 60, keyResults: [{ weight: 70 }, { weight: 30 }] },
          { weight: 40, keyResults: [{ weight: 100 }] },
        ],
      );
      await expectStatus(
        s.member.api.patch(`/objectives/${built.objectives[1].id}`, { kind: 'aspirational' }),
        200,
      );
      await approvePlan(s.member.api, s.teamLead.api, built.plan.id);
      const [c, a] = built.objectives;
      const krs = [c.keyResults[0], c.keyResults[1], a.keyResults[0]];
      await checkIn(s, krs[0].id, 46);
      await checkIn(s, krs[1].id, 100);
      await checkIn(s, krs[2].id, 64);
      return { planId: built.plan.id as string, committed: c, aspirational: a, krs };
    };

    it('refuses scores outside 0–1 (and non-numbers) with 400 and changes nothing', async () => {
      const s = await scenario(t);
      const p = await scoredPlan(s);
      await moveCycle(s, 'reviewing');
      const kr = p.krs[0];
      for (const body of [{ score: 1.2 }, { score: -0.1 }, { score: '0.5' }, { score: null }, {}]) {
        const res = await score(s.member.api, kr.id, body);
        expect(res.status).toBe(400);
      }
      const got = await expectStatus(s.member.api.get(`/key-results/${kr.id}`), 200);
      expect(got).toMatchObject({ selfScore: null, finalScore: null, version: kr.version + 1 });
    });

    it('refuses scoring with 409 unless the cycle is reviewing and the plan approved', async () => {
      const s = await scenario(t);
      const p = await scoredPlan(s);
      const early = await score(s.member.api, p.krs[0].id, { score: 0.5 });
      expect(early.status).toBe(409);
      const draft = await buildPlan(
        s.peer.api,
        { cycleId: s.cycleId, ownerType: 'user', ownerId: s.peer.id },
        ONE_KR,
      );
      await moveCycle(s, 'reviewing');
      const onDraft = await score(s.peer.api, draft.objectives[0].keyResults[0].id, { score: 0.5 });
      expect(onDraft.status).toBe(409);
    });

    it('shows default scores in review; the owner self-scores and the approver sets the final score', async () => {
      const s = await scenario(t);
      const p = await scoredPlan(s);
      const before = await expectStatus(s.member.api.get(`/plans/${p.planId}`), 200);
      expect(before.score).toBeNull();
      expect(before.objectives[0].keyResults[0].score).toBeNull();
      await moveCycle(s, 'reviewing');

      const kr = p.krs[0];
      const shown = await expectStatus(s.peer.api.get(`/key-results/${kr.id}`), 200);
      expect(shown).toMatchObject({
        progress: 0.46,
        score: 0.5,
        selfScore: null,
        finalScore: null,
      });

      const self = await score(s.member.api, kr.id, { score: 0.6, note: 'Two deals slipped' });
      expect(self.status).toBe(200);
      expect(self.body).toMatchObject({
        score: 0.6,
        selfScore: 0.6,
        selfScoreNote: 'Two deals slipped',
        finalScore: null,
      });
      expect(self.headers.etag).toBe(`"${self.body.version}"`);
      const final = await expectStatus(
        score(s.teamLead.api, kr.id, { score: 0.4, note: 'The slip was foreseeable' }),
        200,
      );
      expect(final).toMatchObject({
        score: 0.4,
        selfScore: 0.6,
        finalScore: 0.4,
        finalScoreNote: 'The slip was foreseeable',
      });
      // who may set which score
      expect((await score(s.peer.api, kr.id, { score: 0.9 })).status).toBe(403);
      expect((await score(s.stranger.api, kr.id, { score: 0.9 })).status).toBe(403);
      expect((await score(s.member.api, kr.id, { score: 0.9, kind: 'final' })).status).toBe(403);
      expect((await score(s.teamLead.api, kr.id, { score: 0.9, kind: 'self' })).status).toBe(403);
      const other = await scenario(t);
      expect((await score(other.admin.api, kr.id, { score: 0.9 })).status).toBe(404);
      // a stale If-Match
      const stale = await s.teamLead.api.put(
        `/key-results/${kr.id}/score`,
        { score: 0.5 },
        { 'if-match': `"${final.version - 1}"` },
      );
      expect(stale.status).toBe(412);
    });

    it('scores objectives and the plan as weighted means and flags committed and aspirational misses', async () => {
      const s = await scenario(t);
      const p = await scoredPlan(s);
      await moveCycle(s, 'reviewing');
      const plan = await expectStatus(s.member.api.get(`/plans/${p.planId}`), 200);
      const [committed, aspirational] = plan.objectives;
      // KR defaults: 0.46 → 0.5, 1.0 → 1.0, 0.64 → 0.6
      expect(committed.keyResults.map((k: any) => k.score)).toEqual([0.5, 1]);
      expect(committed.score).toBeCloseTo(0.7 * 0.5 + 0.3 * 1, 10);
      expect(committed).toMatchObject({ scoreBand: 'yellow', miss: true });
      expect(aspirational.score).toBeCloseTo(0.6, 10);
      expect(aspirational).toMatchObject({ scoreBand: 'yellow', miss: true });
      expect(plan.score).toBeCloseTo(0.6 * 0.65 + 0.4 * 0.6, 10);
      expect(plan.scoreBand).toBe('yellow');

      await expectStatus(score(s.teamLead.api, p.krs[0].id, { score: 1 }), 200);
      await expectStatus(score(s.teamLead.api, p.krs[2].id, { score: 0.7 }), 200);
      const after = await expectStatus(s.member.api.get(`/plans/${p.planId}`), 200);
      expect(after.objectives[0]).toMatchObject({ score: 1, miss: false, scoreBand: 'green' });
      expect(after.objectives[1]).toMatchObject({ score: 0.7, miss: false, scoreBand: 'green' });
      expect(after.score).toBeCloseTo(0.88, 10);
    });

    it('closes a plan (approver or admin): final scores fixed from self or default, then read-only with 409', async () => {
      const s = await scenario(t);
      const p = await scoredPlan(s);
      const action = await expectStatus(
        s.member.api.post(`/key-results/${p.krs[0].id}/actions`, { title: 'Call the top 10' }),
        201,
      );
      expect((await s.teamLead.api.post(`/plans/${p.planId}/close`, {})).status).toBe(409);
      await moveCycle(s, 'reviewing');
      await expectStatus(score(s.member.api, p.krs[0].id, { score: 0.3 }), 200);
      await expectStatus(score(s.teamLead.api, p.krs[1].id, { score: 0.9 }), 200);
      expect((await s.member.api.post(`/plans/${p.planId}/close`, {})).status).toBe(403);
      expect((await s.peer.api.post(`/plans/${p.planId}/close`, {})).status).toBe(403);

      const closed = await s.teamLead.api.post(`/plans/${p.planId}/close`, {});
      expect(closed.status).toBe(200);
      expect(closed.body).toMatchObject({ state: 'closed', closedAt: expect.any(String) });
      const fixed = closed.body.objectives.flatMap((o: any) => o.keyResults);
      expect(fixed.map((k: any) => k.finalScore)).toEqual([0.3, 0.9, 0.6]);
      expect(closed.body.score).toBeCloseTo(0.6 * (0.7 * 0.3 + 0.3 * 0.9) + 0.4 * 0.6, 10);

      // read-only: edits, check-ins, scores, actions
      const refusals = [
        s.member.api.patch(`/key-results/${p.krs[0].id}`, { targetValue: 50, reason: 'Late' }),
        s.member.api.patch(`/objectives/${p.committed.id}`, { title: 'New', reason: 'Late' }),
        s.member.api.post(`/plans/${p.planId}/objectives`, {
          title: 'Another',
          weight: 0,
          reason: 'Late',
        }),
        s.member.api.post(`/key-results/${p.krs[0].id}/check-ins`, { value: 90 }),
        score(s.teamLead.api, p.krs[0].id, { score: 1 }),
        score(s.member.api, p.krs[0].id, { score: 1 }),
        s.member.api.patch(`/actions/${action.id}`, { state: 'done' }),
        s.member.api.post(`/key-results/${p.krs[0].id}/actions`, { title: 'More' }),
        s.teamLead.api.post(`/plans/${p.planId}/close`, {}),
      ];
      for (const refusal of refusals) {
        const res = await refusal;
        expect(res.status).toBe(409);
      }
    });

    it('closing the cycle closes its plans and fixes the final scores of the approved ones', async () => {
      const s = await scenario(t);
      const p = await scoredPlan(s);
      const draft = await buildPlan(
        s.peer.api,
        { cycleId: s.cycleId, ownerType: 'user', ownerId: s.peer.id },
        ONE_KR,
      );
      await moveCycle(s, 'reviewing');
      await expectStatus(score(s.member.api, p.krs[2].id, { score: 0.8 }), 200);
      await moveCycle(s, 'closed');
      const plan = await expectStatus(s.member.api.get(`/plans/${p.planId}`), 200);
      expect(plan.state).toBe('closed');
      expect(
        plan.objectives.flatMap((o: any) => o.keyResults.map((k: any) => k.finalScore)),
      ).toEqual([0.5, 1, 0.8]);
      const other = await expectStatus(s.peer.api.get(`/plans/${draft.plan.id}`), 200);
      expect(other.state).toBe('closed');
      expect(other.score).toBeNull();
      expect(other.objectives[0].keyResults[0].finalScore).toBeNull();
      const check = await s.member.api.post(`/key-results/${p.krs[0].id}/check-ins`, { value: 99 });
      expect(check.status).toBe(409);
    });

    it('withdraws pending adjustments when the plan closes', async () => {
      const s = await scenario(t);
      await expectStatus(
        s.admin.api.patch('/organization', { settings: { adjustmentsNeedApproval: true } }),
        200,
      );
      const p = await scoredPlan(s);
      const pending = await s.member.api.patch(`/key-results/${p.krs[0].id}`, {
        targetValue: 60,
        reason: 'Too ambitious',
      });
      expect(pending.status).toBe(202);
      await moveCycle(s, 'reviewing');
      await expectStatus(s.teamLead.api.post(`/plans/${p.planId}/close`, {}), 200);
      const got = await expectStatus(s.member.api.get(`/adjustments/${pending.body.id}`), 200);
      expect(got).toMatchObject({ status: 'rejected', decisionComment: 'The plan closed' });
      const kr = await expectStatus(s.member.api.get(`/key-results/${p.krs[0].id}`), 200);
      expect(kr.targetValue).toBe(100);
    });
  });
}
