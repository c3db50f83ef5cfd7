import { sql } from 'kysely';
import { SECTORS, type Sector } from '../../../../shared/domain/vocabularies';
import type { OutputOf, ParsedInputOf } from '../../../../shared/rpc';
import type { CoverageFilter } from '../../../../shared/rpc/partners';
import type { Db } from '../../db/open';
import { coverageCondition, coverageCountry, type LevelTerritory, levelTerritories } from './filter';

// Territory × sector: how many actors (distinct organisations) and activities (interventions).
// The inner GROUP BY (territory, sector, organisation) follows the order of the covering index
// interventions_coverage1/2, so SQLite streams it without sorting; the outer one counts actors
// without a COUNT(DISTINCT) temporary tree per cell. Territories and organisations are grouped
// by their small integer numbers (migration 0006): over a million rows, comparing and decoding
// UUIDs cost more than the whole budget.

export type CoverageMatrix = OutputOf<'coverage.matrix'>;
export type Level = 1 | 2;

const SECTOR_SET: ReadonlySet<string> = new Set(SECTORS);

export interface MatrixData {
  level: Level;
  territories: LevelTerritory[];
  cells: { territoryId: string; sector: Sector; actors: number; activities: number }[];
  unplaced: number;
}

/** The number of the intervention's territory at a level, and the covering index ordered by it. */
export const admNumber = (level: Level) => sql.ref(level === 1 ? 'i.adm1_num' : 'i.adm2_num');
export const coverageIndex = (level: Level) =>
  sql.raw(level === 1 ? 'interventions_coverage1' : 'interventions_coverage2');

export async function computeMatrix(db: Db, filter: CoverageFilter, level: Level): Promise<MatrixData> {
  const [condition, country] = await Promise.all([
    coverageCondition(db, filter),
    coverageCountry(db, filter),
  ]);
  const territories = await levelTerritories(db, country, level);
  const adm = admNumber(level);
  const { rows } = await sql<{
    adm: number | null;
    sector: string | null;
    actors: number;
    activities: number;
  }>`
    SELECT adm, sector, COUNT(*) AS actors, SUM(n) AS activities FROM (
      SELECT ${adm} AS adm, i.sector AS sector, i.organisation_num AS org, COUNT(*) AS n
      FROM interventions AS i INDEXED BY ${coverageIndex(level)}
      WHERE ${condition}
      GROUP BY ${adm}, i.sector, i.organisation_num
    ) GROUP BY adm, sector`.execute(db);
  const listed = new Map(territories.map((t) => [t.num, t.id]));
  const cells: MatrixData['cells'] = [];
  let unplaced = 0;
  for (const row of rows) {
    const territoryId = row.adm === null ? undefined : listed.get(row.adm);
    if (row.adm === null || row.sector === null || !SECTOR_SET.has(row.sector)) {
      unplaced += row.activities;
    } else if (territoryId !== undefined) {
      cells.push({
        territoryId,
        sector: row.sector as Sector,
        actors: row.actors,
        activities: row.activities,
      });
    }
  }
  return { level, territories, cells, unplaced };
}

/** The sectors that have at least one activity, in the vocabulary's order. */
export function presentSectors(cells: MatrixData['cells']): Sector[] {
  const present = new Set(cells.map((c) => c.sector));
  return SECTORS.filter((s) => present.has(s));
}

export async function coverageMatrix(
  db: Db,
  input: ParsedInputOf<'coverage.matrix'>,
): Promise<CoverageMatrix> {
  const { level, ...filter } = input;
  const data = await computeMatrix(db, filter, level);
  return {
    level,
    // The sectors asked for are columns even when empty; otherwise the sectors with activity.
    sectors:
      filter.sectors && filter.sectors.length > 0
        ? SECTORS.filter((s) => filter.sectors?.includes(s))
        : presentSectors(data.cells),
    territories: data.territories,
    cells: data.cells,
    unplaced: data.unplaced,
  };
}
