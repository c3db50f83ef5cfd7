import { uuidv7 } from '../../../../shared/domain/ids';
import { translateFr } from '../../../../shared/i18n/translate';
import type { ParsedInputOf } from '../../../../shared/rpc';
import type { Person } from '../../../../shared/rpc/people';
import { nowIso } from '../../clock';
import type { Db } from '../../db/open';
import type { PeopleTable } from '../../db/schema';
import { validationError } from '../../errors';
import { diffRecords, recordHistory } from '../history/repository';
import { findOrganisationRow, fullLabel, personLabel } from '../organisations/repository';
import { refuseIfTrashed, setTrashed, type TrashSpec } from '../trash';
import { type PersonRow, requirePersonRow, toPerson } from './repository';

type PersonInput = ParsedInputOf<'people.create'>;

/**
 * The organisation must exist and not be in the trash, unless the person already belonged to it
 * (editing a phone number must not fail because the organisation was trashed meanwhile).
 */
async function checkInput(trx: Db, input: PersonInput, before: PersonRow | null): Promise<void> {
  if (input.organisationId === null) return;
  const organisation = await findOrganisationRow(trx, input.organisationId);
  const kept = before?.organisation_id === input.organisationId;
  if (!organisation || (organisation.deleted_at !== null && !kept)) {
    const key = 'errors.field.unknownOrganisation';
    throw validationError([{ path: ['organisationId'], key, message: translateFr(key) }]);
  }
}

type Columns = Omit<PeopleTable, 'id' | 'is_demo' | 'created_at' | 'updated_at' | 'deleted_at'>;

function toColumns(input: PersonInput): Columns {
  return {
    first_name: input.firstName,
    last_name: input.lastName,
    title: input.title,
    function: input.function,
    organisation_id: input.organisationId,
    email: input.email,
    phone: input.phone,
    sex: input.sex,
    notes: input.notes,
  };
}

/** What the history shows of a person: the organisation by name rather than by id. */
async function historyView(trx: Db, person: Person): Promise<Record<string, unknown>> {
  const { id: _id, isDemo: _isDemo, organisationId, ...fields } = person;
  const organisation = organisationId ? await findOrganisationRow(trx, organisationId) : undefined;
  return {
    ...fields,
    organisationId: organisation ? fullLabel(organisation.name, organisation.acronym) : organisationId,
  };
}

/** Creates a person in the caller's transaction (the demo-data loader composes several). */
export async function createPerson(
  trx: Db,
  input: PersonInput,
  actor: string,
  options: { isDemo?: boolean } = {},
): Promise<Person> {
  await checkInput(trx, input, null);
  const id = uuidv7();
  const at = nowIso();
  await trx
    .insertInto('people')
    .values({
      id,
      ...toColumns(input),
      is_demo: options.isDemo ? 1 : 0,
      created_at: at,
      updated_at: at,
      deleted_at: null,
    })
    .execute();
  await recordHistory(trx, {
    entityType: 'person',
    entityId: id,
    action: 'create',
    actor,
    summary: personLabel(input.firstName, input.lastName),
  });
  return toPerson(await requirePersonRow(trx, id));
}

export async function updatePerson(
  trx: Db,
  input: ParsedInputOf<'people.update'>,
  actor: string,
): Promise<Person> {
  const row = await requirePersonRow(trx, input.id);
  refuseIfTrashed(row, 'Cette personne est dans la corbeille : restaurez-la avant de la modifier.');
  await checkInput(trx, input, row);
  const columns = toColumns(input);
  const changed = (Object.keys(columns) as (keyof Columns)[]).some((k) => columns[k] !== row[k]);
  if (!changed) return toPerson(row);
  const before = await historyView(trx, toPerson(row));
  await trx
    .updateTable('people')
    .set({ ...columns, updated_at: nowIso() })
    .where('id', '=', row.id)
    .execute();
  const updated = toPerson(await requirePersonRow(trx, row.id));
  await recordHistory(trx, {
    entityType: 'person',
    entityId: row.id,
    action: 'update',
    actor,
    changes: diffRecords(before, await historyView(trx, updated)),
    summary: personLabel(updated.firstName, updated.lastName),
  });
  return updated;
}

const personTrash: TrashSpec<'people', Person> = {
  table: 'people',
  entityType: 'person',
  load: requirePersonRow,
  toOutput: toPerson,
  summary: (row) => personLabel(row.first_name, row.last_name),
  alreadyTrashed: 'Cette personne est déjà dans la corbeille.',
  notTrashed: 'Cette personne n’est pas dans la corbeille.',
};

/** Moves a person to the trash; the seats they held keep their history and come back on restore. */
export async function trashPerson(trx: Db, id: string, actor: string): Promise<Person> {
  return setTrashed(trx, personTrash, id, true, actor);
}

export async function restorePerson(trx: Db, id: string, actor: string): Promise<Person> {
  return setTrashed(trx, personTrash, id, false, actor);
}
