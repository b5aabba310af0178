import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { enginesToTest } from '../helpers/engines.js';
import {
  addObjective,
  approvePlan,
  buildPlan,
  expectStatus,
  ONE_KR,
  scenario,
  type Scenario,
} from '../helpers/plans.js';

for (const { engine, skip } of await enginesToTest()) {
  describe.skipIf(skip)(`objectives on ${engine}`, () => {
    const t = useTestApp(engine);

    const audits = (targetId: string) =>
      t.ctx.db
        .selectFrom('audit_entries')
        .select(['action', 'reason'])
        .where('target_id', '=', targetId)
        .orderBy('created_at')
        .execute();

    const memberPlan = (s: Scenario, objectives = ONE_KR) =>
      buildPlan(
        s.member.api,
        { cycleId: s.cycleId, ownerType: 'user', ownerId: s.member.id },
        objectives,
      );

    it('creates an objective with defaults (committed, public, next priority) and an ETag', async () => {
      const s = await scenario(t);
      const { plan } = await memberPlan(s);
      const res = await s.member.api.post(`/plans/${plan.id}/objectives`, {
        title: '  Delight customers  ',
        weight: 0,
        description: 'Why it matters',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        title: 'Delight customers',
        kind: 'committed',
        visibility: 'public',
        priority: 2,
        progress: 0,
        health: 'not_started',
        keyResults: [],
        version: 1,
      });
      expect(res.headers.etag).toBe('"1"');
      expect(
        (await s.peer.api.post(`/plans/${plan.id}/objectives`, { title: 'x', weight: 1 })).status,
      ).toBe(403);
      expect(
        (await s.member.api.post(`/plans/${plan.id}/objectives`, { title: '   ', weight: 1 }))
          .status,
      ).toBe(422);
      expect(
        (await s.member.api.post(`/plans/${plan.id}/objectives`, { title: 'x', weight: 101 }))
          .status,
      ).toBe(400);
      expect(
        (await s.member.api.post(`/plans/${plan.id}/objectives`, { title: 'x', weight: null }))
          .status,
      ).toBe(400);
    });

    it('honours If-Match on PATCH (412 when stale) and bumps the version', async () => {
      const s = await scenario(t);
      const { objectives } = await memberPlan(s);
      const o = objectives[0];
      const stale = await s.member.api.patch(
        `/objectives/${o.id}`,
        { title: 'New' },
        { 'if-match': `"${o.version + 1}"` },
      );
      expect(stale.status).toBe(412);
      const ok = await s.member.api.patch(
        `/objectives/${o.id}`,
        { title: 'New', kind: 'aspirational' },
        { 'if-match': `"${o.version}"` },
      );
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ title: 'New', kind: 'aspirational', version: o.version + 1 });
      expect(ok.headers.etag).toBe(`"${o.version + 1}"`);
      const again = await s.member.api.patch(
        `/objectives/${o.id}`,
        { title: 'Newer' },
        { 'if-match': `"${o.version}"` },
      );
      expect(again.status).toBe(412);
      expect((await s.peer.api.patch(`/objectives/${o.id}`, { title: 'Mine' })).status).toBe(403);
    });

    it('refuses changes to the tree with 409 while in review or closed', async () => {
      const s = await scenario(t);
      const { plan, objectives } = await memberPlan(s);
      const o = objectives[0];
      const kr = o.keyResults[0];
      await expectStatus(s.member.api.post(`/plans/${plan.id}/submit`, {}), 200);
      const attempts = () => [
        s.member.api.post(`/plans/${plan.id}/objectives`, { title: 'More', weight: 0 }),
        s.member.api.patch(`/objectives/${o.id}`, { title: 'Changed' }),
        s.member.api.delete(`/objectives/${o.id}`),
        s.member.api.post(`/plans/${plan.id}/reorder`, { objectiveIds: [o.id] }),
        s.member.api.post(`/objectives/${o.id}/key-results`, {
          title: 'KR',
          metricType: 'number',
          startValue: 0,
          targetValue: 1,
          weight: 0,
        }),
        s.member.api.patch(`/key-results/${kr.id}`, { title: 'Changed' }),
        s.member.api.delete(`/key-results/${kr.id}`),
        s.member.api.post(`/key-results/${kr.id}/actions`, { title: 'Act' }),
      ];
      for (const res of await Promise.all(attempts())) expect(res.status).toBe(409);
      await t.ctx.db
        .updateTable('plans')
        .set({ state: 'closed' })
        .where('id', '=', plan.id)
        .execute();
      for (const res of await Promise.all(attempts())) expect(res.status).toBe(409);
    });

    it('accepts changes to an approved plan and stores the reason in the audit entry', async () => {
      const s = await scenario(t);
      const { plan, objectives } = await memberPlan(s);
      await approvePlan(s.member.api, s.teamLead.api, plan.id);
      const o = objectives[0];
      await expectStatus(
        s.member.api.patch(`/objectives/${o.id}`, { title: 'Refocused', reason: 'Market moved' }),
        200,
      );
      const added = await expectStatus(
        s.member.api.post(`/plans/${plan.id}/objectives`, {
          title: 'Extra',
          weight: 0,
          reason: 'New priority',
        }),
        201,
      );
      expect((await s.member.api.delete(`/objectives/${added.id}?reason=Dropped`)).status).toBe(
        204,
      );
      expect(await audits(o.id)).toContainEqual({
        action: 'objective.update',
        reason: 'Market moved',
      });
      expect(await audits(added.id)).toEqual([
        { action: 'objective.create', reason: 'New priority' },
        { action: 'objective.delete', reason: 'Dropped' },
      ]);
    });

    it('reorders objectives to priorities 1..n atomically, 422 unless every objective is listed once', async () => {
      const s = await scenario(t);
      const { plan, objectives } = await memberPlan(s, [
        { title: 'A', weight: 40 },
        { title: 'B', weight: 30 },
        { title: 'C', weight: 30, priority: 7 },
      ]);
      const [a, b, c] = objectives;
      const bad = await s.member.api.post(`/plans/${plan.id}/reorder`, {
        objectiveIds: [c.id, a.id],
      });
      expect(bad.status).toBe(422);
      expect(bad.body.errors[0].path).toBe('objectiveIds');
      expect(
        (await s.member.api.post(`/plans/${plan.id}/reorder`, { objectiveIds: [c.id, a.id, a.id] }))
          .status,
      ).toBe(422);
      expect(
        (await s.peer.api.post(`/plans/${plan.id}/reorder`, { objectiveIds: [c.id, a.id, b.id] }))
          .status,
      ).toBe(403);
      const res = await expectStatus(
        s.member.api.post(`/plans/${plan.id}/reorder`, { objectiveIds: [c.id, a.id, b.id] }),
        200,
      );
      expect(res.items.map((o: any) => [o.title, o.priority])).toEqual([
        ['C', 1],
        ['A', 2],
        ['B', 3],
      ]);
      const tree = await expectStatus(s.member.api.get(`/plans/${plan.id}`), 200);
      expect(tree.objectives.map((o: any) => o.title)).toEqual(['C', 'A', 'B']);
    });

    describe('alignment', () => {
      it('accepts targets above the owner in the same or an enclosing cycle', async () => {
        const s = await scenario(t);
        const year = await t.factory.cycle(s.org, {
          name: '2026',
          kind: 'year',
          startDate: '2026-01-01',
          endDate: '2026-12-31',
        });
        const company = await buildPlan(
          s.admin.api,
          { cycleId: year, ownerType: 'unit', ownerId: s.org.rootUnitId },
          ONE_KR,
        );
        const sales = await buildPlan(
          s.salesLead.api,
          { cycleId: s.cycleId, ownerType: 'unit', ownerId: s.salesId },
          [
            {
              weight: 100,
              alignedToObjectiveId: company.objectives[0].id,
              keyResults: [{ weight: 100 }],
            },
          ],
        );
        expect(sales.objectives[0].alignedToObjectiveId).toBe(company.objectives[0].id);
        const team = await buildPlan(s.teamLead.api, {
          cycleId: s.cycleId,
          ownerType: 'unit',
          ownerId: s.teamId,
        });
        const viaKr = await addObjective(s.teamLead.api, team.plan.id, {
          weight: 50,
          alignedToKeyResultId: sales.objectives[0].keyResults[0].id,
        });
        expect(viaKr.alignedToKeyResultId).toBe(sales.objectives[0].keyResults[0].id);
        // a member aligns to their team, their department or the company
        const { plan } = await memberPlan(s, []);
        for (const target of [viaKr.id, sales.objectives[0].id, company.objectives[0].id]) {
          await addObjective(s.member.api, plan.id, { weight: 10, alignedToObjectiveId: target });
        }
      });

      it('rejects targets not above the owner, in a cycle that does not enclose, or both fields, with 422', async () => {
        const s = await scenario(t);
        const other = await scenario(t);
        const nextYear = await t.factory.cycle(s.org, {
          name: '2027 Q1',
          startDate: '2027-01-01',
          endDate: '2027-03-31',
          state: 'planning',
        });
        const marketing = await buildPlan(
          s.otherLead.api,
          { cycleId: s.cycleId, ownerType: 'unit', ownerId: s.marketingId },
          ONE_KR,
        );
        const peer = await buildPlan(
          s.peer.api,
          { cycleId: s.cycleId, ownerType: 'user', ownerId: s.peer.id },
          ONE_KR,
        );
        const salesLater = await buildPlan(
          s.salesLead.api,
          { cycleId: nextYear, ownerType: 'unit', ownerId: s.salesId },
          ONE_KR,
        );
        const team = await buildPlan(
          s.teamLead.api,
          { cycleId: s.cycleId, ownerType: 'unit', ownerId: s.teamId },
          ONE_KR,
        );
        const sales = await buildPlan(
          s.salesLead.api,
          { cycleId: s.cycleId, ownerType: 'unit', ownerId: s.salesId },
          ONE_KR,
        );
        const foreign = await buildPlan(
          other.admin.api,
          { cycleId: other.cycleId, ownerType: 'unit', ownerId: other.org.rootUnitId },
          ONE_KR,
        );
        const { plan } = await memberPlan(s, []);
        const attempt = async (api: any, planId: string, body: object) => {
          const res = await api.post(`/plans/${planId}/objectives`, {
            title: 'T',
            weight: 1,
            ...body,
          });
          expect(res.status).toBe(422);
          return res.body.errors.map((e: any) => `${e.path} ${e.code}`);
        };
        expect(
          await attempt(s.member.api, plan.id, {
            alignedToObjectiveId: marketing.objectives[0].id,
          }),
        ).toEqual(['alignedToObjectiveId alignment.not_above']);
        expect(
          await attempt(s.member.api, plan.id, { alignedToObjectiveId: peer.objectives[0].id }),
        ).toEqual(['alignedToObjectiveId alignment.not_above']);
        expect(
          await attempt(s.salesLead.api, sales.plan.id, {
            alignedToKeyResultId: team.objectives[0].keyResults[0].id,
          }),
        ).toEqual(['alignedToKeyResultId alignment.not_above']);
        expect(
          await attempt(s.teamLead.api, team.plan.id, {
            alignedToObjectiveId: salesLater.objectives[0].id,
          }),
        ).toEqual(['alignedToObjectiveId alignment.cycle']);
        expect(
          await attempt(s.member.api, plan.id, { alignedToObjectiveId: foreign.objectives[0].id }),
        ).toEqual(['alignedToObjectiveId alignment.not_found']);
        expect(
          await attempt(s.member.api, plan.id, {
            alignedToObjectiveId: sales.objectives[0].id,
            alignedToKeyResultId: sales.objectives[0].keyResults[0].id,
          }),
        ).toEqual(['alignedToKeyResultId alignment.two_targets']);
      });

      it('validates a re-alignment on PATCH; a 422 changes nothing', async () => {
        const s = await scenario(t);
        const marketing = await buildPlan(
          s.otherLead.api,
          { cycleId: s.cycleId, ownerType: 'unit', ownerId: s.marketingId },
          ONE_KR,
        );
        const sales = await buildPlan(
          s.salesLead.api,
          { cycleId: s.cycleId, ownerType: 'unit', ownerId: s.salesId },
          ONE_KR,
        );
        const { objectives } = await memberPlan(s);
        const o = objectives[0];
        const before = await audits(o.id);
        const bad = await s.member.api.patch(`/objectives/${o.id}`, {
          title: 'Should not stick',
          alignedToObjectiveId: marketing.objectives[0].id,
        });
        expect(bad.status).toBe(422);
        const unchanged = await expectStatus(s.member.api.get(`/objectives/${o.id}`), 200);
        expect(unchanged).toMatchObject({
          title: o.title,
          version: o.version,
          alignedToObjectiveId: null,
        });
        expect(await audits(o.id)).toEqual(before);

        const aligned = await expectStatus(
          s.member.api.patch(`/objectives/${o.id}`, {
            alignedToObjectiveId: sales.objectives[0].id,
          }),
          200,
        );
        expect(aligned.alignedToObjectiveId).toBe(sales.objectives[0].id);
        // setting the KR target while the objective target stays is two targets
        const both = await s.member.api.patch(`/objectives/${o.id}`, {
          alignedToKeyResultId: sales.objectives[0].keyResults[0].id,
        });
        expect(both.status).toBe(422);
        const switched = await expectStatus(
          s.member.api.patch(`/objectives/${o.id}`, {
            alignedToObjectiveId: null,
            alignedToKeyResultId: sales.objectives[0].keyResults[0].id,
          }),
          200,
        );
        expect(switched).toMatchObject({
          alignedToObjectiveId: null,
          alignedToKeyResultId: sales.objectives[0].keyResults[0].id,
        });
      });
    });

    it('deletes an objective with its key results and clears alignments to them', async () => {
      const s = await scenario(t);
      const team = await buildPlan(
        s.teamLead.api,
        { cycleId: s.cycleId, ownerType: 'unit', ownerId: s.teamId },
        [
          { weight: 50, keyResults: [{ weight: 100 }] },
          { weight: 50, keyResults: [{ weight: 100 }] },
        ],
      );
      const target = team.objectives[0];
      const { objectives } = await memberPlan(s, [
        { weight: 50, alignedToKeyResultId: target.keyResults[0].id },
        { weight: 50, alignedToObjectiveId: target.id },
      ]);
      const stale = await s.teamLead.api.delete(`/objectives/${target.id}`, { 'if-match': '"9"' });
      expect(stale.status).toBe(412);
      expect((await s.teamLead.api.delete(`/objectives/${target.id}`)).status).toBe(204);
      expect((await s.teamLead.api.get(`/objectives/${target.id}`)).status).toBe(404);
      expect((await s.teamLead.api.get(`/key-results/${target.keyResults[0].id}`)).status).toBe(
        404,
      );
      for (const o of objectives) {
        const after = await expectStatus(s.member.api.get(`/objectives/${o.id}`), 200);
        expect(after).toMatchObject({ alignedToObjectiveId: null, alignedToKeyResultId: null });
      }
    });
  });
}
