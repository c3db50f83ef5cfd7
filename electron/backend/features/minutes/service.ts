import { formatDateFr, isWithin } from '../../../../shared/domain/dates';
import { uuidv7 } from '../../../../shared/domain/ids';
import {
  emptyDoc,
  isMinutesEditable,
  minutesEditRefusalFr,
  minutesTransitionRefusalFr,
  nextMinutesStatus,
  plainTextOf,
  sanitizeDoc,
  thinVersions,
} from '../../../../shared/domain/minutes';
import type { AgendaItemKind, MinutesStatus } from '../../../../shared/domain/vocabularies';
import type { FieldIssue } from '../../../../shared/errors';
import type { OutputOf, ParsedInputOf } from '../../../../shared/rpc';
import type { AgendaEntry } from '../../../../shared/rpc/meetings';
import type { Minutes, MinutesSection } from '../../../../shared/rpc/recommendations';
import { nowIso } from '../../clock';
import type { Db } from '../../db/open';
import type { MinutesTable } from '../../db/schema';
import { AppError, validationError } from '../../errors';
import { listEntryRows, toAgendaEntries } from '../agenda/repository';
import { loadSeats } from '../bodies/repository';
import { issue } from '../bodies/validation';
import { type Changes, recordHistory } from '../history/repository';
import {
  ensureMeetingNotTrashed,
  localToday,
  type MeetingRow,
  requireMeetingRow,
} from '../meetings/repository';
import {
  autosaveStamps,
  findMinutesHead,
  findMinutesRow,
  listVersionSummaries,
  listWorkingGroupRows,
  loadMinutes,
  type MinutesRow,
  meetingRefs,
  minutesNotOpened,
  readSections,
  requireMinutesRow,
  requireVersionRow,
  toMinutes,
  toWorkingGroup,
} from './repository';

type SaveInput = ParsedInputOf<'minutes.save'>;
type TransitionInput = ParsedInputOf<'minutes.transition'>;
type WorkingGroupsInput = ParsedInputOf<'workingGroups.save'>;

const STATUS_FR: Record<MinutesStatus, string> = {
  draft: 'brouillon',
  review: 'en relecture',
  validated: 'validé',
  adopted: 'adopté',
};

/** A cancelled meeting did not take place: there is nothing to report. */
function ensureMinutesPossible(meeting: MeetingRow): void {
  ensureMeetingNotTrashed(meeting);
  if (meeting.status === 'cancelled') {
    throw new AppError('INVALID_TRANSITION', 'Une réunion annulée n’a pas de compte rendu.');
  }
}

async function meetingName(db: Db, meetingId: string): Promise<string> {
  return (await meetingRefs(db, [meetingId])).get(meetingId)?.label ?? meetingId;
}

// ── Reading ────────────────────────────────────────────────────────────────

export async function getMinutes(db: Db, meetingId: string): Promise<Minutes | null> {
  await requireMeetingRow(db, meetingId);
  const row = await findMinutesRow(db, meetingId);
  return row ? toMinutes(db, row) : null;
}

export async function listVersions(db: Db, meetingId: string): Promise<OutputOf<'minutes.versions'>> {
  await requireMeetingRow(db, meetingId);
  const row = await findMinutesHead(db, meetingId);
  return row ? listVersionSummaries(db, row.id) : [];
}

export async function getVersion(db: Db, id: string): Promise<OutputOf<'minutes.version'>> {
  const row = await requireVersionRow(db, id);
  return {
    id: row.id,
    revision: row.revision,
    status: row.status as MinutesStatus,
    kind: row.kind,
    actor: row.actor,
    savedAt: row.saved_at,
    // Characters as SQLite counts them in minutes.versions (code points, not UTF-16 units).
    length: [...row.plain_text].length,
    sections: readSections(row.content),
  };
}

/**
 * Minutes to adopt at this session: the body's earlier meetings whose minutes are validated and
 * not yet adopted, plus those adopted at this very session (so that the "adoption du compte
 * rendu" item keeps its link once done). Latest first.
 */
export async function pendingAdoption(
  db: Db,
  meetingId: string,
): Promise<OutputOf<'minutes.pendingAdoption'>> {
  const meeting = await requireMeetingRow(db, meetingId);
  const rows = await db
    .selectFrom('minutes')
    .innerJoin('meetings', 'meetings.id', 'minutes.meeting_id')
    .select(['meetings.id as meeting_id', 'minutes.status'])
    .where('meetings.body_id', '=', meeting.body_id)
    .where('meetings.deleted_at', 'is', null)
    .where('meetings.id', '!=', meeting.id)
    .where((eb) =>
      eb.or([
        eb.and([eb('minutes.status', '=', 'validated'), eb('meetings.start_date', '<', meeting.start_date)]),
        eb('minutes.adopted_at_meeting_id', '=', meeting.id),
      ]),
    )
    .orderBy('meetings.start_date', 'desc')
    .orderBy('meetings.id', 'desc')
    .execute();
  const refs = await meetingRefs(
    db,
    rows.map((r) => r.meeting_id),
  );
  return rows.map((r) => ({
    meeting: refs.get(r.meeting_id) ?? { id: r.meeting_id, label: r.meeting_id },
    status: r.status,
  }));
}

// ── Opening ────────────────────────────────────────────────────────────────

/** Agenda items with nothing to report: logistics, not deliberation. */
const LOGISTIC_KINDS = new Set<AgendaItemKind>(['break', 'meal', 'registration']);

/** "DGPSN / PAM / Awa Traoré / Rapporteurs de groupes": who the agenda says leads the item. */
function responsibleText(entry: AgendaEntry): string | null {
  const parts = [
    ...entry.responsible.organisations.map((o) => o.label),
    ...entry.responsible.persons.map((p) => p.label),
    ...(entry.responsible.text ? [entry.responsible.text] : []),
  ];
  return parts.length > 0 ? parts.join(' / ').slice(0, 300) : null;
}

function section(
  kind: MinutesSection['kind'],
  title: string,
  entry: AgendaEntry | null = null,
): MinutesSection {
  return {
    id: uuidv7(),
    kind,
    agendaEntryId: entry?.id ?? null,
    title: title.slice(0, 500),
    responsible: entry ? responsibleText(entry) : null,
    content: emptyDoc(),
  };
}

/**
 * One section per agenda item, in agenda order, between an opening and a closing section. The
 * agenda's own opening and closing items (cérémonie d'ouverture, clôture) become those two
 * sections rather than repeating them; breaks, meals and registration get no section.
 */
export function sectionsFromAgenda(entries: readonly AgendaEntry[]): MinutesSection[] {
  const items = entries.filter((e) => e.entryType === 'item' && !(e.kind && LOGISTIC_KINDS.has(e.kind)));
  const opening = items.find((e) => e.kind === 'opening') ?? null;
  const closing = items.findLast((e) => e.kind === 'closing' && e !== opening) ?? null;
  return [
    opening ? section('opening', opening.title, opening) : section('opening', 'Ouverture'),
    ...items.filter((e) => e !== opening && e !== closing).map((e) => section('item', e.title, e)),
    closing ? section('closing', closing.title, closing) : section('closing', 'Clôture'),
  ];
}

/** The body's rapporteur on the meeting's first day (1er rapporteur first), if the seat is held. */
async function defaultRapporteur(trx: Db, meeting: MeetingRow): Promise<string | null> {
  const seats = await loadSeats(trx, { bodyId: meeting.body_id });
  for (const seat of seats) {
    if (seat.role !== 'rapporteur') continue;
    const holder = seat.holders
      .filter((h) => isWithin(meeting.start_date, { from: h.from, to: h.to }))
      .at(-1);
    if (holder) return holder.person.id;
  }
  return null;
}

/**
 * minutes.open: the meeting's minutes, created on first opening with sections prefilled from
 * the agenda and the body's rapporteur. Opening again returns them as they are.
 */
export async function openMinutes(trx: Db, meetingId: string, actor: string): Promise<Minutes> {
  const meeting = await requireMeetingRow(trx, meetingId);
  ensureMinutesPossible(meeting);
  const existing = await findMinutesRow(trx, meetingId);
  if (existing) return toMinutes(trx, existing);

  const agenda = await toAgendaEntries(trx, await listEntryRows(trx, meetingId));
  const sections = sectionsFromAgenda(agenda);
  const rapporteur = await defaultRapporteur(trx, meeting);
  const id = uuidv7();
  const at = nowIso();
  await trx
    .insertInto('minutes')
    .values({
      id,
      meeting_id: meetingId,
      rapporteur_person_id: rapporteur,
      status: 'draft',
      content: JSON.stringify(sections),
      plain_text: plainTextOf(sections),
      revision: 0,
      last_save_id: null,
      validated_on: null,
      adopted_on: null,
      adopted_at_meeting_id: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await recordHistory(trx, {
    entityType: 'minutes',
    entityId: id,
    action: 'create',
    actor,
    summary: `Compte rendu ouvert : ${await meetingName(trx, meetingId)} (${sections.length} sections)`,
  });
  return loadMinutes(trx, meetingId);
}

// ── Autosave ───────────────────────────────────────────────────────────────

/** Sections as stored: each document reduced to what the editor knows, the text alongside. */
function cleanSections(sections: readonly MinutesSection[]): { json: string; text: string } {
  const clean = sections.map((s) => ({ ...s, content: sanitizeDoc(s.content) }));
  return { json: JSON.stringify(clean), text: plainTextOf(clean) };
}

async function insertVersion(
  trx: Db,
  values: {
    minutesId: string;
    revision: number;
    status: MinutesStatus;
    kind: 'autosave' | 'status' | 'restore';
    content: string;
    plainText: string;
    actor: string;
    savedAt: string;
  },
): Promise<void> {
  await trx
    .insertInto('minutes_versions')
    .values({
      id: uuidv7(),
      minutes_id: values.minutesId,
      revision: values.revision,
      status: values.status,
      kind: values.kind,
      content: values.content,
      plain_text: values.plainText,
      actor: values.actor,
      saved_at: values.savedAt,
    })
    .execute();
}

/** Removes the autosaves thinVersions no longer keeps (only autosave stamps are read). */
async function thinAutosaves(trx: Db, minutesId: string, now: string): Promise<void> {
  const { drop } = thinVersions(await autosaveStamps(trx, minutesId), now);
  for (let i = 0; i < drop.length; i += 500) {
    await trx
      .deleteFrom('minutes_versions')
      .where('id', 'in', drop.slice(i, i + 500))
      .execute();
  }
}

/**
 * minutes.save, the autosave: in the caller's single transaction, the minutes row and one
 * autosave version are written together, so a save cut short leaves the previous revision whole.
 * A retried save (same saveId as the last one written) is acknowledged without writing again;
 * a save based on an older revision than the stored one is refused rather than overwriting what
 * another window wrote. Kept cheap: the stored content is never read, only the head of the row.
 * Autosaves leave no history entry (the versions are their history); a change of rapporteur does.
 */
export async function saveMinutes(
  trx: Db,
  input: SaveInput,
  actor: string,
): Promise<OutputOf<'minutes.save'>> {
  const head = await findMinutesHead(trx, input.meetingId);
  if (!head) {
    // The meeting itself may be what is missing.
    await requireMeetingRow(trx, input.meetingId);
    throw minutesNotOpened();
  }
  if (head.last_save_id === input.saveId) return { revision: head.revision, savedAt: head.updated_at };
  if (!isMinutesEditable(head.status)) {
    throw new AppError('INVALID_TRANSITION', minutesEditRefusalFr(head.status));
  }
  if (input.baseRevision < head.revision) {
    throw new AppError(
      'CONFLICT',
      `Le compte rendu a été modifié ailleurs (version ${head.revision}). Rechargez-le avant d’enregistrer.`,
      { revision: head.revision },
    );
  }
  ensureMinutesPossible(await requireMeetingRow(trx, input.meetingId));

  const rapporteurChanged = input.rapporteurPersonId !== head.rapporteur_person_id;
  if (rapporteurChanged && input.rapporteurPersonId !== null) {
    const person = await trx
      .selectFrom('people')
      .select('id')
      .where('id', '=', input.rapporteurPersonId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!person) throw validationError([issue(['rapporteurPersonId'], 'errors.field.unknownPerson')]);
  }

  const { json, text } = cleanSections(input.sections);
  const revision = head.revision + 1;
  const savedAt = nowIso();
  await trx
    .updateTable('minutes')
    .set({
      content: json,
      plain_text: text,
      revision,
      last_save_id: input.saveId,
      rapporteur_person_id: input.rapporteurPersonId,
      updated_at: savedAt,
    })
    .where('id', '=', head.id)
    .execute();
  await insertVersion(trx, {
    minutesId: head.id,
    revision,
    status: head.status,
    kind: 'autosave',
    content: json,
    plainText: text,
    actor,
    savedAt,
  });
  await thinAutosaves(trx, head.id, savedAt);

  if (rapporteurChanged) {
    const names = await trx
      .selectFrom('people')
      .select(['id', 'first_name', 'last_name'])
      .where(
        'id',
        'in',
        [head.rapporteur_person_id, input.rapporteurPersonId].filter((v) => v !== null),
      )
      .execute();
    const name = (id: string | null) => {
      const p = names.find((n) => n.id === id);
      return p ? `${p.first_name} ${p.last_name}`.trim() : null;
    };
    await recordHistory(trx, {
      entityType: 'minutes',
      entityId: head.id,
      action: 'update',
      actor,
      changes: { rapporteur: [name(head.rapporteur_person_id), name(input.rapporteurPersonId)] },
      summary: input.rapporteurPersonId
        ? `Rapporteur : ${name(input.rapporteurPersonId)}`
        : 'Rapporteur retiré',
    });
  }
  return { revision, savedAt };
}

// ── Status ─────────────────────────────────────────────────────────────────

/**
 * The session where the minutes are adopted: a later meeting of the same body (starting after
 * the reported one), still live and not cancelled.
 */
async function checkAdoptionMeeting(
  trx: Db,
  reported: MeetingRow,
  adoptedAtMeetingId: string | null,
): Promise<MeetingRow> {
  const path = ['adoptedAtMeetingId'];
  if (adoptedAtMeetingId === null) throw validationError([issue(path, 'errors.field.required')]);
  const adopting = await trx
    .selectFrom('meetings')
    .selectAll()
    .where('id', '=', adoptedAtMeetingId)
    .executeTakeFirst();
  const usable =
    adopting !== undefined &&
    adopting.deleted_at === null &&
    adopting.status !== 'cancelled' &&
    adopting.body_id === reported.body_id &&
    adopting.start_date > reported.start_date;
  if (!usable) {
    const problem: FieldIssue = {
      path,
      key: 'errors.field.invalid',
      message:
        'Les comptes rendus sont adoptés lors d’une séance ultérieure de la même instance : ' +
        'choisissez une réunion qui commence après celle-ci.',
    };
    throw validationError([problem]);
  }
  return adopting;
}

/**
 * minutes.transition: soumettre à relecture, valider (date of validation, today by default),
 * adopter (at a later session of the body, on that session's first day by default), remettre en
 * brouillon. Each move stores the text as it stands in a 'status' version (kept forever) and a
 * history entry. The revision does not change: the text did not.
 */
export async function transitionMinutes(
  trx: Db,
  input: TransitionInput,
  actor: string,
  options: { today?: string } = {},
): Promise<Minutes> {
  const meeting = await requireMeetingRow(trx, input.meetingId);
  ensureMeetingNotTrashed(meeting);
  const row = await requireMinutesRow(trx, input.meetingId);
  const from = row.status;
  const to = nextMinutesStatus(from, input.action);
  if (to === null) throw new AppError('INVALID_TRANSITION', minutesTransitionRefusalFr(from, input.action));

  const set: Partial<Pick<MinutesTable, 'validated_on' | 'adopted_on' | 'adopted_at_meeting_id'>> = {};
  const changes: Changes = { status: [from, to] };
  let summary: string;
  switch (input.action) {
    case 'submit_review':
      summary = 'Compte rendu soumis à relecture';
      break;
    case 'validate': {
      const validatedOn = input.date ?? options.today ?? localToday();
      set.validated_on = validatedOn;
      changes.validatedOn = [row.validated_on, validatedOn];
      summary = `Compte rendu validé le ${formatDateFr(validatedOn)}`;
      break;
    }
    case 'adopt': {
      const adopting = await checkAdoptionMeeting(trx, meeting, input.adoptedAtMeetingId);
      const adoptedOn = input.date ?? adopting.start_date;
      const label = await meetingName(trx, adopting.id);
      set.adopted_on = adoptedOn;
      set.adopted_at_meeting_id = adopting.id;
      changes.adoptedOn = [row.adopted_on, adoptedOn];
      changes.adoptedAt = [null, label];
      summary = `Compte rendu adopté le ${formatDateFr(adoptedOn)} lors de la séance ${label}`;
      break;
    }
    case 'reopen':
      // Validated then amended: the validation no longer holds until it is given again.
      set.validated_on = null;
      if (row.validated_on !== null) changes.validatedOn = [row.validated_on, null];
      summary = `Compte rendu remis en brouillon (il était ${STATUS_FR[from]})`;
      break;
  }
  const at = nowIso();
  await trx
    .updateTable('minutes')
    .set({ ...set, status: to, updated_at: at })
    .where('id', '=', row.id)
    .execute();
  await insertVersion(trx, {
    minutesId: row.id,
    revision: row.revision,
    status: to,
    kind: 'status',
    content: row.content,
    plainText: row.plain_text,
    actor,
    savedAt: at,
  });
  await recordHistory(trx, {
    entityType: 'minutes',
    entityId: row.id,
    action: 'status',
    actor,
    changes,
    summary,
  });
  return loadMinutes(trx, input.meetingId);
}

/**
 * minutes.restoreVersion: the version's sections become the text again, as a new revision
 * (kind 'restore'), so that what was there before stays one click away in the versions too.
 * Only while the minutes can be edited: adopted is final, validated must be reopened first.
 */
export async function restoreMinutesVersion(trx: Db, versionId: string, actor: string): Promise<Minutes> {
  const version = await requireVersionRow(trx, versionId);
  const row: MinutesRow | undefined = await trx
    .selectFrom('minutes')
    .selectAll()
    .where('id', '=', version.minutes_id)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'Ce compte rendu est introuvable.');
  if (!isMinutesEditable(row.status))
    throw new AppError('INVALID_TRANSITION', minutesEditRefusalFr(row.status));
  ensureMinutesPossible(await requireMeetingRow(trx, row.meeting_id));

  const { json, text } = cleanSections(readSections(version.content));
  const revision = row.revision + 1;
  const at = nowIso();
  await trx
    .updateTable('minutes')
    // A pending autosave of the old text must not be taken for this one: its saveId is forgotten.
    .set({ content: json, plain_text: text, revision, last_save_id: null, updated_at: at })
    .where('id', '=', row.id)
    .execute();
  await insertVersion(trx, {
    minutesId: row.id,
    revision,
    status: row.status,
    kind: 'restore',
    content: json,
    plainText: text,
    actor,
    savedAt: at,
  });
  await recordHistory(trx, {
    entityType: 'minutes',
    entityId: row.id,
    action: 'update',
    actor,
    changes: { revision: [row.revision, revision] },
    summary: `Version ${version.revision} du ${formatDateFr(version.saved_at.slice(0, 10))} restaurée`,
  });
  return loadMinutes(trx, row.meeting_id);
}

// ── Working groups ─────────────────────────────────────────────────────────

export async function listWorkingGroups(db: Db, meetingId: string): Promise<OutputOf<'workingGroups.list'>> {
  await requireMeetingRow(db, meetingId);
  return (await listWorkingGroupRows(db, meetingId)).map(toWorkingGroup);
}

/**
 * workingGroups.save: the meeting's tables replaced by the list given, in its order. Groups keep
 * their ids (recommendations point at them): existing ones are updated in place, new ones added,
 * missing ones removed, unless a recommendation came from one (then nothing is written).
 */
export async function saveWorkingGroups(
  trx: Db,
  input: WorkingGroupsInput,
  actor: string,
): Promise<OutputOf<'workingGroups.list'>> {
  const meeting = await requireMeetingRow(trx, input.meetingId);
  ensureMeetingNotTrashed(meeting);
  const before = await listWorkingGroupRows(trx, input.meetingId);
  const known = new Set(before.map((g) => g.id));

  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  for (const [index, group] of input.groups.entries()) {
    if (group.id === undefined) continue;
    if (!known.has(group.id) || seen.has(group.id))
      issues.push(issue(['groups', index, 'id'], 'errors.field.invalidId'));
    seen.add(group.id);
  }
  if (issues.length > 0) throw validationError(issues);

  const removed = before.filter((g) => !seen.has(g.id));
  if (removed.length > 0) {
    const used = await trx
      .selectFrom('recommendations')
      .select('origin_working_group_id')
      .where(
        'origin_working_group_id',
        'in',
        removed.map((g) => g.id),
      )
      .executeTakeFirst();
    const group = removed.find((g) => g.id === used?.origin_working_group_id);
    if (group) {
      throw new AppError(
        'CONFLICT',
        `Le groupe « ${group.theme} » est à l’origine de recommandations : il ne peut pas être retiré.`,
        { workingGroupId: group.id },
      );
    }
    await trx
      .deleteFrom('working_groups')
      .where(
        'id',
        'in',
        removed.map((g) => g.id),
      )
      .execute();
  }

  const at = nowIso();
  for (const [position, group] of input.groups.entries()) {
    const columns = {
      position,
      theme: group.theme,
      facilitator: group.facilitator,
      co_facilitator: group.coFacilitator,
      rapporteur: group.rapporteur,
      key_points: group.keyPoints,
      recommendations: group.recommendations,
      plenary_additions: group.plenaryAdditions,
      updated_at: at,
    };
    if (group.id !== undefined) {
      await trx.updateTable('working_groups').set(columns).where('id', '=', group.id).execute();
    } else {
      await trx
        .insertInto('working_groups')
        .values({ ...columns, id: uuidv7(), meeting_id: input.meetingId, created_at: at })
        .execute();
    }
  }

  const after = await listWorkingGroupRows(trx, input.meetingId);
  const themes = (rows: typeof before) => rows.map((g) => g.theme);
  const beforeView = JSON.stringify(before.map(toWorkingGroup));
  const afterView = JSON.stringify(after.map(toWorkingGroup));
  if (beforeView !== afterView) {
    await recordHistory(trx, {
      entityType: 'meeting',
      entityId: input.meetingId,
      action: 'update',
      actor,
      changes: { workingGroups: [themes(before), themes(after)] },
      summary: `Groupes de travail : ${after.length === 0 ? 'aucun' : themes(after).join(', ')}`,
    });
  }
  return after.map(toWorkingGroup);
}
