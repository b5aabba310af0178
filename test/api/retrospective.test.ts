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
  describe.skipIf(skip)(`retrospectives, unit summaries and carry-over on ${engine}`, () => {
    const t = useTestApp(engine);
    beforeEach(() => t.setNow('2026-11-20T04:00:00.000Z'));

    const checkIn = (s: Scenario, krId: string, value: number) =>
      expectStatus(s.member.api.post(`/key-results/${krId}/check-ins`, { value }), 201);

    const memberPlan = async (s: Scenario, objectives = ONE_KR) => {
      const built = await buildPlan(
        s.member.api,
        { cycleId: s.cycleId, ownerType: 'user', ownerId: s.member.id },
        objectives,
      );
      await approvePlan(s.member.api, s.teamLead.api, built.plan.id);
      return built;
    };

    const nextQuarter = (s: Scenario) =>
      t.factory.cycle(s.org, {
        name: '2027 Q1',
        startDate: '2027-01-01',
        endDate: '2027-03-31',
        state: 'planning',
      });

    const retro = {
      wentWell: 'Two big accounts signed early',
      wentBadly: 'Pipeline reviews slipped in November',
      lessons: 'Review the pipeline every Friday',
      carryOver: 'The partner channel',
    };

    describe('the retrospective (复盘)', () => {
      it('is written by the plan writer (201, then 200 with the next version) and read by everyone', async () => {
        const s = await scenario(t);
        const { plan } = await memberPlan(s);
        expect((await s.member.api.get(`/plans/${plan.id}/retrospective`)).status).toBe(404);
        const created = await s.member.api.put(`/plans/${plan.id}/retrospective`, retro);
        expect(created.status).toBe(201);
        expect(created.body).toMatchObject({
          planId: plan.id,
          ...retro,
          author: { id: s.member.id, name: 'Member' },
          version: 1,
        });
        expect(created.headers.etag).toBe('"1"');
        const stale = await s.member.api.put(
          `/plans/${plan.id}/retrospective`,
          { ...retro, lessons: 'Changed' },
          { 'if-match': '"7"' },
        );
        expect(stale.status).toBe(412);
        const updated = await s.member.api.put(
          `/plans/${plan.id}/retrospective`,
          { wentWell: 'Signed early', lessons: 'Weekly pipeline reviews' },
          { 'if-match': '"1"' },
        );
        expect(updated.status).toBe(200);
        expect(updated.body).toMatchObject({
          wentWell: 'Signed early',
          wentBadly: '',
          lessons: 'Weekly pipeline reviews',
          carryOver: '',
          version: 2,
        });
        const read = await expectStatus(s.stranger.api.get(`/plans/${plan.id}/retrospective`), 200);
        expect(read).toEqual(updated.body);
      });

      it('refuses drafts (409), non-writers (403), other organizations (404) and oversized text (400)', async () => {
        const s = await scenario(t);
        const draft = await buildPlan(
          s.member.api,
          { cycleId: s.cycleId, ownerType: 'user', ownerId: s.member.id },
          ONE_KR,
        );
        expect(
          (await s.member.api.put(`/plans/${draft.plan.id}/retrospective`, retro)).status,
        ).toBe(409);
        await approvePlan(s.member.api, s.teamLead.api, draft.plan.id);
        const id = draft.plan.id;
        expect((await s.peer.api.put(`/plans/${id}/retrospective`, retro)).status).toBe(403);
        expect((await s.teamLead.api.put(`/plans/${id}/retrospective`, retro)).status).toBe(403);
        const other = await scenario(t);
        expect((await other.admin.api.put(`/plans/${id}/retrospective`, retro)).status).toBe(404);
        expect((await other.admin.api.get(`/plans/${id}/retrospective`)).status).toBe(404);
        const long = await s.member.api.put(`/plans/${id}/retrospective`, {
          lessons: 'x'.repeat(10_001),
        });
        expect(long.status).toBe(400);
        expect((await s.member.api.put(`/plans/${id}/retrospective`, retro)).status).toBe(201);
      });
    });

    describe("a unit's cycle summary", () => {
      it('shows score bands, committed misses, check-in discipline and the biggest adjustments', async () => {
        const s = await scenario(t);
        t.setNow('2026-10-02T02:00:00.000Z');
        const member = await memberPlan(s, [
          { weight: 100, keyResults: [{ weight: 50 }, { weight: 50 }] },
        ]);
        const team = await buildPlan(
          s.teamLead.api,
          { cycleId: s.cycleId, ownerType: 'unit', ownerId: s.teamId },
          ONE_KR,
        );
        await approvePlan(s.teamLead.api, s.salesLead.api, team.plan.id);
        await buildPlan(
          s.peer.api,
          { cycleId: s.cycleId, ownerType: 'user', ownerId: s.peer.id },
          ONE_KR,
        );
        const [a, b] = member.objectives[0].keyResults;
        const c = team.objectives[0].keyResults[0];
        t.setNow('2026-10-03T02:00:00.000Z'); // week 0
        await checkIn(s, a.id, 30);
        t.setNow('2026-10-09T02:00:00.000Z'); // week 1
        await checkIn(s, b.id, 100);
        t.setNow('2026-10-16T02:00:00.000Z'); // week 2
        await checkIn(s, a.id, 60);
        t.setNow('2026-10-20T04:00:00.000Z');
        await expectStatus(
          s.member.api.patch(`/key-results/${a.id}`, { targetValue: 80, reason: 'Smaller market' }),
          200,
        );
        await expectStatus(
          s.member.api.patch(`/key-results/${b.id}`, { title: 'Renamed', reason: 'Clearer' }),
          200,
        );
        await expectStatus(
          s.teamLead.api.patch(`/key-results/${c.id}`, { targetValue: 150, reason: 'Stretch' }),
          200,
        );
        await expectStatus(s.member.api.put(`/plans/${member.plan.id}/retrospective`, retro), 201);

        const summary = await expectStatus(
          s.stranger.api.get(`/units/${s.salesId}/cycles/${s.cycleId}/summary`),
          200,
        );
        expect(summary).toMatchObject({
          unit: { id: s.salesId, name: 'Sales' },
          cycle: { id: s.cycleId, state: 'active', startDate: '2026-10-01' },
          provisional: true,
          plans: { total: 3, counted: 2, withRetrospective: 1 },
          // KR a: 60 of 80 → 0.75 → 0.8; b: 1; c: 0. Member objective 0.9, team objective 0
          scoreDistribution: {
            plans: { green: 1, yellow: 0, red: 1 },
            objectives: { green: 1, yellow: 0, red: 1 },
            keyResults: { green: 2, yellow: 0, red: 1 },
          },
          // three KRs, weeks 0–2 each; a checked in in weeks 0 and 2, b in week 1
          checkInDiscipline: { keyResultWeeks: 9, withCheckIn: 3 },
        });
        expect(summary.averageScore).toBeCloseTo(0.45, 10);
        expect(summary.checkInDiscipline.share).toBeCloseTo(1 / 3, 10);
        expect(summary.committedMisses.map((m: any) => [m.ownerName, m.score])).toEqual([
          ['Team', 0],
          ['Member', expect.closeTo(0.9, 10)],
        ]);
        expect(summary.biggestAdjustments.byCount.map((x: any) => [x.ownerName, x.count])).toEqual([
          ['Member', 2],
          ['Team', 1],
        ]);
        expect(
          summary.biggestAdjustments.byTargetChange.map((x: any) => [
            x.keyResultId,
            x.before,
            x.after,
            x.relativeChange,
            x.reason,
          ]),
        ).toEqual([
          [c.id, 100, 150, 0.5, 'Stretch'],
          [a.id, 100, 80, expect.closeTo(0.2, 10), 'Smaller market'],
        ]);

        const marketing = await expectStatus(
          s.member.api.get(`/units/${s.marketingId}/cycles/${s.cycleId}/summary`),
          200,
        );
        expect(marketing.plans).toEqual({ total: 0, counted: 0, withRetrospective: 0 });
        expect(marketing.averageScore).toBeNull();
        const other = await scenario(t);
        expect(
          (await other.admin.api.get(`/units/${s.salesId}/cycles/${s.cycleId}/summary`)).status,
        ).toBe(404);
        expect(
          (await s.member.api.get(`/units/${s.salesId}/cycles/${other.cycleId}/summary`)).status,
        ).toBe(404);
      });
    });

    describe('carry-over', () => {
      /** Objective 1: KR a at 60 % and KR b done; objective 2: KR c done. */
      const halfDone = async (s: Scenario) => {
        const built = await memberPlan(s, [
          { weight: 50, keyResults: [{ weight: 50 }, { weight: 50 }] },
          { weight: 50, keyResults: [{ weight: 100 }] },
        ]);
        const [o1, o2] = built.objectives;
        await checkIn(s, o1.keyResults[0].id, 60);
        await checkIn(s, o1.keyResults[1].id, 100);
        await checkIn(s, o2.keyResults[0].id, 100);
        return { planId: built.plan.id as string, o1, o2 };
      };

      it("copies the unfinished objectives and KRs into the owner's new draft in the next cycle, linked back", async () => {
        const s = await scenario(t);
        const p = await halfDone(s);
        const q1 = await nextQuarter(s);
        const res = await s.member.api.post(`/plans/${p.planId}/carry-over`, { toCycleId: q1 });
        expect(res.status).toBe(201);
        const { plan, carried, createdPlan, alreadyCarried } = res.body;
        expect(createdPlan).toBe(true);
        expect(alreadyCarried).toEqual([]);
        expect(plan).toMatchObject({
          cycleId: q1,
          ownerType: 'user',
          ownerId: s.member.id,
          state: 'draft',
          approverId: s.teamLead.id,
        });
        expect(plan.objectives).toHaveLength(1);
        const [o] = plan.objectives;
        expect(o).toMatchObject({
          title: p.o1.title,
          weight: 50,
          priority: 1,
          carriedFromObjectiveId: p.o1.id,
          progress: 0,
        });
        expect(o.keyResults).toHaveLength(1);
        // the carried KR starts where the old one stood
        expect(o.keyResults[0]).toMatchObject({
          carriedFromKeyResultId: p.o1.keyResults[0].id,
          startValue: 60,
          currentValue: 60,
          targetValue: 100,
          progress: 0,
        });
        expect(carried).toEqual({
          objectives: [{ id: o.id, carriedFromObjectiveId: p.o1.id }],
          keyResults: [{ id: o.keyResults[0].id, carriedFromKeyResultId: p.o1.keyResults[0].id }],
        });
        // the source plan is unchanged
        const source = await expectStatus(s.member.api.get(`/plans/${p.planId}`), 200);
        expect(source.objectives).toHaveLength(2);

        // again: nothing is copied twice
        const again = await expectStatus(
          s.member.api.post(`/plans/${p.planId}/carry-over`, { toCycleId: q1 }),
          201,
        );
        expect(again.createdPlan).toBe(false);
        expect(again.carried).toEqual({ objectives: [], keyResults: [] });
        expect(again.alreadyCarried).toEqual([p.o1.id, p.o1.keyResults[0].id]);
        expect(again.plan.objectives).toHaveLength(1);
        const got = await expectStatus(s.member.api.get(`/objectives/${o.id}`), 200);
        expect(got.carriedFromObjectiveId).toBe(p.o1.id);
      });

      it('refuses finished or unknown items (422), earlier cycles (422), and non-draft targets (409)', async () => {
        const s = await scenario(t);
        const p = await halfDone(s);
        const q1 = await nextQuarter(s);
        const finished = await s.member.api.post(`/plans/${p.planId}/carry-over`, {
          toCycleId: q1,
          keyResultIds: [p.o1.keyResults[1].id, 'nope'],
          objectiveIds: [p.o2.id],
        });
        expect(finished.status).toBe(422);
        expect(finished.body.errors.map((e: any) => `${e.path} ${e.code}`)).toEqual([
          'objectiveIds[0] carryOver.finished',
          'keyResultIds[0] carryOver.finished',
          'keyResultIds[1] carryOver.unknown',
        ]);
        const q3 = await t.factory.cycle(s.org, {
          name: '2026 Q3',
          startDate: '2026-07-01',
          endDate: '2026-09-30',
          state: 'closed',
        });
        const earlier = await s.member.api.post(`/plans/${p.planId}/carry-over`, { toCycleId: q3 });
        expect(earlier.status).toBe(422);
        expect(earlier.body.errors[0]).toMatchObject({ path: 'toCycleId' });
        const missing = await s.member.api.post(`/plans/${p.planId}/carry-over`, {
          toCycleId: 'no-such-cycle',
        });
        expect(missing.status).toBe(422);

        // only the chosen KR, into a plan that is already approved: 409
        const next = await buildPlan(
          s.member.api,
          { cycleId: q1, ownerType: 'user', ownerId: s.member.id },
          ONE_KR,
        );
        await approvePlan(s.member.api, s.teamLead.api, next.plan.id);
        const approved = await s.member.api.post(`/plans/${p.planId}/carry-over`, {
          toCycleId: q1,
          keyResultIds: [p.o1.keyResults[0].id],
        });
        expect(approved.status).toBe(409);
      });

      it('is for the writers of an approved or closed plan: 403 for others, 404 across organizations, 409 for drafts', async () => {
        const s = await scenario(t);
        const p = await halfDone(s);
        const q1 = await nextQuarter(s);
        expect(
          (await s.peer.api.post(`/plans/${p.planId}/carry-over`, { toCycleId: q1 })).status,
        ).toBe(403);
        const other = await scenario(t);
        expect(
          (await other.admin.api.post(`/plans/${p.planId}/carry-over`, { toCycleId: q1 })).status,
        ).toBe(404);
        const draft = await buildPlan(
          s.peer.api,
          { cycleId: s.cycleId, ownerType: 'user', ownerId: s.peer.id },
          ONE_KR,
        );
        expect(
          (await s.peer.api.post(`/plans/${draft.plan.id}/carry-over`, { toCycleId: q1 })).status,
        ).toBe(409);
      });
    });
  });
}
