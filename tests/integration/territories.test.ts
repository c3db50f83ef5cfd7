import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  parseReferenceCsv,
  readCountryReference,
} from '../../electron/backend/features/territories/reference';
import {
  ensureCountryLoaded,
  findTerritoryByPcode,
  loadCountry,
} from '../../electron/backend/features/territories/service';
import { foldForSearch } from '../../shared/domain/text';
import { RESOURCES_DIR, startTestApp, type TestApp } from './harness';

let app: TestApp;
/** A fresh backend for each test of the calling describe block. */
function withApp() {
  beforeEach(async () => {
    app = await startTestApp();
  });
  afterEach(async () => {
    await app.close();
  });
}

const UNKNOWN_ID = '01900000-0000-7000-8000-000000000000';

/** ML.csv read plainly (no quoted fields in the shipped files), to compute what loading must give. */
function mlCsv() {
  const [, ...lines] = readFileSync(join(RESOURCES_DIR, 'territories', 'ML.csv'), 'utf8')
    .trim()
    .split('\n');
  return lines.map((line) => {
    const [pcode = '', name = '', level = '', parent = '', alt = ''] = line.split(',');
    return { pcode, name, level: Number(level), parent, aliases: alt ? alt.split('|') : [] };
  });
}

const territoryCount = async () =>
  Number(
    (
      await app.backend.context.db
        .selectFrom('territories')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('country reference files', () => {
  withApp();
  it('lists every country of levels.json, none loaded at first', async () => {
    const levels = JSON.parse(
      readFileSync(join(RESOURCES_DIR, 'territories', 'levels.json'), 'utf8'),
    ) as Record<string, { name: { fr: string }; levels: Record<string, { fr: string }> }>;
    const countries = await app.call('territories.countries', {});
    expect(countries.map((c) => c.code)).toEqual(Object.keys(levels));
    const mali = countries.find((c) => c.code === 'ML');
    expect(mali?.name.fr).toBe(levels.ML?.name.fr);
    expect(mali?.levels['2']?.fr).toBe('Cercle');
    expect(mali?.loaded).toBe(false);
    expect(Object.values(mali?.counts ?? {}).every((n) => n === 0)).toBe(true);
  });

  it('loads Mali with one row per line of ML.csv, the right counts per level, parents and aliases', async () => {
    const csv = mlCsv();
    const expected: Record<string, number> = {};
    for (const row of csv) expected[String(row.level)] = (expected[String(row.level)] ?? 0) + 1;

    const started = performance.now();
    const summary = await app.call('territories.loadCountry', { countryCode: 'ML' });
    const elapsed = performance.now() - started;

    expect(summary.loaded).toBe(true);
    expect(summary.counts).toEqual(expected);
    expect(await territoryCount()).toBe(csv.length);
    // ~765 rows in one bulk transaction: well under a second even on a modest laptop.
    expect(elapsed).toBeLessThan(1000);

    const withParent = csv.find((r) => r.level === 3 && r.aliases.length === 0);
    const withAliases = csv.find((r) => r.aliases.length > 0);
    if (!withParent || !withAliases) throw new Error('ML.csv has changed shape');
    const row = await findTerritoryByPcode(app.backend.context.db, 'ML', withParent.pcode);
    const detail = await app.call('territories.get', { id: row?.id ?? UNKNOWN_ID });
    expect(detail.name).toBe(withParent.name);
    expect(detail.source).toBe('reference');
    expect(detail.ancestors.map((a) => a.level)).toEqual([1, 2]);
    expect(detail.ancestors[1]?.pcode).toBe(withParent.parent);
    const aliased = await findTerritoryByPcode(app.backend.context.db, 'ML', withAliases.pcode);
    expect(aliased?.aliases).toEqual(withAliases.aliases);

    const countries = await app.call('territories.countries', {});
    expect(countries.find((c) => c.code === 'ML')?.loaded).toBe(true);
    expect(countries.find((c) => c.code === 'BJ')?.loaded).toBe(false);
  });

  it('loading twice adds nothing and keeps a renamed reference territory as the user left it', async () => {
    await app.call('territories.loadCountry', { countryCode: 'ML' });
    const count = await territoryCount();
    const first = mlCsv()[0];
    const row = await findTerritoryByPcode(app.backend.context.db, 'ML', first?.pcode ?? '');
    await app.call('territories.update', { id: row?.id ?? UNKNOWN_ID, name: 'Nouveau nom', aliases: [] });

    const again = await app.call('territories.loadCountry', { countryCode: 'ML' });
    expect(await territoryCount()).toBe(count);
    expect(Object.values(again.counts).reduce((a, b) => a + b, 0)).toBe(count);
    expect((await app.call('territories.get', { id: row?.id ?? UNKNOWN_ID })).name).toBe('Nouveau nom');

    // The loader used by the demo data, inside a caller's transaction, is idempotent too.
    const added = await app.backend.context.db
      .transaction()
      .execute((trx) => ensureCountryLoaded(trx, RESOURCES_DIR, 'ML'));
    expect(added).toBe(0);
    expect(await territoryCount()).toBe(count);
  });

  it('the demo loader’s ensureCountryLoaded gives the same tree as loadCountry', async () => {
    const db = app.backend.context.db;
    const added = await db.transaction().execute((trx) => ensureCountryLoaded(trx, RESOURCES_DIR, 'BJ'));
    const lines =
      readFileSync(join(RESOURCES_DIR, 'territories', 'BJ.csv'), 'utf8')
        .trim()
        .split('\n').length - 1;
    expect(added).toBe(lines);
    const summary = (await app.call('territories.countries', {})).find((c) => c.code === 'BJ');
    expect(summary?.loaded).toBe(true);
    const level2 = await db
      .selectFrom('territories')
      .selectAll()
      .where('level', '=', 2)
      .executeTakeFirstOrThrow();
    expect(level2.parent_id).not.toBeNull();
  });

  it('refuses a malformed reference file, naming the file and the line, and writes nothing', async () => {
    const resourcesDir = join(app.dataDir, 'resources');
    mkdirSync(join(resourcesDir, 'territories'), { recursive: true });
    writeFileSync(
      join(resourcesDir, 'territories', 'ML.csv'),
      'pcode,name,level,parent_pcode,alt_names\nML01,Kayes,1,,\nML0101,Bafoulabé,2,ML09,\n',
    );
    const ctx = { ...app.backend.context, paths: { ...app.backend.context.paths, resourcesDir } };
    const error = await loadCountry(ctx, 'ML').then(
      () => null,
      (e: unknown) => e as { code: string; message: string },
    );
    expect(error?.code).toBe('IMPORT_FORMAT');
    expect(error?.message).toContain('ML.csv');
    expect(error?.message).toContain('ligne 3');
    expect(await territoryCount()).toBe(0);
  });
});

describe('reading a reference CSV', () => {
  it('accepts quoted fields with commas, doubled quotes and CRLF line ends', () => {
    const rows = parseReferenceCsv(
      'pcode,name,level,parent_pcode,alt_names\r\nXX01,"Kayes, ville",1,,"Kaye|""Kayes"""\r\nXX0101,Diéma,2,XX01,\r\n',
      'XX.csv',
    );
    expect(rows).toEqual([
      {
        pcode: 'XX01',
        name: 'Kayes, ville',
        level: 1,
        parentPcode: null,
        aliases: ['Kaye', '"Kayes"'],
        line: 2,
      },
      { pcode: 'XX0101', name: 'Diéma', level: 2, parentPcode: 'XX01', aliases: [], line: 3 },
    ]);
  });

  it.each([
    ['a missing column', 'pcode,name,level,parent_pcode\nXX01,A,1,\n', 'ligne 1'],
    ['a bad level', 'pcode,name,level,parent_pcode,alt_names\nXX01,A,9,,\n', 'ligne 2'],
    ['a duplicate P-code', 'pcode,name,level,parent_pcode,alt_names\nXX01,A,1,,\nXX01,B,1,,\n', 'ligne 3'],
    ['an unclosed quote', 'pcode,name,level,parent_pcode,alt_names\nXX01,"A,1,,\n', 'ligne'],
    ['a wrong number of fields', 'pcode,name,level,parent_pcode,alt_names\nXX01,A,1\n', 'ligne 2'],
  ])('refuses %s with a French message naming the line', (_what, text, where) => {
    expect(() => parseReferenceCsv(text, 'XX.csv')).toThrowError(new RegExp(`XX\\.csv.*${where}`));
  });

  it('reads every shipped file without complaint', () => {
    for (const code of ['ML', 'BJ', 'SN', 'BF', 'NE', 'TD', 'CI', 'GN', 'TG', 'CM']) {
      expect(readCountryReference(RESOURCES_DIR, code).length).toBeGreaterThan(0);
    }
  });
});

describe('finding territories', () => {
  withApp();
  beforeEach(async () => {
    await app.call('territories.loadCountry', { countryCode: 'ML' });
  });

  it('finds an accented name typed without accents, with its path', async () => {
    // A name in ML.csv with an accent, whose plain spelling is not the name of another row.
    const csv = mlCsv();
    const accented = csv.find(
      (r) => r.name !== foldForSearch(r.name) && /[éèêëàâîïôûç]/i.test(r.name) && r.level === 2,
    );
    if (!accented) throw new Error('ML.csv has no accented cercle name');
    const plain = accented.name.normalize('NFD').replace(/\p{M}/gu, '');
    const hits = await app.call('territories.search', { text: plain, countryCode: 'ML' });
    const hit = hits.find((h) => h.pcode === accented.pcode);
    expect(hit?.name).toBe(accented.name);
    const region = csv.find((r) => r.pcode === accented.parent);
    expect(hit?.path).toBe(`${region?.name} › ${accented.name}`);
  });

  it('finds Ténenkou from "Tenenkou" and ranks exact names first', async () => {
    const csv = mlCsv();
    const tenenkou = csv.filter((r) => foldForSearch(r.name) === 'tenenkou');
    expect(tenenkou.length).toBeGreaterThan(0);
    const hits = await app.call('territories.search', { text: 'Tenenkou' });
    expect(
      hits
        .slice(0, tenenkou.length)
        .map((h) => h.pcode)
        .sort(),
    ).toEqual(tenenkou.map((r) => r.pcode).sort());
    expect(hits.some((h) => h.name === 'Ténenkou')).toBe(true);
  });

  it('finds a territory by one of its aliases and by the start of its P-code', async () => {
    const csv = mlCsv();
    const aliased = csv.find(
      (r) => r.aliases.length > 0 && r.aliases.some((a) => foldForSearch(a) !== foldForSearch(r.name)),
    );
    const alias = aliased?.aliases.find((a) => foldForSearch(a) !== foldForSearch(aliased.name));
    if (!aliased || !alias) throw new Error('ML.csv has no alias that differs from its name');
    const hits = await app.call('territories.search', { text: alias, limit: 100 });
    expect(hits.map((h) => h.pcode)).toContain(aliased.pcode);

    const byPcode = await app.call('territories.search', { text: aliased.pcode.toLowerCase() });
    expect(byPcode[0]?.pcode).toBe(aliased.pcode);
  });

  it('lists the regions (parentId null), the children of one, and a level', async () => {
    const csv = mlCsv();
    const regions = await app.call('territories.list', { countryCode: 'ML', parentId: null });
    expect(regions).toHaveLength(csv.filter((r) => r.level === 1).length);
    const names = regions.map((r) => r.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'fr', { sensitivity: 'base' })));

    const first = regions[0];
    const cercles = await app.call('territories.list', { countryCode: 'ML', parentId: first?.id });
    expect(cercles).toHaveLength(csv.filter((r) => r.parent === first?.pcode).length);
    expect(cercles.every((c) => c.level === 2 && c.parentId === first?.id)).toBe(true);

    const communes = await app.call('territories.list', { countryCode: 'ML', level: 3 });
    expect(communes).toHaveLength(csv.filter((r) => r.level === 3).length);
  });

  it('reports an unknown territory as NOT_FOUND', async () => {
    expect((await app.fail('territories.get', { id: UNKNOWN_ID })).code).toBe('NOT_FOUND');
  });
});

describe('adding and renaming territories', () => {
  withApp();
  beforeEach(async () => {
    await app.call('territories.loadCountry', { countryCode: 'ML' });
  });

  async function commune() {
    const csv = mlCsv();
    const row = csv.find((r) => r.level === 3);
    const found = await findTerritoryByPcode(app.backend.context.db, 'ML', row?.pcode ?? '');
    if (!found) throw new Error('no commune loaded');
    return found;
  }

  it('adds a village under a commune, one level down, with its history', async () => {
    const parent = await commune();
    const village = await app.call('territories.create', {
      countryCode: 'ML',
      parentId: parent.id,
      name: '  Tin   Hamma ',
      pcode: 'ml07010701',
      aliases: ['Tin Hama', 'Tinahama'],
    });
    expect(village).toMatchObject({
      name: 'Tin Hamma',
      level: 4,
      parentId: parent.id,
      pcode: 'ML07010701',
      source: 'user',
      aliases: ['Tin Hama', 'Tinahama'],
    });
    const detail = await app.call('territories.get', { id: parent.id });
    expect(detail.children.map((c) => c.id)).toContain(village.id);
    const history = await app.call('history.forEntity', { entityType: 'territory', entityId: village.id });
    expect(history.map((h) => h.action)).toEqual(['create']);

    const hits = await app.call('territories.search', { text: 'tinahama' });
    expect(hits[0]?.id).toBe(village.id);
    expect(hits[0]?.path.split(' › ')).toHaveLength(4);
  });

  it('refuses a duplicate P-code, an unknown parent and a parent of another country', async () => {
    const parent = await commune();
    const before = await territoryCount();
    const duplicate = await app.fail('territories.create', {
      countryCode: 'ML',
      parentId: parent.id,
      name: 'Doublon',
      pcode: parent.pcode,
    });
    expect(duplicate.code).toBe('VALIDATION');
    expect(duplicate.details?.issues?.[0]).toMatchObject({
      path: ['pcode'],
      key: 'errors.field.duplicatePcode',
    });

    const unknown = await app.fail('territories.create', {
      countryCode: 'ML',
      parentId: UNKNOWN_ID,
      name: 'X',
    });
    expect(unknown.details?.issues?.[0]).toMatchObject({
      path: ['parentId'],
      key: 'errors.field.unknownTerritory',
    });

    const mismatch = await app.fail('territories.create', {
      countryCode: 'BJ',
      parentId: parent.id,
      name: 'X',
    });
    expect(mismatch.details?.issues?.[0]?.path).toEqual(['parentId']);
    expect(mismatch.details?.issues?.[0]?.message).toMatch(/pays/);
    expect(await territoryCount()).toBe(before);
  });

  it('renaming keeps the former name as an alias and records the change', async () => {
    const parent = await commune();
    const village = await app.call('territories.create', {
      countryCode: 'ML',
      parentId: parent.id,
      name: 'Tin Hama',
    });
    const renamed = await app.call('territories.update', {
      id: village.id,
      name: 'Tin Hamma',
      aliases: ['Tinahama'],
    });
    expect(renamed.name).toBe('Tin Hamma');
    expect(renamed.aliases).toEqual(['Tinahama', 'Tin Hama']);

    const history = await app.call('history.forEntity', { entityType: 'territory', entityId: village.id });
    expect(history.map((h) => h.action)).toEqual(['update', 'create']);
    expect(history[0]?.changes.name).toEqual(['Tin Hama', 'Tin Hamma']);

    // The old spelling still finds it.
    const hits = await app.call('territories.search', { text: 'Tin Hama' });
    expect(hits.map((h) => h.id)).toContain(village.id);

    // Renaming back to an alias takes it out of the aliases; a change of case is not kept.
    const back = await app.call('territories.update', {
      id: village.id,
      name: 'Tin Hama',
      aliases: renamed.aliases,
    });
    expect(back.aliases).toEqual(['Tinahama', 'Tin Hamma']);
    const cased = await app.call('territories.update', {
      id: village.id,
      name: 'TIN HAMA',
      aliases: back.aliases,
    });
    expect(cased.aliases).toEqual(['Tinahama', 'Tin Hamma']);
  });

  it('saving without a change records nothing', async () => {
    const parent = await commune();
    await app.call('territories.update', { id: parent.id, name: parent.name, aliases: parent.aliases });
    const history = await app.call('history.forEntity', { entityType: 'territory', entityId: parent.id });
    expect(history).toEqual([]);
  });
});
