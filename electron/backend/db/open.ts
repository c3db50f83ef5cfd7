import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import { AppError } from '../errors';
import { backupDatabase, fileStamp } from './backup';
import { SCHEMA_VERSION, staticMigrationProvider } from './migrations';
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

/**
 * Opens (creating if needed) the database file, refuses one written by a newer Concerto,
 * backs it up before any migration, then migrates it to the current schema.
 */
export async function openDatabase(path: string, options: { backupsDir: string }): Promise<OpenedDatabase> {
  mkdirSync(dirname(path), { recursive: true });
  const sqlite = new BetterSqlite3(path);
  // Read the version before any PRAGMA: switching a refused file to WAL would already change it.
  const onDisk = Number(sqlite.pragma('user_version', { simple: true }));
  if (onDisk > SCHEMA_VERSION) {
    sqlite.close();
    throw new AppError(
      'DATABASE_TOO_NEW',
      `Cette base de données a été créée par une version plus récente de Concerto (schéma ${onDisk}, ` +
        `cette version connaît le schéma ${SCHEMA_VERSION}). Installez la dernière version de Concerto ` +
        'pour l’ouvrir ; le fichier n’a pas été modifié.',
      { onDisk, known: SCHEMA_VERSION, path },
    );
  }

  configureConnection(sqlite);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  if (onDisk < SCHEMA_VERSION) {
    if (onDisk > 0) {
      await backupDatabase(
        sqlite,
        join(options.backupsDir, `avant-migration-v${onDisk}-${fileStamp()}.sqlite`),
      );
    }
    const migrator = new Migrator({ db, provider: staticMigrationProvider });
    const { error } = await migrator.migrateToLatest();
    if (error) {
      await db.destroy();
      throw new AppError('INTERNAL', 'La mise à jour de la base de données a échoué ; rien n’a été perdu.', {
        cause: String(error),
      });
    }
    sqlite.pragma(`user_version = ${SCHEMA_VERSION}`);
  }

  return {
    db,
    sqlite,
    path,
    close: () => db.destroy(),
  };
}
