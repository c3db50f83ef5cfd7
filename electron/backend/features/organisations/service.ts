import { wouldCreateCycle } from '../../../../shared/domain/hierarchy';
import { uuidv7 } from '../../../../shared/domain/ids';
import type { FieldIssue } from '../../../../shared/errors';
import { translateFr } from '../../../../shared/i18n/translate';
import type { ParsedInputOf } from '../../../../shared/rpc';
import type { Organisation } from '../../../../shared/rpc/organisations';
import { nowIso } from '../../clock';
import type { Db } from '../../db/open';
import type { OrganisationsTable } from '../../db/schema';
import { validationError } from '../../errors';
import { diffRecords, recordHistory } from '../history/repository';
import { territoryPaths } from '../territories/repository';
import { refuseIfTrashed, setTrashed, type TrashSpec } from '../trash';
import {
  findOrganisationRow,
  fullLabel,
  type OrganisationRow,
  organisationParents,
  requireOrganisationRow,
  toOrganisation,
} from './repository';

type OrganisationInput = ParsedInputOf<'organisations.create'>;

function issue(path: FieldIssue['path'], key: string): FieldIssue {
  return { path, key, message: translateFr(key) };
}

/**
 * Checks what the schema cannot: the parent exists and stays above (no loop), the zones exist.
 * A reference the organisation already had is accepted even if its target was trashed since, so
 * that editing another field does not fail on it. Nothing is written when a check fails.
 */
async function checkInput(trx: Db, input: OrganisationInput, before: OrganisationRow | null): Promise<void> {
  const issues: FieldIssue[] = [];
  const selfId = before?.id ?? null;
  if (input.parentId !== null) {
    if (input.parentId === selfId) {
      issues.push(issue(['parentId'], 'errors.field.ownParentOrganisation'));
    } else {
      const parent = await findOrganisationRow(trx, input.parentId);
      const kept = before?.parent_id === input.parentId;
      if (!parent || (parent.deleted_at !== null && !kept)) {
        issues.push(issue(['parentId'], 'errors.field.unknownOrganisation'));
      } else if (selfId && wouldCreateCycle(await organisationParents(trx), selfId, input.parentId)) {
        issues.push(issue(['parentId'], 'errors.field.ownParentOrganisation'));
      }
    }
  }
  if (input.zoneIds.length > 0) {
    const found = await trx
      .selectFrom('territories')
      .select(['id', 'deleted_at'])
      .where('id', 'in', [...new Set(input.zoneIds)])
      .execute();
    const kept = new Set(before ? toOrganisation(before).zoneIds : []);
    const usable = new Set(found.filter((t) => t.deleted_at === null || kept.has(t.id)).map((t) => t.id));
    if (input.zoneIds.some((zoneId) => !usable.has(zoneId))) {
      issues.push(issue(['zoneIds'], 'errors.field.unknownTerritory'));
    }
  }
  if (issues.length > 0) throw validationError(issues);
}

type Columns = Omit<OrganisationsTable, 'id' | 'is_demo' | 'created_at' | 'updated_at' | 'deleted_at'>;

function toColumns(input: OrganisationInput): Columns {
  return {
    name: input.name,
    acronym: input.acronym,
    aliases: JSON.stringify(input.aliases),
    kind: input.kind,
    parent_id: input.parentId,
    country_code: input.countryCode,
    domains: JSON.stringify(input.domains),
    target_groups: JSON.stringify(input.targetGroups),
    zone_ids: JSON.stringify([...new Set(input.zoneIds)]),
    email: input.email,
    phone: input.phone,
    website: input.website,
    address: input.address,
    notes: input.notes,
  };
}

/** What the history shows of an organisation: the parent and zones by name rather than by id. */
async function historyView(trx: Db, organisation: Organisation): Promise<Record<string, unknown>> {
  const { id: _id, isDemo: _isDemo, parentId, zoneIds, ...fields } = organisation;
  const parent = parentId ? await findOrganisationRow(trx, parentId) : undefined;
  const paths = await territoryPaths(trx, zoneIds);
  return {
    ...fields,
    parentId: parentId ? (parent ? fullLabel(parent.name, parent.acronym) : parentId) : null,
    zoneIds: zoneIds.map((z) => paths.get(z) ?? z),
  };
}

/** Creates an organisation in the caller's transaction (the demo-data loader composes several). */
export async function createOrganisation(
  trx: Db,
  input: OrganisationInput,
  actor: string,
  options: { isDemo?: boolean } = {},
): Promise<Organisation> {
  await checkInput(trx, input, null);
  const id = uuidv7();
  const at = nowIso();
  await trx
    .insertInto('organisations')
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
    entityType: 'organisation',
    entityId: id,
    action: 'create',
    actor,
    summary: fullLabel(input.name, input.acronym),
  });
  return toOrganisation(await requireOrganisationRow(trx, id));
}

export async function updateOrganisation(
  trx: Db,
  input: ParsedInputOf<'organisations.update'>,
  actor: string,
): Promise<Organisation> {
  const row = await requireOrganisationRow(trx, input.id);
  refuseIfTrashed(row, 'Cette organisation est dans la corbeille : restaurez-la avant de la modifier.');
  await checkInput(trx, input, row);
  const columns = toColumns(input);
  const changed = (Object.keys(columns) as (keyof Columns)[]).some((k) => columns[k] !== row[k]);
  if (!changed) return toOrganisation(row);
  const before = await historyView(trx, toOrganisation(row));
  await trx
    .updateTable('organisations')
    .set({ ...columns, updated_at: nowIso() })
    .where('id', '=', row.id)
    .execute();
  const updated = toOrganisation(await requireOrganisationRow(trx, row.id));
  await recordHistory(trx, {
    entityType: 'organisation',
    entityId: row.id,
    action: 'update',
    actor,
    changes: diffRecords(before, await historyView(trx, updated)),
    summary: fullLabel(updated.name, updated.acronym),
  });
  return updated;
}

const organisationTrash: TrashSpec<'organisations', Organisation> = {
  table: 'organisations',
  entityType: 'organisation',
  load: requireOrganisationRow,
  toOutput: toOrganisation,
  summary: (row) => fullLabel(row.name, row.acronym),
  alreadyTrashed: 'Cette organisation est déjà dans la corbeille.',
  notTrashed: 'Cette organisation n’est pas dans la corbeille.',
};

/**
 * Moves an organisation to the trash. Its people, seats and sub-entities keep pointing at it, so
 * restoring it brings everything back as it was.
 */
export async function trashOrganisation(trx: Db, id: string, actor: string): Promise<Organisation> {
  return setTrashed(trx, organisationTrash, id, true, actor);
}

export async function restoreOrganisation(trx: Db, id: string, actor: string): Promise<Organisation> {
  return setTrashed(trx, organisationTrash, id, false, actor);
}
