import { AppError } from '../../errors';
import { cancelJob, startJob } from '../exports/jobs';

// Imports the screen follows and may cancel. The registry of running jobs is the exports' one
// (features/exports/jobs.ts: keyed by the renderer's job UUID, cooperative cancellation): only
// the sentences differ, so they are translated here rather than the registry duplicated.
// Cancellation is checked between chunks of rows while reading, matching and validating; the
// write itself is one synchronous transaction that is never interrupted half-way.

export const IMPORT_CANCELLED_MESSAGE = 'Import annulé : rien n’a été enregistré.';

export interface ImportJob {
  /** Throws CONFLICT "Import annulé" (details.cancelled) when the user asked to stop. */
  check(): void;
  /** Forgets the job (always called, success or failure). */
  end(): void;
}

function cancelled(error: unknown): boolean {
  return error instanceof AppError && error.details?.cancelled === true;
}

export function startImportJob(jobId: string | undefined): ImportJob {
  let job: ImportJob;
  try {
    job = startJob(jobId);
  } catch (error) {
    if (error instanceof AppError && error.code === 'CONFLICT') {
      throw new AppError('CONFLICT', 'Cet import est déjà en cours.');
    }
    throw error;
  }
  return {
    check() {
      try {
        job.check();
      } catch (error) {
        if (cancelled(error)) {
          throw new AppError('CONFLICT', IMPORT_CANCELLED_MESSAGE, { cancelled: true });
        }
        throw error;
      }
    },
    end: () => job.end(),
  };
}

/** Asks a running import to stop at its next check; answered ok when nothing runs any more. */
export function cancelImportJob(jobId: string): boolean {
  return cancelJob(jobId);
}

/** Lets queued messages (an imports.cancel) run between two chunks of work. */
export function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
