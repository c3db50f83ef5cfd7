import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Backup } from '../../../../shared/rpc/safety';
import type { BackendContext } from '../../context';
import { fsyncFile, fsyncFolder } from '../../db/backup';
import { SCHEMA_VERSION } from '../../db/migrations';
import { openDatabase, tooNewError } from '../../db/open';
import { isNoSpace } from '../../diskFull';
import { AppError } from '../../errors';
import { freeBytes as diskFreeBytes } from '../exports/drives';
import { keepAside } from '../safety/aside';
import { copyDatabaseFile } from '../safety/check';
import { enterSafeMode, leaveSafeMode, stopBackgroundCheck, swapDatabase } from '../safety/service';
import { damagedProblem } from '../safety/startup';
import { PARTIAL_SUFFIX } from './files';
import { createBackup, findBackup } from './service';

// Replacing the live database by another file (a backup, or the database of an archive).
// The new file is copied and verified under a temporary name first; only then is the live
// connection checkpointed and closed and the file renamed over the database, which is atomic:
// a kill at any point leaves the old database or the new one, never a mix. The old database is
// first kept as a 'before-restore' backup, so the restore can itself be undone; one that cannot
// be read (safe mode) is kept aside under another name instead, never deleted.

const INCOMING = `.restauration${PARTIAL_SUFFIX}`;

function removeIncoming(path: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
}

/**
 * Replaces the live database by a copy of `sourceFile` (a closed SQLite file, never moved or
 * modified). Must run inside the gate's exclusive lock (the router does it for the restore
 * methods). Returns the 'before-restore' backup of the database replaced (null in safe mode,
 * where the damaged or newer file is kept aside instead).
 */
export async function replaceDatabase(
  ctx: BackendContext,
  sourceFile: string,
): Promise<{ beforeRestore: Backup | null }> {
  if (ctx.safety.problem?.kind === 'location') {
    throw new AppError(
      'SAFE_MODE',
      'Les données sont sur un lecteur réseau ou amovible : déplacez-les d’abord sur cet ordinateur, puis restaurez.',
    );
  }
  const target = ctx.paths.databasePath;
  const incoming = `${target}${INCOMING}`;
  removeIncoming(incoming);

  // 1. The new file, copied and verified beside the database.
  let source: BetterSqlite3.Database | null = null;
  try {
    source = new BetterSqlite3(sourceFile, { readonly: true, fileMustExist: true });
    const version = Number(source.pragma('user_version', { simple: true }));
    if (version > SCHEMA_VERSION) throw tooNewError(version, SCHEMA_VERSION, sourceFile);
    const needed = statSync(sourceFile).size;
    const free = (ctx.freeBytes ?? diskFreeBytes)(dirname(target));
    if (free !== null && free < needed + 4 * 1024 * 1024) {
      throw new AppError(
        'DISK_FULL',
        `Le disque du dossier « ${dirname(target)} » n’a pas assez de place pour restaurer ` +
          `(environ ${Math.ceil(needed / (1024 * 1024))} Mo) : rien n’a été changé.`,
        { folder: dirname(target), needed, free },
      );
    }
    source.close();
    source = null;
    const inspection = await copyDatabaseFile(sourceFile, incoming);
    if (inspection.check !== 'ok') {
      throw new AppError('IO', 'Ce fichier est endommagé (la vérification a échoué) : rien n’a été changé.', {
        check: inspection.check,
      });
    }
    await fsyncFile(incoming);
  } catch (error) {
    source?.close();
    removeIncoming(incoming);
    if (error instanceof AppError) throw error;
    if (isNoSpace(error)) {
      throw new AppError(
        'DISK_FULL',
        `Le disque du dossier « ${dirname(target)} » est plein : rien n’a été changé.`,
      );
    }
    throw new AppError(
      'IO',
      'Ce fichier n’est pas une base de données Concerto lisible : rien n’a été changé.',
      {
        cause: String(error),
      },
    );
  }

  // 2. The database replaced: kept as a backup, or aside when it cannot be read.
  void stopBackgroundCheck(ctx);
  const wasSafe = ctx.safety.mode === 'safe';
  let beforeRestore: Backup | null = null;
  let readable = !wasSafe;
  if (readable) {
    try {
      beforeRestore = await createBackup(ctx, 'before-restore');
    } catch (error) {
      // A live database whose copy fails its check is damaged: it is kept aside like one.
      readable = false;
      if (!(error instanceof AppError && error.details?.check !== undefined)) {
        removeIncoming(incoming);
        throw error;
      }
    }
  }
  if (readable) ctx.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  await ctx.db.destroy();

  // 3. The swap: one rename.
  if (!readable) {
    if (existsSync(target)) {
      keepAside(target, ctx.safety.problem?.kind === 'too-new' ? 'version-recente' : 'endommagee');
    }
  } else {
    // Checkpointed and closed: whatever is left of the WAL is empty, and must not meet the new file.
    rmSync(`${target}-wal`, { force: true });
    rmSync(`${target}-shm`, { force: true });
  }
  renameSync(incoming, target);
  await fsyncFolder(dirname(target));

  // 4. Reopened (migrating a backup of an older schema) and handed to the next calls.
  try {
    const opened = await openDatabase(target, {
      backupsDir: ctx.paths.backupsDir,
      appVersion: ctx.appVersion,
      freeBytes: ctx.freeBytes,
    });
    await swapDatabase(ctx, opened);
  } catch (error) {
    console.error('[backups] the restored database cannot be opened', error);
    await enterSafeMode(ctx, damagedProblem(target), {
      state: 'damaged',
      at: new Date().toISOString(),
      durationMs: null,
    });
    throw new AppError(
      'IO',
      'La base de données restaurée n’a pas pu être ouverte : Concerto est en mode sans échec.',
    );
  }
  leaveSafeMode(ctx, { state: 'ok', at: new Date().toISOString(), durationMs: null });
  return { beforeRestore };
}

/** backups.restore: only a backup of the backups folder, named as listed (no path). */
export async function restoreBackup(
  ctx: BackendContext,
  id: string,
): Promise<{ restored: Backup; beforeRestore: Backup | null }> {
  const folder = ctx.paths.backupsDir;
  const restored = basename(id) === id ? findBackup(folder, id) : null;
  if (!restored) {
    throw new AppError('NOT_FOUND', `Cette sauvegarde est introuvable dans le dossier « ${folder} ».`, {
      id,
    });
  }
  const { beforeRestore } = await replaceDatabase(ctx, join(folder, id));
  return { restored, beforeRestore };
}
