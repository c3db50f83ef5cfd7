import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf, OutputOf } from '../../shared/rpc';
import { startTestApp, type TestApp } from './harness';

let app: TestApp;
beforeEach(async () => {
  app = await startTestApp();
});
afterEach(async () => {
  await app.close();
});

const UNKNOWN_ID = '01900000-0000-7000-8000-000000000000';
const D1 = '2023-04-13';
const D2 = '2023-04-14';

type EntryInput = InputOf<'agenda.save'>['entries'][number];
type Agenda = OutputOf<'agenda.get'>;

let bodyId: string;
beforeEach(async () => {
  const body = await app.call('bodies.create', {
    name: 'Groupe technique Protection sociale',
    acronym: 'GTPS',
    kind: 'thematic_group',
    level: 'national',
    countryCode: 'SN',
    periodicity: { kind: 'every_n_months', months: 3 },
    quorumRule: { kind: 'majority_of_voting_seats' },
  });
  bodyId = body.id;
});

/** A meeting of the body, by default the two-day workshop of seed 002 (13–14 April 2023, 08:30–17:00). */
const createMeeting = (overrides: Partial<InputOf<'meetings.create'>> = {}) =>
  app.call('meetings.create', {
    bodyId,
    kind: 'workshop',
    startDate: D1,
    endDate: D2,
    startTime: '08:30',
    endTime: '17:00',
    ...overrides,
  });

const item = (
  day: string,
  title: string,
  startTime: string | null,
  endTime: string | null,
  extra: Partial<EntryInput> = {},
): EntryInput => ({
  day,
  entryType: 'item',
  title,
  startTime,
  endTime,
  ...extra,
});
const part = (day: string, title: string): EntryInput => ({ day, entryType: 'part', title });

/** "day title start–end" per entry, in agenda order. */
const lines = (agenda: Agenda) =>
  agenda.entries.map((e) => `${e.day} ${e.position} ${e.title} ${e.startTime ?? '·'}–${e.endTime ?? '·'}`);

const history = (meetingId: string) =>
  app.call('history.forEntity', { entityType: 'meeting', entityId: meetingId });
const agendaHistory = async (meetingId: string) =>
  (await history(meetingId)).filter((h) => h.summary?.startsWith('Ordre du jour'));

/** The back-and-forth a screen does: what agenda.get returned, as agenda.save takes it. */
const asInput = (agenda: Agenda): EntryInput[] =>
  agenda.entries.map((e) => ({
    id: e.id,
    day: e.day,
    entryType: e.entryType,
    kind: e.kind,
    title: e.title,
    startTime: e.startTime,
    endTime: e.endTime,
    responsible: {
      organisationIds: e.responsible.organisations.map((o) => o.id),
      personIds: e.responsible.persons.map((p) => p.id),
      text: e.responsible.text,
    },
    documents: e.documents,
  }));

describe('saving and reading an agenda', () => {
  it('keeps the order, times, kinds, responsible and documents; names organisations and people', async () => {
    const meeting = await createMeeting();
    const dgpsn = await app.call('organisations.create', {
      name: 'Délégation générale à la Protection sociale et à la Solidarité nationale',
      acronym: 'DGPSN',
      kind: 'ministry',
    });
    const pam = await app.call('organisations.create', {
      name: 'Programme alimentaire mondial',
      acronym: 'PAM',
      kind: 'un_agency',
    });
    const consultant = await app.call('people.create', { firstName: 'Mamadou', lastName: 'Sourang' });

    const saved = await app.call('agenda.save', {
      meetingId: meeting.id,
      entries: [
        item(D1, 'Enregistrement des participants', '08:30', '09:00', {
          kind: 'registration',
          responsible: { organisationIds: [dgpsn.id] },
        }),
        item(D1, 'Séance d’ouverture', '09:00', '09:30', {
          kind: 'opening',
          responsible: { organisationIds: [dgpsn.id, pam.id], text: 'Gouvernement, Partenaires' },
        }),
        part(D1, 'Première partie : mise en synergie'),
        item(D1, 'Présentation de la synthèse de l’étude', '09:35', '10:30', {
          kind: 'presentation',
          responsible: { personIds: [consultant.id] },
          documents: [{ title: 'Synthèse de l’étude', reference: 'DGPSN/2023/04' }],
        }),
        item(D2, 'Restitution des travaux de groupes', '09:00', '10:30', {
          kind: 'report_back',
          responsible: { text: 'Rapporteurs de groupes' },
        }),
        item(D1, 'Pause-café', '10:30', '10:45', { kind: 'break' }),
      ],
    });

    expect(saved.days).toEqual([D1, D2]);
    expect(lines(saved)).toEqual([
      '2023-04-13 0 Enregistrement des participants 08:30–09:00',
      '2023-04-13 1 Séance d’ouverture 09:00–09:30',
      '2023-04-13 2 Première partie : mise en synergie ·–·',
      '2023-04-13 3 Présentation de la synthèse de l’étude 09:35–10:30',
      '2023-04-13 4 Pause-café 10:30–10:45',
      '2023-04-14 0 Restitution des travaux de groupes 09:00–10:30',
    ]);
    expect(saved.entries.map((e) => e.kind)).toEqual([
      'registration',
      'opening',
      null,
      'presentation',
      'break',
      'report_back',
    ]);
    expect(saved.entries[1]?.responsible).toEqual({
      organisations: [
        { id: dgpsn.id, label: 'DGPSN' },
        { id: pam.id, label: 'PAM' },
      ],
      persons: [],
      text: 'Gouvernement, Partenaires',
    });
    expect(saved.entries[3]?.responsible.persons).toEqual([{ id: consultant.id, label: 'Mamadou Sourang' }]);
    expect(saved.entries[3]?.documents).toEqual([
      { title: 'Synthèse de l’étude', reference: 'DGPSN/2023/04' },
    ]);
    expect(saved.warnings).toEqual([]);
    expect(saved.totals).toEqual([
      { day: D1, scheduledMinutes: 130, availableMinutes: 510 },
      { day: D2, scheduledMinutes: 90, availableMinutes: 510 },
    ]);

    expect(await app.call('agenda.get', { meetingId: meeting.id })).toEqual(saved);
    const [entry] = await agendaHistory(meeting.id);
    expect(entry).toMatchObject({
      action: 'update',
      summary: 'Ordre du jour modifié',
      changes: { agendaEntries: [0, 6] },
    });
  });

  it('moves entries when saved in a new order, keeping their ids; an unchanged save writes nothing', async () => {
    const meeting = await createMeeting({ endDate: D1 });
    const first = await app.call('agenda.save', {
      meetingId: meeting.id,
      entries: [
        item(D1, 'Ouverture', '09:00', '09:30'),
        item(D1, 'Présentation du PAM', '09:30', '10:15'),
        item(D1, 'Pause café', '10:15', '10:30'),
      ],
    });
    const [open, pam, pause] = asInput(first) as [EntryInput, EntryInput, EntryInput];

    // The pause dragged above the presentation, times re-computed by the editor.
    const moved = await app.call('agenda.save', {
      meetingId: meeting.id,
      entries: [
        open,
        { ...pause, startTime: '09:30', endTime: '09:45' },
        { ...pam, startTime: '09:45', endTime: '10:30' },
      ],
    });
    expect(lines(moved)).toEqual([
      '2023-04-13 0 Ouverture 09:00–09:30',
      '2023-04-13 1 Pause café 09:30–09:45',
      '2023-04-13 2 Présentation du PAM 09:45–10:30',
    ]);
    expect(moved.entries.map((e) => e.id)).toEqual([open.id, pause.id, pam.id]);
    expect(await agendaHistory(meeting.id)).toHaveLength(2);

    await app.call('agenda.save', { meetingId: meeting.id, entries: asInput(moved) });
    expect(await agendaHistory(meeting.id)).toHaveLength(2);

    // Removing an entry and adding one: the others keep their ids.
    const edited = await app.call('agenda.save', {
      meetingId: meeting.id,
      entries: [...asInput(moved).filter((e) => e.id !== pause.id), item(D1, 'Divers', null, null)],
    });
    expect(edited.entries.map((e) => e.id).slice(0, 2)).toEqual([open.id, pam.id]);
    expect(edited.entries[2]?.id).not.toBe(pause.id);
    expect(lines(edited)).toEqual([
      '2023-04-13 0 Ouverture 09:00–09:30',
      '2023-04-13 1 Présentation du PAM 09:45–10:30',
      '2023-04-13 2 Divers ·–·',
    ]);
  });

  it('gives a new id to an entry id that belongs to another meeting, and never lets parts carry times', async () => {
    const other = await createMeeting({ startDate: '2023-06-01', endDate: '2023-06-01' });
    const foreign = (
      await app.call('agenda.save', {
        meetingId: other.id,
        entries: [item('2023-06-01', 'Ouverture', '09:00', '09:30')],
      })
    ).entries[0];
    const meeting = await createMeeting();
    const saved = await app.call('agenda.save', {
      meetingId: meeting.id,
      entries: [
        { ...item(D1, 'Ouverture', '09:00', '09:30'), id: foreign?.id },
        { ...part(D1, 'Première partie'), startTime: '09:30', endTime: '10:00' },
      ],
    });
    expect(saved.entries[0]?.id).not.toBe(foreign?.id);
    expect(saved.entries[1]).toMatchObject({ entryType: 'part', startTime: null, endTime: null, kind: null });
    expect(lines(await app.call('agenda.get', { meetingId: other.id }))).toEqual([
      '2023-06-01 0 Ouverture 09:00–09:30',
    ]);
  });

  it('saves overlapping, untimed and too long days, and warns about them', async () => {
    const meeting = await createMeeting({ endDate: D1, startTime: '09:00', endTime: '13:00' });
    const saved = await app.call('agenda.save', {
      meetingId: meeting.id,
      entries: [
        item(D1, 'Ouverture', '09:00', '10:15'),
        item(D1, 'Pause café', '10:30', '10:45'),
        item(D1, 'Présentation du PAM', '10:15', '10:40'),
        item(D1, 'Divers', null, null),
        item(D1, 'Déjeuner', '14:30', '13:00'),
        item(D1, 'Travaux de groupe', '13:00', '15:00'),
      ],
    });
    expect(saved.entries).toHaveLength(6);
    expect(saved.warnings.map((w) => [w.code, w.index, w.message])).toEqual([
      ['overlap', 2, '« Pause café » (10:30–10:45) chevauche « Présentation du PAM » (10:15–10:40).'],
      [
        'missing_time',
        3,
        '« Divers » n’a pas d’horaire alors que d’autres activités du 13 avril 2023 en ont.',
      ],
      ['end_before_start', 4, '« Déjeuner » finit à 13:00, avant de commencer (14:30).'],
      [
        'longer_than_meeting',
        0,
        'Le programme du 13 avril 2023 (09:00–15:00, 3 h 45 d’activités) dépasse les horaires de la réunion (09:00–13:00).',
      ],
    ]);
    // 09:00–10:45 (the overlap counted once) and 13:00–15:00; the inverted lunch counts for nothing.
    expect(saved.totals).toEqual([{ day: D1, scheduledMinutes: 225, availableMinutes: 240 }]);
  });
});

describe('refusals: nothing is written', () => {
  it('refuses an item on a day outside the meeting and keeps the previous agenda', async () => {
    const meeting = await createMeeting();
    const before = await app.call('agenda.save', {
      meetingId: meeting.id,
      entries: [item(D1, 'Ouverture', '09:00', '09:30')],
    });
    const error = await app.fail('agenda.save', {
      meetingId: meeting.id,
      entries: [
        item(D1, 'Ouverture', '09:00', '09:30'),
        item(D2, 'Synthèse', '09:00', '10:00'),
        item('2023-04-15', 'Clôture', '10:00', '10:30'),
      ],
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.details?.issues).toEqual([
      {
        path: ['entries', 2, 'day'],
        key: 'errors.field.dayOutsideMeeting',
        params: { day: '15 avril 2023' },
        message: 'Ce jour (15 avril 2023) est en dehors des dates de la réunion.',
      },
    ]);
    expect(await app.call('agenda.get', { meetingId: meeting.id })).toEqual(before);
    expect(await agendaHistory(meeting.id)).toHaveLength(1);
  });

  it('refuses unknown organisations and people, each at its place', async () => {
    const meeting = await createMeeting();
    const dgpsn = await app.call('organisations.create', {
      name: 'Délégation générale',
      acronym: 'DGPSN',
      kind: 'ministry',
    });
    const error = await app.fail('agenda.save', {
      meetingId: meeting.id,
      entries: [
        item(D1, 'Ouverture', '09:00', '09:30', { responsible: { organisationIds: [dgpsn.id, UNKNOWN_ID] } }),
        item(D1, 'Présentation', '09:30', '10:00', { responsible: { personIds: [UNKNOWN_ID] } }),
      ],
    });
    expect(error.details?.issues?.map((i) => [i.path, i.key])).toEqual([
      [['entries', 0, 'responsible', 'organisationIds', 1], 'errors.field.unknownOrganisation'],
      [['entries', 1, 'responsible', 'personIds', 0], 'errors.field.unknownPerson'],
    ]);
    expect((await app.call('agenda.get', { meetingId: meeting.id })).entries).toEqual([]);
  });

  it('keeps an organisation trashed after it was put on the agenda, but refuses a newly chosen trashed one', async () => {
    const meeting = await createMeeting();
    const dgpsn = await app.call('organisations.create', {
      name: 'Délégation générale',
      acronym: 'DGPSN',
      kind: 'ministry',
    });
    const pam = await app.call('organisations.create', {
      name: 'Programme alimentaire mondial',
      acronym: 'PAM',
      kind: 'un_agency',
    });
    const saved = await app.call('agenda.save', {
      meetingId: meeting.id,
      entries: [item(D1, 'Ouverture', '09:00', '09:30', { responsible: { organisationIds: [dgpsn.id] } })],
    });
    await app.call('organisations.trash', { id: dgpsn.id });
    await app.call('organisations.trash', { id: pam.id });

    const kept = await app.call('agenda.save', {
      meetingId: meeting.id,
      entries: [...asInput(saved), item(D1, 'Pause', '09:30', '09:45')],
    });
    expect(kept.entries[0]?.responsible.organisations).toEqual([{ id: dgpsn.id, label: 'DGPSN' }]);
    const error = await app.fail('agenda.save', {
      meetingId: meeting.id,
      entries: [item(D1, 'Ouverture', '09:00', '09:30', { responsible: { organisationIds: [pam.id] } })],
    });
    expect(error.details?.issues?.[0]?.path).toEqual(['entries', 0, 'responsible', 'organisationIds', 0]);
  });

  it('refuses to change the agenda of a cancelled meeting', async () => {
    const meeting = await createMeeting();
    await app.call('agenda.save', {
      meetingId: meeting.id,
      entries: [item(D1, 'Ouverture', '09:00', '09:30')],
    });
    await app.call('meetings.transition', {
      id: meeting.id,
      action: 'cancel',
      reason: 'Absence de financement',
    });
    const error = await app.fail('agenda.save', { meetingId: meeting.id, entries: [] });
    expect(error.code).toBe('INVALID_TRANSITION');
    const source = await createMeeting({ startDate: '2023-05-01', endDate: '2023-05-01' });
    await app.call('agenda.save', {
      meetingId: source.id,
      entries: [item('2023-05-01', 'Divers', null, null)],
    });
    expect(
      (await app.fail('agenda.duplicateFrom', { meetingId: meeting.id, sourceMeetingId: source.id })).code,
    ).toBe('INVALID_TRANSITION');
    expect(lines(await app.call('agenda.get', { meetingId: meeting.id }))).toEqual([
      '2023-04-13 0 Ouverture 09:00–09:30',
    ]);
  });

  it('says NOT_FOUND for an unknown meeting', async () => {
    expect((await app.fail('agenda.get', { meetingId: UNKNOWN_ID })).code).toBe('NOT_FOUND');
    expect((await app.fail('agenda.save', { meetingId: UNKNOWN_ID, entries: [] })).code).toBe('NOT_FOUND');
    expect((await app.fail('agenda.standardItems', { meetingId: UNKNOWN_ID })).code).toBe('NOT_FOUND');
  });
});

describe('pasting an agenda from Word or Excel', () => {
  // Seed 002 (DGPSN workshop), as Excel puts it on the clipboard, with the oddities of the original.
  const pasted = [
    'HORAIRE\tACTIVITES\tRESPONSABLE',
    'Première journée (jeudi 13 avril)\t\t',
    '08:30 - 09:00\tEnregistrement des participants\tDGPSN',
    "09:00 - 09:30\tSéance d'Ouverture Allocutions de bienvenue\tDGPSN",
    '09:30 - 09:35\tObjectifs et méthodologie\tSourang',
    '\tPremière Partie: mise en synergie\t',
    "9:35 - 10:30\tPlénière : Présentation de la synthèse de l'étude\tEquipe de consultants: (Dia - Sourang)",
    '10:30 -10:45\tPoint de presse - Pause-café /the\t',
    '11:15- 11-45\tQuestions -Réponses-Contributions\t',
    '25h70\tTravaux de groupes (3 groupes)\t',
    '',
    '13:00 - 14:00\tPause déjeuner\t',
    'Deuxième Journée (vendredi 14 avril)\t\t',
    '09:00-10:30\tRestitution des travaux de groupes\tRapporteurs de groupes',
    'Pause-café/the\t\t',
    '10:45 - 12:30\tSynthèse des travaux de groupe\tEquipe de Consultants & DGPSN',
    "12:00-13 :00\tClôture de l'atelier\t",
  ].join('\n');

  it('returns parts, items, times, kinds and warnings, and writes nothing', async () => {
    const meeting = await createMeeting();
    const draft = await app.call('agenda.parsePaste', { meetingId: meeting.id, day: D1, text: pasted });
    expect(
      draft.entries.map((e) =>
        [
          e.day,
          e.entryType,
          e.startTime ?? '',
          e.endTime ?? '',
          e.kind ?? '',
          e.title,
          e.responsible.text ?? '',
        ].join(' | '),
      ),
    ).toEqual([
      '2023-04-13 | part |  |  |  | Première journée (jeudi 13 avril) | ',
      '2023-04-13 | item | 08:30 | 09:00 | registration | Enregistrement des participants | DGPSN',
      "2023-04-13 | item | 09:00 | 09:30 | opening | Séance d'Ouverture Allocutions de bienvenue | DGPSN",
      '2023-04-13 | item | 09:30 | 09:35 |  | Objectifs et méthodologie | Sourang',
      '2023-04-13 | part |  |  |  | Première Partie: mise en synergie | ',
      "2023-04-13 | item | 09:35 | 10:30 | presentation | Plénière : Présentation de la synthèse de l'étude | Equipe de consultants: (Dia - Sourang)",
      '2023-04-13 | item | 10:30 | 10:45 | break | Point de presse - Pause-café /the | ',
      '2023-04-13 | item | 11:15 | 11:45 | questions | Questions -Réponses-Contributions | ',
      '2023-04-13 | item |  |  | group_work | 25h70 — Travaux de groupes (3 groupes) | ',
      '2023-04-13 | item | 13:00 | 14:00 | meal | Pause déjeuner | ',
      '2023-04-14 | part |  |  |  | Deuxième Journée (vendredi 14 avril) | ',
      '2023-04-14 | item | 09:00 | 10:30 | report_back | Restitution des travaux de groupes | Rapporteurs de groupes',
      '2023-04-14 | item |  |  | break | Pause-café/the | ',
      '2023-04-14 | item | 10:45 | 12:30 | synthesis | Synthèse des travaux de groupe | Equipe de Consultants & DGPSN',
      "2023-04-14 | item | 12:00 | 13:00 | closing | Clôture de l'atelier | ",
    ]);
    expect(draft.warnings.map((w) => `${w.code} ${w.day} ${w.index}`)).toEqual([
      'unreadable_line 2023-04-13 8',
      'missing_time 2023-04-13 8',
      'missing_time 2023-04-14 2',
      'overlap 2023-04-14 4',
    ]);
    expect(draft.warnings[0]?.message).toBe(
      'Ligne 10 : heure impossible « 25h70 ». Le texte est gardé dans « 25h70 — Travaux de groupes (3 groupes) ».',
    );
    expect((await app.call('agenda.get', { meetingId: meeting.id })).entries).toEqual([]);

    // The reviewed draft saves as it is.
    const saved = await app.call('agenda.save', { meetingId: meeting.id, entries: draft.entries });
    expect(saved.entries).toHaveLength(15);
    expect(saved.warnings.map((w) => w.code)).toEqual(['missing_time', 'missing_time', 'overlap']);
  });

  it('starts on the day asked for, and refuses a day outside the meeting', async () => {
    const meeting = await createMeeting();
    const draft = await app.call('agenda.parsePaste', {
      meetingId: meeting.id,
      day: D2,
      text: '09:00-10:00\tSynthèse\tDGPSN',
    });
    expect(draft.entries.map((e) => e.day)).toEqual([D2]);
    const error = await app.fail('agenda.parsePaste', {
      meetingId: meeting.id,
      day: '2023-04-20',
      text: 'x',
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.details?.issues?.map((i) => [i.path, i.key, i.message])).toEqual([
      [
        ['day'],
        'errors.field.dayOutsideMeeting',
        'Ce jour (20 avril 2023) est en dehors des dates de la réunion.',
      ],
    ]);
    expect((await app.fail('agenda.parsePaste', { meetingId: UNKNOWN_ID, day: D1, text: 'x' })).code).toBe(
      'NOT_FOUND',
    );
  });
});

describe('standard items', () => {
  it('proposes the four items of an ordinary session on its first day, untimed', async () => {
    const ordinary = await createMeeting({
      kind: 'ordinary',
      startDate: '2024-05-14',
      endDate: '2024-05-15',
    });
    const items = await app.call('agenda.standardItems', { meetingId: ordinary.id });
    expect(items.map((i) => [i.day, i.entryType, i.kind, i.title, i.startTime, i.endTime])).toEqual([
      ['2024-05-14', 'item', 'agenda_adoption', 'Adoption de l’ordre du jour', null, null],
      [
        '2024-05-14',
        'item',
        'minutes_adoption',
        'Adoption du compte rendu de la dernière réunion',
        null,
        null,
      ],
      [
        '2024-05-14',
        'item',
        'recommendations_follow_up',
        'Point de la mise en œuvre des recommandations de la dernière réunion',
        null,
        null,
      ],
      ['2024-05-14', 'item', 'other_business', 'Divers', null, null],
    ]);
    // Proposed, not written; once accepted they save like any entry.
    expect((await app.call('agenda.get', { meetingId: ordinary.id })).entries).toEqual([]);
    const saved = await app.call('agenda.save', { meetingId: ordinary.id, entries: items });
    expect(saved.entries.map((e) => e.kind)).toEqual([
      'agenda_adoption',
      'minutes_adoption',
      'recommendations_follow_up',
      'other_business',
    ]);
  });

  it('proposes none for other kinds of meeting', async () => {
    const workshop = await createMeeting({ kind: 'workshop' });
    expect(await app.call('agenda.standardItems', { meetingId: workshop.id })).toEqual([]);
  });
});

describe('duplicating a previous agenda', () => {
  async function sourceMeeting() {
    const dgpsn = await app.call('organisations.create', {
      name: 'Délégation générale',
      acronym: 'DGPSN',
      kind: 'ministry',
    });
    const source = await createMeeting({ kind: 'ordinary', number: 3 });
    await app.call('agenda.save', {
      meetingId: source.id,
      entries: [
        item(D1, 'Ouverture', '09:00', '09:30', {
          kind: 'opening',
          responsible: { organisationIds: [dgpsn.id], text: 'Président' },
        }),
        part(D1, 'Première partie'),
        item(D1, 'Travaux de groupe', '09:30', '12:00', {
          kind: 'group_work',
          documents: [{ title: 'Note de cadrage' }],
        }),
        item(D2, 'Restitution', '09:00', '10:00', { kind: 'report_back' }),
        item(D2, 'Clôture', '10:00', '10:30', { kind: 'closing' }),
      ],
    });
    return { source, dgpsn };
  }

  it('copies the entries onto the new meeting’s days, replacing its agenda', async () => {
    const { source, dgpsn } = await sourceMeeting();
    const target = await createMeeting({ kind: 'ordinary', startDate: '2023-07-10', endDate: '2023-07-12' });
    await app.call('agenda.save', {
      meetingId: target.id,
      entries: [item('2023-07-10', 'Ancien point', null, null)],
    });

    const copied = await app.call('agenda.duplicateFrom', {
      meetingId: target.id,
      sourceMeetingId: source.id,
    });
    expect(lines(copied)).toEqual([
      '2023-07-10 0 Ouverture 09:00–09:30',
      '2023-07-10 1 Première partie ·–·',
      '2023-07-10 2 Travaux de groupe 09:30–12:00',
      '2023-07-11 0 Restitution 09:00–10:00',
      '2023-07-11 1 Clôture 10:00–10:30',
    ]);
    expect(copied.entries[0]?.responsible).toEqual({
      organisations: [{ id: dgpsn.id, label: 'DGPSN' }],
      persons: [],
      text: 'Président',
    });
    expect(copied.entries[2]?.documents).toEqual([{ title: 'Note de cadrage', reference: null }]);
    const sourceIds = new Set(
      (await app.call('agenda.get', { meetingId: source.id })).entries.map((e) => e.id),
    );
    expect(copied.entries.some((e) => sourceIds.has(e.id))).toBe(false);
    // The source is untouched.
    expect(sourceIds.size).toBe(5);
    const [last] = await agendaHistory(target.id);
    expect(last?.summary).toBe('Ordre du jour repris de GTPS — Ordinaire n°3 du 13 avril 2023');
  });

  it('folds the source’s extra days onto the last day of a shorter meeting', async () => {
    const { source } = await sourceMeeting();
    const target = await createMeeting({ startDate: '2023-07-10', endDate: '2023-07-10' });
    const copied = await app.call('agenda.duplicateFrom', {
      meetingId: target.id,
      sourceMeetingId: source.id,
    });
    expect(lines(copied)).toEqual([
      '2023-07-10 0 Ouverture 09:00–09:30',
      '2023-07-10 1 Première partie ·–·',
      '2023-07-10 2 Travaux de groupe 09:30–12:00',
      '2023-07-10 3 Restitution 09:00–10:00',
      '2023-07-10 4 Clôture 10:00–10:30',
    ]);
    expect(copied.warnings.map((w) => w.code)).toEqual(['overlap']);
  });

  it('refuses an unknown source and keeps the agenda', async () => {
    const target = await createMeeting();
    await app.call('agenda.save', { meetingId: target.id, entries: [item(D1, 'Ouverture', null, null)] });
    const error = await app.fail('agenda.duplicateFrom', {
      meetingId: target.id,
      sourceMeetingId: UNKNOWN_ID,
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.details?.issues?.map((i) => i.path)).toEqual([['sourceMeetingId']]);
    const empty = await createMeeting({ startDate: '2023-05-01', endDate: '2023-05-01' });
    const nothing = await app.fail('agenda.duplicateFrom', {
      meetingId: target.id,
      sourceMeetingId: empty.id,
    });
    expect(nothing.details?.issues?.map((i) => [i.path, i.message])).toEqual([
      [['sourceMeetingId'], 'Cette réunion n’a pas d’ordre du jour à reprendre.'],
    ]);
    expect(lines(await app.call('agenda.get', { meetingId: target.id }))).toEqual([
      '2023-04-13 0 Ouverture ·–·',
    ]);
  });
});
