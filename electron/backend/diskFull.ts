import { AppError } from './errors';
import { errorCode, sizeFr } from './features/exports/safeWrite';

// A full disk, however it is reported: Node's ENOSPC, a user quota (EDQUOT), or SQLite's own
// "database or disk is full" (SQLITE_FULL and its extended codes). Every write path asks here,
// so that a full disk is told as one, never as an unexpected failure.

/** The error says there is no room left on the disk. */
export function isNoSpace(error: unknown): boolean {
  const code = errorCode(error) ?? '';
  return code === 'ENOSPC' || code === 'EDQUOT' || code.startsWith('SQLITE_FULL');
}

/** Concerto's own folder is full: nothing was changed. `missing` when the system tells it. */
export function dataFolderFull(folder: string, missing: number | null): AppError {
  const known = missing !== null && missing > 0;
  return new AppError(
    'DISK_FULL',
    `Le disque du dossier de Concerto (${folder}) est plein${known ? ` : il manque environ ${sizeFr(missing)}` : ''}. ` +
      'Libérez de la place et recommencez. Rien n’a été modifié.',
    { cause: 'full', folder, ...(known ? { missingBytes: missing } : {}) },
  );
}
