import { describe, expect, it } from 'vitest';
import { compareFr, foldForSearch, normaliseName, sortFr } from '../../shared/domain/text';

describe('foldForSearch', () => {
  it.each([
    ['Ténenkou', 'tenenkou'],
    ['CLOCSAD d’Ansongo', 'clocsad d ansongo'],
    ["CLOCSAD d'Ansongo", 'clocsad d ansongo'],
    ['l‘Office', 'l office'],
    ['Sénégal', 'senegal'],
    ['SÉNÉGAL', 'senegal'],
    ['Ségou', 'segou'],
    ['Kédougou', 'kedougou'],
    ['Ministère de la Santé', 'ministere de la sante'],
    ['Côte d’Ivoire', 'cote d ivoire'],
    ['Tombouctou – Goundam', 'tombouctou goundam'],
    ['Sous-groupe genre', 'sous groupe genre'],
    ['Sous‑groupe', 'sous groupe'], // non-breaking hyphen
    ['mise en œuvre', 'mise en oeuvre'],
    ['MISE EN ŒUVRE', 'mise en oeuvre'],
    ['Lætitia', 'laetitia'],
    ['Æ', 'ae'],
    ['Straße', 'strasse'],
    ['Noël', 'noel'],
    ['Çà et là', 'ca et la'],
    ['S.T.D.', 's t d'],
    ['admin2_pcode', 'admin2 pcode'],
    ['  Tin   Hamma  ', 'tin hamma'],
    ['Tin\tHama\n', 'tin hama'],
    ['Tin\u00a0Hama', 'tin hama'], // no-break space from pasted Word text
    ['Tin\u202fHama', 'tin hama'], // narrow no-break space
    ['- - -', ''],
    ['', ''],
    ['GT-GPS 2025', 'gt gps 2025'],
  ])('%j → %j', (input, expected) => {
    expect(foldForSearch(input)).toBe(expected);
  });

  it('folds composed and decomposed spellings alike', () => {
    const composed = 'S\u00e9gou';
    const decomposed = 'Se\u0301gou';
    expect(foldForSearch(composed)).toBe(foldForSearch(decomposed));
  });

  it('is idempotent', () => {
    for (const s of ['CLOCSAD d’Ansongo', 'Œuvre — Santé', 'A.B_C-D']) {
      expect(foldForSearch(foldForSearch(s))).toBe(foldForSearch(s));
    }
  });
});

describe('compareFr', () => {
  it.each([
    ['a', 'b', -1],
    ['b', 'a', 1],
    ['Ségou', 'segou', 0], // accents and case ignored at base sensitivity
    ['Élevage', 'Environnement', -1], // É sorts with E, not after Z
    ['Zinder', 'Éducation', 1],
    ['Groupe 2', 'Groupe 10', -1], // numeric
    ['Groupe 10', 'Groupe 9', 1],
    ['œuvre', 'ouvrage', -1], // œ sorts as oe
  ])('%j vs %j → sign %i', (a, b, sign) => {
    expect(Math.sign(compareFr(a, b))).toBe(sign);
  });
});

describe('sortFr', () => {
  const rows = [
    { name: 'Zinder' },
    { name: 'Ségou' },
    { name: 'éducation' },
    { name: 'Mopti' },
    { name: 'Abidjan' },
  ];

  it('sorts by the key in French order', () => {
    expect(sortFr(rows, (r) => r.name).map((r) => r.name)).toEqual([
      'Abidjan',
      'éducation',
      'Mopti',
      'Ségou',
      'Zinder',
    ]);
  });

  it('returns a copy and leaves the input alone', () => {
    const sorted = sortFr(rows, (r) => r.name);
    expect(sorted).not.toBe(rows);
    expect(rows[0]?.name).toBe('Zinder');
  });

  it('keeps equal keys in input order (stable)', () => {
    const same = [
      { id: 1, name: 'Segou' },
      { id: 2, name: 'Ségou' },
      { id: 3, name: 'SEGOU' },
    ];
    expect(sortFr(same, (r) => r.name).map((r) => r.id)).toEqual([1, 2, 3]);
  });
});

describe('normaliseName', () => {
  it.each([
    ['  Ministère de la Santé  ', 'Ministère de la Santé'],
    ['Ministère   de\tla\nSanté', 'Ministère de la Santé'],
    ['Tin\u00a0Hama', 'Tin Hama'],
    ['', ''],
    ['   ', ''],
    ['CLOCSAD d’Ansongo', 'CLOCSAD d’Ansongo'], // keeps case, accents and apostrophes
    ['Sous-groupe', 'Sous-groupe'],
  ])('%j → %j', (input, expected) => {
    expect(normaliseName(input)).toBe(expected);
  });

  it('stores one form for an accent typed two ways (NFC)', () => {
    expect(normaliseName('Se\u0301gou')).toBe('S\u00e9gou');
  });
});
