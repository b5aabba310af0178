/**
 * The unit tree: one root (the company, made with the organization), departments and teams
 * below it. Admins change it; everyone reads it. A unit's leader is always one of its members.
 */
import type { AppContext, DbOrTrx } from '../../context.js';
import type { UnitRow } from '../../db/schema.js';
import { wouldCreateUnitCycle, type UnitNode } from '../../domain/approver.js';
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
import { assertIfMatch, changedMeanwhile } from '../../http/versioning.js';
import { findUser } from '../users/users.repository.js';
import { toUser } from '../users/users.schema.js';
import * as repo from './units.repository.js';
import {
  toUnit,
  type CreateUnitInput,
  type Unit,
  type UnitDetail,
  type UnitListQuery,
  type UpdateUnitInput,
} from './units.schema.js';

function assertAdmin(actor: Actor): void {
  if (!policy.manageOrganization(actor)) throw forbidden('Only admins can change units');
}

async function loadUnit(db: DbOrTrx, actor: Actor, id: string): Promise<UnitRow> {
  const row = await repo.findUnit(db, actor.organizationId, id);
  if (!row) throw notFound('Unit');
  return row;
}

async function memberIdsOf(db: DbOrTrx, organizationId: string, unitId: string) {
  const rows = await repo.membershipsOfUnits(db, organizationId, [unitId]);
  return rows.map((r) => r.user_id);
}

/** A leader must be an active user of the organization; else a problem at `path`. */
async function leaderProblem(
  db: DbOrTrx,
  organizationId: string,
  leaderId: string,
): Promise<FieldProblem | undefined> {
  const user = await findUser(db, organizationId, leaderId);
  if (!user) return { path: 'leaderId', message: 'is not a user', code: 'user.not_found' };
  if (user.active !== 1)
    return { path: 'leaderId', message: 'is not an active user', code: 'user.inactive' };
  return undefined;
}

/** GET /units — the flat tree, by name, with member ids. */
export async function listUnits(
  ctx: AppContext,
  actor: Actor,
  query: UnitListQuery,
): Promise<{ items: Unit[]; nextCursor: string | null }> {
  const limit = query.limit ?? 1000;
  const after = decodeCursor(query.cursor, 2);
  const rows = await repo.listUnits(ctx.db, {
    organizationId: actor.organizationId,
    limit,
    ...(after ? { after: { name: after[0]!, id: after[1]! } } : {}),
  });
  const result = page(rows, limit, (r) => [r.name, r.id]);
  const memberships = await repo.membershipsOfUnits(
    ctx.db,
    actor.organizationId,
    result.items.map((r) => r.id),
  );
  const members = new Map<string, string[]>();
  for (const m of memberships)
    members.set(m.unit_id, [...(members.get(m.unit_id) ?? []), m.user_id]);
  return {
    items: result.items.map((r) => toUnit(r, members.get(r.id) ?? [])),
    nextCursor: result.nextCursor,
  };
}

/** GET /units/:id — with its members and children. */
export async function getUnit(ctx: AppContext, actor: Actor, id: string): Promise<UnitDetail> {
  return unitDetail(ctx.db, actor, await loadUnit(ctx.db, actor, id));
}

async function unitDetail(db: DbOrTrx, actor: Actor, row: UnitRow): Promise<UnitDetail> {
  const [members, childIds] = await Promise.all([
    repo.membersOfUnit(db, actor.organizationId, row.id),
    repo.childUnitIds(db, actor.organizationId, row.id),
  ]);
  return {
    ...toUnit(
      row,
      members.map((m) => m.id),
    ),
    members: members.map((m) => toUser(m)),
    childIds,
  };
}

/** POST /units — admins; under an existing parent; the leader becomes a member. */
export async function createUnit(
  ctx: AppContext,
  actor: Actor,
  input: CreateUnitInput,
): Promise<UnitDetail> {
  assertAdmin(actor);
  const orgId = actor.organizationId;
  const now = ctx.now().toISOString();
  const id = newId();
  const leaderId = input.leaderId ?? null;
  await ctx.db.transaction().execute(async (trx) => {
    const problems: FieldProblem[] = [];
    if (!(await repo.findUnit(trx, orgId, input.parentId)))
      problems.push({ path: 'parentId', message: 'is not a unit', code: 'unit.not_found' });
    const leader = leaderId === null ? undefined : await leaderProblem(trx, orgId, leaderId);
    if (leader) problems.push(leader);
    if (problems.length > 0) throw unprocessable('The unit cannot be created', problems);

    const row: UnitRow = {
      id,
      organization_id: orgId,
      name: input.name,
      parent_id: input.parentId,
      leader_id: leaderId,
      created_at: now,
      updated_at: now,
      version: 1,
    };
    await repo.insertUnit(trx, row);
    if (leaderId !== null)
      await repo.addMember(trx, { organizationId: orgId, unitId: id, userId: leaderId, now });
    await insertAudit(trx, {
      organizationId: orgId,
      actorId: actor.userId,
      action: 'unit.create',
      targetType: 'unit',
      targetId: id,
      after: toUnit(row, leaderId === null ? [] : [leaderId]),
      at: now,
    });
  });
  return getUnit(ctx, actor, id);
}

/** Problems with moving `unit` under `parentId` (null: making it a root). */
function moveProblems(
  unit: UnitRow,
  parentId: string | null,
  tree: ReadonlyMap<string, UnitNode>,
): FieldProblem[] {
  if (unit.parent_id === null) {
    return parentId === null
      ? []
      : [
          {
            path: 'parentId',
            message: 'the root unit cannot have a parent',
            code: 'unit.root_parent',
          },
        ];
  }
  if (parentId === null)
    return [
      {
        path: 'parentId',
        message: 'there is one root; a unit needs a parent',
        code: 'unit.second_root',
      },
    ];
  if (!tree.has(parentId))
    return [{ path: 'parentId', message: 'is not a unit', code: 'unit.not_found' }];
  if (wouldCreateUnitCycle(unit.id, parentId, tree)) {
    return [
      {
        path: 'parentId',
        message: 'is the unit itself or one of its descendants',
        code: 'unit.cycle',
      },
    ];
  }
  return [];
}

/** PATCH /units/:id — admins: rename, move (no cycles; the root stays the root), change leader. */
export async function updateUnit(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdateUnitInput,
  ifMatch: string | undefined,
): Promise<UnitDetail> {
  assertAdmin(actor);
  const orgId = actor.organizationId;
  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const unit = await loadUnit(trx, actor, id);
    assertIfMatch(ifMatch, unit.version);
    const problems: FieldProblem[] = [];
    if (input.parentId !== undefined && input.parentId !== unit.parent_id) {
      const tree = new Map<string, UnitNode>(
        (await repo.listUnitTree(trx, orgId)).map((u) => [
          u.id,
          { id: u.id, parentId: u.parent_id, leaderId: u.leader_id },
        ]),
      );
      problems.push(...moveProblems(unit, input.parentId, tree));
    }
    if (
      input.leaderId !== undefined &&
      input.leaderId !== null &&
      input.leaderId !== unit.leader_id
    ) {
      const leader = await leaderProblem(trx, orgId, input.leaderId);
      if (leader) problems.push(leader);
    }
    if (problems.length > 0) throw unprocessable('The unit cannot be changed', problems);

    const before = toUnit(unit, await memberIdsOf(trx, orgId, id));
    const changes = {
      updated_at: now,
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.parentId !== undefined ? { parent_id: input.parentId } : {}),
      ...(input.leaderId !== undefined ? { leader_id: input.leaderId } : {}),
    };
    if (!(await repo.updateUnit(trx, orgId, id, unit.version, changes))) throw changedMeanwhile();
    if (input.leaderId !== undefined && input.leaderId !== null)
      await repo.addMember(trx, { organizationId: orgId, unitId: id, userId: input.leaderId, now });
    const after = toUnit((await repo.findUnit(trx, orgId, id))!, await memberIdsOf(trx, orgId, id));
    await insertAudit(trx, {
      organizationId: orgId,
      actorId: actor.userId,
      action: 'unit.update',
      targetType: 'unit',
      targetId: id,
      before,
      after,
      at: now,
    });
  });
  return getUnit(ctx, actor, id);
}

/** DELETE /units/:id — admins; never the root, nor a unit with child units or plans (409). */
export async function deleteUnit(
  ctx: AppContext,
  actor: Actor,
  id: string,
  ifMatch: string | undefined,
): Promise<void> {
  assertAdmin(actor);
  const orgId = actor.organizationId;
  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const unit = await loadUnit(trx, actor, id);
    assertIfMatch(ifMatch, unit.version);
    if (unit.parent_id === null) throw conflict('The root unit cannot be deleted');
    if ((await repo.countChildUnits(trx, orgId, id)) > 0)
      throw conflict('The unit has child units; move or delete them first');
    if ((await repo.countUnitPlans(trx, orgId, id)) > 0)
      throw conflict('The unit has plans; it cannot be deleted');
    const before = toUnit(unit, await memberIdsOf(trx, orgId, id));
    await repo.deleteUnit(trx, orgId, id);
    await insertAudit(trx, {
      organizationId: orgId,
      actorId: actor.userId,
      action: 'unit.delete',
      targetType: 'unit',
      targetId: id,
      before,
      at: now,
    });
  });
}

/** POST /units/:id/members/:userId — admins; idempotent (adding a member twice changes nothing). */
export async function addMember(
  ctx: AppContext,
  actor: Actor,
  unitId: string,
  userId: string,
): Promise<void> {
  assertAdmin(actor);
  const orgId = actor.organizationId;
  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await loadUnit(trx, actor, unitId);
    if (!(await findUser(trx, orgId, userId))) throw notFound('User');
    if (!(await repo.addMember(trx, { organizationId: orgId, unitId, userId, now }))) return;
    await repo.touchUnit(trx, orgId, unitId, now);
    await insertAudit(trx, {
      organizationId: orgId,
      actorId: actor.userId,
      action: 'unit.addMember',
      targetType: 'unit',
      targetId: unitId,
      after: { userId },
      at: now,
    });
  });
}

/** DELETE /units/:id/members/:userId — admins; idempotent; the leader stays a member (409). */
export async function removeMember(
  ctx: AppContext,
  actor: Actor,
  unitId: string,
  userId: string,
): Promise<void> {
  assertAdmin(actor);
  const orgId = actor.organizationId;
  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const unit = await loadUnit(trx, actor, unitId);
    if (!(await findUser(trx, orgId, userId))) throw notFound('User');
    if (unit.leader_id === userId)
      throw conflict('The leader of a unit stays a member; change the leader first');
    if (!(await repo.removeMember(trx, orgId, unitId, userId))) return;
    await repo.touchUnit(trx, orgId, unitId, now);
    await insertAudit(trx, {
      organizationId: orgId,
      actorId: actor.userId,
      action: 'unit.removeMember',
      targetType: 'unit',
      targetId: unitId,
      before: { userId },
      at: now,
    });
  });
}
