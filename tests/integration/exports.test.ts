import { createHash, randomUUID } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { strFromU8, unzipSync } from 'fflate';
import { type AddressObject, simpleParser } from 'mailparser';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../electron/backend/errors';
import { listDestinations } from '../../electron/backend/features/exports/drives';
import { type ExportFs, nodeExportFs } from '../../electron/backend/features/exports/safeWrite';
import { exportDeps, saveExports } from '../../electron/backend/features/exports/service';
import { compareFr } from '../../shared/domain/text';
import type { InputOf } from '../../shared/rpc';
import { startTestApp, type TestApp } from './harness';

// Documents and sharing, as a secretary meets them: files written to Concerto's exports folder
// or to a USB stick (all or nothing, never a half-written file under its name), the session
// bundle, the email draft that carries the files, the export log, and the heading's logo.

type Items = InputOf<'exports.save'>['items'];

// A 16 × 16 baseline JPEG (JFIF), as a scanner or a phone would produce it.
const JPEG_16 =
  '/9j/4AAQSkZJRgABAQEAAQABAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwS' +
  'ExIQEw8QEBD/2wBDAQMDAwQDBAgEBAgQCwkLEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBD/wAAR' +
  'CAAQABADASIAAhEBAxEB/8QAFgABAQEAAAAAAAAAAAAAAAAABwQF/8QAJBAAAQQBBAICAwAAAAAAAAAAAQIDBAYFBwgSExEiABQJMTL/xAAV' +
  'AQEBAAAAAAAAAAAAAAAAAAAABv/EACMRAAECBQMFAAAAAAAAAAAAAAECEQMEBQYhABIxFRZhgeH/2gAMAwEAAhEDEQA/ABSm0mobc8HmExLU' +
  'lRzzEWPkJWW+ulrsaUVAseUgslSlH9LKuPryIKuWPZdskzXmm3fX5m2nF4GlVxx/HOpx4ks51+MiU/Iaad7UcUo4tILoS4kqcWkezS0hO/Hv' +
  'uRp0rO6hWnWO1UisZVuFi4GFeyEpmGepa5S5SWVPuciFKRFLgSrwetnyPIB+Vb4N9mKhQMzo5po9XLdDs9d6ZVix2VEhiL9kuNPxw2gEKcDQ' +
  '/rs8AuA8VAe0vdl7VOYn+27flGAUgmITjbhSmCg3BYlyeWDkMolvw4KOp1KM6iCNvngZHwetf//Z';

let app: TestApp;
let genre: { bodyId: string; meetingId: string; startDate: string };
let gtgps: { bodyId: string; meetingId: string; startDate: string };
const scratch: string[] = [];

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function tempFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'concerto-cle-'));
  scratch.push(dir);
  return dir;
}

async function logCount(): Promise<number> {
  const row = await app.backend.context.db
    .selectFrom('export_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function logRow(id: string) {
  return app.backend.context.db
    .selectFrom('export_log')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

async function heldMeetingOf(bodyName: string) {
  const db = app.backend.context.db;
  const body = await db
    .selectFrom('bodies')
    .select('id')
    .where('name', '=', bodyName)
    .executeTakeFirstOrThrow();
  const meeting = await db
    .selectFrom('meetings')
    .select(['id', 'start_date'])
    .where('body_id', '=', body.id)
    .where('status', '=', 'held')
    .orderBy('start_date', 'desc')
    .executeTakeFirstOrThrow();
  return { bodyId: body.id, meetingId: meeting.id, startDate: meeting.start_date };
}

/** The aide-mémoire in DOCX and PDF and the body's follow-up matrix: what a review produces. */
function reviewItems(): Items {
  return [
    { document: { kind: 'aideMemoire', meetingId: genre.meetingId }, format: 'docx' },
    { document: { kind: 'aideMemoire', meetingId: genre.meetingId }, format: 'pdf' },
    { spreadsheet: { kind: 'followUpMatrix', bodyId: genre.bodyId, layout: 'perOrganisation' } },
  ];
}

const ioError = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

/** Real writes, except that the nth file created fails half-way with `code`. */
function failingOnFile(n: number, code: string): ExportFs {
  let created = 0;
  return {
    ...nodeExportFs,
    freeBytes: async () => null,
    async create(path) {
      const handle = await nodeExportFs.create(path);
      const index = ++created;
      return {
        async write(bytes) {
          if (index !== n) return handle.write(bytes);
          // Half the bytes reach the device, then it fails: a real partial file is left behind.
          await handle.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
          throw ioError(code);
        },
        sync: () => handle.sync(),
        close: () => handle.close(),
      };
    },
  };
}

async function saveWith(fs: ExportFs, input: InputOf<'exports.save'>) {
  return saveExports(await exportDeps(app.backend.context, fs), input as never);
}

async function expectIo(run: Promise<unknown>, code: 'IO' | 'DISK_FULL' = 'IO'): Promise<AppError> {
  try {
    await run;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
    return error as AppError;
  }
  throw new Error(`expected an ${code} error`);
}

/** Files in the folder, hidden temporary ones included. */
const listing = (dir: string) => readdirSync(dir).sort();

beforeAll(async () => {
  app = await startTestApp();
  await app.call('demo.load', {});
  await app.call('settings.update', {
    userName: 'Aminata Koné',
    heading: {
      country: 'République du Bénin',
      motto: 'Fraternité – Justice – Travail',
      ministry: 'Ministère des Affaires Sociales et de la Microfinance',
      service: 'Direction de la Promotion de la Femme et du Genre',
    },
    signature: {
      place: 'Cotonou',
      title: 'La Directrice de la Promotion de la Femme et du Genre',
      name: 'Aminata Koné',
    },
  });
  genre = await heldMeetingOf('Sous-groupe Genre');
  gtgps = await heldMeetingOf('Groupe Technique Genre et Protection Sociale');
}, 60_000);

afterAll(async () => {
  await app.close();
  for (const dir of scratch) {
    try {
      chmodSync(dir, 0o755);
    } catch {}
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('saving to Concerto’s exports folder', () => {
  it('writes DOCX, PDF and XLSX, logs each file and lets the host open them', async () => {
    const result = await app.call('exports.save', { items: reviewItems(), destination: { kind: 'exports' } });
    const exportsDir = app.backend.context.paths.exportsDir;
    expect(result.folder).toBe(exportsDir);
    expect(result.safeToRemove).toBe(false);
    expect(result.files.map((f) => f.format)).toEqual(['docx', 'pdf', 'xlsx']);
    expect(Array.isArray(result.pdfMissingCharacters)).toBe(true);

    const preview = await app.call('documents.preview', { kind: 'aideMemoire', meetingId: genre.meetingId });
    expect(result.files[0]?.fileName).toBe(`${preview.fileStem}.docx`);
    expect(result.files[1]?.fileName).toBe(`${preview.fileStem}.pdf`);
    expect(result.files[2]?.fileName).toMatch(/tableau-de-suivi.*\.xlsx$/);

    for (const file of result.files) {
      const bytes = readFileSync(join(exportsDir, file.fileName));
      expect(bytes.length).toBe(file.bytes);
      const row = await logRow(file.id);
      expect(row.sha256).toBe(sha256(bytes));
      expect(row.in_exports).toBe(1);
      expect(row.actor).toBe('Aminata Koné');
      const opened = await app.call('exports.file', { id: file.id });
      expect(opened.fileName).toBe(file.fileName);
      expect(readFileSync(opened.path).equals(bytes)).toBe(true);
    }
    // Each file really is what it says.
    const docx = unzipSync(readFileSync(join(exportsDir, result.files[0]?.fileName ?? '')));
    expect(strFromU8(docx['word/document.xml'] ?? new Uint8Array())).toContain('AIDE-MÉMOIRE');
    expect(
      readFileSync(join(exportsDir, result.files[1]?.fileName ?? ''))
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect(
      unzipSync(readFileSync(join(exportsDir, result.files[2]?.fileName ?? '')))['xl/workbook.xml'],
    ).toBeDefined();

    const mimes = await Promise.all(result.files.map((f) => app.call('exports.file', { id: f.id })));
    expect(mimes.map((m) => m.mime)).toEqual([
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);

    const log = await app.call('exports.log', {});
    const [xlsx, pdf, docxEntry] = log; // newest first: logged in one go, in order
    expect(docxEntry).toMatchObject({
      kind: 'document',
      format: 'docx',
      label: `Aide-mémoire — Sous-groupe Genre, ${preview.footer.split(' du ').at(-1)}`,
      actor: 'Aminata Koné',
      folder: exportsDir,
      available: true,
      recipients: [],
    });
    expect(pdf?.format).toBe('pdf');
    expect(xlsx).toMatchObject({ kind: 'spreadsheet', format: 'xlsx', available: true });
    expect(xlsx?.label).toMatch(/^Tableau de suivi des recommandations — Sous-groupe Genre/);
    // The partners the matrix goes to.
    expect(xlsx?.recipients.length).toBeGreaterThan(0);
  });

  it('labels a body’s documents with the body (and the year of a report)', async () => {
    const year = Number(gtgps.startDate.slice(0, 4));
    const result = await app.call('exports.save', {
      items: [
        { document: { kind: 'bodyFactSheet', bodyId: gtgps.bodyId }, format: 'docx' },
        { document: { kind: 'annualReport', bodyId: gtgps.bodyId, year }, format: 'pdf' },
      ],
      destination: { kind: 'exports' },
    });
    const rows = await Promise.all(result.files.map((f) => logRow(f.id)));
    expect(rows.map((r) => r.label)).toEqual([
      'Fiche de présentation — GTGPS',
      `Rapport annuel d’activité — GTGPS, ${year}`,
    ]);
    expect(rows.every((r) => r.subject_type === 'body' && r.subject_id === gtgps.bodyId)).toBe(true);
  });

  it('names files uniquely within one call', async () => {
    const item = { document: { kind: 'agenda', meetingId: genre.meetingId }, format: 'pdf' } as const;
    const result = await app.call('exports.save', {
      items: [item, item, item],
      destination: { kind: 'exports' },
    });
    const [first, second, third] = result.files.map((f) => f.fileName);
    expect(first).toMatch(/_ordre-du-jour\.pdf$/);
    expect(second).toBe(first?.replace(/\.pdf$/, '-2.pdf'));
    expect(third).toBe(first?.replace(/\.pdf$/, '-3.pdf'));
  });

  it('marks files that have since disappeared, and refuses to open them', async () => {
    const result = await app.call('exports.save', {
      items: [{ spreadsheet: { kind: 'organisationsDirectory' } }],
      destination: { kind: 'exports' },
    });
    const file = result.files[0];
    if (!file) throw new Error('no file');
    unlinkSync(join(app.backend.context.paths.exportsDir, file.fileName));
    const entry = (await app.call('exports.log', { limit: 5 })).find((e) => e.id === file.id);
    expect(entry?.available).toBe(false);
    const error = await app.fail('exports.file', { id: file.id });
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toMatch(/n’est plus disponible/);
  });

  it('opens only files of the log still inside the exports folder', async () => {
    expect((await app.fail('exports.file', { id: randomUUID() })).code).toBe('NOT_FOUND');

    // A row forged to point outside, and an export replaced by a link to a file elsewhere.
    const db = app.backend.context.db;
    const forged = randomUUID();
    const at = new Date().toISOString();
    const outside = join(tempFolder(), 'secret.txt');
    writeFileSync(outside, 'secret');
    await db
      .insertInto('export_log')
      .values({
        id: forged,
        kind: 'document',
        label: 'Forgé',
        file_name: 'passwd',
        format: 'pdf',
        bytes: 6,
        sha256: '',
        folder: '/etc',
        path: outside,
        in_exports: 1,
        subject_type: null,
        subject_id: null,
        recipients: '[]',
        actor: 'x',
        created_at: at,
        updated_at: at,
      })
      .execute();
    expect((await app.fail('exports.file', { id: forged })).code).toBe('NOT_FOUND');

    const saved = await app.call('exports.save', {
      items: [{ spreadsheet: { kind: 'peopleDirectory' } }],
      destination: { kind: 'exports' },
    });
    const file = saved.files[0];
    if (!file) throw new Error('no file');
    const path = join(app.backend.context.paths.exportsDir, file.fileName);
    unlinkSync(path);
    symlinkSync(outside, path);
    expect((await app.fail('exports.file', { id: file.id })).code).toBe('NOT_FOUND');

    // A file saved to a stick is not Concerto's to open.
    const onStick = await app.call('exports.save', {
      items: [{ spreadsheet: { kind: 'peopleDirectory' } }],
      destination: { kind: 'folder', path: tempFolder() },
    });
    expect((await app.fail('exports.file', { id: onStick.files[0]?.id })).code).toBe('NOT_FOUND');
  });
});

describe('saving to a chosen folder (a USB stick)', () => {
  it('writes complete files, leaves no temporary file and says the stick can be removed', async () => {
    const stick = tempFolder();
    const result = await app.call('exports.save', {
      items: reviewItems(),
      destination: { kind: 'folder', path: stick },
    });
    expect(result.safeToRemove).toBe(true);
    expect(result.folder).toBe(stick);
    expect(listing(stick)).toEqual(result.files.map((f) => f.fileName).sort());
    for (const file of result.files) {
      const bytes = readFileSync(join(stick, file.fileName));
      const row = await logRow(file.id);
      expect(row).toMatchObject({ in_exports: 0, folder: stick, path: join(stick, file.fileName) });
      expect(row.sha256).toBe(sha256(bytes));
      expect(bytes.length).toBe(row.bytes);
    }

    // Saving again replaces the older files under the same names, nothing else.
    writeFileSync(join(stick, 'notes.txt'), 'à garder');
    await app.call('exports.save', { items: reviewItems(), destination: { kind: 'folder', path: stick } });
    expect(listing(stick)).toEqual([...result.files.map((f) => f.fileName), 'notes.txt'].sort());
  });

  it('refuses a folder that does not exist, is a file or is not an absolute path', async () => {
    const file = join(tempFolder(), 'fichier.txt');
    writeFileSync(file, 'x');
    const before = await logCount();
    for (const path of [join(tempFolder(), 'retiree'), file, 'Documents/cle']) {
      const error = await app.fail('exports.save', {
        items: reviewItems(),
        destination: { kind: 'folder', path },
      });
      expect(error.code).toBe('VALIDATION');
      expect(error.details?.issues?.[0]).toMatchObject({
        path: ['destination', 'path'],
        key: 'errors.field.folderMissing',
      });
    }
    expect(await logCount()).toBe(before);
  });

  it('refuses a read-only folder with a French message, writing and logging nothing', async () => {
    const stick = tempFolder();
    chmodSync(stick, 0o555);
    // As root, permissions do not stop a write: the device's answer is then simulated.
    let chmodEffective = true;
    try {
      writeFileSync(join(stick, '.probe'), 'x');
      unlinkSync(join(stick, '.probe'));
      chmodEffective = false;
    } catch {}
    const before = await logCount();
    const input = { items: reviewItems(), destination: { kind: 'folder', path: stick } } as const;
    let message: string;
    if (chmodEffective) {
      const error = await app.fail('exports.save', input);
      expect(error.code).toBe('IO');
      message = error.message;
    } else {
      const refusing: ExportFs = { ...nodeExportFs, create: async () => Promise.reject(ioError('EROFS')) };
      message = (await expectIo(saveWith(refusing, input))).message;
    }
    expect(message).toContain(`Le dossier ${stick} est en lecture seule`);
    expect(message).toContain('Rien n’a été enregistré.');
    expect(listing(stick)).toEqual([]);
    expect(await logCount()).toBe(before);
  });

  it('a stick full half-way keeps the older export intact and leaves no partial file', async () => {
    const stick = tempFolder();
    const preview = await app.call('documents.preview', { kind: 'aideMemoire', meetingId: genre.meetingId });
    const older = join(stick, `${preview.fileStem}.pdf`);
    writeFileSync(older, 'ancienne version complète');
    const before = await logCount();

    const error = await expectIo(
      saveWith(failingOnFile(2, 'ENOSPC'), {
        items: reviewItems(),
        destination: { kind: 'folder', path: stick },
      }),
      'DISK_FULL',
    );
    expect(error.message).toContain(`La clé ou le disque du dossier ${stick} est plein`);
    expect(listing(stick)).toEqual([`${preview.fileStem}.pdf`]);
    expect(readFileSync(older, 'utf8')).toBe('ancienne version complète');
    expect(await logCount()).toBe(before);
  });

  it('says how much space is missing before writing anything', async () => {
    const stick = tempFolder();
    const tiny: ExportFs = { ...nodeExportFs, freeBytes: async () => 1024 };
    const error = await expectIo(
      saveWith(tiny, { items: reviewItems(), destination: { kind: 'folder', path: stick } }),
      'DISK_FULL',
    );
    expect(error.message).toMatch(/est plein : il manque environ \d+(,\d)?\u00a0(Ko|Mo)\./);
    expect(error.details?.missingBytes).toBeGreaterThan(0);
    expect(listing(stick)).toEqual([]);
  });

  it('a stick pulled out mid-write leaves nothing under the final names', async () => {
    const stick = tempFolder();
    const before = await logCount();
    const error = await expectIo(
      saveWith(failingOnFile(3, 'EIO'), {
        items: reviewItems(),
        destination: { kind: 'folder', path: stick },
      }),
    );
    expect(error.message).toContain('La clé a été retirée pendant l’écriture');
    expect(error.message).toContain(stick);
    expect(listing(stick)).toEqual([]);
    expect(await logCount()).toBe(before);
  });

  it('undoes the renames already made when one fails', async () => {
    const stick = tempFolder();
    let renames = 0;
    const flaky: ExportFs = {
      ...nodeExportFs,
      async rename(from, to) {
        if (++renames === 2) throw ioError('ENODEV');
        return nodeExportFs.rename(from, to);
      },
    };
    await expectIo(saveWith(flaky, { items: reviewItems(), destination: { kind: 'folder', path: stick } }));
    expect(listing(stick)).toEqual([]);
  });

  it('says so when an older export cannot be replaced because it is open (Windows)', async () => {
    const stick = tempFolder();
    const locked: ExportFs = {
      ...nodeExportFs,
      rename: async (_from, to) =>
        to.endsWith('.pdf') ? Promise.reject(ioError('EPERM')) : nodeExportFs.rename(_from, to),
    };
    const error = await expectIo(
      saveWith(locked, { items: reviewItems(), destination: { kind: 'folder', path: stick } }),
    );
    expect(error.message).toMatch(
      /^Le fichier .*_aide-memoire\.pdf du dossier .* est ouvert dans une autre application/,
    );
    expect(listing(stick)).toEqual([]);
  });
});

describe('progress and cancellation', () => {
  const realEmit = () => app.backend.context.emit;
  let emit: ReturnType<typeof realEmit>;
  beforeAll(() => {
    emit = realEmit();
  });
  afterEach(() => {
    app.backend.context.emit = emit;
  });

  it('reports each file produced', async () => {
    const jobId = randomUUID();
    const seen: unknown[] = [];
    app.backend.context.emit = (topic, payload) => {
      if (topic === 'exports:progress') seen.push(payload);
    };
    const result = await app.call('exports.save', {
      items: reviewItems(),
      destination: { kind: 'exports' },
      jobId,
    });
    expect(seen).toEqual(
      result.files.map((f, i) => ({ jobId, done: i + 1, total: 3, fileName: f.fileName })),
    );
  });

  it('stops before the next file when cancelled, leaving no file and no log entry', async () => {
    const jobId = randomUUID();
    const stick = tempFolder();
    const seen: unknown[] = [];
    app.backend.context.emit = (topic, payload) => {
      if (topic !== 'exports:progress') return;
      seen.push(payload);
      // The user presses "Annuler" while the first file is being shown as done.
      void app.backend.invoke('exports.cancel', { jobId });
    };
    const before = await logCount();
    const error = await app.fail('exports.save', {
      items: reviewItems(),
      destination: { kind: 'folder', path: stick },
      jobId,
    });
    expect(error).toMatchObject({
      code: 'CONFLICT',
      message: 'Export annulé : aucun fichier n’a été enregistré.',
    });
    expect(seen).toHaveLength(1);
    expect(listing(stick)).toEqual([]);
    expect(await logCount()).toBe(before);
    // A finished job has nothing left to cancel: still ok.
    expect(await app.call('exports.cancel', { jobId })).toEqual({ ok: true });
  });
});

describe('the session bundle', () => {
  it('zips every document of the meeting in each format, even those with nothing to say yet, and the follow-up matrix', async () => {
    const result = await app.call('exports.bundle', {
      meetingId: gtgps.meetingId,
      formats: ['docx', 'pdf'],
      destination: { kind: 'exports' },
    });
    const file = result.files[0];
    expect(result.files).toHaveLength(1);
    expect(file?.fileName).toBe(`${gtgps.startDate}_GTGPS_dossier-de-seance.zip`);
    const zip = unzipSync(readFileSync(join(result.folder, file?.fileName ?? '')));
    const names = Object.keys(zip).sort();
    const stems = [
      'convocation',
      'agenda',
      'signInSheet',
      'attendanceList',
      'minutes',
      'decisions',
      'aideMemoire',
    ] as const;
    const expected: string[] = [];
    for (const kind of stems) {
      const model = await app.call('documents.preview', { kind, meetingId: gtgps.meetingId });
      expected.push(`${model.fileStem}.docx`, `${model.fileStem}.pdf`);
    }
    const matrix = names.filter((name) => name.endsWith('.xlsx'));
    expect(matrix).toHaveLength(1);
    expect(matrix[0]).toMatch(/_GTGPS_tableau-de-suivi.*\.xlsx$/);
    expect(names.filter((name) => !name.endsWith('.xlsx'))).toEqual(expected.sort());
    for (const name of names) {
      const bytes = zip[name] ?? new Uint8Array();
      if (name.endsWith('.pdf')) expect(strFromU8(bytes.subarray(0, 5))).toBe('%PDF-');
      else if (name.endsWith('.xlsx')) expect(unzipSync(bytes)['xl/workbook.xml']).toBeDefined();
      else expect(unzipSync(bytes)['word/document.xml']).toBeDefined();
    }
    const row = await logRow(file?.id ?? '');
    expect(row).toMatchObject({
      kind: 'bundle',
      format: 'zip',
      subject_type: 'meeting',
      subject_id: gtgps.meetingId,
    });
    expect(row.label).toMatch(/^Dossier de séance — GTGPS, /);
  });
});

describe('email', () => {
  it('proposes the invitees as recipients, one per address, in French order, and names those without one', async () => {
    const db = app.backend.context.db;
    const withEmail = await db
      .selectFrom('invitees')
      .select(['name', 'email'])
      .where('meeting_id', '=', genre.meetingId)
      .where('email', 'is not', null)
      .executeTakeFirstOrThrow();
    // A partner invited twice under the same address (another case), and a guest with none.
    await app.call('invitees.addExtra', {
      meetingId: genre.meetingId,
      name: 'Zoé Doublon',
      email: (withEmail.email ?? '').toUpperCase(),
    });
    await app.call('invitees.addExtra', { meetingId: genre.meetingId, name: 'Élise Sansadresse' });

    const proposal = await app.call('exports.emailProposal', { kind: 'meeting', meetingId: genre.meetingId });
    const emails = proposal.recipients.map((r) => r.email.toLowerCase());
    expect(new Set(emails).size).toBe(emails.length);
    expect(proposal.recipients.length).toBeGreaterThan(2);
    expect(proposal.recipients.map((r) => r.name)).toEqual(
      proposal.recipients.map((r) => r.name).sort(compareFr),
    );
    expect(proposal.recipients.some((r) => r.name === 'Zoé Doublon')).toBe(false);
    expect(proposal.missing).toContain('Élise Sansadresse');

    const meeting = await app.call('meetings.get', { id: genre.meetingId });
    // {SIGLE} — {SESSION} du {DATE}: a body without an acronym is named in full.
    expect(proposal.subject).toMatch(/^Sous-groupe Genre — Session ordinaire n°\d+ du \w+ \d+/);
    expect(proposal.body).toContain('de Sous-groupe Genre');
    expect(proposal.body).toContain(meeting.place ?? '');
    expect(proposal.body).toMatch(/La Directrice de la Promotion de la Femme et du Genre\nAminata Koné$/);
    expect(proposal.body).not.toMatch(/\{[A-Z]+\}/);
  });

  it('proposes the body’s members and the follow-up contacts', async () => {
    const body = await app.call('exports.emailProposal', { kind: 'body', bodyId: gtgps.bodyId });
    expect(body.recipients.length).toBeGreaterThan(0);
    expect(body.subject).toBe('GTGPS — documents');
    expect(body.body).toContain('relatifs à Groupe Technique Genre et Protection Sociale');

    const followUp = await app.call('exports.emailProposal', { kind: 'followUp', bodyId: genre.bodyId });
    expect(followUp.recipients.length + followUp.missing.length).toBeGreaterThan(0);
    expect(followUp.subject).toBe('Sous-groupe Genre — tableau de suivi des recommandations');

    const all = await app.call('exports.emailProposal', { kind: 'followUp', bodyId: null });
    expect(all.subject).toBe('Tableau de suivi des recommandations');
    expect(all.recipients.length).toBeGreaterThanOrEqual(followUp.recipients.length);
  });

  it('builds a draft whose attachments are byte for byte the files written', async () => {
    const recipients = [
      { name: 'Awa Diallo', email: 'awa.diallo@exemple.bj' },
      { name: 'Koffi Mensah\r\nBcc: pirate@exemple.com', email: 'koffi.mensah@exemple.bj' },
    ];
    const result = await app.call('exports.emailDraft', {
      context: { kind: 'meeting', meetingId: genre.meetingId },
      recipients,
      subject: 'Sous-groupe Genre — séance d’octobre\r\nBcc: pirate@exemple.com',
      body: 'Madame, Monsieur,\n\nVeuillez trouver ci-joint les documents.\n\nAminata Koné',
      items: reviewItems(),
    });
    expect(result.files.map((f) => f.format)).toEqual(['eml', 'docx', 'pdf', 'xlsx']);
    const [eml, ...attachments] = result.files;
    expect(eml?.fileName).toMatch(/_Sous-groupe-Genre_courriel\.eml$/);

    const raw = readFileSync((await app.call('exports.file', { id: eml?.id ?? '' })).path);
    expect(raw.toString('latin1')).not.toMatch(/^Bcc:/im);
    expect(raw.toString('latin1')).not.toMatch(/^From:/im);
    const parsed = await simpleParser(raw);
    expect(parsed.headers.get('x-unsent')).toBe('1');
    expect(parsed.date).toBeInstanceOf(Date);
    expect(parsed.bcc).toBeUndefined();
    expect(parsed.subject).toBe('Sous-groupe Genre — séance d’octobre Bcc: pirate@exemple.com');
    const to = (Array.isArray(parsed.to) ? parsed.to : [parsed.to]).flatMap((a: AddressObject | undefined) =>
      a ? a.value : [],
    );
    expect(to.map((a) => a.address)).toEqual(['awa.diallo@exemple.bj', 'koffi.mensah@exemple.bj']);
    expect(to[1]?.name).toBe('Koffi Mensah Bcc: pirate@exemple.com');
    expect(parsed.text).toContain('Veuillez trouver ci-joint les documents.');

    expect(parsed.attachments.map((a) => a.filename)).toEqual(attachments.map((f) => f.fileName));
    expect(parsed.attachments.map((a) => a.contentType)).toEqual([
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
    for (const [i, attachment] of parsed.attachments.entries()) {
      const written = readFileSync((await app.call('exports.file', { id: attachments[i]?.id ?? '' })).path);
      expect(sha256(attachment.content)).toBe(sha256(written));
    }

    const row = await logRow(eml?.id ?? '');
    expect(row).toMatchObject({ kind: 'email', format: 'eml', subject_type: 'meeting', in_exports: 1 });
    expect(JSON.parse(row.recipients)).toEqual([
      'Awa Diallo <awa.diallo@exemple.bj>',
      'Koffi Mensah Bcc: pirate@exemple.com <koffi.mensah@exemple.bj>',
    ]);
  });

  it('refuses a draft without a valid recipient', async () => {
    const base = {
      context: { kind: 'body', bodyId: gtgps.bodyId },
      subject: 'Documents',
      body: '',
      items: [],
    };
    const none = await app.fail('exports.emailDraft', { ...base, recipients: [] });
    expect(none.details?.issues?.[0]).toMatchObject({
      path: ['recipients'],
      key: 'errors.field.noRecipient',
    });
    const invalid = await app.fail('exports.emailDraft', {
      ...base,
      recipients: [{ name: 'X', email: 'pas-une-adresse' }],
    });
    expect(invalid.details?.issues?.[0]).toMatchObject({ path: ['recipients', 0, 'email'] });
  });
});

describe('the heading’s logo', () => {
  function png(width: number, height: number): Buffer {
    const crcTable = Array.from({ length: 256 }, (_, n) => {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      return c >>> 0;
    });
    const crc = (bytes: Buffer) => {
      let c = 0xffffffff;
      for (const b of bytes) c = (crcTable[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
      return (c ^ 0xffffffff) >>> 0;
    };
    const chunk = (type: string, data: Buffer) => {
      const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
      const out = Buffer.alloc(data.length + 12);
      out.writeUInt32BE(data.length, 0);
      body.copy(out, 4);
      out.writeUInt32BE(crc(body), data.length + 8);
      return out;
    };
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(width, 0);
    ihdr.writeUInt32BE(height, 4);
    ihdr[8] = 8;
    ihdr[9] = 2;
    const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x30)]);
    return Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))),
      chunk('IEND', Buffer.alloc(0)),
    ]);
  }

  it('stores a PNG read from its bytes, records it in the history and draws it in documents', async () => {
    const data = png(120, 60).toString('base64');
    const stored = await app.call('settings.setLogo', { data });
    expect(stored).toEqual({ mime: 'image/png', data, width: 120, height: 60 });
    expect(await app.call('settings.logo', {})).toEqual(stored);
    const history = await app.call('history.forEntity', { entityType: 'settings', entityId: 'settings' });
    expect(history[0]?.changes).toEqual({ logo: [null, 'PNG 120 × 60 px'] });
    expect(history[0]?.actor).toBe('Aminata Koné');

    const preview = await app.call('documents.preview', { kind: 'convocation', meetingId: genre.meetingId });
    expect(preview.heading.logo).toBe(true);
    const result = await app.call('exports.save', {
      items: [
        { document: { kind: 'convocation', meetingId: genre.meetingId }, format: 'docx' },
        { document: { kind: 'convocation', meetingId: genre.meetingId }, format: 'pdf' },
      ],
      destination: { kind: 'exports' },
    });
    const docx = unzipSync(readFileSync(join(result.folder, result.files[0]?.fileName ?? '')));
    expect(Object.keys(docx).some((name) => name.startsWith('word/media/'))).toBe(true);

    await app.call('settings.clearLogo', {});
    expect(await app.call('settings.logo', {})).toBeNull();
    const after = await app.call('history.forEntity', { entityType: 'settings', entityId: 'settings' });
    expect(after[0]?.changes).toEqual({ logo: ['PNG 120 × 60 px', null] });
  });

  it('accepts a JPEG, which the PDF then carries', async () => {
    const stored = await app.call('settings.setLogo', { data: `data:image/jpeg;base64,${JPEG_16}` });
    expect(stored).toMatchObject({ mime: 'image/jpeg', width: 16, height: 16, data: JPEG_16 });
    const result = await app.call('exports.save', {
      items: [{ document: { kind: 'convocation', meetingId: genre.meetingId }, format: 'pdf' }],
      destination: { kind: 'exports' },
    });
    const pdf = readFileSync(join(result.folder, result.files[0]?.fileName ?? '')).toString('latin1');
    expect(pdf).toContain('/DCTDecode');
    await app.call('settings.clearLogo', {});
  });

  it('refuses a text file renamed .png and a truncated PNG, storing nothing', async () => {
    const text = Buffer.from('Ceci est un texte, pas une image.').toString('base64');
    const truncated = png(50, 50).subarray(0, 60).toString('base64');
    for (const data of [text, truncated]) {
      const error = await app.fail('settings.setLogo', { data });
      expect(error.code).toBe('VALIDATION');
      expect(error.details?.issues?.[0]).toMatchObject({
        path: ['data'],
        key: 'errors.field.logoUnreadable',
      });
    }
    expect(await app.call('settings.logo', {})).toBeNull();
  });
});

describe('where files can go', () => {
  it('offers mounted media first, then the user’s Bureau and Documents, with free space', () => {
    const root = tempFolder();
    const media = join(root, 'media', 'aminata');
    mkdirSync(join(media, 'CLE_DPFG'), { recursive: true });
    mkdirSync(join(media, 'ARCHIVES'), { recursive: true });
    const home = join(root, 'home');
    mkdirSync(join(home, 'Bureau'), { recursive: true });
    mkdirSync(join(home, 'Documents'), { recursive: true });

    const drives = listDestinations({
      platform: 'linux',
      homeDir: home,
      mediaRoots: [media],
      mountPoints: null,
    });
    expect(drives.map((d) => [d.label, d.removable])).toEqual([
      ['ARCHIVES', true],
      ['CLE_DPFG', true],
      ['Bureau', false],
      ['Documents', false],
    ]);
    expect(drives.every((d) => typeof d.free === 'number' && d.free > 0)).toBe(true);

    // Only mounted folders are media: an empty mount point waits for a device.
    const mounted = listDestinations({
      platform: 'linux',
      homeDir: home,
      mediaRoots: [media],
      mountPoints: new Set([join(media, 'CLE_DPFG')]),
    });
    expect(mounted.filter((d) => d.removable).map((d) => d.label)).toEqual(['CLE_DPFG']);
  });

  it('leaves the macOS boot volume out', () => {
    const root = tempFolder();
    const volumes = join(root, 'Volumes');
    mkdirSync(join(volumes, 'CLE'), { recursive: true });
    symlinkSync('/', join(volumes, 'Macintosh HD'));
    const drives = listDestinations({
      platform: 'darwin',
      homeDir: join(root, 'nowhere'),
      volumesRoot: volumes,
    });
    expect(drives.map((d) => d.label)).toEqual(['CLE']);
  });

  it('answers through the router', async () => {
    const drives = await app.call('exports.destinations', {});
    expect(Array.isArray(drives)).toBe(true);
    for (const d of drives) expect(existsSync(d.path) && statSync(d.path).isDirectory()).toBe(true);
  });
});
