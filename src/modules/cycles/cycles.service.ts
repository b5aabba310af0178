/**
 * Cycles: the periods OKRs run in, nested (a quarter under its year). Admins create and move them
 * forward; closing a cycle closes all its plans in the same transaction.
 */
import type { AppContext, DbOrTrx } from '../../context.js';
import type { CycleRow } from '../../db/schema.js';
import { cycleEncloses } from '../../domain/alignment.js';
import { wouldCreateUnitCycle, type UnitNode } from '../../domain/approver.js';
import {
  conflict,
  forbidden,
  notFound,
  unprocessable,
  type FieldProblem,
} from '../../domain/errors.js';
import { policy, type Actor } from '../../domain/policy.js';
import { canMoveCycle } from '../../domain/states.js';
import { decodeCursor, page } from '../../shared/cursor.js';
import { newId } from '../../shared/ids.js';
import { insertAudit } from '../audit/audit.repository.js';
import { assertIfMatch, changedMeanwhile } from '../../http/versioning.js';
import { fixScoresOnCycleClose } from '../scoring/scoring.service.js';
import * as repo from './cycles.repository.js';
import {
  toCycle,
  type CreateCycleInput,
  type Cycle,
  type CycleListQuery,
  type UpdateCycleInput,
} from './cycles.schema.js';

function assertAdmin(actor: Actor): void {
  if (!policy.manageOrganization(actor)) throw forbidden('Only admins can change cycles');
}

interface Span {
  id: string;
  startDate: string;
  endDate: string;
  parentId: string | null;
}

/**
 * Problems with a cycle spanning `span` (the schema already refused dates that do not exist):
 * end not before start, a parent that exists,
 * is not the cycle itself or below it, and encloses it; and children (when editing) still inside.
 */
async function spanProblems(
  db: DbOrTrx,
  organizationId: string,
  span: Span,
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  if (span.endDate < span.startDate) {
    problems.push({
      path: 'endDate',
      message: 'is before startDate',
      code: 'cycle.end_before_start',
    });
  }
  const tree = await repo.listCycleTree(db, organizationId);
  const byId = new Map(tree.map((c) => [c.id, c]));
  if (span.parentId !== null) {
    const parent = byId.get(span.parentId);
    // the unit-tree helper works for any tree of {id, parentId}
    const nodes = new Map<string, UnitNode>(
      tree.map((c) => [c.id, { id: c.id, parentId: c.parent_id, leaderId: null }]),
    );
    if (!parent) {
      problems.push({ path: 'parentId', message: 'is not a cycle', code: 'cycle.not_found' });
    } else if (wouldCreateUnitCycle(span.id, span.parentId, nodes)) {
      problems.push({
        path: 'parentId',
        message: 'is the cycle itself or one inside it',
        code: 'cycle.parent_cycle',
      });
    } else if (
      !cycleEncloses(
        { id: parent.id, startDate: parent.start_date, endDate: parent.end_date },
        span,
      )
    ) {
      problems.push({
        path: 'parentId',
        message: `the parent cycle (${parent.start_date} – ${parent.end_date}) does not enclose these dates`,
        code: 'cycle.outside_parent',
      });
    }
  }
  for (const child of tree.filter((c) => c.parent_id === span.id)) {
    if (
      !cycleEncloses(span, { id: child.id, startDate: child.start_date, endDate: child.end_date })
    ) {
      problems.push({
        path: 'startDate',
        message: `must enclose the child cycle ${child.id} (${child.start_date} – ${child.end_date})`,
        code: 'cycle.child_outside',
      });
    }
  }
  return problems;
}

/** GET /cycles — newest start first. */
export async function listCycles(
  ctx: AppContext,
  actor: Actor,
  query: CycleListQuery,
): Promise<{ items: Cycle[]; nextCursor: string | null }> {
  const limit = query.limit ?? 100;
  const after = decodeCursor(query.cursor, 2);
  const rows = await repo.listCycles(ctx.db, {
    organizationId: actor.organizationId,
    limit,
    ...(query.state !== undefined ? { state: query.state } : {}),
    ...(after ? { after: { startDate: after[0]!, id: after[1]! } } : {}),
  });
  const result = page(rows, limit, (r) => [r.start_date, r.id]);
  return { items: result.items.map(toCycle), nextCursor: result.nextCursor };
}

async function loadCycle(db: DbOrTrx, actor: Actor, id: string): Promise<CycleRow> {
  const row = await repo.findCycle(db, actor.organizationId, id);
  if (!row) throw notFound('Cycle');
  return row;
}

/** GET /cycles/:id */
export async function getCycle(ctx: AppContext, actor: Actor, id: string): Promise<Cycle> {
  return toCycle(await loadCycle(ctx.db, actor, id));
}

/** POST /cycles — admins; starts in `planning` unless a state is given. */
export async function createCycle(
  ctx: AppContext,
  actor: Actor,
  input: CreateCycleInput,
): Promise<Cycle> {
  assertAdmin(actor);
  const orgId = actor.organizationId;
  const now = ctx.now().toISOString();
  const row: CycleRow = {
    id: newId(),
    organization_id: orgId,
    name: input.name,
    kind: input.kind ?? 'custom',
    start_date: input.startDate,
    end_date: input.endDate,
    parent_id: input.parentId ?? null,
    state: input.state ?? 'planning',
    created_at: now,
    updated_at: now,
    version: 1,
  };
  await ctx.db.transaction().execute(async (trx) => {
    const problems = await spanProblems(trx, orgId, {
      id: row.id,
      startDate: row.start_date,
      endDate: row.end_date,
      parentId: row.parent_id,
    });
    if (problems.length > 0) throw unprocessable('The cycle cannot be created', problems);
    await repo.insertCycle(trx, row);
    await insertAudit(trx, {
      organizationId: orgId,
      actorId: actor.userId,
      action: 'cycle.create',
      targetType: 'cycle',
      targetId: row.id,
      after: toCycle(row),
      at: now,
    });
  });
  return toCycle(row);
}

/**
 * PATCH /cycles/:id — admins. The state moves forward one step at a time (409 otherwise); moving
 * to `closed` closes every plan of the cycle with `closed_at`, in the same transaction.
 */
export async function updateCycle(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdateCycleInput,
  ifMatch: string | undefined,
): Promise<Cycle> {
  assertAdmin(actor);
  const orgId = actor.organizationId;
  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const cycle = await loadCycle(trx, actor, id);
    assertIfMatch(ifMatch, cycle.version);
    const next = {
      kind: input.kind ?? cycle.kind,
      start_date: input.startDate ?? cycle.start_date,
      end_date: input.endDate ?? cycle.end_date,
      parent_id: input.parentId !== undefined ? input.parentId : cycle.parent_id,
      state: input.state ?? cycle.state,
    };
    const spanChanged =
      next.start_date !== cycle.start_date ||
      next.end_date !== cycle.end_date ||
      next.parent_id !== cycle.parent_id;
    if (cycle.state === 'closed' && (spanChanged || next.kind !== cycle.kind)) {
      throw conflict('A closed cycle can only be renamed');
    }
    if (!canMoveCycle(cycle.state, next.state)) {
      throw conflict(
        `A cycle moves forward one step at a time; it cannot go from ${cycle.state} to ${next.state}`,
      );
    }
    if (spanChanged) {
      const problems = await spanProblems(trx, orgId, {
        id,
        startDate: next.start_date,
        endDate: next.end_date,
        parentId: next.parent_id,
      });
      if (problems.length > 0) throw unprocessable('The cycle cannot be changed', problems);
    }
    const changes = {
      ...next,
      updated_at: now,
      ...(input.name !== undefined ? { name: input.name } : {}),
    };
    if (!(await repo.updateCycle(trx, orgId, id, cycle.version, changes))) throw changedMeanwhile();

    const closing = cycle.state !== 'closed' && next.state === 'closed';
    // approved plans get their final scores fixed, as POST /plans/:id/close does
    if (closing) await fixScoresOnCycleClose(trx, actor, id, now);
    const closedPlans = closing ? await repo.closePlansOfCycle(trx, orgId, id, now) : [];
    const updated = (await repo.findCycle(trx, orgId, id))!;
    await insertAudit(trx, {
      organizationId: orgId,
      actorId: actor.userId,
      action: 'cycle.update',
      targetType: 'cycle',
      targetId: id,
      before: toCycle(cycle),
      after: {
        ...toCycle(updated),
        ...(closing ? { closedPlanIds: closedPlans.map((p) => p.id) } : {}),
      },
      at: now,
    });
    for (const plan of closedPlans) {
      await insertAudit(trx, {
        organizationId: orgId,
        actorId: actor.userId,
        action: 'plan.close',
        targetType: 'plan',
        targetId: plan.id,
        before: { state: plan.state },
        after: { state: 'closed', closedAt: now },
        reason: 'cycle closed',
        at: now,
      });
    }
  });
  return getCycle(ctx, actor, id);
}
