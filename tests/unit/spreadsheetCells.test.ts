import { describe, expect, it } from 'vitest';
import {
  DATE_FORMAT,
  dateCell,
  EXCEL_MAX_CELL_TEXT,
  excelDateSerial,
  fitCellText,
  integerCell,
  neutralise,
  numberCell,
  TRUNCATION_MARK,
  textCell,
  yesNoCell,
} from '../../electron/backend/features/exports/spreadsheets/cells';
import { sheetName } from '../../electron/backend/features/exports/spreadsheets/workbook';

describe('neutralise', () => {
  it.each([
    ['=HYPERLINK("http://evil","x")', '\'=HYPERLINK("http://evil","x")'],
    ['+cmd', "'+cmd"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['=', "'="],
  ])('neutralises %j', (value, expected) => {
    expect(neutralise(value)).toBe(expected);
  });

  it.each([
    ['Mettre en place le comité'],
    [''],
    [' =1+1'],
    ['a=b'],
    ['1-2'],
    ["'déjà cité"],
    ['\nx'],
    ['😀 émoji'],
    ['التنسيق'],
  ])('leaves %j unchanged', (value) => {
    expect(neutralise(value)).toBe(value);
  });
});

describe('textCell', () => {
  it('makes a string cell, neutralised, never a formula', () => {
    const c = textCell('=1+1');
    expect(c).toEqual({ t: 's', v: "'=1+1" });
    expect(c).not.toHaveProperty('f');
  });

  it('has no cell for nothing', () => {
    expect(textCell(null)).toBeNull();
    expect(textCell(undefined)).toBeNull();
    expect(textCell('')).toBeNull();
  });

  it('keeps emojis and Arabic as they are', () => {
    expect(textCell('Réunion 🎉 — اجتماع')?.v).toBe('Réunion 🎉 — اجتماع');
  });

  it('escapes text that looks like an Excel escape so it comes back as typed', () => {
    expect(textCell('code _x0041_ ici')?.v).toBe('code _x005F_x0041_ ici');
  });

  it('cuts text longer than a cell holds, with a visible mark', () => {
    const long = 'a'.repeat(40_000);
    const v = String(textCell(long)?.v);
    expect(v).toHaveLength(EXCEL_MAX_CELL_TEXT);
    expect(v.endsWith(TRUNCATION_MARK)).toBe(true);
  });

  it('keeps a 30,000-character text whole', () => {
    const text = 'é'.repeat(30_000);
    expect(textCell(text)?.v).toBe(text);
  });

  it('counts the apostrophe of a neutralised value within the limit', () => {
    const v = String(textCell(`=${'x'.repeat(EXCEL_MAX_CELL_TEXT - 1)}`)?.v);
    expect(v).toHaveLength(EXCEL_MAX_CELL_TEXT);
    expect(v.startsWith("'=")).toBe(true);
    expect(v.endsWith(TRUNCATION_MARK)).toBe(true);
  });
});

describe('fitCellText', () => {
  it('never splits an emoji when cutting', () => {
    const text = `${'a'.repeat(EXCEL_MAX_CELL_TEXT - 2)}😀😀`;
    const fitted = fitCellText(text);
    expect(fitted.length).toBeLessThanOrEqual(EXCEL_MAX_CELL_TEXT);
    expect(fitted).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it('replaces lone surrogates, which UTF-8 cannot hold', () => {
    expect(fitCellText('a\ud800b')).toBe('a\ufffdb');
  });
});

describe('number and date cells', () => {
  it.each([
    [42, { t: 'n', v: 42 }],
    [0, { t: 'n', v: 0 }],
    [-3.5, { t: 'n', v: -3.5 }],
  ])('number %d', (value, expected) => {
    expect(numberCell(value)).toEqual(expected);
  });

  it.each([[null], [undefined], [Number.NaN], [Number.POSITIVE_INFINITY]])(
    'no number cell for %s',
    (value) => {
      expect(numberCell(value)).toBeNull();
    },
  );

  it('rounds whole numbers and shows them without decimals', () => {
    expect(integerCell(39.6)).toEqual({ t: 'n', v: 40, z: '0' });
  });

  it.each([
    ['1900-03-01', 61],
    ['2000-01-01', 36526],
    ['2025-03-14', 45730],
    ['2024-02-29', 45351],
  ])('serial of %s is %d', (iso, serial) => {
    expect(excelDateSerial(iso)).toBe(serial);
  });

  it('makes real dates shown as dd/mm/yyyy', () => {
    expect(dateCell('2025-03-14')).toEqual({ t: 'n', v: 45730, z: DATE_FORMAT });
    expect(DATE_FORMAT).toBe('dd/mm/yyyy');
  });

  it('keeps a value that is not a date as text, and nothing for nothing', () => {
    expect(dateCell('bientôt')).toEqual({ t: 's', v: 'bientôt' });
    expect(dateCell('=NOW()')).toEqual({ t: 's', v: "'=NOW()" });
    expect(dateCell(null)).toBeNull();
    expect(dateCell('')).toBeNull();
  });

  it('writes yes/no as French text', () => {
    expect(yesNoCell(true)).toEqual({ t: 's', v: 'Oui' });
    expect(yesNoCell(false)).toEqual({ t: 's', v: 'Non' });
  });
});

describe('sheetName', () => {
  it.each([
    ['GTGPS', 'GTGPS'],
    ['DRDSES/Koulikoro [2025]: *?', 'DRDSES Koulikoro 2025'],
    ["Conseil de cercle d'Ansongo", 'Conseil de cercle d’Ansongo'],
    ['Direction Générale des Affaires Sociales du Borgou', 'Direction Générale des Affaires'],
    ['', 'Feuille'],
    ['History', 'Feuille'],
  ])('%j → %j', (wanted, expected) => {
    const name = sheetName(wanted, new Set());
    expect(name).toBe(expected);
    expect(name.length).toBeLessThanOrEqual(31);
  });

  it('makes names unique, case aside, within 31 characters', () => {
    const taken = new Set(['instructions']);
    expect(sheetName('Instructions', taken)).toBe('Instructions (2)');
    expect(sheetName('PAM', taken)).toBe('PAM');
    expect(sheetName('pam', taken)).toBe('pam (2)');
    expect(sheetName('PAM', taken)).toBe('PAM (3)');
    const long = 'Programme Alimentaire Mondial du Mali';
    expect(sheetName(long, taken)).toBe('Programme Alimentaire Mondial d');
    expect(sheetName(long, taken)).toBe('Programme Alimentaire Mondi (2)');
  });
});
