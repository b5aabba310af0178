/**
 * What every read model over one cycle starts from: the cycle (404 outside the organization),
 * the organization's timezone and health thresholds, and the expected progress now.
 */
import type { AppContext } from '../../context.js';
import type { CycleRow, UnitRow } from '../../db/schema.js';
import { notFound } from '../../domain/errors.js';
import type { Actor } from '../../domain/policy.js';
import {
  expectedProgress,
  health,
  type Health,
  type HealthThresholds,
} from '../../domain/progress.js';
import { parseSettings } from '../../domain/settings.js';
import { findOrganization } from '../organizations/organizations.repository.js';
import { findCycle, findRootUnit, findUnit } from './alignment.repository.js';

export interface CycleView {
  cycle: CycleRow;
  now: Date;
  timeZone: string;
  thresholds: HealthThresholds;
  /** expected progress of `cycle` now; the same for every item of the cycle */
  expected: number;
}

/** Loads the cycle of the actor's organization with its expected progress; 404 if none. */
export async function loadCycleView(
  ctx: AppContext,
  actor: Actor,
  cycleId: string,
): Promise<CycleView> {
  const [cycle, organization] = await Promise.all([
    findCycle(ctx.db, actor.organizationId, cycleId),
    findOrganization(ctx.db, actor.organizationId),
  ]);
  if (!cycle || !organization) throw notFound('Cycle');
  const now = ctx.now();
  const timeZone = organization.timezone;
  return {
    cycle,
    now,
    timeZone,
    thresholds: parseSettings(organization.settings).healthThresholds,
    expected: expectedProgress(
      { startDate: cycle.start_date, endDate: cycle.end_date },
      now,
      timeZone,
    ),
  };
}

/** The health of a stored roll-up (progress, last check-in) against `expected`. */
export function healthOf(
  view: CycleView,
  item: { progress: number; last_check_in_at: string | null },
  expected: number = view.expected,
): Health {
  return health(item.progress, expected, item.last_check_in_at !== null, view.thresholds);
}

/** The unit `unitId` of the actor's organization, or its root unit when absent; 404 if none. */
export async function loadScopeUnit(
  ctx: AppContext,
  actor: Actor,
  unitId: string | undefined,
): Promise<UnitRow> {
  const unit =
    unitId === undefined
      ? await findRootUnit(ctx.db, actor.organizationId)
      : await findUnit(ctx.db, actor.organizationId, unitId);
  if (!unit) throw notFound('Unit');
  return unit;
}
