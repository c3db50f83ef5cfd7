import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TIME_ZONE_OFFSETS } from '../../electron/backend/features/meetings/ics';
import { uuidv7 } from '../../shared/domain/ids';
import { TIME_ZONES } from '../../shared/domain/vocabularies';
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

async function createBody(overrides: Partial<InputOf<'bodies.create'>> = {}) {
  return app.call('bodies.create', {
    name: 'Groupe Technique Genre et Protection Sociale',
    acronym: 'GTGPS',
    kind: 'thematic_group',
    level: 'national',
    countryCode: 'BJ',
    periodicity: { kind: 'every_n_months', months: 3 },
    quorumRule: { kind: 'majority_of_voting_seats' },
    ...overrides,
  });
}

let bodyId: string;
beforeEach(async () => {
  bodyId = (await createBody()).id;
});

const meetingInput = (overrides: Partial<InputOf<'meetings.create'>> = {}): InputOf<'meetings.create'> => ({
  bodyId,
  kind: 'ordinary',
  startDate: '2026-03-12',
  ...overrides,
});
const createMeeting = (overrides: Partial<InputOf<'meetings.create'>> = {}) =>
  app.call('meetings.create', meetingInput(overrides));

/** The fields of a meeting as the edit form sends them back. */
async function editable(id: string): Promise<InputOf<'meetings.update'>> {
  const m = await app.call('meetings.get', { id });
  return {
    id,
    bodyId: m.body.id,
    cohostIds: m.cohosts.map((c) => c.id),
    number: m.number,
    title: m.title,
    kind: m.kind,
    plannedDate: m.plannedDate,
    startDate: m.startDate,
    endDate: m.endDate,
    startTime: m.startTime,
    endTime: m.endTime,
    place: m.place,
    onlineUrl: m.onlineUrl,
    fundingSource: m.fundingSource,
  };
}

const history = (id: string) => app.call('history.forEntity', { entityType: 'meeting', entityId: id });
const meetingCount = async () => (await app.call('meetings.list', {})).length;
const transition = (input: InputOf<'meetings.transition'>) => app.call('meetings.transition', input);

describe('creating a meeting', () => {
  it('defaults to a one-day draft numbered after the body’s sessions of that kind', async () => {
    const sub = await createBody({ name: 'Sous-groupe Genre', acronym: null, kind: 'sub_group' });
    const first = await createMeeting({
      cohostIds: [sub.id, sub.id],
      title: '  Session du premier trimestre ',
      startTime: '09:30',
      endTime: '13:00',
      place: 'Salle de réunion du MASM, Cotonou',
      fundingSource: 'UNFPA',
    });
    expect(first).toMatchObject({
      body: { id: bodyId, label: 'GTGPS — Groupe Technique Genre et Protection Sociale' },
      cohosts: [{ id: sub.id, label: 'Sous-groupe Genre' }],
      number: 1,
      title: 'Session du premier trimestre',
      kind: 'ordinary',
      status: 'draft',
      plannedDate: null,
      startDate: '2026-03-12',
      endDate: '2026-03-12',
      startTime: '09:30',
      endTime: '13:00',
      place: 'Salle de réunion du MASM, Cotonou',
      convenedOn: null,
      postponedFrom: null,
      statusReason: null,
      isDemo: false,
      deletedAt: null,
    });
    expect(await app.call('meetings.get', { id: first.id })).toEqual(first);
    expect((await createMeeting({ startDate: '2026-06-11' })).number).toBe(2);
    // Numbering runs per kind.
    expect((await createMeeting({ kind: 'extraordinary', startDate: '2026-04-02' })).number).toBe(1);
    expect(await app.call('meetings.nextNumber', { bodyId, kind: 'ordinary' })).toEqual({ number: 3 });

    const [entry] = await history(first.id);
    expect(entry).toMatchObject({
      entityType: 'meeting',
      action: 'create',
      summary: 'GTGPS — Ordinaire n°1 du 12 mars 2026',
    });
  });

  it('numbers after the highest number or the count, and skips cancelled or trashed sessions', async () => {
    await createMeeting({ number: 7, startDate: '2026-01-15' });
    expect(await app.call('meetings.nextNumber', { bodyId, kind: 'ordinary' })).toEqual({ number: 8 });
    const eighth = await createMeeting({ startDate: '2026-02-15' });
    expect(eighth.number).toBe(8);
    await transition({ id: eighth.id, action: 'cancel', reason: 'Pas de quorum prévisible' });
    expect(await app.call('meetings.nextNumber', { bodyId, kind: 'ordinary' })).toEqual({ number: 8 });
    const other = await createMeeting({ startDate: '2026-03-15' });
    expect(other.number).toBe(8);
    await app.call('meetings.trash', { id: other.id });
    expect(await app.call('meetings.nextNumber', { bodyId, kind: 'ordinary' })).toEqual({ number: 8 });
    // Unnumbered sessions still count.
    const fresh = (await createBody({ name: 'Cluster Nutrition', acronym: 'CN' })).id;
    const ctx = app.backend.context;
    for (const date of ['2025-01-10', '2025-02-10']) {
      await ctx.db
        .insertInto('meetings')
        .values({
          id: uuidv7(),
          body_id: fresh,
          number: null,
          title: null,
          kind: 'ordinary',
          status: 'held',
          planned_date: null,
          start_date: date,
          end_date: date,
          start_time: null,
          end_time: null,
          place: null,
          online_url: null,
          funding_source: null,
          convened_on: null,
          postponed_from: null,
          status_reason: null,
          created_at: date,
          updated_at: date,
          deleted_at: null,
        })
        .execute();
    }
    expect(await app.call('meetings.nextNumber', { bodyId: fresh, kind: 'ordinary' })).toEqual({ number: 3 });
  });

  it('refuses a meeting ending before it starts and writes nothing', async () => {
    const error = await app.fail('meetings.create', meetingInput({ endDate: '2026-03-11' }));
    expect(error.code).toBe('VALIDATION');
    expect(error.details?.issues).toEqual([
      {
        path: ['endDate'],
        key: 'errors.field.meetingEndBeforeStart',
        message: 'La réunion ne peut pas finir avant de commencer.',
      },
    ]);
    const timed = await app.fail('meetings.create', meetingInput({ startTime: '14:00', endTime: '09:00' }));
    expect(timed.details?.issues).toEqual([
      expect.objectContaining({ path: ['endTime'], key: 'errors.field.meetingEndBeforeStart' }),
    ]);
    const same = await app.fail('meetings.create', meetingInput({ startTime: '09:00', endTime: '09:00' }));
    expect(same.details?.issues?.[0]?.path).toEqual(['endTime']);
    expect(await meetingCount()).toBe(0);
    expect(await app.call('meetings.nextNumber', { bodyId, kind: 'ordinary' })).toEqual({ number: 1 });
    // Over several days, the last day may end earlier than the first began.
    const workshop = await createMeeting({
      endDate: '2026-03-13',
      startTime: '14:00',
      endTime: '12:30',
    });
    expect(workshop.endDate).toBe('2026-03-13');
  });

  it('refuses unknown or trashed bodies and co-hosts, and the host as its own co-host', async () => {
    const trashed = await createBody({ name: 'Ancien comité', acronym: 'AC' });
    await app.call('bodies.trash', { id: trashed.id });

    const unknown = await app.fail('meetings.create', meetingInput({ bodyId: UNKNOWN_ID }));
    expect(unknown.code).toBe('VALIDATION');
    expect(unknown.details?.issues?.map((i) => [i.path, i.key])).toEqual([
      [['bodyId'], 'errors.field.unknownBody'],
    ]);
    const inTrash = await app.fail('meetings.create', meetingInput({ bodyId: trashed.id }));
    expect(inTrash.details?.issues?.[0]?.path).toEqual(['bodyId']);

    const cohosts = await app.fail(
      'meetings.create',
      meetingInput({ cohostIds: [bodyId, UNKNOWN_ID, trashed.id], endDate: '2026-03-01' }),
    );
    expect(cohosts.details?.issues?.map((i) => i.path)).toEqual([
      ['cohostIds', 0],
      ['cohostIds', 1],
      ['cohostIds', 2],
      ['endDate'],
    ]);
    expect(await meetingCount()).toBe(0);
  });

  it('lets one live meeting only fulfil a planned session', async () => {
    const first = await createMeeting({ plannedDate: '2026-04-01', startDate: '2026-04-03' });
    const error = await app.fail('meetings.create', meetingInput({ plannedDate: '2026-04-01' }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe(
      'La session prévue le 1er avril 2026 est déjà couverte par la réunion « GTGPS — Ordinaire n°1 du ' +
        '3 avril 2026 » (en brouillon). Choisissez une autre session prévue ou laissez la réunion hors programme.',
    );
    expect(await meetingCount()).toBe(1);

    // Saving the meeting itself is no conflict; another body's slot on the same day is free.
    await app.call('meetings.update', { ...(await editable(first.id)), place: 'Cotonou' });
    const other = await createBody({ name: 'Cluster Protection', acronym: 'CP' });
    await createMeeting({ bodyId: other.id, plannedDate: '2026-04-01', startDate: '2026-04-01' });

    // A cancelled meeting leaves the slot free for the session that replaces it.
    await transition({ id: first.id, action: 'cancel', reason: 'Grève des transports' });
    const replacement = await createMeeting({ plannedDate: '2026-04-01', startDate: '2026-04-20' });
    expect(replacement.plannedDate).toBe('2026-04-01');

    // A trashed meeting frees it too, but cannot take it back once restored.
    await app.call('meetings.trash', { id: replacement.id });
    const third = await createMeeting({ plannedDate: '2026-04-01', startDate: '2026-04-22' });
    const restore = await app.fail('meetings.restore', { id: replacement.id });
    expect(restore.code).toBe('CONFLICT');
    expect((await app.call('meetings.get', { id: replacement.id })).deletedAt).not.toBeNull();
    await app.call('meetings.trash', { id: third.id });
    expect((await app.call('meetings.restore', { id: replacement.id })).deletedAt).toBeNull();
  });
});

describe('updating a meeting', () => {
  it('records what changed, by label', async () => {
    const sub = await createBody({ name: 'Sous-groupe Genre', acronym: 'SGG', kind: 'sub_group' });
    const m = await createMeeting({ place: 'Cotonou' });
    const unchanged = await app.call('meetings.update', await editable(m.id));
    expect(unchanged.updatedAt).toBe(m.updatedAt);
    expect(await history(m.id)).toHaveLength(1);

    const updated = await app.call('meetings.update', {
      ...(await editable(m.id)),
      cohostIds: [sub.id],
      endDate: '2026-03-13',
      place: 'Porto-Novo',
      number: null,
    });
    // An emptied number keeps the current one.
    expect(updated).toMatchObject({ number: 1, endDate: '2026-03-13', place: 'Porto-Novo' });
    expect(updated.cohosts).toEqual([{ id: sub.id, label: 'SGG — Sous-groupe Genre' }]);
    const [entry] = await history(m.id);
    expect(entry).toMatchObject({
      action: 'update',
      changes: {
        cohostIds: [[], ['SGG — Sous-groupe Genre']],
        endDate: ['2026-03-12', '2026-03-13'],
        place: ['Cotonou', 'Porto-Novo'],
      },
    });
    expect(Object.keys(entry?.changes ?? {}).sort()).toEqual(['cohostIds', 'endDate', 'place']);

    // Another kind without a number takes that kind's next number.
    const moved = await app.call('meetings.update', {
      ...(await editable(m.id)),
      kind: 'extraordinary',
      number: null,
    });
    expect(moved.number).toBe(1);
  });

  it('validates like creation and writes nothing when refused', async () => {
    const m = await createMeeting();
    const error = await app.fail('meetings.update', { ...(await editable(m.id)), endDate: '2026-03-01' });
    expect(error.details?.issues?.[0]?.path).toEqual(['endDate']);
    expect(await app.call('meetings.get', { id: m.id })).toEqual(m);
    expect((await app.fail('meetings.update', { ...(await editable(m.id)), id: UNKNOWN_ID })).code).toBe(
      'NOT_FOUND',
    );
  });

  it('keeps closed, cancelled and trashed meetings as they are', async () => {
    const closed = await createMeeting();
    await transition({ id: closed.id, action: 'hold' });
    await transition({ id: closed.id, action: 'close' });
    const a = await app.fail('meetings.update', { ...(await editable(closed.id)), place: 'Ailleurs' });
    expect(a).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: 'Une réunion clôturée ne peut plus être modifiée.',
    });

    const cancelled = await createMeeting({ startDate: '2026-05-05' });
    await transition({ id: cancelled.id, action: 'cancel', reason: 'Insécurité' });
    const b = await app.fail('meetings.update', { ...(await editable(cancelled.id)), place: 'Ailleurs' });
    expect(b).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: 'Une réunion annulée ne peut plus être modifiée.',
    });

    const trashed = await createMeeting({ startDate: '2026-06-05' });
    await app.call('meetings.trash', { id: trashed.id });
    expect((await app.fail('meetings.update', await editable(trashed.id))).code).toBe('INVALID_TRANSITION');
    expect((await app.fail('meetings.transition', { id: trashed.id, action: 'convene' })).code).toBe(
      'INVALID_TRANSITION',
    );
    expect((await app.fail('meetings.trash', { id: trashed.id })).code).toBe('INVALID_TRANSITION');
    expect((await app.fail('meetings.restore', { id: closed.id })).code).toBe('INVALID_TRANSITION');
  });
});

describe('meeting status workflow', () => {
  it('convenes, holds and closes, recording each move', async () => {
    const m = await createMeeting();
    const convened = await transition({ id: m.id, action: 'convene', convenedOn: '2026-02-26' });
    expect(convened).toMatchObject({ status: 'convened', convenedOn: '2026-02-26' });
    expect((await transition({ id: m.id, action: 'hold' })).status).toBe('held');
    expect((await transition({ id: m.id, action: 'close' })).status).toBe('closed');
    const entries = await history(m.id);
    expect(entries.map((e) => [e.action, e.summary])).toEqual([
      ['status', 'Clôturée'],
      ['status', 'Tenue le 12 mars 2026'],
      ['status', 'Convoquée le 26 février 2026'],
      ['create', 'GTGPS — Ordinaire n°1 du 12 mars 2026'],
    ]);
    expect(entries[2]?.changes).toEqual({
      status: ['draft', 'convened'],
      convenedOn: [null, '2026-02-26'],
    });
  });

  it('convenes today by default and records a session held without convocation', async () => {
    const m = await createMeeting();
    const convened = await transition({ id: m.id, action: 'convene' });
    expect(convened.convenedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const now = new Date();
    const local = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    expect(convened.convenedOn).toBe(local);

    const afterTheFact = await createMeeting({ startDate: '2026-01-20' });
    const held = await transition({ id: afterTheFact.id, action: 'hold' });
    expect(held).toMatchObject({ status: 'held', convenedOn: null });
  });

  it('takes the agenda along when a meeting is postponed: day 1 stays day 1', async () => {
    const m = await createMeeting({ endDate: '2026-03-13' });
    await app.call('agenda.save', {
      meetingId: m.id,
      entries: [
        { day: '2026-03-12', entryType: 'item', title: 'Ouverture', startTime: '09:00', endTime: '09:30' },
        { day: '2026-03-13', entryType: 'item', title: 'Restitution', startTime: '10:00', endTime: '11:00' },
      ],
    });
    await transition({
      id: m.id,
      action: 'postpone',
      newStartDate: '2026-04-20',
      reason: 'Salle indisponible',
    });
    const agenda = await app.call('agenda.get', { meetingId: m.id });
    expect(agenda.days).toEqual(['2026-04-20', '2026-04-21']);
    expect(agenda.entries.map((e) => [e.day, e.title])).toEqual([
      ['2026-04-20', 'Ouverture'],
      ['2026-04-21', 'Restitution'],
    ]);
  });

  it('postpones with the new dates, keeping the length, then convenes or reopens', async () => {
    const m = await createMeeting({ endDate: '2026-03-13', startTime: '09:00', endTime: '17:00' });
    await transition({ id: m.id, action: 'convene', convenedOn: '2026-03-01' });
    const postponed = await transition({
      id: m.id,
      action: 'postpone',
      newStartDate: '2026-04-20',
      reason: 'Indisponibilité de la salle',
    });
    expect(postponed).toMatchObject({
      status: 'postponed',
      startDate: '2026-04-20',
      endDate: '2026-04-21',
      postponedFrom: '2026-03-12',
      statusReason: 'Indisponibilité de la salle',
    });
    const [entry] = await history(m.id);
    expect(entry).toMatchObject({
      action: 'status',
      summary: 'Reportée au 20 avril 2026 : Indisponibilité de la salle',
      changes: {
        status: ['convened', 'postponed'],
        startDate: ['2026-03-12', '2026-04-20'],
        endDate: ['2026-03-13', '2026-04-21'],
        postponedFrom: [null, '2026-03-12'],
        statusReason: [null, 'Indisponibilité de la salle'],
      },
    });
    expect((await transition({ id: m.id, action: 'convene', convenedOn: '2026-04-06' })).status).toBe(
      'convened',
    );

    const draft = await createMeeting({ startDate: '2026-06-10' });
    const moved = await transition({
      id: draft.id,
      action: 'postpone',
      newStartDate: '2026-06-24',
      newEndDate: '2026-06-25',
    });
    expect(moved).toMatchObject({
      startDate: '2026-06-24',
      endDate: '2026-06-25',
      postponedFrom: '2026-06-10',
    });
    expect((await history(draft.id))[0]?.summary).toBe('Reportée au 24 juin 2026');
    const reopened = await transition({ id: draft.id, action: 'reopen_draft' });
    expect(reopened).toMatchObject({ status: 'draft', startDate: '2026-06-24', postponedFrom: '2026-06-10' });
    expect((await history(draft.id))[0]?.summary).toBe('Remise en brouillon');
  });

  it('checks the postponement’s dates', async () => {
    const m = await createMeeting();
    const missing = await app.fail('meetings.transition', { id: m.id, action: 'postpone' });
    expect(missing).toMatchObject({ code: 'VALIDATION' });
    expect(missing.details?.issues?.map((i) => [i.path, i.key])).toEqual([
      [['newStartDate'], 'errors.field.required'],
    ]);
    const inverted = await app.fail('meetings.transition', {
      id: m.id,
      action: 'postpone',
      newStartDate: '2026-04-20',
      newEndDate: '2026-04-19',
    });
    expect(inverted.details?.issues?.map((i) => [i.path, i.key])).toEqual([
      [['newEndDate'], 'errors.field.meetingEndBeforeStart'],
    ]);
    expect((await app.call('meetings.get', { id: m.id })).status).toBe('draft');
  });

  it('cancels from draft, convened or postponed with a reason only', async () => {
    const noReason = await createMeeting();
    const error = await app.fail('meetings.transition', { id: noReason.id, action: 'cancel', reason: '  ' });
    expect(error.code).toBe('VALIDATION');
    expect(error.details?.issues).toEqual([
      { path: ['reason'], key: 'errors.field.reasonRequired', message: 'Indiquez le motif.' },
    ]);
    expect((await app.call('meetings.get', { id: noReason.id })).status).toBe('draft');
    expect(await history(noReason.id)).toHaveLength(1);

    const reason = 'Insécurité sur l’axe Gao–Ansongo';
    const fromDraft = await transition({ id: noReason.id, action: 'cancel', reason });
    expect(fromDraft).toMatchObject({ status: 'cancelled', statusReason: reason });
    expect((await history(noReason.id))[0]?.summary).toBe(`Annulée : ${reason}`);

    const convened = await createMeeting({ startDate: '2026-05-12' });
    await transition({ id: convened.id, action: 'convene' });
    expect((await transition({ id: convened.id, action: 'cancel', reason })).status).toBe('cancelled');

    const postponed = await createMeeting({ startDate: '2026-07-12' });
    await transition({ id: postponed.id, action: 'postpone', newStartDate: '2026-07-30' });
    expect((await transition({ id: postponed.id, action: 'cancel', reason })).status).toBe('cancelled');
  });

  it('refuses forbidden moves with INVALID_TRANSITION, naming both statuses', async () => {
    const closed = await createMeeting();
    await transition({ id: closed.id, action: 'hold' });
    const heldCancel = await app.fail('meetings.transition', {
      id: closed.id,
      action: 'cancel',
      reason: 'x',
    });
    expect(heldCancel).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: 'Une réunion tenue ne peut pas être annulée.',
    });
    await transition({ id: closed.id, action: 'close' });
    expect(await app.fail('meetings.transition', { id: closed.id, action: 'convene' })).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: 'Une réunion clôturée ne peut pas être convoquée.',
    });
    // The move is refused before its own fields are checked.
    expect(await app.fail('meetings.transition', { id: closed.id, action: 'postpone' })).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: 'Une réunion clôturée ne peut pas être reportée.',
    });

    const draft = await createMeeting({ startDate: '2026-05-12' });
    expect(await app.fail('meetings.transition', { id: draft.id, action: 'close' })).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: 'Une réunion en brouillon ne peut pas être clôturée.',
    });
    expect(await app.fail('meetings.transition', { id: draft.id, action: 'reopen_draft' })).toMatchObject({
      code: 'INVALID_TRANSITION',
    });
    await transition({ id: draft.id, action: 'convene' });
    expect(await app.fail('meetings.transition', { id: draft.id, action: 'convene' })).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: 'Cette réunion est déjà convoquée.',
    });
    await transition({ id: draft.id, action: 'cancel', reason: 'Report sine die' });
    expect(await app.fail('meetings.transition', { id: draft.id, action: 'hold' })).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: 'Une réunion annulée ne peut pas être marquée comme tenue.',
    });
    expect(await history(draft.id)).toHaveLength(3);
    expect((await app.fail('meetings.transition', { id: UNKNOWN_ID, action: 'hold' })).code).toBe(
      'NOT_FOUND',
    );
  });
});

describe('listing meetings', () => {
  it('filters by body (co-hosted included), dates, status and trash, latest first', async () => {
    const other = await createBody({ name: 'Cluster Protection', acronym: null });
    const a = await createMeeting({ startDate: '2026-01-15' });
    const b = await createMeeting({ startDate: '2026-03-10', endDate: '2026-03-12' });
    const c = await createMeeting({ bodyId: other.id, startDate: '2026-02-01' });
    const joint = await createMeeting({ bodyId: other.id, cohostIds: [bodyId], startDate: '2026-04-01' });
    await transition({ id: a.id, action: 'hold' });

    const all = await app.call('meetings.list', {});
    expect(all.map((m) => m.id)).toEqual([joint.id, b.id, c.id, a.id]);
    expect(all[0]).toEqual({
      id: joint.id,
      body: { id: other.id, label: 'Cluster Protection' },
      number: 2,
      title: null,
      kind: 'ordinary',
      status: 'draft',
      plannedDate: null,
      startDate: '2026-04-01',
      endDate: '2026-04-01',
      place: null,
      isDemo: false,
    });
    expect((await app.call('meetings.list', { bodyId })).map((m) => m.id)).toEqual([joint.id, b.id, a.id]);
    expect((await app.call('meetings.list', { bodyId: other.id })).map((m) => m.id)).toEqual([
      joint.id,
      c.id,
    ]);
    // Overlapping the range: the meeting of 10–12 March is in [12 March, 31 March].
    expect(
      (await app.call('meetings.list', { from: '2026-03-12', to: '2026-03-31' })).map((m) => m.id),
    ).toEqual([b.id]);
    expect((await app.call('meetings.list', { status: 'held' })).map((m) => m.id)).toEqual([a.id]);

    await app.call('meetings.trash', { id: b.id });
    expect((await app.call('meetings.list', {})).map((m) => m.id)).toEqual([joint.id, c.id, a.id]);
    expect((await app.call('meetings.list', { trashed: true })).map((m) => m.id)).toEqual([b.id]);
    const restored = await app.call('meetings.restore', { id: b.id });
    expect(restored.deletedAt).toBeNull();
    expect((await history(b.id)).map((e) => e.action)).toEqual(['restore', 'trash', 'create']);

    // A trashed body's meetings are hidden with it.
    await app.call('bodies.trash', { id: other.id });
    expect((await app.call('meetings.list', {})).map((m) => m.id)).toEqual([b.id, a.id]);
  });
});

describe('iCalendar invitation', () => {
  const lines = (content: string) => content.split('\r\n');

  it('writes a timed event in the secretariat’s zone, escaped, folded and CRLF-terminated', async () => {
    const dpfg = await app.call('organisations.create', {
      name: 'Direction de la Promotion de la Femme et du Genre',
      acronym: 'DPFG',
      kind: 'central_directorate',
      email: 'dpfg@exemple.bj',
    });
    const body = await createBody({
      name: 'Groupe technique, genre; et protection sociale',
      acronym: 'GTGPS',
      secretariatOrganisationId: dpfg.id,
    });
    const m = await createMeeting({
      bodyId: body.id,
      number: 3,
      startTime: '09:30',
      endTime: '13:00',
      place: 'Salle A, MASM; Cotonou',
      onlineUrl: 'https://meet.exemple.bj/gtgps?x=1,2',
      title: `Revue à mi-parcours ${'très '.repeat(20)}longue`,
    });
    const ctx = app.backend.context;
    const at = new Date().toISOString();
    let position = 0;
    for (const [type, title, start, end] of [
      ['part', 'Première partie : mise en synergie', null, null],
      ['item', 'Adoption de l’ordre du jour, du compte rendu', '09:30', '09:45'],
      ['item', 'Divers', null, null],
    ] as const) {
      await ctx.db
        .insertInto('agenda_entries')
        .values({
          id: uuidv7(),
          meeting_id: m.id,
          day: '2026-03-12',
          position: position++,
          entry_type: type,
          kind: null,
          title,
          start_time: start,
          end_time: end,
          responsible: '{}',
          documents: '[]',
          created_at: at,
          updated_at: at,
        })
        .execute();
    }

    const { fileName, content } = await app.call('meetings.ics', { id: m.id });
    expect(fileName).toBe('reunion-GTGPS-2026-03-12.ics');
    expect(content.endsWith('\r\n')).toBe(true);
    expect(content.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    for (const line of lines(content)) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    // Unfolded, as a calendar reads it.
    const unfolded = lines(content.replaceAll('\r\n ', ''));
    expect(unfolded).toEqual(
      expect.arrayContaining([
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'METHOD:REQUEST',
        'BEGIN:VTIMEZONE',
        'TZID:Africa/Bamako',
        'TZOFFSETTO:+0000',
        'BEGIN:VEVENT',
        `UID:${m.id}@concerto`,
        'DTSTART;TZID=Africa/Bamako:20260312T093000',
        'DTEND;TZID=Africa/Bamako:20260312T130000',
        'LOCATION:Salle A\\, MASM\\; Cotonou',
        'URL:https://meet.exemple.bj/gtgps?x=1,2',
        'ORGANIZER;CN=DPFG:mailto:dpfg@exemple.bj',
        'STATUS:TENTATIVE',
        'END:VEVENT',
        'END:VCALENDAR',
      ]),
    );
    expect(unfolded.find((l) => l.startsWith('DTSTAMP:'))).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/);
    expect(unfolded.find((l) => l.startsWith('SUMMARY:'))).toBe(
      `SUMMARY:GTGPS — Ordinaire n°3 : Revue à mi-parcours ${'très '.repeat(20)}longue`,
    );
    expect(unfolded.find((l) => l.startsWith('DESCRIPTION:'))).toBe(
      'DESCRIPTION:Groupe technique\\, genre\\; et protection sociale\\n' +
        `Revue à mi-parcours ${'très '.repeat(20)}longue\\n` +
        'Lien de connexion : https://meet.exemple.bj/gtgps?x=1\\,2\\n\\nOrdre du jour :\\n' +
        'Première partie : mise en synergie\\n' +
        '- 09:30–09:45 Adoption de l’ordre du jour\\, du compte rendu\\n- Divers',
    );
    expect(unfolded.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
  });

  it('writes an all-day event when the times are not known, and follows the settings’ zone', async () => {
    const m = await createMeeting({ endDate: '2026-03-13', startTime: '09:00' });
    const { content } = await app.call('meetings.ics', { id: m.id });
    const unfolded = lines(content.replaceAll('\r\n ', ''));
    expect(unfolded).toContain('DTSTART;VALUE=DATE:20260312');
    // DTEND is exclusive: the day after the last day.
    expect(unfolded).toContain('DTEND;VALUE=DATE:20260314');
    expect(unfolded).not.toContain('BEGIN:VTIMEZONE');

    await app.call('settings.update', { timeZone: 'Africa/Porto-Novo' });
    const timed = await app.call('meetings.update', { ...(await editable(m.id)), endTime: '12:00' });
    const second = lines((await app.call('meetings.ics', { id: timed.id })).content.replaceAll('\r\n ', ''));
    expect(second).toContain('DTSTART;TZID=Africa/Porto-Novo:20260312T090000');
    expect(second).toContain('DTEND;TZID=Africa/Porto-Novo:20260313T120000');
    expect(second).toContain('TZOFFSETFROM:+0100');
    // One change since the first invitation: calendars replace the event they have.
    expect(second).toContain('SEQUENCE:1');

    await transition({ id: m.id, action: 'cancel', reason: 'Report' });
    const cancelled = lines((await app.call('meetings.ics', { id: m.id })).content);
    expect(cancelled).toContain('METHOD:CANCEL');
    expect(cancelled).toContain('STATUS:CANCELLED');
  });

  it('names the file in ASCII', async () => {
    const body = await createBody({ name: 'Comité de santé d’Ansongo', acronym: 'CSRéf Ansongo' });
    const m = await createMeeting({ bodyId: body.id, startDate: '2026-05-04' });
    expect((await app.call('meetings.ics', { id: m.id })).fileName).toBe(
      'reunion-CSRef-Ansongo-2026-05-04.ics',
    );
  });

  it('knows the UTC offset of every zone the settings offer', () => {
    const at = new Date('2026-07-01T12:00:00Z');
    for (const zone of TIME_ZONES) {
      const name = new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'longOffset' })
        .formatToParts(at)
        .find((p) => p.type === 'timeZoneName')?.value;
      const expected = name === 'GMT' ? '+0000' : (name ?? '').replace('GMT', '').replace(':', '');
      expect([zone, TIME_ZONE_OFFSETS[zone].offset]).toEqual([zone, expected]);
    }
  });
});

describe('demonstration data', () => {
  it('loads meetings with the demo and removes every one of them', async () => {
    await app.call('demo.load', {});
    const demo = await app.call('meetings.list', {});
    expect(demo.length).toBeGreaterThanOrEqual(5);
    expect(demo.every((m) => m.isDemo)).toBe(true);
    expect(demo.map((m) => m.status)).toEqual(expect.arrayContaining(['held', 'cancelled', 'convened']));

    // A user's own meeting on a user body, co-hosted with a demo body, survives without it.
    const demoBody = demo[0]?.body.id ?? '';
    const mine = await createMeeting({ cohostIds: [demoBody], startDate: '2026-09-09' });
    await app.call('demo.remove', {});
    // Removing for good is preceded by a backup that still holds the user's meeting.
    const backups = readdirSync(app.backend.context.paths.backupsDir).filter((f) =>
      f.startsWith('avant-retrait-demo-'),
    );
    expect(backups).toHaveLength(1);
    const copy = new BetterSqlite3(join(app.backend.context.paths.backupsDir, backups[0] ?? ''), {
      readonly: true,
    });
    expect(copy.prepare('SELECT count(*) AS n FROM meetings WHERE id = ?').get(mine.id)).toEqual({ n: 1 });
    copy.close();
    const db = app.backend.context.db;
    const count = async (table: 'meetings' | 'meeting_cohosts' | 'agenda_entries') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count('meetings')).toBe(1);
    expect(await count('meeting_cohosts')).toBe(0);
    expect(await count('agenda_entries')).toBe(0);
    expect((await app.call('meetings.get', { id: mine.id })).cohosts).toEqual([]);
    const orphanHistory = await db
      .selectFrom('history')
      .select('entity_id')
      .where('entity_type', '=', 'meeting')
      .where('entity_id', '!=', mine.id)
      .execute();
    expect(orphanHistory).toEqual([]);
    expect((await app.call('demo.status', {})).loaded).toBe(false);
  });
});
