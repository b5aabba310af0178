import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_HEALTH_THRESHOLDS, health } from '../../src/domain/progress.js';
import { healthBounds } from '../../src/modules/dashboard/health-bounds.js';
import { useTestApp, type TestApp } from '../helpers/app.js';
import { enginesToTest } from '../helpers/engines.js';
import type { TestOrg, TestUser } from '../helpers/factories.js';
import { insertPlanTree } from '../helpers/tree.js';

/**
 * Local midnight of 2026-11-16 in Asia/Shanghai: 46 of the 92 days of 2026-10-01..2026-12-31 have
 * passed, so expected progress is exactly 0.5 (in UTC it would be 46⅔ days, 0.5072). With the
 * default thresholds: on_track ≥ 0.40, at_risk ≥ 0.25, else off_track.
 */
const NOW = '2026-11-15T16:00:00.000Z';
/** the check-in window: the last 7 days, this instant included */
const WEEK_AGO = '2026-11-08T16:00:00.000Z';

interface Scenario {
  org: TestOrg;
  cycle: string;
  units: { sales: string; team: string; marketing: string };
  people: { salesLead: TestUser; member: TestUser; peer: TestUser };
  plans: Record<'company' | 'sales' | 'team' | 'member' | 'marketing', string>;
  kr: Record<'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g' | 'h' | 'i' | 'j', string>;
  o: Record<'O4', string>;
}

async function buildScenario(t: TestApp): Promise<Scenario> {
  const org = await t.factory.org('Acme');
  const salesLead = await t.factory.user(org, { name: 'Lin' });
  const sales = await t.factory.unit(org, { name: 'Sales', leaderId: salesLead.id });
  const team = await t.factory.unit(org, { name: 'Team A', parentId: sales });
  const marketing = await t.factory.unit(org, { name: 'Marketing' });
  const member = await t.factory.user(org, { name: 'Mei', unitId: team });
  const peer = await t.factory.user(org, { name: 'Peng', unitId: team });
  const cycle = await t.factory.cycle(org);

  const company = await insertPlanTree(t.ctx, org, {
    cycleId: cycle,
    ownerType: 'unit',
    ownerId: org.rootUnitId,
    progress: 0.45,
    objectives: [
      {
        title: 'O1',
        progress: 0.4, // on_track, on the boundary
        keyResults: [
          { title: 'a', progress: 0.4, lastCheckInAt: '2026-11-14T00:00:00.000Z' }, // on_track (boundary)
          { title: 'b', progress: 0.25, lastCheckInAt: '2026-11-12T00:00:00.000Z' }, // at_risk (boundary)
        ],
      },
      {
        title: 'O2',
        progress: 0.25, // at_risk, on the boundary
        keyResults: [
          { title: 'c', progress: 0.2499, lastCheckInAt: '2026-11-08T15:59:59.999Z' }, // off_track, stale
          { title: 'd', progress: 0.9 }, // not_started
        ],
      },
    ],
  });
  const salesPlan = await insertPlanTree(t.ctx, org, {
    cycleId: cycle,
    ownerType: 'unit',
    ownerId: sales,
    progress: 0.6,
    objectives: [
      {
        title: 'O3',
        progress: 0.6,
        keyResults: [
          { title: 'e', progress: 0.39, lastCheckInAt: '2026-11-15T10:00:00.000Z', confidence: 6 }, // at_risk
          { title: 'f', progress: 0.8, lastCheckInAt: WEEK_AGO }, // on_track, just inside the week
        ],
      },
      {
        title: 'O4',
        visibility: 'private',
        progress: 0.1,
        keyResults: [
          {
            title: 'g (private)',
            progress: 0.1,
            lastCheckInAt: '2026-11-15T12:00:00.000Z',
            confidence: 4,
          }, // off_track
        ],
      },
    ],
  });
  const teamPlan = await insertPlanTree(t.ctx, org, {
    cycleId: cycle,
    ownerType: 'unit',
    ownerId: team,
    state: 'in_review',
    progress: 0.2,
    objectives: [
      {
        title: 'O5',
        progress: 0,
        keyResults: [{ title: 'h', progress: 0, lastCheckInAt: '2026-11-15T00:00:00.000Z' }],
      },
    ],
  });
  const memberPlan = await insertPlanTree(t.ctx, org, {
    cycleId: cycle,
    ownerType: 'user',
    ownerId: member.id,
    progress: 0.35,
    objectives: [
      {
        title: 'O6',
        progress: 0.7,
        keyResults: [{ title: 'i', progress: 0.7, lastCheckInAt: '2026-11-15T00:00:00.000Z' }],
      },
      { title: 'O7', progress: 0, keyResults: [{ title: 'j', progress: 0 }] }, // not_started
    ],
  });
  const marketingPlan = await insertPlanTree(t.ctx, org, {
    cycleId: cycle,
    ownerType: 'unit',
    ownerId: marketing,
    state: 'draft',
    progress: 0,
    objectives: [{ title: 'draft', keyResults: [{ progress: 0 }] }],
  });

  // Noise that must not count: another cycle of this organization, and another organization.
  const annual = await t.factory.cycle(org, {
    name: '2026',
    kind: 'year',
    startDate: '2026-01-01',
    endDate: '2026-12-31',
  });
  await insertPlanTree(t.ctx, org, {
    cycleId: annual,
    ownerType: 'unit',
    ownerId: sales,
    objectives: [{ keyResults: [{ progress: 0, lastCheckInAt: '2026-11-15T00:00:00.000Z' }] }],
  });
  const other = await t.factory.org('Other');
  await insertPlanTree(t.ctx, other, {
    cycleId: await t.factory.cycle(other),
    ownerType: 'unit',
    ownerId: other.rootUnitId,
    objectives: [{ keyResults: [{ progress: 0, lastCheckInAt: '2026-11-15T00:00:00.000Z' }] }],
  });

  const [a, b] = company.objectives[0]!.keyResultIds;
  const [c, d] = company.objectives[1]!.keyResultIds;
  const [e, f] = salesPlan.objectives[0]!.keyResultIds;
  const [g] = salesPlan.objectives[1]!.keyResultIds;
  const [h] = teamPlan.objectives[0]!.keyResultIds;
  const [i] = memberPlan.objectives[0]!.keyResultIds;
  const [j] = memberPlan.objectives[1]!.keyResultIds;
  return {
    org,
    cycle,
    units: { sales, team, marketing },
    people: { salesLead, member, peer },
    plans: {
      company: company.planId,
      sales: salesPlan.planId,
      team: teamPlan.planId,
      member: memberPlan.planId,
      marketing: marketingPlan.planId,
    },
    kr: { a: a!, b: b!, c: c!, d: d!, e: e!, f: f!, g: g!, h: h!, i: i!, j: j! },
    o: { O4: salesPlan.objectives[1]!.id },
  };
}

describe('health bounds', () => {
  it('classify exactly as health() does, for any progress and expected progress', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (p, expected) => {
          const b = healthBounds(expected, DEFAULT_HEALTH_THRESHOLDS);
          const sqlLike =
            p >= b.onTrackMin ? 'on_track' : p >= b.atRiskMin ? 'at_risk' : 'off_track';
          expect(sqlLike).toBe(health(p, expected, true));
        },
      ),
    );
  });
});

for (const { engine, skip } of await enginesToTest()) {
  describe.skipIf(skip)(`cycle dashboard on ${engine}`, () => {
    const t = useTestApp(engine);
    let s: Scenario;

    beforeAll(async () => {
      t.setNow(NOW);
      s = await buildScenario(t);
    });

    it('computes the organization-wide numbers by hand at a set clock', async () => {
      const res = await s.org.admin.api.get(`/cycles/${s.cycle}/dashboard`);
      expect(res.status).toBe(200);
      expect(res.body.cycle).toEqual({
        id: s.cycle,
        name: '2026 Q4',
        state: 'active',
        startDate: '2026-10-01',
        endDate: '2026-12-31',
        expectedProgress: 0.5,
      });
      expect(res.body.unitId).toBe(s.org.rootUnitId);
      expect(res.body.expectedProgress).toBe(0.5);
      expect(res.body.progress).toBe(0.45); // the root unit's own plan
      expect(res.body.plansByState).toEqual({
        draft: 1,
        in_review: 1,
        changes_requested: 0,
        approved: 3,
        closed: 0,
      });
    });

    it('counts objective and KR health of approved plans at the threshold boundaries', async () => {
      const res = await s.org.admin.api.get(`/cycles/${s.cycle}/dashboard`);
      // O1 0.40 on, O2 0.25 at, O3 0.6 on, O4 0.1 off, O6 0.7 on, O7 no check-in; O5 is in review
      expect(res.body.health).toEqual({ on_track: 3, at_risk: 1, off_track: 1, not_started: 1 });
      // a 0.40 on, b 0.25 at, c 0.2499 off, d none, e 0.39 at, f 0.8 on, g 0.1 off, i 0.7 on, j none
      expect(res.body.keyResultHealth).toEqual({
        on_track: 3,
        at_risk: 2,
        off_track: 2,
        not_started: 2,
      });
    });

    it('rates check-ins within the last 7 days among KRs of approved plans', async () => {
      const res = await s.org.admin.api.get(`/cycles/${s.cycle}/dashboard`);
      // a, b, e, f (exactly 7 days ago), g, i of 9; c is a millisecond too old; d, j never
      expect(res.body.checkInRate).toBeCloseTo(6 / 9, 12);
    });

    it('lists lagging KRs worst first with their plan owner and expected progress', async () => {
      const res = await s.org.admin.api.get(`/cycles/${s.cycle}/dashboard`);
      expect(res.body.atRisk.map((k: { id: string }) => k.id)).toEqual([
        s.kr.g,
        s.kr.c,
        s.kr.b,
        s.kr.e,
      ]);
      expect(res.body.atRisk.map((k: { health: string }) => k.health)).toEqual([
        'off_track',
        'off_track',
        'at_risk',
        'at_risk',
      ]);
      expect(res.body.atRisk[0]).toEqual({
        type: 'keyResult',
        id: s.kr.g,
        title: 'g (private)',
        objectiveId: s.o.O4,
        planId: s.plans.sales,
        ownerType: 'unit',
        ownerId: s.units.sales,
        ownerName: 'Sales',
        progress: 0.1,
        expectedProgress: 0.5,
        health: 'off_track',
        confidence: 4,
      });
    });

    it('leaves private KRs out of atRisk for a peer member but still counts them', async () => {
      const peer = await s.people.peer.api.get(`/cycles/${s.cycle}/dashboard`);
      expect(peer.status).toBe(200);
      expect(peer.body.atRisk.map((k: { id: string }) => k.id)).toEqual([s.kr.c, s.kr.b, s.kr.e]);
      expect(JSON.stringify(peer.body)).not.toContain('g (private)');
      expect(peer.body.keyResultHealth.off_track).toBe(2);
      const lead = await s.people.salesLead.api.get(`/cycles/${s.cycle}/dashboard`);
      expect(lead.body.atRisk.map((k: { id: string }) => k.id)).toEqual([
        s.kr.g,
        s.kr.c,
        s.kr.b,
        s.kr.e,
      ]);
    });

    it('lists the unit tree depth-first with each unit plan, null where there is none', async () => {
      const res = await s.org.admin.api.get(`/cycles/${s.cycle}/dashboard`);
      expect(res.body.units).toEqual([
        {
          unitId: s.org.rootUnitId,
          name: 'Acme',
          parentId: null,
          depth: 0,
          leaderId: s.org.admin.id,
          planId: s.plans.company,
          progress: 0.45,
          health: 'on_track',
        },
        {
          unitId: s.units.marketing,
          name: 'Marketing',
          parentId: s.org.rootUnitId,
          depth: 1,
          leaderId: null,
          planId: s.plans.marketing,
          progress: 0,
          health: 'not_started',
        },
        {
          unitId: s.units.sales,
          name: 'Sales',
          parentId: s.org.rootUnitId,
          depth: 1,
          leaderId: s.people.salesLead.id,
          planId: s.plans.sales,
          progress: 0.6,
          health: 'on_track',
        },
        {
          unitId: s.units.team,
          name: 'Team A',
          parentId: s.units.sales,
          depth: 2,
          leaderId: null,
          planId: s.plans.team,
          progress: 0.2,
          health: 'off_track',
        },
      ]);
    });

    it('scopes to a unit, its descendants and the plans of their members', async () => {
      const res = await s.people.peer.api.get(
        `/cycles/${s.cycle}/dashboard?unitId=${s.units.sales}`,
      );
      expect(res.status).toBe(200);
      expect(res.body.unitId).toBe(s.units.sales);
      expect(res.body.progress).toBe(0.6);
      // sales plan (O3, O4) and Mei's plan (O6, O7); Team A's plan is in review
      expect(res.body.health).toEqual({ on_track: 2, at_risk: 0, off_track: 1, not_started: 1 });
      expect(res.body.keyResultHealth).toEqual({
        on_track: 2,
        at_risk: 1,
        off_track: 1,
        not_started: 1,
      });
      expect(res.body.checkInRate).toBeCloseTo(4 / 5, 12);
      expect(res.body.plansByState).toEqual({
        draft: 0,
        in_review: 1,
        changes_requested: 0,
        approved: 2,
        closed: 0,
      });
      expect(
        res.body.units.map((u: { unitId: string; depth: number }) => [u.unitId, u.depth]),
      ).toEqual([
        [s.units.sales, 0],
        [s.units.team, 1],
      ]);
      expect(res.body.atRisk.map((k: { id: string }) => k.id)).toEqual([s.kr.e]);
    });

    it("falls back to the mean of the scope's unit plans when the scope unit has none", async () => {
      const org = await t.factory.org('Beta');
      const cycle = await t.factory.cycle(org);
      const ops = await t.factory.unit(org, { name: 'Ops' });
      const ops1 = await t.factory.unit(org, { name: 'Ops 1', parentId: ops });
      const ops2 = await t.factory.unit(org, { name: 'Ops 2', parentId: ops });
      for (const [unit, progress] of [
        [ops1, 0.2],
        [ops2, 0.6],
      ] as const) {
        await insertPlanTree(t.ctx, org, {
          cycleId: cycle,
          ownerType: 'unit',
          ownerId: unit,
          state: 'draft',
          progress,
          objectives: [{ keyResults: [{ progress }] }],
        });
      }
      const scoped = await org.admin.api.get(`/cycles/${cycle}/dashboard?unitId=${ops}`);
      expect(scoped.status).toBe(200);
      expect(scoped.body.progress).toBeCloseTo(0.4, 12);
      expect(scoped.body.units[0]).toMatchObject({
        unitId: ops,
        planId: null,
        progress: null,
        health: null,
      });
      const whole = await org.admin.api.get(`/cycles/${cycle}/dashboard`);
      expect(whole.body.progress).toBeCloseTo(0.4, 12);
      // nothing approved: no counts, no lagging KRs, a check-in rate of 0
      expect(whole.body.keyResultHealth).toEqual({
        on_track: 0,
        at_risk: 0,
        off_track: 0,
        not_started: 0,
      });
      expect(whole.body.checkInRate).toBe(0);
      expect(whole.body.atRisk).toEqual([]);
    });

    it('returns at most 20 lagging KRs, finding readable ones past many hidden private ones', async () => {
      const org = await t.factory.org('Gamma');
      const cycle = await t.factory.cycle(org);
      const unit = await t.factory.unit(org, { name: 'Field' });
      const owner = await t.factory.user(org, { unitId: unit });
      const peer = await t.factory.user(org, { unitId: unit });
      const checked = '2026-11-15T00:00:00.000Z';
      const hidden = await insertPlanTree(t.ctx, org, {
        cycleId: cycle,
        ownerType: 'user',
        ownerId: owner.id,
        objectives: [
          {
            visibility: 'private',
            keyResults: Array.from({ length: 120 }, (_, k) => ({
              progress: 0.001 * (k + 1), // 0.001 … 0.12: all worse than the public ones
              lastCheckInAt: checked,
            })),
          },
        ],
      });
      const shown = await insertPlanTree(t.ctx, org, {
        cycleId: cycle,
        ownerType: 'unit',
        ownerId: unit,
        objectives: [
          {
            keyResults: Array.from({ length: 25 }, (_, k) => ({
              progress: 0.39 - 0.01 * k, // 0.39 … 0.15
              lastCheckInAt: checked,
            })),
          },
        ],
      });
      const publicIds = shown.objectives[0]!.keyResultIds;
      const forPeer = await peer.api.get(`/cycles/${cycle}/dashboard`);
      expect(forPeer.body.atRisk.map((k: { id: string }) => k.id)).toEqual(
        publicIds.slice().reverse().slice(0, 20),
      );
      const forAdmin = await org.admin.api.get(`/cycles/${cycle}/dashboard`);
      expect(forAdmin.body.atRisk.map((k: { id: string }) => k.id)).toEqual(
        hidden.objectives[0]!.keyResultIds.slice(0, 20),
      );
      const progress = forAdmin.body.atRisk.map((k: { progress: number }) => k.progress);
      expect(progress).toEqual(progress.slice().sort((x: number, y: number) => x - y));
      expect(forAdmin.body.keyResultHealth.off_track + forAdmin.body.keyResultHealth.at_risk).toBe(
        145,
      );
    });

    it("applies the organization's own health thresholds", async () => {
      const org = await t.factory.org('Delta');
      await t.ctx.db
        .updateTable('organizations')
        .set({ settings: JSON.stringify({ healthThresholds: { atRisk: 0.05, offTrack: 0.2 } }) })
        .where('id', '=', org.id)
        .execute();
      const cycle = await t.factory.cycle(org);
      const checked = '2026-11-15T00:00:00.000Z';
      await insertPlanTree(t.ctx, org, {
        cycleId: cycle,
        ownerType: 'unit',
        ownerId: org.rootUnitId,
        objectives: [
          {
            keyResults: [
              { progress: 0.45, lastCheckInAt: checked }, // on_track: ≥ 0.5 − 0.05
              { progress: 0.44, lastCheckInAt: checked }, // at_risk
              { progress: 0.3, lastCheckInAt: checked }, // at_risk: ≥ 0.5 − 0.2
              { progress: 0.29, lastCheckInAt: checked }, // off_track
            ],
          },
        ],
      });
      const res = await org.admin.api.get(`/cycles/${cycle}/dashboard`);
      expect(res.body.keyResultHealth).toEqual({
        on_track: 1,
        at_risk: 2,
        off_track: 1,
        not_started: 0,
      });
    });

    it("answers 404 for another organization's cycle or unit and 401 when signed out", async () => {
      const other = await t.factory.org('Other');
      const otherCycle = await t.factory.cycle(other);
      expect((await s.org.admin.api.get(`/cycles/${otherCycle}/dashboard`)).status).toBe(404);
      expect((await other.admin.api.get(`/cycles/${s.cycle}/dashboard`)).status).toBe(404);
      expect(
        (await s.org.admin.api.get(`/cycles/${s.cycle}/dashboard?unitId=${other.rootUnitId}`))
          .status,
      ).toBe(404);
      expect((await t.client().get(`/cycles/${s.cycle}/dashboard`)).status).toBe(401);
    });

    it('documents the endpoint in the OpenAPI document', async () => {
      const doc = await t.client().get('/api/openapi.json');
      expect(doc.status).toBe(200);
      expect(doc.body.paths['/api/v1/cycles/{id}/dashboard'].get).toBeDefined();
      expect(JSON.stringify(doc.body)).toContain('Dashboard');
    });
  });
}
