import { join } from 'node:path';
import type { z } from 'zod';
import type { ParsedInputOf } from '../../../../shared/rpc';
import type { ArchiveManifest, OpenedArchiveSchema } from '../../../../shared/rpc/safety';
import type { BackendContext, BackendPaths } from '../../context';
import { AppError } from '../../errors';
import {
  contentBytes,
  decryptPayload,
  type Manifest,
  type OpenedHeader,
  type Payload,
  readHeader,
  readManifest,
} from './format';
import {
  makeWorkDir,
  pruneArchiveStaging,
  removeStagedArchive,
  removeWorkDir,
  stageArchive,
} from './staging';

// archives.open: the archive is copied to staging, its header read; an encrypted one answers
// "password needed" until it is given, then is decrypted to a temporary file whose GCM tag is
// checked before its manifest is read. The decrypted copy is removed at once: archives.restore
// decrypts again rather than leave the data in clear on the disk between the two steps.

type OpenedArchive = z.infer<typeof OpenedArchiveSchema>;

/** What the screen shows of a manifest. */
export function describeManifest(manifest: Manifest, encrypted: boolean): ArchiveManifest {
  return {
    createdAt: manifest.createdAt,
    appVersion: manifest.appVersion,
    schemaVersion: manifest.schemaVersion,
    summary: manifest.summary,
    files: manifest.files.length - 1,
    sizeBytes: contentBytes(manifest),
    encrypted,
  };
}

/**
 * Runs `work` on the archive's plain payload: the archive itself, or a decrypted temporary copy
 * in `folder` (tag checked) removed afterwards.
 */
export async function withPayload<T>(
  archive: string,
  opened: OpenedHeader,
  password: string | undefined,
  paths: Pick<BackendPaths, 'dataDir'>,
  work: (payload: Payload) => Promise<T>,
): Promise<T> {
  if (!opened.header.encrypted) {
    return work({ file: archive, offset: opened.payloadOffset, length: opened.header.payloadBytes });
  }
  if (password === undefined) throw passwordNeeded();
  const folder = await makeWorkDir(paths, 'open');
  try {
    return await work(await decryptPayload(archive, opened, password, join(folder, 'payload')));
  } finally {
    await removeWorkDir(folder);
  }
}

export const passwordNeeded = () =>
  new AppError('VALIDATION', 'Cette archive est protégée : saisissez son mot de passe.', {
    issues: [{ path: ['password'], key: 'errors.field.required', message: 'Ce champ est obligatoire.' }],
  });

/** archives.open */
export async function openArchive(
  ctx: Pick<BackendContext, 'paths' | 'freeBytes'>,
  input: ParsedInputOf<'archives.open'>,
): Promise<OpenedArchive> {
  const paths = ctx.paths;
  await pruneArchiveStaging(paths);
  const staged = await stageArchive(ctx, input.source);
  let opened: OpenedHeader;
  try {
    opened = await readHeader(staged.path);
  } catch (error) {
    // Not an archive (or not one we can read): nothing of it is kept.
    await removeStagedArchive(paths, staged.archiveId);
    throw error;
  }
  const encrypted = opened.header.encrypted;
  const base = { archiveId: staged.archiveId, fileName: staged.fileName, encrypted };
  if (encrypted && input.password === undefined) return { ...base, manifest: null };
  const manifest = await withPayload(staged.path, opened, input.password, paths, (payload) =>
    readManifest(payload, opened.header),
  );
  return { ...base, manifest: describeManifest(manifest, encrypted) };
}
