import {
  type AgendaDraftEntry,
  agendaTotals,
  agendaWarnings,
  type MeetingHours,
  meetingDays,
  standardItems,
} from '../../../../shared/domain/agenda';
import { type PastedAgenda, parsePastedAgenda } from '../../../../shared/domain/agendaPaste';
import { formatDateFr } from '../../../../shared/domain/dates';
import { uuidv7 } from '../../../../shared/domain/ids';
import { editRefusalFr, isMeetingEditable } from '../../../../shared/domain/meetingStatus';
import type { FieldIssue } from '../../../../shared/errors';
import type { OutputOf, ParsedInputOf } from '../../../../shared/rpc';
import { nowIso } from '../../clock';
import type { Db } from '../../db/open';
import { AppError, validationError } from '../../errors';
import { issue } from '../bodies/validation';
import { recordHistory } from '../history/repository';
import { findMeetingRow, type MeetingRow, meetingLabel, requireMeetingRow } from '../meetings/repository';
import {
  type AgendaEntryRow,
  entryOwners,
  listEntryRows,
  type NewAgendaEntryRow,
  organisationRefs,
  personRefs,
  readDocuments,
  readResponsible,
  replaceEntryRows,
  type StoredResponsible,
  toAgendaEntries,
} from './repository';

type Agenda = OutputOf<'agenda.get'>;
type SaveInput = ParsedInputOf<'agenda.save'>;
type EntryInput = SaveInput['entries'][number];
/** What agenda.save receives, and what duplication writes (without ids). */
type WritableEntry = AgendaDraftEntry & { id?: string | undefined };

const hoursOf = (meeting: MeetingRow): MeetingHours => ({
  startTime: meeting.start_time,
  endTime: meeting.end_time,
});

const daysOf = (meeting: MeetingRow): string[] => meetingDays(meeting.start_date, meeting.end_date);

/**
 * The agenda as stored, with the meeting's days, what a reader would point out (overlaps, missing
 * times…) and the minutes filled per day. Entries on a day the meeting no longer covers (its dates
 * changed) are still returned, after the others of their date, so that nothing disappears.
 */
export async function getAgenda(db: Db, meetingId: string): Promise<Agenda> {
  const meeting = await requireMeetingRow(db, meetingId);
  const entries = await toAgendaEntries(db, await listEntryRows(db, meetingId));
  const days = daysOf(meeting);
  return {
    meetingId,
    days,
    entries,
    warnings: agendaWarnings(entries, hoursOf(meeting)),
    totals: agendaTotals(entries, days, hoursOf(meeting)),
  };
}

/** A meeting whose agenda may still change: not in the trash, neither closed nor cancelled. */
function ensureAgendaEditable(meeting: MeetingRow): void {
  if (meeting.deleted_at !== null) {
    throw new AppError(
      'INVALID_TRANSITION',
      'Cette réunion est dans la corbeille : restaurez-la avant de modifier son ordre du jour.',
    );
  }
  if (!isMeetingEditable(meeting.status))
    throw new AppError('INVALID_TRANSITION', editRefusalFr(meeting.status));
}

/**
 * Checks what the schema cannot, all at once and before anything is written: each entry's day is
 * one of the meeting's days, the organisations and people named exist. One that was trashed since
 * it was put on this agenda is accepted, so that editing another line does not fail on it.
 */
async function checkEntries(
  trx: Db,
  meeting: MeetingRow,
  entries: readonly EntryInput[],
  before: readonly AgendaEntryRow[],
): Promise<void> {
  const issues: FieldIssue[] = [];
  const days = new Set(daysOf(meeting));
  const kept = before.map((r) => readResponsible(r.responsible));
  const keptOrganisations = new Set(kept.flatMap((r) => r.organisationIds));
  const keptPersons = new Set(kept.flatMap((r) => r.personIds));
  const organisations = await organisationRefs(
    trx,
    entries.flatMap((e) => e.responsible.organisationIds),
  );
  const persons = await personRefs(
    trx,
    entries.flatMap((e) => e.responsible.personIds),
  );

  for (const [i, entry] of entries.entries()) {
    if (!days.has(entry.day)) {
      issues.push(
        issue(['entries', i, 'day'], 'errors.field.dayOutsideMeeting', { day: formatDateFr(entry.day) }),
      );
    }
    for (const [j, id] of entry.responsible.organisationIds.entries()) {
      const found = organisations.get(id);
      if (!found || (found.deleted && !keptOrganisations.has(id))) {
        issues.push(
          issue(['entries', i, 'responsible', 'organisationIds', j], 'errors.field.unknownOrganisation'),
        );
      }
    }
    for (const [j, id] of entry.responsible.personIds.entries()) {
      const found = persons.get(id);
      if (!found || (found.deleted && !keptPersons.has(id))) {
        issues.push(issue(['entries', i, 'responsible', 'personIds', j], 'errors.field.unknownPerson'));
      }
    }
  }
  if (issues.length > 0) throw validationError(issues);
}

/** An entry as stored, without bookkeeping: what decides whether a save changed anything. */
interface EntryContent {
  id: string;
  day: string;
  position: number;
  entry_type: 'part' | 'item';
  kind: string | null;
  title: string;
  start_time: string | null;
  end_time: string | null;
  responsible: string;
  documents: string;
}

const contentOf = (r: EntryContent): string =>
  JSON.stringify([
    r.id,
    r.day,
    r.position,
    r.entry_type,
    r.kind,
    r.title,
    r.start_time,
    r.end_time,
    r.responsible,
    r.documents,
  ]);

/** Positions count from 0 within each day, in the order given. */
function positionsByDay(entries: readonly { day: string }[]): number[] {
  const next = new Map<string, number>();
  return entries.map((e) => {
    const p = next.get(e.day) ?? 0;
    next.set(e.day, p + 1);
    return p;
  });
}

function responsibleJson(r: StoredResponsible): string {
  return JSON.stringify({
    organisationIds: [...new Set(r.organisationIds)],
    personIds: [...new Set(r.personIds)],
    text: r.text,
  });
}

/**
 * Writes `entries` as the meeting's whole agenda: the previous rows are replaced, rows keep the id
 * they were given (an id from another meeting, or given twice, gets a new one), positions follow
 * the order within each day. Records one history entry; a save that changes nothing writes nothing.
 */
async function writeAgenda(
  trx: Db,
  meeting: MeetingRow,
  entries: readonly WritableEntry[],
  before: readonly AgendaEntryRow[],
  history: { actor: string; summary: string },
): Promise<boolean> {
  const previous = new Map(before.map((r) => [r.id, r]));
  const owners = await entryOwners(
    trx,
    entries.flatMap((e) => (e.id ? [e.id] : [])),
  );
  const used = new Set<string>();
  const positions = positionsByDay(entries);
  const at = nowIso();

  const rows: NewAgendaEntryRow[] = entries.map((entry, i) => {
    const wanted = entry.id;
    const owner = wanted ? owners.get(wanted) : undefined;
    const id =
      wanted && !used.has(wanted) && (owner === undefined || owner === meeting.id) ? wanted : uuidv7();
    used.add(id);
    const content: EntryContent = {
      id,
      day: entry.day,
      position: positions[i] ?? 0,
      entry_type: entry.entryType,
      kind: entry.entryType === 'part' ? null : entry.kind,
      title: entry.title,
      // Parts have no times: a part is a heading, the items under it carry the hours.
      start_time: entry.entryType === 'part' ? null : entry.startTime,
      end_time: entry.entryType === 'part' ? null : entry.endTime,
      responsible: responsibleJson(entry.responsible),
      documents: JSON.stringify(entry.documents.map((d) => ({ title: d.title, reference: d.reference }))),
    };
    const old = previous.get(id);
    return {
      ...content,
      meeting_id: meeting.id,
      created_at: old?.created_at ?? at,
      updated_at: old && contentOf(old) === contentOf(content) ? old.updated_at : at,
    };
  });

  const unchanged =
    rows.length === before.length &&
    rows.every((r) => {
      const old = previous.get(r.id);
      return old !== undefined && contentOf(old) === contentOf(r as EntryContent);
    });
  if (unchanged) return false;

  await replaceEntryRows(trx, meeting.id, rows);
  await recordHistory(trx, {
    entityType: 'meeting',
    entityId: meeting.id,
    action: 'update',
    actor: history.actor,
    changes: { agendaEntries: [before.length, rows.length] },
    summary: history.summary,
  });
  return true;
}

/**
 * agenda.save: replaces the meeting's agenda with the entries given (order = array order within
 * each day). Refused with INVALID_TRANSITION for a closed, cancelled or trashed meeting and with
 * VALIDATION (nothing written) for a day outside the meeting or an unknown organisation or person.
 * Overlaps and missing times are saved and returned as warnings.
 */
export async function saveAgenda(trx: Db, input: SaveInput, actor: string): Promise<Agenda> {
  const meeting = await requireMeetingRow(trx, input.meetingId);
  ensureAgendaEditable(meeting);
  const before = await listEntryRows(trx, meeting.id);
  await checkEntries(trx, meeting, input.entries, before);
  await writeAgenda(trx, meeting, input.entries, before, { actor, summary: 'Ordre du jour modifié' });
  return getAgenda(trx, meeting.id);
}

/** agenda.parsePaste: a draft from a pasted table, on `day` and the meeting's following days. */
export async function parseAgendaPaste(
  db: Db,
  input: ParsedInputOf<'agenda.parsePaste'>,
): Promise<PastedAgenda> {
  const meeting = await requireMeetingRow(db, input.meetingId);
  const days = daysOf(meeting);
  const from = days.indexOf(input.day);
  if (from < 0) {
    throw validationError([
      issue(['day'], 'errors.field.dayOutsideMeeting', { day: formatDateFr(input.day) }),
    ]);
  }
  return parsePastedAgenda(input.text, input.day, { days: days.slice(from), meeting: hoursOf(meeting) });
}

/** agenda.standardItems: the standard items of an ordinary session on its first day; none for other kinds. */
export async function standardAgendaItems(db: Db, meetingId: string): Promise<AgendaDraftEntry[]> {
  const meeting = await requireMeetingRow(db, meetingId);
  return meeting.kind === 'ordinary' ? standardItems(meeting.start_date) : [];
}

/**
 * Where each of the source's days lands among the target's: day k on day k, the source's extra
 * days folded onto the target's last day; a date outside the source's own days (its dates changed
 * after the agenda was written) goes to the first or last day, whichever side it falls.
 */
export function dayMapping(
  sourceDays: readonly string[],
  targetDays: readonly string[],
): (day: string) => string {
  const last = targetDays.length - 1;
  return (day) => {
    let k = sourceDays.indexOf(day);
    if (k < 0) k = sourceDays.length > 0 && day < (sourceDays[0] ?? '') ? 0 : last;
    return targetDays[Math.min(k, last)] ?? day;
  };
}

/** Stored rows as entries to write again, on other days. */
function asDrafts(rows: readonly AgendaEntryRow[], mapDay: (day: string) => string): AgendaDraftEntry[] {
  return rows.map((r) => {
    const responsible = readResponsible(r.responsible);
    return {
      day: mapDay(r.day),
      entryType: r.entry_type,
      kind: r.kind as AgendaDraftEntry['kind'],
      title: r.title,
      startTime: r.start_time,
      endTime: r.end_time,
      responsible,
      documents: readDocuments(r.documents).map((d) => ({ title: d.title, reference: d.reference ?? null })),
    };
  });
}

/**
 * agenda.duplicateFrom: the source meeting's agenda, copied onto this meeting's days (dayMapping),
 * replaces this meeting's agenda. References are copied as they are; new ids throughout.
 */
export async function duplicateAgenda(
  trx: Db,
  input: ParsedInputOf<'agenda.duplicateFrom'>,
  actor: string,
): Promise<Agenda> {
  const meeting = await requireMeetingRow(trx, input.meetingId);
  ensureAgendaEditable(meeting);
  const source = await findMeetingRow(trx, input.sourceMeetingId);
  if (!source || source.deleted_at !== null) {
    throw validationError([issue(['sourceMeetingId'], 'errors.field.invalidId')]);
  }
  if (source.id === meeting.id) throw validationError([issue(['sourceMeetingId'], 'errors.field.invalid')]);
  const sourceRows = await listEntryRows(trx, source.id);
  if (sourceRows.length === 0) {
    // Copying nothing would erase this agenda: refuse, naming why.
    throw validationError([
      {
        path: ['sourceMeetingId'],
        key: 'errors.field.invalid',
        message: 'Cette réunion n’a pas d’ordre du jour à reprendre.',
      },
    ]);
  }

  const drafts = asDrafts(sourceRows, dayMapping(daysOf(source), daysOf(meeting)));
  const body = await trx
    .selectFrom('bodies')
    .select(['name', 'acronym'])
    .where('id', '=', source.body_id)
    .executeTakeFirst();
  const sourceLabel = body
    ? meetingLabel(body, source.kind, source.number, source.start_date)
    : `la réunion du ${formatDateFr(source.start_date)}`;
  const before = await listEntryRows(trx, meeting.id);
  await writeAgenda(trx, meeting, drafts, before, {
    actor,
    summary: `Ordre du jour repris de ${sourceLabel}`,
  });
  return getAgenda(trx, meeting.id);
}

/**
 * Moves a meeting's agenda onto new dates (day k → day k, extra days folded onto the last), for
 * when the meeting itself moves (postponement, new dates). Call it in the transaction that changes
 * the meeting's dates, with the days before and after; it records no history of its own.
 */
export async function moveAgendaDays(
  trx: Db,
  meetingId: string,
  fromDays: readonly string[],
  toDays: readonly string[],
): Promise<void> {
  if (toDays.length === 0) return;
  const mapDay = dayMapping(fromDays, toDays);
  const rows = await listEntryRows(trx, meetingId);
  const moved = rows.map((r) => ({ ...r, day: mapDay(r.day) }));
  if (moved.every((r, i) => r.day === rows[i]?.day)) return;
  const positions = positionsByDay(moved);
  const at = nowIso();
  await replaceEntryRows(
    trx,
    meetingId,
    moved.map((r, i) => ({
      ...r,
      position: positions[i] ?? 0,
      updated_at: r.day === rows[i]?.day && r.position === positions[i] ? r.updated_at : at,
    })),
  );
}
