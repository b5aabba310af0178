/** Creating an organization with its root unit and first admin (`polaris init`, the demo, tests). */
import type { AppContext } from '../../context.js';
import { conflict } from '../../domain/errors.js';
import { DEFAULT_SETTINGS, type OrganizationSettings } from '../../domain/settings.js';
import { newId } from '../../shared/ids.js';
import { insertAudit } from '../audit/audit.repository.js';
import { findUserByEmail } from '../auth/auth.repository.js';
import { normalizeEmail } from '../auth/auth.service.js';
import { hashPassword } from '../auth/password.js';
import { insertOrganization } from './organizations.repository.js';

export interface NewOrganization {
  name: string;
  adminEmail: string;
  adminPassword: string;
  adminName?: string;
  locale?: string;
  timezone?: string;
  settings?: Partial<OrganizationSettings>;
}

/** Creates the organization, its root unit (led by the admin) and the admin; one transaction. */
export async function createOrganization(ctx: AppContext, input: NewOrganization) {
  const email = normalizeEmail(input.adminEmail);
  if (await findUserByEmail(ctx.db, email))
    throw conflict(`A user with email ${email} already exists`);
  const passwordHash = await hashPassword(input.adminPassword);
  const now = ctx.now().toISOString();
  const organizationId = newId();
  const adminId = newId();
  const rootUnitId = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await insertOrganization(trx, {
      id: organizationId,
      name: input.name,
      locale: input.locale ?? 'zh-CN',
      timezone: input.timezone ?? 'Asia/Shanghai',
      settings: JSON.stringify({ ...DEFAULT_SETTINGS, ...input.settings }),
      created_at: now,
      version: 1,
    });
    await trx
      .insertInto('users')
      .values({
        id: adminId,
        organization_id: organizationId,
        email,
        name: input.adminName ?? 'Admin',
        role: 'admin',
        locale: input.locale ?? null,
        active: 1,
        password_hash: passwordHash,
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .execute();
    await trx
      .insertInto('units')
      .values({
        id: rootUnitId,
        organization_id: organizationId,
        name: input.name,
        parent_id: null,
        leader_id: adminId,
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .execute();
    await trx
      .insertInto('unit_members')
      .values({
        organization_id: organizationId,
        unit_id: rootUnitId,
        user_id: adminId,
        created_at: now,
      })
      .execute();
    await insertAudit(trx, {
      organizationId,
      actorId: null,
      action: 'organization.create',
      targetType: 'organization',
      targetId: organizationId,
      after: { name: input.name, adminEmail: email },
      at: now,
    });
  });
  return { organizationId, adminId, rootUnitId };
}
