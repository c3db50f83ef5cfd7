import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { setRemovableDrivesForTests } from '../../electron/backend/features/imports/removable';
import { readStagedSheets, THREE_W_LIMITS } from '../../electron/backend/features/imports/staging';
import { parseSpreadsheet } from '../../electron/backend/spreadsheets/parse';
import { docxFile, workbookFile } from '../fixtures/participants/files';
import { startTestApp, type TestApp } from './harness';

// The hostile corpus, generated here: each file is refused with a French sentence or read
// within the limits, nothing is written to the database, and the backend answers right after.

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  setRemovableDrivesForTests(null);
  await app.close();
});

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

async function stage(fileName: string, bytes: Uint8Array) {
  return app.call('imports.stageUpload', { fileName, data: b64(bytes), source: 'disk' });
}

/** Stages and reads the file; returns the data or the refusal. */
async function read(fileName: string, bytes: Uint8Array) {
  const staged = await stage(fileName, bytes);
  try {
    return { data: await readStagedSheets(app.backend.context, staged.id), error: null };
  } catch (error) {
    return { data: null, error: error as { code: string; message: string } };
  } finally {
    // Still responsive, and nothing written.
    expect(await app.call('imports.removableFiles', {})).toBeInstanceOf(Array);
    const batches = await app.backend.context.db.selectFrom('import_batches').select('id').execute();
    expect(batches).toEqual([]);
  }
}

// ── Hand-made xlsx parts ───────────────────────────────────────────────────

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
  '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const workbookXml = (sheetName: string) =>
  '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
  `<sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>';
const EMPTY_STYLES =
  '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<cellXfs count="1"><xf numFmtId="0"/></cellXfs></styleSheet>';
const str = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

function handXlsx(options: {
  sheetName?: string;
  dimension?: string;
  rows: string;
  styles?: string;
}): Uint8Array {
  const sheet =
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    `<dimension ref="${options.dimension ?? 'A1'}"/><sheetData>${options.rows}</sheetData></worksheet>`;
  return zipSync({
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(RELS),
    'xl/workbook.xml': strToU8(workbookXml(options.sheetName ?? 'Feuil1')),
    'xl/_rels/workbook.xml.rels': strToU8(WORKBOOK_RELS),
    'xl/styles.xml': strToU8(options.styles ?? EMPTY_STYLES),
    'xl/worksheets/sheet1.xml': strToU8(sheet),
  });
}

/** A zip written by hand, so that the directory can lie about sizes. */
interface RawEntry {
  name: string;
  data: Uint8Array;
  method: 0 | 8;
  size: number;
  declaredSize?: number;
  crc?: number;
}

function rawZip(entries: RawEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const declared = entry.declaredSize ?? entry.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(entry.crc ?? 0, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt32LE(entry.crc ?? 0, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(entry.data));
    centrals.push(central, name);
    offset += 30 + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/**
 * A deflate stream of `megabytes` MB of zeros, built by repeating one sync-flushed block of
 * 1 MB (each block refers only to its own output), so that the test never holds the data.
 */
function zerosDeflated(megabytes: number): Uint8Array {
  const block = deflateRawSync(Buffer.alloc(1024 * 1024), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const last = deflateRawSync(Buffer.alloc(0));
  return new Uint8Array(Buffer.concat([...Array.from({ length: megabytes }, () => block), last]));
}

const OTHER_PARTS = () => ({
  '[Content_Types].xml': strToU8(CONTENT_TYPES),
  '_rels/.rels': strToU8(RELS),
  'xl/workbook.xml': strToU8(workbookXml('Feuil1')),
  'xl/_rels/workbook.xml.rels': strToU8(WORKBOOK_RELS),
});

function bombXlsx(lying: boolean): Uint8Array {
  const parts: RawEntry[] = Object.entries(OTHER_PARTS()).map(([name, data]) => ({
    name,
    data: deflateRawSync(data),
    method: 8 as const,
    size: data.length,
    crc: crc32(data),
  }));
  const megabytes = 320;
  const bomb = zerosDeflated(megabytes);
  parts.push({
    name: 'xl/worksheets/sheet1.xml',
    data: bomb,
    method: 8,
    size: megabytes * 1024 * 1024,
    // The lying directory declares 2 KB for 320 MB of zeros.
    ...(lying ? { declaredSize: 2048 } : {}),
    crc: 0,
  });
  return rawZip(parts);
}

// ── The corpus ─────────────────────────────────────────────────────────────

describe('hostile files', () => {
  it('refuses a zip bomb disguised as xlsx from its directory, without inflating it', async () => {
    const bytes = bombXlsx(false);
    expect(bytes.length).toBeLessThan(1024 * 1024);
    const started = performance.now();
    const { error } = await read('matrice.xlsx', bytes);
    expect(error).toMatchObject({
      code: 'IMPORT_FORMAT',
      message:
        'Le fichier « matrice.xlsx » se décompresse en plus de 300 Mo : il est refusé (archive anormale, peut-être piégée).',
    });
    expect(performance.now() - started).toBeLessThan(5000);
    // The check itself (no worker, no staging) takes milliseconds.
    const t = performance.now();
    await expect(parseSpreadsheet(bytes, 'matrice.xlsx', THREE_W_LIMITS)).rejects.toThrow(/se décompresse/);
    expect(performance.now() - t).toBeLessThan(200);
  });

  it('refuses a zip bomb whose directory lies about its sizes, by counting while inflating', async () => {
    const { error } = await read('menteur.xlsx', bombXlsx(true));
    expect(error).toMatchObject({
      code: 'IMPORT_FORMAT',
      message:
        'Le fichier « menteur.xlsx » se décompresse en plus de 300 Mo : il est refusé (archive anormale, peut-être piégée).',
    });
  });

  it('refuses archives with absurd entry names or too many entries', async () => {
    const named = rawZip([
      { name: '../../evil.xml', data: strToU8('x'), method: 0, size: 1 },
      ...Object.entries(OTHER_PARTS()).map(([name, data]) => ({
        name,
        data,
        method: 0 as const,
        size: data.length,
      })),
    ]);
    expect((await read('nom.xlsx', named)).error).toMatchObject({
      code: 'IMPORT_FORMAT',
      message:
        'Le fichier « nom.xlsx » contient un élément au nom invalide : il est refusé (archive anormale).',
    });
    const many = rawZip(
      Array.from({ length: 10_001 }, (_, i) => ({
        name: `x/${i}.xml`,
        data: new Uint8Array(),
        method: 0 as const,
        size: 0,
      })),
    );
    expect((await read('nombreux.xlsx', many)).error).toMatchObject({
      code: 'IMPORT_FORMAT',
      message:
        'Le fichier « nombreux.xlsx » contient plus de 10\u202f000 éléments compressés : il est refusé (archive anormale).',
    });
  });

  it('reads a sheet declaring A1:XFD1048576 from its real cells only', async () => {
    const bytes = handXlsx({
      dimension: 'A1:XFD1048576',
      rows: `<row r="1">${str('A1', 'Organisation')}${str('B1', 'Cercle')}</row><row r="2">${str('A2', 'ACF')}${str('B2', 'Bandiagara')}</row>`,
    });
    const started = performance.now();
    const { data } = await read('immense.xlsx', bytes);
    expect(data?.sheets[0]?.rows).toEqual([
      ['Organisation', 'Cercle'],
      ['ACF', 'Bandiagara'],
    ]);
    expect(performance.now() - started).toBeLessThan(5000);
    // A cell really written in column XFD is beyond the 200 columns: refused clearly.
    const wide = handXlsx({
      dimension: 'A1:XFD1048576',
      rows: `<row r="1">${str('A1', 'Nom')}${str('XFD1', 'x')}</row>`,
    });
    expect((await read('large.xlsx', wide)).error).toMatchObject({
      code: 'IMPORT_FORMAT',
      message: 'La feuille « Feuil1 » du fichier « large.xlsx » dépasse 200 colonnes.',
    });
  });

  it('leaves Object.prototype alone with "__proto__", "constructor" and "prototype" as names and keys', async () => {
    for (const name of ['__proto__', 'constructor', 'prototype']) {
      const bytes = handXlsx({
        sheetName: name,
        rows: `<row r="1">${str('A1', '__proto__')}${str('B1', 'constructor')}${str('C1', 'prototype')}</row><row r="2">${str('A2', '{"__proto__":{"polluted":1}}')}</row>`,
      });
      const { data } = await read(`${name}.xlsx`, bytes);
      expect(data?.sheets.map((s) => s.name)).toEqual([name]);
      expect(data?.sheets[0]?.rows[0]).toEqual(['__proto__', 'constructor', 'prototype']);
      // Same on this thread (the inline parser), where pollution would matter most.
      const inline = await parseSpreadsheet(bytes, `${name}.xlsx`, THREE_W_LIMITS);
      expect(inline.sheets[0]?.name).toBe(name);
    }
    const csv = strToU8('__proto__;constructor;prototype\r\npolluted;toString;valueOf\r\n');
    expect((await read('proto.csv', csv)).data?.sheets[0]?.rows[1]).toEqual([
      'polluted',
      'toString',
      'valueOf',
    ]);
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(typeof Object.prototype.toString).toBe('function');
  });

  it('reads ReDoS-style payloads quickly, cutting cells at 32,767 characters', async () => {
    const long = 'a'.repeat(100_000);
    const started = performance.now();
    // Beyond what Excel (or SheetJS's writer) would ever write: hand-made XML.
    const xlsx = handXlsx({
      rows: `<row r="1">${str('A1', 'Nom')}${str('B1', 'Notes')}</row><row r="2">${str('A2', 'x')}${str('B2', long)}</row><row r="3">${str('A3', 'y')}${str('B3', `${'1,'.repeat(40_000)}!`)}</row>`,
    });
    const { data } = await read('longues.xlsx', xlsx);
    expect(data?.sheets[0]?.rows[1]?.[1]).toHaveLength(32_767);
    expect(data?.sheets[0]?.rows[2]?.[1]).toHaveLength(32_767);

    const csv = strToU8(
      `Nom;Notes\r\nx;"${'"'.repeat(2)}${'é'.repeat(300_000)}"\r\ny;${' \t'.repeat(100_000)}z\r\n`,
    );
    const csvData = (await read('longues.csv', csv)).data;
    expect(csvData?.sheets[0]?.rows[1]?.[1]).toHaveLength(32_767);
    expect(csvData?.sheets[0]?.rows).toHaveLength(3);

    // Pathological number formats (long, nested brackets and quotes) on a numeric cell.
    const formats = ['[', '"', '\\', '0#?'].map(
      (piece, i) =>
        `<numFmt numFmtId="${164 + i}" formatCode="${piece.repeat(5000).replace(/"/g, '&quot;')}"/>`,
    );
    const styles =
      '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      `<numFmts count="4">${formats.join('')}</numFmts><cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/>` +
      '<xf numFmtId="165" applyNumberFormat="1"/><xf numFmtId="166" applyNumberFormat="1"/><xf numFmtId="167" applyNumberFormat="1"/></cellXfs></styleSheet>';
    const numbers = handXlsx({
      styles,
      rows: `<row r="1">${str('A1', 'Budget')}</row><row r="2"><c r="A2" s="1"><v>45000</v></c><c r="B2" s="2"><v>1</v></c><c r="C2" s="3"><v>2</v></c><c r="D2" s="4"><v>3</v></c></row>`,
    });
    const formatted = await read('formats.xlsx', numbers);
    expect(formatted.error?.message ?? null).toBeNull();
    expect(formatted.data?.sheets[0]?.rows[1]).toEqual(['45000', '1', '2', '3']);
    expect(performance.now() - started).toBeLessThan(15_000);
  });

  it('refuses a truncated xlsx as damaged', async () => {
    const full = workbookFile([{ name: 'Feuil1', rows: [['Nom'], ['Awa']] }]);
    const { error } = await read('coupe.xlsx', full.subarray(0, Math.floor(full.length / 2)));
    expect(error).toMatchObject({
      code: 'IMPORT_FORMAT',
      message: 'Le fichier « coupe.xlsx » est incomplet ou endommagé : demandez-en une nouvelle copie.',
    });
  });

  it('refuses a workbook with more sheets than a partner file ever has', async () => {
    const sheets = Array.from({ length: 51 }, (_, i) => ({ name: `F${i + 1}`, rows: [['Nom'], ['Awa']] }));
    const { error } = await read('feuilles.xlsx', workbookFile(sheets));
    expect(error).toMatchObject({
      code: 'IMPORT_FORMAT',
      message:
        'Le fichier « feuilles.xlsx » contient plus de 50 feuilles : gardez seulement celles à importer.',
    });
  });

  it('refuses a password-protected workbook (a CFB with EncryptionInfo)', async () => {
    // What Excel writes for an encrypted xlsx: a compound file with EncryptionInfo and
    // EncryptedPackage streams. The contents are placeholders: the streams' presence is the sign.
    const cfb = XLSX.CFB.utils.cfb_new();
    const info = new Uint8Array(64);
    info.set([0x04, 0x00, 0x04, 0x00, 0x40, 0x00, 0x00, 0x00]); // agile encryption version 4.4
    XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', info);
    XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', new Uint8Array(4096).fill(7));
    const bytes = new Uint8Array(XLSX.CFB.write(cfb, { type: 'buffer' }) as Buffer);
    const { error } = await read('protege.xlsx', bytes);
    expect(error).toMatchObject({
      code: 'IMPORT_FORMAT',
      message:
        'Le fichier « protege.xlsx » est protégé par un mot de passe : enregistrez-le sans mot de passe puis réessayez.',
    });
  });

  it('refuses a .docx renamed .xlsx', async () => {
    expect((await read('matrice.xlsx', docxFile())).error).toMatchObject({
      code: 'IMPORT_FORMAT',
      message: 'Le fichier « matrice.xlsx » n’est pas un tableur lisible (xlsx, xls, ods ou csv).',
    });
  });

  it('refuses an empty sheet, reads a sheet of only headers and merged header cells', async () => {
    expect((await read('vide.xlsx', workbookFile([{ name: 'Feuil1', rows: [] }]))).error).toMatchObject({
      code: 'IMPORT_FORMAT',
      message: 'Le fichier « vide.xlsx » est vide.',
    });
    const headers = await read(
      'entetes.xlsx',
      workbookFile([{ name: '3W', rows: [['Organisation', 'Secteur', 'Cercle']] }]),
    );
    expect(headers.data?.sheets[0]?.rows).toEqual([['Organisation', 'Secteur', 'Cercle']]);

    const sheet = XLSX.utils.aoa_to_sheet([
      ['Organisation', 'Bénéficiaires', null, 'Lieu'],
      [null, 'Femmes', 'Hommes', null],
      ['ACF', 120, 80, 'Mopti'],
    ]);
    sheet['!merges'] = [
      XLSX.utils.decode_range('B1:C1'),
      XLSX.utils.decode_range('A1:A2'),
      XLSX.utils.decode_range('D1:D2'),
    ];
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, '3W');
    const merged = new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    expect((await read('fusion.xlsx', merged)).data?.sheets[0]?.rows).toEqual([
      ['Organisation', 'Bénéficiaires', '', 'Lieu'],
      ['', 'Femmes', 'Hommes'],
      ['ACF', '120', '80', 'Mopti'],
    ]);
  });

  it('refuses a 4 GB file on a stick without reading it', async () => {
    const stick = mkdtempSync(join(tmpdir(), 'concerto-stick-'));
    mkdirSync(join(stick, 'CLE'));
    const huge = join(stick, 'CLE', 'matrice.xlsx');
    writeFileSync(huge, '');
    truncateSync(huge, 4 * 1024 ** 3);
    setRemovableDrivesForTests([{ path: join(stick, 'CLE'), label: 'CLE' }]);
    expect(await app.fail('imports.stagePath', { path: huge })).toMatchObject({
      code: 'VALIDATION',
      message: 'Le fichier « matrice.xlsx » est trop volumineux : 30 Mo au maximum.',
    });
    // Page uploads are bounded by the contract before any decoding.
    expect(
      await app.fail('imports.stageUpload', {
        fileName: 'x.xlsx',
        data: 'A'.repeat(45_000_000),
        source: 'disk',
      }),
    ).toMatchObject({ code: 'VALIDATION' });
    expect(await app.call('imports.removableFiles', {})).toHaveLength(1);
    rmSync(stick, { recursive: true, force: true });
  });
});
