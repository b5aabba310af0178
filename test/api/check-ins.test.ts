import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { enginesToTest } from '../helpers/engines.js';
import {
  approvePlan,
  buildPlan,
  expectStatus,
  ONE_KR,
  scenario,
  type ObjectiveSpec,
  type Scenario,
} from '../helpers/plans.js';

for (const { engine, skip } of await enginesToTest()) {
  describe.skipIf(skip)(`check-ins on ${engine}`, () => {
    const t = useTestApp(engine);

    /** The member's approved plan. */
    async function approved(s: Scenario, objectives: ObjectiveSpec[] = ONE_KR) {
      const built = await buildPlan(
        s.member.api,
        { cycleId: s.cycleId, ownerType: 'user', ownerId: s.member.id },
        objectives,
      );
      await approvePlan(s.member.api, s.teamLead.api, built.plan.id);
      return built;
    }
    const checkIns = (keyResultId: string) =>
      t.ctx.db
        .selectFrom('check_ins')
        .selectAll()
        .where('key_result_id', '=', keyResultId)
        .execute();

    it('rolls progress up exactly: KR, objective and plan, increase and decrease, clamped over-achievement', async () => {
      const s = await scenario(t);
      const { plan, objectives } = await approved(s, [
        {
          weight: 60,
          keyResults: [
            { weight: 70, startValue: 8, targetValue: 12 },
            { weight: 30, startValue: 0, targetValue: 100 },
          ],
        },
        { weight: 40, keyResults: [{ weight: 100, startValue: 20, targetValue: 10 }] },
      ]);
      const [kr1, kr2] = objectives[0].keyResults;
      const kr3 = objectives[1].keyResults[0];
      expect(kr3.direction).toBe('decrease');

      const first = await s.member.api.post(`/key-results/${kr1.id}/check-ins`, {
        value: 10,
        confidence: 6,
        note: 'Two new accounts',
        blockers: 'Legal review',
      });
      expect(first.status).toBe(201);
      expect(first.body.checkIn).toMatchObject({
        keyResultId: kr1.id,
        value: 10,
        confidence: 6,
        note: 'Two new accounts',
        blockers: 'Legal review',
        authorId: s.member.id,
      });
      expect(first.body.keyResult).toMatchObject({
        currentValue: 10,
        progress: 0.5,
        progressRaw: 0.5,
        confidence: 6,
        version: kr1.version + 1,
        forecast: 10,
      });
      expect(first.body.objective.id).toBe(objectives[0].id);
      expect(first.body.objective.progress).toBeCloseTo(0.35, 10); // 0.7 × 0.5
      expect(first.body.plan.id).toBe(plan.id);
      expect(first.body.plan.progress).toBeCloseTo(0.21, 10); // 0.6 × 0.35

      const down = await expectStatus(
        s.member.api.post(`/key-results/${kr3.id}/check-ins`, { value: 14 }),
        201,
      );
      expect(down.keyResult.progress).toBeCloseTo(0.6, 10); // (20 − 14) / (20 − 10)
      expect(down.objective.progress).toBeCloseTo(0.6, 10);
      expect(down.plan.progress).toBeCloseTo(0.45, 10); // 0.21 + 0.4 × 0.6

      const over = await expectStatus(
        s.member.api.post(`/key-results/${kr2.id}/check-ins`, { value: 125 }),
        201,
      );
      expect(over.keyResult.progressRaw).toBeCloseTo(1.25, 10);
      expect(over.keyResult.progress).toBe(1);
      expect(over.objective.progress).toBeCloseTo(0.65, 10); // 0.35 + 0.3 × 1
      expect(over.plan.progress).toBeCloseTo(0.63, 10); // 0.6 × 0.65 + 0.24

      const worse = await expectStatus(
        s.member.api.post(`/key-results/${kr3.id}/check-ins`, { value: 22 }),
        201,
      );
      expect(worse.keyResult.progressRaw).toBeCloseTo(-0.2, 10);
      expect(worse.keyResult.progress).toBe(0);
      expect(worse.plan.progress).toBeCloseTo(0.39, 10);

      // reads show the stored values
      const tree = await expectStatus(s.peer.api.get(`/plans/${plan.id}`), 200);
      expect(tree.progress).toBeCloseTo(0.39, 10);
      expect(tree.objectives[0].keyResults[1]).toMatchObject({ progress: 1, currentValue: 125 });
      expect(tree.lastCheckInAt).toBe(t.ctx.now().toISOString());
    });

    it('replays the first result for a repeated Idempotency-Key and writes one row', async () => {
      const s = await scenario(t);
      const { objectives } = await approved(s);
      const kr = objectives[0].keyResults[0];
      const key = { 'idempotency-key': 'weekly-2026-47' };
      const first = await s.member.api.post(`/key-results/${kr.id}/check-ins`, { value: 30 }, key);
      expect(first.status).toBe(201);
      const again = await s.member.api.post(`/key-results/${kr.id}/check-ins`, { value: 99 }, key);
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      expect(await checkIns(kr.id)).toHaveLength(1);
      const got = await expectStatus(s.member.api.get(`/key-results/${kr.id}`), 200);
      expect(got).toMatchObject({ currentValue: 30, version: kr.version + 1 });
      // the same key on another KR is a conflict, not a replay
      const kr2 = await expectStatus(
        s.member.api.post(`/objectives/${objectives[0].id}/key-results`, {
          title: 'Second',
          metricType: 'boolean',
          weight: 0,
          reason: 'A second measure',
        }),
        201,
      );
      const other = await s.member.api.post(`/key-results/${kr2.id}/check-ins`, { value: 1 }, key);
      expect(other.status).toBe(409);
      expect(await checkIns(kr2.id)).toHaveLength(0);
      // another author's key is their own
      const admin = await s.admin.api.post(`/key-results/${kr.id}/check-ins`, { value: 40 }, key);
      expect(admin.status).toBe(201);
      expect(admin.body.checkIn.id).not.toBe(first.body.checkIn.id);
    });

    it('answers concurrent duplicates with the first result and one row', async () => {
      const s = await scenario(t);
      const { objectives } = await approved(s);
      const kr = objectives[0].keyResults[0];
      const key = { 'idempotency-key': 'race-1' };
      const results = await Promise.all(
        [1, 2, 3, 4, 5].map((v) =>
          s.member.api.post(`/key-results/${kr.id}/check-ins`, { value: v }, key),
        ),
      );
      for (const r of results) expect(r.status).toBe(201);
      const ids = new Set(results.map((r) => r.body.checkIn.id));
      expect(ids.size).toBe(1);
      expect(await checkIns(kr.id)).toHaveLength(1);
    });

    it('refuses check-ins with 409 unless the plan is approved and the cycle active', async () => {
      const s = await scenario(t);
      const draft = await buildPlan(
        s.member.api,
        { cycleId: s.cycleId, ownerType: 'user', ownerId: s.member.id },
        ONE_KR,
      );
      const kr = draft.objectives[0].keyResults[0];
      expect(
        (await s.member.api.post(`/key-results/${kr.id}/check-ins`, { value: 1 })).status,
      ).toBe(409);
      await expectStatus(s.member.api.post(`/plans/${draft.plan.id}/submit`, {}), 200);
      expect(
        (await s.member.api.post(`/key-results/${kr.id}/check-ins`, { value: 1 })).status,
      ).toBe(409);

      const planning = await scenario(t, { state: 'planning' });
      const { objectives } = await approved(planning);
      const res = await planning.member.api.post(
        `/key-results/${objectives[0].keyResults[0].id}/check-ins`,
        { value: 1 },
      );
      expect(res.status).toBe(409);
      await t.ctx.db
        .updateTable('cycles')
        .set({ state: 'reviewing' })
        .where('id', '=', s.cycleId)
        .execute();
      await expectStatus(s.teamLead.api.post(`/plans/${draft.plan.id}/approve`, {}), 200);
      expect(
        (await s.member.api.post(`/key-results/${kr.id}/check-ins`, { value: 1 })).status,
      ).toBe(409);
      expect(await checkIns(kr.id)).toHaveLength(0);
    });

    it("lets the KR's owner and the plan's writers check in; 403 for a stranger, 404 for another organization", async () => {
      const s = await scenario(t);
      const { objectives } = await approved(s, [
        { weight: 100, keyResults: [{ weight: 100, ownerId: s.stranger.id }] },
      ]);
      const kr = objectives[0].keyResults[0];
      expect(
        (await s.stranger.api.post(`/key-results/${kr.id}/check-ins`, { value: 10 })).status,
      ).toBe(201);
      expect(
        (await s.admin.api.post(`/key-results/${kr.id}/check-ins`, { value: 20 })).status,
      ).toBe(201);
      expect((await s.peer.api.post(`/key-results/${kr.id}/check-ins`, { value: 30 })).status).toBe(
        403,
      );
      expect(
        (await s.teamLead.api.post(`/key-results/${kr.id}/check-ins`, { value: 30 })).status,
      ).toBe(403);
      const other = await scenario(t);
      expect(
        (await other.admin.api.post(`/key-results/${kr.id}/check-ins`, { value: 30 })).status,
      ).toBe(404);
      expect((await other.admin.api.get(`/key-results/${kr.id}/check-ins`)).status).toBe(404);
      expect(await checkIns(kr.id)).toHaveLength(2);
    });

    it('validates values and confidence with 400', async () => {
      const s = await scenario(t);
      const { objectives } = await approved(s);
      const kr = objectives[0].keyResults[0];
      for (const body of [
        {},
        { value: null },
        { value: '12' },
        { value: true },
        { value: 1e16 },
        { value: 1, confidence: 11 },
        { value: 1, confidence: 2.5 },
        { value: 1, note: 'x'.repeat(5001) },
      ]) {
        const res = await s.member.api.post(`/key-results/${kr.id}/check-ins`, body);
        expect(res.status).toBe(400);
      }
      expect(await checkIns(kr.id)).toHaveLength(0);
    });

    it('lists check-ins newest first with pagination and forecasts along their trend', async () => {
      const s = await scenario(t);
      const { objectives } = await approved(s);
      const kr = objectives[0].keyResults[0];
      const days = ['2026-10-16', '2026-10-31', '2026-11-15'];
      try {
        for (const [i, day] of days.entries()) {
          // 16:00 UTC is the start of the next day in Asia/Shanghai
          t.setNow(`${day}T16:00:00.000Z`);
          await expectStatus(
            s.member.api.post(`/key-results/${kr.id}/check-ins`, { value: 15 * (i + 1) }),
            201,
          );
        }
      } finally {
        t.setNow('2026-11-20T04:00:00.000Z');
      }
      const page1 = await expectStatus(
        s.peer.api.get(`/key-results/${kr.id}/check-ins?limit=2`),
        200,
      );
      expect(page1.items.map((c: any) => c.value)).toEqual([45, 30]);
      const page2 = await expectStatus(
        s.peer.api.get(`/key-results/${kr.id}/check-ins?limit=2&cursor=${page1.nextCursor}`),
        200,
      );
      expect(page2.items.map((c: any) => c.value)).toEqual([15]);
      expect(page2.nextCursor).toBeNull();
      // 15 every 15 days from Oct 17 (local) → the cycle ends Jan 1 00:00 local: 76 days after → 15 + 76
      const got = await expectStatus(s.peer.api.get(`/key-results/${kr.id}`), 200);
      expect(got.forecast).toBeCloseTo(91, 6);
    });
  });
}
