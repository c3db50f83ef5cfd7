import { execFile } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { listDestinations } from '../exports/drives';

// The database must live on this computer's own disk: on a network share a dropped connection
// in the middle of a write, and on a removable drive a pulled plug, can damage it (SQLite's
// locking is not reliable over network file systems either). The classification is pure; the
// facts it needs (mount table, drive list) are gathered by a probe that tests replace.

export type LocationKind = 'network' | 'removable';

export interface MountEntry {
  point: string;
  fstype: string;
}

export interface LocationFacts {
  platform: NodeJS.Platform;
  /** Linux and macOS: the mount table. */
  mounts?: readonly MountEntry[];
  /** Drive roots known to be removable or network ("E:\\", "Z:", "/media/awa/CLE"). */
  drives?: readonly { root: string; kind: LocationKind }[];
}

/** File systems reached over a network (Linux /proc/mounts and macOS mount names). */
export const NETWORK_FILE_SYSTEMS: ReadonlySet<string> = new Set([
  'nfs',
  'nfs4',
  'cifs',
  'smb3',
  'smbfs',
  'sshfs',
  'fuse.sshfs',
  '9p',
  'davfs',
  'fuse.davfs2',
  'afpfs',
  'webdav',
]);

/** Where the data folder lies, or null for this computer's own disk. */
export function classifyLocation(path: string, facts: LocationFacts): LocationKind | null {
  return facts.platform === 'win32' ? classifyWindows(path, facts) : classifyPosix(path, facts);
}

function classifyWindows(path: string, facts: LocationFacts): LocationKind | null {
  let p = path.replace(/\//g, '\\');
  if (/^\\\\[?.]\\UNC\\/i.test(p)) return 'network';
  // Long-path and device prefixes hide an ordinary drive path.
  if (/^\\\\[?.]\\/.test(p)) p = p.slice(4);
  if (p.startsWith('\\\\')) return 'network';
  const letter = /^([a-z]):/i.exec(p)?.[1]?.toUpperCase();
  if (!letter) return null;
  const drive = facts.drives?.find((d) => d.root.slice(0, 1).toUpperCase() === letter && d.root[1] === ':');
  return drive?.kind ?? null;
}

function within(path: string, root: string): boolean {
  const trimmed = root.length > 1 ? root.replace(/\/+$/, '') : root;
  return trimmed === '/' || path === trimmed || path.startsWith(`${trimmed}/`);
}

function classifyPosix(path: string, facts: LocationFacts): LocationKind | null {
  // The deepest mount point holding the path decides its file system.
  const mount = [...(facts.mounts ?? [])]
    .filter((m) => within(path, m.point))
    .sort((a, b) => b.point.length - a.point.length)[0];
  if (mount && NETWORK_FILE_SYSTEMS.has(mount.fstype.toLowerCase())) return 'network';
  const drive = facts.drives?.find((d) => within(path, d.root));
  return drive?.kind ?? null;
}

/** /proc/mounts: "device point fstype options 0 0", with octal escapes in the point. */
export function parseProcMounts(text: string): MountEntry[] {
  return text.split('\n').flatMap((line) => {
    const [, point, fstype] = line.split(' ');
    if (!point || !fstype) return [];
    const decoded = point.replace(/\\([0-7]{3})/g, (_, octal: string) =>
      String.fromCharCode(Number.parseInt(octal, 8)),
    );
    return [{ point: decoded, fstype }];
  });
}

/** macOS `mount`: "//awa@serveur/partage on /Volumes/partage (smbfs, nodev, nosuid)". */
export function parseMacMounts(text: string): MountEntry[] {
  return text.split('\n').flatMap((line) => {
    const match = / on (.+) \(([^,)]+)/.exec(line);
    return match?.[1] && match[2] ? [{ point: match[1], fstype: match[2].trim() }] : [];
  });
}

/** Win32_LogicalDisk lines "E:|2": DriveType 2 is removable, 4 a network drive. */
export function parseWindowsDrives(text: string): { root: string; kind: LocationKind }[] {
  return text.split(/\r?\n/).flatMap((line) => {
    const match = /^([A-Za-z]:)\|(\d+)\s*$/.exec(line.trim());
    if (!match?.[1]) return [];
    const kind = match[2] === '2' ? 'removable' : match[2] === '4' ? 'network' : null;
    return kind ? [{ root: `${match[1].toUpperCase()}\\`, kind }] : [];
  });
}

function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve) => {
    execFile(command, args, { timeout: 5000, windowsHide: true }, (error, stdout) =>
      resolve(error ? '' : String(stdout)),
    );
  });
}

/**
 * Looks at where `dataDir` really lies (links followed) on this system. Asks Windows for drive
 * types only for a drive other than the system one (the usual profile folder costs nothing).
 */
export async function probeLocation(dataDir: string): Promise<LocationKind | null> {
  let path = resolvePath(dataDir);
  try {
    path = realpathSync.native(path);
  } catch {
    // Not created yet: its parent decides, and the path as given is the best guess.
  }
  const platform = process.platform;
  if (platform === 'win32') {
    const system = (process.env.SystemDrive ?? 'C:').toUpperCase();
    if (path.slice(0, 2).toUpperCase() === system) return null;
    const quick = classifyLocation(path, { platform });
    if (quick) return quick;
    const listing = await run('powershell.exe', [
      '-NoProfile',
      '-NonInteractive',
      '-Command',
      'Get-CimInstance Win32_LogicalDisk | ForEach-Object { "$($_.DeviceID)|$($_.DriveType)" }',
    ]);
    return classifyLocation(path, { platform, drives: parseWindowsDrives(listing) });
  }
  const removable = listDestinations({ platform })
    .filter((d) => d.removable)
    .map((d) => ({ root: d.path, kind: 'removable' as const }));
  let mounts: MountEntry[] = [];
  if (platform === 'darwin') {
    if (path.startsWith('/Volumes/')) mounts = parseMacMounts(await run('/sbin/mount', []));
  } else {
    try {
      mounts = parseProcMounts(readFileSync('/proc/mounts', 'utf8'));
    } catch {
      mounts = [];
    }
  }
  return classifyLocation(path, { platform, mounts, drives: removable });
}
