import { existsSync, statSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import type { BackendPaths } from '../../context';
import { SCHEMA_VERSION } from '../../db/migrations';
import { type Db, kyselyOver, type OpenedDatabase, openDatabase, tooNewError } from '../../db/open';
import { AppError } from '../../errors';
import { quickCheck } from './check';
import type { SafetyState } from './state';

// Opening the database at start (and after a move): nothing is written to a file before it is
// known to be readable, healthy and of a schema this version knows. The first look is taken on
// a read-only connection; a small database is checked whole (quick_check) there and then, a
// large one later in a worker (features/safety/service.ts) so that start-up stays quick.

/** Above this size the start-up check runs after `ready`, in a worker. */
export const BACKGROUND_CHECK_ABOVE_BYTES = 64 * 1024 * 1024;

export type Problem = NonNullable<SafetyState['problem']>;

export interface OpenForUseOptions {
  appVersion: string;
  freeBytes?: (folder: string) => number | null;
  backgroundCheckAboveBytes?: number;
}

export type OpenOutcome =
  | { kind: 'open'; opened: OpenedDatabase; check: SafetyState['check']; checkLater: boolean }
  | { kind: 'safe'; problem: Problem; check: SafetyState['check'] };

export function damagedProblem(path: string): Problem {
  return {
    kind: 'damaged',
    message:
      `La base de données de Concerto est endommagée (« ${path} ») : Concerto s’est ouvert en mode sans échec ` +
      'et n’y touche plus. Restaurez la dernière sauvegarde vérifiée ; le fichier endommagé sera gardé à côté, ' +
      'jamais effacé.',
  };
}

export function locationProblem(dataDir: string, location: 'network' | 'removable'): Problem {
  const where =
    location === 'network'
      ? 'sur un lecteur réseau : une coupure du réseau pendant un enregistrement pourrait l’endommager'
      : 'sur un lecteur amovible (clé USB, disque externe) : le débrancher pendant un enregistrement pourrait l’endommager';
  return {
    kind: 'location',
    location,
    message:
      `Le dossier des données de Concerto (« ${dataDir} ») est ${where}. Déplacez les données sur cet ordinateur ` +
      'pour continuer ; le dossier d’origine ne sera pas modifié.',
  };
}

const PENDING: SafetyState['check'] = { state: 'pending', at: null, durationMs: null };

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

function isSqliteDamage(error: unknown): boolean {
  const source =
    error instanceof AppError ? error.details?.sqliteCode : (error as { code?: unknown } | null)?.code;
  const code = String(source ?? '');
  return code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB';
}

export async function openForUse(paths: BackendPaths, options: OpenForUseOptions): Promise<OpenOutcome> {
  const path = paths.databasePath;
  const started = performance.now();
  let checkLater = false;
  if (existsSync(path) && sizeOf(path) > 0) {
    let probe: BetterSqlite3.Database | null = null;
    try {
      probe = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
      const onDisk = Number(probe.pragma('user_version', { simple: true }));
      checkLater =
        sizeOf(path) + sizeOf(`${path}-wal`) >
        (options.backgroundCheckAboveBytes ?? BACKGROUND_CHECK_ABOVE_BYTES);
      const check = checkLater ? null : quickCheck(probe);
      const done = { at: new Date().toISOString(), durationMs: Math.round(performance.now() - started) };
      if (check !== null && check !== 'ok') {
        return { kind: 'safe', problem: damagedProblem(path), check: { state: 'damaged', ...done } };
      }
      if (onDisk > SCHEMA_VERSION) {
        return {
          kind: 'safe',
          problem: { kind: 'too-new', message: tooNewError(onDisk, SCHEMA_VERSION, path).message },
          check: check === 'ok' ? { state: 'ok', ...done } : PENDING,
        };
      }
    } catch (error) {
      // Not a database, a malformed header, pages SQLite cannot read: never opened for writing.
      console.error('[safety] the database cannot be read', error);
      const done = { at: new Date().toISOString(), durationMs: Math.round(performance.now() - started) };
      return { kind: 'safe', problem: damagedProblem(path), check: { state: 'damaged', ...done } };
    } finally {
      probe?.close();
    }
  }

  try {
    const opened = await openDatabase(path, {
      backupsDir: paths.backupsDir,
      appVersion: options.appVersion,
      freeBytes: options.freeBytes,
    });
    const check: SafetyState['check'] = checkLater
      ? PENDING
      : { state: 'ok', at: new Date().toISOString(), durationMs: Math.round(performance.now() - started) };
    return { kind: 'open', opened, check, checkLater };
  } catch (error) {
    // The copy taken before a migration failed its check: the source is damaged.
    const damaged =
      (error instanceof AppError && error.details?.check !== undefined) || isSqliteDamage(error);
    if (!damaged) throw error;
    console.error('[safety] the database is damaged', error);
    return {
      kind: 'safe',
      problem: damagedProblem(path),
      check: {
        state: 'damaged',
        at: new Date().toISOString(),
        durationMs: Math.round(performance.now() - started),
      },
    };
  }
}

/** What the context holds in safe mode: an empty database in memory, so no call can reach the file. */
export function memoryDatabase(): { db: Db; sqlite: BetterSqlite3.Database } {
  const sqlite = new BetterSqlite3(':memory:');
  return { sqlite, db: kyselyOver(sqlite) };
}
