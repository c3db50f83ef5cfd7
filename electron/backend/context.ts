import type BetterSqlite3 from 'better-sqlite3';
import type { Db } from './db/open';

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

/** What every handler receives: the open database, where things live, and how to speak. */
export interface BackendContext {
  db: Db;
  sqlite: BetterSqlite3.Database;
  paths: BackendPaths;
  appVersion: string;
  /** The user's name as set in the settings: recorded as the author of each change. */
  actor(): Promise<string>;
  emit(topic: string, payload: unknown): void;
}
