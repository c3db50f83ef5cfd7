import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocument } from '../../electron/backend/features/documents/builders';
import { atPlace } from '../../electron/backend/features/documents/builders/meetingSource';
import type { BuildEnv } from '../../electron/backend/features/documents/types';
import { readSettings } from '../../electron/backend/features/settings/repository';
import {
  type Block,
  type DocumentModel,
  DocumentModelSchema,
  MEETING_DOCUMENT_KINDS,
  type MeetingDocumentKind,
  modelTexts,
} from '../../shared/documents/model';
import { uuidv7 } from '../../shared/domain/ids';
import type { AgendaItemKind } from '../../shared/domain/vocabularies';
import type { InputOf } from '../../shared/rpc';
import { DEFAULT_BLANK_ROWS } from '../../shared/rpc/documents';
import { buildCommittee, type Committee } from '../fixtures/participants/committee';
import { startTestApp, type TestApp } from './harness';

// The seven documents of a meeting, built from data entered through the app's own services,
// read as a secretary would read them: titles, dates in long French form, tables in order,
// totals, the implementation rate, file names — and the edge cases that must still read well.

const TODAY = '2025-03-20';
const HOSTILE = '<script>alert(1)</script> =HYPERLINK("http://x","clic") 🎉 اجتماع';
const LONG = 'Les partenaires rappellent l’importance du ciblage. '.repeat(600).slice(0, 30_000);

async function envOf(app: TestApp, today = TODAY): Promise<BuildEnv> {
  return { settings: await readSettings(app.backend.context.db), hasLogo: false, today };
}

async function build(
  app: TestApp,
  kind: MeetingDocumentKind,
  meetingId: string,
  extra: { blankRows?: number } = {},
): Promise<DocumentModel> {
  const model = await buildDocument(app.backend.context.db, { kind, meetingId, ...extra }, await envOf(app));
  // Every model is what the contract promises, whatever it holds.
  return DocumentModelSchema.parse(model);
}

const runsText = (runs: { text: string }[]) => runs.map((r) => r.text).join('');
const tables = (model: DocumentModel) =>
  model.blocks.filter((b): b is Extract<Block, { type: 'table' }> => b.type === 'table');
/** Table rows as text: a group row as "# text", a row as its cells' texts. */
const rowsOf = (table: Extract<Block, { type: 'table' }>) =>
  table.rows.map((row) => (row.kind === 'group' ? `# ${row.text}` : row.cells.map(runsText)));
const headersOf = (table: Extract<Block, { type: 'table' }>) => table.columns.map((c) => c.header);
const tableWith = (model: DocumentModel, header: string) => {
  const found = tables(model).find((t) => t.columns.some((c) => c.header === header));
  if (!found) throw new Error(`No table with a "${header}" column in ${model.kind}`);
  return found;
};
const allText = (model: DocumentModel) => modelTexts(model).join('\n');
const headings = (model: DocumentModel, level?: number) =>
  model.blocks.flatMap((b) =>
    b.type === 'heading' && (level === undefined || b.level === level) ? [b.text] : [],
  );
const titleOf = (model: DocumentModel) => {
  const title = model.blocks.find((b) => b.type === 'title');
  return title?.type === 'title' ? title : null;
};

describe('the documents of a two-day session with everything recorded', () => {
  let app: TestApp;
  let c: Committee;
  let meetingId: string;
  let previousId: string;
  const models = new Map<MeetingDocumentKind, DocumentModel>();

  beforeAll(async () => {
    app = await startTestApp();
    await app.call('settings.update', {
      heading: {
        country: 'République du Mali',
        motto: 'Un Peuple – Un But – Une Foi',
        ministry: 'Ministère de la Santé et du Développement Social',
        service: 'Direction Régionale du Développement Social de Koulikoro',
      },
      signature: {
        place: 'Koulikoro',
        title: 'Le Directeur Régional du Développement Social',
        name: 'Mamadou Konaté',
      },
    });
    c = await buildCommittee(app);
    const { organisations: o, people: p } = c;

    // The previous session and its recommendations, followed up at this one.
    previousId = (
      await app.call('meetings.create', { bodyId: c.body.id, kind: 'ordinary', startDate: '2025-01-15' })
    ).id;
    const fromPrevious = (text: string, dueDate: string | null, leadOrganisationId: string) =>
      app.call('recommendations.create', {
        bodyId: c.body.id,
        originKind: 'meeting',
        originMeetingId: previousId,
        text,
        dueDate,
        leadOrganisationId,
      });
    const done = await fromPrevious('Élaborer le répertoire des partenaires (3W)', '2025-02-28', o.dnpses.id);
    const late = await fromPrevious(
      'Rendre fonctionnels les sous-groupes thématiques',
      '2025-03-01',
      o.masm.id,
    );
    await fromPrevious('Mobiliser les ressources du plan de travail', null, o.pam.id);
    await app.call('recommendations.addUpdate', {
      id: late.id,
      date: '2025-02-10',
      status: 'in_progress',
      progress: 40,
    });

    const meeting = await app.call('meetings.create', {
      bodyId: c.body.id,
      kind: 'ordinary',
      startDate: '2025-03-14',
      endDate: '2025-03-15',
      startTime: '08:30',
      endTime: '12:30',
      place: 'Koulikoro, salle du Gouvernorat',
    });
    meetingId = meeting.id;
    // Recorded at the session: the first recommendation is now done.
    await app.call('recommendations.addUpdate', {
      id: done.id,
      date: '2025-03-15',
      status: 'done',
      actionsTaken: 'Répertoire publié et diffusé aux partenaires.',
      source: 'meeting',
      meetingId,
    });

    const item = (
      day: string,
      kind: AgendaItemKind | null,
      title: string,
      startTime: string | null,
      endTime: string | null,
      responsible: { organisationIds?: string[]; personIds?: string[]; text?: string | null } = {},
    ) => ({
      day,
      entryType: 'item' as const,
      kind,
      title,
      startTime,
      endTime,
      responsible: { organisationIds: [], personIds: [], text: null, ...responsible },
    });
    const part = (day: string, title: string) => ({ day, entryType: 'part' as const, title });
    const agenda = await app.call('agenda.save', {
      meetingId,
      entries: [
        part('2025-03-14', 'Première partie : mise en synergie'),
        item('2025-03-14', 'registration', 'Enregistrement des participants', '08:30', '09:00', {
          text: 'Secrétariat',
        }),
        item('2025-03-14', 'opening', 'Cérémonie d’ouverture', '09:00', '09:30', {
          organisationIds: [o.masm.id],
        }),
        item('2025-03-14', 'agenda_adoption', 'Adoption de l’ordre du jour', '09:30', '09:45'),
        item(
          '2025-03-14',
          'recommendations_follow_up',
          'Point de la mise en œuvre des recommandations',
          '09:45',
          '10:30',
          {
            personIds: [p.mariam.id],
          },
        ),
        item('2025-03-14', 'break', 'Pause-café', '10:30', '10:45'),
        {
          ...item('2025-03-14', 'presentation', HOSTILE, '10:45', '12:00', {
            organisationIds: [o.pam.id],
            text: 'DNPSES',
          }),
          documents: [{ title: 'Rapport annuel 2024', reference: 'RAP-2024' }],
        },
        part('2025-03-15', 'Deuxième partie : travaux de groupes'),
        item('2025-03-15', 'group_work', 'Travaux de groupes', '09:00', '12:00', { text: 'Facilitateurs' }),
        item('2025-03-15', 'closing', 'Clôture', '12:00', '12:30'),
      ],
    });
    const presentation = agenda.entries.find((e) => e.kind === 'presentation');
    if (!presentation) throw new Error('no presentation item');

    // Invitees in protocol order, plus one extra invitee with a telephone number.
    await app.call('invitees.generate', { meetingId });
    const oumar = await app.call('people.create', {
      firstName: 'Oumar',
      lastName: 'Sangaré',
      sex: 'male',
      organisationId: o.oxfam.id,
      phone: '+223 76 00 00 01',
      email: 'oumar.sangare@oxfam.org',
    });
    await app.call('invitees.addExtra', { meetingId, personId: oumar.id });
    const invitees = await app.call('invitees.list', { meetingId });
    const inviteeOf = (personId: string | null) => {
      const found = invitees.find((i) => (i.person?.id ?? null) === personId);
      if (!found) throw new Error('invitee not found');
      return found.id;
    };
    const mark = (
      inviteeId: string,
      status: InputOf<'attendance.mark'>['status'],
      extra: Partial<InputOf<'attendance.mark'>> = {},
    ) => app.call('attendance.mark', { meetingId, inviteeId, status, ...extra });
    await mark(inviteeOf(p.awa.id), 'present');
    await mark(inviteeOf(p.moussa.id), 'represented', {
      representativeName: 'Kadiatou Diallo',
      representativeFunction: 'Chargée de programme',
      representativeSex: 'female',
    });
    await mark(inviteeOf(p.fatoumata.id), 'present');
    await mark(inviteeOf(p.ibrahim.id), 'absent');
    await mark(inviteeOf(p.mariam.id), 'excused');
    await mark(inviteeOf(oumar.id), 'present');
    await app.call('attendance.addWalkIn', {
      meetingId,
      name: 'Seydou Traoré',
      function: 'Volontaire',
      organisationLabel: 'Croix-Rouge malienne',
      sex: 'male',
    });
    await app.call('attendance.setCount', { meetingId, label: 'DGPSN', count: 4, women: 1 });

    // Working group, minutes (in review), recommendations of the session.
    const [group] = await app.call('workingGroups.save', {
      meetingId,
      groups: [
        {
          theme: 'Ciblage des ménages vulnérables',
          facilitator: 'DNPSES',
          rapporteur: 'PAM',
          keyPoints: '- Harmoniser le registre social unifié\n- Partager les listes de bénéficiaires',
          recommendations: 'Mettre à jour le RSU chaque année',
        },
      ],
    });
    const minutes = await app.call('minutes.open', { meetingId });
    const sections = minutes.sections.map((s) =>
      s.agendaEntryId === presentation.id
        ? {
            ...s,
            content: {
              type: 'doc' as const,
              content: [
                {
                  type: 'paragraph',
                  content: [
                    { type: 'text', text: 'Le PAM a présenté ' },
                    { type: 'text', text: 'le rapport annuel', marks: [{ type: 'bold' }] },
                    { type: 'text', text: '.' },
                  ],
                },
                { type: 'paragraph', content: [{ type: 'text', text: HOSTILE }] },
                { type: 'paragraph', content: [{ type: 'text', text: LONG }] },
              ],
            },
          }
        : s,
    );
    sections.push({
      id: uuidv7(),
      kind: 'custom',
      agendaEntryId: null,
      title: 'Divers',
      responsible: null,
      content: {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [{ type: 'text', text: 'La prochaine session se tiendra à Ségou.' }],
          },
        ],
      },
    });
    await app.call('minutes.save', {
      meetingId,
      saveId: uuidv7(),
      baseRevision: minutes.revision,
      sections,
      rapporteurPersonId: p.boubacar.id,
    });
    await app.call('minutes.transition', { meetingId, action: 'submit_review' });

    const recommend = (input: Omit<InputOf<'recommendations.create'>, 'bodyId' | 'originMeetingId'>) =>
      app.call('recommendations.create', { bodyId: c.body.id, originMeetingId: meetingId, ...input });
    await recommend({
      originKind: 'agenda_item',
      originAgendaEntryId: presentation.id,
      text: 'Mettre à jour le registre social unifié (RSU)',
      leadOrganisationId: o.pam.id,
      associatedOrganisationIds: [o.unicef.id],
      dueDate: '2025-06-30',
    });
    await recommend({
      originKind: 'meeting',
      kind: 'decision',
      text: 'Tenir la prochaine session à Ségou',
      leadOrganisationId: o.masm.id,
    });
    await recommend({
      originKind: 'working_group',
      originWorkingGroupId: group?.id,
      text: 'Partager les listes de bénéficiaires entre partenaires',
      leadOrganisationId: o.dnpses.id,
      dueDate: '2025-04-30',
    });

    for (const kind of MEETING_DOCUMENT_KINDS) models.set(kind, await build(app, kind, meetingId));
  });
  afterAll(async () => {
    await app.close();
  });

  const model = (kind: MeetingDocumentKind): DocumentModel => {
    const found = models.get(kind);
    if (!found) throw new Error(`${kind} not built`);
    return found;
  };

  it('names every file by date, acronym and what it is, and signs every page', () => {
    expect(MEETING_DOCUMENT_KINDS.map((k) => model(k).fileStem)).toEqual([
      '2025-03-14_GTGPS_convocation',
      '2025-03-14_GTGPS_ordre-du-jour',
      '2025-03-14_GTGPS_feuille-emargement',
      '2025-03-14_GTGPS_liste-presence',
      '2025-03-14_GTGPS_proces-verbal',
      '2025-03-14_GTGPS_releve-decisions',
      '2025-03-14_GTGPS_aide-memoire',
    ]);
    for (const kind of MEETING_DOCUMENT_KINDS) {
      expect(model(kind).kind).toBe(kind);
      expect(model(kind).footer).toBe('GTGPS — 2e session ordinaire du 14 mars 2025');
      expect(model(kind).heading).toMatchObject({
        country: 'République du Mali',
        motto: 'Un Peuple – Un But – Une Foi',
        service: 'Direction Régionale du Développement Social de Koulikoro',
        logo: false,
      });
    }
    expect(model('aideMemoire').title).toBe('Aide-mémoire — GTGPS — 2e session ordinaire du 14 mars 2025');
    expect(model('signInSheet').orientation).toBe('landscape');
    expect(model('convocation').orientation).toBe('portrait');
  });

  it('convocation: a dated letter inviting the members, with the agenda and the addressees', () => {
    const m = model('convocation');
    expect(m.heading.placeDate).toBe('Koulikoro, le 20 mars 2025');
    expect(m.heading.reference).toBe('N° ________/GTGPS');
    const texts = modelTexts(m);
    expect(texts).toContain('Le Directeur Régional du Développement Social');
    expect(texts).toContain(
      'Mesdames et Messieurs les membres du Groupe thématique Genre et Protection sociale (GTGPS)',
    );
    expect(texts).toContain(
      'Objet : Convocation à la 2e session ordinaire du Groupe thématique Genre et Protection sociale (GTGPS)',
    );
    expect(texts).toContain(
      'J’ai l’honneur de vous inviter à la 2e session ordinaire du Groupe thématique Genre et Protection sociale ' +
        '(GTGPS), qui se tiendra du vendredi 14 mars 2025 au samedi 15 mars 2025, à partir de 08h30, ' +
        'à Koulikoro, salle du Gouvernorat.',
    );
    // The agenda's substance, by day and part: registration and the break are left out.
    const lists = m.blocks.filter((b) => b.type === 'list');
    expect(lists.map((l) => (l.type === 'list' ? l.items.map(runsText) : []))).toEqual([
      [
        'Cérémonie d’ouverture',
        'Adoption de l’ordre du jour',
        'Point de la mise en œuvre des recommandations',
        HOSTILE,
      ],
      ['Travaux de groupes', 'Clôture'],
    ]);
    const start = texts.indexOf('L’ordre du jour est le suivant :');
    expect(texts.slice(start + 1, start + 3)).toEqual([
      'Jour 1 — vendredi 14 mars 2025',
      'Première partie : mise en synergie',
    ]);
    expect(texts).toContain('Jour 2 — samedi 15 mars 2025');
    expect(allText(m)).toContain(
      'votre présence effective ou celle de votre représentant est vivement souhaitée',
    );
    // Signed as the settings say, without a second date (the letter is dated in its heading).
    const signature = m.blocks.find((b) => b.type === 'signature');
    expect(signature).toEqual({
      type: 'signature',
      title: 'Le Directeur Régional du Développement Social',
      name: 'Mamadou Konaté',
    });
    const addressees = tableWith(m, 'Structure');
    expect(headersOf(addressees)).toEqual(['N°', 'Structure', 'Fonction']);
    expect(rowsOf(addressees)).toEqual([
      ['1', 'MASM', 'Ministre de l’Action sociale ou son représentant'],
      ['2', 'DNPSES', 'Directeur national de la protection sociale ou son représentant'],
      ['3', 'DNPSES', 'Secrétariat technique (DNPSES)'],
      ['4', 'PAM', 'Représentante du PAM ou son représentant'],
      ['5', 'UNICEF', 'Représentant de l’UNICEF ou son représentant'],
      ['6', '', 'Point focal genre du ministère de la Santé ou son représentant'],
      ['7', 'Oxfam', 'Oumar Sangaré'],
    ]);
  });

  it('ordre du jour: Horaire | Activités | Responsable, with days and parts as group rows', () => {
    const m = model('agenda');
    expect(titleOf(m)).toEqual({
      type: 'title',
      text: 'ORDRE DU JOUR',
      subtitle:
        '2e session ordinaire du Groupe thématique Genre et Protection sociale (GTGPS) — ' +
        'du vendredi 14 mars 2025 au samedi 15 mars 2025, Koulikoro, salle du Gouvernorat',
    });
    const table = tableWith(m, 'Horaire');
    expect(headersOf(table)).toEqual(['Horaire', 'Activités', 'Responsable']);
    expect(rowsOf(table)).toEqual([
      '# Jour 1 — vendredi 14 mars 2025',
      '# Première partie : mise en synergie',
      ['08h30 – 09h00', 'Enregistrement des participants', 'Secrétariat'],
      ['09h00 – 09h30', 'Cérémonie d’ouverture', 'MASM'],
      ['09h30 – 09h45', 'Adoption de l’ordre du jour', ''],
      ['09h45 – 10h30', 'Point de la mise en œuvre des recommandations', 'Mariam Sidibé'],
      ['10h30 – 10h45', 'Pause-café', ''],
      ['10h45 – 12h00', `${HOSTILE}\nDocuments : Rapport annuel 2024 (réf. RAP-2024)`, 'PAM / DNPSES'],
      '# Jour 2 — samedi 15 mars 2025',
      '# Deuxième partie : travaux de groupes',
      ['09h00 – 12h00', 'Travaux de groupes', 'Facilitateurs'],
      ['12h00 – 12h30', 'Clôture', ''],
    ]);
  });

  it('feuille d’émargement: one tall sheet per day, invitees in protocol order, then numbered blank rows', async () => {
    const m = model('signInSheet');
    expect(titleOf(m)?.text).toBe('FEUILLE D’ÉMARGEMENT');
    expect(headings(m, 2)).toEqual(['Jour 1 — vendredi 14 mars 2025', 'Jour 2 — samedi 15 mars 2025']);
    const sheets = tables(m);
    expect(sheets).toHaveLength(2);
    expect(m.blocks.filter((b) => b.type === 'pageBreak')).toHaveLength(1);
    const [first] = sheets;
    if (!first) throw new Error('no sheet');
    expect(first.tall).toBe(true);
    expect(headersOf(first)).toEqual([
      'N°',
      'Nom et prénom(s)',
      'Fonction',
      'Structure',
      'Téléphone',
      'Email',
      'Signature',
    ]);
    const rows = rowsOf(first);
    expect(rows.slice(0, 7)).toEqual([
      [
        '1',
        'Awa Traoré',
        'Ministre de l’Action sociale ou son représentant',
        'MASM',
        '',
        'awa.traore@masm.gov.ml',
        '',
      ],
      [
        '2',
        'Moussa Diarra',
        'Directeur national de la protection sociale ou son représentant',
        'DNPSES',
        '',
        '',
        '',
      ],
      ['3', 'Mariam Sidibé', 'Secrétariat technique (DNPSES)', 'DNPSES', '', '', ''],
      [
        '4',
        'Fatoumata Keïta',
        'Représentante du PAM ou son représentant',
        'PAM',
        '',
        'fatoumata.keita@wfp.org',
        '',
      ],
      ['5', 'Ibrahim Coulibaly', 'Représentant de l’UNICEF ou son représentant', 'UNICEF', '', '', ''],
      // A vacant seat: the name is left for whoever comes.
      ['6', '', 'Point focal genre du ministère de la Santé ou son représentant', '', '', '', ''],
      ['7', 'Oumar Sangaré', '', 'Oxfam', '+223 76 00 00 01', 'oumar.sangare@oxfam.org', ''],
    ]);
    expect(rows).toHaveLength(7 + DEFAULT_BLANK_ROWS);
    expect(rows.slice(7)).toEqual(
      Array.from({ length: DEFAULT_BLANK_ROWS }, (_, i) => [String(8 + i), '', '', '', '', '', '']),
    );

    const three = await build(app, 'signInSheet', meetingId, { blankRows: 3 });
    expect(rowsOf(tables(three)[0] ?? first)).toHaveLength(10);
    const none = await build(app, 'signInSheet', meetingId, { blankRows: 0 });
    expect(rowsOf(tables(none)[0] ?? first).at(-1)?.[0]).toBe('7');
  });

  it('liste de présence: who was there, numbered, with totals by category and by sex, quorum, absentees', () => {
    const m = model('attendanceList');
    expect(titleOf(m)?.text).toBe('LISTE DE PRÉSENCE');
    const present = tableWith(m, 'Statut');
    expect(headersOf(present)).toEqual(['N°', 'Nom et prénom(s)', 'Fonction', 'Structure', 'Sexe', 'Statut']);
    expect(rowsOf(present)).toEqual([
      ['1', 'Awa Traoré', 'Ministre de l’Action sociale ou son représentant', 'MASM', 'F', 'Présent(e)'],
      [
        '2',
        'Moussa Diarra',
        'Directeur national de la protection sociale ou son représentant',
        'DNPSES',
        'F',
        'Représenté(e) par Kadiatou Diallo, Chargée de programme',
      ],
      ['3', 'Fatoumata Keïta', 'Représentante du PAM ou son représentant', 'PAM', 'F', 'Présent(e)'],
      ['4', 'Oumar Sangaré', '', 'Oxfam', 'M', 'Présent(e)'],
      ['5', 'Seydou Traoré', 'Volontaire', 'Croix-Rouge malienne', 'M', 'Présent(e) (non invité(e))'],
      ['6–9', '4 participants', '', 'DGPSN', 'dont 1 F', 'Présent(e)s (effectif)'],
    ]);
    const texts = modelTexts(m);
    expect(texts).toContain(
      'Participants : 9, dont 4 femmes (44\u00a0% des participants dont le sexe est connu).',
    );
    expect(texts).toContain(
      'Quorum : atteint (majorité des membres votants : 3 membres requis, 3 présents).',
    );
    // Largest first, then in the vocabulary's code order.
    expect(rowsOf(tableWith(m, 'Catégorie de structure'))).toEqual([
      ['Autre', '5'],
      ['Direction centrale', '1'],
      ['ONG internationale', '1'],
      ['Ministère', '1'],
      ['Agence des Nations unies', '1'],
      ['Total', '9'],
    ]);
    const bySex = tableWith(m, 'Part');
    expect(rowsOf(bySex)).toEqual([
      ['Femmes', '4', '44\u00a0%'],
      ['Hommes', '5', '56\u00a0%'],
      ['Total', '9', '100\u00a0%'],
    ]);
    expect(bySex.rows.at(-1)).toMatchObject({ total: true });
    const absent = tables(m).find((t) => headersOf(t).length === 5);
    expect(absent && rowsOf(absent)).toEqual([
      ['1', 'Mariam Sidibé', 'Secrétariat technique (DNPSES)', 'DNPSES', 'Excusé(e)'],
      ['2', 'Ibrahim Coulibaly', 'Représentant de l’UNICEF ou son représentant', 'UNICEF', 'Absent(e)'],
    ]);
    expect(texts).toContain('1 invité(e) sans présence enregistrée.');
  });

  it('procès-verbal: fields, agenda recalled, the rapporteur’s sections, groups, recommendations, signatures', () => {
    const m = model('minutes');
    expect(titleOf(m)).toEqual({
      type: 'title',
      text: 'PROCÈS-VERBAL',
      subtitle:
        '2e session ordinaire du Groupe thématique Genre et Protection sociale (GTGPS) — Projet — en relecture',
    });
    const fields = m.blocks.find((b) => b.type === 'fields');
    expect(fields?.type === 'fields' && fields.items).toEqual([
      { label: 'Date', value: 'du vendredi 14 mars 2025 au samedi 15 mars 2025' },
      { label: 'Horaire', value: '08h30 – 12h30' },
      { label: 'Lieu', value: 'Koulikoro, salle du Gouvernorat' },
      { label: 'Présidence', value: 'Awa Traoré, Ministre de l’Action sociale' },
      { label: 'Rapporteur', value: 'Boubacar Cissé' },
      { label: 'Participants', value: '9 participants, dont 4 femmes' },
      { label: 'Quorum', value: 'atteint (3 sur 3 requis)' },
    ]);
    expect(headings(m, 1)).toEqual([
      'Ordre du jour',
      'Déroulement des travaux',
      'Travaux de groupes',
      'Recommandations et décisions',
    ]);
    expect(headings(m, 2)).toEqual([
      'Cérémonie d’ouverture',
      'Adoption de l’ordre du jour',
      'Point de la mise en œuvre des recommandations',
      HOSTILE,
      'Travaux de groupes',
      'Clôture',
      'Divers',
      'Groupe 1 : Ciblage des ménages vulnérables',
    ]);
    // The rich text, its emphasis kept; hostile and long texts passed through untouched.
    const bold = m.blocks.find(
      (b) => b.type === 'paragraph' && b.runs.some((r) => r.bold && r.text === 'le rapport annuel'),
    );
    expect(bold).toBeDefined();
    const texts = modelTexts(m);
    expect(texts).toContain('Le PAM a présenté le rapport annuel.');
    expect(texts).toContain(HOSTILE);
    expect(texts).toContain(LONG);
    expect(texts).toContain('La prochaine session se tiendra à Ségou.');
    expect(texts).toContain('Harmoniser le registre social unifié');
    const recommendations = tableWith(m, 'Échéance');
    expect(headersOf(recommendations)).toEqual(['N°', 'Recommandation', 'Responsable', 'Échéance']);
    expect(rowsOf(recommendations)).toEqual([
      [
        '1',
        'Mettre à jour le registre social unifié (RSU) (réf. GTGPS/2025/03/R04)',
        'PAM, UNICEF',
        '30 juin 2025',
      ],
      [
        '2',
        'Décision — Tenir la prochaine session à Ségou (réf. GTGPS/2025/03/R05)',
        'MASM',
        'Sans échéance',
      ],
      [
        '3',
        'Partager les listes de bénéficiaires entre partenaires (réf. GTGPS/2025/03/R06)',
        'DNPSES',
        '30 avril 2025',
      ],
    ]);
    const signatures = m.blocks.filter((b) => b.type === 'signature');
    expect(signatures).toEqual([
      {
        type: 'signature',
        placeDate: 'Fait à Koulikoro, le 15 mars 2025',
        title: 'Le Rapporteur',
        name: 'Boubacar Cissé',
      },
      { type: 'signature', title: 'La Présidente', name: 'Awa Traoré' },
    ]);
  });

  it('relevé de décisions: every decision and recommendation of the session by reference, kind shown', () => {
    const m = model('decisions');
    expect(titleOf(m)?.text).toBe('RELEVÉ DE DÉCISIONS');
    expect(titleOf(m)?.subtitle).toContain('du vendredi 14 mars 2025 au samedi 15 mars 2025');
    const table = tableWith(m, 'Décision / recommandation');
    expect(rowsOf(table).map((r) => (Array.isArray(r) ? [r[0], r[1]?.slice(0, 30)] : r))).toEqual([
      ['1', 'Mettre à jour le registre soci'],
      ['2', 'Décision — Tenir la prochaine '],
      ['3', 'Partager les listes de bénéfic'],
    ]);
    expect(m.blocks.at(-1)).toEqual({
      type: 'signature',
      placeDate: 'Fait à Koulikoro, le 20 mars 2025',
      title: 'Le Directeur Régional du Développement Social',
      name: 'Mamadou Konaté',
    });
  });

  it('aide-mémoire: numbered sections, participation by structure, points per item, follow-up with the rate', () => {
    const m = model('aideMemoire');
    expect(titleOf(m)?.text).toBe('AIDE-MÉMOIRE');
    expect(headings(m, 1)).toEqual([
      'I. Contexte et objectifs',
      'II. Participation',
      'III. Points saillants',
      'IV. Recommandations',
      'V. État de mise en œuvre des recommandations de la session précédente',
      'VI. Prochaines étapes',
    ]);
    const texts = modelTexts(m);
    expect(texts).toContain(
      'La 2e session ordinaire du Groupe thématique Genre et Protection sociale (GTGPS) s’est tenue ' +
        'du vendredi 14 mars 2025 au samedi 15 mars 2025 à Koulikoro, salle du Gouvernorat, ' +
        'sous la présidence de Awa Traoré (Ministre de l’Action sociale).',
    );
    expect(texts).toContain('Les objectifs de la session étaient les suivants :');

    expect(texts).toContain(
      '9 participants, dont 4 femmes (44\u00a0%), issus de 6 structures, ont pris part à la session.',
    );
    expect(texts).toContain(
      'Le quorum (majorité des membres votants) était atteint : 3 membres présents pour 3 requis.',
    );
    const participation = tableWith(m, 'dont femmes');
    expect(rowsOf(participation)).toEqual([
      ['DGPSN', '4', '1'],
      ['Croix-Rouge malienne', '1', '0'],
      ['DNPSES', '1', '1'],
      ['MASM', '1', '1'],
      ['Oxfam', '1', '0'],
      ['PAM', '1', '1'],
      ['Total', '9', '4'],
    ]);

    // Salient points: one heading per substantive agenda item, the minutes and recommendations under it.
    expect(headings(m, 2)).toEqual([
      'Cérémonie d’ouverture',
      'Adoption de l’ordre du jour',
      'Point de la mise en œuvre des recommandations',
      HOSTILE,
      'Travaux de groupes',
      'Clôture',
      'Divers',
    ]);
    // The working group's outputs under the agenda's group-work item.
    const groupWork = texts.indexOf('Travaux de groupes', texts.indexOf('III. Points saillants'));
    expect(texts.slice(groupWork + 1, groupWork + 4)).toEqual([
      'Présenté par : Facilitateurs',
      'Groupe 1 : Ciblage des ménages vulnérables',
      'Facilitateur',
    ]);
    const presentation = texts.indexOf(HOSTILE, texts.indexOf('III. Points saillants'));
    const following = texts.slice(presentation, presentation + 8);
    expect(following).toContain('Présenté par : PAM / DNPSES');
    expect(following).toContain('Le PAM a présenté le rapport annuel.');
    expect(following).toContain('Recommandation issue de ce point :');
    expect(following).toContain('Mettre à jour le registre social unifié (RSU)');
    expect(headings(m, 3)).toEqual(['Groupe 1 : Ciblage des ménages vulnérables']);

    const recommendations = tableWith(m, 'Échéance');
    expect(headersOf(recommendations)).toEqual(['N°', 'Recommandation', 'Responsable', 'Échéance', 'Statut']);
    expect(rowsOf(recommendations).map((r) => (Array.isArray(r) ? r.at(-1) : r))).toEqual([
      'Non démarrée',
      'Non démarrée',
      'Non démarrée',
    ]);

    expect(texts).toContain('Taux de mise en œuvre : 50\u00a0% (1 sur 2)');
    expect(texts).toContain('Sur 3 recommandations suivies : 1 non démarrée, 1 en cours, 1 réalisée.');
    const followUp = tableWith(m, 'Avancement');
    expect(headersOf(followUp)).toEqual(['Réf.', 'Recommandation', 'Responsable', 'Statut', 'Avancement']);
    expect(rowsOf(followUp)).toEqual([
      [
        'GTGPS/2025/01/R01',
        'Élaborer le répertoire des partenaires (3W)\nÉchéance : 28 février 2025',
        'DNPSES',
        'Réalisée',
        '100\u00a0%',
      ],
      [
        'GTGPS/2025/01/R02',
        'Rendre fonctionnels les sous-groupes thématiques\nÉchéance : 1er mars 2025',
        'MASM',
        'En cours',
        '40\u00a0%',
      ],
      ['GTGPS/2025/01/R03', 'Mobiliser les ressources du plan de travail', 'PAM', 'Non démarrée', '0\u00a0%'],
    ]);

    const steps = m.blocks.at(-2);
    expect(steps?.type === 'list' && steps.items.map(runsText)).toEqual([
      'Prochaine session prévue en avril 2025 (périodicité : trimestrielle).',
      'Mise en œuvre et suivi des 3 recommandations de la présente session.',
      'Échéance du 30 avril 2025 : Partager les listes de bénéficiaires entre partenaires (DNPSES)',
      'Poursuite de la mise en œuvre des 2 recommandations antérieures encore ouvertes.',
    ]);
    expect(m.blocks.at(-1)).toMatchObject({
      type: 'signature',
      placeDate: 'Fait à Koulikoro, le 20 mars 2025',
    });
  });

  it('the previous session’s documents: its recommendations, no follow-up, the next session recorded', async () => {
    const m = await build(app, 'aideMemoire', previousId);
    const texts = modelTexts(m);
    expect(texts).toContain(
      'Aucune recommandation des sessions précédentes n’était à suivre lors de cette session.',
    );
    expect(rowsOf(tableWith(m, 'Statut')).map((r) => (Array.isArray(r) ? r.at(-1) : r))).toEqual([
      'Réalisée',
      'En cours',
      'Non démarrée',
    ]);
    const steps = m.blocks.at(-2);
    expect(steps?.type === 'list' && runsText(steps.items[0] ?? [])).toBe(
      'Prochaine session : 14 mars 2025.',
    );
  });
});

describe('documents of a meeting with nothing recorded yet, and default settings', () => {
  let app: TestApp;
  let meetingId: string;

  beforeAll(async () => {
    app = await startTestApp();
    const body = await app.call('bodies.create', {
      name: 'Cadre de concertation des partenaires de Tin Hama',
      kind: 'consultation_framework',
      level: 'communal',
      countryCode: 'ML',
      periodicity: { kind: 'as_needed' },
      quorumRule: { kind: 'none' },
    });
    meetingId = (
      await app.call('meetings.create', { bodyId: body.id, kind: 'workshop', startDate: '2025-05-06' })
    ).id;
  });
  afterAll(async () => {
    await app.close();
  });

  it('builds all seven documents, each reading well with what it lacks', async () => {
    const m = Object.fromEntries(
      await Promise.all(
        MEETING_DOCUMENT_KINDS.map(async (k) => [k, await build(app, k, meetingId)] as const),
      ),
    ) as Record<MeetingDocumentKind, DocumentModel>;

    for (const kind of MEETING_DOCUMENT_KINDS) {
      // No acronym: the file name is the date and what it is; the footer names the body.
      expect(m[kind].fileStem).toMatch(/^2025-05-06_[a-z-]+$/);
      expect(m[kind].footer).toBe(
        'Cadre de concertation des partenaires de Tin Hama — 1er atelier du 6 mai 2025',
      );
      expect(m[kind].heading).toMatchObject({ country: null, motto: null, ministry: null, service: null });
    }
    expect(m.minutes.fileStem).toBe('2025-05-06_compte-rendu');

    const convocation = modelTexts(m.convocation);
    expect(m.convocation.heading.placeDate).toBe('Le 20 mars 2025');
    expect(m.convocation.heading.reference).toBe('N° ________');
    expect(convocation).toContain('Le Secrétariat du Cadre de concertation des partenaires de Tin Hama');
    expect(convocation).toContain(
      'J’ai l’honneur de vous inviter au 1er atelier du Cadre de concertation des partenaires de Tin Hama, ' +
        'qui se tiendra le mardi 6 mai 2025.',
    );
    expect(convocation).toContain('Ordre du jour non encore établi.');
    expect(convocation).not.toContain('Liste des destinataires');
    expect(m.convocation.blocks.find((b) => b.type === 'signature')).toEqual({
      type: 'signature',
      title: 'Le Secrétariat',
    });

    expect(modelTexts(m.agenda)).toContain('Ordre du jour non encore établi.');
    expect(tables(m.agenda)[0]?.rows).toEqual([]);

    const sheet = tables(m.signInSheet);
    expect(sheet).toHaveLength(1);
    expect(rowsOf(sheet[0] ?? tableWith(m.signInSheet, 'N°')).map((r) => r[0])).toEqual(
      Array.from({ length: DEFAULT_BLANK_ROWS }, (_, i) => String(i + 1)),
    );

    const attendance = modelTexts(m.attendanceList);
    expect(attendance).toContain('Aucune présence n’a encore été enregistrée pour cette réunion.');
    expect(attendance).toContain('Participants : 0.');
    expect(attendance.join('\n')).not.toContain('Quorum');

    expect(titleOf(m.minutes)).toMatchObject({
      text: 'COMPTE RENDU',
      subtitle: expect.stringContaining('Projet — non encore rédigé'),
    });
    expect(modelTexts(m.minutes)).toContain('Le compte rendu de cette réunion n’a pas encore été rédigé.');
    expect(modelTexts(m.minutes)).toContain('Aucune recommandation n’a été enregistrée pour cette réunion.');
    expect(m.minutes.blocks.filter((b) => b.type === 'signature')).toEqual([
      { type: 'signature', placeDate: 'Fait le 6 mai 2025', title: 'Le Rapporteur' },
      { type: 'signature', title: 'Le Président' },
    ]);

    expect(modelTexts(m.decisions)).toContain(
      'Aucune décision ni recommandation n’a été enregistrée pour cette réunion.',
    );

    const memo = modelTexts(m.aideMemoire);
    expect(memo).toContain(
      'Le 1er atelier du Cadre de concertation des partenaires de Tin Hama se tiendra le mardi 6 mai 2025.',
    );
    expect(memo).toContain('Aucune présence n’a été enregistrée pour cette session.');
    expect(memo).toContain(
      'Aucune recommandation des sessions précédentes n’était à suivre lors de cette session.',
    );
    expect(memo).toContain('Aucune étape n’a encore été arrêtée.');
    expect(memo.filter((t) => t === 'Ordre du jour non encore établi.')).toHaveLength(2);
  });

  it('refuses the documents of a meeting in the trash, in French', async () => {
    const other = await app.call('meetings.create', {
      bodyId: (await app.call('meetings.get', { id: meetingId })).body.id,
      kind: 'ordinary',
      startDate: '2025-06-10',
    });
    await app.call('meetings.trash', { id: other.id });
    for (const kind of MEETING_DOCUMENT_KINDS) {
      await expect(build(app, kind, other.id)).rejects.toMatchObject({
        code: 'NOT_FOUND',
        message: 'Cette réunion est dans la corbeille : restaurez-la pour en produire les documents.',
      });
    }
    await expect(build(app, 'agenda', uuidv7())).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('the documents of every demonstration meeting', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    await app.call('demo.load', {});
  });
  afterAll(async () => {
    await app.close();
  });

  it('all build into valid models that name the meeting and its date', async () => {
    const meetings = await app.call('meetings.list', {});
    expect(meetings.length).toBeGreaterThan(0);
    for (const meeting of meetings) {
      for (const kind of MEETING_DOCUMENT_KINDS) {
        const m = await build(app, kind, meeting.id);
        expect(m.fileStem.startsWith(meeting.startDate)).toBe(true);
        expect(allText(m).length).toBeGreaterThan(0);
      }
    }
  });
});

describe('how a letter says where a meeting is held', () => {
  it.each([
    ['Koulikoro', 'à Koulikoro'],
    ['Koulikoro, salle du Gouvernorat', 'à Koulikoro, salle du Gouvernorat'],
    ['Salle de réunion de la DPFG, Cotonou', 'à la Salle de réunion de la DPFG, Cotonou'],
    ['Centre international de conférences de Bamako', 'au Centre international de conférences de Bamako'],
    ['Hôtel Azalaï', 'à l’Hôtel Azalaï'],
    ['Abidjan', 'à Abidjan'],
  ])('%s → %s', (place, expected) => {
    expect(atPlace(place)).toBe(expected);
  });
});
