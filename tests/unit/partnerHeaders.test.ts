import { describe, expect, it } from 'vitest';
import type { ThreeWField } from '../../shared/partners/fields';
import {
  detectLayout,
  headerTexts,
  isHxlRow,
  layoutSignature,
  normaliseHeader,
  parseHxl,
  recogniseColumn,
  scoreSheet,
} from '../../shared/partners/headers';

describe('parseHxl', () => {
  it.each([
    ['#org+name', { tag: 'org', attributes: ['name'] }],
    [' #adm2 +code ', { tag: 'adm2', attributes: ['code'] }],
    ['#org +impl +name', { tag: 'org', attributes: ['impl', 'name'] }],
    ['#targeted+f', { tag: 'targeted', attributes: ['f'] }],
    ['#SECTOR+Cluster', { tag: 'sector', attributes: ['cluster'] }],
    ['#status', { tag: 'status', attributes: [] }],
    ['#date + start', { tag: 'date', attributes: ['start'] }],
  ])('%j', (cell, parsed) => {
    expect(parseHxl(cell)).toEqual(parsed);
  });

  it.each([
    '',
    'Nom Organisation',
    'org+name',
    '#',
    '#1abc',
    '#org+',
    '# ONG',
    '# of beneficiaries',
    'N° #3',
  ])('%j → null', (cell) => {
    expect(parseHxl(cell)).toBeNull();
  });
});

describe('isHxlRow', () => {
  it.each<[string[], boolean]>([
    [['#org+name', '#sector', '', '#adm1+name'], true],
    [['#org+name', '#sector', 'Commentaire'], true],
    [['#org+name', 'Secteur', 'Commentaire'], false],
    [['Nom Organisation', 'Cluster'], false],
    [['', ''], false],
  ])('%j → %s', (cells, expected) => {
    expect(isHxlRow(cells)).toBe(expected);
  });
});

describe('normaliseHeader', () => {
  it.each([
    ['ACCRONYME (Choisir dans la liste déroulante)', 'accronyme'],
    ['Date de début (jj/mm/aaaa)', 'date de debut'],
    ['Date de fin (dd/mm/yyyy)', 'date de fin'],
    ['Statut : choisir dans la liste', 'statut'],
    ['Région - sélectionner', 'region'],
    ['Budget (USD)', 'budget usd'],
    ['Nom_Organisation', 'nom organisation'],
    ['nom_fr', 'nom'],
    ['Secteur_EN', 'secteur'],
    ['admin2Pcod', 'admin2pcod'],
    ['  Type   Organisation ', 'type organisation'],
    ['Organisation.Acronyme', 'organisation acronyme'],
    ['Personnes ciblées / Femmes', 'personnes ciblees femmes'],
    ['Nom de l’organisation', 'nom de l organisation'],
    ['Bénéficiaires (Femmes)', 'beneficiaires femmes'],
  ])('%j → %j', (text, normalised) => {
    expect(normaliseHeader(text)).toBe(normalised);
  });
});

describe('recogniseColumn — HXL', () => {
  it.each<[string, ThreeWField | null]>([
    ['#org+name', 'organisationName'],
    ['#org +acronym', 'organisationAcronym'],
    ['#org+type', 'organisationKind'],
    ['#org+impl', 'organisationName'],
    ['#org +impl +name', 'organisationName'],
    ['#org+funding', 'donor'],
    ['#org+donor', 'donor'],
    ['#sector', 'sector'],
    ['#sector+cluster', 'sector'],
    ['#activity', 'activity'],
    ['#activity+type', 'activity'],
    ['#activity+name', 'activity'],
    ['#adm1+name', 'adm1Name'],
    ['#adm1+code', 'adm1Pcode'],
    ['#adm2+name', 'adm2Name'],
    [' #adm2 +code ', 'adm2Pcode'],
    ['#adm3+name', 'adm3Name'],
    ['#adm3+code', 'adm3Pcode'],
    ['#status', 'status'],
    ['#date+start', 'startDate'],
    ['#date+end', 'endDate'],
    ['#date+reported', 'reportingDate'],
    ['#targeted', 'targetedTotal'],
    ['#targeted+f', 'targetedWomen'],
    ['#targeted+m', 'targetedMen'],
    ['#targeted+total', 'targetedTotal'],
    ['#reached', 'reachedTotal'],
    ['#reached+f', 'reachedWomen'],
    ['#reached+m', 'reachedMen'],
    ['#value+budget', 'budget'],
    ['#value+usd', 'budget'],
    ['#currency', 'currency'],
    ['#contact', 'contact'],
    ['#contact+email', 'contact'],
    ['#contact+name', 'contact'],
    ['#beneficiary+type', 'targetGroup'],
    ['#population+type', 'targetGroup'],
  ])('%j → %s', (tag, field) => {
    expect(recogniseColumn('Colonne X', tag)).toEqual({ field, confidence: 'hxl' });
  });

  it('an unknown tag falls back to the header', () => {
    expect(recogniseColumn('Cluster', '#meta+comment')).toEqual({ field: 'sector', confidence: 'exact' });
    expect(recogniseColumn('Commentaires', '#meta+comment')).toEqual({ field: null, confidence: 'none' });
  });
});

describe('recogniseColumn — headers', () => {
  it.each<[string, ThreeWField | null]>([
    // Mali's 3W (domain.md)
    ['Nom Organisation', 'organisationName'],
    ['Organisation Accronyme', 'organisationAcronym'],
    ['Type Organisation', 'organisationKind'],
    ['Cluster', 'sector'],
    ['Region', 'adm1Name'],
    ['Cercle', 'adm2Name'],
    ['admin2Pcod', 'adm2Pcode'],
    // Others listed in domain.md and the brief
    ['Accronyme', 'organisationAcronym'],
    ['ACCRONYME (Choisir dans la liste déroulante)', 'organisationAcronym'],
    ['Commune', 'adm3Name'],
    ['Département', 'adm2Name'],
    ['Partenaire de mise en œuvre', 'organisationName'],
    ['Bailleur', 'donor'],
    ['Secteur', 'sector'],
    ['Activité', 'activity'],
    ['Groupe cible', 'targetGroup'],
    ['Bénéficiaires ciblés Femmes', 'targetedWomen'],
    ['Bénéficiaires ciblés Hommes', 'targetedMen'],
    ['Bénéficiaires ciblés', 'targetedTotal'],
    ['Personnes atteintes Femmes', 'reachedWomen'],
    ['Date de début', 'startDate'],
    ['Date de début (jj/mm/aaaa)', 'startDate'],
    ['Date de fin', 'endDate'],
    ['Statut', 'status'],
    ['Budget (USD)', 'budget'],
    ['Point focal', 'contact'],
    ['Date de mise à jour', 'reportingDate'],
    // English
    ['Organization name', 'organisationName'],
    ['Acronym', 'organisationAcronym'],
    ['Organization type', 'organisationKind'],
    ['Donor', 'donor'],
    ['Sector', 'sector'],
    ['Activity', 'activity'],
    ['Target group', 'targetGroup'],
    ['Start date', 'startDate'],
    ['End date', 'endDate'],
    ['Status', 'status'],
    ['People reached', 'reachedTotal'],
    ['Currency', 'currency'],
    ['Reporting date', 'reportingDate'],
    // Variants: word order, suffixes, P-codes
    ['Organisation_fr', 'organisationName'],
    ['Acronyme Organisation', 'organisationAcronym'],
    ['Pcode Région', 'adm1Pcode'],
    ['Région Pcode', 'adm1Pcode'],
    ['Code Cercle', 'adm2Pcode'],
    ['admin1Pcode', 'adm1Pcode'],
    ['Nom Commune', 'adm3Name'],
    ['Rôle', 'role'],
    // Two header rows, joined by headerTexts
    ['Personnes ciblées / Femmes', 'targetedWomen'],
    ['Personnes ciblées / Hommes', 'targetedMen'],
    ['Personnes ciblées / Total', 'targetedTotal'],
    ['Personnes atteintes / F', 'reachedWomen'],
    ['Personnes atteintes / H', 'reachedMen'],
    ['Localisation / Région', 'adm1Name'],
    ['Organisation / Acronyme', 'organisationAcronym'],
    ['Période / Date de fin', 'endDate'],
    // Not fields
    ['Village', null],
    ['Hommes', null],
    ['Femmes', null],
    ['Commentaires', null],
    ['', null],
  ])('%j → %s', (header, field) => {
    const r = recogniseColumn(header, null);
    expect(r.field).toBe(field);
    expect(r.confidence).toBe(field === null ? 'none' : 'exact');
  });

  it.each<[string, ThreeWField]>([
    ['Terrtoire', 'adm2Name'],
    ['Territoire', 'adm2Name'],
    ['Orgnisation', 'organisationName'],
    ['Acronyem', 'organisationAcronym'],
    ['Secteru', 'sector'],
    ['Date de debu', 'startDate'],
    ['Statu', 'status'],
    ['Nom complet de l’organisation partenaire', 'organisationName'],
    ['Date de début de la prestation', 'startDate'],
  ])('%j → %s (fuzzy)', (header, field) => {
    const r = recogniseColumn(header, null);
    if (r.confidence === 'exact') expect(r.field).toBe(field);
    else expect(r).toEqual({ field, confidence: 'fuzzy' });
  });

  it('misspellings are fuzzy, not exact', () => {
    expect(recogniseColumn('Terrtoire', null)).toEqual({ field: 'adm2Name', confidence: 'fuzzy' });
    expect(recogniseColumn('Secteru', null)).toEqual({ field: 'sector', confidence: 'fuzzy' });
  });

  it('short words are not stretched to a field', () => {
    expect(recogniseColumn('Fun', null).field).toBeNull();
    expect(recogniseColumn('Age', null).field).toBeNull();
    expect(recogniseColumn('Note', null).field).toBeNull();
  });
});

describe('detectLayout and headerTexts', () => {
  it('one header row at the top', () => {
    const rows = [
      ['Nom Organisation', 'Organisation Accronyme', 'Cluster', 'Region', 'Cercle', 'admin2Pcod'],
      ['Action contre la Faim', 'ACF', 'Nutrition', 'Gao', 'Ansongo', 'ML0702'],
    ];
    expect(detectLayout(rows)).toEqual({
      headerRowIndex: 0,
      headerRows: 1,
      hxlRowIndex: null,
      firstDataRowIndex: 1,
    });
    expect(headerTexts(rows, detectLayout(rows))).toEqual(rows[0]);
  });

  it('title rows above the table are skipped, blank rows before data too', () => {
    const rows = [
      ['MATRICE 3W – CLUSTER PROTECTION – MARS 2024'],
      [''],
      ['', 'Mise à jour : 12/03/2024'],
      ['Organisation', 'Secteur', 'Région', 'Statut'],
      ['', '', '', ''],
      ['IRC', 'Protection', 'Mopti', 'En cours'],
    ];
    expect(detectLayout(rows)).toEqual({
      headerRowIndex: 3,
      headerRows: 1,
      hxlRowIndex: null,
      firstDataRowIndex: 5,
    });
  });

  it('an HXL row after one header row', () => {
    const rows = [
      ['3W Mali'],
      ['Organisation', 'Secteur', 'Région', 'Date de début (jj/mm/aaaa)'],
      ['#org+name', '#sector', '#adm1+name', '#date+start'],
      ['IRC', 'Protection', 'Mopti', '12/03/2024'],
    ];
    const layout = detectLayout(rows);
    expect(layout).toEqual({ headerRowIndex: 1, headerRows: 1, hxlRowIndex: 2, firstDataRowIndex: 3 });
    expect(headerTexts(rows, layout)).toEqual(rows[1]);
  });

  it('two header rows under merged cells, then an HXL row', () => {
    const rows = [
      ['MATRICE 3W – CLUSTER PROTECTION – MARS 2024', '', '', '', '', '', '', ''],
      ['Nom Organisation', 'Cluster', 'Region', 'Personnes ciblées', '', '', 'Personnes atteintes', ''],
      ['', '', '', 'Femmes', 'Hommes', 'Total', 'Femmes', 'Hommes'],
      [
        '#org+name',
        '#sector',
        '#adm1+name',
        '#targeted+f',
        '#targeted+m',
        '#targeted',
        '#reached+f',
        '#reached+m',
      ],
      ['ACF', 'Nutrition', 'Gao', '120', '80', '200', '60', '40'],
    ];
    const layout = detectLayout(rows);
    expect(layout).toEqual({ headerRowIndex: 1, headerRows: 2, hxlRowIndex: 3, firstDataRowIndex: 4 });
    const headers = headerTexts(rows, layout);
    expect(headers).toEqual([
      'Nom Organisation',
      'Cluster',
      'Region',
      'Personnes ciblées / Femmes',
      'Personnes ciblées / Hommes',
      'Personnes ciblées / Total',
      'Personnes atteintes / Femmes',
      'Personnes atteintes / Hommes',
    ]);
    expect(headers.map((h) => recogniseColumn(h, null).field)).toEqual([
      'organisationName',
      'sector',
      'adm1Name',
      'targetedWomen',
      'targetedMen',
      'targetedTotal',
      'reachedWomen',
      'reachedMen',
    ]);
  });

  it('two header rows without HXL; a sub-header row is not mistaken for data', () => {
    const rows = [
      ['Organisation', 'Activité', 'Bénéficiaires ciblés', '', 'Date de début'],
      ['', '', 'F', 'H', ''],
      ['NRC', 'Distribution NFI', '10', '12', '01/02/2024'],
    ];
    const layout = detectLayout(rows);
    expect(layout).toEqual({ headerRowIndex: 0, headerRows: 2, hxlRowIndex: null, firstDataRowIndex: 2 });
    expect(headerTexts(rows, layout)).toEqual([
      'Organisation',
      'Activité',
      'Bénéficiaires ciblés / F',
      'Bénéficiaires ciblés / H',
      'Date de début',
    ]);
  });

  it('a data row right under the header is data', () => {
    const rows = [
      ['Organisation', 'Secteur', 'Région', 'Cible'],
      ['ACF', 'Nutrition', 'Gao', '300'],
    ];
    expect(detectLayout(rows).headerRows).toBe(1);
  });

  it('an HXL row alone as header', () => {
    const rows = [
      ['#org+name', '#sector', '#adm1+name'],
      ['ACF', 'Nutrition', 'Gao'],
    ];
    const layout = detectLayout(rows);
    expect(layout).toEqual({ headerRowIndex: 0, headerRows: 1, hxlRowIndex: 0, firstDataRowIndex: 1 });
    expect(headerTexts(rows, layout)).toEqual(['', '', '']);
  });

  it('an empty sheet does not throw', () => {
    expect(detectLayout([])).toEqual({
      headerRowIndex: 0,
      headerRows: 1,
      hxlRowIndex: null,
      firstDataRowIndex: 1,
    });
  });
});

describe('scoreSheet', () => {
  const data = [
    ['Nom Organisation', 'Organisation Accronyme', 'Cluster', 'Region', 'Cercle'],
    ...Array.from({ length: 50 }, (_, i) => [`Org ${i}`, `O${i}`, 'Santé', 'Gao', 'Ansongo']),
  ];
  const list = [['Secteurs'], ['EHA'], ['Santé'], ['Nutrition']];

  it('prefers the 3W data over lists and instructions', () => {
    const scores = {
      data: scoreSheet('3w opérationnelle', data),
      matrice: scoreSheet('MATRICE', data),
      plain: scoreSheet('Feuil1', data),
      list: scoreSheet('Listes', list),
      instructions: scoreSheet('Instructions', [['Remplir une ligne par activité']]),
      hidden: scoreSheet('Feuil2', data, { hidden: true }),
    };
    expect(scores.data).toBeGreaterThan(scores.plain);
    expect(scores.matrice).toBeGreaterThan(scores.plain);
    expect(scores.plain).toBeGreaterThan(scores.list);
    expect(scores.plain).toBeGreaterThan(scores.instructions);
    expect(scores.plain).toBeGreaterThan(scores.hidden);
    expect(scores.list).toBeLessThanOrEqual(0);
  });

  it('a sheet of free text is not taken for a 3W', () => {
    const words = ['distribution', 'de', 'kits', 'hygiène', 'dans', 'la', 'commune', 'nutrition', 'enfants'];
    const text = Array.from({ length: 60 }, (_, r) =>
      Array.from({ length: 12 }, (_, c) =>
        Array.from({ length: 9 }, (_, k) => words[(r + c + k) % words.length]).join(' '),
      ),
    );
    expect(scoreSheet('Feuil1', text)).toBeLessThanOrEqual(0);
    expect(
      recogniseColumn('Distribution de kits d’hygiène dans la commune de Tin Hama pour les ménages', null)
        .field,
    ).toBeNull();
  });

  it('a lookup sheet with known headers still loses to the data sheet', () => {
    const lookup = [
      ['Region', 'Cercle', 'admin2Pcod'],
      ['Gao', 'Ansongo', 'ML0702'],
    ];
    expect(scoreSheet('Data', data)).toBeGreaterThan(scoreSheet('Liste Pcodes', lookup));
  });
});

describe('layoutSignature', () => {
  it('is stable across spelling of the same headers and differs for another layout', () => {
    const a = layoutSignature(['Nom Organisation', 'Cluster', 'Région']);
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(layoutSignature(['nom  organisation', 'CLUSTER', 'Region', '', ''])).toBe(a);
    expect(layoutSignature(['Cluster', 'Nom Organisation', 'Région'])).not.toBe(a);
    expect(layoutSignature(['Nom Organisation', 'Cluster'])).not.toBe(a);
  });
});
