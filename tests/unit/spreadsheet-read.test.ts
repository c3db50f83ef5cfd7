import { describe, expect, it } from 'vitest';
import { AppError } from '../../electron/backend/errors';
import { columnLetter, readSpreadsheet } from '../../electron/backend/spreadsheets';
import { parseSpreadsheet } from '../../electron/backend/spreadsheets/parse';
import { decodeText, detectSeparator, parseCsv } from '../../electron/backend/spreadsheets/text';
import { packSpreadsheet, unpackSpreadsheet } from '../../electron/backend/spreadsheets/transfer';
import {
  DEFAULT_SPREADSHEET_LIMITS,
  type SpreadsheetData,
  SpreadsheetFormatError,
} from '../../electron/backend/spreadsheets/types';
import {
  docxFile,
  pngFile,
  randomBytes,
  utf8WithBom,
  utf16be,
  utf16le,
  windows1252,
  workbookFile,
  zipFile,
} from '../fixtures/participants/files';

const limits = DEFAULT_SPREADSHEET_LIMITS;
const parse = (bytes: Uint8Array, name = 'participants.xlsx', overrides = {}) =>
  parseSpreadsheet(bytes, name, { ...limits, ...overrides });
const refusal = async (bytes: Uint8Array, name: string, overrides = {}) => {
  try {
    await parse(bytes, name, overrides);
  } catch (error) {
    if (error instanceof SpreadsheetFormatError) return error.message;
    throw error;
  }
  throw new Error('the file was read');
};
const NOT_A_SPREADSHEET = (name: string) =>
  `Le fichier « ${name} » n’est pas un tableur lisible (xlsx, xls, ods ou csv).`;

const LIST = [
  ['Liste de présence'],
  [],
  ['Nom', 'Structure', 'Sexe'],
  ['Awa Traoré', 'MASM', 'F'],
  ['Sékou Konaté', 'Mairie de Sévaré', 'H'],
];

describe('parseSpreadsheet: workbooks', () => {
  it.each([
    ['xlsx', 'liste.xlsx', 'xlsx'],
    ['biff8', 'liste.xls', 'xls'],
    ['ods', 'liste.ods', 'ods'],
    ['xlml', 'liste.xml', 'other'],
    ['html', 'liste.xls', 'other'],
  ] as const)('reads %s files', async (bookType, name, format) => {
    const data = await parse(workbookFile([{ name: 'Feuil1', rows: LIST }], bookType), name);
    expect(data.format).toBe(format);
    expect(data.sheets[0]?.rows).toEqual([
      ['Liste de présence'],
      [],
      ['Nom', 'Structure', 'Sexe'],
      ['Awa Traoré', 'MASM', 'F'],
      ['Sékou Konaté', 'Mairie de Sévaré', 'H'],
    ]);
  });

  it('recognises the format from the bytes, not the name', async () => {
    const xlsx = workbookFile([{ name: 'Feuil1', rows: LIST }]);
    expect((await parse(xlsx, 'exporté.csv')).format).toBe('xlsx');
  });

  it('keeps cells at their place, flags hidden sheets, writes numbers and dates plainly', async () => {
    const bytes = workbookFile([
      {
        name: 'Participants',
        origin: 'C3',
        rows: [
          ['Nom', 'Montant', 'Date', 'Présent'],
          ['  Awa  ', 1500.5, new Date(Date.UTC(2026, 2, 12)), true],
        ],
      },
      { name: 'Listes', rows: [['F'], ['H']], hidden: true },
    ]);
    const data = await parse(bytes);
    expect(data.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['Participants', false],
      ['Listes', true],
    ]);
    expect(data.sheets[0]?.rows).toEqual([
      [],
      [],
      ['', '', 'Nom', 'Montant', 'Date', 'Présent'],
      ['', '', 'Awa', '1500.5', '2026-03-12', 'TRUE'],
    ]);
  });

  it('refuses files that are not spreadsheets, and empty ones', async () => {
    expect(await refusal(pngFile(), 'photo.png')).toBe(NOT_A_SPREADSHEET('photo.png'));
    expect(await refusal(randomBytes(4096), 'liste.xlsx')).toBe(NOT_A_SPREADSHEET('liste.xlsx'));
    expect(await refusal(docxFile(), 'compte-rendu.docx')).toBe(NOT_A_SPREADSHEET('compte-rendu.docx'));
    expect(await refusal(zipFile({ 'a.txt': 'bonjour' }), 'archive.zip')).toBe(
      NOT_A_SPREADSHEET('archive.zip'),
    );
    expect(await refusal(new TextEncoder().encode('%PDF-1.4\n1 0 obj\n'), 'convocation.pdf')).toBe(
      NOT_A_SPREADSHEET('convocation.pdf'),
    );
    expect(await refusal(new Uint8Array(), 'vide.xlsx')).toBe('Le fichier « vide.xlsx » est vide.');
    expect(await refusal(utf8WithBom(' \r\n\r\n'), 'vide.csv')).toBe('Le fichier « vide.csv » est vide.');
    expect(await refusal(workbookFile([{ name: 'Feuil1', rows: [] }]), 'vierge.xlsx')).toBe(
      'Le fichier « vierge.xlsx » est vide.',
    );
  });

  it('refuses files beyond the limits on bytes, rows and columns', async () => {
    const bytes = workbookFile([{ name: 'Feuil1', rows: LIST }]);
    expect(await refusal(bytes, 'gros.xlsx', { maxBytes: 100 })).toMatch(
      /^Le fichier « gros\.xlsx » est trop volumineux/,
    );
    expect(await refusal(bytes, 'long.xlsx', { maxRows: 4 })).toBe(
      'La feuille « Feuil1 » du fichier « long.xlsx » dépasse 4 lignes : découpez-la en plusieurs fichiers.',
    );
    expect((await parse(bytes, 'juste.xlsx', { maxRows: 5 })).sheets[0]?.rows).toHaveLength(5);
    expect(await refusal(bytes, 'large.xlsx', { maxColumns: 2 })).toBe(
      'La feuille « Feuil1 » du fichier « large.xlsx » dépasse 2 colonnes.',
    );
    expect(DEFAULT_SPREADSHEET_LIMITS).toMatchObject({
      maxBytes: 10 * 1024 * 1024,
      maxRows: 20_000,
      maxColumns: 100,
      timeoutMs: 10_000,
    });
  });
});

describe('parseSpreadsheet: text files', () => {
  it('reads a Windows-1252 CSV with semicolons and keeps decimal commas as text', async () => {
    const csv =
      'Nom;Structure;Montant\r\nSékou Konaté;Mairie de Sévaré;12,5\r\nŒuvre d’Orient;Ségou;1 500,75\r\n';
    const data = await parse(windows1252(csv), 'participants.csv');
    expect(data).toMatchObject({ format: 'csv', encoding: 'windows-1252', separator: ';' });
    expect(data.sheets[0]).toEqual({
      name: 'participants',
      hidden: false,
      rows: [
        ['Nom', 'Structure', 'Montant'],
        ['Sékou Konaté', 'Mairie de Sévaré', '12,5'],
        ['Œuvre d’Orient', 'Ségou', '1 500,75'],
      ],
    });
  });

  it('reads UTF-8 with or without a byte order mark, UTF-16 both ways, and tabs', async () => {
    const text = 'Name,Organisation\n"Traoré, Awa",MASM\n';
    const rows = [
      ['Name', 'Organisation'],
      ['Traoré, Awa', 'MASM'],
    ];
    expect(await parse(utf8WithBom(text), 'a.csv')).toMatchObject({ encoding: 'utf-8', separator: ',' });
    expect((await parse(utf8WithBom(text), 'a.csv')).sheets[0]?.rows).toEqual(rows);
    expect((await parse(new TextEncoder().encode(text), 'a.csv')).sheets[0]?.rows).toEqual(rows);
    const tabbed = 'Nom\tStructure\nAwa Traoré\tMinistère de l’Action sociale\n';
    const tabbedRows = [
      ['Nom', 'Structure'],
      ['Awa Traoré', 'Ministère de l’Action sociale'],
    ];
    expect(await parse(utf16le(tabbed), 'a.txt')).toMatchObject({ encoding: 'utf-16le', separator: '\t' });
    expect((await parse(utf16le(tabbed), 'a.txt')).sheets[0]?.rows).toEqual(tabbedRows);
    expect((await parse(utf16le(tabbed, false), 'a.txt')).sheets[0]?.rows).toEqual(tabbedRows);
    expect(await parse(utf16be(tabbed), 'a.txt')).toMatchObject({ encoding: 'utf-16be' });
    expect((await parse(utf16be(tabbed), 'a.txt')).sheets[0]?.rows).toEqual(tabbedRows);
  });

  it('reads quoted fields with separators, quotes and line breaks, and Excel’s "sep=" line', async () => {
    const csv = 'sep=;\nNom;Observations\n"Diallo; Oumar";"Il a dit ""oui""\nà tout"\nSidibé;\n';
    expect((await parse(utf8WithBom(csv), 'a.csv')).sheets[0]?.rows).toEqual([
      ['Nom', 'Observations'],
      ['Diallo; Oumar', 'Il a dit "oui"\nà tout'],
      ['Sidibé'],
    ]);
  });

  it('refuses text beyond the limits', async () => {
    const many = `Nom\n${Array.from({ length: 10 }, (_, i) => `Personne ${i}`).join('\n')}\n\n\n`;
    expect(await refusal(utf8WithBom(many), 'a.csv', { maxRows: 5 })).toMatch(/dépasse 5 lignes/);
    expect((await parse(utf8WithBom(many), 'a.csv', { maxRows: 11 })).sheets[0]?.rows).toHaveLength(11);
    expect(await refusal(utf8WithBom('a;b;c;d\n'), 'a.csv', { maxColumns: 3 })).toMatch(/dépasse 3 colonnes/);
    // Empty fields past the limit (trailing separators) are not columns.
    expect((await parse(utf8WithBom('a;b;;;;;;\n'), 'a.csv', { maxColumns: 3 })).sheets[0]?.rows).toEqual([
      ['a', 'b'],
    ]);
  });

  it('decodes text and tells it from binary data', async () => {
    expect(decodeText(windows1252('Ségou'))).toEqual({ text: 'Ségou', encoding: 'windows-1252' });
    expect(decodeText(new TextEncoder().encode('Ségou'))).toEqual({ text: 'Ségou', encoding: 'utf-8' });
    expect(decodeText(randomBytes(1000))).toBeNull();
    expect(decodeText(pngFile())).toBeNull();
    expect(decodeText(new Uint8Array([1, 2, 3, 0, 255]))).toBeNull();
    expect(decodeText(new Uint8Array([0x41, 0x3b, 0x42, 0x1a]))).toEqual({
      text: 'A;B\x1a',
      encoding: 'utf-8',
    });
  });

  it('picks the separator that splits the lines consistently', async () => {
    expect(detectSeparator('a;b;c\n1,5;2,25;3\n4;5;6')).toEqual({ separator: ';', skipFirstLine: false });
    expect(detectSeparator('a,b\n"x;y",z')).toEqual({ separator: ',', skipFirstLine: false });
    expect(detectSeparator('a\tb\tc\n1\t2\t3')).toEqual({ separator: '\t', skipFirstLine: false });
    expect(detectSeparator('une seule colonne\nencore')).toEqual({ separator: null, skipFirstLine: false });
    expect(parseCsv('x\r\ny\rz', null, 'a', limits)).toEqual([['x'], ['y'], ['z']]);
  });

  it('names columns as users do', async () => {
    expect([0, 1, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
});

describe('readSpreadsheet: in a worker thread', () => {
  it('reads a workbook off the main thread', async () => {
    const data = await readSpreadsheet(workbookFile([{ name: 'Feuil1', rows: LIST }]), 'liste.xlsx');
    expect(data.format).toBe('xlsx');
    expect(data.sheets[0]?.rows[4]).toEqual(['Sékou Konaté', 'Mairie de Sévaré', 'H']);
  });

  it('hands the sheets over unchanged, each distinct text sent once', async () => {
    const bytes = workbookFile([
      { name: 'Participants', origin: 'B3', rows: [...LIST, ['Awa Traoré', 'MASM', 'F']] },
      { name: 'Vide', rows: [] },
      { name: 'Listes', rows: [['F'], [], ['H']], hidden: true },
    ]);
    expect(await readSpreadsheet(bytes, 'liste.xlsx')).toEqual(await parse(bytes, 'liste.xlsx'));
    // Past 200,000 distinct texts, new ones are sent as they come: still the same sheets.
    const rows = Array.from({ length: 1000 }, (_, r) => Array.from({ length: 250 }, (_, c) => `${r}:${c}`));
    const data: SpreadsheetData = {
      format: 'xlsx',
      encoding: null,
      separator: null,
      sheets: [{ name: 'Grande', hidden: false, rows: [[], ...rows, ['0:0', '', '999:249']] }],
    };
    const { packed, transfer } = packSpreadsheet(data);
    expect(packed.texts.length).toBe(250_002);
    expect(transfer).toHaveLength(2);
    expect(unpackSpreadsheet(packed)).toEqual(data);
  });

  it('leaves the caller its bytes, even a Buffer sharing a pool', async () => {
    // Small Buffers are views of one shared pool: the worker gets a copy of its own.
    const pooled = Buffer.from('Nom;Ville\nKonaté;Sévaré\n', 'utf8');
    const before = Buffer.from(pooled);
    const data = await readSpreadsheet(pooled, 'liste.csv');
    expect(data.sheets[0]?.rows[1]).toEqual(['Konaté', 'Sévaré']);
    expect(pooled.equals(before)).toBe(true);
    const xlsx = Buffer.from(workbookFile([{ name: 'Feuil1', rows: LIST }]));
    await readSpreadsheet(xlsx, 'liste.xlsx');
    expect(xlsx.byteLength).toBeGreaterThan(0);
    expect((await readSpreadsheet(xlsx, 'liste.xlsx')).sheets[0]?.rows[3]).toEqual([
      'Awa Traoré',
      'MASM',
      'F',
    ]);
  });

  it('turns refusals into IMPORT_FORMAT errors with the French message', async () => {
    const refused = (bytes: Uint8Array, name: string, bounds = {}) =>
      readSpreadsheet(bytes, name, bounds).then(
        () => {
          throw new Error('the file was read');
        },
        (error: unknown) => {
          expect(error).toBeInstanceOf(AppError);
          return { code: (error as AppError).code, message: (error as AppError).message };
        },
      );
    expect(await refused(randomBytes(2048), 'liste.xlsx')).toEqual({
      code: 'IMPORT_FORMAT',
      message: NOT_A_SPREADSHEET('liste.xlsx'),
    });
    expect(await refused(new Uint8Array(), 'vide.csv')).toEqual({
      code: 'IMPORT_FORMAT',
      message: 'Le fichier « vide.csv » est vide.',
    });
    const big = await refused(workbookFile([{ name: 'Feuil1', rows: LIST }]), 'liste.xlsx', { maxRows: 2 });
    expect(big.message).toMatch(/dépasse 2 lignes/);
  });

  it('stops a reading that runs past the time limit', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => [`Personne ${i}`, 'Structure', 'F', i]);
    const bytes = workbookFile([{ name: 'Feuil1', rows }]);
    const started = performance.now();
    await expect(readSpreadsheet(bytes, 'lent.xlsx', { timeoutMs: 1 })).rejects.toMatchObject({
      code: 'IMPORT_FORMAT',
      message: 'La lecture du fichier « lent.xlsx » a dépassé 1 seconde : elle a été interrompue.',
    });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('can parse on the calling thread for hosts without workers', async () => {
    const data = await readSpreadsheet(
      windows1252('Nom;Ville\nKonaté;Sévaré\n'),
      'a.csv',
      {},
      { mode: 'inline' },
    );
    expect(data.sheets[0]?.rows).toEqual([
      ['Nom', 'Ville'],
      ['Konaté', 'Sévaré'],
    ]);
  });

  it('can be cancelled', async () => {
    const controller = new AbortController();
    const reading = readSpreadsheet(
      workbookFile([{ name: 'Feuil1', rows: LIST }]),
      'liste.xlsx',
      {},
      {
        signal: controller.signal,
      },
    );
    controller.abort(new Error('annulé'));
    await expect(reading).rejects.toThrow('annulé');
  });
});
