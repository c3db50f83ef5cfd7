// issue 7: "Disk full (a small tmpfs or loop mount, or an injected write error) during import,
// backup and export: a clear message, nothing partial, the app still works."
//
// A real full disk: the backend runs in a child process inside a private mount namespace
// (`unshare -rm`) where a small tmpfs is mounted over its data folder, so the database, the
// backups and the exports folder all live on it. The disk is filled with a ballast file up to
// the point where the call's own writes no longer fit; the call must fail in French, leave
// nothing half-written, and once the ballast is removed the same backend reads, writes and does
// the call again. The child's files are only visible from inside its namespace: the checks go
// through its inspection tools (fixtures/crash-child.mjs).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AppErrorPayload } from '../../shared/errors';
import { BackendChild } from './fixtures/backendChild';
import { base64, largeMaliWorkbook } from './fixtures/threeW';
import { RESOURCES_DIR } from './harness';

const TMPFS_MB = 96;
const ROWS = 10_000;
const MB = 1024 * 1024;
/** Room the backup before an import asks for beyond the size of the database (backups/service.ts). */
const BACKUP_MARGIN = 4 * MB;

const mountPoint = mkdtempSync(join(tmpdir(), 'concerto-diskfull-'));
let backend: BackendChild;

beforeAll(async () => {
  const probe = spawnSync('unshare', ['-rm', 'sh', '-c', `mount -t tmpfs -o size=1m tmpfs "${mountPoint}"`], {
    encoding: 'utf8',
  });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      'The disk-full tests need `unshare -rm` (a private mount namespace, as an unprivileged user) to mount a ' +
        `small tmpfs; it failed here: ${probe.error?.message ?? probe.stderr}`,
    );
  }
  backend = await BackendChild.start(mountPoint, { tmpfsMb: TMPFS_MB, env: { CONCERTO_NO_SCHEDULE: '1' } });
  await backend.call('settings.update', { countryCode: 'ML', userName: 'Awa Traoré' });
  for (let o = 0; o < 20; o++) {
    await backend.call('organisations.create', {
      name: `Organisation partenaire ${o}`,
      acronym: `ORG${o}`,
      kind: 'international_ngo',
    });
  }
}, 60_000);

afterAll(async () => {
  await backend?.kill();
  rmSync(mountPoint, { recursive: true, force: true });
});

const count = async (sql: string) => (await backend.tool<{ n: number }[]>('query', { sql }))[0]?.n;
const files = () => backend.tool<Record<string, number>>('files');
const databaseBytes = async () =>
  Number(await backend.tool('pragma', { pragma: 'page_count' })) *
  Number(await backend.tool('pragma', { pragma: 'page_size' }));

const freeSpace = () => backend.tool('remove', { path: 'lest' });
/** Fills the disk with a ballast file until only `leave` bytes are free. */
async function fillLeaving(leave: number): Promise<void> {
  await freeSpace();
  const free = await backend.tool<number>('freeBytes');
  await backend.tool('fill', { path: 'lest', bytes: Math.max(0, free - leave) });
}
// A failed test must not leave the next one a full disk.
afterEach(() => freeSpace());

/**
 * A full disk said in French, with DISK_FULL. Soft: the checks that nothing is partial and that
 * the app still works run even when the message is wrong.
 */
function expectDiskFullMessage(error: AppErrorPayload | undefined, what: string): void {
  expect(error, what).toBeDefined();
  expect.soft(`${error?.code}: ${error?.message}`, what).toMatch(/^DISK_FULL: .*(plein|place)/i);
}

/** The app still works: a read and a write. */
async function expectWorking(label: string): Promise<void> {
  expect(await backend.tool('pragma', { pragma: 'integrity_check' })).toBe('ok');
  const made = await backend.call('organisations.create', { name: label, kind: 'national_ngo' });
  expect((await backend.call('organisations.get', { id: made.id })).name).toBe(label);
}

describe('a full disk', () => {
  it('during an import: a clear refusal, no part of the batch, and the import works once room is made', async () => {
    const bytes = largeMaliWorkbook(
      readFileSync(join(RESOURCES_DIR, 'territories', 'ML.csv'), 'utf8'),
      ROWS,
      20,
    );
    const { id: stagedId } = await backend.call('imports.stageUpload', {
      fileName: '3W_10000.xlsx',
      data: base64(bytes),
      source: 'disk',
    });
    await backend.call('imports.analyse', { stagedId });
    expect((await backend.call('imports.preview', { stagedId })).counts.create).toBe(ROWS);

    // Room for the backup taken before the import, and a little more: not for 10,000 rows.
    await fillLeaving((await databaseBytes()) + BACKUP_MARGIN + MB);
    const refused = await backend.invoke('imports.commit', { stagedId });
    expect(refused.ok).toBe(false);
    const error = refused.ok ? undefined : refused.error;
    console.info(`imports.commit on a full disk: ${error?.code} — ${error?.message}`);
    // The refusal came from the import's own write: its backup was taken first.
    expect(Object.keys(await files()).some((f) => /avant-import\.sqlite$/.test(f))).toBe(true);
    expectDiskFullMessage(error, 'imports.commit');
    expect(await count('SELECT count(*) AS n FROM import_batches')).toBe(0);
    expect(await count('SELECT count(*) AS n FROM interventions')).toBe(0);
    expect(await count('SELECT count(*) AS n FROM import_changes')).toBe(0);

    await freeSpace();
    await expectWorking('Après le disque plein (import)');
    await backend.call('imports.preview', { stagedId });
    expect((await backend.call('imports.commit', { stagedId })).counts.create).toBe(ROWS);
    expect(await count('SELECT count(*) AS n FROM interventions')).toBe(ROWS);
  }, 60_000);

  it('during a backup: a clear refusal, no file taken for a backup, and the backup works once room is made', async () => {
    const listed = async () => (await backend.call('backups.list', {})).backups.map((b) => b.id).sort();
    const before = await listed();
    const backupFiles = async () => Object.keys(await files()).filter((f) => f.startsWith('sauvegardes/'));
    const filesBefore = await backupFiles();

    // Less room than the copy of the database.
    await fillLeaving(Math.floor((await databaseBytes()) / 2));
    const refused = await backend.invoke('backups.create', {});
    expect(refused.ok).toBe(false);
    const error = refused.ok ? undefined : refused.error;
    console.info(`backups.create on a full disk: ${error?.code} — ${error?.message}`);
    expectDiskFullMessage(error, 'backups.create');
    expect(await listed()).toEqual(before);
    expect(await backupFiles()).toEqual(filesBefore);

    await freeSpace();
    await expectWorking('Après le disque plein (sauvegarde)');
    const made = await backend.call('backups.create', {});
    expect(await listed()).toEqual([...before, made.id].sort());
    expect(await backend.tool('quickCheck', { path: `sauvegardes/${made.id}` })).toBe('ok');
  }, 60_000);

  it('during an export: a clear refusal, no file left, and the export works once room is made', async () => {
    const exported = async () => Object.keys(await files()).filter((f) => f.startsWith('exports/'));
    const before = await exported();
    const logged = (await backend.call('exports.log', {})).length;
    const input = {
      items: [{ spreadsheet: { kind: 'organisationsDirectory' as const } }],
      destination: { kind: 'exports' as const },
    };

    await fillLeaving(0);
    const refused = await backend.invoke('exports.save', input);
    expect(refused.ok).toBe(false);
    const error = refused.ok ? undefined : refused.error;
    console.info(`exports.save on a full disk: ${error?.code} — ${error?.message}`);
    expectDiskFullMessage(error, 'exports.save');
    expect(await exported()).toEqual(before);

    await freeSpace();
    expect((await backend.call('exports.log', {})).length).toBe(logged);
    await expectWorking('Après le disque plein (export)');
    const result = await backend.call('exports.save', input);
    expect(await exported()).toEqual([...before, `exports/${result.files[0]?.fileName}`].sort());
  }, 60_000);
});
