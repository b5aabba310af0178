import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { enginesToTest } from '../helpers/engines.js';
import { approvePlan, buildPlan, expectStatus, scenario, type Scenario } from '../helpers/plans.js';

for (const { engine, skip } of await enginesToTest()) {
  describe.skipIf(skip)(`progress roll-up on ${engine}`, () => {
    const t = useTestApp(engine);

    const checkIn = (api: Scenario['admin']['api'], krId: string, value: number) =>
      expectStatus(api.post(`/key-results/${krId}/check-ins`, { value }), 201);
    const kr = async (api: Scenario['admin']['api'], id: string) =>
      expectStatus(api.get(`/key-results/${id}`), 200);
    const plan = async (api: Scenario['admin']['api'], id: string) =>
      expectStatus(api.get(`/plans/${id}`), 200);

    it('carries a check-in on a team plan up through aligned KRs to the company plan', async () => {
      const s = await scenario(t);
      const company = await buildPlan(
        s.admin.api,
        { cycleId: s.cycleId, ownerType: 'unit', ownerId: s.org.rootUnitId },
        [{ weight: 100, keyResults: [{ weight: 100, progressSource: 'aligned' }] }],
      );
      const krCompany = company.objectives[0].keyResults[0];
      const sales = await buildPlan(
        s.salesLead.api,
        { cycleId: s.cycleId, ownerType: 'unit', ownerId: s.salesId },
        [
          {
            weight: 100,
            alignedToKeyResultId: krCompany.id,
            keyResults: [
              { weight: 50, progressSource: 'aligned' },
              { weight: 50, startValue: 0, targetValue: 100 },
            ],
          },
        ],
      );
      const [krSales, krSalesManual] = sales.objectives[0].keyResults;
      const team = await buildPlan(
        s.teamLead.api,
        { cycleId: s.cycleId, ownerType: 'unit', ownerId: s.teamId },
        [
          {
            weight: 60,
            alignedToKeyResultId: krSales.id,
            keyResults: [{ weight: 100, startValue: 0, targetValue: 10 }],
          },
          {
            weight: 40,
            alignedToKeyResultId: krSales.id,
            keyResults: [{ weight: 100, startValue: 0, targetValue: 100 }],
          },
        ],
      );
      await approvePlan(s.admin.api, s.admin.api, company.plan.id);
      await approvePlan(s.salesLead.api, s.admin.api, sales.plan.id);
      await approvePlan(s.teamLead.api, s.salesLead.api, team.plan.id);
      expect((await kr(s.admin.api, krCompany.id)).health).toBe('not_started');

      await checkIn(s.teamLead.api, team.objectives[0].keyResults[0].id, 5);
      // team objective 1 = 0.5 → sales KR = 0.6 × 0.5 = 0.3 → sales objective = 0.5 × 0.3
      expect((await kr(s.admin.api, krSales.id)).progress).toBeCloseTo(0.3, 10);
      expect((await plan(s.admin.api, sales.plan.id)).progress).toBeCloseTo(0.15, 10);
      const top = await kr(s.admin.api, krCompany.id);
      expect(top.progress).toBeCloseTo(0.15, 10);
      expect(top.health).not.toBe('not_started');
      expect((await plan(s.admin.api, company.plan.id)).progress).toBeCloseTo(0.15, 10);

      await checkIn(s.teamLead.api, team.objectives[1].keyResults[0].id, 100);
      // sales KR = 0.6 × 0.5 + 0.4 × 1 = 0.7 → sales objective 0.35
      expect((await kr(s.admin.api, krSales.id)).progress).toBeCloseTo(0.7, 10);
      expect((await plan(s.admin.api, company.plan.id)).progress).toBeCloseTo(0.35, 10);

      await checkIn(s.salesLead.api, krSalesManual.id, 100);
      // sales objective = 0.5 × 0.7 + 0.5 × 1 = 0.85
      expect((await kr(s.admin.api, krCompany.id)).progress).toBeCloseTo(0.85, 10);

      // re-aligning the second team objective away drops it from the sales KR
      await expectStatus(
        s.teamLead.api.patch(`/objectives/${team.objectives[1].id}`, {
          alignedToKeyResultId: null,
          reason: 'Supports marketing now',
        }),
        200,
      );
      expect((await kr(s.admin.api, krSales.id)).progress).toBeCloseTo(0.5, 10);
      expect((await plan(s.admin.api, company.plan.id)).progress).toBeCloseTo(0.75, 10);

      // deleting the last child leaves the aligned KR with nothing to follow
      await expectStatus(
        s.teamLead.api.delete(`/objectives/${team.objectives[0].id}?reason=Done`),
        204,
      );
      expect((await kr(s.admin.api, krSales.id)).progress).toBe(0);
      expect((await plan(s.admin.api, company.plan.id)).progress).toBeCloseTo(0.5, 10);
    });

    it('takes an actions-sourced KR from the weighted share of done actions, cancelled ones left out', async () => {
      const s = await scenario(t);
      const built = await buildPlan(
        s.member.api,
        { cycleId: s.cycleId, ownerType: 'user', ownerId: s.member.id },
        [
          {
            weight: 50,
            keyResults: [{ weight: 100, progressSource: 'actions', metricType: 'boolean' }],
          },
          { weight: 50, keyResults: [{ weight: 100 }] },
        ],
      );
      const krId = built.objectives[0].keyResults[0].id;
      const add = (title: string, weight: number) =>
        expectStatus(s.member.api.post(`/key-results/${krId}/actions`, { title, weight }), 201);
      const a = await add('Draft the offer', 1);
      const b = await add('Train the team', 1);
      const c = await add('Sign the partner', 2);
      expect((await kr(s.member.api, krId)).health).toBe('not_started');

      await expectStatus(s.member.api.patch(`/actions/${c.id}`, { state: 'done' }), 200);
      let now = await kr(s.member.api, krId);
      expect(now.progress).toBeCloseTo(0.5, 10); // 2 of 4
      expect(now.health).not.toBe('not_started');
      expect((await plan(s.member.api, built.plan.id)).progress).toBeCloseTo(0.25, 10);

      await expectStatus(s.member.api.patch(`/actions/${b.id}`, { state: 'cancelled' }), 200);
      expect((await kr(s.member.api, krId)).progress).toBeCloseTo(2 / 3, 10);
      await expectStatus(s.member.api.patch(`/actions/${a.id}`, { weight: 2 }), 200);
      expect((await kr(s.member.api, krId)).progress).toBeCloseTo(0.5, 10);
      expect((await s.member.api.delete(`/actions/${c.id}`)).status).toBe(204);
      now = await kr(s.member.api, krId);
      expect(now.progress).toBe(0);
      expect((await plan(s.member.api, built.plan.id)).progress).toBe(0);
    });

    it('rolls up when KRs are added, re-weighted, re-targeted or deleted', async () => {
      const s = await scenario(t);
      const built = await buildPlan(
        s.member.api,
        { cycleId: s.cycleId, ownerType: 'user', ownerId: s.member.id },
        [
          { weight: 80, keyResults: [{ weight: 100, startValue: 0, targetValue: 100 }] },
          { weight: 20, keyResults: [{ weight: 100 }] },
        ],
      );
      await approvePlan(s.member.api, s.teamLead.api, built.plan.id);
      const o = built.objectives[0];
      const kr1 = o.keyResults[0];
      await checkIn(s.member.api, kr1.id, 100);
      expect((await plan(s.member.api, built.plan.id)).progress).toBeCloseTo(0.8, 10);

      // changes to an approved plan are adjustments: each needs a reason
      const kr2 = await expectStatus(
        s.member.api.post(`/objectives/${o.id}/key-results`, {
          title: 'Grow revenue to the target',
          metricType: 'number',
          startValue: 0,
          targetValue: 100,
          weight: 100,
          reason: 'A second measure',
        }),
        201,
      );
      const afterAdd = await expectStatus(s.member.api.get(`/objectives/${o.id}`), 200);
      expect(afterAdd.progress).toBeCloseTo(0.5, 10);
      expect((await plan(s.member.api, built.plan.id)).progress).toBeCloseTo(0.4, 10);

      await expectStatus(
        s.member.api.patch(`/key-results/${kr2.id}`, { weight: 0, reason: 'Secondary' }),
        200,
      );
      expect((await expectStatus(s.member.api.get(`/objectives/${o.id}`), 200)).progress).toBe(1);

      const retargeted = await expectStatus(
        s.member.api.patch(`/key-results/${kr1.id}`, { targetValue: 400, reason: 'Raised' }),
        200,
      );
      expect(retargeted).toMatchObject({ currentValue: 100, progress: 0.25 });
      expect((await plan(s.member.api, built.plan.id)).progress).toBeCloseTo(0.2, 10);

      expect((await s.member.api.delete(`/key-results/${kr1.id}?reason=Dropped`)).status).toBe(204);
      // only kr2 (weight 0) is left: equal weights, progress 0
      expect((await expectStatus(s.member.api.get(`/objectives/${o.id}`), 200)).progress).toBe(0);
      const tree = await plan(s.member.api, built.plan.id);
      expect(tree.progress).toBe(0);
      expect(tree.health).toBe('not_started');
    });

    it("computes health at the clock from the organization's thresholds", async () => {
      const s = await scenario(t);
      const values = [40, 39, 25, 24];
      const built = await buildPlan(
        s.member.api,
        { cycleId: s.cycleId, ownerType: 'user', ownerId: s.member.id },
        [{ weight: 100, keyResults: values.map(() => ({ weight: 25 })) }],
      );
      await approvePlan(s.member.api, s.teamLead.api, built.plan.id);
      const krs = built.objectives[0].keyResults;
      // half of 2026-10-01 … 2026-12-31 in Asia/Shanghai has passed
      t.setNow('2026-11-15T16:00:00.000Z');
      try {
        let tree = await plan(s.member.api, built.plan.id);
        expect(tree.expectedProgress).toBeCloseTo(0.5, 10);
        expect(tree.health).toBe('not_started');
        for (const [i, v] of values.entries()) await checkIn(s.member.api, krs[i].id, v);
        tree = await plan(s.member.api, built.plan.id);
        expect(tree.objectives[0].keyResults.map((k: any) => k.health)).toEqual([
          'on_track', // 0.40 ≥ 0.5 − 0.10
          'at_risk',
          'at_risk', // 0.25 ≥ 0.5 − 0.25
          'off_track',
        ]);
        expect(tree.progress).toBeCloseTo(0.32, 10);
        expect(tree.health).toBe('at_risk');

        await t.ctx.db
          .updateTable('organizations')
          .set({ settings: JSON.stringify({ healthThresholds: { atRisk: 0.2, offTrack: 0.3 } }) })
          .where('id', '=', s.org.id)
          .execute();
        tree = await plan(s.member.api, built.plan.id);
        expect(tree.objectives[0].keyResults.map((k: any) => k.health)).toEqual([
          'on_track',
          'on_track',
          'at_risk',
          'at_risk',
        ]);
        expect(tree.health).toBe('on_track');

        t.setNow('2027-01-05T00:00:00.000Z');
        tree = await plan(s.member.api, built.plan.id);
        expect(tree.expectedProgress).toBe(1);
        expect(tree.health).toBe('off_track');
      } finally {
        t.setNow('2026-11-20T04:00:00.000Z');
      }
    });
  });
}
