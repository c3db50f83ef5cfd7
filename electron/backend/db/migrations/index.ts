import type { Migration, MigrationProvider } from 'kysely/migration';
import * as m0001 from './0001_registry';
import * as m0002 from './0002_meetings';
import * as m0003 from './0003_minutes_recommendations';
import * as m0004 from './0004_documents';
import * as m0005 from './0005_partners';
import * as m0006 from './0006_safety';

// Append-only, in order. A static list (not a folder scan) so that bundlers keep every file.
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001_registry': m0001,
  '0002_meetings': m0002,
  '0003_minutes_recommendations': m0003,
  '0004_documents': m0004,
  '0005_partners': m0005,
  '0006_safety': m0006,
};

export const staticMigrationProvider: MigrationProvider = {
  getMigrations: async () => ({ ...MIGRATIONS }),
};

/** The schema version this build of Concerto knows: stored in PRAGMA user_version. */
export const SCHEMA_VERSION = Object.keys(MIGRATIONS).length;
