import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Backup, BackupReason } from '../../../../shared/rpc/safety';
import type { BackendContext } from '../../context';
import { fsyncFile, fsyncFolder } from '../../db/backup';
import { isNoSpace } from '../../diskFull';
import { AppError } from '../../errors';
import { freeBytes as diskFreeBytes } from '../exports/drives';
import { copyDatabaseFile, DatabaseFileError, inspectDatabaseFile } from '../safety/check';
import { backupFileName, PARTIAL_SUFFIX, parseBackupFileName } from './files';
import { backupsToDelete } from './retention';
import { readSummary } from './summary';

export { readSummary };

// Backups: a copy made with SQLite's online backup API into "<name>.partiel" from one snapshot,
// switched to a self-contained journal, checked (quick_check) and counted — all in a worker
// thread, so calls are answered meanwhile — flushed, and only then renamed to its final name and
// the folder flushed.
// A file with a final name is therefore always a complete, verified backup; a ".partiel" one is
// never listed and is removed at the next start.

export interface BackupOptions {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

export interface WriteBackupOptions extends BackupOptions {
  appVersion: string;
  /** Free bytes on the disk holding a folder (tests pretend the disk is nearly full). */
  freeBytes?: (folder: string) => number | null;
  now?: Date;
}

export const BACKUP_CANCELLED_MESSAGE = 'Sauvegarde annulée : aucune copie n’a été gardée.';

/** Room kept free besides the copy itself (journal, the file system's own needs). */
const MARGIN_BYTES = 4 * 1024 * 1024;

const megabytes = (bytes: number) => Math.max(1, Math.ceil(bytes / (1024 * 1024)));

function diskFull(folder: string, needed?: number, free?: number): AppError {
  const figures =
    needed !== undefined && free !== undefined
      ? ` : la sauvegarde demande environ ${megabytes(needed)} Mo et il reste ${Math.floor(free / (1024 * 1024))} Mo`
      : ' : la sauvegarde n’a pas pu y être écrite';
  return new AppError(
    'DISK_FULL',
    `Le disque du dossier « ${folder} » est plein${figures}. Libérez de la place puis recommencez ; ` +
      'aucune copie partielle n’a été gardée.',
    { folder, ...(needed !== undefined ? { needed, free } : {}) },
  );
}

function removePartial(path: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
}

/** A name no other backup (final or being written) has: two backups in one millisecond differ. */
function freshName(folder: string, reason: BackupReason, now: Date): string {
  let at = now.getTime();
  for (;;) {
    const name = backupFileName(reason, new Date(at));
    if (!existsSync(join(folder, name)) && !existsSync(join(folder, `${name}${PARTIAL_SUFFIX}`))) return name;
    at += 1;
  }
}

/**
 * Writes one verified backup of the database open on `sqlite` into `folder`. The low level of
 * createBackup, also used by the opening of the database before a migration (no context yet).
 */
export async function writeBackup(
  sqlite: BetterSqlite3.Database,
  folder: string,
  reason: BackupReason,
  options: WriteBackupOptions,
): Promise<Backup> {
  if (!sqlite.name || sqlite.memory) throw new Error('only a database file can be backed up');
  mkdirSync(folder, { recursive: true });
  const needed =
    Number(sqlite.pragma('page_count', { simple: true })) *
    Number(sqlite.pragma('page_size', { simple: true }));
  const free = (options.freeBytes ?? diskFreeBytes)(folder);
  if (free !== null && free < needed + MARGIN_BYTES) throw diskFull(folder, needed, free);

  const createdAt = options.now ?? new Date();
  const name = freshName(folder, reason, createdAt);
  const final = join(folder, name);
  const partial = `${final}${PARTIAL_SUFFIX}`;
  try {
    const inspection = await copyDatabaseFile(sqlite.name, partial, options);
    if (inspection.check !== 'ok') {
      throw new AppError(
        'IO',
        `La copie de la base de données n’a pas passé la vérification (${inspection.check.slice(0, 200)}) : ` +
          'elle n’a pas été gardée. La base de données est peut-être endommagée.',
        { check: inspection.check },
      );
    }
    await fsyncFile(partial);
    const backup: Backup = {
      id: name,
      reason,
      createdAt: (parseBackupFileName(name)?.createdAt ?? createdAt).toISOString(),
      sizeBytes: statSync(partial).size,
      schemaVersion: inspection.userVersion,
      appVersion: options.appVersion,
      summary: inspection.summary,
    };
    options.signal?.throwIfAborted();
    renameSync(partial, final);
    await fsyncFolder(folder);
    remember(final, backup);
    return backup;
  } catch (error) {
    removePartial(partial);
    if (error instanceof AppError) throw error;
    if (options.signal?.aborted)
      throw new AppError('CONFLICT', BACKUP_CANCELLED_MESSAGE, { cancelled: true });
    if (isNoSpace(error)) throw diskFull(folder);
    if (error instanceof DatabaseFileError) {
      const damaged = String(error.code ?? '').startsWith('SQLITE_CORRUPT') || error.code === 'SQLITE_NOTADB';
      throw new AppError(
        'IO',
        'La base de données n’a pas pu être copiée : aucune sauvegarde n’a été gardée.',
        {
          cause: error.message,
          ...(damaged ? { check: error.message } : {}),
        },
      );
    }
    throw error;
  }
}

// One backup at a time per folder: two copies of the same database at once only double the I/O.
const queues = new Map<string, Promise<unknown>>();
function oneAtATime<T>(folder: string, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(folder) ?? Promise.resolve();
  const next = previous.then(work, work);
  const tail = next.catch(() => {});
  queues.set(folder, tail);
  void tail.then(() => {
    if (queues.get(folder) === tail) queues.delete(folder);
  });
  return next;
}

/**
 * Takes a verified backup of the live database, then applies retention (the new backup is
 * always kept). Runs within the caller's gate (shared, or the exclusive work of a restore); it
 * never enters the gate itself. Stops, leaving nothing, when `signal` or shutdown aborts.
 */
export function createBackup(
  ctx: BackendContext,
  reason: BackupReason,
  options: BackupOptions = {},
): Promise<Backup> {
  const folder = ctx.paths.backupsDir;
  return oneAtATime(folder, async () => {
    const signal = options.signal ? AbortSignal.any([options.signal, ctx.shutdown]) : ctx.shutdown;
    const backup = await writeBackup(ctx.sqlite, folder, reason, {
      ...options,
      signal,
      appVersion: ctx.appVersion,
      freeBytes: ctx.freeBytes,
    });
    applyRetention(folder, backup.id);
    return backup;
  });
}

/** Deletes what retention does not keep (only files with a backup's name; never `justMade`). */
export function applyRetention(folder: string, justMade?: string, now = new Date()): string[] {
  const candidates = backupNames(folder).map(({ name, reason, createdAt }) => ({
    id: name,
    reason,
    createdAt: createdAt.toISOString(),
  }));
  const doomed = backupsToDelete(candidates, now, justMade);
  for (const id of doomed) rmSync(join(folder, id), { force: true });
  return doomed;
}

function backupNames(folder: string): { name: string; reason: BackupReason; createdAt: Date }[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const parsed = parseBackupFileName(name);
    return parsed ? [{ name, ...parsed }] : [];
  });
}

/** Removes what an interrupted backup left: ".partiel" copies and their journals. Called at start. */
export function removeLeftovers(folder: string): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    if (/\.partiel(-journal|-wal|-shm)?$/.test(name)) rmSync(join(folder, name), { force: true });
  }
}

/**
 * The backups of `folder`, newest first. Each is described by reading the copy itself (schema
 * version, counts), once per file: the folder holds nothing but backups, and a description can
 * never disagree with the file it describes.
 */
export function listBackups(folder: string): Backup[] {
  const backups: Backup[] = [];
  for (const { name } of backupNames(folder)) {
    const backup = describe(folder, name);
    if (backup) backups.push(backup);
  }
  return backups.sort((a, b) =>
    a.createdAt === b.createdAt ? b.id.localeCompare(a.id) : b.createdAt.localeCompare(a.createdAt),
  );
}

/** One backup's description, or null when `id` is not the name of a backup of this folder. */
export function findBackup(folder: string, id: string): Backup | null {
  if (!parseBackupFileName(id) || !backupNames(folder).some((b) => b.name === id)) return null;
  return describe(folder, id);
}

/** The file's identity for the caches below: a replaced or rewritten file is read again. */
function fileKey(path: string): string | null {
  try {
    const stats = statSync(path);
    return `${path}:${stats.size}:${stats.mtimeMs}`;
  } catch {
    return null;
  }
}

const descriptions = new Map<string, Backup>();
const checks = new Map<string, boolean>();

/** Seeds the caches with what writeBackup already knows (it verified and counted the copy). */
function remember(path: string, backup: Backup): void {
  const key = fileKey(path);
  if (!key) return;
  descriptions.set(key, backup);
  checks.set(key, true);
}

function describe(folder: string, name: string): Backup | null {
  const parsed = parseBackupFileName(name);
  const path = join(folder, name);
  const key = fileKey(path);
  if (!parsed || !key) return null;
  const known = descriptions.get(key);
  if (known) return known;
  let copy: BetterSqlite3.Database | null = null;
  try {
    copy = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
    const backup: Backup = {
      id: name,
      reason: parsed.reason,
      createdAt: parsed.createdAt.toISOString(),
      sizeBytes: statSync(path).size,
      schemaVersion: Number(copy.pragma('user_version', { simple: true })),
      // Known only for the backups this run made; a copy does not say which Concerto wrote it.
      appVersion: '',
      summary: readSummary(copy),
    };
    descriptions.set(key, backup);
    return backup;
  } catch (error) {
    console.error(`[backups] ${name} cannot be read`, error);
    return null;
  } finally {
    copy?.close();
  }
}

/** The newest backup that passes quick_check (checked in a worker, once per file). */
export async function latestGoodBackup(folder: string): Promise<Backup | null> {
  for (const backup of listBackups(folder)) {
    const key = fileKey(join(folder, backup.id));
    if (!key) continue;
    let ok = checks.get(key);
    if (ok === undefined) {
      ok = await inspectDatabaseFile(join(folder, backup.id)).then(
        (inspection) => inspection.check === 'ok',
        () => false,
      );
      checks.set(key, ok);
    }
    if (ok) return backup;
  }
  return null;
}
