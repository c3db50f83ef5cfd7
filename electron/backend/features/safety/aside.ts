import { existsSync, linkSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileStamp } from '../../db/backup';

/**
 * Keeps a database file that is about to be replaced under another name beside it
 * ("concerto.endommagee-<stamp>.sqlite"), with its WAL: never deleted, and its WAL can never
 * be replayed into the file that takes its place. The file itself gets a second name (a hard
 * link) so that the caller's rename over it stays atomic; where links are not possible (FAT
 * drives) it is renamed. Returns the name it is kept under.
 */
export function keepAside(path: string, label: string): string {
  const stem = basename(path).replace(/\.sqlite$/, '');
  const aside = join(dirname(path), `${stem}.${label}-${fileStamp()}.sqlite`);
  for (const suffix of ['-wal', '-journal']) {
    if (existsSync(`${path}${suffix}`)) renameSync(`${path}${suffix}`, `${aside}${suffix}`);
  }
  // The shared-memory index only describes the WAL just moved: stale, and rebuilt on demand.
  rmSync(`${path}-shm`, { force: true });
  if (existsSync(path)) {
    try {
      linkSync(path, aside);
    } catch {
      renameSync(path, aside);
    }
  }
  return aside;
}
