import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildAnnualReport } from '../../electron/backend/features/documents/builders/annualReport';
import { buildBodyFactSheet } from '../../electron/backend/features/documents/builders/bodyFactSheet';
import type { BuildEnv } from '../../electron/backend/features/documents/types';
import { localToday } from '../../electron/backend/features/meetings/repository';
import {
  type Block,
  type DocumentModel,
  DocumentModelSchema,
  modelTexts,
  type TableRow,
} from '../../shared/documents/model';
import type { InputOf } from '../../shared/rpc';
import { startTestApp, type TestApp } from './harness';

let app: TestApp;
beforeEach(async () => {
  app = await startTestApp();
});
afterEach(async () => {
  await app.close();
});

const NBSP = '\u00a0';
const db = () => app.backend.context.db;

async function env(today: string): Promise<BuildEnv> {
  return { settings: await app.call('settings.get', {}), hasLogo: false, today };
}

type Table = Extract<Block, { type: 'table' }>;
type Fields = Extract<Block, { type: 'fields' }>;

/** The blocks between a heading and the next heading of the same or a higher level. */
function section(model: DocumentModel, title: string): Block[] {
  const start = model.blocks.findIndex((b) => b.type === 'heading' && b.text === title);
  if (start === -1) throw new Error(`no section ${title}: ${modelTexts(model).join(' | ')}`);
  const level = (model.blocks[start] as Extract<Block, { type: 'heading' }>).level;
  const end = model.blocks.findIndex((b, i) => i > start && b.type === 'heading' && b.level <= level);
  return model.blocks.slice(start + 1, end === -1 ? undefined : end);
}
const tables = (blocks: Block[]) => blocks.filter((b): b is Table => b.type === 'table');
const fields = (blocks: Block[]) =>
  Object.fromEntries(
    blocks
      .filter((b): b is Fields => b.type === 'fields')
      .flatMap((b) => b.items.map((i) => [i.label, i.value])),
  );
const paragraphs = (blocks: Block[]) =>
  blocks.flatMap((b) => (b.type === 'paragraph' ? [b.runs.map((r) => r.text).join('')] : []));
const rowTexts = (table: Table) =>
  table.rows.map((r: TableRow) =>
    r.kind === 'group' ? [r.text] : r.cells.map((c) => c.map((i) => i.text).join('')),
  );

async function organisation(name: string, acronym: string, kind: InputOf<'organisations.create'>['kind']) {
  return app.call('organisations.create', { name, acronym, kind });
}
async function person(firstName: string, lastName: string, sex: 'female' | 'male') {
  return app.call('people.create', { firstName, lastName, sex });
}

/** A regional committee of Koulikoro, complete enough for both documents. */
async function seedCrocsad() {
  const gouvernorat = await organisation(
    'Gouvernorat de la Région de Koulikoro',
    'GRK',
    'decentralised_service',
  );
  const conseil = await organisation('Conseil Régional de Koulikoro', 'CRK', 'local_authority');
  const drdses = await organisation(
    'Direction Régionale du Développement Social et de l’Économie Solidaire',
    'DRDSES',
    'decentralised_service',
  );
  const pam = await organisation('Programme Alimentaire Mondial', 'PAM', 'un_agency');
  const ocha = await organisation('Bureau de la coordination des affaires humanitaires', 'OCHA', 'un_agency');
  const national = await app.call('bodies.create', {
    name: 'Conseil National d’Orientation',
    acronym: 'CNO',
    kind: 'national_council',
    level: 'national',
    countryCode: 'ML',
    periodicity: { kind: 'every_n_months', months: 12 },
    quorumRule: { kind: 'none' },
  });
  const body = await app.call('bodies.create', {
    name: 'Comité Régional d’Orientation, de Coordination et de Suivi des Actions de Développement',
    acronym: 'CROCSAD',
    kind: 'crocsad',
    level: 'regional',
    countryCode: 'ML',
    legalBasis: {
      kind: 'order',
      number: '2013-0123/GRK',
      date: '2013-02-11',
      signatory: 'Le Gouverneur de la Région de Koulikoro',
      title: 'Arrêté portant création, composition et fonctionnement du CROCSAD',
    },
    establishedOn: '2013-02-11',
    mandate:
      'Orienter et coordonner les actions de développement de la région.\n\nSuivre la mise en œuvre des ' +
      'programmes et projets, et en rendre compte au niveau national.',
    secretariatOrganisationId: drdses.id,
    periodicity: { kind: 'fixed_months', months: [6, 12] },
    quorumRule: { kind: 'fraction', numerator: 2, denominator: 3, of: 'voting_seats' },
    fundingSource: 'Budget régional',
    links: [{ kind: 'reports_to', targetId: national.id }],
  });
  const seat = (input: Omit<InputOf<'seats.create'>, 'bodyId'>) =>
    app.call('seats.create', { bodyId: body.id, ...input });
  // Created out of protocol order: the documents put them in order.
  const member = await seat({ organisationId: pam.id, function: 'Représentant du PAM', role: 'member' });
  const observer = await seat({
    organisationId: ocha.id,
    function: 'Chef de bureau OCHA',
    role: 'observer',
    voting: false,
  });
  const secretariat = await seat({
    organisationId: drdses.id,
    function: 'Directeur régional du développement social',
    role: 'secretariat',
    voting: false,
  });
  const rapporteur = await seat({
    organisationId: drdses.id,
    function: 'Chef de division',
    role: 'rapporteur',
    rank: 1,
  });
  const vice = await seat({
    organisationId: conseil.id,
    function: 'Président du Conseil régional',
    role: 'vice_president',
    rank: 1,
  });
  const president = await seat({
    organisationId: gouvernorat.id,
    function: 'Gouverneur de la Région de Koulikoro',
    role: 'president',
  });
  const awa = await person('Awa', 'Traoré', 'female');
  const moussa = await person('Moussa', 'Keïta', 'male');
  const issa = await person('Issa', 'Coulibaly', 'male');
  const fatou = await person('Fatoumata', 'Diarra', 'female');
  const oumar = await person('Oumar', 'Sangaré', 'male');
  const hold = (seatId: string, personId: string, from: string, to?: string) =>
    app.call('seats.addHolder', { seatId, personId, from, ...(to ? { to } : {}) });
  await hold(president.id, awa.id, '2020-01-01');
  await hold(vice.id, moussa.id, '2021-01-01');
  await hold(secretariat.id, issa.id, '2015-01-01');
  await hold(member.id, oumar.id, '2019-01-01', '2022-12-31');
  await hold(member.id, fatou.id, '2023-01-01');

  const meeting = async (
    input: Omit<InputOf<'meetings.create'>, 'bodyId' | 'kind'> & {
      kind?: InputOf<'meetings.create'>['kind'];
      bodyId?: string;
    },
    ...actions: ('hold' | 'close')[]
  ) => {
    const created = await app.call('meetings.create', { bodyId: body.id, kind: 'ordinary', ...input });
    for (const action of actions) await app.call('meetings.transition', { id: created.id, action });
    return created;
  };
  const june2023 = await meeting({ startDate: '2023-06-15', plannedDate: '2023-06-01' }, 'hold');
  await meeting({ startDate: '2023-12-14', plannedDate: '2023-12-01' }, 'hold', 'close');
  const june2024 = await meeting({ startDate: '2024-06-20', plannedDate: '2024-06-01', number: 3 });
  const december2024 = await meeting({ startDate: '2024-12-12', plannedDate: '2024-12-01', number: 4 });
  await app.call('meetings.transition', { id: december2024.id, action: 'cancel', reason: 'Insécurité' });
  await meeting(
    { kind: 'extraordinary', title: 'Session extraordinaire sur les inondations', startDate: '2024-09-10' },
    'hold',
  );
  await meeting(
    {
      bodyId: national.id,
      cohostIds: [body.id],
      kind: 'workshop',
      title: 'Atelier de planification régionale',
      startDate: '2024-10-05',
      endDate: '2024-10-06',
    },
    'hold',
  );

  // Attendance of June 2024: present, represented, absent (vacant rapporteur), excused,
  // a walk-in and a head count.
  const invitees = await app.call('invitees.generate', { meetingId: june2024.id });
  const bySeat = new Map(invitees.map((i) => [i.seatId, i.id]));
  const mark = (seatId: string, status: InputOf<'attendance.mark'>['status'], extra = {}) =>
    app.call('attendance.mark', {
      meetingId: june2024.id,
      inviteeId: bySeat.get(seatId) ?? '',
      status,
      ...extra,
    });
  await mark(president.id, 'present');
  await mark(vice.id, 'represented', { representativeName: 'Adama Touré', representativeSex: 'male' });
  await mark(rapporteur.id, 'absent');
  await mark(secretariat.id, 'present');
  await mark(member.id, 'present');
  await mark(observer.id, 'excused');
  await app.call('attendance.addWalkIn', { meetingId: june2024.id, name: 'Kadiatou Sow', sex: 'female' });
  await app.call('attendance.setCount', {
    meetingId: june2024.id,
    label: 'ONG partenaires',
    count: 4,
    women: 1,
  });
  await app.call('meetings.transition', { id: june2024.id, action: 'hold' });

  const recommend = (reference: string, input: Partial<InputOf<'recommendations.create'>>) =>
    app.call('recommendations.create', {
      bodyId: body.id,
      reference,
      text: `Recommandation ${reference}`,
      ...input,
    });
  const a = await recommend('CROCSAD/2024/06/R01', {
    text: 'Mettre à jour le plan régional de contingence',
    originKind: 'meeting',
    originMeetingId: june2024.id,
    leadOrganisationId: drdses.id,
    dueDate: '2024-12-31',
  });
  const c = await recommend('CROCSAD/2023/06/R01', {
    text: 'Établir la matrice 3W régionale',
    originKind: 'meeting',
    originMeetingId: june2023.id,
    leadOrganisationId: ocha.id,
    dueDate: '2024-03-31',
  });
  const d = await recommend('CROCSAD/2024/08/R01', {
    text: 'Tenir une réunion avec les maires',
    leadOrganisationId: conseil.id,
    dueDate: '2025-06-30',
  });
  const e = await recommend('CROCSAD/2023/06/R02', {
    text: 'Nommer les points focaux',
    originKind: 'meeting',
    originMeetingId: june2023.id,
    dueDate: '2023-12-31',
  });
  const f = await recommend('CROCSAD/2023/06/R03', {
    text: 'Créer un fonds régional',
    originKind: 'meeting',
    originMeetingId: june2023.id,
    dueDate: '2024-01-31',
  });
  const day = localToday();
  await app.call('recommendations.addUpdate', { id: a.id, date: day, status: 'in_progress', progress: 30 });
  await app.call('recommendations.addUpdate', {
    id: e.id,
    date: day,
    status: 'done',
    actionsTaken: 'Arrêté pris',
  });
  await app.call('recommendations.addUpdate', {
    id: f.id,
    date: day,
    status: 'abandoned',
    actionsTaken: 'Sans objet',
  });
  // Recorded directly (no session) in August 2024: its creation day is its date.
  await db()
    .updateTable('recommendations')
    .set({ created_at: '2024-08-01T10:00:00.000Z' })
    .where('id', '=', d.id)
    .execute();
  return { body, national, drdses, june2024, a, c, d, e, f, awa, moussa, issa, fatou };
}

describe('fiche de présentation', () => {
  it('presents identity, legal basis, mandate, bureau, composition in protocol order, functioning and regularity', async () => {
    const s = await seedCrocsad();
    const model = await buildBodyFactSheet(
      db(),
      { kind: 'bodyFactSheet', bodyId: s.body.id },
      await env('2025-03-14'),
    );
    expect(() => DocumentModelSchema.parse(model)).not.toThrow();
    expect(model.kind).toBe('bodyFactSheet');
    expect(model.fileStem).toBe('2025-03-14_CROCSAD_fiche-presentation');
    expect(model.orientation).toBe('portrait');
    expect(model.blocks[0]).toEqual({
      type: 'title',
      text: 'FICHE DE PRÉSENTATION',
      subtitle:
        'Comité Régional d’Orientation, de Coordination et de Suivi des Actions de Développement (CROCSAD)',
    });

    const identity = fields(section(model, '1. Identification'));
    expect(identity).toMatchObject({
      Sigle: 'CROCSAD',
      'Type d’instance': 'CROCSAD (comité régional)',
      Niveau: 'Régional',
      Territoire: 'Mali',
      Statut: 'Active',
      'Date de création': '11 février 2013',
      'Texte de création': 'Arrêté N° 2013-0123/GRK du 11 février 2013',
      'Intitulé du texte': 'Arrêté portant création, composition et fonctionnement du CROCSAD',
      Signataire: 'Le Gouverneur de la Région de Koulikoro',
      'Rend compte à': 'Conseil National d’Orientation (CNO)',
      'Source de financement': 'Budget régional',
    });

    expect(paragraphs(section(model, '2. Mandat'))).toEqual([
      'Orienter et coordonner les actions de développement de la région.',
      'Suivre la mise en œuvre des programmes et projets, et en rendre compte au niveau national.',
    ]);

    const office = section(model, '3. Secrétariat et bureau');
    expect(fields(office).Secrétariat).toBe(
      'Direction Régionale du Développement Social et de l’Économie Solidaire (DRDSES)',
    );
    expect(rowTexts(tables(office)[0] as Table)).toEqual([
      ['Président(e)', 'Awa Traoré', 'Gouvernorat de la Région de Koulikoro (GRK)'],
      ['1er vice-président(e)', 'Moussa Keïta', 'Conseil Régional de Koulikoro (CRK)'],
      [
        '1er rapporteur',
        'Vacant',
        'Direction Régionale du Développement Social et de l’Économie Solidaire (DRDSES)',
      ],
      [
        'Secrétariat',
        'Issa Coulibaly',
        'Direction Régionale du Développement Social et de l’Économie Solidaire (DRDSES)',
      ],
    ]);

    const composition = section(model, '4. Composition');
    expect(paragraphs(composition)).toEqual([
      '6 sièges, dont 4 avec voix délibérative ; 2 vacants au 14 mars 2025.',
    ]);
    const table = tables(composition)[0] as Table;
    expect(table.columns.map((c) => c.header)).toEqual(['N°', 'Siège / Rôle', 'Structure', 'Titulaire']);
    expect(rowTexts(table)).toEqual([
      [
        '1',
        'Gouverneur de la Région de Koulikoro\nPrésident(e)',
        'Gouvernorat de la Région de Koulikoro (GRK)',
        'Awa Traoré',
      ],
      [
        '2',
        'Président du Conseil régional\n1er vice-président(e)',
        'Conseil Régional de Koulikoro (CRK)',
        'Moussa Keïta',
      ],
      [
        '3',
        'Chef de division\n1er rapporteur',
        'Direction Régionale du Développement Social et de l’Économie Solidaire (DRDSES)',
        'Vacant',
      ],
      [
        '4',
        'Directeur régional du développement social\nSecrétariat, voix consultative',
        'Direction Régionale du Développement Social et de l’Économie Solidaire (DRDSES)',
        'Issa Coulibaly',
      ],
      // The member's holder today, not the one before 2023.
      ['5', 'Représentant du PAM', 'Programme Alimentaire Mondial (PAM)', 'Fatoumata Diarra'],
      [
        '6',
        'Chef de bureau OCHA\nObservateur, voix consultative',
        'Bureau de la coordination des affaires humanitaires (OCHA)',
        'Vacant',
      ],
    ]);

    expect(fields(section(model, '5. Fonctionnement'))).toEqual({
      'Périodicité des sessions': 'En juin et décembre (2 sessions ordinaires par an)',
      Quorum: '2/3 des membres votants, soit 3 membres présents sur 4 sièges à voix délibérative',
    });

    const regularity = tables(section(model, '6. Régularité des sessions'))[0] as Table;
    expect(regularity.columns.map((c) => c.header)).toEqual(['Année', 'Sessions prévues', 'Tenues', 'Taux']);
    expect(rowTexts(regularity)).toEqual([
      ['2022', '2', '0', `0${NBSP}%`],
      ['2023', '2', '2', `100${NBSP}%`],
      ['2024', '2', '1', `50${NBSP}%`],
      ['2025 (au 14 mars 2025)', '0', '0', '—'],
      ['Total', '6', '3', `50${NBSP}%`],
    ]);
    expect(regularity.rows.at(-1)).toMatchObject({ total: true });

    const signature = model.blocks.at(-1);
    expect(signature).toMatchObject({
      type: 'signature',
      placeDate: 'Fait le 14 mars 2025',
      title: 'Le Secrétariat',
    });
  });

  it('says what is missing for a bare body, and uses the signature and heading of the settings', async () => {
    await app.call('settings.update', {
      heading: {
        country: 'République du Mali',
        motto: 'Un Peuple – Un But – Une Foi',
        ministry: null,
        service: null,
      },
      signature: { place: 'Koulikoro', title: 'Le Directeur Régional', name: 'Boubacar Diallo' },
    });
    const bare = await app.call('bodies.create', {
      name: 'Cluster Protection',
      acronym: null,
      kind: 'cluster',
      level: 'national',
      periodicity: { kind: 'as_needed' },
      quorumRule: { kind: 'none' },
    });
    await app.call('bodies.close', {
      id: bare.id,
      closedOn: '2024-06-30',
      reason: 'Désactivation du cluster',
    });
    const model = await buildBodyFactSheet(
      db(),
      { kind: 'bodyFactSheet', bodyId: bare.id },
      await env('2025-03-14'),
    );
    expect(model.fileStem).toBe('2025-03-14_Cluster-Protection_fiche-presentation');
    expect(model.heading).toMatchObject({
      country: 'République du Mali',
      motto: 'Un Peuple – Un But – Une Foi',
      logo: false,
    });
    const identity = fields(section(model, '1. Identification'));
    expect(identity).toMatchObject({
      Sigle: '—',
      Territoire: 'Non renseigné',
      Statut: 'Fermée depuis le 30 juin 2024 (Désactivation du cluster)',
      'Date de création': 'Non renseignée',
      'Texte de création': 'Non renseigné',
    });
    expect(paragraphs(section(model, '2. Mandat'))).toEqual(['Le mandat de l’instance n’est pas renseigné.']);
    const texts = modelTexts(model);
    expect(texts).toContain('Aucun membre du bureau n’est désigné dans la composition.');
    expect(texts).toContain('La composition de l’instance n’est pas encore enregistrée.');
    expect(fields(section(model, '5. Fonctionnement'))).toEqual({
      'Périodicité des sessions': 'Chaque fois que de besoin',
      Quorum: 'Pas de quorum',
    });
    // Closed in 2024: regularity up to that year, nothing planned ("chaque fois que de besoin").
    const regularity = rowTexts(tables(section(model, '6. Régularité des sessions'))[0] as Table);
    expect(regularity.map((r) => r[0])).toEqual(['2022', '2023', '2024', 'Total']);
    expect(regularity.every((r) => r[3] === '—')).toBe(true);
    expect(texts.join('\n')).toContain('chaque fois que de besoin : aucune session n’est prévue d’avance');
    expect(model.blocks.at(-1)).toEqual({
      type: 'signature',
      placeDate: 'Fait à Koulikoro, le 14 mars 2025',
      title: 'Le Directeur Régional',
      name: 'Boubacar Diallo',
    });
  });

  it('refuses an unknown body', async () => {
    await expect(
      buildBodyFactSheet(
        db(),
        { kind: 'bodyFactSheet', bodyId: '01890000-0000-7000-8000-000000000000' },
        await env('2025-03-14'),
      ),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('rapport annuel d’activité', () => {
  it('reports sessions held against planned, attendance, and recommendations with their status', async () => {
    const s = await seedCrocsad();
    const model = await buildAnnualReport(
      db(),
      { kind: 'annualReport', bodyId: s.body.id, year: 2024 },
      await env('2025-03-14'),
    );
    expect(() => DocumentModelSchema.parse(model)).not.toThrow();
    expect(model.kind).toBe('annualReport');
    expect(model.fileStem).toBe('2025-03-14_CROCSAD_rapport-annuel-2024');
    expect(model.title).toBe('Rapport annuel d’activité 2024 — CROCSAD');
    expect(model.blocks[0]).toMatchObject({ type: 'title', text: 'RAPPORT ANNUEL D’ACTIVITÉ 2024' });
    expect(modelTexts(model)).not.toContain('Année en cours');

    const sessions = section(model, '2. Sessions tenues');
    expect(paragraphs(sessions)).toEqual([
      'En 2024, l’instance a tenu 1 session ordinaire sur 2 prévues d’après sa périodicité (en juin et ' +
        `décembre), soit un taux de régularité de 50${NBSP}%. Elle a également tenu 2 autres réunions ` +
        '(session extraordinaire, atelier, revue…). 1 session a été annulée ou reportée.',
    ]);
    const sessionTable = tables(sessions)[0] as Table;
    expect(sessionTable.columns.map((c) => c.header)).toEqual([
      'Date',
      'Session',
      'Statut',
      'Participants',
      'dont femmes',
    ]);
    expect(rowTexts(sessionTable)).toEqual([
      ['20 juin 2024', 'Session ordinaire n°3', 'Tenue', '9', `4 (44${NBSP}%)`],
      ['10 septembre 2024', 'Session extraordinaire sur les inondations', 'Tenue', 'Non saisie', ''],
      [
        '5 octobre 2024 au 6 octobre 2024',
        'Atelier de planification régionale (instance organisatrice : CNO — Conseil National d’Orientation)',
        'Tenue',
        'Non saisie',
        '',
      ],
      ['12 décembre 2024', 'Session ordinaire n°4', 'Annulée', '', ''],
      ['Total', '3 réunions tenues', '', '9', '4'],
    ]);

    const participation = section(model, '3. Participation');
    expect(fields(participation)).toEqual({
      'Réunions dont la présence est saisie': '1 sur 3',
      'Participants par réunion (moyenne)': '9',
      'Part des femmes': `44${NBSP}% (4 femmes)`,
      'Taux de présence des membres': `67${NBSP}% (4 présences sur 6 convocations)`,
    });
    expect(rowTexts(tables(participation)[0] as Table)).toEqual([
      ['Bureau de la coordination des affaires humanitaires (OCHA)', '1', '0', `0${NBSP}%`],
      ['Conseil Régional de Koulikoro (CRK)', '1', '1', `100${NBSP}%`],
      [
        'Direction Régionale du Développement Social et de l’Économie Solidaire (DRDSES)',
        '2',
        '1',
        `50${NBSP}%`,
      ],
      ['Gouvernorat de la Région de Koulikoro (GRK)', '1', '1', `100${NBSP}%`],
      ['Programme Alimentaire Mondial (PAM)', '1', '1', `100${NBSP}%`],
    ]);

    const issued = section(model, '4.1 Recommandations formulées en 2024');
    expect(paragraphs(issued)).toEqual(['2 recommandations formulées en 2024.']);
    expect(rowTexts(tables(issued)[0] as Table)).toEqual([
      [
        'CROCSAD/2024/06/R01',
        'Mettre à jour le plan régional de contingence',
        'DRDSES',
        '31 décembre 2024',
        'En cours',
      ],
      ['CROCSAD/2024/08/R01', 'Tenir une réunion avec les maires', 'CRK', '30 juin 2025', 'Non démarrée'],
    ]);

    const status = section(model, '4.2 Situation de l’ensemble des recommandations au 14 mars 2025');
    expect(rowTexts(tables(status)[0] as Table)).toEqual([
      ['Non démarrée', '2', `40${NBSP}%`],
      ['En cours', '1', `20${NBSP}%`],
      ['Réalisée', '1', `20${NBSP}%`],
      ['Partiellement réalisée', '0', `0${NBSP}%`],
      ['Non réalisée', '0', `0${NBSP}%`],
      ['Reportée', '0', `0${NBSP}%`],
      ['Abandonnée', '1', `20${NBSP}%`],
      ['Total', '5', `100${NBSP}%`],
    ]);
    expect(paragraphs(status)).toEqual([`Taux de mise en œuvre : 33${NBSP}% (1 réalisée sur 3 échues).`]);

    const overdue = section(model, '4.3 Recommandations en retard');
    expect(rowTexts(tables(overdue)[0] as Table).map((r) => r[0])).toEqual([
      'CROCSAD/2023/06/R01',
      'CROCSAD/2024/06/R01',
    ]);

    expect(model.blocks.at(-1)).toMatchObject({ type: 'signature', placeDate: 'Fait le 14 mars 2025' });
  });

  it('reports the current year to date, and an empty year plainly', async () => {
    const s = await seedCrocsad();
    const current = await buildAnnualReport(
      db(),
      { kind: 'annualReport', bodyId: s.body.id, year: 2025 },
      await env('2025-03-14'),
    );
    const texts = modelTexts(current);
    expect(texts).toContain('Année en cours : situation au 14 mars 2025.');
    expect(texts).toContain('Aucune réunion tenue dans l’année : pas de données de participation.');
    expect(texts).toContain('Aucune recommandation n’a été formulée en 2025.');
    expect(texts).toContain('Prévue');
    // June's planned session is still ahead: listed as planned, not as missed.
    const sessionTable = tables(section(current, '2. Sessions tenues'))[0] as Table;
    expect(rowTexts(sessionTable)).toEqual([
      ['1er juin 2025', 'Session ordinaire', 'Prévue', '', ''],
      ['1er décembre 2025', 'Session ordinaire', 'Prévue', '', ''],
    ]);

    const past = await buildAnnualReport(
      db(),
      { kind: 'annualReport', bodyId: s.body.id, year: 2022 },
      await env('2025-03-14'),
    );
    const pastSessions = section(past, '2. Sessions tenues');
    expect(rowTexts(tables(pastSessions)[0] as Table)).toEqual([
      ['1er juin 2022', 'Session ordinaire', 'Non tenue', '', ''],
      ['1er décembre 2022', 'Session ordinaire', 'Non tenue', '', ''],
    ]);
    expect(paragraphs(pastSessions)[0]).toContain(`0 session ordinaire sur 2 prévues`);
    expect(paragraphs(pastSessions)[0]).toContain(`0${NBSP}%`);
  });
});

describe('with the demonstration data', () => {
  it('presents the GTGPS with its composition as of today', async () => {
    await app.call('demo.load', {});
    const today = localToday();
    const [gtgps] = await app.call('bodies.list', { text: 'GTGPS' });
    if (!gtgps) throw new Error('no GTGPS in the demo data');
    const model = await buildBodyFactSheet(
      db(),
      { kind: 'bodyFactSheet', bodyId: gtgps.id },
      await env(today),
    );
    const composition = await app.call('composition.asAt', { bodyId: gtgps.id, date: today });
    const table = tables(section(model, '4. Composition'))[0] as Table;
    expect(rowTexts(table).map((r) => [r[0], r[3]])).toEqual(
      composition.seats.map((seat, i) => [String(i + 1), seat.holder?.person.label ?? 'Vacant']),
    );
    expect(fields(section(model, '5. Fonctionnement'))['Périodicité des sessions']).toBe(
      'Semestrielle (2 sessions ordinaires par an)',
    );
    expect(fields(section(model, '3. Secrétariat et bureau')).Secrétariat).toContain('(DPFG)');
    expect(paragraphs(section(model, '2. Mandat'))[0]).toContain('Assurer la coordination');
  });

  it('reports last year of the sous-groupe Genre: 2 of its 4 quarterly sessions held', async () => {
    await app.call('demo.load', {});
    const today = localToday();
    const year = Number(today.slice(0, 4)) - 1;
    const [genre] = await app.call('bodies.list', { text: 'Sous-groupe Genre' });
    if (!genre) throw new Error('no sous-groupe Genre in the demo data');
    const model = await buildAnnualReport(
      db(),
      { kind: 'annualReport', bodyId: genre.id, year },
      await env(today),
    );
    const sessions = section(model, '2. Sessions tenues');
    expect(paragraphs(sessions)[0]).toContain(`2 sessions ordinaires sur 4 prévues`);
    expect(paragraphs(sessions)[0]).toContain(`50${NBSP}%`);
    const rows = rowTexts(tables(sessions)[0] as Table);
    expect(rows.filter((r) => r[2] === 'Non tenue')).toHaveLength(2);
    expect(rows.some((r) => r[1]?.includes('instance organisatrice : GTGPS'))).toBe(true);
    expect(paragraphs(section(model, `4.1 Recommandations formulées en ${year}`))[0]).toMatch(
      /^\d+ recommandations formulées/,
    );
  });
});
