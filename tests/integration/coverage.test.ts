import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { SpreadsheetRequest } from '../../shared/rpc/documents';
import { startTestApp, type TestApp } from './harness';

// A small hand-built set over Mali's territories: two NGOs working on WASH for children in the
// cercle of Ansongo at overlapping dates, the same two on health in Bourem one after the other,
// a third on education at the level of the Tombouctou region, one intervention with no sector.

let app: TestApp;
const org: Record<'A' | 'B' | 'C', string> = { A: '', B: '', C: '' };
const place: Record<string, string> = {};

interface Row {
  org: string;
  sector: string | null;
  pcode: string;
  status: string | null;
  start: string | null;
  end: string | null;
  target: string | null;
  donor?: string;
  reported?: string;
  batch?: string;
}

function insert(rows: Row[]): void {
  const { sqlite } = app.backend.context;
  const territory = sqlite.prepare('SELECT id, level, parent_id FROM territories WHERE pcode = ?');
  const statement = sqlite.prepare(
    `INSERT INTO interventions (id, organisation_id, sector, activity, target_group, territory_id, adm1_id, adm2_id,
      status, start_date, end_date, donor_organisation_id, reported_on, batch_id, natural_key, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')`,
  );
  rows.forEach((r, i) => {
    const t = territory.get(r.pcode) as { id: string; level: number; parent_id: string | null };
    const adm1 = t.level === 1 ? t.id : t.parent_id;
    const adm2 = t.level === 2 ? t.id : null;
    statement.run(
      `00000000-0000-7000-8000-${String(i + 1).padStart(12, '0')}`,
      r.org,
      r.sector,
      `Activité ${i + 1}`,
      r.target,
      t.id,
      adm1,
      adm2,
      r.status,
      r.start,
      r.end,
      r.donor ?? null,
      r.reported ?? null,
      r.batch ?? null,
      `key-${i}`,
    );
  });
}

beforeAll(async () => {
  app = await startTestApp();
  await app.call('settings.update', { countryCode: 'ML' });
  for (const [key, name] of [
    ['A', 'Action Santé Mali'],
    ['B', 'Eau pour Tous'],
    ['C', 'Fonds Éducation Sahel'],
  ] as const) {
    org[key] = (await app.call('organisations.create', { name, kind: 'national_ngo' })).id;
  }
  const { sqlite } = app.backend.context;
  for (const row of sqlite
    .prepare("SELECT id, pcode FROM territories WHERE country_code = 'ML' AND level <= 2")
    .all() as {
    id: string;
    pcode: string;
  }[])
    place[row.pcode] = row.id;
  sqlite
    .prepare(
      `INSERT INTO import_batches (id, kind, file_name, sha256, source, actor, created_at, updated_at)
       VALUES ('batch-1', '3w', '3W_Gao.xlsx', 'abc', 'usb', 'Test', '2024-09-15T10:00:00.000Z', '2024-09-15T10:00:00.000Z')`,
    )
    .run();
  insert([
    {
      org: org.A,
      sector: 'wash',
      pcode: 'ML0701',
      status: 'ongoing',
      start: '2024-01-01',
      end: '2024-12-31',
      target: 'Enfants',
      reported: '2024-06-30',
    },
    {
      org: org.B,
      sector: 'wash',
      pcode: 'ML0701',
      status: 'ongoing',
      start: '2024-06-01',
      end: '2025-06-30',
      target: 'enfants ',
      donor: org.C,
    },
    {
      org: org.A,
      sector: 'health',
      pcode: 'ML0702',
      status: 'completed',
      start: '2023-01-01',
      end: '2023-06-30',
      target: null,
      batch: 'batch-1',
    },
    {
      org: org.B,
      sector: 'health',
      pcode: 'ML0702',
      status: 'completed',
      start: '2023-09-01',
      end: '2023-12-31',
      target: null,
      reported: '2023-12-31',
    },
    {
      org: org.C,
      sector: 'education',
      pcode: 'ML06',
      status: 'planned',
      start: null,
      end: null,
      target: 'Élèves',
    },
    { org: org.A, sector: null, pcode: 'ML0703', status: null, start: null, end: null, target: null },
  ]);
});

afterAll(async () => {
  await app.close();
});

const cell = (
  m: { cells: { territoryId: string; sector: string; actors: number; activities: number }[] },
  pcode: string,
  sector: string,
) => {
  const found = m.cells.find((c) => c.territoryId === place[pcode] && c.sector === sector);
  return found ? [found.actors, found.activities] : null;
};

describe('coverage.matrix', () => {
  it('counts actors and activities per region and per cercle, the rest apart', async () => {
    const level1 = await app.call('coverage.matrix', { level: 1 });
    expect(level1.territories).toHaveLength(10);
    expect(level1.territories.find((t) => t.pcode === 'ML07')?.label).toBe('Gao');
    expect(cell(level1, 'ML07', 'wash')).toEqual([2, 2]);
    expect(cell(level1, 'ML07', 'health')).toEqual([2, 2]);
    expect(cell(level1, 'ML06', 'education')).toEqual([1, 1]);
    expect(level1.sectors).toEqual(['wash', 'health', 'education']);
    expect(level1.unplaced).toBe(1);

    const level2 = await app.call('coverage.matrix', { level: 2 });
    expect(level2.territories).toHaveLength(53);
    expect(level2.territories.find((t) => t.pcode === 'ML0701')).toMatchObject({
      label: 'Ansongo',
      parent: 'Gao',
    });
    expect(cell(level2, 'ML0701', 'wash')).toEqual([2, 2]);
    expect(cell(level2, 'ML0702', 'health')).toEqual([2, 2]);
    expect(level2.cells).toHaveLength(2);
    // The region-level education and the sector-less intervention have no cercle or no sector.
    expect(level2.unplaced).toBe(2);
  });

  it('filters by period, status, target group and donor', async () => {
    const in2023 = await app.call('coverage.matrix', { level: 1, from: '2023-01-01', to: '2023-12-31' });
    expect(cell(in2023, 'ML07', 'wash')).toBeNull();
    expect(cell(in2023, 'ML07', 'health')).toEqual([2, 2]);
    // No dates: counted as ongoing.
    expect(cell(in2023, 'ML06', 'education')).toEqual([1, 1]);

    const ongoing = await app.call('coverage.matrix', { level: 1, statuses: ['ongoing'] });
    expect(ongoing.cells.map((c) => c.sector)).toEqual(['wash']);

    const children = await app.call('coverage.matrix', { level: 2, targetGroup: 'ENFANT' });
    expect(children.cells).toHaveLength(1);
    expect(cell(children, 'ML0701', 'wash')).toEqual([2, 2]);

    const funded = await app.call('coverage.matrix', { level: 1, donorId: org.C });
    expect(funded.cells).toHaveLength(1);
    expect(cell(funded, 'ML07', 'wash')).toEqual([1, 1]);

    const nothing = await app.call('coverage.matrix', { level: 1, targetGroup: 'réfugiés' });
    expect(nothing.cells).toEqual([]);
  });
});

describe('coverage.overlaps', () => {
  it('finds two organisations on the same sector, target group and cercle at the same time', async () => {
    const overlaps = await app.call('coverage.overlaps', { level: 2 });
    expect(overlaps).toHaveLength(1);
    expect(overlaps[0]).toMatchObject({
      territory: { id: place.ML0701, label: 'Ansongo' },
      sector: 'wash',
      targetGroup: 'Enfants',
      interventions: 2,
      from: '2024-06-01',
      to: '2024-12-31',
    });
    expect(overlaps[0]?.organisations.map((o) => o.id).sort()).toEqual([org.A, org.B].sort());
  });

  it('finds none when the periods follow each other (health in Bourem) or the filter leaves one', async () => {
    const level1 = await app.call('coverage.overlaps', { level: 1 });
    expect(level1.map((o) => `${o.territory.label} ${o.sector}`)).toEqual(['Gao wash']);
    expect(await app.call('coverage.overlaps', { level: 2, to: '2024-05-31' })).toEqual([]);
  });
});

describe('an intervention moved to another place or organisation', () => {
  it('is counted where it now is, by whatever code moved it', async () => {
    // Coverage groups on small numbers kept by triggers (migration 0006): a plain UPDATE of
    // the place or the organisation must move the intervention in the views.
    const { sqlite } = app.backend.context;
    const bourem = (await app.call('coverage.matrix', { level: 2, sectors: ['wash'] })).cells.find(
      (c) => c.territoryId === place.ML0702,
    );
    expect(bourem).toBeUndefined();
    sqlite
      .prepare('UPDATE interventions SET territory_id = ?, adm2_id = ?, organisation_id = ? WHERE id = ?')
      .run(place.ML0702, place.ML0702, org.C, '00000000-0000-7000-8000-000000000002');
    try {
      const cells = (await app.call('coverage.matrix', { level: 2, sectors: ['wash'] })).cells;
      expect(cells.find((c) => c.territoryId === place.ML0702)).toMatchObject({ actors: 1, activities: 1 });
      expect(cells.find((c) => c.territoryId === place.ML0701)).toMatchObject({ actors: 1, activities: 1 });
      expect(await app.call('coverage.overlaps', { level: 2 })).toEqual([]);
    } finally {
      sqlite
        .prepare('UPDATE interventions SET territory_id = ?, adm2_id = ?, organisation_id = ? WHERE id = ?')
        .run(place.ML0701, place.ML0701, org.B, '00000000-0000-7000-8000-000000000002');
    }
    expect(await app.call('coverage.overlaps', { level: 2 })).toHaveLength(1);
  });
});

describe('coverage.gaps and freshness', () => {
  it('lists for each place the sectors active elsewhere with no actor there', async () => {
    const gaps = await app.call('coverage.gaps', { level: 2 });
    const of = (pcode: string) => gaps.find((g) => g.territory.id === place[pcode])?.missingSectors;
    expect(of('ML0701')).toEqual(['health']);
    expect(of('ML0702')).toEqual(['wash']);
    expect(of('ML0101')).toEqual(['wash', 'health']);
    expect(gaps.find((g) => g.territory.id === place.ML0701)?.parent).toBe('Gao');

    const level1 = await app.call('coverage.gaps', { level: 1 });
    expect(level1.find((g) => g.territory.id === place.ML07)?.missingSectors).toEqual(['education']);
    expect(level1.find((g) => g.territory.id === place.ML06)?.missingSectors).toEqual(['wash', 'health']);
  });

  it('gives each partner its last report (the batch date when the file gave none)', async () => {
    const freshness = await app.call('coverage.freshness', {});
    const of = (id: string) => freshness.find((f) => f.organisation.id === id);
    expect(of(org.A)).toMatchObject({ interventions: 3, lastReportedOn: '2024-09-15' });
    expect(of(org.B)).toMatchObject({ interventions: 2, lastReportedOn: '2023-12-31' });
    expect(of(org.C)).toMatchObject({ interventions: 1, lastReportedOn: null, quartersSilent: 0 });
    expect(of(org.B)?.quartersSilent).toBeGreaterThanOrEqual(of(org.A)?.quartersSilent ?? 0);
  });
});

describe('coverage.boundaries', () => {
  it('returns Mali’s regions and cercles keyed by the P-codes of the territories', async () => {
    for (const level of [1, 2] as const) {
      const features = await app.call('coverage.boundaries', { countryCode: 'ML', level });
      const { territories } = await app.call('coverage.matrix', { level });
      expect(features.map((f) => f.pcode).sort()).toEqual(territories.map((t) => t.pcode).sort());
      expect(features.every((f) => ['Polygon', 'MultiPolygon'].includes(f.geometry.type))).toBe(true);
    }
  });

  it('returns nothing for a level with no shipped map', async () => {
    expect(await app.call('coverage.boundaries', { countryCode: 'BJ', level: 2 })).toEqual([]);
  });
});

describe('spreadsheet exports', () => {
  async function exported(spreadsheet: SpreadsheetRequest): Promise<unknown[][]> {
    const result = await app.call('exports.save', {
      items: [{ spreadsheet }],
      destination: { kind: 'exports' },
    });
    const file = result.files[0];
    if (!file) throw new Error('no file');
    const wb = XLSX.read(readFileSync(join(result.folder, file.fileName)), { cellFormula: true });
    const sheet = wb.Sheets[wb.SheetNames[0] ?? ''];
    if (!sheet) throw new Error('no sheet');
    for (const [key, value] of Object.entries(sheet)) {
      if (!key.startsWith('!')) expect((value as XLSX.CellObject).f).toBeUndefined();
    }
    return XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true });
  }

  it('exports the matrix, overlaps, gaps, freshness and interventions as shown', async () => {
    const matrix = await exported({ kind: 'coverageMatrix', filter: {}, level: 2 });
    expect(matrix[0]?.slice(0, 5)).toEqual([
      'Code P',
      'Niveau 2',
      'Rattachement',
      'Eau, hygiène et assainissement (EHA) — acteurs',
      expect.any(String),
    ]);
    const ansongo = matrix.find((r) => r[0] === 'ML0701');
    expect(ansongo?.slice(1, 5)).toEqual(['Ansongo', 'Gao', 2, 2]);
    expect(matrix).toHaveLength(1 + 53 + 1);

    const overlaps = await exported({ kind: 'overlaps', filter: {}, level: 2 });
    expect(overlaps).toHaveLength(2);
    expect(overlaps[1]?.slice(0, 3)).toEqual(['Ansongo', expect.any(String), 'Enfants']);

    const gaps = await exported({ kind: 'gaps', filter: {}, level: 1 });
    expect(gaps.find((r) => r[0] === 'Gao')?.[3]).toBe(1);

    const freshness = await exported({ kind: 'freshness' });
    expect(freshness).toHaveLength(4);

    const interventions = await exported({ kind: 'interventions', filter: {}, organisationId: org.A });
    expect(interventions).toHaveLength(4);
    expect(interventions.slice(1).every((r) => r[0] === 'Action Santé Mali')).toBe(true);
  });
});
