/** API shapes of weekly updates (周报) and the request body. */
import { Type, type Static } from '@sinclair/typebox';
import type { WeeklyUpdateRow } from '../../db/schema.js';
import { DateString, Id, LongText, Nullable, Timestamp } from '../../http/schemas.js';
import type { WeeklyCheckInRow } from './weekly.repository.js';

export const IsoWeekString = Type.String({
  pattern: '^\\d{4}-W\\d{2}$',
  description: 'an ISO-8601 week, e.g. 2026-W48',
  examples: ['2026-W48'],
});

export const MyWeekParams = Type.Object({ isoWeek: IsoWeekString });
export const UnitWeekParams = Type.Object({ id: Id, isoWeek: IsoWeekString });

export const PutWeeklyBody = Type.Object(
  {
    /** 本周重点: this week's priorities */
    priorities: Type.Optional(Nullable(LongText)),
    /** 下周计划: next week's plan */
    nextWeek: Type.Optional(Nullable(LongText)),
    notes: Type.Optional(Nullable(LongText)),
  },
  { additionalProperties: false },
);
export type PutWeeklyInput = Static<typeof PutWeeklyBody>;

export const WeeklyCheckInSchema = Type.Object({
  id: Id,
  keyResultId: Id,
  keyResultTitle: Type.String(),
  objectiveId: Id,
  objectiveTitle: Type.String(),
  planId: Id,
  value: Type.Number(),
  confidence: Nullable(Type.Integer()),
  note: Nullable(Type.String()),
  blockers: Nullable(Type.String()),
  createdAt: Timestamp,
});
export type WeeklyCheckIn = Static<typeof WeeklyCheckInSchema>;

export const WeeklyUpdateSchema = Type.Object(
  {
    /** null until the person writes it */
    id: Nullable(Id),
    userId: Id,
    userName: Nullable(Type.String()),
    isoWeek: Type.String(),
    /** Monday and Sunday of the week */
    weekStart: DateString,
    weekEnd: DateString,
    priorities: Nullable(Type.String()),
    nextWeek: Nullable(Type.String()),
    notes: Nullable(Type.String()),
    createdAt: Nullable(Timestamp),
    updatedAt: Nullable(Timestamp),
    /** 0 until written (If-Match: "0" creates only) */
    version: Type.Integer(),
    /** the person's check-ins of that week (in the organization's timezone) */
    checkIns: Type.Array(WeeklyCheckInSchema),
  },
  { $id: 'WeeklyUpdate' },
);
export type WeeklyUpdate = Static<typeof WeeklyUpdateSchema>;

export const UnitWeeklySchema = Type.Object(
  {
    unitId: Id,
    unitName: Type.String(),
    isoWeek: Type.String(),
    weekStart: DateString,
    weekEnd: DateString,
    /** the updates the unit's members wrote, by name */
    updates: Type.Array(Type.Ref(WeeklyUpdateSchema)),
    /** the active members who have not written one */
    missing: Type.Array(Type.Object({ userId: Id, name: Type.String() })),
  },
  { $id: 'UnitWeekly' },
);
export type UnitWeekly = Static<typeof UnitWeeklySchema>;

/** row → API */
export function toWeeklyCheckIn(row: WeeklyCheckInRow): WeeklyCheckIn {
  return {
    id: row.id,
    keyResultId: row.key_result_id,
    keyResultTitle: row.key_result_title,
    objectiveId: row.objective_id,
    objectiveTitle: row.objective_title,
    planId: row.plan_id,
    value: row.value,
    confidence: row.confidence,
    note: row.note,
    blockers: row.blockers,
    createdAt: row.created_at,
  };
}

/** row (or none yet) → API */
export function toWeeklyUpdate(
  person: { id: string; name: string | null },
  week: { isoWeek: string; start: string; end: string },
  row: WeeklyUpdateRow | undefined,
  checkIns: WeeklyCheckIn[],
): WeeklyUpdate {
  return {
    id: row?.id ?? null,
    userId: person.id,
    userName: person.name,
    isoWeek: week.isoWeek,
    weekStart: week.start,
    weekEnd: week.end,
    priorities: row?.priorities ?? null,
    nextWeek: row?.next_week ?? null,
    notes: row?.notes ?? null,
    createdAt: row?.created_at ?? null,
    updatedAt: row?.updated_at ?? null,
    version: row?.version ?? 0,
    checkIns,
  };
}
