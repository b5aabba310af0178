/**
 * SQL pieces for a unit scope: a unit, its descendants, and the people who are members of them.
 * They are subqueries over a recursive CTE, so a scope of thousands of units or people never
 * turns into a list of bound parameters (SQLite and PostgreSQL both cap those).
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';

/** `select id from (unitId and its descendants)`, for `… in (<this>)`. */
export function unitSubtreeIds(organizationId: string, unitId: string): RawBuilder<unknown> {
  // `union` (not `union all`) also ends the walk on a corrupt parent loop
  return sql`with recursive subtree(id) as (
      select id from units where organization_id = ${organizationId} and id = ${unitId}
      union
      select u.id from units u inner join subtree s on u.parent_id = s.id
      where u.organization_id = ${organizationId}
    ) select id from subtree`;
}

/**
 * True for the plans (table alias `planAlias`) in the scope of `unitId`: plans owned by the unit
 * or one of its descendants, and user plans of the members of those units.
 */
export function planInUnitScope(
  planAlias: string,
  organizationId: string,
  unitId: string,
): RawBuilder<SqlBool> {
  const ownerType = sql.ref(`${planAlias}.owner_type`);
  const ownerId = sql.ref(`${planAlias}.owner_id`);
  return sql<SqlBool>`(
    (${ownerType} = 'unit' and ${ownerId} in (${unitSubtreeIds(organizationId, unitId)}))
    or (${ownerType} = 'user' and ${ownerId} in (
      select m.user_id from unit_members m
      where m.organization_id = ${organizationId}
        and m.unit_id in (${unitSubtreeIds(organizationId, unitId)})
    ))
  )`;
}
