import type { Sector } from '../../../../shared/domain/vocabularies';
import type { OutputOf, ParsedInputOf } from '../../../../shared/rpc';
import type { CoverageFilter } from '../../../../shared/rpc/partners';
import type { Db } from '../../db/open';
import { computeMatrix, type Level, presentSectors } from './matrix';

// Gaps: places where a sector active elsewhere in the country (among the filtered
// interventions) has no actor at all. A sector nobody works in anywhere is not a gap of any
// single place, and is not listed.

export type Gap = OutputOf<'coverage.gaps'>[number];

export async function computeGaps(db: Db, filter: CoverageFilter, level: Level): Promise<Gap[]> {
  const data = await computeMatrix(db, filter, level);
  const present = presentSectors(data.cells);
  const covered = new Map<string, Set<Sector>>();
  for (const cell of data.cells) {
    if (cell.actors === 0) continue;
    const set = covered.get(cell.territoryId) ?? new Set<Sector>();
    set.add(cell.sector);
    covered.set(cell.territoryId, set);
  }
  return data.territories.flatMap((t) => {
    const here = covered.get(t.id);
    const missing = present.filter((s) => !here?.has(s));
    return missing.length > 0
      ? [{ territory: { id: t.id, label: t.label }, parent: t.parent, missingSectors: missing }]
      : [];
  });
}

export async function coverageGaps(db: Db, input: ParsedInputOf<'coverage.gaps'>): Promise<Gap[]> {
  const { level, ...filter } = input;
  return computeGaps(db, filter, level);
}
