import { wouldCreateCycle } from '../../../../shared/domain/hierarchy';
import { uuidv7 } from '../../../../shared/domain/ids';
import type { FieldIssue } from '../../../../shared/errors';
import { translateFr } from '../../../../shared/i18n/translate';
import type { ParsedInputOf } from '../../../../shared/rpc';
import type { Body } from '../../../../shared/rpc/bodies';
import { nowIso } from '../../clock';
import type { Db } from '../../db/open';
import type { BodiesTable } from '../../db/schema';
import { AppError, validationError } from '../../errors';
import { diffRecords, recordHistory } from '../history/repository';
import { setTrashed, type TrashSpec } from '../trash';
import {
  type BodyRow,
  bodyParents,
  findBodyRow,
  fullLabel,
  organisationRow,
  requireBodyRow,
  territoryRow,
  toBody,
} from './repository';
import { ensureNotTrashed, issue } from './validation';

// Seats and holders live in seats.ts; re-exported so that callers (the demo-data loader)
// find the whole composition API here.
export { addHolder, createSeat } from './seats';

type BodyInput = ParsedInputOf<'bodies.create'>;
type LinkInput = BodyInput['links'][number];

/**
 * Checks what the schema cannot: references exist, the hierarchy stays a tree, the territory
 * belongs to the country. Every problem is reported at once; nothing is written.
 * A reference that the body already had is accepted even if its target was trashed since, so
 * that editing another field of the body does not fail on it.
 * Returns the country to store (taken from the territory when none was chosen).
 */
async function checkBodyInput(
  trx: Db,
  input: BodyInput,
  before: BodyRow | null,
): Promise<{ countryCode: string | null }> {
  const issues: FieldIssue[] = [];
  const selfId = before?.id ?? null;
  let countryCode: string | null = input.countryCode;

  if (input.parentId !== null) {
    if (input.parentId === selfId) {
      issues.push(issue(['parentId'], 'errors.field.ownAncestor'));
    } else {
      const parent = await findBodyRow(trx, input.parentId);
      const kept = before?.parent_id === input.parentId;
      if (!parent || (parent.deleted_at !== null && !kept)) {
        issues.push(issue(['parentId'], 'errors.field.unknownBody'));
      } else if (selfId && wouldCreateCycle(await bodyParents(trx), selfId, input.parentId)) {
        issues.push(issue(['parentId'], 'errors.field.ownAncestor'));
      }
    }
  }

  if (input.territoryId !== null) {
    const territory = await territoryRow(trx, input.territoryId);
    const kept = before?.territory_id === input.territoryId;
    if (!territory || (territory.deleted_at !== null && !kept)) {
      issues.push(issue(['territoryId'], 'errors.field.unknownTerritory'));
    } else if (countryCode === null) {
      countryCode = territory.country_code;
    } else if (territory.country_code !== countryCode) {
      issues.push(issue(['territoryId'], 'errors.field.territoryCountryMismatch'));
    }
  }

  if (input.secretariatOrganisationId !== null) {
    const organisation = await organisationRow(trx, input.secretariatOrganisationId);
    const kept = before?.secretariat_organisation_id === input.secretariatOrganisationId;
    if (!organisation || (organisation.deleted_at !== null && !kept)) {
      issues.push(issue(['secretariatOrganisationId'], 'errors.field.unknownOrganisation'));
    }
  }

  const linked = new Set(selfId ? (await outgoingLinks(trx, selfId)).map((l) => l.to_body_id) : []);
  for (const [index, link] of input.links.entries()) {
    if (link.targetId === selfId) {
      issues.push(issue(['links', index, 'targetId'], 'errors.field.linkToSelf'));
      continue;
    }
    const target = await findBodyRow(trx, link.targetId);
    if (!target || (target.deleted_at !== null && !linked.has(link.targetId))) {
      issues.push(issue(['links', index, 'targetId'], 'errors.field.unknownBody'));
    }
  }

  if (issues.length > 0) throw validationError(issues);
  return { countryCode };
}

type BodyColumns = Omit<
  BodiesTable,
  'id' | 'status' | 'closed_on' | 'closed_reason' | 'is_demo' | 'created_at' | 'updated_at' | 'deleted_at'
>;

function toColumns(input: BodyInput, countryCode: string | null): BodyColumns {
  return {
    name: input.name,
    acronym: input.acronym,
    kind: input.kind,
    level: input.level,
    country_code: countryCode,
    territory_id: input.territoryId,
    parent_id: input.parentId,
    legal_basis_kind: input.legalBasis.kind,
    legal_basis_number: input.legalBasis.number,
    legal_basis_date: input.legalBasis.date,
    legal_basis_signatory: input.legalBasis.signatory,
    legal_basis_title: input.legalBasis.title,
    mandate: input.mandate,
    secretariat_organisation_id: input.secretariatOrganisationId,
    periodicity: JSON.stringify(input.periodicity),
    quorum_rule: JSON.stringify(input.quorumRule),
    funding_source: input.fundingSource,
    established_on: input.establishedOn,
  };
}

async function outgoingLinks(trx: Db, bodyId: string) {
  return trx
    .selectFrom('body_links')
    .innerJoin('bodies', 'bodies.id', 'body_links.to_body_id')
    .select([
      'body_links.id',
      'body_links.kind',
      'body_links.to_body_id',
      'bodies.name',
      'bodies.acronym',
      'bodies.deleted_at',
    ])
    .where('body_links.from_body_id', '=', bodyId)
    .execute();
}

/**
 * Makes the body's outgoing links those of the input, recording each addition and removal.
 * Links to trashed bodies are invisible in the form, so they are kept rather than dropped:
 * restoring the other body brings the link back.
 */
async function syncLinks(trx: Db, bodyId: string, wanted: LinkInput[], actor: string): Promise<void> {
  const key = (kind: string, targetId: string) => `${kind}:${targetId}`;
  const existing = await outgoingLinks(trx, bodyId);
  const existingKeys = new Set(existing.map((l) => key(l.kind, l.to_body_id)));
  const wantedKeys = new Set(wanted.map((l) => key(l.kind, l.targetId)));
  const at = nowIso();
  const linkSummary = (verb: string, kind: string, name: string, acronym: string | null) =>
    `${verb} : ${translateFr(`vocab.bodyLinkKind.${kind}`)} — ${fullLabel(name, acronym)}`;

  for (const link of existing) {
    if (wantedKeys.has(key(link.kind, link.to_body_id)) || link.deleted_at !== null) continue;
    await trx.deleteFrom('body_links').where('id', '=', link.id).execute();
    await recordHistory(trx, {
      entityType: 'body',
      entityId: bodyId,
      action: 'link_remove',
      actor,
      changes: { [link.kind]: [link.to_body_id, null] },
      summary: linkSummary('Lien retiré', link.kind, link.name, link.acronym),
    });
  }
  const added = new Set<string>();
  for (const link of wanted) {
    const k = key(link.kind, link.targetId);
    if (existingKeys.has(k) || added.has(k)) continue;
    added.add(k);
    await trx
      .insertInto('body_links')
      .values({
        id: uuidv7(),
        from_body_id: bodyId,
        to_body_id: link.targetId,
        kind: link.kind,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const target = await requireBodyRow(trx, link.targetId);
    await recordHistory(trx, {
      entityType: 'body',
      entityId: bodyId,
      action: 'link_add',
      actor,
      changes: { [link.kind]: [null, link.targetId] },
      summary: linkSummary('Lien ajouté', link.kind, target.name, target.acronym),
    });
  }
}

/** What the history shows of a body: references by their label, the legal basis field by field. */
async function historyView(trx: Db, body: Body): Promise<Record<string, unknown>> {
  const label = async (table: 'bodies' | 'organisations', id: string | null) => {
    if (!id) return null;
    const row = await trx
      .selectFrom(table)
      .select(['name', 'acronym'])
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? fullLabel(row.name, row.acronym) : id;
  };
  const territory = body.territoryId
    ? ((await territoryRow(trx, body.territoryId))?.name ?? body.territoryId)
    : null;
  return {
    name: body.name,
    acronym: body.acronym,
    kind: body.kind,
    level: body.level,
    countryCode: body.countryCode,
    territoryId: territory,
    parentId: await label('bodies', body.parentId),
    'legalBasis.kind': body.legalBasis.kind,
    'legalBasis.number': body.legalBasis.number,
    'legalBasis.date': body.legalBasis.date,
    'legalBasis.signatory': body.legalBasis.signatory,
    'legalBasis.title': body.legalBasis.title,
    mandate: body.mandate,
    secretariatOrganisationId: await label('organisations', body.secretariatOrganisationId),
    periodicity: body.periodicity,
    quorumRule: body.quorumRule,
    fundingSource: body.fundingSource,
    establishedOn: body.establishedOn,
  };
}

export async function createBody(
  trx: Db,
  input: BodyInput,
  actor: string,
  options: { isDemo?: boolean } = {},
): Promise<Body> {
  const { countryCode } = await checkBodyInput(trx, input, null);
  const id = uuidv7();
  const at = nowIso();
  await trx
    .insertInto('bodies')
    .values({
      id,
      ...toColumns(input, countryCode),
      status: 'active',
      closed_on: null,
      closed_reason: null,
      is_demo: options.isDemo ? 1 : 0,
      created_at: at,
      updated_at: at,
      deleted_at: null,
    })
    .execute();
  await recordHistory(trx, {
    entityType: 'body',
    entityId: id,
    action: 'create',
    actor,
    summary: input.name,
  });
  await syncLinks(trx, id, input.links, actor);
  return toBody(await requireBodyRow(trx, id));
}

export async function updateBody(
  trx: Db,
  input: ParsedInputOf<'bodies.update'>,
  actor: string,
): Promise<Body> {
  const row = await requireBodyRow(trx, input.id);
  ensureNotTrashed(row);
  const { countryCode } = await checkBodyInput(trx, input, row);
  const columns = toColumns(input, countryCode);
  const changed = (Object.keys(columns) as (keyof BodyColumns)[]).some((k) => columns[k] !== row[k]);
  if (changed) {
    const before = await historyView(trx, toBody(row));
    await trx
      .updateTable('bodies')
      .set({ ...columns, updated_at: nowIso() })
      .where('id', '=', row.id)
      .execute();
    const after = await historyView(trx, toBody(await requireBodyRow(trx, row.id)));
    await recordHistory(trx, {
      entityType: 'body',
      entityId: row.id,
      action: 'update',
      actor,
      changes: diffRecords(before, after),
      summary: input.name,
    });
  }
  await syncLinks(trx, row.id, input.links, actor);
  return toBody(await requireBodyRow(trx, row.id));
}

export async function closeBody(trx: Db, input: ParsedInputOf<'bodies.close'>, actor: string): Promise<Body> {
  const row = await requireBodyRow(trx, input.id);
  ensureNotTrashed(row);
  if (row.status === 'closed') {
    throw new AppError('INVALID_TRANSITION', 'Cette instance est déjà fermée.');
  }
  await trx
    .updateTable('bodies')
    .set({ status: 'closed', closed_on: input.closedOn, closed_reason: input.reason, updated_at: nowIso() })
    .where('id', '=', row.id)
    .execute();
  await recordHistory(trx, {
    entityType: 'body',
    entityId: row.id,
    action: 'close',
    actor,
    changes: {
      status: ['active', 'closed'],
      closedOn: [null, input.closedOn],
      closedReason: [null, input.reason],
    },
    summary: input.reason,
  });
  return toBody(await requireBodyRow(trx, row.id));
}

export async function reopenBody(trx: Db, id: string, actor: string): Promise<Body> {
  const row = await requireBodyRow(trx, id);
  ensureNotTrashed(row);
  if (row.status === 'active') {
    throw new AppError(
      'INVALID_TRANSITION',
      'Cette instance est déjà active : seule une instance fermée peut être rouverte.',
    );
  }
  await trx
    .updateTable('bodies')
    .set({ status: 'active', closed_on: null, closed_reason: null, updated_at: nowIso() })
    .where('id', '=', id)
    .execute();
  await recordHistory(trx, {
    entityType: 'body',
    entityId: id,
    action: 'reopen',
    actor,
    changes: {
      status: ['closed', 'active'],
      closedOn: [row.closed_on, null],
      closedReason: [row.closed_reason, null],
    },
    summary: row.name,
  });
  return toBody(await requireBodyRow(trx, id));
}

const bodyTrash: TrashSpec<'bodies', Body> = {
  table: 'bodies',
  entityType: 'body',
  load: requireBodyRow,
  toOutput: toBody,
  summary: (row) => row.name,
  alreadyTrashed: 'Cette instance est déjà dans la corbeille.',
  notTrashed: 'Cette instance n’est pas dans la corbeille.',
};

export async function trashBody(trx: Db, id: string, actor: string): Promise<Body> {
  return setTrashed(trx, bodyTrash, id, true, actor);
}

export async function restoreBody(trx: Db, id: string, actor: string): Promise<Body> {
  return setTrashed(trx, bodyTrash, id, false, actor);
}
