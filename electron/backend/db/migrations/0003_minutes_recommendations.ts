import { type Kysely, sql } from 'kysely';

// Frozen in time: minutes with their versions, working groups, and the register of
// recommendations with their updates, carry-over snapshots and roadmaps.
// biome-ignore lint/suspicious/noExplicitAny: migrations are schema-agnostic by design
export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    `CREATE TABLE minutes (
      id TEXT PRIMARY KEY,
      meeting_id TEXT NOT NULL UNIQUE REFERENCES meetings(id),
      rapporteur_person_id TEXT REFERENCES people(id),
      status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'review', 'validated', 'adopted')),
      content TEXT NOT NULL CHECK (json_valid(content)),
      plain_text TEXT NOT NULL DEFAULT '',
      revision INTEGER NOT NULL DEFAULT 0,
      last_save_id TEXT,
      validated_on TEXT,
      adopted_on TEXT,
      adopted_at_meeting_id TEXT REFERENCES meetings(id),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`,

    `CREATE TABLE minutes_versions (
      id TEXT PRIMARY KEY,
      minutes_id TEXT NOT NULL REFERENCES minutes(id),
      revision INTEGER NOT NULL,
      status TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('autosave', 'status', 'restore')),
      content TEXT NOT NULL CHECK (json_valid(content)),
      plain_text TEXT NOT NULL DEFAULT '',
      actor TEXT NOT NULL,
      saved_at TEXT NOT NULL
    ) STRICT`,
    'CREATE INDEX minutes_versions_minutes ON minutes_versions(minutes_id, saved_at)',

    `CREATE TABLE working_groups (
      id TEXT PRIMARY KEY,
      meeting_id TEXT NOT NULL REFERENCES meetings(id),
      position INTEGER NOT NULL,
      theme TEXT NOT NULL,
      facilitator TEXT,
      co_facilitator TEXT,
      rapporteur TEXT,
      key_points TEXT NOT NULL DEFAULT '',
      recommendations TEXT NOT NULL DEFAULT '',
      plenary_additions TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`,
    'CREATE INDEX working_groups_meeting ON working_groups(meeting_id, position)',

    `CREATE TABLE recommendations (
      id TEXT PRIMARY KEY,
      body_id TEXT NOT NULL REFERENCES bodies(id),
      reference TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('recommendation', 'decision', 'commitment', 'action_point')),
      text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 5000),
      theme TEXT,
      origin_kind TEXT NOT NULL CHECK (origin_kind IN ('meeting', 'agenda_item', 'working_group', 'plenary', 'direct')),
      origin_meeting_id TEXT REFERENCES meetings(id),
      origin_agenda_entry_id TEXT,
      origin_working_group_id TEXT REFERENCES working_groups(id),
      lead_organisation_id TEXT REFERENCES organisations(id),
      person_id TEXT REFERENCES people(id),
      target_level TEXT,
      target_territory_id TEXT REFERENCES territories(id),
      due_date TEXT,
      priority TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('high', 'normal', 'low')),
      status TEXT NOT NULL DEFAULT 'not_started',
      progress INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
      actions_taken TEXT,
      transmitted_from_id TEXT REFERENCES recommendations(id),
      is_demo INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT
    ) STRICT`,
    'CREATE UNIQUE INDEX recommendations_reference ON recommendations(reference)',
    'CREATE INDEX recommendations_body_status ON recommendations(body_id, status)',
    'CREATE INDEX recommendations_lead ON recommendations(lead_organisation_id)',
    'CREATE INDEX recommendations_due ON recommendations(due_date)',
    'CREATE INDEX recommendations_origin_meeting ON recommendations(origin_meeting_id)',

    `CREATE TABLE recommendation_associates (
      recommendation_id TEXT NOT NULL REFERENCES recommendations(id),
      organisation_id TEXT NOT NULL REFERENCES organisations(id),
      PRIMARY KEY (recommendation_id, organisation_id)
    ) STRICT`,

    `CREATE TABLE recommendation_updates (
      id TEXT PRIMARY KEY,
      recommendation_id TEXT NOT NULL REFERENCES recommendations(id),
      date TEXT NOT NULL,
      status TEXT NOT NULL,
      progress INTEGER NOT NULL CHECK (progress BETWEEN 0 AND 100),
      comment TEXT,
      actions_taken TEXT,
      source TEXT NOT NULL CHECK (source IN ('meeting', 'follow_up_sheet', 'manual', 'transmission')),
      meeting_id TEXT REFERENCES meetings(id),
      actor TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT`,
    'CREATE INDEX recommendation_updates_rec ON recommendation_updates(recommendation_id, date)',
    'CREATE INDEX recommendation_updates_meeting ON recommendation_updates(meeting_id)',

    `CREATE TABLE follow_up_snapshots (
      meeting_id TEXT NOT NULL REFERENCES meetings(id),
      recommendation_id TEXT NOT NULL REFERENCES recommendations(id),
      position INTEGER NOT NULL,
      status TEXT NOT NULL,
      progress INTEGER NOT NULL,
      due_date TEXT,
      captured_at TEXT NOT NULL,
      PRIMARY KEY (meeting_id, recommendation_id)
    ) STRICT`,

    `CREATE TABLE roadmaps (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
      description TEXT,
      body_id TEXT REFERENCES bodies(id),
      meeting_id TEXT REFERENCES meetings(id),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT
    ) STRICT`,

    `CREATE TABLE roadmap_items (
      roadmap_id TEXT NOT NULL REFERENCES roadmaps(id),
      recommendation_id TEXT NOT NULL REFERENCES recommendations(id),
      position INTEGER NOT NULL,
      PRIMARY KEY (roadmap_id, recommendation_id)
    ) STRICT`,

    // Full text over the register: accents removed, prefixes indexed; plurals are folded on
    // the query side (recommandations → recommandation*).
    `CREATE VIRTUAL TABLE recommendations_fts USING fts5(
      ref_id UNINDEXED,
      reference,
      text,
      theme,
      actions_taken,
      tokenize = 'unicode61 remove_diacritics 2',
      prefix = '2 3 4'
    )`,
    // Index entries share the recommendation's rowid, so keeping them in step is a lookup, not a
    // scan of the whole index (a status update at national scale went from ~40 ms to ~0.1 ms).
    `CREATE TRIGGER recommendations_fts_ai AFTER INSERT ON recommendations BEGIN
      INSERT INTO recommendations_fts (rowid, ref_id, reference, text, theme, actions_taken)
      SELECT new.rowid, new.id, new.reference, new.text, coalesce(new.theme, ''), coalesce(new.actions_taken, '')
      WHERE new.deleted_at IS NULL;
    END`,
    `CREATE TRIGGER recommendations_fts_au
      AFTER UPDATE OF reference, text, theme, actions_taken, deleted_at ON recommendations BEGIN
      DELETE FROM recommendations_fts WHERE rowid = old.rowid;
      INSERT INTO recommendations_fts (rowid, ref_id, reference, text, theme, actions_taken)
      SELECT new.rowid, new.id, new.reference, new.text, coalesce(new.theme, ''), coalesce(new.actions_taken, '')
      WHERE new.deleted_at IS NULL;
    END`,
    `CREATE TRIGGER recommendations_fts_ad AFTER DELETE ON recommendations BEGIN
      DELETE FROM recommendations_fts WHERE rowid = old.rowid;
    END`,
    'CREATE INDEX recommendation_associates_organisation ON recommendation_associates(organisation_id)',
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
