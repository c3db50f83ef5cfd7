import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';

/** Copies a live database with SQLite's online backup API (never a file copy). */
export async function backupDatabase(sqlite: BetterSqlite3.Database, destination: string): Promise<string> {
  mkdirSync(dirname(destination), { recursive: true });
  await sqlite.backup(destination);
  return destination;
}
