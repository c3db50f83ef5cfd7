// issue 4: "a save lost mid-way leaves the previous version intact — prove it by killing the
// backend process during a burst of saves and reopening the database". The backend runs in a
// child process (fixtures/crash-child.mjs, the TypeScript sources under Node 24) on a
// real database file; the test saves as the editor does (each save based on the last
// acknowledged revision), kills the process with SIGKILL, then opens the file again here.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/domain/ids';
import type { InputOf, OutputOf } from '../../shared/rpc';
import type { Envelope } from '../../shared/rpc/envelope';
import { BackendChild, sleep } from './fixtures/backendChild';
import { startTestApp } from './harness';

const dataDir = mkdtempSync(join(tmpdir(), 'concerto-minutes-crash-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

type Sections = InputOf<'minutes.save'>['sections'];

/** The backend in a child process on this test's data folder. */
const startChild = (env: Record<string, string> = {}) => BackendChild.start(dataDir, { env });

const FILLER =
  'Le groupe prend acte des progrès du registre social unifié et demande aux structures membres de ' +
  'transmettre leurs données de ciblage avant la prochaine session ; les partenaires confirment leur appui. ';

/**
 * What the editor sends at save n of round r: ~30 sections, ~150 KB, every section marked with
 * (r, n) so that a stored text mixing two saves would show.
 */
function sectionsFor(template: Sections, round: number, n: number, extra = ''): Sections {
  return template.map((s, k) => ({
    ...s,
    content: {
      type: 'doc',
      content: [
        {
          type: 'heading',
          attrs: { level: 2 },
          content: [{ type: 'text', text: `Tour ${round}, sauvegarde ${n}` }],
        },
        ...Array.from({ length: 4 }, (_, j) => ({
          type: 'paragraph',
          content: [
            { type: 'text', text: `[${round}.${n}.${k}.${j}] ` },
            { type: 'text', text: FILLER.repeat(6), marks: [{ type: 'bold' }] },
            ...(extra ? [{ type: 'text', text: extra }] : []),
          ],
        })),
      ],
    },
  }));
}

/**
 * Opens the file in this process with the real backend and checks it is whole: the database
 * passes integrity_check, the minutes hold exactly one of the texts sent, at the revision that
 * text was sent as, and their latest version is that same text.
 */
async function expectIntact(meetingId: string, sent: Map<number, Sections>, allowed: number[]) {
  const app = await startTestApp({ dataDir });
  try {
    const { sqlite } = app.backend.context;
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    const row = sqlite
      .prepare('SELECT id, content, revision FROM minutes WHERE meeting_id = ?')
      .get(meetingId) as { id: string; content: string; revision: number };
    expect(allowed).toContain(row.revision);
    const stored = JSON.parse(row.content) as unknown;
    expect(stored).toEqual(sent.get(row.revision));
    const minutes = await app.call('minutes.get', { meetingId });
    expect(minutes?.revision).toBe(row.revision);
    expect(minutes?.sections).toEqual(sent.get(row.revision));
    const latest = sqlite
      .prepare(
        'SELECT revision, content FROM minutes_versions WHERE minutes_id = ? ORDER BY saved_at DESC, id DESC',
      )
      .get(row.id) as { revision: number; content: string };
    expect(latest.revision).toBe(row.revision);
    expect(latest.content).toBe(row.content);
    return row.revision;
  } finally {
    await app.close();
  }
}

describe('autosave survives the backend being killed', () => {
  it('leaves the previous version intact when killed during a burst of saves', async () => {
    // The meeting and its minutes, ~30 sections from the agenda.
    let backend = await startChild();
    const body = await backend.call('bodies.create', {
      name: 'Groupe thématique Genre et Protection sociale',
      acronym: 'GTGPS',
      kind: 'thematic_group',
      level: 'national',
      countryCode: 'ML',
      periodicity: { kind: 'every_n_months', months: 3 },
      quorumRule: { kind: 'majority_of_voting_seats' },
    });
    const meeting = await backend.call('meetings.create', {
      bodyId: body.id,
      kind: 'ordinary',
      startDate: '2026-03-12',
    });
    await backend.call('agenda.save', {
      meetingId: meeting.id,
      entries: Array.from({ length: 28 }, (_, i) => ({
        day: meeting.startDate,
        entryType: 'item' as const,
        title: `Point ${i + 1} de l’ordre du jour`,
      })),
    });
    const opened = await backend.call('minutes.open', { meetingId: meeting.id });
    const template = opened.sections;
    expect(template).toHaveLength(30);

    const sent = new Map<number, Sections>([[0, opened.sections]]);
    let acked = 0;
    const save = (target: BackendChild, sections: Sections) =>
      target.invoke('minutes.save', {
        meetingId: meeting.id,
        saveId: uuidv7(),
        baseRevision: acked,
        sections,
        rapporteurPersonId: null,
      });

    // Rounds 1–3: killed from outside at an unpredictable moment, a save being sent.
    for (let round = 1; round <= 3; round++) {
      if (round > 1) backend = await startChild();
      const killAt = 5 + Math.floor(Math.random() * 20);
      for (let n = 1; ; n++) {
        const sections = sectionsFor(template, round, n);
        sent.set(acked + 1, sections);
        const pending = save(backend, sections);
        if (n === killAt) {
          await sleep(Math.random() * 8);
          await backend.kill();
          break;
        }
        const envelope = await pending;
        if (!envelope.ok) throw new Error(JSON.stringify(envelope.error));
        expect(envelope.value.revision).toBe(acked + 1);
        acked = envelope.value.revision;
      }
      // The save in flight may have committed (one more) or not; nothing else is possible.
      acked = await expectIntact(meeting.id, sent, [acked, acked + 1]);
    }

    // Round 4: killed at the worst moment, inside the transaction, once the minutes row was
    // already overwritten and before its version was written.
    const marker = `⚡${uuidv7()}`;
    backend = await startChild({ CONCERTO_CRASH_MARKER: marker });
    for (let n = 1; n <= 5; n++) {
      const sections = sectionsFor(template, 4, n);
      sent.set(acked + 1, sections);
      const envelope = await save(backend, sections);
      if (!envelope.ok) throw new Error(JSON.stringify(envelope.error));
      acked = envelope.value.revision;
    }
    const before = acked;
    const doomed = save(backend, sectionsFor(template, 4, 6, marker));
    const outcome = await Promise.race([doomed.then(() => 'answered'), backend.exited.then(() => 'killed')]);
    expect(outcome).toBe('killed');
    expect(await backend.exited).toBe('SIGKILL');
    expect(await expectIntact(meeting.id, sent, [before])).toBe(before);

    // And the editor carries on from there after a restart.
    backend = await startChild();
    const next = sectionsFor(template, 5, 1);
    sent.set(acked + 1, next);
    const envelope: Envelope<OutputOf<'minutes.save'>> = await save(backend, next);
    expect(envelope.ok && envelope.value.revision).toBe(before + 1);
    await backend.kill();
    await expectIntact(meeting.id, sent, [before + 1]);
  }, 30_000);
});
