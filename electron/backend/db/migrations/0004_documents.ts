import { type Kysely, sql } from 'kysely';

// Frozen in time: the export log (what was produced, when, where and for whom) and stored
// assets (the heading's logo, kept in the database so it travels with it and cannot go missing).
// biome-ignore lint/suspicious/noExplicitAny: migrations are schema-agnostic by design
export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    `CREATE TABLE export_log (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('document', 'spreadsheet', 'bundle', 'email')),
      label TEXT NOT NULL,
      file_name TEXT NOT NULL,
      format TEXT NOT NULL CHECK (format IN ('docx', 'pdf', 'xlsx', 'zip', 'eml')),
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
    'CREATE INDEX export_log_created ON export_log(created_at)',
    'CREATE INDEX export_log_subject ON export_log(subject_id)',

    `CREATE TABLE assets (
      key TEXT PRIMARY KEY,
      mime TEXT NOT NULL,
      bytes BLOB NOT NULL,
      width INTEGER NOT NULL,
      height INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
