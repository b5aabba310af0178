/**
 * The scheduler of the server process (`polaris serve`): runs the check-in reminders every few
 * minutes. Every server process may run one; the jobs themselves keep their effects single
 * (see reminders.ts), so no leader election is needed.
 */
import type { AppContext } from '../context.js';
import { runReminders, type ReminderRun } from './reminders.js';

export { runReminders, type ReminderRun };

export interface SchedulerLog {
  error(obj: unknown, msg?: string): void;
}

export interface SchedulerOptions {
  /** how often the jobs run (default 5 minutes) */
  intervalMs?: number;
  /** the first run, after start (default 30 seconds: the server is listening by then) */
  firstRunMs?: number;
  log?: SchedulerLog;
}

export interface Scheduler {
  /** stops the timer and waits for a run in progress */
  stop(): Promise<void>;
}

/** Starts the jobs; the timers do not keep the process alive. */
export function startScheduler(ctx: AppContext, opts: SchedulerOptions = {}): Scheduler {
  const log = opts.log ?? {
    error: (obj, msg) => console.error(msg ?? 'scheduled job failed', obj),
  };
  let running: Promise<void> | null = null;
  let stopped = false;
  // organization/ISO week reminded by this process: the check-in day's later runs skip them
  const done = new Set<string>();

  const tick = (): void => {
    // one run at a time in this process; a slow run is not stacked on
    if (stopped || running) return;
    running = runReminders(ctx, ctx.now(), done)
      .then((runs) => {
        for (const run of runs) {
          if (run.error !== undefined) {
            log.error(
              { organizationId: run.organizationId, error: run.error },
              'check-in reminders failed',
            );
          }
        }
      })
      .catch((err: unknown) => log.error({ err }, 'check-in reminders failed'))
      .finally(() => {
        running = null;
      });
  };

  const first = setTimeout(tick, opts.firstRunMs ?? 30_000);
  const timer = setInterval(tick, opts.intervalMs ?? 5 * 60_000);
  first.unref();
  timer.unref();

  return {
    stop: async () => {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
