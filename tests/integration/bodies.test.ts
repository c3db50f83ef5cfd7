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

function bodyInput(overrides: Partial<InputOf<'bodies.create'>> = {}): InputOf<'bodies.create'> {
  return {
    name: 'Groupe thématique Genre et Protection sociale',
    acronym: 'GTGPS',
    kind: 'thematic_group',
    level: 'national',
    countryCode: 'ML',
    periodicity: { kind: 'every_n_months', months: 3 },
    quorumRule: { kind: 'majority_of_voting_seats' },
    ...overrides,
  };
}

const createBody = (overrides: Partial<InputOf<'bodies.create'>> = {}) =>
  app.call('bodies.create', bodyInput(overrides));

/** The fields of a body as the edit form would send them back. */
async function editable(id: string): Promise<InputOf<'bodies.update'>> {
  const b = await app.call('bodies.get', { id });
  return {
    id,
    name: b.name,
    acronym: b.acronym,
    kind: b.kind,
    level: b.level,
    countryCode: b.countryCode as InputOf<'bodies.update'>['countryCode'],
    territoryId: b.territoryId,
    parentId: b.parentId,
    legalBasis: b.legalBasis,
    mandate: b.mandate,
    secretariatOrganisationId: b.secretariatOrganisationId,
    periodicity: b.periodicity,
    quorumRule: b.quorumRule,
    fundingSource: b.fundingSource,
    establishedOn: b.establishedOn,
    links: b.links
      .filter((l) => l.direction === 'outgoing')
      .map((l) => ({ kind: l.kind, targetId: l.body.id })),
  };
}

async function territory(name: string, parentId: string | null = null, countryCode: 'ML' | 'BJ' = 'ML') {
  return app.call('territories.create', { countryCode, parentId, name });
}

async function organisation(name: string, acronym: string) {
  return app.call('organisations.create', { name, acronym, kind: 'ministry' });
}

const history = (id: string) => app.call('history.forEntity', { entityType: 'body', entityId: id });
const listCount = async () => (await app.call('bodies.list', {})).length;

describe('creating and reading a body', () => {
  it('returns every field, with the territory path, parent, secretariat, links and children', async () => {
    const gao = await territory('Gao');
    const ansongo = await territory('Ansongo', gao.id);
    const masm = await organisation('Ministère de l’Action sociale', 'MASM');
    const parent = await createBody({ name: 'Commission mixte', acronym: 'CM', kind: 'joint_commission' });
    const review = await createBody({ name: 'Revue sectorielle', acronym: 'RS', kind: 'sector_review' });

    const created = await createBody({
      name: '  Comité local   d’orientation  ',
      acronym: 'CLOCSAD',
      kind: 'clocsad',
      level: 'local',
      countryCode: null,
      territoryId: ansongo.id,
      parentId: parent.id,
      legalBasis: {
        kind: 'order',
        number: '1846/MATCL-SG',
        date: '2015-06-12',
        signatory: 'Le Gouverneur',
        title: 'portant création du CLOCSAD',
      },
      mandate: 'Coordonner les actions de développement du cercle.',
      secretariatOrganisationId: masm.id,
      fundingSource: 'Budget national',
      establishedOn: '2015-07-01',
      links: [{ kind: 'feeds', targetId: review.id }],
    });
    expect(created).toMatchObject({
      name: 'Comité local d’orientation',
      acronym: 'CLOCSAD',
      // The territory's country is taken when none was chosen.
      countryCode: 'ML',
      status: 'active',
      isDemo: false,
      deletedAt: null,
      closedOn: null,
    });

    const detail = await app.call('bodies.get', { id: created.id });
    expect(detail).toMatchObject({
      name: 'Comité local d’orientation',
      kind: 'clocsad',
      level: 'local',
      territoryId: ansongo.id,
      territory: { id: ansongo.id, label: 'Ansongo', path: 'Mali › Gao › Ansongo' },
      parentId: parent.id,
      parent: { id: parent.id, label: 'Commission mixte (CM)' },
      legalBasis: { kind: 'order', number: '1846/MATCL-SG', date: '2015-06-12', signatory: 'Le Gouverneur' },
      mandate: 'Coordonner les actions de développement du cercle.',
      secretariatOrganisationId: masm.id,
      secretariatOrganisation: { id: masm.id },
      periodicity: { kind: 'every_n_months', months: 3 },
      quorumRule: { kind: 'majority_of_voting_seats' },
      fundingSource: 'Budget national',
      establishedOn: '2015-07-01',
      children: [],
      seats: [],
    });
    expect(detail.links).toEqual([
      {
        id: expect.any(String),
        kind: 'feeds',
        direction: 'outgoing',
        body: { id: review.id, label: 'Revue sectorielle (RS)' },
      },
    ]);

    const parentDetail = await app.call('bodies.get', { id: parent.id });
    expect(parentDetail.children).toEqual([
      { id: created.id, label: 'Comité local d’orientation (CLOCSAD)' },
    ]);
    const reviewDetail = await app.call('bodies.get', { id: review.id });
    expect(reviewDetail.links).toMatchObject([
      { kind: 'feeds', direction: 'incoming', body: { id: created.id } },
    ]);

    const entries = await history(created.id);
    expect(entries.map((e) => e.action)).toContain('create');
    expect(entries.find((e) => e.action === 'create')?.summary).toBe('Comité local d’orientation');
  });

  it('answers NOT_FOUND for an unknown body', async () => {
    expect((await app.fail('bodies.get', { id: UNKNOWN_ID })).code).toBe('NOT_FOUND');
  });
});

describe('refusals on create and update', () => {
  it('refuses an empty or over-long name and writes nothing', async () => {
    await createBody();
    const before = await listCount();
    for (const name of ['   ', 'x'.repeat(301)]) {
      const error = await app.fail('bodies.create', bodyInput({ name }));
      expect(error.code).toBe('VALIDATION');
      expect(error.details?.issues?.map((i) => i.path)).toEqual([['name']]);
    }
    expect(await listCount()).toBe(before);
  });

  it('refuses a malformed payload with the offending paths', async () => {
    const error = await app.fail('bodies.create', { ...bodyInput(), kind: 'foo', name: 42 });
    expect(error.code).toBe('VALIDATION');
    const paths = error.details?.issues?.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['kind', 'name']));
    expect(await listCount()).toBe(0);
  });

  it('refuses an impossible legal-basis date', async () => {
    const error = await app.fail('bodies.create', bodyInput({ legalBasis: { date: '2015-02-30' } }));
    expect(error.code).toBe('VALIDATION');
    expect(error.details?.issues?.[0]?.path).toEqual(['legalBasis', 'date']);
    expect(await listCount()).toBe(0);
  });

  it('refuses an unknown territory, a territory of another country, an unknown parent or secretariat', async () => {
    const cotonou = await territory('Cotonou', null, 'BJ');
    const cases: [Partial<InputOf<'bodies.create'>>, string, string][] = [
      [{ territoryId: UNKNOWN_ID }, 'territoryId', 'errors.field.unknownTerritory'],
      [
        { countryCode: 'ML', territoryId: cotonou.id },
        'territoryId',
        'errors.field.territoryCountryMismatch',
      ],
      [{ parentId: UNKNOWN_ID }, 'parentId', 'errors.field.unknownBody'],
      [
        { secretariatOrganisationId: UNKNOWN_ID },
        'secretariatOrganisationId',
        'errors.field.unknownOrganisation',
      ],
      [
        { links: [{ kind: 'reports_to', targetId: UNKNOWN_ID }] },
        'links.0.targetId',
        'errors.field.unknownBody',
      ],
    ];
    for (const [overrides, path, key] of cases) {
      const error = await app.fail('bodies.create', bodyInput(overrides));
      expect(error.code).toBe('VALIDATION');
      expect(error.details?.issues?.map((i) => [i.path.join('.'), i.key])).toEqual([[path, key]]);
    }
    expect(await listCount()).toBe(0);
  });

  it('refuses a trashed parent', async () => {
    const parent = await createBody({ name: 'Ancienne commission', acronym: null });
    await app.call('bodies.trash', { id: parent.id });
    const error = await app.fail('bodies.create', bodyInput({ parentId: parent.id }));
    expect(error.details?.issues?.[0]).toMatchObject({ path: ['parentId'], key: 'errors.field.unknownBody' });
  });

  it('refuses a hierarchy cycle and a body that is its own parent, writing nothing', async () => {
    const a = await createBody({ name: 'Groupe A', acronym: 'GA' });
    const b = await createBody({ name: 'Sous-groupe B', acronym: 'SGB', parentId: a.id });
    const c = await createBody({ name: 'Sous-groupe C', acronym: 'SGC', parentId: b.id });
    const historyBefore = (await history(a.id)).length;

    for (const parentId of [b.id, c.id, a.id]) {
      const error = await app.fail('bodies.update', { ...(await editable(a.id)), parentId });
      expect(error.code).toBe('VALIDATION');
      expect(error.details?.issues?.map((i) => [i.path, i.key])).toEqual([
        [['parentId'], 'errors.field.ownAncestor'],
      ]);
      expect(error.details?.issues?.[0]?.message).toBe(
        'Une instance ne peut pas dépendre d’elle-même ni d’une de ses sous-instances.',
      );
    }
    expect((await app.call('bodies.get', { id: a.id })).parentId).toBeNull();
    expect(await history(a.id)).toHaveLength(historyBefore);

    // Moving a sub-body under a sibling branch is fine.
    const d = await createBody({ name: 'Groupe D', acronym: 'GD' });
    const moved = await app.call('bodies.update', { ...(await editable(c.id)), parentId: d.id });
    expect(moved.parentId).toBe(d.id);
  });

  it('refuses a link from a body to itself', async () => {
    const a = await createBody();
    const error = await app.fail('bodies.update', {
      ...(await editable(a.id)),
      links: [{ kind: 'reports_to', targetId: a.id }],
    });
    expect(error.details?.issues?.[0]).toMatchObject({
      path: ['links', 0, 'targetId'],
      key: 'errors.field.linkToSelf',
    });
  });
});

describe('editing a body', () => {
  it('records the changed fields before and after, and the links added and removed', async () => {
    const national = await createBody({ name: 'Revue nationale', acronym: 'RN', kind: 'sector_review' });
    const cm = await createBody({ name: 'Commission mixte', acronym: 'CM', kind: 'joint_commission' });
    const body = await createBody({ links: [{ kind: 'feeds', targetId: national.id }] });

    const updated = await app.call('bodies.update', {
      ...(await editable(body.id)),
      name: 'Groupe thématique Genre',
      legalBasis: { kind: 'decree', number: '2013-51', date: '2013-02-11' },
      links: [{ kind: 'reports_to', targetId: cm.id }],
    });
    expect(updated.name).toBe('Groupe thématique Genre');
    expect(updated.updatedAt >= body.updatedAt).toBe(true);

    const entries = await history(body.id);
    const update = entries.find((e) => e.action === 'update');
    expect(update?.changes.name).toEqual([
      'Groupe thématique Genre et Protection sociale',
      'Groupe thématique Genre',
    ]);
    expect(update?.changes['legalBasis.date']).toEqual([null, '2013-02-11']);
    expect(update?.changes).not.toHaveProperty('acronym');
    expect(entries.find((e) => e.action === 'link_remove')?.summary).toContain('Revue nationale');
    expect(
      entries.find((e) => e.action === 'link_add' && e.summary?.includes('Commission mixte')),
    ).toBeDefined();

    const detail = await app.call('bodies.get', { id: body.id });
    expect(detail.links.map((l) => [l.kind, l.direction, l.body.id])).toEqual([
      ['reports_to', 'outgoing', cm.id],
    ]);
  });

  it('records nothing when nothing changed', async () => {
    const body = await createBody();
    const before = await history(body.id);
    await app.call('bodies.update', await editable(body.id));
    expect(await history(body.id)).toHaveLength(before.length);
  });
});

describe('closing, reopening, trash', () => {
  it('closes with a reason, refuses to close twice, reopens', async () => {
    const body = await createBody();
    const closed = await app.call('bodies.close', {
      id: body.id,
      closedOn: '2024-12-31',
      reason: 'Fusionné avec le groupe Protection sociale',
    });
    expect(closed).toMatchObject({
      status: 'closed',
      closedOn: '2024-12-31',
      closedReason: 'Fusionné avec le groupe Protection sociale',
    });
    const close = (await history(body.id)).find((e) => e.action === 'close');
    expect(close?.summary).toBe('Fusionné avec le groupe Protection sociale');

    const again = await app.fail('bodies.close', { id: body.id, closedOn: '2025-01-01', reason: 'Encore' });
    expect(again.code).toBe('INVALID_TRANSITION');
    expect(again.message).toMatch(/déjà fermée/);
    expect((await app.call('bodies.get', { id: body.id })).closedOn).toBe('2024-12-31');

    expect(await app.call('bodies.list', { status: 'closed' })).toHaveLength(1);
    expect(await app.call('bodies.list', { status: 'active' })).toHaveLength(0);

    const reopened = await app.call('bodies.reopen', { id: body.id });
    expect(reopened).toMatchObject({ status: 'active', closedOn: null, closedReason: null });
    expect((await history(body.id)).some((e) => e.action === 'reopen')).toBe(true);
    expect((await app.fail('bodies.reopen', { id: body.id })).code).toBe('INVALID_TRANSITION');
  });

  it('requires a reason and a date to close', async () => {
    const body = await createBody();
    const error = await app.fail('bodies.close', { id: body.id, closedOn: '', reason: ' ' });
    expect(error.details?.issues?.map((i) => i.path.join('.')).sort()).toEqual(['closedOn', 'reason']);
    expect((await app.call('bodies.get', { id: body.id })).status).toBe('active');
  });

  it('removes a trashed body from the list and search, and brings it back with its seats', async () => {
    const body = await createBody({ name: 'Comité de pilotage Ténenkou', acronym: 'CPT' });
    await app.call('seats.create', { bodyId: body.id, function: 'Président(e)', role: 'president' });
    expect(await app.call('search.query', { text: 'tenenkou' })).toMatchObject([
      { kind: 'body', id: body.id },
    ]);

    const trashed = await app.call('bodies.trash', { id: body.id });
    expect(trashed.deletedAt).not.toBeNull();
    expect(await app.call('bodies.list', {})).toEqual([]);
    expect(await app.call('search.query', { text: 'tenenkou' })).toEqual([]);
    expect((await app.call('bodies.list', { trashed: true })).map((b) => b.id)).toEqual([body.id]);
    expect((await app.fail('bodies.trash', { id: body.id })).code).toBe('INVALID_TRANSITION');
    // A trashed body cannot be edited until it is restored.
    expect((await app.fail('bodies.update', await editable(body.id))).code).toBe('INVALID_TRANSITION');

    const restored = await app.call('bodies.restore', { id: body.id });
    expect(restored.deletedAt).toBeNull();
    expect((await app.call('bodies.list', {})).map((b) => [b.id, b.seatCount])).toEqual([[body.id, 1]]);
    expect(await app.call('search.query', { text: 'tenenkou' })).toMatchObject([
      { kind: 'body', id: body.id },
    ]);
    expect((await app.call('bodies.get', { id: body.id })).seats).toHaveLength(1);
    expect((await app.call('bodies.list', { trashed: true })).length).toBe(0);
    expect((await app.fail('bodies.restore', { id: body.id })).code).toBe('INVALID_TRANSITION');

    const actions = (await history(body.id)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['trash', 'restore']));
  });
});

describe('listing', () => {
  it('filters by territory including the territories below, by kind, level and accent-insensitive text', async () => {
    const gao = await territory('Gao');
    const ansongo = await territory('Ansongo', gao.id);
    const kayes = await territory('Kayes');
    const crocsad = await createBody({
      name: 'CROCSAD de Gao',
      acronym: 'CROCSAD',
      kind: 'crocsad',
      level: 'regional',
      territoryId: gao.id,
    });
    const clocsad = await createBody({
      name: 'CLOCSAD d’Ansongo',
      acronym: 'CLOCSAD',
      kind: 'clocsad',
      level: 'local',
      territoryId: ansongo.id,
      parentId: crocsad.id,
    });
    await createBody({
      name: 'Comité de Ségou',
      acronym: null,
      kind: 'clocsad',
      level: 'local',
      territoryId: kayes.id,
    });
    await createBody({ name: 'Équipe nationale', acronym: 'EN', level: 'national' });

    const inGao = await app.call('bodies.list', { territoryId: gao.id });
    expect(inGao.map((b) => b.name)).toEqual(['CLOCSAD d’Ansongo', 'CROCSAD de Gao']);
    expect(inGao.find((b) => b.id === clocsad.id)).toMatchObject({
      parentId: crocsad.id,
      territory: { id: ansongo.id, label: 'Ansongo' },
      seatCount: 0,
    });
    expect((await app.call('bodies.list', { territoryId: ansongo.id })).map((b) => b.id)).toEqual([
      clocsad.id,
    ]);
    expect((await app.call('bodies.list', { kind: 'clocsad' })).map((b) => b.name)).toEqual([
      'CLOCSAD d’Ansongo',
      'Comité de Ségou',
    ]);
    expect((await app.call('bodies.list', { level: 'regional' })).map((b) => b.id)).toEqual([crocsad.id]);
    expect((await app.call('bodies.list', { text: 'SEGOU' })).map((b) => b.name)).toEqual([
      'Comité de Ségou',
    ]);
    expect((await app.call('bodies.list', { text: 'clocs' })).map((b) => b.id)).toEqual([clocsad.id]);
    // French order: "Équipe" sorts with the E's, not after Z.
    expect((await app.call('bodies.list', {})).map((b) => b.name)).toEqual([
      'CLOCSAD d’Ansongo',
      'Comité de Ségou',
      'CROCSAD de Gao',
      'Équipe nationale',
    ]);
  });
});

describe('acronym clashes', () => {
  it('allows a duplicate acronym in the same territory and reports the other body', async () => {
    const gao = await territory('Gao');
    const kayes = await territory('Kayes');
    const first = await createBody({
      name: 'Comité régional de Gao',
      acronym: 'CROCSAD',
      territoryId: gao.id,
    });
    const second = await createBody({ name: 'Autre comité de Gao', acronym: 'CROCSAD', territoryId: gao.id });
    expect(second.id).not.toBe(first.id);

    const clashes = await app.call('bodies.acronymClashes', {
      acronym: 'crocsad',
      territoryId: gao.id,
      excludeId: second.id,
    });
    expect(clashes).toEqual([{ id: first.id, label: 'Comité régional de Gao (CROCSAD)', territory: 'Gao' }]);
    expect(await app.call('bodies.acronymClashes', { acronym: 'CROCSAD', territoryId: kayes.id })).toEqual(
      [],
    );

    await createBody({ name: 'Groupe national', acronym: 'GTÉ' });
    expect(
      (await app.call('bodies.acronymClashes', { acronym: 'gte', territoryId: null })).map((c) => c.label),
    ).toEqual(['Groupe national (GTÉ)']);
    expect(await app.call('bodies.acronymClashes', { acronym: 'GTE', territoryId: gao.id })).toEqual([]);
  });
});
