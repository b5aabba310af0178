import { describe, expect, it } from 'vitest';
import { useTestApp, type Response } from '../helpers/app.js';
import { enginesToTest } from '../helpers/engines.js';
import { buildPlan, expectStatus, ONE_KR, scenario, type Scenario } from '../helpers/plans.js';

const HAN = /\p{Script=Han}/u;

/** A draft with an activity KR, a vague one and a too-small objective, in Chinese. */
const DRAFT = {
  objectives: [
    {
      title: '打造行业领先的获客能力',
      keyResults: [{ title: '线索转化率从8%提升到12%' }, { title: '举办3场行业峰会' }],
    },
    { title: '提升客户满意度', keyResults: [{ title: '优化客户服务流程' }] },
  ],
};

const rulesOf = (report: { findings: { rule: string; target: { id: string } }[] }) =>
  report.findings.map((f) => `${f.rule} @ ${f.target.id}`);

for (const { engine, skip } of await enginesToTest()) {
  describe.skipIf(skip)(`quality coach on ${engine}`, () => {
    const t = useTestApp(engine);

    const memberPlan = (s: Scenario) => ({
      cycleId: s.cycleId,
      ownerType: 'user' as const,
      ownerId: s.member.id,
    });
    const setSettings = async (s: Scenario, settings: object) =>
      expectStatus(s.admin.api.patch('/organization', { settings }), 200);
    const auditCount = async (targetId: string) =>
      (
        await t.ctx.db
          .selectFrom('audit_entries')
          .select('id')
          .where('target_id', '=', targetId)
          .execute()
      ).length;

    describe('POST /quality/parse-key-result', () => {
      it.each([
        [
          '线索转化率从8%提升到12%',
          {
            metricType: 'percent',
            unit: '%',
            startValue: 8,
            targetValue: 12,
            direction: 'increase',
          },
        ],
        [
          '客户流失率从10%降低到6%',
          {
            metricType: 'percent',
            unit: '%',
            startValue: 10,
            targetValue: 6,
            direction: 'decrease',
          },
        ],
        [
          '官网月访问量从2万提升到5万',
          { metricType: 'number', startValue: 20000, targetValue: 50000, direction: 'increase' },
        ],
        [
          'Cut churn from 5% to 3%',
          {
            metricType: 'percent',
            unit: '%',
            startValue: 5,
            targetValue: 3,
            direction: 'decrease',
          },
        ],
      ])('reads the metric of "%s" (200)', async (title, expected) => {
        const s = await scenario(t);
        const body = await expectStatus(
          s.member.api.post('/quality/parse-key-result', { title }),
          200,
        );
        expect(body).toEqual({ ...expected, confidence: expect.any(Number) });
        expect(body.confidence).toBeGreaterThan(0.5);
      });

      it('leaves out what the sentence does not tell, with confidence 0 (200)', async () => {
        const s = await scenario(t);
        const body = await expectStatus(
          s.member.api.post('/quality/parse-key-result', { title: 'Improve team morale' }),
          200,
        );
        expect(body).toEqual({ confidence: 0 });
      });

      it('answers 401 without sign-in and 400 for a blank or too long title', async () => {
        const s = await scenario(t);
        expect((await t.client().post('/quality/parse-key-result', { title: 'x' })).status).toBe(
          401,
        );
        for (const title of ['', 'x'.repeat(201)]) {
          const res = await s.member.api.post('/quality/parse-key-result', { title });
          expect(res.status).toBe(400);
        }
        const locale = await s.member.api.post('/quality/parse-key-result', {
          title: 'Cut churn from 5% to 3%',
          locale: 'fr',
        });
        expect(locale.status).toBe(400);
      });
    });

    describe('POST /quality/check', () => {
      it('targets findings by index path and judges no owners or weights of a draft (200)', async () => {
        const s = await scenario(t);
        const report = await expectStatus(s.member.api.post('/quality/check', DRAFT), 200);
        expect(rulesOf(report)).toEqual([
          'kr-is-activity @ objectives[0].keyResults[1]',
          'kr-no-baseline @ objectives[0].keyResults[1]',
          'objective-too-few-krs @ objectives[1]',
          'kr-not-measurable @ objectives[1].keyResults[0]',
          'kr-vague @ objectives[1].keyResults[0]',
        ]);
        expect(report.findings[3]).toEqual({
          rule: 'kr-not-measurable',
          severity: 'error',
          target: { type: 'keyResult', id: 'objectives[1].keyResults[0]' },
          message: expect.stringContaining('优化客户服务流程'),
          suggestion: expect.any(String),
        });
        // error 20 + four warnings of 8
        expect(report.score).toBe(100 - 20 - 4 * 8);
      });

      it('uses the structured fields a form sends and parses the titles for the rest (200)', async () => {
        const s = await scenario(t);
        const report = await expectStatus(
          s.member.api.post('/quality/check', {
            locale: 'en',
            objectives: [
              {
                title: 'Delight our customers',
                keyResults: [
                  {
                    title: 'Net promoter score',
                    metricType: 'number',
                    startValue: 40,
                    targetValue: 41,
                  },
                  { title: 'Cut churn from 5% to 3%' },
                ],
              },
            ],
          }),
          200,
        );
        expect(rulesOf(report)).toEqual(['kr-not-challenging @ objectives[0].keyResults[0]']);
      });

      it("writes in the body's locale, else ?locale=, else the user's, else the organization's", async () => {
        const s = await scenario(t);
        const messages = async (res: Promise<Response>) =>
          (await expectStatus(res, 200)).findings.map((f: any) => f.message as string);

        // the organization's zh-CN by default
        const byDefault = await messages(s.member.api.post('/quality/check', DRAFT));
        expect(byDefault[0]).toMatch(/^关键结果“举办3场行业峰会”/);
        const english = await messages(
          s.member.api.post('/quality/check', { ...DRAFT, locale: 'en' }),
        );
        expect(english[0]).toMatch(/^Key result "举办3场行业峰会" counts work/);
        expect(await messages(s.member.api.post('/quality/check?locale=en', DRAFT))).toEqual(
          english,
        );
        // the body wins over the query string
        const chinese = await messages(
          s.member.api.post('/quality/check?locale=en', { ...DRAFT, locale: 'zh-CN' }),
        );
        expect(chinese).toEqual(byDefault);

        // the user's own locale wins over the organization's
        await expectStatus(s.member.api.patch(`/users/${s.member.id}`, { locale: 'en' }), 200);
        expect(await messages(s.member.api.post('/quality/check', DRAFT))).toEqual(english);
        expect(await messages(s.peer.api.post('/quality/check', DRAFT))).toEqual(chinese);
      });

      it('applies the organization thresholds to a draft (200)', async () => {
        const s = await scenario(t);
        await setSettings(s, { quality: { minKeyResultsPerObjective: 1 } });
        const report = await expectStatus(s.member.api.post('/quality/check', DRAFT), 200);
        expect(report.findings.map((f: any) => f.rule)).not.toContain('objective-too-few-krs');
      });

      it('answers 401 without sign-in and 400 for a malformed draft', async () => {
        const s = await scenario(t);
        expect((await t.client().post('/quality/check', DRAFT)).status).toBe(401);
        const bad = [
          { objectives: [{ title: 'O', keyResults: [{ title: 'K', startValue: null }] }] },
          { objectives: [{ title: 'O', keyResults: [{ title: 'K', targetValue: '12' }] }] },
          { objectives: [{ title: 'O', keyResults: [{ title: '' }] }] },
          { objectives: [{ title: 'O' }] },
          { objectives: DRAFT.objectives, locale: 'fr' },
          { objectives: Array.from({ length: 51 }, () => ({ title: 'O', keyResults: [] })) },
        ];
        for (const body of bad) {
          expect(
            (await s.member.api.post('/quality/check', body)).status,
            JSON.stringify(body).slice(0, 80),
          ).toBe(400);
        }
        const problem = await s.member.api.post('/quality/check', bad[0]);
        expect(problem.body.errors).toEqual([
          expect.objectContaining({ path: 'objectives[0].keyResults[0].startValue' }),
        ]);
      });
    });

    describe('GET /plans/:id/quality', () => {
      it('reports a stored plan by id: owners, alignment and baselines from the real data (200)', async () => {
        const s = await scenario(t);
        const team = await buildPlan(
          s.teamLead.api,
          { cycleId: s.cycleId, ownerType: 'unit', ownerId: s.teamId },
          [{ weight: 100, title: '成为区域市场第一', keyResults: [{ weight: 100 }] }],
        );
        const teamObjective = team.objectives[0];
        const { plan, objectives } = await buildPlan(s.member.api, memberPlan(s), [
          {
            weight: 60,
            title: '打造行业领先的获客能力',
            alignedToObjectiveId: teamObjective.id,
            keyResults: [
              {
                weight: 50,
                title: '线索转化率从8%提升到12%',
                metricType: 'percent',
                startValue: 8,
                targetValue: 12,
                ownerId: s.member.id,
              },
              {
                weight: 50,
                title: '客户流失率从10%降低到6%',
                metricType: 'percent',
                startValue: 10,
                targetValue: 6,
                ownerId: s.member.id,
              },
            ],
          },
          {
            weight: 40,
            title: '提升客户满意度',
            keyResults: [
              { weight: 100, title: 'NPS 从40提升到60', startValue: 40, targetValue: 60 },
            ],
          },
        ]);
        const [aligned, lonely] = objectives;
        const report = await expectStatus(s.member.api.get(`/plans/${plan.id}/quality`), 200);
        expect(rulesOf(report)).toEqual([
          `objective-too-few-krs @ ${lonely.id}`,
          `objective-not-aligned @ ${lonely.id}`,
          `kr-no-owner @ ${lonely.keyResults[0].id}`,
        ]);
        expect(report.findings[0].target).toEqual({ type: 'objective', id: lonely.id });
        expect(report.findings[2].target).toEqual({
          type: 'keyResult',
          id: lonely.keyResults[0].id,
        });
        expect(report.findings.some((f: any) => f.target.id === aligned.id)).toBe(false);
        expect(report.score).toBe(100 - 8 - 8 - 2);

        // the root unit's plan aligns to nothing and is not asked to
        const root = await buildPlan(
          s.admin.api,
          { cycleId: s.cycleId, ownerType: 'unit', ownerId: s.org.rootUnitId },
          [{ weight: 100, title: '成为行业第一', keyResults: [{ weight: 100 }, { weight: 0 }] }],
        );
        const rootReport = await expectStatus(
          s.admin.api.get(`/plans/${root.plan.id}/quality`),
          200,
        );
        expect(rootReport.findings.map((f: any) => f.rule)).not.toContain('objective-not-aligned');
        // the team plan (under sales) is asked to align
        const teamReport = await expectStatus(
          s.member.api.get(`/plans/${team.plan.id}/quality`),
          200,
        );
        expect(rulesOf(teamReport)).toContain(`objective-not-aligned @ ${teamObjective.id}`);
      });

      it('checks weights of the stored plan and writes in ?locale= (200)', async () => {
        const s = await scenario(t);
        const { plan } = await buildPlan(s.member.api, memberPlan(s), [
          { weight: 70, keyResults: [{ weight: 60 }, { weight: 30 }] },
        ]);
        const report = await expectStatus(
          s.member.api.get(`/plans/${plan.id}/quality?locale=en`),
          200,
        );
        const weights = report.findings.filter((f: any) => f.rule === 'weights-not-100');
        expect(weights).toHaveLength(2);
        expect(weights[0]).toMatchObject({
          severity: 'error',
          target: { type: 'plan', id: plan.id },
        });
        expect(weights[0].message).toMatch(/70/);
        expect(weights[1].message).toMatch(/90/);
        expect(report.findings.every((f: any) => !HAN.test(f.message))).toBe(true);
      });

      it('does not report private objectives to a peer, but does to the owner and leaders (200)', async () => {
        const s = await scenario(t);
        const { plan, objectives } = await buildPlan(s.member.api, memberPlan(s), [
          { weight: 50, title: 'Public objective', keyResults: [{ weight: 100 }] },
          {
            weight: 50,
            title: 'Secret acquisition',
            visibility: 'private',
            keyResults: [{ weight: 100, title: 'Secret target 0 to 100' }],
          },
        ]);
        const secret = objectives[1];
        const hidden = new Set([secret.id, secret.keyResults[0].id]);
        const about = (report: any) => report.findings.filter((f: any) => hidden.has(f.target.id));

        const owner = await expectStatus(s.member.api.get(`/plans/${plan.id}/quality`), 200);
        expect(about(owner).length).toBeGreaterThan(0);
        const leader = await expectStatus(s.salesLead.api.get(`/plans/${plan.id}/quality`), 200);
        expect(leader).toEqual(owner);

        const peer = await expectStatus(s.peer.api.get(`/plans/${plan.id}/quality`), 200);
        expect(about(peer)).toEqual([]);
        expect(JSON.stringify(peer)).not.toContain('Secret');
        expect(peer.findings.length).toBeLessThan(owner.findings.length);
        // the score is explained by the findings shown
        expect(peer.score).toBeGreaterThan(owner.score);
      });

      it('follows the thresholds in the organization settings (200)', async () => {
        const s = await scenario(t);
        const { plan, objectives } = await buildPlan(s.member.api, memberPlan(s), [
          {
            weight: 100,
            keyResults: [25, 25, 25, 25].map((weight) => ({ weight, ownerId: s.member.id })),
          },
        ]);
        const before = await expectStatus(s.member.api.get(`/plans/${plan.id}/quality`), 200);
        expect(before.findings.map((f: any) => f.rule)).not.toContain('objective-too-many-krs');

        await setSettings(s, { quality: { maxKeyResultsPerObjective: 3 } });
        const after = await expectStatus(s.member.api.get(`/plans/${plan.id}/quality`), 200);
        const tooMany = after.findings.find((f: any) => f.rule === 'objective-too-many-krs');
        expect(tooMany).toMatchObject({
          severity: 'warning',
          target: { type: 'objective', id: objectives[0].id },
        });
        expect(tooMany.message).toMatch(/3/);
        expect(after.score).toBe(before.score - 8);
      });

      it("answers 404 for another organization's plan or a missing one, and 401 without sign-in", async () => {
        const s = await scenario(t);
        const { plan } = await buildPlan(s.member.api, memberPlan(s), ONE_KR);
        const other = await t.factory.org();
        expect((await other.admin.api.get(`/plans/${plan.id}/quality`)).status).toBe(404);
        expect((await s.member.api.get('/plans/nope/quality')).status).toBe(404);
        expect((await t.client().get(`/plans/${plan.id}/quality`)).status).toBe(401);
      });
    });

    describe('the quality gate on POST /plans/:id/submit', () => {
      /** A submittable plan whose KR has start == target (as data loaded past the API may). */
      const unmeasurablePlan = async (s: Scenario) => {
        const built = await buildPlan(s.member.api, memberPlan(s), ONE_KR);
        const kr = built.objectives[0].keyResults[0];
        await t.ctx.db
          .updateTable('key_results')
          .set({ target_value: 0 })
          .where('id', '=', kr.id)
          .execute();
        return { ...built, kr };
      };

      it('with block, refuses a plan with an error finding with 422 quality.<rule> and changes nothing', async () => {
        const s = await scenario(t);
        await setSettings(s, { qualityGate: 'block' });
        const { plan, kr } = await unmeasurablePlan(s);
        const audits = await auditCount(plan.id);

        const res = await s.member.api.post(`/plans/${plan.id}/submit`, {});
        expect(res.status).toBe(422);
        expect(res.body.errors).toEqual([
          { path: kr.id, code: 'quality.kr-not-measurable', message: expect.any(String) },
        ]);
        const after = await expectStatus(s.member.api.get(`/plans/${plan.id}`), 200);
        expect(after).toMatchObject({ state: 'draft', version: plan.version, submittedAt: null });
        expect(await auditCount(plan.id)).toBe(audits);
        const reviews = await expectStatus(s.member.api.get(`/plans/${plan.id}/reviews`), 200);
        expect(reviews.items).toEqual([]);
      });

      it('with block, lets a plan with only warnings through and stores its report (200)', async () => {
        const s = await scenario(t);
        await setSettings(s, { qualityGate: 'block' });
        const { plan } = await buildPlan(s.member.api, memberPlan(s), ONE_KR);
        const submitted = await expectStatus(
          s.member.api.post(`/plans/${plan.id}/submit`, {}),
          200,
        );
        expect(submitted.state).toBe('in_review');
        expect(submitted.quality.findings.length).toBeGreaterThan(0);
        expect(submitted.quality.findings.every((f: any) => f.severity !== 'error')).toBe(true);
      });

      it('with warn (the default), submits a plan with findings and shows them on the reviews list (200)', async () => {
        const s = await scenario(t);
        const { plan, kr } = await unmeasurablePlan(s);
        const expected = await expectStatus(s.member.api.get(`/plans/${plan.id}/quality`), 200);
        expect(rulesOf(expected)).toContain(`kr-not-measurable @ ${kr.id}`);

        const res = await s.member.api.post(`/plans/${plan.id}/submit`, {});
        expect(res.status).toBe(200);
        expect(res.headers.etag).toBe(`"${res.body.version}"`);
        expect(res.body).toMatchObject({ state: 'in_review', quality: expected });

        // the approver sees them with the submission
        const reviews = await expectStatus(s.teamLead.api.get(`/plans/${plan.id}/reviews`), 200);
        expect(reviews.items).toHaveLength(1);
        expect(reviews.items[0]).toMatchObject({ decision: 'submitted', quality: expected });

        // other decisions carry no report
        await expectStatus(s.teamLead.api.post(`/plans/${plan.id}/approve`, {}), 200);
        const later = await expectStatus(s.member.api.get(`/plans/${plan.id}/reviews`), 200);
        const byDecision = Object.fromEntries(later.items.map((r: any) => [r.decision, r.quality]));
        expect(byDecision).toEqual({ approved: null, submitted: expected });
      });

      it('with warn, keeps the stored findings about a private objective from a peer (200)', async () => {
        const s = await scenario(t);
        const { plan, objectives } = await buildPlan(s.member.api, memberPlan(s), [
          { weight: 50, keyResults: [{ weight: 100 }] },
          {
            weight: 50,
            title: 'Secret acquisition',
            visibility: 'private',
            keyResults: [{ weight: 100 }],
          },
        ]);
        const secret = objectives[1];
        const submitted = await expectStatus(
          s.member.api.post(`/plans/${plan.id}/submit`, {}),
          200,
        );
        expect(submitted.quality.findings.some((f: any) => f.target.id === secret.id)).toBe(true);

        const leader = await expectStatus(s.teamLead.api.get(`/plans/${plan.id}/reviews`), 200);
        expect(leader.items[0].quality).toEqual(submitted.quality);
        const peer = await expectStatus(s.peer.api.get(`/plans/${plan.id}/reviews`), 200);
        const shown = peer.items[0].quality;
        expect(JSON.stringify(shown)).not.toContain('Secret');
        expect(shown.findings.some((f: any) => f.target.id === secret.id)).toBe(false);
        expect(shown.score).toBeGreaterThan(submitted.quality.score);
      });

      it('with off, submits even an unmeasurable plan and stores no report (200)', async () => {
        const s = await scenario(t);
        await setSettings(s, { qualityGate: 'off' });
        const { plan } = await unmeasurablePlan(s);
        const submitted = await expectStatus(
          s.member.api.post(`/plans/${plan.id}/submit`, {}),
          200,
        );
        expect(submitted).toMatchObject({ state: 'in_review', quality: null });
        const reviews = await expectStatus(s.member.api.get(`/plans/${plan.id}/reviews`), 200);
        expect(reviews.items[0]).toMatchObject({ decision: 'submitted', quality: null });
        const stored = await t.ctx.db
          .selectFrom('reviews')
          .select('quality')
          .where('plan_id', '=', plan.id)
          .executeTakeFirstOrThrow();
        expect(stored.quality).toBeNull();
      });

      it('runs the submit checks before the gate: a plan failing both gets the submit 422', async () => {
        const s = await scenario(t);
        await setSettings(s, { qualityGate: 'block' });
        const { plan } = await buildPlan(s.member.api, memberPlan(s), [
          { weight: 80, keyResults: [{ weight: 100 }] },
        ]);
        await t.ctx.db
          .updateTable('key_results')
          .set({ target_value: 0 })
          .where('plan_id', '=', plan.id)
          .execute();
        const res = await s.member.api.post(`/plans/${plan.id}/submit`, {});
        expect(res.status).toBe(422);
        expect(res.body.errors.map((e: any) => e.code)).toEqual(['plan.objective_weights_not_100']);
      });
    });
  });
}
