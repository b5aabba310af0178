/** The API shape of an organization. */
import { Type, type Static } from '@sinclair/typebox';
import type { OrganizationRow } from '../../db/schema.js';
import { parseSettings } from '../../domain/settings.js';
import { Id } from '../../http/schemas.js';

export const OrganizationSchema = Type.Object(
  {
    id: Id,
    name: Type.String(),
    locale: Type.String(),
    timezone: Type.String(),
    settings: Type.Record(Type.String(), Type.Unknown()),
  },
  { $id: 'Organization' },
);
export type Organization = Static<typeof OrganizationSchema>;

export function toOrganization(row: OrganizationRow): Organization {
  return {
    id: row.id,
    name: row.name,
    locale: row.locale,
    timezone: row.timezone,
    settings: parseSettings(row.settings) as unknown as Record<string, unknown>,
  };
}
