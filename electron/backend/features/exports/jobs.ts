import { AppError } from '../../errors';

// Exports that the screen follows and may cancel. Cancellation is cooperative: the export checks
// between two files (rendering one file is not interrupted half-way) and, once cancelled, throws
// before anything reaches its final name, so a cancelled export leaves no file behind.

export const CANCELLED_MESSAGE = 'Export annulé : aucun fichier n’a été enregistré.';

export interface Job {
  /** Throws CONFLICT "Export annulé" when the user asked to stop. */
  check(): void;
  /** Forgets the job (always called, success or failure). */
  end(): void;
}

// Keyed by the job id the renderer made (a UUID): unique across backends in one process.
const running = new Map<string, { cancelled: boolean }>();

const untracked: Job = { check: () => {}, end: () => {} };

export function startJob(jobId: string | undefined): Job {
  if (jobId === undefined) return untracked;
  if (running.has(jobId)) throw new AppError('CONFLICT', 'Cet export est déjà en cours.');
  const state = { cancelled: false };
  running.set(jobId, state);
  return {
    check() {
      if (state.cancelled) throw new AppError('CONFLICT', CANCELLED_MESSAGE, { cancelled: true });
    },
    end() {
      running.delete(jobId);
    },
  };
}

/**
 * Asks a running export to stop before its next file. A job that already finished (or never
 * started) has nothing to stop: answered ok all the same, since the user's wish is met.
 */
export function cancelJob(jobId: string): boolean {
  const state = running.get(jobId);
  if (!state) return false;
  state.cancelled = true;
  return true;
}
