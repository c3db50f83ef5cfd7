import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../electron/backend/db/migrations';
import type { BackendOptions } from '../../electron/backend/host';
import { uuidv7 } from '../../shared/domain/ids';
import { SAFETY_PROGRESS } from '../../shared/rpc/safety';
import { base64, windows1252Csv } from './fixtures/threeW';
import { startTestApp, type TestApp } from './harness';

// Backups through the real router on real files: verified copies listed with what they hold,
// retention, the schedule, disk full, cancel, restore and its undo, and the restore drill.

/** The backup schedule stays off unless a test turns it on: it would write backups mid-test. */
function open(dataDir: string, options: Partial<BackendOptions> = {}): Promise<TestApp> {
  return startTestApp({ dataDir, backend: { backupSchedule: false, ...options } });
}

let dataDir: string;
let app: TestApp;
beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'concerto-backups-'));
  app = await open(dataDir);
});
afterEach(async () => {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const backupsDir = () => app.backend.context.paths.backupsDir;
const files = () => (existsSync(backupsDir()) ? readdirSync(backupsDir()).sort() : []);
/** Finished backups only (not a copy being written). */
const finished = () => files().filter((f) => f.endsWith('.sqlite'));

async function addBody(name: string) {
  return app.call('bodies.create', {
    name,
    kind: 'thematic_group',
    level: 'national',
    periodicity: { kind: 'as_needed' },
    quorumRule: { kind: 'none' },
  });
}

/** What the screens show: bodies, meetings and recommendations not in the trash. */
async function visibleCounts() {
  return {
    bodies: (await app.call('bodies.list', {})).length,
    meetings: (await app.call('meetings.list', {})).length,
    recommendations: (await app.call('recommendations.list', {})).total,
  };
}

/** Fills the history with ~`megabytes` of rows (size only: a backup that takes several steps). */
function fillHistory(sqlite: BetterSqlite3.Database, megabytes: number): void {
  const insert = sqlite.prepare(
    "INSERT INTO history (id, entity_type, entity_id, action, actor, at, changes) VALUES (?, 'bodies', ?, 'update', 'Awa', ?, ?)",
  );
  const changes = JSON.stringify({ mandate: ['x'.repeat(1000), 'y'.repeat(1000)] });
  sqlite.transaction(() => {
    for (let i = 0; i < megabytes * 500; i++)
      insert.run(uuidv7(), uuidv7(), new Date().toISOString(), changes);
  })();
}

describe('a backup', () => {
  it('is verified, listed newest first with what it holds, and leaves the screens alone', async () => {
    const kept = await addBody('Groupe thématique santé');
    const trashed = await addBody('Groupe à jeter');
    await app.call('bodies.trash', { id: trashed.id });
    await app.call('meetings.create', { bodyId: kept.id, kind: 'ordinary', startDate: '2026-03-12' });
    for (const text of ['Publier le rapport annuel', 'Réunir les partenaires'])
      await app.call('recommendations.create', { bodyId: kept.id, text });
    const before = app.events.length;

    const backup = await app.call('backups.create', { jobId: 'job-1' });
    expect(backup).toMatchObject({
      reason: 'manual',
      schemaVersion: SCHEMA_VERSION,
      appVersion: '0.0.0-test',
      summary: { bodies: 1, meetings: 1, recommendations: 2 },
    });
    expect(backup.id).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z_manuelle\.sqlite$/);
    expect(files()).toEqual([backup.id]);
    expect(backup.sizeBytes).toBe(statSync(join(backupsDir(), backup.id)).size);

    // A self-contained file (no WAL beside it) that passes the check and holds the data.
    const copy = new BetterSqlite3(join(backupsDir(), backup.id), { readonly: true, fileMustExist: true });
    try {
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(copy.pragma('quick_check', { simple: true })).toBe('ok');
      expect(copy.prepare('SELECT name FROM bodies WHERE deleted_at IS NULL').pluck().all()).toEqual([
        'Groupe thématique santé',
      ]);
    } finally {
      copy.close();
    }

    // Progress for the screen that asked, and no refresh of the others.
    const events = app.events.slice(before);
    expect(events.every((e) => e.topic === SAFETY_PROGRESS)).toBe(true);
    const last = events.at(-1)?.payload as { jobId: string; done: number; total: number };
    expect(last.jobId).toBe('job-1');
    expect(last.done).toBe(last.total);

    await addBody('Comité régional');
    const second = await app.call('backups.create', {});
    const list = await app.call('backups.list', {});
    expect(list.backups.map((b) => b.id)).toEqual([second.id, backup.id]);
    expect(list.backups[0]?.summary.bodies).toBe(2);
    expect(list.folder).toBe(backupsDir());
    expect(list.freeBytes).toBeGreaterThan(0);
  });

  it('is described from the file itself after a restart (schema, counts)', async () => {
    await addBody('Groupe thématique santé');
    const backup = await app.call('backups.create', {});
    await app.close();
    app = await open(dataDir);
    const [listed] = (await app.call('backups.list', {})).backups;
    expect(listed).toMatchObject({
      id: backup.id,
      reason: 'manual',
      createdAt: backup.createdAt,
      sizeBytes: backup.sizeBytes,
      schemaVersion: SCHEMA_VERSION,
      summary: backup.summary,
    });
  });

  it('never lists a .partiel file, and the next start removes it', async () => {
    await app.call('backups.create', {});
    const partial = '2026-01-05T10-00-00-000Z_periodique.sqlite.partiel';
    writeFileSync(join(backupsDir(), partial), Buffer.alloc(8192, 7));
    writeFileSync(join(backupsDir(), `${partial}-journal`), Buffer.alloc(512, 1));
    expect((await app.call('backups.list', {})).backups).toHaveLength(1);

    await app.close();
    app = await open(dataDir);
    expect(files().filter((f) => f.includes('.partiel'))).toEqual([]);
    expect((await app.call('backups.list', {})).backups).toHaveLength(1);
  });

  it('is refused with DISK_FULL, naming the folder, when the disk lacks room; nothing is left and the app goes on', async () => {
    await app.close();
    app = await open(dataDir, { freeBytes: () => 64 * 1024 });
    await addBody('Groupe thématique santé');
    const error = await app.fail('backups.create', {});
    expect(error.code).toBe('DISK_FULL');
    expect(error.message).toContain(backupsDir());
    expect(error.message).toMatch(/Libérez de la place/);
    expect(files()).toEqual([]);
    await addBody('Comité régional');
    expect((await app.call('bodies.list', {})).length).toBe(2);
  });

  it('can be cancelled while it copies: the call says so and no file remains', async () => {
    fillHistory(app.backend.context.sqlite, 24);
    let asked = false;
    await app.close();
    app = await open(dataDir, {
      onEvent: (topic) => {
        if (topic === SAFETY_PROGRESS && !asked) {
          asked = true;
          void app.backend.invoke('safety.cancel', { jobId: 'job-cancel' });
        }
      },
    });
    const error = await app.fail('backups.create', { jobId: 'job-cancel' });
    expect(asked).toBe(true);
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/Sauvegarde annulée/);
    expect(files()).toEqual([]);
  });

  it('keeps the last ten, and always the newest before-restore copy', async () => {
    await addBody('Groupe thématique santé');
    const first = await app.call('backups.create', {});
    await app.call('backups.restore', { id: first.id });
    const made: string[] = [];
    for (let i = 0; i < 11; i++) made.push((await app.call('backups.create', {})).id);
    const listed = (await app.call('backups.list', {})).backups;
    // Ten newest (all today), plus the before-restore one; the first manual backup is gone.
    expect(listed.map((b) => b.id)).toEqual([
      ...made.slice(1).reverse(),
      expect.stringMatching(/_avant-restauration/),
    ]);
    expect(files()).toHaveLength(11);
    expect(files()).not.toContain(first.id);
  });

  it('is taken before an import is committed and before it is undone', async () => {
    await app.call('settings.update', { countryCode: 'ML', userName: 'Awa Traoré' });
    for (const [name, acronym] of [
      ['Action contre la Faim', 'ACF'],
      ['Norwegian Refugee Council', 'NRC'],
    ] as const) {
      await app.call('organisations.create', { name, acronym, kind: 'international_ngo' });
    }
    const staged = await app.call('imports.stageUpload', {
      fileName: 'matrice.csv',
      data: base64(windows1252Csv()),
      source: 'disk',
    });
    await app.call('imports.preview', { stagedId: staged.id });
    const batch = await app.call('imports.commit', { stagedId: staged.id });
    await app.call('imports.undo', { batchId: batch.id });

    const listed = (await app.call('backups.list', {})).backups;
    expect(listed.map((b) => b.reason)).toEqual(['before-undo', 'before-import']);
    const interventionsIn = (id: string) => {
      const copy = new BetterSqlite3(join(backupsDir(), id), { readonly: true });
      try {
        return copy.prepare('SELECT count(*) FROM interventions').pluck().get();
      } finally {
        copy.close();
      }
    };
    // Before the import: none; before the undo: the two the import wrote.
    expect(interventionsIn(listed[1]?.id ?? '')).toBe(0);
    expect(interventionsIn(listed[0]?.id ?? '')).toBe(2);
  });
});

describe('the schedule', () => {
  it('takes the daily backup once a day at start, then periodic ones, and stops on close', async () => {
    await addBody('Groupe thématique santé');
    await app.close();
    app = await open(dataDir, { backupSchedule: { firstDelayMs: 0, periodMs: 60 * 60 * 1000 } });
    await expect.poll(() => finished().length, { timeout: 5000 }).toBe(1);
    expect(finished()[0]).toMatch(/_quotidienne\.sqlite$/);

    // A second start the same day: a backup from today exists, no new daily one.
    await app.close();
    app = await open(dataDir, { backupSchedule: { firstDelayMs: 0, periodMs: 150 } });
    await expect
      .poll(() => finished().some((f) => f.endsWith('_periodique.sqlite')), { timeout: 5000 })
      .toBe(true);
    expect(finished().filter((f) => f.endsWith('_quotidienne.sqlite'))).toHaveLength(1);

    await app.close();
    // Closed: the copy under way was finished or removed, and no timer fires any more.
    expect(files().filter((f) => f.includes('.partiel'))).toEqual([]);
    const after = files();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(files()).toEqual(after);
  });
});

describe('restore', () => {
  it('replaces the data, tells the screens, and is undone by restoring the before-restore copy', async () => {
    await addBody('Groupe thématique santé');
    const one = await app.call('backups.create', {});
    await addBody('Comité régional');
    await addBody('Cadre de concertation humanitaire');

    const before = app.events.length;
    const result = await app.call('backups.restore', { id: one.id });
    expect(result.restored.id).toBe(one.id);
    expect(result.beforeRestore).toMatchObject({ reason: 'before-restore', summary: { bodies: 3 } });
    expect((await app.call('bodies.list', {})).map((b) => b.name)).toEqual(['Groupe thématique santé']);
    expect(app.events.slice(before).map((e) => e.topic)).toContain('data:changed');
    // The live database is back in WAL mode, and writable.
    expect(app.backend.context.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    await addBody('Nouveau groupe');

    // Undo: the state just before the restore comes back (without what was written since).
    await app.call('backups.restore', { id: result.beforeRestore?.id ?? '' });
    expect((await app.call('bodies.list', {})).map((b) => b.name).sort()).toEqual([
      'Cadre de concertation humanitaire',
      'Comité régional',
      'Groupe thématique santé',
    ]);
    expect(app.backend.context.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('refuses anything that is not a backup of the backups folder', async () => {
    await addBody('Groupe thématique santé');
    const backup = await app.call('backups.create', {});
    writeFileSync(join(backupsDir(), 'notes.sqlite'), 'pas une sauvegarde');
    for (const id of [
      '../concerto.sqlite',
      `../sauvegardes/${backup.id}`,
      join(backupsDir(), backup.id),
      'notes.sqlite',
      '2026-01-01T00-00-00-000Z_manuelle.sqlite',
      `${backup.id}.partiel`,
    ]) {
      const error = await app.fail('backups.restore', { id });
      expect(error.code, id).toBe('NOT_FOUND');
    }
    await addBody('Comité régional');
    expect((await app.call('bodies.list', {})).length).toBe(2);
  });

  it('drill: every retained backup restores, and its counts match its listed summary', async () => {
    const body = await addBody('Groupe thématique santé');
    await app.call('backups.create', {});
    for (let step = 1; step <= 4; step++) {
      const other = await addBody(`Comité ${step}`);
      await app.call('meetings.create', { bodyId: body.id, kind: 'ordinary', startDate: `2026-0${step}-10` });
      const made = [];
      for (let r = 0; r < step; r++)
        made.push(
          await app.call('recommendations.create', { bodyId: other.id, text: `Recommandation ${step}.${r}` }),
        );
      // Something in the trash too: it must count in neither.
      if (step === 3 && made[0]) await app.call('recommendations.trash', { id: made[0].id });
      await app.call('backups.create', {});
    }
    const retained = (await app.call('backups.list', {})).backups;
    expect(retained).toHaveLength(5);
    expect(new Set(retained.map((b) => JSON.stringify(b.summary))).size).toBe(5);
    for (const backup of retained) {
      await app.call('backups.restore', { id: backup.id });
      expect(await visibleCounts(), backup.id).toEqual(backup.summary);
      expect(app.backend.context.sqlite.pragma('quick_check', { simple: true })).toBe('ok');
    }
  });
});
