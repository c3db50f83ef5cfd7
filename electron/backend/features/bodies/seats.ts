import { formatDateFr, isWithin, periodsOverlap } from '../../../../shared/domain/dates';
import { uuidv7 } from '../../../../shared/domain/ids';
import { RANKED_ROLES } from '../../../../shared/domain/vocabularies';
import type { FieldIssue } from '../../../../shared/errors';
import type { OutputOf, ParsedInputOf } from '../../../../shared/rpc';
import type { Holder, Seat } from '../../../../shared/rpc/bodies';
import { nowIso } from '../../clock';
import type { Db } from '../../db/open';
import { validationError } from '../../errors';
import { diffRecords, recordHistory } from '../history/repository';
import {
  holdersOfSeat,
  loadSeats,
  organisationRow,
  personLabel,
  personRow,
  requireBodyRow,
  requireHolder,
  requireSeat,
  requireSeatRow,
  type SeatRow,
  shortLabel,
} from './repository';
import { ensureNotTrashed, issue } from './validation';

type SeatInput = Omit<ParsedInputOf<'seats.create'>, 'bodyId'>;
type HolderInput = Omit<ParsedInputOf<'seats.addHolder'>, 'seatId'>;

/** "Président(e) — MASM": how history summaries name a seat. */
async function seatLabel(
  trx: Db,
  seat: { function: string; organisation_id: string | null },
): Promise<string> {
  if (!seat.organisation_id) return seat.function;
  const organisation = await organisationRow(trx, seat.organisation_id);
  return organisation
    ? `${seat.function} — ${shortLabel(organisation.name, organisation.acronym)}`
    : seat.function;
}

/** The body a seat belongs to, which must not be in the trash for its composition to change. */
async function editableBodyOf(trx: Db, seat: SeatRow) {
  const body = await requireBodyRow(trx, seat.body_id);
  ensureNotTrashed(body);
  return body;
}

async function checkSeatInput(trx: Db, input: SeatInput, before: SeatRow | null): Promise<void> {
  if (input.organisationId === null) return;
  const organisation = await organisationRow(trx, input.organisationId);
  const kept = before?.organisation_id === input.organisationId;
  if (!organisation || (organisation.deleted_at !== null && !kept)) {
    throw validationError([issue(['organisationId'], 'errors.field.unknownOrganisation')]);
  }
}

function seatColumns(input: SeatInput) {
  return {
    organisation_id: input.organisationId,
    function: input.function,
    role: input.role,
    // Only vice-presidents and rapporteurs are numbered (1er, 2e…); a stray rank on another role
    // would silently reorder the composition.
    rank: RANKED_ROLES.includes(input.role) ? input.rank : null,
    voting: input.voting ? 1 : 0,
    notes: input.notes,
  };
}

async function seatHistoryView(trx: Db, seat: SeatRow): Promise<Record<string, unknown>> {
  const organisation = seat.organisation_id ? await organisationRow(trx, seat.organisation_id) : undefined;
  return {
    organisationId: organisation ? shortLabel(organisation.name, organisation.acronym) : seat.organisation_id,
    function: seat.function,
    role: seat.role,
    rank: seat.rank,
    voting: seat.voting === 1,
    notes: seat.notes,
  };
}

export async function createSeat(trx: Db, bodyId: string, input: SeatInput, actor: string): Promise<Seat> {
  const body = await requireBodyRow(trx, bodyId);
  ensureNotTrashed(body);
  await checkSeatInput(trx, input, null);
  const last = await trx
    .selectFrom('seats')
    .select((eb) => eb.fn.max('position').as('position'))
    .where('body_id', '=', bodyId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  const position = last?.position === null || last?.position === undefined ? 0 : Number(last.position) + 1;
  const id = uuidv7();
  const at = nowIso();
  const columns = seatColumns(input);
  await trx
    .insertInto('seats')
    .values({ id, body_id: bodyId, ...columns, position, created_at: at, updated_at: at, deleted_at: null })
    .execute();
  await recordHistory(trx, {
    entityType: 'body',
    entityId: bodyId,
    action: 'seat_add',
    actor,
    summary: `Siège ajouté : ${await seatLabel(trx, columns)}`,
  });
  return requireSeat(trx, id);
}

export async function updateSeat(
  trx: Db,
  input: ParsedInputOf<'seats.update'>,
  actor: string,
): Promise<Seat> {
  const row = await requireSeatRow(trx, input.id);
  await editableBodyOf(trx, row);
  await checkSeatInput(trx, input, row);
  const before = await seatHistoryView(trx, row);
  await trx
    .updateTable('seats')
    .set({ ...seatColumns(input), updated_at: nowIso() })
    .where('id', '=', row.id)
    .execute();
  const updated = await requireSeatRow(trx, row.id);
  const changes = diffRecords(before, await seatHistoryView(trx, updated));
  if (Object.keys(changes).length > 0) {
    await recordHistory(trx, {
      entityType: 'body',
      entityId: row.body_id,
      action: 'seat_update',
      actor,
      changes,
      summary: `Siège modifié : ${await seatLabel(trx, updated)}`,
    });
  }
  return requireSeat(trx, row.id);
}

/** Removes the seat from the composition; its past holders stay on record for old meetings. */
export async function removeSeat(trx: Db, id: string, actor: string): Promise<void> {
  const row = await requireSeatRow(trx, id);
  await editableBodyOf(trx, row);
  const at = nowIso();
  await trx.updateTable('seats').set({ deleted_at: at, updated_at: at }).where('id', '=', id).execute();
  await recordHistory(trx, {
    entityType: 'body',
    entityId: row.body_id,
    action: 'seat_remove',
    actor,
    summary: `Siège retiré : ${await seatLabel(trx, row)}`,
  });
}

/**
 * The listed seats take positions 0..n-1 in that order; seats left out follow, keeping their
 * relative order. Positions only order seats within a role group (compareSeats).
 */
export async function reorderSeats(
  trx: Db,
  input: ParsedInputOf<'seats.reorder'>,
  actor: string,
): Promise<void> {
  const body = await requireBodyRow(trx, input.bodyId);
  ensureNotTrashed(body);
  const seats = await trx
    .selectFrom('seats')
    .select(['id', 'position'])
    .where('body_id', '=', input.bodyId)
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .orderBy('id')
    .execute();
  const known = new Set(seats.map((s) => s.id));
  const seen = new Set<string>();
  const issues: FieldIssue[] = [];
  for (const [index, id] of input.seatIds.entries()) {
    if (!known.has(id) || seen.has(id)) issues.push(issue(['seatIds', index], 'errors.field.invalidId'));
    seen.add(id);
  }
  if (issues.length > 0) throw validationError(issues);

  const order = [...input.seatIds, ...seats.map((s) => s.id).filter((id) => !seen.has(id))];
  const current = new Map(seats.map((s) => [s.id, s.position]));
  const at = nowIso();
  let moved = false;
  for (const [position, id] of order.entries()) {
    if (current.get(id) === position) continue;
    moved = true;
    await trx.updateTable('seats').set({ position, updated_at: at }).where('id', '=', id).execute();
  }
  if (moved) {
    await recordHistory(trx, {
      entityType: 'body',
      entityId: input.bodyId,
      action: 'seat_update',
      actor,
      summary: 'Ordre des sièges modifié',
    });
  }
}

/**
 * Checks a holder's period against the person, its own bounds and the seat's other holders:
 * one seat has one holder at a time (bounds inclusive, an open end runs forever).
 */
async function checkHolderInput(
  trx: Db,
  seatId: string,
  input: HolderInput,
  before: Holder | null,
): Promise<{ personName: string }> {
  const issues: FieldIssue[] = [];
  const person = await personRow(trx, input.personId);
  const kept = before?.person.id === input.personId;
  if (!person || (person.deleted_at !== null && !kept)) {
    issues.push(issue(['personId'], 'errors.field.unknownPerson'));
  }
  if (input.to !== null && input.to < input.from) {
    issues.push(issue(['to'], 'errors.field.endBeforeStart'));
  } else {
    const others = (await holdersOfSeat(trx, seatId)).filter((h) => h.id !== before?.id);
    const clash = others.find((h) =>
      periodsOverlap({ from: input.from, to: input.to }, { from: h.from, to: h.to }),
    );
    if (clash) {
      // A holder still in office reads "depuis le …" rather than "du … au …".
      issues.push(
        clash.to === null
          ? issue(['from'], 'errors.field.holderOverlapOpen', {
              name: clash.person.label,
              from: formatDateFr(clash.from),
            })
          : issue(['from'], 'errors.field.holderOverlap', {
              name: clash.person.label,
              from: formatDateFr(clash.from),
              to: formatDateFr(clash.to),
            }),
      );
    }
  }
  if (issues.length > 0 || !person) throw validationError(issues);
  return { personName: personLabel(person.first_name, person.last_name) };
}

export async function addHolder(trx: Db, seatId: string, input: HolderInput, actor: string): Promise<Holder> {
  const seat = await requireSeatRow(trx, seatId);
  await editableBodyOf(trx, seat);
  const { personName } = await checkHolderInput(trx, seatId, input, null);
  const id = uuidv7();
  const at = nowIso();
  await trx
    .insertInto('seat_holders')
    .values({
      id,
      seat_id: seatId,
      person_id: input.personId,
      valid_from: input.from,
      valid_to: input.to,
      note: input.note,
      created_at: at,
      updated_at: at,
      deleted_at: null,
    })
    .execute();
  await recordHistory(trx, {
    entityType: 'body',
    entityId: seat.body_id,
    action: 'holder_add',
    actor,
    changes: { person: [null, personName], from: [null, input.from], to: [null, input.to] },
    summary: `Titulaire ajouté : ${personName} — ${seat.function}, depuis le ${formatDateFr(input.from)}`,
  });
  return requireHolder(trx, id);
}

const holderView = (h: Holder) => ({ person: h.person.label, from: h.from, to: h.to, note: h.note });

export async function updateHolder(
  trx: Db,
  input: ParsedInputOf<'seats.updateHolder'>,
  actor: string,
): Promise<Holder> {
  const before = await requireHolder(trx, input.id);
  const seat = await requireSeatRow(trx, before.seatId);
  await editableBodyOf(trx, seat);
  await checkHolderInput(trx, seat.id, input, before);
  await trx
    .updateTable('seat_holders')
    .set({
      person_id: input.personId,
      valid_from: input.from,
      valid_to: input.to,
      note: input.note,
      updated_at: nowIso(),
    })
    .where('id', '=', input.id)
    .execute();
  const after = await requireHolder(trx, input.id);
  const changes = diffRecords(holderView(before), holderView(after));
  if (Object.keys(changes).length > 0) {
    await recordHistory(trx, {
      entityType: 'body',
      entityId: seat.body_id,
      action: 'holder_update',
      actor,
      changes,
      summary: `Titulaire modifié : ${after.person.label} — ${seat.function}`,
    });
  }
  return after;
}

export async function removeHolder(trx: Db, id: string, actor: string): Promise<void> {
  const holder = await requireHolder(trx, id);
  const seat = await requireSeatRow(trx, holder.seatId);
  await editableBodyOf(trx, seat);
  const at = nowIso();
  await trx
    .updateTable('seat_holders')
    .set({ deleted_at: at, updated_at: at })
    .where('id', '=', id)
    .execute();
  await recordHistory(trx, {
    entityType: 'body',
    entityId: seat.body_id,
    action: 'holder_remove',
    actor,
    changes: { person: [holder.person.label, null], from: [holder.from, null], to: [holder.to, null] },
    summary: `Titulaire retiré : ${holder.person.label} — ${seat.function}`,
  });
}

/** Who sat on the body on that day: every current seat with the holder of the time, or none. */
export async function compositionAsAt(
  db: Db,
  bodyId: string,
  date: string,
): Promise<OutputOf<'composition.asAt'>> {
  await requireBodyRow(db, bodyId);
  const seats = await loadSeats(db, { bodyId });
  return {
    date,
    seats: seats.map(({ holders, ...seat }) => ({
      ...seat,
      // Holders never overlap, but should damaged data say otherwise, the latest start wins.
      holder: holders.filter((h) => isWithin(date, { from: h.from, to: h.to })).at(-1) ?? null,
    })),
  };
}
