import { SAFETY_PROGRESS } from '../../../../shared/rpc/safety';
import type { BackendContext } from '../../context';
import { AppError } from '../../errors';
import { cancelJob, startJob } from '../exports/jobs';
import type { BackupOptions } from './service';

// Backups (and archives) the screen follows and may cancel (safety.cancel). The registry of
// running jobs is the exports' one (keyed by the renderer's job UUID): a job id names one job,
// whatever its kind, and shutdown cancels them all the same way.

/** Running backup jobs by id: safety.cancel aborts them at once (not at their next check). */
const controllers = new Map<string, AbortController>();

/** Progress events at most this often (the last one always goes). */
const PROGRESS_EVERY_MS = 100;

/**
 * Runs `work` as job `jobId`: progress goes out on `safety:progress` as { jobId, done, total },
 * and safety.cancel (or shutdown) aborts the signal `work` receives.
 */
export async function runSafetyJob<T>(
  ctx: BackendContext,
  jobId: string | undefined,
  work: (options: BackupOptions) => Promise<T>,
): Promise<T> {
  let job: ReturnType<typeof startJob>;
  try {
    job = startJob(jobId);
  } catch (error) {
    if (error instanceof AppError && error.code === 'CONFLICT')
      throw new AppError('CONFLICT', 'Cette opération est déjà en cours.');
    throw error;
  }
  const controller = new AbortController();
  if (jobId !== undefined) controllers.set(jobId, controller);
  const watch = () => {
    try {
      job.check();
    } catch {
      controller.abort();
    }
  };
  // A cancel that reached the shared registry only (another path than safety.cancel) is seen here.
  const timer = setInterval(watch, 50);
  timer.unref();
  let last = 0;
  try {
    return await work({
      signal: controller.signal,
      onProgress: (done, total) => {
        watch();
        const now = performance.now();
        if (jobId !== undefined && (done === total || now - last >= PROGRESS_EVERY_MS)) {
          last = now;
          ctx.emit(SAFETY_PROGRESS, { jobId, done, total });
        }
      },
    });
  } finally {
    clearInterval(timer);
    if (jobId !== undefined) controllers.delete(jobId);
    job.end();
  }
}

/** safety.cancel: asks a running backup or archive job to stop. */
export function cancelSafetyJob(jobId: string): void {
  cancelJob(jobId);
  controllers.get(jobId)?.abort();
}
