// Opening a file Concerto wrote (a document, a .eml draft) in its default application. The page
// only names an export log id; the path comes from the backend, and is opened only if it really
// lies inside Concerto's exports folder, so a compromised page cannot open arbitrary files.
import { realpathSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { EXPORTS_FOLDER } from '../../shared/documents/files';
import { isUuid } from '../../shared/domain/ids';

export function exportsDirOf(userDataDir: string): string {
  return join(userDataDir, EXPORTS_FOLDER);
}

/** True when `path` (after resolving links) is a file below `folder` (after resolving links). */
export function isInsideFolder(
  path: string,
  folder: string,
  realpath: (p: string) => string = realpathSync,
): boolean {
  let real: string;
  let root: string;
  try {
    real = realpath(path);
    root = realpath(folder);
  } catch {
    return false;
  }
  const rel = relative(root, real);
  return rel.length > 0 && !rel.startsWith('..') && !isAbsolute(rel);
}

export interface OpenExportDeps {
  /** exports.file through the backend: the path of a file of the export log. */
  resolve(id: string): Promise<{ ok: true; path: string } | { ok: false; message: string }>;
  exportsDir: string;
  /** shell.openPath: resolves with an error text, empty on success. */
  openPath(path: string): Promise<string>;
  realpath?: (p: string) => string;
}

export async function openExport(
  id: unknown,
  deps: OpenExportDeps,
): Promise<{ ok: boolean; message?: string }> {
  if (typeof id !== 'string' || !isUuid(id)) return { ok: false, message: 'Fichier inconnu.' };
  const resolved = await deps.resolve(id);
  if (!resolved.ok) return { ok: false, message: resolved.message };
  if (!isInsideFolder(resolved.path, deps.exportsDir, deps.realpath)) {
    return { ok: false, message: 'Ce fichier n’a pas été écrit par Concerto : il n’est pas ouvert.' };
  }
  const error = await deps.openPath(resolved.path);
  return error ? { ok: false, message: `Le fichier n’a pas pu être ouvert : ${error}` } : { ok: true };
}
