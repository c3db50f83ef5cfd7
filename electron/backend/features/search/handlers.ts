import type { SearchHit, SearchKind } from '../../../../shared/rpc/search';
import type { Db } from '../../db/open';
import { defineHandlers } from '../../rpc/router';
import { searchIndex } from './repository';

export const searchHandlers = defineHandlers({
  'search.query': async ({ text, kinds, limit }, ctx) => {
    const hits = await searchIndex(ctx.db, text, kinds, limit);
    const labels = await labelHits(ctx.db, hits);
    return hits.flatMap((h) => {
      const found = labels.get(`${h.kind}:${h.refId}`);
      return found ? [{ kind: h.kind, id: h.refId, ...found }] : [];
    });
  },
});

type Label = Pick<SearchHit, 'title' | 'subtitle'>;

/** Titles and subtitles for the hits, fetched per kind in one query each. */
async function labelHits(db: Db, hits: { kind: SearchKind; refId: string }[]): Promise<Map<string, Label>> {
  const ids = (kind: SearchKind) => hits.filter((h) => h.kind === kind).map((h) => h.refId);
  const out = new Map<string, Label>();
  const bodyIds = ids('body');
  if (bodyIds.length) {
    const rows = await db
      .selectFrom('bodies')
      .leftJoin('territories', 'territories.id', 'bodies.territory_id')
      .select(['bodies.id', 'bodies.name', 'bodies.acronym', 'territories.name as territory'])
      .where('bodies.id', 'in', bodyIds)
      .execute();
    for (const r of rows) {
      out.set(`body:${r.id}`, {
        title: r.acronym ? `${r.acronym} — ${r.name}` : r.name,
        subtitle: r.territory,
      });
    }
  }
  const orgIds = ids('organisation');
  if (orgIds.length) {
    const rows = await db
      .selectFrom('organisations')
      .select(['id', 'name', 'acronym'])
      .where('id', 'in', orgIds)
      .execute();
    for (const r of rows)
      out.set(`organisation:${r.id}`, {
        title: r.acronym ? `${r.acronym} — ${r.name}` : r.name,
        subtitle: null,
      });
  }
  const personIds = ids('person');
  if (personIds.length) {
    const rows = await db
      .selectFrom('people')
      .leftJoin('organisations', 'organisations.id', 'people.organisation_id')
      .select([
        'people.id',
        'people.first_name',
        'people.last_name',
        'people.function',
        'organisations.acronym',
        'organisations.name as organisation',
      ])
      .where('people.id', 'in', personIds)
      .execute();
    for (const r of rows) {
      const where = r.acronym ?? r.organisation;
      out.set(`person:${r.id}`, {
        title: `${r.first_name} ${r.last_name}`.trim(),
        subtitle: [r.function, where].filter(Boolean).join(' — ') || null,
      });
    }
  }
  const territoryIds = ids('territory');
  if (territoryIds.length) {
    const rows = await db
      .selectFrom('territories')
      .select(['id', 'name', 'pcode', 'country_code'])
      .where('id', 'in', territoryIds)
      .execute();
    for (const r of rows)
      out.set(`territory:${r.id}`, { title: r.name, subtitle: r.pcode ?? r.country_code });
  }
  return out;
}
