import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf, OutputOf } from '../../shared/rpc';
import { startTestApp, type TestApp } from './harness';

let app: TestApp;
beforeEach(async () => {
  app = await startTestApp();
});
afterEach(async () => {
  await app.close();
});

const UNKNOWN_ID = '01900000-0000-7000-8000-000000000000';

const person = (input: InputOf<'people.create'>) => app.call('people.create', input);
const organisation = (name: string, acronym: string | null = null) =>
  app.call('organisations.create', { name, acronym, kind: 'ministry' });
const history = (id: string) => app.call('history.forEntity', { entityType: 'person', entityId: id });
const count = async () =>
  Number(
    (
      await app.backend.context.db
        .selectFrom('people')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** The fields of a person as the edit form would send them back. */
function editable(p: OutputOf<'people.create'>): InputOf<'people.update'> {
  const { isDemo: _d, createdAt: _c, updatedAt: _u, deletedAt: _x, ...fields } = p;
  return fields;
}

describe('creating and reading a person', () => {
  it('stores the person with their organisation and records the creation', async () => {
    await app.call('settings.update', { userName: 'Awa Traoré' });
    const masm = await organisation('Ministère de l’Action sociale', 'MASM');
    const created = await person({
      firstName: ' Fatoumata ',
      lastName: '  Coulibaly ',
      title: 'Mme',
      function: 'Point focal genre',
      organisationId: masm.id,
      email: 'f.coulibaly@masm.gov.ml',
      phone: '+223 76 00 00 00',
      sex: 'female',
    });
    expect(created).toMatchObject({
      firstName: 'Fatoumata',
      lastName: 'Coulibaly',
      title: 'Mme',
      organisationId: masm.id,
      sex: 'female',
      notes: null,
      deletedAt: null,
    });
    const detail = await app.call('people.get', { id: created.id });
    expect(detail.organisation).toEqual({ id: masm.id, label: 'Ministère de l’Action sociale (MASM)' });
    expect(detail.seats).toEqual([]);
    expect(await history(created.id)).toEqual([
      expect.objectContaining({ action: 'create', actor: 'Awa Traoré', summary: 'Fatoumata Coulibaly' }),
    ]);
  });

  it('accepts a person known only by their last name', async () => {
    const created = await person({ lastName: 'Sangaré' });
    expect(created).toMatchObject({ firstName: '', lastName: 'Sangaré', organisationId: null, email: null });
  });

  it('shows every seat held over time, newest first, leaving out removed holders', async () => {
    const pam = await organisation('Programme alimentaire mondial', 'PAM');
    const rokia = await person({ firstName: 'Rokia', lastName: 'Keïta', organisationId: pam.id });
    const body = await app.call('bodies.create', {
      name: 'Cluster Sécurité alimentaire',
      acronym: 'CSA',
      kind: 'cluster',
      level: 'national',
      countryCode: 'ML',
      periodicity: { kind: 'every_n_months', months: 1 },
      quorumRule: { kind: 'none' },
    });
    const vice = await app.call('seats.create', {
      bodyId: body.id,
      organisationId: pam.id,
      function: 'Co-facilitateur',
      role: 'vice_president',
      rank: 1,
    });
    const member = await app.call('seats.create', { bodyId: body.id, function: 'Membre', role: 'member' });
    const old = await app.call('seats.addHolder', {
      seatId: member.id,
      personId: rokia.id,
      from: '2018-01-01',
      to: '2020-12-31',
    });
    const now = await app.call('seats.addHolder', {
      seatId: vice.id,
      personId: rokia.id,
      from: '2021-01-01',
    });
    const mistaken = await app.call('seats.addHolder', {
      seatId: member.id,
      personId: rokia.id,
      from: '2021-06-01',
    });
    await app.call('seats.removeHolder', { id: mistaken.id });

    const detail = await app.call('people.get', { id: rokia.id });
    const label = 'Cluster Sécurité alimentaire (CSA)';
    expect(detail.seats).toEqual([
      {
        holderId: now.id,
        seatId: vice.id,
        body: { id: body.id, label },
        function: 'Co-facilitateur',
        role: 'vice_president',
        rank: 1,
        from: '2021-01-01',
        to: null,
      },
      {
        holderId: old.id,
        seatId: member.id,
        body: { id: body.id, label },
        function: 'Membre',
        role: 'member',
        rank: null,
        from: '2018-01-01',
        to: '2020-12-31',
      },
    ]);

    // A seat removed from the composition leaves the person's record too.
    await app.call('seats.remove', { id: member.id });
    expect((await app.call('people.get', { id: rokia.id })).seats.map((s) => s.seatId)).toEqual([vice.id]);
  });
});

describe('editing, trash and restore', () => {
  it('records an update with the organisation by name, and nothing when unchanged', async () => {
    const a = await organisation('Direction nationale de la santé', 'DNS');
    const b = await organisation('Direction régionale de la santé de Gao', 'DRS Gao');
    const p = await person({ firstName: 'Moussa', lastName: 'Diarra', organisationId: a.id });
    const updated = await app.call('people.update', {
      ...editable(p),
      organisationId: b.id,
      function: 'Directeur',
    });
    expect(updated).toMatchObject({ organisationId: b.id, function: 'Directeur' });
    const [last] = await history(p.id);
    expect(last?.changes).toEqual({
      organisationId: [
        'Direction nationale de la santé (DNS)',
        'Direction régionale de la santé de Gao (DRS Gao)',
      ],
      function: [null, 'Directeur'],
    });
    await app.call('people.update', editable(updated));
    expect(await history(p.id)).toHaveLength(2);
  });

  it('moves a person to the trash and back', async () => {
    const p = await person({ firstName: 'Awa', lastName: 'Sow' });
    await app.call('people.trash', { id: p.id });
    expect(await app.call('people.list', {})).toEqual([]);
    expect((await app.call('people.list', { trashed: true })).map((x) => x.id)).toEqual([p.id]);
    expect((await app.fail('people.update', { ...editable(p), lastName: 'Diop' })).code).toBe(
      'INVALID_TRANSITION',
    );
    await app.call('people.restore', { id: p.id });
    expect((await app.call('people.list', {})).map((x) => x.id)).toEqual([p.id]);
    expect((await history(p.id)).map((h) => h.action)).toEqual(['restore', 'trash', 'create']);
  });
});

describe('refusals', () => {
  it('refuses an unknown or trashed organisation on the organisationId field, writing nothing', async () => {
    const gone = await organisation('Ancienne direction');
    await app.call('organisations.trash', { id: gone.id });
    const unknown = await app.fail('people.create', { lastName: 'Diarra', organisationId: UNKNOWN_ID });
    expect(unknown.code).toBe('VALIDATION');
    expect(unknown.details?.issues?.[0]).toMatchObject({
      path: ['organisationId'],
      key: 'errors.field.unknownOrganisation',
      message: 'Organisation inconnue.',
    });
    const trashed = await app.fail('people.create', { lastName: 'Diarra', organisationId: gone.id });
    expect(trashed.details?.issues?.[0]?.path).toEqual(['organisationId']);
    expect(await count()).toBe(0);
  });

  it('keeps a person in an organisation trashed since, when another field is edited', async () => {
    const org = await organisation('Ancienne direction');
    const p = await person({ lastName: 'Diarra', organisationId: org.id });
    await app.call('organisations.trash', { id: org.id });
    const updated = await app.call('people.update', { ...editable(p), phone: '+223 66 00 00 00' });
    expect(updated.organisationId).toBe(org.id);
  });

  it('refuses a bad email and a missing last name with French messages on their fields', async () => {
    const error = await app.fail('people.create', { lastName: '', email: 'awa@' });
    expect(error.code).toBe('VALIDATION');
    const issues = error.details?.issues ?? [];
    expect(issues.find((i) => i.path[0] === 'email')?.message).toBe('Adresse électronique invalide.');
    expect(issues.find((i) => i.path[0] === 'lastName')?.message).toBe('Ce champ est obligatoire.');
    expect(await count()).toBe(0);
  });

  it('reports an unknown person as NOT_FOUND', async () => {
    expect((await app.fail('people.get', { id: UNKNOWN_ID })).code).toBe('NOT_FOUND');
  });
});

describe('the list', () => {
  it('sorts by last name then first name, shows the organisation, and filters', async () => {
    const pam = await organisation('Programme alimentaire mondial', 'PAM');
    const masm = await organisation('Ministère de l’Action sociale');
    await person({
      firstName: 'Oumar',
      lastName: 'Traoré',
      function: 'Chargé de programme',
      organisationId: pam.id,
    });
    await person({
      firstName: 'Aminata',
      lastName: 'Traoré',
      email: 'aminata@masm.gov.ml',
      organisationId: masm.id,
    });
    await person({ firstName: 'Seydou', lastName: 'Dembélé' });
    await person({ firstName: 'Ibrahim', lastName: 'Élie' });

    const all = await app.call('people.list', {});
    expect(all.map((p) => `${p.lastName} ${p.firstName}`)).toEqual([
      'Dembélé Seydou',
      'Élie Ibrahim',
      'Traoré Aminata',
      'Traoré Oumar',
    ]);
    expect(all[2]?.organisation).toEqual({ id: masm.id, label: 'Ministère de l’Action sociale' });
    expect(all[3]?.organisation).toEqual({ id: pam.id, label: 'PAM' });

    const names = async (input: InputOf<'people.list'>) =>
      (await app.call('people.list', input)).map((p) => p.firstName);
    expect(await names({ text: 'traore' })).toEqual(['Aminata', 'Oumar']);
    expect(await names({ text: 'dembele seydou' })).toEqual(['Seydou']);
    expect(await names({ text: 'charge' })).toEqual(['Oumar']);
    expect(await names({ text: 'masm.gov' })).toEqual(['Aminata']);
    expect(await names({ organisationId: pam.id })).toEqual(['Oumar']);
  });
});
