/**
 * GET /key-results?ownerId=&cycleId= — the KRs a person answers for in a cycle, on any plan: the
 * weekly check-in screen's one request.
 */
import { describe, expect, it } from 'vitest';
import type { Client } from '../helpers/app.js';
import { useTestApp } from '../helpers/app.js';
import { enginesToTest } from '../helpers/engines.js';
import { insertPlanTree } from '../helpers/tree.js';
import { approvePlan, buildPlan, expectStatus, scenario, type Scenario } from '../helpers/plans.js';

const list = (api: Client, query: string) => api.get(`/api/v1/key-results?${query}`);

/** Every item of the list, following nextCursor. */
async function all(api: Client, query: string, limit = 100): Promise<any[]> {
  const items: any[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 100; i++) {
    const page: any = await expectStatus(
      list(api, `${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`),
      200,
    );
    items.push(...page.items);
    cursor = page.nextCursor;
    if (cursor === null) return items;
  }
  throw new Error('the list does not end');
}

const ids = (items: any[]) => items.map((i) => i.keyResult.id).sort();

for (const { engine, skip } of await enginesToTest()) {
  describe.skipIf(skip)(`my key results on ${engine}`, () => {
    const t = useTestApp(engine);

    /**
     * The member's KRs live on three plans: their own (one unowned KR, one owned by the peer, one
     * on a private objective), the peer's (one owned by the member), the team's (one owned by the
     * member, one unowned, which is the team lead's).
     */
    async function world(s: Scenario) {
      const own = await buildPlan(
        s.member.api,
        { cycleId: s.cycleId, ownerType: 'user', ownerId: s.member.id },
        [
          {
            title: 'Delight customers',
            weight: 60,
            keyResults: [
              { title: 'Own unowned KR', weight: 50 },
              { title: 'Peer helps here', weight: 50, ownerId: s.peer.id },
            ],
          },
          {
            title: 'Secret bet',
            weight: 40,
            visibility: 'private',
            keyResults: [{ title: 'Secret KR', weight: 100, ownerId: s.member.id }],
          },
        ],
      );
      await approvePlan(s.member.api, s.teamLead.api, own.plan.id);
      const peers = await buildPlan(
        s.peer.api,
        { cycleId: s.cycleId, ownerType: 'user', ownerId: s.peer.id },
        [
          {
            title: 'Peer objective',
            weight: 100,
            keyResults: [
              { title: 'Member helps the peer', weight: 60, ownerId: s.member.id },
              { title: 'Peer alone', weight: 40 },
            ],
          },
        ],
      );
      await approvePlan(s.peer.api, s.teamLead.api, peers.plan.id);
      const team = await buildPlan(
        s.teamLead.api,
        { cycleId: s.cycleId, ownerType: 'unit', ownerId: s.teamId },
        [
          {
            title: 'Team objective',
            weight: 100,
            keyResults: [
              { title: 'Member on the team plan', weight: 50, ownerId: s.member.id },
              { title: 'Team unowned', weight: 50 },
            ],
          },
        ],
      );
      // the team plan stays a draft: its KRs are listed, but no check-in is due on them
      const [ownO, secretO] = own.objectives;
      return {
        own,
        peers,
        team,
        ownKr: ownO.keyResults[0],
        peerHelpsKr: ownO.keyResults[1],
        secretKr: secretO.keyResults[0],
        memberOnPeerKr: peers.objectives[0].keyResults[0],
        peerAloneKr: peers.objectives[0].keyResults[1],
        memberOnTeamKr: team.objectives[0].keyResults[0],
        teamUnownedKr: team.objectives[0].keyResults[1],
      };
    }

    it("lists every KR the person answers for, on their own, a colleague's and the unit's plan", async () => {
      const s = await scenario(t);
      const w = await world(s);
      const mine = await all(s.member.api, `ownerId=me&cycleId=${s.cycleId}`);
      expect(ids(mine)).toEqual(
        [w.ownKr.id, w.secretKr.id, w.memberOnPeerKr.id, w.memberOnTeamKr.id].sort(),
      );
      const onPeer = mine.find((i) => i.keyResult.id === w.memberOnPeerKr.id);
      expect(onPeer).toMatchObject({
        keyResult: {
          id: w.memberOnPeerKr.id,
          title: 'Member helps the peer',
          ownerId: s.member.id,
          currentValue: 0,
          progress: 0,
          health: 'not_started',
          lastCheckInAt: null,
          progressSource: 'manual',
        },
        objective: { id: w.peers.objectives[0].id, title: 'Peer objective', priority: 1 },
        plan: {
          id: w.peers.plan.id,
          cycleId: s.cycleId,
          ownerType: 'user',
          ownerId: s.peer.id,
          ownerName: 'Peer',
          state: 'approved',
        },
        responsibility: 'owner',
        lastCheckIn: null,
        checkInDue: true,
      });
      expect(onPeer.plan.expectedProgress).toBeGreaterThan(0);
      expect(onPeer.keyResult.actions).toBeUndefined();
      const own = mine.find((i) => i.keyResult.id === w.ownKr.id);
      expect(own).toMatchObject({ responsibility: 'planWriter', checkInDue: true });
      const onTeam = mine.find((i) => i.keyResult.id === w.memberOnTeamKr.id);
      expect(onTeam).toMatchObject({
        plan: { ownerType: 'unit', ownerId: s.teamId, ownerName: 'Team', state: 'draft' },
        checkInDue: false,
      });

      // the same person by id; the team lead answers for the team plan's unowned KR
      const byId = await all(s.member.api, `ownerId=${s.member.id}&cycleId=${s.cycleId}`);
      expect(ids(byId)).toEqual(ids(mine));
      const lead = await all(s.teamLead.api, `ownerId=me&cycleId=${s.cycleId}`);
      expect(ids(lead)).toEqual([w.teamUnownedKr.id]);
      const peer = await all(s.peer.api, `ownerId=me&cycleId=${s.cycleId}`);
      expect(ids(peer)).toEqual([w.peerHelpsKr.id, w.peerAloneKr.id].sort());
    });

    it('shows the last check-in and whether one is due this week', async () => {
      const s = await scenario(t);
      const w = await world(s);
      t.setNow('2026-11-20T04:00:00.000Z'); // a Friday, noon in Shanghai
      await expectStatus(
        s.member.api.post(`/key-results/${w.memberOnPeerKr.id}/check-ins`, {
          value: 30,
          confidence: 7,
          note: 'Three deals',
          blockers: 'Pricing',
        }),
        201,
      );
      const item = (items: any[]) => items.find((i) => i.keyResult.id === w.memberOnPeerKr.id);
      const now = item(await all(s.member.api, `ownerId=me&cycleId=${s.cycleId}`));
      expect(now).toMatchObject({
        keyResult: { currentValue: 30, progress: 0.3, confidence: 7 },
        lastCheckIn: {
          value: 30,
          confidence: 7,
          note: 'Three deals',
          blockers: 'Pricing',
          authorId: s.member.id,
          createdAt: '2026-11-20T04:00:00.000Z',
        },
        checkInDue: false,
      });
      expect(now.keyResult.health).not.toBe('not_started');
      try {
        // Sunday 23:30 in Shanghai: still the same week
        t.setNow('2026-11-22T15:30:00.000Z');
        expect(item(await all(s.member.api, `ownerId=me&cycleId=${s.cycleId}`)).checkInDue).toBe(
          false,
        );
        // Monday 00:30 in Shanghai: a new week, due again; the last check-in stays
        t.setNow('2026-11-22T16:30:00.000Z');
        const monday = item(await all(s.member.api, `ownerId=me&cycleId=${s.cycleId}`));
        expect(monday.checkInDue).toBe(true);
        expect(monday.lastCheckIn.value).toBe(30);
      } finally {
        t.setNow('2026-11-20T04:00:00.000Z');
      }
    });

    it("hides a private objective's KRs from those who may not read them", async () => {
      const s = await scenario(t);
      const w = await world(s);
      const query = `ownerId=${s.member.id}&cycleId=${s.cycleId}`;
      const everyone = [w.ownKr.id, w.memberOnPeerKr.id, w.memberOnTeamKr.id];
      const withSecret = [...everyone, w.secretKr.id].sort();
      // the owner, the leaders above them and admins read the private objective
      for (const reader of [s.member, s.teamLead, s.salesLead, s.admin]) {
        expect(ids(await all(reader.api, query))).toEqual(withSecret);
      }
      // a colleague in the same team and someone in another department do not
      for (const other of [s.peer, s.stranger, s.otherLead]) {
        const items = await all(other.api, query);
        expect(ids(items)).toEqual([...everyone].sort());
        expect(JSON.stringify(items)).not.toContain('Secret');
      }
    });

    it('pages with a cursor, skipping hidden KRs, without repeats', async () => {
      const s = await scenario(t);
      const w = await world(s);
      const query = `ownerId=${s.member.id}&cycleId=${s.cycleId}`;
      const first: any = await expectStatus(list(s.stranger.api, `${query}&limit=1`), 200);
      expect(first.items).toHaveLength(1);
      expect(first.nextCursor).toEqual(expect.any(String));
      const paged = await all(s.stranger.api, query, 1);
      expect(ids(paged)).toEqual([w.ownKr.id, w.memberOnPeerKr.id, w.memberOnTeamKr.id].sort());
      const readerPaged = await all(s.member.api, query, 2);
      expect(readerPaged).toHaveLength(4);
      expect(new Set(ids(readerPaged)).size).toBe(4);
      // oldest first, the same order as one big page
      const whole = await all(s.member.api, query);
      expect(readerPaged.map((i) => i.keyResult.id)).toEqual(whole.map((i) => i.keyResult.id));
    });

    it('fills pages past many hidden KRs (more than one read batch)', async () => {
      const s = await scenario(t);
      // the peer's plan: 250 KRs of the member under a private objective, 3 under a public one
      const tree = await insertPlanTree(t.ctx, s.org, {
        cycleId: s.cycleId,
        ownerType: 'user',
        ownerId: s.peer.id,
        state: 'approved',
        objectives: [
          {
            visibility: 'private',
            keyResults: Array.from({ length: 250 }, () => ({ ownerId: s.member.id })),
          },
          { keyResults: Array.from({ length: 3 }, () => ({ ownerId: s.member.id })) },
        ],
      });
      const [hidden, shown] = tree.objectives;
      const query = `ownerId=${s.member.id}&cycleId=${s.cycleId}`;
      for (const limit of [1, 2, 100]) {
        const items = await all(s.member.api, query, limit);
        expect(ids(items), `limit ${limit}`).toEqual([...(shown?.keyResultIds ?? [])].sort());
      }
      const lead = await all(s.teamLead.api, query, 100);
      expect(lead).toHaveLength(253);
      expect(new Set(ids(lead)).size).toBe(253);
      expect(ids(lead)).toEqual(
        [...(hidden?.keyResultIds ?? []), ...(shown?.keyResultIds ?? [])].sort(),
      );
    });

    it("never shows another organization's KRs, cycles or people", async () => {
      const s = await scenario(t);
      const w = await world(s);
      const other = await scenario(t);
      const theirs = await buildPlan(
        other.member.api,
        { cycleId: other.cycleId, ownerType: 'user', ownerId: other.member.id },
        [{ weight: 100, keyResults: [{ weight: 100, ownerId: other.member.id }] }],
      );
      await approvePlan(other.member.api, other.teamLead.api, theirs.plan.id);

      const mine = await all(s.member.api, `ownerId=me&cycleId=${s.cycleId}`);
      expect(mine.every((i) => i.plan.cycleId === s.cycleId)).toBe(true);
      expect(ids(mine)).not.toContain(theirs.objectives[0].keyResults[0].id);
      // their cycle and their people are unknown here, and ours there
      for (const [api, query] of [
        [s.member.api, `ownerId=me&cycleId=${other.cycleId}`],
        [s.admin.api, `ownerId=${other.member.id}&cycleId=${s.cycleId}`],
        [other.admin.api, `ownerId=${s.member.id}&cycleId=${other.cycleId}`],
        [other.admin.api, `ownerId=me&cycleId=${s.cycleId}`],
      ] as const) {
        const res = await list(api, query);
        expect(res.status, query).toBe(404);
        expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
      }
      expect(ids(await all(other.member.api, `ownerId=me&cycleId=${other.cycleId}`))).toEqual([
        theirs.objectives[0].keyResults[0].id,
      ]);
      expect(w.own.plan.id).toBeDefined();
    });

    it('answers a bad ownerId, cycleId or cursor with problem+json 400 or 404', async () => {
      const s = await scenario(t);
      const cases: [string, number, string | null][] = [
        [`ownerId=me`, 400, 'querystring.cycleId'],
        [`cycleId=${s.cycleId}`, 400, 'querystring.ownerId'],
        [`ownerId=${'x'.repeat(65)}&cycleId=${s.cycleId}`, 400, 'querystring.ownerId'],
        [`ownerId=me&cycleId=`, 400, 'querystring.cycleId'],
        [`ownerId=me&cycleId=${s.cycleId}&limit=0`, 400, 'querystring.limit'],
        [`ownerId=me&cycleId=${s.cycleId}&cursor=nonsense`, 400, 'query.cursor'],
        [`ownerId=no-such-user&cycleId=${s.cycleId}`, 404, null],
        [`ownerId=me&cycleId=no-such-cycle`, 404, null],
      ];
      for (const [query, status, path] of cases) {
        const res = await list(s.member.api, query);
        expect(res.status, query).toBe(status);
        expect(String(res.headers['content-type']), query).toMatch(/^application\/problem\+json/);
        expect(res.body.status, query).toBe(status);
        if (path !== null) {
          expect(
            (res.body.errors as { path: string }[]).map((e) => e.path),
            query,
          ).toContain(path);
        }
      }
      expect(res404Title(await list(s.member.api, `ownerId=nobody&cycleId=${s.cycleId}`))).toMatch(
        /user/i,
      );
      expect(res404Title(await list(s.member.api, `ownerId=me&cycleId=nothing`))).toMatch(/cycle/i);
      // no session, no list
      expect(
        (await t.client().get(`/api/v1/key-results?ownerId=me&cycleId=${s.cycleId}`)).status,
      ).toBe(401);
    });
  });
}

function res404Title(res: { body: any }): string {
  return `${res.body.title ?? ''} ${res.body.detail ?? ''}`;
}
