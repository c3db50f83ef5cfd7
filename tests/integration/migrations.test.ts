import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupDatabase } from '../../electron/backend/db/backup';
import { SCHEMA_VERSION } from '../../electron/backend/db/migrations';
import { DATABASE_FILE, startBackend } from '../../electron/backend/host';
import { RESOURCES_DIR, startTestApp } from './harness';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'concerto-migrations-'));
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

/** The registry's own tables (Kysely's bookkeeping and FTS5's shadow tables are not ours to shape). */
const DOMAIN_TABLES = [
  'agenda_entries',
  'assets',
  'attendance',
  'attendance_counts',
  'bodies',
  'body_links',
  'conventions',
  'entity_numbers',
  'export_log',
  'follow_up_snapshots',
  'history',
  'import_batches',
  'import_changes',
  'import_layouts',
  'interventions',
  'invitees',
  'meeting_cohosts',
  'meetings',
  'minutes',
  'minutes_versions',
  'organisations',
  'people',
  'recommendation_associates',
  'recommendation_updates',
  'recommendations',
  'roadmap_items',
  'roadmaps',
  'seat_holders',
  'seats',
  'settings',
  'synonyms',
  'territories',
  'working_groups',
];

describe('a fresh database', () => {
  it('runs in WAL mode with full syncs and foreign keys, at the current schema version', async () => {
    const app = await startTestApp({ dataDir });
    try {
      const { sqlite } = app.backend.context;
      expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
      expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(sqlite.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect((await app.call('system.info', {})).schemaVersion).toBe(SCHEMA_VERSION);
    } finally {
      await app.close();
    }
  });

  it('declares every table of the registry STRICT', async () => {
    const app = await startTestApp({ dataDir });
    try {
      const tables = app.backend.context.sqlite
        .prepare<[], { name: string; sql: string }>(
          `SELECT name, sql FROM sqlite_schema
           WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
             AND name NOT LIKE 'kysely\\_%' ESCAPE '\\' AND name NOT LIKE 'search\\_index%' ESCAPE '\\'
             AND name NOT LIKE 'recommendations\\_fts%' ESCAPE '\\'
           ORDER BY name`,
        )
        .all();
      expect(tables.map((t) => t.name)).toEqual(DOMAIN_TABLES);
      for (const table of tables) expect(table.sql, table.name).toMatch(/\)\s*STRICT\s*$/);
      // Anything else that is not a virtual table must be a known bookkeeping table.
      const others = app.backend.context.sqlite
        .prepare<[], { name: string; sql: string }>(
          `SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'`,
        )
        .all()
        .filter((t) => !DOMAIN_TABLES.includes(t.name));
      for (const t of others)
        expect(t.name).toMatch(
          /^(kysely_migration(_lock)?|(search_index|recommendations_fts)_\w+|sqlite_\w+)$/,
        );
    } finally {
      await app.close();
    }
  });

  it('foreign keys are enforced: a person in an unknown organisation cannot be written', async () => {
    const app = await startTestApp({ dataDir });
    try {
      const at = new Date().toISOString();
      expect(() =>
        app.backend.context.sqlite
          .prepare(
            `INSERT INTO people (id, last_name, organisation_id, created_at, updated_at) VALUES ('p', 'X', 'nope', ?, ?)`,
          )
          .run(at, at),
      ).toThrow(/FOREIGN KEY/);
    } finally {
      await app.close();
    }
  });
});

describe('an existing database', () => {
  it('keeps its data when reopened, without migrating again', async () => {
    const first = await startTestApp({ dataDir });
    const org = await first.call('organisations.create', { name: 'ONG Espoir', kind: 'national_ngo' });
    await first.call('settings.update', { userName: 'Awa Traoré' });
    await first.close();

    const second = await startTestApp({ dataDir });
    try {
      expect((await second.call('organisations.list', {})).map((o) => o.id)).toEqual([org.id]);
      expect((await second.call('settings.get', {})).userName).toBe('Awa Traoré');
      // No backup is taken when there is nothing to migrate.
      const { backupsDir } = second.backend.context.paths;
      expect(existsSync(backupsDir) ? readdirSync(backupsDir) : []).toEqual([]);
    } finally {
      await second.close();
    }
  });

  it('opens a database written by a newer Concerto in safe mode, says why in French, and leaves the file untouched', async () => {
    const path = join(dataDir, DATABASE_FILE);
    const newer = new BetterSqlite3(path);
    // As a newer Concerto would leave it: in WAL mode, with data, checkpointed and closed.
    newer.pragma('journal_mode = WAL');
    newer.exec("CREATE TABLE future (id TEXT PRIMARY KEY) STRICT; INSERT INTO future VALUES ('a');");
    newer.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    newer.close();
    const bytes = readFileSync(path);
    const mtime = statSync(path).mtimeMs;

    const backend = await startBackend({ dataDir, resourcesDir: RESOURCES_DIR, appVersion: '0.0.0-test' });
    try {
      const status = await backend.invoke('safety.status', {});
      expect(status).toMatchObject({ ok: true, value: { mode: 'safe', problem: { kind: 'too-new' } } });
      const message = status.ok ? (status.value as { problem: { message: string } }).problem.message : '';
      expect(message).toMatch(/version plus récente de Concerto/);
      expect(message).toMatch(/n’a pas été modifié/);
      // Nothing reads or writes the file: every ordinary call is refused.
      expect(await backend.invoke('organisations.list', {})).toMatchObject({
        ok: false,
        error: { code: 'SAFE_MODE' },
      });
    } finally {
      await backend.close();
    }
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(statSync(path).mtimeMs).toBe(mtime);
  });
  it('leaves untouched a newer database that is not in WAL mode (journal mode is a file setting)', async () => {
    const path = join(dataDir, DATABASE_FILE);
    const newer = new BetterSqlite3(path);
    newer.exec("CREATE TABLE future (id TEXT PRIMARY KEY) STRICT; INSERT INTO future VALUES ('a');");
    newer.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    newer.close();
    const bytes = readFileSync(path);

    const backend = await startBackend({ dataDir, resourcesDir: RESOURCES_DIR, appVersion: '0.0.0-test' });
    expect(backend.context.safety.problem?.kind).toBe('too-new');
    await backend.close();
    // Switching to WAL rewrites the header: the version must be checked before any PRAGMA that writes.
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });
});

describe('backups', () => {
  it('writes a complete, readable copy of the live database with the SQLite backup API', async () => {
    const app = await startTestApp({ dataDir });
    try {
      const org = await app.call('organisations.create', {
        name: 'Ministère de la Santé',
        acronym: 'MSDS',
        kind: 'ministry',
      });
      const destination = await backupDatabase(
        app.backend.context.sqlite,
        join(app.backend.context.paths.backupsDir, 'avant-migration-test.sqlite'),
      );
      expect(readdirSync(app.backend.context.paths.backupsDir)).toEqual(['avant-migration-test.sqlite']);

      const copy = new BetterSqlite3(destination, { readonly: true, fileMustExist: true });
      try {
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(copy.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
        expect(copy.prepare('SELECT id, acronym FROM organisations').all()).toEqual([
          { id: org.id, acronym: 'MSDS' },
        ]);
      } finally {
        copy.close();
      }
    } finally {
      await app.close();
    }
  });
});
