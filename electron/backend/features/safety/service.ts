import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { SAFETY_CHANGED, type SafetyStatus } from '../../../../shared/rpc/safety';
import { type BackendContext, DATABASE_FILE, dataPaths } from '../../context';
import { fsyncFile, fsyncFolder } from '../../db/backup';
import type { OpenedDatabase } from '../../db/open';
import { isNoSpace } from '../../diskFull';
import { AppError } from '../../errors';
import { PARTIAL_SUFFIX } from '../backups/files';
import { latestGoodBackup, removeLeftovers } from '../backups/service';
import { freeBytes as diskFreeBytes } from '../exports/drives';
import { keepAside } from './aside';
import { copyDatabaseFile, DatabaseFileError, inspectDatabaseFile } from './check';
import { damagedProblem, memoryDatabase, openForUse, type Problem } from './startup';
import type { SafetyState } from './state';

// Safe mode: when the database is damaged, too new, or misplaced, the context holds an empty
// in-memory database instead (nothing can reach the file), the router refuses every call but
// the safe-mode ones, and the screens are told through `safety:changed`.

/** Tells the screens the safety status changed (mode, problem, or the start-up check's result). */
export function announceSafety(ctx: BackendContext): void {
  ctx.emit(SAFETY_CHANGED, { mode: ctx.safety.mode, problem: ctx.safety.problem, check: ctx.safety.check });
}

/** Puts an opened database in the context, closing the one it replaces. */
export async function swapDatabase(
  ctx: BackendContext,
  opened: Pick<OpenedDatabase, 'db' | 'sqlite'>,
): Promise<void> {
  const previous = ctx.db;
  ctx.db = opened.db;
  ctx.sqlite = opened.sqlite;
  await previous
    .destroy()
    .catch((error: unknown) => console.error('[safety] closing the previous database', error));
}

/** Enters safe mode (inside the gate's exclusive lock, or before any call runs). */
export async function enterSafeMode(
  ctx: BackendContext,
  problem: Problem,
  check?: SafetyState['check'],
): Promise<void> {
  await swapDatabase(ctx, memoryDatabase());
  ctx.safety.mode = 'safe';
  ctx.safety.problem = problem;
  if (check) ctx.safety.check = check;
  announceSafety(ctx);
}

/** Leaves safe mode with a verified database in place. */
export function leaveSafeMode(ctx: BackendContext, check: SafetyState['check']): void {
  const changed = ctx.safety.mode !== 'normal';
  ctx.safety.mode = 'normal';
  ctx.safety.problem = null;
  ctx.safety.check = check;
  if (changed) announceSafety(ctx);
}

// ── The start-up check of a large database, after `ready` ─────────────────

const backgroundChecks = new WeakMap<BackendContext, { controller: AbortController; done: Promise<void> }>();

/**
 * quick_check of the database in a worker on its own read-only connection: calls are answered
 * meanwhile (the check state is 'pending'). Damage found puts Concerto in safe mode.
 */
export function startBackgroundCheck(ctx: BackendContext): void {
  const controller = new AbortController();
  const signal = AbortSignal.any([controller.signal, ctx.shutdown]);
  const path = ctx.paths.databasePath;
  const started = performance.now();
  const done = inspectDatabaseFile(path, { signal, keepAlive: false })
    .then(
      (inspection) => inspection.check === 'ok',
      (error: unknown) => {
        if (signal.aborted) return null;
        if (error instanceof DatabaseFileError) return false;
        console.error('[safety] the background check could not run', error);
        return null;
      },
    )
    .then(async (ok) => {
      if (ok === null || signal.aborted) return;
      const check: SafetyState['check'] = {
        state: ok ? 'ok' : 'damaged',
        at: new Date().toISOString(),
        durationMs: Math.round(performance.now() - started),
      };
      if (ok) {
        ctx.safety.check = check;
        announceSafety(ctx);
        return;
      }
      console.error(`[safety] the background check found damage in ${path}`);
      await ctx.gate.exclusive(async () => {
        // A restore or a move may have replaced the database while the check ran.
        if (signal.aborted || ctx.paths.databasePath !== path) return;
        await enterSafeMode(ctx, damagedProblem(path), check);
      });
    });
  backgroundChecks.set(ctx, { controller, done });
}

/**
 * Stops a running background check. Returns when it has stopped; inside exclusive work do not
 * wait for it (it may itself be waiting for the lock): the abort is enough.
 */
export function stopBackgroundCheck(ctx: BackendContext): Promise<void> {
  const running = backgroundChecks.get(ctx);
  if (!running) return Promise.resolve();
  backgroundChecks.delete(ctx);
  running.controller.abort();
  return running.done.catch(() => {});
}

// ── Status ─────────────────────────────────────────────────────────────────

export async function safetyStatus(ctx: BackendContext): Promise<SafetyStatus> {
  return {
    mode: ctx.safety.mode,
    problem: ctx.safety.problem,
    check: ctx.safety.check,
    databasePath: ctx.paths.databasePath,
    latestGoodBackup: await latestGoodBackup(ctx.paths.backupsDir),
    localDataDir: ctx.safety.localDataDir,
  };
}

// ── Moving the data to this computer ───────────────────────────────────────

/** In the local data folder: where its data were moved from. */
const MOVE_RECORD = 'deplace-depuis.json';

/** The data folder the data of `localDataDir` were moved from, or null. */
export function movedFrom(localDataDir: string): string | null {
  try {
    if (!existsSync(join(localDataDir, DATABASE_FILE))) return null;
    const record = JSON.parse(readFileSync(join(localDataDir, MOVE_RECORD), 'utf8')) as { from?: unknown };
    return typeof record.from === 'string' ? record.from : null;
  } catch {
    return null;
  }
}

/** Folders of the data folder that go with the database (received files, documents written). */
const MOVED_FOLDERS = ['exports', 'staging'];

/**
 * For a data folder on a network share or a removable drive: copies the database (online
 * backup API, verified) and the exports and staging folders into the local data folder, then
 * continues from there. The original folder is left as it was. Runs under the exclusive lock.
 */
export async function moveToLocal(ctx: BackendContext): Promise<SafetyStatus> {
  if (ctx.safety.problem?.kind !== 'location') {
    throw new AppError('CONFLICT', 'Les données sont déjà sur cet ordinateur : il n’y a rien à déplacer.');
  }
  const local = ctx.safety.localDataDir;
  if (!local) {
    throw new AppError(
      'INTERNAL',
      'Aucun dossier local n’est prévu sur cet ordinateur pour y déplacer les données.',
    );
  }
  const from = dataPaths(ctx.paths.dataDir, ctx.paths.resourcesDir);
  const to = dataPaths(resolve(local), ctx.paths.resourcesDir);
  if (resolve(from.dataDir) === to.dataDir) {
    throw new AppError('CONFLICT', 'Le dossier local est celui où sont déjà les données.');
  }
  mkdirSync(to.dataDir, { recursive: true });

  if (existsSync(from.databasePath)) await copyDatabase(ctx, from.databasePath, to.databasePath);
  for (const folder of MOVED_FOLDERS) {
    const source = join(from.dataDir, folder);
    // Closed files (documents, received spreadsheets): a plain copy, existing ones kept.
    if (existsSync(source)) cpSync(source, join(to.dataDir, folder), { recursive: true, force: false });
  }

  // Read at the next start: the data of this folder now live here (the host opens them there).
  writeFileSync(
    join(to.dataDir, MOVE_RECORD),
    JSON.stringify({ from: resolve(from.dataDir), at: new Date().toISOString() }, null, 2),
  );
  Object.assign(ctx.paths, to);
  removeLeftovers(to.backupsDir);
  const outcome = await openForUse(ctx.paths, { appVersion: ctx.appVersion, freeBytes: ctx.freeBytes });
  if (outcome.kind === 'open') {
    await swapDatabase(ctx, outcome.opened);
    leaveSafeMode(ctx, outcome.check);
    if (outcome.checkLater) startBackgroundCheck(ctx);
  } else {
    ctx.safety.problem = outcome.problem;
    ctx.safety.check = outcome.check;
    announceSafety(ctx);
  }
  return safetyStatus(ctx);
}

async function copyDatabase(ctx: BackendContext, source: string, target: string): Promise<void> {
  const folder = resolve(target, '..');
  const needed = statSync(source).size;
  const free = (ctx.freeBytes ?? diskFreeBytes)(folder);
  if (free !== null && free < needed + 4 * 1024 * 1024) {
    throw new AppError(
      'DISK_FULL',
      `Le disque du dossier « ${folder} » n’a pas assez de place pour les données de Concerto ` +
        `(environ ${Math.ceil(needed / (1024 * 1024))} Mo). Libérez de la place puis recommencez.`,
      { folder, needed, free },
    );
  }
  const partial = `${target}.deplacement${PARTIAL_SUFFIX}`;
  try {
    const inspection = await copyDatabaseFile(source, partial, { signal: ctx.shutdown });
    if (inspection.check !== 'ok') throw new DatabaseFileError(undefined, inspection.check);
    await fsyncFile(partial);
    // A database already there (an earlier move) is kept aside, never overwritten.
    if (existsSync(target)) keepAside(target, 'avant-deplacement');
    renameSync(partial, target);
    await fsyncFolder(folder);
  } catch (error) {
    for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${partial}${suffix}`, { force: true });
    if (isNoSpace(error)) {
      throw new AppError(
        'DISK_FULL',
        `Le disque du dossier « ${folder} » est plein : rien n’a été déplacé.`,
        {
          folder,
        },
      );
    }
    throw new AppError(
      'IO',
      'La base de données n’a pas pu être copiée sur cet ordinateur (elle est peut-être endommagée) : ' +
        'rien n’a été déplacé, le dossier d’origine est intact.',
      { cause: String(error) },
    );
  }
}
