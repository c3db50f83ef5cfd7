import { useCallback, useEffect, useRef, useState } from 'react';
import { uuidv7 } from '../../../shared/domain/ids';
import { SAFETY_PROGRESS } from '../../../shared/rpc/safety';
import { bridge, call } from '../../app/rpc';

// A backup or an archive export runs as a job the screen follows (`safety:progress` events
// carrying its id) and can stop (`safety.cancel`), as the exports do.

export interface JobProgress {
  done: number;
  total: number;
}

/** Reads a `safety:progress` event for one job; the payload is checked, never trusted. */
export function progressOf(payload: unknown, jobId: string): JobProgress | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const p = payload as Record<string, unknown>;
  if (p.jobId !== jobId) return null;
  const done = typeof p.done === 'number' ? p.done : null;
  const total = typeof p.total === 'number' ? p.total : null;
  return done !== null && total !== null && total > 0 ? { done: Math.min(done, total), total } : null;
}

export interface SafetyJob {
  /** Set while the job runs. */
  running: boolean;
  /** The latest progress (null until the first event). */
  progress: JobProgress | null;
  /** Whole percent, for the progress bar and its sentence; null until the first event. */
  percent: number | null;
  /** True once the user asked to stop: the failure that follows is the stop, not a problem. */
  wasStopped(): boolean;
  /** Runs `work` with a fresh job id; resolves with its result. */
  run<T>(work: (jobId: string) => Promise<T>): Promise<T>;
  /** Asks the backend to stop the running job. */
  stop(): Promise<void>;
}

export function useSafetyJob(): SafetyJob {
  const [jobId, setJobId] = useState<string | null>(null);
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const current = useRef<string | null>(null);
  const stopped = useRef(false);

  useEffect(() => {
    if (!jobId) return;
    return bridge().subscribe(SAFETY_PROGRESS, (payload) => {
      const next = progressOf(payload, jobId);
      if (next) setProgress(next);
    });
  }, [jobId]);

  const run = useCallback(async <T>(work: (id: string) => Promise<T>): Promise<T> => {
    const id = uuidv7();
    current.current = id;
    stopped.current = false;
    setProgress(null);
    setJobId(id);
    try {
      return await work(id);
    } finally {
      current.current = null;
      setJobId(null);
    }
  }, []);

  const stop = useCallback(async () => {
    const id = current.current;
    if (!id) return;
    stopped.current = true;
    try {
      await call('safety.cancel', { jobId: id });
    } catch {
      // The job may have just finished: its own outcome is what the secretary sees.
    }
  }, []);

  const percent = progress ? Math.round((progress.done / progress.total) * 100) : null;
  const wasStopped = useCallback(() => stopped.current, []);
  return { running: jobId !== null, progress, percent, wasStopped, run, stop };
}
