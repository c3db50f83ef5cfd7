import { type Kysely, sql } from 'kysely';

// Frozen in time: meetings, their agenda, invitees (a snapshot of the composition) and attendance.
// biome-ignore lint/suspicious/noExplicitAny: migrations are schema-agnostic by design
export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    `CREATE TABLE meetings (
      id TEXT PRIMARY KEY,
      body_id TEXT NOT NULL REFERENCES bodies(id),
      number INTEGER CHECK (number IS NULL OR number > 0),
      title TEXT,
      kind TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'convened', 'held', 'closed', 'postponed', 'cancelled')),
      planned_date TEXT,
      start_date TEXT NOT NULL,
      end_date TEXT NOT NULL,
      start_time TEXT,
      end_time TEXT,
      place TEXT,
      online_url TEXT,
      funding_source TEXT,
      convened_on TEXT,
      postponed_from TEXT,
      status_reason TEXT,
      is_demo INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      CHECK (end_date >= start_date)
    ) STRICT`,
    'CREATE INDEX meetings_body_date ON meetings(body_id, start_date)',
    'CREATE INDEX meetings_date ON meetings(start_date)',

    `CREATE TABLE meeting_cohosts (
      meeting_id TEXT NOT NULL REFERENCES meetings(id),
      body_id TEXT NOT NULL REFERENCES bodies(id),
      PRIMARY KEY (meeting_id, body_id)
    ) STRICT`,
    'CREATE INDEX meeting_cohosts_body ON meeting_cohosts(body_id)',

    `CREATE TABLE agenda_entries (
      id TEXT PRIMARY KEY,
      meeting_id TEXT NOT NULL REFERENCES meetings(id),
      day TEXT NOT NULL,
      position INTEGER NOT NULL,
      entry_type TEXT NOT NULL CHECK (entry_type IN ('part', 'item')),
      kind TEXT,
      title TEXT NOT NULL,
      start_time TEXT,
      end_time TEXT,
      responsible TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(responsible)),
      documents TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(documents)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`,
    'CREATE INDEX agenda_entries_meeting ON agenda_entries(meeting_id, day, position)',

    `CREATE TABLE invitees (
      id TEXT PRIMARY KEY,
      meeting_id TEXT NOT NULL REFERENCES meetings(id),
      seat_id TEXT REFERENCES seats(id),
      person_id TEXT REFERENCES people(id),
      organisation_id TEXT REFERENCES organisations(id),
      name TEXT NOT NULL,
      function TEXT,
      organisation_label TEXT,
      role TEXT,
      rank INTEGER,
      voting INTEGER NOT NULL DEFAULT 1 CHECK (voting IN (0, 1)),
      sex TEXT CHECK (sex IN ('female', 'male')),
      email TEXT,
      is_extra INTEGER NOT NULL DEFAULT 0 CHECK (is_extra IN (0, 1)),
      position INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`,
    'CREATE INDEX invitees_meeting ON invitees(meeting_id)',
    'CREATE INDEX invitees_seat ON invitees(seat_id)',

    `CREATE TABLE attendance (
      id TEXT PRIMARY KEY,
      meeting_id TEXT NOT NULL REFERENCES meetings(id),
      invitee_id TEXT REFERENCES invitees(id),
      status TEXT NOT NULL CHECK (status IN ('present', 'absent', 'excused', 'represented')),
      person_id TEXT REFERENCES people(id),
      name TEXT,
      function TEXT,
      organisation_id TEXT REFERENCES organisations(id),
      organisation_label TEXT,
      sex TEXT CHECK (sex IN ('female', 'male')),
      email TEXT,
      phone TEXT,
      representative_name TEXT,
      representative_function TEXT,
      representative_sex TEXT CHECK (representative_sex IN ('female', 'male')),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (meeting_id, invitee_id)
    ) STRICT`,
    'CREATE INDEX attendance_meeting ON attendance(meeting_id)',

    `CREATE TABLE attendance_counts (
      id TEXT PRIMARY KEY,
      meeting_id TEXT NOT NULL REFERENCES meetings(id),
      organisation_id TEXT REFERENCES organisations(id),
      label TEXT NOT NULL,
      count INTEGER NOT NULL CHECK (count >= 0),
      women INTEGER CHECK (women IS NULL OR (women >= 0 AND women <= count)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`,
    'CREATE INDEX attendance_counts_meeting ON attendance_counts(meeting_id)',
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
