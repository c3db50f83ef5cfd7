import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { EXPORTS_FOLDER } from '../../shared/documents/files';
import type { BackendContext, BackendPaths } from './context';
import { openDatabase } from './db/open';
import { currentActor } from './features/settings/repository';
import { handlers } from './handlers';
import { createRouter, type Router } from './rpc/router';

export interface BackendOptions {
  /** Folder holding the database and its backups (Electron's userData, or a test folder). */
  dataDir: string;
  resourcesDir: string;
  appVersion: string;
  onEvent?: (topic: string, payload: unknown) => void;
}

export interface Backend {
  invoke: Router;
  context: BackendContext;
  close(): Promise<void>;
}

export const DATABASE_FILE = 'concerto.sqlite';
export const BACKUPS_FOLDER = 'sauvegardes';

/** Opens the database and wires the router: the same for Electron's utility process and the web host. */
export async function startBackend(options: BackendOptions): Promise<Backend> {
  mkdirSync(options.dataDir, { recursive: true });
  const paths: BackendPaths = {
    dataDir: options.dataDir,
    databasePath: join(options.dataDir, DATABASE_FILE),
    backupsDir: join(options.dataDir, BACKUPS_FOLDER),
    exportsDir: join(options.dataDir, EXPORTS_FOLDER),
    resourcesDir: options.resourcesDir,
  };
  const opened = await openDatabase(paths.databasePath, { backupsDir: paths.backupsDir });
  const context: BackendContext = {
    db: opened.db,
    sqlite: opened.sqlite,
    paths,
    appVersion: options.appVersion,
    actor: () => currentActor(opened.db),
    emit: (topic, payload) => options.onEvent?.(topic, payload),
  };
  return { invoke: createRouter(handlers, context), context, close: opened.close };
}
