import type { Selectable } from 'kysely';
import { uuidv7 } from '../../../../shared/domain/ids';
import type { QuorumRule } from '../../../../shared/domain/quorum';
import type { AttendanceStatus, SeatRole, Sex } from '../../../../shared/domain/vocabularies';
import type { FieldIssue } from '../../../../shared/errors';
import { translateFr } from '../../../../shared/i18n/translate';
import type { OutputOf } from '../../../../shared/rpc';
import type { Ref } from '../../../../shared/rpc/common';
import type { Invitee } from '../../../../shared/rpc/meetings';
import type { Db } from '../../db/open';
import type { AttendanceCountsTable, AttendanceTable, InviteesTable } from '../../db/schema';
import { AppError } from '../../errors';
import { parseJson } from '../../json';
import { ensureMeetingNotTrashed, type MeetingRow, requireMeetingRow } from '../meetings/repository';

export type InviteeRow = Selectable<InviteesTable>;
export type AttendanceRow = Selectable<AttendanceTable>;
export type CountRow = Selectable<AttendanceCountsTable>;
export type AttendanceRecord = OutputOf<'attendance.mark'>;
export type AttendanceCount = OutputOf<'attendance.setCount'>;

// Labels as the registry writes them: the full one names an organisation on its own, the short
// one (the acronym) sits next to a person's name on an invitation list.
export const fullLabel = (name: string, acronym: string | null): string =>
  acronym ? `${name} (${acronym})` : name;
export const shortLabel = (name: string, acronym: string | null): string => acronym ?? name;
export const personLabel = (firstName: string, lastName: string): string => `${firstName} ${lastName}`.trim();

export function issue(path: FieldIssue['path'], key: string, params: Record<string, string | number> = {}) {
  return { path, key, params, message: translateFr(key, params) };
}

/** An issue whose key may not be in the catalogues yet: the French text is what the user reads. */
export function issueFr(
  path: FieldIssue['path'],
  key: string,
  message: string,
  params: Record<string, string | number> = {},
): FieldIssue {
  const known = translateFr(key, params);
  return { path, key, params, message: known === key ? message : known };
}

/**
 * Attendance is taken while a meeting is prepared (a secretary fills the list in advance),
 * convened or held; a cancelled, postponed or closed meeting's list is not touched.
 */
export function ensureAttendanceOpen(meeting: MeetingRow): void {
  ensureMeetingNotTrashed(meeting);
  const refusals: Partial<Record<MeetingRow['status'], string>> = {
    cancelled: 'Cette réunion est annulée : sa liste de présence ne peut pas être modifiée.',
    postponed:
      'Cette réunion est reportée : la présence se saisit une fois la réunion convoquée à sa nouvelle date.',
    closed: 'Cette réunion est clôturée : sa liste de présence est figée.',
  };
  const refusal = refusals[meeting.status];
  if (refusal) throw new AppError('INVALID_TRANSITION', refusal);
}

/** The invitation list changes until the meeting is closed or cancelled. */
export function ensureInviteesEditable(meeting: MeetingRow): void {
  ensureMeetingNotTrashed(meeting);
  if (meeting.status === 'closed') {
    throw new AppError('INVALID_TRANSITION', 'Cette réunion est clôturée : sa liste des invités est figée.');
  }
  if (meeting.status === 'cancelled') {
    throw new AppError(
      'INVALID_TRANSITION',
      'Cette réunion est annulée : sa liste des invités ne peut pas être modifiée.',
    );
  }
}

export async function bodyQuorumRule(db: Db, bodyId: string): Promise<QuorumRule> {
  const row = await db.selectFrom('bodies').select('quorum_rule').where('id', '=', bodyId).executeTakeFirst();
  return parseJson<QuorumRule>(row?.quorum_rule, { kind: 'none' });
}

export interface OrganisationInfo {
  id: string;
  name: string;
  acronym: string | null;
  kind: string;
}

/** Organisations by id (trashed ones too: an old list still names them). */
export async function organisationsById(
  db: Db,
  ids: Iterable<string | null>,
): Promise<Map<string, OrganisationInfo>> {
  const wanted = [...new Set([...ids].filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'name', 'acronym', 'kind'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function peopleLabels(db: Db, ids: Iterable<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set([...ids].filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('people')
    .select(['id', 'first_name', 'last_name'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, personLabel(r.first_name, r.last_name)]));
}

export interface Lookups {
  organisations: Map<string, OrganisationInfo>;
  people: Map<string, string>;
}

/** Everything the rows of one meeting refer to, in two queries. */
export async function lookupsFor(
  db: Db,
  rows: { person_id: string | null; organisation_id: string | null }[],
): Promise<Lookups> {
  const [organisations, people] = await Promise.all([
    organisationsById(
      db,
      rows.map((r) => r.organisation_id),
    ),
    peopleLabels(
      db,
      rows.map((r) => r.person_id),
    ),
  ]);
  return { organisations, people };
}

function organisationRef(lookups: Lookups, id: string | null): Ref | null {
  if (id === null) return null;
  const organisation = lookups.organisations.get(id);
  return organisation ? { id, label: fullLabel(organisation.name, organisation.acronym) } : null;
}

function personRef(lookups: Lookups, id: string | null): Ref | null {
  if (id === null) return null;
  const label = lookups.people.get(id);
  return label === undefined ? null : { id, label };
}

export function toInvitee(row: InviteeRow, lookups: Lookups): Invitee {
  return {
    id: row.id,
    seatId: row.seat_id,
    person: personRef(lookups, row.person_id),
    organisation: organisationRef(lookups, row.organisation_id),
    name: row.name,
    function: row.function,
    organisationLabel: row.organisation_label,
    role: row.role as SeatRole | null,
    rank: row.rank,
    voting: row.voting === 1,
    sex: row.sex,
    email: row.email,
    isExtra: row.is_extra === 1,
  };
}

export function toRecord(row: AttendanceRow, lookups: Lookups): AttendanceRecord {
  return {
    id: row.id,
    inviteeId: row.invitee_id,
    status: row.status as AttendanceStatus,
    person: personRef(lookups, row.person_id),
    name: row.name,
    function: row.function,
    organisation: organisationRef(lookups, row.organisation_id),
    organisationLabel: row.organisation_label,
    sex: row.sex as Sex | null,
    email: row.email,
    phone: row.phone,
    representativeName: row.representative_name,
    representativeFunction: row.representative_function,
    representativeSex: row.representative_sex as Sex | null,
    walkIn: row.invitee_id === null,
  };
}

export function toCount(row: CountRow, lookups: Lookups): AttendanceCount {
  return {
    id: row.id,
    organisation: organisationRef(lookups, row.organisation_id),
    label: row.label,
    count: row.count,
    women: row.women,
  };
}

/** Seat invitees in protocol order (their snapshot position), then the extras as added. */
export async function inviteeRows(db: Db, meetingId: string): Promise<InviteeRow[]> {
  return db
    .selectFrom('invitees')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .orderBy('is_extra')
    .orderBy('position')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Records in the order they were taken (walk-ins as they arrived). */
export async function attendanceRows(db: Db, meetingId: string): Promise<AttendanceRow[]> {
  return db
    .selectFrom('attendance')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function countRows(db: Db, meetingId: string): Promise<CountRow[]> {
  return db
    .selectFrom('attendance_counts')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function listInvitees(db: Db, meetingId: string): Promise<Invitee[]> {
  await requireMeetingRow(db, meetingId);
  const rows = await inviteeRows(db, meetingId);
  const lookups = await lookupsFor(db, rows);
  return rows.map((r) => toInvitee(r, lookups));
}

export async function loadRecord(db: Db, id: string): Promise<AttendanceRecord> {
  const row = await db.selectFrom('attendance').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return toRecord(row, await lookupsFor(db, [row]));
}

/** What is marked for an invitee: the status and, when represented, by whom. */
type InviteeMark = Pick<
  AttendanceTable,
  'status' | 'representative_name' | 'representative_function' | 'representative_sex'
>;

/**
 * Marks an invitee, replacing what was marked before: an invitee has one record per meeting,
 * however often the secretary changes it. Returns the record's id.
 */
export async function upsertInviteeAttendance(
  db: Db,
  meetingId: string,
  inviteeId: string,
  mark: InviteeMark,
  at: string,
): Promise<string> {
  const existing = await db
    .selectFrom('attendance')
    .select('id')
    .where('meeting_id', '=', meetingId)
    .where('invitee_id', '=', inviteeId)
    .executeTakeFirst();
  if (existing) {
    await db
      .updateTable('attendance')
      .set({ ...mark, updated_at: at })
      .where('id', '=', existing.id)
      .execute();
    return existing.id;
  }
  const id = uuidv7();
  await db
    .insertInto('attendance')
    .values({
      id,
      meeting_id: meetingId,
      invitee_id: inviteeId,
      ...mark,
      person_id: null,
      name: null,
      function: null,
      organisation_id: null,
      organisation_label: null,
      sex: null,
      email: null,
      phone: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

/** Who a walk-in is, as written on the sheet or taken from the directory. */
type WalkInFields = Pick<
  AttendanceTable,
  'person_id' | 'name' | 'function' | 'organisation_id' | 'organisation_label' | 'sex' | 'email' | 'phone'
>;

/** Records someone present who was not invited (no invitee, nobody represented). Returns the id. */
export async function insertWalkIn(
  db: Db,
  meetingId: string,
  fields: WalkInFields,
  at: string,
): Promise<string> {
  const id = uuidv7();
  await db
    .insertInto('attendance')
    .values({
      id,
      meeting_id: meetingId,
      invitee_id: null,
      status: 'present',
      ...fields,
      representative_name: null,
      representative_function: null,
      representative_sex: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

/** A live organisation (not trashed), or null. */
export async function liveOrganisation(db: Db, id: string) {
  const row = await db
    .selectFrom('organisations')
    .select(['id', 'name', 'acronym', 'kind', 'deleted_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row && row.deleted_at === null ? row : null;
}

/** A live person (not trashed), or null. */
export async function livePerson(db: Db, id: string) {
  const row = await db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
  return row && row.deleted_at === null ? row : null;
}
