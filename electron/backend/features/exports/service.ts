import { mkdir, stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import { fileStem } from '../../../../shared/documents/format';
import { translateFr } from '../../../../shared/i18n/translate';
import type { ParsedInputOf } from '../../../../shared/rpc';
import type { Destination, ExportResult } from '../../../../shared/rpc/documents';
import type { BackendContext, BackendPaths } from '../../context';
import type { Db } from '../../db/open';
import { AppError, validationError } from '../../errors';
import { produceBundle } from './bundle';
import { composeEml, recipientLine, templateContext } from './email';
import { type Job, startJob } from './jobs';
import { logExports } from './log';
import {
  missingCharactersOf,
  type ProducedFile,
  produceItems,
  productionEnv,
  uniqueFileName,
} from './produce';
import {
  type ExportFs,
  errorCode,
  nodeExportFs,
  removeWritten,
  writeAllOrNothing,
  writeError,
} from './safeWrite';

// Exports: produce the files, write them all or none (see safeWrite), then log them. The log is
// written only once every file is in place, so it never names a file that was not written.

export const PROGRESS_TOPIC = 'exports:progress';

export interface ExportProgress {
  jobId: string;
  done: number;
  total: number;
  fileName: string;
}

/** What an export needs from the backend, with the file system as a parameter for tests. */
export interface ExportDeps {
  db: Db;
  paths: Pick<BackendPaths, 'exportsDir' | 'resourcesDir'>;
  actor: string;
  emit: (topic: string, payload: unknown) => void;
  fs: ExportFs;
  /** The backend itself, for exports that re-read a staged import file. */
  context?: BackendContext;
}

export async function exportDeps(ctx: BackendContext, fs: ExportFs = nodeExportFs): Promise<ExportDeps> {
  return {
    db: ctx.db,
    paths: ctx.paths,
    actor: await ctx.actor(),
    emit: (t, p) => ctx.emit(t, p),
    fs,
    context: ctx,
  };
}

interface Target {
  dir: string;
  /** The folder as the user reads it (and as logged). */
  display: string;
  inExports: boolean;
}

const folderMissing = () =>
  validationError([
    {
      path: ['destination', 'path'],
      key: 'errors.field.folderMissing',
      message: translateFr('errors.field.folderMissing'),
    },
  ]);

/**
 * Where the files go. The exports folder is made when missing; a chosen folder must be an
 * absolute path to an existing folder (a stick still plugged in), checked before any work.
 */
export async function resolveTarget(paths: ExportDeps['paths'], destination: Destination): Promise<Target> {
  if (destination.kind === 'exports') {
    try {
      await mkdir(paths.exportsDir, { recursive: true });
    } catch (error) {
      throw writeError(error, paths.exportsDir);
    }
    return { dir: paths.exportsDir, display: paths.exportsDir, inExports: true };
  }
  const path = destination.path;
  if (!isAbsolute(path)) throw folderMissing();
  try {
    if (!(await stat(path)).isDirectory()) throw folderMissing();
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (['ENOENT', 'ENOTDIR'].includes(errorCode(error) ?? '')) throw folderMissing();
    throw writeError(error, path);
  }
  return { dir: path, display: path, inExports: false };
}

function progressReporter(deps: ExportDeps, jobId: string | undefined) {
  return (file: ProducedFile, done: number, total: number) => {
    if (jobId === undefined) return;
    const payload: ExportProgress = { jobId, done, total, fileName: file.fileName };
    deps.emit(PROGRESS_TOPIC, payload);
  };
}

/**
 * Writes the files all or nothing, then logs them in one transaction. Should the log fail, the
 * files are removed again: what is on disk and what is logged agree.
 */
async function deliver(
  deps: ExportDeps,
  target: Target,
  files: ProducedFile[],
  job: Job,
): Promise<ExportResult> {
  const paths = await writeAllOrNothing(deps.fs, target.dir, files, {
    display: target.display,
    beforeEach: () => job.check(),
  });
  let ids: string[];
  try {
    ids = await deps.db.transaction().execute((trx) =>
      logExports(
        trx,
        files.map((file, i) => ({ file, path: paths[i] ?? '' })),
        { folder: target.display, inExports: target.inExports },
        deps.actor,
      ),
    );
  } catch (error) {
    await removeWritten(deps.fs, paths);
    throw error;
  }
  return {
    files: files.map((file, i) => ({
      id: ids[i] ?? '',
      fileName: file.fileName,
      bytes: file.bytes.length,
      format: file.format,
    })),
    folder: target.display,
    // Every file was flushed and the folder synced: nothing is left in a write cache.
    safeToRemove: !target.inExports,
    pdfMissingCharacters: missingCharactersOf(files),
  };
}

/** exports.save: the items, each in its format, to the destination. */
export async function saveExports(
  deps: ExportDeps,
  input: ParsedInputOf<'exports.save'>,
): Promise<ExportResult> {
  const job = startJob(input.jobId);
  try {
    const target = await resolveTarget(deps.paths, input.destination);
    const production = await productionEnv(deps.db, deps.paths.resourcesDir, deps.context);
    const report = progressReporter(deps, input.jobId);
    const total = input.items.length;
    const files = await produceItems(production, input.items, {
      beforeEach: () => job.check(),
      afterEach: (file, done) => report(file, done, total),
    });
    return await deliver(deps, target, files, job);
  } finally {
    job.end();
  }
}

/** exports.bundle: the meeting's documents in one zip. */
export async function saveBundle(
  deps: ExportDeps,
  input: ParsedInputOf<'exports.bundle'>,
): Promise<ExportResult> {
  const job = startJob(input.jobId);
  try {
    const target = await resolveTarget(deps.paths, input.destination);
    const production = await productionEnv(deps.db, deps.paths.resourcesDir, deps.context);
    const bundle = await produceBundle(production, input.meetingId, input.formats, {
      beforeEach: () => job.check(),
      afterEach: progressReporter(deps, input.jobId),
    });
    return await deliver(deps, target, [bundle], job);
  } finally {
    job.end();
  }
}

/**
 * exports.emailDraft: the attachments are produced and written to the exports folder exactly as
 * exports.save would, then the .eml carrying the same bytes. Returned with the draft first.
 */
export async function saveEmailDraft(
  deps: ExportDeps,
  input: ParsedInputOf<'exports.emailDraft'>,
): Promise<ExportResult> {
  const target = await resolveTarget(deps.paths, { kind: 'exports' });
  const production = await productionEnv(deps.db, deps.paths.resourcesDir, deps.context);
  const about = await templateContext(deps.db, input.context, production.env);
  const attachments = await produceItems(production, input.items);
  const recipients = input.recipients.map(recipientLine);

  const eml: ProducedFile = {
    kind: 'email',
    format: 'eml',
    fileName: '',
    bytes: await composeEml({
      recipients: input.recipients,
      subject: input.subject,
      body: input.body,
      attachments: attachments.map((a) => ({ fileName: a.fileName, format: a.format, bytes: a.bytes })),
      date: new Date(),
    }),
    label: `Courriel — ${input.subject.replace(/\s+/g, ' ')}`,
    subject:
      input.context.kind === 'meeting'
        ? { type: 'meeting', id: input.context.meetingId }
        : input.context.bodyId === null
          ? null
          : { type: 'body', id: input.context.bodyId },
    recipients,
    missingCharacters: [],
  };
  const stem = fileStem({
    date: production.env.today,
    acronym: about.body ? (about.body.acronym ?? about.body.name) : null,
    what: 'courriel',
  });
  const taken = new Set(attachments.map((a) => a.fileName.toLowerCase()));
  eml.fileName = uniqueFileName(`${stem}.eml`, taken);
  return deliver(deps, target, [eml, ...attachments], startJob(undefined));
}
