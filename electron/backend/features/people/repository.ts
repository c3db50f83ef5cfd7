import type { Selectable } from 'kysely';
import { compareFr } from '../../../../shared/domain/text';
import type { Sex } from '../../../../shared/domain/vocabularies';
import type { OutputOf, ParsedInputOf } from '../../../../shared/rpc';
import type { Person } from '../../../../shared/rpc/people';
import type { Db } from '../../db/open';
import type { PeopleTable } from '../../db/schema';
import { AppError } from '../../errors';
import { fullLabel, matchesText, searchWords, shortLabel } from '../organisations/repository';

export type PersonRow = Selectable<PeopleTable>;
type ListItem = OutputOf<'people.list'>[number];
type Detail = OutputOf<'people.get'>;

export function toPerson(row: PersonRow): Person {
  return {
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    title: row.title,
    function: row.function,
    organisationId: row.organisation_id,
    email: row.email,
    phone: row.phone,
    sex: row.sex as Sex | null,
    notes: row.notes,
    isDemo: row.is_demo === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

export async function findPersonRow(db: Db, id: string): Promise<PersonRow | undefined> {
  return db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function requirePersonRow(db: Db, id: string): Promise<PersonRow> {
  const row = await findPersonRow(db, id);
  if (!row)
    throw new AppError('NOT_FOUND', 'Cette personne est introuvable (elle a peut-être été supprimée).');
  return row;
}

/** Directory order: last name, then first name, in French order. */
export const byName = (
  a: { last_name: string; first_name: string },
  b: { last_name: string; first_name: string },
): number => compareFr(a.last_name, b.last_name) || compareFr(a.first_name, b.first_name);

export async function listPeople(db: Db, filter: ParsedInputOf<'people.list'>): Promise<ListItem[]> {
  let query = db
    .selectFrom('people')
    .leftJoin('organisations', 'organisations.id', 'people.organisation_id')
    .selectAll('people')
    .select(['organisations.name as organisation_name', 'organisations.acronym as organisation_acronym'])
    .where('people.deleted_at', filter.trashed ? 'is not' : 'is', null);
  if (filter.organisationId) query = query.where('people.organisation_id', '=', filter.organisationId);
  const words = searchWords(filter.text);
  return (await query.execute())
    .filter((r) => words.length === 0 || matchesText(words, [r.first_name, r.last_name, r.email, r.function]))
    .sort(byName)
    .map((r) => {
      const { createdAt: _c, updatedAt: _u, notes: _n, ...person } = toPerson(r);
      return {
        ...person,
        organisation:
          r.organisation_id && r.organisation_name !== null
            ? { id: r.organisation_id, label: shortLabel(r.organisation_name, r.organisation_acronym) }
            : null,
      };
    });
}

/** A person with their organisation and every seat they held or hold, newest first. */
export async function getPersonDetail(db: Db, id: string): Promise<Detail> {
  const row = await requirePersonRow(db, id);
  const organisation = row.organisation_id
    ? await db
        .selectFrom('organisations')
        .select(['id', 'name', 'acronym'])
        .where('id', '=', row.organisation_id)
        .executeTakeFirst()
    : undefined;
  // Removed holders and seats are corrections, not history: they are left out. So are bodies in
  // the trash, which the rest of the app hides too.
  const seats = await db
    .selectFrom('seat_holders')
    .innerJoin('seats', 'seats.id', 'seat_holders.seat_id')
    .innerJoin('bodies', 'bodies.id', 'seats.body_id')
    .select([
      'seat_holders.id as holder_id',
      'seat_holders.valid_from',
      'seat_holders.valid_to',
      'seats.id as seat_id',
      'seats.function',
      'seats.role',
      'seats.rank',
      'bodies.id as body_id',
      'bodies.name as body_name',
      'bodies.acronym as body_acronym',
    ])
    .where('seat_holders.person_id', '=', id)
    .where('seat_holders.deleted_at', 'is', null)
    .where('seats.deleted_at', 'is', null)
    .where('bodies.deleted_at', 'is', null)
    .orderBy('seat_holders.valid_from', 'desc')
    .orderBy('seat_holders.id', 'desc')
    .execute();
  return {
    ...toPerson(row),
    organisation: organisation
      ? { id: organisation.id, label: fullLabel(organisation.name, organisation.acronym) }
      : null,
    seats: seats.map((s) => ({
      holderId: s.holder_id,
      seatId: s.seat_id,
      body: { id: s.body_id, label: fullLabel(s.body_name, s.body_acronym) },
      function: s.function,
      role: s.role,
      rank: s.rank,
      from: s.valid_from,
      to: s.valid_to,
    })),
  };
}
