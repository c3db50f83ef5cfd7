import { describe, expect, it } from 'vitest';
import type { AgendaDraftEntry } from '../../shared/domain/agenda';
import {
  guessItemKind,
  isDayHeading,
  isPartHeading,
  type PasteOptions,
  parsePastedAgenda,
  parseTimeCell,
} from '../../shared/domain/agendaPaste';

const DAY = '2023-04-13';
const DAY2 = '2023-04-14';

/** One line per entry, as a secretary would check the draft: times, kind, title, responsible. */
function brief(e: AgendaDraftEntry): string {
  if (e.entryType === 'part') return `== ${e.title}${e.responsible.text ? ` / ${e.responsible.text}` : ''}`;
  const times = `${e.startTime ?? '--:--'}–${e.endTime ?? '--:--'}`;
  return `${times} [${e.kind ?? '-'}] ${e.title}${e.responsible.text ? ` / ${e.responsible.text}` : ''}`;
}

const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

describe('parseTimeCell', () => {
  it.each([
    ['9:35', '09:35', null],
    ['09h35', '09:35', null],
    ['9h', '09:00', null],
    ['9H30', '09:30', null],
    ['9 h 35', '09:35', null],
    ['9.30', '09:30', null],
    ['9h30mn', '09:30', null],
    ['9 heures 30', '09:30', null],
    ['11-45', '11:45', null],
    ['11-00', '11:00', null],
    ['13 :00', '13:00', null],
    ['8h30 - 9h00', '08:30', '09:00'],
    ['08:30-09:00', '08:30', '09:00'],
    ['08h30 à 09h00', '08:30', '09:00'],
    ['de 8h30 à 9h', '08:30', '09:00'],
    ['8:30–9:00', '08:30', '09:00'],
    ['8:30 — 9:00', '08:30', '09:00'],
    ['14h-14h30', '14:00', '14:30'],
    ['10:30 -10:45', '10:30', '10:45'],
    ['10:45- 11:15', '10:45', '11:15'],
    ['11:15- 11-45', '11:15', '11:45'],
    ['12:00-13 :00', '12:00', '13:00'],
    ['13 :00 - 14:30', '13:00', '14:30'],
    ['8h30/9h', '08:30', '09:00'],
    ['14-16', '14:00', '16:00'],
    ['\u00a016h15\u00a0', '16:15', null],
  ])('%j → %s–%s', (cell, start, end) => {
    const read = parseTimeCell(cell);
    expect(read.kind).toBe('time');
    if (read.kind !== 'time') return;
    expect([clock(read.start), read.end === null ? null : clock(read.end)]).toEqual([start, end]);
  });

  it.each([
    ['25h70', 'heure impossible « 25h70 »'],
    ['24:00', 'heure impossible « 24:00 »'],
    ['9h75', 'heure impossible « 9h75 »'],
    ['8h30 - 25h', 'heure impossible « 25h »'],
    ['9h30 10h', 'horaire illisible « 9h30 10h »'],
    ['9', 'horaire illisible « 9 »'],
  ])('%j is not a time: %s', (cell, reason) => {
    expect(parseTimeCell(cell)).toEqual({ kind: 'invalid', reason });
  });

  it('tells words and empty cells apart', () => {
    expect(parseTimeCell('  ')).toEqual({ kind: 'empty' });
    expect(parseTimeCell('Matinée')).toEqual({ kind: 'text' });
  });
});

describe('headings and kinds', () => {
  it.each([
    'Première partie : mise en synergie',
    'PREMIÈRE PARTIE',
    'Deuxième Partie: changement d’échelle',
    'Jour 1',
    'JOUR 2 : mardi 14 mai',
    'Première journée (jeudi 13 avril)',
    '2e journée',
    'Session 1 :',
    'Partie II',
    'Séance 3 – Bilan',
    'Module A',
    'Module B : suivi',
    'Matinée',
    'Après-midi',
    'Mardi 14 mai 2024',
  ])('%j is a part heading', (text) => {
    expect(isPartHeading(text)).toBe(true);
  });

  it.each([
    'Séance d’ouverture',
    'Session de clôture',
    'Partie prenante',
    'Présentation du PAM',
    'Journée mondiale de la femme',
    'Pause café',
  ])('%j is not a part heading', (text) => {
    expect(isPartHeading(text)).toBe(false);
  });

  it('recognises day headings among part headings', () => {
    expect(
      ['Jour 1', 'Deuxième Journée (vendredi 14 avril)', 'J2', 'Lundi', 'Vendredi 1er mars'].map(
        isDayHeading,
      ),
    ).toEqual([true, true, true, true, true]);
    expect(['Première partie', 'Session 1', 'Matinée'].map(isDayHeading)).toEqual([false, false, false]);
  });

  it.each([
    ['Pause café', 'break'],
    ['Pause-café/thé', 'break'],
    ['Point de presse - Pause-café /the', 'break'],
    ['Pause-déjeuner', 'meal'],
    ['Pause déjeuner', 'meal'],
    ['Déjeuner', 'meal'],
    ['Ouverture', 'opening'],
    ['Cérémonie d’ouverture', 'opening'],
    ['Séance d’Ouverture Allocutions de bienvenue', 'opening'],
    ['Mot de bienvenue du Gouverneur', 'opening'],
    ['Clôture', 'closing'],
    ['Annonce de la session sur la Plateforme. Clôture de l’atelier', 'closing'],
    ['Travaux de groupe', 'group_work'],
    ['Travaux de groupes (3 groupes)', 'group_work'],
    ['Continuation des travaux de groupe et fin de la journée', 'group_work'],
    ['Restitution des travaux de groupes', 'report_back'],
    ['Synthèse des travaux de groupe', 'synthesis'],
    ['Mise en place des participants', 'registration'],
    ['Enregistrement des participants', 'registration'],
    ['Accueil des participants', 'registration'],
    ['Présentation du PAM', 'presentation'],
    ['Plénière : Présentation de la synthèse de l’étude', 'presentation'],
    ['Plénière', 'plenary'],
    ['Plénière : état des lieux', 'plenary'],
    ['Questions / réponses', 'questions'],
    ['Questions -Réponses-Contributions', 'questions'],
    ['Échanges', 'questions'],
    ['Discussions', 'questions'],
    ['Divers', 'other_business'],
    ['Questions diverses', 'other_business'],
    ['Adoption de l’ordre du jour', 'agenda_adoption'],
    ["Examen et adoption de l'ordre du jour", 'agenda_adoption'],
    ['Adoption du compte rendu de la dernière réunion', 'minutes_adoption'],
    ['Point de la mise en œuvre des recommandations de la dernière réunion', 'recommendations_follow_up'],
    ['Suivi des recommandations', 'recommendations_follow_up'],
    ['Objectifs et méthodologie', null],
  ])('%j → %s', (title, kind) => {
    expect(guessItemKind(title)).toBe(kind);
  });
});

interface Case {
  name: string;
  text: string;
  options?: PasteOptions;
  entries: string[];
  /** "code#index" or "code@line" for unreadable lines. */
  warnings: string[];
  days?: string[];
}

const warningKey = (w: { code: string; index: number | null; params: Record<string, string | number> }) =>
  w.code === 'unreadable_line' ? `${w.code}@${w.params.line}` : `${w.code}#${w.index}`;

const cases: Case[] = [
  {
    name: 'seed 002: Excel table with header, ranges written every which way, a part in the activity column',
    text: [
      'HORAIRE\tACTIVITES\tRESPONSABLE',
      '08:30 - 09:00\tEnregistrement des participants\tDGPSN',
      "09:00 - 09:30\tSéance d'Ouverture Allocutions de bienvenue\tDGPSN",
      '\tPremière Partie: mise en synergie\t',
      '10:30 -10:45\tPoint de presse - Pause-café /the\t',
      "\tDeuxième Partie: changement d'échelle\tEquipe de consultants: (Sourang)",
      "10:45- 11:15\tDéfinition des trajectoires de changement d'échelle\t",
      '11:15- 11-45\tQuestions -Réponses-Contributions\t',
      '',
      '13 :00 - 14:00\tPause déjeuner\t',
    ].join('\n'),
    entries: [
      '08:30–09:00 [registration] Enregistrement des participants / DGPSN',
      "09:00–09:30 [opening] Séance d'Ouverture Allocutions de bienvenue / DGPSN",
      '== Première Partie: mise en synergie',
      '10:30–10:45 [break] Point de presse - Pause-café /the',
      "== Deuxième Partie: changement d'échelle / Equipe de consultants: (Sourang)",
      "10:45–11:15 [-] Définition des trajectoires de changement d'échelle",
      '11:15–11:45 [questions] Questions -Réponses-Contributions',
      '13:00–14:00 [meal] Pause déjeuner',
    ],
    warnings: [],
  },
  {
    name: 'a start time alone ends when the next timed item begins; the last stays open',
    text: '08h30\tAccueil des participants\n9h\tCérémonie d’ouverture\tGouverneur\n9 h 35\tPrésentation du PAM\tPAM\n10:30\tPause café\n',
    entries: [
      '08:30–09:00 [registration] Accueil des participants',
      '09:00–09:35 [opening] Cérémonie d’ouverture / Gouverneur',
      '09:35–10:30 [presentation] Présentation du PAM / PAM',
      '10:30–--:-- [break] Pause café',
    ],
    warnings: [],
  },
  {
    name: '"11-45" alone is 11:45',
    text: '11-45\tQuestions / réponses\n12:30\tDéjeuner',
    entries: ['11:45–12:30 [questions] Questions / réponses', '12:30–--:-- [meal] Déjeuner'],
    warnings: [],
  },
  {
    name: 'every range form: h, colon, "à", en dash, "14h-14h30", spaced h',
    text: [
      '8h30 - 9h00\tMise en place des participants',
      '09h00 à 09h30\tOuverture',
      '9:30–10:30\tPrésentation du rapport annuel',
      '10h30-10h45\tPause-café',
      '10:45-12:00\tTravaux de groupes',
      '12:00 - 13:00\tPause-déjeuner',
      '14h-14h30\tRestitution',
      '14:30 - 15h\tSynthèse des travaux',
      '15 h - 15 h 30\tClôture',
    ].join('\n'),
    entries: [
      '08:30–09:00 [registration] Mise en place des participants',
      '09:00–09:30 [opening] Ouverture',
      '09:30–10:30 [presentation] Présentation du rapport annuel',
      '10:30–10:45 [break] Pause-café',
      '10:45–12:00 [group_work] Travaux de groupes',
      '12:00–13:00 [meal] Pause-déjeuner',
      '14:00–14:30 [report_back] Restitution',
      '14:30–15:00 [synthesis] Synthèse des travaux',
      '15:00–15:30 [closing] Clôture',
    ],
    warnings: [],
  },
  {
    name: 'part headings: ordinal, capitals, "Jour 1", "Session 1 :", "Partie II", capitals in the first cell',
    text: [
      'Jour 1',
      'PREMIÈRE PARTIE',
      '09:00-09:30\tOuverture',
      'Session 1 : état des lieux\t\t',
      '09:30-10:00\tPrésentation du PAM\tPAM',
      '\tPartie II\t',
      'CÉRÉMONIE DE CLÔTURE\t\t',
      '10:00-10:15\tMot de clôture\tGouverneur',
    ].join('\n'),
    entries: [
      '== Jour 1',
      '== PREMIÈRE PARTIE',
      '09:00–09:30 [opening] Ouverture',
      '== Session 1 : état des lieux',
      '09:30–10:00 [presentation] Présentation du PAM / PAM',
      '== Partie II',
      '== CÉRÉMONIE DE CLÔTURE',
      '10:00–10:15 [closing] Mot de clôture / Gouverneur',
    ],
    warnings: [],
  },
  {
    name: 'rows without time stay items and are warned when the day has times; a break in capitals is no heading',
    text: [
      '09:00-10:30\tPrésentation de la synthèse',
      'Pause-café/the\t\t',
      '10:45-12:30\tTravaux de groupe',
      '\tDivers\t',
      'PAUSE CAFÉ',
    ].join('\n'),
    entries: [
      '09:00–10:30 [presentation] Présentation de la synthèse',
      '--:--–--:-- [break] Pause-café/the',
      '10:45–12:30 [group_work] Travaux de groupe',
      '--:--–--:-- [other_business] Divers',
      '--:--–--:-- [break] PAUSE CAFÉ',
    ],
    warnings: ['missing_time#1', 'missing_time#3', 'missing_time#4'],
  },
  {
    name: 'an agenda without any time: items, no warnings',
    text: 'Adoption de l’ordre du jour\nAdoption du compte rendu de la dernière réunion\nDivers',
    entries: [
      '--:--–--:-- [agenda_adoption] Adoption de l’ordre du jour',
      '--:--–--:-- [minutes_adoption] Adoption du compte rendu de la dernière réunion',
      '--:--–--:-- [other_business] Divers',
    ],
    warnings: [],
  },
  {
    name: 'a header in another order sets the columns',
    text: 'Activités\tResponsable(s)\tHoraire\nOuverture\tDGPSN\t09:00-09:30\nPrésentation du PAM\tPAM\t09:30-10:00',
    entries: [
      '09:00–09:30 [opening] Ouverture / DGPSN',
      '09:30–10:00 [presentation] Présentation du PAM / PAM',
    ],
    warnings: [],
  },
  {
    name: 'a header with a number column and remarks: unknown columns ignored; a repeated header skipped',
    text: [
      'N°\tHeure\tActivité\tIntervenant(s)\tObservations',
      '1\t9h00-9h30\tAccueil des participants\tSecrétariat\tSalle A',
      'N°\tHeure\tActivité\tIntervenant(s)\tObservations',
      '2\t9h30-10h\tÉchanges\tFacilitateur\t',
    ].join('\n'),
    entries: [
      '09:00–09:30 [registration] Accueil des participants / Secrétariat',
      '09:30–10:00 [questions] Échanges / Facilitateur',
    ],
    warnings: [],
  },
  {
    name: '"Horaires | Activité | Facilitateur" header in French with accents and plural marks',
    text: 'Horaire(s)\tActivité\tFacilitateur\n08:30-09:00\tEnregistrement\tCNSA',
    entries: ['08:30–09:00 [registration] Enregistrement / CNSA'],
    warnings: [],
  },
  {
    name: 'columns separated by several spaces (text from a PDF or an e-mail)',
    text: '08:30 - 09:00    Enregistrement des participants    DGPSN\n09:00 - 09:30  Ouverture officielle  Ministre',
    entries: [
      '08:30–09:00 [registration] Enregistrement des participants / DGPSN',
      '09:00–09:30 [opening] Ouverture officielle / Ministre',
    ],
    warnings: [],
  },
  {
    name: 'plain lines starting with a time',
    text: '08h30 - 09h00 : Enregistrement des participants\n09h00 Ouverture officielle\n9h30 – 10h Présentation des objectifs',
    entries: [
      '08:30–09:00 [registration] Enregistrement des participants',
      '09:00–09:30 [opening] Ouverture officielle',
      '09:30–10:00 [presentation] Présentation des objectifs',
    ],
    warnings: [],
  },
  {
    name: 'a time that is not one is reported with its line, and every word is kept',
    text: '\n09:00-09:30\tOuverture\n25h70\tPrésentation du PAM\tPAM\n9h30 10h\tÉchanges\n8h30 - 25h\t\tDGPSN\n',
    entries: [
      '09:00–09:30 [opening] Ouverture',
      '--:--–--:-- [presentation] 25h70 — Présentation du PAM / PAM',
      '--:--–--:-- [questions] 9h30 10h — Échanges',
      '--:--–--:-- [-] 8h30 - 25h / DGPSN',
    ],
    warnings: [
      'unreadable_line@3',
      'unreadable_line@4',
      'unreadable_line@5',
      'missing_time#1',
      'missing_time#2',
      'missing_time#3',
    ],
  },
  {
    name: 'blank lines, Windows line ends, no-break spaces and stray spaces',
    text: '\r\n\r\n  08:30-09:00\u00a0\tAccueil\r\n\r\n   \r\n\t\t\r\n09:00-09:30\t Ouverture   officielle \t  DGPSN  \r\n',
    entries: ['08:30–09:00 [registration] Accueil', '09:00–09:30 [opening] Ouverture officielle / DGPSN'],
    warnings: [],
  },
  {
    name: 'Excel cells with line breaks arrive quoted and stay one cell',
    text: '09:00-09:30\t"Ouverture\nAllocutions de bienvenue"\t"DGPSN\nPAM"\n09:30-10:00\tPrésentation du ""plan d\'action""\n',
    entries: [
      '09:00–09:30 [opening] Ouverture Allocutions de bienvenue / DGPSN PAM',
      '09:30–10:00 [presentation] Présentation du ""plan d\'action""',
    ],
    warnings: [],
  },
  {
    name: 'a time with no activity is kept as the title and reported',
    text: '09:00-10:00\tOuverture\n10:30 - 10:45\n10:45-11:00\t\tPAM',
    entries: [
      '09:00–10:00 [opening] Ouverture',
      '10:30–10:45 [-] 10:30 - 10:45',
      '10:45–11:00 [-] 10:45-11:00 / PAM',
    ],
    warnings: ['unreadable_line@2', 'unreadable_line@3'],
  },
  {
    name: 'a heading in the time column followed by an activity',
    text: 'Jour 1\tOuverture\tDGPSN\nMatinée\tTravaux de groupe\t',
    entries: [
      '== Jour 1',
      '--:--–--:-- [opening] Ouverture / DGPSN',
      '== Matinée',
      '--:--–--:-- [group_work] Travaux de groupe',
    ],
    warnings: [],
  },
  {
    name: 'overlaps and a day longer than the meeting are warned on the draft',
    text: '08:30-09:00\tEnregistrement\n09:00-10:30\tOuverture\n10:15-10:40\tPrésentation du PAM\n16:00-18:00\tTravaux de groupe',
    options: { meeting: { startTime: '09:00', endTime: '17:00' } },
    entries: [
      '08:30–09:00 [registration] Enregistrement',
      '09:00–10:30 [opening] Ouverture',
      '10:15–10:40 [presentation] Présentation du PAM',
      '16:00–18:00 [group_work] Travaux de groupe',
    ],
    warnings: ['overlap#2', 'longer_than_meeting#0'],
  },
  {
    name: 'day headings move what follows to the meeting’s next day',
    text: [
      'Première journée (jeudi 13 avril)\t\t',
      '08:30 - 09:00\tEnregistrement des participants\tDGPSN',
      'Deuxième Journée (vendredi 14 avril)\t\t',
      '09:00-10:30\tRestitution des travaux de groupes\tRapporteurs de groupes',
      'Troisième journée\t\t',
      '09:00-10:00\tSynthèse',
    ].join('\n'),
    options: { days: [DAY, DAY2] },
    entries: [
      '== Première journée (jeudi 13 avril)',
      '08:30–09:00 [registration] Enregistrement des participants / DGPSN',
      '== Deuxième Journée (vendredi 14 avril)',
      '09:00–10:30 [report_back] Restitution des travaux de groupes / Rapporteurs de groupes',
      '== Troisième journée',
      '09:00–10:00 [synthesis] Synthèse',
    ],
    days: [DAY, DAY, DAY2, DAY2, DAY2, DAY2],
    warnings: ['unreadable_line@5', 'overlap#3'],
  },
];

describe('parsePastedAgenda', () => {
  it.each(cases)('$name', ({ text, options, entries, warnings, days }) => {
    const result = parsePastedAgenda(text, DAY, options);
    expect(result.entries.map(brief)).toEqual(entries);
    expect(result.warnings.map(warningKey)).toEqual(warnings);
    expect(result.entries.map((e) => e.day)).toEqual(days ?? entries.map(() => DAY));
    for (const e of result.entries) {
      expect(e.responsible.organisationIds).toEqual([]);
      expect(e.documents).toEqual([]);
      if (e.entryType === 'part') expect([e.kind, e.startTime, e.endTime]).toEqual([null, null, null]);
    }
  });

  it('explains an unreadable line with its number, the reason and where the text went', () => {
    const { warnings } = parsePastedAgenda('09:00-09:30\tOuverture\n25h70\tPrésentation du PAM\tPAM', DAY);
    expect(warnings[0]).toEqual({
      code: 'unreadable_line',
      day: DAY,
      index: 1,
      params: { line: 2, reason: 'heure impossible « 25h70 »', text: '25h70' },
      message:
        'Ligne 2 : heure impossible « 25h70 ». Le texte est gardé dans « 25h70 — Présentation du PAM ».',
    });
  });

  it('says when a day heading finds no more meeting days', () => {
    const { warnings } = parsePastedAgenda('Jour 1\n09:00-10:00\tA\nJour 2\n09:00-10:00\tB', DAY, {
      days: [DAY],
    });
    expect(warnings.map((w) => w.message)).toEqual([
      'Ligne 3 : la réunion n’a pas d’autre jour : la suite reste au 13 avril 2023.',
      '« A » (09:00–10:00) chevauche « B » (09:00–10:00).',
    ]);
  });

  it('keeps the day given when no days are passed, without complaint', () => {
    const { entries, warnings } = parsePastedAgenda('Jour 1\n09:00-10:00\tA\nJour 2\n10:00-11:00\tB', DAY2);
    expect(entries.every((e) => e.day === DAY2)).toBe(true);
    expect(warnings).toEqual([]);
  });

  it('cuts an overlong title to what the agenda accepts, and says so', () => {
    const { entries, warnings } = parsePastedAgenda(`09:00\t${'Présentation '.repeat(50)}`, DAY);
    expect(entries[0]?.title).toHaveLength(500);
    expect(entries[0]?.title.endsWith('…')).toBe(true);
    expect(warnings.map((w) => w.params.reason)).toEqual(['intitulé trop long, coupé à 500 caractères']);
  });

  it('reads nothing from an empty paste', () => {
    expect(parsePastedAgenda('', DAY)).toEqual({ entries: [], warnings: [] });
    expect(parsePastedAgenda('\n\t\t\n   \n', DAY)).toEqual({ entries: [], warnings: [] });
  });
});
