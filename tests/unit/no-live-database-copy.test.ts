import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// issue 7: "No fs.copyFile of a live database anywhere (a test greps for it)". A file copy of a
// database in WAL mode can miss the pages still in the -wal file, or catch a page half-written:
// every copy of the database goes through SQLite's online backup API. This test reads the
// sources of the application and refuses any file-level copy of the database.

const ROOT = resolve(import.meta.dirname, '..', '..');
const SOURCES = ['electron', 'shared'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|tsx|mts|cts|js|mjs|cjs)$/.test(entry.name) ? [path] : [];
  });
}

/** Copy primitives of node:fs that never belong near a database. */
const FILE_COPY = /\bcopyFile(Sync)?\s*\(/;
/** Calls that copy or read a whole file, with the rest of the line (their arguments). */
const WHOLE_FILE = /\b(cpSync|cp|readFileSync|readFile|createReadStream)\s*\((.*)$/;
/** What names the live database in the backend: its path in the context, or its file name. */
const LIVE_DATABASE = /databasePath|DATABASE_FILE|concerto\.sqlite\b/;

/** Every place in `text` that copies a file, or reads the live database as a file. */
function liveCopies(text: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, index) => {
    const code = line.replace(/\/\/.*$/, '');
    if (FILE_COPY.test(code)) found.push(`${index + 1}: ${line.trim()}`);
    const call = WHOLE_FILE.exec(code);
    if (call && LIVE_DATABASE.test(call[2] ?? '')) found.push(`${index + 1}: ${line.trim()}`);
  });
  return found;
}

describe('copies of the live database', () => {
  it('finds the forbidden forms in examples (so the check itself works)', () => {
    expect(liveCopies('await fs.copyFile(db, backup);')).toHaveLength(1);
    expect(liveCopies('copyFileSync(a, b)')).toHaveLength(1);
    expect(liveCopies('const bytes = readFileSync(ctx.paths.databasePath);')).toHaveLength(1);
    expect(liveCopies('cpSync(join(dir, DATABASE_FILE), target)')).toHaveLength(1);
    expect(liveCopies("createReadStream(join(dataDir, 'concerto.sqlite'))")).toHaveLength(1);
    expect(liveCopies('await sqlite.backup(destination);')).toEqual([]);
    expect(liveCopies("cpSync(join(from, 'exports'), to, { recursive: true })")).toEqual([]);
    expect(liveCopies('// never fs.copyFile a live database')).toEqual([]);
  });

  it('never happen in the application: every copy goes through the backup API', () => {
    const offenders = SOURCES.flatMap((folder) => sourceFiles(join(ROOT, folder))).flatMap((file) =>
      liveCopies(readFileSync(file, 'utf8')).map((line) => `${relative(ROOT, file)}:${line}`),
    );
    expect(offenders).toEqual([]);
  });
});
