import { strToU8, zipSync } from 'fflate';
import { dateFr, fileStem } from '../../../../shared/documents/format';
import { MEETING_DOCUMENT_KINDS } from '../../../../shared/documents/model';
import { translateFr } from '../../../../shared/i18n/translate';
import type { DocumentFormat, ExportItem } from '../../../../shared/rpc/documents';
import { AppError } from '../../errors';
import { requireMeetingRow } from '../meetings/repository';
import {
  missingCharactersOf,
  type ProducedFile,
  type ProductionEnv,
  produceItems,
  uniqueFileName,
} from './produce';

// The session bundle ("dossier de séance"): every document of a meeting in the chosen formats,
// and the body's follow-up matrix (the tableau de suivi partners fill in after the session), in
// one zip. A document with nothing to say yet (no minutes, no recommendations) comes with its
// builder's empty-state text; should a builder still refuse one document, the others are
// bundled and a note inside the zip says which one is missing and why.

export const NOTE_FILE = 'A-LIRE.txt';

export async function produceBundle(
  production: ProductionEnv,
  meetingId: string,
  formats: readonly DocumentFormat[],
  hooks: {
    beforeEach?: () => void;
    afterEach?: (file: ProducedFile, done: number, total: number) => void;
  } = {},
): Promise<ProducedFile> {
  const meeting = await requireMeetingRow(production.db, meetingId);
  const body = await production.db
    .selectFrom('bodies')
    .select(['name', 'acronym'])
    .where('id', '=', meeting.body_id)
    .executeTakeFirstOrThrow();
  const formatsOnce = [...new Set(formats)];
  const total = MEETING_DOCUMENT_KINDS.length * formatsOnce.length + 1;

  const files: ProducedFile[] = [];
  const omitted: string[] = [];
  let done = 0;
  for (const kind of MEETING_DOCUMENT_KINDS) {
    const items: ExportItem[] = formatsOnce.map((format) => ({ document: { kind, meetingId }, format }));
    const before = done;
    try {
      const produced = await produceItems(production, items, {
        ...(hooks.beforeEach ? { beforeEach: hooks.beforeEach } : {}),
        afterEach: (file) => hooks.afterEach?.(file, ++done, total),
      });
      files.push(...produced);
    } catch (error) {
      // Cancellation and unexpected failures stop the bundle; a refusal of one document does not.
      if (!(error instanceof AppError) || error.details?.cancelled) throw error;
      omitted.push(`- ${translateFr(`documents.kinds.${kind}`)} : ${error.message}`);
      done = before + formatsOnce.length;
    }
  }

  const matrix: ExportItem = {
    spreadsheet: { kind: 'followUpMatrix', bodyId: meeting.body_id, layout: 'single' },
  };
  try {
    files.push(
      ...(await produceItems(production, [matrix], {
        ...(hooks.beforeEach ? { beforeEach: hooks.beforeEach } : {}),
        afterEach: (file) => hooks.afterEach?.(file, ++done, total),
      })),
    );
  } catch (error) {
    if (!(error instanceof AppError) || error.details?.cancelled) throw error;
    omitted.push(`- ${translateFr('documents.kinds.followUpMatrix')} : ${error.message}`);
  }

  const taken = new Set<string>();
  const entries: Record<string, Uint8Array> = {};
  for (const file of files) entries[uniqueFileName(file.fileName, taken)] = file.bytes;
  if (omitted.length > 0) {
    entries[uniqueFileName(NOTE_FILE, taken)] = strToU8(
      `Documents non produits pour ce dossier de séance :\r\n${omitted.join('\r\n')}\r\n`,
    );
  }

  const acronym = body.acronym ?? body.name;
  return {
    kind: 'bundle',
    format: 'zip',
    fileName: `${fileStem({ date: meeting.start_date, acronym, what: 'dossier-de-seance' })}.zip`,
    bytes: zipSync(entries, { level: 6 }),
    label: `Dossier de séance — ${acronym}, ${dateFr(meeting.start_date)}`,
    subject: { type: 'meeting', id: meetingId },
    recipients: [],
    missingCharacters: missingCharactersOf(files),
  };
}
