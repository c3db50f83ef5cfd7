import type { Updateable } from 'kysely';
import { meetingDays } from '../../../../shared/domain/agenda';
import { addDays, formatDateFr } from '../../../../shared/domain/dates';
import { uuidv7 } from '../../../../shared/domain/ids';
import {
  editRefusalFr,
  isMeetingEditable,
  nextMeetingStatus,
  transitionRefusalFr,
} from '../../../../shared/domain/meetingStatus';
import type { MeetingStatus } from '../../../../shared/domain/vocabularies';
import type { FieldIssue } from '../../../../shared/errors';
import type { ParsedInputOf } from '../../../../shared/rpc';
import type { Meeting } from '../../../../shared/rpc/meetings';
import { nowIso } from '../../clock';
import type { Db } from '../../db/open';
import type { MeetingsTable } from '../../db/schema';
import { AppError, validationError } from '../../errors';
import { moveAgendaDays } from '../agenda/service';
import { issue } from '../bodies/validation';
import { captureFollowUpSnapshot } from '../followup/service';
import { type Changes, diffRecords, recordHistory } from '../history/repository';
import {
  bodyNames,
  cohostIdsOf,
  ensureMeetingNotTrashed,
  loadMeeting,
  localToday,
  type MeetingRow,
  meetingForPlannedDate,
  meetingLabel,
  nextMeetingNumber,
  requireMeetingRow,
} from './repository';

type MeetingInput = ParsedInputOf<'meetings.create'>;
type TransitionInput = ParsedInputOf<'meetings.transition'>;

const STATUS_FR: Record<MeetingStatus, string> = {
  draft: 'en brouillon',
  convened: 'convoquée',
  held: 'tenue',
  closed: 'clôturée',
  postponed: 'reportée',
  cancelled: 'annulée',
};

/** Whole days from `from` to `to` (both 'YYYY-MM-DD'). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Checks what the schema cannot, reporting every field problem at once before anything is
 * written: the body and co-hosts exist (a body the meeting already had is accepted even if
 * trashed since), co-hosts differ from the body, the meeting does not end before it starts.
 * Returns the end date to store and the co-hosts without repeats.
 */
async function checkMeetingInput(
  trx: Db,
  input: MeetingInput,
  before: MeetingRow | null,
): Promise<{ endDate: string; cohostIds: string[] }> {
  const issues: FieldIssue[] = [];
  const keptCohosts = new Set(before ? await cohostIdsOf(trx, before.id) : []);
  const found = new Map(
    (await bodyNames(trx, [input.bodyId, ...input.cohostIds])).map((b) => [b.id, b.deleted_at]),
  );
  const usable = (id: string, kept: boolean) => found.has(id) && (found.get(id) === null || kept);

  if (!usable(input.bodyId, before?.body_id === input.bodyId)) {
    issues.push(issue(['bodyId'], 'errors.field.unknownBody'));
  }
  const cohostIds: string[] = [];
  for (const [index, cohostId] of input.cohostIds.entries()) {
    if (cohostId === input.bodyId) {
      // The host cannot co-host its own meeting.
      issues.push(issue(['cohostIds', index], 'errors.field.linkToSelf'));
    } else if (!usable(cohostId, keptCohosts.has(cohostId))) {
      issues.push(issue(['cohostIds', index], 'errors.field.unknownBody'));
    } else if (!cohostIds.includes(cohostId)) {
      cohostIds.push(cohostId);
    }
  }

  const endDate = input.endDate ?? input.startDate;
  if (endDate < input.startDate) {
    issues.push(issue(['endDate'], 'errors.field.meetingEndBeforeStart'));
  } else if (
    endDate === input.startDate &&
    input.startTime !== null &&
    input.endTime !== null &&
    input.endTime <= input.startTime
  ) {
    issues.push(issue(['endTime'], 'errors.field.meetingEndBeforeStart'));
  }

  if (issues.length > 0) throw validationError(issues);
  return { endDate, cohostIds };
}

/** Two live meetings cannot fulfil the same planned session of a body. */
async function ensurePlannedDateFree(
  trx: Db,
  bodyId: string,
  plannedDate: string | null,
  selfId: string | null,
): Promise<void> {
  if (plannedDate === null) return;
  const other = await meetingForPlannedDate(trx, bodyId, plannedDate, selfId);
  if (!other) return;
  const [body] = await bodyNames(trx, [bodyId]);
  const label = body ? meetingLabel(body, other.kind, other.number, other.start_date) : other.start_date;
  throw new AppError(
    'CONFLICT',
    `La session prévue le ${formatDateFr(plannedDate)} est déjà couverte par la réunion « ${label} » ` +
      `(${STATUS_FR[other.status]}). Choisissez une autre session prévue ou laissez la réunion hors programme.`,
    { meetingId: other.id },
  );
}

type MeetingColumns = Pick<
  MeetingsTable,
  | 'body_id'
  | 'number'
  | 'title'
  | 'kind'
  | 'planned_date'
  | 'start_date'
  | 'end_date'
  | 'start_time'
  | 'end_time'
  | 'place'
  | 'online_url'
  | 'funding_source'
>;

function toColumns(input: MeetingInput, endDate: string, number: number): MeetingColumns {
  return {
    body_id: input.bodyId,
    number,
    title: input.title,
    kind: input.kind,
    planned_date: input.plannedDate,
    start_date: input.startDate,
    end_date: endDate,
    start_time: input.startTime,
    end_time: input.endTime,
    place: input.place,
    online_url: input.onlineUrl,
    funding_source: input.fundingSource,
  };
}

async function setCohosts(trx: Db, meetingId: string, cohostIds: readonly string[]): Promise<void> {
  await trx.deleteFrom('meeting_cohosts').where('meeting_id', '=', meetingId).execute();
  if (cohostIds.length === 0) return;
  await trx
    .insertInto('meeting_cohosts')
    .values(cohostIds.map((bodyId) => ({ meeting_id: meetingId, body_id: bodyId })))
    .execute();
}

/** What the history shows of a meeting: bodies by their label, the user-editable fields. */
function historyView(meeting: Meeting): Record<string, unknown> {
  return {
    bodyId: meeting.body.label,
    cohostIds: meeting.cohosts.map((c) => c.label),
    number: meeting.number,
    title: meeting.title,
    kind: meeting.kind,
    plannedDate: meeting.plannedDate,
    startDate: meeting.startDate,
    endDate: meeting.endDate,
    startTime: meeting.startTime,
    endTime: meeting.endTime,
    place: meeting.place,
    onlineUrl: meeting.onlineUrl,
    fundingSource: meeting.fundingSource,
  };
}

async function summaryOf(trx: Db, row: MeetingRow): Promise<string> {
  const [body] = await bodyNames(trx, [row.body_id]);
  return body ? meetingLabel(body, row.kind, row.number, row.start_date) : row.start_date;
}

/**
 * Creates a meeting (status draft) in the caller's transaction. Without a number it gets the
 * next one for its body and kind.
 */
export async function createMeeting(
  trx: Db,
  input: MeetingInput,
  actor: string,
  options: { isDemo?: boolean } = {},
): Promise<Meeting> {
  const { endDate, cohostIds } = await checkMeetingInput(trx, input, null);
  await ensurePlannedDateFree(trx, input.bodyId, input.plannedDate, null);
  const number = input.number ?? (await nextMeetingNumber(trx, input.bodyId, input.kind));
  const id = uuidv7();
  const at = nowIso();
  await trx
    .insertInto('meetings')
    .values({
      id,
      ...toColumns(input, endDate, number),
      status: 'draft',
      convened_on: null,
      postponed_from: null,
      status_reason: null,
      is_demo: options.isDemo ? 1 : 0,
      created_at: at,
      updated_at: at,
      deleted_at: null,
    })
    .execute();
  await setCohosts(trx, id, cohostIds);
  await captureFollowUpSnapshot(trx, id);
  await recordHistory(trx, {
    entityType: 'meeting',
    entityId: id,
    action: 'create',
    actor,
    summary: await summaryOf(trx, await requireMeetingRow(trx, id)),
  });
  return loadMeeting(trx, id);
}

/**
 * Replaces the editable details of a meeting; its status moves only through transitions.
 * Closed and cancelled meetings are final. An empty number keeps the current one, or takes the
 * next one when the body or kind changed.
 */
export async function updateMeeting(
  trx: Db,
  input: ParsedInputOf<'meetings.update'>,
  actor: string,
): Promise<Meeting> {
  const row = await requireMeetingRow(trx, input.id);
  ensureMeetingNotTrashed(row);
  if (!isMeetingEditable(row.status)) throw new AppError('INVALID_TRANSITION', editRefusalFr(row.status));
  const { endDate, cohostIds } = await checkMeetingInput(trx, input, row);
  await ensurePlannedDateFree(trx, input.bodyId, input.plannedDate, row.id);

  const sameSeries = row.body_id === input.bodyId && row.kind === input.kind;
  const number =
    input.number ??
    (sameSeries && row.number !== null
      ? row.number
      : await nextMeetingNumber(trx, input.bodyId, input.kind, row.id));
  const columns = toColumns(input, endDate, number);
  const keptCohosts = await cohostIdsOf(trx, row.id);
  const changed =
    (Object.keys(columns) as (keyof MeetingColumns)[]).some((k) => columns[k] !== row[k]) ||
    keptCohosts.length !== cohostIds.length ||
    cohostIds.some((id) => !keptCohosts.includes(id));
  // Saving the form unchanged writes nothing, so that updated_at and the history stay meaningful.
  if (!changed) return loadMeeting(trx, row.id);

  const before = historyView(await loadMeeting(trx, row.id));
  await trx
    .updateTable('meetings')
    .set({ ...columns, updated_at: nowIso() })
    .where('id', '=', row.id)
    .execute();
  await setCohosts(trx, row.id, cohostIds);
  await followNewDates(trx, row, columns.start_date, columns.end_date);
  // A corrected body or date changes which recommendations were open at the session's opening.
  const prepared = row.status === 'draft' || row.status === 'convened' || row.status === 'postponed';
  if (prepared && (row.body_id !== columns.body_id || row.start_date !== columns.start_date)) {
    await captureFollowUpSnapshot(trx, row.id);
  }
  await recordHistory(trx, {
    entityType: 'meeting',
    entityId: row.id,
    action: 'update',
    actor,
    changes: diffRecords(before, historyView(await loadMeeting(trx, row.id))),
    summary: await summaryOf(trx, await requireMeetingRow(trx, row.id)),
  });
  return loadMeeting(trx, row.id);
}

/**
 * Moves a meeting through its workflow (shared/domain/meetingStatus.ts). A forbidden move is
 * refused with INVALID_TRANSITION before the move's own fields are checked: "a closed meeting
 * cannot be cancelled" says more than "give a reason".
 */
export async function transitionMeeting(
  trx: Db,
  input: TransitionInput,
  actor: string,
  options: { today?: string } = {},
): Promise<Meeting> {
  const row = await requireMeetingRow(trx, input.id);
  ensureMeetingNotTrashed(row);
  const from = row.status;
  const to = nextMeetingStatus(from, input.action);
  if (to === null) throw new AppError('INVALID_TRANSITION', transitionRefusalFr(from, input.action));

  const set: Updateable<MeetingsTable> = { status: to };
  const changes: Changes = { status: [from, to] };
  let summary: string;
  switch (input.action) {
    case 'convene': {
      const convenedOn = input.convenedOn ?? options.today ?? localToday();
      set.convened_on = convenedOn;
      changes.convenedOn = [row.convened_on, convenedOn];
      summary = `Convoquée le ${formatDateFr(convenedOn)}`;
      await captureFollowUpSnapshot(trx, row.id);
      break;
    }
    case 'hold':
      summary = `Tenue le ${formatDateFr(row.start_date)}`;
      break;
    case 'close':
      summary = 'Clôturée';
      break;
    case 'postpone': {
      const newStart = input.newStartDate;
      if (newStart === null) throw validationError([issue(['newStartDate'], 'errors.field.required')]);
      // Without a new end date the meeting keeps its length.
      const newEnd = input.newEndDate ?? addDays(newStart, daysBetween(row.start_date, row.end_date));
      const oneDayTimesInverted =
        newEnd === newStart &&
        row.start_time !== null &&
        row.end_time !== null &&
        row.end_time <= row.start_time;
      if (newEnd < newStart || oneDayTimesInverted) {
        throw validationError([issue(['newEndDate'], 'errors.field.meetingEndBeforeStart')]);
      }
      set.start_date = newStart;
      set.end_date = newEnd;
      set.postponed_from = row.start_date;
      set.status_reason = input.reason;
      Object.assign(changes, {
        startDate: [row.start_date, newStart],
        endDate: [row.end_date, newEnd],
        postponedFrom: [row.postponed_from, row.start_date],
        statusReason: [row.status_reason, input.reason],
      });
      summary = `Reportée au ${formatDateFr(newStart)}${input.reason ? ` : ${input.reason}` : ''}`;
      break;
    }
    case 'cancel': {
      if (input.reason === null) throw validationError([issue(['reason'], 'errors.field.reasonRequired')]);
      set.status_reason = input.reason;
      changes.statusReason = [row.status_reason, input.reason];
      summary = `Annulée : ${input.reason}`;
      break;
    }
    case 'reopen_draft':
      summary = 'Remise en brouillon';
      break;
  }
  await trx
    .updateTable('meetings')
    .set({ ...set, updated_at: nowIso() })
    .where('id', '=', row.id)
    .execute();
  if (typeof set.start_date === 'string' && typeof set.end_date === 'string') {
    await followNewDates(trx, row, set.start_date, set.end_date);
  }
  for (const key of Object.keys(changes)) {
    const [a, b] = changes[key] ?? [null, null];
    if (a === b) delete changes[key];
  }
  await recordHistory(trx, {
    entityType: 'meeting',
    entityId: row.id,
    action: 'status',
    actor,
    changes,
    summary,
  });
  return loadMeeting(trx, row.id);
}

/** When a meeting moves, its agenda moves with it: day k of the old dates becomes day k of the new. */
async function followNewDates(trx: Db, row: MeetingRow, startDate: string, endDate: string): Promise<void> {
  if (row.start_date === startDate && row.end_date === endDate) return;
  await moveAgendaDays(
    trx,
    row.id,
    meetingDays(row.start_date, row.end_date),
    meetingDays(startDate, endDate),
  );
}

/** Trashing twice is refused rather than ignored, so that the trash date stays the first one. */
export async function trashMeeting(trx: Db, id: string, actor: string): Promise<Meeting> {
  const row = await requireMeetingRow(trx, id);
  if (row.deleted_at !== null) {
    throw new AppError('INVALID_TRANSITION', 'Cette réunion est déjà dans la corbeille.');
  }
  const at = nowIso();
  await trx.updateTable('meetings').set({ deleted_at: at, updated_at: at }).where('id', '=', id).execute();
  await recordHistory(trx, {
    entityType: 'meeting',
    entityId: id,
    action: 'trash',
    actor,
    summary: await summaryOf(trx, row),
  });
  return loadMeeting(trx, id);
}

/** A restored meeting takes back its planned session only if no other meeting took it meanwhile. */
export async function restoreMeeting(trx: Db, id: string, actor: string): Promise<Meeting> {
  const row = await requireMeetingRow(trx, id);
  if (row.deleted_at === null) {
    throw new AppError('INVALID_TRANSITION', 'Cette réunion n’est pas dans la corbeille.');
  }
  if (row.status !== 'cancelled') await ensurePlannedDateFree(trx, row.body_id, row.planned_date, row.id);
  await trx
    .updateTable('meetings')
    .set({ deleted_at: null, updated_at: nowIso() })
    .where('id', '=', id)
    .execute();
  await recordHistory(trx, {
    entityType: 'meeting',
    entityId: id,
    action: 'restore',
    actor,
    summary: await summaryOf(trx, row),
  });
  return loadMeeting(trx, id);
}
