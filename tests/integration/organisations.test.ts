import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/domain/ids';
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

const create = (input: Partial<InputOf<'organisations.create'>> & { name: string }) =>
  app.call('organisations.create', { kind: 'ministry', ...input });

/** The fields of an organisation as the edit form would send them back. */
function editable(o: OutputOf<'organisations.create'>): InputOf<'organisations.update'> {
  const { isDemo: _d, createdAt: _c, updatedAt: _u, deletedAt: _x, ...fields } = o;
  return fields as InputOf<'organisations.update'>;
}

const body = (name: string, acronym: string | null) =>
  app.call('bodies.create', {
    name,
    acronym,
    kind: 'thematic_group',
    level: 'national',
    countryCode: 'ML',
    periodicity: { kind: 'as_needed' },
    quorumRule: { kind: 'none' },
  });

const history = (id: string) => app.call('history.forEntity', { entityType: 'organisation', entityId: id });
const count = async () =>
  Number(
    (
      await app.backend.context.db
        .selectFrom('organisations')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('creating, reading and editing an organisation', () => {
  it('stores every field, normalised, and records who created it', async () => {
    await app.call('settings.update', { userName: 'Awa Traoré' });
    const gao = await app.call('territories.create', { countryCode: 'ML', parentId: null, name: 'Gao' });
    const ansongo = await app.call('territories.create', {
      countryCode: 'ML',
      parentId: gao.id,
      name: 'Ansongo',
    });
    const created = await create({
      name: '  Programme   alimentaire mondial ',
      acronym: ' PAM ',
      aliases: ['WFP', ' WFP ', 'World Food Programme'],
      kind: 'un_agency',
      countryCode: 'ML',
      domains: ['Sécurité alimentaire', 'Nutrition'],
      targetGroups: ['Ménages vulnérables'],
      zoneIds: [ansongo.id],
      email: ' bamako@wfp.org ',
      phone: '+223 20 22 00 00',
      website: 'https://www.wfp.org',
      address: 'Badalabougou, Bamako',
      notes: '',
    });
    expect(created).toMatchObject({
      name: 'Programme alimentaire mondial',
      acronym: 'PAM',
      aliases: ['WFP', 'World Food Programme'],
      kind: 'un_agency',
      parentId: null,
      countryCode: 'ML',
      zoneIds: [ansongo.id],
      email: 'bamako@wfp.org',
      notes: null,
      isDemo: false,
      deletedAt: null,
    });

    const detail = await app.call('organisations.get', { id: created.id });
    expect(detail.zones).toEqual([{ id: ansongo.id, label: 'Gao › Ansongo' }]);
    expect(detail.parent).toBeNull();
    expect(detail.children).toEqual([]);
    expect(detail.people).toEqual([]);
    expect(detail.seats).toEqual([]);

    const entries = await history(created.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'create', actor: 'Awa Traoré' });
  });

  it('shows the parent, the sub-entities and the people of an organisation', async () => {
    const masm = await create({ name: 'Ministère de l’Action sociale', acronym: 'MASM' });
    const dpaf = await create({
      name: 'Direction des finances et du matériel',
      acronym: 'DFM',
      parentId: masm.id,
    });
    const cab = await create({ name: 'Cabinet', parentId: masm.id });
    const person = await app.call('people.create', {
      firstName: 'Moussa',
      lastName: 'Diarra',
      function: 'Directeur',
      organisationId: dpaf.id,
    });

    const parent = await app.call('organisations.get', { id: masm.id });
    expect(parent.children).toEqual([
      { id: cab.id, label: 'Cabinet' },
      { id: dpaf.id, label: 'Direction des finances et du matériel (DFM)' },
    ]);
    const child = await app.call('organisations.get', { id: dpaf.id });
    expect(child.parent).toEqual({ id: masm.id, label: 'Ministère de l’Action sociale (MASM)' });
    expect(child.people).toEqual([{ id: person.id, label: 'Moussa Diarra', function: 'Directeur' }]);
  });

  it('records an update as a field-by-field difference, with the parent by name', async () => {
    const masm = await create({ name: 'Ministère de l’Action sociale', acronym: 'MASM' });
    const org = await create({ name: 'Direction nationale', acronym: 'DN' });
    const updated = await app.call('organisations.update', {
      ...editable(org),
      acronym: 'DNDS',
      parentId: masm.id,
      domains: ['Protection sociale'],
    });
    expect(updated).toMatchObject({ acronym: 'DNDS', parentId: masm.id, domains: ['Protection sociale'] });
    const [last] = await history(org.id);
    expect(last?.action).toBe('update');
    expect(last?.changes).toEqual({
      acronym: ['DN', 'DNDS'],
      parentId: [null, 'Ministère de l’Action sociale (MASM)'],
      domains: [[], ['Protection sociale']],
    });

    // Saving the form unchanged writes nothing.
    await app.call('organisations.update', editable(updated));
    expect(await history(org.id)).toHaveLength(2);
  });

  it('accepts the same acronym twice (two PAM are possible, in different countries)', async () => {
    await create({ name: 'Programme alimentaire mondial', acronym: 'PAM' });
    await create({ name: 'Plan d’action ministériel', acronym: 'PAM' });
    expect(await count()).toBe(2);
  });
});

describe('refusals', () => {
  it('refuses a parent that would make a loop, on the parentId field', async () => {
    const a = await create({ name: 'A' });
    const b = await create({ name: 'B', parentId: a.id });
    const c = await create({ name: 'C', parentId: b.id });

    const loop = await app.fail('organisations.update', { ...editable(a), parentId: c.id });
    expect(loop.code).toBe('VALIDATION');
    expect(loop.details?.issues).toEqual([
      expect.objectContaining({ path: ['parentId'], key: 'errors.field.ownParentOrganisation' }),
    ]);
    expect(loop.message).toMatch(/elle-même/);

    const self = await app.fail('organisations.update', { ...editable(a), parentId: a.id });
    expect(self.details?.issues?.[0]?.path).toEqual(['parentId']);
    expect((await app.call('organisations.get', { id: a.id })).parentId).toBeNull();
  });

  it('refuses an unknown or trashed parent and unknown zones, writing nothing', async () => {
    const trashed = await create({ name: 'Ancienne direction' });
    await app.call('organisations.trash', { id: trashed.id });
    const before = await count();

    const unknown = await app.fail('organisations.create', {
      name: 'X',
      kind: 'other',
      parentId: UNKNOWN_ID,
    });
    expect(unknown.details?.issues?.[0]).toMatchObject({
      path: ['parentId'],
      key: 'errors.field.unknownOrganisation',
    });
    const inTrash = await app.fail('organisations.create', {
      name: 'X',
      kind: 'other',
      parentId: trashed.id,
    });
    expect(inTrash.details?.issues?.[0]?.path).toEqual(['parentId']);
    const zones = await app.fail('organisations.create', { name: 'X', kind: 'other', zoneIds: [uuidv7()] });
    expect(zones.details?.issues?.[0]).toMatchObject({
      path: ['zoneIds'],
      key: 'errors.field.unknownTerritory',
    });
    expect(await count()).toBe(before);
  });

  it('refuses a bad email with a French message on the email field', async () => {
    const error = await app.fail('organisations.create', {
      name: 'ONG Espoir',
      kind: 'national_ngo',
      email: 'pas-un-mail',
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.details?.issues?.[0]).toMatchObject({
      path: ['email'],
      key: 'errors.field.invalidEmail',
      message: 'Adresse électronique invalide.',
    });
    expect(await count()).toBe(0);
  });

  it('requires a name and a kind', async () => {
    const error = await app.fail('organisations.create', { name: '   ' });
    const paths = error.details?.issues?.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['name', 'kind']));
    expect(error.details?.issues?.find((i) => i.path[0] === 'name')?.message).toBe(
      'Ce champ est obligatoire.',
    );
  });

  it('reports an unknown organisation as NOT_FOUND', async () => {
    expect((await app.fail('organisations.get', { id: UNKNOWN_ID })).code).toBe('NOT_FOUND');
  });
});

describe('trash and restore', () => {
  it('moves an organisation to the trash and back, with history', async () => {
    const org = await create({ name: 'ONG Espoir', kind: 'national_ngo' });
    const trashed = await app.call('organisations.trash', { id: org.id });
    expect(trashed.deletedAt).not.toBeNull();
    expect((await app.call('organisations.list', {})).map((o) => o.id)).not.toContain(org.id);
    expect((await app.call('organisations.list', { trashed: true })).map((o) => o.id)).toEqual([org.id]);

    const editWhileTrashed = await app.fail('organisations.update', { ...editable(org), name: 'Autre' });
    expect(editWhileTrashed.code).toBe('INVALID_TRANSITION');
    expect((await app.fail('organisations.trash', { id: org.id })).code).toBe('INVALID_TRANSITION');

    const restored = await app.call('organisations.restore', { id: org.id });
    expect(restored.deletedAt).toBeNull();
    expect((await app.call('organisations.list', {})).map((o) => o.id)).toEqual([org.id]);
    expect((await history(org.id)).map((h) => h.action)).toEqual(['restore', 'trash', 'create']);
  });
});

describe('the list', () => {
  it('filters by text (accents, case, acronym, alias), by kind, and sorts in French order', async () => {
    await create({ name: 'Œuvre malienne d’aide', acronym: 'OMA', kind: 'national_ngo' });
    await create({ name: 'Ministère de la Santé', acronym: 'MSDS', kind: 'ministry' });
    await create({
      name: 'Fonds des Nations unies pour l’enfance',
      acronym: 'UNICEF',
      aliases: ['FISE'],
      kind: 'un_agency',
    });
    await create({ name: 'École de santé', kind: 'research_institute' });

    const names = (list: { name: string }[]) => list.map((o) => o.name);
    expect(names(await app.call('organisations.list', {}))).toEqual([
      'École de santé',
      'Fonds des Nations unies pour l’enfance',
      'Ministère de la Santé',
      'Œuvre malienne d’aide',
    ]);
    expect(names(await app.call('organisations.list', { text: 'SANTE' }))).toEqual([
      'École de santé',
      'Ministère de la Santé',
    ]);
    expect(names(await app.call('organisations.list', { text: 'msds' }))).toEqual(['Ministère de la Santé']);
    expect(names(await app.call('organisations.list', { text: 'fise' }))).toEqual([
      'Fonds des Nations unies pour l’enfance',
    ]);
    expect(names(await app.call('organisations.list', { text: 'oeuvre d aide' }))).toEqual([
      'Œuvre malienne d’aide',
    ]);
    expect(names(await app.call('organisations.list', { kind: 'un_agency' }))).toEqual([
      'Fonds des Nations unies pour l’enfance',
    ]);
  });

  it('counts the people and seats of each organisation, trashed ones aside', async () => {
    const org = await create({ name: 'Ministère de la Santé', acronym: 'MSDS' });
    const p1 = await app.call('people.create', { lastName: 'Diarra', organisationId: org.id });
    await app.call('people.create', { lastName: 'Sangaré', organisationId: org.id });
    await app.call('people.trash', { id: p1.id });
    const group = await body('Groupe thématique Santé', null);
    const closedGroup = await body('Ancien groupe', null);
    await app.call('seats.create', {
      bodyId: group.id,
      organisationId: org.id,
      function: 'Membre',
      role: 'member',
    });
    const removed = await app.call('seats.create', {
      bodyId: group.id,
      organisationId: org.id,
      function: 'Observateur',
      role: 'observer',
    });
    await app.call('seats.remove', { id: removed.id });
    await app.call('seats.create', {
      bodyId: closedGroup.id,
      organisationId: org.id,
      function: 'Membre',
      role: 'member',
    });
    await app.call('bodies.trash', { id: closedGroup.id });

    const [item] = await app.call('organisations.list', {});
    expect(item).toMatchObject({ peopleCount: 1, seatCount: 1 });
  });
});

describe('seats an organisation holds', () => {
  it('lists each seat with its body, role and the person holding it today', async () => {
    const org = await create({ name: 'Programme alimentaire mondial', acronym: 'PAM', kind: 'un_agency' });
    const former = await app.call('people.create', {
      firstName: 'Ibrahim',
      lastName: 'Maïga',
      organisationId: org.id,
    });
    const current = await app.call('people.create', {
      firstName: 'Rokia',
      lastName: 'Keïta',
      organisationId: org.id,
    });
    const cluster = await body('Cluster Sécurité alimentaire', 'CSA');
    // Created member first: the detail lists seats in protocol order, not creation order.
    const member = await app.call('seats.create', {
      bodyId: cluster.id,
      organisationId: org.id,
      function: 'Membre',
      role: 'member',
    });
    const lead = await app.call('seats.create', {
      bodyId: cluster.id,
      organisationId: org.id,
      function: 'Chef de file',
      role: 'president',
    });
    await app.call('seats.addHolder', {
      seatId: lead.id,
      personId: former.id,
      from: '2020-01-01',
      to: '2022-12-31',
    });
    await app.call('seats.addHolder', { seatId: lead.id, personId: current.id, from: '2023-01-01' });
    await app.call('seats.addHolder', {
      seatId: member.id,
      personId: former.id,
      from: '2019-01-01',
      to: '2019-12-31',
    });

    const detail = await app.call('organisations.get', { id: org.id });
    const label = 'Cluster Sécurité alimentaire (CSA)';
    expect(detail.seats).toEqual([
      {
        seatId: lead.id,
        body: { id: cluster.id, label },
        function: 'Chef de file',
        role: 'president',
        rank: null,
        currentHolder: { id: current.id, label: 'Rokia Keïta' },
      },
      {
        seatId: member.id,
        body: { id: cluster.id, label },
        function: 'Membre',
        role: 'member',
        rank: null,
        currentHolder: null,
      },
    ]);
  });
});
