/** The signed-in user's own view. */
import type { AppContext } from '../../context.js';
import { AppError } from '../../domain/errors.js';
import { findOrganization } from '../organizations/organizations.repository.js';
import { toOrganization } from '../organizations/organizations.schema.js';
import { toUser } from '../users/users.schema.js';
import type { Principal } from './auth.service.js';

async function loadUser(ctx: AppContext, userId: string, organizationId: string) {
  const [user, organization, memberships, led] = await Promise.all([
    ctx.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', userId)
      .where('organization_id', '=', organizationId)
      .executeTakeFirst(),
    findOrganization(ctx.db, organizationId),
    ctx.db
      .selectFrom('unit_members')
      .select('unit_id')
      .where('user_id', '=', userId)
      .where('organization_id', '=', organizationId)
      .execute(),
    ctx.db
      .selectFrom('units')
      .select('id')
      .where('leader_id', '=', userId)
      .where('organization_id', '=', organizationId)
      .execute(),
  ]);
  if (!user || !organization) throw new AppError('unauthenticated', 'Sign in first');
  return {
    user,
    organization,
    unitIds: memberships.map((m) => m.unit_id),
    leadsUnitIds: led.map((u) => u.id),
  };
}

/** The user and organization returned by a login. */
export async function getSignedIn(ctx: AppContext, userId: string, organizationId: string) {
  const { user, organization, unitIds } = await loadUser(ctx, userId, organizationId);
  return { user: toUser(user, unitIds), organization: toOrganization(organization) };
}

/** GET /me */
export async function getMe(ctx: AppContext, principal: Principal) {
  const { actor } = principal;
  const { user, organization, unitIds, leadsUnitIds } = await loadUser(
    ctx,
    actor.userId,
    actor.organizationId,
  );
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    locale: user.locale,
    organizationId: user.organization_id,
    organization: toOrganization(organization),
    unitIds,
    leadsUnitIds,
    csrfToken: principal.csrfToken ?? null,
  };
}
