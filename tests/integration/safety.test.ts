import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../electron/backend/db/migrations';
import { openDatabase } from '../../electron/backend/db/open';
import { type BackendOptions, CLOSING_MESSAGE, DATABASE_FILE } from '../../electron/backend/host';
import { SAFETY_CHANGED } from '../../shared/rpc/safety';
import { startTestApp, type TestApp } from './harness';

// The start-up check and safe mode, the move of misplaced data, migrations in one transaction,
// and the clean shutdown — on real files through the real router.

/** The backup schedule stays off unless a test turns it on: it would write backups mid-test. */
function open(dataDir: string, options: Partial<BackendOptions> = {}): Promise<TestApp> {
  return startTestApp({ dataDir, backend: { backupSchedule: false, ...options } });
}

let root: string;
let dataDir: string;
const apps: TestApp[] = [];
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'concerto-safety-'));
  dataDir = join(root, 'donnees');
});
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
  rmSync(root, { recursive: true, force: true });
});

async function start(options: Partial<BackendOptions> = {}, dir = dataDir): Promise<TestApp> {
  const app = await open(dir, options);
  apps.push(app);
  return app;
}

const addBody = (app: TestApp, name: string) =>
  app.call('bodies.create', {
    name,
    kind: 'thematic_group',
    level: 'national',
    periodicity: { kind: 'as_needed' },
    quorumRule: { kind: 'none' },
  });

const names = async (app: TestApp) => (await app.call('bodies.list', {})).map((b) => b.name).sort();

/** A database with two bodies and a verified backup holding the first; closed. */
async function databaseWithBackup(): Promise<{ backupId: string }> {
  const app = await open(dataDir);
  await addBody(app, 'Groupe thématique santé');
  const backup = await app.call('backups.create', {});
  await addBody(app, 'Comité régional');
  await app.close();
  return { backupId: backup.id };
}

const databasePath = () => join(dataDir, DATABASE_FILE);

/** Writes random bytes over pages `from`..`to` (1-based) of the closed database. */
function damagePages(from: number, to: number): void {
  const pageSize = 4096;
  const fd = openSync(databasePath(), 'r+');
  try {
    for (let page = from; page <= to; page++)
      writeSync(fd, randomBytes(pageSize), 0, pageSize, (page - 1) * pageSize);
  } finally {
    closeSync(fd);
  }
}

/** The number of the root page of a table, read from the closed file. */
function rootPage(table: string): number {
  const db = new BetterSqlite3(databasePath(), { readonly: true });
  try {
    return db.prepare('SELECT rootpage FROM sqlite_schema WHERE name = ?').pluck().get(table) as number;
  } finally {
    db.close();
  }
}

describe('a damaged database', () => {
  it('opens in safe mode, is never modified, offers the latest good backup, and a restore keeps it aside', async () => {
    const { backupId } = await databaseWithBackup();
    const page = rootPage('bodies');
    damagePages(page, page + 1);
    const damaged = readFileSync(databasePath());

    const app = await start();
    const status = await app.call('safety.status', {});
    expect(status).toMatchObject({
      mode: 'safe',
      problem: { kind: 'damaged' },
      check: { state: 'damaged' },
      databasePath: databasePath(),
      latestGoodBackup: { id: backupId, summary: { bodies: 1 } },
    });
    expect(status.problem?.message).toMatch(/endommagée/);
    // Nothing can read or write it: every ordinary call is refused.
    expect((await app.fail('bodies.list', {})).code).toBe('SAFE_MODE');
    expect((await app.fail('backups.create', {})).code).toBe('SAFE_MODE');
    expect(readFileSync(databasePath()).equals(damaged)).toBe(true);

    const result = await app.call('backups.restore', { id: backupId });
    expect(result.beforeRestore).toBeNull();
    expect((await app.call('safety.status', {})).mode).toBe('normal');
    expect(app.events.some((e) => e.topic === SAFETY_CHANGED)).toBe(true);
    expect(await names(app)).toEqual(['Groupe thématique santé']);
    await addBody(app, 'Après la restauration');

    // The damaged file is kept beside, byte for byte.
    const aside = readdirSync(dataDir).filter((f) => /^concerto\.endommagee-.*\.sqlite$/.test(f));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dataDir, aside[0] ?? '')).equals(damaged)).toBe(true);
  });

  it('a file SQLite cannot read at all (garbled header) is left as it is', async () => {
    await databaseWithBackup();
    const fd = openSync(databasePath(), 'r+');
    writeSync(fd, Buffer.from('Ceci n’est pas une base de données SQLite, seulement du texte.'), 0, 60, 0);
    closeSync(fd);
    const bytes = readFileSync(databasePath());
    const mtime = statSync(databasePath()).mtimeMs;

    const app = await start();
    expect(app.backend.context.safety).toMatchObject({ mode: 'safe', problem: { kind: 'damaged' } });
    expect((await app.call('backups.list', {})).backups).toHaveLength(1);
    await app.close();
    expect(readFileSync(databasePath()).equals(bytes)).toBe(true);
    expect(statSync(databasePath()).mtimeMs).toBe(mtime);
  });

  it('a large one is checked after start in a worker: calls are answered meanwhile, then safe mode is announced', async () => {
    const { backupId } = await databaseWithBackup();
    const page = rootPage('bodies');
    damagePages(page, page + 1);

    // Every database counts as large here, so the check runs in the background.
    const app = await start({ backgroundCheckAboveBytes: 0 });
    expect(app.backend.context.safety.check.state).toBe('pending');
    expect((await app.call('system.ping', {})).ok).toBe(true);
    await expect.poll(() => app.backend.context.safety.mode, { timeout: 10_000 }).toBe('safe');
    expect(app.events.find((e) => e.topic === SAFETY_CHANGED)?.payload).toMatchObject({
      mode: 'safe',
      problem: { kind: 'damaged' },
      check: { state: 'damaged' },
    });
    expect((await app.fail('bodies.list', {})).code).toBe('SAFE_MODE');

    await app.call('backups.restore', { id: backupId });
    expect(await names(app)).toEqual(['Groupe thématique santé']);
  });

  it('a healthy large one passes its background check', async () => {
    await databaseWithBackup();
    const app = await start({ backgroundCheckAboveBytes: 0 });
    await expect.poll(() => app.backend.context.safety.check.state, { timeout: 10_000 }).toBe('ok');
    expect(app.backend.context.safety.mode).toBe('normal');
    expect(await names(app)).toEqual(['Comité régional', 'Groupe thématique santé']);
  });
});

describe('a database from a newer Concerto', () => {
  it('is refused read-only with a message to install the newer version; restoring a backup keeps it aside', async () => {
    const { backupId } = await databaseWithBackup();
    const newer = new BetterSqlite3(databasePath());
    newer.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    newer.close();
    const bytes = readFileSync(databasePath());

    const app = await start();
    const status = await app.call('safety.status', {});
    expect(status).toMatchObject({ mode: 'safe', problem: { kind: 'too-new' } });
    expect(status.problem?.message).toMatch(/Installez la dernière version de Concerto/);
    expect((await app.fail('bodies.list', {})).code).toBe('SAFE_MODE');
    expect(readFileSync(databasePath()).equals(bytes)).toBe(true);

    await app.call('backups.restore', { id: backupId });
    expect(await names(app)).toEqual(['Groupe thématique santé']);
    const aside = readdirSync(dataDir).filter((f) => /^concerto\.version-recente-.*\.sqlite$/.test(f));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dataDir, aside[0] ?? '')).equals(bytes)).toBe(true);
  });
});

describe('data on a removable or network drive', () => {
  it('opens in safe mode; moving to this computer copies everything and leaves the original untouched', async () => {
    await databaseWithBackup();
    mkdirSync(join(dataDir, 'exports'), { recursive: true });
    writeFileSync(join(dataDir, 'exports', 'aide-memoire.pdf'), '%PDF-1.7 test');
    mkdirSync(join(dataDir, 'staging', 'abc'), { recursive: true });
    writeFileSync(join(dataDir, 'staging', 'abc', 'matrice.xlsx'), 'xlsx');
    const original = readFileSync(databasePath());
    const local = join(root, 'local');

    const app = await start({ locationProbe: () => 'removable', localDataDir: local });
    const status = await app.call('safety.status', {});
    expect(status).toMatchObject({
      mode: 'safe',
      problem: { kind: 'location', location: 'removable' },
      localDataDir: local,
    });
    expect(status.problem?.message).toMatch(/lecteur amovible/);
    expect((await app.fail('bodies.list', {})).code).toBe('SAFE_MODE');
    // Restoring there would keep the data where it is at risk.
    expect((await app.fail('backups.restore', { id: status.latestGoodBackup?.id ?? 'x' })).code).toBe(
      'SAFE_MODE',
    );

    const moved = await app.call('safety.moveToLocal', {});
    expect(moved).toMatchObject({ mode: 'normal', problem: null, databasePath: join(local, DATABASE_FILE) });
    expect(app.backend.context.paths.dataDir).toBe(local);
    expect(await names(app)).toEqual(['Comité régional', 'Groupe thématique santé']);
    await addBody(app, 'Écrit sur cet ordinateur');
    expect(readFileSync(join(local, 'exports', 'aide-memoire.pdf'), 'utf8')).toBe('%PDF-1.7 test');
    expect(existsSync(join(local, 'staging', 'abc', 'matrice.xlsx'))).toBe(true);
    expect((await app.call('backups.create', {})).summary.bodies).toBe(3);
    expect(existsSync(join(local, 'sauvegardes'))).toBe(true);

    // The original is as it was.
    expect(readFileSync(databasePath()).equals(original)).toBe(true);

    // The next start from the same folder continues on this computer, with what was written there.
    await app.close();
    const next = await start({ locationProbe: () => 'removable', localDataDir: local });
    expect(next.backend.context.safety.mode).toBe('normal');
    expect(next.backend.context.paths.databasePath).toBe(join(local, DATABASE_FILE));
    expect(await names(next)).toEqual([
      'Comité régional',
      'Groupe thématique santé',
      'Écrit sur cet ordinateur',
    ]);
    expect(readFileSync(databasePath()).equals(original)).toBe(true);
  });

  it('says so for a network share', async () => {
    const app = await start({
      locationProbe: async () => 'network' as const,
      localDataDir: join(root, 'local'),
    });
    expect(app.backend.context.safety.problem).toMatchObject({ kind: 'location', location: 'network' });
    expect(app.backend.context.safety.problem?.message).toMatch(/lecteur réseau/);
  });
});

describe('migrations', () => {
  // biome-ignore lint/suspicious/noExplicitAny: migrations are schema-agnostic by design
  type AnyDb = Kysely<any>;
  const first = {
    up: async (db: AnyDb) => {
      await db.schema
        .createTable('notes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .execute();
      await db.insertInto('notes').values({ id: 'gardée' }).execute();
    },
  };
  const second = {
    up: async (db: AnyDb) => {
      await db.schema
        .createTable('pieces')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .execute();
      await db.insertInto('notes').values({ id: 'ajoutée' }).execute();
    },
  };
  const failing = {
    up: async (db: AnyDb) => {
      await db.schema.createTable('annexes').addColumn('id', 'text').execute();
      throw new Error('panne au milieu de la migration');
    },
  };

  const state = (path: string) => {
    const db = new BetterSqlite3(path, { readonly: true });
    try {
      return {
        version: db.pragma('user_version', { simple: true }),
        tables: db
          .prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'kysely%' ORDER BY name",
          )
          .pluck()
          .all(),
        notes: db.prepare('SELECT id FROM notes ORDER BY id').pluck().all(),
        done: db.prepare('SELECT name FROM kysely_migration ORDER BY name').pluck().all(),
      };
    } finally {
      db.close();
    }
  };

  it('run all together or not at all: a later one failing leaves the version and the tables as they were', async () => {
    mkdirSync(dataDir, { recursive: true });
    const path = databasePath();
    const backupsDir = join(dataDir, 'sauvegardes');
    const v1 = await openDatabase(path, { backupsDir, migrations: { '0001': first } });
    await v1.close();
    expect(state(path)).toEqual({ version: 1, tables: ['notes'], notes: ['gardée'], done: ['0001'] });

    const error = await openDatabase(path, {
      backupsDir,
      migrations: { '0001': first, '0002': second, '0003': failing },
    }).then(
      () => null,
      (e: unknown) => e as { code: string; message: string },
    );
    expect(error?.code).toBe('INTERNAL');
    expect(error?.message).toMatch(/rien n’a été perdu/);
    // 0002 ran and succeeded before 0003 failed: it is rolled back with it.
    expect(state(path)).toEqual({ version: 1, tables: ['notes'], notes: ['gardée'], done: ['0001'] });

    // A verified backup was taken before the attempt.
    const backups = readdirSync(backupsDir);
    expect(backups).toEqual([expect.stringMatching(/_avant-migration\.sqlite$/)]);
    const copy = new BetterSqlite3(join(backupsDir, backups[0] ?? ''), { readonly: true });
    expect(copy.pragma('quick_check', { simple: true })).toBe('ok');
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    copy.close();

    const v2 = await openDatabase(path, { backupsDir, migrations: { '0001': first, '0002': second } });
    await v2.close();
    expect(state(path)).toEqual({
      version: 2,
      tables: ['notes', 'pieces'],
      notes: ['ajoutée', 'gardée'],
      done: ['0001', '0002'],
    });
  });
});

describe('shutdown', () => {
  it('waits for a call in flight, refuses new ones, and leaves the database checkpointed', async () => {
    const app = await open(dataDir);
    await addBody(app, 'Groupe thématique santé');
    const loading = app.backend.invoke('demo.load', {});
    await new Promise((resolve) => setImmediate(resolve));
    const closing = app.close();
    const refused = await app.backend.invoke('bodies.list', {});
    expect(refused).toEqual({ ok: false, error: { code: 'INTERNAL', message: CLOSING_MESSAGE } });
    await closing;
    expect((await loading).ok).toBe(true);

    // Everything is in the database file itself: no WAL left to replay.
    const wal = `${databasePath()}-wal`;
    expect(!existsSync(wal) || statSync(wal).size === 0).toBe(true);
    const reopened = await start();
    expect((await reopened.call('demo.status', {})).loaded).toBe(true);
  });
});
