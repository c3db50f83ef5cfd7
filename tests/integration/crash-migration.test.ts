// issue 7: "Kill -9 during a migration: the schema version is the old or the new one, the
// pre-migration backup exists and passes quick_check."
//
// A database is built at an older schema version by running only the first migrations (the
// frozen files themselves) and filled with enough partner interventions that the backup and
// the last migration take some time. A child backend is started on a copy of it — at start it
// backs the file up into sauvegardes/ and migrates it — and killed with SIGKILL, in turn:
// after a seeded random delay spread over one whole opening (measured once); at a random point
// inside the migration's transaction (its BEGIN and COMMIT are traced by the child, see
// fixtures/crash-child.mjs); and at once after its COMMIT.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION } from '../../electron/backend/db/migrations';
import { DATABASE_FILE } from '../../electron/backend/host';
import { BackendChild, runSeed, seededRandom, sleep } from './fixtures/backendChild';

const KILL_POINTS = 10;
/** 0005_partners: the interventions exist, and every later migration reshapes them. */
const OLD_VERSION = 5;
const INTERVENTIONS = 20_000;

/** The kill points and the timed start-up are traced alike, so that they run at the same pace. */
const TRACE = { CONCERTO_TRACE: '1' };
const BEGIN = /^exec BEGIN/i;
const COMMIT = /^exec COMMIT/i;

const root = mkdtempSync(join(tmpdir(), 'concerto-crash-migration-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A closed database at OLD_VERSION, in WAL mode as Concerto leaves it, with some data. */
async function buildOldDatabase(dataDir: string): Promise<void> {
  const sqlite = new BetterSqlite3(join(dataDir, DATABASE_FILE));
  sqlite.pragma('journal_mode = WAL');
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
  const target = Object.keys(MIGRATIONS)[OLD_VERSION - 1] ?? '';
  const { error } = await new Migrator({
    db,
    provider: { getMigrations: async () => ({ ...MIGRATIONS }) },
  }).migrateTo(target);
  if (error) throw error;
  sqlite.pragma(`user_version = ${OLD_VERSION}`);

  const at = '2026-01-15T10:00:00.000Z';
  const insertTerritory = sqlite.prepare(
    `INSERT INTO territories (id, country_code, pcode, name, level, parent_id, source, created_at, updated_at)
     VALUES (?, 'ML', ?, ?, ?, ?, 'reference', ?, ?)`,
  );
  const insertOrganisation = sqlite.prepare(
    'INSERT INTO organisations (id, name, acronym, kind, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertIntervention = sqlite.prepare(
    `INSERT INTO interventions (id, organisation_id, sector, activity, territory_id, adm1_id, adm2_id, status,
       natural_key, created_at, updated_at)
     VALUES (?, ?, 'nutrition', ?, ?, ?, ?, 'ongoing', ?, ?, ?)`,
  );
  sqlite.transaction(() => {
    for (let r = 0; r < 10; r++) {
      insertTerritory.run(`adm1-${r}`, `ML0${r}`, `Région ${r}`, 1, null, at, at);
      for (let c = 0; c < 10; c++) {
        insertTerritory.run(`adm2-${r}-${c}`, `ML0${r}0${c}`, `Cercle ${r}.${c}`, 2, `adm1-${r}`, at, at);
      }
    }
    for (let o = 0; o < 40; o++) {
      insertOrganisation.run(
        `org-${o}`,
        `Organisation partenaire ${o}`,
        `ORG${o}`,
        'international_ngo',
        at,
        at,
      );
    }
    for (let i = 0; i < INTERVENTIONS; i++) {
      const r = i % 10;
      const c = Math.floor(i / 10) % 10;
      const adm2 = `adm2-${r}-${c}`;
      insertIntervention.run(
        `int-${i}`,
        `org-${i % 40}`,
        `Activité ${i}`,
        adm2,
        `adm1-${r}`,
        adm2,
        `key-${i}`,
        at,
        at,
      );
    }
  })();
  await db.destroy();
}

interface Observed {
  version: number;
  integrity: unknown;
  /** Migrations Kysely recorded as run. */
  migrations: number;
  /** Every table, index and trigger as SQLite stores it: the shape of the schema. */
  schema: string[];
  interventions: number;
}

function observe(path: string): Observed {
  const db = new BetterSqlite3(path, { fileMustExist: true });
  try {
    return {
      version: Number(db.pragma('user_version', { simple: true })),
      integrity: db.pragma('integrity_check', { simple: true }),
      migrations: (db.prepare('SELECT count(*) AS n FROM kysely_migration').get() as { n: number }).n,
      schema: (
        db
          .prepare(
            "SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'kysely%' ORDER BY type, name",
          )
          .all() as {
          type: string;
          name: string;
          sql: string | null;
        }[]
      ).map((t) => `${t.type} ${t.name}: ${t.sql ?? ''}`),
      interventions: (db.prepare('SELECT count(*) AS n FROM interventions').get() as { n: number }).n,
    };
  } finally {
    db.close();
  }
}

/** quick_check of every file of sauvegardes/ with a final name; the names of the pre-migration ones. */
function backups(dataDir: string): { problems: string[]; beforeMigration: string[] } {
  const folder = join(dataDir, 'sauvegardes');
  const problems: string[] = [];
  const beforeMigration: string[] = [];
  if (!existsSync(folder)) return { problems, beforeMigration };
  for (const name of readdirSync(folder)) {
    if (name.endsWith('.partiel') || /-(wal|shm|journal)$/.test(name)) continue;
    try {
      const db = new BetterSqlite3(join(folder, name), { readonly: true, fileMustExist: true });
      try {
        const check = db.pragma('quick_check', { simple: true });
        if (check !== 'ok') problems.push(`${name}: ${String(check)}`);
        const version = Number(db.pragma('user_version', { simple: true }));
        if (/migration/.test(name) && version === OLD_VERSION) beforeMigration.push(name);
      } finally {
        db.close();
      }
    } catch (error) {
      problems.push(`${name}: ${String(error)}`);
    }
  }
  return { problems, beforeMigration };
}

describe('a migration killed with SIGKILL', () => {
  it('leaves the old schema or the new one, and the pre-migration backup whole', async () => {
    const seed = runSeed();
    const random = seededRandom(seed);
    const replay = `seed ${seed} (CONCERTO_CRASH_SEED=${seed} replays it)`;
    const started = performance.now();

    const template = join(root, 'template');
    mkdirSync(template, { recursive: true });
    await buildOldDatabase(template);
    const old = observe(join(template, DATABASE_FILE));
    expect(old).toMatchObject({ version: OLD_VERSION, integrity: 'ok', migrations: OLD_VERSION });

    // One whole start-up, timed from the moment the child starts opening the database.
    const reference = join(root, 'reference');
    cpSync(template, reference, { recursive: true });
    const child = BackendChild.spawn(reference, { env: TRACE });
    await child.ready();
    const openedAt = await child.opening;
    const openMs = performance.now() - openedAt;
    await child.stop();
    // The migration's transaction, as traced: when it began and how long until it committed.
    const begin = child.traces.find((t) => BEGIN.test(t.what));
    const commit = child.traces.find((t) => begin && t.at >= begin.at && COMMIT.test(t.what));
    expect(
      begin && commit,
      'the migration runs in one transaction (BEGIN … COMMIT on the connection)',
    ).toBeTruthy();
    const beganMs = (begin?.at ?? openedAt) - openedAt;
    const transactionMs = (commit?.at ?? 0) - (begin?.at ?? 0);
    const migrated = observe(join(reference, DATABASE_FILE));
    expect(migrated).toMatchObject({
      version: SCHEMA_VERSION,
      integrity: 'ok',
      migrations: SCHEMA_VERSION,
      interventions: INTERVENTIONS,
    });
    expect(migrated.schema).not.toEqual(old.schema);
    expect(backups(reference)).toMatchObject({ problems: [], beforeMigration: [expect.any(String)] });

    const outcomes: number[] = [];
    for (let point = 1; point <= KILL_POINTS; point++) {
      const dir = join(root, `kill-${point}`);
      cpSync(template, dir, { recursive: true });
      // In turn: anywhere in the opening (backup, migration, start-up check); inside the
      // migration's transaction, counted from its BEGIN; at once when it has committed.
      const aim = (['opening', 'transaction', 'committed'] as const)[point % 3] ?? 'opening';
      const delay = Math.round(
        aim === 'opening' ? random() * openMs : aim === 'transaction' ? random() * transactionMs : 0,
      );
      const from = {
        opening: 'the start of the opening',
        transaction: 'the BEGIN of the migration',
        committed: 'its COMMIT',
      }[aim];
      const where = `kill point ${point}, ${delay} ms after ${from} (a ${Math.round(openMs)} ms opening, migration from ${Math.round(beganMs)} ms for ${Math.round(transactionMs)} ms); ${replay}`;
      const doomed = BackendChild.spawn(dir, { env: TRACE });
      const trigger =
        aim === 'opening' ? doomed.opening : doomed.traced(aim === 'transaction' ? BEGIN : COMMIT);
      const triggered = await Promise.race([trigger, doomed.exited.then(() => null)]);
      if (triggered === null) throw new Error(`the backend died on its own:\n${doomed.stderr}; ${where}`);
      await sleep(delay);
      expect(await doomed.kill(), where).toBe('SIGKILL');

      const after = observe(join(dir, DATABASE_FILE));
      expect(after.integrity, where).toBe('ok');
      expect(after.interventions, where).toBe(INTERVENTIONS);
      // Never in between: the version, Kysely's record and the very schema all agree.
      expect([OLD_VERSION, SCHEMA_VERSION], where).toContain(after.version);
      const expected = after.version === OLD_VERSION ? old : migrated;
      expect(after.migrations, where).toBe(expected.migrations);
      expect(after.schema, where).toEqual(expected.schema);
      const saved = backups(dir);
      expect(saved.problems, where).toEqual([]);
      if (after.version === SCHEMA_VERSION) expect(saved.beforeMigration.length, where).toBeGreaterThan(0);
      if (aim === 'committed') expect(after.version, where).toBe(SCHEMA_VERSION);
      outcomes.push(after.version);

      // And Concerto starts on what the last kill left, and brings it to the new version.
      if (point === KILL_POINTS) {
        const again = await BackendChild.start(dir);
        expect(await again.tool('pragma', { pragma: 'user_version' }), where).toBe(SCHEMA_VERSION);
        await again.stop();
      }
      rmSync(dir, { recursive: true, force: true });
    }
    const summary = `${KILL_POINTS} kill points over a ${Math.round(openMs)} ms opening (migration from ${Math.round(beganMs)} ms for ${Math.round(transactionMs)} ms): ${outcomes.filter((v) => v === OLD_VERSION).length} old, ${outcomes.filter((v) => v === SCHEMA_VERSION).length} new, ${Math.round((performance.now() - started) / 1000)} s; ${replay}`;
    console.info(summary);
  }, 90_000);
});
