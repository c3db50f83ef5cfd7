import { existsSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';
import { uuidv7 } from '../../../../shared/domain/ids';
import type { ExportLogEntry } from '../../../../shared/rpc/documents';
import { nowIso } from '../../clock';
import type { Db } from '../../db/open';
import { AppError } from '../../errors';
import { parseJson } from '../../json';
import { type ExportFormat, MIME_TYPES } from './formats';
import { type ProducedFile, sha256 } from './produce';

// The export log: what Concerto produced, when, where and for whom. It is also the list of files
// the hosts may open: exports.file answers only for a logged file still in the exports folder.

export interface WrittenFile {
  file: ProducedFile;
  path: string;
}

/** Logs the files of one call (in the caller's transaction); returns their ids, in order. */
export async function logExports(
  trx: Db,
  written: readonly WrittenFile[],
  where: { folder: string; inExports: boolean },
  actor: string,
): Promise<string[]> {
  const at = nowIso();
  const ids: string[] = [];
  for (const { file, path } of written) {
    const id = uuidv7();
    ids.push(id);
    await trx
      .insertInto('export_log')
      .values({
        id,
        kind: file.kind,
        label: file.label,
        file_name: file.fileName,
        format: file.format,
        bytes: file.bytes.length,
        sha256: sha256(file.bytes),
        folder: where.folder,
        path,
        in_exports: where.inExports ? 1 : 0,
        subject_type: file.subject?.type ?? null,
        subject_id: file.subject?.id ?? null,
        recipients: JSON.stringify(file.recipients),
        actor,
        created_at: at,
        updated_at: at,
      })
      .execute();
  }
  return ids;
}

/** Newest first; `available` tells whether the file is still where it was written. */
export async function listExportLog(db: Db, limit: number): Promise<ExportLogEntry[]> {
  const rows = await db
    .selectFrom('export_log')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.created_at,
    kind: r.kind,
    label: r.label,
    fileName: r.file_name,
    format: r.format,
    bytes: r.bytes,
    folder: r.folder,
    recipients: parseJson<string[]>(r.recipients, []),
    actor: r.actor,
    available: existsSync(r.path),
  }));
}

function realOrNull(path: string): string | null {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
}

const GONE =
  'Ce fichier n’est plus disponible dans le dossier des exports de Concerto (déplacé ou supprimé).';

/**
 * Where an exported file lives, for the host to open or serve. Answered only for a logged file
 * written to the exports folder whose real path (links resolved) is still inside the real
 * exports folder and is a file: a forged id, a file saved to a stick, or a path that a link now
 * sends elsewhere is NOT_FOUND.
 */
export async function exportedFile(
  db: Db,
  exportsDir: string,
  id: string,
): Promise<{ path: string; fileName: string; mime: string }> {
  const row = await db.selectFrom('export_log').selectAll().where('id', '=', id).executeTakeFirst();
  const notOurs = 'Ce fichier ne fait pas partie des exports de Concerto.';
  if (!row) throw new AppError('NOT_FOUND', notOurs);
  if (row.in_exports !== 1) throw new AppError('NOT_FOUND', notOurs);
  const root = realOrNull(exportsDir);
  const real = realOrNull(row.path);
  if (root === null || real === null) throw new AppError('NOT_FOUND', GONE);
  const inside = relative(root, real);
  if (
    inside === '' ||
    inside === '..' ||
    inside.startsWith(`..${sep}`) ||
    isAbsolute(inside) ||
    !statSync(real).isFile()
  )
    throw new AppError('NOT_FOUND', GONE);
  return { path: real, fileName: row.file_name, mime: MIME_TYPES[row.format as ExportFormat] };
}
