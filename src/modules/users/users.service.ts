/**
 * People of an organization: admins create and change them; anyone changes their own name,
 * locale and password. Deactivation ends the user's sessions (their API tokens stop working
 * because sign-in checks `users.active`). The organization always keeps one active admin.
 */
import type { AppContext, DbOrTrx } from '../../context.js';
import type { UserRow, UserUpdate } from '../../db/schema.js';
import {
  conflict,
  forbidden,
  notFound,
  unprocessable,
  type FieldProblem,
} from '../../domain/errors.js';
import { policy, type Actor } from '../../domain/policy.js';
import { decodeCursor, page } from '../../shared/cursor.js';
import { newId } from '../../shared/ids.js';
import { insertAudit } from '../audit/audit.repository.js';
import { findUserByEmail } from '../auth/auth.repository.js';
import { normalizeEmail, type Principal } from '../auth/auth.service.js';
import { hashPassword, verifyPassword } from '../auth/password.js';
import { assertIfMatch, changedMeanwhile } from '../../http/versioning.js';
import * as units from '../units/units.repository.js';
import * as repo from './users.repository.js';
import {
  toUser,
  type CreateUserInput,
  type UpdateUserInput,
  type User,
  type UserListQuery,
} from './users.schema.js';

const emailTaken = () => conflict('A user with this email already exists');

async function unitIdsOf(db: DbOrTrx, organizationId: string, userId: string): Promise<string[]> {
  const rows = await units.membershipsOfUsers(db, organizationId, [userId]);
  return rows.map((r) => r.unit_id);
}

/** 422 naming each of `unitIds` that is not a unit of the organization. */
async function assertUnitsExist(
  db: DbOrTrx,
  organizationId: string,
  unitIds: readonly string[],
): Promise<void> {
  const found = await units.existingUnitIds(db, organizationId, unitIds);
  const problems: FieldProblem[] = [];
  unitIds.forEach((id, i) => {
    if (!found.has(id))
      problems.push({ path: `unitIds[${i}]`, message: 'is not a unit', code: 'unit.not_found' });
  });
  if (problems.length > 0) throw unprocessable('Some units do not exist', problems);
}

/** GET /users — everyone in the organization reads the directory. */
export async function listUsers(
  ctx: AppContext,
  actor: Actor,
  query: UserListQuery,
): Promise<{ items: User[]; nextCursor: string | null }> {
  const limit = query.limit ?? 100;
  const after = decodeCursor(query.cursor, 2);
  const rows = await repo.listUsers(ctx.db, {
    organizationId: actor.organizationId,
    limit,
    ...(query.q !== undefined ? { q: query.q } : {}),
    ...(query.unitId !== undefined ? { unitId: query.unitId } : {}),
    ...(query.active !== undefined ? { active: query.active } : {}),
    ...(after ? { after: { name: after[0]!, id: after[1]! } } : {}),
  });
  const result = page(rows, limit, (r) => [r.name, r.id]);
  const memberships = await units.membershipsOfUsers(
    ctx.db,
    actor.organizationId,
    result.items.map((r) => r.id),
  );
  const unitIds = new Map<string, string[]>();
  for (const m of memberships)
    unitIds.set(m.user_id, [...(unitIds.get(m.user_id) ?? []), m.unit_id]);
  return {
    items: result.items.map((r) => toUser(r, unitIds.get(r.id) ?? [])),
    nextCursor: result.nextCursor,
  };
}

/** GET /users/:id */
export async function getUser(ctx: AppContext, actor: Actor, id: string): Promise<User> {
  const row = await repo.findUser(ctx.db, actor.organizationId, id);
  if (!row) throw notFound('User');
  return toUser(row, await unitIdsOf(ctx.db, actor.organizationId, id));
}

/** POST /users — admins only; email unique (lower-case), password hashed with argon2id. */
export async function createUser(
  ctx: AppContext,
  actor: Actor,
  input: CreateUserInput,
): Promise<User> {
  if (!policy.manageOrganization(actor)) throw forbidden('Only admins can add people');
  const email = normalizeEmail(input.email);
  const passwordHash = input.password !== undefined ? await hashPassword(input.password) : null;
  const unitIds = input.unitIds ?? [];
  const now = ctx.now().toISOString();
  const id = newId();
  try {
    await ctx.db.transaction().execute(async (trx) => {
      if (await findUserByEmail(trx, email)) throw emailTaken();
      await assertUnitsExist(trx, actor.organizationId, unitIds);
      await repo.insertUser(trx, {
        id,
        organization_id: actor.organizationId,
        email,
        name: input.name,
        role: input.role,
        locale: input.locale ?? null,
        active: input.active === false ? 0 : 1,
        password_hash: passwordHash,
        created_at: now,
        updated_at: now,
        version: 1,
      });
      for (const unitId of unitIds) {
        await units.addMember(trx, {
          organizationId: actor.organizationId,
          unitId,
          userId: id,
          now,
        });
      }
      const created = await repo.findUser(trx, actor.organizationId, id);
      await insertAudit(trx, {
        organizationId: actor.organizationId,
        actorId: actor.userId,
        action: 'user.create',
        targetType: 'user',
        targetId: id,
        after: { ...toUser(created!, unitIds), hasPassword: passwordHash !== null },
        at: now,
      });
    });
  } catch (e) {
    // two creations of the same email at once: the unique index decides
    if (repo.isUniqueViolation(e)) throw emailTaken();
    throw e;
  }
  return getUser(ctx, actor, id);
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x) => b.includes(x));

/** The fields of `input` that a non-admin changes on themselves but may not. */
function fieldsOnlyAdminsChange(
  input: UpdateUserInput,
  row: UserRow,
  currentUnitIds: string[],
): string[] {
  const out: string[] = [];
  if (input.email !== undefined && normalizeEmail(input.email) !== row.email) out.push('email');
  if (input.role !== undefined && input.role !== row.role) out.push('role');
  if (input.active !== undefined && (input.active ? 1 : 0) !== row.active) out.push('active');
  if (input.unitIds !== undefined && !sameSet(input.unitIds, currentUnitIds)) out.push('unitIds');
  return out;
}

/**
 * PATCH /users/:id — admins change anything; a user changes their own name, locale and password
 * (their own password needs `currentPassword`). Deactivating ends the user's sessions; a new
 * password ends their other sessions. The last active admin can be neither demoted nor deactivated.
 */
export async function updateUser(
  ctx: AppContext,
  principal: Principal,
  id: string,
  input: UpdateUserInput,
  ifMatch: string | undefined,
): Promise<User> {
  const { actor } = principal;
  const orgId = actor.organizationId;
  const isAdmin = policy.manageOrganization(actor);
  const self = actor.userId === id;

  const row = await repo.findUser(ctx.db, orgId, id);
  if (!row) throw notFound('User');
  if (!isAdmin && !self) throw forbidden('Only admins can change other people');
  const currentUnitIds = await unitIdsOf(ctx.db, orgId, id);
  if (!isAdmin) {
    const denied = fieldsOnlyAdminsChange(input, row, currentUnitIds);
    if (denied.length > 0) throw forbidden(`Only admins can change ${denied.join(', ')}`);
  }
  assertIfMatch(ifMatch, row.version);

  let passwordHash: string | undefined;
  if (input.password !== undefined) {
    if (self) {
      const problem: FieldProblem | undefined =
        input.currentPassword === undefined
          ? {
              path: 'currentPassword',
              message: 'is required to change your password',
              code: 'password.current_required',
            }
          : !(await verifyPassword(row.password_hash, input.currentPassword))
            ? {
                path: 'currentPassword',
                message: 'is not your current password',
                code: 'password.current_mismatch',
              }
            : undefined;
      if (problem) throw unprocessable('The current password is needed', [problem]);
    }
    passwordHash = await hashPassword(input.password);
  }
  if (input.unitIds !== undefined) await assertUnitsExist(ctx.db, orgId, input.unitIds);

  const now = ctx.now().toISOString();
  const changes: UserUpdate = { updated_at: now };
  if (input.email !== undefined) changes.email = normalizeEmail(input.email);
  if (input.name !== undefined) changes.name = input.name;
  if (input.role !== undefined) changes.role = input.role;
  if (input.locale !== undefined) changes.locale = input.locale;
  if (input.active !== undefined) changes.active = input.active ? 1 : 0;
  if (passwordHash !== undefined) changes.password_hash = passwordHash;

  const staysActiveAdmin =
    (changes.role ?? row.role) === 'admin' && (changes.active ?? row.active) === 1;
  const deactivated = row.active === 1 && changes.active === 0;

  try {
    await ctx.db.transaction().execute(async (trx) => {
      if (changes.email !== undefined && changes.email !== row.email) {
        const other = await findUserByEmail(trx, changes.email);
        if (other && other.id !== id) throw emailTaken();
      }
      if (row.role === 'admin' && row.active === 1 && !staysActiveAdmin) {
        await repo.lockOrganization(trx, orgId);
        if ((await repo.countOtherActiveAdmins(trx, orgId, id)) === 0) {
          throw conflict('The organization needs at least one active admin');
        }
      }
      if (input.unitIds !== undefined) {
        const led = await units.unitsLedBy(trx, orgId, id);
        const dropped = led.filter((u) => !input.unitIds!.includes(u));
        if (dropped.length > 0) {
          throw unprocessable('A unit leader stays a member of the unit', [
            {
              path: 'unitIds',
              message: `must include the units the user leads: ${dropped.join(', ')}`,
              code: 'unit.leader_member',
            },
          ]);
        }
        for (const unitId of currentUnitIds.filter((u) => !input.unitIds!.includes(u))) {
          await units.removeMember(trx, orgId, unitId, id);
        }
        for (const unitId of input.unitIds.filter((u) => !currentUnitIds.includes(u))) {
          await units.addMember(trx, { organizationId: orgId, unitId, userId: id, now });
        }
      }
      if (!(await repo.updateUser(trx, orgId, id, row.version, changes))) throw changedMeanwhile();
      if (deactivated) {
        await repo.deleteSessionsOfUserExcept(trx, orgId, id, undefined);
      } else if (passwordHash !== undefined) {
        await repo.deleteSessionsOfUserExcept(
          trx,
          orgId,
          id,
          self ? principal.sessionId : undefined,
        );
      }
      const updated = await repo.findUser(trx, orgId, id);
      await insertAudit(trx, {
        organizationId: orgId,
        actorId: actor.userId,
        action: 'user.update',
        targetType: 'user',
        targetId: id,
        before: toUser(row, currentUnitIds),
        after: {
          ...toUser(updated!, input.unitIds ?? currentUnitIds),
          ...(passwordHash !== undefined ? { passwordChanged: true } : {}),
        },
        at: now,
      });
    });
  } catch (e) {
    if (repo.isUniqueViolation(e)) throw emailTaken();
    throw e;
  }
  return getUser(ctx, actor, id);
}
