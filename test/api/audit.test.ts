import { beforeAll, describe, expect, it } from 'vitest';
import { insertAudit } from '../../src/modules/audit/audit.repository.js';
import { useTestApp } from '../helpers/app.js';
import { enginesToTest } from '../helpers/engines.js';
import type { TestOrg, TestUser } from '../helpers/factories.js';

for (const { engine, skip } of await enginesToTest()) {
  describe.skipIf(skip)(`audit log on ${engine}`, () => {
    const t = useTestApp(engine);
    let org: TestOrg;
    let member: TestUser;
    let other: TestOrg;
    /** the ids of the `plan` entries of `org`, newest first */
    const planEntries: string[] = [];

    beforeAll(async () => {
      org = await t.factory.org('Acme');
      member = await t.factory.user(org, { name: 'Mei' });
      other = await t.factory.org('Other');
      // five plan entries a minute apart (two share a timestamp), by the admin and by Mei
      const at = (minute: number) => `2026-11-15T08:0${minute}:00.000Z`;
      const specs = [
        { minute: 1, actor: org.admin.id, targetId: 'plan-1', action: 'plan.create' },
        { minute: 2, actor: member.id, targetId: 'plan-2', action: 'plan.create' },
        { minute: 3, actor: member.id, targetId: 'plan-2', action: 'plan.submit' },
        { minute: 3, actor: org.admin.id, targetId: 'plan-2', action: 'plan.approve' },
        { minute: 4, actor: org.admin.id, targetId: 'plan-1', action: 'objective.update' },
      ];
      for (const spec of specs) {
        await insertAudit(t.ctx.db, {
          organizationId: org.id,
          actorId: spec.actor,
          action: spec.action,
          targetType: 'plan',
          targetId: spec.targetId,
          before: spec.action === 'objective.update' ? { weight: 40 } : undefined,
          after: { state: spec.action, weight: 60 },
          reason: spec.action === 'objective.update' ? 'Market shifted' : null,
          at: at(spec.minute),
        });
      }
      // the other organization has entries on the same target id
      await insertAudit(t.ctx.db, {
        organizationId: other.id,
        actorId: other.admin.id,
        action: 'plan.create',
        targetType: 'plan',
        targetId: 'plan-1',
        after: { secret: 'other org' },
        at: at(5),
      });
      const rows = await t.ctx.db
        .selectFrom('audit_entries')
        .select('id')
        .where('organization_id', '=', org.id)
        .where('target_type', '=', 'plan')
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      planEntries.push(...rows.map((r) => r.id));
    });

    it('refuses members with 403 and anonymous callers with 401', async () => {
      const res = await member.api.get('/audit');
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect((await t.client().get('/audit')).status).toBe(401);
    });

    it('lists entries newest first with the actor name and parsed JSON', async () => {
      const res = await org.admin.api.get('/audit?targetType=plan');
      expect(res.status).toBe(200);
      expect(res.body.items.map((e: { id: string }) => e.id)).toEqual(planEntries);
      expect(res.body.nextCursor).toBeNull();
      expect(res.body.items[0]).toEqual({
        id: planEntries[0],
        actorId: org.admin.id,
        actorName: 'Admin',
        action: 'objective.update',
        targetType: 'plan',
        targetId: 'plan-1',
        before: { weight: 40 },
        after: { state: 'objective.update', weight: 60 },
        reason: 'Market shifted',
        createdAt: '2026-11-15T08:04:00.000Z',
      });
      const first = res.body.items[res.body.items.length - 1];
      expect(first).toMatchObject({ action: 'plan.create', before: null, reason: null });
    });

    it('includes the entries other services wrote, such as the organization and token creation', async () => {
      const res = await org.admin.api.get('/audit');
      const actions = res.body.items.map((e: { action: string }) => e.action);
      expect(actions).toContain('organization.create');
      expect(actions).toContain('apiToken.create');
      const created = res.body.items.find(
        (e: { action: string }) => e.action === 'organization.create',
      );
      expect(created).toMatchObject({ actorId: null, actorName: null, targetId: org.id });
    });

    it('filters by target and by actor', async () => {
      const byTarget = await org.admin.api.get('/audit?targetType=plan&targetId=plan-2');
      expect(byTarget.body.items.map((e: { action: string }) => e.action).sort()).toEqual([
        'plan.approve',
        'plan.create',
        'plan.submit',
      ]);
      const byActor = await org.admin.api.get(`/audit?actorId=${member.id}`);
      // the factory's API token for Mei (at the default test clock, 2026-11-20) is newest
      expect(byActor.body.items.map((e: { action: string }) => e.action)).toEqual([
        'apiToken.create',
        'plan.submit',
        'plan.create',
      ]);
      for (const e of byActor.body.items) expect(e.actorName).toBe('Mei');
    });

    it('pages with a keyset cursor without gaps or repeats, even across equal timestamps', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: string = `/audit?targetType=plan&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const res = await org.admin.api.get(query);
        expect(res.status).toBe(200);
        expect(res.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...res.body.items.map((e: { id: string }) => e.id));
        cursor = res.body.nextCursor;
        pages++;
      } while (cursor !== null && pages < 10);
      expect(pages).toBe(3);
      expect(seen).toEqual(planEntries);
    });

    it('rejects a forged cursor and an out-of-range limit with 400', async () => {
      const bad = await org.admin.api.get('/audit?cursor=not-a-cursor');
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].path).toBe('query.cursor');
      expect((await org.admin.api.get('/audit?limit=0')).status).toBe(400);
      expect((await org.admin.api.get('/audit?limit=abc')).status).toBe(400);
    });

    it("never shows another organization's entries, even filtered by their target", async () => {
      const res = await org.admin.api.get('/audit?targetType=plan&targetId=plan-1');
      expect(res.body.items).toHaveLength(2);
      expect(JSON.stringify(res.body)).not.toContain('other org');
      const byOtherActor = await org.admin.api.get(`/audit?actorId=${other.admin.id}`);
      expect(byOtherActor.body.items).toEqual([]);
      const theirs = await other.admin.api.get('/audit?targetType=plan');
      expect(theirs.body.items.map((e: { after: unknown }) => e.after)).toEqual([
        { secret: 'other org' },
      ]);
    });

    it('documents the endpoint in the OpenAPI document', async () => {
      const doc = await t.client().get('/api/openapi.json');
      expect(doc.status).toBe(200);
      expect(doc.body.paths['/api/v1/audit'].get).toBeDefined();
      expect(JSON.stringify(doc.body)).toContain('AuditEntry');
    });
  });
}
