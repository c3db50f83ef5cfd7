import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/rpc';
import { startTestApp, type TestApp } from './harness';

let app: TestApp;
beforeEach(async () => {
  app = await startTestApp();
});
afterEach(async () => {
  await app.close();
});

const QUARTERLY = { kind: 'every_n_months', months: 3 } as const;

async function body(name: string, overrides: Partial<InputOf<'bodies.create'>> = {}) {
  return app.call('bodies.create', {
    name,
    acronym: null,
    kind: 'thematic_group',
    level: 'national',
    countryCode: 'ML',
    periodicity: QUARTERLY,
    quorumRule: { kind: 'none' },
    ...overrides,
  });
}

async function meeting(
  bodyId: string,
  startDate: string,
  overrides: Partial<InputOf<'meetings.create'>> = {},
  ...moves: Omit<InputOf<'meetings.transition'>, 'id'>[]
) {
  const created = await app.call('meetings.create', { bodyId, kind: 'ordinary', startDate, ...overrides });
  let result = created;
  for (const move of moves) result = await app.call('meetings.transition', { id: created.id, ...move });
  return result;
}

const held = { action: 'hold' } as const;
const closed = { action: 'close' } as const;
const convened = { action: 'convene', convenedOn: '2026-01-02' } as const;

const regularityOf = async (input: InputOf<'planning.regularity'>) =>
  Object.fromEntries(
    (await app.call('planning.regularity', input)).map((r) => [
      r.body.label,
      { planned: r.planned, held: r.held, rate: r.rate },
    ]),
  );

describe('regularity', () => {
  it('counts held ordinary sessions against planned ones', async () => {
    const quarterly = await body('Sous-groupe Genre', { acronym: 'SGG', kind: 'sub_group' });
    await meeting(quarterly.id, '2025-02-12', { plannedDate: '2025-01-01' }, held);
    await meeting(quarterly.id, '2025-10-07', { plannedDate: '2025-10-01' }, held, closed);
    // Neither an extraordinary session, nor sessions not held, nor another year's count.
    await meeting(quarterly.id, '2025-05-05', { kind: 'extraordinary' }, held);
    await meeting(quarterly.id, '2025-04-08', { plannedDate: '2025-04-01' }, convened);
    await meeting(
      quarterly.id,
      '2025-07-08',
      { plannedDate: '2025-07-01' },
      { action: 'cancel', reason: 'Grève' },
    );
    await meeting(quarterly.id, '2024-12-10', {}, held);
    const trashed = await meeting(quarterly.id, '2025-11-10', {}, held);
    await app.call('meetings.trash', { id: trashed.id });

    const [row] = await app.call('planning.regularity', { year: 2025 });
    expect(row).toEqual({
      body: { id: quarterly.id, label: 'SGG — Sous-groupe Genre' },
      kind: 'sub_group',
      level: 'national',
      periodicity: 'trimestrielle',
      planned: 4,
      held: 2,
      rate: 0.5,
    });
  });

  it('has no rate without a plan, caps the rate at 1, and counts co-hosted sessions', async () => {
    const asNeeded = await body('Cadre de concertation', { periodicity: { kind: 'as_needed' } });
    const annual = await body('Commission mixte', { periodicity: { kind: 'every_n_months', months: 12 } });
    const partner = await body('Groupe technique PTF');
    await meeting(asNeeded.id, '2025-03-03', {}, held);
    await meeting(annual.id, '2025-03-04', {}, held);
    await meeting(annual.id, '2025-09-04', { cohostIds: [partner.id] }, held);

    expect(await regularityOf({ year: 2025 })).toEqual({
      'Cadre de concertation': { planned: 0, held: 1, rate: null },
      'Commission mixte': { planned: 1, held: 2, rate: 1 },
      'Groupe technique PTF': { planned: 4, held: 1, rate: 0.25 },
    });
    const rows = await app.call('planning.regularity', { year: 2025 });
    expect(rows.find((r) => r.body.id === asNeeded.id)?.periodicity).toBe('chaque fois que de besoin');
  });

  it('plans only while the body exists', async () => {
    await body('Établi en mai', { establishedOn: '2025-05-15' });
    const closedInJuly = await body('Fermé en juillet');
    await app.call('bodies.close', { id: closedInJuly.id, closedOn: '2025-07-15', reason: 'Fusion' });
    const closedBefore = await body('Fermé en 2024');
    await app.call('bodies.close', { id: closedBefore.id, closedOn: '2024-06-30', reason: 'Dissolution' });
    await body('Créé en 2026', { establishedOn: '2026-02-01' });
    const trashed = await body('À la corbeille');
    await app.call('bodies.trash', { id: trashed.id });

    expect(await regularityOf({ year: 2025 })).toEqual({
      // 1 July and 1 October only.
      'Établi en mai': { planned: 2, held: 0, rate: 0 },
      // 1 January, 1 April and 1 July: it closed on the 15th.
      'Fermé en juillet': { planned: 3, held: 0, rate: 0 },
    });
    expect(Object.keys(await regularityOf({ year: 2026 }))).toEqual(['Créé en 2026', 'Établi en mai']);
  });

  it('sorts by name in French order and applies the filters', async () => {
    const gao = await app.call('territories.create', { countryCode: 'ML', parentId: null, name: 'Gao' });
    const ansongo = await app.call('territories.create', {
      countryCode: 'ML',
      parentId: gao.id,
      name: 'Ansongo',
    });
    const clocsad = await body('Comité local d’Ansongo', {
      kind: 'clocsad',
      level: 'local',
      territoryId: ansongo.id,
    });
    await body('Zone franche');
    await body('Équipe conjointe', { kind: 'clocsad' });
    await body('éducation', { acronym: null });

    expect((await app.call('planning.regularity', { year: 2025 })).map((r) => r.body.label)).toEqual([
      'Comité local d’Ansongo',
      'éducation',
      'Équipe conjointe',
      'Zone franche',
    ]);
    expect(Object.keys(await regularityOf({ year: 2025, territoryId: gao.id }))).toEqual([
      'Comité local d’Ansongo',
    ]);
    expect(Object.keys(await regularityOf({ year: 2025, kind: 'clocsad' }))).toEqual([
      'Comité local d’Ansongo',
      'Équipe conjointe',
    ]);
    expect(Object.keys(await regularityOf({ year: 2025, level: 'local' }))).toEqual([
      'Comité local d’Ansongo',
    ]);
    expect(Object.keys(await regularityOf({ year: 2025, bodyIds: [clocsad.id] }))).toEqual([
      'Comité local d’Ansongo',
    ]);
  });
});

describe('calendar', () => {
  it('shows each planned session once, as the meeting that fulfils it', async () => {
    const group = await body('Groupe thématique', { acronym: 'GT' });
    const apr = await meeting(group.id, '2026-04-09', { plannedDate: '2026-04-01' }, held);
    const jul = await meeting(
      group.id,
      '2026-07-02',
      { plannedDate: '2026-07-01' },
      { action: 'postpone', newStartDate: '2026-07-20', reason: 'Salle indisponible' },
    );
    const oct = await meeting(
      group.id,
      '2026-10-05',
      { plannedDate: '2026-10-01' },
      { action: 'cancel', reason: 'Insécurité' },
    );
    const adHoc = await meeting(group.id, '2026-02-10', { kind: 'extraordinary', endDate: '2026-02-11' });

    const entries = await app.call('planning.calendar', { from: '2026-01-01', to: '2026-12-31' });
    const gt = { id: group.id, label: 'GT — Groupe thématique' };
    expect(entries).toEqual([
      {
        body: gt,
        date: '2026-01-01',
        endDate: '2026-01-01',
        status: 'planned',
        meetingId: null,
        plannedDate: '2026-01-01',
        kind: 'ordinary',
        number: null,
      },
      {
        body: gt,
        date: '2026-02-10',
        endDate: '2026-02-11',
        status: 'draft',
        meetingId: adHoc.id,
        plannedDate: null,
        kind: 'extraordinary',
        number: 1,
      },
      {
        body: gt,
        date: '2026-04-09',
        endDate: '2026-04-09',
        status: 'held',
        meetingId: apr.id,
        plannedDate: '2026-04-01',
        kind: 'ordinary',
        number: 1,
      },
      {
        body: gt,
        date: '2026-07-20',
        endDate: '2026-07-20',
        status: 'postponed',
        meetingId: jul.id,
        plannedDate: '2026-07-01',
        kind: 'ordinary',
        number: 2,
      },
      {
        body: gt,
        date: '2026-10-05',
        endDate: '2026-10-05',
        status: 'cancelled',
        meetingId: oct.id,
        plannedDate: '2026-10-01',
        kind: 'ordinary',
        number: 3,
      },
    ]);

    // A session fulfilled by a meeting moved out of the range shows neither as planned nor as the meeting.
    expect(await app.call('planning.calendar', { from: '2026-07-01', to: '2026-07-10' })).toEqual([]);
    // A meeting overlapping the start of the range is in it.
    expect(
      (await app.call('planning.calendar', { from: '2026-02-11', to: '2026-03-31' })).map((e) => e.meetingId),
    ).toEqual([adHoc.id]);
    // Trashing the meeting brings the planned session back.
    await app.call('meetings.trash', { id: apr.id });
    expect(
      (await app.call('planning.calendar', { from: '2026-04-01', to: '2026-04-30' })).map((e) => [
        e.date,
        e.status,
      ]),
    ).toEqual([['2026-04-01', 'planned']]);
  });

  it('sorts by date then body name, plans only while bodies exist, and filters', async () => {
    const gao = await app.call('territories.create', { countryCode: 'ML', parentId: null, name: 'Gao' });
    const ansongo = await app.call('territories.create', {
      countryCode: 'ML',
      parentId: gao.id,
      name: 'Ansongo',
    });
    const zebra = await body('Zone franche');
    const team = await body('Équipe conjointe', { kind: 'clocsad', level: 'local', territoryId: ansongo.id });
    const group = await body('Groupe technique', { establishedOn: '2026-02-15' });
    const closing = await body('Comité fermé');
    await app.call('bodies.close', { id: closing.id, closedOn: '2026-03-15', reason: 'Fusion' });
    const asNeeded = await body('Atelier national', { periodicity: { kind: 'as_needed' } });
    const joint = await meeting(zebra.id, '2026-04-01', { kind: 'workshop', cohostIds: [team.id] });
    await meeting(asNeeded.id, '2026-04-01');

    const entries = await app.call('planning.calendar', { from: '2026-01-01', to: '2026-04-30' });
    expect(entries.map((e) => `${e.date} ${e.body.label} ${e.status}`)).toEqual([
      '2026-01-01 Comité fermé planned',
      '2026-01-01 Équipe conjointe planned',
      '2026-01-01 Zone franche planned',
      '2026-04-01 Atelier national draft',
      '2026-04-01 Équipe conjointe planned',
      '2026-04-01 Groupe technique planned',
      '2026-04-01 Zone franche draft',
      '2026-04-01 Zone franche planned',
    ]);

    // Co-hosted meetings appear for the co-host, under the host body.
    const local = await app.call('planning.calendar', {
      from: '2026-01-01',
      to: '2026-04-30',
      territoryId: gao.id,
    });
    expect(local.map((e) => `${e.date} ${e.body.label} ${e.status}`)).toEqual([
      '2026-01-01 Équipe conjointe planned',
      '2026-04-01 Équipe conjointe planned',
      '2026-04-01 Zone franche draft',
    ]);
    expect(local[2]?.meetingId).toBe(joint.id);
    expect(
      (await app.call('planning.calendar', { from: '2026-01-01', to: '2026-04-30', kind: 'clocsad' })).length,
    ).toBe(3);
    expect(
      (
        await app.call('planning.calendar', { from: '2026-01-01', to: '2026-04-30', bodyIds: [group.id] })
      ).map((e) => e.date),
    ).toEqual(['2026-04-01']);
    expect(await app.call('planning.calendar', { from: '2026-05-01', to: '2026-04-01' })).toEqual([]);
  });
});

describe('dashboard', () => {
  it('lists sessions due within 30 days and overdue ones, as at a given day', async () => {
    const quarterly = await body('Groupe thématique', { acronym: 'GT' });
    const monthly = await body('Comité de veille', {
      periodicity: { kind: 'every_n_months', months: 1 },
      establishedOn: '2026-05-01',
    });
    await meeting(monthly.id, '2026-05-04', { plannedDate: '2026-05-01' }, held);
    const late = await meeting(quarterly.id, '2026-04-10', { plannedDate: '2026-04-01' }, convened);
    const soon = await meeting(quarterly.id, '2026-06-05', { kind: 'extraordinary' });
    // Postponed to a date still ahead: not overdue.
    await meeting(
      quarterly.id,
      '2026-05-10',
      { kind: 'review' },
      { action: 'postpone', newStartDate: '2026-09-01' },
    );
    // Held and cancelled sessions are neither due nor overdue.
    await meeting(quarterly.id, '2026-05-25', { kind: 'workshop' }, held);
    await meeting(quarterly.id, '2026-06-10', { kind: 'workshop' }, { action: 'cancel', reason: 'Budget' });
    // Last year's sessions are not this year's concern.
    await meeting(quarterly.id, '2025-11-10', {}, convened);

    const dashboard = await app.call('planning.dashboard', { today: '2026-05-20' });
    expect(dashboard.year).toBe(2026);
    expect(dashboard.dueSoon.map((e) => `${e.date} ${e.body.label} ${e.status}`)).toEqual([
      '2026-06-01 Comité de veille planned',
      '2026-06-05 GT — Groupe thématique draft',
    ]);
    expect(dashboard.dueSoon[1]?.meetingId).toBe(soon.id);
    expect(dashboard.overdue.map((e) => `${e.date} ${e.body.label} ${e.status}`)).toEqual([
      '2026-01-01 GT — Groupe thématique planned',
      '2026-04-10 GT — Groupe thématique convened',
    ]);
    expect(dashboard.overdue[1]?.meetingId).toBe(late.id);
    expect(dashboard.regularity.map((r) => [r.body.label, r.planned, r.held])).toEqual([
      ['Comité de veille', 8, 1],
      ['GT — Groupe thématique', 4, 0],
    ]);
    expect(Array.isArray(dashboard.chronicAbsences)).toBe(true);

    // On the day itself a session is due, not overdue.
    const onTheDay = await app.call('planning.dashboard', { today: '2026-06-01' });
    expect(onTheDay.dueSoon[0]).toMatchObject({ date: '2026-06-01', status: 'planned' });
    expect(onTheDay.overdue.some((e) => e.date === '2026-06-01')).toBe(false);
  });

  it('shows the demonstration’s regularity finding: 2 of 4 sessions held last year', async () => {
    await app.call('demo.load', {});
    const year = new Date().getFullYear() - 1;
    const rows = await app.call('planning.regularity', { year });
    expect(rows.find((r) => r.body.label === 'Sous-groupe Genre')).toMatchObject({
      planned: 4,
      held: 2,
      rate: 0.5,
    });
    expect(rows.find((r) => r.body.label.startsWith('CLOCSAD'))).toMatchObject({ planned: 4, held: 1 });
    const upcoming = (await app.call('meetings.list', { status: 'convened' }))[0];
    expect(upcoming?.startDate ?? '').toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const now = new Date();
    const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    expect((upcoming?.startDate ?? '') > today).toBe(true);

    // Held demo sessions have an attendance sheet; the focal point absent from both is flagged.
    const held = (await app.call('meetings.list', { status: 'held' }))[0];
    const sheet = await app.call('attendance.get', { meetingId: held?.id ?? '' });
    expect(sheet.stats.present).toBeGreaterThan(0);
    expect(sheet.stats.quorum.reached).toBe(true);
    const absences = await app.call('attendance.chronicAbsences', {});
    expect(absences.some((a) => a.body.label === 'Sous-groupe Genre' && a.consecutiveAbsences >= 2)).toBe(
      true,
    );
  });
});
