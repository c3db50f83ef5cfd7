import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutputOf } from '../../shared/rpc';
import { buildCommittee, type Committee, createMeeting } from '../fixtures/participants/committee';
import { startTestApp, type TestApp } from './harness';

let app: TestApp;
let c: Committee;
beforeEach(async () => {
  app = await startTestApp();
  c = await buildCommittee(app);
});
afterEach(async () => {
  await app.close();
});

type Invitee = OutputOf<'invitees.list'>[number];
const byName = (invitees: Invitee[], name: string) => {
  const found = invitees.find((i) => i.name === name);
  if (!found) throw new Error(`no invitee ${name} in ${invitees.map((i) => i.name).join(', ')}`);
  return found;
};
const transition = (id: string, action: 'convene' | 'hold' | 'close' | 'cancel' | 'postpone', extra = {}) =>
  app.call('meetings.transition', { id, action, ...extra });

describe('invitation list', () => {
  it('takes a snapshot of the composition as at the meeting date, one invitee per seat', async () => {
    const meeting = await createMeeting(app, c.body.id);
    const invitees = await app.call('invitees.generate', { meetingId: meeting.id });

    // Protocol order: président, vice-président, secrétariat, then members.
    expect(invitees.map((i) => i.name)).toEqual([
      'Awa Traoré',
      'Moussa Diarra',
      'Mariam Sidibé',
      'Fatoumata Keïta',
      'Ibrahim Coulibaly',
      'Point focal genre du ministère de la Santé ou son représentant',
    ]);
    expect(invitees[0]).toMatchObject({
      seatId: c.seats.president.id,
      person: { id: c.people.awa.id, label: 'Awa Traoré' },
      organisation: { id: c.organisations.masm.id },
      organisationLabel: 'MASM',
      function: 'Ministre de l’Action sociale ou son représentant',
      role: 'president',
      voting: true,
      sex: 'female',
      email: 'awa.traore@masm.gov.ml',
      isExtra: false,
    });
    expect(invitees[1]).toMatchObject({ role: 'vice_president', rank: 1, sex: 'male' });
    // "ou son représentant" once, even when the function already says it; never for the secretariat.
    const vacant = invitees[5];
    expect(vacant).toMatchObject({ person: null, sex: null, voting: true });
    expect(vacant?.function).toBe('Point focal genre du ministère de la Santé ou son représentant');
    expect(invitees[2]).toMatchObject({ function: 'Secrétariat technique (DNPSES)', voting: false });
    expect(invitees[3]?.function).toBe('Représentante du PAM ou son représentant');

    expect(await app.call('invitees.list', { meetingId: meeting.id })).toEqual(invitees);
    const history = await app.call('history.forEntity', { entityType: 'meeting', entityId: meeting.id });
    expect(history.map((h) => h.summary)).toContain(
      'Liste des invités établie d’après la composition au 12 mars 2026 (6 sièges)',
    );
  });

  it('reads the holder of the time, and later composition changes leave the list alone', async () => {
    // Before the meeting Moussa handed over to Boubacar; a meeting in 2025 still invites Moussa.
    await app.call('seats.updateHolder', {
      id: c.moussaHolding.id,
      personId: c.people.moussa.id,
      from: '2020-01-01',
      to: '2026-02-28',
    });
    await app.call('seats.addHolder', {
      seatId: c.seats.vicePresident.id,
      personId: c.people.boubacar.id,
      from: '2026-03-01',
    });
    const old = await createMeeting(app, c.body.id, '2025-06-10');
    expect((await app.call('invitees.generate', { meetingId: old.id }))[1]?.name).toBe('Moussa Diarra');
    const meeting = await createMeeting(app, c.body.id, '2026-03-12');
    const before = await app.call('invitees.generate', { meetingId: meeting.id });
    expect(before[1]?.name).toBe('Boubacar Cissé');

    // The composition changes after the lists were drawn up: a new holder for the PAM seat.
    const pamHolder = (await app.call('bodies.get', { id: c.body.id })).seats.find(
      (s) => s.id === c.seats.pamSeat.id,
    )?.holders[0];
    if (!pamHolder) throw new Error('no PAM holder');
    await app.call('seats.updateHolder', {
      id: pamHolder.id,
      personId: c.people.fatoumata.id,
      from: '2020-01-01',
      to: '2026-01-31',
    });
    await app.call('seats.addHolder', {
      seatId: c.seats.pamSeat.id,
      personId: c.people.mariam.id,
      from: '2026-02-01',
    });
    await app.call('seats.remove', { id: c.seats.unicefSeat.id });

    expect(await app.call('invitees.list', { meetingId: meeting.id })).toEqual(before);
    expect((await app.call('invitees.list', { meetingId: old.id }))[1]?.name).toBe('Moussa Diarra');

    // Regenerating a draft picks the new holder and drops the removed seat, keeping extras and
    // invitees whose attendance was already taken.
    await app.call('attendance.mark', {
      meetingId: meeting.id,
      inviteeId: byName(before, 'Awa Traoré').id,
      status: 'present',
    });
    const extra = await app.call('invitees.addExtra', {
      meetingId: meeting.id,
      name: 'Jean Dembélé',
      function: 'Consultant',
    });
    const after = await app.call('invitees.generate', { meetingId: meeting.id });
    expect(after.map((i) => i.name)).toEqual([
      'Awa Traoré',
      'Boubacar Cissé',
      'Mariam Sidibé', // secretariat
      'Mariam Sidibé', // the PAM seat's new holder
      'Point focal genre du ministère de la Santé ou son représentant',
      'Jean Dembélé',
    ]);
    expect(after[0]?.id).toBe(byName(before, 'Awa Traoré').id);
    expect(after.at(-1)).toMatchObject({ id: extra.id, isExtra: true, voting: false });
  });

  it('keeps the snapshot of a meeting that has been held', async () => {
    const meeting = await createMeeting(app, c.body.id);
    await app.call('invitees.generate', { meetingId: meeting.id });
    await transition(meeting.id, 'hold');
    const refused = await app.fail('invitees.generate', { meetingId: meeting.id });
    expect(refused.code).toBe('INVALID_TRANSITION');
    expect(refused.message).toMatch(/tenue/);

    // A meeting recorded after the fact still gets a first list.
    const late = await createMeeting(app, c.body.id, '2026-01-15');
    await transition(late.id, 'hold');
    expect(await app.call('invitees.generate', { meetingId: late.id })).toHaveLength(6);
  });

  it('adds extra invitees from the directory or by name, and removes them', async () => {
    const meeting = await createMeeting(app, c.body.id);
    await app.call('invitees.generate', { meetingId: meeting.id });
    const fromDirectory = await app.call('invitees.addExtra', {
      meetingId: meeting.id,
      personId: c.people.boubacar.id,
    });
    expect(fromDirectory).toMatchObject({
      name: 'Boubacar Cissé',
      person: { id: c.people.boubacar.id },
      organisation: { id: c.organisations.dnpses.id },
      organisationLabel: 'DNPSES',
      sex: 'male',
      isExtra: true,
      voting: false,
      seatId: null,
    });
    const free = await app.call('invitees.addExtra', {
      meetingId: meeting.id,
      name: 'Aminata Touré',
      function: 'Consultante',
      sex: 'female',
      organisationId: c.organisations.oxfam.id,
    });
    expect(free).toMatchObject({ person: null, name: 'Aminata Touré', organisationLabel: 'Oxfam' });

    const missing = await app.fail('invitees.addExtra', { meetingId: meeting.id, function: 'Consultant' });
    expect(missing.code).toBe('VALIDATION');
    expect(missing.details?.issues?.[0]?.path).toEqual(['name']);
    const twice = await app.fail('invitees.addExtra', {
      meetingId: meeting.id,
      personId: c.people.boubacar.id,
    });
    expect(twice.details?.issues?.[0]).toMatchObject({
      path: ['personId'],
      message: expect.stringMatching(/déjà/),
    });

    await app.call('attendance.mark', { meetingId: meeting.id, inviteeId: free.id, status: 'present' });
    await app.call('invitees.remove', { id: free.id });
    const attendance = await app.call('attendance.get', { meetingId: meeting.id });
    expect(attendance.invitees.map((i) => i.id)).not.toContain(free.id);
    expect(attendance.records).toHaveLength(0);
    expect((await app.fail('invitees.remove', { id: free.id })).code).toBe('NOT_FOUND');
  });
});

describe('attendance', () => {
  async function heldMeeting() {
    const meeting = await createMeeting(app, c.body.id);
    const invitees = await app.call('invitees.generate', { meetingId: meeting.id });
    await transition(meeting.id, 'convene', { convenedOn: '2026-03-01' });
    return { meeting, invitees, invitee: (name: string) => byName(invitees, name).id };
  }

  it('computes the quorum from the voting seats: majority of 5 is 3', async () => {
    const { meeting, invitee } = await heldMeeting();
    const mark = (name: string, status: 'present' | 'absent' | 'excused', extra = {}) =>
      app.call('attendance.mark', { meetingId: meeting.id, inviteeId: invitee(name), status, ...extra });
    const quorum = async () => (await app.call('attendance.get', { meetingId: meeting.id })).stats.quorum;

    await mark('Awa Traoré', 'present');
    await mark('Moussa Diarra', 'present');
    // The secretariat does not vote: its presence does not count.
    await mark('Mariam Sidibé', 'present');
    expect(await quorum()).toEqual({
      rule: 'majorité des membres votants',
      required: 3,
      present: 2,
      reached: false,
      votingSeats: 5,
    });

    const represented = await app.call('attendance.mark', {
      meetingId: meeting.id,
      inviteeId: invitee('Fatoumata Keïta'),
      status: 'represented',
      representativeName: 'Kadiatou Sangaré',
      representativeFunction: 'Chargée de programme',
      representativeSex: 'female',
    });
    expect(represented).toMatchObject({
      status: 'represented',
      representativeName: 'Kadiatou Sangaré',
      walkIn: false,
    });
    expect(await quorum()).toMatchObject({ required: 3, present: 3, reached: true });

    // Three present in person also reach it; marking again updates the one record.
    await mark('Fatoumata Keïta', 'present');
    const attendance = await app.call('attendance.get', { meetingId: meeting.id });
    expect(attendance.stats.quorum).toMatchObject({ present: 3, reached: true });
    expect(attendance.records).toHaveLength(4);
    expect(attendance.records.find((r) => r.inviteeId === invitee('Fatoumata Keïta'))).toMatchObject({
      status: 'present',
      representativeName: null,
    });

    await mark('Fatoumata Keïta', 'excused');
    await mark('Ibrahim Coulibaly', 'absent');
    const stats = (await app.call('attendance.get', { meetingId: meeting.id })).stats;
    expect(stats).toMatchObject({
      invited: 6,
      present: 3,
      represented: 0,
      excused: 1,
      absent: 1,
      unmarked: 1,
    });
    expect(stats.quorum).toMatchObject({ present: 2, reached: false });
  });

  it('counts the quorum on all seats when the rule says so', async () => {
    await app.call('bodies.update', {
      id: c.body.id,
      name: c.body.name,
      acronym: c.body.acronym,
      kind: c.body.kind,
      level: c.body.level,
      countryCode: 'ML',
      periodicity: c.body.periodicity,
      quorumRule: { kind: 'fraction', numerator: 2, denominator: 3, of: 'all_seats' },
    });
    const { meeting, invitee } = await heldMeeting();
    for (const name of ['Awa Traoré', 'Moussa Diarra', 'Fatoumata Keïta', 'Mariam Sidibé']) {
      await app.call('attendance.mark', {
        meetingId: meeting.id,
        inviteeId: invitee(name),
        status: 'present',
      });
    }
    const { quorum } = (await app.call('attendance.get', { meetingId: meeting.id })).stats;
    expect(quorum).toMatchObject({
      rule: '2/3 de l’ensemble des membres',
      required: 4,
      present: 4,
      reached: true,
    });
  });

  it('refuses "représenté" without the representative’s name, and invitees of another meeting', async () => {
    const { meeting, invitee } = await heldMeeting();
    const refused = await app.fail('attendance.mark', {
      meetingId: meeting.id,
      inviteeId: invitee('Awa Traoré'),
      status: 'represented',
    });
    expect(refused.code).toBe('VALIDATION');
    expect(refused.details?.issues?.[0]).toMatchObject({
      path: ['representativeName'],
      key: 'errors.field.required',
    });

    const other = await createMeeting(app, c.body.id, '2026-06-12');
    const stranger = await app.fail('attendance.mark', {
      meetingId: other.id,
      inviteeId: invitee('Awa Traoré'),
      status: 'present',
    });
    expect(stranger.details?.issues?.[0]?.path).toEqual(['inviteeId']);
    expect((await app.call('attendance.get', { meetingId: meeting.id })).records).toHaveLength(0);
  });

  it('counts women, walk-ins, counts per structure and participants by category', async () => {
    const { meeting, invitee } = await heldMeeting();
    const mark = (name: string, status: 'present' | 'absent', extra = {}) =>
      app.call('attendance.mark', { meetingId: meeting.id, inviteeId: invitee(name), status, ...extra });
    await mark('Awa Traoré', 'present'); // woman, ministry
    await mark('Moussa Diarra', 'present'); // man, central directorate
    await app.call('attendance.mark', {
      meetingId: meeting.id,
      inviteeId: invitee('Fatoumata Keïta'),
      status: 'represented',
      representativeName: 'Ousmane Traoré',
      representativeSex: 'male',
    }); // a man sits in the PAM seat: UN agency
    await mark('Ibrahim Coulibaly', 'absent');

    const walkIn = await app.call('attendance.addWalkIn', {
      meetingId: meeting.id,
      name: 'Aïssata Maïga',
      function: 'Chargée de suivi',
      organisationId: c.organisations.oxfam.id,
      sex: 'female',
      phone: '+223 76 12 34 56',
    });
    expect(walkIn).toMatchObject({
      walkIn: true,
      status: 'present',
      inviteeId: null,
      organisation: { id: c.organisations.oxfam.id, label: 'Oxfam' },
      organisationLabel: 'Oxfam',
    });
    // A walk-in from the directory takes their record's details; one with a free structure keeps it.
    const known = await app.call('attendance.addWalkIn', {
      meetingId: meeting.id,
      personId: c.people.boubacar.id,
    });
    expect(known).toMatchObject({
      name: 'Boubacar Cissé',
      sex: 'male',
      organisation: { id: c.organisations.dnpses.id },
    });
    const unknownSex = await app.call('attendance.addWalkIn', {
      meetingId: meeting.id,
      name: 'Sékou Konaté',
      organisationLabel: 'Mairie de Sévaré',
    });
    expect(unknownSex).toMatchObject({ organisation: null, organisationLabel: 'Mairie de Sévaré' });

    const dgpsn = await app.call('attendance.setCount', {
      meetingId: meeting.id,
      organisationId: c.organisations.dnpses.id,
      label: 'DGPSN',
      count: 4,
      women: 1,
    });
    await app.call('attendance.setCount', {
      meetingId: meeting.id,
      organisationId: c.organisations.pam.id,
      label: 'PAM',
      count: 6,
    });
    const tooMany = await app.fail('attendance.setCount', {
      meetingId: meeting.id,
      label: 'PAM',
      count: 6,
      women: 7,
    });
    expect(tooMany.code).toBe('VALIDATION');
    expect(tooMany.details?.issues?.[0]).toMatchObject({
      path: ['women'],
      message: 'Le nombre de femmes ne peut pas dépasser le nombre de participants (6).',
    });
    const updated = await app.call('attendance.setCount', {
      id: dgpsn.id,
      meetingId: meeting.id,
      organisationId: c.organisations.dnpses.id,
      label: 'DGPSN',
      count: 4,
      women: 2,
    });
    expect(updated).toMatchObject({
      id: dgpsn.id,
      count: 4,
      women: 2,
      organisation: { id: c.organisations.dnpses.id },
    });

    const { stats, counts, records } = await app.call('attendance.get', { meetingId: meeting.id });
    expect(counts.map((x) => [x.label, x.count, x.women])).toEqual([
      ['DGPSN', 4, 2],
      ['PAM', 6, null],
    ]);
    expect(records.filter((r) => r.walkIn)).toHaveLength(3);
    expect(stats).toMatchObject({
      invited: 6,
      present: 2,
      represented: 1,
      absent: 1,
      unmarked: 2,
      walkIns: 3,
      counted: 10,
      participants: 2 + 1 + 3 + 10,
    });
    // Women: Awa, Aïssata, 2 of DGPSN = 4, among those whose sex is known: Awa, Moussa, Ousmane
    // (representative), Aïssata, Boubacar and the 4 of DGPSN (PAM's count gave no split) = 9.
    expect(stats.women).toBe(4);
    expect(stats.womenShare).toBeCloseTo(4 / 9);
    expect(stats.byCategory).toEqual(
      [
        { kind: 'central_directorate', count: 2 + 4 }, // Moussa, Boubacar, the DGPSN count
        { kind: 'un_agency', count: 1 + 6 }, // the PAM representative, the PAM count
        { kind: 'international_ngo', count: 1 },
        { kind: 'ministry', count: 1 },
        { kind: 'other', count: 1 }, // the Mairie de Sévaré, not in the directory
      ].sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind)),
    );

    await app.call('attendance.removeCount', { id: dgpsn.id });
    await app.call('attendance.removeRecord', { id: unknownSex.id });
    const after = (await app.call('attendance.get', { meetingId: meeting.id })).stats;
    expect(after).toMatchObject({ walkIns: 2, counted: 6, participants: 2 + 1 + 2 + 6 });
  });

  it('has no share of women when nobody’s sex is known', async () => {
    const meeting = await createMeeting(app, c.body.id);
    await app.call('attendance.addWalkIn', { meetingId: meeting.id, name: 'X' });
    const { stats } = await app.call('attendance.get', { meetingId: meeting.id });
    expect(stats).toMatchObject({ participants: 1, women: 0, womenShare: null });
  });

  it('refuses walk-ins without a name, invitees as walk-ins and the same person twice', async () => {
    const { meeting } = await heldMeeting();
    const noName = await app.fail('attendance.addWalkIn', { meetingId: meeting.id, function: 'Chauffeur' });
    expect(noName.details?.issues?.[0]?.path).toEqual(['name']);
    const invited = await app.fail('attendance.addWalkIn', {
      meetingId: meeting.id,
      personId: c.people.awa.id,
    });
    expect(invited.details?.issues?.[0]).toMatchObject({
      path: ['personId'],
      message: expect.stringMatching(/invités/),
    });
    await app.call('attendance.addWalkIn', { meetingId: meeting.id, personId: c.people.boubacar.id });
    const twice = await app.fail('attendance.addWalkIn', {
      meetingId: meeting.id,
      personId: c.people.boubacar.id,
    });
    expect(twice.details?.issues?.[0]?.path).toEqual(['personId']);
  });

  it('takes attendance on draft, convened and held meetings only', async () => {
    const meeting = await createMeeting(app, c.body.id);
    const [first] = await app.call('invitees.generate', { meetingId: meeting.id });
    if (!first) throw new Error('no invitee');
    const mark = () =>
      app.call('attendance.mark', { meetingId: meeting.id, inviteeId: first.id, status: 'present' });
    await mark(); // draft: a secretary prepares the list
    await transition(meeting.id, 'hold');
    await mark();
    await transition(meeting.id, 'close');
    const closed = await app.fail('attendance.mark', {
      meetingId: meeting.id,
      inviteeId: first.id,
      status: 'absent',
    });
    expect(closed.code).toBe('INVALID_TRANSITION');
    expect((await app.fail('attendance.addWalkIn', { meetingId: meeting.id, name: 'X' })).code).toBe(
      'INVALID_TRANSITION',
    );
    expect((await app.fail('invitees.addExtra', { meetingId: meeting.id, name: 'X' })).code).toBe(
      'INVALID_TRANSITION',
    );

    const cancelled = await createMeeting(app, c.body.id, '2026-06-12');
    await transition(cancelled.id, 'cancel', { reason: 'Grève des transports' });
    expect(
      (await app.fail('attendance.setCount', { meetingId: cancelled.id, label: 'PAM', count: 2 })).code,
    ).toBe('INVALID_TRANSITION');
    const postponed = await createMeeting(app, c.body.id, '2026-09-12');
    await transition(postponed.id, 'postpone', { newStartDate: '2026-10-01' });
    expect((await app.fail('attendance.addWalkIn', { meetingId: postponed.id, name: 'X' })).code).toBe(
      'INVALID_TRANSITION',
    );
  });
});

describe('chronic absences', () => {
  /** A held session where `absent` seats were absent (or excused, or left unmarked) and the others present. */
  async function session(
    date: string,
    marks: Record<string, 'present' | 'absent' | 'excused' | 'represented' | null>,
  ) {
    const meeting = await createMeeting(app, c.body.id, date);
    const invitees = await app.call('invitees.generate', { meetingId: meeting.id });
    for (const invitee of invitees) {
      const status = invitee.seatId ? marks[invitee.seatId] : undefined;
      if (status === null) continue;
      await app.call('attendance.mark', {
        meetingId: meeting.id,
        inviteeId: invitee.id,
        status: status ?? 'present',
        ...(status === 'represented' ? { representativeName: 'Un représentant' } : {}),
      });
    }
    await transition(meeting.id, 'hold');
    return meeting;
  }

  it('flags seats absent from each of the last N sessions, with the current holder', async () => {
    const { unicefSeat, pamSeat, vacant, vicePresident, president } = c.seats;
    await session('2025-06-10', { [unicefSeat.id]: 'absent', [vicePresident.id]: 'absent' });
    await session('2025-09-10', {
      [unicefSeat.id]: 'excused',
      [pamSeat.id]: 'absent',
      [vacant.id]: null,
      [president.id]: 'represented',
    });
    await session('2025-12-10', { [unicefSeat.id]: null, [pamSeat.id]: 'excused', [vacant.id]: 'absent' });
    // A session still to come and a session without any attendance taken do not count.
    await createMeeting(app, c.body.id, '2026-03-12');
    const untaken = await createMeeting(app, c.body.id, '2026-02-12');
    await app.call('invitees.generate', { meetingId: untaken.id });
    await transition(untaken.id, 'hold');

    const flagged = await app.call('attendance.chronicAbsences', { bodyId: c.body.id, threshold: 2 });
    expect(flagged.map((f) => [f.function, f.consecutiveAbsences])).toEqual([
      ['Représentante du PAM', 2],
      ['Représentant de l’UNICEF', 3],
      ['Point focal genre du ministère de la Santé ou son représentant', 2],
    ]);
    expect(flagged[0]).toMatchObject({
      body: { id: c.body.id, label: 'GTGPS — Groupe thématique Genre et Protection sociale' },
      seatId: pamSeat.id,
      organisation: { id: c.organisations.pam.id },
      holder: { id: c.people.fatoumata.id, label: 'Fatoumata Keïta' },
      lastMeetingDate: '2025-12-10',
    });
    expect(flagged[2]?.holder).toBeNull();

    expect((await app.call('attendance.chronicAbsences', { threshold: 3 })).map((f) => f.seatId)).toEqual([
      unicefSeat.id,
    ]);
    expect(await app.call('attendance.chronicAbsences', { threshold: 4 })).toEqual([]);
    // Without a threshold, the settings' (2 by default).
    expect(await app.call('attendance.chronicAbsences', {})).toHaveLength(3);
    await app.call('settings.update', { absenceThreshold: 3 });
    expect(await app.call('attendance.chronicAbsences', {})).toHaveLength(1);
  });
});
