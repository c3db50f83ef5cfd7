import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { isDateFormat, serialDateText } from '../../electron/backend/spreadsheets/dates';
import { parseSpreadsheet } from '../../electron/backend/spreadsheets/parse';
import { cellText, readWithSheetJs } from '../../electron/backend/spreadsheets/sheetjs';
import type { SpreadsheetData, SpreadsheetLimits } from '../../electron/backend/spreadsheets/types';
import {
  DEFAULT_SPREADSHEET_LIMITS,
  SpreadsheetFormatError,
} from '../../electron/backend/spreadsheets/types';
import { readXlsxStreaming } from '../../electron/backend/spreadsheets/xlsxStream';
import { XmlScanner } from '../../electron/backend/spreadsheets/xml';
import { zipEntries } from '../../electron/backend/spreadsheets/zip';

// The streaming xlsx reader must give exactly what the SheetJS path gives (SheetJS stays the
// reference for xls and ods, and for the xlsx files the streaming reader leaves to it). Every
// workbook here is written by SheetJS, then, for what its writer never produces (rich text,
// phonetic runs, character references, cells without references, ISO date cells…), edited
// part by part as Excel or LibreOffice would have written it.

const NAME = 'matrice.xlsx';
const LIMITS: SpreadsheetLimits = { ...DEFAULT_SPREADSHEET_LIMITS, maxRows: 60_000, maxColumns: 200 };

type Outcome = { data: SpreadsheetData | null } | { refusal: string };

async function outcome(
  read: () => Promise<SpreadsheetData | null> | SpreadsheetData | null,
): Promise<Outcome> {
  try {
    return { data: await read() };
  } catch (error) {
    if (error instanceof SpreadsheetFormatError) return { refusal: error.message };
    throw error;
  }
}

/** Both readers on the same bytes; the streaming one must not have handed the file over. */
async function expectSameAsSheetJs(bytes: Uint8Array, limits: SpreadsheetLimits = LIMITS): Promise<Outcome> {
  const streamed = await outcome(() => readXlsxStreaming(bytes, zipEntries(bytes, NAME), NAME, limits));
  const reference = await outcome(() => readWithSheetJs(bytes, NAME, limits));
  expect(streamed).not.toEqual({ data: null });
  expect(streamed).toEqual(reference);
  return streamed;
}

const rowsOf = (result: Outcome, sheet = 0) =>
  'data' in result ? result.data?.sheets[sheet]?.rows : `refused: ${result.refusal}`;

interface SheetSpec {
  name: string;
  sheet: XLSX.WorkSheet;
  hidden?: 0 | 1 | 2;
}

function write(
  sheets: SheetSpec[],
  options: { sst?: boolean; compression?: boolean; date1904?: boolean } = {},
): Uint8Array {
  const book = XLSX.utils.book_new();
  for (const { name, sheet } of sheets) XLSX.utils.book_append_sheet(book, sheet, name);
  book.Workbook = {
    Sheets: sheets.map((s) => ({ name: s.name, Hidden: s.hidden ?? 0 })),
    WBProps: { date1904: options.date1904 ?? false },
  };
  return new Uint8Array(
    XLSX.write(book, {
      type: 'buffer',
      bookType: 'xlsx',
      bookSST: options.sst ?? true,
      compression: options.compression ?? true,
    }) as Buffer,
  );
}

/** Rewrites parts of an xlsx (as text) and zips it again, deflated. */
function edit(bytes: Uint8Array, edits: Record<string, (xml: string) => string>): Uint8Array {
  const files = unzipSync(bytes);
  for (const [path, change] of Object.entries(edits)) {
    const part = files[path];
    if (!part) throw new Error(`no part ${path}`);
    const before = strFromU8(part);
    const after = change(before);
    if (after === before) throw new Error(`edit of ${path} changed nothing`);
    files[path] = strToU8(after);
  }
  return zipSync(files, { level: 6 });
}

/** Mulberry32, seeded: the same values at every run. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('streaming xlsx reader: same texts as SheetJS', () => {
  const mixed = () =>
    XLSX.utils.aoa_to_sheet([
      ['Organisation', 'Montant', 'Présent', 'Erreur', 'Vide', 'Note'],
      ['  Action contre la Faim  ', 1500.5, true, { t: 'e', v: 0x07 }, null, 'A & B <C> "D" \'E\''],
      ['Œuvre d’Orient — Sévaré 😀', -0.000001, false, { t: 'e', v: 0x2a }, '', 'ligne 1\r\nligne 2'],
      ['Très long', 1e21, 123456789012345, 0.1 + 0.2, '   ', { t: 's', v: 'calculé', f: '"calculé"' }],
    ]);

  it.each([
    ['shared strings, deflated', { sst: true, compression: true }],
    ['inline formula strings, stored', { sst: false, compression: false }],
  ])('reads strings, numbers, booleans, errors and blanks (%s)', async (_, options) => {
    const result = await expectSameAsSheetJs(write([{ name: '3W', sheet: mixed() }], options));
    expect(rowsOf(result)).toEqual([
      ['Organisation', 'Montant', 'Présent', 'Erreur', 'Vide', 'Note'],
      ['Action contre la Faim', '1500.5', 'TRUE', '', '', 'A & B <C> "D" \'E\''],
      ['Œuvre d’Orient — Sévaré 😀', '-0.000001', 'FALSE', '', '', 'ligne 1\nligne 2'],
      ['Très long', '1e+21', '123456789012345', '0.30000000000000004', '', 'calculé'],
    ]);
  });

  it('keeps cells at their place across gaps, several sheets, hidden ones and merged headers', async () => {
    const gaps = XLSX.utils.aoa_to_sheet([]);
    XLSX.utils.sheet_add_aoa(gaps, [['Cercle', null, null, 'Commune']], { origin: 'C3' });
    XLSX.utils.sheet_add_aoa(gaps, [['Bandiagara', null, null, 'Sangha']], { origin: 'C7' });
    XLSX.utils.sheet_add_aoa(gaps, [['fin']], { origin: 'AB40' });
    const merged = XLSX.utils.aoa_to_sheet([
      ['Organisation', 'Bénéficiaires', null, 'Lieu'],
      [null, 'Femmes', 'Hommes', null],
      ['ACF', 120, 80, 'Mopti'],
    ]);
    merged['!merges'] = ['B1:C1', 'A1:A2', 'D1:D2'].map((r) => XLSX.utils.decode_range(r));
    const bytes = write([
      { name: 'Suivi & évaluation d’Oxfam', sheet: XLSX.utils.aoa_to_sheet([['Une ligne par activité']]) },
      { name: 'Trous', sheet: gaps },
      { name: 'Fusion', sheet: merged },
      { name: 'Listes', sheet: XLSX.utils.aoa_to_sheet([['F'], ['H']]), hidden: 1 },
      { name: 'Cachée', sheet: XLSX.utils.aoa_to_sheet([['x']]), hidden: 2 },
      { name: 'Vide', sheet: XLSX.utils.aoa_to_sheet([]) },
    ]);
    const result = await expectSameAsSheetJs(bytes);
    if (!('data' in result) || !result.data) throw new Error('not read');
    expect(result.data.sheets.map((s) => [s.name, s.hidden, s.rows.length])).toEqual([
      ['Suivi & évaluation d’Oxfam', false, 1],
      ['Trous', false, 40],
      ['Fusion', false, 3],
      ['Listes', true, 2],
      ['Cachée', true, 1],
      ['Vide', false, 0],
    ]);
    expect(result.data.sheets[1]?.rows[6]).toEqual(['', '', 'Bandiagara', '', '', 'Sangha']);
    expect(result.data.sheets[2]?.rows[1]).toEqual(['', 'Femmes', 'Hommes']);
  });

  it.each([false, true])('writes dates of every format as ISO text (1904 workbook: %s)', async (date1904) => {
    const random = prng(date1904 ? 1904 : 1900);
    const formats = [
      'yyyy-mm-dd',
      'dd/mm/yyyy',
      'd mmmm yyyy',
      'dd/mm/yyyy hh:mm',
      'h:mm',
      '[h]:mm:ss',
      'mm:ss.0',
      '[$-40C]dddd d mmmm yyyy',
      'General',
      '0.00',
      '#,##0 "jours"',
      '"Semaine "0',
      '[Red]0;[Blue]-0',
      '@',
      '0%',
    ];
    const rows: XLSX.CellObject[][] = [];
    for (let i = 0; i < 600; i++) {
      const serial =
        i < 8
          ? [0, 0.5, 1, 59, 60, 61, 2958465, 2958466][i]
          : Math.round(random() * 60_000 * 86_400) / 86_400;
      rows.push(
        formats.map((z, k) => ({
          t: 'n',
          v: k % 2 === 0 ? (serial ?? 0) : (serial ?? 0) + random(),
          z,
        })),
      );
    }
    const sheet = XLSX.utils.aoa_to_sheet(rows);
    const result = await expectSameAsSheetJs(write([{ name: 'Dates', sheet }], { date1904 }));
    // Serial 60 is the 29 February 1900 Excel believes in; 1904-based workbooks count from 1904.
    expect(rowsOf(result)?.[4]?.[0]).toBe(date1904 ? '1904-03-01' : '1900-02-29');
  });

  it('reads ISO date cells (t="d"), cells and rows without references, and stray types', async () => {
    const sheet = XLSX.utils.aoa_to_sheet([
      ['Début', 'Fin', 'Heure', 'Texte'],
      [1, 2, 3, 4],
      [5, 6, 7, 8],
    ]);
    sheet.A2 = { t: 'n', v: 1, z: 'yyyy-mm-dd' };
    const bytes = edit(write([{ name: 'Feuil1', sheet }]), {
      'xl/worksheets/sheet1.xml': (xml) =>
        xml
          .replace('<c r="A2" s="1"><v>1</v></c>', '<c r="A2" s="1" t="d"><v>2024-03-12</v></c>')
          .replace('<c r="B2"><v>2</v></c>', '<c r="B2" t="d"><v>2024-03-12T09:30:00</v></c>')
          .replace('<c r="C2"><v>3</v></c>', '<c r="C2" t="d" s="1"><v>10:15</v></c>')
          .replace('<c r="D2"><v>4</v></c>', '<c r="D2" t="x-inconnu"><v>brut</v></c>')
          .replace('<row r="3">', '<row>')
          .replace('<c r="A3"><v>5</v></c><c r="B3"><v>6</v></c>', '<c><v>5</v></c><c t="b"/>')
          .replace('<c r="C3"><v>7</v></c>', '<c r="C3" t="str"/><c r="C3" t="n"><v>  7.50 </v></c>'),
    });
    const result = await expectSameAsSheetJs(bytes);
    expect(rowsOf(result)).toEqual([
      ['Début', 'Fin', 'Heure', 'Texte'],
      ['2024-03-12', '45363.395833333336', '10:15', 'brut'],
      ['5', 'FALSE', '7.5', '8'],
    ]);
  });

  it('joins rich text runs, leaves phonetic runs out, decodes entities and Excel escapes', async () => {
    const sheet = XLSX.utils.aoa_to_sheet([
      ['RICHE', 'CODES', 'SIMPLE'],
      ['INLINE', 'VIDE', 'FIN'],
    ]);
    const bytes = edit(write([{ name: 'Feuil1', sheet }]), {
      'xl/sharedStrings.xml': (xml) =>
        xml
          .replace(
            '<si><t>RICHE</t></si>',
            '<si><r><rPr><b/></rPr><t>Action </t></r><r><t xml:space="preserve">contre </t></r>' +
              '<rPh sb="0" eb="1"><t>アクション</t></rPh><r><t>la Faim</t></r><phoneticPr fontId="1"/></si>',
          )
          .replace(
            '<si><t>CODES</t></si>',
            '<si><t>S&#233;var&#xE9; &amp;amp; _x0041__x000D__x000A_fin &lt;&gt; &quot;&apos; &unknown;</t></si>',
          )
          .replace('<si><t>SIMPLE</t></si>', '<si><t>premier</t><rPh sb="0" eb="1"><t>ignoré</t></rPh></si>'),
      'xl/worksheets/sheet1.xml': (xml) =>
        xml
          .replace(
            '<c r="A2" t="s"><v>3</v></c>',
            '<c r="A2" t="inlineStr"><is><r><t>en </t></r><r><rPr><i/></rPr><t>ligne</t></r></is></c>',
          )
          .replace('<c r="B2" t="s"><v>4</v></c>', '<c r="B2" t="inlineStr"><is><t></t></is></c>'),
    });
    const result = await expectSameAsSheetJs(bytes);
    expect(rowsOf(result)).toEqual([
      ['Action contre la Faim', 'Sévaré &amp; A\nfin <> "\' &unknown;', 'premier'],
      ['en ligne', '', 'FIN'],
    ]);
  });

  it('applies the limits on rows, columns, cell length and sheets with the same messages', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => [`Ligne ${i + 1}`, 'x'.repeat(50), i]);
    const bytes = write([{ name: 'Données', sheet: XLSX.utils.aoa_to_sheet(rows) }]);
    const cut = await expectSameAsSheetJs(bytes, { ...LIMITS, maxCellLength: 10 });
    expect(rowsOf(cut)?.[0]).toEqual(['Ligne 1', 'xxxxxxxxxx', '0']);
    expect(await expectSameAsSheetJs(bytes, { ...LIMITS, maxRows: 29 })).toEqual({
      refusal:
        'La feuille « Données » du fichier « matrice.xlsx » dépasse 29 lignes : découpez-la en plusieurs fichiers.',
    });
    expect(rowsOf(await expectSameAsSheetJs(bytes, { ...LIMITS, maxRows: 30 }))).toHaveLength(30);
    expect(await expectSameAsSheetJs(bytes, { ...LIMITS, maxColumns: 2 })).toEqual({
      refusal: 'La feuille « Données » du fichier « matrice.xlsx » dépasse 2 colonnes.',
    });
    const sheets = Array.from({ length: 4 }, (_, i) => ({
      name: `F${i + 1}`,
      sheet: XLSX.utils.aoa_to_sheet([['Nom']]),
    }));
    expect(await expectSameAsSheetJs(write(sheets), { ...LIMITS, maxSheets: 3 })).toEqual({
      refusal:
        'Le fichier « matrice.xlsx » contient plus de 3 feuilles : gardez seulement celles à importer.',
    });
    const empty = write([{ name: 'Feuil1', sheet: XLSX.utils.aoa_to_sheet([[null, '  '], []]) }]);
    expect(await expectSameAsSheetJs(empty)).toEqual({ refusal: 'Le fichier « matrice.xlsx » est vide.' });
  });

  it('reads the bench-sized layout of a partner file the same way', async () => {
    // Shared strings repeated across rows, dates as serials and as text, as the bench file.
    const random = prng(3);
    const rows: unknown[][] = [['Nom Organisation', 'Cluster', 'Date debut', 'Femmes', 'Budget']];
    for (let i = 0; i < 2000; i++) {
      rows.push([
        `Organisation ${i % 40}`,
        ['Nutrition', 'EHA', 'Santé'][i % 3],
        i % 3 === 0 ? { t: 'n', v: 45_292 + (i % 365), z: 'dd/mm/yyyy' } : `01/0${1 + (i % 9)}/2024`,
        Math.floor(random() * 500),
        `${1000 + i},50`,
      ]);
    }
    const result = await expectSameAsSheetJs(write([{ name: '3W', sheet: XLSX.utils.aoa_to_sheet(rows) }]));
    expect(rowsOf(result)?.[1]?.[2]).toBe('2024-01-01');
  });
});

describe('streaming xlsx reader: what it leaves to SheetJS', () => {
  const rows = [
    ['Nom', 'Date'],
    ['Awa', new Date(Date.UTC(2024, 2, 12))],
  ];
  const book = (bookType: XLSX.BookType) => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Feuil1');
    return new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType }) as Buffer);
  };

  it.each(['ods', 'xlsb'] as const)('hands %s over, and the file is still read', async (bookType) => {
    const bytes = book(bookType);
    expect(readXlsxStreaming(bytes, zipEntries(bytes, NAME), NAME, LIMITS)).toBeNull();
    expect((await parseSpreadsheet(bytes, NAME, LIMITS)).sheets[0]?.rows).toEqual([
      ['Nom', 'Date'],
      ['Awa', '2024-03-12'],
    ]);
  });

  it('hands over markup it does not read (a DTD), and a docx', async () => {
    const withDoctype = edit(book('xlsx'), {
      'xl/worksheets/sheet1.xml': (xml) =>
        xml.replace('<worksheet', '<!DOCTYPE worksheet [<!ENTITY a "b">]><worksheet'),
    });
    expect(readXlsxStreaming(withDoctype, zipEntries(withDoctype, NAME), NAME, LIMITS)).toBeNull();
    expect(await parseSpreadsheet(withDoctype, NAME, LIMITS)).toEqual(
      await readWithSheetJs(withDoctype, NAME, LIMITS),
    );
    const docx = zipSync({
      '[Content_Types].xml': strToU8(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
      'word/document.xml': strToU8('<w:document/>'),
    });
    expect(readXlsxStreaming(docx, zipEntries(docx, NAME), NAME, LIMITS)).toBeNull();
  });
});

describe('pieces of the reader', () => {
  it('scans XML cut anywhere into the same tags and texts', () => {
    const short =
      '<?xml version="1.0" encoding="UTF-8"?>\n<!-- a > comment --><x:root xmlns:x="urn:x" a=\'1>2\' b="it\'s">' +
      '<x:c r="A1" t="s"><v>1 &amp; 2</v></x:c><empty/><t xml:space="preserve">  é&#233;<![CDATA[<raw>&amp;]]>fin</t>';
    // A text longer than the scanner keeps while waiting for '<' (64 K characters).
    const long = `${short}<t>${'long texte &lt; '.repeat(10_000)}</t></x:root>`;
    const events = (xml: string, size: number) => {
      const seen: string[] = [];
      let text = '';
      const flush = () => {
        if (text.trim()) seen.push(`text ${text}`);
        text = '';
      };
      const scanner = new XmlScanner({
        wantsText: true,
        open(name, source, start, end) {
          flush();
          seen.push(`open ${name} ${source.slice(start, end).trim()}`.trim());
        },
        close(name) {
          flush();
          seen.push(`close ${name}`);
        },
        text(piece, literal) {
          text += literal ? `[${piece}]` : piece;
        },
      });
      for (let at = 0; at < xml.length; at += size) scanner.push(xml.slice(at, at + size));
      scanner.end();
      flush();
      return seen;
    };
    const whole = events(`${short}</x:root>`, short.length + 9);
    expect(whole).toEqual([
      'open root xmlns:x="urn:x" a=\'1>2\' b="it\'s"',
      'open c r="A1" t="s"',
      'open v',
      'text 1 &amp; 2',
      'close v',
      'close c',
      'open empty',
      'close empty',
      'open t xml:space="preserve"',
      'text   é&#233;[<raw>&amp;]fin',
      'close t',
      'close root',
    ]);
    for (const size of [1, 2, 3, 7]) expect(events(`${short}</x:root>`, size)).toEqual(whole);
    const longWhole = events(long, long.length);
    expect(longWhole.at(-3)).toBe(`text ${'long texte &lt; '.repeat(10_000)}`);
    for (const size of [1000, 4099, 70_000]) expect(events(long, size)).toEqual(longWhole);
  });

  it('tells date formats as SheetJS does', () => {
    const formats = [
      'General',
      'general',
      '0',
      '0.00',
      '#,##0.00 €',
      '0%',
      '0.00E+00',
      '# ?/?',
      '@',
      'yyyy-mm-dd',
      'dd/mm/yy',
      'h:mm AM/PM',
      'A/P',
      '[h]:mm',
      '[mm]:ss',
      '[Red]0.00',
      '[$-40C]0',
      '"Date "0',
      '"jj/mm"0',
      '\\d0',
      '_d0',
      '0"d"',
      'B1yyyy',
      'ge',
      '*d0',
      '?/?',
      '00\\-00',
      '[<=9999999]###-####;(###) ###-####',
      '上午/下午hh',
      '',
    ];
    for (const format of formats)
      expect([format, isDateFormat(format)]).toEqual([format, XLSX.SSF.is_date(format)]);
  });

  it('writes serial dates as the SheetJS path does', () => {
    const random = prng(7);
    const serials = [
      0, 0.25, 0.99999999, 1, 59, 60, 60.5, 61, 1461, 1462, 2958465, 2958465.99999, -1, 2958466,
    ];
    for (let i = 0; i < 3000; i++) serials.push(random() * 3_000_000, Math.round(random() * 80_000));
    for (const date1904 of [false, true]) {
      for (const serial of serials) {
        const expected = cellText({ t: 'n', v: serial, z: 'yyyy-mm-dd hh:mm' }, date1904);
        expect([serial, serialDateText(serial, date1904) ?? String(serial)]).toEqual([serial, expected]);
      }
    }
  });
});
