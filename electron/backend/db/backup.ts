import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';

/** Copies a live database with SQLite's online backup API (never a file copy). */
export async function backupDatabase(sqlite: BetterSqlite3.Database, destination: string): Promise<string> {
  mkdirSync(dirname(destination), { recursive: true });
  await sqlite.backup(destination);
  return destination;
}

/** A timestamp safe in file names on every system: 2026-11-23T13-55-02-123Z. */
export function fileStamp(date = new Date()): string {
  return date.toISOString().replace(/[:.]/g, '-');
}
