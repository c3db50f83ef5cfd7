// Which folder holds the database (electron/main/data-dir.ts).
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DATABASE_FILE } from '../../electron/backend/host';
import { chooseDataDir, DATABASE_FILE_NAME, localDataDirFor } from '../../electron/main/data-dir';

describe('localDataDirFor', () => {
  test.each([
    [
      'win32',
      { LOCALAPPDATA: 'C:\\Users\\awa\\AppData\\Local' },
      'C:\\Users\\awa',
      'C:\\Users\\awa\\AppData\\Local\\Concerto',
    ],
    ['win32', {}, 'C:\\Users\\awa', 'C:\\Users\\awa\\AppData\\Local\\Concerto'],
    [
      'win32',
      { LOCALAPPDATA: 'relative\\path' },
      'C:\\Users\\awa',
      'C:\\Users\\awa\\AppData\\Local\\Concerto',
    ],
    ['linux', {}, '/home/awa', '/home/awa/.local/share/Concerto'],
    ['linux', { XDG_DATA_HOME: '/data/awa' }, '/home/awa', '/data/awa/Concerto'],
    ['linux', { XDG_DATA_HOME: 'relative' }, '/home/awa', '/home/awa/.local/share/Concerto'],
    ['darwin', {}, '/Users/awa', '/Users/awa/.local/share/Concerto'],
    // A roaming %APPDATA% is never taken for the local folder.
    [
      'win32',
      { APPDATA: '\\\\server\\profiles\\awa' },
      'C:\\Users\\awa',
      'C:\\Users\\awa\\AppData\\Local\\Concerto',
    ],
  ] as const)('%s %j home %s → %s', (platform, env, home, expected) => {
    expect(localDataDirFor(platform, env, home)).toBe(expected);
  });
});

describe('chooseDataDir', () => {
  const userDataDir = '/home/awa/.config/Concerto';
  const localDataDir = '/home/awa/.local/share/Concerto';
  const base = {
    argv: ['/opt/Concerto/concerto'],
    env: {},
    userDataDir,
    localDataDir,
    cwd: '/home/awa',
    exists: () => false,
  };
  const movedHere = (path: string) => path === join(localDataDir, 'concerto.sqlite');

  test.each([
    ['nothing given: userData', {}, { dataDir: userDataDir, reason: 'user-data' }],
    [
      'the data was moved to the local folder: it is used',
      { exists: movedHere },
      { dataDir: localDataDir, reason: 'local' },
    ],
    [
      'a local folder without the database (an unfinished move) is not used',
      { exists: (path: string) => path === localDataDir },
      { dataDir: userDataDir, reason: 'user-data' },
    ],
    [
      '--data-dir wins over everything',
      {
        argv: ['/opt/Concerto/concerto', '--data-dir=/media/usb/Concerto'],
        env: { CONCERTO_DATA_DIR: '/srv/other' },
        exists: movedHere,
      },
      { dataDir: '/media/usb/Concerto', reason: 'argument' },
    ],
    [
      'the last --data-dir counts; a relative one is taken from the working folder',
      { argv: ['concerto', '--data-dir=/a', '--data-dir=donnees'] },
      { dataDir: '/home/awa/donnees', reason: 'argument' },
    ],
    [
      'an empty --data-dir is ignored',
      { argv: ['concerto', '--data-dir='] },
      { dataDir: userDataDir, reason: 'user-data' },
    ],
    [
      'CONCERTO_DATA_DIR when no argument',
      { env: { CONCERTO_DATA_DIR: '/srv/concerto' }, exists: movedHere },
      { dataDir: '/srv/concerto', reason: 'environment' },
    ],
    [
      'a blank CONCERTO_DATA_DIR is ignored',
      { env: { CONCERTO_DATA_DIR: '  ' } },
      { dataDir: userDataDir, reason: 'user-data' },
    ],
    [
      '--data-dir without "=" is not ours (Chromium switches look alike)',
      { argv: ['concerto', '--data-dir', '/x'] },
      { dataDir: userDataDir, reason: 'user-data' },
    ],
  ])('%s', (_name, inputs, expected) => {
    expect(chooseDataDir({ ...base, ...inputs })).toEqual(expected);
  });

  test('the database file name is the backend’s', () => {
    expect(DATABASE_FILE_NAME).toBe(DATABASE_FILE);
  });
});
