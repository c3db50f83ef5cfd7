import type { Selectable } from 'kysely';
import { formatDateFr, toIsoDate } from '../../../../shared/domain/dates';
import { compareFr } from '../../../../shared/domain/text';
import type { MeetingKind, MeetingStatus } from '../../../../shared/domain/vocabularies';
import { vocab } from '../../../../shared/i18n/fr/vocab';
import type { OutputOf, ParsedInputOf } from '../../../../shared/rpc';
import type { Ref } from '../../../../shared/rpc/common';
import type { Meeting } from '../../../../shared/rpc/meetings';
import type { Db } from '../../db/open';
import type { MeetingsTable } from '../../db/schema';
import { AppError } from '../../errors';

export type MeetingRow = Selectable<MeetingsTable>;
type MeetingListItem = OutputOf<'meetings.list'>[number];

/**
 * How meetings and plans name a body: "GTGPS — Groupe Technique Genre et Protection Sociale",
 * the acronym first because secretariats call their bodies by it; the name alone without one.
 */
export const bodyRefLabel = (name: string, acronym: string | null): string =>
  acronym ? `${acronym} — ${name}` : name;

/** "GTGPS — Ordinaire n°3": the title of a session in invitations and history. */
export function meetingTitle(
  body: { name: string; acronym: string | null },
  kind: string,
  number: number | null,
): string {
  const kindLabel = vocab.meetingKind[kind as MeetingKind] ?? kind;
  return `${body.acronym ?? body.name} — ${kindLabel}${number === null ? '' : ` n°${number}`}`;
}

/** "GTGPS — Ordinaire n°3 du 12 mars 2026": a meeting named in history and conflict messages. */
export function meetingLabel(
  body: { name: string; acronym: string | null },
  kind: string,
  number: number | null,
  startDate: string,
): string {
  return `${meetingTitle(body, kind, number)} du ${formatDateFr(startDate)}`;
}

/** The machine's calendar day: "today" for a secretary is the local date, not the UTC one. */
export function localToday(now: Date = new Date()): string {
  return toIsoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

export async function findMeetingRow(db: Db, id: string): Promise<MeetingRow | undefined> {
  return db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function requireMeetingRow(db: Db, id: string): Promise<MeetingRow> {
  const row = await findMeetingRow(db, id);
  if (!row)
    throw new AppError('NOT_FOUND', 'Cette réunion est introuvable (elle a peut-être été supprimée).');
  return row;
}

/** A meeting in the trash must be restored before anything on it (or its attendance) changes. */
export function ensureMeetingNotTrashed(row: MeetingRow): void {
  if (row.deleted_at !== null) {
    throw new AppError(
      'INVALID_TRANSITION',
      'Cette réunion est dans la corbeille : restaurez-la avant de la modifier.',
    );
  }
}

export async function bodyNames(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('bodies')
    .select(['id', 'name', 'acronym', 'deleted_at'])
    .where('id', 'in', [...ids])
    .execute();
}

export async function cohostIdsOf(db: Db, meetingId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('meeting_cohosts')
    .select('body_id')
    .where('meeting_id', '=', meetingId)
    .execute();
  return rows.map((r) => r.body_id);
}

export function toMeeting(row: MeetingRow, body: Ref, cohosts: Ref[]): Meeting {
  return {
    id: row.id,
    body,
    cohosts,
    number: row.number,
    title: row.title,
    kind: row.kind as MeetingKind,
    status: row.status as MeetingStatus,
    plannedDate: row.planned_date,
    startDate: row.start_date,
    endDate: row.end_date,
    startTime: row.start_time,
    endTime: row.end_time,
    place: row.place,
    onlineUrl: row.online_url,
    fundingSource: row.funding_source,
    convenedOn: row.convened_on,
    postponedFrom: row.postponed_from,
    statusReason: row.status_reason,
    isDemo: row.is_demo === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

/** A meeting with its body and co-hosts named (co-hosts in French order). */
export async function loadMeeting(db: Db, id: string): Promise<Meeting> {
  const row = await requireMeetingRow(db, id);
  const cohostIds = await cohostIdsOf(db, id);
  const names = new Map(
    (await bodyNames(db, [row.body_id, ...cohostIds])).map((b) => [b.id, bodyRefLabel(b.name, b.acronym)]),
  );
  const ref = (bodyId: string): Ref => ({ id: bodyId, label: names.get(bodyId) ?? bodyId });
  const cohosts = cohostIds.map(ref).sort((a, b) => compareFr(a.label, b.label));
  return toMeeting(row, ref(row.body_id), cohosts);
}

/**
 * Meetings matching the filters, latest first. A body's meetings include those it co-hosts.
 * Meetings of a trashed body are hidden with it, like links to it, until it is restored.
 * Dates select the meetings that overlap [from, to].
 */
export async function listMeetings(
  db: Db,
  filter: ParsedInputOf<'meetings.list'>,
): Promise<MeetingListItem[]> {
  let query = db
    .selectFrom('meetings')
    .innerJoin('bodies', 'bodies.id', 'meetings.body_id')
    .selectAll('meetings')
    .select(['bodies.name as body_name', 'bodies.acronym as body_acronym'])
    .where('meetings.deleted_at', filter.trashed ? 'is not' : 'is', null);
  if (!filter.trashed) query = query.where('bodies.deleted_at', 'is', null);
  if (filter.bodyId) {
    const bodyId = filter.bodyId;
    query = query.where((eb) =>
      eb.or([
        eb('meetings.body_id', '=', bodyId),
        eb(
          'meetings.id',
          'in',
          eb.selectFrom('meeting_cohosts').select('meeting_id').where('meeting_cohosts.body_id', '=', bodyId),
        ),
      ]),
    );
  }
  if (filter.from) query = query.where('meetings.end_date', '>=', filter.from);
  if (filter.to) query = query.where('meetings.start_date', '<=', filter.to);
  if (filter.status) query = query.where('meetings.status', '=', filter.status);
  const rows = await query
    .orderBy('meetings.start_date', 'desc')
    .orderBy('meetings.start_time', 'desc')
    .orderBy('meetings.id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    body: { id: r.body_id, label: bodyRefLabel(r.body_name, r.body_acronym) },
    number: r.number,
    title: r.title,
    kind: r.kind as MeetingKind,
    status: r.status as MeetingStatus,
    plannedDate: r.planned_date,
    startDate: r.start_date,
    endDate: r.end_date,
    place: r.place,
    isDemo: r.is_demo === 1,
  }));
}

/**
 * The number the next session of this kind gets: one more than the highest number or than the
 * count of sessions, whichever is larger (sessions recorded without a number still count).
 * Trashed and cancelled sessions do not use up a number: the "4e session ordinaire" that was
 * cancelled is still to be held.
 */
export async function nextMeetingNumber(
  db: Db,
  bodyId: string,
  kind: string,
  excludeId: string | null = null,
): Promise<number> {
  let query = db
    .selectFrom('meetings')
    .select((eb) => [eb.fn.max('number').as('max_number'), eb.fn.countAll<number>().as('n')])
    .where('body_id', '=', bodyId)
    .where('kind', '=', kind)
    .where('status', '!=', 'cancelled')
    .where('deleted_at', 'is', null);
  if (excludeId) query = query.where('id', '!=', excludeId);
  const row = await query.executeTakeFirst();
  return Math.max(Number(row?.max_number ?? 0), Number(row?.n ?? 0)) + 1;
}

/**
 * Another live meeting of the body already fulfilling this planned session: cancelled and
 * trashed meetings leave the slot free.
 */
export async function meetingForPlannedDate(
  db: Db,
  bodyId: string,
  plannedDate: string,
  excludeId: string | null,
): Promise<MeetingRow | undefined> {
  let query = db
    .selectFrom('meetings')
    .selectAll()
    .where('body_id', '=', bodyId)
    .where('planned_date', '=', plannedDate)
    .where('status', '!=', 'cancelled')
    .where('deleted_at', 'is', null);
  if (excludeId) query = query.where('id', '!=', excludeId);
  return query.executeTakeFirst();
}
