import { type RawBuilder, sql } from 'kysely';
import { foldForSearch } from '../../../../shared/domain/text';
import type { CountryCode } from '../../../../shared/domain/vocabularies';
import type { CoverageFilter } from '../../../../shared/rpc/partners';
import type { Db } from '../../db/open';
import { readSettings } from '../settings/repository';

// The filter every coverage view shares (period, statuses, sectors, target group, donor), as one
// SQL condition on `interventions` (aliased `i`), so the matrix, overlaps, gaps, the list and
// their exports all count the same interventions.

/** Target groups are free text in many spellings: the stored ones whose folded text contains the asked one. */
async function matchingTargetGroups(db: Db, wanted: string): Promise<string[]> {
  const needle = foldForSearch(wanted);
  const rows = await db
    .selectFrom('interventions')
    .select('target_group')
    .distinct()
    .where('target_group', 'is not', null)
    .execute();
  return rows.flatMap((r) =>
    r.target_group !== null && foldForSearch(r.target_group).includes(needle) ? [r.target_group] : [],
  );
}

/**
 * The condition on `i` for a filter. Active in the period means overlapping it: started by its
 * end and not ended before its start; an unknown start or end counts as open (ongoing).
 */
export async function coverageCondition(db: Db, filter: CoverageFilter): Promise<RawBuilder<boolean>> {
  const parts: RawBuilder<unknown>[] = [sql`i.deleted_at IS NULL`];
  if (filter.to) parts.push(sql`(i.start_date IS NULL OR i.start_date <= ${filter.to})`);
  if (filter.from) parts.push(sql`(i.end_date IS NULL OR i.end_date >= ${filter.from})`);
  if (filter.statuses && filter.statuses.length > 0) {
    parts.push(sql`i.status IN (${sql.join(filter.statuses)})`);
  }
  if (filter.sectors && filter.sectors.length > 0) {
    parts.push(sql`i.sector IN (${sql.join(filter.sectors)})`);
  }
  const targetGroup = filter.targetGroup?.trim() ?? '';
  if (foldForSearch(targetGroup) !== '') {
    const groups = await matchingTargetGroups(db, targetGroup);
    parts.push(groups.length > 0 ? sql`i.target_group IN (${sql.join(groups)})` : sql`0`);
  }
  if (filter.donorId) parts.push(sql`i.donor_organisation_id = ${filter.donorId}`);
  return sql<boolean>`(${sql.join(parts, sql` AND `)})`;
}

/** The country the views are about: the one asked, else the secretariat's, else none (all). */
export async function coverageCountry(db: Db, filter: CoverageFilter): Promise<CountryCode | null> {
  if (filter.countryCode) return filter.countryCode;
  return (await readSettings(db)).countryCode;
}

export interface LevelTerritory {
  id: string;
  /** The territory's small stable number, as stored in interventions.adm1_num / adm2_num. */
  num: number;
  label: string;
  pcode: string | null;
  /** The parent's name (the region of a cercle). */
  parent: string | null;
}

/** The territories of a level in a country (all countries when none), in P-code order. */
export async function levelTerritories(
  db: Db,
  country: CountryCode | null,
  level: 1 | 2,
): Promise<LevelTerritory[]> {
  let query = db
    .selectFrom('territories as t')
    .leftJoin('territories as p', 'p.id', 't.parent_id')
    .innerJoin('entity_numbers as n', 'n.id', 't.id')
    .select(['t.id', 'n.num', 't.name', 't.pcode', 'p.name as parentName'])
    .where('t.level', '=', level)
    .where('t.deleted_at', 'is', null);
  if (country) query = query.where('t.country_code', '=', country);
  const rows = await query.orderBy('t.pcode').orderBy('t.name').execute();
  return rows.map((r) => ({ id: r.id, num: r.num, label: r.name, pcode: r.pcode, parent: r.parentName }));
}

const DAY_MS = 86_400_000;

function utcDay(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

/** Whole days from `from` to `to` (negative when `to` is before). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcDay(to) - utcDay(from)) / DAY_MS);
}

/**
 * Whole quarters (three full months) from the last report to today: reported on 20 January,
 * 0 until 19 April, 1 from 20 April, 2 from 20 July. Never negative.
 */
export function quartersSince(last: string, today: string): number {
  const [ly, lm, ld] = last.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  let months = ((ty ?? 0) - (ly ?? 0)) * 12 + ((tm ?? 0) - (lm ?? 0));
  if ((td ?? 0) < (ld ?? 0)) months -= 1;
  return Math.max(0, Math.floor(months / 3));
}
