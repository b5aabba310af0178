import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { enginesToTest } from '../helpers/engines.js';
import {
  addObjective,
  buildPlan,
  expectStatus,
  ONE_KR,
  scenario,
  type Scenario,
} from '../helpers/plans.js';

for (const { engine, skip } of await enginesToTest()) {
  describe.skipIf(skip)(`cross-department requests on ${engine}`, () => {
    const t = useTestApp(engine);

    /** The sales unit's plan with one objective (its leader writes it). */
    async function salesObjective(s: Scenario, visibility: 'public' | 'private' = 'public') {
      const { plan, objectives } = await buildPlan(
        s.salesLead.api,
        { cycleId: s.cycleId, ownerType: 'unit', ownerId: s.salesId },
        [{ weight: 100, title: 'Win the east region', visibility, keyResults: [{ weight: 100 }] }],
      );
      return { plan, objective: objectives[0] };
    }

    async function ask(s: Scenario, objectiveId: string, extra: Record<string, unknown> = {}) {
      return expectStatus(
        s.salesLead.api.post('/requests', {
          fromObjectiveId: objectiveId,
          toUnitId: s.marketingId,
          message: 'Please run two campaigns in the east region',
          ...extra,
        }),
        201,
      );
    }

    const auditActions = async (targetId: string) =>
      (
        await t.ctx.db
          .selectFrom('audit_entries')
          .select('action')
          .where('target_id', '=', targetId)
          .execute()
      ).map((r) => r.action);

    it('creates a request to another unit (201) and shows it incoming and outgoing', async () => {
      const s = await scenario(t);
      const { plan, objective } = await salesObjective(s);
      const res = await s.salesLead.api.post('/requests', {
        fromObjectiveId: objective.id,
        toUnitId: s.marketingId,
        message: 'Please run two campaigns in the east region',
        neededBy: '2099-03-31',
        desiredKeyResult: { title: 'Run 2 campaigns', metricType: 'number', targetValue: 2 },
      });
      expect(res.status).toBe(201);
      expect(res.headers.etag).toBe('"1"');
      expect(res.body).toMatchObject({
        state: 'open',
        fromObjectiveId: objective.id,
        fromObjectiveTitle: 'Win the east region',
        fromPlanId: plan.id,
        fromOwnerType: 'unit',
        fromOwnerId: s.salesId,
        fromOwnerName: 'Sales',
        cycleId: s.cycleId,
        requesterId: s.salesLead.id,
        requesterName: 'Sales Lead',
        toUnitId: s.marketingId,
        toUnitName: 'Marketing',
        toUnitLeaderId: s.otherLead.id,
        neededBy: '2099-03-31',
        desiredKeyResult: { title: 'Run 2 campaigns', metricType: 'number', targetValue: 2 },
        createdObjectiveId: null,
        version: 1,
      });
      const id = res.body.id;

      const incoming = await expectStatus(
        s.otherLead.api.get('/requests?direction=incoming&state=open'),
        200,
      );
      expect(incoming.items.map((r: any) => r.id)).toEqual([id]);
      const outgoing = await expectStatus(s.salesLead.api.get('/requests?direction=outgoing'), 200);
      expect(outgoing.items.map((r: any) => r.id)).toEqual([id]);
      const none = await expectStatus(s.salesLead.api.get('/requests?direction=incoming'), 200);
      expect(none.items).toEqual([]);
      const adminView = await expectStatus(s.admin.api.get('/requests?direction=incoming'), 200);
      expect(adminView.items.map((r: any) => r.id)).toEqual([id]);
      expect(await auditActions(id)).toEqual(['request.create']);

      const notes = await expectStatus(s.otherLead.api.get('/notifications'), 200);
      expect(notes.items).toEqual([
        expect.objectContaining({
          kind: 'request_received',
          targetType: 'request',
          targetId: id,
          actorId: s.salesLead.id,
          title: 'Win the east region',
          read: false,
        }),
      ]);
    });

    it('lets a member ask for support of their own objective', async () => {
      const s = await scenario(t);
      const { objectives } = await buildPlan(
        s.member.api,
        { cycleId: s.cycleId, ownerType: 'user', ownerId: s.member.id },
        ONE_KR,
      );
      const res = await s.member.api.post('/requests', {
        fromObjectiveId: objectives[0].id,
        toUnitId: s.marketingId,
        message: 'I need two leads a week',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ fromOwnerType: 'user', fromOwnerName: 'Member' });
    });

    it("rejects a request by someone who does not write the objective's plan with 403", async () => {
      const s = await scenario(t);
      const { objective } = await salesObjective(s);
      const res = await s.member.api.post('/requests', {
        fromObjectiveId: objective.id,
        toUnitId: s.marketingId,
        message: 'Please help',
      });
      expect(res.status).toBe(403);
    });

    it("answers 404 for another organization's objective, unit or request", async () => {
      const s = await scenario(t);
      const other = await scenario(t);
      const { objective } = await salesObjective(s);
      const request = await ask(s, objective.id);
      const foreignUnit = await s.salesLead.api.post('/requests', {
        fromObjectiveId: objective.id,
        toUnitId: other.marketingId,
        message: 'Please help',
      });
      expect(foreignUnit.status).toBe(404);
      const foreignObjective = await other.salesLead.api.post('/requests', {
        fromObjectiveId: objective.id,
        toUnitId: other.marketingId,
        message: 'Please help',
      });
      expect(foreignObjective.status).toBe(404);
      expect((await other.admin.api.get(`/requests/${request.id}`)).status).toBe(404);
      const accept = await other.admin.api.post(`/requests/${request.id}/accept`, {
        as: 'objective',
      });
      expect(accept.status).toBe(404);
      expect((await other.admin.api.get(`/cycles/${s.cycleId}/support-links`)).status).toBe(404);
    });

    it('lists each problem of an invalid request in one 422', async () => {
      const s = await scenario(t);
      const { objective } = await salesObjective(s, 'private');
      const res = await s.salesLead.api.post('/requests', {
        fromObjectiveId: objective.id,
        toUnitId: s.salesId,
        message: '   ',
        neededBy: '2001-01-01',
        desiredKeyResult: { title: 'Leads', metricType: 'number', startValue: 5, targetValue: 5 },
      });
      expect(res.status).toBe(422);
      expect(res.body.errors.map((e: any) => [e.path, e.code])).toEqual([
        ['message', 'text.blank'],
        ['fromObjectiveId', 'request.private_objective'],
        ['toUnitId', 'request.same_unit'],
        ['desiredKeyResult.targetValue', expect.any(String)],
        ['neededBy', 'date.past'],
      ]);
      const impossible = await s.salesLead.api.post('/requests', {
        fromObjectiveId: objective.id,
        toUnitId: s.marketingId,
        message: 'Help',
        neededBy: '2099-02-31',
      });
      expect(impossible.status).toBe(400);
      expect(impossible.body.errors[0].path).toBe('neededBy');
    });

    it('refuses a second open request for the same objective and unit with 409', async () => {
      const s = await scenario(t);
      const { objective } = await salesObjective(s);
      await ask(s, objective.id);
      const again = await s.salesLead.api.post('/requests', {
        fromObjectiveId: objective.id,
        toUnitId: s.marketingId,
        message: 'Again',
      });
      expect(again.status).toBe(409);
    });

    it("accepts as an objective in the unit's plan, linked back, not aligned", async () => {
      const s = await scenario(t);
      const { objective } = await salesObjective(s);
      const request = await ask(s, objective.id);
      // marketing has no plan in the cycle yet: accepting creates its draft
      const res = await s.otherLead.api.post(`/requests/${request.id}/accept`, {
        as: 'objective',
        title: 'Support the east region',
        weight: 20,
      });
      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe('"2"');
      expect(res.body).toMatchObject({
        state: 'accepted',
        responderId: s.otherLead.id,
        respondedAt: expect.any(String),
        createdPlanId: expect.any(String),
        createdObjectiveId: expect.any(String),
        createdKeyResultId: null,
        version: 2,
      });
      const plan = await expectStatus(s.otherLead.api.get(`/plans/${res.body.createdPlanId}`), 200);
      expect(plan).toMatchObject({
        ownerType: 'unit',
        ownerId: s.marketingId,
        cycleId: s.cycleId,
        state: 'draft',
      });
      expect(plan.objectives).toEqual([
        expect.objectContaining({
          id: res.body.createdObjectiveId,
          title: 'Support the east region',
          weight: 20,
          alignedToObjectiveId: null,
          alignedToKeyResultId: null,
        }),
      ]);
      const links = await expectStatus(s.peer.api.get(`/cycles/${s.cycleId}/support-links`), 200);
      expect(links.items).toEqual([
        {
          id: expect.any(String),
          from: res.body.createdObjectiveId,
          to: objective.id,
          kind: 'supports',
          fromPlanId: plan.id,
          toPlanId: request.fromPlanId,
          requestId: request.id,
          createdAt: expect.any(String),
        },
      ]);
      expect(await auditActions(request.id)).toEqual(
        expect.arrayContaining(['request.create', 'request.accept']),
      );
      expect(await auditActions(res.body.createdObjectiveId)).toEqual(['objective.create']);
      const notes = await expectStatus(s.salesLead.api.get('/notifications?unread=true'), 200);
      expect(notes.items).toEqual([
        expect.objectContaining({
          kind: 'request_accepted',
          targetId: request.id,
          actorId: s.otherLead.id,
          data: expect.objectContaining({
            as: 'objective',
            objectiveId: res.body.createdObjectiveId,
          }),
        }),
      ]);
    });

    it("accepts as a key result of the unit's objective with the requested metric", async () => {
      const s = await scenario(t);
      const { objective } = await salesObjective(s);
      const { objectives } = await buildPlan(
        s.otherLead.api,
        { cycleId: s.cycleId, ownerType: 'unit', ownerId: s.marketingId },
        ONE_KR,
      );
      const request = await ask(s, objective.id, {
        desiredKeyResult: {
          title: 'Run 2 campaigns in the east',
          metricType: 'number',
          targetValue: 2,
        },
      });
      const noObjective = await s.otherLead.api.post(`/requests/${request.id}/accept`, {
        as: 'keyResult',
      });
      expect(noObjective.status).toBe(422);
      expect(noObjective.body.errors[0]).toMatchObject({ path: 'objectiveId' });
      const notTheirs = await s.otherLead.api.post(`/requests/${request.id}/accept`, {
        as: 'keyResult',
        objectiveId: objective.id,
      });
      expect(notTheirs.status).toBe(422);
      expect(notTheirs.body.errors[0]).toMatchObject({ code: 'request.not_target_unit' });

      const res = await s.otherLead.api.post(`/requests/${request.id}/accept`, {
        as: 'keyResult',
        objectiveId: objectives[0].id,
        startValue: 0,
        ownerId: s.stranger.id,
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        state: 'accepted',
        createdObjectiveId: null,
        createdKeyResultId: expect.any(String),
      });
      const kr = await expectStatus(
        s.otherLead.api.get(`/key-results/${res.body.createdKeyResultId}`),
        200,
      );
      expect(kr).toMatchObject({
        objectiveId: objectives[0].id,
        title: 'Run 2 campaigns in the east',
        metricType: 'number',
        startValue: 0,
        targetValue: 2,
        weight: 0,
        ownerId: s.stranger.id,
      });
      const links = await expectStatus(s.member.api.get(`/cycles/${s.cycleId}/support-links`), 200);
      expect(links.items).toEqual([
        expect.objectContaining({
          from: objectives[0].id,
          fromKeyResultId: kr.id,
          to: objective.id,
        }),
      ]);
    });

    it("lets only the unit's leader or an admin answer (403), and only once (409)", async () => {
      const s = await scenario(t);
      const { objective } = await salesObjective(s);
      const request = await ask(s, objective.id);
      for (const who of [s.stranger, s.salesLead, s.member]) {
        const res = await who.api.post(`/requests/${request.id}/accept`, { as: 'objective' });
        expect(res.status).toBe(403);
        const decline = await who.api.post(`/requests/${request.id}/decline`, { reason: 'No' });
        expect(decline.status).toBe(403);
      }
      const stale = await s.admin.api.post(
        `/requests/${request.id}/accept`,
        { as: 'objective' },
        { 'if-match': '"7"' },
      );
      expect(stale.status).toBe(412);
      await expectStatus(
        s.admin.api.post(
          `/requests/${request.id}/accept`,
          { as: 'objective' },
          { 'if-match': '"1"' },
        ),
        200,
      );
      const twice = await s.otherLead.api.post(`/requests/${request.id}/decline`, {
        reason: 'Too late',
      });
      expect(twice.status).toBe(409);
    });

    it('leaves no trace in the other plan when declined, and tells the requester why', async () => {
      const s = await scenario(t);
      const { objective } = await salesObjective(s);
      const { plan } = await buildPlan(
        s.otherLead.api,
        { cycleId: s.cycleId, ownerType: 'unit', ownerId: s.marketingId },
        ONE_KR,
      );
      const before = await expectStatus(s.otherLead.api.get(`/plans/${plan.id}`), 200);
      const request = await ask(s, objective.id, {
        desiredKeyResult: { title: 'Run 2 campaigns', targetValue: 2, startValue: 0 },
      });
      const missing = await s.otherLead.api.post(`/requests/${request.id}/decline`, {});
      expect(missing.status).toBe(400);
      const blank = await s.otherLead.api.post(`/requests/${request.id}/decline`, { reason: ' ' });
      expect(blank.status).toBe(422);

      const res = await s.otherLead.api.post(`/requests/${request.id}/decline`, {
        reason: 'Our Q4 budget is committed to the north',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        state: 'declined',
        reason: 'Our Q4 budget is committed to the north',
        responderId: s.otherLead.id,
        createdPlanId: null,
        createdObjectiveId: null,
        createdKeyResultId: null,
      });
      const after = await expectStatus(s.otherLead.api.get(`/plans/${plan.id}`), 200);
      expect(after).toEqual(before);
      const links = await expectStatus(
        s.otherLead.api.get(`/cycles/${s.cycleId}/support-links`),
        200,
      );
      expect(links.items).toEqual([]);
      const plans = await expectStatus(
        s.admin.api.get(`/plans?cycleId=${s.cycleId}&ownerType=unit&ownerId=${s.marketingId}`),
        200,
      );
      expect(plans.items).toHaveLength(1);
      expect(await auditActions(plan.id)).toEqual(['plan.create']);
      const notes = await expectStatus(s.salesLead.api.get('/notifications'), 200);
      expect(notes.items[0]).toMatchObject({
        kind: 'request_declined',
        data: { reason: 'Our Q4 budget is committed to the north' },
      });
      const open = await expectStatus(s.otherLead.api.get('/requests?state=open'), 200);
      expect(open.items).toEqual([]);
    });

    it('refuses to accept into a plan in review with 409 and changes nothing', async () => {
      const s = await scenario(t);
      const { objective } = await salesObjective(s);
      const { plan } = await buildPlan(
        s.otherLead.api,
        { cycleId: s.cycleId, ownerType: 'unit', ownerId: s.marketingId },
        ONE_KR,
      );
      await expectStatus(s.otherLead.api.post(`/plans/${plan.id}/submit`, {}), 200);
      const request = await ask(s, objective.id);
      const res = await s.otherLead.api.post(`/requests/${request.id}/accept`, {
        as: 'objective',
      });
      expect(res.status).toBe(409);
      const still = await expectStatus(s.otherLead.api.get(`/requests/${request.id}`), 200);
      expect(still).toMatchObject({ state: 'open', version: 1 });
      const after = await expectStatus(s.otherLead.api.get(`/plans/${plan.id}`), 200);
      expect(after.objectives).toHaveLength(1);
      const links = await expectStatus(
        s.otherLead.api.get(`/cycles/${s.cycleId}/support-links`),
        200,
      );
      expect(links.items).toEqual([]);
    });

    it('accepts into an approved plan as an adjustment with the request as its reason', async () => {
      const s = await scenario(t);
      const { objective } = await salesObjective(s);
      const { plan } = await buildPlan(
        s.otherLead.api,
        { cycleId: s.cycleId, ownerType: 'unit', ownerId: s.marketingId },
        ONE_KR,
      );
      await expectStatus(s.otherLead.api.post(`/plans/${plan.id}/submit`, {}), 200);
      await expectStatus(s.admin.api.post(`/plans/${plan.id}/approve`, {}), 200);
      const request = await ask(s, objective.id);
      const res = await s.otherLead.api.post(`/requests/${request.id}/accept`, {
        as: 'objective',
      });
      expect(res.status).toBe(200);
      expect(res.body.createdPlanId).toBe(plan.id);
      const entry = await t.ctx.db
        .selectFrom('audit_entries')
        .select(['action', 'reason'])
        .where('target_id', '=', res.body.createdObjectiveId)
        .executeTakeFirstOrThrow();
      expect(entry).toEqual({
        action: 'objective.create',
        reason: 'Please run two campaigns in the east region',
      });
    });

    it('refuses with 409 when changes to the approved plan wait for its approver', async () => {
      const s = await scenario(t);
      await expectStatus(
        s.admin.api.patch('/organization', { settings: { adjustmentsNeedApproval: true } }),
        200,
      );
      const { objective } = await salesObjective(s);
      const { plan } = await buildPlan(
        s.otherLead.api,
        { cycleId: s.cycleId, ownerType: 'unit', ownerId: s.marketingId },
        ONE_KR,
      );
      await expectStatus(s.otherLead.api.post(`/plans/${plan.id}/submit`, {}), 200);
      await expectStatus(s.admin.api.post(`/plans/${plan.id}/approve`, {}), 200);
      const request = await ask(s, objective.id);
      const res = await s.otherLead.api.post(`/requests/${request.id}/accept`, {
        as: 'objective',
      });
      expect(res.status).toBe(409);
      const still = await expectStatus(s.otherLead.api.get(`/requests/${request.id}`), 200);
      expect(still.state).toBe('open');
      const pending = await t.ctx.db
        .selectFrom('adjustments')
        .select('id')
        .where('plan_id', '=', plan.id)
        .execute();
      expect(pending).toEqual([]);
    });

    it('lets the requester withdraw an open request (403 for others)', async () => {
      const s = await scenario(t);
      const { objective } = await salesObjective(s);
      const request = await ask(s, objective.id);
      expect((await s.otherLead.api.post(`/requests/${request.id}/withdraw`, {})).status).toBe(403);
      const res = await s.salesLead.api.post(`/requests/${request.id}/withdraw`, {
        reason: 'Solved it ourselves',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ state: 'withdrawn', reason: 'Solved it ourselves' });
      const accept = await s.otherLead.api.post(`/requests/${request.id}/accept`, {
        as: 'objective',
      });
      expect(accept.status).toBe(409);
      // a new request may be made once the old one is no longer open
      await ask(s, objective.id);
    });

    it('hides a request whose objective turned private from everyone but its parties (404)', async () => {
      const s = await scenario(t);
      const { objective } = await salesObjective(s);
      const request = await ask(s, objective.id);
      expect((await s.peer.api.get(`/requests/${request.id}`)).status).toBe(200);
      await expectStatus(
        s.salesLead.api.patch(`/objectives/${objective.id}`, { visibility: 'private' }),
        200,
      );
      expect((await s.peer.api.get(`/requests/${request.id}`)).status).toBe(404);
      expect((await s.stranger.api.get(`/requests/${request.id}`)).status).toBe(404);
      expect((await s.otherLead.api.get(`/requests/${request.id}`)).status).toBe(200);
      expect((await s.salesLead.api.get(`/requests/${request.id}`)).status).toBe(200);
    });

    it('leaves support links to a private objective out for those who may not read it', async () => {
      const s = await scenario(t);
      const { objective } = await salesObjective(s);
      const request = await ask(s, objective.id);
      const accepted = await expectStatus(
        s.otherLead.api.post(`/requests/${request.id}/accept`, { as: 'objective' }),
        200,
      );
      await expectStatus(
        s.otherLead.api.patch(`/objectives/${accepted.createdObjectiveId}`, {
          visibility: 'private',
        }),
        200,
      );
      const hidden = await expectStatus(
        s.member.api.get(`/cycles/${s.cycleId}/support-links`),
        200,
      );
      expect(hidden.items).toEqual([]);
      const shown = await expectStatus(
        s.stranger.api.get(`/cycles/${s.cycleId}/support-links`),
        200,
      );
      expect(shown.items).toEqual([]);
      const leader = await expectStatus(
        s.otherLead.api.get(`/cycles/${s.cycleId}/support-links`),
        200,
      );
      expect(leader.items).toHaveLength(1);
      const admin = await expectStatus(s.admin.api.get(`/cycles/${s.cycleId}/support-links`), 200);
      expect(admin.items).toHaveLength(1);
    });

    it('deletes the link and clears the created ids when the supporting objective is deleted', async () => {
      const s = await scenario(t);
      const { objective } = await salesObjective(s);
      const request = await ask(s, objective.id);
      const accepted = await expectStatus(
        s.otherLead.api.post(`/requests/${request.id}/accept`, { as: 'objective' }),
        200,
      );
      await addObjective(s.otherLead.api, accepted.createdPlanId, { weight: 100 });
      expect(
        (await s.otherLead.api.delete(`/objectives/${accepted.createdObjectiveId}`)).status,
      ).toBe(204);
      const links = await expectStatus(s.admin.api.get(`/cycles/${s.cycleId}/support-links`), 200);
      expect(links.items).toEqual([]);
      const after = await expectStatus(s.salesLead.api.get(`/requests/${request.id}`), 200);
      expect(after).toMatchObject({ state: 'accepted', createdObjectiveId: null });
    });
  });
}
