import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, it } from 'vitest';
import { type Backend, startBackend } from '../electron/backend/host';
import { addDays } from '../shared/domain/dates';
import { uuidv7 } from '../shared/domain/ids';
import { type Periodicity, plannedSessionDates } from '../shared/domain/periodicity';
import { BODY_KINDS, BODY_LEVELS } from '../shared/domain/vocabularies';
import { type Measure, measure, report } from './measure';

// issue 3 targets: year calendar for 300 bodies ≤ 150 ms; regularity of 300 bodies over
// 10 years ≤ 200 ms (the ten yearly computations together, as one sample).
const ROOT = resolve(import.meta.dirname, '..');
const dataDir = mkdtempSync(join(tmpdir(), 'concerto-bench-planning-'));
let backend: Backend;

const BODIES = 300;
const LAST_YEAR = new Date().getFullYear();
const YEARS = Array.from({ length: 10 }, (_, i) => LAST_YEAR - 9 + i);

const PERIODICITIES: Periodicity[] = [
  { kind: 'every_n_months', months: 3 },
  { kind: 'every_n_months', months: 6, startMonth: 6 },
  { kind: 'every_n_months', months: 12, startMonth: 11, dayOfMonth: 15 },
  { kind: 'every_n_months', months: 1, dayOfMonth: 10 },
  { kind: 'n_per_month', count: 2 },
  { kind: 'fixed_months', months: [6, 12] },
  { kind: 'every_n_months', months: 3, startMonth: 2, dayOfMonth: 20 },
  { kind: 'as_needed' },
];
const PLACES = ['Ansongo', 'Koulikoro', 'Ségou', 'Parakou', 'Abomey', 'Kaolack', 'Mopti', 'Gao'];
const STATUSES = ['held', 'closed', 'closed', 'held', 'cancelled', 'postponed', 'convened', 'held'] as const;

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;

beforeAll(async () => {
  backend = await startBackend({ dataDir, resourcesDir: join(ROOT, 'resources'), appVersion: 'bench' });
  const { sqlite } = backend.context;
  const at = new Date().toISOString();
  const insertBody = sqlite.prepare(
    `INSERT INTO bodies (id, name, acronym, kind, level, periodicity, quorum_rule, established_on, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, '{"kind":"majority_of_voting_seats"}', ?, ?, ?)`,
  );
  const insertMeeting = sqlite.prepare(
    `INSERT INTO meetings (id, body_id, number, kind, status, planned_date, start_date, end_date, start_time,
       end_time, place, postponed_from, status_reason, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, '09:00', '13:00', ?, ?, ?, ?, ?)`,
  );
  const insertCohost = sqlite.prepare('INSERT INTO meeting_cohosts (meeting_id, body_id) VALUES (?, ?)');
  let meetings = 0;
  sqlite.transaction(() => {
    const ids: string[] = [];
    for (let b = 0; b < BODIES; b++) {
      const id = uuidv7();
      ids.push(id);
      const periodicity = pick(PERIODICITIES, b);
      // A fifth of the bodies were set up during the decade.
      const establishedOn = b % 5 === 0 ? `${pick(YEARS, b)}-0${(b % 9) + 1}-15` : null;
      insertBody.run(
        id,
        `Comité ${pick(PLACES, b)} ${b}`,
        b % 3 === 0 ? null : `C${b}`,
        pick(BODY_KINDS, b),
        pick(BODY_LEVELS, b),
        JSON.stringify(periodicity),
        establishedOn,
        at,
        at,
      );
      let number = 0;
      for (const year of YEARS) {
        const planned = plannedSessionDates(periodicity, year).filter(
          (d) => establishedOn === null || d >= establishedOn,
        );
        // About three planned sessions in four get a meeting, a few days after the planned day.
        const dates = planned.filter((_, i) => (i + b + year) % 4 !== 0);
        if (periodicity.kind === 'as_needed') dates.push(`${year}-03-12`, `${year}-09-17`);
        dates.push(`${year}-05-${String(10 + (b % 15)).padStart(2, '0')}`);
        for (const [i, planDate] of dates.entries()) {
          const adHoc = i === dates.length - 1 || periodicity.kind === 'as_needed';
          const start = addDays(planDate, (b + i) % 9);
          const status = year === LAST_YEAR && start > at.slice(0, 10) ? 'convened' : pick(STATUSES, b + i);
          const meetingId = uuidv7();
          number++;
          insertMeeting.run(
            meetingId,
            id,
            number,
            adHoc && i % 2 === 0 ? 'extraordinary' : 'ordinary',
            status,
            adHoc ? null : planDate,
            start,
            addDays(start, i % 3 === 0 ? 1 : 0),
            pick(PLACES, b + i),
            status === 'postponed' ? planDate : null,
            status === 'cancelled' || status === 'postponed' ? 'Indisponibilité des membres' : null,
            at,
            at,
          );
          meetings++;
          // Some sessions are held jointly with a neighbouring body.
          if ((b + i) % 11 === 0) insertCohost.run(meetingId, pick(ids, b + 1 === BODIES ? 0 : b + 1));
        }
      }
    }
  })();
  console.log(`planification : ${BODIES} instances, ${meetings} réunions sur ${YEARS.length} ans`);
}, 600_000);

afterAll(async () => {
  await backend.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function invoke(method: 'planning.calendar' | 'planning.regularity', input: object): Promise<unknown> {
  const result = await backend.invoke(method, input);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

it('planning: year calendar and ten years of regularity', async () => {
  const calendarEntries = (await invoke('planning.calendar', {
    from: `${LAST_YEAR}-01-01`,
    to: `${LAST_YEAR}-12-31`,
  })) as unknown[];
  console.log(`calendrier ${LAST_YEAR} : ${calendarEntries.length} entrées`);
  const measures: Measure[] = [
    {
      name: `calendrier d’une année (${BODIES} instances, ${calendarEntries.length} entrées)`,
      targetMs: 150,
      samples: await measure(30, () =>
        invoke('planning.calendar', { from: `${LAST_YEAR}-01-01`, to: `${LAST_YEAR}-12-31` }),
      ),
    },
    {
      name: `régularité de ${BODIES} instances sur 10 ans (10 années calculées)`,
      targetMs: 200,
      samples: await measure(30, async () => {
        for (const year of YEARS) await invoke('planning.regularity', { year });
      }),
    },
  ];
  report('planification', measures);
});
