import { sql } from 'kysely';
import { compareFr, foldForSearch } from '../../../../shared/domain/text';
import type { BodyLinkKind } from '../../../../shared/domain/vocabularies';
import type { OutputOf, ParsedInputOf } from '../../../../shared/rpc';
import type { BodyDetail, BodyListItem } from '../../../../shared/rpc/bodies';
import type { Db } from '../../db/open';
import { fullLabel, loadSeats, requireBodyRow, territoryPath, toBody } from './repository';

/**
 * The bodies matching the filters, sorted by name. A territory filter takes in the bodies of
 * every territory below it: filtering on a region shows its cercles' CLOCSAD too.
 */
export async function listBodies(db: Db, filter: ParsedInputOf<'bodies.list'>): Promise<BodyListItem[]> {
  let query = db
    .selectFrom('bodies')
    .leftJoin('territories', 'territories.id', 'bodies.territory_id')
    .selectAll('bodies')
    .select('territories.name as territory_name')
    .select((eb) =>
      eb
        .selectFrom('seats')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('seats.body_id', '=', 'bodies.id')
        .where('seats.deleted_at', 'is', null)
        .as('seat_count'),
    )
    .where('bodies.deleted_at', filter.trashed ? 'is not' : 'is', null);
  if (filter.kind) query = query.where('bodies.kind', '=', filter.kind);
  if (filter.level) query = query.where('bodies.level', '=', filter.level);
  if (filter.status !== 'all') query = query.where('bodies.status', '=', filter.status);
  if (filter.territoryId) {
    query = query.where(
      sql<boolean>`bodies.territory_id IN (
        WITH RECURSIVE below(id) AS (
          SELECT ${filter.territoryId}
          UNION
          SELECT territories.id FROM territories JOIN below ON territories.parent_id = below.id
        )
        SELECT id FROM below)`,
    );
  }
  const rows = await query.execute();

  const words = foldForSearch(filter.text ?? '')
    .split(' ')
    .filter((w) => w.length > 0);
  const matches = (name: string, acronym: string | null) => {
    if (words.length === 0) return true;
    const haystack = foldForSearch(`${name} ${acronym ?? ''}`);
    return words.every((w) => haystack.includes(w));
  };

  return rows
    .filter((r) => matches(r.name, r.acronym))
    .map((r): BodyListItem => {
      const body = toBody(r);
      return {
        id: body.id,
        name: body.name,
        acronym: body.acronym,
        kind: body.kind,
        level: body.level,
        countryCode: body.countryCode,
        territoryId: body.territoryId,
        parentId: body.parentId,
        status: body.status,
        isDemo: body.isDemo,
        deletedAt: body.deletedAt,
        periodicity: body.periodicity,
        territory:
          r.territory_id && r.territory_name !== null
            ? { id: r.territory_id, label: r.territory_name }
            : null,
        seatCount: Number(r.seat_count ?? 0),
      };
    })
    .sort((a, b) => compareFr(a.name, b.name));
}

export async function getBodyDetail(db: Db, id: string): Promise<BodyDetail> {
  const body = toBody(await requireBodyRow(db, id));
  const ref = async (table: 'bodies' | 'organisations', refId: string | null) => {
    if (!refId) return null;
    const row = await db
      .selectFrom(table)
      .select(['id', 'name', 'acronym'])
      .where('id', '=', refId)
      .executeTakeFirst();
    return row ? { id: row.id, label: fullLabel(row.name, row.acronym) } : null;
  };

  let territory: BodyDetail['territory'] = null;
  if (body.territoryId) {
    const row = await db
      .selectFrom('territories')
      .select(['id', 'name'])
      .where('id', '=', body.territoryId)
      .executeTakeFirst();
    if (row) territory = { id: row.id, label: row.name, path: (await territoryPath(db, row.id)) ?? row.name };
  }

  const children = (
    await db
      .selectFrom('bodies')
      .select(['id', 'name', 'acronym'])
      .where('parent_id', '=', id)
      .where('deleted_at', 'is', null)
      .execute()
  )
    .map((r) => ({ id: r.id, label: fullLabel(r.name, r.acronym) }))
    .sort((a, b) => compareFr(a.label, b.label));

  // A link to a trashed body is hidden until that body is restored.
  const outgoing = await db
    .selectFrom('body_links')
    .innerJoin('bodies', 'bodies.id', 'body_links.to_body_id')
    .select(['body_links.id', 'body_links.kind', 'bodies.id as body_id', 'bodies.name', 'bodies.acronym'])
    .where('body_links.from_body_id', '=', id)
    .where('bodies.deleted_at', 'is', null)
    .execute();
  const incoming = await db
    .selectFrom('body_links')
    .innerJoin('bodies', 'bodies.id', 'body_links.from_body_id')
    .select(['body_links.id', 'body_links.kind', 'bodies.id as body_id', 'bodies.name', 'bodies.acronym'])
    .where('body_links.to_body_id', '=', id)
    .where('bodies.deleted_at', 'is', null)
    .execute();
  const toLink = (direction: 'outgoing' | 'incoming') => (r: (typeof outgoing)[number]) => ({
    id: r.id,
    kind: r.kind as BodyLinkKind,
    direction,
    body: { id: r.body_id, label: fullLabel(r.name, r.acronym) },
  });
  // Outgoing first ("rend compte à"), then incoming, each by kind then name.
  const rank = (direction: string) => (direction === 'outgoing' ? 0 : 1);
  const links = [...outgoing.map(toLink('outgoing')), ...incoming.map(toLink('incoming'))].sort(
    (a, b) =>
      rank(a.direction) - rank(b.direction) ||
      a.kind.localeCompare(b.kind) ||
      compareFr(a.body.label, b.body.label),
  );

  return {
    ...body,
    territory,
    parent: await ref('bodies', body.parentId),
    children,
    secretariatOrganisation: await ref('organisations', body.secretariatOrganisationId),
    links,
    seats: await loadSeats(db, { bodyId: id }),
  };
}

/** The same acronym (case and accents aside) in the same territory; no territory matches no territory. */
export async function acronymClashes(
  db: Db,
  input: ParsedInputOf<'bodies.acronymClashes'>,
): Promise<OutputOf<'bodies.acronymClashes'>> {
  const fold = (s: string) => foldForSearch(s).replace(/\s+/g, '');
  const wanted = fold(input.acronym);
  if (!wanted) return [];
  let query = db
    .selectFrom('bodies')
    .leftJoin('territories', 'territories.id', 'bodies.territory_id')
    .select(['bodies.id', 'bodies.name', 'bodies.acronym', 'territories.name as territory'])
    .where('bodies.deleted_at', 'is', null)
    .where('bodies.acronym', 'is not', null);
  query = input.territoryId
    ? query.where('bodies.territory_id', '=', input.territoryId)
    : query.where('bodies.territory_id', 'is', null);
  if (input.excludeId) query = query.where('bodies.id', '!=', input.excludeId);
  const rows = await query.execute();
  return rows
    .filter((r) => r.acronym !== null && fold(r.acronym) === wanted)
    .map((r) => ({ id: r.id, label: fullLabel(r.name, r.acronym), territory: r.territory }))
    .sort((a, b) => compareFr(a.label, b.label));
}
