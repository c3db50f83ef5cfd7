import type { Selectable } from 'kysely';
import { isOverdue } from '../../../../shared/domain/recommendationStatus';
import type {
  BodyLevel,
  RecommendationOrigin,
  RecommendationPriority,
  RecommendationStatus,
  UpdateSource,
} from '../../../../shared/domain/vocabularies';
import type { OutputOf } from '../../../../shared/rpc';
import type { Ref } from '../../../../shared/rpc/common';
import type { Recommendation } from '../../../../shared/rpc/recommendations';
import type { Db } from '../../db/open';
import type { RecommendationsTable } from '../../db/schema';
import { AppError } from '../../errors';
import { fullLabel, personLabel } from '../bodies/repository';
import { bodyRefLabel, localToday, meetingLabel } from '../meetings/repository';

export type RecommendationRow = Selectable<RecommendationsTable>;
export type RegisterRow = OutputOf<'recommendations.list'>['rows'][number];
export type RecommendationUpdate = OutputOf<'recommendations.updates'>[number];

// SQLite allows many bound values per statement, but a bounded chunk keeps every IN list well
// inside the limit whatever the build.
const CHUNK = 500;

export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function findRecommendationRow(db: Db, id: string): Promise<RecommendationRow | undefined> {
  return db.selectFrom('recommendations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function requireRecommendationRow(db: Db, id: string): Promise<RecommendationRow> {
  const row = await findRecommendationRow(db, id);
  if (!row) {
    throw new AppError('NOT_FOUND', 'Cette recommandation est introuvable (elle a peut-être été supprimée).');
  }
  return row;
}

/** A trashed recommendation must be restored before it is changed or followed up. */
export function ensureRecommendationNotTrashed(row: { deleted_at: string | null }): void {
  if (row.deleted_at !== null) {
    throw new AppError(
      'INVALID_TRANSITION',
      'Cette recommandation est dans la corbeille : restaurez-la avant de la modifier.',
    );
  }
}

/** Body id → "GTGPS — Groupe technique…", the way meetings and plans name a body. */
export async function bodyRefs(db: Db, ids: readonly string[]): Promise<Map<string, Ref>> {
  const out = new Map<string, Ref>();
  for (const part of chunks([...new Set(ids)])) {
    const rows = await db
      .selectFrom('bodies')
      .select(['id', 'name', 'acronym'])
      .where('id', 'in', part)
      .execute();
    for (const r of rows) out.set(r.id, { id: r.id, label: bodyRefLabel(r.name, r.acronym) });
  }
  return out;
}

export async function organisationRefs(db: Db, ids: readonly string[]): Promise<Map<string, Ref>> {
  const out = new Map<string, Ref>();
  for (const part of chunks([...new Set(ids)])) {
    const rows = await db
      .selectFrom('organisations')
      .select(['id', 'name', 'acronym'])
      .where('id', 'in', part)
      .execute();
    for (const r of rows) out.set(r.id, { id: r.id, label: fullLabel(r.name, r.acronym) });
  }
  return out;
}

/** A meeting named as in its lists: "GTGPS — Ordinaire n°3 du 12 mars 2025". */
export async function meetingRef(db: Db, id: string | null): Promise<Ref | null> {
  if (id === null) return null;
  const row = await db
    .selectFrom('meetings')
    .innerJoin('bodies', 'bodies.id', 'meetings.body_id')
    .select(['meetings.kind', 'meetings.number', 'meetings.start_date', 'bodies.name', 'bodies.acronym'])
    .where('meetings.id', '=', id)
    .executeTakeFirst();
  return row ? { id, label: meetingLabel(row, row.kind, row.number, row.start_date) } : { id, label: id };
}

const refOr = (map: Map<string, Ref>, id: string | null): Ref | null =>
  id === null ? null : (map.get(id) ?? { id, label: id });

/** The full record with every reference named: what the detail page and the forms show. */
export async function loadRecommendation(db: Db, id: string, today = localToday()): Promise<Recommendation> {
  const row = await requireRecommendationRow(db, id);
  const associates = await db
    .selectFrom('recommendation_associates')
    .select('organisation_id')
    .where('recommendation_id', '=', id)
    .execute();
  const copies = await db
    .selectFrom('recommendations')
    .select(['id', 'reference', 'body_id'])
    .where('transmitted_from_id', '=', id)
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .execute();
  const source = row.transmitted_from_id
    ? await findRecommendationRow(db, row.transmitted_from_id)
    : undefined;

  const bodies = await bodyRefs(db, [
    row.body_id,
    ...copies.map((c) => c.body_id),
    ...(source ? [source.body_id] : []),
  ]);
  const organisations = await organisationRefs(db, [
    ...(row.lead_organisation_id ? [row.lead_organisation_id] : []),
    ...associates.map((a) => a.organisation_id),
  ]);
  const person = row.person_id
    ? await db
        .selectFrom('people')
        .select(['first_name', 'last_name'])
        .where('id', '=', row.person_id)
        .executeTakeFirst()
    : undefined;
  const territory = row.target_territory_id
    ? await db
        .selectFrom('territories')
        .select('name')
        .where('id', '=', row.target_territory_id)
        .executeTakeFirst()
    : undefined;
  const workingGroup = row.origin_working_group_id
    ? await db
        .selectFrom('working_groups')
        .select('theme')
        .where('id', '=', row.origin_working_group_id)
        .executeTakeFirst()
    : undefined;
  const bodyRef = (bodyId: string): Ref => bodies.get(bodyId) ?? { id: bodyId, label: bodyId };
  const status = row.status as RecommendationStatus;

  return {
    id: row.id,
    body: bodyRef(row.body_id),
    reference: row.reference,
    kind: row.kind,
    text: row.text,
    theme: row.theme,
    originKind: row.origin_kind as RecommendationOrigin,
    originMeeting: await meetingRef(db, row.origin_meeting_id),
    originAgendaEntryId: row.origin_agenda_entry_id,
    originWorkingGroup: row.origin_working_group_id
      ? { id: row.origin_working_group_id, label: workingGroup?.theme ?? row.origin_working_group_id }
      : null,
    leadOrganisation: refOr(organisations, row.lead_organisation_id),
    associatedOrganisations: associates
      .map((a) => organisations.get(a.organisation_id) ?? { id: a.organisation_id, label: a.organisation_id })
      .sort((a, b) => a.label.localeCompare(b.label, 'fr')),
    person: row.person_id
      ? {
          id: row.person_id,
          label: person ? personLabel(person.first_name, person.last_name) : row.person_id,
        }
      : null,
    targetLevel: row.target_level as BodyLevel | null,
    targetTerritory: row.target_territory_id
      ? { id: row.target_territory_id, label: territory?.name ?? row.target_territory_id }
      : null,
    dueDate: row.due_date,
    priority: row.priority as RecommendationPriority,
    status,
    progress: row.progress,
    actionsTaken: row.actions_taken,
    transmittedFrom: source
      ? { id: source.id, label: source.reference, body: bodyRef(source.body_id) }
      : null,
    transmittedTo: copies.map((c) => ({ id: c.id, label: c.reference, body: bodyRef(c.body_id) })),
    overdue: isOverdue({ dueDate: row.due_date, status }, today),
    isDemo: row.is_demo === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

/** The recommendation's updates, newest first, each with the session it was made at. */
export async function listUpdates(db: Db, recommendationId: string): Promise<RecommendationUpdate[]> {
  const rows = await db
    .selectFrom('recommendation_updates')
    .selectAll()
    .where('recommendation_id', '=', recommendationId)
    .orderBy('date', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const meetings = new Map<string, Ref | null>();
  for (const id of new Set(rows.map((r) => r.meeting_id))) {
    if (id !== null) meetings.set(id, await meetingRef(db, id));
  }
  return rows.map((r) => ({
    id: r.id,
    date: r.date,
    status: r.status as RecommendationStatus,
    progress: r.progress,
    comment: r.comment,
    actionsTaken: r.actions_taken,
    source: r.source as UpdateSource,
    meeting: r.meeting_id === null ? null : (meetings.get(r.meeting_id) ?? null),
    actor: r.actor,
    createdAt: r.created_at,
  }));
}

/** The columns a register row needs, with the body and lead organisation joined (no N+1). */
export function registerSelect(db: Db) {
  return db
    .selectFrom('recommendations')
    .innerJoin('bodies', 'bodies.id', 'recommendations.body_id')
    .leftJoin('organisations', 'organisations.id', 'recommendations.lead_organisation_id')
    .select([
      'recommendations.id',
      'recommendations.body_id',
      'bodies.name as body_name',
      'bodies.acronym as body_acronym',
      'recommendations.reference',
      'recommendations.kind',
      'recommendations.text',
      'recommendations.theme',
      'recommendations.lead_organisation_id',
      'organisations.name as organisation_name',
      'organisations.acronym as organisation_acronym',
      'recommendations.due_date',
      'recommendations.priority',
      'recommendations.status',
      'recommendations.progress',
      'recommendations.is_demo',
    ]);
}

export interface RegisterSqlRow {
  id: string;
  body_id: string;
  body_name: string;
  body_acronym: string | null;
  reference: string;
  kind: RecommendationRow['kind'];
  text: string;
  theme: string | null;
  lead_organisation_id: string | null;
  organisation_name: string | null;
  organisation_acronym: string | null;
  due_date: string | null;
  priority: string;
  status: string;
  progress: number;
  is_demo: number;
}

export function toRegisterRow(r: RegisterSqlRow, today: string): RegisterRow {
  const status = r.status as RecommendationStatus;
  return {
    id: r.id,
    body: { id: r.body_id, label: bodyRefLabel(r.body_name, r.body_acronym) },
    reference: r.reference,
    kind: r.kind,
    text: r.text,
    theme: r.theme,
    leadOrganisation:
      r.lead_organisation_id === null
        ? null
        : {
            id: r.lead_organisation_id,
            label:
              r.organisation_name === null
                ? r.lead_organisation_id
                : fullLabel(r.organisation_name, r.organisation_acronym),
          },
    dueDate: r.due_date,
    priority: r.priority as RecommendationPriority,
    status,
    progress: r.progress,
    overdue: isOverdue({ dueDate: r.due_date, status }, today),
    isDemo: r.is_demo === 1,
  };
}

/**
 * Register rows for the given ids, in the order given (ids not found are left out). Trashed
 * recommendations are included unless `excludeTrashed`: a stored carry-over snapshot still
 * shows what was open then, even if it went to the trash since.
 */
export async function loadRegisterRows(
  db: Db,
  ids: readonly string[],
  options: { excludeTrashed?: boolean; today?: string } = {},
): Promise<RegisterRow[]> {
  const today = options.today ?? localToday();
  const found = new Map<string, RegisterRow>();
  for (const part of chunks([...new Set(ids)])) {
    let query = registerSelect(db).where('recommendations.id', 'in', part);
    if (options.excludeTrashed) query = query.where('recommendations.deleted_at', 'is', null);
    for (const r of await query.execute()) found.set(r.id, toRegisterRow(r, today));
  }
  return ids.flatMap((id) => {
    const row = found.get(id);
    return row ? [row] : [];
  });
}
