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
} from '../helpers/plans.js';

for (const { engine, skip } of await enginesToTest()) {
  describe.skipIf(skip)(`plans on ${engine}`, () => {
    const t = useTestApp(engine);

    it('creates a draft user plan with the unit leader as approver, and 409 for a second one', async () => {
      const s = await scenario(t);
      const owner = { cycleId: s.cycleId, ownerType: 'user', ownerId: s.member.id };
      const res = await s.member.api.post('/plans', owner);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        ...owner,
        state: 'draft',
        approverId: s.teamLead.id,
        ownerName: 'Member',
        progress: 0,
        health: 'not_started',
        version: 1,
      });
      expect(res.headers.etag).toBe('"1"');
      const again = await s.teamLead.api.post('/plans', owner);
      expect(again.status).toBe(409);
      const audit = await t.ctx.db
        .selectFrom('audit_entries')
        .select('action')
        .where('target_id', '=', res.body.id)
        .execute();
      expect(audit.map((a) => a.action)).toEqual(['plan.create']);
    });

    it('resolves approvers: unit plan → parent leader, root plan → admin (null), leader → parent leader', async () => {
      const s = await scenario(t);
      const team = await expectStatus(
        s.teamLead.api.post('/plans', { cycleId: s.cycleId, ownerType: 'unit', ownerId: s.teamId }),
        201,
      );
      expect(team.approverId).toBe(s.salesLead.id);
      const root = await expectStatus(
        s.admin.api.post('/plans', {
          cycleId: s.cycleId,
          ownerType: 'unit',
          ownerId: s.org.rootUnitId,
        }),
        201,
      );
      expect(root.approverId).toBeNull();
      // the team's leader (a member of the team) is approved by the sales leader
      const lead = await expectStatus(
        s.teamLead.api.post('/plans', {
          cycleId: s.cycleId,
          ownerType: 'user',
          ownerId: s.teamLead.id,
        }),
        201,
      );
      expect(lead.approverId).toBe(s.salesLead.id);
    });

    it('lets a leader above create a plan for a member, but refuses a peer with 403', async () => {
      const s = await scenario(t);
      const body = { cycleId: s.cycleId, ownerType: 'user', ownerId: s.member.id };
      expect((await s.peer.api.post('/plans', body)).status).toBe(403);
      expect((await s.otherLead.api.post('/plans', body)).status).toBe(403);
      expect((await s.salesLead.api.post('/plans', body)).status).toBe(201);
    });

    it("answers 404 for another organization's cycle or owner, and 409 for a closed cycle", async () => {
      const s = await scenario(t);
      const other = await scenario(t);
      const mine = { cycleId: s.cycleId, ownerType: 'user' as const, ownerId: s.member.id };
      expect((await s.admin.api.post('/plans', { ...mine, cycleId: other.cycleId })).status).toBe(
        404,
      );
      expect((await s.admin.api.post('/plans', { ...mine, ownerId: other.member.id })).status).toBe(
        404,
      );
      expect(
        (await s.admin.api.post('/plans', { ...mine, ownerType: 'unit', ownerId: other.teamId }))
          .status,
      ).toBe(404);
      const closed = await t.factory.cycle(s.org, { state: 'closed' });
      expect((await s.admin.api.post('/plans', { ...mine, cycleId: closed })).status).toBe(409);
      const { plan } = await buildPlan(s.member.api, mine);
      expect((await other.admin.api.get(`/plans/${plan.id}`)).status).toBe(404);
      expect((await other.admin.api.delete(`/plans/${plan.id}`)).status).toBe(404);
    });

    it('returns the tree ordered by priority: objectives → key results → actions, with an ETag', async () => {
      const s = await scenario(t);
      const { plan, objectives } = await buildPlan(
        s.member.api,
        { cycleId: s.cycleId, ownerType: 'user', ownerId: s.member.id },
        [
          { title: 'Second', priority: 2, weight: 50, keyResults: [{ weight: 100 }] },
          {
            title: 'First',
            priority: 1,
            weight: 50,
            keyResults: [
              { title: 'KR b', weight: 50, priority: 2 },
              { title: 'KR a', weight: 50, priority: 1 },
            ],
          },
        ],
      );
      const kr = objectives[1].keyResults[1];
      for (const title of ['Call 20 customers', 'Send the proposal']) {
        await expectStatus(s.member.api.post(`/key-results/${kr.id}/actions`, { title }), 201);
      }
      const res = await s.peer.api.get(`/plans/${plan.id}`);
      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe(`"${res.body.version}"`);
      expect(res.body.objectives.map((o: any) => o.title)).toEqual(['First', 'Second']);
      expect(res.body.objectives[0].keyResults.map((k: any) => k.title)).toEqual(['KR a', 'KR b']);
      expect(res.body.objectives[0].keyResults[0].actions.map((a: any) => a.title)).toEqual([
        'Call 20 customers',
        'Send the proposal',
      ]);
      expect(res.body).toMatchObject({ progress: 0, health: 'not_started' });
      expect(res.body.expectedProgress).toBeGreaterThan(0);
    });

    it("hides a private objective from a peer but shows it to the owner, the unit's leaders and admin", async () => {
      const s = await scenario(t);
      const { plan, objectives } = await buildPlan(
        s.member.api,
        { cycleId: s.cycleId, ownerType: 'user', ownerId: s.member.id },
        [
          { title: 'Open', weight: 50, keyResults: [{ weight: 100 }] },
          { title: 'Secret', weight: 50, visibility: 'private', keyResults: [{ weight: 100 }] },
        ],
      );
      const secret = objectives[1];
      const titles = async (api: typeof s.admin.api) =>
        (await expectStatus(api.get(`/plans/${plan.id}`), 200)).objectives.map((o: any) => o.title);
      for (const reader of [s.member, s.teamLead, s.salesLead, s.admin]) {
        expect(await titles(reader.api)).toEqual(['Open', 'Secret']);
        expect((await reader.api.get(`/objectives/${secret.id}`)).status).toBe(200);
      }
      for (const outsider of [s.peer, s.otherLead, s.stranger]) {
        expect(await titles(outsider.api)).toEqual(['Open']);
        expect((await outsider.api.get(`/objectives/${secret.id}`)).status).toBe(404);
        expect((await outsider.api.get(`/key-results/${secret.keyResults[0].id}`)).status).toBe(
          404,
        );
      }
    });

    it('lists plans with filters, the review queue (approverId=me) and pagination', async () => {
      const s = await scenario(t);
      const a = await buildPlan(
        s.member.api,
        { cycleId: s.cycleId, ownerType: 'user', ownerId: s.member.id },
        ONE_KR,
      );
      await buildPlan(s.peer.api, { cycleId: s.cycleId, ownerType: 'user', ownerId: s.peer.id });
      await buildPlan(s.teamLead.api, { cycleId: s.cycleId, ownerType: 'unit', ownerId: s.teamId });
      await expectStatus(s.member.api.post(`/plans/${a.plan.id}/submit`, {}), 200);

      const all = await expectStatus(s.stranger.api.get(`/plans?cycleId=${s.cycleId}`), 200);
      expect(all.items).toHaveLength(3);
      const mine = all.items.find((p: any) => p.id === a.plan.id);
      expect(mine).toMatchObject({
        ownerName: 'Member',
        progress: 0,
        health: 'not_started',
      });
      expect(mine.objectives).toBeUndefined();
      const units = await expectStatus(s.admin.api.get('/plans?ownerType=unit'), 200);
      expect(units.items.map((p: any) => p.ownerId)).toEqual([s.teamId]);
      const queue = await expectStatus(
        s.teamLead.api.get('/plans?approverId=me&state=in_review'),
        200,
      );
      expect(queue.items.map((p: any) => p.id)).toEqual([a.plan.id]);

      const first = await expectStatus(s.admin.api.get(`/plans?cycleId=${s.cycleId}&limit=2`), 200);
      expect(first.items).toHaveLength(2);
      const second = await expectStatus(
        s.admin.api.get(`/plans?cycleId=${s.cycleId}&limit=2&cursor=${first.nextCursor}`),
        200,
      );
      expect(second.items).toHaveLength(1);
      expect(second.nextCursor).toBeNull();
      expect(new Set([...first.items, ...second.items].map((p: any) => p.id)).size).toBe(3);
      expect((await s.admin.api.get('/plans?cursor=nonsense')).status).toBe(400);
    });

    it('deletes a draft (writers only) and refuses other states with 409', async () => {
      const s = await scenario(t);
      const owner = { cycleId: s.cycleId, ownerType: 'user' as const, ownerId: s.member.id };
      const { plan } = await buildPlan(s.member.api, owner, ONE_KR);
      expect((await s.peer.api.delete(`/plans/${plan.id}`)).status).toBe(403);
      expect((await s.member.api.delete(`/plans/${plan.id}`, { 'if-match': '"7"' })).status).toBe(
        412,
      );
      await approvePlan(s.member.api, s.teamLead.api, plan.id);
      expect((await s.member.api.delete(`/plans/${plan.id}`)).status).toBe(409);

      const draft = await buildPlan(s.peer.api, { ...owner, ownerId: s.peer.id }, ONE_KR);
      expect((await s.peer.api.delete(`/plans/${draft.plan.id}`)).status).toBe(204);
      expect((await s.peer.api.get(`/plans/${draft.plan.id}`)).status).toBe(404);
      const left = await t.ctx.db
        .selectFrom('key_results')
        .select('id')
        .where('plan_id', '=', draft.plan.id)
        .execute();
      expect(left).toEqual([]);
    });

    it('clears alignments into a deleted draft and rolls the parent up', async () => {
      const s = await scenario(t);
      const sales = await buildPlan(
        s.salesLead.api,
        { cycleId: s.cycleId, ownerType: 'unit', ownerId: s.salesId },
        ONE_KR,
      );
      const team = await buildPlan(s.teamLead.api, {
        cycleId: s.cycleId,
        ownerType: 'unit',
        ownerId: s.teamId,
      });
      const child = await addObjective(s.teamLead.api, team.plan.id, {
        weight: 100,
        alignedToObjectiveId: sales.objectives[0].id,
      });
      expect((await s.salesLead.api.delete(`/plans/${sales.plan.id}`)).status).toBe(204);
      const after = await expectStatus(s.teamLead.api.get(`/objectives/${child.id}`), 200);
      expect(after.alignedToObjectiveId).toBeNull();
      expect(after.version).toBe(child.version + 1);
    });
  });
}
