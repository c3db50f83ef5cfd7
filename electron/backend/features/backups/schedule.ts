import type { BackendContext } from '../../context';
import { createBackup, listBackups } from './service';

// Automatic backups: one at start at most once a day (none when any backup was already taken
// today), then one every few hours while Concerto is open. Timers never keep the process
// alive, and stop() stops them and waits for (or cancels) a backup under way.

export interface BackupScheduleOptions {
  /** Delay before the daily backup: start-up and the first screens come first. */
  firstDelayMs?: number;
  periodMs?: number;
}

export const DAILY_DELAY_MS = 60_000;
export const PERIOD_MS = 4 * 60 * 60 * 1000;

const localDay = (date: Date) => `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;

export interface BackupSchedule {
  stop(): Promise<void>;
}

export function startBackupSchedule(
  ctx: BackendContext,
  options: BackupScheduleOptions = {},
): BackupSchedule {
  const controller = new AbortController();
  let running: Promise<unknown> | null = null;

  const run = (reason: 'daily' | 'periodic') => {
    if (running || controller.signal.aborted || ctx.safety.mode !== 'normal') return;
    running = ctx.gate
      .shared(async () => {
        if (ctx.safety.mode !== 'normal' || controller.signal.aborted) return;
        if (reason === 'daily') {
          const today = localDay(new Date());
          if (listBackups(ctx.paths.backupsDir).some((b) => localDay(new Date(b.createdAt)) === today))
            return;
        }
        await createBackup(ctx, reason, { signal: controller.signal });
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) console.error(`[backups] the ${reason} backup failed`, error);
      })
      .finally(() => {
        running = null;
      });
  };

  const first = setTimeout(() => run('daily'), options.firstDelayMs ?? DAILY_DELAY_MS);
  first.unref();
  const every = setInterval(() => run('periodic'), options.periodMs ?? PERIOD_MS);
  every.unref();

  return {
    async stop() {
      clearTimeout(first);
      clearInterval(every);
      controller.abort();
      await running;
    },
  };
}
