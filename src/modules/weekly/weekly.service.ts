/**
 * Weekly updates (周报): per person per ISO week, this week's priorities, next week's plan and
 * notes, shown with that person's check-ins of the week (the week in the organization's
 * timezone). A unit's leader, the leaders above it and admins read the unit's updates and see
 * who has not written one.
 */
import type { AppContext, DbOrTrx } from '../../context.js';
import { badRequest, forbidden, notFound } from '../../domain/errors.js';
import { policy, type Actor } from '../../domain/policy.js';
import { newId } from '../../shared/ids.js';
import { isObjectiveVisible, loadPrivateReadScope } from '../alignment/visibility.js';
import { insertAudit } from '../audit/audit.repository.js';
import { findOrganization } from '../organizations/organizations.repository.js';
import { assertIfMatch, changedMeanwhile } from '../plans/http.js';
import { findUnit, findUser, ownerUnitChain } from '../plans/owners.repository.js';
import { formatIsoWeek, isoWeekRange, parseIsoWeek } from './iso-week.js';
import * as repo from './weekly.repository.js';
import {
  toWeeklyCheckIn,
  toWeeklyUpdate,
  type PutWeeklyInput,
  type UnitWeekly,
  type WeeklyCheckIn,
  type WeeklyUpdate,
} from './weekly.schema.js';

interface Week {
  isoWeek: string;
  start: string;
  end: string;
  /** [from, to) as ISO-8601 UTC instants */
  from: string;
  to: string;
}

/** The week named by `text` in the organization's timezone; 400 when no such week exists. */
async function weekOf(db: DbOrTrx, orgId: string, text: string): Promise<Week> {
  const parsed = parseIsoWeek(text);
  if (!parsed) {
    throw badRequest('The week is not an ISO week', [
      {
        path: 'params.isoWeek',
        message: 'must be an ISO week that exists, e.g. 2026-W48',
        code: 'week.invalid',
      },
    ]);
  }
  const organization = await findOrganization(db, orgId);
  if (!organization) throw notFound('Organization');
  return { isoWeek: formatIsoWeek(parsed), ...isoWeekRange(parsed, organization.timezone) };
}

/** The check-ins of `authorIds` in the week that `actor` may see, by author. */
async function weekCheckIns(
  db: DbOrTrx,
  actor: Actor,
  authorIds: readonly string[],
  week: Week,
): Promise<Map<string, WeeklyCheckIn[]>> {
  const [rows, scope] = await Promise.all([
    repo.checkInsByAuthors(db, actor.organizationId, authorIds, week),
    loadPrivateReadScope(db, actor),
  ]);
  const byAuthor = new Map<string, WeeklyCheckIn[]>();
  for (const row of rows) {
    if (!isObjectiveVisible(scope, row.visibility, row.owner_type, row.owner_id)) continue;
    byAuthor.set(row.author_id, [...(byAuthor.get(row.author_id) ?? []), toWeeklyCheckIn(row)]);
  }
  return byAuthor;
}

async function myWeekly(db: DbOrTrx, actor: Actor, week: Week): Promise<WeeklyUpdate> {
  const orgId = actor.organizationId;
  const [row, me, checkIns] = await Promise.all([
    repo.findWeeklyUpdate(db, orgId, actor.userId, week.isoWeek),
    findUser(db, orgId, actor.userId),
    weekCheckIns(db, actor, [actor.userId], week),
  ]);
  return toWeeklyUpdate(
    { id: actor.userId, name: me?.name ?? null },
    week,
    row,
    checkIns.get(actor.userId) ?? [],
  );
}

/** GET /me/weekly/:isoWeek — my update (version 0 until written) with my check-ins that week. */
export async function getMyWeekly(
  ctx: AppContext,
  actor: Actor,
  isoWeek: string,
): Promise<WeeklyUpdate> {
  const week = await weekOf(ctx.db, actor.organizationId, isoWeek);
  return myWeekly(ctx.db, actor, week);
}

/**
 * PUT /me/weekly/:isoWeek — writes my update for the week, replacing all three texts (absent
 * ones become null). If-Match honoured ("0": only if not written yet). `created` tells 201 from 200.
 */
export async function putMyWeekly(
  ctx: AppContext,
  actor: Actor,
  isoWeek: string,
  input: PutWeeklyInput,
  ifMatch: string | undefined,
): Promise<{ update: WeeklyUpdate; created: boolean }> {
  const orgId = actor.organizationId;
  const week = await weekOf(ctx.db, orgId, isoWeek);
  if (!policy.writeWeeklyUpdate(actor, actor.userId)) {
    throw forbidden('Only its person may write a weekly update');
  }
  const now = ctx.now().toISOString();
  const texts = {
    priorities: input.priorities ?? null,
    next_week: input.nextWeek ?? null,
    notes: input.notes ?? null,
  };
  const audit = (t: DbOrTrx, action: string, id: string, before: unknown) =>
    insertAudit(t, {
      organizationId: orgId,
      actorId: actor.userId,
      action,
      targetType: 'weeklyUpdate',
      targetId: id,
      before,
      after: { isoWeek: week.isoWeek, ...input },
      at: now,
    });
  const created = await ctx.db.transaction().execute(async (t) => {
    let row = await repo.findWeeklyUpdate(t, orgId, actor.userId, week.isoWeek, true);
    if (!row) {
      assertIfMatch(ifMatch, 0);
      const id = newId();
      const inserted = await repo.insertWeeklyUpdate(t, {
        id,
        organization_id: orgId,
        user_id: actor.userId,
        iso_week: week.isoWeek,
        ...texts,
        created_at: now,
        updated_at: now,
        version: 1,
      });
      if (inserted) {
        await audit(t, 'weeklyUpdate.create', id, null);
        return true;
      }
      // a concurrent PUT wrote it first: this one updates it
      row = await repo.findWeeklyUpdate(t, orgId, actor.userId, week.isoWeek, true);
      if (!row) throw changedMeanwhile();
    }
    assertIfMatch(ifMatch, row.version);
    const updated = await repo.updateWeeklyUpdate(t, orgId, row.id, row.version, {
      ...texts,
      updated_at: now,
    });
    if (!updated) throw changedMeanwhile();
    await audit(t, 'weeklyUpdate.update', row.id, {
      priorities: row.priorities,
      nextWeek: row.next_week,
      notes: row.notes,
    });
    return false;
  });
  return { update: await myWeekly(ctx.db, actor, week), created };
}

/**
 * GET /units/:id/weekly/:isoWeek — the unit's leader, the leaders above and admins (403 for
 * anyone else): every active member's update with their check-ins, and who has not written one.
 */
export async function getUnitWeekly(
  ctx: AppContext,
  actor: Actor,
  unitId: string,
  isoWeek: string,
): Promise<UnitWeekly> {
  const orgId = actor.organizationId;
  const unit = await findUnit(ctx.db, orgId, unitId);
  if (!unit) throw notFound('Unit');
  const chain = await ownerUnitChain(ctx.db, orgId, 'unit', unit.id);
  const leaderIds = chain.map((u) => u.leader_id).filter((id): id is string => id !== null);
  if (!policy.readUnitWeekly(actor, { leaderIds })) {
    throw forbidden("Only the unit's leader, the leaders above it and admins read its updates");
  }
  const week = await weekOf(ctx.db, orgId, isoWeek);
  const [members, rows] = await Promise.all([
    repo.activeMembersOf(ctx.db, orgId, unit.id),
    repo.weeklyUpdatesOfUnit(ctx.db, orgId, unit.id, week.isoWeek),
  ]);
  const byUser = new Map(rows.map((r) => [r.user_id, r]));
  const writers = members.filter((m) => byUser.has(m.id));
  const checkIns = await weekCheckIns(
    ctx.db,
    actor,
    writers.map((m) => m.id),
    week,
  );
  return {
    unitId: unit.id,
    unitName: unit.name,
    isoWeek: week.isoWeek,
    weekStart: week.start,
    weekEnd: week.end,
    updates: writers.map((m) =>
      toWeeklyUpdate(m, week, byUser.get(m.id), checkIns.get(m.id) ?? []),
    ),
    missing: members.filter((m) => !byUser.has(m.id)).map((m) => ({ userId: m.id, name: m.name })),
  };
}
