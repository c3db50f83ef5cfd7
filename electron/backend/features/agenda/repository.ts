import type { Insertable, Selectable } from 'kysely';
import type { AgendaItemKind } from '../../../../shared/domain/vocabularies';
import type { Ref } from '../../../../shared/rpc/common';
import type { AgendaEntry } from '../../../../shared/rpc/meetings';
import type { Db } from '../../db/open';
import type { AgendaEntriesTable } from '../../db/schema';
import { parseJson } from '../../json';
import { personLabel, shortLabel } from '../bodies/repository';

export type AgendaEntryRow = Selectable<AgendaEntriesTable>;
export type NewAgendaEntryRow = Insertable<AgendaEntriesTable>;

/** The `responsible` JSON column: references by id plus free text ("Rapporteurs de groupes"). */
export interface StoredResponsible {
  organisationIds: string[];
  personIds: string[];
  text: string | null;
}

export type StoredDocument = { title: string; reference: string | null };

const NO_ONE: StoredResponsible = { organisationIds: [], personIds: [], text: null };

export function readResponsible(json: string): StoredResponsible {
  const value = parseJson<Partial<StoredResponsible>>(json, NO_ONE);
  return {
    organisationIds: Array.isArray(value.organisationIds) ? value.organisationIds : [],
    personIds: Array.isArray(value.personIds) ? value.personIds : [],
    text: typeof value.text === 'string' ? value.text : null,
  };
}

export function readDocuments(json: string): StoredDocument[] {
  const value = parseJson<StoredDocument[]>(json, []);
  return Array.isArray(value) ? value : [];
}

/** A meeting's entries in agenda order: day, then position within the day. */
export async function listEntryRows(db: Db, meetingId: string): Promise<AgendaEntryRow[]> {
  return db
    .selectFrom('agenda_entries')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .orderBy('day')
    .orderBy('position')
    .orderBy('id')
    .execute();
}

/** Which of these ids already name an agenda entry, and of which meeting. */
export async function entryOwners(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const owners = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('agenda_entries')
      .select(['id', 'meeting_id'])
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) owners.set(r.id, r.meeting_id);
  }
  return owners;
}

export async function replaceEntryRows(
  trx: Db,
  meetingId: string,
  rows: readonly NewAgendaEntryRow[],
): Promise<void> {
  await trx.deleteFrom('agenda_entries').where('meeting_id', '=', meetingId).execute();
  // 13 columns a row: chunks stay far below SQLite's limit on bound parameters.
  for (let i = 0; i < rows.length; i += 200) {
    await trx
      .insertInto('agenda_entries')
      .values(rows.slice(i, i + 200))
      .execute();
  }
}

export interface ReferenceRow {
  id: string;
  label: string;
  deleted: boolean;
}

/** Organisations by id, labelled by their acronym (as agendas print them: "DGPSN"), trashed ones included. */
export async function organisationRefs(db: Db, ids: readonly string[]): Promise<Map<string, ReferenceRow>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'name', 'acronym', 'deleted_at'])
    .where('id', 'in', unique)
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, label: shortLabel(r.name, r.acronym), deleted: r.deleted_at !== null },
    ]),
  );
}

/** People by id, labelled "Prénom Nom", trashed ones included. */
export async function personRefs(db: Db, ids: readonly string[]): Promise<Map<string, ReferenceRow>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('people')
    .select(['id', 'first_name', 'last_name', 'deleted_at'])
    .where('id', 'in', unique)
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, label: personLabel(r.first_name, r.last_name), deleted: r.deleted_at !== null },
    ]),
  );
}

/** Rows as the contract shows them, references resolved to labels (a vanished one is left out). */
export async function toAgendaEntries(db: Db, rows: readonly AgendaEntryRow[]): Promise<AgendaEntry[]> {
  const responsible = rows.map((r) => readResponsible(r.responsible));
  const organisations = await organisationRefs(
    db,
    responsible.flatMap((r) => r.organisationIds),
  );
  const persons = await personRefs(
    db,
    responsible.flatMap((r) => r.personIds),
  );
  const refs = (ids: string[], known: Map<string, ReferenceRow>): Ref[] =>
    ids.flatMap((id) => {
      const ref = known.get(id);
      return ref ? [{ id: ref.id, label: ref.label }] : [];
    });
  return rows.map((row, i) => {
    const r = responsible[i] ?? NO_ONE;
    return {
      id: row.id,
      day: row.day,
      position: row.position,
      entryType: row.entry_type,
      kind: row.kind as AgendaItemKind | null,
      title: row.title,
      startTime: row.start_time,
      endTime: row.end_time,
      responsible: {
        organisations: refs(r.organisationIds, organisations),
        persons: refs(r.personIds, persons),
        text: r.text,
      },
      documents: readDocuments(row.documents).map((d) => ({
        title: d.title,
        reference: d.reference ?? null,
      })),
    };
  });
}
