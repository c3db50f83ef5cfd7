import type { Selectable } from 'kysely';
import { compareFr } from '../../../../shared/domain/text';
import type { Territory } from '../../../../shared/rpc/territories';
import type { Db } from '../../db/open';
import type { TerritoriesTable } from '../../db/schema';
import { AppError } from '../../errors';
import { parseJson } from '../../json';

export type TerritoryRow = Selectable<TerritoriesTable>;

/** Separator of territory paths ("Gao › Ansongo"), as in the bodies' screens. */
export const PATH_SEPARATOR = ' › ';

export function toTerritory(row: TerritoryRow): Territory {
  return {
    id: row.id,
    countryCode: row.country_code,
    pcode: row.pcode,
    name: row.name,
    level: row.level,
    parentId: row.parent_id,
    aliases: parseJson<string[]>(row.aliases, []),
    source: row.source,
  };
}

export const byName = (a: TerritoryRow, b: TerritoryRow): number => compareFr(a.name, b.name);

export async function findTerritoryRow(db: Db, id: string): Promise<TerritoryRow | undefined> {
  return db.selectFrom('territories').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Territories have no trash screen: a row with deleted_at set is treated as gone. */
export async function requireTerritoryRow(db: Db, id: string): Promise<TerritoryRow> {
  const row = await findTerritoryRow(db, id);
  if (!row || row.deleted_at !== null) {
    throw new AppError('NOT_FOUND', 'Ce territoire est introuvable (il a peut-être été supprimé).');
  }
  return row;
}

/** The row holding a P-code in a country, whatever its source (P-codes are unique per country). */
export async function findTerritoryRowByPcode(
  db: Db,
  countryCode: string,
  pcode: string,
): Promise<TerritoryRow | undefined> {
  return db
    .selectFrom('territories')
    .selectAll()
    .where('country_code', '=', countryCode)
    .where('pcode', '=', pcode.toUpperCase())
    .executeTakeFirst();
}

/** The living children of a territory, in French order. */
export async function childRows(db: Db, parentId: string): Promise<TerritoryRow[]> {
  const rows = await db
    .selectFrom('territories')
    .selectAll()
    .where('parent_id', '=', parentId)
    .where('deleted_at', 'is', null)
    .execute();
  return rows.sort(byName);
}

/**
 * Every row needed to describe `rows` with their ancestors: fetched one level up at a time
 * (territories are at most four levels deep), so a page of search hits costs a few queries.
 */
export async function withAncestors(
  db: Db,
  rows: readonly TerritoryRow[],
): Promise<Map<string, TerritoryRow>> {
  const known = new Map(rows.map((r) => [r.id, r]));
  let missing = [...new Set(rows.map((r) => r.parent_id))].filter(
    (id): id is string => id !== null && !known.has(id),
  );
  // The bound protects against a damaged parent loop.
  for (let depth = 0; missing.length > 0 && depth < 10; depth++) {
    const parents = await db.selectFrom('territories').selectAll().where('id', 'in', missing).execute();
    for (const p of parents) known.set(p.id, p);
    missing = [...new Set(parents.map((p) => p.parent_id))].filter(
      (id): id is string => id !== null && !known.has(id),
    );
  }
  return known;
}

/** Ancestors of a row, from the top (level 1) down to its parent. */
export function ancestorChain(known: ReadonlyMap<string, TerritoryRow>, row: TerritoryRow): TerritoryRow[] {
  const chain: TerritoryRow[] = [];
  const seen = new Set<string>([row.id]);
  let next = row.parent_id;
  while (next !== null && !seen.has(next)) {
    const parent = known.get(next);
    if (!parent) break;
    chain.unshift(parent);
    seen.add(next);
    next = parent.parent_id;
  }
  return chain;
}

/** "Gao › Ansongo": the names from the top level down to the territory itself. */
export function pathOf(known: ReadonlyMap<string, TerritoryRow>, row: TerritoryRow): string {
  return [...ancestorChain(known, row), row].map((r) => r.name).join(PATH_SEPARATOR);
}

/** Paths of several territories by id (unknown ids are left out). */
export async function territoryPaths(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('territories')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
  const known = await withAncestors(db, rows);
  return new Map(rows.map((r) => [r.id, pathOf(known, r)]));
}

/** Living territories per level of one country (reference and user-added). */
export async function countsByLevel(db: Db): Promise<Map<string, Record<string, number>>> {
  const rows = await db
    .selectFrom('territories')
    .select(['country_code', 'level', (eb) => eb.fn.countAll<number>().as('n')])
    .where('deleted_at', 'is', null)
    .groupBy(['country_code', 'level'])
    .execute();
  const out = new Map<string, Record<string, number>>();
  for (const r of rows) {
    const counts = out.get(r.country_code) ?? {};
    counts[String(r.level)] = Number(r.n);
    out.set(r.country_code, counts);
  }
  return out;
}

/** Countries with at least one reference row: their reference file has been loaded. */
export async function loadedCountries(db: Db): Promise<Set<string>> {
  const rows = await db
    .selectFrom('territories')
    .select('country_code')
    .distinct()
    .where('source', '=', 'reference')
    .execute();
  return new Set(rows.map((r) => r.country_code));
}
