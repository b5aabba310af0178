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
  describe.skipIf(skip)(`key results and actions on ${engine}`, () => {
    const t = useTestApp(engine);

    const memberPlan = (s: Scenario, objectives = ONE_KR) =>
      buildPlan(
        s.member.api,
        { cycleId: s.cycleId, ownerType: 'user', ownerId: s.member.id },
        objectives,
      );
    const post = (s: Scenario, objectiveId: string, body: object) =>
      s.member.api.post(`/objectives/${objectiveId}/key-results`, {
        title: 'Reach the target',
        weight: 0,
        ...body,
      });

    it('infers the direction, defaults boolean KRs to 0 → 1, and starts at the start value', async () => {
      const s = await scenario(t);
      const { objectives } = await memberPlan(s);
      const o = objectives[0];
      const churn = await post(s, o.id, {
        metricType: 'percent',
        unit: '%',
        startValue: 8,
        targetValue: 5,
        confidence: 7,
      });
      expect(churn.status).toBe(201);
      expect(churn.body).toMatchObject({
        direction: 'decrease',
        currentValue: 8,
        progress: 0,
        progressRaw: 0,
        health: 'not_started',
        confidence: 7,
        progressSource: 'manual',
        forecast: null,
        score: null,
        priority: 2,
        actions: [],
        version: 1,
      });
      expect(churn.headers.etag).toBe('"1"');
      const launched = await expectStatus(post(s, o.id, { metricType: 'boolean' }), 201);
      expect(launched).toMatchObject({
        startValue: 0,
        targetValue: 1,
        currentValue: 0,
        direction: 'increase',
      });
      const got = await expectStatus(s.peer.api.get(`/key-results/${churn.body.id}`), 200);
      expect(got).toMatchObject({ id: churn.body.id, direction: 'decrease', version: 1 });
    });

    it('rejects invalid metrics and owners with 422 listing each problem', async () => {
      const s = await scenario(t);
      const other = await scenario(t);
      const { objectives } = await memberPlan(s);
      const o = objectives[0];
      const paths = async (body: object) => {
        const res = await post(s, o.id, body);
        expect(res.status).toBe(422);
        return res.body.errors.map((e: any) => `${e.path} ${e.code}`);
      };
      expect(await paths({ metricType: 'number', startValue: 5, targetValue: 5 })).toEqual([
        'targetValue metric.start_equals_target',
      ]);
      expect(
        await paths({
          metricType: 'number',
          startValue: 5,
          targetValue: 10,
          direction: 'decrease',
        }),
      ).toEqual(['direction metric.direction_mismatch']);
      expect(await paths({ metricType: 'currency', ownerId: other.member.id })).toEqual([
        'startValue metric.required',
        'targetValue metric.required',
        'ownerId user.unknown',
      ]);
      for (const bad of [
        { metricType: 'number', startValue: '5', targetValue: 10 },
        { metricType: 'number', startValue: null, targetValue: 10 },
        { metricType: 'number', startValue: 0, targetValue: 10, confidence: 11 },
        { metricType: 'number', startValue: 0, targetValue: 1e300 },
        { metricType: 'ratio', startValue: 0, targetValue: 10 },
      ]) {
        expect((await post(s, o.id, bad)).status).toBe(400);
      }
      const kr = await expectStatus(
        post(s, o.id, { metricType: 'number', startValue: 0, targetValue: 10 }),
        201,
      );
      const version = kr.version;
      expect((await s.member.api.patch(`/key-results/${kr.id}`, { targetValue: 0 })).status).toBe(
        422,
      );
      const after = await expectStatus(s.member.api.get(`/key-results/${kr.id}`), 200);
      expect(after).toMatchObject({ targetValue: 10, version });
    });

    it('honours If-Match on PATCH and re-infers the direction when start and target move', async () => {
      const s = await scenario(t);
      const { objectives } = await memberPlan(s);
      const kr = objectives[0].keyResults[0];
      const stale = await s.member.api.patch(
        `/key-results/${kr.id}`,
        { title: 'x' },
        { 'if-match': '"99"' },
      );
      expect(stale.status).toBe(412);
      const res = await s.member.api.patch(
        `/key-results/${kr.id}`,
        { startValue: 100, targetValue: 40, ownerId: s.peer.id },
        { 'if-match': `W/"${kr.version}"` },
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        direction: 'decrease',
        currentValue: 100,
        ownerId: s.peer.id,
        version: kr.version + 1,
      });
      expect(res.headers.etag).toBe(`"${kr.version + 1}"`);
      expect((await s.peer.api.patch(`/key-results/${kr.id}`, { title: 'Mine' })).status).toBe(403);
    });

    it('reorders key results within an objective', async () => {
      const s = await scenario(t);
      const { objectives } = await memberPlan(s, [
        {
          weight: 100,
          keyResults: [
            { title: 'One', weight: 50 },
            { title: 'Two', weight: 50 },
          ],
        },
      ]);
      const [one, two] = objectives[0].keyResults;
      const res = await expectStatus(
        s.member.api.post(`/objectives/${objectives[0].id}/reorder`, {
          keyResultIds: [two.id, one.id],
        }),
        200,
      );
      expect(res.items.map((k: any) => [k.title, k.priority])).toEqual([
        ['Two', 1],
        ['One', 2],
      ]);
      expect(
        (
          await s.member.api.post(`/objectives/${objectives[0].id}/reorder`, {
            keyResultIds: [two.id],
          })
        ).status,
      ).toBe(422);
    });

    it("lets writers and the KR's owner add actions, the action's owner edit them, and refuses strangers", async () => {
      const s = await scenario(t);
      const { objectives } = await memberPlan(s, [
        { weight: 100, keyResults: [{ weight: 100, ownerId: s.peer.id }] },
      ]);
      const kr = objectives[0].keyResults[0];
      const mine = await expectStatus(
        s.member.api.post(`/key-results/${kr.id}/actions`, {
          title: 'Call the top 20 customers',
          ownerId: s.stranger.id,
          dueDate: '2026-12-01',
        }),
        201,
      );
      expect(mine).toMatchObject({
        state: 'todo',
        weight: 1,
        position: 1,
        overdue: false,
        version: 1,
      });
      const byKrOwner = await expectStatus(
        s.peer.api.post(`/key-results/${kr.id}/actions`, { title: 'Prepare the demo' }),
        201,
      );
      expect(byKrOwner.position).toBe(2);
      expect(
        (await s.stranger.api.post(`/key-results/${kr.id}/actions`, { title: 'x' })).status,
      ).toBe(403);
      // the stranger owns the first action: they may move it, not the other one
      const moved = await s.stranger.api.patch(
        `/actions/${mine.id}`,
        { state: 'in_progress' },
        { 'if-match': '"1"' },
      );
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ state: 'in_progress', version: 2 });
      expect(moved.headers.etag).toBe('"2"');
      expect(
        (
          await s.stranger.api.patch(
            `/actions/${mine.id}`,
            { state: 'done' },
            { 'if-match': '"1"' },
          )
        ).status,
      ).toBe(412);
      expect(
        (await s.stranger.api.patch(`/actions/${byKrOwner.id}`, { state: 'done' })).status,
      ).toBe(403);
      expect((await s.stranger.api.delete(`/actions/${byKrOwner.id}`)).status).toBe(403);
      expect((await s.member.api.delete(`/actions/${byKrOwner.id}`)).status).toBe(204);
      const other = await scenario(t);
      expect((await other.admin.api.patch(`/actions/${mine.id}`, { state: 'done' })).status).toBe(
        404,
      );
    });

    it("marks actions overdue by the organization's date, not UTC's", async () => {
      const s = await scenario(t);
      const { plan, objectives } = await memberPlan(s);
      await approvePlan(s.member.api, s.teamLead.api, plan.id);
      const kr = objectives[0].keyResults[0];
      // 17:00 UTC on the 19th is already the 20th in Asia/Shanghai
      t.setNow('2026-11-19T17:00:00.000Z');
      try {
        const late = await expectStatus(
          s.member.api.post(`/key-results/${kr.id}/actions`, {
            title: 'Late',
            dueDate: '2026-11-19',
          }),
          201,
        );
        expect(late.overdue).toBe(true);
        const today = await expectStatus(
          s.member.api.post(`/key-results/${kr.id}/actions`, {
            title: 'Today',
            dueDate: '2026-11-20',
          }),
          201,
        );
        expect(today.overdue).toBe(false);
        const done = await expectStatus(
          s.member.api.patch(`/actions/${late.id}`, { state: 'done' }),
          200,
        );
        expect(done.overdue).toBe(false);
        const tree = await expectStatus(s.member.api.get(`/key-results/${kr.id}`), 200);
        expect(tree.actions.map((a: any) => [a.title, a.overdue])).toEqual([
          ['Late', false],
          ['Today', false],
        ]);
      } finally {
        t.setNow('2026-11-20T04:00:00.000Z');
      }
    });
  });
}
