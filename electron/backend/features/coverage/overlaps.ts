import { sql } from 'kysely';
import { compareFr, foldForSearch } from '../../../../shared/domain/text';
import { SECTORS, type Sector } from '../../../../shared/domain/vocabularies';
import type { OutputOf, ParsedInputOf } from '../../../../shared/rpc';
import type { CoverageFilter } from '../../../../shared/rpc/partners';
import type { Db } from '../../db/open';
import { fullLabel } from '../organisations/repository';
import { coverageCondition, coverageCountry, levelTerritories } from './filter';
import { admNumber, coverageIndex, type Level } from './matrix';

// Overlaps: several organisations working in the same territory (at the chosen level), the same
// sector and the same target group at the same time. A target group left empty counts as "any":
// it overlaps with every target group of the place and sector.

export type Overlap = OutputOf<'coverage.overlaps'>[number];

interface Row {
  adm: number;
  sector: string;
  /** The organisation's number (organisations.num): compared only, named at the end. */
  org: number;
  target: string | null;
  start: string | null;
  end: string | null;
}

/** Open bounds as sortable sentinels: an unknown start is "always", an unknown end "still going". */
const MIN = '0000-00-00';
const MAX = '9999-99-99';

interface Found {
  organisations: Set<number>;
  interventions: number;
  from: string;
  to: string;
}

/**
 * Which interventions of one group overlap an intervention of ANOTHER organisation, and the
 * span during which at least two organisations are active together. O(n log n): sorted by
 * start, an interval overlaps an earlier-starting one of another organisation iff the largest
 * end among earlier intervals of other organisations reaches its start (the two largest ends of
 * distinct organisations are kept), and a later-starting one iff the first later interval of
 * another organisation starts by its end.
 */
export function findOverlap(rows: readonly Row[]): Found | null {
  if (new Set(rows.map((r) => r.org)).size < 2) return null;
  const items = rows
    .map((r) => ({ org: r.org, start: r.start ?? MIN, end: r.end ?? MAX }))
    .filter((r) => r.start <= r.end)
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const involved = new Array<boolean>(items.length).fill(false);
  let from: string | null = null;
  let to: string | null = null;
  // The two largest ends so far, of two different organisations.
  let top1: { org: number; end: string } | null = null;
  let top2: { org: number; end: string } | null = null;
  items.forEach((item, i) => {
    const other = top1 && top1.org !== item.org ? top1 : top2;
    if (other && other.end >= item.start) {
      involved[i] = true;
      if (from === null) from = item.start;
      const until = other.end < item.end ? other.end : item.end;
      if (to === null || until > to) to = until;
    }
    if (!top1 || item.end > top1.end) {
      if (top1 && top1.org !== item.org) top2 = top1;
      top1 = { org: item.org, end: item.end };
    } else if (item.org !== top1.org && (!top2 || item.end > top2.end)) {
      top2 = { org: item.org, end: item.end };
    }
  });
  // Overlapping a later-starting interval of another organisation.
  let nextOther = -1;
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    if (!item) continue;
    const next = items[i + 1];
    if (next && next.org !== item.org) nextOther = i + 1;
    const candidate = items[nextOther];
    if (nextOther > i && candidate && candidate.start <= item.end) involved[i] = true;
  }
  const organisations = new Set<number>();
  let interventions = 0;
  items.forEach((item, i) => {
    if (involved[i]) {
      organisations.add(item.org);
      interventions++;
    }
  });
  if (organisations.size < 2 || from === null || to === null) return null;
  return { organisations, interventions, from, to };
}

export async function computeOverlaps(db: Db, filter: CoverageFilter, level: Level): Promise<Overlap[]> {
  const [condition, country] = await Promise.all([
    coverageCondition(db, filter),
    coverageCountry(db, filter),
  ]);
  const territories = new Map((await levelTerritories(db, country, level)).map((t) => [t.num, t]));
  const adm = admNumber(level);
  // Read from the covering index, in its order: territory and organisation numbers, not UUIDs.
  const { rows } = await sql<Row>`
    SELECT ${adm} AS adm, i.sector AS sector, i.organisation_num AS org, i.target_group AS target,
      i.start_date AS start, i.end_date AS "end"
    FROM interventions AS i INDEXED BY ${coverageIndex(level)}
    WHERE ${adm} IS NOT NULL AND i.sector IS NOT NULL AND ${condition}
    ORDER BY ${adm}, i.sector`.execute(db);

  const found: { adm: number; sector: Sector; target: string | null; result: Found }[] = [];
  const sectors: ReadonlySet<string> = new Set(SECTORS);
  const flush = (group: Row[]) => {
    const first = group[0];
    if (!first || !territories.has(first.adm) || !sectors.has(first.sector)) return;
    if (new Set(group.map((r) => r.org)).size < 2) return;
    // Target groups by folded text; the first spelling met names it.
    const anyTarget: Row[] = [];
    const byTarget = new Map<string, { label: string; rows: Row[] }>();
    for (const row of group) {
      const key = row.target === null ? '' : foldForSearch(row.target);
      if (key === '') anyTarget.push(row);
      else {
        const entry = byTarget.get(key) ?? { label: row.target ?? key, rows: [] };
        entry.rows.push(row);
        byTarget.set(key, entry);
      }
    }
    const sets =
      byTarget.size === 0
        ? [{ label: null, rows: anyTarget }]
        : [...byTarget.values()].map((e) => ({ label: e.label, rows: [...e.rows, ...anyTarget] }));
    for (const set of sets) {
      const result = findOverlap(set.rows);
      if (result) found.push({ adm: first.adm, sector: first.sector as Sector, target: set.label, result });
    }
  };
  let group: Row[] = [];
  for (const row of rows) {
    const first = group[0];
    if (first && (first.adm !== row.adm || first.sector !== row.sector)) {
      flush(group);
      group = [];
    }
    group.push(row);
  }
  flush(group);

  const orgNumbers = [...new Set(found.flatMap((f) => [...f.result.organisations]))];
  const named = new Map<number, { id: string; label: string }>();
  for (let i = 0; i < orgNumbers.length; i += 500) {
    const chunk = orgNumbers.slice(i, i + 500);
    const orgs = await db
      .selectFrom('organisations')
      .innerJoin('entity_numbers as n', 'n.id', 'organisations.id')
      .select(['organisations.id', 'name', 'acronym', 'n.num'])
      .where('n.num', 'in', chunk)
      .execute();
    for (const o of orgs) named.set(o.num, { id: o.id, label: fullLabel(o.name, o.acronym) });
  }
  const overlaps = found.flatMap((f): Overlap[] => {
    const territory = territories.get(f.adm);
    if (!territory) return [];
    return [
      {
        territory: { id: territory.id, label: territory.label },
        sector: f.sector,
        targetGroup: f.target,
        organisations: [...f.result.organisations]
          .flatMap((num) => {
            const organisation = named.get(num);
            return organisation ? [organisation] : [];
          })
          .sort((a, b) => compareFr(a.label, b.label)),
        interventions: f.result.interventions,
        from: f.result.from === MIN ? null : f.result.from,
        to: f.result.to === MAX ? null : f.result.to,
      },
    ];
  });
  return overlaps.sort(
    (a, b) =>
      compareFr(a.territory.label, b.territory.label) ||
      SECTORS.indexOf(a.sector) - SECTORS.indexOf(b.sector) ||
      compareFr(a.targetGroup ?? '', b.targetGroup ?? ''),
  );
}

export async function coverageOverlaps(
  db: Db,
  input: ParsedInputOf<'coverage.overlaps'>,
): Promise<Overlap[]> {
  const { level, ...filter } = input;
  return computeOverlaps(db, filter, level);
}
