/** The API shape of a user, and the request schemas of /users. */
import { Type, type Static } from '@sinclair/typebox';
import type { UserRow } from '../../db/schema.js';
import { Id, Nullable, PageQuery, Timestamp, Title } from '../../http/schemas.js';

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
    updatedAt: Type.Optional(Timestamp),
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
    updatedAt: row.updated_at,
    version: row.version,
  };
}

/** an email address: something@something, no inner spaces; stored trimmed and lower-case */
export const Email = Type.String({
  minLength: 3,
  maxLength: 320,
  pattern: '^\\s*[^\\s@]+@[^\\s@]+\\s*$',
  examples: ['li.lei@example.com'],
});
/** a new password: at least 8 characters (hashed with argon2id, never returned) */
export const NewPassword = Type.String({ minLength: 8, maxLength: 1000 });
const UnitIds = Type.Array(Id, { maxItems: 200, uniqueItems: true });

export const UserListQuery = Type.Object(
  {
    ...PageQuery,
    q: Type.Optional(
      Type.String({ maxLength: 200, description: 'part of the name or email, any case' }),
    ),
    unitId: Type.Optional(Id),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type UserListQuery = Static<typeof UserListQuery>;

export const CreateUserBody = Type.Object(
  {
    email: Email,
    name: Title,
    role: Role,
    password: Type.Optional(NewPassword),
    locale: Type.Optional(Nullable(Locale)),
    active: Type.Optional(Type.Boolean()),
    unitIds: Type.Optional(UnitIds),
  },
  { additionalProperties: false },
);
export type CreateUserInput = Static<typeof CreateUserBody>;

export const UpdateUserBody = Type.Object(
  {
    email: Type.Optional(Email),
    name: Type.Optional(Title),
    role: Type.Optional(Role),
    locale: Type.Optional(Nullable(Locale)),
    active: Type.Optional(Type.Boolean()),
    password: Type.Optional(NewPassword),
    currentPassword: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 1000,
        description: 'required when changing your own password',
      }),
    ),
    unitIds: Type.Optional(UnitIds),
  },
  {
    additionalProperties: false,
    description:
      'Admins may change every field. Anyone may change their own name, locale and password ' +
      '(their own password needs currentPassword).',
  },
);
export type UpdateUserInput = Static<typeof UpdateUserBody>;
