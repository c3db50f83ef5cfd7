import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { z } from 'zod';
import type { RemovableFileSchema } from '../../../../shared/rpc/partners';
import { listDestinations } from '../exports/drives';

// "Depuis une clé USB": the recent spreadsheets and emails found on the plugged-in removable
// drives, without the user browsing folders. The drive detection is the exports' one
// (exports/drives.ts); the scan is bounded (depth, entries, results) because a stick may hold
// a whole photo library, and never follows a link, which could lead off the drive.

export type RemovableFile = z.infer<typeof RemovableFileSchema>;

export interface RemovableDrive {
  path: string;
  label: string;
}

/** Folder depth below a drive's root that is scanned (files at the root are depth 0). */
export const SCAN_DEPTH = 3;
/** Directory entries looked at per drive. */
export const SCAN_ENTRIES = 2_000;
/** Files listed, newest first. */
export const SCAN_RESULTS = 50;

// The files staging.ts accepts (STAGEABLE_EXTENSIONS); not imported from there, which imports this module.
const LISTED_EXTENSIONS = new Set(['.xlsx', '.xls', '.ods', '.csv', '.eml', '.msg']);
/** System folders of sticks formatted by Windows or macOS: nothing of the user's in them. */
const SKIPPED_FOLDERS = new Set(['system volume information', '$recycle.bin', 'recycler', 'found.000']);

let injectedDrives: RemovableDrive[] | null = null;

/** Tests (and scripts) replace the detected drives by folders of their own; null restores detection. */
export function setRemovableDrivesForTests(drives: RemovableDrive[] | null): void {
  injectedDrives = drives;
}

/** The removable drives plugged in now (or the injected ones). */
export function listRemovableDrives(): RemovableDrive[] {
  if (injectedDrives) return injectedDrives;
  return listDestinations()
    .filter((drive) => drive.removable)
    .map((drive) => ({ path: drive.path, label: drive.label }));
}

const isListed = (name: string) =>
  LISTED_EXTENSIONS.has(extname(name).toLowerCase()) &&
  // Excel's lock files ("~$matrice.xlsx") and macOS's resource forks ("._matrice.xlsx").
  !name.startsWith('~$') &&
  !name.startsWith('._');

async function scanDrive(drive: RemovableDrive): Promise<RemovableFile[]> {
  const found: RemovableFile[] = [];
  let budget = SCAN_ENTRIES;
  // Breadth first: files near the root (where people drop them) are seen before the budget ends.
  let level: string[] = [drive.path];
  for (let depth = 0; depth <= SCAN_DEPTH && level.length > 0 && budget > 0; depth++) {
    const next: string[] = [];
    for (const folder of level) {
      if (budget <= 0) break;
      let entries: Dirent[];
      try {
        entries = await readdir(folder, { withFileTypes: true });
      } catch {
        continue;
      }
      for (const entry of entries) {
        if (budget-- <= 0) break;
        // Dirent types come from lstat: a link is a link, never followed (it may leave the drive).
        if (entry.isSymbolicLink()) continue;
        const path = join(folder, entry.name);
        if (entry.isDirectory()) {
          const lower = entry.name.toLowerCase();
          if (!entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(lower)) next.push(path);
        } else if (entry.isFile() && isListed(entry.name)) {
          const info = await stat(path).catch(() => null);
          if (!info?.isFile()) continue;
          found.push({
            path,
            fileName: entry.name,
            bytes: info.size,
            modifiedAt: info.mtime.toISOString(),
            drive: drive.label,
          });
        }
      }
    }
    level = next;
  }
  return found;
}

/** Spreadsheets (xlsx, xls, ods, csv) and .eml messages on removable drives, newest first. */
export async function listRemovableFiles(
  drives: RemovableDrive[] = listRemovableDrives(),
): Promise<RemovableFile[]> {
  const files = (await Promise.all(drives.map(scanDrive))).flat();
  files.sort((a, b) => (a.modifiedAt < b.modifiedAt ? 1 : a.modifiedAt > b.modifiedAt ? -1 : 0));
  return files.slice(0, SCAN_RESULTS);
}
