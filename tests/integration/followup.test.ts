import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localToday } from '../../electron/backend/features/meetings/repository';
import type { InputOf } from '../../shared/rpc';
import { startTestApp, type TestApp } from './harness';

let app: TestApp;
beforeEach(async () => {
  app = await startTestApp();
});
afterEach(async () => {
  await app.close();
});

const TODAY = localToday();
// The sessions being prepared are next year's, so that everything recorded today precedes them.
const NEXT = Number(TODAY.slice(0, 4)) + 1;
const MARCH = `${NEXT}-03-12`;
const APRIL = `${NEXT}-04-09`;

async function createBody(overrides: Partial<InputOf<'bodies.create'>> = {}) {
  return app.call('bodies.create', {
    name: 'Groupe Thématique Protection Sociale et Ciblage',
    acronym: 'GTPSC',
    kind: 'thematic_group',
    level: 'national',
    countryCode: 'BJ',
    periodicity: { kind: 'every_n_months', months: 3 },
    quorumRule: { kind: 'majority_of_voting_seats' },
    ...overrides,
  });
}

const createMeeting = (bodyId: string, startDate: string) =>
  app.call('meetings.create', { bodyId, kind: 'ordinary', startDate });

let bodyId: string;
/** A session held last year, where the recommendations being followed were made. */
let pastMeetingId: string;
beforeEach(async () => {
  bodyId = (await createBody()).id;
  pastMeetingId = (await createMeeting(bodyId, '2025-03-12')).id;
});

const create = (overrides: Partial<InputOf<'recommendations.create'>> = {}) =>
  app.call('recommendations.create', {
    bodyId,
    originKind: 'meeting',
    originMeetingId: pastMeetingId,
    text: 'Rendre fonctionnels les sous-groupes thématiques',
    ...overrides,
  });
const followUp = (meetingId: string) => app.call('followUp.get', { meetingId });
const ids = (items: { recommendation: { id: string } }[]) => items.map((i) => i.recommendation.id);
const snapshotRows = (meetingId: string) =>
  app.backend.context.db
    .selectFrom('follow_up_snapshots')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .execute();

describe('the follow-up snapshot', () => {
  it('is stored when a session is created, with the state of each open recommendation', async () => {
    const first = await create({ dueDate: '2025-12-31' });
    const second = await create({
      text: 'Élaborer un répertoire des partenaires et de leurs interventions (3W)',
    });
    await app.call('recommendations.addUpdate', {
      id: second.id,
      date: TODAY,
      status: 'in_progress',
      progress: 40,
    });
    const closed = await create({ text: 'Organiser les revues sectorielles départementales' });
    await app.call('recommendations.addUpdate', {
      id: closed.id,
      date: TODAY,
      status: 'done',
      actionsTaken: 'Revues de juin et de décembre tenues dans les douze départements.',
    });
    const trashed = await create({ text: 'Recommandation saisie par erreur' });
    await app.call('recommendations.trash', { id: trashed.id });

    const march = await createMeeting(bodyId, MARCH);
    const stored = await snapshotRows(march.id);
    expect(stored.map((r) => [r.recommendation_id, r.status, r.progress, r.due_date])).toEqual([
      [first.id, 'not_started', 0, '2025-12-31'],
      [second.id, 'in_progress', 40, null],
    ]);

    const items = await followUp(march.id);
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({
      recommendation: { id: first.id, reference: first.reference, status: 'not_started', overdue: true },
      snapshot: { status: 'not_started', progress: 0, dueDate: '2025-12-31' },
      sessionUpdate: null,
      transmitted: false,
    });
    expect(items[1]?.snapshot).toMatchObject({ status: 'in_progress', progress: 40, dueDate: null });
    expect(items[0]?.snapshot.capturedAt).toBe(stored[0]?.captured_at);

    // Recorded after the session was prepared: in its follow-up only once the snapshot is taken again.
    const late = await create({
      originKind: 'direct',
      originMeetingId: null,
      text: 'Mettre à jour la cartographie',
    });
    expect(ids(await followUp(march.id))).not.toContain(late.id);
    expect(ids(await app.call('followUp.refresh', { meetingId: march.id }))).toEqual([
      first.id,
      second.id,
      late.id,
    ]);
    expect(ids(await followUp(march.id))).toContain(late.id);
    const history = await app.call('history.forEntity', { entityType: 'meeting', entityId: march.id });
    expect(history.map((h) => h.summary)).toContain(
      'Point de suivi des recommandations actualisé (3 recommandations ouvertes)',
    );
  });

  it('is taken again when the session is convened', async () => {
    const march = await createMeeting(bodyId, MARCH);
    expect(await snapshotRows(march.id)).toEqual([]);
    const made = await create();
    await app.call('meetings.transition', { id: march.id, action: 'convene', convenedOn: TODAY });
    expect((await snapshotRows(march.id)).map((r) => r.recommendation_id)).toEqual([made.id]);
  });

  it('includes the recommendations transmitted by a sub-body, flagged and after the body’s own', async () => {
    const sub = await createBody({
      name: 'Sous-groupe Ciblage',
      acronym: 'SGC',
      kind: 'sub_group',
      parentId: bodyId,
    });
    const subMeeting = await createMeeting(sub.id, '2025-02-10');
    const fromSub = await create({
      bodyId: sub.id,
      originMeetingId: subMeeting.id,
      text: 'Plaider pour la mobilisation des ressources allouées à la PNPG',
    });
    const keptBySub = await create({
      bodyId: sub.id,
      originMeetingId: subMeeting.id,
      text: 'Tenir les réunions trimestrielles',
    });
    const copy = await app.call('recommendations.transmit', { id: fromSub.id, toBodyId: bodyId });
    const own = await create();

    const items = await followUp((await createMeeting(bodyId, MARCH)).id);
    expect(items.map((i) => [i.recommendation.id, i.transmitted])).toEqual([
      [own.id, false],
      [copy.id, true],
    ]);
    expect(items[1]?.recommendation.body.id).toBe(bodyId);

    // The sub-body follows its own, the original of the copy included, none of them as transmitted.
    const subItems = await followUp((await createMeeting(sub.id, MARCH)).id);
    expect(subItems.map((i) => [i.recommendation.id, i.transmitted])).toEqual([
      [fromSub.id, false],
      [keptBySub.id, false],
    ]);
  });

  it('leaves out a recommendation born in the session: the next session follows it', async () => {
    const march = await createMeeting(bodyId, MARCH);
    const before = await create();
    const born = await create({
      originMeetingId: march.id,
      text: 'Élaborer le bilan annuel des progrès',
      dueDate: APRIL,
    });
    expect(ids(await app.call('followUp.refresh', { meetingId: march.id }))).toEqual([before.id]);
    const april = await createMeeting(bodyId, APRIL);
    expect(ids(await followUp(april.id))).toEqual([before.id, born.id]);
  });

  it('shows the update made during the session as its session update, the snapshot unchanged', async () => {
    const first = await create();
    const second = await create({ text: 'Élaborer un répertoire des partenaires' });
    const march = await createMeeting(bodyId, MARCH);
    const other = await createMeeting(bodyId, `${NEXT}-02-01`);

    // Before the session, from a follow-up sheet, and at another session: not this session's.
    await app.call('recommendations.addUpdate', {
      id: second.id,
      date: TODAY,
      status: 'in_progress',
      source: 'follow_up_sheet',
    });
    await app.call('recommendations.addUpdate', {
      id: second.id,
      date: `${NEXT}-02-01`,
      status: 'in_progress',
      progress: 30,
      source: 'meeting',
      meetingId: other.id,
    });
    // At the session, twice: the latest counts.
    await app.call('recommendations.addUpdate', {
      id: first.id,
      date: MARCH,
      status: 'in_progress',
      progress: 20,
      source: 'meeting',
      meetingId: march.id,
    });
    await app.call('recommendations.addUpdate', {
      id: first.id,
      date: MARCH,
      status: 'partially_done',
      progress: 60,
      comment: 'Sous-groupe Protection sociale relancé ; sous-groupe Genre en attente.',
      source: 'meeting',
      meetingId: march.id,
    });

    const items = await followUp(march.id);
    expect(items[0]).toMatchObject({
      recommendation: { id: first.id, status: 'partially_done', progress: 60 },
      snapshot: { status: 'not_started', progress: 0 },
      sessionUpdate: {
        date: MARCH,
        status: 'partially_done',
        progress: 60,
        comment: 'Sous-groupe Protection sociale relancé ; sous-groupe Genre en attente.',
        source: 'meeting',
        meeting: { id: march.id },
      },
    });
    expect(items[0]?.sessionUpdate?.meeting?.label).toContain('GTPSC');
    expect(items[1]).toMatchObject({ recommendation: { id: second.id, progress: 30 }, sessionUpdate: null });
  });

  it('cannot be taken again once the session is held', async () => {
    const made = await create();
    const march = await createMeeting(bodyId, MARCH);
    await app.call('meetings.transition', { id: march.id, action: 'hold' });
    await create({ text: 'Recommandation saisie après la séance' });
    const refused = await app.fail('followUp.refresh', { meetingId: march.id });
    expect(refused).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: 'La séance est tenue : l’état des recommandations à son ouverture est figé.',
    });
    await app.call('meetings.transition', { id: march.id, action: 'close' });
    expect((await app.fail('followUp.refresh', { meetingId: march.id })).code).toBe('INVALID_TRANSITION');
    expect(ids(await followUp(march.id))).toEqual([made.id]);

    const unknown = await app.fail('followUp.get', { meetingId: '01900000-0000-7000-8000-000000000000' });
    expect(unknown.code).toBe('NOT_FOUND');
  });
});

describe('carried from session to session', () => {
  it('keeps in the March minutes what was open in March, and April no longer lists what was done since', async () => {
    const cartography = await create({
      text: 'Élaborer un répertoire des partenaires et de leurs interventions (3W)',
    });
    const reviews = await create({
      text: 'Organiser les revues sectorielles départementales',
      dueDate: '2025-12-31',
    });
    await app.call('recommendations.addUpdate', {
      id: reviews.id,
      date: TODAY,
      status: 'in_progress',
      progress: 50,
    });

    const march = await createMeeting(bodyId, MARCH);
    await app.call('meetings.transition', { id: march.id, action: 'convene', convenedOn: TODAY });

    // Marked done afterwards (at the March session itself).
    await app.call('recommendations.addUpdate', {
      id: reviews.id,
      date: MARCH,
      status: 'done',
      actionsTaken: 'Revues tenues à Parakou et Natitingou.',
      source: 'meeting',
      meetingId: march.id,
    });
    await app.call('meetings.transition', { id: march.id, action: 'hold' });

    const april = await createMeeting(bodyId, APRIL);
    const inMarch = await followUp(march.id);
    expect(inMarch.map((i) => [i.recommendation.id, i.snapshot.status, i.snapshot.progress])).toEqual([
      [cartography.id, 'not_started', 0],
      [reviews.id, 'in_progress', 50],
    ]);
    expect(inMarch[1]).toMatchObject({
      recommendation: { status: 'done', progress: 100 },
      sessionUpdate: { status: 'done' },
    });
    expect(ids(await followUp(april.id))).toEqual([cartography.id]);
  });

  it('works out the follow-up of a session without snapshot from the updates dated before it', async () => {
    const made = await create();
    const march = await createMeeting(bodyId, MARCH);
    await app.call('recommendations.addUpdate', {
      id: made.id,
      date: `${NEXT}-05-02`,
      status: 'in_progress',
      progress: 30,
    });
    await app.call('recommendations.addUpdate', {
      id: made.id,
      date: `${NEXT}-06-02`,
      status: 'done',
      actionsTaken: 'Arrêtés pris.',
    });
    // As for a session recorded before snapshots existed.
    await app.backend.context.db.deleteFrom('follow_up_snapshots').execute();
    expect((await followUp(march.id)).map((i) => [i.snapshot.status, i.recommendation.status])).toEqual([
      ['not_started', 'done'],
    ]);
    const may = await createMeeting(bodyId, `${NEXT}-05-20`);
    await app.backend.context.db.deleteFrom('follow_up_snapshots').where('meeting_id', '=', may.id).execute();
    expect((await followUp(may.id)).map((i) => [i.snapshot.status, i.snapshot.progress])).toEqual([
      ['in_progress', 30],
    ]);
    const july = await createMeeting(bodyId, `${NEXT}-07-20`);
    expect(await followUp(july.id)).toEqual([]);
  });
});

describe('demonstration recommendations', () => {
  it('loads recommendations with updates and a transmitted one, and removes every one of them', async () => {
    await app.call('demo.load', {});
    const register = await app.call('recommendations.list', { limit: 1000 });
    expect(register.total).toBeGreaterThanOrEqual(12);
    expect(register.rows.every((r) => r.isDemo)).toBe(true);
    const statuses = new Set(register.rows.map((r) => r.status));
    for (const status of ['not_started', 'in_progress', 'done', 'partially_done'] as const) {
      expect(statuses).toContain(status);
    }
    expect(register.rows.some((r) => r.overdue)).toBe(true);
    const bodies = new Set(register.rows.map((r) => r.body.label));
    expect([...bodies]).toEqual(
      expect.arrayContaining([
        'Sous-groupe Genre',
        'GTGPS — Groupe Technique Genre et Protection Sociale',
        'Commission Mixte MASM-PTF/OSC',
      ]),
    );
    expect([...bodies].some((label) => label.startsWith('CLOCSAD'))).toBe(true);

    const details = await Promise.all(
      register.rows.map((r) => app.call('recommendations.get', { id: r.id })),
    );
    const copy = details.find((r) => r.transmittedFrom !== null);
    expect(copy?.body.label).toContain('GTGPS');
    expect(copy?.transmittedFrom?.body.label).toBe('Sous-groupe Genre');
    const done = details.filter((r) => r.status === 'done');
    expect(done.length).toBeGreaterThan(0);
    expect(done.every((r) => (r.actionsTaken ?? '').length > 0)).toBe(true);

    // The sous-groupe's next session (convened) follows its open recommendations.
    const upcoming = (await app.call('meetings.list', { status: 'convened' }))[0];
    const items = await followUp(upcoming?.id ?? '');
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.recommendation.body.label === 'Sous-groupe Genre')).toBe(true);
    // Its autumn session shows the updates made there.
    const autumn = (await app.call('meetings.list', { status: 'held' })).find(
      (m) => m.body.label === 'Sous-groupe Genre',
    );
    expect((await followUp(autumn?.id ?? '')).some((i) => i.sessionUpdate !== null)).toBe(true);

    // Around the demo: the user's own recommendation on a demo body goes with it; one on the
    // user's body led by a demo organisation stays, without that lead; minutes and working
    // groups of demo sessions go.
    const genre = register.rows.find((r) => r.body.label === 'Sous-groupe Genre')?.body.id ?? '';
    await create({
      bodyId: genre,
      originKind: 'direct',
      originMeetingId: null,
      text: 'Ajoutée par l’utilisateur',
    });
    const demoLead = details.find((r) => r.leadOrganisation !== null)?.leadOrganisation?.id ?? null;
    const mine = await create({
      leadOrganisationId: demoLead,
      associatedOrganisationIds: demoLead ? [demoLead] : [],
    });
    await app.call('minutes.open', { meetingId: autumn?.id ?? '' });
    await app.call('workingGroups.save', {
      meetingId: autumn?.id ?? '',
      groups: [{ theme: 'Genre et budget' }],
    });

    await app.call('demo.remove', {});
    const left = await app.call('recommendations.list', { limit: 1000 });
    expect(left.rows.map((r) => r.id)).toEqual([mine.id]);
    expect((await app.call('recommendations.get', { id: mine.id })).leadOrganisation).toBeNull();
    expect((await app.call('recommendations.list', { trashed: true })).total).toBe(0);
    const db = app.backend.context.db;
    const count = async (
      table:
        | 'recommendations'
        | 'recommendation_updates'
        | 'recommendation_associates'
        | 'follow_up_snapshots'
        | 'recommendations_fts'
        | 'minutes'
        | 'minutes_versions'
        | 'working_groups',
    ) =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count('recommendations')).toBe(1);
    expect(await count('recommendations_fts')).toBe(1);
    expect(await count('recommendation_updates')).toBe(1);
    expect(await count('recommendation_associates')).toBe(0);
    expect(await count('minutes')).toBe(0);
    expect(await count('minutes_versions')).toBe(0);
    expect(await count('working_groups')).toBe(0);
    // Only the user's own session (the one in beforeEach) and its snapshot rows remain.
    const snapshots = await db.selectFrom('follow_up_snapshots').select('meeting_id').execute();
    expect(snapshots.every((s) => s.meeting_id === pastMeetingId)).toBe(true);
    const orphanHistory = await db
      .selectFrom('history')
      .select('entity_id')
      .where('entity_type', 'in', ['recommendation', 'minutes'])
      .where('entity_id', '!=', mine.id)
      .execute();
    expect(orphanHistory).toEqual([]);
    expect((await app.call('demo.status', {})).loaded).toBe(false);
  });
});
