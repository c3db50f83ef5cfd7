import type { Selectable } from 'kysely';
import type { MinutesStatus } from '../../../../shared/domain/vocabularies';
import type { OutputOf } from '../../../../shared/rpc';
import type { Ref } from '../../../../shared/rpc/common';
import type { Minutes, MinutesSection } from '../../../../shared/rpc/recommendations';
import type { Db } from '../../db/open';
import type { MinutesTable, MinutesVersionsTable, WorkingGroupsTable } from '../../db/schema';
import { AppError } from '../../errors';
import { parseJson } from '../../json';
import { personRefs } from '../agenda/repository';
import { meetingLabel } from '../meetings/repository';

export type MinutesRow = Selectable<MinutesTable>;
export type MinutesVersionRow = Selectable<MinutesVersionsTable>;
export type WorkingGroupRow = Selectable<WorkingGroupsTable>;
type VersionSummary = OutputOf<'minutes.versions'>[number];
type WorkingGroup = OutputOf<'workingGroups.list'>[number];

export async function findMinutesRow(db: Db, meetingId: string): Promise<MinutesRow | undefined> {
  return db.selectFrom('minutes').selectAll().where('meeting_id', '=', meetingId).executeTakeFirst();
}

export const minutesNotOpened = (): AppError =>
  new AppError(
    'NOT_FOUND',
    'Cette réunion n’a pas encore de compte rendu : ouvrez-le depuis la page de la réunion.',
  );

export async function requireMinutesRow(db: Db, meetingId: string): Promise<MinutesRow> {
  const row = await findMinutesRow(db, meetingId);
  if (!row) throw minutesNotOpened();
  return row;
}

/** What an autosave needs to decide, without reading the (large) content. */
export async function findMinutesHead(db: Db, meetingId: string) {
  return db
    .selectFrom('minutes')
    .select(['id', 'status', 'revision', 'last_save_id', 'updated_at', 'rapporteur_person_id'])
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const stringOr = <T>(value: unknown, fallback: T): string | T =>
  typeof value === 'string' ? value : fallback;
const SECTION_KINDS = new Set<MinutesSection['kind']>(['opening', 'item', 'closing', 'custom']);

/**
 * The `content` column: the list of sections as the editor saved them (already sanitized on
 * the way in). A row damaged outside Concerto yields the sections that still read.
 */
export function readSections(json: string): MinutesSection[] {
  const value = parseJson<unknown>(json, []);
  if (!Array.isArray(value)) return [];
  return value.flatMap((s): MinutesSection[] => {
    if (!isRecord(s) || typeof s.id !== 'string' || !isRecord(s.content) || s.content.type !== 'doc')
      return [];
    const kind = SECTION_KINDS.has(s.kind as MinutesSection['kind'])
      ? (s.kind as MinutesSection['kind'])
      : 'custom';
    return [
      {
        id: s.id,
        kind,
        agendaEntryId: stringOr(s.agendaEntryId, null),
        title: stringOr(s.title, ''),
        responsible: stringOr(s.responsible, null),
        content: s.content as MinutesSection['content'],
      },
    ];
  });
}

/** Meetings named as history and links show them: "GTGPS — Ordinaire n°3 du 12 mars 2026". */
export async function meetingRefs(db: Db, ids: readonly string[]): Promise<Map<string, Ref>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('meetings')
    .innerJoin('bodies', 'bodies.id', 'meetings.body_id')
    .select([
      'meetings.id',
      'meetings.kind',
      'meetings.number',
      'meetings.start_date',
      'bodies.name',
      'bodies.acronym',
    ])
    .where('meetings.id', 'in', unique)
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, label: meetingLabel({ name: r.name, acronym: r.acronym }, r.kind, r.number, r.start_date) },
    ]),
  );
}

export async function toMinutes(db: Db, row: MinutesRow): Promise<Minutes> {
  const rapporteur = row.rapporteur_person_id
    ? (await personRefs(db, [row.rapporteur_person_id])).get(row.rapporteur_person_id)
    : undefined;
  const adoptedAt = row.adopted_at_meeting_id
    ? (await meetingRefs(db, [row.adopted_at_meeting_id])).get(row.adopted_at_meeting_id)
    : undefined;
  return {
    id: row.id,
    meetingId: row.meeting_id,
    rapporteur: rapporteur ? { id: rapporteur.id, label: rapporteur.label } : null,
    status: row.status,
    sections: readSections(row.content),
    revision: row.revision,
    validatedOn: row.validated_on,
    adoptedOn: row.adopted_on,
    adoptedAt: adoptedAt ?? null,
    updatedAt: row.updated_at,
  };
}

export async function loadMinutes(db: Db, meetingId: string): Promise<Minutes> {
  return toMinutes(db, await requireMinutesRow(db, meetingId));
}

/** The versions of some minutes, newest first, without their content. */
export async function listVersionSummaries(db: Db, minutesId: string): Promise<VersionSummary[]> {
  const rows = await db
    .selectFrom('minutes_versions')
    .select(['id', 'revision', 'status', 'kind', 'actor', 'saved_at'])
    .select((eb) => eb.fn<number>('length', ['plain_text']).as('length'))
    .where('minutes_id', '=', minutesId)
    .orderBy('saved_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    revision: r.revision,
    status: r.status as MinutesStatus,
    kind: r.kind,
    actor: r.actor,
    savedAt: r.saved_at,
    length: Number(r.length),
  }));
}

export async function requireVersionRow(db: Db, id: string): Promise<MinutesVersionRow> {
  const row = await db.selectFrom('minutes_versions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'Cette version du compte rendu est introuvable.');
  return row;
}

/** Id, kind and time of every autosave of some minutes: what thinning decides on. */
export async function autosaveStamps(db: Db, minutesId: string) {
  const rows = await db
    .selectFrom('minutes_versions')
    .select(['id', 'kind', 'saved_at'])
    .where('minutes_id', '=', minutesId)
    .where('kind', '=', 'autosave')
    .execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind, savedAt: r.saved_at }));
}

export async function listWorkingGroupRows(db: Db, meetingId: string): Promise<WorkingGroupRow[]> {
  return db
    .selectFrom('working_groups')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

export function toWorkingGroup(row: WorkingGroupRow): WorkingGroup {
  return {
    id: row.id,
    theme: row.theme,
    facilitator: row.facilitator,
    coFacilitator: row.co_facilitator,
    rapporteur: row.rapporteur,
    keyPoints: row.key_points,
    recommendations: row.recommendations,
    plenaryAdditions: row.plenary_additions,
  };
}
