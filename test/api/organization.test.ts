import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { enginesToTest } from '../helpers/engines.js';

const DEFAULTS = {
  healthThresholds: { atRisk: 0.1, offTrack: 0.25 },
  qualityGate: 'warn',
  adjustmentsNeedApproval: false,
  checkInWeekday: 5,
  quality: {
    minKeyResultsPerObjective: 2,
    maxKeyResultsPerObjective: 5,
    maxObjectivesPerPlan: 5,
    stretchThreshold: 0.1,
  },
};

for (const { engine, skip } of await enginesToTest()) {
  describe.skipIf(skip)(`organization on ${engine}`, () => {
    const t = useTestApp(engine);

    it('shows every member their organization with its settings (200)', async () => {
      const org = await t.factory.org('ACME 北极星');
      const member = await t.factory.user(org);
      const res = await member.api.get('/organization');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: org.id,
        name: 'ACME 北极星',
        locale: 'zh-CN',
        timezone: 'Asia/Shanghai',
        settings: DEFAULTS,
        version: 1,
      });
      expect(res.headers.etag).toBe('"1"');
    });

    it('merges a settings patch into the stored settings, group by group', async () => {
      const org = await t.factory.org();
      const first = await org.admin.api.patch('/organization', {
        settings: { healthThresholds: { atRisk: 0.05 }, qualityGate: 'block' },
      });
      expect(first.status).toBe(200);
      expect(first.body.settings).toEqual({
        ...DEFAULTS,
        healthThresholds: { atRisk: 0.05, offTrack: 0.25 },
        qualityGate: 'block',
      });
      expect(first.body.version).toBe(2);
      const second = await org.admin.api.patch('/organization', {
        name: 'Renamed',
        locale: 'en',
        settings: {
          quality: { maxObjectivesPerPlan: 3 },
          checkInWeekday: 1,
          adjustmentsNeedApproval: true,
        },
      });
      expect(second.status).toBe(200);
      expect(second.body).toMatchObject({ name: 'Renamed', locale: 'en', version: 3 });
      expect(second.body.settings).toEqual({
        healthThresholds: { atRisk: 0.05, offTrack: 0.25 },
        qualityGate: 'block',
        adjustmentsNeedApproval: true,
        checkInWeekday: 1,
        quality: { ...DEFAULTS.quality, maxObjectivesPerPlan: 3 },
      });
      expect((await org.admin.api.get('/organization')).body.settings).toEqual(
        second.body.settings,
      );
      const audit = await t.ctx.db
        .selectFrom('audit_entries')
        .selectAll()
        .where('organization_id', '=', org.id)
        .where('action', '=', 'organization.update')
        .execute();
      expect(audit).toHaveLength(2);
      expect(audit.every((a) => a.actor_id === org.admin.id && a.before && a.after)).toBe(true);
    });

    it('validates the time zone with Intl: unknown is 422, known ones are stored canonically', async () => {
      const org = await t.factory.org();
      const bad = await org.admin.api.patch('/organization', { timezone: 'Mars/Olympus_Mons' });
      expect(bad.status).toBe(422);
      expect(bad.body.errors[0]).toMatchObject({ path: 'timezone', code: 'timezone.unknown' });
      const ok = await org.admin.api.patch('/organization', { timezone: 'europe/berlin' });
      expect(ok.status).toBe(200);
      expect(ok.body.timezone).toBe('Europe/Berlin');
    });

    it('rejects out-of-range settings with 400 and inconsistent ones with 422', async () => {
      const org = await t.factory.org();
      const weekday = await org.admin.api.patch('/organization', {
        settings: { checkInWeekday: 8 },
      });
      expect(weekday.status).toBe(400);
      expect(weekday.body.errors[0].path).toBe('settings.checkInWeekday');
      const gate = await org.admin.api.patch('/organization', {
        settings: { qualityGate: 'maybe' },
      });
      expect(gate.status).toBe(400);
      const fraction = await org.admin.api.patch('/organization', {
        settings: { healthThresholds: { atRisk: 1.5 } },
      });
      expect(fraction.status).toBe(400);
      const order = await org.admin.api.patch('/organization', {
        settings: { healthThresholds: { atRisk: 0.3 }, quality: { maxKeyResultsPerObjective: 1 } },
      });
      expect(order.status).toBe(422);
      expect(order.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
        'settings.healthThresholds.offTrack',
        'settings.quality.maxKeyResultsPerObjective',
      ]);
      expect((await org.admin.api.get('/organization')).body.version).toBe(1);
    });

    it('forbids members to change the organization (403)', async () => {
      const org = await t.factory.org();
      const member = await t.factory.user(org);
      const res = await member.api.patch('/organization', { name: 'Mine now' });
      expect(res.status).toBe(403);
      expect((await member.api.get('/organization')).body.name).not.toBe('Mine now');
    });

    it('only ever shows and changes the caller’s own organization', async () => {
      const org = await t.factory.org();
      const other = await t.factory.org();
      await other.admin.api.patch('/organization', { name: 'Other renamed' });
      expect((await org.admin.api.get('/organization')).body.id).toBe(org.id);
      expect((await org.admin.api.get('/organization')).body.name).not.toBe('Other renamed');
    });

    it('drops unknown fields, top-level and inside settings, instead of storing them', async () => {
      const org = await t.factory.org();
      const res = await org.admin.api.patch('/organization', {
        id: 'hijack',
        version: 99,
        settings: { secret: 1, healthThresholds: { atRisk: 0.2, extra: true } },
      });
      expect(res.status).toBe(200);
      expect(res.body.id).toBe(org.id);
      expect(res.body.version).toBe(2);
      const row = await t.ctx.db
        .selectFrom('organizations')
        .select('settings')
        .where('id', '=', org.id)
        .executeTakeFirstOrThrow();
      expect(row.settings).not.toMatch(/secret|extra/);
      expect(JSON.parse(row.settings).healthThresholds).toEqual({ atRisk: 0.2, offTrack: 0.25 });
    });

    it('honours If-Match with 412 for a stale version', async () => {
      const org = await t.factory.org();
      const got = await org.admin.api.get('/organization');
      const etag = String(got.headers.etag);
      expect(
        (await org.admin.api.patch('/organization', { name: 'A' }, { 'if-match': etag })).status,
      ).toBe(200);
      const stale = await org.admin.api.patch('/organization', { name: 'B' }, { 'if-match': etag });
      expect(stale.status).toBe(412);
      expect((await org.admin.api.get('/organization')).body.name).toBe('A');
    });

    it('requires sign-in (401)', async () => {
      expect((await t.client().get('/organization')).status).toBe(401);
    });
  });
}
