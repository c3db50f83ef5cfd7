import type BetterSqlite3 from 'better-sqlite3';
import type { ContentSummary } from '../../../../shared/rpc/safety';

/**
 * What a backup holds, in the user's words: bodies, meetings and recommendations not in the
 * trash. A table an older schema lacks counts 0 (a copy taken before a migration).
 */
export const SUMMARY_COUNTS: readonly { key: keyof ContentSummary; table: string; sql: string }[] = [
  { key: 'bodies', table: 'bodies', sql: 'SELECT count(*) FROM bodies WHERE deleted_at IS NULL' },
  { key: 'meetings', table: 'meetings', sql: 'SELECT count(*) FROM meetings WHERE deleted_at IS NULL' },
  {
    key: 'recommendations',
    table: 'recommendations',
    sql: 'SELECT count(*) FROM recommendations WHERE deleted_at IS NULL',
  },
];

export function readSummary(sqlite: BetterSqlite3.Database): ContentSummary {
  const tables = new Set(
    sqlite.prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all(),
  );
  const summary: ContentSummary = { bodies: 0, meetings: 0, recommendations: 0 };
  for (const { key, table, sql } of SUMMARY_COUNTS) {
    summary[key] = tables.has(table) ? Number(sqlite.prepare<[], number>(sql).pluck().get()) : 0;
  }
  return summary;
}
