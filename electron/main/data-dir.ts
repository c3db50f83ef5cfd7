// Which folder holds the database. Pure functions (no Electron import), tested in
// tests/unit/electron-data-dir.test.ts.
//
// Electron's userData is %APPDATA%\Concerto on Windows: a roaming profile that some offices
// keep on a network share, where SQLite is not safe. "Déplacer sur cet ordinateur" (backend,
// safety feature) copies the data to a local, non-roaming folder; from then on that folder holds
// concerto.sqlite and is used at every start.
import { isAbsolute, join, posix, resolve, win32 } from 'node:path';

/** Same name as DATABASE_FILE in electron/backend/host.ts (main never imports the backend). */
export const DATABASE_FILE_NAME = 'concerto.sqlite';
const FOLDER_NAME = 'Concerto';
const DATA_DIR_ARGUMENT = '--data-dir=';
export const DATA_DIR_VARIABLE = 'CONCERTO_DATA_DIR';

type Env = Readonly<Record<string, string | undefined>>;

/** `%LOCALAPPDATA%\Concerto` on Windows, `~/.local/share/Concerto` (or $XDG_DATA_HOME) elsewhere. */
export function localDataDirFor(platform: NodeJS.Platform, env: Env, home: string): string {
  if (platform === 'win32') {
    const base = env.LOCALAPPDATA;
    return win32.join(
      base && win32.isAbsolute(base) ? base : win32.join(home, 'AppData', 'Local'),
      FOLDER_NAME,
    );
  }
  const base = env.XDG_DATA_HOME;
  return posix.join(base && posix.isAbsolute(base) ? base : posix.join(home, '.local', 'share'), FOLDER_NAME);
}

export type DataDirReason = 'argument' | 'environment' | 'local' | 'user-data';

export interface DataDirChoice {
  dataDir: string;
  reason: DataDirReason;
}

export interface DataDirInputs {
  argv: readonly string[];
  env: Env;
  userDataDir: string;
  localDataDir: string;
  exists(path: string): boolean;
  /** Base of a relative --data-dir or CONCERTO_DATA_DIR (the working directory). */
  cwd: string;
}

/**
 * `--data-dir=<path>` (the last one given) or CONCERTO_DATA_DIR when set; else the local folder
 * when the data was moved there (it holds concerto.sqlite); else Electron's userData.
 */
export function chooseDataDir(inputs: DataDirInputs): DataDirChoice {
  const argument = inputs.argv
    .filter((arg) => arg.startsWith(DATA_DIR_ARGUMENT))
    .map((arg) => arg.slice(DATA_DIR_ARGUMENT.length).trim())
    .filter((value) => value.length > 0)
    .at(-1);
  if (argument) return { dataDir: absolute(argument, inputs.cwd), reason: 'argument' };
  const variable = inputs.env[DATA_DIR_VARIABLE]?.trim();
  if (variable) return { dataDir: absolute(variable, inputs.cwd), reason: 'environment' };
  if (inputs.exists(join(inputs.localDataDir, DATABASE_FILE_NAME))) {
    return { dataDir: inputs.localDataDir, reason: 'local' };
  }
  return { dataDir: inputs.userDataDir, reason: 'user-data' };
}

function absolute(path: string, cwd: string): string {
  return isAbsolute(path) ? path : resolve(cwd, path);
}
