import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localToday } from '../../electron/backend/features/meetings/repository';
import {
  loadRegisterRows,
  openRecommendationsForBody,
} from '../../electron/backend/features/recommendations';
import { addDays } from '../../shared/domain/dates';
import { implementationRate } from '../../shared/domain/recommendationStatus';
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
const YESTERDAY = addDays(TODAY, -1);
const TOMORROW = addDays(TODAY, 1);

async function createBody(name: string, acronym: string, overrides: Partial<InputOf<'bodies.create'>> = {}) {
  return app.call('bodies.create', {
    name,
    acronym,
    kind: 'thematic_group',
    level: 'national',
    countryCode: 'ML',
    periodicity: { kind: 'every_n_months', months: 3 },
    quorumRule: { kind: 'majority_of_voting_seats' },
    ...overrides,
  });
}

const list = (input: InputOf<'recommendations.list'> = {}) => app.call('recommendations.list', input);
const refs = async (input: InputOf<'recommendations.list'> = {}) =>
  (await list(input)).rows.map((r) => r.reference);
const update = (id: string, status: InputOf<'recommendations.addUpdate'>['status'], actionsTaken?: string) =>
  app.call('recommendations.addUpdate', { id, date: TODAY, status, actionsTaken });

/**
 * A small register across two bodies: references are typed so that each assertion reads as
 * the list a secretary would see.
 */
async function seed() {
  const gt = await createBody('Groupe Technique Genre et Protection Sociale', 'GTGPS');
  const cluster = await createBody('Cluster Sécurité alimentaire', 'CSA');
  const dgpsn = await app.call('organisations.create', {
    name: 'Direction de la protection sociale',
    acronym: 'DGPSN',
    kind: 'ministry',
  });
  const pam = await app.call('organisations.create', {
    name: 'Programme alimentaire mondial',
    acronym: 'PAM',
    kind: 'un_agency',
  });
  await app.call('territories.loadCountry', { countryCode: 'ML' });
  const [region] = await app.call('territories.list', { countryCode: 'ML', parentId: null });
  if (!region) throw new Error('no region in the reference data');
  const [cercle] = await app.call('territories.list', { countryCode: 'ML', parentId: region.id });
  if (!cercle) throw new Error('no cercle in the reference data');

  const make = (reference: string, input: Partial<InputOf<'recommendations.create'>>) =>
    app.call('recommendations.create', {
      bodyId: gt.id,
      reference,
      text: `Recommandation ${reference}`,
      ...input,
    });
  const a = await make('A-01', {
    text: 'Élaborer le décret sur le registre social unifié',
    theme: 'Protection sociale',
    leadOrganisationId: dgpsn.id,
    dueDate: YESTERDAY,
  });
  const b = await make('A-02', {
    text: 'Diffuser les recommandations de l’atelier de Ségou',
    theme: 'Communication',
    leadOrganisationId: pam.id,
    associatedOrganisationIds: [dgpsn.id],
    targetTerritoryId: cercle.id,
    dueDate: TOMORROW,
  });
  const c = await make('A-03', {
    text: 'Former les agents de collecte',
    theme: 'Protection sociale — ciblage',
    dueDate: '2020-01-31',
    targetTerritoryId: region.id,
  });
  const d = await make('B-01', {
    bodyId: cluster.id,
    text: 'Harmoniser les critères de vulnérabilité',
    leadOrganisationId: pam.id,
    dueDate: null,
  });
  const e = await make('B-02', {
    bodyId: cluster.id,
    text: 'Publier le bulletin trimestriel',
    dueDate: '2021-06-30',
  });
  await update(c.id, 'done', 'Formation tenue en mars');
  await update(e.id, 'abandoned', 'Financement arrêté');
  await update(d.id, 'in_progress');
  return { gt, cluster, dgpsn, pam, region, cercle, a, b, c, d, e };
}

describe('register filters', () => {
  it('filters by body, status, overdue, organisation (lead or associated), territory and theme', async () => {
    const s = await seed();
    expect(await refs()).toEqual(['A-01', 'A-02', 'A-03', 'B-01', 'B-02']);
    expect(await refs({ bodyIds: [s.cluster.id] })).toEqual(['B-01', 'B-02']);
    expect(await refs({ statuses: ['done', 'abandoned'] })).toEqual(['A-03', 'B-02']);
    // Overdue: past due and not closed (done and abandoned are not late).
    expect(await refs({ overdue: true })).toEqual(['A-01']);
    expect(await refs({ overdue: false })).toHaveLength(5);
    // The organisation as lead or associated.
    expect(await refs({ organisationId: s.dgpsn.id })).toEqual(['A-01', 'A-02']);
    expect(await refs({ organisationId: s.pam.id })).toEqual(['A-02', 'B-01']);
    // A region takes in its cercles.
    expect(await refs({ territoryId: s.region.id })).toEqual(['A-02', 'A-03']);
    expect(await refs({ territoryId: s.cercle.id })).toEqual(['A-02']);
    // Theme: folded, contained.
    expect(await refs({ theme: 'protection SOCIALE' })).toEqual(['A-01', 'A-03']);
    expect(await refs({ theme: 'communic' })).toEqual(['A-02']);
    expect(await refs({ dueFrom: '2021-01-01', dueTo: TODAY })).toEqual(['A-01', 'B-02']);
    expect(await refs({ bodyIds: [s.gt.id], statuses: ['not_started'], overdue: true })).toEqual(['A-01']);

    const [row] = (await list({ overdue: true })).rows;
    expect(row).toMatchObject({
      reference: 'A-01',
      body: { id: s.gt.id, label: 'GTGPS — Groupe Technique Genre et Protection Sociale' },
      leadOrganisation: { id: s.dgpsn.id, label: 'Direction de la protection sociale (DGPSN)' },
      status: 'not_started',
      progress: 0,
      overdue: true,
      dueDate: YESTERDAY,
    });
  });

  it('searches the text in French: accents, case and plurals ignored, prefixes found', async () => {
    await seed();
    expect(await refs({ text: 'decret' })).toEqual(['A-01']);
    expect(await refs({ text: 'DÉCRETS' })).toEqual(['A-01']);
    expect(await refs({ text: 'segou' })).toEqual(['A-02']);
    // "recommandations" finds "Recommandation…" and "recommandations"; words combine.
    expect(await refs({ text: 'recommandations' })).toEqual(['A-02']);
    expect(await refs({ text: 'recommandation atelier' })).toEqual(['A-02']);
    expect(await refs({ text: 'agents santé' })).toEqual([]);
    expect(await refs({ text: 'agent former' })).toEqual(['A-03']);
    expect(await refs({ text: 'critères vulnérabilité' })).toEqual(['B-01']);
    // Actions taken and references are searched too; FTS syntax typed by the user is inert.
    expect(await refs({ text: 'financement' })).toEqual(['B-02']);
    expect(await refs({ text: 'A-03' })).toEqual(['A-03']);
    expect(await refs({ text: '"decret* OR' })).toEqual([]);
    expect((await list({ text: '  ' })).total).toBe(5);
    // Sorted and paged like any other list.
    const page = await list({ text: 'le', direction: 'desc', limit: 2, offset: 1 });
    expect(page.total).toBe(5);
    expect(page.rows.map((r) => r.reference)).toEqual(['B-01', 'A-03']);
    expect(await refs({ text: 'le', sort: 'due_date' })).toEqual(['A-03', 'B-02', 'A-01', 'A-02', 'B-01']);
  });

  it('hides the recommendations of a trashed body, and searches the trash itself', async () => {
    const s = await seed();
    await app.call('bodies.trash', { id: s.cluster.id });
    expect(await refs()).toEqual(['A-01', 'A-02', 'A-03']);
    expect(await list({ text: 'critères' })).toEqual({ total: 0, rows: [] });
    expect((await list({ text: 'recommandation' })).total).toBe(1);
    await app.call('bodies.restore', { id: s.cluster.id });
    expect((await list({ text: 'critères' })).total).toBe(1);

    await app.call('recommendations.trash', { id: s.a.id });
    expect(await refs({ text: 'decret' })).toEqual([]);
    expect(await refs({ trashed: true, text: 'décret' })).toEqual(['A-01']);
    expect(await refs({ trashed: true, theme: 'Protection' })).toEqual(['A-01']);
  });

  it('sorts, pages and counts', async () => {
    await seed();
    expect(await refs({ sort: 'reference', direction: 'desc' })).toEqual([
      'B-02',
      'B-01',
      'A-03',
      'A-02',
      'A-01',
    ]);
    // Without due date last, whichever the direction.
    expect(await refs({ sort: 'due_date' })).toEqual(['A-03', 'B-02', 'A-01', 'A-02', 'B-01']);
    expect(await refs({ sort: 'due_date', direction: 'desc' })).toEqual([
      'A-02',
      'A-01',
      'B-02',
      'A-03',
      'B-01',
    ]);
    // Workflow order: non démarrée, en cours, réalisée … abandonnée.
    expect(await refs({ sort: 'status' })).toEqual(['A-01', 'A-02', 'B-01', 'A-03', 'B-02']);
    expect(await refs({ sort: 'body', direction: 'desc' })).toEqual(['A-01', 'A-02', 'A-03', 'B-01', 'B-02']);

    const page = await list({ sort: 'reference', limit: 2, offset: 2 });
    expect(page.total).toBe(5);
    expect(page.rows.map((r) => r.reference)).toEqual(['A-03', 'B-01']);
    expect((await list({ statuses: ['not_started'], limit: 1 })).total).toBe(2);
  });
});

describe('implementation rate and dashboard', () => {
  it('is réalisées / échues, abandoned ones excepted, for the register, a body or an organisation', async () => {
    const s = await seed();
    // Échues: A-01 (yesterday, not started), A-03 (2020, done); B-02 is abandoned; A-02 and B-01 not due.
    const all = await app.call('recommendations.rate', {});
    expect(all).toMatchObject({ done: 1, due: 2, rate: 0.5, overdue: 1, open: 3, total: 5 });
    expect(all.byStatus).toMatchObject({
      not_started: 2,
      in_progress: 1,
      done: 1,
      abandoned: 1,
      postponed: 0,
    });
    // Same figures as the pure rule on the rows.
    const rows = (await list({ limit: 1000 })).rows;
    expect(all).toEqual(implementationRate(rows, TODAY));

    expect(await app.call('recommendations.rate', { bodyIds: [s.cluster.id] })).toMatchObject({
      done: 0,
      due: 0,
      rate: null,
      total: 2,
    });
    expect(await app.call('recommendations.rate', { organisationId: s.dgpsn.id })).toMatchObject({
      done: 0,
      due: 1,
      rate: 0,
    });

    // Marking A-01 réalisée moves the body's rate to 100 %.
    await update(s.a.id, 'done', 'Décret signé');
    expect((await app.call('recommendations.rate', { bodyIds: [s.gt.id] })).rate).toBe(1);
  });

  it('shows counts by status, rate by body, overdue by lead organisation and changes since the last session', async () => {
    const s = await seed();
    const held = await app.call('meetings.create', {
      bodyId: s.gt.id,
      kind: 'ordinary',
      startDate: YESTERDAY,
    });
    await app.call('meetings.transition', { id: held.id, action: 'hold' });
    // A-03 (done) and a new late item without lead.
    const late = await app.call('recommendations.create', {
      bodyId: s.gt.id,
      text: 'Réviser le manuel',
      dueDate: '2024-01-01',
    });
    await app.call('recommendations.addUpdate', { id: s.b.id, date: TODAY, status: 'in_progress' });
    // Recorded today but dated before the session: not a change since it.
    await app.call('recommendations.addUpdate', {
      id: s.a.id,
      date: addDays(TODAY, -30),
      status: 'in_progress',
    });

    const board = await app.call('recommendations.dashboard', {});
    expect(board.byStatus).toMatchObject({ not_started: 1, in_progress: 3, done: 1, abandoned: 1 });
    expect(board.rateByBody.map((r) => [r.body.label.split(' ')[0], r.rate.done, r.rate.due])).toEqual([
      ['CSA', 0, 0],
      ['GTGPS', 1, 3],
    ]);
    expect(board.overdueByOrganisation).toEqual([
      { organisation: { id: s.dgpsn.id, label: 'Direction de la protection sociale (DGPSN)' }, overdue: 1 },
      { organisation: null, overdue: 1 },
    ]);
    const gtChanges = board.changesSinceLastSession.find((c) => c.body.id === s.gt.id);
    // Since yesterday's session: today's updates (C done, B in progress) and the creations of today.
    expect(gtChanges).toMatchObject({ since: YESTERDAY, updates: 6 });
    const csa = board.changesSinceLastSession.find((c) => c.body.id === s.cluster.id);
    expect(csa).toMatchObject({ since: null, updates: 4 });

    // Another day: nothing is late yet a year before.
    const past = await app.call('recommendations.dashboard', { today: '2019-01-01' });
    expect(past.overdueByOrganisation).toEqual([]);
    expect(late.overdue).toBe(true);
  });
});

describe('roadmaps', () => {
  it('keeps a named, ordered list of items with its rate; lists and trashes it', async () => {
    const s = await seed();
    const roadmap = await app.call('roadmaps.create', {
      name: 'Feuille de route de l’atelier de Ségou',
      bodyId: s.gt.id,
      recommendationIds: [s.c.id, s.a.id, s.c.id],
    });
    expect(roadmap.items.map((i) => i.reference)).toEqual(['A-03', 'A-01']);
    expect(roadmap.rate).toMatchObject({ done: 1, due: 2, rate: 0.5 });

    const reordered = await app.call('roadmaps.setItems', {
      id: roadmap.id,
      recommendationIds: [s.b.id, s.a.id],
    });
    expect(reordered.items.map((i) => i.reference)).toEqual(['A-02', 'A-01']);
    expect(reordered.rate).toMatchObject({ done: 0, due: 1, rate: 0 });

    const bad = await app.fail('roadmaps.setItems', {
      id: roadmap.id,
      recommendationIds: [s.a.id, '01900000-0000-7000-8000-000000000000'],
    });
    expect(bad.details?.issues?.map((i) => i.path)).toEqual([['recommendationIds', 1]]);

    // A trashed item leaves the roadmap's view (and rate) until restored.
    await app.call('recommendations.trash', { id: s.a.id });
    expect((await app.call('roadmaps.get', { id: roadmap.id })).items.map((i) => i.reference)).toEqual([
      'A-02',
    ]);

    const [summary] = await app.call('roadmaps.list', { bodyId: s.gt.id });
    expect(summary).toMatchObject({ name: 'Feuille de route de l’atelier de Ségou', body: { id: s.gt.id } });
    expect(summary?.rate.total).toBe(1);
    expect(await app.call('roadmaps.list', { bodyId: s.cluster.id })).toEqual([]);

    expect(await app.call('roadmaps.trash', { id: roadmap.id })).toEqual({ ok: true });
    expect(await app.call('roadmaps.list', {})).toEqual([]);
    const entries = await app.call('history.forEntity', { entityType: 'roadmap', entityId: roadmap.id });
    expect(entries.map((e) => e.action)).toEqual(['trash', 'update', 'create']);
  });
});

describe('for the follow-up item', () => {
  it('lists a body’s open recommendations, those transmitted to it after its own', async () => {
    const s = await seed();
    const sub = await createBody('Sous-groupe Ciblage', 'SGC', { kind: 'sub_group', parentId: s.gt.id });
    const fromSub = await app.call('recommendations.create', {
      bodyId: sub.id,
      text: 'Tester le questionnaire',
    });
    const copy = await app.call('recommendations.transmit', { id: fromSub.id, toBodyId: s.gt.id });

    const { db } = app.backend.context;
    const open = await openRecommendationsForBody(db, s.gt.id, { includeTransmitted: true });
    expect(open.map((r) => [r.reference, r.transmitted])).toEqual([
      ['A-01', false],
      ['A-02', false],
      [copy.reference, true],
    ]);
    expect((await openRecommendationsForBody(db, s.gt.id)).map((r) => r.reference)).toEqual(['A-01', 'A-02']);

    await app.call('recommendations.trash', { id: s.b.id });
    const rows = await loadRegisterRows(db, [s.c.id, s.b.id, s.a.id]);
    expect(rows.map((r) => r.reference)).toEqual(['A-03', 'A-02', 'A-01']);
    expect((await loadRegisterRows(db, [s.b.id], { excludeTrashed: true })).length).toBe(0);
  });
});
