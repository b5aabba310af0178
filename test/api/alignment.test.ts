import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type TestApp } from '../helpers/app.js';
import { enginesToTest } from '../helpers/engines.js';
import type { TestOrg, TestUser } from '../helpers/factories.js';
import { insertPlanTree } from '../helpers/tree.js';

/** local midnight of 2026-11-16 in Asia/Shanghai: day 46 of 92 of Q4, day 319 of 365 of 2026 */
const NOW = '2026-11-15T16:00:00.000Z';
const CHECKED = '2026-11-15T02:00:00.000Z';

interface Scenario {
  org: TestOrg;
  units: { sales: string; team: string; marketing: string };
  people: Record<'salesLead' | 'teamLead' | 'marketingLead' | 'owner' | 'peer', TestUser>;
  cycles: { annual: string; q4: string };
  /** objective ids: S1 annual strategy; C1 company, D1 sales, T1 team, P1/P2 owner, K1 marketing (Q4) */
  o: Record<'S1' | 'C1' | 'D1' | 'T1' | 'P1' | 'P2' | 'K1', string>;
  /** the company KR that D1 aligns to */
  companyKr: string;
  plans: Record<'strategy' | 'company' | 'sales' | 'team' | 'owner' | 'marketing', string>;
}

async function buildScenario(t: TestApp): Promise<Scenario> {
  const org = await t.factory.org('Acme');
  const salesLead = await t.factory.user(org, { name: 'Lin (sales lead)' });
  const teamLead = await t.factory.user(org, { name: 'Tao (team lead)' });
  const marketingLead = await t.factory.user(org, { name: 'Ma (marketing lead)' });
  const sales = await t.factory.unit(org, { name: 'Sales', leaderId: salesLead.id });
  const team = await t.factory.unit(org, {
    name: 'Team A',
    parentId: sales,
    leaderId: teamLead.id,
  });
  const marketing = await t.factory.unit(org, { name: 'Marketing', leaderId: marketingLead.id });
  const owner = await t.factory.user(org, { name: 'Mei', unitId: team });
  const peer = await t.factory.user(org, { name: 'Peng', unitId: team });

  const annual = await t.factory.cycle(org, {
    name: '2026',
    kind: 'year',
    startDate: '2026-01-01',
    endDate: '2026-12-31',
  });
  const q4 = await t.factory.cycle(org, { name: '2026 Q4', parentId: annual });

  const strategy = await insertPlanTree(t.ctx, org, {
    cycleId: annual,
    ownerType: 'unit',
    ownerId: org.rootUnitId,
    objectives: [
      {
        title: 'Lead the East China market',
        progress: 0.6,
        keyResults: [{ progress: 0.6, lastCheckInAt: CHECKED }],
      },
    ],
  });
  const S1 = strategy.objectives[0]!.id;
  const company = await insertPlanTree(t.ctx, org, {
    cycleId: q4,
    ownerType: 'unit',
    ownerId: org.rootUnitId,
    objectives: [
      {
        title: 'Grow revenue',
        kind: 'aspirational',
        alignedToObjectiveId: S1,
        keyResults: [
          { title: 'Revenue 10M', progress: 0.45, lastCheckInAt: CHECKED },
          { title: 'Margin 30%', progress: 0.45, lastCheckInAt: CHECKED },
        ],
      },
    ],
  });
  const C1 = company.objectives[0]!.id;
  const companyKr = company.objectives[0]!.keyResultIds[0]!;
  const salesPlan = await insertPlanTree(t.ctx, org, {
    cycleId: q4,
    ownerType: 'unit',
    ownerId: sales,
    objectives: [
      {
        title: 'Open the Hangzhou channel',
        alignedToKeyResultId: companyKr,
        keyResults: [{ progress: 0.3, lastCheckInAt: CHECKED }],
      },
    ],
  });
  const D1 = salesPlan.objectives[0]!.id;
  const teamPlan = await insertPlanTree(t.ctx, org, {
    cycleId: q4,
    ownerType: 'unit',
    ownerId: team,
    state: 'in_review',
    objectives: [
      {
        title: 'Sign 20 key accounts',
        alignedToObjectiveId: D1,
        keyResults: [{ progress: 0.5, lastCheckInAt: CHECKED }],
      },
    ],
  });
  const T1 = teamPlan.objectives[0]!.id;
  const ownerPlan = await insertPlanTree(t.ctx, org, {
    cycleId: q4,
    ownerType: 'user',
    ownerId: owner.id,
    objectives: [
      {
        title: 'Prepare my move to key accounts',
        visibility: 'private',
        alignedToObjectiveId: T1,
        keyResults: [{ progress: 0 }],
      },
      { title: 'Learn negotiation', keyResults: [{ progress: 0.2, lastCheckInAt: CHECKED }] },
    ],
  });
  const marketingPlan = await insertPlanTree(t.ctx, org, {
    cycleId: q4,
    ownerType: 'unit',
    ownerId: marketing,
    state: 'draft',
    objectives: [
      { title: 'Brand awareness', alignedToObjectiveId: C1, keyResults: [{ progress: 0.1 }] },
    ],
  });

  return {
    org,
    units: { sales, team, marketing },
    people: { salesLead, teamLead, marketingLead, owner, peer },
    cycles: { annual, q4 },
    o: {
      S1,
      C1,
      D1,
      T1,
      P1: ownerPlan.objectives[0]!.id,
      P2: ownerPlan.objectives[1]!.id,
      K1: marketingPlan.objectives[0]!.id,
    },
    companyKr,
    plans: {
      strategy: strategy.planId,
      company: company.planId,
      sales: salesPlan.planId,
      team: teamPlan.planId,
      owner: ownerPlan.planId,
      marketing: marketingPlan.planId,
    },
  };
}

const nodeIds = (body: { nodes: { id: string }[] }) => body.nodes.map((n) => n.id).sort();
const edgeKeys = (body: { edges: { from: string; to: string; viaKeyResultId?: string }[] }) =>
  body.edges
    .map((e) => `${e.from}->${e.to}${e.viaKeyResultId ? `@${e.viaKeyResultId}` : ''}`)
    .sort();

for (const { engine, skip } of await enginesToTest()) {
  describe.skipIf(skip)(`alignment map on ${engine}`, () => {
    const t = useTestApp(engine);
    let s: Scenario;
    const edge = (from: string, to: string, via?: string) =>
      `${from}->${to}${via ? `@${via}` : ''}`;

    beforeAll(async () => {
      t.setNow(NOW);
      s = await buildScenario(t);
    });

    it('returns every objective of the cycle and the enclosing-cycle parent, with exact edges', async () => {
      const res = await s.org.admin.api.get(`/cycles/${s.cycles.q4}/alignment`);
      expect(res.status).toBe(200);
      const { o } = s;
      expect(nodeIds(res.body)).toEqual([o.S1, o.C1, o.D1, o.T1, o.P1, o.P2, o.K1].sort());
      expect(edgeKeys(res.body)).toEqual(
        [
          edge(o.C1, o.S1),
          edge(o.D1, o.C1, s.companyKr),
          edge(o.T1, o.D1),
          edge(o.P1, o.T1),
          edge(o.K1, o.C1),
        ].sort(),
      );
      for (const e of res.body.edges) expect(e.kind).toBe('aligned');
      const direct = res.body.edges.find((e: { from: string }) => e.from === o.T1);
      expect(direct).toEqual({ from: o.T1, to: o.D1, kind: 'aligned' });
      expect(res.body.cycle).toEqual({
        id: s.cycles.q4,
        name: '2026 Q4',
        state: 'active',
        startDate: '2026-10-01',
        endDate: '2026-12-31',
        expectedProgress: 0.5,
      });
    });

    it('describes each node with its owner, cycle, stored progress and health against its own cycle', async () => {
      const res = await s.org.admin.api.get(`/cycles/${s.cycles.q4}/alignment`);
      const byId = new Map(res.body.nodes.map((n: { id: string }) => [n.id, n]));
      expect(byId.get(s.o.D1)).toEqual({
        id: s.o.D1,
        type: 'objective',
        title: 'Open the Hangzhou channel',
        planId: s.plans.sales,
        ownerType: 'unit',
        ownerId: s.units.sales,
        ownerName: 'Sales',
        cycleId: s.cycles.q4,
        progress: 0.3,
        health: 'at_risk', // 0.3 < 0.5 − 0.10, ≥ 0.5 − 0.25
        kind: 'committed',
        visibility: 'public',
      });
      expect(byId.get(s.o.C1)).toMatchObject({
        ownerName: 'Acme',
        progress: 0.45,
        health: 'on_track',
        kind: 'aspirational',
      });
      // annual: expected 319/365 ≈ 0.874, so 0.6 is off track there (it would be on track in Q4)
      expect(byId.get(s.o.S1)).toMatchObject({
        cycleId: s.cycles.annual,
        planId: s.plans.strategy,
        progress: 0.6,
        health: 'off_track',
      });
      expect(byId.get(s.o.P1)).toMatchObject({
        ownerType: 'user',
        ownerId: s.people.owner.id,
        ownerName: 'Mei',
        visibility: 'private',
        health: 'not_started',
      });
      expect(byId.get(s.o.P2)).toMatchObject({ progress: 0.2, health: 'off_track' });
    });

    it('hides a private objective and its edge from a peer member with 200', async () => {
      const res = await s.people.peer.api.get(`/cycles/${s.cycles.q4}/alignment`);
      expect(res.status).toBe(200);
      expect(nodeIds(res.body)).not.toContain(s.o.P1);
      expect(nodeIds(res.body)).toHaveLength(6);
      expect(edgeKeys(res.body)).not.toContain(edge(s.o.P1, s.o.T1));
      expect(edgeKeys(res.body)).toHaveLength(4);
      expect(JSON.stringify(res.body)).not.toContain('Prepare my move');
    });

    it('returns the same map in columns with format=compact, private objectives hidden alike', async () => {
      for (const who of [s.org.admin, s.people.peer] as const) {
        const full = await who.api.get(`/cycles/${s.cycles.q4}/alignment`);
        const res = await who.api.get(`/cycles/${s.cycles.q4}/alignment?format=compact`);
        expect(res.status).toBe(200);
        const c = res.body;
        expect(c.format).toBe('compact');
        expect(c.cycle).toEqual(full.body.cycle);
        expect(c.cycles[0]).toBe(s.cycles.q4);
        // expand the columns and compare with the full format, node by node
        const nodes = c.nodes.id.map((id: string, i: number) => {
          const p = c.nodes.plan[i];
          return {
            id,
            type: 'objective',
            title: c.nodes.title[i],
            planId: c.plans.id[p],
            ownerType: c.plans.ownerType[p],
            ownerId: c.plans.ownerId[p],
            ownerName: c.plans.ownerName[p],
            cycleId: c.cycles[c.plans.cycle[p]],
            progress: c.nodes.progress[i],
            health: c.healthCodes[c.nodes.health[i]],
            kind: c.nodes.flags[i] & 1 ? 'aspirational' : 'committed',
            visibility: c.nodes.flags[i] & 2 ? 'private' : 'public',
          };
        });
        const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
        expect(nodes.sort(byId)).toEqual([...full.body.nodes].sort(byId));
        const edges = c.edges.from.map((f: number, e: number) => ({
          from: c.nodes.id[f],
          to: c.nodes.id[c.edges.to[e]],
          ...(c.edges.viaKeyResultId[e] ? { viaKeyResultId: c.edges.viaKeyResultId[e] } : {}),
        }));
        expect(edgeKeys({ edges })).toEqual(edgeKeys(full.body));
      }
      const peer = await s.people.peer.api.get(`/cycles/${s.cycles.q4}/alignment?format=compact`);
      expect(peer.body.nodes.id).not.toContain(s.o.P1);
      expect(JSON.stringify(peer.body)).not.toContain('Prepare my move');
      const bad = await s.org.admin.api.get(`/cycles/${s.cycles.q4}/alignment?format=tiny`);
      expect(bad.status).toBe(400);
    });

    it("hides a private objective from another unit's leader", async () => {
      const res = await s.people.marketingLead.api.get(`/cycles/${s.cycles.q4}/alignment`);
      expect(nodeIds(res.body)).not.toContain(s.o.P1);
    });

    it("shows a private objective to its owner, the owner's unit leader, the leader above and an admin", async () => {
      for (const who of [
        s.people.owner,
        s.people.teamLead,
        s.people.salesLead,
        s.org.admin,
      ] as const) {
        const res = await who.api.get(`/cycles/${s.cycles.q4}/alignment`);
        expect(res.status).toBe(200);
        expect(nodeIds(res.body)).toContain(s.o.P1);
        expect(edgeKeys(res.body)).toContain(edge(s.o.P1, s.o.T1));
      }
    });

    it('scopes to a unit, its descendants and their members, adding the parents they align to', async () => {
      const { o } = s;
      const sales = await s.org.admin.api.get(
        `/cycles/${s.cycles.q4}/alignment?unitId=${s.units.sales}`,
      );
      expect(sales.status).toBe(200);
      expect(nodeIds(sales.body)).toEqual([o.D1, o.T1, o.P1, o.P2, o.C1, o.S1].sort());
      expect(edgeKeys(sales.body)).toEqual(
        [
          edge(o.D1, o.C1, s.companyKr),
          edge(o.T1, o.D1),
          edge(o.P1, o.T1),
          edge(o.C1, o.S1),
        ].sort(),
      );

      const team = await s.org.admin.api.get(
        `/cycles/${s.cycles.q4}/alignment?unitId=${s.units.team}`,
      );
      expect(nodeIds(team.body)).toEqual([o.T1, o.P1, o.P2, o.D1, o.C1, o.S1].sort());

      const marketing = await s.org.admin.api.get(
        `/cycles/${s.cycles.q4}/alignment?unitId=${s.units.marketing}`,
      );
      expect(nodeIds(marketing.body)).toEqual([o.K1, o.C1, o.S1].sort());
      expect(edgeKeys(marketing.body)).toEqual([edge(o.K1, o.C1), edge(o.C1, o.S1)].sort());
    });

    it('shows only the annual objectives on the annual map', async () => {
      const res = await s.people.peer.api.get(`/cycles/${s.cycles.annual}/alignment`);
      expect(res.status).toBe(200);
      expect(nodeIds(res.body)).toEqual([s.o.S1]);
      expect(res.body.edges).toEqual([]);
    });

    it("answers 404 for another organization's cycle or unit and 401 when signed out", async () => {
      const other = await t.factory.org('Other');
      const otherCycle = await t.factory.cycle(other);
      expect((await s.org.admin.api.get(`/cycles/${otherCycle}/alignment`)).status).toBe(404);
      expect((await other.admin.api.get(`/cycles/${s.cycles.q4}/alignment`)).status).toBe(404);
      const otherUnit = await s.org.admin.api.get(
        `/cycles/${s.cycles.q4}/alignment?unitId=${other.rootUnitId}`,
      );
      expect(otherUnit.status).toBe(404);
      expect(otherUnit.headers['content-type']).toMatch(/problem\+json/);
      expect((await s.org.admin.api.get('/cycles/nope/alignment')).status).toBe(404);
      expect((await t.client().get(`/cycles/${s.cycles.q4}/alignment`)).status).toBe(401);
    });

    it("never follows an alignment into another organization's objective", async () => {
      const other = await t.factory.org('Other');
      const otherCycle = await t.factory.cycle(other);
      const foreign = await insertPlanTree(t.ctx, other, {
        cycleId: otherCycle,
        ownerType: 'unit',
        ownerId: other.rootUnitId,
        objectives: [{ title: 'Foreign secret', keyResults: [{ progress: 0.5 }] }],
      });
      const cycle = await t.factory.cycle(s.org, { name: 'corrupt' });
      const mine = await insertPlanTree(t.ctx, s.org, {
        cycleId: cycle,
        ownerType: 'unit',
        ownerId: s.units.marketing,
        objectives: [
          { alignedToObjectiveId: foreign.objectives[0]!.id, keyResults: [{ progress: 0 }] },
        ],
      });
      const res = await s.org.admin.api.get(`/cycles/${cycle}/alignment`);
      expect(nodeIds(res.body)).toEqual([mine.objectives[0]!.id]);
      expect(res.body.edges).toEqual([]);
      expect(JSON.stringify(res.body)).not.toContain('Foreign secret');
    });

    it('rejects a malformed unitId with 400', async () => {
      const res = await s.org.admin.api.get(`/cycles/${s.cycles.q4}/alignment?unitId=`);
      expect(res.status).toBe(400);
    });

    it('documents the endpoint in the OpenAPI document', async () => {
      const doc = await t.client().get('/api/openapi.json');
      expect(doc.status).toBe(200);
      expect(doc.body.paths['/api/v1/cycles/{id}/alignment'].get).toBeDefined();
      expect(JSON.stringify(doc.body)).toContain('AlignmentMap');
    });
  });
}
