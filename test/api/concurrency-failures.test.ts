/**
 * A transaction the database undoes because of a concurrent one (a PostgreSQL deadlock; SQLite
 * busy while another process holds the write lock) answers 503 problem+json with Retry-After:
 * nothing of it is kept, no stack trace leaks, and the same request succeeds once the other
 * transaction is gone. The conflicts are real: a second connection holds the locks.
 */
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { enginesToTest } from '../helpers/engines.js';
import { approvePlan, buildPlan, expectStatus, scenario, type Scenario } from '../helpers/plans.js';

for (const { engine, skip } of await enginesToTest()) {
  describe.skipIf(skip)(`transactions undone by concurrent ones on ${engine}`, () => {
    const t = useTestApp(engine);

    /** The team's KR (progress from the objectives aligned to it) and the member's KR below it. */
    async function alignedPlans(s: Scenario) {
      const team = await buildPlan(
        s.teamLead.api,
        { cycleId: s.cycleId, ownerType: 'unit', ownerId: s.teamId },
        [{ weight: 100, keyResults: [{ weight: 100, progressSource: 'aligned' }] }],
      );
      const member = await buildPlan(
        s.member.api,
        { cycleId: s.cycleId, ownerType: 'user', ownerId: s.member.id },
        [
          {
            weight: 100,
            alignedToKeyResultId: team.objectives[0].keyResults[0].id,
            keyResults: [{ weight: 100 }],
          },
        ],
      );
      await approvePlan(s.teamLead.api, s.salesLead.api, team.plan.id);
      await approvePlan(s.member.api, s.teamLead.api, member.plan.id);
      return {
        teamPlanId: team.plan.id as string,
        memberPlanId: member.plan.id as string,
        krId: member.objectives[0].keyResults[0].id as string,
      };
    }

    const checkInsOf = async (krId: string) =>
      (
        await t.ctx.db
          .selectFrom('check_ins')
          .select('id')
          .where('key_result_id', '=', krId)
          .execute()
      ).length;

    function expectBusy(res: { status: number; headers: Record<string, unknown>; body: any }) {
      expect(res.status).toBe(503);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.headers['retry-after']).toBe('1');
      expect(res.body).toMatchObject({ status: 503, code: 'busy' });
      expect(JSON.stringify(res.body)).not.toMatch(/deadlock|SQLITE|at \w+ \(/);
    }

    if (engine === 'postgres') {
      it('answers 503 when a check-in is chosen to break a deadlock, and keeps nothing of it', async () => {
        const s = await scenario(t);
        const { teamPlanId, memberPlanId, krId } = await alignedPlans(s);
        const answer = await t.ctx.db.connection().execute(async (other) => {
          await sql`begin`.execute(other);
          // this side waits long before looking for deadlocks: the check-in's side finds this one
          await sql`set local deadlock_timeout = '20s'`.execute(other);
          await sql`select id from plans where id = ${teamPlanId} for update`.execute(other);
          // the check-in locks the member's plan, then waits for the team's plan to roll up into
          const pending = s.member.api.post(`/key-results/${krId}/check-ins`, { value: 40 });
          for (let i = 0; i < 200; i++) {
            const waiting = await sql<{ n: number }>`
              select count(*)::int as n from pg_stat_activity
              where datname = current_database() and wait_event_type = 'Lock'`.execute(other);
            if (waiting.rows[0]!.n > 0) break;
            await new Promise((r) => setTimeout(r, 25));
          }
          // … and this side now wants the member's plan: a deadlock
          await sql`select id from plans where id = ${memberPlanId} for update`.execute(other);
          const res = await pending;
          await sql`rollback`.execute(other);
          return res;
        });
        expectBusy(answer);
        expect(await checkInsOf(krId)).toBe(0);
        await expectStatus(s.member.api.post(`/key-results/${krId}/check-ins`, { value: 40 }), 201);
        expect(await checkInsOf(krId)).toBe(1);
      });
    } else {
      it('answers 503 when another process holds the write lock', async () => {
        const s = await scenario(t);
        const { krId } = await alignedPlans(s);
        const other = new SQLite(t.databaseUrl.replace(/^file:/, ''));
        try {
          other.exec('begin immediate');
          // the check-in's read transaction cannot become the writer: SQLite gives up
          const res = await s.member.api.post(`/key-results/${krId}/check-ins`, { value: 40 });
          other.exec('rollback');
          expectBusy(res);
        } finally {
          other.close();
        }
        expect(await checkInsOf(krId)).toBe(0);
        await expectStatus(s.member.api.post(`/key-results/${krId}/check-ins`, { value: 40 }), 201);
        expect(await checkInsOf(krId)).toBe(1);
      }, 20_000);
    }
  });
}
