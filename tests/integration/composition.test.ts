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

const UNKNOWN_ID = '01900000-0000-7000-8000-000000000000';

async function body(name = 'Groupe thématique Genre et Protection sociale') {
  return app.call('bodies.create', {
    name,
    acronym: 'GTGPS',
    kind: 'thematic_group',
    level: 'national',
    countryCode: 'ML',
    periodicity: { kind: 'every_n_months', months: 3 },
    quorumRule: { kind: 'majority_of_voting_seats' },
  });
}

async function organisation(name: string, acronym: string) {
  return app.call('organisations.create', { name, acronym, kind: 'ministry' });
}

async function person(firstName: string, lastName: string) {
  return app.call('people.create', { firstName, lastName });
}

type SeatInput = Omit<InputOf<'seats.create'>, 'bodyId'>;
const seat = (bodyId: string, input: SeatInput) => app.call('seats.create', { bodyId, ...input });
const history = (id: string) => app.call('history.forEntity', { entityType: 'body', entityId: id });

describe('seats', () => {
  it('lists seats in protocol order whatever the order they were created in', async () => {
    const b = await body();
    const masm = await organisation('Ministère de l’Action sociale', 'MASM');
    await seat(b.id, { function: 'Membre A', role: 'member' });
    await seat(b.id, { function: 'Rapporteur', role: 'rapporteur', rank: 1 });
    await seat(b.id, { function: '2e vice-président(e)', role: 'vice_president', rank: 2 });
    await seat(b.id, { function: 'Membre B', role: 'member', rank: 3 });
    await seat(b.id, { function: '1er vice-président(e)', role: 'vice_president', rank: 1 });
    await seat(b.id, { function: 'Président(e)', role: 'president', organisationId: masm.id, voting: true });

    const detail = await app.call('bodies.get', { id: b.id });
    expect(detail.seats.map((s) => s.function)).toEqual([
      'Président(e)',
      '1er vice-président(e)',
      '2e vice-président(e)',
      'Rapporteur',
      'Membre A',
      'Membre B',
    ]);
    expect(detail.seats[0]).toMatchObject({
      organisation: { id: masm.id },
      role: 'president',
      voting: true,
      rank: null,
      holders: [],
    });
    // A rank only means something for vice-presidents and rapporteurs.
    expect(detail.seats.find((s) => s.function === 'Membre B')?.rank).toBeNull();
    expect((await app.call('bodies.list', {}))[0]?.seatCount).toBe(6);

    const added = (await history(b.id)).filter((e) => e.action === 'seat_add').map((e) => e.summary);
    expect(added).toContain('Siège ajouté : Président(e) — MASM');
  });

  it('reorders members, and refuses a seat of another body', async () => {
    const b = await body();
    const president = await seat(b.id, { function: 'Président(e)', role: 'president' });
    const first = await seat(b.id, { function: 'Membre A', role: 'member' });
    const second = await seat(b.id, { function: 'Membre B', role: 'member' });
    const third = await seat(b.id, { function: 'Membre C', role: 'member' });

    await app.call('seats.reorder', { bodyId: b.id, seatIds: [third.id, first.id, second.id] });
    const functions = async () => (await app.call('bodies.get', { id: b.id })).seats.map((s) => s.function);
    expect(await functions()).toEqual(['Président(e)', 'Membre C', 'Membre A', 'Membre B']);

    const other = await body('Autre groupe');
    const foreign = await seat(other.id, { function: 'Membre X', role: 'member' });
    const error = await app.fail('seats.reorder', { bodyId: b.id, seatIds: [president.id, foreign.id] });
    expect(error.code).toBe('VALIDATION');
    expect(error.details?.issues?.[0]?.path).toEqual(['seatIds', 1]);
    expect(await functions()).toEqual(['Président(e)', 'Membre C', 'Membre A', 'Membre B']);
  });

  it('updates and removes a seat, recording both on the body', async () => {
    const b = await body();
    const s = await seat(b.id, { function: 'Membre', role: 'member' });
    const updated = await app.call('seats.update', {
      id: s.id,
      function: 'Rapporteur',
      role: 'rapporteur',
      rank: 2,
      voting: false,
    });
    expect(updated).toMatchObject({ function: 'Rapporteur', role: 'rapporteur', rank: 2, voting: false });
    const change = (await history(b.id)).find((e) => e.action === 'seat_update');
    expect(change?.changes.role).toEqual(['member', 'rapporteur']);

    await app.call('seats.remove', { id: s.id });
    expect((await app.call('bodies.get', { id: b.id })).seats).toEqual([]);
    expect((await app.call('composition.asAt', { bodyId: b.id, date: '2020-01-01' })).seats).toEqual([]);
    expect((await history(b.id)).some((e) => e.action === 'seat_remove')).toBe(true);
    expect((await app.fail('seats.update', { id: s.id, function: 'X', role: 'member' })).code).toBe(
      'NOT_FOUND',
    );
  });

  it('refuses an unknown organisation', async () => {
    const b = await body();
    const error = await app.fail('seats.create', {
      bodyId: b.id,
      function: 'Membre',
      role: 'member',
      organisationId: UNKNOWN_ID,
    });
    expect(error.details?.issues?.[0]).toMatchObject({
      path: ['organisationId'],
      key: 'errors.field.unknownOrganisation',
    });
    expect((await app.call('bodies.get', { id: b.id })).seats).toEqual([]);
  });
});

describe('holders over time', () => {
  async function presidency() {
    const b = await body();
    const s = await seat(b.id, { function: 'Président(e)', role: 'president' });
    const awa = await person('Awa', 'Traoré');
    const moussa = await person('Moussa', 'Diarra');
    return { b, s, awa, moussa };
  }

  it('answers who held each seat on a given date', async () => {
    const { b, s, awa, moussa } = await presidency();
    const member = await seat(b.id, { function: 'Membre', role: 'member' });
    await app.call('seats.addHolder', { seatId: s.id, personId: moussa.id, from: '2019-07-01' });
    await app.call('seats.addHolder', {
      seatId: s.id,
      personId: awa.id,
      from: '2016-01-15',
      to: '2019-06-30',
    });

    const detail = await app.call('bodies.get', { id: b.id });
    expect(detail.seats[0]?.holders.map((h) => [h.person.label, h.from, h.to])).toEqual([
      ['Awa Traoré', '2016-01-15', '2019-06-30'],
      ['Moussa Diarra', '2019-07-01', null],
    ]);

    const in2018 = await app.call('composition.asAt', { bodyId: b.id, date: '2018-05-14' });
    expect(in2018.date).toBe('2018-05-14');
    expect(in2018.seats.map((x) => [x.function, x.holder?.person.label ?? null])).toEqual([
      ['Président(e)', 'Awa Traoré'],
      ['Membre', null],
    ]);
    const in2020 = await app.call('composition.asAt', { bodyId: b.id, date: '2020-01-01' });
    expect(in2020.seats[0]?.holder?.person).toEqual({ id: moussa.id, label: 'Moussa Diarra' });
    expect(in2020.seats[1]).toMatchObject({ id: member.id, holder: null });
    // Bounds are inclusive: the last day of a mandate still counts.
    const lastDay = await app.call('composition.asAt', { bodyId: b.id, date: '2019-06-30' });
    expect(lastDay.seats[0]?.holder?.person.id).toBe(awa.id);
    const before = await app.call('composition.asAt', { bodyId: b.id, date: '2015-12-31' });
    expect(before.seats[0]?.holder).toBeNull();

    const added = (await history(b.id)).filter((e) => e.action === 'holder_add');
    expect(added.map((e) => e.summary).join(' | ')).toMatch(/Awa Traoré — Président\(e\)/);
  });

  it('refuses overlapping holders with a French message naming the other holder', async () => {
    const { s, awa, moussa } = await presidency();
    await app.call('seats.addHolder', {
      seatId: s.id,
      personId: awa.id,
      from: '2016-01-15',
      to: '2019-06-30',
    });

    const error = await app.fail('seats.addHolder', {
      seatId: s.id,
      personId: moussa.id,
      from: '2019-06-30',
    });
    expect(error.code).toBe('VALIDATION');
    const issue = error.details?.issues?.[0];
    expect(issue).toMatchObject({
      path: ['from'],
      key: 'errors.field.holderOverlap',
      params: { name: 'Awa Traoré' },
    });
    expect(issue?.message).toContain('Awa Traoré');
    expect(issue?.message).toContain('2016');
    expect(issue?.message).toContain('30 juin 2019');
    expect(error.message).toBe(issue?.message);

    // An open-ended holder blocks every later start and reads "depuis le …".
    await app.call('seats.addHolder', { seatId: s.id, personId: moussa.id, from: '2019-07-01' });
    const later = await app.fail('seats.addHolder', { seatId: s.id, personId: awa.id, from: '2024-01-01' });
    expect(later.details?.issues?.[0]?.message).toContain('Moussa Diarra');
    expect(later.details?.issues?.[0]).toMatchObject({ key: 'errors.field.holderOverlapOpen' });
    expect(later.details?.issues?.[0]?.message).toContain('depuis le 1er juillet 2019');

    const seatNow = (await app.call('bodies.get', { id: s.bodyId })).seats[0];
    expect(seatNow?.holders).toHaveLength(2);
  });

  it('refuses an end before the start and an unknown person', async () => {
    const { s, awa } = await presidency();
    const error = await app.fail('seats.addHolder', {
      seatId: s.id,
      personId: awa.id,
      from: '2020-01-01',
      to: '2019-12-31',
    });
    expect(error.details?.issues?.map((i) => [i.path, i.key])).toEqual([
      [['to'], 'errors.field.endBeforeStart'],
    ]);
    const unknown = await app.fail('seats.addHolder', {
      seatId: s.id,
      personId: UNKNOWN_ID,
      from: '2020-01-01',
    });
    expect(unknown.details?.issues?.[0]).toMatchObject({
      path: ['personId'],
      key: 'errors.field.unknownPerson',
    });
    expect((await app.call('bodies.get', { id: s.bodyId })).seats[0]?.holders).toEqual([]);
  });

  it('updates a holder without clashing with itself, refuses moving it onto another, and removes it', async () => {
    const { b, s, awa, moussa } = await presidency();
    const first = await app.call('seats.addHolder', {
      seatId: s.id,
      personId: awa.id,
      from: '2016-01-15',
      to: '2019-06-30',
    });
    const second = await app.call('seats.addHolder', {
      seatId: s.id,
      personId: moussa.id,
      from: '2019-07-01',
    });

    const ended = await app.call('seats.updateHolder', {
      id: second.id,
      personId: moussa.id,
      from: '2019-07-01',
      to: '2023-03-31',
    });
    expect(ended.to).toBe('2023-03-31');
    const update = (await history(b.id)).find((e) => e.action === 'holder_update');
    expect(update?.changes.to).toEqual([null, '2023-03-31']);

    const clash = await app.fail('seats.updateHolder', {
      id: first.id,
      personId: awa.id,
      from: '2016-01-15',
      to: '2020-01-01',
    });
    expect(clash.details?.issues?.[0]).toMatchObject({ path: ['from'], params: { name: 'Moussa Diarra' } });

    await app.call('seats.removeHolder', { id: first.id });
    const holders = (await app.call('bodies.get', { id: b.id })).seats[0]?.holders ?? [];
    expect(holders.map((h) => h.id)).toEqual([second.id]);
    expect(
      (await app.call('composition.asAt', { bodyId: b.id, date: '2018-05-14' })).seats[0]?.holder,
    ).toBeNull();
    expect((await history(b.id)).some((e) => e.action === 'holder_remove')).toBe(true);
    // Once removed, the old period no longer blocks a new holder.
    await app.call('seats.addHolder', {
      seatId: s.id,
      personId: awa.id,
      from: '2017-01-01',
      to: '2018-12-31',
    });
  });
});
