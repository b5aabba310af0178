/**
 * The seed's process for a business department (business-department-okr.zh.txt), through the API
 * only: the admin sets up units, people and cycles → company OKRs on the annual strategy cycle →
 * 商业部门 OKRs aligned to a company KR → 市场部 OKRs aligned to a 商业部门 KR (审核目标: submit,
 * refused while the weights are wrong, approved by the right leader) → a member's personal OKRs →
 * weekly check-ins → progress, health, expected progress, alignment and dashboard, computed by
 * hand from domain.md "Progress".
 */
import { describe, expect, it } from 'vitest';
import { useTestApp, type Client } from '../helpers/app.js';
import { enginesToTest } from '../helpers/engines.js';
import { TEST_PASSWORD } from '../helpers/factories.js';
import { expectStatus } from '../helpers/plans.js';
import { signIn } from '../helpers/session.js';

const DAY_MS = 86_400_000;
const PASSWORD = 'okr-walkthrough-2026';

/** fractions computed by hand: equal up to float noise (1e-9) */
const close = (actual: unknown, expected: number, what: string) =>
  expect(actual as number, what).toBeCloseTo(expected, 9);

for (const { engine, skip } of await enginesToTest()) {
  describe.skipIf(skip)(`the seed's business-department walkthrough on ${engine}`, () => {
    // The walk spans seven weeks: sessions must outlive it (each person signs in once).
    const t = useTestApp(engine, { sessionIdleMs: 120 * DAY_MS, sessionAbsoluteMs: 120 * DAY_MS });

    it('sets up, plans, reviews and tracks OKRs from the company down to a member', async () => {
      // ---- 1. The admin (策略办) sets up units, people and cycles ---------------------------------
      t.setNow('2026-09-20T02:00:00.000Z');
      const org = await t.factory.org('北极星科技');
      const admin = (await signIn(t, org.admin.email, TEST_PASSWORD)).api;
      const me = await expectStatus(admin.get('/me'), 200);
      const rootUnitId: string = me.unitIds[0];

      const person = async (name: string, email: string) =>
        expectStatus(
          admin.post('/users', {
            email,
            name,
            role: 'member',
            password: PASSWORD,
            locale: 'zh-CN',
          }),
          201,
        );
      const bizLeadUser = await person('王商业', 'wang.biz@example.test');
      const mktLeadUser = await person('李市场', 'li.mkt@example.test');
      const salesLeadUser = await person('赵销售', 'zhao.sales@example.test');
      const zhangUser = await person('张小明', 'zhang.xm@example.test');

      const unit = async (name: string, parentId: string, leaderId: string) =>
        (await expectStatus(admin.post('/units', { name, parentId, leaderId }), 201)).id as string;
      const bizId = await unit('商业部门', rootUnitId, bizLeadUser.id);
      const mktId = await unit('市场部', bizId, mktLeadUser.id);
      const salesId = await unit('销售部', bizId, salesLeadUser.id);
      expect((await admin.post(`/units/${mktId}/members/${zhangUser.id}`, {})).status).toBe(204);
      const mkt = await expectStatus(admin.get(`/units/${mktId}`), 200);
      expect(new Set(mkt.memberIds)).toEqual(new Set([mktLeadUser.id, zhangUser.id]));
      expect(salesId).toBeTruthy();

      const year = await expectStatus(
        admin.post('/cycles', {
          name: '2026 年度战略',
          kind: 'year',
          startDate: '2026-01-01',
          endDate: '2026-12-31',
        }),
        201,
      );
      const quarter = await expectStatus(
        admin.post('/cycles', {
          name: '2026 Q4',
          kind: 'quarter',
          startDate: '2026-10-01',
          endDate: '2026-12-31',
          parentId: year.id,
        }),
        201,
      );
      expect(quarter.state).toBe('planning');
      for (const c of [year, quarter]) {
        const active = await expectStatus(admin.patch(`/cycles/${c.id}`, { state: 'active' }), 200);
        expect(active.version).toBe(2);
      }

      const bizLead = (await signIn(t, 'wang.biz@example.test', PASSWORD)).api;
      const mktLead = (await signIn(t, 'li.mkt@example.test', PASSWORD)).api;
      const salesLead = (await signIn(t, 'zhao.sales@example.test', PASSWORD)).api;
      const zhang = (await signIn(t, 'zhang.xm@example.test', PASSWORD)).api;

      // Small builders over the API (what the UI does field by field).
      const newPlan = async (api: Client, cycleId: string, ownerType: string, ownerId: string) =>
        expectStatus<{ id: string; version: number }>(
          api.post('/plans', { cycleId, ownerType, ownerId }),
          201,
        );
      const objective = async (api: Client, planId: string, body: Record<string, unknown>) =>
        (await expectStatus(api.post(`/plans/${planId}/objectives`, body), 201)).id as string;
      const keyResult = async (api: Client, objectiveId: string, body: Record<string, unknown>) =>
        (await expectStatus(api.post(`/objectives/${objectiveId}/key-results`, body), 201))
          .id as string;

      // ---- 2. Company OKRs on the annual strategy cycle, approved by the admin --------------------
      t.setNow('2026-09-25T02:00:00.000Z');
      const company = await newPlan(admin, year.id, 'unit', rootUnitId);
      const C1 = await objective(admin, company.id, {
        title: '成为华东市场的领导者',
        kind: 'committed',
        priority: 1,
        weight: 60,
      });
      // c1a follows the 商业部门 objectives aligned to it
      const c1a = await keyResult(admin, C1, {
        title: '华东市场份额从 10% 提升到 25%',
        metricType: 'percent',
        unit: '%',
        startValue: 10,
        targetValue: 25,
        weight: 50,
        priority: 1,
        progressSource: 'aligned',
      });
      const c1b = await keyResult(admin, C1, {
        title: '年度营收从 0 达到 1 亿元',
        metricType: 'currency',
        unit: '百万元',
        startValue: 0,
        targetValue: 100,
        weight: 50,
        priority: 2,
      });
      const C2 = await objective(admin, company.id, {
        title: '打造一支卓越的团队',
        kind: 'aspirational',
        priority: 2,
        weight: 40,
      });
      const c2a = await keyResult(admin, C2, {
        title: '核心岗位继任计划上线',
        metricType: 'boolean',
        weight: 100,
        priority: 1,
      });
      await expectStatus(admin.post(`/plans/${company.id}/submit`, {}), 200);
      const companyApproved = await expectStatus(
        admin.post(`/plans/${company.id}/approve`, {}),
        200,
      );
      // the root unit's plan has no leader above it: an admin approves (approverId null)
      expect(companyApproved).toMatchObject({ state: 'approved', approverId: null });

      // ---- 3. 商业部门 OKRs (Q4) aligned to the company KR c1a -------------------------------------
      const biz = await newPlan(bizLead, quarter.id, 'unit', bizId);
      const B1 = await objective(bizLead, biz.id, {
        title: '华东市场销售额实现突破',
        priority: 1,
        weight: 70,
        alignedToKeyResultId: c1a,
      });
      // b1a follows the 市场部 objective aligned to it
      const b1a = await keyResult(bizLead, B1, {
        title: '市场部品牌目标达成',
        metricType: 'percent',
        startValue: 0,
        targetValue: 100,
        weight: 60,
        priority: 1,
        progressSource: 'aligned',
      });
      const b1b = await keyResult(bizLead, B1, {
        title: '季度销售额从 0 达到 3000 万元',
        metricType: 'currency',
        unit: '万元',
        startValue: 0,
        targetValue: 3000,
        weight: 40,
        priority: 2,
        ownerId: salesLeadUser.id,
      });
      const B2 = await objective(bizLead, biz.id, {
        title: '建立跨部门协同机制',
        priority: 2,
        weight: 30,
      });
      const b2a = await keyResult(bizLead, B2, {
        title: '产销协同例会机制落地',
        metricType: 'boolean',
        weight: 100,
      });
      await expectStatus(bizLead.post(`/plans/${biz.id}/submit`, {}), 200);
      const bizApproved = await expectStatus(admin.post(`/plans/${biz.id}/approve`, {}), 200);
      // the approver of 商业部门 is the leader of the company unit: the admin
      expect(bizApproved).toMatchObject({ state: 'approved', approverId: org.admin.id });

      // ---- 4. 市场部 OKRs aligned to b1a, weights and priorities, actions with dates ------------
      t.setNow('2026-10-02T02:00:00.000Z');
      const mktPlan = await newPlan(mktLead, quarter.id, 'unit', mktId);
      const M1 = await objective(mktLead, mktPlan.id, {
        title: '提升品牌在华东的影响力',
        priority: 1,
        weight: 60,
        alignedToKeyResultId: b1a,
      });
      const m1a = await keyResult(mktLead, M1, {
        title: '品牌搜索指数从 200 提升到 500',
        metricType: 'number',
        startValue: 200,
        targetValue: 500,
        weight: 50,
        priority: 1,
        dueDate: '2026-12-31',
      });
      const m1b = await keyResult(mktLead, M1, {
        title: '单客获客成本从 300 元降到 200 元',
        metricType: 'currency',
        unit: '元',
        startValue: 300,
        targetValue: 200,
        weight: 30,
        priority: 2,
      });
      const m1c = await keyResult(mktLead, M1, {
        title: '华东官网改版上线',
        metricType: 'boolean',
        weight: 10, // wrong on purpose: 50 + 30 + 10 = 90
        priority: 3,
      });
      const M2 = await objective(mktLead, mktPlan.id, {
        title: '建设高效的市场团队',
        priority: 2,
        weight: 30, // wrong on purpose: 60 + 30 = 90
      });
      const m2a = await keyResult(mktLead, M2, {
        title: '线索转化率从 5% 提升到 8%',
        metricType: 'percent',
        unit: '%',
        startValue: 5,
        targetValue: 8,
        weight: 100,
        ownerId: zhangUser.id,
      });
      const action = async (body: Record<string, unknown>) =>
        (await expectStatus(mktLead.post(`/key-results/${m1a}/actions`, body), 201)).id as string;
      const subway = await action({
        title: '华东地铁广告投放',
        startDate: '2026-10-08',
        dueDate: '2026-10-31',
      });
      await action({
        title: 'KOL 合作推广',
        ownerId: zhangUser.id,
        startDate: '2026-11-01',
        dueDate: '2026-11-30',
      });
      const whitepaper = await action({
        title: '发布行业白皮书',
        startDate: '2026-10-15',
        dueDate: '2026-11-12',
      });

      // ---- 5. 审核目标: submit refused while the weights do not sum to 100 ---------------------
      const before = await expectStatus(mktLead.get(`/plans/${mktPlan.id}`), 200);
      const refused = await mktLead.post(`/plans/${mktPlan.id}/submit`, {});
      expect(refused.status).toBe(422);
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
      const errors = refused.body.errors as { path: string; message: string; code: string }[];
      expect(errors).toHaveLength(2);
      expect(errors).toContainEqual(
        expect.objectContaining({
          path: 'objectives',
          code: 'plan.objective_weights_not_100',
          message: expect.stringContaining('sum to 90'),
        }),
      );
      expect(errors).toContainEqual(
        expect.objectContaining({
          path: `objectives[${M1}].keyResults`,
          code: 'objective.key_result_weights_not_100',
          message: expect.stringContaining('sum to 90'),
        }),
      );
      const still = await expectStatus(mktLead.get(`/plans/${mktPlan.id}`), 200);
      expect(still).toMatchObject({ state: 'draft', version: before.version });

      // fix the weights: M2 40 (60 + 40), m1c 20 (50 + 30 + 20)
      await expectStatus(mktLead.patch(`/objectives/${M2}`, { weight: 40 }), 200);
      await expectStatus(mktLead.patch(`/key-results/${m1c}`, { weight: 20 }), 200);
      const submitted = await expectStatus(mktLead.post(`/plans/${mktPlan.id}/submit`, {}), 200);
      // the approver of a unit plan is the leader of its parent unit: 商业部门's
      expect(submitted).toMatchObject({ state: 'in_review', approverId: bizLeadUser.id });

      // the next morning: a peer unit's leader and the plan's own leader may not approve it
      t.setNow('2026-10-03T01:00:00.000Z');
      expect((await salesLead.post(`/plans/${mktPlan.id}/approve`, {})).status).toBe(403);
      expect((await mktLead.post(`/plans/${mktPlan.id}/approve`, {})).status).toBe(403);
      const approved = await expectStatus(
        bizLead.post(`/plans/${mktPlan.id}/approve`, { comment: '目标清晰，同意' }),
        200,
      );
      expect(approved.state).toBe('approved');
      const reviews = await expectStatus(mktLead.get(`/plans/${mktPlan.id}/reviews`), 200);
      expect(reviews.items.map((r: { decision: string }) => r.decision)).toEqual([
        'approved',
        'submitted',
      ]);
      expect(reviews.items[0]).toMatchObject({
        reviewerId: bizLeadUser.id,
        comment: '目标清晰，同意',
      });

      // ---- 6. A member's personal OKRs aligned to the 市场部 plan ----------------------------
      const personal = await newPlan(zhang, quarter.id, 'user', zhangUser.id);
      const P1 = await objective(zhang, personal.id, {
        title: '把线索跟进做扎实',
        priority: 1,
        weight: 100,
        alignedToObjectiveId: M2,
      });
      const p1a = await keyResult(zhang, P1, {
        title: '本季度跟进线索从 0 到 240 条',
        metricType: 'number',
        startValue: 0,
        targetValue: 240,
        weight: 100,
        ownerId: zhangUser.id,
      });
      const zhangSubmitted = await expectStatus(
        zhang.post(`/plans/${personal.id}/submit`, {}),
        200,
      );
      // a member's plan goes to the leader of their unit
      expect(zhangSubmitted.approverId).toBe(mktLeadUser.id);
      await expectStatus(mktLead.post(`/plans/${personal.id}/approve`, {}), 200);

      // ---- 7. Weekly check-ins (every Friday, 12:00 Asia/Shanghai) ------------------------------
      const checkIn = async (api: Client, krId: string, value: number) =>
        expectStatus(api.post(`/key-results/${krId}/check-ins`, { value, confidence: 7 }), 201);

      t.setNow('2026-10-09T04:00:00.000Z'); // week 1
      await checkIn(mktLead, m1a, 230);
      await checkIn(zhang, m2a, 5.3); // 张小明 owns m2a: the KR owner checks in on the unit's plan
      t.setNow('2026-10-16T04:00:00.000Z'); // week 2
      await checkIn(salesLead, b1b, 300); // 赵销售 owns b1b on 商业部门's plan
      await checkIn(admin, c1b, 60);
      t.setNow('2026-10-23T04:00:00.000Z'); // week 3
      await checkIn(mktLead, m1a, 290);
      const w3 = await checkIn(mktLead, m1b, 290);
      // m1a (290 − 200) / (500 − 200) = 0.3; m1b (300 − 290) / (300 − 200) = 0.1; m1c 0
      // M1 = (50·0.3 + 30·0.1 + 20·0) / 100 = 0.18
      // M2 = m2a (5.3 − 5) / (8 − 5) = 0.1; 市场部 = (60·0.18 + 40·0.1) / 100 = 0.148
      close(w3.keyResult.progress, 0.1, 'm1b after week 3');
      expect(w3.objective.id).toBe(M1);
      close(w3.objective.progress, 0.18, 'M1 after week 3');
      expect(w3.plan.id).toBe(mktPlan.id);
      close(w3.plan.progress, 0.148, '市场部 after week 3');
      // expected: 22.5 of 92 days (Oct 1 00:00 → Oct 23 12:00, Asia/Shanghai) = 0.2446;
      // 0.1 < 0.2446 − 0.10 but ≥ 0.2446 − 0.25: at risk
      expect(w3.keyResult.health).toBe('at_risk');
      await checkIn(zhang, p1a, 48);
      t.setNow('2026-10-30T04:00:00.000Z'); // week 4
      await checkIn(zhang, m2a, 5.6);
      await checkIn(salesLead, b1b, 600);
      t.setNow('2026-11-06T04:00:00.000Z'); // week 5
      await checkIn(mktLead, m1a, 350);
      await checkIn(mktLead, m1c, 1);
      await checkIn(zhang, m2a, 5.9);
      await checkIn(admin, c1b, 80);
      await expectStatus(mktLead.patch(`/actions/${subway}`, { state: 'done' }), 200);
      t.setNow('2026-11-13T04:00:00.000Z'); // week 6
      await checkIn(mktLead, m1b, 280);
      await checkIn(zhang, p1a, 120);
      const last = await checkIn(salesLead, b1b, 900);
      expect(last.checkIn).toMatchObject({ keyResultId: b1b, value: 900, confidence: 7 });

      // ---- 8. Read everything at Monday 2026-11-16 00:00 Asia/Shanghai --------------------------
      t.setNow('2026-11-15T16:00:00.000Z');
      // Q4: Oct 1 00:00 → Jan 1 00:00 is 92 days; 46 have passed: expected = 46 / 92 = 0.5
      //   on_track ≥ 0.5 − 0.10 = 0.40; at_risk ≥ 0.5 − 0.25 = 0.25; else off_track
      const Q4 = 46 / 92;
      // the year: Jan 1 → Nov 16 is 304 (Jan…Oct) + 15 = 319 of 365 days = 0.87397…
      //   on_track ≥ 0.77397; at_risk ≥ 0.62397; else off_track
      const YEAR = 319 / 365;

      // 市场部 KRs
      //   m1a (350 − 200) / 300 = 0.5 → on_track
      //   m1b (300 − 280) / (300 − 200) = 0.2 (decrease) → off_track
      //   m1c boolean, 1 → 1 → on_track
      //   m2a (5.9 − 5) / (8 − 5) = 0.3 → at_risk
      // M1 = (50·0.5 + 30·0.2 + 20·1) / 100 = 0.51 → on_track
      // M2 = 0.3 → at_risk
      // 市场部 = (60·0.51 + 40·0.3) / 100 = 0.426 → on_track
      const mktNow = await expectStatus(zhang.get(`/plans/${mktPlan.id}`), 200);
      close(mktNow.progress, 0.426, '市场部 progress');
      close(mktNow.expectedProgress, Q4, '市场部 expected');
      expect(mktNow.health).toBe('on_track');
      const [mM1, mM2] = mktNow.objectives;
      expect([mM1.id, mM2.id]).toEqual([M1, M2]); // by priority
      close(mM1.progress, 0.51, 'M1');
      expect(mM1.health).toBe('on_track');
      close(mM2.progress, 0.3, 'M2');
      expect(mM2.health).toBe('at_risk');
      const krs: Record<string, any> = Object.fromEntries(
        [...mM1.keyResults, ...mM2.keyResults].map((k: { id: string }) => [k.id, k]),
      );
      close(krs[m1a].progress, 0.5, 'm1a');
      expect(krs[m1a].health).toBe('on_track');
      expect(krs[m1a].currentValue).toBe(350);
      close(krs[m1b].progress, 0.2, 'm1b');
      expect(krs[m1b]).toMatchObject({ direction: 'decrease', health: 'off_track' });
      close(krs[m1c].progress, 1, 'm1c');
      expect(krs[m1c].health).toBe('on_track');
      close(krs[m2a].progress, 0.3, 'm2a');
      expect(krs[m2a].health).toBe('at_risk');
      expect(mM1.keyResults.map((k: { id: string }) => k.id)).toEqual([m1a, m1b, m1c]);
      const actions: Record<string, any> = Object.fromEntries(
        krs[m1a].actions.map((a: { id: string }) => [a.id, a]),
      );
      expect(actions[subway]).toMatchObject({ state: 'done', overdue: false });
      // due 2026-11-12 and not done: overdue on 11-16
      expect(actions[whitepaper]).toMatchObject({ state: 'todo', overdue: true });

      const history = await expectStatus(zhang.get(`/key-results/${m1b}/check-ins`), 200);
      expect(history.items.map((c: { value: number }) => c.value)).toEqual([280, 290]);

      // 商业部门
      //   b1a (aligned) = the weighted mean of the objectives aligned to it = M1 = 0.51 → on_track
      //   b1b 900 / 3000 = 0.3 → at_risk
      //   B1 = (60·0.51 + 40·0.3) / 100 = 0.426 → on_track
      //   b2a boolean, never checked in → 0, not_started; B2 = 0, not_started
      //   商业部门 = (70·0.426 + 30·0) / 100 = 0.2982 → at_risk
      const bizNow = await expectStatus(bizLead.get(`/plans/${biz.id}`), 200);
      close(bizNow.progress, 0.2982, '商业部门 progress');
      expect(bizNow.health).toBe('at_risk');
      const [bB1, bB2] = bizNow.objectives;
      close(bB1.progress, 0.426, 'B1');
      expect(bB1.health).toBe('on_track');
      close(bB1.keyResults[0].progress, 0.51, 'b1a follows M1');
      expect(bB1.keyResults[0]).toMatchObject({ id: b1a, progressSource: 'aligned' });
      expect(bB1.keyResults[0].health).toBe('on_track');
      close(bB1.keyResults[1].progress, 0.3, 'b1b');
      expect(bB1.keyResults[1].health).toBe('at_risk');
      expect(bB2).toMatchObject({ id: B2, progress: 0, health: 'not_started' });
      expect(bB2.keyResults[0]).toMatchObject({ id: b2a, progress: 0, health: 'not_started' });

      // Company (the year)
      //   c1a (aligned) = B1 = 0.426 → off_track (< 0.62397)
      //   c1b 80 / 100 = 0.8 → on_track (≥ 0.77397)
      //   C1 = (50·0.426 + 50·0.8) / 100 = 0.613 → off_track (< 0.62397)
      //   c2a never checked in: C2 = 0, not_started
      //   company = (60·0.613 + 40·0) / 100 = 0.3678 → off_track
      const companyNow = await expectStatus(salesLead.get(`/plans/${company.id}`), 200);
      close(companyNow.progress, 0.3678, 'company progress');
      close(companyNow.expectedProgress, YEAR, 'company expected');
      expect(companyNow.health).toBe('off_track');
      const [cC1, cC2] = companyNow.objectives;
      close(cC1.progress, 0.613, 'C1');
      expect(cC1.health).toBe('off_track');
      close(cC1.keyResults[0].progress, 0.426, 'c1a follows B1');
      expect(cC1.keyResults[0]).toMatchObject({ id: c1a, health: 'off_track' });
      close(cC1.keyResults[1].progress, 0.8, 'c1b');
      expect(cC1.keyResults[1]).toMatchObject({ id: c1b, health: 'on_track' });
      expect(cC2).toMatchObject({ id: C2, progress: 0, health: 'not_started' });
      expect(cC2.keyResults[0]).toMatchObject({ id: c2a, progress: 0 });

      // 张小明: p1a 120 / 240 = 0.5 → on_track; P1 = plan = 0.5
      const mine = await expectStatus(zhang.get(`/plans/${personal.id}`), 200);
      close(mine.progress, 0.5, '张小明 progress');
      expect(mine.health).toBe('on_track');

      // ---- 9. The alignment map of Q4: its objectives plus their parents in the year -----------
      const map = await expectStatus(zhang.get(`/cycles/${quarter.id}/alignment`), 200);
      close(map.cycle.expectedProgress, Q4, 'map expected');
      const nodes: Record<string, any> = Object.fromEntries(
        map.nodes.map((n: { id: string }) => [n.id, n]),
      );
      expect(Object.keys(nodes).sort()).toEqual([B1, B2, M1, M2, P1, C1].sort());
      expect(nodes[M1]).toMatchObject({
        type: 'objective',
        planId: mktPlan.id,
        health: 'on_track',
      });
      expect(nodes[M1]).toMatchObject({ ownerType: 'unit', ownerId: mktId });
      close(nodes[M1].progress, 0.51, 'node M1');
      expect(nodes[M2].health).toBe('at_risk');
      close(nodes[B1].progress, 0.426, 'node B1');
      expect(nodes[B2].health).toBe('not_started');
      expect(nodes[P1]).toMatchObject({ ownerType: 'user', ownerId: zhangUser.id });
      close(nodes[P1].progress, 0.5, 'node P1');
      // C1 is measured against its own (annual) cycle
      expect(nodes[C1]).toMatchObject({
        planId: company.id,
        cycleId: year.id,
        health: 'off_track',
      });
      close(nodes[C1].progress, 0.613, 'node C1');
      const edgeKey = (e: { from: string; to: string; viaKeyResultId?: string }) =>
        `${e.from}→${e.to}${e.viaKeyResultId ? ` via ${e.viaKeyResultId}` : ''}`;
      expect(map.edges.map(edgeKey).sort()).toEqual(
        [`${M1}→${B1} via ${b1a}`, `${B1}→${C1} via ${c1a}`, `${P1}→${M2}`].sort(),
      );
      for (const e of map.edges) expect(e.kind).toBe('aligned');

      // ---- 10. The dashboard of Q4 --------------------------------------------------------------
      const dash = await expectStatus(bizLead.get(`/cycles/${quarter.id}/dashboard`), 200);
      close(dash.expectedProgress, Q4, 'dashboard expected');
      expect(dash.unitId).toBe(rootUnitId);
      // the company has no Q4 plan: the mean of the scope's unit plans (0.2982 + 0.426) / 2
      close(dash.progress, (0.2982 + 0.426) / 2, 'dashboard progress');
      // objectives of approved plans: B1 on, B2 not started, M1 on, M2 at risk, P1 on
      expect(dash.health).toEqual({ on_track: 3, at_risk: 1, off_track: 0, not_started: 1 });
      // KRs: b1a on, b1b at risk, b2a not started, m1a on, m1b off, m1c on, m2a at risk, p1a on
      expect(dash.keyResultHealth).toEqual({
        on_track: 4,
        at_risk: 2,
        off_track: 1,
        not_started: 1,
      });
      // lagging KRs, worst first: m1b 0.2, then b1b and m2a at 0.3
      expect(dash.atRisk[0]).toMatchObject({ id: m1b, health: 'off_track', planId: mktPlan.id });
      expect(dash.atRisk.map((k: { id: string }) => k.id).sort()).toEqual([m1b, b1b, m2a].sort());
      for (const k of dash.atRisk) close(k.expectedProgress, Q4, `atRisk ${k.id} expected`);
      // checked in since Nov 9 00:00: m1b, p1a, b1b (week 6) and b1a (follows M1's week-6
      // check-in) = 4 of 8 KRs
      close(dash.checkInRate, 4 / 8, 'checkInRate');
      expect(dash.plansByState).toEqual({
        draft: 0,
        in_review: 0,
        changes_requested: 0,
        approved: 3,
        closed: 0,
      });
      const units: Record<string, any> = Object.fromEntries(
        dash.units.map((u: { unitId: string }) => [u.unitId, u]),
      );
      expect(dash.units.map((u: { unitId: string }) => u.unitId)).toEqual([
        rootUnitId,
        bizId,
        mktId,
        salesId,
      ]);
      expect(units[rootUnitId]).toMatchObject({ planId: null, progress: null, health: null });
      expect(units[bizId]).toMatchObject({ planId: biz.id, health: 'at_risk' });
      close(units[bizId].progress, 0.2982, 'unit 商业部门');
      expect(units[mktId]).toMatchObject({ planId: mktPlan.id, health: 'on_track' });
      close(units[mktId].progress, 0.426, 'unit 市场部');
      expect(units[salesId]).toMatchObject({ planId: null, progress: null });

      // 市场部's own scope: its plan and 张小明's
      const mktDash = await expectStatus(
        mktLead.get(`/cycles/${quarter.id}/dashboard?unitId=${mktId}`),
        200,
      );
      close(mktDash.progress, 0.426, '市场部 dashboard progress');
      expect(mktDash.health).toEqual({ on_track: 2, at_risk: 1, off_track: 0, not_started: 0 });
      expect(mktDash.keyResultHealth).toEqual({
        on_track: 3,
        at_risk: 1,
        off_track: 1,
        not_started: 0,
      });
      expect(mktDash.atRisk.map((k: { id: string }) => k.id)).toEqual([m1b, m2a]);
      // m1b and p1a checked in during the last 7 days: 2 of 5
      close(mktDash.checkInRate, 2 / 5, '市场部 checkInRate');
    });
  });
}
