import { createHash, randomUUID } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../electron/backend/db/migrations';
import { exportArchive } from '../../electron/backend/features/archives/export';
import {
  DATABASE_ENTRY,
  type Manifest,
  planArchive,
  writeArchive,
} from '../../electron/backend/features/archives/format';
import { type ExportFs, nodeExportFs } from '../../electron/backend/features/exports/safeWrite';
import { setRemovableDrivesForTests } from '../../electron/backend/features/imports/removable';
import { SAFETY_PROGRESS } from '../../shared/rpc/safety';
import { base64, windows1252Csv } from './fixtures/threeW';
import { startTestApp, type TestApp } from './harness';

// Moving Concerto to another computer: a data folder filled through the router (a body, a
// meeting, a recommendation, an imported partner file, a document written) is exported as a
// .concerto file to a "stick", opened and restored in a second, fresh data folder, with and
// without a password. Then what must be refused — a tampered archive, hostile names, a newer
// schema, a full disk — is refused with nothing changed where the user would look.

const PASSWORD = 'mot-de-passe-clé-usb';
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const scratch: string[] = [];
const apps: TestApp[] = [];

function folder(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  scratch.push(dir);
  return dir;
}

async function freshApp(): Promise<TestApp> {
  const app = await startTestApp();
  apps.push(app);
  return app;
}

/** Every file under a folder (relative paths), the staged archive copies left out. */
function filesUnder(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else found.push(relative(root, path));
    }
  };
  if (existsSync(root)) walk(root);
  return found.sort();
}

/** What a user sees of their data: bodies, meetings, recommendations, imports, documents. */
async function visible(app: TestApp) {
  const bodies = await app.call('bodies.list', {});
  const meetings = await app.call('meetings.list', {});
  const recommendations = await app.call('recommendations.list', {});
  const imports = await app.call('imports.history', {});
  const log = await app.call('exports.log', {});
  return {
    bodies: bodies.map((b) => [b.id, b.name]),
    meetings: meetings.map((m) => [m.id, m.startDate]),
    recommendations: recommendations.rows.map((r) => [r.id, r.text]),
    imports: imports.map((b) => [b.id, b.fileName, b.sha256]),
    log: log.filter((e) => e.kind !== 'archive').map((e) => [e.id, e.fileName, e.available]),
  };
}

let source: TestApp;
let stick: string;
let stagedId: string;
let exportedFile: { id: string; fileName: string; bytes: Buffer };

beforeAll(async () => {
  source = await freshApp();
  await source.call('settings.update', { countryCode: 'ML', userName: 'Awa Traoré' });
  for (const [name, acronym] of [
    ['Action contre la Faim', 'ACF'],
    ['Norwegian Refugee Council', 'NRC'],
  ] as const) {
    await source.call('organisations.create', { name, acronym, kind: 'international_ngo' });
  }
  const body = await source.call('bodies.create', {
    name: 'Groupe Technique Genre et Protection Sociale',
    acronym: 'GTGPS',
    kind: 'thematic_group',
    level: 'national',
    countryCode: 'ML',
    periodicity: { kind: 'every_n_months', months: 3 },
    quorumRule: { kind: 'majority_of_voting_seats' },
  });
  const meeting = await source.call('meetings.create', {
    bodyId: body.id,
    kind: 'ordinary',
    startDate: '2025-03-12',
  });
  await source.call('recommendations.create', {
    bodyId: body.id,
    originKind: 'meeting',
    originMeetingId: meeting.id,
    text: 'Élaborer le projet de décret sur le registre social unifié',
  });
  const staged = await source.call('imports.stageUpload', {
    fileName: 'matrice 3W Ségou.csv',
    data: base64(windows1252Csv()),
    source: 'disk',
  });
  stagedId = staged.id;
  await source.call('imports.commit', { stagedId });
  const saved = await source.call('exports.save', {
    items: [{ spreadsheet: { kind: 'organisationsDirectory' } }],
    destination: { kind: 'exports' },
  });
  const file = saved.files[0];
  if (!file) throw new Error('no file exported');
  exportedFile = {
    id: file.id,
    fileName: file.fileName,
    bytes: readFileSync(join(source.backend.context.paths.exportsDir, file.fileName)),
  };
  stick = folder('concerto-stick-');
});

afterEach(() => setRemovableDrivesForTests(null));

afterAll(async () => {
  for (const app of apps) await app.close();
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

describe('archive round trip between two data folders', () => {
  let plainPath: string;
  let lockedPath: string;

  it('exports without a password to the stick, logged, with progress, and restores it in a fresh folder', async () => {
    const jobId = randomUUID();
    const result = await source.call('archives.export', {
      destination: { kind: 'folder', path: stick },
      jobId,
    });
    expect(result).toMatchObject({ folder: stick, safeToRemove: true, pdfMissingCharacters: [] });
    const [file] = result.files;
    expect(file?.format).toBe('concerto');
    expect(file?.fileName).toMatch(/^\d{4}-\d{2}-\d{2}_Concerto_archive\.concerto$/);
    expect(file?.fileName.slice(0, 10)).toBe(await settingsToday(source));
    plainPath = join(stick, file?.fileName ?? '');
    expect(statSync(plainPath).size).toBe(file?.bytes);
    // Nothing but the archive on the stick: no temporary file left.
    expect(readdirSync(stick)).toEqual([file?.fileName]);
    const logged = (await source.call('exports.log', {})).find((e) => e.id === file?.id);
    expect(logged).toMatchObject({ kind: 'archive', format: 'concerto', folder: stick, actor: 'Awa Traoré' });
    const row = await source.backend.context.db
      .selectFrom('export_log')
      .select(['sha256', 'bytes'])
      .where('id', '=', file?.id ?? '')
      .executeTakeFirstOrThrow();
    expect(row.sha256).toBe(sha256(readFileSync(plainPath)));
    // The snapshot is a self-contained file: out of WAL mode (header bytes 18–19 are 1, not 2).
    const archived = readFileSync(plainPath);
    const database = archived.indexOf(Buffer.from('SQLite format 3\u0000'));
    expect([archived[database + 18], archived[database + 19]]).toEqual([1, 1]);
    expect(source.backend.context.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');

    const progress = source.events
      .filter((e) => e.topic === SAFETY_PROGRESS)
      .map((e) => e.payload as { jobId: string; done: number; total: number })
      .filter((p) => p.jobId === jobId);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)?.done).toBe(progress.at(-1)?.total);
    for (const [i, p] of progress.entries()) {
      expect(p.done).toBeLessThanOrEqual(p.total);
      if (i > 0) expect(p.done).toBeGreaterThanOrEqual(progress[i - 1]?.done ?? 0);
    }

    const target = await freshApp();
    await target.call('bodies.create', {
      name: 'Comité local de la nouvelle machine',
      kind: 'thematic_group',
      level: 'national',
      countryCode: 'ML',
      periodicity: { kind: 'every_n_months', months: 6 },
      quorumRule: { kind: 'majority_of_voting_seats' },
    });
    const opened = await target.call('archives.open', { source: { kind: 'path', path: plainPath } });
    expect(opened).toMatchObject({
      fileName: file?.fileName,
      encrypted: false,
      manifest: {
        appVersion: '0.0.0-test',
        schemaVersion: SCHEMA_VERSION,
        summary: { bodies: 1, meetings: 1, recommendations: 1 },
        encrypted: false,
      },
    });
    // The staged partner file (with its staging manifest) and the document written.
    expect(opened.manifest?.files).toBe(3);

    const restored = await target.call('archives.restore', { archiveId: opened.archiveId });
    expect(restored.manifest).toEqual(opened.manifest);
    // The replaced database is kept: the restore can be undone.
    expect(restored.beforeRestore).toMatchObject({
      reason: 'before-restore',
      summary: { bodies: 1, meetings: 0 },
    });
    await expectSameData(target);
  });

  it('exports with a password (to the exports folder), asks for it, refuses a wrong one, restores with it', async () => {
    const result = await source.call('archives.export', {
      destination: { kind: 'exports' },
      password: PASSWORD,
    });
    const [file] = result.files;
    expect(result.safeToRemove).toBe(false);
    lockedPath = join(source.backend.context.paths.exportsDir, file?.fileName ?? '');
    const bytes = readFileSync(lockedPath);
    expect(bytes.includes(Buffer.from('GTGPS'))).toBe(false);
    expect(readFileSync(plainPath).includes(Buffer.from('GTGPS'))).toBe(true);

    const target = await freshApp();
    const upload = {
      kind: 'upload' as const,
      fileName: file?.fileName ?? '',
      data: bytes.toString('base64'),
    };
    const locked = await target.call('archives.open', { source: upload });
    expect(locked).toMatchObject({ encrypted: true, manifest: null });
    const wrong = await target.fail('archives.open', { source: upload, password: 'pas-le-bon-mot' });
    expect(wrong.code).toBe('ARCHIVE_INVALID');
    expect(wrong.message).toMatch(/mot de passe incorrect ou archive modifiée/i);
    const noPassword = await target.fail('archives.restore', { archiveId: locked.archiveId });
    expect(noPassword.code).toBe('VALIDATION');
    const badRestore = await target.fail('archives.restore', {
      archiveId: locked.archiveId,
      password: 'pas-le-bon-mot',
    });
    expect(badRestore.code).toBe('ARCHIVE_INVALID');
    expect((await target.call('bodies.list', {})).length).toBe(0);

    const opened = await target.call('archives.open', { source: upload, password: PASSWORD });
    expect(opened.archiveId).toBe(locked.archiveId);
    expect(opened.manifest).toMatchObject({
      encrypted: true,
      summary: { bodies: 1, meetings: 1, recommendations: 1 },
    });
    // The archive already in the exports folder is not put inside the new one.
    expect(opened.manifest?.files).toBe(3);
    await target.call('archives.restore', { archiveId: locked.archiveId, password: PASSWORD });
    await expectSameData(target);
    // Nothing decrypted or extracted is left behind.
    expect(readdirSync(join(target.dataDir, 'staging', 'archives'))).toEqual([]);
  });

  it('lists archives at the top of a stick and one folder down, not deeper, never through a link', async () => {
    const drive = folder('concerto-drive-');
    const bytes = readFileSync(plainPath);
    writeFileSync(join(drive, 'racine.concerto'), bytes);
    mkdirSync(join(drive, 'Concerto', 'ancien'), { recursive: true });
    writeFileSync(join(drive, 'Concerto', 'bureau.concerto'), bytes);
    writeFileSync(join(drive, 'Concerto', 'ancien', 'trop-profond.concerto'), bytes);
    writeFileSync(join(drive, 'notes.txt'), 'pas une archive');
    symlinkSync(stick, join(drive, 'lien'));
    setRemovableDrivesForTests([{ path: drive, label: 'KINGSTON (E:)' }]);
    const files = await source.call('archives.removableFiles', {});
    expect(files.map((f) => f.fileName).sort()).toEqual(['bureau.concerto', 'racine.concerto']);
    expect(files.find((f) => f.fileName === 'racine.concerto')).toMatchObject({
      path: join(drive, 'racine.concerto'),
      sizeBytes: bytes.length,
      drive: 'KINGSTON (E:)',
    });
  });

  it('refuses a tampered archive at restore, changing nothing in the second folder', async () => {
    const target = await freshApp();
    await target.call('bodies.create', {
      name: 'Comité à garder',
      kind: 'thematic_group',
      level: 'national',
      countryCode: 'ML',
      periodicity: { kind: 'every_n_months', months: 6 },
      quorumRule: { kind: 'majority_of_voting_seats' },
    });
    const before = await visible(target);
    const filesBefore = filesUnder(target.dataDir);
    const bytes = Buffer.from(readFileSync(plainPath));
    // One byte of the database snapshot, past the header and the manifest.
    const at = bytes.indexOf(Buffer.from('SQLite format 3')) + 5000;
    bytes[at] = (bytes[at] ?? 0) ^ 0xff;
    const path = join(folder('concerto-tampered-'), 'archive.concerto');
    writeFileSync(path, bytes);

    const opened = await target.call('archives.open', { source: { kind: 'path', path } });
    const refused = await target.fail('archives.restore', { archiveId: opened.archiveId });
    expect(refused.code).toBe('ARCHIVE_INVALID');
    expect(refused.message).toMatch(/« concerto.sqlite » ne correspond plus à son empreinte/);
    expect(await visible(target)).toEqual(before);
    const staged = `staging/archives/${opened.archiveId}.concerto`;
    expect(filesUnder(target.dataDir).filter((f) => f !== staged)).toEqual(filesBefore);

    // A tampered encrypted archive is refused at open already.
    const locked = Buffer.from(readFileSync(lockedPath));
    locked[locked.length - 40] = (locked[locked.length - 40] ?? 0) ^ 0x01;
    const lockedCopy = join(folder('concerto-tampered-'), 'verrouillee.concerto');
    writeFileSync(lockedCopy, locked);
    const lockedRefusal = await target.fail('archives.open', {
      source: { kind: 'path', path: lockedCopy },
      password: PASSWORD,
    });
    expect(lockedRefusal.code).toBe('ARCHIVE_INVALID');
    expect(await visible(target)).toEqual(before);
  });

  it('refuses a file that is not an archive, and removes its copy', async () => {
    const target = await freshApp();
    const path = join(folder('concerto-fake-'), 'photos.concerto');
    writeFileSync(path, Buffer.from('PK\u0003\u0004 vacances.jpg'));
    const refused = await target.fail('archives.open', { source: { kind: 'path', path } });
    expect(refused).toMatchObject({
      code: 'ARCHIVE_INVALID',
      message: 'Ce fichier n’est pas une archive Concerto.',
    });
    expect(readdirSync(join(target.dataDir, 'staging', 'archives'))).toEqual([]);
    const notConcerto = await target.fail('archives.open', {
      source: { kind: 'path', path: plainPath.replace(/\.concerto$/, '.zip') },
    });
    expect(notConcerto.code).toBe('VALIDATION');
    const relativePath = await target.fail('archives.open', {
      source: { kind: 'path', path: 'archive.concerto' },
    });
    expect(relativePath.code).toBe('VALIDATION');
  });

  async function expectSameData(target: TestApp) {
    const mine = await visible(source);
    const theirs = await visible(target);
    expect(theirs).toEqual(mine);
    expect(theirs.bodies.map((b) => b[1])).toEqual(['Groupe Technique Genre et Protection Sociale']);
    // The received partner file is back in staging, and readable as the import history needs it.
    const stagedFiles = filesUnder(join(target.dataDir, 'staging', stagedId));
    expect(stagedFiles).toEqual(filesUnder(join(source.dataDir, 'staging', stagedId)));
    expect(stagedFiles).toContain('matrice 3W Ségou.csv');
    expect(readFileSync(join(target.dataDir, 'staging', stagedId, 'matrice 3W Ségou.csv'))).toEqual(
      Buffer.from(windows1252Csv()),
    );
    const analysis = await target.call('imports.analyse', { stagedId });
    expect(analysis.dataRows).toBe(2);
    // The document written is in this computer's exports folder, and opens from the log.
    const opened = await target.call('exports.file', { id: exportedFile.id });
    expect(opened.path).toBe(join(target.backend.context.paths.exportsDir, exportedFile.fileName));
    expect(readFileSync(opened.path)).toEqual(exportedFile.bytes);
  }
});

/** Today in the secretariat's time zone, as the archive's name says it. */
async function settingsToday(app: TestApp): Promise<string> {
  const settings = await app.call('settings.get', {});
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: settings.timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

// ── Hostile archives ────────────────────────────────────────────────────────

/** An archive written by hand (the writer trusts its caller), as an attacker would. */
async function forge(
  entries: { path: string; bytes: Buffer }[],
  manifest: Partial<Manifest> = {},
): Promise<string> {
  const dir = folder('concerto-forged-');
  const sources = entries.map((entry, i) => {
    const file = join(dir, `source-${i}`);
    writeFileSync(file, entry.bytes);
    return file;
  });
  const plan = await planArchive({
    createdAt: '2025-03-14T09:30:00.000Z',
    appVersion: '9.9.9',
    schemaVersion: SCHEMA_VERSION,
    summary: { bodies: 0, meetings: 0, recommendations: 0 },
    files: entries.map((e) => ({ path: e.path, size: e.bytes.length, sha256: sha256(e.bytes) })),
    ...manifest,
  });
  const path = join(dir, 'forged.concerto');
  const handle = await open(path, 'wx');
  try {
    await writeArchive(plan, sources, async (bytes) => {
      await handle.write(bytes);
    });
  } finally {
    await handle.close();
  }
  return path;
}

function databaseFile(userVersion: number): Buffer {
  const path = join(folder('concerto-db-'), 'db.sqlite');
  const db = new BetterSqlite3(path);
  db.exec('CREATE TABLE t (x INTEGER)');
  db.pragma(`user_version = ${userVersion}`);
  db.close();
  return readFileSync(path);
}

describe('hostile archives', () => {
  it('refuses an archive whose file names climb out of the data folder, writing nothing anywhere', async () => {
    const target = await freshApp();
    const before = filesUnder(target.dataDir);
    const outside = join(target.dataDir, '..', 'evil.sh');
    for (const path of ['exports/../../evil.sh', '/tmp/evil.sh', 'C:/evil.sh', 'exports/evil\u0000.sh']) {
      const archive = await forge([
        { path: DATABASE_ENTRY, bytes: databaseFile(SCHEMA_VERSION) },
        { path, bytes: Buffer.from('#!/bin/sh\nrm -rf ~\n') },
      ]);
      const refused = await target.fail('archives.open', { source: { kind: 'path', path: archive } });
      expect(refused.code).toBe('ARCHIVE_INVALID');
      expect(refused.message).toMatch(/nom de fichier refusé/);
      const staged = readdirSync(join(target.dataDir, 'staging', 'archives'))[0] ?? '';
      const restore = await target.fail('archives.restore', { archiveId: staged.replace('.concerto', '') });
      expect(restore.code).toBe('ARCHIVE_INVALID');
      rmSync(join(target.dataDir, 'staging', 'archives', staged));
    }
    expect(existsSync(outside)).toBe(false);
    expect(existsSync('/tmp/evil.sh')).toBe(false);
    expect(filesUnder(target.dataDir)).toEqual(before);
  });

  it('refuses the database of a newer Concerto, changing nothing', async () => {
    const target = await freshApp();
    const before = await visible(target);
    const archive = await forge([{ path: DATABASE_ENTRY, bytes: databaseFile(SCHEMA_VERSION + 1) }], {
      schemaVersion: SCHEMA_VERSION + 1,
    });
    const opened = await target.call('archives.open', { source: { kind: 'path', path: archive } });
    const refused = await target.fail('archives.restore', { archiveId: opened.archiveId });
    expect(refused.code).toBe('DATABASE_TOO_NEW');
    expect(refused.message).toMatch(/version plus récente de Concerto/);
    expect(await visible(target)).toEqual(before);
  });

  it('never replaces a file the user already has', async () => {
    const target = await freshApp();
    const mine = join(target.backend.context.paths.exportsDir, exportedFile.fileName);
    mkdirSync(target.backend.context.paths.exportsDir, { recursive: true });
    writeFileSync(mine, 'mon propre fichier');
    const opened = await target.call('archives.open', {
      source: { kind: 'path', path: join(stick, readdirSync(stick)[0] ?? '') },
    });
    await target.call('archives.restore', { archiveId: opened.archiveId });
    expect(readFileSync(mine, 'utf8')).toBe('mon propre fichier');
    expect(existsSync(join(target.dataDir, 'staging', stagedId, 'matrice 3W Ségou.csv'))).toBe(true);
  });
});

// ── Full disks and cancellation ─────────────────────────────────────────────

const ioError = (code: string) => Object.assign(new Error(code), { code });

/** A device that takes `room` bytes, then answers ENOSPC. */
function fillingAfter(room: number): ExportFs {
  return {
    ...nodeExportFs,
    freeBytes: async () => null,
    async create(path) {
      const handle = await nodeExportFs.create(path);
      let written = 0;
      return {
        ...handle,
        async write(bytes) {
          if (written + bytes.length > room) throw ioError('ENOSPC');
          written += bytes.length;
          await handle.write(bytes);
        },
        sync: () => handle.sync(),
        close: () => handle.close(),
      };
    },
  };
}

describe('full disks and cancellation', () => {
  const logCount = async () =>
    (await source.call('exports.log', {})).filter((e) => e.kind === 'archive').length;
  const workFolders = () => readdirSync(join(source.dataDir, 'staging', 'archives'));

  it('a stick full half-way leaves no file and no log entry, with a French DISK_FULL message', async () => {
    const dir = folder('concerto-full-stick-');
    const logged = await logCount();
    const error = await exportArchive(
      source.backend.context,
      { destination: { kind: 'folder', path: dir } },
      { fs: fillingAfter(20_000) },
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'DISK_FULL', message: expect.stringMatching(/est plein/) });
    expect(readdirSync(dir)).toEqual([]);
    expect(await logCount()).toBe(logged);
    expect(workFolders()).toEqual([]);
  });

  it('says how much is missing before writing anything when the stick is too small', async () => {
    const dir = folder('concerto-small-stick-');
    const error = await exportArchive(
      source.backend.context,
      { destination: { kind: 'folder', path: dir } },
      { fs: { ...nodeExportFs, freeBytes: async () => 1024 } },
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'DISK_FULL', message: expect.stringMatching(/il manque environ/) });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses when Concerto’s own disk cannot hold the snapshot, and still works afterwards', async () => {
    const dir = folder('concerto-stick-');
    const context = source.backend.context;
    context.freeBytes = () => 0;
    try {
      const refused = await source.fail('archives.export', { destination: { kind: 'folder', path: dir } });
      expect(refused.code).toBe('DISK_FULL');
      expect(readdirSync(dir)).toEqual([]);
      expect(workFolders()).toEqual([]);
    } finally {
      delete context.freeBytes;
    }
    await source.call('archives.export', { destination: { kind: 'folder', path: dir } });
    expect(readdirSync(dir)).toHaveLength(1);
  });

  it('refuses a restore when the disk is full, changing nothing', async () => {
    const target = await freshApp();
    const before = await visible(target);
    const opened = await target.call('archives.open', {
      source: { kind: 'path', path: join(stick, readdirSync(stick)[0] ?? '') },
    });
    target.backend.context.freeBytes = () => 0;
    const refused = await target.fail('archives.restore', { archiveId: opened.archiveId });
    expect(refused.code).toBe('DISK_FULL');
    delete target.backend.context.freeBytes;
    expect(await visible(target)).toEqual(before);
  });

  it('stops when “Arrêter” sends safety.cancel with its job id, leaving no file and no log entry', async () => {
    const dir = folder('concerto-cancel-');
    const jobId = randomUUID();
    const logged = await logCount();
    let cancels = 0;
    // The user presses "Arrêter" once the archive has started to reach the stick.
    const cancelling: ExportFs = {
      ...nodeExportFs,
      async create(path) {
        const handle = await nodeExportFs.create(path);
        return {
          ...handle,
          async write(bytes) {
            await handle.write(bytes);
            if (cancels++ === 0) await source.call('safety.cancel', { jobId });
          },
          sync: () => handle.sync(),
          close: () => handle.close(),
        };
      },
    };
    const error = await exportArchive(
      source.backend.context,
      { destination: { kind: 'folder', path: dir }, jobId },
      { fs: cancelling },
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'CONFLICT',
      message: 'Export de l’archive annulé : aucun fichier n’a été enregistré.',
    });
    expect(cancels).toBeGreaterThan(0);
    expect(readdirSync(dir)).toEqual([]);
    expect(await logCount()).toBe(logged);
    expect(workFolders()).toEqual([]);
    // The stopped job is forgotten: the same "Exporter" again goes through to the end.
    const again = await source.call('archives.export', { destination: { kind: 'folder', path: dir }, jobId });
    expect(readdirSync(dir)).toEqual([again.files[0]?.fileName]);
    expect(await logCount()).toBe(logged + 1);
  });
});
