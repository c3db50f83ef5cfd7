// issue 7: "Kill -9 during bursts of small edits (minutes autosave, recommendation updates):
// every write that was acknowledged before the kill is present after restart."
//
// The backend runs in a child process on a real data folder. Several editors type at once:
// one autosave loop per set of minutes (each save based on the last acknowledged revision, as
// the editor does) and one status-update loop per recommendation, all interleaved. After a
// seeded random number of acknowledged writes and a few random milliseconds more, the process is
// killed with SIGKILL; a new backend is started on the same folder and every acknowledged write
// must be there, as acknowledged. Several rounds.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/domain/ids';
import type { InputOf } from '../../shared/rpc';
import { BackendChild, runSeed, seededRandom, sleep } from './fixtures/backendChild';

const ROUNDS = 5;
const MEETINGS = 3;
const RECOMMENDATIONS = 6;

const dataDir = mkdtempSync(join(tmpdir(), 'concerto-crash-edits-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

type Sections = InputOf<'minutes.save'>['sections'];
type Status = InputOf<'recommendations.addUpdate'>['status'];
const STATUSES: Status[] = ['in_progress', 'partially_done', 'postponed'];

/** A small edit: the section k of the minutes says which save it is. */
function edited(template: Sections, label: string): Sections {
  return template.map((s, k) => ({
    ...s,
    content: {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: `${label} — section ${k + 1}` }] }],
    },
  }));
}

interface MinutesState {
  meetingId: string;
  template: Sections;
  /** The last revision the backend acknowledged. */
  acked: number;
  /** What was sent as each revision. */
  sent: Map<number, Sections>;
}

interface Update {
  comment: string;
  status: Status;
  progress: number;
}

interface RecommendationState {
  id: string;
  /** Every update the backend acknowledged, in order. */
  acked: Update[];
  /** The update sent and not (yet) acknowledged when the process died. */
  inFlight: Update | null;
}

describe('small edits survive the backend being killed', () => {
  it('keeps every acknowledged autosave and status update', async () => {
    const seed = runSeed();
    const random = seededRandom(seed);
    const replay = `seed ${seed} (CONCERTO_CRASH_SEED=${seed} replays it)`;
    const started = performance.now();

    let backend = await BackendChild.start(dataDir);
    const body = await backend.call('bodies.create', {
      name: 'Groupe thématique Genre et Protection sociale',
      acronym: 'GTGPS',
      kind: 'thematic_group',
      level: 'national',
      countryCode: 'ML',
      periodicity: { kind: 'every_n_months', months: 3 },
      quorumRule: { kind: 'majority_of_voting_seats' },
    });
    const minutes: MinutesState[] = [];
    for (let m = 0; m < MEETINGS; m++) {
      const meeting = await backend.call('meetings.create', {
        bodyId: body.id,
        kind: 'ordinary',
        startDate: `2026-0${m + 1}-12`,
      });
      await backend.call('agenda.save', {
        meetingId: meeting.id,
        entries: [1, 2, 3].map((i) => ({
          day: meeting.startDate,
          entryType: 'item' as const,
          title: `Point ${i}`,
        })),
      });
      const opened = await backend.call('minutes.open', { meetingId: meeting.id });
      minutes.push({
        meetingId: meeting.id,
        template: opened.sections,
        acked: opened.revision,
        sent: new Map([[opened.revision, opened.sections]]),
      });
    }
    const recommendations: RecommendationState[] = [];
    for (let r = 0; r < RECOMMENDATIONS; r++) {
      const made = await backend.call('recommendations.create', {
        bodyId: body.id,
        text: `Recommandation ${r + 1} : transmettre les données de ciblage`,
      });
      recommendations.push({ id: made.id, acked: [], inFlight: null });
    }

    let writes = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      const where = `round ${round}; ${replay}`;
      let killed = false;
      const current = backend;
      // The kill comes after a random number of acknowledged writes and a random few
      // milliseconds more, so that it falls at any point of a save or an update.
      const target = 5 + Math.floor(random() * 60);
      let acknowledged = 0;
      let reached: () => void = () => {};
      const enough = new Promise<void>((resolve) => {
        reached = resolve;
      });
      const acknowledge = () => {
        writes++;
        if (++acknowledged === target) reached();
      };
      const typing = (state: MinutesState) => async () => {
        for (let n = 1; !killed; n++) {
          const sections = edited(state.template, `Tour ${round}, frappe ${n}, ${uuidv7()}`);
          state.sent.set(state.acked + 1, sections);
          const envelope = await current.invoke('minutes.save', {
            meetingId: state.meetingId,
            saveId: uuidv7(),
            baseRevision: state.acked,
            sections,
            rapporteurPersonId: null,
          });
          if (!envelope.ok)
            throw new Error(`minutes.save refused: ${JSON.stringify(envelope.error)}; ${where}`);
          expect(envelope.value.revision, where).toBe(state.acked + 1);
          state.acked = envelope.value.revision;
          acknowledge();
          await sleep(random() * 3);
        }
      };
      const updating = (state: RecommendationState) => async () => {
        for (let n = 1; !killed; n++) {
          const update: Update = {
            comment: `Tour ${round}, mise à jour ${n}, ${uuidv7()}`,
            status: STATUSES[Math.floor(random() * STATUSES.length)] ?? 'in_progress',
            progress: Math.floor(random() * 100),
          };
          state.inFlight = update;
          const envelope = await current.invoke('recommendations.addUpdate', {
            id: state.id,
            date: '2026-03-20',
            ...update,
          });
          if (!envelope.ok) throw new Error(`addUpdate refused: ${JSON.stringify(envelope.error)}; ${where}`);
          state.acked.push(update);
          state.inFlight = null;
          acknowledge();
          await sleep(random() * 3);
        }
      };
      // The loops never end by themselves: they stop answering when the process dies.
      for (const state of minutes) void typing(state)();
      for (const state of recommendations) void updating(state)();
      await enough;
      await sleep(random() * 15);
      killed = true;
      expect(await current.kill(), where).toBe('SIGKILL');

      backend = await BackendChild.start(dataDir);
      expect(await backend.tool('pragma', { pragma: 'integrity_check' }), where).toBe('ok');
      for (const state of minutes) {
        const stored = await backend.call('minutes.get', { meetingId: state.meetingId });
        // The save in flight may have been written or not; nothing acknowledged may be missing.
        expect([state.acked, state.acked + 1], where).toContain(stored?.revision);
        expect(stored?.sections, where).toEqual(state.sent.get(stored?.revision ?? -1));
        state.acked = stored?.revision ?? state.acked;
      }
      for (const state of recommendations) {
        const updates = await backend.call('recommendations.updates', { id: state.id });
        const byComment = new Map(updates.map((u) => [u.comment, u]));
        for (const update of state.acked) {
          expect(byComment.get(update.comment), `${update.comment}; ${where}`).toMatchObject({
            status: update.status,
            progress: update.progress,
          });
        }
        const latest =
          state.inFlight && byComment.has(state.inFlight.comment) ? state.inFlight : state.acked.at(-1);
        if (state.inFlight && latest === state.inFlight) state.acked.push(state.inFlight);
        state.inFlight = null;
        const now = await backend.call('recommendations.get', { id: state.id });
        if (latest)
          expect({ status: now.status, progress: now.progress }, where).toEqual({
            status: latest.status,
            progress: latest.progress,
          });
        // Nothing but what was sent: the creation's update and ours.
        expect(updates.length, where).toBe(state.acked.length + 1);
      }
    }
    await backend.stop();
    const summary = `${ROUNDS} kills, ${writes} acknowledged writes, ${Math.round((performance.now() - started) / 1000)} s; ${replay}`;
    console.info(summary);
  }, 60_000);
});
