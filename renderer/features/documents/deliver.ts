import type { InputOf } from '../../../shared/rpc';
import type { ExportedFile, ExportResult } from '../../../shared/rpc/documents';
import { bridge, call } from '../../app/rpc';

type ExportItemInput = InputOf<'exports.save'>['items'][number];

/**
 * Hands a file Concerto wrote to the user: opened in its default application by the desktop
 * app (a .eml opens as a draft in the mail client), downloaded in a browser.
 */
export async function openExportedFile(file: Pick<ExportedFile, 'id'>): Promise<void> {
  const outcome = await bridge().openExport(file.id);
  if (!outcome.ok) throw new Error(outcome.message ?? 'Le fichier n’a pas pu être ouvert.');
}

/** Writes the files to Concerto's exports folder, then opens (or downloads) each of them. */
export async function exportAndOpen(items: ExportItemInput[]): Promise<ExportResult> {
  const result = await call('exports.save', { items, destination: { kind: 'exports' } });
  for (const file of result.files) await openExportedFile(file);
  return result;
}
