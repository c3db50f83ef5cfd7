import { mkdirSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';

/** Copies a live database with SQLite's online backup API (never a file copy). */
export async function backupDatabase(sqlite: BetterSqlite3.Database, destination: string): Promise<string> {
  mkdirSync(dirname(destination), { recursive: true });
  await sqlite.backup(destination);
  return destination;
}

/** Flushes a file's bytes to the disk (on libuv's pool: the event loop keeps running). */
export async function fsyncFile(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Flushes a folder's entries, so that a rename survives a power cut. Not possible on Windows. */
export async function fsyncFolder(path: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** A timestamp safe in file names on every system: 2026-11-23T13-55-02-123Z. */
export function fileStamp(date = new Date()): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/** The date a fileStamp was made from, or null when `stamp` is not one. */
export function parseFileStamp(stamp: string): Date | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/.exec(stamp);
  if (!match) return null;
  const date = new Date(`${match[1]}T${match[2]}:${match[3]}:${match[4]}.${match[5]}Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}
