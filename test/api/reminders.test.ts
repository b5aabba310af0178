import { describe, expect, it } from 'vitest';
import { runReminders, startScheduler } from '../../src/jobs/scheduler.js';
import { notify } from '../../src/modules/notifications/notifications.service.js';
import { newId } from '../../src/shared/ids.js';
import { useTestApp } from '../helpers/app.js';
import { enginesToTest } from '../helpers/engines.js';
import { approvePlan, buildPlan, expectStatus, scenario, type Scenario } from '../helpers/plans.js';

/** Friday 2026-11-27 10:00 in Shanghai (ISO week 2026-W48). */
const FRIDAY = '2026-11-27T02:00:00.000Z';

for (const { engine, skip } of await enginesToTest()) {
  describe.skipIf(skip)(`check-in reminders on ${engine}`, () => {
    const t = useTestApp(engine);

    /**
     * Approved plans before the week of the reminders: the member's (one KR of theirs, one owned
     * by the peer) and the team's (led by the team lead, no owner on its KR).
     */
    async function duePlans(s: Scenario) {
      t.setNow('2026-11-02T04:00:00.000Z');
      const member = await buildPlan(
        s.member.api,
        { cycleId: s.cycleId, ownerType: 'user', ownerId: s.member.id },
        [{ weight: 100, keyResults: [{ weight: 50 }, { weight: 50, ownerId: s.peer.id }] }],
      );
      await approvePlan(s.member.api, s.teamLead.api, member.plan.id);
      const team = await buildPlan(
        s.teamLead.api,
        { cycleId: s.cycleId, ownerType: 'unit', ownerId: s.teamId },
        [{ weight: 100, keyResults: [{ weight: 100 }] }],
      );
      await approvePlan(s.teamLead.api, s.salesLead.api, team.plan.id);
      return { member, team };
    }

    const remindersOf = (orgId: string) =>
      t.ctx.db
        .selectFrom('notifications')
        .select(['user_id', 'dedupe_key', 'data', 'read_at'])
        .where('organization_id', '=', orgId)
        .where('kind', '=', 'check_in_reminder')
        .orderBy('user_id')
        .execute();

    /** the reminder job's audit entries for `orgId` */
    const reminderAudits = (orgId: string) =>
      t.ctx.db
        .selectFrom('audit_entries')
        .select(['action', 'actor_id', 'after'])
        .where('organization_id', '=', orgId)
        .where('action', '=', 'notification.checkInReminders')
        .execute();

    const runFor = (runs: Awaited<ReturnType<typeof runReminders>>, orgId: string) =>
      runs.find((r) => r.organizationId === orgId);

    it('reminds each person with KRs due once for the ISO week, however often it runs', async () => {
      const s = await scenario(t);
      const { member } = await duePlans(s);
      const [mine, peers] = member.objectives[0].keyResults;

      const first = runFor(await runReminders(t.ctx, new Date(FRIDAY)), s.org.id);
      expect(first).toEqual({
        organizationId: s.org.id,
        isoWeek: '2026-W48',
        remindedUserIds: [s.member.id, s.peer.id, s.teamLead.id].sort(),
      });
      const second = runFor(
        await runReminders(t.ctx, new Date('2026-11-27T09:00:00.000Z')),
        s.org.id,
      );
      expect(second).toEqual({
        organizationId: s.org.id,
        isoWeek: '2026-W48',
        remindedUserIds: [],
      });

      const rows = await remindersOf(s.org.id);
      expect(rows.map((r) => [r.user_id, r.dedupe_key])).toEqual(
        [s.member.id, s.peer.id, s.teamLead.id].sort().map((id) => [id, '2026-W48']),
      );
      const memberRow = rows.find((r) => r.user_id === s.member.id)!;
      expect(JSON.parse(memberRow.data)).toEqual({
        isoWeek: '2026-W48',
        count: 1,
        keyResultIds: [mine.id],
      });
      const peerRow = rows.find((r) => r.user_id === s.peer.id)!;
      expect(JSON.parse(peerRow.data).keyResultIds).toEqual([peers.id]);

      t.setNow(FRIDAY);
      const notes = await expectStatus(
        s.member.api.get('/notifications?kind=check_in_reminder'),
        200,
      );
      expect(notes.items).toEqual([
        expect.objectContaining({
          kind: 'check_in_reminder',
          actorId: null,
          read: false,
          createdAt: FRIDAY,
          data: { isoWeek: '2026-W48', count: 1, keyResultIds: [mine.id] },
        }),
      ]);
      const audits = await reminderAudits(s.org.id);
      expect(audits.map(({ action, actor_id }) => ({ action, actor_id }))).toEqual([
        { action: 'notification.checkInReminders', actor_id: null },
      ]);

      // the next week's cadence day reminds again
      const nextWeek = runFor(
        await runReminders(t.ctx, new Date('2026-12-04T02:00:00.000Z')),
        s.org.id,
      );
      expect(nextWeek?.isoWeek).toBe('2026-W49');
      expect(nextWeek?.remindedUserIds).toHaveLength(3);
    });

    it('creates each reminder once when two runs race (two server processes)', async () => {
      const s = await scenario(t);
      await duePlans(s);
      const [a, b] = await Promise.all([
        runReminders(t.ctx, new Date(FRIDAY)),
        runReminders(t.ctx, new Date(FRIDAY)),
      ]);
      const reminded = [
        ...(runFor(a, s.org.id)?.remindedUserIds ?? []),
        ...(runFor(b, s.org.id)?.remindedUserIds ?? []),
      ].sort();
      expect(reminded).toEqual([s.member.id, s.peer.id, s.teamLead.id].sort());
      expect(runFor(a, s.org.id)?.error).toBeUndefined();
      expect(runFor(b, s.org.id)?.error).toBeUndefined();
      expect(await remindersOf(s.org.id)).toHaveLength(3);
      const audits = await reminderAudits(s.org.id);
      expect(audits.length).toBeGreaterThanOrEqual(1);
      expect(audits.length).toBeLessThanOrEqual(2);
    });

    it('creates nothing on the other weekdays', async () => {
      const s = await scenario(t);
      await duePlans(s);
      for (const day of [
        '2026-11-23',
        '2026-11-24',
        '2026-11-25',
        '2026-11-26',
        '2026-11-28',
        '2026-11-29',
      ]) {
        const run = runFor(await runReminders(t.ctx, new Date(`${day}T02:00:00.000Z`)), s.org.id);
        expect(run).toEqual({ organizationId: s.org.id, isoWeek: null, remindedUserIds: [] });
      }
      expect(await remindersOf(s.org.id)).toEqual([]);
    });

    it("follows the organization's timezone and cadence day", async () => {
      const s = await scenario(t);
      await duePlans(s);
      // 17:00 UTC on Thursday is already Friday 01:00 in Shanghai
      const shanghai = runFor(
        await runReminders(t.ctx, new Date('2026-11-26T17:00:00.000Z')),
        s.org.id,
      );
      expect(shanghai?.isoWeek).toBe('2026-W48');

      const ny = await scenario(t);
      await duePlans(ny);
      await expectStatus(
        ny.admin.api.patch('/organization', { timezone: 'America/New_York' }),
        200,
      );
      // …but still Thursday noon in New York
      const early = runFor(
        await runReminders(t.ctx, new Date('2026-11-26T17:00:00.000Z')),
        ny.org.id,
      );
      expect(early?.isoWeek).toBeNull();
      const friday = runFor(
        await runReminders(t.ctx, new Date('2026-11-27T14:00:00.000Z')),
        ny.org.id,
      );
      expect(friday?.remindedUserIds).toHaveLength(3);

      const monday = await scenario(t);
      await duePlans(monday);
      await expectStatus(
        monday.admin.api.patch('/organization', { settings: { checkInWeekday: 1 } }),
        200,
      );
      expect(
        runFor(await runReminders(t.ctx, new Date(FRIDAY)), monday.org.id)?.isoWeek,
      ).toBeNull();
      const run = runFor(
        await runReminders(t.ctx, new Date('2026-11-30T02:00:00.000Z')),
        monday.org.id,
      );
      expect(run?.isoWeek).toBe('2026-W49');
      expect(run?.remindedUserIds).toHaveLength(3);
    });

    it('leaves out KRs checked in this week, KRs of plans not approved, and inactive people', async () => {
      const s = await scenario(t);
      const { member } = await duePlans(s);
      const [mine] = member.objectives[0].keyResults;
      await buildPlan(
        s.stranger.api,
        { cycleId: s.cycleId, ownerType: 'user', ownerId: s.stranger.id },
        [{ weight: 100, keyResults: [{ weight: 100 }] }],
      );
      t.setNow('2026-11-23T04:00:00.000Z');
      await expectStatus(s.member.api.post(`/key-results/${mine.id}/check-ins`, { value: 5 }), 201);
      await t.ctx.db.updateTable('users').set({ active: 0 }).where('id', '=', s.peer.id).execute();

      const run = runFor(await runReminders(t.ctx, new Date(FRIDAY)), s.org.id);
      expect(run?.remindedUserIds).toEqual([s.teamLead.id]);
    });

    it('reminds a company too large for one transaction or one INSERT, each person once', async () => {
      const s = await scenario(t);
      const { member } = await duePlans(s);
      const [mine] = member.objectives[0].keyResults;
      // 5,100 more people, each owning a KR of the member's approved plan that is due: one INSERT
      // of all their reminders would bind more values than SQLite (32,766) or PostgreSQL (65,535) take
      const person = await t.ctx.db
        .selectFrom('users')
        .selectAll()
        .where('id', '=', s.peer.id)
        .executeTakeFirstOrThrow();
      const kr = await t.ctx.db
        .selectFrom('key_results')
        .selectAll()
        .where('id', '=', mine.id)
        .executeTakeFirstOrThrow();
      const extra = Array.from({ length: 5_100 }, (_, i) => ({
        ...person,
        id: newId(),
        email: `bulk-${i}-${person.email}`,
        name: `Bulk ${i}`,
      }));
      for (let i = 0; i < extra.length; i += 100) {
        const users = extra.slice(i, i + 100);
        await t.ctx.db.insertInto('users').values(users).execute();
        await t.ctx.db
          .insertInto('key_results')
          .values(users.map((u) => ({ ...kr, id: newId(), owner_id: u.id })))
          .execute();
      }

      const first = runFor(await runReminders(t.ctx, new Date(FRIDAY)), s.org.id);
      expect(first?.remindedUserIds).toHaveLength(5_103);
      expect(new Set(first?.remindedUserIds).size).toBe(5_103);
      const rows = await remindersOf(s.org.id);
      expect(rows).toHaveLength(5_103);
      // 500 people per transaction, each with its audit entry
      const audits = await reminderAudits(s.org.id);
      expect(audits.map((a) => JSON.parse(a.after!).userIds.length).sort((x, y) => x - y)).toEqual([
        103,
        ...Array(10).fill(500),
      ]);
      const again = runFor(await runReminders(t.ctx, new Date(FRIDAY)), s.org.id);
      expect(again?.remindedUserIds).toEqual([]);

      // one notify of everyone: more rows than one INSERT takes
      const everyone = rows.map((r) => r.user_id);
      const inserted = await notify(
        t.ctx.db,
        s.org.id,
        FRIDAY,
        everyone.map((userId) => ({
          userId,
          kind: 'check_in_reminder',
          dedupeKey: 'x',
          actorId: null,
        })),
      );
      expect(inserted.sort()).toEqual(everyone.slice().sort());
    }, 60_000);

    it("the scheduler's runs skip an organization already reminded this week", async () => {
      const s = await scenario(t);
      await duePlans(s);
      const done = new Set<string>();
      const first = runFor(await runReminders(t.ctx, new Date(FRIDAY), done), s.org.id);
      expect(first?.remindedUserIds).toHaveLength(3);
      expect(done.has(`${s.org.id}/2026-W48`)).toBe(true);
      // were the due KRs read again, these people would be reminded again
      await t.ctx.db.deleteFrom('notifications').where('organization_id', '=', s.org.id).execute();
      const skipped = runFor(await runReminders(t.ctx, new Date(FRIDAY), done), s.org.id);
      expect(skipped).toEqual({
        organizationId: s.org.id,
        isoWeek: '2026-W48',
        remindedUserIds: [],
      });
      const fresh = runFor(await runReminders(t.ctx, new Date(FRIDAY)), s.org.id);
      expect(fresh?.remindedUserIds).toHaveLength(3);
    });

    it('runs the reminders on a timer and stops cleanly', async () => {
      const s = await scenario(t);
      await duePlans(s);
      t.setNow(FRIDAY);
      const scheduler = startScheduler(t.ctx, { firstRunMs: 0, intervalMs: 60_000 });
      try {
        for (let i = 0; i < 100 && (await remindersOf(s.org.id)).length < 3; i++) {
          await new Promise((r) => setTimeout(r, 50));
        }
      } finally {
        await scheduler.stop();
      }
      expect(await remindersOf(s.org.id)).toHaveLength(3);
    });
  });
}
