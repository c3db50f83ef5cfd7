// issue 7: "Kill -9 the backend process at random points during a 20,000-row import (at least
// 20 kill points per CI run): after restart integrity_check is ok and the import is either fully
// present or fully absent."
//
// A data folder is prepared once (Mali territories, the partner organisations, the 20,000-row
// file staged) and closed; each kill point works on its own copy of that closed folder (a closed
// file, not a live database). The child backend analyses and previews the file as the screen
// does, then `imports.commit` is sent and the process is killed with SIGKILL, in turn: after a
// seeded random delay spread over one whole commit, measured once (the pre-import backup
// included); at a random point of the write transaction, counted from its start (the import's
// progress events say when it starts and when it has committed); and at once after it has
// committed. The next copy is prepared while the previous one is struck, so the run stays short.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/backend/host';
import { uuidv7 } from '../../shared/domain/ids';
import { BackendChild, runSeed, seededRandom, sleep } from './fixtures/backendChild';
import { base64, largeMaliWorkbook } from './fixtures/threeW';
import { RESOURCES_DIR, startTestApp } from './harness';

const ROWS = 20_000;
const ORGANISATIONS = 20;
const KILL_POINTS = 20;
/** Kills that land after the commit answered are not kill points: drawn again, this many times at most. */
const MAX_ATTEMPTS = 40;

const root = mkdtempSync(join(tmpdir(), 'concerto-crash-import-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Figures {
  batches: number;
  interventions: number;
  changes: number;
  organisations: number;
}

/** Opens a killed folder's database here (SQLite recovers the WAL) and reads what the import left. */
function inspect(dataDir: string): { integrity: unknown; figures: Figures; batchRows: number } {
  const db = new BetterSqlite3(join(dataDir, DATABASE_FILE), { fileMustExist: true });
  try {
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    const batch = db.prepare('SELECT id FROM import_batches').get() as { id: string } | undefined;
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      figures: {
        batches: count('SELECT count(*) AS n FROM import_batches'),
        interventions: count('SELECT count(*) AS n FROM interventions'),
        changes: count('SELECT count(*) AS n FROM import_changes'),
        organisations: count('SELECT count(*) AS n FROM organisations'),
      },
      batchRows: batch
        ? (
            db.prepare('SELECT count(*) AS n FROM interventions WHERE batch_id = ?').get(batch.id) as {
              n: number;
            }
          ).n
        : 0,
    };
  } finally {
    db.close();
  }
}

/**
 * Every file of sauvegardes/ with a final name (not a temporary .partiel) passes quick_check;
 * returns the problems found, and the names of the backups taken before an import.
 */
function checkBackups(dataDir: string): { problems: string[]; beforeImport: string[] } {
  const folder = join(dataDir, 'sauvegardes');
  const problems: string[] = [];
  const names = existsSync(folder) ? readdirSync(folder) : [];
  for (const name of names) {
    if (name.endsWith('.partiel') || /-(wal|shm|journal)$/.test(name)) continue;
    const db = new BetterSqlite3(join(folder, name), { readonly: true, fileMustExist: true });
    try {
      const result = db.pragma('quick_check', { simple: true });
      if (result !== 'ok') problems.push(`${name}: ${String(result)}`);
    } catch (error) {
      problems.push(`${name}: ${String(error)}`);
    } finally {
      db.close();
    }
  }
  return { problems, beforeImport: names.filter((n) => /avant-import\.sqlite$/.test(n)) };
}

/** No automatic backup at start: only the import's own backup runs while it is timed and struck. */
const CHILD_ENV = { CONCERTO_NO_SCHEDULE: '1' };

/** A copy of the prepared folder with a child backend that has analysed and previewed the file. */
async function prepare(
  base: string,
  stagedId: string,
  name: string,
): Promise<{ dir: string; child: BackendChild }> {
  const dir = join(root, name);
  cpSync(base, dir, { recursive: true });
  const child = await BackendChild.start(dir, { env: CHILD_ENV });
  await child.call('imports.analyse', { stagedId });
  const preview = await child.call('imports.preview', { stagedId });
  if (preview.counts.create !== ROWS) throw new Error(`preview: ${JSON.stringify(preview.counts)}`);
  return { dir, child };
}

/**
 * Sends imports.commit. From the import's progress events: `writing` resolves when the write
 * transaction starts, `written` once it has committed (the event is sent after it).
 */
function commit(child: BackendChild, stagedId: string) {
  const jobId = uuidv7();
  const signals: { start?: (at: number) => void; end?: (at: number) => void } = {};
  const writing = new Promise<number>((resolve) => {
    signals.start = resolve;
  });
  const written = new Promise<number>((resolve) => {
    signals.end = resolve;
  });
  child.onEvent = (topic, payload) => {
    const p = payload as { jobId?: string; phase?: string; done?: number; total?: number };
    if (topic !== 'imports:progress' || p.jobId !== jobId || p.phase !== 'write') return;
    (p.done === 0 ? signals.start : signals.end)?.(performance.now());
  };
  const sentAt = performance.now();
  const answered = child.invoke('imports.commit', { stagedId, jobId });
  return { sentAt, writing, written, answered };
}

/** Where a kill point strikes, in turn. */
const AIMS = ['commit', 'write', 'commit', 'write', 'committed'] as const;

describe('a 20,000-row import killed with SIGKILL', () => {
  it('leaves the import wholly present or wholly absent, and the database whole', async () => {
    const seed = runSeed();
    const random = seededRandom(seed);
    const replay = `seed ${seed} (CONCERTO_CRASH_SEED=${seed} replays it)`;
    const started = performance.now();

    // The folder every kill point starts from, built once through the real router and closed.
    const base = join(root, 'base');
    const bytes = largeMaliWorkbook(
      readFileSync(join(RESOURCES_DIR, 'territories', 'ML.csv'), 'utf8'),
      ROWS,
      ORGANISATIONS,
    );
    const app = await startTestApp({ dataDir: base });
    await app.call('settings.update', { countryCode: 'ML', userName: 'Awa Traoré' });
    for (let o = 0; o < ORGANISATIONS; o++) {
      await app.call('organisations.create', {
        name: `Organisation partenaire ${o}`,
        acronym: `ORG${o}`,
        kind: 'international_ngo',
      });
    }
    const { id: stagedId } = await app.call('imports.stageUpload', {
      fileName: '3W_Mali_20000.xlsx',
      data: base64(bytes),
      source: 'disk',
    });
    await app.close();
    const before = inspect(base).figures;
    expect(before).toMatchObject({ batches: 0, interventions: 0, changes: 0 });

    // One whole commit, timed: what a complete import leaves, and how long the kills spread over.
    // The first kill point is prepared meanwhile, so that the commit is timed at the pace of the
    // kill points (each struck while the next one is being prepared).
    const reference = await prepare(base, stagedId, 'reference');
    let next: ReturnType<typeof prepare> | null = prepare(base, stagedId, 'kill-0');
    const timed = commit(reference.child, stagedId);
    const envelope = await timed.answered;
    const answeredAt = performance.now();
    const commitMs = answeredAt - timed.sentAt;
    // The write transaction alone.
    if (!envelope.ok) throw new Error(`the timed commit failed: ${JSON.stringify(envelope.error)}`);
    const writeMs = (await timed.written) - (await timed.writing);
    await reference.child.stop();
    expect(envelope.value.counts.create).toBe(ROWS);
    const complete = inspect(reference.dir);
    expect(complete.integrity).toBe('ok');
    expect(complete.figures.batches).toBe(1);
    expect(complete.batchRows).toBe(ROWS);
    expect(checkBackups(reference.dir)).toEqual({ problems: [], beforeImport: [expect.any(String)] });

    // The kill points; the next copy is prepared while the current one is struck.
    const outcomes: string[] = [];
    let killPoints = 0;
    let attempt = 0;
    let last = { dir: '', batches: 0 };
    while (killPoints < KILL_POINTS) {
      expect(attempt, `too many commits finished before their kill; ${replay}`).toBeLessThan(MAX_ATTEMPTS);
      const { dir, child } = await (next ?? prepare(base, stagedId, `kill-${attempt}`));
      attempt++;
      next = killPoints + 1 < KILL_POINTS ? prepare(base, stagedId, `kill-${attempt}`) : null;

      // 'commit': anywhere in the call, its backup included, counted from the call; 'write':
      // within the write transaction, counted from its start; 'committed': at once when the
      // backend says the transaction has committed (the import must then be there).
      const aim = AIMS[attempt % AIMS.length] ?? 'commit';
      const delay =
        aim === 'committed' ? 0 : Math.round(random() * 0.9 * (aim === 'write' ? writeMs : commitMs));
      const struck = commit(child, stagedId);
      if (aim === 'write') await Promise.race([struck.writing, struck.answered]);
      if (aim === 'committed') await Promise.race([struck.written, struck.answered]);
      await sleep(delay);
      const reply = await Promise.race([struck.answered, sleep(0).then(() => null)]);
      expect(await child.kill()).toBe('SIGKILL');
      // A commit that answered before its kill must have succeeded.
      if (reply && !reply.ok)
        throw new Error(`imports.commit failed: ${JSON.stringify(reply.error)}\n${child.stderr}`);
      const state = reply ? 'answered' : 'running';

      const span = {
        commit: `a ${Math.round(commitMs)} ms commit`,
        write: `the ${Math.round(writeMs)} ms write`,
        committed: 'the commit of the write',
      }[aim];
      const where = `kill point ${killPoints + 1} (attempt ${attempt}, ${delay} ms into ${span}); ${replay}`;
      const after = inspect(dir);
      expect(after.integrity, where).toBe('ok');
      const backups = checkBackups(dir);
      expect(backups.problems, where).toEqual([]);
      if (after.figures.batches === 0) {
        expect(after.figures, where).toEqual(before);
      } else {
        expect(after.figures, where).toEqual(complete.figures);
        expect(after.batchRows, where).toBe(ROWS);
        // The import was written after its backup, and that backup is whole.
        expect(backups.beforeImport.length, where).toBe(1);
      }
      if (aim === 'committed') expect(after.figures.batches, where).toBe(1);
      if (last.dir) rmSync(last.dir, { recursive: true, force: true });
      last = { dir, batches: after.figures.batches };
      if (state === 'answered') continue;
      killPoints++;
      outcomes.push(after.figures.batches === 0 ? 'absent' : 'present');
    }
    if (next) await (await next).child.kill();

    // Concerto itself starts on what the last kill left: the import history says the same, and
    // the partner screens read and write.
    const again = await BackendChild.start(last.dir, { env: CHILD_ENV });
    try {
      expect(await again.tool('pragma', { pragma: 'integrity_check' }), replay).toBe('ok');
      const history = await again.call('imports.history', {});
      expect(
        history.map((b) => b.counts.create),
        replay,
      ).toEqual(last.batches ? [ROWS] : []);
      const made = await again.call('organisations.create', {
        name: 'Après le redémarrage',
        kind: 'national_ngo',
      });
      expect((await again.call('organisations.get', { id: made.id })).name).toBe('Après le redémarrage');
    } finally {
      await again.stop();
    }

    const summary = `${killPoints} kill points in ${attempt} attempts over a ${Math.round(commitMs)} ms commit (${Math.round(writeMs)} ms writing): ${outcomes.filter((o) => o === 'absent').length} absent, ${outcomes.filter((o) => o === 'present').length} present, ${Math.round((performance.now() - started) / 1000)} s; ${replay}`;
    console.info(summary);
    expect(killPoints, summary).toBe(KILL_POINTS);
  }, 240_000);
});
