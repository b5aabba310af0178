/** The API shape of a unit (company, department, team), and the request schemas of /units. */
import { Type, type Static } from '@sinclair/typebox';
import type { UnitRow } from '../../db/schema.js';
import { Id, Nullable, Timestamp, Title } from '../../http/schemas.js';
import { UserSchema, type User } from '../users/users.schema.js';

export const UnitSchema = Type.Object(
  {
    id: Id,
    name: Type.String(),
    parentId: Nullable(Id),
    leaderId: Nullable(Id),
    memberIds: Type.Array(Id),
    memberCount: Type.Integer(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    version: Type.Integer(),
  },
  { $id: 'Unit', description: 'parentId is null only for the root unit (the company)' },
);
export type Unit = Static<typeof UnitSchema>;

/** a unit with its members and the ids of its child units */
export const UnitDetailSchema = Type.Object(
  {
    ...UnitSchema.properties,
    members: Type.Array(Type.Ref(UserSchema)),
    childIds: Type.Array(Id),
  },
  { $id: 'UnitDetail' },
);
export type UnitDetail = Unit & { members: User[]; childIds: string[] };

/** row → API */
export function toUnit(row: UnitRow, memberIds: string[]): Unit {
  return {
    id: row.id,
    name: row.name,
    parentId: row.parent_id,
    leaderId: row.leader_id,
    memberIds,
    memberCount: memberIds.length,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

export const UnitListQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 1000 })),
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type UnitListQuery = Static<typeof UnitListQuery>;

export const CreateUnitBody = Type.Object(
  {
    name: Title,
    parentId: Id,
    leaderId: Type.Optional(Nullable(Id)),
  },
  { additionalProperties: false, description: 'the leader becomes a member' },
);
export type CreateUnitInput = Static<typeof CreateUnitBody>;

export const UpdateUnitBody = Type.Object(
  {
    name: Type.Optional(Title),
    parentId: Type.Optional(Nullable(Id)),
    leaderId: Type.Optional(Nullable(Id)),
  },
  {
    additionalProperties: false,
    description: 'rename, move (never under itself or its descendants), change the leader',
  },
);
export type UpdateUnitInput = Static<typeof UpdateUnitBody>;

export const MemberParams = Type.Object({ id: Id, userId: Id });
