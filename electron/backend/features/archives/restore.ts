import { lstat, mkdir, rename, rm } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import type { ParsedInputOf } from '../../../../shared/rpc';
import type { ArchiveManifest, Backup } from '../../../../shared/rpc/safety';
import type { BackendContext } from '../../context';
import { SCHEMA_VERSION } from '../../db/migrations';
import { AppError } from '../../errors';
import { replaceDatabase } from '../backups/restore';
import { dataFolderFull, dataFreeBytes, isNoSpace } from './disk';
import { extractFiles, type ManifestFile, readHeader, readManifest } from './format';
import { describeManifest, passwordNeeded, withPayload } from './open';
import {
  archivesStagingDir,
  makeWorkDir,
  removeStagedArchive,
  removeWorkDir,
  stagedArchivePath,
} from './staging';

// archives.restore (run alone: it is in EXCLUSIVE_METHODS). Every checksum is verified while the
// files are extracted to a work folder, before anything of the user's is touched; then the
// database is replaced by the backups' replaceDatabase (the current one kept as
// 'before-restore'), then the received files and documents are added where they are missing —
// never replacing or deleting one the user has.

const tooNew = (version: number) =>
  new AppError(
    'DATABASE_TOO_NEW',
    `Cette archive a été écrite par une version plus récente de Concerto (schéma ${version}, cette ` +
      `version connaît le schéma ${SCHEMA_VERSION}). Installez la dernière version de Concerto pour ` +
      'la restaurer ; vos données n’ont pas été modifiées.',
    { onDisk: version, known: SCHEMA_VERSION },
  );

/** Anything at all at the path (a file, a folder, a link, even a broken one). */
const exists = (path: string) =>
  lstat(path).then(
    () => true,
    () => false,
  );

/** The last segment of a path written on Windows or elsewhere. */
const lastSegment = (path: string) => path.split(/[\\/]/).pop() ?? '';

/**
 * Moves each extracted file to its place under the data folder unless something is already
 * there. The names were checked when the manifest was read; the resolved path is checked again
 * to lie inside the data folder. Returns how many files were added.
 */
async function placeFiles(
  dataDir: string,
  files: readonly ManifestFile[],
  extracted: readonly string[],
): Promise<number> {
  const root = resolve(dataDir);
  let added = 0;
  const failed: string[] = [];
  for (const [index, file] of files.entries()) {
    const from = extracted[index];
    if (from === undefined) continue;
    const to = resolve(root, ...file.path.split('/'));
    const inside = relative(root, to);
    if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..') continue;
    if (await exists(to)) continue;
    try {
      await mkdir(resolve(to, '..'), { recursive: true });
      await rename(from, to);
      added++;
    } catch {
      failed.push(file.path);
    }
  }
  if (failed.length > 0) {
    throw new AppError(
      'IO',
      `La base de données a été restaurée, mais ${failed.length} fichier(s) reçus ou documents n’ont pas ` +
        `pu être remis dans le dossier de Concerto (${dataDir}) : restaurez l’archive à nouveau.`,
      { failed: failed.slice(0, 20) },
    );
  }
  return added;
}

/**
 * The restored rows name files where they lay on the other computer: the export log and the
 * import history are pointed at this computer's folders (same file names).
 */
async function pointPathsHere(ctx: BackendContext): Promise<void> {
  const exportsDir = ctx.paths.exportsDir;
  const stagingDir = join(ctx.paths.dataDir, 'staging');
  await ctx.db.transaction().execute(async (trx) => {
    const exported = await trx
      .selectFrom('export_log')
      .select(['id', 'path'])
      .where('in_exports', '=', 1)
      .execute();
    for (const row of exported) {
      const here = join(exportsDir, lastSegment(row.path));
      if (here !== row.path)
        await trx.updateTable('export_log').set({ path: here }).where('id', '=', row.id).execute();
    }
    const batches = await trx
      .selectFrom('import_batches')
      .select(['id', 'sha256', 'staged_path'])
      .where('staged_path', 'is not', null)
      .execute();
    for (const row of batches) {
      const here = join(stagingDir, row.sha256, lastSegment(row.staged_path ?? ''));
      if (here !== row.staged_path) {
        await trx.updateTable('import_batches').set({ staged_path: here }).where('id', '=', row.id).execute();
      }
    }
  });
}

/** archives.restore */
export async function restoreArchive(
  ctx: BackendContext,
  input: ParsedInputOf<'archives.restore'>,
): Promise<{ manifest: ArchiveManifest; beforeRestore: Backup | null }> {
  const archive = await stagedArchivePath(ctx.paths, input.archiveId);
  const opened = await readHeader(archive);
  const { encrypted, payloadBytes } = opened.header;
  if (encrypted && input.password === undefined) throw passwordNeeded();
  // The decrypted payload and the extracted files, side by side for a moment.
  const needed = payloadBytes * (encrypted ? 2 : 1);
  const free = dataFreeBytes(ctx, archivesStagingDir(ctx.paths));
  if (free !== null && free < needed) throw dataFolderFull(ctx.paths.dataDir, needed - free);

  const work = await makeWorkDir(ctx.paths, 'restore');
  try {
    let read: { manifest: Awaited<ReturnType<typeof readManifest>>; extracted: string[] };
    try {
      read = await withPayload(archive, opened, input.password, ctx.paths, async (payload) => {
        const manifest = await readManifest(payload, opened.header);
        if (manifest.schemaVersion > SCHEMA_VERSION) throw tooNew(manifest.schemaVersion);
        return { manifest, extracted: await extractFiles(payload, manifest, work) };
      });
    } catch (error) {
      if (isNoSpace(error)) throw dataFolderFull(ctx.paths.dataDir, null);
      throw error;
    }
    const { manifest, extracted } = read;
    const [database, ...others] = extracted;
    if (database === undefined) throw new Error('archive without a database');
    const { beforeRestore } = await replaceDatabase(ctx, database);
    await rm(database, { force: true });
    await placeFiles(ctx.paths.dataDir, manifest.files.slice(1), others);
    await pointPathsHere(ctx);
    await removeStagedArchive(ctx.paths, input.archiveId);
    return { manifest: describeManifest(manifest, encrypted), beforeRestore };
  } finally {
    await removeWorkDir(work);
  }
}
