/**
 * Pure planning of a synthetic organization of any size (no I/O): people and a unit tree five
 * levels deep, a year and a quarter cycle, plans for every unit and person with aligned,
 * weighted OKRs and actions, and their stored progress. The same parameters and seed give the
 * same organization (names, structure, values, times relative to `now`); only ids differ.
 */
import type { CycleTable, OrganizationTable, UnitMemberTable } from '../db/schema.js';
import { DEFAULT_SETTINGS } from '../domain/settings.js';
import { IdSource } from './ids.js';
import { OkrPlanner, type PlannedOkrs } from './okrs.js';
import { planPeopleAndUnits, type PeopleAndUnits } from './people.js';
import { Rng } from './prng.js';
import { storeProgress } from './stored.js';
import { GENERATED_TIME_ZONE, iso, timeline, type Timeline } from './timeline.js';

export interface GenerateParams {
  users: number;
  units: number;
  /** weeks of check-ins so far in the quarter */
  weeks: number;
  seed: number;
  /** the organization's name */
  org: string;
  /** the email domain of its people (`user1@<domain>`) */
  domain: string;
}

/** 10,000 people, 1,000 units, 12 weeks: ~11,000 plans, ~40,000 objectives, ~120,000 KRs. */
export const LARGE: Omit<GenerateParams, 'org' | 'domain'> = {
  users: 10_000,
  units: 1_000,
  weeks: 12,
  seed: 1,
};

export interface SyntheticOrganization {
  params: GenerateParams;
  timeline: Timeline;
  organization: OrganizationTable;
  people: PeopleAndUnits;
  memberships: UnitMemberTable[];
  cycles: { year: CycleTable; quarter: CycleTable };
  okrs: PlannedOkrs;
  /** the loader's id source (check-ins, audit) continues the planner's sequence */
  ids: IdSource;
  counts: GeneratedCounts;
}

export interface GeneratedCounts {
  users: number;
  units: number;
  plans: number;
  objectives: number;
  keyResults: number;
  actions: number;
  checkIns: number;
  reviews: number;
}

export function validateParams(p: GenerateParams): string[] {
  const problems: string[] = [];
  const positive = (name: string, v: number, min: number, max: number) => {
    if (!Number.isInteger(v) || v < min || v > max) {
      problems.push(`--${name} must be a whole number from ${min} to ${max}`);
    }
  };
  positive('units', p.units, 5, 100_000);
  positive('users', p.users, 6, 1_000_000);
  positive('weeks', p.weeks, 1, 52);
  positive('seed', p.seed, 0, 2 ** 32 - 1);
  if (problems.length === 0 && p.users < p.units + 1) {
    problems.push(`--users must be at least --units + 1 (a leader per unit and an admin)`);
  }
  if (p.org.trim() === '') problems.push('--org must not be empty');
  if (!/^[a-z0-9.-]+$/.test(p.domain)) problems.push('the email domain must be a-z, 0-9, . and -');
  return problems;
}

/** Plans the whole organization as of `now`. */
export function planOrganization(params: GenerateParams, now: Date): SyntheticOrganization {
  const problems = validateParams(params);
  if (problems.length > 0) throw new Error(problems.join('; '));
  const rng = new Rng(params.seed);
  const ids = new IdSource(now);
  const tl = timeline(now, params.weeks);
  const setupAt = iso(tl.setupAt);
  const organization: OrganizationTable = {
    id: ids.next(),
    name: params.org,
    locale: 'zh-CN',
    timezone: GENERATED_TIME_ZONE,
    settings: JSON.stringify(DEFAULT_SETTINGS),
    created_at: setupAt,
    version: 1,
  };
  const people = planPeopleAndUnits(
    rng,
    ids,
    {
      organizationId: organization.id,
      company: params.org,
      users: params.users,
      units: params.units,
      domain: params.domain,
    },
    tl.setupAt,
  );
  const memberships: UnitMemberTable[] = people.units.flatMap((u) =>
    u.members.map((m) => ({
      organization_id: organization.id,
      unit_id: u.row.id,
      user_id: m.row.id,
      created_at: setupAt,
    })),
  );
  const cycle = (
    kind: 'year' | 'quarter',
    name: string,
    dates: { startDate: string; endDate: string },
    parentId: string | null,
  ): CycleTable => ({
    id: ids.next(),
    organization_id: organization.id,
    name,
    kind,
    start_date: dates.startDate,
    end_date: dates.endDate,
    parent_id: parentId,
    state: 'active',
    created_at: setupAt,
    updated_at: setupAt,
    version: 2,
  });
  const year = cycle('year', `${tl.year.startDate.slice(0, 4)} 财年`, tl.year, null);
  const quarter = cycle('quarter', `${tl.quarter.startDate.slice(0, 7)} 季度`, tl.quarter, year.id);
  const okrs = new OkrPlanner(rng, ids, organization.id, tl, people).plan({
    yearId: year.id,
    quarterId: quarter.id,
  });
  const checkIns = storeProgress(okrs, tl);
  const plans = okrs.rollUpOrder;
  const objectives = plans.flatMap((p) => p.objectives);
  const keyResults = objectives.flatMap((o) => o.keyResults);
  return {
    params,
    timeline: tl,
    organization,
    people,
    memberships,
    cycles: { year, quarter },
    okrs,
    ids,
    counts: {
      users: people.people.length,
      units: people.units.length,
      plans: plans.length,
      objectives: objectives.length,
      keyResults: keyResults.length,
      actions: keyResults.reduce((n, kr) => n + kr.actions.length, 0),
      checkIns,
      reviews: plans.reduce((n, p) => n + p.reviews.length, 0),
    },
  };
}
