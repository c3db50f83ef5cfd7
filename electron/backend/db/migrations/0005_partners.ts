import { type Kysely, sql } from 'kysely';

// Frozen in time: partner matrices (3W interventions) with their import batches, the changes each
// batch made (so a batch can be undone exactly), remembered column mappings, editable synonym
// lists, partnership conventions, and the link from a recommendation update to the returned
// follow-up matrix it came from.
// biome-ignore lint/suspicious/noExplicitAny: migrations are schema-agnostic by design
export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    `CREATE TABLE import_batches (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('3w', 'follow_up')),
      file_name TEXT NOT NULL,
      sha256 TEXT NOT NULL,
      source TEXT NOT NULL CHECK (source IN ('disk', 'usb', 'email')),
      staged_path TEXT,
      sheet TEXT,
      header_rows INTEGER,
      mapping TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(mapping)),
      layout_signature TEXT,
      counts TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(counts)),
      rejected TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(rejected)),
      organisation_id TEXT REFERENCES organisations(id),
      actor TEXT NOT NULL,
      undone_at TEXT,
      undone_by TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`,
    'CREATE INDEX import_batches_sha ON import_batches(sha256)',
    'CREATE INDEX import_batches_created ON import_batches(created_at)',

    `CREATE TABLE import_changes (
      batch_id TEXT NOT NULL REFERENCES import_batches(id),
      seq INTEGER NOT NULL,
      entity TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      action TEXT NOT NULL CHECK (action IN ('create', 'update')),
      before TEXT CHECK (before IS NULL OR json_valid(before)),
      PRIMARY KEY (batch_id, seq)
    ) STRICT`,

    `CREATE TABLE import_layouts (
      signature TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('3w', 'follow_up')),
      mapping TEXT NOT NULL CHECK (json_valid(mapping)),
      header_rows INTEGER NOT NULL,
      hxl_row INTEGER NOT NULL CHECK (hxl_row IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`,

    `CREATE TABLE synonyms (
      kind TEXT NOT NULL CHECK (kind IN ('sector', 'organisation_kind', 'intervention_status', 'intervention_role')),
      term TEXT NOT NULL,
      value TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (kind, term)
    ) STRICT`,

    `CREATE TABLE interventions (
      id TEXT PRIMARY KEY,
      organisation_id TEXT NOT NULL REFERENCES organisations(id),
      role TEXT NOT NULL DEFAULT 'implementation' CHECK (role IN ('implementation', 'funding', 'programming')),
      donor_organisation_id TEXT REFERENCES organisations(id),
      donor_label TEXT,
      sector TEXT,
      domain TEXT,
      activity TEXT NOT NULL,
      target_group TEXT,
      territory_id TEXT REFERENCES territories(id),
      adm1_id TEXT REFERENCES territories(id),
      adm2_id TEXT REFERENCES territories(id),
      place_label TEXT,
      status TEXT CHECK (status IS NULL OR status IN ('planned', 'ongoing', 'completed', 'suspended')),
      start_date TEXT,
      end_date TEXT,
      targeted_women INTEGER,
      targeted_men INTEGER,
      targeted_total INTEGER,
      reached_women INTEGER,
      reached_men INTEGER,
      reached_total INTEGER,
      budget REAL,
      currency TEXT,
      contact TEXT,
      reported_on TEXT,
      natural_key TEXT NOT NULL,
      batch_id TEXT REFERENCES import_batches(id),
      source_file TEXT,
      source_sheet TEXT,
      source_row INTEGER,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT
    ) STRICT`,
    'CREATE INDEX interventions_org ON interventions(organisation_id)',
    'CREATE INDEX interventions_key ON interventions(natural_key)',
    'CREATE INDEX interventions_batch ON interventions(batch_id)',
    // Covering indexes for coverage: the matrix, overlaps and gaps read only these (a million
    // interventions are counted from the index without touching the table).
    `CREATE INDEX interventions_adm1 ON interventions(adm1_id, sector, organisation_id, deleted_at, status,
      start_date, end_date, target_group, donor_organisation_id)`,
    `CREATE INDEX interventions_adm2 ON interventions(adm2_id, sector, organisation_id, deleted_at, status,
      start_date, end_date, target_group, donor_organisation_id)`,

    `CREATE TABLE conventions (
      id TEXT PRIMARY KEY,
      organisation_id TEXT NOT NULL REFERENCES organisations(id),
      kind TEXT NOT NULL CHECK (kind IN ('convention', 'memorandum', 'approval', 'framework_agreement', 'tripartite', 'other')),
      reference TEXT,
      title TEXT,
      signed_on TEXT,
      duration_months INTEGER CHECK (duration_months IS NULL OR duration_months > 0),
      end_date TEXT,
      renewal_terms TEXT,
      elements TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(elements)),
      midterm_evaluation_due TEXT,
      final_evaluation_due TEXT,
      status TEXT NOT NULL DEFAULT 'in_force' CHECK (status IN ('in_force', 'expired', 'renewing', 'revoked')),
      revoked_on TEXT,
      revocation_reason TEXT,
      notes TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT
    ) STRICT`,
    'CREATE INDEX conventions_org ON conventions(organisation_id)',

    'ALTER TABLE recommendation_updates ADD COLUMN import_batch_id TEXT REFERENCES import_batches(id)',
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
