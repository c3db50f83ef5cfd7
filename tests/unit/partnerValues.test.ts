import { describe, expect, it } from 'vitest';
import {
  cleanText,
  parseCount,
  parseDate,
  parseNumber,
  splitOrganisations,
} from '../../shared/partners/values';

describe('parseDate', () => {
  it.each([
    ['2024-03-12', '2024-03-12'],
    ['2024-03-12T00:00:00', '2024-03-12'],
    ['2024-03-12T10:30:00.000Z', '2024-03-12'],
    ['2024-3-5', '2024-03-05'],
    ['12/03/2024', '2024-03-12'],
    ['5/3/2024', '2024-03-05'],
    ['12-03-2024', '2024-03-12'],
    ['12.03.2024', '2024-03-12'],
    ['12/03/24', '2024-03-12'],
    ['12/03/2024 00:00:00', '2024-03-12'],
    ['2024/03/12', '2024-03-12'],
    ['45363', '2024-03-12'],
    ['45363.5', '2024-03-12'],
    ['1', '1900-01-01'],
    ['59', '1900-02-28'],
    ['61', '1900-03-01'],
    ['2958465', '9999-12-31'],
    ['12 mars 2024', '2024-03-12'],
    ['mars 2024', '2024-03-01'],
    ['Mars 2024', '2024-03-01'],
    ['1er avril 2024', '2024-04-01'],
    ['1 février 2024', '2024-02-01'],
    ['févr. 2024', '2024-02-01'],
    ['15 août 2023', '2023-08-15'],
    ['décembre 2023', '2023-12-01'],
    ['March 12, 2024', '2024-03-12'],
    ['12 March 2024', '2024-03-12'],
    ['Jan 2025', '2025-01-01'],
    ['29/02/2024', '2024-02-29'],
    ['  12/03/2024  ', '2024-03-12'],
  ])('%s → %s', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it.each([
    '',
    '31/02/2024',
    '29/02/2023',
    '32/01/2024',
    '12/13/2024',
    '2024-02-30',
    '60',
    '0',
    '2958466',
    '-5',
    '45362abc',
    'bientôt',
    'T1 2024',
    '13 brumaire 2024',
    'mars',
    'n/a',
  ])('%s → null', (text) => {
    expect(parseDate(text)).toBeNull();
  });
});

describe('parseNumber', () => {
  it.each([
    ['1234', 1234],
    ['1234.5', 1234.5],
    ['1234,5', 1234.5],
    ['12,5', 12.5],
    ['1 234,5', 1234.5],
    ['1\u00a0234,5', 1234.5],
    ['1\u202f234,5', 1234.5],
    ['1.234,5', 1234.5],
    ['1,234.5', 1234.5],
    ['1.234.567', 1234567],
    ['1,234,567', 1234567],
    ['1 234 567', 1234567],
    ['1.234.567,89', 1234567.89],
    ['12 000 FCFA', 12000],
    ['FCFA 12 000', 12000],
    ['12 000 F CFA', 12000],
    ['$1,500', 1500],
    ['1 500 $', 1500],
    ['2 500 000 XOF', 2500000],
    ['45 %', 45],
    ['45%', 45],
    ['-12,5', -12.5],
    ['0', 0],
    ['0.5', 0.5],
    ['1.5e3', 1500],
    // Ambiguous single comma: three digits after it, 1–3 digits before, nothing else → thousands.
    ['1,234', 1234],
    ['12,345', 12345],
    ['999,999', 999999],
    // … otherwise decimal (French).
    ['0,125', 0.125],
    ['1234,567', 1234.567],
    ['1,23', 1.23],
    ['1,2345', 1.2345],
    ['1 234,567', 1234.567],
    // A single dot is decimal: numeric cells come from the reader as "1.234".
    ['1.234', 1.234],
  ])('%s → %s', (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  it.each([
    '',
    '-',
    '—',
    'n/a',
    'N/A',
    'ND',
    'nd',
    'NC',
    'abc',
    '12 34',
    '1,23,4',
    '1.2.3',
    '1 2345',
    'douze',
    '1,2,3,4',
  ])('%s → null', (text) => {
    expect(parseNumber(text)).toBeNull();
  });
});

describe('parseCount', () => {
  it.each([
    ['1200', 1200],
    ['1 200', 1200],
    ['1\u00a0200', 1200],
    ['1,200', 1200],
    ['1.200', 1200],
    ['1.234.567', 1234567],
    ['0', 0],
    ['350 personnes', 350],
  ])('%s → %s', (text, value) => {
    expect(parseCount(text)).toBe(value);
  });

  it.each(['12,5', '12.5', '-3', '', '-', 'ND', 'beaucoup'])('%s → null', (text) => {
    expect(parseCount(text)).toBeNull();
  });
});

describe('splitOrganisations', () => {
  it.each([
    ['ACF', ['ACF']],
    ['ACF | IRC', ['ACF', 'IRC']],
    ['ACF|IRC|NRC', ['ACF', 'IRC', 'NRC']],
    ['ACF; IRC', ['ACF', 'IRC']],
    ['ACF, IRC, NRC', ['ACF', 'IRC', 'NRC']],
    ['ACF-E, MdM', ['ACF-E', 'MdM']],
    ['Action contre la Faim, Espagne', ['Action contre la Faim, Espagne']],
    ['Save the Children, ACF', ['Save the Children, ACF']],
    ['ACF / IRC', ['ACF', 'IRC']],
    ['Croix-Rouge / Croissant-Rouge', ['Croix-Rouge / Croissant-Rouge']],
    ['Action contre la Faim | Save the Children', ['Action contre la Faim', 'Save the Children']],
    ['ACF | acf | ACF', ['ACF']],
    ['Médecins du Monde ; medecins du monde', ['Médecins du Monde']],
    [' | ACF ||  ; ', ['ACF']],
    ['ACF\nIRC', ['ACF', 'IRC']],
    ['', []],
    ['  ', []],
  ])('%j → %j', (text, parts) => {
    expect(splitOrganisations(text)).toEqual(parts);
  });
});

describe('cleanText', () => {
  it.each([
    ['  Gao  ', 'Gao'],
    ['Tin\u00a0\u00a0Hama', 'Tin Hama'],
    ['Tin\u202fHama', 'Tin Hama'],
    ['A\u200bC\u200cF\ufeff', 'ACF'],
    ['ligne 1\n  ligne 2', 'ligne 1 ligne 2'],
    ['Se\u0301gou', 'Ségou'],
  ])('%j → %j', (text, clean) => {
    expect(cleanText(text)).toBe(clean);
  });
});
