import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, it } from 'vitest';
import { localToday } from '../electron/backend/features/meetings/repository';
import { type Backend, startBackend } from '../electron/backend/host';
import { addDays } from '../shared/domain/dates';
import { uuidv7 } from '../shared/domain/ids';
import type { RecommendationStatus } from '../shared/domain/vocabularies';
import type { InputOf, MethodName, OutputOf } from '../shared/rpc';
import { type Measure, measure, report } from './measure';

// issue 5 targets: an aide-mémoire with 300 recommendations → DOCX + PDF ≤ 3 s together; a
// follow-up matrix of 5,000 recommendations ≤ 2 s; a session bundle of 8 documents ≤ 5 s.
// Each figure is the whole user action through the router: read, build, render, write, log.
const ROOT = resolve(import.meta.dirname, '..');
const dataDir = mkdtempSync(join(tmpdir(), 'concerto-bench-documents-'));
let backend: Backend;

const TODAY = localToday();
const SESSION = addDays(TODAY, -20);
const PREVIOUS = addDays(TODAY, -200);
const ORGANISATIONS = 60;
const INVITEES = 80;
const SESSION_RECOMMENDATIONS = 300;
const MATRIX_RECOMMENDATIONS = 5_000;

const VERBS = [
  'Élaborer',
  'Valider',
  'Diffuser',
  'Mettre à jour',
  'Former',
  'Organiser',
  'Harmoniser',
  'Renforcer',
];
const OBJECTS = [
  'le registre social unifié des ménages vulnérables',
  'les outils de ciblage communautaire',
  'le mécanisme de gestion des plaintes',
  'la cartographie des interventions des partenaires',
  'le manuel de procédures des transferts monétaires',
  'le dispositif de suivi-évaluation conjoint',
];
const PLACES = ['Parakou', 'Nikki', 'Kandi', 'Malanville', 'Bembèrèkè', 'Tchaourou', 'Ségou', 'Ansongo'];
const OPEN: RecommendationStatus[] = ['not_started', 'in_progress', 'partially_done', 'postponed'];
const pick = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;

let reviewMeetingId = '';
let matrixBodyId = '';

async function invoke<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> {
  const result = await backend.invoke(method, input);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as OutputOf<M>;
}

beforeAll(async () => {
  backend = await startBackend({ dataDir, resourcesDir: join(ROOT, 'resources'), appVersion: 'bench' });
  await invoke('settings.update', {
    heading: {
      country: 'République du Bénin',
      motto: 'Fraternité – Justice – Travail',
      ministry: 'Ministère des Affaires Sociales et de la Microfinance',
      service: 'Direction départementale du Borgou',
    },
    signature: { place: 'Parakou', title: 'Le Directeur départemental', name: 'Koffi Agbodjan' },
  });
  const { sqlite } = backend.context;
  const at = new Date().toISOString();
  const organisationIds: string[] = [];
  const insertOrganisation = sqlite.prepare(
    `INSERT INTO organisations (id, name, acronym, kind, created_at, updated_at) VALUES (?, ?, ?, 'national_ngo', ?, ?)`,
  );
  const insertRecommendation = sqlite.prepare(
    `INSERT INTO recommendations (id, body_id, reference, kind, text, theme, origin_kind, origin_meeting_id,
       lead_organisation_id, due_date, priority, status, progress, created_at, updated_at)
     VALUES (?, ?, ?, 'recommendation', ?, 'Protection sociale', 'meeting', ?, ?, ?, 'normal', ?, ?, ?, ?)`,
  );
  sqlite.transaction(() => {
    for (let o = 0; o < ORGANISATIONS; o++) {
      const id = uuidv7();
      organisationIds.push(id);
      insertOrganisation.run(
        id,
        `Association ${pick(PLACES, o)} pour le développement ${o}`,
        `ASD${o}`,
        at,
        at,
      );
    }
  })();

  // A departmental review with its previous session, 80 invitees, 300 recommendations.
  const review = await invoke('bodies.create', {
    name: 'Revue sectorielle départementale MASM-PTF/OSC du Borgou',
    acronym: 'RSD-Borgou',
    kind: 'sector_review',
    level: 'regional',
    periodicity: { kind: 'every_n_months', months: 6 },
    quorumRule: { kind: 'none' },
  });
  for (let s = 0; s < INVITEES; s++) {
    await invoke('seats.create', {
      bodyId: review.id,
      role: s === 0 ? 'president' : 'member',
      organisationId: pick(organisationIds, s),
      function: `Représentant ${s + 1}`,
    });
  }
  const previous = await invoke('meetings.create', {
    bodyId: review.id,
    kind: 'ordinary',
    startDate: PREVIOUS,
  });
  const meeting = await invoke('meetings.create', {
    bodyId: review.id,
    kind: 'ordinary',
    startDate: SESSION,
    endDate: addDays(SESSION, 1),
    place: 'Salle de conférence de la préfecture de Parakou',
  });
  reviewMeetingId = meeting.id;
  await invoke('agenda.save', {
    meetingId: meeting.id,
    entries: Array.from({ length: 16 }, (_, i) => ({
      day: i < 8 ? SESSION : addDays(SESSION, 1),
      entryType: 'item' as const,
      title: `${pick(VERBS, i)} ${pick(OBJECTS, i)}`,
      startTime: `${String(8 + (i % 8)).padStart(2, '0')}:00`,
      endTime: `${String(9 + (i % 8)).padStart(2, '0')}:00`,
    })),
  });
  await invoke('invitees.generate', { meetingId: meeting.id });
  sqlite.transaction(() => {
    for (let r = 0; r < SESSION_RECOMMENDATIONS; r++) {
      const status = pick(OPEN, r);
      insertRecommendation.run(
        uuidv7(),
        review.id,
        `RSD-Borgou/${SESSION.slice(0, 4)}/R${String(r + 1).padStart(3, '0')}`,
        `${pick(VERBS, r)} ${pick(OBJECTS, r * 7)} à ${pick(PLACES, r * 3)} avant la prochaine revue`,
        r < 200 ? meeting.id : previous.id,
        pick(organisationIds, r),
        addDays(SESSION, 90 + (r % 200)),
        status,
        status === 'not_started' ? 0 : 40,
        at,
        at,
      );
    }
  })();

  // A national body with 5,000 open recommendations spread over 60 organisations.
  const national = await invoke('bodies.create', {
    name: 'Commission mixte MASM-PTF/OSC',
    acronym: 'CM-MASM',
    kind: 'joint_commission',
    level: 'national',
    periodicity: { kind: 'every_n_months', months: 12 },
    quorumRule: { kind: 'none' },
  });
  matrixBodyId = national.id;
  const nationalMeeting = await invoke('meetings.create', {
    bodyId: national.id,
    kind: 'ordinary',
    startDate: PREVIOUS,
  });
  sqlite.transaction(() => {
    for (let r = 0; r < MATRIX_RECOMMENDATIONS; r++) {
      const status = pick(OPEN, r);
      insertRecommendation.run(
        uuidv7(),
        national.id,
        `CM-MASM/${PREVIOUS.slice(0, 4)}/R${String(r + 1).padStart(4, '0')}`,
        `${pick(VERBS, r)} ${pick(OBJECTS, r * 5)} à ${pick(PLACES, r * 3)} en lien avec la société civile`,
        nationalMeeting.id,
        pick(organisationIds, r * 7),
        addDays(PREVIOUS, 60 + (r % 500)),
        status,
        status === 'not_started' ? 0 : 40,
        at,
        at,
      );
    }
  })();
}, 600_000);

afterAll(async () => {
  await backend.close();
  rmSync(dataDir, { recursive: true, force: true });
});

it('documents: aide-mémoire, follow-up matrix, session bundle', async () => {
  const aideMemoire = await invoke('exports.save', {
    items: [
      { document: { kind: 'aideMemoire', meetingId: reviewMeetingId }, format: 'docx' },
      { document: { kind: 'aideMemoire', meetingId: reviewMeetingId }, format: 'pdf' },
    ],
    destination: { kind: 'exports' },
  });
  const bundle = await invoke('exports.bundle', {
    meetingId: reviewMeetingId,
    formats: ['docx'],
    destination: { kind: 'exports' },
  });
  console.log(
    `aide-mémoire : ${aideMemoire.files.map((f) => `${f.fileName} ${(f.bytes / 1024).toFixed(0)} Kio`).join(', ')} ; dossier de séance : ${bundle.files[0]?.fileName} ${((bundle.files[0]?.bytes ?? 0) / 1024).toFixed(0)} Kio`,
  );

  const measures: Measure[] = [
    {
      name: `aide-mémoire, ${SESSION_RECOMMENDATIONS} recommandations : DOCX + PDF`,
      targetMs: 3000,
      samples: await measure(5, () =>
        invoke('exports.save', {
          items: [
            { document: { kind: 'aideMemoire', meetingId: reviewMeetingId }, format: 'docx' },
            { document: { kind: 'aideMemoire', meetingId: reviewMeetingId }, format: 'pdf' },
          ],
          destination: { kind: 'exports' },
        }),
      ),
    },
    {
      name: `tableau de suivi (xlsx), ${MATRIX_RECOMMENDATIONS} recommandations, une feuille`,
      targetMs: 2000,
      samples: await measure(5, () =>
        invoke('exports.save', {
          items: [{ spreadsheet: { kind: 'followUpMatrix', bodyId: matrixBodyId, layout: 'single' } }],
          destination: { kind: 'exports' },
        }),
      ),
    },
    {
      name: `tableau de suivi (xlsx), ${MATRIX_RECOMMENDATIONS} recommandations, une feuille par organisation`,
      targetMs: 2000,
      samples: await measure(5, () =>
        invoke('exports.save', {
          items: [
            { spreadsheet: { kind: 'followUpMatrix', bodyId: matrixBodyId, layout: 'perOrganisation' } },
          ],
          destination: { kind: 'exports' },
        }),
      ),
    },
    {
      name: 'dossier de séance (zip) : 7 documents DOCX + tableau de suivi',
      targetMs: 5000,
      samples: await measure(3, () =>
        invoke('exports.bundle', {
          meetingId: reviewMeetingId,
          formats: ['docx'],
          destination: { kind: 'exports' },
        }),
      ),
    },
    {
      name: 'dossier de séance (zip) : 7 documents DOCX + PDF + tableau de suivi',
      targetMs: 5000,
      samples: await measure(3, () =>
        invoke('exports.bundle', {
          meetingId: reviewMeetingId,
          formats: ['docx', 'pdf'],
          destination: { kind: 'exports' },
        }),
      ),
    },
  ];
  report('documents', measures);
}, 600_000);
