import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { uuidv7 } from '../../shared/domain/ids';
import { bridge, call } from '../app/rpc';

// Long work (an export, a backup, an archive) runs as a job the screen follows (progress events
// carrying its id, on the feature's topic) and can stop (the feature's cancel method).

export interface JobProgress {
  done: number;
  total: number;
}

/** Reads a progress event for one job; the payload is checked, never trusted. */
export function progressOf(payload: unknown, jobId: string): JobProgress | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const p = payload as Record<string, unknown>;
  if (p.jobId !== jobId) return null;
  const done = typeof p.done === 'number' ? p.done : null;
  const total = typeof p.total === 'number' ? p.total : null;
  return done !== null && total !== null && total > 0 ? { done: Math.min(done, total), total } : null;
}

export interface Job {
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

/**
 * One job at a time: `topic` carries its progress events (`exports:progress`,
 * `safety:progress`), `cancelMethod` stops it.
 */
export function useJob(topic: string, cancelMethod: 'exports.cancel' | 'safety.cancel'): Job {
  const [jobId, setJobId] = useState<string | null>(null);
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const current = useRef<string | null>(null);
  const stopped = useRef(false);

  useEffect(() => {
    if (!jobId) return;
    return bridge().subscribe(topic, (payload) => {
      const next = progressOf(payload, jobId);
      if (next) setProgress(next);
    });
  }, [topic, jobId]);

  const run = useCallback(async <T,>(work: (id: string) => Promise<T>): Promise<T> => {
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
      await call(cancelMethod, { jobId: id });
    } catch {
      // The job may have just finished: its own outcome is what the secretary sees.
    }
  }, [cancelMethod]);

  const percent = progress ? Math.round((progress.done / progress.total) * 100) : null;
  const wasStopped = useCallback(() => stopped.current, []);
  return { running: jobId !== null, progress, percent, wasStopped, run, stop };
}

export interface JobProgressBarProps {
  /** The sentence above the bar ("12 / 40 fichiers", "Sauvegarde en cours…"). */
  text: string;
  /** The bar's accessible name. */
  label: string;
  /** Percent done; null until the first event (the bar then moves without a figure). */
  value: number | null;
  maw?: number;
}

export function JobProgressBar({ text, label, value, maw }: JobProgressBarProps) {
  return (
    <Stack gap={4} maw={maw}>
      <Text size="sm">{text}</Text>
      <Progress value={value ?? 100} striped={value === null} animated={value === null} aria-label={label} />
    </Stack>
  );
}

export interface JobButtonsProps {
  running: boolean;
  stopLabel: string;
  onStop: () => void;
  cancelLabel: string;
  onCancel: () => void;
  /** The button that starts the job. */
  children: ReactNode;
}

/** A job dialog's buttons: "Arrêter" while the job runs, "Annuler" otherwise, then the action. */
export function JobButtons({ running, stopLabel, onStop, cancelLabel, onCancel, children }: JobButtonsProps) {
  return (
    <Group justify="flex-end" gap="sm">
      {running ? (
        <Button variant="default" color="red" onClick={onStop}>
          {stopLabel}
        </Button>
      ) : (
        <Button variant="default" onClick={onCancel}>
          {cancelLabel}
        </Button>
      )}
      {children}
    </Group>
  );
}
