/**
 * Kept plan reads (plans/plan-cache.ts): a repeated GET /plans/:id is answered from what was
 * kept, and every change the read shows — through any route — is seen by the next read at once.
 */
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { enginesToTest } from '../helpers/engines.js';
import { approvePlan, buildPlan, expectStatus, scenario, type Scenario } from '../helpers/plans.js';

for (const { engine, skip } of await enginesToTest()) {
  describe.skipIf(skip)(`kept plan reads on ${engine}`, () => {
    const t = useTestApp(engine);

    /** a member's plan: a public objective with one KR, a private one with one KR */
    async function memberPlan(s: Scenario) {
      const member = t.client(s.member.token);
      const built = await buildPlan(
        member,
        { cycleId: s.cycleId, ownerType: 'user', ownerId: s.member.id },
        [
          { title: 'Open the southern market', weight: 60, keyResults: [{ weight: 100 }] },
          {
            title: 'A private bet',
            weight: 40,
            visibility: 'private',
            keyResults: [{ weight: 100 }],
          },
        ],
      );
      return { member, built, planId: built.plan.id as string };
    }

    const read = async (token: string, planId: string) =>
      expectStatus(t.client(token).get(`/plans/${planId}`), 200);

    it('answers a repeated read from what it kept, and a check-in is seen at once', async () => {
      const s = await scenario(t);
      const { member, built, planId } = await memberPlan(s);
      await approvePlan(member, t.client(s.teamLead.token), planId);
      const first = await read(s.member.token, planId);
      const kr = built.objectives[0].keyResults[0];

      // a roll-up column written behind the application's back moves no revision: the kept
      // read is answered as it was (this is how a kept answer can be told from a fresh one)
      await t.ctx.db
        .updateTable('key_results')
        .set({ progress: 0.99 })
        .where('id', '=', kr.id)
        .execute();
      expect(await read(s.member.token, planId)).toEqual(first);

      await expectStatus(member.post(`/key-results/${kr.id}/check-ins`, { value: 40 }), 201);
      const after = await read(s.member.token, planId);
      const shown = after.objectives[0].keyResults[0];
      expect(shown.currentValue).toBe(40);
      expect(shown.progress).toBeCloseTo(0.4);
      expect(after.progress).not.toBe(first.progress);
    });

    it('shows each change to the tree, the plan, its cycle, its organization and its owner', async () => {
      const s = await scenario(t);
      const { member, built, planId } = await memberPlan(s);
      const admin = t.client(s.admin.token);
      const objective = built.objectives[0];
      const kr = objective.keyResults[0];
      const steps: [string, () => Promise<unknown>, (plan: any) => unknown, unknown][] = [
        [
          'objective title',
          () => member.patch(`/objectives/${objective.id}`, { title: 'Open the northern market' }),
          (p) => p.objectives[0].title,
          'Open the northern market',
        ],
        [
          'KR target',
          () => member.patch(`/key-results/${kr.id}`, { targetValue: 250 }),
          (p) => p.objectives[0].keyResults[0].targetValue,
          250,
        ],
        [
          'new action',
          () => member.post(`/key-results/${kr.id}/actions`, { title: 'Call ten distributors' }),
          (p) => p.objectives[0].keyResults[0].actions.map((a: any) => a.title),
          ['Call ten distributors'],
        ],
        [
          'submitted',
          () => member.post(`/plans/${planId}/submit`, {}),
          (p) => p.state,
          'in_review',
        ],
        [
          'approved',
          () => t.client(s.teamLead.token).post(`/plans/${planId}/approve`, {}),
          (p) => p.state,
          'approved',
        ],
        [
          'cycle end date',
          () => admin.patch(`/cycles/${s.cycleId}`, { endDate: '2027-03-31' }),
          (p) => p.expectedProgress < 0.5,
          true,
        ],
        [
          'owner name',
          () => admin.patch(`/users/${s.member.id}`, { name: 'Member Renamed' }),
          (p) => p.ownerName,
          'Member Renamed',
        ],
        [
          'organization timezone',
          () => admin.patch('/organization', { timezone: 'Pacific/Kiritimati' }),
          (p) => p.expectedProgress,
          'changed',
        ],
      ];
      for (const [what, change, pick, expected] of steps) {
        const before = await read(s.member.token, planId);
        expect(await read(s.member.token, planId), what).toEqual(before);
        const res = (await change()) as { status: number; body: unknown };
        expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
        const after = await read(s.member.token, planId);
        if (expected === 'changed') expect(pick(after), what).not.toBe(pick(before));
        else expect(pick(after), what).toEqual(expected);
      }
    });

    it('keeps private objectives to their readers, whoever read the plan first', async () => {
      const s = await scenario(t);
      const { planId } = await memberPlan(s);
      const titles = async (token: string) =>
        (await read(token, planId)).objectives.map((o: any) => o.title);
      const everyone = ['Open the southern market', 'A private bet'];
      const publicOnly = ['Open the southern market'];
      for (let round = 0; round < 2; round++) {
        // owner first, then a peer; then the peer first (after a change), then the owner
        if (round === 0) {
          expect(await titles(s.member.token)).toEqual(everyone);
          expect(await titles(s.peer.token)).toEqual(publicOnly);
        } else {
          expect(await titles(s.peer.token)).toEqual(publicOnly);
          expect(await titles(s.member.token)).toEqual(everyone);
        }
        expect(await titles(s.teamLead.token)).toEqual(everyone);
        expect(await titles(s.stranger.token)).toEqual(publicOnly);
        expect(await titles(s.peer.token)).toEqual(publicOnly);
        await expectStatus(
          t.client(s.member.token).post(`/plans/${planId}/objectives`, {
            title: `Round ${round}`,
            weight: 0,
            visibility: 'private',
          }),
          201,
        );
        everyone.push(`Round ${round}`);
      }
      const other = await t.factory.org();
      expect((await t.client(other.admin.token).get(`/plans/${planId}`)).status).toBe(404);
    });

    it('follows the clock: a read is at most a quarter of an hour behind it', async () => {
      const s = await scenario(t);
      const { planId } = await memberPlan(s);
      t.setNow('2026-11-20T04:00:00.000Z');
      const first = await read(s.member.token, planId);
      t.setNow('2026-11-20T04:14:59.000Z');
      expect((await read(s.member.token, planId)).expectedProgress).toBe(first.expectedProgress);
      t.setNow('2026-11-20T04:15:00.000Z');
      const later = await read(s.member.token, planId);
      expect(later.expectedProgress).toBeGreaterThan(first.expectedProgress);
      t.setNow('2026-11-20T04:00:00.000Z');
    });
  });
}
