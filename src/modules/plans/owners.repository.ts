/** SQL for plan owners: units and users, and the owner's chain of units up to the root. */
import { sql } from 'kysely';
import type { DbOrTrx } from '../../context.js';
import { precompile } from '../../db/precompiled.js';

export function findUnit(db: DbOrTrx, orgId: string, id: string) {
  return db
    .selectFrom('units')
    .select(['id', 'name', 'parent_id', 'leader_id'])
    .where('id', '=', id)
    .where('organization_id', '=', orgId)
    .executeTakeFirst();
}

export function findUser(db: DbOrTrx, orgId: string, id: string) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'active'])
    .where('id', '=', id)
    .where('organization_id', '=', orgId)
    .executeTakeFirst();
}

export interface ChainRow {
  id: string;
  parent_id: string | null;
  leader_id: string | null;
  /** 1 for the units the chain starts from (the owner unit, or the user's units) */
  seed: number;
}

/**
 * The owner's units and all their ancestors, in one recursive query: for a unit, that unit and
 * up; for a user, the units they belong to and up. `union` (not `union all`) ends even on a
 * corrupt tree with a loop.
 */
type ChainParams = { orgId: string; ownerId: string };

/** The chain from the owner's unit (`unit`) or from the units the owner belongs to (`user`). */
const chainFrom = (ownerType: 'unit' | 'user') =>
  precompile(['orgId', 'ownerId'], (db, p: ChainParams) =>
    db
      .withRecursive('chain(id, parent_id, leader_id, seed)', (qc) => {
        const seed =
          ownerType === 'unit'
            ? qc
                .selectFrom('units')
                .select([
                  'units.id',
                  'units.parent_id',
                  'units.leader_id',
                  sql<number>`1`.as('seed'),
                ])
                .where('units.id', '=', p.ownerId)
                .where('units.organization_id', '=', p.orgId)
            : qc
                .selectFrom('units')
                .innerJoin('unit_members', 'unit_members.unit_id', 'units.id')
                .select([
                  'units.id',
                  'units.parent_id',
                  'units.leader_id',
                  sql<number>`1`.as('seed'),
                ])
                .where('unit_members.user_id', '=', p.ownerId)
                .where('units.organization_id', '=', p.orgId);
        return seed.union(
          qc
            .selectFrom('units')
            .innerJoin('chain', 'chain.parent_id', 'units.id')
            .select(['units.id', 'units.parent_id', 'units.leader_id', sql<number>`0`.as('seed')])
            .where('units.organization_id', '=', p.orgId),
        );
      })
      .selectFrom('chain')
      .selectAll(),
  );
// every plan read of a plan with private objectives runs one: compiled once
const chains = { unit: chainFrom('unit'), user: chainFrom('user') };

export async function ownerUnitChain(
  db: DbOrTrx,
  orgId: string,
  ownerType: 'unit' | 'user',
  ownerId: string,
): Promise<ChainRow[]> {
  const rows = await chains[ownerType].execute(db, { orgId, ownerId });
  return rows.map((r) => ({ ...r, seed: Number(r.seed) }));
}

/** The units a user belongs to, first joined first. */
export function membershipsOf(db: DbOrTrx, orgId: string, userId: string) {
  return db
    .selectFrom('unit_members')
    .select('unit_id')
    .where('user_id', '=', userId)
    .where('organization_id', '=', orgId)
    .orderBy('created_at')
    .orderBy('unit_id')
    .execute();
}
