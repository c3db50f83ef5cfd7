import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { type DatabaseConnection, Kysely, SqliteDialect, SqliteDriver } from 'kysely';
import { type Migration, Migrator } from 'kysely/migration';
import { AppError } from '../errors';
import { writeBackup } from '../features/backups/service';
import { MIGRATIONS } from './migrations';
import type { Database } from './schema';

export type Db = Kysely<Database>;

export interface OpenedDatabase {
  db: Db;
  /** The raw connection, for bulk work on prepared statements and the backup API. */
  sqlite: BetterSqlite3.Database;
  path: string;
  close(): Promise<void>;
}

/** Applies the PRAGMAs every connection needs (architecture.md, "Database"). */
export function configureConnection(sqlite: BetterSqlite3.Database): void {
  sqlite.pragma('journal_mode = WAL');
  // Minutes must survive a power cut: FULL syncs the WAL at every commit.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
}

export interface OpenOptions {
  backupsDir: string;
  /** Recorded in the description of the backup taken before a migration. */
  appVersion?: string;
  /** Free bytes on a folder's disk, for the backup before a migration (tests fake a full disk). */
  freeBytes?: (folder: string) => number | null;
  /** The migrations to apply (tests give a list of their own); the schema version is their count. */
  migrations?: Readonly<Record<string, Migration>>;
}

/**
 * SQLite rolls a transaction back by itself on SQLITE_FULL (and IOERR, NOMEM): Kysely's own
 * ROLLBACK then fails with "no transaction is active" and would hide the real cause (a full
 * disk would reach the user as an unexpected error). Roll back only what is still open.
 */
class RollbackSafeDriver extends SqliteDriver {
  readonly #sqlite: BetterSqlite3.Database;
  constructor(sqlite: BetterSqlite3.Database) {
    super({ database: sqlite });
    this.#sqlite = sqlite;
  }
  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (this.#sqlite.inTransaction) await super.rollbackTransaction(connection);
  }
}

class RollbackSafeDialect extends SqliteDialect {
  readonly #sqlite: BetterSqlite3.Database;
  constructor(sqlite: BetterSqlite3.Database) {
    super({ database: sqlite });
    this.#sqlite = sqlite;
  }
  override createDriver(): SqliteDriver {
    return new RollbackSafeDriver(this.#sqlite);
  }
}

/** The typed query builder over a connection: every Kysely of the backend is made here. */
export function kyselyOver(sqlite: BetterSqlite3.Database): Db {
  return new Kysely<Database>({ dialect: new RollbackSafeDialect(sqlite) });
}

/**
 * Opens (creating if needed) the database file, refuses one written by a newer Concerto,
 * backs it up (verified) before any migration, then migrates it to the current schema in ONE
 * transaction: a failure or a power cut leaves the old schema whole.
 */
export async function openDatabase(path: string, options: OpenOptions): Promise<OpenedDatabase> {
  mkdirSync(dirname(path), { recursive: true });
  const migrations = options.migrations ?? MIGRATIONS;
  const target = Object.keys(migrations).length;
  const sqlite = new BetterSqlite3(path);
  // Read the version before any PRAGMA: switching a refused file to WAL would already change it.
  const onDisk = Number(sqlite.pragma('user_version', { simple: true }));
  if (onDisk > target) {
    sqlite.close();
    throw tooNewError(onDisk, target, path);
  }

  configureConnection(sqlite);
  const db = kyselyOver(sqlite);
  if (onDisk < target) {
    try {
      if (onDisk > 0) {
        await writeBackup(sqlite, options.backupsDir, 'before-migration', {
          appVersion: options.appVersion ?? '',
          freeBytes: options.freeBytes,
        });
      }
      await migrate(db, sqlite, migrations, target);
    } catch (error) {
      await db.destroy();
      if (error instanceof AppError) throw error;
      throw new AppError('INTERNAL', 'La mise à jour de la base de données a échoué ; rien n’a été perdu.', {
        cause: String(error),
        sqliteCode: (error as { code?: unknown } | null)?.code,
      });
    }
  }

  return {
    db,
    sqlite,
    path,
    close: () => db.destroy(),
  };
}

/** The refusal of a file written by a newer Concerto (the file is not modified). */
export function tooNewError(onDisk: number, known: number, path: string): AppError {
  return new AppError(
    'DATABASE_TOO_NEW',
    `Cette base de données a été créée par une version plus récente de Concerto (schéma ${onDisk}, ` +
      `cette version connaît le schéma ${known}). Installez la dernière version de Concerto ` +
      'pour l’ouvrir ; le fichier n’a pas été modifié.',
    { onDisk, known, path },
  );
}

/**
 * Every pending migration and the new user_version in one SQLite transaction. Kysely's migrator
 * does not open one on SQLite (no transactional DDL as it sees it), but SQLite's DDL is
 * transactional: BEGIN IMMEDIATE on the connection Kysely uses makes the whole run atomic.
 */
async function migrate(
  db: Db,
  sqlite: BetterSqlite3.Database,
  migrations: Readonly<Record<string, Migration>>,
  target: number,
): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => ({ ...migrations }) } });
  sqlite.exec('BEGIN IMMEDIATE');
  try {
    const { error } = await migrator.migrateToLatest();
    if (error) throw error;
    sqlite.pragma(`user_version = ${target}`);
    sqlite.exec('COMMIT');
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    throw error;
  }
}
