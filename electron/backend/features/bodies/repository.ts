import type { Selectable } from 'kysely';
import type { Periodicity } from '../../../../shared/domain/periodicity';
import type { QuorumRule } from '../../../../shared/domain/quorum';
import { compareSeats } from '../../../../shared/domain/seats';
import type {
  BodyKind,
  BodyLevel,
  CountryCode,
  LegalBasisKind,
  SeatRole,
} from '../../../../shared/domain/vocabularies';
import { vocab } from '../../../../shared/i18n/fr/vocab';
import type { Body, Holder, Seat } from '../../../../shared/rpc/bodies';
import type { Ref } from '../../../../shared/rpc/common';
import type { Db } from '../../db/open';
import type { BodiesTable, SeatHoldersTable, SeatsTable } from '../../db/schema';
import { AppError } from '../../errors';
import { parseJson } from '../../json';

export type BodyRow = Selectable<BodiesTable>;
export type SeatRow = Selectable<SeatsTable>;
export type HolderRow = Selectable<SeatHoldersTable>;

// Labels used in references ({id, label}) and history summaries. A full label names the record
// unambiguously in lists; a short one (the acronym when there is one) keeps summaries readable.
export const fullLabel = (name: string, acronym: string | null): string =>
  acronym ? `${name} (${acronym})` : name;
export const shortLabel = (name: string, acronym: string | null): string => acronym ?? name;
export const personLabel = (firstName: string, lastName: string): string => `${firstName} ${lastName}`.trim();

export function toBody(row: BodyRow): Body {
  return {
    id: row.id,
    name: row.name,
    acronym: row.acronym,
    kind: row.kind as BodyKind,
    level: row.level as BodyLevel,
    countryCode: row.country_code,
    territoryId: row.territory_id,
    parentId: row.parent_id,
    legalBasis: {
      kind: row.legal_basis_kind as LegalBasisKind | null,
      number: row.legal_basis_number,
      date: row.legal_basis_date,
      signatory: row.legal_basis_signatory,
      title: row.legal_basis_title,
    },
    mandate: row.mandate,
    secretariatOrganisationId: row.secretariat_organisation_id,
    // Always written from a validated input; the fallbacks only cover rows damaged outside Concerto.
    periodicity: parseJson<Periodicity>(row.periodicity, { kind: 'as_needed' }),
    quorumRule: parseJson<QuorumRule>(row.quorum_rule, { kind: 'none' }),
    fundingSource: row.funding_source,
    establishedOn: row.established_on,
    status: row.status,
    closedOn: row.closed_on,
    closedReason: row.closed_reason,
    isDemo: row.is_demo === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

export async function findBodyRow(db: Db, id: string): Promise<BodyRow | undefined> {
  return db.selectFrom('bodies').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function requireBodyRow(db: Db, id: string): Promise<BodyRow> {
  const row = await findBodyRow(db, id);
  if (!row)
    throw new AppError('NOT_FOUND', 'Cette instance est introuvable (elle a peut-être été supprimée).');
  return row;
}

export async function requireBody(db: Db, id: string): Promise<Body> {
  return toBody(await requireBodyRow(db, id));
}

/** Id → parent id of every body (trashed ones included: they still hold their place in the tree). */
export async function bodyParents(db: Db): Promise<Map<string, string | null>> {
  const rows = await db.selectFrom('bodies').select(['id', 'parent_id']).execute();
  return new Map(rows.map((r) => [r.id, r.parent_id]));
}

/** "Mali › Gao › Ansongo": the country's name, then the territory's ancestors down to itself. */
export async function territoryPath(db: Db, territoryId: string): Promise<string | null> {
  const names: string[] = [];
  let countryCode: string | null = null;
  let rootLevel = 0;
  let next: string | null = territoryId;
  // Territories are at most five levels deep; the bound also protects against a damaged loop.
  for (let depth = 0; next && depth < 10; depth++) {
    const row = await db
      .selectFrom('territories')
      .select(['name', 'parent_id', 'country_code', 'level'])
      .where('id', '=', next)
      .executeTakeFirst();
    if (!row) break;
    names.unshift(row.name);
    countryCode = row.country_code;
    rootLevel = row.level;
    next = row.parent_id;
  }
  if (names.length === 0) return null;
  // Reference data starts at level 1; a level-0 row, if a user made one, already is the country.
  if (rootLevel > 0 && countryCode) names.unshift(vocab.country[countryCode as CountryCode] ?? countryCode);
  return names.join(' › ');
}

type SeatJoined = SeatRow & { organisation_name: string | null; organisation_acronym: string | null };
type HolderJoined = HolderRow & { first_name: string; last_name: string };

export function toHolder(row: HolderJoined): Holder {
  return {
    id: row.id,
    seatId: row.seat_id,
    person: { id: row.person_id, label: personLabel(row.first_name, row.last_name) },
    from: row.valid_from,
    to: row.valid_to,
    note: row.note,
  };
}

function toSeat(row: SeatJoined, holders: Holder[]): Seat {
  const organisation: Ref | null =
    row.organisation_id && row.organisation_name !== null
      ? { id: row.organisation_id, label: fullLabel(row.organisation_name, row.organisation_acronym) }
      : null;
  return {
    id: row.id,
    bodyId: row.body_id,
    organisation,
    function: row.function,
    role: row.role as SeatRole,
    rank: row.rank,
    voting: row.voting === 1,
    position: row.position,
    notes: row.notes,
    holders,
  };
}

/**
 * The seats of a body (or one seat), not removed, in protocol order, each with all its
 * non-removed holders oldest first.
 */
export async function loadSeats(db: Db, where: { bodyId: string } | { seatId: string }): Promise<Seat[]> {
  let seatQuery = db
    .selectFrom('seats')
    .leftJoin('organisations', 'organisations.id', 'seats.organisation_id')
    .selectAll('seats')
    .select(['organisations.name as organisation_name', 'organisations.acronym as organisation_acronym'])
    .where('seats.deleted_at', 'is', null);
  let holderQuery = db
    .selectFrom('seat_holders')
    .innerJoin('seats', 'seats.id', 'seat_holders.seat_id')
    .innerJoin('people', 'people.id', 'seat_holders.person_id')
    .selectAll('seat_holders')
    .select(['people.first_name', 'people.last_name'])
    .where('seat_holders.deleted_at', 'is', null)
    .orderBy('seat_holders.valid_from')
    .orderBy('seat_holders.id');
  if ('bodyId' in where) {
    seatQuery = seatQuery.where('seats.body_id', '=', where.bodyId);
    holderQuery = holderQuery.where('seats.body_id', '=', where.bodyId);
  } else {
    seatQuery = seatQuery.where('seats.id', '=', where.seatId);
    holderQuery = holderQuery.where('seats.id', '=', where.seatId);
  }
  const [seatRows, holderRows] = await Promise.all([seatQuery.execute(), holderQuery.execute()]);
  const holdersBySeat = new Map<string, Holder[]>();
  for (const h of holderRows) {
    const list = holdersBySeat.get(h.seat_id) ?? [];
    list.push(toHolder(h));
    holdersBySeat.set(h.seat_id, list);
  }
  return seatRows.map((s) => toSeat(s, holdersBySeat.get(s.id) ?? [])).sort(compareSeats);
}

export async function findSeatRow(db: Db, id: string): Promise<SeatRow | undefined> {
  return db.selectFrom('seats').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A seat that still exists (not removed). */
export async function requireSeatRow(db: Db, id: string): Promise<SeatRow> {
  const row = await findSeatRow(db, id);
  if (!row || row.deleted_at !== null) {
    throw new AppError('NOT_FOUND', 'Ce siège est introuvable (il a peut-être été retiré).');
  }
  return row;
}

export async function requireSeat(db: Db, id: string): Promise<Seat> {
  const [seat] = await loadSeats(db, { seatId: id });
  if (!seat) throw new AppError('NOT_FOUND', 'Ce siège est introuvable (il a peut-être été retiré).');
  return seat;
}

/** Holders of a seat that were not removed, with the holder's name, oldest first. */
export async function holdersOfSeat(db: Db, seatId: string): Promise<Holder[]> {
  const rows = await db
    .selectFrom('seat_holders')
    .innerJoin('people', 'people.id', 'seat_holders.person_id')
    .selectAll('seat_holders')
    .select(['people.first_name', 'people.last_name'])
    .where('seat_holders.seat_id', '=', seatId)
    .where('seat_holders.deleted_at', 'is', null)
    .orderBy('seat_holders.valid_from')
    .orderBy('seat_holders.id')
    .execute();
  return rows.map(toHolder);
}

export async function requireHolder(db: Db, id: string): Promise<Holder> {
  const row = await db
    .selectFrom('seat_holders')
    .innerJoin('people', 'people.id', 'seat_holders.person_id')
    .selectAll('seat_holders')
    .select(['people.first_name', 'people.last_name'])
    .where('seat_holders.id', '=', id)
    .where('seat_holders.deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'Ce mandat est introuvable (il a peut-être été supprimé).');
  return toHolder(row);
}

export async function organisationRow(db: Db, id: string) {
  return db
    .selectFrom('organisations')
    .select(['id', 'name', 'acronym', 'deleted_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function personRow(db: Db, id: string) {
  return db
    .selectFrom('people')
    .select(['id', 'first_name', 'last_name', 'deleted_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function territoryRow(db: Db, id: string) {
  return db
    .selectFrom('territories')
    .select(['id', 'name', 'country_code', 'deleted_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}
