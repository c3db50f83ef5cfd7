import { formatDateFr } from '../../../../shared/domain/dates';
import { uuidv7 } from '../../../../shared/domain/ids';
import { foldForSearch } from '../../../../shared/domain/text';
import type { SeatRole } from '../../../../shared/domain/vocabularies';
import type { FieldIssue } from '../../../../shared/errors';
import type { ParsedInputOf } from '../../../../shared/rpc';
import type { Invitee } from '../../../../shared/rpc/meetings';
import { nowIso } from '../../clock';
import type { Db } from '../../db/open';
import { AppError, validationError } from '../../errors';
import { compositionAsAt } from '../bodies/seats';
import { recordHistory } from '../history/repository';
import { ensureMeetingNotTrashed, type MeetingRow, requireMeetingRow } from '../meetings/repository';
import {
  ensureInviteesEditable,
  issue,
  issueFr,
  listInvitees,
  liveOrganisation,
  livePerson,
  lookupsFor,
  organisationsById,
  personLabel,
  shortLabel,
  toInvitee,
} from './repository';

/**
 * "Ministre en charge de la santé ou son représentant": how a convocation names a seat, since
 * any seat but the secretariat's may send someone. Added once: a function typed with it (or
 * "ou sa représentante") keeps its wording.
 */
export function withRepresentative(fn: string, role: SeatRole | string): string {
  if (role === 'secretariat') return fn;
  if (/\bou (son|sa|leur) representant/.test(foldForSearch(fn))) return fn;
  return `${fn} ou son représentant`;
}

const FROZEN_STATUSES: readonly MeetingRow['status'][] = ['held', 'closed', 'cancelled'];

/**
 * The invitation list, a snapshot of the body's composition as at the meeting's first day: one
 * invitee per seat, named after the holder of the time (or the seat's function when vacant).
 * Later changes to the composition leave it alone. Regenerating replaces the seat invitees that
 * have no attendance recorded and keeps the others and the extras; once the meeting has been
 * held, closed or cancelled the snapshot is final (a first list may still be drawn up, for a
 * meeting recorded after the fact).
 */
export async function generateInvitees(trx: Db, meetingId: string, actor: string): Promise<Invitee[]> {
  const meeting = await requireMeetingRow(trx, meetingId);
  ensureMeetingNotTrashed(meeting);
  const existing = await trx
    .selectFrom('invitees')
    .select(['id', 'seat_id', 'is_extra'])
    .select((eb) =>
      eb
        .selectFrom('attendance')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('attendance.invitee_id', '=', 'invitees.id')
        .as('records'),
    )
    .where('meeting_id', '=', meetingId)
    .execute();
  const seatInvitees = existing.filter((i) => i.is_extra === 0);
  if (seatInvitees.length > 0 && FROZEN_STATUSES.includes(meeting.status)) {
    throw new AppError(
      'INVALID_TRANSITION',
      meeting.status === 'cancelled'
        ? 'Cette réunion est annulée : sa liste des invités ne peut plus être régénérée.'
        : 'Cette réunion a déjà été tenue : sa liste des invités est figée et ne peut plus être régénérée.',
    );
  }

  // Invitees with attendance recorded stay, so that nothing taken at the door is lost.
  const kept = seatInvitees.filter((i) => Number(i.records ?? 0) > 0);
  const replaced = seatInvitees.filter((i) => Number(i.records ?? 0) === 0).map((i) => i.id);
  if (replaced.length > 0) await trx.deleteFrom('invitees').where('id', 'in', replaced).execute();
  const keptBySeat = new Map(kept.map((i) => [i.seat_id, i.id]));

  const { seats } = await compositionAsAt(trx, meeting.body_id, meeting.start_date);
  const holderIds = seats.map((s) => s.holder?.person.id ?? null).filter((id): id is string => id !== null);
  const people = new Map(
    holderIds.length === 0
      ? []
      : (await trx.selectFrom('people').selectAll().where('id', 'in', holderIds).execute()).map((p) => [
          p.id,
          p,
        ]),
  );
  const organisationIds = [
    ...seats.map((s) => s.organisation?.id ?? null),
    ...[...people.values()].map((p) => p.organisation_id),
  ];
  const organisations = await organisationsById(trx, organisationIds);

  const at = nowIso();
  let position = 0;
  for (const seat of seats) {
    const keptId = keptBySeat.get(seat.id);
    if (keptId) {
      await trx.updateTable('invitees').set({ position, updated_at: at }).where('id', '=', keptId).execute();
      position++;
      continue;
    }
    const person = seat.holder ? people.get(seat.holder.person.id) : undefined;
    const organisationId = seat.organisation?.id ?? person?.organisation_id ?? null;
    const organisation = organisationId ? organisations.get(organisationId) : undefined;
    await trx
      .insertInto('invitees')
      .values({
        id: uuidv7(),
        meeting_id: meetingId,
        seat_id: seat.id,
        person_id: person?.id ?? null,
        organisation_id: organisation ? organisationId : null,
        name: person ? personLabel(person.first_name, person.last_name) : seat.function,
        function: withRepresentative(seat.function, seat.role),
        organisation_label: organisation ? shortLabel(organisation.name, organisation.acronym) : null,
        role: seat.role,
        rank: seat.rank,
        voting: seat.voting ? 1 : 0,
        sex: person?.sex ?? null,
        email: person?.email ?? null,
        is_extra: 0,
        position,
        created_at: at,
        updated_at: at,
      })
      .execute();
    position++;
  }
  // Kept invitees whose seat has since been removed follow the composition.
  for (const invitee of kept.filter((i) => !seats.some((s) => s.id === i.seat_id))) {
    await trx
      .updateTable('invitees')
      .set({ position, updated_at: at })
      .where('id', '=', invitee.id)
      .execute();
    position++;
  }

  await recordHistory(trx, {
    entityType: 'meeting',
    entityId: meetingId,
    action: 'update',
    actor,
    summary:
      `Liste des invités établie d’après la composition au ${formatDateFr(meeting.start_date)} ` +
      `(${seats.length} siège${seats.length > 1 ? 's' : ''})`,
  });
  return listInvitees(trx, meetingId);
}

type ExtraInput = ParsedInputOf<'invitees.addExtra'>;

/**
 * An invitee beyond the composition (a partner, a resource person): someone from the directory,
 * whose record fills the blanks, or a name typed in. Extras do not vote and do not count for the
 * quorum.
 */
export async function addExtraInvitee(trx: Db, input: ExtraInput, actor: string): Promise<Invitee> {
  const meeting = await requireMeetingRow(trx, input.meetingId);
  ensureInviteesEditable(meeting);
  const issues: FieldIssue[] = [];
  const person = input.personId ? await livePerson(trx, input.personId) : null;
  if (input.personId && !person) issues.push(issue(['personId'], 'errors.field.unknownPerson'));
  if (!input.personId && !input.name) issues.push(issue(['name'], 'errors.field.required'));
  if (input.organisationId && !(await liveOrganisation(trx, input.organisationId))) {
    issues.push(issue(['organisationId'], 'errors.field.unknownOrganisation'));
  }
  if (person) {
    const already = await trx
      .selectFrom('invitees')
      .select('id')
      .where('meeting_id', '=', meeting.id)
      .where('person_id', '=', person.id)
      .executeTakeFirst();
    if (already) {
      issues.push(
        issueFr(
          ['personId'],
          'errors.field.alreadyInvited',
          'Cette personne figure déjà sur la liste des invités.',
        ),
      );
    }
  }
  if (issues.length > 0) throw validationError(issues);

  const organisationId = input.organisationId ?? person?.organisation_id ?? null;
  const organisation = organisationId
    ? (await organisationsById(trx, [organisationId])).get(organisationId)
    : undefined;
  const last = await trx
    .selectFrom('invitees')
    .select((eb) => eb.fn.max('position').as('position'))
    .where('meeting_id', '=', meeting.id)
    .where('is_extra', '=', 1)
    .executeTakeFirst();
  const position = last?.position === null || last?.position === undefined ? 0 : Number(last.position) + 1;
  const id = uuidv7();
  const at = nowIso();
  const name = input.name ?? (person ? personLabel(person.first_name, person.last_name) : '');
  await trx
    .insertInto('invitees')
    .values({
      id,
      meeting_id: meeting.id,
      seat_id: null,
      person_id: person?.id ?? null,
      organisation_id: organisation ? organisation.id : null,
      name,
      function: input.function ?? person?.function ?? null,
      organisation_label: organisation ? shortLabel(organisation.name, organisation.acronym) : null,
      role: null,
      rank: null,
      voting: 0,
      sex: input.sex ?? person?.sex ?? null,
      email: input.email ?? person?.email ?? null,
      is_extra: 1,
      position,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await recordHistory(trx, {
    entityType: 'meeting',
    entityId: meeting.id,
    action: 'update',
    actor,
    changes: { invitee: [null, name] },
    summary: `Invité ajouté : ${name}`,
  });
  const row = await trx.selectFrom('invitees').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return toInvitee(row, await lookupsFor(trx, [row]));
}

/** Takes someone off the list, with the attendance recorded for them. */
export async function removeInvitee(trx: Db, id: string, actor: string): Promise<void> {
  const row = await trx.selectFrom('invitees').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'Cet invité est introuvable (il a peut-être déjà été retiré).');
  ensureInviteesEditable(await requireMeetingRow(trx, row.meeting_id));
  await trx.deleteFrom('attendance').where('invitee_id', '=', id).execute();
  await trx.deleteFrom('invitees').where('id', '=', id).execute();
  await recordHistory(trx, {
    entityType: 'meeting',
    entityId: row.meeting_id,
    action: 'update',
    actor,
    changes: { invitee: [row.name, null] },
    summary: `Invité retiré : ${row.name}`,
  });
}
