/** The API shape of a user. */
import { Type, type Static } from '@sinclair/typebox';
import type { UserRow } from '../../db/schema.js';
import { Id, Nullable, Timestamp } from '../../http/schemas.js';

export const Role = Type.Union([Type.Literal('admin'), Type.Literal('member')]);
export const Locale = Type.Union([Type.Literal('zh-CN'), Type.Literal('en')]);

export const UserSchema = Type.Object(
  {
    id: Id,
    email: Type.String(),
    name: Type.String(),
    role: Role,
    locale: Nullable(Type.String()),
    active: Type.Boolean(),
    unitIds: Type.Optional(Type.Array(Id)),
    createdAt: Timestamp,
    version: Type.Integer(),
  },
  { $id: 'User' },
);
export type User = Static<typeof UserSchema>;

/** row → API; never the password hash */
export function toUser(row: UserRow, unitIds?: string[]): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    locale: row.locale,
    active: row.active === 1,
    ...(unitIds ? { unitIds } : {}),
    createdAt: row.created_at,
    version: row.version,
  };
}
