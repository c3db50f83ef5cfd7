import { sql } from 'kysely';
import { foldForSearch } from '../../../../shared/domain/text';
import type { SearchKind } from '../../../../shared/rpc/search';
import type { Db } from '../../db/open';

/**
 * Turns what the user typed into an FTS5 query: every word must match the start of a word,
 * accents and case ignored ("tenen" finds "Ténenkou"). Quotes keep user text from being read
 * as FTS syntax.
 */
export function toFtsQuery(text: string): string | null {
  const words = foldForSearch(text)
    .split(' ')
    .map((w) => w.replace(/"/g, ''))
    .filter((w) => w.length > 0);
  if (words.length === 0) return null;
  return words.map((w) => `"${w}"*`).join(' ');
}

export interface IndexHit {
  kind: SearchKind;
  refId: string;
}

/** Best matches first; an acronym or name hit weighs more than a mention in the mandate. */
export async function searchIndex(
  db: Db,
  text: string,
  kinds: readonly SearchKind[] | undefined,
  limit: number,
) {
  const match = toFtsQuery(text);
  if (!match) return [];
  let query = db
    .selectFrom('search_index')
    .select(['kind', 'ref_id'])
    .where(sql<boolean>`search_index MATCH ${match}`);
  if (kinds && kinds.length > 0) query = query.where('kind', 'in', [...kinds]);
  const rows = await query
    .orderBy(sql`bm25(search_index, 0, 0, 10.0, 12.0, 6.0, 1.0)`)
    .limit(limit)
    .execute();
  return rows.map((r): IndexHit => ({ kind: r.kind as SearchKind, refId: r.ref_id }));
}
