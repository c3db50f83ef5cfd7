import { type Kysely, sql } from 'kysely';

// Frozen in time.
// 1. The export log also records .concerto archives (kind 'archive', format 'concerto'). SQLite
//    cannot alter a CHECK constraint, so the table is rebuilt with its rows.
// 2. Coverage over a million interventions: grouping on three 36-character UUIDs per row cost
//    more than the 300 ms budget, so every territory and organisation gets a small stable
//    integer number in `entity_numbers` (an INTEGER PRIMARY KEY, which VACUUM keeps, unlike the
//    implicit rowid of a table keyed by text; a side table, because updating the territory or
//    organisation row from its own insert trigger would re-fire its search-index triggers) and
//    interventions carry the numbers of their region, cercle and organisation, kept by triggers
//    whatever code writes them. The covering indexes of the coverage views use those numbers.
// biome-ignore lint/suspicious/noExplicitAny: migrations are schema-agnostic by design
export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    `CREATE TABLE export_log_new (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('document', 'spreadsheet', 'bundle', 'email', 'archive')),
      label TEXT NOT NULL,
      file_name TEXT NOT NULL,
      format TEXT NOT NULL CHECK (format IN ('docx', 'pdf', 'xlsx', 'zip', 'eml', 'concerto')),
      bytes INTEGER NOT NULL CHECK (bytes >= 0),
      sha256 TEXT NOT NULL,
      folder TEXT NOT NULL,
      path TEXT NOT NULL,
      in_exports INTEGER NOT NULL CHECK (in_exports IN (0, 1)),
      subject_type TEXT,
      subject_id TEXT,
      recipients TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(recipients)),
      actor TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`,
    'INSERT INTO export_log_new SELECT * FROM export_log',
    'DROP TABLE export_log',
    'ALTER TABLE export_log_new RENAME TO export_log',
    'CREATE INDEX export_log_created ON export_log(created_at)',
    'CREATE INDEX export_log_subject ON export_log(subject_id)',

    'CREATE TABLE entity_numbers (num INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE) STRICT',
    'INSERT INTO entity_numbers (id) SELECT id FROM territories ORDER BY rowid',
    'INSERT INTO entity_numbers (id) SELECT id FROM organisations ORDER BY rowid',
    ...numbered('territories'),
    ...numbered('organisations'),
    'ALTER TABLE interventions ADD COLUMN adm1_num INTEGER',
    'ALTER TABLE interventions ADD COLUMN adm2_num INTEGER',
    'ALTER TABLE interventions ADD COLUMN organisation_num INTEGER',
    `UPDATE interventions SET ${NUMBERS}`,
    // Writers that set the numbers themselves (the 3W import computes them from the ids in its
    // INSERT) pay only this NULL test; a row written without them gets them filled in. A WHEN
    // that looked the numbers up again tripled the cost of bulk inserts.
    `CREATE TRIGGER interventions_numbers_insert AFTER INSERT ON interventions
    WHEN NEW.organisation_num IS NULL
      OR (NEW.adm1_id IS NOT NULL AND NEW.adm1_num IS NULL)
      OR (NEW.adm2_id IS NOT NULL AND NEW.adm2_num IS NULL)
    BEGIN
      UPDATE interventions SET ${NUMBERS} WHERE rowid = NEW.rowid;
    END`,
    `CREATE TRIGGER interventions_numbers_update
    AFTER UPDATE OF adm1_id, adm2_id, organisation_id, adm1_num, adm2_num, organisation_num ON interventions
    WHEN ${STALE}
    BEGIN
      UPDATE interventions SET ${NUMBERS} WHERE rowid = NEW.rowid;
    END`,
    'DROP INDEX interventions_adm1',
    'DROP INDEX interventions_adm2',
    `CREATE INDEX interventions_coverage1 ON interventions(adm1_num, sector, organisation_num, deleted_at, status,
      start_date, end_date, target_group, donor_organisation_id)`,
    `CREATE INDEX interventions_coverage2 ON interventions(adm2_num, sector, organisation_num, deleted_at, status,
      start_date, end_date, target_group, donor_organisation_id)`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

const NUMBERS = `adm1_num = (SELECT num FROM entity_numbers WHERE id = adm1_id),
  adm2_num = (SELECT num FROM entity_numbers WHERE id = adm2_id),
  organisation_num = (SELECT num FROM entity_numbers WHERE id = organisation_id)`;

const STALE = `NEW.adm1_num IS NOT (SELECT num FROM entity_numbers WHERE id = NEW.adm1_id)
  OR NEW.adm2_num IS NOT (SELECT num FROM entity_numbers WHERE id = NEW.adm2_id)
  OR NEW.organisation_num IS NOT (SELECT num FROM entity_numbers WHERE id = NEW.organisation_id)`;

/** Every new row of the table gets its number (kept when the row is deleted: never reused). */
function numbered(table: string): string[] {
  return [
    `CREATE TRIGGER ${table}_number AFTER INSERT ON ${table} BEGIN
      INSERT OR IGNORE INTO entity_numbers (id) VALUES (NEW.id);
    END`,
  ];
}
