/**
 * Creating an organization with its root unit and first admin (`polaris init`, the demo, tests);
 * reading it and changing its name, locale, timezone and settings (admins).
 */
import type { AppContext } from '../../context.js';
import {
  conflict,
  forbidden,
  notFound,
  unprocessable,
  type FieldProblem,
} from '../../domain/errors.js';
import { policy, type Actor } from '../../domain/policy.js';
import {
  DEFAULT_SETTINGS,
  parseSettings,
  type OrganizationSettings,
} from '../../domain/settings.js';
import { newId } from '../../shared/ids.js';
import { insertAudit } from '../audit/audit.repository.js';
import { findUserByEmail } from '../auth/auth.repository.js';
import { normalizeEmail } from '../auth/auth.service.js';
import { hashPassword } from '../auth/password.js';
import {
  findOrganization,
  insertOrganization,
  updateOrganization as updateOrganizationRow,
} from './organizations.repository.js';
import {
  toOrganization,
  type Organization,
  type UpdateOrganizationInput,
} from './organizations.schema.js';
import { assertIfMatch, changedMeanwhile } from '../../http/versioning.js';

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

/** GET /organization — the caller's organization with its settings. */
export async function getOrganization(ctx: AppContext, actor: Actor): Promise<Organization> {
  const row = await findOrganization(ctx.db, actor.organizationId);
  if (!row) throw notFound('Organization');
  return toOrganization(row);
}

/** The canonical IANA name of `timeZone`, or undefined when Intl does not know it. */
export function canonicalTimeZone(timeZone: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** `patch` merged over `current`, one level deep for the nested groups. */
function mergeSettings(
  current: OrganizationSettings,
  patch: NonNullable<UpdateOrganizationInput['settings']>,
): OrganizationSettings {
  return {
    healthThresholds: { ...current.healthThresholds, ...patch.healthThresholds },
    qualityGate: patch.qualityGate ?? current.qualityGate,
    adjustmentsNeedApproval: patch.adjustmentsNeedApproval ?? current.adjustmentsNeedApproval,
    checkInWeekday: patch.checkInWeekday ?? current.checkInWeekday,
    quality: { ...current.quality, ...patch.quality },
  };
}

/** Rules across settings fields (the schema checks each field alone). */
function settingsProblems(s: OrganizationSettings): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (s.healthThresholds.offTrack < s.healthThresholds.atRisk) {
    problems.push({
      path: 'settings.healthThresholds.offTrack',
      message: 'must be at least atRisk',
      code: 'settings.thresholds_order',
    });
  }
  if (s.quality.maxKeyResultsPerObjective < s.quality.minKeyResultsPerObjective) {
    problems.push({
      path: 'settings.quality.maxKeyResultsPerObjective',
      message: 'must be at least minKeyResultsPerObjective',
      code: 'settings.kr_range',
    });
  }
  return problems;
}

/**
 * PATCH /organization — admins: name, locale, timezone (an IANA name Intl knows) and settings,
 * merged into the stored ones; 422 lists each rule broken.
 */
export async function updateOrganization(
  ctx: AppContext,
  actor: Actor,
  input: UpdateOrganizationInput,
  ifMatch: string | undefined,
): Promise<Organization> {
  if (!policy.manageOrganization(actor)) throw forbidden('Only admins can change the organization');
  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await findOrganization(trx, actor.organizationId);
    if (!row) throw notFound('Organization');
    assertIfMatch(ifMatch, row.version);
    const problems: FieldProblem[] = [];
    let timezone: string | undefined;
    if (input.timezone !== undefined) {
      timezone = canonicalTimeZone(input.timezone);
      if (timezone === undefined)
        problems.push({
          path: 'timezone',
          message: 'is not an IANA time zone',
          code: 'timezone.unknown',
        });
    }
    const settings = input.settings
      ? mergeSettings(parseSettings(row.settings), input.settings)
      : undefined;
    if (settings) problems.push(...settingsProblems(settings));
    if (problems.length > 0) throw unprocessable('The organization cannot be changed', problems);

    const changes = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.locale !== undefined ? { locale: input.locale } : {}),
      ...(timezone !== undefined ? { timezone } : {}),
      ...(settings ? { settings: JSON.stringify(settings) } : {}),
    };
    if (!(await updateOrganizationRow(trx, row.id, row.version, changes))) throw changedMeanwhile();
    const updated = await findOrganization(trx, row.id);
    await insertAudit(trx, {
      organizationId: row.id,
      actorId: actor.userId,
      action: 'organization.update',
      targetType: 'organization',
      targetId: row.id,
      before: toOrganization(row),
      after: toOrganization(updated!),
      at: now,
    });
  });
  return getOrganization(ctx, actor);
}
