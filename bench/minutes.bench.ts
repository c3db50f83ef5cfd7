import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, it } from 'vitest';
import { type Backend, startBackend } from '../electron/backend/host';
import { uuidv7 } from '../shared/domain/ids';
import type { InputOf, MethodName, OutputOf } from '../shared/rpc';
import { type Measure, measure, report } from './measure';

// issue 4 target: one autosave ≤ 20 ms at the median, on minutes of ~30 sections / ~50 KB,
// through the router as the editor calls it (validation, sanitizing, text projection, the
// minutes row and its version in one transaction synced to disk, thinning of old autosaves),
// with a history of autosaves behind it (two months of a long-running document).
const ROOT = resolve(import.meta.dirname, '..');
const dataDir = mkdtempSync(join(tmpdir(), 'concerto-bench-minutes-'));
let backend: Backend;

type Sections = InputOf<'minutes.save'>['sections'];
let meetingId: string;
let template: Sections;
let revision = 0;

async function invoke<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> {
  const result = await backend.invoke(method, input);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as OutputOf<M>;
}

const SENTENCE =
  'Le représentant de la DGPSN présente l’état d’avancement du registre social unifié ; les membres ' +
  'saluent les progrès et demandent la transmission des données de ciblage. ';

/** A section as a rapporteur writes it: a heading, paragraphs with some bold, a list, a small table. */
function sectionContent(k: number, n: number): Sections[number]['content'] {
  const text = (t: string, bold = false) => ({
    type: 'text',
    text: t,
    ...(bold ? { marks: [{ type: 'bold' }] } : {}),
  });
  return {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 3 }, content: [text(`Point ${k} — échanges`)] },
      {
        type: 'paragraph',
        content: [text('Synthèse : ', true), text(SENTENCE.repeat(2)), text(`(rév. ${n})`)],
      },
      {
        type: 'bulletList',
        content: ['DGPSN', 'PAM', 'UNICEF'].map((who) => ({
          type: 'listItem',
          content: [{ type: 'paragraph', content: [text(`${who} : `, true), text(SENTENCE.slice(0, 90))] }],
        })),
      },
      {
        type: 'table',
        content: [
          ['Structure', 'Présents'],
          ['MASM', '4'],
        ].map((cells) => ({
          type: 'tableRow',
          content: cells.map((cell) => ({
            type: 'tableCell',
            content: [{ type: 'paragraph', content: [text(cell)] }],
          })),
        })),
      },
    ],
  };
}

const sectionsAt = (n: number): Sections => template.map((s, k) => ({ ...s, content: sectionContent(k, n) }));

beforeAll(async () => {
  backend = await startBackend({ dataDir, resourcesDir: join(ROOT, 'resources'), appVersion: 'bench' });
  const body = await invoke('bodies.create', {
    name: 'Groupe thématique Genre et Protection sociale',
    acronym: 'GTGPS',
    kind: 'thematic_group',
    level: 'national',
    countryCode: 'ML',
    periodicity: { kind: 'every_n_months', months: 3 },
    quorumRule: { kind: 'majority_of_voting_seats' },
  });
  const meeting = await invoke('meetings.create', {
    bodyId: body.id,
    kind: 'ordinary',
    startDate: '2026-03-12',
  });
  meetingId = meeting.id;
  await invoke('agenda.save', {
    meetingId,
    entries: Array.from({ length: 28 }, (_, i) => ({
      day: meeting.startDate,
      entryType: 'item' as const,
      title: `Point ${i + 1} de l’ordre du jour`,
    })),
  });
  template = (await invoke('minutes.open', { meetingId })).sections;

  // Two months of earlier autosaves, as thinning leaves them (one a day, one an hour for the
  // last day), plus the status versions of a round of review.
  const { sqlite } = backend.context;
  const minutesId = (
    sqlite.prepare('SELECT id FROM minutes WHERE meeting_id = ?').get(meetingId) as { id: string }
  ).id;
  const content = JSON.stringify(sectionsAt(0));
  const insert = sqlite.prepare(
    `INSERT INTO minutes_versions (id, minutes_id, revision, status, kind, content, plain_text, actor, saved_at)
     VALUES (?, ?, ?, 'draft', ?, ?, '', 'Secrétariat', ?)`,
  );
  const now = Date.now();
  sqlite.transaction(() => {
    for (let h = 60 * 24; h > 0; h -= h > 24 ? 24 : 1) {
      insert.run(
        uuidv7(),
        minutesId,
        0,
        h % 240 === 0 ? 'status' : 'autosave',
        content,
        new Date(now - h * 3_600_000).toISOString(),
      );
    }
  })();
}, 600_000);

afterAll(async () => {
  await backend.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const save = async () => {
  const sections = sectionsAt(revision + 1);
  const { revision: next } = await invoke('minutes.save', {
    meetingId,
    saveId: uuidv7(),
    baseRevision: revision,
    sections,
    rapporteurPersonId: null,
  });
  revision = next;
};

it('minutes: one autosave', async () => {
  const size = JSON.stringify(sectionsAt(1)).length;
  console.log(`compte rendu : ${template.length} sections, ${(size / 1024).toFixed(0)} Ko de JSON`);
  const measures: Measure[] = [
    {
      name: `un enregistrement automatique (${template.length} sections, ${(size / 1024).toFixed(0)} Ko)`,
      targetMs: 20,
      samples: await measure(200, save, 5),
    },
  ];
  report('comptes rendus', measures);
});
