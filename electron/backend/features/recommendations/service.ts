import { formatDateFr } from '../../../../shared/domain/dates';
import { uuidv7 } from '../../../../shared/domain/ids';
import {
  canUpdate,
  effectiveProgress,
  formatReference,
  referenceAcronym,
  UPDATE_REFUSAL_FR,
  validateRecommendationUpdate,
} from '../../../../shared/domain/recommendationStatus';
import type { RecommendationStatus, UpdateSource } from '../../../../shared/domain/vocabularies';
import type { FieldIssue } from '../../../../shared/errors';
import type { ParsedInputOf } from '../../../../shared/rpc';
import type { Recommendation } from '../../../../shared/rpc/recommendations';
import { nowIso } from '../../clock';
import type { Db } from '../../db/open';
import type { RecommendationsTable } from '../../db/schema';
import { AppError, validationError } from '../../errors';
import { type BodyRow, bodyParents, findBodyRow, requireBodyRow } from '../bodies/repository';
import { issue } from '../bodies/validation';
import { diffRecords, recordHistory } from '../history/repository';
import { bodyRefLabel, localToday } from '../meetings/repository';
import { DEFAULT_SETTINGS, readSettings } from '../settings/repository';
import { setTrashed, type TrashSpec } from '../trash';
import {
  ensureRecommendationNotTrashed,
  loadRecommendation,
  type RecommendationRow,
  requireRecommendationRow,
} from './repository';

export type RecommendationInput = ParsedInputOf<'recommendations.create'>;
export type RecommendationUpdateInput = ParsedInputOf<'recommendations.addUpdate'>;

interface MeetingFacts {
  id: string;
  body_id: string;
  start_date: string;
  deleted_at: string | null;
}

interface CheckedInput {
  associatedIds: string[];
  /** The origin meeting, taken from the agenda entry or working group when only they were given. */
  meeting: MeetingFacts | null;
  body: BodyRow;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The next reference of a body for the year of `date`, from the settings' format: the highest
 * number already used by the body's references of that year (those that follow the format),
 * plus one; then past any reference that already exists (another body with the same acronym,
 * a reference typed by hand).
 */
export async function nextReference(trx: Db, body: BodyRow, date: string): Promise<string> {
  const settings = await readSettings(trx);
  const format = settings.referenceFormat.includes('{NN}')
    ? settings.referenceFormat
    : DEFAULT_SETTINGS.referenceFormat;
  const acronym = referenceAcronym(body);
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const pattern = new RegExp(
    `^${format
      .split(/(\{SIGLE\}|\{AAAA\}|\{MM\}|\{NN\})/)
      .map((part) => {
        if (part === '{SIGLE}') return escapeRegExp(acronym);
        if (part === '{AAAA}') return String(year).padStart(4, '0');
        if (part === '{MM}') return '\\d{2}';
        if (part === '{NN}') return '(\\d+)';
        return escapeRegExp(part);
      })
      .join('')}$`,
  );
  const existing = await trx
    .selectFrom('recommendations')
    .select('reference')
    .where('body_id', '=', body.id)
    .execute();
  let number = 1;
  for (const { reference } of existing) {
    const found = pattern.exec(reference);
    if (found?.[1]) number = Math.max(number, Number(found[1]) + 1);
  }
  for (;;) {
    const candidate = formatReference(format, { acronym, year, month, number });
    if (!(await referenceTaken(trx, candidate, null))) return candidate;
    number += 1;
  }
}

async function referenceTaken(trx: Db, reference: string, selfId: string | null): Promise<boolean> {
  let query = trx.selectFrom('recommendations').select('id').where('reference', '=', reference);
  if (selfId !== null) query = query.where('id', '!=', selfId);
  return (await query.executeTakeFirst()) !== undefined;
}

/**
 * Checks what the schema cannot, reporting every field problem at once before anything is
 * written: the body and every referenced record exist, the origin belongs to the body, the
 * reference is free, the due date does not precede the origin meeting. A reference the
 * recommendation already had is accepted even if its target was trashed since.
 */
async function checkInput(
  trx: Db,
  input: RecommendationInput,
  before: RecommendationRow | null,
): Promise<CheckedInput> {
  const issues: FieldIssue[] = [];
  const kept = (column: keyof RecommendationsTable, value: string | null) =>
    before !== null && value !== null && before[column] === value;

  const body = await findBodyRow(trx, input.bodyId);
  if (!body || (body.deleted_at !== null && !kept('body_id', input.bodyId))) {
    issues.push(issue(['bodyId'], 'errors.field.unknownBody'));
  }

  if (input.reference !== null && (await referenceTaken(trx, input.reference, before?.id ?? null))) {
    issues.push(issue(['reference'], 'errors.field.duplicateReference', { reference: input.reference }));
  }

  const beforeAssociates = new Set(
    before
      ? (
          await trx
            .selectFrom('recommendation_associates')
            .select('organisation_id')
            .where('recommendation_id', '=', before.id)
            .execute()
        ).map((a) => a.organisation_id)
      : [],
  );
  const organisationIds = [
    ...(input.leadOrganisationId ? [input.leadOrganisationId] : []),
    ...input.associatedOrganisationIds,
  ];
  const organisations = new Map(
    organisationIds.length === 0
      ? []
      : (
          await trx
            .selectFrom('organisations')
            .select(['id', 'deleted_at'])
            .where('id', 'in', organisationIds)
            .execute()
        ).map((o) => [o.id, o.deleted_at] as const),
  );
  const organisationUsable = (id: string, wasThere: boolean) =>
    organisations.has(id) && (organisations.get(id) === null || wasThere);
  if (
    input.leadOrganisationId !== null &&
    !organisationUsable(input.leadOrganisationId, kept('lead_organisation_id', input.leadOrganisationId))
  ) {
    issues.push(issue(['leadOrganisationId'], 'errors.field.unknownOrganisation'));
  }
  const associatedIds: string[] = [];
  for (const [index, id] of input.associatedOrganisationIds.entries()) {
    if (!organisationUsable(id, beforeAssociates.has(id))) {
      issues.push(issue(['associatedOrganisationIds', index], 'errors.field.unknownOrganisation'));
    } else if (id !== input.leadOrganisationId && !associatedIds.includes(id)) {
      // The lead is not also listed among the associated organisations.
      associatedIds.push(id);
    }
  }

  if (input.personId !== null) {
    const person = await trx
      .selectFrom('people')
      .select('deleted_at')
      .where('id', '=', input.personId)
      .executeTakeFirst();
    if (!person || (person.deleted_at !== null && !kept('person_id', input.personId))) {
      issues.push(issue(['personId'], 'errors.field.unknownPerson'));
    }
  }
  if (input.targetTerritoryId !== null) {
    const territory = await trx
      .selectFrom('territories')
      .select('deleted_at')
      .where('id', '=', input.targetTerritoryId)
      .executeTakeFirst();
    if (
      !territory ||
      (territory.deleted_at !== null && !kept('target_territory_id', input.targetTerritoryId))
    ) {
      issues.push(issue(['targetTerritoryId'], 'errors.field.unknownTerritory'));
    }
  }

  // The origin: the meeting, or the meeting of the agenda entry / working group given alone.
  let meetingId = input.originMeetingId;
  if (input.originAgendaEntryId !== null) {
    const entry = await trx
      .selectFrom('agenda_entries')
      .select('meeting_id')
      .where('id', '=', input.originAgendaEntryId)
      .executeTakeFirst();
    if (!entry || (meetingId !== null && entry.meeting_id !== meetingId)) {
      issues.push(issue(['originAgendaEntryId'], 'errors.field.invalidId'));
    } else {
      meetingId = entry.meeting_id;
    }
  }
  if (input.originWorkingGroupId !== null) {
    const group = await trx
      .selectFrom('working_groups')
      .select('meeting_id')
      .where('id', '=', input.originWorkingGroupId)
      .executeTakeFirst();
    if (!group || (meetingId !== null && group.meeting_id !== meetingId)) {
      issues.push(issue(['originWorkingGroupId'], 'errors.field.invalidId'));
    } else {
      meetingId = group.meeting_id;
    }
  }
  let meeting: MeetingFacts | null = null;
  if (meetingId !== null) {
    const found = await trx
      .selectFrom('meetings')
      .select(['id', 'body_id', 'start_date', 'deleted_at'])
      .where('id', '=', meetingId)
      .executeTakeFirst();
    const cohosts = found
      ? (
          await trx
            .selectFrom('meeting_cohosts')
            .select('body_id')
            .where('meeting_id', '=', found.id)
            .execute()
        ).map((c) => c.body_id)
      : [];
    // A recommendation belongs to the body whose session made it (or one co-hosting it).
    const ofBody = found !== undefined && (found.body_id === input.bodyId || cohosts.includes(input.bodyId));
    if (!found || !ofBody || (found.deleted_at !== null && !kept('origin_meeting_id', meetingId))) {
      issues.push(issue(['originMeetingId'], 'errors.field.invalidId'));
    } else {
      meeting = found;
    }
  }

  const dueChanged =
    before === null ||
    before.due_date !== input.dueDate ||
    before.origin_meeting_id !== (meeting?.id ?? null);
  if (meeting && input.dueDate !== null && input.dueDate < meeting.start_date && dueChanged) {
    issues.push(
      issue(['dueDate'], 'errors.field.dueBeforeMeeting', { date: formatDateFr(meeting.start_date) }),
    );
  }

  if (issues.length > 0 || !body) throw validationError(issues);
  return { associatedIds, meeting, body };
}

type RecommendationColumns = Pick<
  RecommendationsTable,
  | 'body_id'
  | 'kind'
  | 'text'
  | 'theme'
  | 'origin_kind'
  | 'origin_meeting_id'
  | 'origin_agenda_entry_id'
  | 'origin_working_group_id'
  | 'lead_organisation_id'
  | 'person_id'
  | 'target_level'
  | 'target_territory_id'
  | 'due_date'
  | 'priority'
>;

function toColumns(input: RecommendationInput, checked: CheckedInput): RecommendationColumns {
  return {
    body_id: input.bodyId,
    kind: input.kind,
    text: input.text,
    theme: input.theme,
    origin_kind: input.originKind,
    origin_meeting_id: checked.meeting?.id ?? null,
    origin_agenda_entry_id: input.originAgendaEntryId,
    origin_working_group_id: input.originWorkingGroupId,
    lead_organisation_id: input.leadOrganisationId,
    person_id: input.personId,
    target_level: input.targetLevel,
    target_territory_id: input.targetTerritoryId,
    due_date: input.dueDate,
    priority: input.priority,
  };
}

async function setAssociates(trx: Db, recommendationId: string, ids: readonly string[]): Promise<void> {
  await trx
    .deleteFrom('recommendation_associates')
    .where('recommendation_id', '=', recommendationId)
    .execute();
  if (ids.length === 0) return;
  await trx
    .insertInto('recommendation_associates')
    .values(
      ids.map((organisationId) => ({ recommendation_id: recommendationId, organisation_id: organisationId })),
    )
    .execute();
}

interface UpdateRow {
  recommendationId: string;
  date: string;
  status: RecommendationStatus;
  progress: number;
  comment: string | null;
  actionsTaken: string | null;
  source: UpdateSource;
  meetingId: string | null;
  actor: string;
}

async function insertUpdate(trx: Db, update: UpdateRow): Promise<void> {
  await trx
    .insertInto('recommendation_updates')
    .values({
      id: uuidv7(),
      recommendation_id: update.recommendationId,
      date: update.date,
      status: update.status,
      progress: update.progress,
      comment: update.comment,
      actions_taken: update.actionsTaken,
      source: update.source,
      meeting_id: update.meetingId,
      actor: update.actor,
      created_at: nowIso(),
    })
    .execute();
}

/** What the history shows of a recommendation: references by their label. */
function historyView(r: Recommendation): Record<string, unknown> {
  return {
    bodyId: r.body.label,
    reference: r.reference,
    kind: r.kind,
    text: r.text,
    theme: r.theme,
    originKind: r.originKind,
    originMeetingId: r.originMeeting?.label ?? null,
    originWorkingGroupId: r.originWorkingGroup?.label ?? null,
    leadOrganisationId: r.leadOrganisation?.label ?? null,
    associatedOrganisationIds: r.associatedOrganisations.map((o) => o.label),
    personId: r.person?.label ?? null,
    targetLevel: r.targetLevel,
    targetTerritoryId: r.targetTerritory?.label ?? null,
    dueDate: r.dueDate,
    priority: r.priority,
  };
}

/**
 * Creates a recommendation (non démarrée, 0 %) in the caller's transaction, with its first
 * update ("Création", tied to the origin session if any). Without a reference it gets the next
 * one of its body for the year of its session (or of today).
 */
export async function createRecommendation(
  trx: Db,
  input: RecommendationInput,
  actor: string,
  options: { isDemo?: boolean } = {},
): Promise<Recommendation> {
  const checked = await checkInput(trx, input, null);
  const date = checked.meeting?.start_date ?? localToday();
  const reference = input.reference ?? (await nextReference(trx, checked.body, date));
  const id = uuidv7();
  const at = nowIso();
  await trx
    .insertInto('recommendations')
    .values({
      id,
      ...toColumns(input, checked),
      reference,
      status: 'not_started',
      progress: 0,
      actions_taken: null,
      transmitted_from_id: null,
      is_demo: options.isDemo ? 1 : 0,
      created_at: at,
      updated_at: at,
      deleted_at: null,
    })
    .execute();
  await setAssociates(trx, id, checked.associatedIds);
  await insertUpdate(trx, {
    recommendationId: id,
    date,
    status: 'not_started',
    progress: 0,
    comment: 'Création',
    actionsTaken: null,
    source: checked.meeting ? 'meeting' : 'manual',
    meetingId: checked.meeting?.id ?? null,
    actor,
  });
  await recordHistory(trx, {
    entityType: 'recommendation',
    entityId: id,
    action: 'create',
    actor,
    summary: reference,
  });
  return loadRecommendation(trx, id);
}

/**
 * Replaces the editable details; status and progress move only through updates. An empty
 * reference keeps the current one.
 */
export async function updateRecommendation(
  trx: Db,
  input: ParsedInputOf<'recommendations.update'>,
  actor: string,
): Promise<Recommendation> {
  const row = await requireRecommendationRow(trx, input.id);
  ensureRecommendationNotTrashed(row);
  const checked = await checkInput(trx, input, row);
  const before = await loadRecommendation(trx, row.id);
  const reference = input.reference ?? row.reference;
  await trx
    .updateTable('recommendations')
    .set({ ...toColumns(input, checked), reference, updated_at: nowIso() })
    .where('id', '=', row.id)
    .execute();
  await setAssociates(trx, row.id, checked.associatedIds);
  const after = await loadRecommendation(trx, row.id);
  const changes = diffRecords(historyView(before), historyView(after));
  if (Object.keys(changes).length > 0) {
    await recordHistory(trx, {
      entityType: 'recommendation',
      entityId: row.id,
      action: 'update',
      actor,
      changes,
      summary: reference,
    });
  }
  return after;
}

/**
 * Records a follow-up update (status, progress, comment, actions taken) and makes it the
 * recommendation's current state, all in the caller's transaction. Refused, with nothing
 * written: an abandoned item, closing without actions taken, progress outside 0–100.
 */
export async function addRecommendationUpdate(
  trx: Db,
  input: RecommendationUpdateInput,
  actor: string,
): Promise<Recommendation> {
  const row = await requireRecommendationRow(trx, input.id);
  ensureRecommendationNotTrashed(row);
  const current = row.status as RecommendationStatus;
  if (!canUpdate(current)) throw new AppError('INVALID_TRANSITION', UPDATE_REFUSAL_FR);

  const issues: FieldIssue[] = validateRecommendationUpdate({
    current,
    next: input.status,
    progress: input.progress,
    actionsTaken: input.actionsTaken,
  }).map((i) => issue(i.path, i.key, i.params));
  if (input.meetingId !== null) {
    const meeting = await trx
      .selectFrom('meetings')
      .select('deleted_at')
      .where('id', '=', input.meetingId)
      .executeTakeFirst();
    if (!meeting || meeting.deleted_at !== null) issues.push(issue(['meetingId'], 'errors.field.invalidId'));
  }
  if (issues.length > 0) throw validationError(issues);

  const progress = effectiveProgress(input.status, input.progress, row.progress);
  const actionsTaken = input.actionsTaken ?? row.actions_taken;
  await insertUpdate(trx, {
    recommendationId: row.id,
    date: input.date,
    status: input.status,
    progress,
    comment: input.comment,
    actionsTaken: input.actionsTaken,
    source: input.source,
    meetingId: input.meetingId,
    actor,
  });
  await trx
    .updateTable('recommendations')
    .set({ status: input.status, progress, actions_taken: actionsTaken, updated_at: nowIso() })
    .where('id', '=', row.id)
    .execute();
  const changes = diffRecords(
    { status: row.status, progress: row.progress, actionsTaken: row.actions_taken },
    { status: input.status, progress, actionsTaken },
  );
  await recordHistory(trx, {
    entityType: 'recommendation',
    entityId: row.id,
    action: 'status',
    actor,
    changes,
    summary: input.comment ?? row.reference,
  });
  return loadRecommendation(trx, row.id);
}

/**
 * Transmits a recommendation up the hierarchy (sous-groupe → groupe → commission): a linked
 * copy in the receiving body, with the next reference of that body, the same text, lead, due
 * date and state; a "transmission" update on both keeps the trail.
 */
export async function transmitRecommendation(
  trx: Db,
  input: ParsedInputOf<'recommendations.transmit'>,
  actor: string,
): Promise<Recommendation> {
  const row = await requireRecommendationRow(trx, input.id);
  ensureRecommendationNotTrashed(row);
  const parents = await bodyParents(trx);
  const ancestors = new Set<string>();
  for (let next = parents.get(row.body_id) ?? null; next !== null && !ancestors.has(next); ) {
    ancestors.add(next);
    next = parents.get(next) ?? null;
  }
  const target = await findBodyRow(trx, input.toBodyId);
  if (!target || target.deleted_at !== null) {
    throw validationError([issue(['toBodyId'], 'errors.field.unknownBody')]);
  }
  if (!ancestors.has(input.toBodyId)) {
    const from = await requireBodyRow(trx, row.body_id);
    throw validationError([
      {
        ...issue(['toBodyId'], 'errors.field.invalidChoice'),
        message: `Une recommandation ne peut être transmise qu’à une instance dont ${bodyRefLabel(from.name, from.acronym)} relève.`,
      },
    ]);
  }
  const already = await trx
    .selectFrom('recommendations')
    .select('reference')
    .where('transmitted_from_id', '=', row.id)
    .where('body_id', '=', input.toBodyId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (already) {
    throw new AppError(
      'CONFLICT',
      `Cette recommandation a déjà été transmise à ${bodyRefLabel(target.name, target.acronym)} (${already.reference}).`,
    );
  }

  const today = localToday();
  const reference = await nextReference(trx, target, today);
  const id = uuidv7();
  const at = nowIso();
  const status = row.status as RecommendationStatus;
  await trx
    .insertInto('recommendations')
    .values({
      id,
      body_id: target.id,
      reference,
      kind: row.kind,
      text: row.text,
      theme: row.theme,
      // The copy was not made at a session of the receiving body: its origin is the trail.
      origin_kind: 'direct',
      origin_meeting_id: null,
      origin_agenda_entry_id: null,
      origin_working_group_id: null,
      lead_organisation_id: row.lead_organisation_id,
      person_id: row.person_id,
      target_level: row.target_level,
      target_territory_id: row.target_territory_id,
      due_date: row.due_date,
      priority: row.priority,
      status,
      progress: row.progress,
      actions_taken: row.actions_taken,
      transmitted_from_id: row.id,
      is_demo: row.is_demo,
      created_at: at,
      updated_at: at,
      deleted_at: null,
    })
    .execute();
  const associates = await trx
    .selectFrom('recommendation_associates')
    .select('organisation_id')
    .where('recommendation_id', '=', row.id)
    .execute();
  await setAssociates(
    trx,
    id,
    associates.map((a) => a.organisation_id),
  );
  const source = await requireBodyRow(trx, row.body_id);
  const common = {
    date: today,
    status,
    progress: row.progress,
    actionsTaken: null,
    source: 'transmission' as const,
    meetingId: null,
    actor,
  };
  await insertUpdate(trx, {
    ...common,
    recommendationId: row.id,
    comment: `Transmise à ${bodyRefLabel(target.name, target.acronym)} (${reference})`,
  });
  await insertUpdate(trx, {
    ...common,
    recommendationId: id,
    comment: `Transmise par ${bodyRefLabel(source.name, source.acronym)} (${row.reference})`,
  });
  await trx.updateTable('recommendations').set({ updated_at: at }).where('id', '=', row.id).execute();
  await recordHistory(trx, {
    entityType: 'recommendation',
    entityId: id,
    action: 'create',
    actor,
    changes: { transmittedFrom: [null, row.reference] },
    summary: `${reference} (transmise par ${source.acronym ?? source.name})`,
  });
  await recordHistory(trx, {
    entityType: 'recommendation',
    entityId: row.id,
    action: 'update',
    actor,
    changes: { transmittedTo: [null, reference] },
    summary: `Transmise à ${target.acronym ?? target.name} (${reference})`,
  });
  return loadRecommendation(trx, id);
}

const recommendationTrash: TrashSpec<'recommendations', RecommendationRow> = {
  table: 'recommendations',
  entityType: 'recommendation',
  load: requireRecommendationRow,
  toOutput: (row) => row,
  summary: (row) => row.reference,
  alreadyTrashed: 'Cette recommandation est déjà dans la corbeille.',
  notTrashed: 'Cette recommandation n’est pas dans la corbeille.',
};

export async function trashRecommendation(trx: Db, id: string, actor: string): Promise<Recommendation> {
  await setTrashed(trx, recommendationTrash, id, true, actor);
  return loadRecommendation(trx, id);
}

export async function restoreRecommendation(trx: Db, id: string, actor: string): Promise<Recommendation> {
  await setTrashed(trx, recommendationTrash, id, false, actor);
  return loadRecommendation(trx, id);
}
