import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { type FileHandle, mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, extname, isAbsolute, join } from 'node:path';
import type { z } from 'zod';
import { translateFr } from '../../../../shared/i18n/translate';
import { type ArchiveSourceSchema, MAX_ARCHIVE_UPLOAD_BYTES } from '../../../../shared/rpc/safety';
import type { BackendContext, BackendPaths } from '../../context';
import { AppError, validationError } from '../../errors';
import { safeFileName } from '../imports/staging';
import { dataFolderFull, dataFreeBytes, isNoSpace } from './disk';
import { ARCHIVE_EXTENSION } from './format';

// An archive is copied to Concerto's own folder before it is read, under its SHA-256
// (`<dataDir>/staging/archives/<sha256>.concerto`, the archiveId of archives.restore): the stick
// can be pulled out between "Ouvrir" and "Restaurer", and what is restored is exactly what was
// opened. Work folders (decrypted payload, extracted files) live beside it, on the same disk,
// so that extracted files reach their place by a rename.

export type ArchiveSource = z.infer<typeof ArchiveSourceSchema>;

const ARCHIVE_ID = /^[0-9a-f]{64}$/;
const CHUNK = 1024 * 1024;
/** A copy opened but never restored is forgotten after a week; a work folder after a day. */
const STAGED_MAX_AGE_MS = 7 * 24 * 3600 * 1000;
const WORK_MAX_AGE_MS = 24 * 3600 * 1000;

export const archivesStagingDir = (paths: Pick<BackendPaths, 'dataDir'>): string =>
  join(paths.dataDir, 'staging', 'archives');

/** A fresh folder for one call's temporary files; the caller removes it. */
export async function makeWorkDir(paths: Pick<BackendPaths, 'dataDir'>, purpose: string): Promise<string> {
  const dir = join(archivesStagingDir(paths), `tmp-${purpose}-${randomBytes(6).toString('hex')}`);
  await mkdir(dir, { recursive: true });
  return dir;
}

export async function removeWorkDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true }).catch(() => {});
}

const gone = () =>
  new AppError(
    'NOT_FOUND',
    'Cette archive n’est plus dans le dossier de Concerto : ouvrez-la à nouveau avant de la restaurer.',
  );

/** The staged copy for an archiveId (the id is checked: it is a file name). */
export async function stagedArchivePath(
  paths: Pick<BackendPaths, 'dataDir'>,
  archiveId: string,
): Promise<string> {
  if (!ARCHIVE_ID.test(archiveId)) throw gone();
  const path = join(archivesStagingDir(paths), `${archiveId}${ARCHIVE_EXTENSION}`);
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) throw gone();
  return path;
}

export async function removeStagedArchive(
  paths: Pick<BackendPaths, 'dataDir'>,
  archiveId: string,
): Promise<void> {
  if (!ARCHIVE_ID.test(archiveId)) return;
  await rm(join(archivesStagingDir(paths), `${archiveId}${ARCHIVE_EXTENSION}`), { force: true }).catch(
    () => {},
  );
}

/** Forgets old copies and the work folders a crash may have left. */
export async function pruneArchiveStaging(
  paths: Pick<BackendPaths, 'dataDir'>,
  now = Date.now(),
): Promise<void> {
  const root = archivesStagingDir(paths);
  const names = await readdir(root).catch(() => [] as string[]);
  for (const name of names) {
    const isCopy =
      name.endsWith(ARCHIVE_EXTENSION) && ARCHIVE_ID.test(name.slice(0, -ARCHIVE_EXTENSION.length));
    const isWork = name.startsWith('tmp-') || name.startsWith('.incoming-');
    if (!isCopy && !isWork) continue;
    const info = await stat(join(root, name)).catch(() => null);
    if (info && info.mtimeMs < now - (isCopy ? STAGED_MAX_AGE_MS : WORK_MAX_AGE_MS)) {
      await rm(join(root, name), { recursive: true, force: true }).catch(() => {});
    }
  }
}

const pathRefusal = (message: string) =>
  new AppError('VALIDATION', message, {
    issues: [{ path: ['source', 'path'], key: 'errors.field.invalid', message }],
  });

const tooLarge = () =>
  validationError([
    {
      path: ['source', 'data'],
      key: 'errors.field.fileTooLarge',
      message: `Archive trop volumineuse pour être envoyée par la page (${MAX_ARCHIVE_UPLOAD_BYTES / (1024 * 1024)} Mo au maximum) : ouvrez-la depuis Concerto installé sur l’ordinateur.`,
    },
  ]);

async function writeChunk(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
    offset += bytesWritten;
  }
}

/**
 * Copies the chunks to staging under their SHA-256, through a temporary name. An archive
 * already staged (same bytes) is kept as it is.
 */
async function stageChunks(
  ctx: Pick<BackendContext, 'paths' | 'freeBytes'>,
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  size: number,
): Promise<string> {
  const root = archivesStagingDir(ctx.paths);
  await mkdir(root, { recursive: true });
  const free = dataFreeBytes(ctx, root);
  if (free !== null && free < size) throw dataFolderFull(ctx.paths.dataDir, size - free);
  const temp = join(root, `.incoming-${randomBytes(6).toString('hex')}`);
  const hash = createHash('sha256');
  let handle: FileHandle | null = null;
  try {
    handle = await open(temp, 'wx', 0o600);
    for await (const chunk of chunks) {
      hash.update(chunk);
      await writeChunk(handle, chunk);
    }
    await handle.sync();
    await handle.close();
    handle = null;
    const archiveId = hash.digest('hex');
    await rename(temp, join(root, `${archiveId}${ARCHIVE_EXTENSION}`));
    return archiveId;
  } catch (error) {
    await handle?.close().catch(() => {});
    await rm(temp, { force: true });
    if (isNoSpace(error)) throw dataFolderFull(ctx.paths.dataDir, null);
    throw error;
  }
}

function* inChunks(bytes: Uint8Array): Iterable<Uint8Array> {
  for (let at = 0; at < bytes.length; at += CHUNK)
    yield bytes.subarray(at, Math.min(bytes.length, at + CHUNK));
}

/**
 * Copies an archive to staging. A path must be absolute and name a regular `.concerto` file
 * (its size read with stat before a byte is copied); an upload is capped by the schema and
 * checked again once decoded.
 */
export async function stageArchive(
  ctx: Pick<BackendContext, 'paths' | 'freeBytes'>,
  source: ArchiveSource,
): Promise<{ archiveId: string; fileName: string; path: string }> {
  let archiveId: string;
  let fileName: string;
  if (source.kind === 'upload') {
    fileName = safeFileName(source.fileName, `archive${ARCHIVE_EXTENSION}`);
    const bytes = Buffer.from(source.data, 'base64');
    if (bytes.length > MAX_ARCHIVE_UPLOAD_BYTES) throw tooLarge();
    archiveId = await stageChunks(ctx, inChunks(bytes), bytes.length);
  } else {
    if (!isAbsolute(source.path)) throw pathRefusal(translateFr('errors.field.invalid'));
    fileName = safeFileName(source.path, `archive${ARCHIVE_EXTENSION}`);
    if (extname(fileName).toLowerCase() !== ARCHIVE_EXTENSION) {
      throw pathRefusal(`« ${fileName} » n’est pas une archive Concerto (fichier ${ARCHIVE_EXTENSION}).`);
    }
    const info = await stat(source.path).catch(() => null);
    if (!info) {
      throw new AppError(
        'NOT_FOUND',
        `Le fichier « ${fileName} » est introuvable : la clé a peut-être été retirée.`,
      );
    }
    if (!info.isFile()) throw pathRefusal(`« ${basename(source.path)} » n’est pas un fichier.`);
    try {
      archiveId = await stageChunks(
        ctx,
        // Never more than stat said: a file growing while it is read is cut, then refused as truncated.
        createReadStream(source.path, { highWaterMark: CHUNK, start: 0, end: Math.max(0, info.size - 1) }),
        info.size,
      );
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError(
        'IO',
        `Le fichier « ${fileName} » n’a pas pu être lu : la clé a peut-être été retirée. Rien n’a été modifié.`,
      );
    }
  }
  return {
    archiveId,
    fileName,
    path: join(archivesStagingDir(ctx.paths), `${archiveId}${ARCHIVE_EXTENSION}`),
  };
}
