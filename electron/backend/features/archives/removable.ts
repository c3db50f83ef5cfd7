import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import type { ArchiveFileSchema } from '../../../../shared/rpc/safety';
import { listRemovableDrives, type RemovableDrive } from '../imports/removable';
import { ARCHIVE_EXTENSION } from './format';

// "Ouvrir une archive" from a USB stick: the .concerto files at the top of each plugged-in
// removable drive and one folder down (where "Exporter une archive" puts them, or a folder the
// user made), without browsing. The drives are the imports' (tests inject theirs there); links
// are never followed and the number of entries looked at is bounded.

export type ArchiveFile = z.infer<typeof ArchiveFileSchema>;

const ENTRIES_PER_DRIVE = 2_000;
const RESULTS = 50;
/** System folders of sticks formatted by Windows or macOS. */
const SKIPPED_FOLDERS = new Set(['system volume information', '$recycle.bin', 'recycler', 'found.000']);

async function scanDrive(drive: RemovableDrive): Promise<ArchiveFile[]> {
  const found: ArchiveFile[] = [];
  let budget = ENTRIES_PER_DRIVE;
  let level = [drive.path];
  for (let depth = 0; depth <= 1 && budget > 0; depth++) {
    const next: string[] = [];
    for (const folder of level) {
      const entries: Dirent[] = await readdir(folder, { withFileTypes: true }).catch(() => []);
      for (const entry of entries) {
        if (budget-- <= 0) break;
        if (entry.isSymbolicLink() || entry.name.startsWith('.')) continue;
        const path = join(folder, entry.name);
        if (entry.isDirectory()) {
          if (!SKIPPED_FOLDERS.has(entry.name.toLowerCase())) next.push(path);
        } else if (entry.isFile() && entry.name.toLowerCase().endsWith(ARCHIVE_EXTENSION)) {
          const info = await stat(path).catch(() => null);
          if (!info?.isFile()) continue;
          found.push({
            path,
            fileName: entry.name,
            sizeBytes: info.size,
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

/** archives.removableFiles: newest first. */
export async function listRemovableArchives(
  drives: RemovableDrive[] = listRemovableDrives(),
): Promise<ArchiveFile[]> {
  const files = (await Promise.all(drives.map(scanDrive))).flat();
  files.sort((a, b) => (a.modifiedAt < b.modifiedAt ? 1 : a.modifiedAt > b.modifiedAt ? -1 : 0));
  return files.slice(0, RESULTS);
}
