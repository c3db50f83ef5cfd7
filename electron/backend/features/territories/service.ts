import type BetterSqlite3 from 'better-sqlite3';
import { uuidv7 } from '../../../../shared/domain/ids';
import { compareFr, foldForSearch, normaliseName } from '../../../../shared/domain/text';
import type { FieldIssue } from '../../../../shared/errors';
import { translateFr } from '../../../../shared/i18n/translate';
import type { OutputOf, ParsedInputOf } from '../../../../shared/rpc';
import type { Territory } from '../../../../shared/rpc/territories';
import { nowIso } from '../../clock';
import type { BackendContext } from '../../context';
import type { Db } from '../../db/open';
import type { TerritoriesTable } from '../../db/schema';
import { AppError, validationError } from '../../errors';
import { parseJson } from '../../json';
import { diffRecords, recordHistory } from '../history/repository';
import { type ReferenceRow, readCountryLevels, readCountryReference } from './reference';
import {
  ancestorChain,
  byName,
  childRows,
  countsByLevel,
  findTerritoryRow,
  findTerritoryRowByPcode,
  loadedCountries,
  pathOf,
  requireTerritoryRow,
  type TerritoryRow,
  toTerritory,
  withAncestors,
} from './repository';

type CountrySummary = OutputOf<'territories.countries'>[number];

const MAX_LEVEL = 4;

function issue(path: FieldIssue['path'], key: string, params?: Record<string, string | number>): FieldIssue {
  return { path, key, ...(params ? { params } : {}), message: translateFr(key, params) };
}

// ---------------------------------------------------------------------------------------------
// Countries and the reference files

/** One summary per country of levels.json: its level names, whether its file is loaded, counts. */
export async function countrySummaries(db: Db, resourcesDir: string): Promise<CountrySummary[]> {
  const countries = readCountryLevels(resourcesDir);
  const loaded = await loadedCountries(db);
  const counts = await countsByLevel(db);
  return [...countries].map(([code, country]) => {
    const perLevel: Record<string, number> = {};
    for (const level of Object.keys(country.levels)) perLevel[level] = 0;
    Object.assign(perLevel, counts.get(code) ?? {});
    return { code, name: country.name, levels: country.levels, loaded: loaded.has(code), counts: perLevel };
  });
}

export async function countrySummary(
  db: Db,
  resourcesDir: string,
  countryCode: string,
): Promise<CountrySummary> {
  const summary = (await countrySummaries(db, resourcesDir)).find((c) => c.code === countryCode);
  if (!summary) throw new AppError('NOT_FOUND', `Aucune donnée de référence pour le pays ${countryCode}.`);
  return summary;
}

type NewTerritory = Omit<TerritoriesTable, 'deleted_at'>;

/**
 * The reference rows still missing from the database, with their ids and parent ids. Rows whose
 * P-code is already there (loaded before, or typed in by a user) are kept as they are, so
 * loading twice adds nothing and a renamed reference territory keeps the user's name.
 */
function planReferenceRows(
  countryCode: string,
  reference: readonly ReferenceRow[],
  existing: ReadonlyMap<string, string>,
): NewTerritory[] {
  const ids = new Map(existing);
  const at = nowIso();
  const planned: NewTerritory[] = [];
  // Rows come parents first (readCountryReference sorts them by level).
  for (const row of reference) {
    if (ids.has(row.pcode)) continue;
    const id = uuidv7();
    ids.set(row.pcode, id);
    planned.push({
      id,
      country_code: countryCode,
      pcode: row.pcode,
      name: row.name,
      level: row.level,
      parent_id: row.parentPcode === null ? null : (ids.get(row.parentPcode) ?? null),
      aliases: JSON.stringify(row.aliases),
      source: 'reference',
      created_at: at,
      updated_at: at,
    });
  }
  return planned;
}

const INSERT_COLUMNS = [
  'id',
  'country_code',
  'pcode',
  'name',
  'level',
  'parent_id',
  'aliases',
  'source',
  'created_at',
  'updated_at',
] as const;

/**
 * Loads a country's reference file on the raw connection: one prepared statement run per row
 * inside one SQLite transaction (architecture.md, bulk work), so ~800 rows take milliseconds.
 * The file is read and checked before anything is written. The Kysely connection is held
 * meanwhile, so that no other request's transaction can interleave with this one.
 */
export async function loadCountry(
  ctx: Pick<BackendContext, 'db' | 'sqlite' | 'paths'>,
  countryCode: string,
): Promise<CountrySummary> {
  const reference = readCountryReference(ctx.paths.resourcesDir, countryCode);
  await ctx.db.connection().execute(async () => {
    loadReferenceRows(ctx.sqlite, countryCode, reference);
  });
  return countrySummary(ctx.db, ctx.paths.resourcesDir, countryCode);
}

function loadReferenceRows(
  sqlite: BetterSqlite3.Database,
  countryCode: string,
  reference: readonly ReferenceRow[],
) {
  const select = sqlite.prepare<[string], { pcode: string; id: string }>(
    'SELECT pcode, id FROM territories WHERE country_code = ? AND pcode IS NOT NULL',
  );
  const insert = sqlite.prepare(
    `INSERT INTO territories (${INSERT_COLUMNS.join(', ')}) VALUES (${INSERT_COLUMNS.map(() => '?').join(', ')})`,
  );
  sqlite.transaction(() => {
    const existing = new Map(select.all(countryCode).map((r) => [r.pcode, r.id]));
    for (const row of planReferenceRows(countryCode, reference, existing)) {
      insert.run(INSERT_COLUMNS.map((c) => row[c]));
    }
  })();
}

/**
 * The same load inside the caller's transaction (the demo-data loader composes it with other
 * writes). Multi-row inserts keep it quick without the raw connection.
 */
export async function ensureCountryLoaded(
  trx: Db,
  resourcesDir: string,
  countryCode: string,
): Promise<number> {
  const reference = readCountryReference(resourcesDir, countryCode);
  const existingRows = await trx
    .selectFrom('territories')
    .select(['pcode', 'id'])
    .where('country_code', '=', countryCode)
    .where('pcode', 'is not', null)
    .execute();
  const existing = new Map(existingRows.flatMap((r) => (r.pcode === null ? [] : [[r.pcode, r.id] as const])));
  const planned = planReferenceRows(countryCode, reference, existing);
  // 10 parameters a row: 400 rows stay well below SQLite's limit of bound parameters.
  for (let i = 0; i < planned.length; i += 400) {
    await trx
      .insertInto('territories')
      .values(planned.slice(i, i + 400))
      .execute();
  }
  return planned.length;
}

/** The territory holding a P-code in a country (the demo data refers to territories by P-code). */
export async function findTerritoryByPcode(
  db: Db,
  countryCode: string,
  pcode: string,
): Promise<Territory | undefined> {
  const row = await findTerritoryRowByPcode(db, countryCode, pcode);
  return row && row.deleted_at === null ? toTerritory(row) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Reading

export async function listTerritories(
  db: Db,
  input: ParsedInputOf<'territories.list'>,
): Promise<Territory[]> {
  let query = db
    .selectFrom('territories')
    .selectAll()
    .where('country_code', '=', input.countryCode)
    .where('deleted_at', 'is', null);
  // null asks for the top of the tree; absent means "any parent".
  if (input.parentId === null) query = query.where('parent_id', 'is', null);
  else if (input.parentId !== undefined) query = query.where('parent_id', '=', input.parentId);
  if (input.level !== undefined) query = query.where('level', '=', input.level);
  return (await query.execute()).sort(byName).map(toTerritory);
}

type SearchHit = OutputOf<'territories.search'>[number];

/**
 * Territories whose name or an alias has words starting with every word typed (accents, case
 * and punctuation ignored: "tin hama" finds "Tin Hamma" by its alias "Tin Hama"), or whose
 * P-code starts with the text. Exact names first, then higher levels, then French order.
 */
export async function searchTerritories(
  db: Db,
  input: ParsedInputOf<'territories.search'>,
): Promise<SearchHit[]> {
  const folded = foldForSearch(input.text);
  if (folded === '') return [];
  const words = folded.split(' ');
  const pcodePrefix = input.text.trim().toUpperCase();

  let query = db.selectFrom('territories').selectAll().where('deleted_at', 'is', null);
  if (input.countryCode) query = query.where('country_code', '=', input.countryCode);
  const rows = await query.execute();

  const rank = (row: TerritoryRow): number | null => {
    const names = [row.name, ...parseJson<string[]>(row.aliases, [])].map(foldForSearch);
    if (names[0] === folded || row.pcode === pcodePrefix) return 0;
    if (names.includes(folded)) return 1;
    const matches = (name: string) => {
      const tokens = name.split(' ');
      return words.every((w) => tokens.some((t) => t.startsWith(w)));
    };
    if (matches(names[0] ?? '')) return 2;
    if (names.some(matches)) return 3;
    if (row.pcode?.startsWith(pcodePrefix)) return 4;
    return null;
  };
  const hits = rows
    .flatMap((row) => {
      const r = rank(row);
      return r === null ? [] : [{ row, r }];
    })
    .sort((a, b) => a.r - b.r || a.row.level - b.row.level || compareFr(a.row.name, b.row.name))
    .slice(0, input.limit)
    .map((h) => h.row);
  const known = await withAncestors(db, hits);
  return hits.map((row) => ({ ...toTerritory(row), path: pathOf(known, row) }));
}

export async function getTerritoryDetail(db: Db, id: string): Promise<OutputOf<'territories.get'>> {
  const row = await requireTerritoryRow(db, id);
  const known = await withAncestors(db, [row]);
  return {
    ...toTerritory(row),
    ancestors: ancestorChain(known, row).map(toTerritory),
    children: (await childRows(db, row.id)).map(toTerritory),
  };
}

// ---------------------------------------------------------------------------------------------
// Writing

/** A territory the user adds below a reference one (a village under its commune, a quarter…). */
export async function createTerritory(
  trx: Db,
  input: ParsedInputOf<'territories.create'>,
  actor: string,
): Promise<Territory> {
  const issues: FieldIssue[] = [];
  let level = 1;
  if (input.parentId !== null) {
    const parent = await findTerritoryRow(trx, input.parentId);
    if (!parent || parent.deleted_at !== null) {
      issues.push(issue(['parentId'], 'errors.field.unknownTerritory'));
    } else if (parent.country_code !== input.countryCode) {
      issues.push(issue(['parentId'], 'errors.field.territoryCountryMismatch'));
    } else if (parent.level >= MAX_LEVEL) {
      // The registry stops at four levels below the country (village / quarter).
      issues.push(issue(['parentId'], 'errors.field.invalidChoice'));
    } else {
      level = parent.level + 1;
    }
  }
  // P-codes stay unique per country, trashed rows included (the database index covers them).
  if (input.pcode !== null && (await findTerritoryRowByPcode(trx, input.countryCode, input.pcode))) {
    issues.push(issue(['pcode'], 'errors.field.duplicatePcode'));
  }
  if (issues.length > 0) throw validationError(issues);

  const id = uuidv7();
  const at = nowIso();
  const aliases = input.aliases.filter((a) => a !== input.name);
  await trx
    .insertInto('territories')
    .values({
      id,
      country_code: input.countryCode,
      pcode: input.pcode,
      name: input.name,
      level,
      parent_id: input.parentId,
      aliases: JSON.stringify(aliases),
      source: 'user',
      created_at: at,
      updated_at: at,
      deleted_at: null,
    })
    .execute();
  await recordHistory(trx, {
    entityType: 'territory',
    entityId: id,
    action: 'create',
    actor,
    summary: input.name,
  });
  return toTerritory(await requireTerritoryRow(trx, id));
}

/**
 * Renames a territory and sets its aliases. The former name is kept as an alias: partner files
 * and old minutes still spell it that way ("Tin Hama" / "Tin Hamma"), and matching them later
 * depends on it. Only a change of case is not worth keeping.
 */
export async function updateTerritory(
  trx: Db,
  input: ParsedInputOf<'territories.update'>,
  actor: string,
): Promise<Territory> {
  const row = await requireTerritoryRow(trx, input.id);
  const before = toTerritory(row);
  const sameName = (a: string, b: string) => a.toLocaleLowerCase('fr') === b.toLocaleLowerCase('fr');
  const aliases = [...input.aliases];
  if (!sameName(row.name, input.name) && !aliases.some((a) => sameName(a, row.name))) aliases.push(row.name);
  const cleaned = [...new Set(aliases.map(normaliseName))].filter(
    (a) => a !== '' && !sameName(a, input.name),
  );

  const after: Territory = { ...before, name: input.name, aliases: cleaned };
  const changes = diffRecords(before, after);
  if (Object.keys(changes).length === 0) return before;
  await trx
    .updateTable('territories')
    .set({ name: input.name, aliases: JSON.stringify(cleaned), updated_at: nowIso() })
    .where('id', '=', row.id)
    .execute();
  await recordHistory(trx, {
    entityType: 'territory',
    entityId: row.id,
    action: 'update',
    actor,
    changes,
    summary: input.name,
  });
  return toTerritory(await requireTerritoryRow(trx, row.id));
}
