import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Envelope } from '../../shared/rpc/envelope';
import { type BackendContext, dataPaths } from './context';
import { type BackupScheduleOptions, startBackupSchedule } from './features/backups/schedule';
import { removeLeftovers } from './features/backups/service';
import { cancelJob } from './features/exports/jobs';
import { type LocationKind, probeLocation } from './features/safety/location';
import { movedFrom, startBackgroundCheck, stopBackgroundCheck } from './features/safety/service';
import { locationProblem, memoryDatabase, type OpenOutcome, openForUse } from './features/safety/startup';
import { normalSafetyState } from './features/safety/state';
import { currentActor } from './features/settings/repository';
import { handlers } from './handlers';
import { Gate } from './rpc/gate';
import { createRouter, type Router } from './rpc/router';

export { BACKUPS_FOLDER, DATABASE_FILE } from './context';

export interface BackendOptions {
  /** Folder holding the database and its backups (Electron's userData, or a test folder). */
  dataDir: string;
  resourcesDir: string;
  appVersion: string;
  onEvent?: (topic: string, payload: unknown) => void;
  /** A local, non-roaming folder where "Déplacer sur cet ordinateur" copies the data. */
  localDataDir?: string;
  /** Where the data folder lies (network share, removable drive); tests pretend. */
  locationProbe?: (dataDir: string) => LocationKind | null | Promise<LocationKind | null>;
  /** Free bytes on a folder's disk; tests pretend the disk is nearly full. */
  freeBytes?: (folder: string) => number | null;
  /** Automatic backups (daily at start, then periodic); false turns them off. */
  backupSchedule?: BackupScheduleOptions | false;
  /** Databases larger than this are checked after `ready`, in a worker (default 64 MB). */
  backgroundCheckAboveBytes?: number;
}

export interface Backend {
  invoke: Router;
  context: BackendContext;
  /**
   * Clean shutdown: refuses new calls, cancels running jobs, waits for the calls in flight (at
   * most 5 s), stops the timers, checkpoints the WAL into the database and closes it.
   */
  close(): Promise<void>;
}

/** How long shutdown waits for calls in flight before closing anyway. */
export const SHUTDOWN_GRACE_MS = 5000;

export const CLOSING_MESSAGE = 'Concerto se ferme : l’opération n’a pas été faite.';

/** Opens the database and wires the router: the same for Electron's utility process and the web host. */
export async function startBackend(options: BackendOptions): Promise<Backend> {
  mkdirSync(options.dataDir, { recursive: true });
  let paths = dataPaths(options.dataDir, options.resourcesDir);
  let location = await Promise.resolve()
    .then(() => (options.locationProbe ?? probeLocation)(paths.dataDir))
    .catch((error: unknown) => {
      console.error('[safety] the location of the data could not be checked', error);
      return null;
    });
  // Data already moved from this folder to this computer: continue there.
  if (location && options.localDataDir && movedFrom(options.localDataDir) === resolve(options.dataDir)) {
    paths = dataPaths(resolve(options.localDataDir), options.resourcesDir);
    location = null;
  }
  // What an interrupted backup, restore or move left: never a backup, never the database.
  removeLeftovers(paths.backupsDir);
  removeLeftovers(paths.dataDir);
  const outcome: OpenOutcome = location
    ? {
        kind: 'safe',
        problem: locationProblem(paths.dataDir, location),
        check: { state: 'pending', at: null, durationMs: null },
      }
    : await openForUse(paths, {
        appVersion: options.appVersion,
        freeBytes: options.freeBytes,
        backgroundCheckAboveBytes: options.backgroundCheckAboveBytes,
      });
  const database = outcome.kind === 'open' ? outcome.opened : memoryDatabase();

  const shutdown = new AbortController();
  const safety = normalSafetyState(options.localDataDir ?? null);
  safety.check = outcome.check;
  if (outcome.kind === 'safe') {
    safety.mode = 'safe';
    safety.problem = outcome.problem;
  }
  const context: BackendContext = {
    db: database.db,
    sqlite: database.sqlite,
    gate: new Gate(),
    safety,
    paths,
    appVersion: options.appVersion,
    // Read at each call: a restore swaps the database.
    actor: () => currentActor(context.db),
    emit: (topic, payload) => options.onEvent?.(topic, payload),
    shutdown: shutdown.signal,
    ...(options.freeBytes ? { freeBytes: options.freeBytes } : {}),
  };

  const router = createRouter(handlers, context);
  const inFlight = new Map<number, { jobId?: string; done: Promise<unknown> }>();
  let nextCall = 0;
  let closing = false;
  const invoke: Router = (method, input) => {
    if (closing) {
      return Promise.resolve<Envelope<unknown>>({
        ok: false,
        error: { code: 'INTERNAL', message: CLOSING_MESSAGE },
      });
    }
    const id = nextCall++;
    const jobId = (input as { jobId?: unknown } | null)?.jobId;
    const done = router(method, input).finally(() => inFlight.delete(id));
    inFlight.set(id, { ...(typeof jobId === 'string' ? { jobId } : {}), done });
    return done;
  };

  const schedule =
    options.backupSchedule === false ? null : startBackupSchedule(context, options.backupSchedule);
  if (outcome.kind === 'open' && outcome.checkLater) startBackgroundCheck(context);

  let closed: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closed ??= (async () => {
      closing = true;
      // Jobs the screens follow stop at their next check; backups and checks stop at once.
      for (const call of inFlight.values()) if (call.jobId) cancelJob(call.jobId);
      shutdown.abort();
      const calls = Promise.allSettled([...inFlight.values()].map((call) => call.done));
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<'late'>((resolve) => {
        timer = setTimeout(() => resolve('late'), SHUTDOWN_GRACE_MS);
      });
      const late = await Promise.race([calls.then(() => 'done' as const), grace]);
      clearTimeout(timer);
      if (late === 'late') console.error(`[backend] closing with ${inFlight.size} call(s) still running`);
      await Promise.allSettled([schedule?.stop(), stopBackgroundCheck(context)]);
      try {
        if (context.safety.mode === 'normal') context.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      } catch (error) {
        console.error('[backend] the final checkpoint failed', error);
      }
      await context.db.destroy();
    })();
    return closed;
  };

  return { invoke, context, close };
}
