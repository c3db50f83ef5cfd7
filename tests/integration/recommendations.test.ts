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

const UNKNOWN_ID = '01900000-0000-7000-8000-000000000000';
const TODAY = localToday();
const THIS_MONTH = `${TODAY.slice(0, 4)}/${TODAY.slice(5, 7)}`;

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
let meetingId: string;
beforeEach(async () => {
  bodyId = (await createBody()).id;
  meetingId = (await app.call('meetings.create', { bodyId, kind: 'ordinary', startDate: '2025-03-12' })).id;
});

const create = (overrides: Partial<InputOf<'recommendations.create'>> = {}) =>
  app.call('recommendations.create', {
    bodyId,
    originKind: 'meeting',
    originMeetingId: meetingId,
    text: 'Élaborer le projet de décret sur le registre social unifié',
    ...overrides,
  });
const addUpdate = (input: InputOf<'recommendations.addUpdate'>) =>
  app.call('recommendations.addUpdate', input);
const updates = (id: string) => app.call('recommendations.updates', { id });
const history = (id: string) => app.call('history.forEntity', { entityType: 'recommendation', entityId: id });
const count = async () => (await app.call('recommendations.list', {})).total;

/** The fields of a recommendation as the edit form sends them back. */
async function editable(id: string): Promise<InputOf<'recommendations.update'>> {
  const r = await app.call('recommendations.get', { id });
  return {
    id,
    bodyId: r.body.id,
    kind: r.kind,
    reference: r.reference,
    text: r.text,
    theme: r.theme,
    originKind: r.originKind,
    originMeetingId: r.originMeeting?.id ?? null,
    leadOrganisationId: r.leadOrganisation?.id ?? null,
    associatedOrganisationIds: r.associatedOrganisations.map((o) => o.id),
    personId: r.person?.id ?? null,
    targetLevel: r.targetLevel,
    targetTerritoryId: r.targetTerritory?.id ?? null,
    dueDate: r.dueDate,
    priority: r.priority,
  };
}

describe('creating a recommendation', () => {
  it('generates references per body and year from the origin session: GTGPS/2025/03/R01, R02…', async () => {
    const first = await create();
    const second = await create({ text: 'Mettre à jour la cartographie des interventions' });
    expect(first.reference).toBe('GTGPS/2025/03/R01');
    expect(second.reference).toBe('GTGPS/2025/03/R02');

    // Later that year the numbering goes on; a new year starts again at 1.
    const november = await app.call('meetings.create', { bodyId, kind: 'ordinary', startDate: '2025-11-20' });
    const next = await app.call('meetings.create', { bodyId, kind: 'ordinary', startDate: '2026-02-05' });
    expect((await create({ originMeetingId: november.id })).reference).toBe('GTGPS/2025/11/R03');
    expect((await create({ originMeetingId: next.id })).reference).toBe('GTGPS/2026/02/R01');

    // Without a session, today's year and month.
    const direct = await create({ originKind: 'direct', originMeetingId: null });
    expect(direct.reference).toMatch(new RegExp(`^GTGPS/${THIS_MONTH}/R0\\d$`));

    // A typed reference counts in the sequence when it follows the format.
    await create({ reference: 'GTGPS/2025/12/R09' });
    expect((await create()).reference).toBe('GTGPS/2025/03/R10');
  });

  it('names a body without acronym by its initials and follows the format in the settings', async () => {
    const body = await createBody({ name: 'Comité régional de coordination', acronym: null });
    const meeting = await app.call('meetings.create', {
      bodyId: body.id,
      kind: 'ordinary',
      startDate: '2025-06-02',
    });
    await app.call('settings.update', { referenceFormat: 'REC-{SIGLE}-{AAAA}-{NN}' });
    const made = await create({ bodyId: body.id, originMeetingId: meeting.id });
    expect(made.reference).toBe('REC-CRC-2025-01');
    expect((await create({ bodyId: body.id, originMeetingId: meeting.id })).reference).toBe(
      'REC-CRC-2025-02',
    );
  });

  it('keeps every field, names references and records the first update and the history', async () => {
    const dgpsn = await app.call('organisations.create', {
      name: 'Délégation générale à la Protection sociale',
      acronym: 'DGPSN',
      kind: 'ministry',
    });
    const pam = await app.call('organisations.create', {
      name: 'Programme alimentaire mondial',
      acronym: 'PAM',
      kind: 'un_agency',
    });
    const person = await app.call('people.create', { firstName: 'Awa', lastName: 'Traoré' });
    const made = await create({
      kind: 'decision',
      theme: 'Ciblage',
      leadOrganisationId: dgpsn.id,
      associatedOrganisationIds: [pam.id, pam.id, dgpsn.id],
      personId: person.id,
      targetLevel: 'national',
      dueDate: '2025-12-31',
      priority: 'high',
    });
    expect(made).toMatchObject({
      body: { id: bodyId, label: 'GTGPS — Groupe Technique Genre et Protection Sociale' },
      kind: 'decision',
      theme: 'Ciblage',
      originKind: 'meeting',
      originMeeting: { id: meetingId },
      leadOrganisation: { id: dgpsn.id },
      person: { id: person.id, label: 'Awa Traoré' },
      dueDate: '2025-12-31',
      priority: 'high',
      status: 'not_started',
      progress: 0,
      transmittedFrom: null,
      transmittedTo: [],
    });
    // The lead is not repeated among the associated organisations.
    expect(made.associatedOrganisations.map((o) => o.id)).toEqual([pam.id]);
    expect(made.originMeeting?.label).toContain('12 mars 2025');

    const [first, ...rest] = await updates(made.id);
    expect(rest).toEqual([]);
    expect(first).toMatchObject({
      date: '2025-03-12',
      status: 'not_started',
      progress: 0,
      comment: 'Création',
      source: 'meeting',
      meeting: { id: meetingId },
    });
    const direct = await create({ originKind: 'direct', originMeetingId: null });
    expect((await updates(direct.id))[0]).toMatchObject({ source: 'manual', meeting: null, date: TODAY });

    expect((await history(made.id)).map((h) => h.action)).toEqual(['create']);
  });

  it('refuses a reference that already exists, with nothing written', async () => {
    await create({ reference: 'GTGPS/2025/03/R07' });
    const before = await count();
    const error = await app.fail('recommendations.create', {
      bodyId,
      reference: 'GTGPS/2025/03/R07',
      text: 'Autre',
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.details?.issues).toEqual([
      expect.objectContaining({
        path: ['reference'],
        key: 'errors.field.duplicateReference',
        params: { reference: 'GTGPS/2025/03/R07' },
        message: 'La référence GTGPS/2025/03/R07 existe déjà.',
      }),
    ]);
    expect(await count()).toBe(before);
  });

  it('refuses a due date before the origin session, an empty text and unknown references', async () => {
    const early = await app.fail('recommendations.create', {
      bodyId,
      originMeetingId: meetingId,
      text: 'Valider le manuel',
      dueDate: '2025-03-11',
    });
    expect(early.code).toBe('VALIDATION');
    expect(early.details?.issues).toEqual([
      expect.objectContaining({
        path: ['dueDate'],
        key: 'errors.field.dueBeforeMeeting',
        message: 'L’échéance ne peut pas précéder la réunion d’origine (12 mars 2025).',
      }),
    ]);
    // The day of the session itself is accepted.
    expect((await create({ dueDate: '2025-03-12' })).dueDate).toBe('2025-03-12');

    const empty = await app.fail('recommendations.create', { bodyId, text: '   ' });
    expect(empty.details?.issues?.map((i) => i.path)).toEqual([['text']]);

    const other = await createBody({ name: 'Autre groupe', acronym: 'AG' });
    const otherMeeting = await app.call('meetings.create', {
      bodyId: other.id,
      kind: 'ordinary',
      startDate: '2025-01-01',
    });
    const unknown = await app.fail('recommendations.create', {
      bodyId,
      text: 'Texte',
      leadOrganisationId: UNKNOWN_ID,
      associatedOrganisationIds: [UNKNOWN_ID],
      personId: UNKNOWN_ID,
      targetTerritoryId: UNKNOWN_ID,
      originMeetingId: otherMeeting.id,
    });
    expect(unknown.code).toBe('VALIDATION');
    expect(unknown.details?.issues?.map((i) => i.path.join('.'))).toEqual([
      'leadOrganisationId',
      'associatedOrganisationIds.0',
      'personId',
      'targetTerritoryId',
      'originMeetingId',
    ]);
    const noBody = await app.fail('recommendations.create', { bodyId: UNKNOWN_ID, text: 'Texte' });
    expect(noBody.details?.issues?.map((i) => i.path)).toEqual([['bodyId']]);
    expect(await count()).toBe(1);
  });

  it('edits details with the changes in the history; an empty reference keeps the current one', async () => {
    const made = await create({ theme: 'Ciblage' });
    const edited = await app.call('recommendations.update', {
      ...(await editable(made.id)),
      reference: null,
      text: 'Adopter le décret sur le registre social unifié',
      dueDate: '2025-09-30',
    });
    expect(edited).toMatchObject({
      reference: 'GTGPS/2025/03/R01',
      dueDate: '2025-09-30',
      status: 'not_started',
    });
    const [entry] = await history(made.id);
    expect(entry).toMatchObject({
      action: 'update',
      changes: {
        text: [
          'Élaborer le projet de décret sur le registre social unifié',
          'Adopter le décret sur le registre social unifié',
        ],
        dueDate: [null, '2025-09-30'],
      },
    });
    const taken = await create();
    const clash = await app.fail('recommendations.update', {
      ...(await editable(taken.id)),
      reference: made.reference,
    });
    expect(clash.details?.issues?.[0]?.path).toEqual(['reference']);
  });
});

describe('updating the status', () => {
  it('proposes default progress, keeps each update with its source, newest first', async () => {
    const made = await create();
    const started = await addUpdate({ id: made.id, date: '2025-04-01', status: 'in_progress' });
    expect(started).toMatchObject({ status: 'in_progress', progress: 25 });

    const partial = await addUpdate({
      id: made.id,
      date: '2025-06-15',
      status: 'partially_done',
      progress: 60,
      comment: 'Avant-projet validé en atelier',
      source: 'meeting',
      meetingId,
    });
    expect(partial).toMatchObject({ status: 'partially_done', progress: 60 });
    // "En cours" never moves an item backwards; "reportée" keeps the figure.
    expect(await addUpdate({ id: made.id, date: '2025-07-01', status: 'in_progress' })).toMatchObject({
      progress: 60,
    });
    expect(
      await addUpdate({ id: made.id, date: '2025-08-01', status: 'postponed', source: 'follow_up_sheet' }),
    ).toMatchObject({ status: 'postponed', progress: 60 });

    const done = await addUpdate({
      id: made.id,
      date: '2025-09-10',
      status: 'done',
      progress: 80,
      actionsTaken: 'Décret adopté en Conseil des ministres',
    });
    expect(done).toMatchObject({
      status: 'done',
      progress: 100,
      actionsTaken: 'Décret adopté en Conseil des ministres',
    });

    const list = await updates(made.id);
    expect(list.map((u) => [u.date, u.status, u.progress, u.source])).toEqual([
      ['2025-09-10', 'done', 100, 'manual'],
      ['2025-08-01', 'postponed', 60, 'follow_up_sheet'],
      ['2025-07-01', 'in_progress', 60, 'manual'],
      ['2025-06-15', 'partially_done', 60, 'meeting'],
      ['2025-04-01', 'in_progress', 25, 'manual'],
      ['2025-03-12', 'not_started', 0, 'meeting'],
    ]);
    expect(list[3]).toMatchObject({ comment: 'Avant-projet validé en atelier', meeting: { id: meetingId } });
    expect(list[0]).toMatchObject({
      actionsTaken: 'Décret adopté en Conseil des ministres',
      actor: 'Utilisateur',
    });

    const entries = await history(made.id);
    expect(entries.map((e) => e.action)).toEqual([
      'status',
      'status',
      'status',
      'status',
      'status',
      'create',
    ]);
    expect(entries[0]?.changes).toMatchObject({ status: ['postponed', 'done'], progress: [60, 100] });
  });

  it('refuses to close without actions taken, with nothing written', async () => {
    const made = await create();
    await addUpdate({ id: made.id, date: '2025-04-01', status: 'in_progress', progress: 40 });
    for (const status of ['done', 'not_done', 'abandoned'] as const) {
      const error = await app.fail('recommendations.addUpdate', {
        id: made.id,
        date: '2025-05-01',
        status,
        actionsTaken: '  ',
      });
      expect(error.code).toBe('VALIDATION');
      expect(error.details?.issues).toEqual([
        expect.objectContaining({ path: ['actionsTaken'], key: 'errors.field.actionsRequired' }),
      ]);
    }
    expect(await app.call('recommendations.get', { id: made.id })).toMatchObject({
      status: 'in_progress',
      progress: 40,
    });
    expect(await updates(made.id)).toHaveLength(2);
    expect(await history(made.id)).toHaveLength(2);
  });

  it('refuses progress outside 0–100', async () => {
    const made = await create();
    for (const progress of [120, -5]) {
      const error = await app.fail('recommendations.addUpdate', {
        id: made.id,
        date: '2025-05-01',
        status: 'in_progress',
        progress,
      });
      expect(error.code).toBe('VALIDATION');
      expect(error.details?.issues).toEqual([
        expect.objectContaining({ path: ['progress'], key: 'errors.field.progressRange' }),
      ]);
    }
    expect(await updates(made.id)).toHaveLength(1);
  });

  it('refuses any update once abandoned, and updates in the trash', async () => {
    const made = await create();
    await addUpdate({
      id: made.id,
      date: '2025-05-01',
      status: 'abandoned',
      actionsTaken: 'Programme arrêté',
    });
    const error = await app.fail('recommendations.addUpdate', {
      id: made.id,
      date: '2025-06-01',
      status: 'in_progress',
    });
    expect(error).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: 'Une recommandation abandonnée ne peut plus être mise à jour.',
    });
    expect(await updates(made.id)).toHaveLength(2);

    const other = await create();
    await app.call('recommendations.trash', { id: other.id });
    expect(
      (
        await app.fail('recommendations.addUpdate', {
          id: other.id,
          date: '2025-06-01',
          status: 'in_progress',
        })
      ).code,
    ).toBe('INVALID_TRANSITION');
    expect(
      (await app.fail('recommendations.addUpdate', { id: UNKNOWN_ID, date: '2025-06-01', status: 'done' }))
        .code,
    ).toBe('NOT_FOUND');
  });
});

describe('transmission up the hierarchy', () => {
  it('makes a linked copy in the parent with its own reference, keeping the trail on both', async () => {
    const commission = await createBody({
      name: 'Commission nationale',
      acronym: 'CNPS',
      kind: 'joint_commission',
    });
    const group = await createBody({
      name: 'Groupe Ciblage et Registre',
      acronym: 'GTCR',
      parentId: commission.id,
    });
    bodyId = group.id;
    const sub = await createBody({
      name: 'Sous-groupe Ciblage',
      acronym: 'SGC',
      kind: 'sub_group',
      parentId: bodyId,
    });
    const subMeeting = await app.call('meetings.create', {
      bodyId: sub.id,
      kind: 'ordinary',
      startDate: '2025-02-10',
    });
    const dgpsn = await app.call('organisations.create', { name: 'DGPSN', kind: 'ministry' });
    const original = await create({
      bodyId: sub.id,
      originMeetingId: subMeeting.id,
      leadOrganisationId: dgpsn.id,
      dueDate: '2025-12-31',
      theme: 'Ciblage',
    });
    await addUpdate({ id: original.id, date: '2025-03-01', status: 'in_progress', progress: 30 });

    const copy = await app.call('recommendations.transmit', { id: original.id, toBodyId: bodyId });
    expect(copy).toMatchObject({
      body: { id: bodyId },
      text: original.text,
      theme: 'Ciblage',
      leadOrganisation: { id: dgpsn.id },
      dueDate: '2025-12-31',
      status: 'in_progress',
      progress: 30,
      transmittedFrom: { id: original.id, label: 'SGC/2025/02/R01', body: { id: sub.id } },
    });
    expect(copy.reference).toMatch(new RegExp(`^GTCR/${THIS_MONTH}/R01$`));
    expect((await app.call('recommendations.get', { id: original.id })).transmittedTo).toEqual([
      { id: copy.id, label: copy.reference, body: { id: bodyId, label: copy.body.label } },
    ]);
    expect((await updates(original.id))[0]).toMatchObject({
      source: 'transmission',
      status: 'in_progress',
      comment: `Transmise à GTCR — Groupe Ciblage et Registre (${copy.reference})`,
    });
    expect((await updates(copy.id)).map((u) => [u.source, u.comment])).toEqual([
      ['transmission', 'Transmise par SGC — Sous-groupe Ciblage (SGC/2025/02/R01)'],
    ]);

    // The copy's body is the parent: it shows in its register.
    const register = await app.call('recommendations.list', { bodyIds: [bodyId] });
    expect(register.rows.map((r) => r.id)).toContain(copy.id);

    // Twice to the same body: refused; further up (the commission, an ancestor): accepted.
    expect((await app.fail('recommendations.transmit', { id: original.id, toBodyId: bodyId })).code).toBe(
      'CONFLICT',
    );
    const up = await app.call('recommendations.transmit', { id: copy.id, toBodyId: commission.id });
    expect(up.transmittedFrom?.id).toBe(copy.id);
    expect(
      await app.call('recommendations.transmit', { id: original.id, toBodyId: commission.id }),
    ).toMatchObject({
      body: { id: commission.id },
    });

    // Not an ancestor: refused on the field, nothing written.
    const before = await count();
    const sideways = await app.fail('recommendations.transmit', { id: copy.id, toBodyId: sub.id });
    expect(sideways.code).toBe('VALIDATION');
    expect(sideways.details?.issues?.[0]?.path).toEqual(['toBodyId']);
    const unrelated = await createBody({ name: 'Cluster Nutrition', acronym: 'CN' });
    expect(
      (await app.fail('recommendations.transmit', { id: original.id, toBodyId: unrelated.id })).details
        ?.issues?.[0]?.path,
    ).toEqual(['toBodyId']);
    expect(await count()).toBe(before);
  });
});

describe('trash', () => {
  it('hides a trashed recommendation from the register, lists it in the trash and restores it', async () => {
    const made = await create();
    const trashed = await app.call('recommendations.trash', { id: made.id });
    expect(trashed.deletedAt).not.toBeNull();
    expect((await app.call('recommendations.list', {})).total).toBe(0);
    expect((await app.call('recommendations.list', { trashed: true })).rows.map((r) => r.id)).toEqual([
      made.id,
    ]);
    expect((await app.fail('recommendations.trash', { id: made.id })).code).toBe('INVALID_TRANSITION');

    const trash = await app.call('trash.list', {});
    expect(trash).toContainEqual({
      kind: 'recommendation',
      item: {
        id: made.id,
        label: 'GTGPS/2025/03/R01 — Élaborer le projet de décret sur le registre social unifié',
      },
      deletedAt: trashed.deletedAt,
    });

    // Its reference stays taken while in the trash.
    expect(
      (await app.fail('recommendations.create', { bodyId, reference: made.reference, text: 'x' })).code,
    ).toBe('VALIDATION');

    const restored = await app.call('recommendations.restore', { id: made.id });
    expect(restored.deletedAt).toBeNull();
    expect((await app.call('recommendations.list', { text: 'decret' })).total).toBe(1);
    expect((await app.call('trash.list', {})).some((t) => t.kind === 'recommendation')).toBe(false);
    expect((await history(made.id)).map((h) => h.action)).toEqual(['restore', 'trash', 'create']);
  });
});
