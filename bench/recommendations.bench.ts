import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, it } from 'vitest';
import { localToday } from '../electron/backend/features/meetings/repository';
import { type Backend, startBackend } from '../electron/backend/host';
import { addDays } from '../shared/domain/dates';
import { uuidv7 } from '../shared/domain/ids';
import { isClosingStatus } from '../shared/domain/recommendationStatus';
import { BODY_KINDS, BODY_LEVELS, type RecommendationStatus } from '../shared/domain/vocabularies';
import type { InputOf, MethodName, OutputOf } from '../shared/rpc';
import { type Measure, measure, report } from './measure';

// issue 4 targets, on a national-scale database (300 bodies, 10 years, 5,000 meetings,
// 100,000 recommendations with 400,000 updates): register filter + sort ≤ 100 ms, full-text
// search ≤ 50 ms, dashboard figures ≤ 200 ms (medians).
const ROOT = resolve(import.meta.dirname, '..');
const dataDir = mkdtempSync(join(tmpdir(), 'concerto-bench-recommendations-'));
let backend: Backend;

const BODIES = 300;
const MEETINGS = 5_000;
const RECOMMENDATIONS = 100_000;
const UPDATES_PER_RECOMMENDATION = 4;
const ORGANISATIONS = 300;
const TODAY = localToday();
const FIRST_YEAR = Number(TODAY.slice(0, 4)) - 9;

const VERBS = [
  'Élaborer',
  'Valider',
  'Diffuser',
  'Mettre à jour',
  'Former',
  'Organiser',
  'Harmoniser',
  'Renforcer',
  'Publier',
  'Mobiliser',
  'Évaluer',
  'Intégrer',
  'Réviser',
];
const OBJECTS = [
  'le décret d’application',
  'la stratégie nationale de protection sociale',
  'les outils de ciblage des ménages',
  'le registre social unifié',
  'les agents de collecte',
  'le mécanisme de gestion des plaintes',
  'les critères de vulnérabilité',
  'le plan de contingence',
  'les transferts monétaires',
  'la cartographie des interventions',
  'les recommandations de l’atelier',
  'le budget-programme',
  'les comités communaux',
  'le manuel de procédures',
  'la base de données des bénéficiaires',
  'les cantines scolaires',
  'le dispositif de suivi-évaluation',
];
const PLACES = [
  'Ségou',
  'Mopti',
  'Kayes',
  'Koulikoro',
  'Sikasso',
  'Tombouctou',
  'Gao',
  'Kidal',
  'Ménaka',
  'Taoudénit',
  'Bougouni',
  'Koutiala',
  'Nioro',
  'Ansongo',
  'Ténenkou',
  'Douentza',
  'Parakou',
  'Abomey',
  'Kaolack',
  'Dosso',
];
const COMPLEMENTS = [
  'avant la prochaine session',
  'avec les partenaires techniques et financiers',
  'au niveau communal',
  'en lien avec la société civile',
  'selon le calendrier convenu',
  'dans le cadre du plan d’action',
  'pour les personnes handicapées',
  'en faveur des femmes et des jeunes',
];
const THEMES = [
  'Protection sociale',
  'Ciblage',
  'Sécurité alimentaire',
  'Nutrition',
  'Genre',
  'Financement',
  'Gouvernance',
  'Suivi-évaluation',
];
const PATHS: RecommendationStatus[][] = [
  ['not_started', 'not_started', 'not_started', 'not_started'],
  ['not_started', 'in_progress', 'in_progress', 'in_progress'],
  ['not_started', 'in_progress', 'partially_done', 'done'],
  ['not_started', 'in_progress', 'postponed', 'in_progress'],
  ['not_started', 'in_progress', 'partially_done', 'partially_done'],
  ['not_started', 'postponed', 'in_progress', 'not_done'],
  ['not_started', 'in_progress', 'in_progress', 'done'],
  ['not_started', 'not_started', 'postponed', 'abandoned'],
];
const PROGRESS: Record<RecommendationStatus, number> = {
  not_started: 0,
  in_progress: 40,
  done: 100,
  partially_done: 50,
  not_done: 20,
  postponed: 30,
  abandoned: 10,
};

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;

const bodyIds: string[] = [];
const organisationIds: string[] = [];
const updatable: string[] = [];

beforeAll(async () => {
  backend = await startBackend({ dataDir, resourcesDir: join(ROOT, 'resources'), appVersion: 'bench' });
  const { sqlite } = backend.context;
  const at = new Date().toISOString();
  const started = performance.now();
  const insertOrganisation = sqlite.prepare(
    `INSERT INTO organisations (id, name, acronym, kind, created_at, updated_at) VALUES (?, ?, ?, 'ministry', ?, ?)`,
  );
  const insertBody = sqlite.prepare(
    `INSERT INTO bodies (id, name, acronym, kind, level, parent_id, periodicity, quorum_rule, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, '{"kind":"every_n_months","months":3}', '{"kind":"majority_of_voting_seats"}', ?, ?)`,
  );
  const insertMeeting = sqlite.prepare(
    `INSERT INTO meetings (id, body_id, number, kind, status, start_date, end_date, created_at, updated_at)
     VALUES (?, ?, ?, 'ordinary', ?, ?, ?, ?, ?)`,
  );
  const insertRecommendation = sqlite.prepare(
    `INSERT INTO recommendations (id, body_id, reference, kind, text, theme, origin_kind, origin_meeting_id,
       lead_organisation_id, due_date, priority, status, progress, actions_taken, created_at, updated_at)
     VALUES (?, ?, ?, 'recommendation', ?, ?, 'meeting', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertAssociate = sqlite.prepare(
    'INSERT INTO recommendation_associates (recommendation_id, organisation_id) VALUES (?, ?)',
  );
  const insertUpdate = sqlite.prepare(
    `INSERT INTO recommendation_updates (id, recommendation_id, date, status, progress, comment, actions_taken,
       source, meeting_id, actor, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'Secrétariat', ?)`,
  );

  sqlite.transaction(() => {
    for (let o = 0; o < ORGANISATIONS; o++) {
      const id = uuidv7();
      organisationIds.push(id);
      insertOrganisation.run(id, `Direction ${pick(PLACES, o)} ${o}`, `D${o}`, at, at);
    }
    // A three-level hierarchy: 10 commissions, 50 groups, 240 sub-groups.
    for (let b = 0; b < BODIES; b++) {
      const id = uuidv7();
      const parent = b < 10 ? null : b < 60 ? pick(bodyIds, b % 10) : (bodyIds[10 + (b % 50)] ?? null);
      bodyIds.push(id);
      insertBody.run(
        id,
        `Groupe ${pick(THEMES, b)} ${pick(PLACES, b)} ${b}`,
        `G${b}`,
        pick(BODY_KINDS, b),
        pick(BODY_LEVELS, b),
        parent,
        at,
        at,
      );
    }
    const meetings: { id: string; bodyId: string; date: string }[] = [];
    const numbers = new Map<string, number>();
    for (let m = 0; m < MEETINGS; m++) {
      const bodyId = pick(bodyIds, m);
      const date = addDays(`${FIRST_YEAR}-01-15`, Math.floor((m / MEETINGS) * 3600) + (m % 7));
      const number = (numbers.get(bodyId) ?? 0) + 1;
      numbers.set(bodyId, number);
      const id = uuidv7();
      const status = date > TODAY ? 'convened' : m % 3 === 0 ? 'closed' : 'held';
      insertMeeting.run(id, bodyId, number, status, date, date, at, at);
      meetings.push({ id, bodyId, date });
    }
    const bodyIndexes = new Map(bodyIds.map((id, index) => [id, index]));
    const sequence = new Map<string, number>();
    let updates = 0;
    for (let r = 0; r < RECOMMENDATIONS; r++) {
      const meeting = meetings[Math.floor((r * MEETINGS) / RECOMMENDATIONS)];
      if (!meeting) throw new Error('meeting index');
      const id = uuidv7();
      const year = meeting.date.slice(0, 4);
      const key = `${meeting.bodyId}:${year}`;
      const n = (sequence.get(key) ?? 0) + 1;
      sequence.set(key, n);
      const bodyIndex = bodyIndexes.get(meeting.bodyId) ?? 0;
      const reference = `G${bodyIndex}/${year}/${meeting.date.slice(5, 7)}/R${String(n).padStart(2, '0')}`;
      const text = `${pick(VERBS, r)} ${pick(OBJECTS, r * 7 + 3)} à ${pick(PLACES, r * 13 + 1)} ${pick(COMPLEMENTS, r * 3)}`;
      const due = r % 10 === 0 ? null : addDays(meeting.date, 60 + (r % 400));
      const path = pick(PATHS, r * 5 + bodyIndex);
      // Recent recommendations have not gone far yet.
      const steps = meeting.date > addDays(TODAY, -200) ? 1 + (r % 2) : UPDATES_PER_RECOMMENDATION;
      const status = path[steps - 1] ?? 'not_started';
      const actions = isClosingStatus(status)
        ? `Actions menées : ${pick(OBJECTS, r)} à ${pick(PLACES, r)}`
        : null;
      // As the application writes them: created at the session, touched by the last update.
      const updateDates = Array.from({ length: UPDATES_PER_RECOMMENDATION }, (_, u) => {
        const date = addDays(meeting.date, u * 90);
        return date > TODAY ? TODAY : date;
      });
      insertRecommendation.run(
        id,
        meeting.bodyId,
        reference,
        text,
        pick(THEMES, r * 11),
        meeting.id,
        r % 9 === 0 ? null : pick(organisationIds, r * 17),
        due,
        pick(['high', 'normal', 'normal', 'low'], r),
        status,
        PROGRESS[status],
        actions,
        `${meeting.date}T10:00:00.000Z`,
        `${updateDates[UPDATES_PER_RECOMMENDATION - 1]}T16:00:00.000Z`,
      );
      if (r % 3 === 0) insertAssociate.run(id, pick(organisationIds, r * 29 + 1));
      for (let u = 0; u < UPDATES_PER_RECOMMENDATION; u++) {
        // Every item has four updates; the later ones of recent items are follow-up notes
        // at the status reached.
        const s = path[Math.min(u, steps - 1)] ?? 'not_started';
        const date = updateDates[u] ?? TODAY;
        insertUpdate.run(
          uuidv7(),
          id,
          date,
          s,
          u === 0 ? 0 : PROGRESS[s],
          u === 0 ? 'Création' : 'Point de situation',
          isClosingStatus(s) ? actions : null,
          u === 0 || u % 2 === 0 ? 'meeting' : 'follow_up_sheet',
          u === 0 ? meeting.id : null,
          `${date}T16:00:00.000Z`,
        );
        updates++;
      }
      if (!isClosingStatus(status) && r % 1000 === 0) updatable.push(id);
    }
    console.log(
      `recommandations : ${BODIES} instances, ${MEETINGS} réunions, ${RECOMMENDATIONS} recommandations, ${updates} mises à jour`,
    );
  })();
  console.log(`génération : ${((performance.now() - started) / 1000).toFixed(1)} s`);
}, 600_000);

afterAll(async () => {
  await backend.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function invoke<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> {
  const result = await backend.invoke(method, input);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as OutputOf<M>;
}

it('recommendations: register, full text, dashboard', async () => {
  let i = 0;
  const nextBody = () => pick(bodyIds, (i++ * 37) % BODIES);
  const open: RecommendationStatus[] = ['not_started', 'in_progress', 'partially_done', 'postponed'];

  const sample = await invoke('recommendations.list', {
    bodyIds: [pick(bodyIds, 42)],
    statuses: open,
    overdue: true,
    sort: 'due_date',
    limit: 200,
  });
  const everything = await invoke('recommendations.list', { sort: 'due_date', limit: 200 });
  const hits = await invoke('recommendations.list', { text: 'critères vulnérabilités', limit: 200 });
  const place = await invoke('recommendations.list', { text: 'tenenkou', limit: 200 });
  const narrow = await invoke('recommendations.list', { text: 'cantines ténenkou', limit: 200 });
  const themed = await invoke('recommendations.list', {
    theme: 'securite alimentaire',
    overdue: true,
    limit: 200,
  });
  console.log(
    `échantillons : instance ${sample.total} en retard ; tout ${everything.total} ; « critères vulnérabilités » ${hits.total} ; « tenenkou » ${place.total} ; « cantines ténenkou » ${narrow.total} ; thème + retard ${themed.total}`,
  );
  const board = await invoke('recommendations.dashboard', {});
  console.log(
    `tableau de bord : ${board.rateByBody.length} instances, ${board.overdueByOrganisation.length} organisations`,
  );

  const measures: Measure[] = [
    {
      name: 'registre : instance + statuts + en retard, tri par échéance, 200 lignes',
      targetMs: 100,
      samples: await measure(30, () =>
        invoke('recommendations.list', {
          bodyIds: [nextBody()],
          statuses: open,
          overdue: true,
          sort: 'due_date',
          limit: 200,
        }),
      ),
    },
    {
      name: 'registre : tout, tri par échéance, 200 lignes + total',
      targetMs: 100,
      samples: await measure(20, () => invoke('recommendations.list', { sort: 'due_date', limit: 200 })),
    },
    {
      name: 'registre : organisation (chef de file ou associée) + en retard, tri par référence',
      targetMs: 100,
      samples: await measure(20, () =>
        invoke('recommendations.list', {
          organisationId: pick(organisationIds, i++),
          overdue: true,
          limit: 200,
        }),
      ),
    },
    {
      name: 'registre : 10 instances, statut en cours, tri par instance, page 3',
      targetMs: 100,
      samples: await measure(20, () =>
        invoke('recommendations.list', {
          bodyIds: Array.from({ length: 10 }, nextBody),
          statuses: ['in_progress'],
          sort: 'body',
          limit: 50,
          offset: 100,
        }),
      ),
    },
    {
      name: `plein texte « critères vulnérabilités » (${hits.total} résultats), 200 lignes + total`,
      targetMs: 50,
      samples: await measure(30, () =>
        invoke('recommendations.list', { text: 'critères vulnérabilités', limit: 200 }),
      ),
    },
    {
      name: `plein texte « tenenkou » (${place.total} résultats), 200 lignes + total`,
      targetMs: 50,
      samples: await measure(30, () => invoke('recommendations.list', { text: 'tenenkou', limit: 200 })),
    },
    {
      name: `plein texte « cantines ténenkou » (${narrow.total} résultats), 200 lignes + total`,
      targetMs: 50,
      samples: await measure(30, () =>
        invoke('recommendations.list', { text: 'cantines ténenkou', limit: 200 }),
      ),
    },
    {
      name: `plein texte « critères vulnérabilités », tri par échéance`,
      targetMs: 50,
      samples: await measure(30, () =>
        invoke('recommendations.list', { text: 'critères vulnérabilités', sort: 'due_date', limit: 200 }),
      ),
    },
    {
      name: 'plein texte + instance : « recommandations atelier »',
      targetMs: 50,
      samples: await measure(30, () =>
        invoke('recommendations.list', {
          text: 'recommandations atelier',
          bodyIds: [nextBody()],
          limit: 200,
        }),
      ),
    },
    {
      name: 'tableau de bord (statuts, taux par instance, retards par organisation, changements)',
      targetMs: 200,
      samples: await measure(15, () => invoke('recommendations.dashboard', {})),
    },
    {
      name: 'taux de mise en œuvre d’une instance',
      targetMs: 100,
      samples: await measure(30, () => invoke('recommendations.rate', { bodyIds: [nextBody()] })),
    },
    {
      name: 'mise à jour de statut (une transaction)',
      targetMs: 100,
      samples: await measure(
        10,
        () =>
          invoke('recommendations.addUpdate', {
            id: pick(updatable, i++),
            date: TODAY,
            status: 'in_progress',
            comment: 'Point de situation',
          }),
        0,
      ),
    },
  ];
  report('recommandations', measures);
});
