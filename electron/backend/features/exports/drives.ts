import { existsSync, readdirSync, readFileSync, realpathSync, statfsSync, statSync } from 'node:fs';
import { homedir, userInfo } from 'node:os';
import { basename, join } from 'node:path';
import { compareFr } from '../../../../shared/domain/text';

// Folders offered for "Enregistrer sur une clé": the removable drives that are plugged in, then
// the user's Bureau and Documents. Found without native code: mount folders on Linux and macOS,
// drive letters on Windows.

export interface Drive {
  path: string;
  label: string;
  removable: boolean;
  free: number | null;
}

export interface DriveOptions {
  platform?: NodeJS.Platform;
  homeDir?: string;
  userName?: string;
  /** Linux: folders whose sub-folders are mounted media (default /media/<user>, /run/media/<user>, /mnt). */
  mediaRoots?: string[];
  /** Linux: the mount points (default read from /proc/mounts); null lists every sub-folder. */
  mountPoints?: Set<string> | null;
  /** macOS: the volumes folder (default /Volumes). */
  volumesRoot?: string;
}

export function freeBytes(path: string): number | null {
  try {
    const stats = statfsSync(path);
    return Number(stats.bavail) * Number(stats.bsize);
  } catch {
    return null;
  }
}

function subfolders(root: string): string[] {
  try {
    return readdirSync(root, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
      .map((entry) => join(root, entry.name));
  } catch {
    return [];
  }
}

/** Mount points from /proc/mounts (octal escapes decoded); null when it cannot be read. */
function linuxMountPoints(): Set<string> | null {
  try {
    const lines = readFileSync('/proc/mounts', 'utf8').split('\n');
    return new Set(
      lines
        .map((line) => line.split(' ')[1])
        .filter((point): point is string => !!point)
        .map((point) =>
          point.replace(/\\([0-7]{3})/g, (_, octal: string) =>
            String.fromCharCode(Number.parseInt(octal, 8)),
          ),
        ),
    );
  } catch {
    return null;
  }
}

function linuxDrives(options: DriveOptions, user: string): Drive[] {
  const roots = options.mediaRoots ?? [join('/media', user), join('/run/media', user), '/mnt'];
  const mounts = options.mountPoints === undefined ? linuxMountPoints() : options.mountPoints;
  // An empty folder under /mnt is a mount point waiting for a device: only mounted ones count.
  return roots
    .flatMap(subfolders)
    .filter((path) => mounts === null || mounts.has(path))
    .map((path) => ({ path, label: basename(path), removable: true, free: freeBytes(path) }));
}

function macDrives(options: DriveOptions): Drive[] {
  const root = options.volumesRoot ?? '/Volumes';
  return subfolders(root)
    .filter((path) => {
      // The boot volume appears in /Volumes as a link to "/".
      try {
        return realpathSync(path) !== '/';
      } catch {
        return false;
      }
    })
    .map((path) => ({ path, label: basename(path), removable: true, free: freeBytes(path) }));
}

function windowsDrives(): Drive[] {
  const system = (process.env.SystemDrive ?? 'C:').toUpperCase();
  const drives: Drive[] = [];
  for (let code = 'D'.charCodeAt(0); code <= 'Z'.charCodeAt(0); code++) {
    const letter = `${String.fromCharCode(code)}:`;
    if (letter === system) continue;
    const path = `${letter}\\`;
    if (!existsSync(path)) continue;
    // Telling a USB stick from a second hard disk needs the drive type (GetDriveTypeW), out of
    // reach without native code: every letter but the system drive is offered as removable.
    drives.push({ path, label: `Lecteur ${letter}`, removable: true, free: freeBytes(path) });
  }
  return drives;
}

/** The user's Bureau and Documents (under their English or French folder names). */
function homeFolders(home: string): Drive[] {
  const choices: { names: string[]; label: string }[] = [
    { names: ['Desktop', 'Bureau'], label: 'Bureau' },
    { names: ['Documents'], label: 'Documents' },
  ];
  return choices.flatMap(({ names, label }) => {
    const path = names
      .map((name) => join(home, name))
      .find((p) => {
        try {
          return statSync(p).isDirectory();
        } catch {
          return false;
        }
      });
    return path ? [{ path, label, removable: false, free: freeBytes(path) }] : [];
  });
}

function currentUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? '';
  }
}

/** Removable drives first (by name), then the user's folders. */
export function listDestinations(options: DriveOptions = {}): Drive[] {
  const platform = options.platform ?? process.platform;
  const home = options.homeDir ?? homedir();
  const removable =
    platform === 'win32'
      ? windowsDrives()
      : platform === 'darwin'
        ? macDrives(options)
        : linuxDrives(options, options.userName ?? currentUserName());
  removable.sort((a, b) => compareFr(a.label, b.label));
  return [...removable, ...homeFolders(home)];
}
