import { type Kysely, sql } from 'kysely';

// Frozen in time: this migration must never change once released. It receives Kysely<any>
// on purpose, so that later changes to the app's table types cannot alter what it does.
// biome-ignore lint/suspicious/noExplicitAny: migrations are schema-agnostic by design
export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    `CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`,

    `CREATE TABLE territories (
      id TEXT PRIMARY KEY,
      country_code TEXT NOT NULL,
      pcode TEXT,
      name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 4),
      parent_id TEXT REFERENCES territories(id),
      aliases TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(aliases)),
      source TEXT NOT NULL CHECK (source IN ('reference', 'user')),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT
    ) STRICT`,
    'CREATE UNIQUE INDEX territories_pcode ON territories(country_code, pcode) WHERE pcode IS NOT NULL',
    'CREATE INDEX territories_parent ON territories(parent_id)',
    'CREATE INDEX territories_country_level ON territories(country_code, level)',

    `CREATE TABLE organisations (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
      acronym TEXT,
      aliases TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(aliases)),
      kind TEXT NOT NULL,
      parent_id TEXT REFERENCES organisations(id),
      country_code TEXT,
      domains TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(domains)),
      target_groups TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(target_groups)),
      zone_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(zone_ids)),
      email TEXT,
      phone TEXT,
      website TEXT,
      address TEXT,
      notes TEXT,
      is_demo INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT
    ) STRICT`,
    'CREATE INDEX organisations_parent ON organisations(parent_id)',
    'CREATE INDEX organisations_acronym ON organisations(acronym)',

    `CREATE TABLE people (
      id TEXT PRIMARY KEY,
      first_name TEXT NOT NULL DEFAULT '',
      last_name TEXT NOT NULL CHECK (length(last_name) BETWEEN 1 AND 200),
      title TEXT,
      function TEXT,
      organisation_id TEXT REFERENCES organisations(id),
      email TEXT,
      phone TEXT,
      sex TEXT CHECK (sex IN ('female', 'male')),
      notes TEXT,
      is_demo INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT
    ) STRICT`,
    'CREATE INDEX people_organisation ON people(organisation_id)',

    `CREATE TABLE bodies (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
      acronym TEXT,
      kind TEXT NOT NULL,
      level TEXT NOT NULL,
      country_code TEXT,
      territory_id TEXT REFERENCES territories(id),
      parent_id TEXT REFERENCES bodies(id),
      legal_basis_kind TEXT,
      legal_basis_number TEXT,
      legal_basis_date TEXT,
      legal_basis_signatory TEXT,
      legal_basis_title TEXT,
      mandate TEXT,
      secretariat_organisation_id TEXT REFERENCES organisations(id),
      periodicity TEXT NOT NULL CHECK (json_valid(periodicity)),
      quorum_rule TEXT NOT NULL CHECK (json_valid(quorum_rule)),
      funding_source TEXT,
      established_on TEXT,
      status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
      closed_on TEXT,
      closed_reason TEXT,
      is_demo INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT
    ) STRICT`,
    'CREATE INDEX bodies_parent ON bodies(parent_id)',
    'CREATE INDEX bodies_territory ON bodies(territory_id)',
    'CREATE INDEX bodies_acronym ON bodies(acronym)',

    `CREATE TABLE body_links (
      id TEXT PRIMARY KEY,
      from_body_id TEXT NOT NULL REFERENCES bodies(id),
      to_body_id TEXT NOT NULL REFERENCES bodies(id),
      kind TEXT NOT NULL CHECK (kind IN ('reports_to', 'feeds')),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (from_body_id, to_body_id, kind),
      CHECK (from_body_id <> to_body_id)
    ) STRICT`,
    'CREATE INDEX body_links_to ON body_links(to_body_id)',

    `CREATE TABLE seats (
      id TEXT PRIMARY KEY,
      body_id TEXT NOT NULL REFERENCES bodies(id),
      organisation_id TEXT REFERENCES organisations(id),
      function TEXT NOT NULL CHECK (length(function) BETWEEN 1 AND 300),
      role TEXT NOT NULL,
      rank INTEGER,
      voting INTEGER NOT NULL DEFAULT 1 CHECK (voting IN (0, 1)),
      position INTEGER NOT NULL DEFAULT 0,
      notes TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT
    ) STRICT`,
    'CREATE INDEX seats_body ON seats(body_id)',
    'CREATE INDEX seats_organisation ON seats(organisation_id)',

    `CREATE TABLE seat_holders (
      id TEXT PRIMARY KEY,
      seat_id TEXT NOT NULL REFERENCES seats(id),
      person_id TEXT NOT NULL REFERENCES people(id),
      valid_from TEXT NOT NULL,
      valid_to TEXT,
      note TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      CHECK (valid_to IS NULL OR valid_to >= valid_from)
    ) STRICT`,
    'CREATE INDEX seat_holders_seat ON seat_holders(seat_id)',
    'CREATE INDEX seat_holders_person ON seat_holders(person_id)',

    `CREATE TABLE history (
      id TEXT PRIMARY KEY,
      entity_type TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      action TEXT NOT NULL,
      actor TEXT NOT NULL,
      at TEXT NOT NULL,
      changes TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(changes)),
      summary TEXT
    ) STRICT`,
    'CREATE INDEX history_entity ON history(entity_type, entity_id, at)',

    // One full-text index for everything the search box finds. unicode61 with
    // remove_diacritics 2 makes "Tenenkou" match "Ténenkou"; triggers keep it in step and
    // drop trashed rows so that search never surfaces deleted records.
    `CREATE VIRTUAL TABLE search_index USING fts5(
      kind UNINDEXED,
      ref_id UNINDEXED,
      name,
      acronym,
      aliases,
      extra,
      tokenize = 'unicode61 remove_diacritics 2',
      prefix = '2 3'
    )`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);

  const indexed: Record<string, { name: string; acronym: string; aliases: string; extra: string }> = {
    body: {
      name: 'new.name',
      acronym: "coalesce(new.acronym, '')",
      aliases: "''",
      extra: "coalesce(new.mandate, '')",
    },
    organisation: {
      name: 'new.name',
      acronym: "coalesce(new.acronym, '')",
      aliases: "(SELECT coalesce(group_concat(value, ' '), '') FROM json_each(new.aliases))",
      extra: "''",
    },
    person: {
      name: "trim(new.first_name || ' ' || new.last_name)",
      acronym: "''",
      aliases: "coalesce(new.email, '')",
      extra: "coalesce(new.function, '')",
    },
    territory: {
      name: 'new.name',
      acronym: "coalesce(new.pcode, '')",
      aliases: "(SELECT coalesce(group_concat(value, ' '), '') FROM json_each(new.aliases))",
      extra: "''",
    },
  };
  const tables: Record<string, string> = {
    body: 'bodies',
    organisation: 'organisations',
    person: 'people',
    territory: 'territories',
  };
  for (const [kind, cols] of Object.entries(indexed)) {
    const table = tables[kind];
    const insert = `INSERT INTO search_index (kind, ref_id, name, acronym, aliases, extra)
      SELECT '${kind}', new.id, ${cols.name}, ${cols.acronym}, ${cols.aliases}, ${cols.extra}
      WHERE new.deleted_at IS NULL;`;
    const remove = `DELETE FROM search_index WHERE kind = '${kind}' AND ref_id = old.id;`;
    await sql
      .raw(`CREATE TRIGGER ${table}_search_ai AFTER INSERT ON ${table} BEGIN ${insert} END`)
      .execute(db);
    await sql
      .raw(`CREATE TRIGGER ${table}_search_au AFTER UPDATE ON ${table} BEGIN ${remove} ${insert} END`)
      .execute(db);
    await sql
      .raw(`CREATE TRIGGER ${table}_search_ad AFTER DELETE ON ${table} BEGIN ${remove} END`)
      .execute(db);
  }
}
