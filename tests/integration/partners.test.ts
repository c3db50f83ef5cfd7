import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../electron/backend/features/documents/env';
import { conventionEnd } from '../../electron/backend/features/partners/conventions';
import { addDays } from '../../shared/domain/dates';
import { startTestApp, type TestApp } from './harness';

let app: TestApp;
let acf: string;
let plan: string;
let today: string;

const base = { kind: 'convention' as const };

function insertIntervention(values: {
  id: string;
  org: string;
  sector: string | null;
  pcode: string;
  reported: string | null;
  batch?: string;
  start?: string;
}): void {
  const { sqlite } = app.backend.context;
  const t = sqlite
    .prepare('SELECT id, level, parent_id FROM territories WHERE pcode = ?')
    .get(values.pcode) as {
    id: string;
    level: number;
    parent_id: string;
  };
  sqlite
    .prepare(
      `INSERT INTO interventions (id, organisation_id, sector, activity, territory_id, adm1_id, adm2_id, start_date,
        reported_on, batch_id, natural_key, created_at, updated_at)
       VALUES (?, ?, ?, 'Activité', ?, ?, ?, ?, ?, ?, ?, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')`,
    )
    .run(
      values.id,
      values.org,
      values.sector,
      t.id,
      t.level === 1 ? t.id : t.parent_id,
      t.level === 2 ? t.id : null,
      values.start ?? null,
      values.reported,
      values.batch ?? null,
      values.id,
    );
}

beforeAll(async () => {
  app = await startTestApp();
  const settings = await app.call('settings.update', { countryCode: 'ML' });
  today = todayIn(settings.timeZone);
  acf = (
    await app.call('organisations.create', {
      name: 'Action contre la Faim',
      acronym: 'ACF',
      kind: 'international_ngo',
    })
  ).id;
  plan = (await app.call('organisations.create', { name: 'Plan International', kind: 'international_ngo' }))
    .id;
});

afterAll(async () => {
  await app.close();
});

describe('conventions', () => {
  it('computes the end from signature and duration', () => {
    expect(conventionEnd('2024-03-15', 36)).toBe('2027-03-14');
    expect(conventionEnd('2024-01-31', 1)).toBe('2024-02-28');
  });

  it('creates, updates, trashes and restores with history', async () => {
    const created = await app.call('conventions.create', {
      ...base,
      organisationId: acf,
      reference: 'N° 12/2024',
      signedOn: '2024-03-15',
      durationMonths: 36,
      elements: ['domains', 'obligations'],
    });
    expect(created).toMatchObject({
      endDate: '2027-03-14',
      status: 'in_force',
      organisation: { label: 'Action contre la Faim (ACF)' },
    });
    const updated = await app.call('conventions.update', {
      ...base,
      id: created.id,
      organisationId: acf,
      reference: 'N° 12/2024',
      signedOn: '2024-03-15',
      durationMonths: 36,
      endDate: '2026-12-31',
      elements: ['domains', 'obligations', 'monitoring'],
    });
    expect(updated.endDate).toBe('2026-12-31');
    await app.call('conventions.trash', { id: created.id });
    expect(await app.call('conventions.list', { organisationId: acf })).toEqual([]);
    expect((await app.call('conventions.list', { trashed: true })).map((c) => c.id)).toEqual([created.id]);
    await app.call('conventions.restore', { id: created.id });
    const history = await app.call('history.forEntity', { entityType: 'convention', entityId: created.id });
    expect(history.map((h) => h.action)).toEqual(['restore', 'trash', 'update', 'create']);
    expect(history[2]?.changes.endDate).toEqual(['2027-03-14', '2026-12-31']);
    await app.call('conventions.trash', { id: created.id });
  });

  it('refuses an end before the signature, a revocation without reason and an unknown organisation', async () => {
    const before = (await app.call('conventions.list', {})).length;
    const early = await app.fail('conventions.create', {
      ...base,
      organisationId: acf,
      signedOn: '2024-03-15',
      endDate: '2024-01-01',
    });
    expect(early.code).toBe('VALIDATION');
    expect(early.details?.issues?.map((i) => i.path.join('.'))).toEqual(['endDate']);
    const revoked = await app.fail('conventions.create', { ...base, organisationId: acf, status: 'revoked' });
    expect(revoked.details?.issues?.map((i) => i.key).sort()).toEqual([
      'errors.field.reasonRequired',
      'errors.field.required',
    ]);
    const unknown = await app.fail('conventions.create', {
      ...base,
      organisationId: '01900000-0000-7000-8000-000000000000',
    });
    expect(unknown.details?.issues?.[0]?.path).toEqual(['organisationId']);
    expect(await app.call('conventions.list', {})).toHaveLength(before);
  });
});

describe('alerts and profile', () => {
  it('lists conventions ending, evaluations due and silent partners', async () => {
    const ending = await app.call('conventions.create', {
      ...base,
      organisationId: plan,
      reference: 'A',
      endDate: addDays(today, 30),
    });
    await app.call('conventions.create', {
      ...base,
      organisationId: plan,
      reference: 'B',
      endDate: addDays(today, 200),
    });
    const evaluation = await app.call('conventions.create', {
      ...base,
      organisationId: acf,
      reference: 'C',
      midtermEvaluationDue: addDays(today, 10),
      finalEvaluationDue: addDays(today, 400),
    });
    await app.call('conventions.create', {
      ...base,
      organisationId: acf,
      reference: 'D',
      endDate: addDays(today, 5),
      status: 'revoked',
      revokedOn: today,
      revocationReason: 'Aucun rapport depuis deux trimestres',
    });
    insertIntervention({
      id: '01900000-0000-7000-8000-000000000001',
      org: plan,
      sector: 'wash',
      pcode: 'ML0701',
      reported: addDays(today, -250),
    });
    insertIntervention({
      id: '01900000-0000-7000-8000-000000000002',
      org: acf,
      sector: 'health',
      pcode: 'ML0702',
      reported: today,
    });

    const alerts = await app.call('partners.alerts', {});
    expect(alerts.endingConventions.map((e) => [e.convention.id, e.daysLeft])).toEqual([[ending.id, 30]]);
    expect(alerts.evaluationsDue.map((e) => [e.convention.id, e.which, e.daysLeft])).toEqual([
      [evaluation.id, 'midterm', 10],
    ]);
    expect(alerts.silentPartners).toHaveLength(1);
    expect(alerts.silentPartners[0]?.organisation.id).toBe(plan);
    expect(alerts.silentPartners[0]?.quartersSilent).toBeGreaterThanOrEqual(2);
  });

  it('shows a partner’s interventions, sectors, zones, last report and conventions', async () => {
    insertIntervention({
      id: '01900000-0000-7000-8000-000000000003',
      org: acf,
      sector: 'health',
      pcode: 'ML07',
      reported: addDays(today, -3),
    });
    const profile = await app.call('partners.profile', { organisationId: acf });
    expect(profile.interventions).toBe(2);
    expect(profile.sectors).toEqual([{ sector: 'health', interventions: 2 }]);
    expect(profile.zones.map((z) => [z.territory.label, z.interventions]).sort()).toEqual([
      ['Bourem', 1],
      ['Gao', 1],
    ]);
    expect(profile.lastReportedOn).toBe(today);
    expect(profile.conventions.map((c) => c.reference).sort()).toEqual(['C', 'D']);
  });
});

describe('interventions.list', () => {
  it('filters by organisation, place (with what it contains), batch and pages', async () => {
    const { sqlite } = app.backend.context;
    sqlite
      .prepare(
        `INSERT INTO import_batches (id, kind, file_name, sha256, source, actor, created_at, updated_at)
         VALUES ('01900000-0000-7000-8000-0000000000b1', '3w', 'f.xlsx', 'x', 'disk', 'T', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')`,
      )
      .run();
    insertIntervention({
      id: '01900000-0000-7000-8000-000000000004',
      org: plan,
      sector: 'education',
      pcode: 'ML0101',
      reported: null,
      batch: '01900000-0000-7000-8000-0000000000b1',
      start: '2024-05-01',
    });
    const gao = sqlite.prepare("SELECT id FROM territories WHERE pcode = 'ML07'").get() as { id: string };
    const inGao = await app.call('interventions.list', { territoryId: gao.id });
    expect(inGao.rows.map((r) => r.id).sort()).toEqual([
      '01900000-0000-7000-8000-000000000001',
      '01900000-0000-7000-8000-000000000002',
      '01900000-0000-7000-8000-000000000003',
    ]);
    expect((await app.call('interventions.list', { organisationId: plan })).total).toBe(2);
    const batch = await app.call('interventions.list', { batchId: '01900000-0000-7000-8000-0000000000b1' });
    expect(batch.rows.map((r) => [r.id, r.source.batchId, r.sector])).toEqual([
      ['01900000-0000-7000-8000-000000000004', '01900000-0000-7000-8000-0000000000b1', 'education'],
    ]);
    const page = await app.call('interventions.list', { limit: 2, offset: 2 });
    expect(page.total).toBe(4);
    expect(page.rows).toHaveLength(2);
    expect((await app.call('interventions.list', { sectors: ['health'] })).total).toBe(2);
  });
});

describe('synonyms', () => {
  it('lists built-ins merged with the user’s, saves, overrides and removes', async () => {
    const builtIn = await app.call('synonyms.list', { kind: 'sector' });
    expect(builtIn.find((s) => s.term === 'eha')).toEqual({ term: 'eha', value: 'wash', builtIn: true });
    await app.call('synonyms.save', { kind: 'sector', term: 'Eau-Hygiène Rurale', value: 'wash' });
    await app.call('synonyms.save', { kind: 'sector', term: 'EHA', value: 'health' });
    const after = await app.call('synonyms.list', { kind: 'sector' });
    expect(after.find((s) => s.term === 'eau hygiene rurale')).toEqual({
      term: 'eau hygiene rurale',
      value: 'wash',
      builtIn: false,
    });
    expect(after.find((s) => s.term === 'eha')).toEqual({ term: 'eha', value: 'health', builtIn: false });
    const bad = await app.fail('synonyms.save', { kind: 'sector', term: 'x', value: 'ngo' });
    expect(bad.details?.issues?.[0]?.path).toEqual(['value']);
    await app.call('synonyms.remove', { kind: 'sector', term: 'EHA' });
    expect((await app.call('synonyms.list', { kind: 'sector' })).find((s) => s.term === 'eha')?.builtIn).toBe(
      true,
    );
    expect((await app.fail('synonyms.remove', { kind: 'sector', term: 'eha' })).code).toBe(
      'INVALID_TRANSITION',
    );
  });
});
