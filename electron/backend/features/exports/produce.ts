import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { dateFr } from '../../../../shared/documents/format';
import type { DocumentModel } from '../../../../shared/documents/model';
import { translateFr } from '../../../../shared/i18n/translate';
import type { DocumentFormat, DocumentRequest, ExportItem } from '../../../../shared/rpc/documents';
import type { BackendContext } from '../../context';
import type { Db } from '../../db/open';
import { AppError } from '../../errors';
import { buildDocument } from '../documents/builders';
import { buildEnv } from '../documents/env';
import { readLogo } from '../documents/logo';
import { renderDocx } from '../documents/render/docx';
import { renderPdf } from '../documents/render/pdf';
import type { BuildEnv, RenderAssets } from '../documents/types';
import type { ExportFormat, ExportLogKind } from './formats';
import { buildSpreadsheet } from './spreadsheets';

// Turns what the user asked for into bytes: one document model built once and rendered in each
// format asked, or a spreadsheet. Nothing here touches the disk; writing is safeWrite's job.

/** One file ready to be written, with what the export log says about it. */
export interface ProducedFile {
  kind: ExportLogKind;
  format: ExportFormat;
  /** Unique within one call (see uniqueFileName). */
  fileName: string;
  bytes: Uint8Array;
  /** "Aide-mémoire — GTGPS, 14 mars 2025" */
  label: string;
  subject: { type: 'meeting' | 'body'; id: string } | null;
  recipients: string[];
  /** Characters a PDF could not draw (empty for other formats). */
  missingCharacters: string[];
}

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** What every production needs, read once per call. */
export interface ProductionEnv {
  db: Db;
  env: BuildEnv;
  assets: RenderAssets;
  /** The backend, for exports that re-read a staged file (an import's rejected rows). */
  context?: BackendContext;
}

export async function productionEnv(
  db: Db,
  resourcesDir: string,
  context?: BackendContext,
): Promise<ProductionEnv> {
  const [env, logo] = await Promise.all([buildEnv(db), readLogo(db)]);
  // A stored logo that no longer reads as an image is left out of the heading, not drawn empty.
  return {
    db,
    env: { ...env, hasLogo: logo !== null },
    assets: { fontsDir: join(resourcesDir, 'fonts'), logo },
    ...(context ? { context } : {}),
  };
}

/** Who or what a document is about: the end of its log label, and its log subject. */
async function documentSubject(
  db: Db,
  request: DocumentRequest,
): Promise<{ suffix: string; subject: ProducedFile['subject'] }> {
  if ('meetingId' in request) {
    const row = await db
      .selectFrom('meetings')
      .innerJoin('bodies', 'bodies.id', 'meetings.body_id')
      .select(['bodies.name', 'bodies.acronym', 'meetings.start_date'])
      .where('meetings.id', '=', request.meetingId)
      .executeTakeFirst();
    if (!row)
      throw new AppError('NOT_FOUND', 'Cette réunion est introuvable (elle a peut-être été supprimée).');
    return {
      suffix: `${row.acronym ?? row.name}, ${dateFr(row.start_date)}`,
      subject: { type: 'meeting', id: request.meetingId },
    };
  }
  const body = await db
    .selectFrom('bodies')
    .select(['name', 'acronym'])
    .where('id', '=', request.bodyId)
    .executeTakeFirst();
  if (!body)
    throw new AppError('NOT_FOUND', 'Cette instance est introuvable (elle a peut-être été supprimée).');
  const name = body.acronym ?? body.name;
  return {
    suffix: request.kind === 'annualReport' ? `${name}, ${request.year}` : name,
    subject: { type: 'body', id: request.bodyId },
  };
}

/** "Aide-mémoire": what the document is, as the documents screen names it. */
function documentName(model: DocumentModel): string {
  const key = `documents.kinds.${model.kind}`;
  const name = translateFr(key);
  return name === key ? (model.title.split(' — ')[0] ?? model.title) : name;
}

/**
 * Produces the items of one call. A document asked in two formats is built once: the DOCX and
 * the PDF then say exactly the same thing. `beforeEach` runs before every item (cancellation),
 * `afterEach` after it (progress).
 */
export async function produceItems(
  production: ProductionEnv,
  items: readonly ExportItem[],
  hooks: { beforeEach?: () => void; afterEach?: (file: ProducedFile, done: number) => void } = {},
): Promise<ProducedFile[]> {
  const models = new Map<
    string,
    { model: DocumentModel; suffix: string; subject: ProducedFile['subject'] }
  >();
  const files: ProducedFile[] = [];
  const taken = new Set<string>();
  for (const item of items) {
    hooks.beforeEach?.();
    let file: ProducedFile;
    if ('document' in item) {
      const key = JSON.stringify(item.document);
      let built = models.get(key);
      if (!built) {
        const [model, about] = await Promise.all([
          buildDocument(production.db, item.document, production.env),
          documentSubject(production.db, item.document),
        ]);
        built = { model, ...about };
        models.set(key, built);
      }
      file = await renderDocument(production, built.model, item.format, {
        label: `${documentName(built.model)} — ${built.suffix}`,
        subject: built.subject,
      });
    } else {
      const sheet = await buildSpreadsheet(
        production.db,
        item.spreadsheet,
        production.env,
        production.context,
      );
      const bodyId = item.spreadsheet.kind === 'followUpMatrix' ? item.spreadsheet.bodyId : null;
      file = {
        kind: 'spreadsheet',
        format: 'xlsx',
        fileName: `${sheet.fileStem}.xlsx`,
        bytes: sheet.bytes,
        label: sheet.label,
        subject: bodyId ? { type: 'body', id: bodyId } : null,
        recipients: sheet.recipients,
        missingCharacters: [],
      };
    }
    file.fileName = uniqueFileName(file.fileName, taken);
    files.push(file);
    hooks.afterEach?.(file, files.length);
  }
  return files;
}

/** One model in one format. */
export async function renderDocument(
  production: ProductionEnv,
  model: DocumentModel,
  format: DocumentFormat,
  about: { label: string; subject: ProducedFile['subject'] },
): Promise<ProducedFile> {
  const base = {
    kind: 'document' as const,
    format,
    fileName: `${model.fileStem}.${format}`,
    label: about.label,
    subject: about.subject,
    recipients: [],
  };
  if (format === 'docx') {
    return { ...base, bytes: await renderDocx(model, production.assets), missingCharacters: [] };
  }
  const pdf = await renderPdf(model, production.assets);
  return { ...base, bytes: pdf.bytes, missingCharacters: pdf.missingCharacters };
}

/** Names no file system refuses (Windows' reserved characters and device names included). */
export function safeFileName(name: string): string {
  const cleaned = [...name]
    .map((char) => ((char.codePointAt(0) ?? 0) < 0x20 || char === '\u007f' ? '-' : char))
    .join('')
    .replace(/[<>:"/\\|?*]+/g, '-')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, 150);
  const base = cleaned.length > 0 ? cleaned : 'document';
  return /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i.test(base) ? `_${base}` : base;
}

/**
 * The name, made safe and unique among those already taken in this call: "x.pdf", "x-2.pdf"…
 * Compared without case, as Windows and FAT-formatted sticks do.
 */
export function uniqueFileName(name: string, taken: Set<string>): string {
  const safe = safeFileName(name);
  const dot = safe.lastIndexOf('.');
  const stem = dot > 0 ? safe.slice(0, dot) : safe;
  const extension = dot > 0 ? safe.slice(dot) : '';
  let candidate = safe;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${stem}-${n}${extension}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** Every character left out of some PDF, each once, in the order first met. */
export function missingCharactersOf(files: readonly ProducedFile[]): string[] {
  return [...new Set(files.flatMap((f) => f.missingCharacters))];
}
