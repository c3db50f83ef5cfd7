import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { EXPORTS_FOLDER } from '../../shared/documents/files';
import type { Db } from './db/open';
import type { SafetyState } from './features/safety/state';
import type { Gate } from './rpc/gate';

export interface BackendPaths {
  dataDir: string;
  databasePath: string;
  backupsDir: string;
  /**
   * Where documents, spreadsheets, bundles and email drafts are written: the only folder whose
   * files the hosts agree to open or serve (exports.file checks it).
   */
  exportsDir: string;
  /** Shipped reference data (territories…). */
  resourcesDir: string;
}

export const DATABASE_FILE = 'concerto.sqlite';
export const BACKUPS_FOLDER = 'sauvegardes';

/** Where things live in a data folder (the start, and a move of the data to this computer). */
export function dataPaths(dataDir: string, resourcesDir: string): BackendPaths {
  return {
    dataDir,
    databasePath: join(dataDir, DATABASE_FILE),
    backupsDir: join(dataDir, BACKUPS_FOLDER),
    exportsDir: join(dataDir, EXPORTS_FOLDER),
    resourcesDir,
  };
}

/**
 * What every handler receives: the open database, where things live, and how to speak.
 * `db` and `sqlite` are swapped by a restore (under the gate's exclusive lock): read them from
 * the context at each call, never keep them.
 */
export interface BackendContext {
  db: Db;
  sqlite: BetterSqlite3.Database;
  /** Restores run alone; every other call passes through it shared (rpc/gate.ts). */
  gate: Gate;
  /** Start-up check and safe mode (features/safety). */
  safety: SafetyState;
  paths: BackendPaths;
  appVersion: string;
  /** The user's name as set in the settings: recorded as the author of each change. */
  actor(): Promise<string>;
  emit(topic: string, payload: unknown): void;
  /** Aborted when the backend closes: long work (backups) stops and leaves nothing behind. */
  shutdown: AbortSignal;
  /** Free bytes on the disk holding a folder (null when unknown); tests pretend a full disk. */
  freeBytes?: (folder: string) => number | null;
}
