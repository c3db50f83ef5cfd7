import { uuidv7 } from '../../../../shared/domain/ids';
import type { FieldIssue } from '../../../../shared/errors';
import type { ParsedInputOf } from '../../../../shared/rpc';
import { nowIso } from '../../clock';
import type { Db } from '../../db/open';
import { AppError, validationError } from '../../errors';
import { requireMeetingRow } from '../meetings/repository';
import {
  type AttendanceCount,
  type AttendanceRecord,
  ensureAttendanceOpen,
  insertWalkIn,
  issue,
  issueFr,
  liveOrganisation,
  livePerson,
  loadRecord,
  lookupsFor,
  personLabel,
  shortLabel,
  toCount,
  upsertInviteeAttendance,
} from './repository';

// Taking attendance: one record per invitee (upserted as the secretary goes down the list),
// walk-ins who were not invited, and head counts per structure for large workshops. Each call
// is a small correction a secretary makes many times a meeting: no history entry for each,
// the list itself is the record.

/** Présent, absent, excusé or représenté par (name required) for one invitee of the meeting. */
export async function markAttendance(
  trx: Db,
  input: ParsedInputOf<'attendance.mark'>,
): Promise<AttendanceRecord> {
  const meeting = await requireMeetingRow(trx, input.meetingId);
  ensureAttendanceOpen(meeting);
  const invitee = await trx
    .selectFrom('invitees')
    .select(['id'])
    .where('id', '=', input.inviteeId)
    .where('meeting_id', '=', meeting.id)
    .executeTakeFirst();
  const issues: FieldIssue[] = [];
  if (!invitee) {
    issues.push(
      issueFr(
        ['inviteeId'],
        'errors.field.unknownInvitee',
        'Cette personne ne figure pas sur la liste des invités.',
      ),
    );
  }
  const represented = input.status === 'represented';
  if (represented && !input.representativeName) {
    issues.push(issue(['representativeName'], 'errors.field.required'));
  }
  if (issues.length > 0) throw validationError(issues);

  const values = {
    status: input.status,
    representative_name: represented ? input.representativeName : null,
    representative_function: represented ? input.representativeFunction : null,
    representative_sex: represented ? input.representativeSex : null,
  };
  const id = await upsertInviteeAttendance(trx, meeting.id, input.inviteeId, values, nowIso());
  return loadRecord(trx, id);
}

/**
 * Someone who came without being invited: a person from the directory (their record fills what
 * is not typed) or a name, with their structure as an organisation or as free text.
 */
export async function addWalkIn(
  trx: Db,
  input: ParsedInputOf<'attendance.addWalkIn'>,
): Promise<AttendanceRecord> {
  const meeting = await requireMeetingRow(trx, input.meetingId);
  ensureAttendanceOpen(meeting);
  const issues: FieldIssue[] = [];
  const person = input.personId ? await livePerson(trx, input.personId) : null;
  if (input.personId && !person) issues.push(issue(['personId'], 'errors.field.unknownPerson'));
  if (!input.personId && !input.name) issues.push(issue(['name'], 'errors.field.required'));
  const organisationId =
    input.organisationId ?? (input.organisationLabel ? null : (person?.organisation_id ?? null));
  const organisation = organisationId ? await liveOrganisation(trx, organisationId) : null;
  if (input.organisationId && !organisation) {
    issues.push(issue(['organisationId'], 'errors.field.unknownOrganisation'));
  }
  if (person) {
    const invited = await trx
      .selectFrom('invitees')
      .select('id')
      .where('meeting_id', '=', meeting.id)
      .where('person_id', '=', person.id)
      .executeTakeFirst();
    const already = await trx
      .selectFrom('attendance')
      .select('id')
      .where('meeting_id', '=', meeting.id)
      .where('invitee_id', 'is', null)
      .where('person_id', '=', person.id)
      .executeTakeFirst();
    if (invited) {
      issues.push(
        issueFr(
          ['personId'],
          'errors.field.personIsInvitee',
          'Cette personne est sur la liste des invités : marquez-la présente.',
        ),
      );
    } else if (already) {
      issues.push(
        issueFr(
          ['personId'],
          'errors.field.alreadyRecorded',
          'Cette personne figure déjà parmi les participants.',
        ),
      );
    }
  }
  if (issues.length > 0) throw validationError(issues);

  const id = await insertWalkIn(
    trx,
    meeting.id,
    {
      person_id: person?.id ?? null,
      name: input.name ?? (person ? personLabel(person.first_name, person.last_name) : null),
      function: input.function ?? person?.function ?? null,
      organisation_id: organisation?.id ?? null,
      organisation_label: organisation
        ? shortLabel(organisation.name, organisation.acronym)
        : input.organisationLabel,
      sex: input.sex ?? person?.sex ?? null,
      email: input.email ?? person?.email ?? null,
      phone: input.phone ?? person?.phone ?? null,
    },
    nowIso(),
  );
  return loadRecord(trx, id);
}

/** Removes a record: an invitee's goes back to "not recorded", a walk-in leaves the list. */
export async function removeRecord(trx: Db, id: string): Promise<void> {
  const row = await trx
    .selectFrom('attendance')
    .select(['id', 'meeting_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row)
    throw new AppError(
      'NOT_FOUND',
      'Cette ligne de présence est introuvable (elle a peut-être été retirée).',
    );
  ensureAttendanceOpen(await requireMeetingRow(trx, row.meeting_id));
  await trx.deleteFrom('attendance').where('id', '=', id).execute();
}

/** "DGPSN 4 (dont 1 femme)": heads counted for a structure when names are not taken. */
export async function setCount(
  trx: Db,
  input: ParsedInputOf<'attendance.setCount'>,
): Promise<AttendanceCount> {
  const meeting = await requireMeetingRow(trx, input.meetingId);
  ensureAttendanceOpen(meeting);
  const before = input.id
    ? await trx.selectFrom('attendance_counts').selectAll().where('id', '=', input.id).executeTakeFirst()
    : undefined;
  if (input.id && (!before || before.meeting_id !== meeting.id)) {
    throw new AppError('NOT_FOUND', 'Ce décompte est introuvable (il a peut-être été retiré).');
  }
  const issues: FieldIssue[] = [];
  if (input.organisationId && !(await liveOrganisation(trx, input.organisationId))) {
    // An organisation trashed since the count was taken stays on it.
    if (before?.organisation_id !== input.organisationId) {
      issues.push(issue(['organisationId'], 'errors.field.unknownOrganisation'));
    }
  }
  if (input.women !== null && input.women > input.count) {
    issues.push(
      issueFr(
        ['women'],
        'errors.field.womenAboveCount',
        `Le nombre de femmes ne peut pas dépasser le nombre de participants (${input.count}).`,
        { count: input.count },
      ),
    );
  }
  if (issues.length > 0) throw validationError(issues);

  const values = {
    organisation_id: input.organisationId,
    label: input.label,
    count: input.count,
    women: input.women,
  };
  const at = nowIso();
  const id = before?.id ?? uuidv7();
  if (before) {
    await trx
      .updateTable('attendance_counts')
      .set({ ...values, updated_at: at })
      .where('id', '=', id)
      .execute();
  } else {
    await trx
      .insertInto('attendance_counts')
      .values({ id, meeting_id: meeting.id, ...values, created_at: at, updated_at: at })
      .execute();
  }
  const row = await trx
    .selectFrom('attendance_counts')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return toCount(row, await lookupsFor(trx, [{ ...row, person_id: null }]));
}

export async function removeCount(trx: Db, id: string): Promise<void> {
  const row = await trx
    .selectFrom('attendance_counts')
    .select(['id', 'meeting_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'Ce décompte est introuvable (il a peut-être été retiré).');
  ensureAttendanceOpen(await requireMeetingRow(trx, row.meeting_id));
  await trx.deleteFrom('attendance_counts').where('id', '=', id).execute();
}
