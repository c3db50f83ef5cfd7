import { randomBytes } from 'node:crypto';
import { type FileHandle, open, rename, statfs, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { numberFr } from '../../../../shared/documents/format';
import { AppError } from '../../errors';

// Writing files so that a name never holds a half-written file: every file of a call is first
// written under a hidden temporary name in the destination folder, flushed to the device
// (fsync), and only when all of them are written are they renamed onto their final names (a
// rename within one folder is atomic and replaces an older export of the same name). A full
// stick, a read-only folder or a stick pulled out mid-write therefore leaves the folder as it
// was: the temporary files are removed when the device still answers, and the final names are
// untouched. The few renames at the end are undone as well if one of them fails.

/** An open file being written. */
export interface ExportFileHandle {
  write(bytes: Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The file-system operations an export uses, as a parameter so that tests can make a device
 * fail half-way (ENOSPC, EIO) deterministically.
 */
export interface ExportFs {
  /** Creates a new file (fails if it exists). */
  create(path: string): Promise<ExportFileHandle>;
  rename(from: string, to: string): Promise<void>;
  remove(path: string): Promise<void>;
  /** Flushes the folder's entries (the renames) where the platform allows it. */
  syncFolder(path: string): Promise<void>;
  /** Bytes free for this user on the folder's device, when the system says. */
  freeBytes(path: string): Promise<number | null>;
}

function wrapHandle(handle: FileHandle): ExportFileHandle {
  return {
    async write(bytes) {
      let offset = 0;
      while (offset < bytes.length) {
        const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
        if (bytesWritten <= 0) throw Object.assign(new Error('write returned 0'), { code: 'EIO' });
        offset += bytesWritten;
      }
    },
    sync: () => handle.sync(),
    close: () => handle.close(),
  };
}

/** Errors a folder fsync may give where folders cannot be opened or flushed (Windows). */
const FOLDER_SYNC_UNSUPPORTED = new Set(['EPERM', 'EISDIR', 'EINVAL', 'EBADF', 'EACCES', 'ENOTSUP']);

export const nodeExportFs: ExportFs = {
  create: async (path) => wrapHandle(await open(path, 'wx', 0o644)),
  rename: (from, to) => rename(from, to),
  remove: (path) => unlink(path),
  async syncFolder(path) {
    let handle: FileHandle | null = null;
    try {
      handle = await open(path, 'r');
      await handle.sync();
    } catch (error) {
      if (!FOLDER_SYNC_UNSUPPORTED.has(errorCode(error) ?? '')) throw error;
    } finally {
      await handle?.close().catch(() => {});
    }
  },
  async freeBytes(path) {
    try {
      const stats = await statfs(path);
      return Number(stats.bavail) * Number(stats.bsize);
    } catch {
      return null;
    }
  },
};

export function errorCode(error: unknown): string | undefined {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string')
    return error.code;
  return undefined;
}

/** "3,2 Mo", "740 Ko": sizes as Windows' French explorer shows them (1 Mo = 1024 Ko). */
export function sizeFr(bytes: number): string {
  const kb = bytes / 1024;
  if (kb < 1024) return `${numberFr(Math.max(1, Math.ceil(kb)), 0)}\u00a0Ko`;
  const mb = kb / 1024;
  if (mb < 1024) return `${numberFr(Math.ceil(mb * 10) / 10, 1)}\u00a0Mo`;
  return `${numberFr(Math.ceil((mb / 1024) * 10) / 10, 1)}\u00a0Go`;
}

const NOTHING_SAVED = 'Rien n’a été enregistré.';

/** A device full (DISK_FULL): how much is missing when it can be told. */
export function noSpaceError(folder: string, missing: number | null): AppError {
  const amount = missing !== null && missing > 0 ? ` : il manque environ ${sizeFr(missing)}` : '';
  return new AppError(
    'DISK_FULL',
    `La clé ou le disque du dossier ${folder} est plein${amount}. ` +
      `Libérez de la place ou choisissez un autre dossier. ${NOTHING_SAVED}`,
    { cause: 'full', folder, ...(missing !== null && missing > 0 ? { missingBytes: missing } : {}) },
  );
}

/** An older export of the same name, open in another application, cannot be replaced. */
export function fileInUseError(path: string, folder: string): AppError {
  return new AppError(
    'IO',
    `Le fichier ${basename(path)} du dossier ${folder} est ouvert dans une autre application ` +
      `(Word, Excel…) et ne peut pas être remplacé. Fermez-le et recommencez. ${NOTHING_SAVED}`,
    { cause: 'inUse', folder },
  );
}

/** The French message for a failed write, naming the folder and what the user can do. */
export function writeError(error: unknown, folder: string, missing: number | null = null): AppError {
  if (error instanceof AppError) return error;
  const code = errorCode(error);
  switch (code) {
    case 'EBUSY':
      return new AppError(
        'IO',
        `Un fichier du dossier ${folder} est utilisé par une autre application. ` +
          `Fermez-le et recommencez. ${NOTHING_SAVED}`,
        { cause: 'inUse', folder },
      );
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new AppError(
        'IO',
        `Le dossier ${folder} est en lecture seule ou protégé en écriture (clé verrouillée ?). ` +
          `Choisissez un autre dossier. ${NOTHING_SAVED}`,
        { cause: 'readOnly', folder },
      );
    case 'ENOSPC':
    case 'EDQUOT':
      return noSpaceError(folder, missing);
    case 'ENOENT':
    case 'ENODEV':
    case 'EIO':
    case 'ENXIO':
      return new AppError(
        'IO',
        `La clé a été retirée pendant l’écriture, ou le dossier ${folder} n’est plus accessible. ` +
          `Rebranchez-la et recommencez. ${NOTHING_SAVED}`,
        { cause: 'removed', folder },
      );
    default:
      return new AppError(
        'IO',
        `Écriture impossible dans le dossier ${folder}${code ? ` (${code})` : ''}. ${NOTHING_SAVED}`,
        { cause: 'other', folder },
      );
  }
}

async function removeQuietly(fs: ExportFs, path: string): Promise<void> {
  try {
    await fs.remove(path);
  } catch {
    // A stick pulled out cannot be cleaned; its final names are untouched all the same.
  }
}

/** A file to write: its final name in the folder and its bytes. */
export interface FileToWrite {
  fileName: string;
  bytes: Uint8Array;
}

const CHUNK = 1024 * 1024;

/** Writes one file under a temporary name in the folder, flushed to the device. */
async function stage(fs: ExportFs, folder: string, file: FileToWrite): Promise<string> {
  const tempPath = join(folder, `.${file.fileName}.partial-${randomBytes(6).toString('hex')}`);
  let handle: ExportFileHandle | null = null;
  try {
    handle = await fs.create(tempPath);
    // In chunks, so that a device failing half-way fails here, on a temporary name.
    for (let at = 0; at < file.bytes.length; at += CHUNK) {
      await handle.write(file.bytes.subarray(at, Math.min(at + CHUNK, file.bytes.length)));
    }
    await handle.sync();
    const closing = handle;
    handle = null;
    await closing.close();
    return tempPath;
  } catch (error) {
    await handle?.close().catch(() => {});
    await removeQuietly(fs, tempPath);
    throw error;
  }
}

/**
 * Writes all the files into the folder, all or nothing: on any failure nothing is left under a
 * final name by this call and the temporary files are removed. `beforeEach` runs before each
 * file and before the renames (cancellation). Returns the final paths, in order.
 */
export async function writeAllOrNothing(
  fs: ExportFs,
  folder: string,
  files: readonly FileToWrite[],
  options: { display?: string; beforeEach?: () => void } = {},
): Promise<string[]> {
  const display = options.display ?? folder;
  const total = files.reduce((sum, f) => sum + f.bytes.length, 0);
  const free = await fs.freeBytes(folder);
  // Said before anything is written, rather than after filling the stick to the brim.
  if (free !== null && free < total) throw noSpaceError(display, total - free);

  const staged: { tempPath: string; finalPath: string }[] = [];
  try {
    for (const file of files) {
      options.beforeEach?.();
      staged.push({ tempPath: await stage(fs, folder, file), finalPath: join(folder, file.fileName) });
    }
    options.beforeEach?.();
  } catch (error) {
    for (const s of staged) await removeQuietly(fs, s.tempPath);
    if (errorCode(error) === 'ENOSPC' || errorCode(error) === 'EDQUOT') {
      const freeNow = await fs.freeBytes(folder);
      throw writeError(error, display, freeNow === null ? null : total - freeNow);
    }
    throw writeError(error, display);
  }

  const renamed: string[] = [];
  try {
    for (const s of staged) {
      await fs.rename(s.tempPath, s.finalPath);
      renamed.push(s.finalPath);
    }
    await fs.syncFolder(folder);
  } catch (error) {
    // Undone so that the folder holds all of the call's files or none of them. An older
    // export these replaced is gone with them: renames cannot be taken back.
    for (const path of renamed) await removeQuietly(fs, path);
    for (const s of staged.slice(renamed.length)) await removeQuietly(fs, s.tempPath);
    // The folder took the temporary files, so a refusal now is about the file being replaced:
    // on Windows, one still open in Word or Excel cannot be replaced.
    const target = staged[renamed.length]?.finalPath;
    if (target && ['EPERM', 'EACCES', 'EBUSY'].includes(errorCode(error) ?? ''))
      throw fileInUseError(target, display);
    throw writeError(error, display);
  }
  return renamed;
}

/** Removes files written by a call whose end failed (the log could not be written). */
export async function removeWritten(fs: ExportFs, paths: readonly string[]): Promise<void> {
  for (const path of paths) await removeQuietly(fs, path);
}
