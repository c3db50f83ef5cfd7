import type { Selectable } from 'kysely';
import { compareSeats } from '../../../../shared/domain/seats';
import { compareFr, foldForSearch } from '../../../../shared/domain/text';
import type { OrganisationKind, SeatRole } from '../../../../shared/domain/vocabularies';
import type { OutputOf, ParsedInputOf } from '../../../../shared/rpc';
import type { Organisation } from '../../../../shared/rpc/organisations';
import type { Db } from '../../db/open';
import type { OrganisationsTable } from '../../db/schema';
import { AppError } from '../../errors';
import { parseJson } from '../../json';
import { territoryPaths } from '../territories/repository';

export type OrganisationRow = Selectable<OrganisationsTable>;
type ListItem = OutputOf<'organisations.list'>[number];
type Detail = OutputOf<'organisations.get'>;

// Labels of references: the full one ("Programme alimentaire mondial (PAM)") where a record is
// named on its own, the short one (the acronym when there is one) next to a person's name.
export const fullLabel = (name: string, acronym: string | null): string =>
  acronym ? `${name} (${acronym})` : name;
export const shortLabel = (name: string, acronym: string | null): string => acronym ?? name;
export const personLabel = (firstName: string, lastName: string): string => `${firstName} ${lastName}`.trim();

export function toOrganisation(row: OrganisationRow): Organisation {
  return {
    id: row.id,
    name: row.name,
    acronym: row.acronym,
    aliases: parseJson<string[]>(row.aliases, []),
    kind: row.kind as OrganisationKind,
    parentId: row.parent_id,
    countryCode: row.country_code,
    domains: parseJson<string[]>(row.domains, []),
    targetGroups: parseJson<string[]>(row.target_groups, []),
    zoneIds: parseJson<string[]>(row.zone_ids, []),
    email: row.email,
    phone: row.phone,
    website: row.website,
    address: row.address,
    notes: row.notes,
    isDemo: row.is_demo === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

export async function findOrganisationRow(db: Db, id: string): Promise<OrganisationRow | undefined> {
  return db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function requireOrganisationRow(db: Db, id: string): Promise<OrganisationRow> {
  const row = await findOrganisationRow(db, id);
  if (!row)
    throw new AppError('NOT_FOUND', 'Cette organisation est introuvable (elle a peut-être été supprimée).');
  return row;
}

/** Id → parent id of every organisation (trashed ones included: they keep their place in the tree). */
export async function organisationParents(db: Db): Promise<Map<string, string | null>> {
  const rows = await db.selectFrom('organisations').select(['id', 'parent_id']).execute();
  return new Map(rows.map((r) => [r.id, r.parent_id]));
}

/** Whether every word typed appears in one of the texts, accents and case aside. */
export function matchesText(words: readonly string[], texts: readonly (string | null)[]): boolean {
  const haystack = foldForSearch(texts.filter((t): t is string => t !== null).join(' '));
  return words.every((w) => haystack.includes(w));
}

export function searchWords(text: string | undefined): string[] {
  const folded = foldForSearch(text ?? '');
  return folded === '' ? [] : folded.split(' ');
}

/**
 * The list screen: the filters, French order by name, and how many people and seats each
 * organisation has (trashed people, seats and bodies not counted).
 */
export async function listOrganisations(
  db: Db,
  filter: ParsedInputOf<'organisations.list'>,
): Promise<ListItem[]> {
  let query = db
    .selectFrom('organisations')
    .select([
      'organisations.id',
      'organisations.name',
      'organisations.acronym',
      'organisations.aliases',
      'organisations.kind',
      'organisations.parent_id',
      'organisations.country_code',
      'organisations.is_demo',
      'organisations.deleted_at',
    ])
    .select((eb) => [
      eb
        .selectFrom('people')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('people.organisation_id', '=', 'organisations.id')
        .where('people.deleted_at', 'is', null)
        .as('people_count'),
      eb
        .selectFrom('seats')
        .innerJoin('bodies', 'bodies.id', 'seats.body_id')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('seats.organisation_id', '=', 'organisations.id')
        .where('seats.deleted_at', 'is', null)
        .where('bodies.deleted_at', 'is', null)
        .as('seat_count'),
    ])
    .where('organisations.deleted_at', filter.trashed ? 'is not' : 'is', null);
  if (filter.kind) query = query.where('organisations.kind', '=', filter.kind);
  const words = searchWords(filter.text);
  return (await query.execute())
    .filter(
      (r) =>
        words.length === 0 || matchesText(words, [r.name, r.acronym, ...parseJson<string[]>(r.aliases, [])]),
    )
    .sort((a, b) => compareFr(a.name, b.name))
    .map((r) => ({
      id: r.id,
      name: r.name,
      acronym: r.acronym,
      kind: r.kind as OrganisationKind,
      parentId: r.parent_id,
      countryCode: r.country_code,
      isDemo: r.is_demo === 1,
      deletedAt: r.deleted_at,
      peopleCount: Number(r.people_count ?? 0),
      seatCount: Number(r.seat_count ?? 0),
    }));
}

/** Today's date on this machine, as the secretariat reads the calendar. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export async function getOrganisationDetail(db: Db, id: string): Promise<Detail> {
  const row = await requireOrganisationRow(db, id);
  const organisation = toOrganisation(row);

  const parentRow = row.parent_id ? await findOrganisationRow(db, row.parent_id) : undefined;
  const children = await db
    .selectFrom('organisations')
    .select(['id', 'name', 'acronym'])
    .where('parent_id', '=', id)
    .where('deleted_at', 'is', null)
    .execute();

  // Zones in the order the user chose them, named by their path ("Mopti › Ténenkou": cercles and
  // communes often share a name).
  const paths = await territoryPaths(db, organisation.zoneIds);
  const zones = organisation.zoneIds.flatMap((zoneId) => {
    const label = paths.get(zoneId);
    return label === undefined ? [] : [{ id: zoneId, label }];
  });

  const people = await db
    .selectFrom('people')
    .select(['id', 'first_name', 'last_name', 'function'])
    .where('organisation_id', '=', id)
    .where('deleted_at', 'is', null)
    .execute();
  people.sort((a, b) => compareFr(a.last_name, b.last_name) || compareFr(a.first_name, b.first_name));

  const seats = await db
    .selectFrom('seats')
    .innerJoin('bodies', 'bodies.id', 'seats.body_id')
    .select([
      'seats.id',
      'seats.function',
      'seats.role',
      'seats.rank',
      'seats.position',
      'bodies.id as body_id',
      'bodies.name as body_name',
      'bodies.acronym as body_acronym',
    ])
    .where('seats.organisation_id', '=', id)
    .where('seats.deleted_at', 'is', null)
    .where('bodies.deleted_at', 'is', null)
    .execute();
  const on = today();
  const holders =
    seats.length === 0
      ? []
      : await db
          .selectFrom('seat_holders')
          .innerJoin('people', 'people.id', 'seat_holders.person_id')
          .select([
            'seat_holders.seat_id',
            'seat_holders.valid_from',
            'people.id as person_id',
            'people.first_name',
            'people.last_name',
          ])
          .where(
            'seat_holders.seat_id',
            'in',
            seats.map((s) => s.id),
          )
          .where('seat_holders.deleted_at', 'is', null)
          .where('seat_holders.valid_from', '<=', on)
          .where((eb) =>
            eb.or([eb('seat_holders.valid_to', 'is', null), eb('seat_holders.valid_to', '>=', on)]),
          )
          .orderBy('seat_holders.valid_from', 'desc')
          .execute();
  // Holder periods of a seat do not overlap; should a damaged file say otherwise, the latest wins.
  const currentHolder = new Map<string, { id: string; label: string }>();
  for (const h of holders) {
    if (!currentHolder.has(h.seat_id)) {
      currentHolder.set(h.seat_id, { id: h.person_id, label: personLabel(h.first_name, h.last_name) });
    }
  }
  seats.sort(
    (a, b) =>
      compareFr(fullLabel(a.body_name, a.body_acronym), fullLabel(b.body_name, b.body_acronym)) ||
      a.body_id.localeCompare(b.body_id) ||
      compareSeats(
        { role: a.role as SeatRole, rank: a.rank, position: a.position },
        { role: b.role as SeatRole, rank: b.rank, position: b.position },
      ),
  );

  return {
    ...organisation,
    parent: parentRow ? { id: parentRow.id, label: fullLabel(parentRow.name, parentRow.acronym) } : null,
    children: children
      .map((c) => ({ id: c.id, label: fullLabel(c.name, c.acronym) }))
      .sort((a, b) => compareFr(a.label, b.label)),
    zones,
    people: people.map((p) => ({
      id: p.id,
      label: personLabel(p.first_name, p.last_name),
      function: p.function,
    })),
    seats: seats.map((s) => ({
      seatId: s.id,
      body: { id: s.body_id, label: fullLabel(s.body_name, s.body_acronym) },
      function: s.function,
      role: s.role,
      rank: s.rank,
      currentHolder: currentHolder.get(s.id) ?? null,
    })),
  };
}
