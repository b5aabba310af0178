/**
 * Check-in reminders (the organization's cadence: `settings.checkInWeekday`, default Friday, in
 * the organization's timezone). On that local weekday each person responsible for key results due
 * a check-in gets one `check_in_reminder` notification for the ISO week. Safe to run often and from
 * several server processes at once: the notifications' unique key (organization, user, kind, ISO
 * week) with INSERT … ON CONFLICT DO NOTHING keeps each reminder single.
 */
import type { AppContext } from '../context.js';
import { parseSettings } from '../domain/settings.js';
import { insertAudit } from '../modules/audit/audit.repository.js';
import { dueKeyResultsByPerson } from '../modules/notifications/due.repository.js';
import { listOrganizationClocks } from '../modules/notifications/notifications.repository.js';
import { notify } from '../modules/notifications/notifications.service.js';
import {
  checkInDueSince,
  formatIsoWeek,
  isoWeekOf,
  weekdayOf,
} from '../modules/weekly/iso-week.js';
import { dateIn } from '../shared/time.js';

/** What one run did for one organization. */
export interface ReminderRun {
  organizationId: string;
  /** the ISO week reminded for; null when today is not the organization's check-in day */
  isoWeek: string | null;
  /** the people reminded by this run (not those reminded earlier) */
  remindedUserIds: string[];
  /** set when this organization failed (the others still ran) */
  error?: string;
}

/** A reminder lists at most this many KR ids (the count is always complete). */
const MAX_IDS = 100;
/**
 * People reminded per transaction: a company's whole list at once would hold SQLite's only
 * writer for seconds; each batch is short, and the unique key keeps a rerun from repeating one.
 */
const PEOPLE_PER_TRANSACTION = 500;

async function remindOrganization(
  ctx: AppContext,
  org: { id: string; timezone: string; settings: string },
  now: Date,
  done: Set<string> | undefined,
): Promise<ReminderRun> {
  const today = dateIn(now, org.timezone);
  if (weekdayOf(today) !== parseSettings(org.settings).checkInWeekday) {
    return { organizationId: org.id, isoWeek: null, remindedUserIds: [] };
  }
  const isoWeek = formatIsoWeek(isoWeekOf(today));
  const key = `${org.id}/${isoWeek}`;
  if (done?.has(key)) return { organizationId: org.id, isoWeek, remindedUserIds: [] };
  const at = now.toISOString();
  const due = [
    ...(await dueKeyResultsByPerson(ctx.db, org.id, checkInDueSince(now, org.timezone), isoWeek)),
  ];
  const remindedUserIds: string[] = [];
  for (let i = 0; i < due.length; i += PEOPLE_PER_TRANSACTION) {
    const batch = due.slice(i, i + PEOPLE_PER_TRANSACTION);
    const reminded = await ctx.db.transaction().execute(async (trx) => {
      const ids = await notify(
        trx,
        org.id,
        at,
        batch.map(([userId, keyResultIds]) => ({
          userId,
          kind: 'check_in_reminder' as const,
          dedupeKey: isoWeek,
          actorId: null,
          data: {
            isoWeek,
            count: keyResultIds.length,
            keyResultIds: keyResultIds.slice(0, MAX_IDS),
          },
        })),
      );
      if (ids.length > 0) {
        await insertAudit(trx, {
          organizationId: org.id,
          actorId: null,
          action: 'notification.checkInReminders',
          targetType: 'organization',
          targetId: org.id,
          after: { isoWeek, userIds: ids },
          at,
        });
      }
      return ids;
    });
    remindedUserIds.push(...reminded);
  }
  done?.add(key);
  return { organizationId: org.id, isoWeek, remindedUserIds };
}

/**
 * One pass of the reminder job over every organization at `now`. An organization that fails is
 * reported in its run and does not stop the others. With `done` (the scheduler's), an
 * organization already reminded for the ISO week by this process is not read again.
 */
export async function runReminders(
  ctx: AppContext,
  now: Date,
  done?: Set<string>,
): Promise<ReminderRun[]> {
  const runs: ReminderRun[] = [];
  for (const org of await listOrganizationClocks(ctx.db)) {
    try {
      runs.push(await remindOrganization(ctx, org, now, done));
    } catch (e) {
      runs.push({
        organizationId: org.id,
        isoWeek: null,
        remindedUserIds: [],
        error: e instanceof Error ? e.message : String(e),
      });
    }
  }
  return runs;
}
