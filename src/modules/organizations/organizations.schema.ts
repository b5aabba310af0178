/** The API shape of an organization and its settings, and the request schema of PATCH. */
import { Type, type Static } from '@sinclair/typebox';
import type { OrganizationRow } from '../../db/schema.js';
import { parseSettings } from '../../domain/settings.js';
import { Fraction, Id, Timestamp, Title } from '../../http/schemas.js';

const Locale = Type.Union([Type.Literal('zh-CN'), Type.Literal('en')]);
const QualityGate = Type.Union([Type.Literal('off'), Type.Literal('warn'), Type.Literal('block')], {
  description: 'what a failed quality check does on submit',
});
const Weekday = Type.Integer({ minimum: 1, maximum: 7, description: '1 = Monday … 7 = Sunday' });
const Count = Type.Integer({ minimum: 0, maximum: 100 });

const healthThresholds = {
  atRisk: Type.Number({ minimum: 0, maximum: 1, description: 'on_track if p ≥ expected − atRisk' }),
  offTrack: Type.Number({
    minimum: 0,
    maximum: 1,
    description: 'at_risk if p ≥ expected − offTrack, else off_track; ≥ atRisk',
  }),
};
const quality = {
  minKeyResultsPerObjective: Count,
  maxKeyResultsPerObjective: Count,
  maxObjectivesPerPlan: Count,
  stretchThreshold: Fraction,
};

export const SettingsSchema = Type.Object({
  healthThresholds: Type.Object(healthThresholds),
  qualityGate: QualityGate,
  adjustmentsNeedApproval: Type.Boolean(),
  checkInWeekday: Weekday,
  quality: Type.Object(quality),
});

export const OrganizationSchema = Type.Object(
  {
    id: Id,
    name: Type.String(),
    locale: Type.String(),
    timezone: Type.String(),
    settings: SettingsSchema,
    createdAt: Timestamp,
    version: Type.Integer(),
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
    settings: parseSettings(row.settings),
    createdAt: row.created_at,
    version: row.version,
  };
}

const closed = { additionalProperties: false } as const;

/** PATCH /organization: every field optional; settings merge into the stored ones, deeply. */
export const UpdateOrganizationBody = Type.Object(
  {
    name: Type.Optional(Title),
    locale: Type.Optional(Locale),
    timezone: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: 'IANA name, e.g. Asia/Shanghai' }),
    ),
    settings: Type.Optional(
      Type.Object(
        {
          healthThresholds: Type.Optional(Type.Partial(Type.Object(healthThresholds), closed)),
          qualityGate: Type.Optional(QualityGate),
          adjustmentsNeedApproval: Type.Optional(Type.Boolean()),
          checkInWeekday: Type.Optional(Weekday),
          quality: Type.Optional(Type.Partial(Type.Object(quality), closed)),
        },
        closed,
      ),
    ),
  },
  closed,
);
export type UpdateOrganizationInput = Static<typeof UpdateOrganizationBody>;
