import { describe, expect, it } from 'vitest';
import {
  classifyLocation,
  type LocationFacts,
  parseMacMounts,
  parseProcMounts,
  parseWindowsDrives,
} from '../../electron/backend/features/safety/location';

// Where the data folder lies, as a table: the classification is pure, the facts are given.

const linuxMounts = parseProcMounts(
  [
    '/dev/nvme0n1p2 / ext4 rw,relatime 0 0',
    'tmpfs /tmp tmpfs rw,nosuid 0 0',
    '//serveur/partage /mnt/partage cifs rw,vers=3.0 0 0',
    'serveur:/export/home /home/awa/reseau nfs4 rw 0 0',
    'awa@serveur:/data /home/awa/ssh fuse.sshfs rw 0 0',
    'drvfs /mnt/c 9p rw 0 0',
    '/dev/sdb1 /media/awa/CLE\\040USB vfat rw 0 0',
    '/dev/sda3 /home ext4 rw 0 0',
  ].join('\n'),
);
const linux: LocationFacts = {
  platform: 'linux',
  mounts: linuxMounts,
  drives: [{ root: '/media/awa/CLE USB', kind: 'removable' }],
};
const mac: LocationFacts = {
  platform: 'darwin',
  mounts: parseMacMounts(
    [
      '/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)',
      '//awa@serveur/Partage on /Volumes/Partage (smbfs, nodev, nosuid, mounted by awa)',
      '/dev/disk4s1 on /Volumes/CLE (msdos, local, nodev, nosuid, noowners)',
    ].join('\n'),
  ),
  drives: [
    { root: '/Volumes/Partage', kind: 'removable' },
    { root: '/Volumes/CLE', kind: 'removable' },
  ],
};
const windows: LocationFacts = {
  platform: 'win32',
  drives: parseWindowsDrives('C:|3\r\nD:|5\r\nE:|2\r\nZ:|4\r\n'),
};

describe('classifyLocation', () => {
  it.each([
    // Linux: the deepest mount point decides.
    ['/home/awa/.config/Concerto', linux, null],
    ['/tmp/concerto', linux, null],
    ['/mnt/partage/Concerto', linux, 'network'],
    ['/home/awa/reseau/Concerto', linux, 'network'],
    ['/home/awa/ssh/Concerto', linux, 'network'],
    ['/home/awa/reseaux/Concerto', linux, null],
    ['/mnt/c/Users/awa/Concerto', linux, 'network'],
    ['/media/awa/CLE USB/Concerto', linux, 'removable'],
    ['/media/awa/CLE USB2/Concerto', linux, null],
    // macOS: a share under /Volumes is a network one, a stick a removable one.
    ['/Users/awa/Library/Application Support/Concerto', mac, null],
    ['/Volumes/Partage/Concerto', mac, 'network'],
    ['/Volumes/CLE/Concerto', mac, 'removable'],
    // Windows: UNC paths, mapped network letters, removable letters.
    ['C:\\Users\\awa\\AppData\\Roaming\\Concerto', windows, null],
    ['\\\\serveur\\partage\\Concerto', windows, 'network'],
    ['//serveur/partage/Concerto', windows, 'network'],
    ['\\\\?\\UNC\\serveur\\partage\\Concerto', windows, 'network'],
    ['\\\\?\\C:\\Users\\awa\\Concerto', windows, null],
    ['\\\\?\\E:\\Concerto', windows, 'removable'],
    ['z:\\Concerto', windows, 'network'],
    ['E:\\Concerto', windows, 'removable'],
    ['D:\\Concerto', windows, null],
    ['F:\\Concerto', windows, null],
  ] as const)('%s → %s', (path, facts, expected) => {
    expect(classifyLocation(path, facts)).toBe(expected);
  });
});

describe('system listings', () => {
  it('decodes escaped mount points and keeps every file system type', () => {
    expect(linuxMounts.find((m) => m.point.startsWith('/media'))).toEqual({
      point: '/media/awa/CLE USB',
      fstype: 'vfat',
    });
    expect(linuxMounts).toHaveLength(8);
  });

  it('reads Windows drive types: 2 removable, 4 network, others left out', () => {
    expect(parseWindowsDrives('C:|3\r\nd:|2\r\nZ:|4\r\n\r\nbruit\r\nY:|5')).toEqual([
      { root: 'D:\\', kind: 'removable' },
      { root: 'Z:\\', kind: 'network' },
    ]);
  });
});
