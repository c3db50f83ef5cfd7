// issue 7: "Kill -9 during a backup and during a restore: earlier backups are intact, no half
// file is taken for a backup, the database is the old one or the restored one, never a mix."
//
// A data folder is prepared once through the real router: a database of some tens of MB (a
// 20,000-row partner matrix imported), a body "Avant", backups taken then, and afterwards a
// body "Après" and an organisation "Organisation d’après" that only the current database holds.
// Each kill point works on a copy of that closed folder: a child backend is told to back up
// (or to restore the "Avant" backup) and killed with SIGKILL after a seeded random delay spread
// over the measured duration of one whole call. Then the folder is checked as files, and a
// backend is started on it to see what Concerto would show.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { BACKUPS_FOLDER, DATABASE_FILE, startBackend } from '../../electron/backend/host';
import type { InputOf, MethodName } from '../../shared/rpc';
import { BackendChild, runSeed, seededRandom, sleep } from './fixtures/backendChild';
import { base64, largeMaliWorkbook } from './fixtures/threeW';
import { RESOURCES_DIR, startTestApp } from './harness';

const KILL_POINTS = 5;
/** Calls that answer before their kill are not kill points: drawn again, up to this many tries. */
const MAX_ATTEMPTS = 20;
const ROWS = 20_000;
/** No automatic backup at start: only the call under test writes to sauvegardes/. */
const CHILD_ENV = { CONCERTO_NO_SCHEDULE: '1', CONCERTO_TRACE: '1' };

const root = mkdtempSync(join(tmpdir(), 'concerto-crash-backup-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** quick_check of a closed file, read-only; the error text when SQLite cannot read it. */
function quickCheck(path: string): string {
  try {
    const db = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
    try {
      return String(db.pragma('quick_check', { simple: true }));
    } finally {
      db.close();
    }
  } catch (error) {
    return String(error);
  }
}

/** Backup files with a final name (a copy being written ends in .partiel). */
function finalBackups(dataDir: string): string[] {
  const folder = join(dataDir, BACKUPS_FOLDER);
  return existsSync(folder)
    ? readdirSync(folder)
        .filter((n) => n.endsWith('.sqlite'))
        .sort()
    : [];
}

/** Which of the two contents a database holds, read from two places that change together. */
function contentOf(path: string, readonly = false): { integrity: string; marker: string } {
  // A live database is opened for writing so that SQLite recovers its WAL; backups read-only.
  const db = new BetterSqlite3(path, { fileMustExist: true, readonly });
  try {
    const has = (sql: string, value: string) => db.prepare(sql).get(value) !== undefined;
    const body = has('SELECT 1 FROM bodies WHERE name = ?', 'Après');
    const organisation = has('SELECT 1 FROM organisations WHERE name = ?', 'Organisation d’après');
    return {
      integrity: String(db.pragma('integrity_check', { simple: true })),
      marker: body && organisation ? 'Après' : !body && !organisation ? 'Avant' : 'mélange',
    };
  } finally {
    db.close();
  }
}

/** Concerto started on the folder (in this process, no automatic backup): what it lists and reads. */
async function restartAndList(dataDir: string) {
  const backend = await startBackend({
    dataDir,
    resourcesDir: RESOURCES_DIR,
    appVersion: '0.0.0-test',
    backupSchedule: false,
  });
  try {
    const call = async (method: MethodName) => {
      const envelope = await backend.invoke(method, {});
      if (!envelope.ok) throw new Error(`${method}: ${JSON.stringify(envelope.error)}`);
      return envelope.value;
    };
    const status = (await call('safety.status')) as { mode: string };
    const { backups } = (await call('backups.list')) as { backups: { id: string; sizeBytes: number }[] };
    const bodies = (await call('bodies.list')) as { name: string }[];
    return { mode: status.mode, backups, bodies: bodies.map((b) => b.name) };
  } finally {
    await backend.close();
  }
}

async function prepareBase(base: string) {
  const app = await startTestApp({ dataDir: base });
  await app.call('settings.update', { countryCode: 'ML', userName: 'Awa Traoré' });
  for (let o = 0; o < 20; o++) {
    await app.call('organisations.create', {
      name: `Organisation partenaire ${o}`,
      acronym: `ORG${o}`,
      kind: 'international_ngo',
    });
  }
  const bytes = largeMaliWorkbook(
    readFileSync(join(RESOURCES_DIR, 'territories', 'ML.csv'), 'utf8'),
    ROWS,
    20,
  );
  const { id: stagedId } = await app.call('imports.stageUpload', {
    fileName: '3W.xlsx',
    data: base64(bytes),
    source: 'disk',
  });
  await app.call('imports.preview', { stagedId });
  await app.call('imports.commit', { stagedId });
  const body: Omit<InputOf<'bodies.create'>, 'name'> = {
    acronym: 'GT',
    kind: 'thematic_group',
    level: 'national',
    countryCode: 'ML',
    periodicity: { kind: 'every_n_months', months: 3 },
    quorumRule: { kind: 'majority_of_voting_seats' },
  };
  await app.call('bodies.create', { ...body, name: 'Avant' });
  const first = await app.call('backups.create', {});
  const second = await app.call('backups.create', {});
  await app.call('bodies.create', { ...body, name: 'Après' });
  await app.call('organisations.create', { name: 'Organisation d’après', kind: 'national_ngo' });
  await app.close();
  // Every backup of the folder: the one the import took, and the two made here.
  expect(finalBackups(base)).toEqual(expect.arrayContaining([first.id, second.id]));
  return { avant: second.id, earlier: finalBackups(base) };
}

/**
 * Spawns a child on a copy of the base, sends the call, kills it `delay` ms later — counted from
 * the call, or from the moment a file is renamed as `after` says.
 */
async function strike(
  base: string,
  dir: string,
  send: (child: BackendChild) => Promise<{ ok: boolean; error?: unknown }>,
  delay: number,
  after: RegExp | null,
): Promise<'answered' | 'running'> {
  cpSync(base, dir, { recursive: true });
  const child = await BackendChild.start(dir, { env: CHILD_ENV });
  const answered = send(child);
  if (after) await Promise.race([child.traced(after), answered]);
  await sleep(delay);
  const reply = await Promise.race([answered, sleep(0).then(() => null)]);
  expect(await child.kill()).toBe('SIGKILL');
  if (reply && !reply.ok) throw new Error(`the call failed: ${JSON.stringify(reply.error)}\n${child.stderr}`);
  return reply ? 'answered' : 'running';
}

/**
 * Times one whole call on a copy of the base; also when, counted from the call, the file named
 * `renamedTo` was renamed into place (null if it never was).
 */
async function timeCall(
  base: string,
  dir: string,
  send: (child: BackendChild) => Promise<{ ok: boolean }>,
  renamedTo: RegExp,
) {
  cpSync(base, dir, { recursive: true });
  const child = await BackendChild.start(dir, { env: CHILD_ENV });
  const started = performance.now();
  const reply = await send(child);
  const ms = performance.now() - started;
  await child.stop();
  expect(reply.ok).toBe(true);
  rmSync(dir, { recursive: true, force: true });
  const rename = child.traces.find((t) => t.at >= started && renamedTo.test(t.what));
  return { ms, renamedAt: rename ? rename.at - started : null };
}

/**
 * Odd kill points: anywhere in the call, counted from it. Even ones: in what follows the rename
 * of the file into place (the last steps of the call), counted from that rename.
 */
function drawKill(
  random: () => number,
  point: number,
  timed: { ms: number; renamedAt: number | null },
  renamed: RegExp,
  scale: number,
): { delay: number; after: RegExp | null } {
  if (point % 2 === 1 || timed.renamedAt === null)
    return { delay: Math.round(random() * timed.ms * scale), after: null };
  return { delay: Math.round(random() * (timed.ms - timed.renamedAt) * scale), after: renamed };
}

/**
 * The window kills are drawn in starts at 90 % of the measured call and narrows each time a call
 * finished before its kill: the measured call (the first, on a cold cache) can be slower than the
 * next ones on a quiet machine.
 */
const FIRST_SCALE = 0.9;
const NARROWING = 0.6;

describe('backups and restores killed with SIGKILL', () => {
  const seed = runSeed();
  const replay = `seed ${seed} (CONCERTO_CRASH_SEED=${seed} replays it)`;
  const base = join(root, 'base');
  let prepared: Promise<{ avant: string; earlier: string[] }> | null = null;
  const ready = () => {
    prepared ??= prepareBase(base);
    return prepared;
  };

  it('a backup killed half-way: earlier backups intact, no half file listed, the database whole', async () => {
    const random = seededRandom(seed);
    const started = performance.now();
    const { earlier } = await ready();
    const sums = new Map(earlier.map((id) => [id, sha256(join(base, BACKUPS_FOLDER, id))]));
    expect(contentOf(join(base, DATABASE_FILE))).toEqual({ integrity: 'ok', marker: 'Après' });

    const backup = (child: BackendChild) => child.invoke('backups.create', {});
    const renamed = /^rename \S+\.partiel \S+_manuelle\.sqlite$/;
    const timed = await timeCall(base, join(root, 'backup-timed'), backup, renamed);
    const backupMs = timed.ms;

    const outcomes: string[] = [];
    let scale = FIRST_SCALE;
    for (let point = 1, attempt = 1; point <= KILL_POINTS; attempt++) {
      expect(attempt, `too many backups finished before their kill; ${replay}`).toBeLessThanOrEqual(
        MAX_ATTEMPTS,
      );
      const dir = join(root, `backup-${attempt}`);
      const { delay, after } = drawKill(random, point, timed, renamed, scale);
      const where = `backup kill point ${point}, ${delay} ms after ${after ? 'the rename into place' : 'the call'} (a ${Math.round(backupMs)} ms backup, renamed into place at ${Math.round(timed.renamedAt ?? -1)} ms); ${replay}`;
      const state = await strike(base, dir, backup, delay, after);

      // As files, before anything starts on the folder again.
      expect(contentOf(join(dir, DATABASE_FILE)), where).toEqual({ integrity: 'ok', marker: 'Après' });
      for (const [id, sum] of sums) {
        expect(sha256(join(dir, BACKUPS_FOLDER, id)), `${id}; ${where}`).toBe(sum);
        expect(quickCheck(join(dir, BACKUPS_FOLDER, id)), `${id}; ${where}`).toBe('ok');
      }
      const finals = finalBackups(dir);
      for (const name of finals)
        expect(quickCheck(join(dir, BACKUPS_FOLDER, name)), `${name}; ${where}`).toBe('ok');
      expect(finals.length, where).toBeLessThanOrEqual(earlier.length + 1);

      // What Concerto lists once restarted: complete, verified backups only.
      const restarted = await restartAndList(dir);
      expect(restarted.mode, where).toBe('normal');
      const listed = restarted.backups.map((b) => b.id).sort();
      expect(listed, where).toEqual(expect.arrayContaining(earlier));
      expect(listed.length, where).toBeLessThanOrEqual(earlier.length + 1);
      for (const b of restarted.backups) {
        expect(b.id, where).not.toMatch(/partiel/);
        expect(quickCheck(join(dir, BACKUPS_FOLDER, b.id)), `${b.id}; ${where}`).toBe('ok');
      }
      // Killed once the copy had its final name: it is a backup, complete, and listed.
      if (after) expect(listed.length, where).toBe(earlier.length + 1);
      rmSync(dir, { recursive: true, force: true });
      // A backup that finished before its kill was not killed half-way: checked, not counted.
      if (state === 'answered') {
        scale *= NARROWING;
        continue;
      }
      outcomes.push(listed.length > earlier.length ? 'kept' : 'none');
      point++;
    }
    console.info(
      `${KILL_POINTS} backup kill points over a ${Math.round(backupMs)} ms backup (renamed into place at ${Math.round(timed.renamedAt ?? -1)} ms): ${outcomes.join(', ')}; ${Math.round((performance.now() - started) / 1000)} s; ${replay}`,
    );
  }, 180_000);

  it('a restore killed half-way: the old database or the restored one, never a mix', async () => {
    const random = seededRandom(seed + 1);
    const started = performance.now();
    const { avant } = await ready();
    expect(contentOf(join(base, BACKUPS_FOLDER, avant), true)).toEqual({ integrity: 'ok', marker: 'Avant' });

    const restore = (child: BackendChild) => child.invoke('backups.restore', { id: avant });
    const renamed = new RegExp(`^rename \\S+ ${DATABASE_FILE}$`);
    const timed = await timeCall(base, join(root, 'restore-timed'), restore, renamed);
    const restoreMs = timed.ms;

    const outcomes: string[] = [];
    let scale = FIRST_SCALE;
    for (let point = 1, attempt = 1; point <= KILL_POINTS; attempt++) {
      expect(attempt, `too many restores finished before their kill; ${replay}`).toBeLessThanOrEqual(
        MAX_ATTEMPTS,
      );
      const dir = join(root, `restore-${attempt}`);
      const { delay, after } = drawKill(random, point, timed, renamed, scale);
      const where = `restore kill point ${point}, ${delay} ms after ${after ? 'the swap' : 'the call'} (a ${Math.round(restoreMs)} ms restore, database swapped at ${Math.round(timed.renamedAt ?? -1)} ms); ${replay}`;
      const state = await strike(base, dir, restore, delay, after);

      const left = contentOf(join(dir, DATABASE_FILE));
      expect(left.integrity, where).toBe('ok');
      expect(['Avant', 'Après'], where).toContain(left.marker);
      for (const name of finalBackups(dir)) {
        expect(quickCheck(join(dir, BACKUPS_FOLDER, name)), `${name}; ${where}`).toBe('ok');
      }
      // The backup restored from is never touched.
      expect(contentOf(join(dir, BACKUPS_FOLDER, avant), true).marker, where).toBe('Avant');

      // Concerto restarted on it opens normally and shows the same content; a 'before-restore'
      // backup, if listed, holds the database as it was before ("Après").
      const restarted = await restartAndList(dir);
      expect(restarted.mode, where).toBe('normal');
      expect(restarted.bodies.includes('Après') ? 'Après' : 'Avant', where).toBe(left.marker);
      for (const b of restarted.backups.filter((b) => /avant-restauration/.test(b.id))) {
        expect(quickCheck(join(dir, BACKUPS_FOLDER, b.id)), `${b.id}; ${where}`).toBe('ok');
        expect(contentOf(join(dir, BACKUPS_FOLDER, b.id), true).marker, `${b.id}; ${where}`).toBe('Après');
      }
      // Killed once the file was swapped: the restored database it is.
      if (after) expect(left.marker, where).toBe('Avant');
      rmSync(dir, { recursive: true, force: true });
      if (state === 'answered') {
        scale *= NARROWING;
        continue;
      }
      outcomes.push(left.marker);
      point++;
    }
    console.info(
      `${KILL_POINTS} restore kill points over a ${Math.round(restoreMs)} ms restore (database swapped at ${Math.round(timed.renamedAt ?? -1)} ms): ${outcomes.join(', ')}; ${Math.round((performance.now() - started) / 1000)} s; ${replay}`,
    );
  }, 180_000);
});
