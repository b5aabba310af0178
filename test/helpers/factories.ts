/**
 * Test factories: build an organization, people, units and cycles directly in the database,
 * and API clients for them (bearer tokens, so no CSRF dance). Plans and their trees are built
 * through the API in each test, where they are what is tested.
 */
import type { AppContext } from '../../src/context.js';
import { createApiToken, normalizeEmail } from '../../src/modules/auth/auth.service.js';
import { createOrganization } from '../../src/modules/organizations/organizations.service.js';
import { newId } from '../../src/shared/ids.js';
import type { Client } from './app.js';

export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestUser {
  id: string;
  email: string;
  organizationId: string;
  role: 'admin' | 'member';
  token: string;
  api: Client;
}

export interface TestOrg {
  id: string;
  rootUnitId: string;
  admin: TestUser;
}

let seq = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(seq++).toString(36)}`;

export class Factory {
  constructor(
    private readonly ctx: AppContext,
    private readonly client: (token?: string) => Client,
  ) {}

  private async asUser(row: {
    id: string;
    email: string;
    organizationId: string;
    role: 'admin' | 'member';
  }) {
    const { token } = await createApiToken(
      this.ctx,
      { userId: row.id, organizationId: row.organizationId, role: row.role },
      'test',
    );
    return { ...row, token, api: this.client(token) };
  }

  /** An organization with its root unit and an admin (password TEST_PASSWORD). */
  async org(name = unique('org')): Promise<TestOrg> {
    const adminEmail = `${unique('admin')}@example.test`;
    const created = await createOrganization(this.ctx, {
      name,
      adminEmail,
      adminPassword: TEST_PASSWORD,
      adminName: 'Admin',
    });
    const admin = await this.asUser({
      id: created.adminId,
      email: normalizeEmail(adminEmail),
      organizationId: created.organizationId,
      role: 'admin',
    });
    return { id: created.organizationId, rootUnitId: created.rootUnitId, admin };
  }

  /** A user of `org`, member of `unitId` when given. No password unless `password` is set. */
  async user(
    org: TestOrg,
    opts: {
      name?: string;
      role?: 'admin' | 'member';
      unitId?: string;
      password?: string;
      email?: string;
    } = {},
  ): Promise<TestUser> {
    const id = newId();
    const email = normalizeEmail(opts.email ?? `${unique('user')}@example.test`);
    const now = this.ctx.now().toISOString();
    const passwordHash = opts.password
      ? await (await import('../../src/modules/auth/password.js')).hashPassword(opts.password)
      : null;
    await this.ctx.db
      .insertInto('users')
      .values({
        id,
        organization_id: org.id,
        email,
        name: opts.name ?? email.split('@')[0]!,
        role: opts.role ?? 'member',
        locale: null,
        active: 1,
        password_hash: passwordHash,
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .execute();
    if (opts.unitId) await this.member(org, opts.unitId, id);
    return this.asUser({ id, email, organizationId: org.id, role: opts.role ?? 'member' });
  }

  async member(org: TestOrg, unitId: string, userId: string): Promise<void> {
    await this.ctx.db
      .insertInto('unit_members')
      .values({
        organization_id: org.id,
        unit_id: unitId,
        user_id: userId,
        created_at: this.ctx.now().toISOString(),
      })
      .execute();
  }

  /** A unit under `parentId` (the root by default), led by `leaderId` (who becomes a member). */
  async unit(
    org: TestOrg,
    opts: { name?: string; parentId?: string; leaderId?: string } = {},
  ): Promise<string> {
    const id = newId();
    const now = this.ctx.now().toISOString();
    await this.ctx.db
      .insertInto('units')
      .values({
        id,
        organization_id: org.id,
        name: opts.name ?? unique('unit'),
        parent_id: opts.parentId ?? org.rootUnitId,
        leader_id: opts.leaderId ?? null,
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .execute();
    if (opts.leaderId) await this.member(org, id, opts.leaderId);
    return id;
  }

  /** A cycle of `org` (default: Q4 2026, active). */
  async cycle(
    org: TestOrg,
    opts: {
      name?: string;
      startDate?: string;
      endDate?: string;
      state?: 'planning' | 'active' | 'reviewing' | 'closed';
      kind?: 'year' | 'half' | 'quarter' | 'month' | 'custom';
      parentId?: string;
    } = {},
  ): Promise<string> {
    const id = newId();
    const now = this.ctx.now().toISOString();
    await this.ctx.db
      .insertInto('cycles')
      .values({
        id,
        organization_id: org.id,
        name: opts.name ?? '2026 Q4',
        kind: opts.kind ?? 'quarter',
        start_date: opts.startDate ?? '2026-10-01',
        end_date: opts.endDate ?? '2026-12-31',
        parent_id: opts.parentId ?? null,
        state: opts.state ?? 'active',
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .execute();
    return id;
  }
}
