/**
 * The people and the unit tree of the synthetic organization: a company five levels deep
 * (company → divisions → departments → teams → squads), every unit led by one person, everyone
 * else a member of one unit, most of them in the teams and squads at the bottom.
 */
import type { UnitTable, UserTable } from '../db/schema.js';
import type { IdSource } from './ids.js';
import { personName, unitName } from './names.js';
import type { Rng } from './prng.js';
import { iso } from './timeline.js';

export const UNIT_LEVELS = 5;

export interface PlannedUnit {
  row: UnitTable;
  /** 1 = the company */
  level: number;
  parent: PlannedUnit | null;
  children: PlannedUnit[];
  leader: PlannedPerson;
  /** everyone in the unit, the leader first */
  members: PlannedPerson[];
}

export interface PlannedPerson {
  row: UserTable;
  /** the one unit they belong to (the admin: the company) */
  unit: PlannedUnit | null;
  /** the unit they lead, if any */
  leads: PlannedUnit | null;
  /** how likely they are to check in in a given week */
  diligence: number;
}

/**
 * How many units each level has: the company, then a branching factor b chosen so that
 * 1 + b + b² + b³ + b⁴ ≈ `units`, the bottom level taking the rest (at least one per level).
 */
export function unitsPerLevel(units: number): number[] {
  if (!Number.isInteger(units) || units < UNIT_LEVELS) {
    throw new Error(`A tree ${UNIT_LEVELS} levels deep needs at least ${UNIT_LEVELS} units`);
  }
  const total = (b: number) => 1 + b + b * b + b ** 3 + b ** 4;
  let lo = 1;
  let hi = units;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (total(mid) < units) lo = mid;
    else hi = mid;
  }
  const counts = [1];
  for (let level = 1; level < UNIT_LEVELS - 1; level++) {
    counts.push(Math.max(counts[level - 1] ?? 1, Math.round(lo ** level)));
  }
  let used = counts.reduce((s, n) => s + n, 0);
  // keep at least as many units at the bottom as one level up, so every parent gets a child
  while (units - used < (counts[counts.length - 1] ?? 1) && counts.length > 1) {
    const i = counts.findLastIndex((n, k) => k > 0 && n > (counts[k - 1] ?? 1));
    if (i < 0) break;
    counts[i] = (counts[i] ?? 1) - 1;
    used--;
  }
  counts.push(units - used);
  return counts;
}

export interface PeopleAndUnits {
  admin: PlannedPerson;
  people: PlannedPerson[];
  units: PlannedUnit[];
  root: PlannedUnit;
}

/** Relative share of the non-leaders each level gets, per unit. */
const MEMBER_WEIGHT_BY_LEVEL = [1, 1, 2, 4, 8];

/**
 * Builds `users` people (the first one the admin, `admin@<domain>`; the others
 * `user<n>@<domain>`) and `units` units. Needs at least one person per unit besides the admin.
 */
export function planPeopleAndUnits(
  rng: Rng,
  ids: IdSource,
  o: { organizationId: string; company: string; users: number; units: number; domain: string },
  at: number,
): PeopleAndUnits {
  if (o.users < o.units + 1) {
    throw new Error(
      `${o.units} units need at least ${o.units + 1} users (a leader each, an admin)`,
    );
  }
  const createdAt = iso(at);
  const person = (n: number, role: 'admin' | 'member'): PlannedPerson => ({
    row: {
      id: ids.next(),
      organization_id: o.organizationId,
      email: n === 0 ? `admin@${o.domain}` : `user${n}@${o.domain}`,
      name: personName(rng),
      role,
      locale: null,
      active: 1,
      password_hash: null,
      created_at: createdAt,
      updated_at: createdAt,
      version: 1,
    },
    unit: null,
    leads: null,
    // most people check in nearly every week; a few often forget
    diligence: Math.min(1, Math.max(0.3, rng.normal(0.88, 0.12))),
  });
  const admin = person(0, 'admin');
  const people: PlannedPerson[] = [admin];
  for (let n = 1; n < o.users; n++) people.push(person(n, 'member'));

  const counts = unitsPerLevel(o.units);
  const units: PlannedUnit[] = [];
  let previous: PlannedUnit[] = [];
  for (let level = 1; level <= counts.length; level++) {
    const count = counts[level - 1] ?? 0;
    const current: PlannedUnit[] = [];
    for (let j = 0; j < count; j++) {
      const parent =
        previous.length === 0 ? null : previous[Math.floor((j * previous.length) / count)]!;
      const leader = people[units.length + 1]!;
      const unit: PlannedUnit = {
        row: {
          id: ids.next(),
          organization_id: o.organizationId,
          name: unitName(rng, level, j, o.company),
          parent_id: parent?.row.id ?? null,
          leader_id: leader.row.id,
          created_at: createdAt,
          updated_at: createdAt,
          version: 1,
        },
        level,
        parent,
        children: [],
        leader,
        members: [leader],
      };
      leader.unit = unit;
      leader.leads = unit;
      parent?.children.push(unit);
      current.push(unit);
      units.push(unit);
    }
    previous = current;
  }
  const root = units[0]!;
  admin.unit = root;
  root.members.push(admin);

  // everyone else joins one unit, weighted towards the bottom of the tree
  const cumulative: number[] = [];
  let sum = 0;
  for (const u of units) {
    sum += MEMBER_WEIGHT_BY_LEVEL[u.level - 1] ?? 1;
    cumulative.push(sum);
  }
  for (let n = units.length + 1; n < people.length; n++) {
    const r = rng.next() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) > r) hi = mid;
      else lo = mid + 1;
    }
    const unit = units[lo]!;
    const p = people[n]!;
    p.unit = unit;
    unit.members.push(p);
  }
  return { admin, people, units, root };
}
