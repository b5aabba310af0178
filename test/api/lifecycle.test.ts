/**
 * The seed's cycle end to end (设定目标 → 审核 → 跟踪 → 及时调整 → 评估 → 复盘): a department and a
 * member set aligned OKRs, the leader sends the member's plan back once and approves it, the member
 * checks in, adjusts a target with a reason (approved by the leader), the cycle moves to review,
 * self and final scores are set, the retrospective is written, the plan closes, and what is
 * unfinished carries over into the next quarter.
 */
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { enginesToTest } from '../helpers/engines.js';
import { expectStatus, scenario } from '../helpers/plans.js';

for (const { engine, skip } of await enginesToTest()) {
  describe.skipIf(skip)(`the OKR cycle end to end on ${engine}`, () => {
    const t = useTestApp(engine);

    it('runs approve → check-ins → adjustment → review → scores → retrospective → close → carry-over', async () => {
      const s = await scenario(t, { state: 'planning' });
      const { admin, salesLead, teamLead, member } = s;
      const at = (iso: string) => t.setNow(iso);
      try {
        await expectStatus(
          admin.api.patch('/organization', { settings: { adjustmentsNeedApproval: true } }),
          200,
        );

        // 设定目标: the department's plan, approved by the admin (the root's leader)
        at('2026-09-25T02:00:00.000Z');
        const sales = await expectStatus(
          salesLead.api.post('/plans', {
            cycleId: s.cycleId,
            ownerType: 'unit',
            ownerId: s.salesId,
          }),
          201,
        );
        const salesObjective = await expectStatus(
          salesLead.api.post(`/plans/${sales.id}/objectives`, {
            title: '成为华东区企业客户的首选供应商',
            weight: 100,
          }),
          201,
        );
        const salesKr = await expectStatus(
          salesLead.api.post(`/objectives/${salesObjective.id}/key-results`, {
            title: '华东区新签企业客户数',
            metricType: 'number',
            startValue: 0,
            targetValue: 40,
            weight: 100,
          }),
          201,
        );
        await expectStatus(salesLead.api.post(`/plans/${sales.id}/submit`, {}), 200);
        await expectStatus(admin.api.post(`/plans/${sales.id}/approve`, {}), 200);

        // the member's plan, aligned to the department's objective
        const mine = await expectStatus(
          member.api.post('/plans', { cycleId: s.cycleId, ownerType: 'user', ownerId: member.id }),
          201,
        );
        const objective = await expectStatus(
          member.api.post(`/plans/${mine.id}/objectives`, {
            title: '打开华东区重点行业市场',
            weight: 100,
            alignedToObjectiveId: salesObjective.id,
          }),
          201,
        );
        const deals = await expectStatus(
          member.api.post(`/objectives/${objective.id}/key-results`, {
            title: '新签重点行业客户',
            metricType: 'number',
            unit: '家',
            startValue: 0,
            targetValue: 10,
            weight: 70,
            ownerId: member.id,
          }),
          201,
        );
        const revenue = await expectStatus(
          member.api.post(`/objectives/${objective.id}/key-results`, {
            title: '重点行业合同额',
            metricType: 'currency',
            unit: '万元',
            startValue: 0,
            targetValue: 500,
            weight: 30,
          }),
          201,
        );

        // 审核目标: sent back once, then approved
        at('2026-09-26T02:00:00.000Z');
        await expectStatus(member.api.post(`/plans/${mine.id}/submit`, {}), 200);
        at('2026-09-27T02:00:00.000Z');
        await expectStatus(
          teamLead.api.post(`/plans/${mine.id}/request-changes`, {
            comment: '合同额的基线写清楚',
          }),
          200,
        );
        at('2026-09-28T02:00:00.000Z');
        await expectStatus(member.api.post(`/plans/${mine.id}/submit`, {}), 200);
        at('2026-09-29T02:00:00.000Z');
        const approved = await expectStatus(
          teamLead.api.post(`/plans/${mine.id}/approve`, { comment: '同意，按周跟进' }),
          200,
        );
        expect(approved.state).toBe('approved');

        // the quarter starts; weekly check-ins (跟踪)
        at('2026-10-01T01:00:00.000Z');
        await expectStatus(admin.api.patch(`/cycles/${s.cycleId}`, { state: 'active' }), 200);
        const weekly: [string, string, number][] = [
          ['2026-10-09T09:00:00.000Z', deals.id, 2],
          ['2026-10-09T09:05:00.000Z', revenue.id, 80],
          ['2026-10-16T09:00:00.000Z', deals.id, 4],
          ['2026-10-23T09:00:00.000Z', deals.id, 5],
          ['2026-10-23T09:05:00.000Z', revenue.id, 150],
        ];
        for (const [when, krId, value] of weekly) {
          at(when);
          await expectStatus(member.api.post(`/key-results/${krId}/check-ins`, { value }), 201);
        }

        // 及时调整: a target change with its reason waits for the leader; the old target holds
        at('2026-10-26T02:00:00.000Z');
        const proposal = await member.api.patch(`/key-results/${deals.id}`, { targetValue: 8 });
        expect(proposal.status).toBe(422);
        const pending = await member.api.patch(`/key-results/${deals.id}`, {
          targetValue: 8,
          reason: '两家目标客户推迟到明年采购',
        });
        expect(pending.status).toBe(202);
        const held = await expectStatus(member.api.get(`/key-results/${deals.id}`), 200);
        expect(held).toMatchObject({ targetValue: 10, progress: 0.5 });
        at('2026-10-27T02:00:00.000Z');
        await expectStatus(
          teamLead.api.post(`/adjustments/${pending.body.id}/accept`, { comment: '同意' }),
          200,
        );
        const adjusted = await expectStatus(member.api.get(`/key-results/${deals.id}`), 200);
        expect(adjusted).toMatchObject({ targetValue: 8, progress: 0.625 });
        at('2026-11-06T09:00:00.000Z');
        await expectStatus(
          member.api.post(`/key-results/${deals.id}/check-ins`, { value: 6 }),
          201,
        );

        const history = await expectStatus(s.peer.api.get(`/plans/${mine.id}/history`), 200);
        expect(
          history.items.map((h: any) =>
            h.type === 'review'
              ? `${h.decision} ${h.comment ?? ''}`.trim()
              : `${h.status} ${h.reason}`,
          ),
        ).toEqual([
          'accepted 两家目标客户推迟到明年采购',
          'approved 同意，按周跟进',
          'submitted',
          'changes_requested 合同额的基线写清楚',
          'submitted',
        ]);
        const diff = await expectStatus(member.api.get(`/plans/${mine.id}/diff`), 200);
        expect(diff.changes).toEqual([
          expect.objectContaining({
            targetId: deals.id,
            field: 'targetValue',
            before: 10,
            after: 8,
          }),
        ]);

        // 评估: the quarter ends and is reviewed
        at('2027-01-04T02:00:00.000Z');
        await expectStatus(admin.api.patch(`/cycles/${s.cycleId}`, { state: 'reviewing' }), 200);
        const review = await expectStatus(member.api.get(`/plans/${mine.id}`), 200);
        // deals 6 / 8 = 0.75 → 0.8; revenue 150 / 500 = 0.3
        expect(review.objectives[0].keyResults.map((k: any) => k.score)).toEqual([0.8, 0.3]);
        const self = await expectStatus(
          member.api.put(`/key-results/${deals.id}/score`, {
            score: 0.8,
            note: '完成 6 家，另有 2 家在走合同',
          }),
          200,
        );
        expect(self).toMatchObject({ selfScore: 0.8, score: 0.8 });
        const final = await expectStatus(
          teamLead.api.put(`/key-results/${deals.id}/score`, {
            score: 0.7,
            note: '走合同的不计入',
          }),
          200,
        );
        expect(final).toMatchObject({ selfScore: 0.8, finalScore: 0.7, score: 0.7 });
        expect(
          (await member.api.put(`/key-results/${deals.id}/score`, { score: 1.5 })).status,
        ).toBe(400);

        // 复盘
        await expectStatus(
          member.api.put(`/plans/${mine.id}/retrospective`, {
            wentWell: '制造业客户转化快',
            wentBadly: '合同额跟进不足',
            lessons: '每周五复盘合同进度',
            carryOver: '重点行业合同额',
          }),
          201,
        );

        // close: final scores fixed, then read-only
        const closed = await expectStatus(teamLead.api.post(`/plans/${mine.id}/close`, {}), 200);
        expect(closed.state).toBe('closed');
        const [o] = closed.objectives;
        expect(o.keyResults.map((k: any) => k.finalScore)).toEqual([0.7, 0.3]);
        expect(o.score).toBeCloseTo(0.7 * 0.7 + 0.3 * 0.3, 10);
        expect(o).toMatchObject({ kind: 'committed', miss: true, scoreBand: 'yellow' });
        expect(closed.score).toBeCloseTo(0.58, 10);
        expect(
          (await member.api.post(`/key-results/${revenue.id}/check-ins`, { value: 300 })).status,
        ).toBe(409);
        expect(
          (
            await member.api.patch(`/key-results/${revenue.id}`, {
              targetValue: 300,
              reason: 'Too late',
            })
          ).status,
        ).toBe(409);

        // closing the cycle closes the department's plan with its scores fixed
        await expectStatus(admin.api.patch(`/cycles/${s.cycleId}`, { state: 'closed' }), 200);
        const salesClosed = await expectStatus(salesLead.api.get(`/plans/${sales.id}`), 200);
        expect(salesClosed.state).toBe('closed');
        expect(salesClosed.objectives[0].keyResults[0]).toMatchObject({
          id: salesKr.id,
          finalScore: 0,
        });

        // the unit's summary for its review meeting
        const summary = await expectStatus(
          salesLead.api.get(`/units/${s.salesId}/cycles/${s.cycleId}/summary`),
          200,
        );
        expect(summary).toMatchObject({
          provisional: false,
          plans: { total: 2, counted: 2, withRetrospective: 1 },
        });
        expect(summary.committedMisses).toHaveLength(2);
        expect(summary.biggestAdjustments.byTargetChange[0]).toMatchObject({
          keyResultId: deals.id,
          before: 10,
          after: 8,
          status: 'accepted',
        });

        // carry-over into the next quarter: the unfinished objective with both its KRs
        const q1 = await t.factory.cycle(s.org, {
          name: '2027 Q1',
          startDate: '2027-01-01',
          endDate: '2027-03-31',
          state: 'planning',
        });
        const carried = await expectStatus(
          member.api.post(`/plans/${mine.id}/carry-over`, { toCycleId: q1 }),
          201,
        );
        expect(carried.plan).toMatchObject({ cycleId: q1, state: 'draft', ownerId: member.id });
        const [next] = carried.plan.objectives;
        expect(next).toMatchObject({
          title: '打开华东区重点行业市场',
          carriedFromObjectiveId: objective.id,
          // the department objective of the old quarter does not reach into the new one
          alignedToObjectiveId: null,
        });
        expect(
          next.keyResults.map((k: any) => [k.carriedFromKeyResultId, k.startValue, k.targetValue]),
        ).toEqual([
          [deals.id, 6, 8],
          [revenue.id, 150, 500],
        ]);
      } finally {
        t.setNow('2026-11-20T04:00:00.000Z');
      }
    });
  });
}
