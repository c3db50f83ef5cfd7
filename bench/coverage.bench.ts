import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, it } from 'vitest';
import { type Backend, startBackend } from '../electron/backend/host';
import { addDays } from '../shared/domain/dates';
import { uuidv7 } from '../shared/domain/ids';
import { INTERVENTION_STATUSES, SECTORS } from '../shared/domain/vocabularies';
import type { InputOf, MethodName, OutputOf } from '../shared/rpc';
import { type Measure, measure, report } from './measure';

// issue 6 target: coverage matrix over 1,000,000 interventions ≤ 300 ms (median). Overlaps and
// gaps are measured on the same database (no target given). Interventions are spread over
// Mali's communes (adm1/adm2 denormalised as the import writes them), 400 organisations,
// 16 sectors, 12 target groups and 5 years.
const ROOT = resolve(import.meta.dirname, '..');
const dataDir = mkdtempSync(join(tmpdir(), 'concerto-bench-coverage-'));
let backend: Backend;

const INTERVENTIONS = 1_000_000;
const ORGANISATIONS = 400;
const TARGETS = [
  'Enfants de moins de 5 ans',
  'Femmes enceintes et allaitantes',
  'Ménages vulnérables',
  'Personnes déplacées internes',
  'Personnes handicapées',
  'Personnes âgées',
  'Jeunes',
  'Élèves',
  'Femmes',
  'Agriculteurs',
  'Éleveurs',
  'Réfugiés',
];

async function call<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> {
  const result = await backend.invoke(method, input);
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.value as OutputOf<M>;
}

beforeAll(async () => {
  backend = await startBackend({ dataDir, resourcesDir: join(ROOT, 'resources'), appVersion: 'bench' });
  await call('settings.update', { countryCode: 'ML' });
  const { sqlite } = backend.context;
  const territories = sqlite
    .prepare(
      `SELECT c.id AS commune, c2.id AS cercle, c2.parent_id AS region, (SELECT num FROM entity_numbers WHERE id = c2.id) AS cercleNum,
         (SELECT num FROM entity_numbers WHERE id = r.id) AS regionNum
       FROM territories c JOIN territories c2 ON c2.id = c.parent_id JOIN territories r ON r.id = c2.parent_id
       WHERE c.level = 3 AND c.country_code = 'ML'`,
    )
    .all() as { commune: string; cercle: string; region: string; cercleNum: number; regionNum: number }[];
  if (territories.length === 0) throw new Error('Mali territories not loaded');
  const at = new Date().toISOString();
  const insertOrganisation = sqlite.prepare(
    `INSERT INTO organisations (id, name, acronym, kind, created_at, updated_at) VALUES (?, ?, ?, 'ngo_national', ?, ?)`,
  );
  const insertIntervention = sqlite.prepare(
    `INSERT INTO interventions (id, organisation_id, sector, activity, target_group, territory_id, adm1_id, adm2_id,
       status, start_date, end_date, reported_on, natural_key, created_at, updated_at,
       adm1_num, adm2_num, organisation_num)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const started = performance.now();
  sqlite.transaction(() => {
    const organisations: { id: string; num: number }[] = [];
    const numberOf = sqlite.prepare('SELECT num FROM entity_numbers WHERE id = ?').pluck();
    for (let o = 0; o < ORGANISATIONS; o++) {
      const id = uuidv7();
      insertOrganisation.run(id, `Association ${o}`, `ASS${o}`, at, at);
      organisations.push({ id, num: numberOf.get(id) as number });
    }
    // xorshift32: reproducible and evenly spread (a float LCG loses its low bits).
    let seed = 42;
    const random = (n: number) => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return (seed >>> 0) % n;
    };
    for (let i = 0; i < INTERVENTIONS; i++) {
      const place = territories[random(territories.length)] as (typeof territories)[number];
      const start = addDays('2021-01-01', random(1800));
      const end = random(10) === 0 ? null : addDays(start, 30 + random(700));
      const organisation = organisations[random(ORGANISATIONS)] as (typeof organisations)[number];
      insertIntervention.run(
        uuidv7(),
        organisation.id,
        SECTORS[random(SECTORS.length)],
        `Activité ${i % 997}`,
        random(5) === 0 ? null : TARGETS[random(TARGETS.length)],
        place.commune,
        place.region,
        place.cercle,
        INTERVENTION_STATUSES[random(INTERVENTION_STATUSES.length)],
        start,
        end,
        addDays(start, random(400)),
        `k${i}`,
        at,
        at,
        // Written with the row, as the import does (the trigger would otherwise rewrite it).
        place.regionNum,
        place.cercleNum,
        organisation.num,
      );
    }
  })();
  sqlite.exec('ANALYZE');
  console.log(
    `génération : ${INTERVENTIONS} interventions en ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  const stale = sqlite
    .prepare(
      `SELECT COUNT(*) FROM interventions i WHERE adm2_num IS NOT (SELECT num FROM entity_numbers WHERE id = i.adm2_id)
       OR organisation_num IS NOT (SELECT num FROM entity_numbers WHERE id = i.organisation_id)`,
    )
    .pluck()
    .get();
  if (stale !== 0) throw new Error(`${stale} interventions with wrong numbers`);
}, 600_000);

afterAll(async () => {
  await backend?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

it('coverage: matrix, overlaps, gaps over 1,000,000 interventions', async () => {
  const { sqlite } = backend.context;
  console.log(
    sqlite
      .prepare(
        `EXPLAIN QUERY PLAN SELECT adm, sector, COUNT(*), SUM(n) FROM (SELECT i.adm2_num AS adm, i.sector AS sector,
         i.organisation_num AS org, COUNT(*) AS n FROM interventions AS i INDEXED BY interventions_coverage2
         WHERE i.deleted_at IS NULL GROUP BY i.adm2_num, i.sector, i.organisation_num) GROUP BY adm, sector`,
      )
      .all(),
  );
  const level1 = await call('coverage.matrix', { level: 1 });
  const level2 = await call('coverage.matrix', { level: 2 });
  console.log(
    `niveau 1 : ${level1.cells.length} cases, niveau 2 : ${level2.cells.length} cases, hors zone : ${level1.unplaced}`,
  );
  const measures: Measure[] = [
    {
      name: 'matrice niveau 1 (régions × secteurs)',
      targetMs: 300,
      samples: await measure(7, () => call('coverage.matrix', { level: 1 })),
    },
    {
      name: 'matrice niveau 2 (cercles × secteurs)',
      targetMs: 300,
      samples: await measure(7, () => call('coverage.matrix', { level: 2 })),
    },
    {
      name: 'matrice niveau 2 filtrée (période, statuts, groupe cible)',
      targetMs: 300,
      samples: await measure(7, () =>
        call('coverage.matrix', {
          level: 2,
          from: '2023-01-01',
          to: '2023-12-31',
          statuses: ['ongoing', 'planned'],
          targetGroup: 'femmes',
        }),
      ),
    },
    {
      name: 'chevauchements niveau 2',
      targetMs: 3000,
      samples: await measure(3, () => call('coverage.overlaps', { level: 2 })),
    },
    {
      name: 'lacunes niveau 2',
      targetMs: 300,
      samples: await measure(7, () => call('coverage.gaps', { level: 2 })),
    },
  ];
  report('coverage (1 000 000 interventions)', measures);
});
