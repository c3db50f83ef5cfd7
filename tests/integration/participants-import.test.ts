import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutputOf } from '../../shared/rpc';
import { buildCommittee, type Committee, createMeeting } from '../fixtures/participants/committee';
import {
  docxFile,
  randomBytes,
  toBase64,
  utf8WithBom,
  utf16le,
  windows1252,
  workbookFile,
} from '../fixtures/participants/files';
import { startTestApp, type TestApp } from './harness';

let app: TestApp;
let c: Committee;
let meetingId: string;
beforeEach(async () => {
  app = await startTestApp();
  c = await buildCommittee(app);
  meetingId = (await createMeeting(app, c.body.id)).id;
  await app.call('invitees.generate', { meetingId });
});
afterEach(async () => {
  await app.close();
});

type Preview = OutputOf<'attendance.previewImport'>;
const preview = (fileName: string, bytes: Uint8Array) =>
  app.call('attendance.previewImport', { meetingId, fileName, data: toBase64(bytes) });
const failure = (fileName: string, bytes: Uint8Array) =>
  app.fail('attendance.previewImport', { meetingId, fileName, data: toBase64(bytes) });
const row = (p: Preview, n: number) => {
  const found = p.rows.find((r) => r.row === n);
  if (!found) throw new Error(`no row ${n}: ${p.rows.map((r) => r.row).join(', ')}`);
  return found;
};
const inviteeId = async (name: string) => {
  const found = (await app.call('invitees.list', { meetingId })).find((i) => i.name === name);
  if (!found) throw new Error(`no invitee ${name}`);
  return found.id;
};

/** An attendance sheet as a secretariat types it: a title, a blank line, headers on row 3. */
function sheetWithTitle() {
  return workbookFile([
    {
      name: 'Émargement',
      rows: [
        ['Liste de présence — GTGPS, session ordinaire du 12 mars 2026'],
        [],
        [
          'N°',
          'Structure',
          'Sexe (F/H)',
          'Nom et prénoms',
          'Fonction',
          'Tél./WhatsApp',
          'E-mail',
          'Signature',
        ],
        [1, 'MASM', 'F', 'Mme Awa TRAORÉ', 'Ministre', '', 'awa.traore@masm.gov.ml'],
        [2, 'WFP', 'F', 'KEÏTA Fatoumata', 'Représentante', '+223 20 22 00 00'],
        [3, 'Mairie de Sévaré', 'H', 'Sékou Konaté', 'Maire', '76 12 34 56'],
        [4, 'UNICEF', 'F', '', 'Chargée de programme'],
        [5, 'mairie de sevare', 'Homme', 'Sékou KONATÉ', 'Maire'],
        [6, 'Direction régionale de Ségou', 'X', 'Oumar Diallo', 'Directeur', '', 'oumar@'],
        [7, 'P.A.M.', 'M', 'Boubacar Cissé', 'Logisticien'],
        [8],
        [9],
      ],
    },
  ]);
}

describe('previewing a participants sheet', () => {
  it('finds the headers under a title, in any order, and matches people and organisations', async () => {
    const p = await preview('émargement.xlsx', sheetWithTitle());
    expect(p).toMatchObject({
      fileName: 'émargement.xlsx',
      sheet: 'Émargement',
      headerRow: 3,
      columns: { structure: 'B', sex: 'C', name: 'D', function: 'E', phone: 'F', email: 'G' },
    });
    // Numbered blank lines of the printed sheet are not rows.
    expect(p.rows.map((r) => r.row)).toEqual([4, 5, 6, 7, 8, 9, 10]);

    expect(row(p, 4)).toMatchObject({
      name: 'Mme Awa TRAORÉ',
      sex: 'female',
      email: 'awa.traore@masm.gov.ml',
      personMatch: { id: c.people.awa.id },
      organisationMatch: { id: c.organisations.masm.id },
      action: 'match_invitee',
      inviteeId: await inviteeId('Awa Traoré'),
      problems: [],
    });
    // "NOM Prénom" order, an alias of the organisation.
    expect(row(p, 5)).toMatchObject({
      personMatch: { id: c.people.fatoumata.id },
      organisationMatch: { id: c.organisations.pam.id },
      phone: '+223 20 22 00 00',
      action: 'match_invitee',
      inviteeId: await inviteeId('Fatoumata Keïta'),
    });
    expect(row(p, 6)).toMatchObject({
      name: 'Sékou Konaté',
      structure: 'Mairie de Sévaré',
      sex: 'male',
      personMatch: null,
      organisationMatch: null,
      action: 'walk_in',
      inviteeId: null,
    });
    expect(row(p, 7)).toMatchObject({
      name: '',
      action: 'skip',
      problems: [{ column: 'Nom', message: 'Ligne 7, colonne D : nom manquant.' }],
    });
    expect(row(p, 8)).toMatchObject({
      action: 'skip',
      problems: [{ column: 'Nom', message: 'Ligne 8, colonne D : doublon de la ligne 6.' }],
    });
    expect(row(p, 9)).toMatchObject({
      sex: null,
      email: null,
      action: 'walk_in',
      problems: [
        { column: 'Sexe', message: 'Ligne 9, colonne C : sexe « X » non reconnu (F ou H attendu).' },
        { column: 'Courriel', message: 'Ligne 9, colonne G : adresse électronique « oumar@ » invalide.' },
      ],
    });
    // Known to the directory but not invited: a walk-in linked to the person.
    expect(row(p, 10)).toMatchObject({
      personMatch: { id: c.people.boubacar.id },
      organisationMatch: { id: c.organisations.pam.id },
      action: 'walk_in',
    });

    expect(p.newOrganisations).toEqual(['Mairie de Sévaré', 'Direction régionale de Ségou']);
    expect(p.errors).toEqual([
      { row: 7, column: 'D', message: 'Ligne 7, colonne D : nom manquant.' },
      { row: 8, column: 'D', message: 'Ligne 8, colonne D : doublon de la ligne 6.' },
      { row: 9, column: 'C', message: 'Ligne 9, colonne C : sexe « X » non reconnu (F ou H attendu).' },
      { row: 9, column: 'G', message: 'Ligne 9, colonne G : adresse électronique « oumar@ » invalide.' },
    ]);

    // Nothing was written.
    const attendance = await app.call('attendance.get', { meetingId });
    expect(attendance.records).toHaveLength(0);
    expect((await app.call('organisations.list', {})).map((o) => o.name)).not.toContain('Mairie de Sévaré');
  });

  it('reads a Windows-1252 CSV with semicolons and separate Nom / Prénom columns', async () => {
    const csv =
      'Nom;Prénom(s);Structure;Fonction;Genre\r\n' +
      'Konaté;Sékou;Mairie de Sévaré;Maire;M\r\n' +
      'Diallo;Oumar;"Direction régionale de Ségou; DRDSES";Directeur;H\r\n' +
      'Coulibaly;Ibrahim;UNICEF;Chef de section;Masculin\r\n';
    const p = await preview('présence.csv', windows1252(csv));
    expect(p).toMatchObject({ sheet: 'présence', headerRow: 1, columns: { name: 'A', firstName: 'B' } });
    expect(p.rows.map((r) => [r.name, r.structure, r.sex, r.action])).toEqual([
      ['Sékou Konaté', 'Mairie de Sévaré', 'male', 'walk_in'],
      ['Oumar Diallo', 'Direction régionale de Ségou; DRDSES', 'male', 'walk_in'],
      ['Ibrahim Coulibaly', 'UNICEF', 'male', 'match_invitee'],
    ]);
    expect(p.newOrganisations).toEqual(['Mairie de Sévaré', 'Direction régionale de Ségou; DRDSES']);
  });

  it('reads a UTF-8 CSV with a byte order mark and commas, with English headers', async () => {
    const csv =
      'Name,Organisation,Gender,Email,Phone\n' +
      '"Traoré, Awa",Ministère de l’Action sociale,Female,awa.traore@masm.gov.ml,\n' +
      'Aminata Touré,Oxfam,F,,+223 66 00 00 00\n';
    const p = await preview('participants.csv', utf8WithBom(csv));
    expect(p.columns).toEqual({ name: 'A', structure: 'B', sex: 'C', email: 'D', phone: 'E' });
    expect(p.rows.map((r) => [r.name, r.organisationMatch?.id, r.action])).toEqual([
      ['Traoré, Awa', c.organisations.masm.id, 'match_invitee'],
      ['Aminata Touré', c.organisations.oxfam.id, 'walk_in'],
    ]);
  });

  it('reads Excel’s "Texte Unicode" (UTF-16 with tabs)', async () => {
    const text = 'Nom\tStructure\tSexe\r\nMariam Sidibé\tDNPSES\tF\r\nKadiatou Sangaré\tSégou\tF\r\n';
    const p = await preview('liste.txt', utf16le(text));
    expect(p.rows.map((r) => [r.name, r.action])).toEqual([
      ['Mariam Sidibé', 'match_invitee'],
      ['Kadiatou Sangaré', 'walk_in'],
    ]);
    expect(p.newOrganisations).toEqual(['Ségou']);
  });

  it('reads .xls and .ods files, and the first sheet that holds a list', async () => {
    const sheets = [
      { name: 'Instructions', rows: [['Remplir la feuille suivante.']] },
      {
        name: 'Présents',
        rows: [
          ['Nom', 'Structure'],
          ['Awa Traoré', 'MASM'],
        ],
      },
    ];
    for (const [bookType, name] of [
      ['biff8', 'liste.xls'],
      ['ods', 'liste.ods'],
    ] as const) {
      const p = await preview(name, workbookFile(sheets, bookType));
      expect(p.sheet).toBe('Présents');
      expect(row(p, 2)).toMatchObject({
        action: 'match_invitee',
        organisationMatch: { id: c.organisations.masm.id },
      });
    }
  });

  it('refuses empty files, files that are not spreadsheets and sheets without a name column', async () => {
    expect(await failure('vide.csv', new Uint8Array())).toMatchObject({
      code: 'IMPORT_FORMAT',
      message: 'Le fichier « vide.csv » est vide.',
    });
    const notSheet = (name: string) =>
      `Le fichier « ${name} » n’est pas un tableur lisible (xlsx, xls, ods ou csv).`;
    expect(await failure('liste.xlsx', randomBytes(3000))).toMatchObject({
      code: 'IMPORT_FORMAT',
      message: notSheet('liste.xlsx'),
    });
    expect(await failure('compte-rendu.docx', docxFile())).toMatchObject({
      code: 'IMPORT_FORMAT',
      message: notSheet('compte-rendu.docx'),
    });
    const prose =
      'Compte rendu de la réunion du groupe thématique.\n' +
      'La séance est ouverte à 9 h 30 par la présidente, qui souhaite la bienvenue aux participants.\n';
    expect(await failure('notes.txt', new TextEncoder().encode(prose))).toMatchObject({
      code: 'IMPORT_FORMAT',
      message: 'Colonne « Nom » introuvable dans la feuille « notes » (lignes 1 à 2).',
    });
    const noName = workbookFile([
      {
        name: 'Feuil1',
        rows: [
          ['Structure', 'Sexe'],
          ['PAM', 'F'],
        ],
      },
    ]);
    expect(await failure('sans-nom.xlsx', noName)).toMatchObject({
      code: 'IMPORT_FORMAT',
      message: 'Colonne « Nom » introuvable dans la feuille « Feuil1 » (lignes 1 à 2).',
    });
  });
});

describe('committing a participants sheet', () => {
  it('writes presents, walk-ins and the organisations kept, in one go', async () => {
    const p = await preview('émargement.xlsx', sheetWithTitle());
    const result = await app.call('attendance.commitImport', {
      meetingId,
      rows: p.rows,
      // The user keeps Sévaré's town hall as a new organisation, and leaves Ségou as free text.
      createOrganisations: ['Mairie de Sévaré'],
    });

    const organisations = await app.call('organisations.list', {});
    const sevare = organisations.find((o) => o.name === 'Mairie de Sévaré');
    expect(sevare).toMatchObject({ kind: 'other' });
    expect(organisations.map((o) => o.name)).not.toContain('Direction régionale de Ségou');
    if (!sevare) throw new Error('not created');
    const created = await app.call('history.forEntity', { entityType: 'organisation', entityId: sevare.id });
    expect(created.map((h) => h.action)).toEqual(['create']);

    const presentInvitees = result.records.filter((r) => !r.walkIn);
    expect(presentInvitees.map((r) => [r.inviteeId, r.status]).sort()).toEqual(
      [
        [await inviteeId('Awa Traoré'), 'present'],
        [await inviteeId('Fatoumata Keïta'), 'present'],
      ].sort(),
    );
    const walkIns = result.records.filter((r) => r.walkIn);
    expect(
      walkIns.map((r) => [
        r.name,
        r.person?.id ?? null,
        r.organisation?.id ?? null,
        r.organisationLabel,
        r.sex,
      ]),
    ).toEqual([
      ['Sékou Konaté', null, sevare.id, 'Mairie de Sévaré', 'male'],
      ['Oumar Diallo', null, null, 'Direction régionale de Ségou', null],
      ['Boubacar Cissé', c.people.boubacar.id, c.organisations.pam.id, 'P.A.M.', 'male'],
    ]);
    expect(result.stats).toMatchObject({ present: 2, walkIns: 3, participants: 5 });
    const history = await app.call('history.forEntity', { entityType: 'meeting', entityId: meetingId });
    expect(history[0]?.summary).toBe('Liste de participants importée : 2 présences, 3 participants ajoutés');

    // The same sheet imported again adds nobody twice.
    const again = await preview('émargement.xlsx', sheetWithTitle());
    expect(row(again, 6)).toMatchObject({
      organisationMatch: { id: sevare.id },
      action: 'skip',
      problems: [
        {
          column: null,
          message: 'Ligne 6 : « Sékou Konaté » figure déjà parmi les participants de cette réunion.',
        },
      ],
    });
    const twice = await app.call('attendance.commitImport', { meetingId, rows: again.rows });
    expect(twice.records).toHaveLength(result.records.length);
  });

  it('writes nothing when one row is invalid', async () => {
    const p = await preview('émargement.xlsx', sheetWithTitle());
    const rows = p.rows.map((r) => (r.row === 6 ? { ...r, name: '   ' } : r));
    const refused = await app.fail('attendance.commitImport', {
      meetingId,
      rows,
      createOrganisations: ['Mairie de Sévaré', 'Direction régionale de Ségou'],
    });
    expect(refused.code).toBe('VALIDATION');
    expect(refused.details?.issues?.map((i) => i.path)).toEqual([['rows', 2, 'name']]);

    const stranger = p.rows.map((r) =>
      r.row === 4 ? { ...r, inviteeId: '01900000-0000-7000-8000-000000000000' } : r,
    );
    const unknown = await app.fail('attendance.commitImport', { meetingId, rows: stranger });
    expect(unknown.details?.issues?.[0]?.path).toEqual(['rows', 0, 'inviteeId']);

    const attendance = await app.call('attendance.get', { meetingId });
    expect(attendance.records).toHaveLength(0);
    const names = (await app.call('organisations.list', {})).map((o) => o.name);
    expect(names).not.toContain('Mairie de Sévaré');
    expect(names).not.toContain('Direction régionale de Ségou');
  });

  it('refuses imports into a closed meeting', async () => {
    await app.call('meetings.transition', { id: meetingId, action: 'hold' });
    const p = await preview('émargement.xlsx', sheetWithTitle());
    await app.call('meetings.transition', { id: meetingId, action: 'close' });
    expect((await app.fail('attendance.commitImport', { meetingId, rows: p.rows })).code).toBe(
      'INVALID_TRANSITION',
    );
    expect((await failure('émargement.xlsx', sheetWithTitle())).code).toBe('INVALID_TRANSITION');
  });
});
