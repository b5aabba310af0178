import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { enginesToTest } from '../helpers/engines.js';

for (const { engine, skip } of await enginesToTest()) {
  describe.skipIf(skip)(`units on ${engine}`, () => {
    const t = useTestApp(engine);

    it('lets an admin create a unit under a parent; its leader becomes a member (201)', async () => {
      const org = await t.factory.org();
      const leader = await t.factory.user(org);
      const res = await org.admin.api.post('/units', {
        name: '商业部门',
        parentId: org.rootUnitId,
        leaderId: leader.id,
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        name: '商业部门',
        parentId: org.rootUnitId,
        leaderId: leader.id,
        memberIds: [leader.id],
        memberCount: 1,
        childIds: [],
        version: 1,
      });
      expect(res.body.members.map((m: { id: string }) => m.id)).toEqual([leader.id]);
      expect(res.headers.etag).toBe('"1"');

      const list = await leader.api.get('/units');
      expect(list.status).toBe(200);
      expect(list.body.nextCursor).toBeNull();
      const byId = new Map(list.body.items.map((u: { id: string }) => [u.id, u]));
      expect(byId.get(org.rootUnitId)).toMatchObject({ parentId: null, leaderId: org.admin.id });
      expect(byId.get(res.body.id)).toMatchObject({
        parentId: org.rootUnitId,
        memberIds: [leader.id],
      });
      const root = await leader.api.get(`/units/${org.rootUnitId}`);
      expect(root.body.childIds).toEqual([res.body.id]);
      const audit = await t.ctx.db
        .selectFrom('audit_entries')
        .select('action')
        .where('target_id', '=', res.body.id)
        .execute();
      expect(audit.map((a) => a.action)).toEqual(['unit.create']);
    });

    it('rejects an unknown parent or leader with 422 naming each field', async () => {
      const org = await t.factory.org();
      const other = await t.factory.org();
      const res = await org.admin.api.post('/units', {
        name: 'X',
        parentId: other.rootUnitId,
        leaderId: other.admin.id,
      });
      expect(res.status).toBe(422);
      expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
        'leaderId',
        'parentId',
      ]);
      const noParent = await org.admin.api.post('/units', { name: 'X' });
      expect(noParent.status).toBe(400);
    });

    it('forbids members to create, change or delete units (403)', async () => {
      const org = await t.factory.org();
      const member = await t.factory.user(org);
      const unitId = await t.factory.unit(org, { leaderId: member.id });
      expect(
        (await member.api.post('/units', { name: 'Mine', parentId: org.rootUnitId })).status,
      ).toBe(403);
      expect((await member.api.patch(`/units/${unitId}`, { name: 'Renamed' })).status).toBe(403);
      expect((await member.api.delete(`/units/${unitId}`)).status).toBe(403);
      expect((await member.api.post(`/units/${unitId}/members/${member.id}`)).status).toBe(403);
    });

    it("answers 404 for another organization's unit", async () => {
      const org = await t.factory.org();
      const other = await t.factory.org();
      const foreign = await t.factory.unit(other);
      expect((await org.admin.api.get(`/units/${foreign}`)).status).toBe(404);
      expect((await org.admin.api.patch(`/units/${foreign}`, { name: 'Mine' })).status).toBe(404);
      expect((await org.admin.api.delete(`/units/${foreign}`)).status).toBe(404);
      expect((await org.admin.api.post(`/units/${foreign}/members/${org.admin.id}`)).status).toBe(
        404,
      );
      const mine = await t.factory.unit(org);
      expect((await org.admin.api.post(`/units/${mine}/members/${other.admin.id}`)).status).toBe(
        404,
      );
    });

    it('rejects a move under itself or a descendant with 422 and allows a sideways move', async () => {
      const org = await t.factory.org();
      const a = await t.factory.unit(org, { name: 'A' });
      const b = await t.factory.unit(org, { name: 'B', parentId: a });
      const c = await t.factory.unit(org, { name: 'C', parentId: b });
      const loop = await org.admin.api.patch(`/units/${a}`, { parentId: c });
      expect(loop.status).toBe(422);
      expect(loop.body.errors[0]).toMatchObject({ path: 'parentId', code: 'unit.cycle' });
      expect((await org.admin.api.patch(`/units/${a}`, { parentId: a })).status).toBe(422);
      const moved = await org.admin.api.patch(`/units/${c}`, { parentId: a, name: 'C2' });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ parentId: a, name: 'C2', version: 2 });
    });

    it('keeps one root: the root cannot get a parent and no unit can lose its parent (422)', async () => {
      const org = await t.factory.org();
      const a = await t.factory.unit(org);
      expect((await org.admin.api.patch(`/units/${org.rootUnitId}`, { parentId: a })).status).toBe(
        422,
      );
      expect((await org.admin.api.patch(`/units/${a}`, { parentId: null })).status).toBe(422);
      const renamed = await org.admin.api.patch(`/units/${org.rootUnitId}`, {
        name: 'ACME',
        parentId: null,
      });
      expect(renamed.status).toBe(200);
      expect(renamed.body.name).toBe('ACME');
    });

    it('changes the leader, who becomes a member; an unknown leader is 422', async () => {
      const org = await t.factory.org();
      const unitId = await t.factory.unit(org);
      const leader = await t.factory.user(org);
      const res = await org.admin.api.patch(`/units/${unitId}`, { leaderId: leader.id });
      expect(res.status).toBe(200);
      expect(res.body.leaderId).toBe(leader.id);
      expect(res.body.memberIds).toEqual([leader.id]);
      expect((await org.admin.api.patch(`/units/${unitId}`, { leaderId: 'nobody' })).status).toBe(
        422,
      );
      const cleared = await org.admin.api.patch(`/units/${unitId}`, { leaderId: null });
      expect(cleared.body.leaderId).toBeNull();
    });

    it('refuses to delete the root, a unit with children or one with plans (409); deletes a leaf (204)', async () => {
      const org = await t.factory.org();
      const parent = await t.factory.unit(org);
      const child = await t.factory.unit(org, { parentId: parent });
      const member = await t.factory.user(org, { unitId: child });
      expect((await org.admin.api.delete(`/units/${org.rootUnitId}`)).status).toBe(409);
      const withChildren = await org.admin.api.delete(`/units/${parent}`);
      expect(withChildren.status).toBe(409);

      const planned = await t.factory.unit(org);
      const cycleId = await t.factory.cycle(org);
      const now = t.ctx.now().toISOString();
      await t.ctx.db
        .insertInto('plans')
        .values({
          id: `plan-${planned}`,
          organization_id: org.id,
          cycle_id: cycleId,
          owner_type: 'unit',
          owner_id: planned,
          state: 'draft',
          approver_id: null,
          progress: 0,
          last_check_in_at: null,
          submitted_at: null,
          approved_at: null,
          closed_at: null,
          created_at: now,
          updated_at: now,
          version: 1,
          revision: 0,
        })
        .execute();
      expect((await org.admin.api.delete(`/units/${planned}`)).status).toBe(409);

      expect((await org.admin.api.delete(`/units/${child}`)).status).toBe(204);
      expect((await org.admin.api.get(`/units/${child}`)).status).toBe(404);
      expect((await org.admin.api.get(`/users/${member.id}`)).body.unitIds).toEqual([]);
      expect((await org.admin.api.delete(`/units/${parent}`)).status).toBe(204);
    });

    it('adds and removes members idempotently (204) and keeps the leader a member (409)', async () => {
      const org = await t.factory.org();
      const leader = await t.factory.user(org);
      const unitId = await t.factory.unit(org, { leaderId: leader.id });
      const user = await t.factory.user(org);
      expect((await org.admin.api.post(`/units/${unitId}/members/${user.id}`)).status).toBe(204);
      expect((await org.admin.api.post(`/units/${unitId}/members/${user.id}`)).status).toBe(204);
      const unit = await org.admin.api.get(`/units/${unitId}`);
      expect([...unit.body.memberIds].sort()).toEqual([leader.id, user.id].sort());
      expect(unit.body.version).toBe(2);
      expect((await org.admin.api.delete(`/units/${unitId}/members/${user.id}`)).status).toBe(204);
      expect((await org.admin.api.delete(`/units/${unitId}/members/${user.id}`)).status).toBe(204);
      expect((await org.admin.api.delete(`/units/${unitId}/members/${leader.id}`)).status).toBe(
        409,
      );
      expect((await org.admin.api.get(`/units/${unitId}`)).body.memberIds).toEqual([leader.id]);
      const audit = await t.ctx.db
        .selectFrom('audit_entries')
        .select('action')
        .where('target_id', '=', unitId)
        .orderBy('created_at')
        .execute();
      expect(audit.map((a) => a.action).sort()).toEqual(['unit.addMember', 'unit.removeMember']);
    });

    it('pages through units with nextCursor', async () => {
      const org = await t.factory.org();
      for (const name of ['U1', 'U2', 'U3', 'U4']) await t.factory.unit(org, { name });
      const first = await org.admin.api.get('/units?limit=3');
      expect(first.body.items).toHaveLength(3);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await org.admin.api.get(
        `/units?limit=3&cursor=${encodeURIComponent(first.body.nextCursor)}`,
      );
      expect(second.body.items).toHaveLength(2);
      expect(second.body.nextCursor).toBeNull();
      const all = [...first.body.items, ...second.body.items].map((u: { id: string }) => u.id);
      expect(new Set(all).size).toBe(5);
      expect((await org.admin.api.get('/units?limit=1001')).status).toBe(400);
    });

    it('honours If-Match on PATCH with 412 for a stale version', async () => {
      const org = await t.factory.org();
      const unitId = await t.factory.unit(org);
      const stale = await org.admin.api.patch(
        `/units/${unitId}`,
        { name: 'New' },
        { 'if-match': '"7"' },
      );
      expect(stale.status).toBe(412);
      const ok = await org.admin.api.patch(
        `/units/${unitId}`,
        { name: 'New' },
        { 'if-match': '"1"' },
      );
      expect(ok.status).toBe(200);
      expect(ok.headers.etag).toBe('"2"');
    });

    it('drops unknown body fields instead of storing them', async () => {
      const org = await t.factory.org();
      const other = await t.factory.org();
      const res = await org.admin.api.post('/units', {
        name: 'Clean',
        parentId: org.rootUnitId,
        organizationId: other.id,
        organization_id: other.id,
        version: 40,
      });
      expect(res.status).toBe(201);
      expect(res.body.version).toBe(1);
      const row = await t.ctx.db
        .selectFrom('units')
        .selectAll()
        .where('id', '=', res.body.id)
        .executeTakeFirstOrThrow();
      expect(row.organization_id).toBe(org.id);
    });
  });
}
