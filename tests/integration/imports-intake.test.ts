import { createHash } from 'node:crypto';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  truncateSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { decodeBase64 } from '../../electron/backend/features/imports/intakeHandlers';
import { setRemovableDrivesForTests } from '../../electron/backend/features/imports/removable';
import { readStaged, readStagedSheets, safeFileName } from '../../electron/backend/features/imports/staging';
import { uuidv7 } from '../../shared/domain/ids';
import { utf8WithBom, workbookFile } from '../fixtures/participants/files';
import { startTestApp, type TestApp } from './harness';

// Receiving partner files: staging by upload, from a USB stick, from an email's attachment.

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const MATRIX = workbookFile([
  {
    name: '3W',
    rows: [
      ['Organisation', 'Secteur', 'Région', 'Cercle'],
      ['ACF-E', 'Nutrition', 'Mopti', 'Bandiagara'],
    ],
  },
]);

async function email(attachments: { filename: string; content: Uint8Array }[]): Promise<Uint8Array> {
  const composer = new MailComposer({
    from: 'Awa Traoré <awa@ong.ml>',
    to: 'secretariat@gtgps.ml',
    subject: 'Matrice 3W – trimestre 2',
    date: new Date('2024-07-02T09:00:00Z'),
    text: 'Bonjour, ci-joint notre matrice.',
    attachments: attachments.map((a) => ({ filename: a.filename, content: Buffer.from(a.content) })),
  });
  return new Uint8Array(await composer.compile().build());
}

/** An Outlook .msg (compound file, MS-OXMSG property streams) as a partner's Outlook saves it. */
function outlookMsg(attachments: { fileName: string; bytes: Uint8Array }[]): Uint8Array {
  const cfbLib = XLSX.CFB as {
    utils: { cfb_new(): unknown; cfb_add(cfb: unknown, path: string, content: Uint8Array): void };
    write(cfb: unknown, options: { type: 'buffer' }): Uint8Array;
  };
  const utf16 = (text: string) => new Uint8Array(Buffer.from(`${text}\u0000`, 'utf16le'));
  const cfb = cfbLib.utils.cfb_new();
  cfbLib.utils.cfb_add(cfb, '/__substg1.0_0037001F', utf16('TR: Matrice 3W – trimestre 2'));
  cfbLib.utils.cfb_add(cfb, '/__substg1.0_0C1A001F', utf16('Awa Traoré'));
  cfbLib.utils.cfb_add(cfb, '/__substg1.0_5D01001F', utf16('awa@ong.ml'));
  attachments.forEach((attachment, index) => {
    const folder = `/__attach_version1.0_#${index.toString(16).padStart(8, '0')}`;
    cfbLib.utils.cfb_add(cfb, `${folder}/__substg1.0_37010102`, attachment.bytes);
    cfbLib.utils.cfb_add(cfb, `${folder}/__substg1.0_3707001F`, utf16(attachment.fileName));
  });
  return new Uint8Array(cfbLib.write(cfb, { type: 'buffer' }));
}

let app: TestApp;
let usb: string;

beforeAll(async () => {
  app = await startTestApp();
  usb = mkdtempSync(join(tmpdir(), 'concerto-usb-'));
});
afterEach(() => setRemovableDrivesForTests(null));
afterAll(async () => {
  await app.close();
  rmSync(usb, { recursive: true, force: true });
});

describe('imports.stageUpload', () => {
  it('stages an xlsx with its SHA-256 and says when the same file was imported before', async () => {
    const first = await app.call('imports.stageUpload', {
      fileName: 'matrice 3W.xlsx',
      data: b64(MATRIX),
      source: 'disk',
    });
    expect(first).toMatchObject({
      id: sha(MATRIX),
      sha256: sha(MATRIX),
      fileName: 'matrice 3W.xlsx',
      bytes: MATRIX.length,
      kind: 'spreadsheet',
      source: 'disk',
      previousImports: [],
      email: null,
    });
    const staged = await readStaged(app.backend.context, first.id);
    expect(staged.path).toBe(join(app.dataDir, 'staging', first.sha256, 'matrice 3W.xlsx'));
    expect(new Uint8Array(readFileSync(staged.path))).toEqual(MATRIX);

    // A batch imported from these bytes: the next staging says so.
    const batchId = uuidv7();
    await app.backend.context.db
      .insertInto('import_batches')
      .values({
        id: batchId,
        kind: '3w',
        file_name: 'matrice 3W.xlsx',
        sha256: first.sha256,
        source: 'disk',
        staged_path: null,
        sheet: null,
        header_rows: null,
        mapping: '{}',
        layout_signature: null,
        counts: '{}',
        rejected: '[]',
        organisation_id: null,
        actor: 'Aminata Diallo',
        undone_at: null,
        undone_by: null,
        created_at: '2024-07-03T10:00:00.000Z',
        updated_at: '2024-07-03T10:00:00.000Z',
      })
      .execute();
    const again = await app.call('imports.stageUpload', {
      fileName: 'copie.xlsx',
      data: b64(MATRIX),
      source: 'usb',
    });
    expect(again.id).toBe(first.id);
    expect(again.fileName).toBe('copie.xlsx');
    expect(again.previousImports).toEqual([
      { batchId, at: '2024-07-03T10:00:00.000Z', actor: 'Aminata Diallo', undone: false },
    ]);
    const sheets = await readStagedSheets(app.backend.context, again.id);
    expect(sheets.sheets[0]?.rows[1]).toEqual(['ACF-E', 'Nutrition', 'Mopti', 'Bandiagara']);
    // Cached: the same object comes back without a new parse.
    expect(await readStagedSheets(app.backend.context, again.id)).toBe(sheets);
  });

  it('stages a CSV and cleans hostile names', async () => {
    const csv = utf8WithBom('Organisation;Région\r\nPlan International;Ségou\r\n');
    const staged = await app.call('imports.stageUpload', {
      fileName: '../../..\\C:\\evil\\3W\u0000 juin.csv',
      data: b64(csv),
      source: 'disk',
    });
    expect(staged.fileName).toBe('3W juin.csv');
    expect(staged.kind).toBe('spreadsheet');
    const sheets = await readStagedSheets(app.backend.context, staged.id);
    expect(sheets.format).toBe('csv');
    expect(sheets.sheets[0]?.rows).toEqual([
      ['Organisation', 'Région'],
      ['Plan International', 'Ségou'],
    ]);
    expect(safeFileName('../../x.xlsx')).toBe('x.xlsx');
    expect(safeFileName('C:\\evil\\x.xlsx')).toBe('x.xlsx');
    expect(safeFileName(`${'a'.repeat(300)}.xlsx`)).toBe(`${'a'.repeat(115)}.xlsx`);
    expect(safeFileName('CON.xlsx')).toBe('_CON.xlsx');
  });

  it('refuses invalid base64, and unknown or malformed staging ids', async () => {
    const bad = await app.fail('imports.stageUpload', {
      fileName: 'x.xlsx',
      data: 'abc$%^==',
      source: 'disk',
    });
    expect(bad).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('base64 invalide') });
    expect(() => decodeBase64('QUJD')).not.toThrow();
    for (const stagedId of ['0'.repeat(64), '../../etc/passwd', `${'A'.repeat(64)}`]) {
      expect(
        await app.fail('imports.stageAttachment', { stagedId: stagedId.slice(0, 100), index: 0 }),
      ).toMatchObject({
        code: 'NOT_FOUND',
        message: expect.stringContaining('zone de préparation'),
      });
    }
  });
});

describe('emails', () => {
  it('lists the attachments with clean names and stages them byte for byte', async () => {
    const csv = utf8WithBom('Organisation;Région\r\nIRC;Gao\r\n');
    const eml = await email([
      { filename: 'matrice.xlsx', content: MATRIX },
      { filename: '../../x.xlsx', content: MATRIX },
      { filename: 'C:\\evil\\liste.csv', content: csv },
      { filename: 'photo.png', content: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]) },
    ]);
    // Named .txt on purpose: the content says it is a message.
    const staged = await app.call('imports.stageUpload', {
      fileName: 'message.txt',
      data: b64(eml),
      source: 'email',
    });
    expect(staged.kind).toBe('email');
    expect(staged.email).toMatchObject({
      subject: 'Matrice 3W – trimestre 2',
      from: expect.stringContaining('awa@ong.ml'),
      date: '2024-07-02T09:00:00.000Z',
    });
    expect(staged.email?.attachments).toEqual([
      { index: 0, fileName: 'matrice.xlsx', bytes: MATRIX.length, spreadsheet: true },
      { index: 1, fileName: 'x.xlsx', bytes: MATRIX.length, spreadsheet: true },
      { index: 2, fileName: 'liste.csv', bytes: csv.length, spreadsheet: true },
      { index: 3, fileName: 'photo.png', bytes: 7, spreadsheet: false },
    ]);
    const attachment = await app.call('imports.stageAttachment', { stagedId: staged.id, index: 1 });
    expect(attachment).toMatchObject({
      fileName: 'x.xlsx',
      source: 'email',
      kind: 'spreadsheet',
      sha256: sha(MATRIX),
    });
    expect((await readStaged(app.backend.context, attachment.id)).bytes).toEqual(MATRIX);
    // Nothing was written outside the staging folder by the hostile name.
    await expect(readStaged(app.backend.context, attachment.id)).resolves.toMatchObject({
      path: join(app.dataDir, 'staging', sha(MATRIX), 'x.xlsx'),
    });
    const csvStaged = await app.call('imports.stageAttachment', { stagedId: staged.id, index: 2 });
    expect((await readStagedSheets(app.backend.context, csvStaged.id)).sheets[0]?.rows[1]).toEqual([
      'IRC',
      'Gao',
    ]);
    expect(await app.fail('imports.stageAttachment', { stagedId: staged.id, index: 9 })).toMatchObject({
      code: 'NOT_FOUND',
      message: 'Le message « message.txt » n’a pas de pièce jointe n° 10.',
    });
    await expect(readStagedSheets(app.backend.context, staged.id)).rejects.toMatchObject({
      code: 'IMPORT_FORMAT',
      message: '« message.txt » est un message : choisissez la pièce jointe (tableur) à importer.',
    });
  });

  it('opens an Outlook .msg like an .eml: attachments listed, the spreadsheet staged', async () => {
    const pdf = new Uint8Array(Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1'));
    const msg = outlookMsg([
      { fileName: '..\\matrice T2.xlsx', bytes: MATRIX },
      { fileName: 'rapport.pdf', bytes: pdf },
    ]);
    const staged = await app.call('imports.stageUpload', {
      fileName: 'TR Matrice 3W.msg',
      data: b64(msg),
      source: 'email',
    });
    expect(staged).toMatchObject({ kind: 'email', fileName: 'TR Matrice 3W.msg', sha256: sha(msg) });
    expect(staged.email).toEqual({
      subject: 'TR: Matrice 3W – trimestre 2',
      from: 'Awa Traoré <awa@ong.ml>',
      date: null,
      attachments: [
        { index: 0, fileName: 'matrice T2.xlsx', bytes: MATRIX.length, spreadsheet: true },
        { index: 1, fileName: 'rapport.pdf', bytes: pdf.length, spreadsheet: false },
      ],
    });
    const attachment = await app.call('imports.stageAttachment', { stagedId: staged.id, index: 0 });
    expect(attachment).toMatchObject({
      fileName: 'matrice T2.xlsx',
      source: 'email',
      kind: 'spreadsheet',
      sha256: sha(MATRIX),
    });
    expect((await readStaged(app.backend.context, attachment.id)).bytes).toEqual(MATRIX);
    // A .msg that is not one is refused with a French sentence, and nothing is staged.
    expect(
      await app.fail('imports.stageUpload', {
        fileName: 'faux.msg',
        data: b64(msg.subarray(0, 700)),
        source: 'email',
      }),
    ).toMatchObject({
      code: 'IMPORT_FORMAT',
      message: expect.stringContaining('« faux.msg » est illisible'),
    });
  });

  it('says clearly that a message has no attachment', async () => {
    const eml = await email([]);
    const staged = await app.call('imports.stageUpload', {
      fileName: 'relance.eml',
      data: b64(eml),
      source: 'email',
    });
    expect(staged.kind).toBe('email');
    expect(staged.email?.attachments).toEqual([]);
    expect(await app.fail('imports.stageAttachment', { stagedId: staged.id, index: 0 })).toEqual(
      expect.objectContaining({
        code: 'NOT_FOUND',
        message:
          'Le message « relance.eml » n’a aucune pièce jointe : demandez au partenaire de joindre son tableau.',
      }),
    );
    // A spreadsheet has no attachments either.
    const sheet = await app.call('imports.stageUpload', {
      fileName: 'm.xlsx',
      data: b64(MATRIX),
      source: 'disk',
    });
    expect(await app.fail('imports.stageAttachment', { stagedId: sheet.id, index: 0 })).toMatchObject({
      code: 'VALIDATION',
      message: '« m.xlsx » n’est pas un message : il n’a pas de pièce jointe.',
    });
  });
});

describe('USB sticks', () => {
  const drive = () => join(usb, 'KINGSTON');

  beforeAll(() => {
    mkdirSync(join(drive(), 'Partenaires', '2024', 'T2', 'profond'), { recursive: true });
    writeFileSync(join(drive(), 'matrice.xlsx'), MATRIX);
    writeFileSync(join(drive(), 'Partenaires', 'notes.docx'), 'x');
    writeFileSync(join(drive(), 'Partenaires', '~$matrice.xlsx'), 'lock');
    writeFileSync(join(drive(), 'Partenaires', '2024', 'liste.csv'), 'a;b\r\n1;2\r\n');
    writeFileSync(
      join(drive(), 'Partenaires', '2024', 'T2', 'message.eml'),
      'Subject: x\r\nFrom: a@b\r\n\r\nok',
    );
    // Depth 4: beyond the scan.
    writeFileSync(join(drive(), 'Partenaires', '2024', 'T2', 'profond', 'cache.xlsx'), MATRIX);
    utimesSync(join(drive(), 'matrice.xlsx'), new Date('2024-01-01'), new Date('2024-01-01'));
    utimesSync(
      join(drive(), 'Partenaires', '2024', 'liste.csv'),
      new Date('2024-06-01'),
      new Date('2024-06-01'),
    );
    // A link out of the drive is never followed.
    const outside = mkdtempSync(join(tmpdir(), 'concerto-outside-'));
    writeFileSync(join(outside, 'secret.xlsx'), MATRIX);
    symlinkSync(outside, join(drive(), 'lien'));
    symlinkSync(join(outside, 'secret.xlsx'), join(drive(), 'raccourci.xlsx'));
  });

  it('lists recent spreadsheets and emails on the removable drives, newest first', async () => {
    setRemovableDrivesForTests([{ path: drive(), label: 'KINGSTON (E:)' }]);
    const files = await app.call('imports.removableFiles', {});
    expect(files.map((f) => f.fileName)).toEqual(['message.eml', 'liste.csv', 'matrice.xlsx']);
    expect(files[2]).toMatchObject({
      path: join(drive(), 'matrice.xlsx'),
      bytes: MATRIX.length,
      drive: 'KINGSTON (E:)',
      modifiedAt: '2024-01-01T00:00:00.000Z',
    });
    setRemovableDrivesForTests([]);
    expect(await app.call('imports.removableFiles', {})).toEqual([]);
  });

  it('stages a listed file and refuses anything else', async () => {
    setRemovableDrivesForTests([{ path: drive(), label: 'KINGSTON (E:)' }]);
    const staged = await app.call('imports.stagePath', { path: join(drive(), 'matrice.xlsx') });
    expect(staged).toMatchObject({ source: 'usb', fileName: 'matrice.xlsx', sha256: sha(MATRIX) });

    const refusal = async (path: string) => app.fail('imports.stagePath', { path });
    expect(await refusal('matrice.xlsx')).toMatchObject({
      code: 'VALIDATION',
      message: 'Le chemin du fichier doit être complet (depuis la racine de la clé).',
    });
    mkdirSync(join(drive(), 'dossier.xlsx'), { recursive: true });
    expect(await refusal(join(drive(), 'dossier.xlsx'))).toMatchObject({
      code: 'VALIDATION',
      message: '« dossier.xlsx » n’est pas un fichier.',
    });
    expect(await refusal(join(drive(), 'Partenaires', 'notes.docx'))).toMatchObject({
      code: 'VALIDATION',
      message:
        'Le fichier « notes.docx » n’est ni un tableur (xlsx, xls, ods, csv) ni un message (.eml, .msg).',
    });
    const elsewhere = mkdtempSync(join(tmpdir(), 'concerto-disk-'));
    writeFileSync(join(elsewhere, 'matrice.xlsx'), MATRIX);
    expect(await refusal(join(elsewhere, 'matrice.xlsx'))).toMatchObject({
      code: 'VALIDATION',
      message: 'Le fichier « matrice.xlsx » n’est pas sur une clé USB ou un disque amovible branché.',
    });
    // Through a link on the stick, still outside it.
    expect(await refusal(join(drive(), 'raccourci.xlsx'))).toMatchObject({
      code: 'VALIDATION',
      message: 'Le fichier « raccourci.xlsx » n’est pas sur une clé USB ou un disque amovible branché.',
    });
    expect(await refusal(join(drive(), 'absent.xlsx'))).toMatchObject({
      code: 'NOT_FOUND',
      message: 'Le fichier « absent.xlsx » est introuvable : la clé a peut-être été retirée.',
    });
    rmSync(elsewhere, { recursive: true, force: true });
  });

  it('refuses a 4 GB file without reading it', async () => {
    setRemovableDrivesForTests([{ path: drive(), label: 'KINGSTON (E:)' }]);
    const huge = join(drive(), 'enorme.xlsx');
    writeFileSync(huge, '');
    truncateSync(huge, 4 * 1024 ** 3); // sparse: no disk space used, nothing to read
    const started = performance.now();
    expect(await app.fail('imports.stagePath', { path: huge })).toMatchObject({
      code: 'VALIDATION',
      message: 'Le fichier « enorme.xlsx » est trop volumineux : 30 Mo au maximum.',
    });
    expect(performance.now() - started).toBeLessThan(1000);
    rmSync(huge);
  });
});
