import type { BackendContext } from '../../context';
import { isNoSpace } from '../../diskFull';
import { AppError } from '../../errors';
import { freeBytes } from '../exports/drives';
import { noSpaceError, writeError } from '../exports/safeWrite';

export { dataFolderFull, isNoSpace } from '../../diskFull';

// A full disk is said with DISK_FULL, the exports' French wording, and how much is missing when
// the system tells: the screen then offers to free space or choose another folder.

/** Free bytes on the disk of a folder of Concerto's (tests pretend a full disk through the context). */
export function dataFreeBytes(ctx: Pick<BackendContext, 'freeBytes'>, folder: string): number | null {
  return (ctx.freeBytes ?? freeBytes)(folder);
}

/** The destination folder (a stick, the exports folder) is full. */
export function destinationFull(folder: string, missing: number | null): AppError {
  return noSpaceError(folder, missing);
}

/** A failed write to a destination folder, in French (DISK_FULL when the device is full). */
export function destinationError(error: unknown, folder: string, missing: number | null = null): AppError {
  if (error instanceof AppError) return error;
  if (isNoSpace(error)) return destinationFull(folder, missing);
  return writeError(error, folder);
}
