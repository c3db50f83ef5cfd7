import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, type Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { dateFr } from '../../../../shared/documents/format';
import { uuidv7 } from '../../../../shared/domain/ids';
import type { ParsedInputOf } from '../../../../shared/rpc';
import type { ExportResult } from '../../../../shared/rpc/documents';
import { nowIso } from '../../clock';
import type { BackendContext } from '../../context';
import { AppError } from '../../errors';
import { runSafetyJob } from '../backups/jobs';
import { type BackupOptions, readSummary } from '../backups/service';
import { todayIn } from '../documents/env';
import { type ExportFileHandle, type ExportFs, errorCode, nodeExportFs } from '../exports/safeWrite';
import { resolveTarget } from '../exports/service';
import { readSettings } from '../settings/repository';
import { dataFolderFull, dataFreeBytes, destinationError, destinationFull, isNoSpace } from './disk';
import {
  ARCHIVE_EXTENSION,
  DATABASE_ENTRY,
  isSafeEntryPath,
  type Manifest,
  type ManifestFile,
  planArchive,
  writeArchive,
} from './format';
import { makeWorkDir, removeWorkDir } from './staging';

// archives.export: a snapshot of the database taken with SQLite's online backup API (never a
// copy of the live file), the received files the import history refers to and the documents
// written, hashed, then streamed into one .concerto file written as the exports are: under a
// temporary name in the destination, flushed, renamed, the folder flushed, then logged. Any
// failure (full stick, stick pulled out, cancellation) removes what was written.
// It runs as a safety job: its progress goes out on safety:progress and safety.cancel (or
// Concerto closing) stops it between two chunks, leaving no file and no log entry.

const ARCHIVE_CANCELLED_MESSAGE = 'Export de l’archive annulé : aucun fichier n’a été enregistré.';

const CHUNK = 1024 * 1024;
const STAGED_FOLDER = /^[0-9a-f]{64}$/;
/** Folder depth scanned below the exports folder (Concerto writes at its top level). */
const EXPORTS_DEPTH = 4;

export interface ArchiveExportOptions {
  /** The destination's file system, for tests that make a device fail. */
  fs?: ExportFs;
  /** Scrypt cost, for tests; the default is the format's. */
  scryptN?: number;
}

/**
 * Progress over every byte the export reads: snapshot, hashing, then writing. The total is an
 * estimate until the files are measured; `done` never passes it and ends equal to it.
 */
function progressReporter(onProgress: (done: number, total: number) => void) {
  let total = 1;
  let done = 0;
  const say = () => onProgress(Math.min(done, total), total);
  return {
    setTotal(bytes: number) {
      total = Math.max(1, bytes);
      say();
    },
    add(bytes: number) {
      done += bytes;
      say();
    },
    finish() {
      done = total;
      say();
    },
  };
}

interface Snapshot {
  file: string;
  schemaVersion: number;
  summary: Manifest['summary'];
  stagedIds: string[];
}

/**
 * The database as it is now, into the work folder, switched out of WAL on the copy so that it is
 * one self-contained file.
 */
async function takeSnapshot(
  ctx: BackendContext,
  work: string,
  signal: AbortSignal,
  onPages: (bytes: number) => void,
): Promise<Snapshot> {
  const sqlite = ctx.sqlite;
  const pageSize = Number(sqlite.pragma('page_size', { simple: true }));
  const estimate = Number(sqlite.pragma('page_count', { simple: true })) * pageSize;
  const free = dataFreeBytes(ctx, work);
  if (free !== null && free < estimate) throw dataFolderFull(ctx.paths.dataDir, estimate - free);
  const file = join(work, DATABASE_ENTRY);
  let copied = 0;
  try {
    await sqlite.backup(file, {
      progress: ({ totalPages, remainingPages }) => {
        if (signal.aborted) throw signal.reason;
        const now = totalPages - remainingPages;
        onPages((now - copied) * pageSize);
        copied = now;
        // Pages per step: small steps let other calls use the database between them.
        return 256;
      },
    });
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    if (isNoSpace(error)) throw dataFolderFull(ctx.paths.dataDir, null);
    throw error;
  }
  const copy = new BetterSqlite3(file);
  try {
    copy.pragma('journal_mode = DELETE');
    return {
      file,
      schemaVersion: Number(copy.pragma('user_version', { simple: true })),
      summary: readSummary(copy),
      stagedIds: copy
        .prepare<[], string>('SELECT DISTINCT sha256 FROM import_batches ORDER BY sha256')
        .pluck()
        .all()
        .filter((id) => STAGED_FOLDER.test(id)),
    };
  } finally {
    copy.close();
  }
}

interface FileOnDisk {
  /** In the archive: `staging/<sha256>/<name>` or `exports/…`. */
  path: string;
  file: string;
}

async function entries(folder: string): Promise<Dirent[]> {
  return readdir(folder, { withFileTypes: true }).catch(() => []);
}

/**
 * The files that travel with the database: each staged file the import history refers to (the
 * whole staging folder of its SHA-256, manifest included), and the documents of the exports
 * folder. Links are never followed; hidden files (a write in progress) and archives (which
 * would nest) are left out.
 */
async function collectFiles(ctx: BackendContext, stagedIds: readonly string[]): Promise<FileOnDisk[]> {
  const files: FileOnDisk[] = [];
  for (const id of stagedIds) {
    const folder = join(ctx.paths.dataDir, 'staging', id);
    for (const entry of await entries(folder)) {
      const path = `staging/${id}/${entry.name}`;
      if (entry.isFile() && isSafeEntryPath(path)) files.push({ path, file: join(folder, entry.name) });
    }
  }
  const walk = async (folder: string, prefix: string, depth: number) => {
    const found = (await entries(folder)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of found) {
      if (entry.name.startsWith('.')) continue;
      const path = `${prefix}/${entry.name}`;
      if (entry.isDirectory() && depth < EXPORTS_DEPTH) await walk(join(folder, entry.name), path, depth + 1);
      else if (
        entry.isFile() &&
        !entry.name.toLowerCase().endsWith(ARCHIVE_EXTENSION) &&
        isSafeEntryPath(path)
      )
        files.push({ path, file: join(folder, entry.name) });
    }
  };
  await walk(ctx.paths.exportsDir, 'exports', 1);
  return files;
}

async function hashFile(
  path: string,
  signal: AbortSignal,
  onBytes: (n: number) => void,
): Promise<ManifestFile> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK })) {
    if (signal.aborted) throw signal.reason;
    const bytes = chunk as Buffer;
    hash.update(bytes);
    size += bytes.length;
    onBytes(bytes.length);
  }
  return { path: '', size, sha256: hash.digest('hex') };
}

/** "2025-03-14_Concerto_archive.concerto", then "-2", "-3"… rather than replace an older one. */
async function freeName(folder: string, today: string): Promise<string> {
  const stem = `${today}_Concerto_archive`;
  for (let n = 1; ; n++) {
    const name = `${stem}${n === 1 ? '' : `-${n}`}${ARCHIVE_EXTENSION}`;
    if (!(await stat(join(folder, name)).catch(() => null))) return name;
  }
}

/** Writes the planned archive into the folder all or nothing; returns its final path. */
async function writeToFolder(
  fs: ExportFs,
  folder: string,
  display: string,
  fileName: string,
  totalBytes: number,
  write: (sink: (bytes: Uint8Array) => Promise<void>) => Promise<unknown>,
): Promise<string> {
  const temp = join(folder, `.${fileName}.partial-${randomBytes(6).toString('hex')}`);
  const final = join(folder, fileName);
  let handle: ExportFileHandle | null = null;
  let renamed = false;
  try {
    handle = await fs.create(temp);
    const open = handle;
    await write((bytes) => open.write(bytes));
    await handle.sync();
    handle = null;
    await open.close();
    await fs.rename(temp, final);
    renamed = true;
    await fs.syncFolder(folder);
    return final;
  } catch (error) {
    await handle?.close().catch(() => {});
    await fs.remove(renamed ? final : temp).catch(() => {});
    if (isNoSpace(error)) {
      // Measured once the temporary file is gone: what the whole archive lacks.
      const free = await fs.freeBytes(folder);
      throw destinationFull(display, free === null ? null : totalBytes - free);
    }
    throw destinationError(error, display);
  }
}

/** archives.export, as job `input.jobId` (safety.cancel stops it). */
export function exportArchive(
  ctx: BackendContext,
  input: ParsedInputOf<'archives.export'>,
  options: ArchiveExportOptions = {},
): Promise<ExportResult> {
  return runSafetyJob(ctx, input.jobId, (job) => runExport(ctx, input, options, job));
}

async function runExport(
  ctx: BackendContext,
  input: ParsedInputOf<'archives.export'>,
  options: ArchiveExportOptions,
  job: BackupOptions,
): Promise<ExportResult> {
  const fs = options.fs ?? nodeExportFs;
  // Stopped by the user, or by Concerto closing.
  const signal = job.signal ? AbortSignal.any([job.signal, ctx.shutdown]) : ctx.shutdown;
  const progress = progressReporter(job.onProgress ?? (() => {}));
  let work: string | null = null;
  try {
    const target = await resolveTarget(ctx.paths, input.destination);
    const settings = await readSettings(ctx.db);
    const today = todayIn(settings.timeZone);
    work = await makeWorkDir(ctx.paths, 'export');

    const liveBytes =
      Number(ctx.sqlite.pragma('page_count', { simple: true })) *
      Number(ctx.sqlite.pragma('page_size', { simple: true }));
    progress.setTotal(liveBytes * 3);
    const snapshot = await takeSnapshot(ctx, work, signal, progress.add);
    const others = await collectFiles(ctx, snapshot.stagedIds);
    const candidates = [{ path: DATABASE_ENTRY, file: snapshot.file }, ...others];
    const sizes = await Promise.all(
      candidates.map((c) =>
        stat(c.file).then(
          (s) => s.size,
          () => 0,
        ),
      ),
    );
    progress.setTotal(liveBytes + 2 * sizes.reduce((sum, n) => sum + n, 0));

    const files: ManifestFile[] = [];
    const sources: string[] = [];
    for (const candidate of candidates) {
      let hashed: ManifestFile;
      try {
        hashed = await hashFile(candidate.file, signal, progress.add);
      } catch (error) {
        // A received file removed meanwhile (staging is pruned) travels no more; the snapshot must.
        if (errorCode(error) === 'ENOENT' && candidate.file !== snapshot.file) continue;
        throw error;
      }
      files.push({ ...hashed, path: candidate.path });
      sources.push(candidate.file);
    }
    const manifest: Manifest = {
      createdAt: nowIso(),
      appVersion: ctx.appVersion,
      schemaVersion: snapshot.schemaVersion,
      summary: snapshot.summary,
      files,
    };
    const plan = await planArchive(manifest, {
      password: input.password,
      ...(options.scryptN ? { scryptN: options.scryptN } : {}),
    });
    // Said before anything is written, rather than after filling the stick to the brim.
    const free = await fs.freeBytes(target.dir);
    if (free !== null && free < plan.totalBytes)
      throw destinationFull(target.display, plan.totalBytes - free);

    const fileName = await freeName(target.dir, today);
    let written = { bytes: 0, sha256: '' };
    const path = await writeToFolder(
      fs,
      target.dir,
      target.display,
      fileName,
      plan.totalBytes,
      async (sink) => {
        written = await writeArchive(plan, sources, sink, { signal, onBytes: progress.add });
      },
    );

    const id = uuidv7();
    try {
      const at = nowIso();
      const actor = await ctx.actor();
      await ctx.db.transaction().execute((trx) =>
        trx
          .insertInto('export_log')
          .values({
            id,
            kind: 'archive',
            label: `Archive Concerto — ${dateFr(today)}${input.password ? ' (protégée par mot de passe)' : ''}`,
            file_name: fileName,
            format: 'concerto',
            bytes: written.bytes,
            sha256: written.sha256,
            folder: target.display,
            path,
            in_exports: target.inExports ? 1 : 0,
            subject_type: null,
            subject_id: null,
            recipients: '[]',
            actor,
            created_at: at,
            updated_at: at,
          })
          .execute(),
      );
    } catch (error) {
      // What is on disk and what is logged agree: no log, no file.
      await fs.remove(path).catch(() => {});
      throw error;
    }
    progress.finish();
    return {
      files: [{ id, fileName, bytes: written.bytes, format: 'concerto' }],
      folder: target.display,
      safeToRemove: !target.inExports,
      pdfMissingCharacters: [],
    };
  } catch (error) {
    // Once stopped, whatever failed on the way out (a read cut short, a write refused) is the stop.
    if (signal.aborted) throw new AppError('CONFLICT', ARCHIVE_CANCELLED_MESSAGE, { cancelled: true });
    if (error instanceof AppError) throw error;
    if (isNoSpace(error)) throw dataFolderFull(ctx.paths.dataDir, null);
    throw error;
  } finally {
    if (work) await removeWorkDir(work);
  }
}
