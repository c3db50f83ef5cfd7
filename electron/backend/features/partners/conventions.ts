import type { Selectable } from 'kysely';
import { addDays, daysInMonth, toIsoDate } from '../../../../shared/domain/dates';
import { uuidv7 } from '../../../../shared/domain/ids';
import { compareFr } from '../../../../shared/domain/text';
import type { ConventionElement } from '../../../../shared/domain/vocabularies';
import type { FieldIssue } from '../../../../shared/errors';
import { vocab } from '../../../../shared/i18n/fr/vocab';
import { translateFr } from '../../../../shared/i18n/translate';
import type { ParsedInputOf } from '../../../../shared/rpc';
import type { Convention } from '../../../../shared/rpc/partners';
import { nowIso } from '../../clock';
import type { Db } from '../../db/open';
import type { ConventionsTable } from '../../db/schema';
import { AppError, validationError } from '../../errors';
import { parseJson } from '../../json';
import { diffRecords, recordHistory } from '../history/repository';
import { findOrganisationRow, fullLabel } from '../organisations/repository';
import { refuseIfTrashed, setTrashed, type TrashSpec } from '../trash';

// Partnership conventions (conventions, protocoles d'accord, agréments…) of an organisation:
// their term, the seven required elements, evaluation dates, status and revocation.

type ConventionRow = Selectable<ConventionsTable>;
type ConventionInput = ParsedInputOf<'conventions.create'>;

/**
 * The last day of a convention signed on `signedOn` for `months` months: the day before the
 * same day `months` later (signed 15 March 2024 for 36 months → ends 14 March 2027). A day that
 * does not exist in the target month (31 → February) is the month's last day.
 */
export function conventionEnd(signedOn: string, months: number): string {
  const [y, m, d] = signedOn.split('-').map(Number);
  const total = (y ?? 1970) * 12 + ((m ?? 1) - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const day = Math.min(d ?? 1, daysInMonth(year, month));
  return addDays(toIsoDate(year, month, day), -1);
}

async function organisationLabels(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'name', 'acronym'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, fullLabel(r.name, r.acronym)]));
}

export function toConvention(row: ConventionRow, organisationLabel: string): Convention {
  return {
    id: row.id,
    organisation: { id: row.organisation_id, label: organisationLabel },
    kind: row.kind,
    reference: row.reference,
    title: row.title,
    signedOn: row.signed_on,
    durationMonths: row.duration_months,
    endDate: row.end_date,
    renewalTerms: row.renewal_terms,
    elements: parseJson<ConventionElement[]>(row.elements, []),
    midtermEvaluationDue: row.midterm_evaluation_due,
    finalEvaluationDue: row.final_evaluation_due,
    status: row.status,
    revokedOn: row.revoked_on,
    revocationReason: row.revocation_reason,
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

/** Rows as conventions, their organisations named in one query. */
export async function toConventions(db: Db, rows: readonly ConventionRow[]): Promise<Convention[]> {
  const labels = await organisationLabels(
    db,
    rows.map((r) => r.organisation_id),
  );
  return rows.map((r) => toConvention(r, labels.get(r.organisation_id) ?? r.organisation_id));
}

async function requireConventionRow(db: Db, id: string): Promise<ConventionRow> {
  const row = await db.selectFrom('conventions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row)
    throw new AppError('NOT_FOUND', 'Cette convention est introuvable (elle a peut-être été supprimée).');
  return row;
}

async function loadConvention(db: Db, id: string): Promise<Convention> {
  const [convention] = await toConventions(db, [await requireConventionRow(db, id)]);
  if (!convention) throw new AppError('NOT_FOUND', 'Cette convention est introuvable.');
  return convention;
}

/** The conventions of one organisation, or of all; newest signature first. */
export async function listConventions(
  db: Db,
  input: { organisationId?: string | undefined; trashed: boolean },
): Promise<Convention[]> {
  let query = db.selectFrom('conventions').selectAll();
  query = input.trashed ? query.where('deleted_at', 'is not', null) : query.where('deleted_at', 'is', null);
  if (input.organisationId) query = query.where('organisation_id', '=', input.organisationId);
  const conventions = await toConventions(db, await query.execute());
  return conventions.sort(
    (a, b) =>
      compareFr(a.organisation.label, b.organisation.label) ||
      (b.signedOn ?? '').localeCompare(a.signedOn ?? '') ||
      a.createdAt.localeCompare(b.createdAt),
  );
}

function issue(path: FieldIssue['path'], key: string): FieldIssue {
  return { path, key, message: translateFr(key) };
}

/** The end date: the one given, else signature + duration, else none. */
function endDateOf(input: ConventionInput): string | null {
  if (input.endDate) return input.endDate;
  if (input.signedOn && input.durationMonths) return conventionEnd(input.signedOn, input.durationMonths);
  return null;
}

async function checkInput(trx: Db, input: ConventionInput, before: ConventionRow | null): Promise<void> {
  const issues: FieldIssue[] = [];
  const organisation = await findOrganisationRow(trx, input.organisationId);
  const kept = before?.organisation_id === input.organisationId;
  if (!organisation || (organisation.deleted_at !== null && !kept)) {
    issues.push(issue(['organisationId'], 'errors.field.unknownOrganisation'));
  }
  const end = endDateOf(input);
  if (input.signedOn && end && end < input.signedOn) {
    issues.push(issue(['endDate'], 'errors.field.endBeforeStart'));
  }
  if (input.status === 'revoked') {
    if (!input.revokedOn) issues.push(issue(['revokedOn'], 'errors.field.required'));
    if (!input.revocationReason) issues.push(issue(['revocationReason'], 'errors.field.reasonRequired'));
  }
  if (issues.length > 0) throw validationError(issues);
}

type Columns = Omit<ConventionsTable, 'id' | 'created_at' | 'updated_at' | 'deleted_at'>;

function toColumns(input: ConventionInput): Columns {
  const revoked = input.status === 'revoked';
  return {
    organisation_id: input.organisationId,
    kind: input.kind,
    reference: input.reference,
    title: input.title,
    signed_on: input.signedOn,
    duration_months: input.durationMonths,
    end_date: endDateOf(input),
    renewal_terms: input.renewalTerms,
    elements: JSON.stringify([...new Set(input.elements)]),
    midterm_evaluation_due: input.midtermEvaluationDue,
    final_evaluation_due: input.finalEvaluationDue,
    status: input.status,
    // A convention that is no longer revoked keeps no revocation.
    revoked_on: revoked ? input.revokedOn : null,
    revocation_reason: revoked ? input.revocationReason : null,
    notes: input.notes,
  };
}

/** "Convention N° 12/2024 — ACF": what the history and the lists call a convention. */
function summaryOf(convention: Pick<Convention, 'kind' | 'reference' | 'title' | 'organisation'>): string {
  const kind = vocab.conventionKind[convention.kind] ?? convention.kind;
  const name = convention.reference ?? convention.title;
  return `${kind}${name ? ` ${name}` : ''} — ${convention.organisation.label}`;
}

/** What the history shows: the organisation by name rather than by id. */
function historyView(convention: Convention): Record<string, unknown> {
  const { id: _id, organisation, ...fields } = convention;
  return { ...fields, organisationId: organisation.label };
}

export async function createConvention(trx: Db, input: ConventionInput, actor: string): Promise<Convention> {
  await checkInput(trx, input, null);
  const id = uuidv7();
  const at = nowIso();
  await trx
    .insertInto('conventions')
    .values({ id, ...toColumns(input), created_at: at, updated_at: at, deleted_at: null })
    .execute();
  const created = await loadConvention(trx, id);
  await recordHistory(trx, {
    entityType: 'convention',
    entityId: id,
    action: 'create',
    actor,
    summary: summaryOf(created),
  });
  return created;
}

export async function updateConvention(
  trx: Db,
  input: ParsedInputOf<'conventions.update'>,
  actor: string,
): Promise<Convention> {
  const row = await requireConventionRow(trx, input.id);
  refuseIfTrashed(row, 'Cette convention est dans la corbeille : restaurez-la avant de la modifier.');
  await checkInput(trx, input, row);
  const columns = toColumns(input);
  const changed = (Object.keys(columns) as (keyof Columns)[]).some((k) => columns[k] !== row[k]);
  const before = await loadConvention(trx, row.id);
  if (!changed) return before;
  await trx
    .updateTable('conventions')
    .set({ ...columns, updated_at: nowIso() })
    .where('id', '=', row.id)
    .execute();
  const updated = await loadConvention(trx, row.id);
  await recordHistory(trx, {
    entityType: 'convention',
    entityId: row.id,
    action: 'update',
    actor,
    changes: diffRecords(historyView(before), historyView(updated)),
    summary: summaryOf(updated),
  });
  return updated;
}

const conventionTrash: TrashSpec<'conventions', Convention> = {
  table: 'conventions',
  entityType: 'convention',
  load: requireConventionRow,
  // The organisation's label is filled in by the callers below (toOutput is synchronous).
  toOutput: (row) => toConvention(row, row.organisation_id),
  summary: (row) =>
    `${vocab.conventionKind[row.kind] ?? row.kind}${row.reference ? ` ${row.reference}` : ''}`,
  alreadyTrashed: 'Cette convention est déjà dans la corbeille.',
  notTrashed: 'Cette convention n’est pas dans la corbeille.',
};

export async function trashConvention(trx: Db, id: string, actor: string): Promise<Convention> {
  await setTrashed(trx, conventionTrash, id, true, actor);
  return loadConvention(trx, id);
}

export async function restoreConvention(trx: Db, id: string, actor: string): Promise<Convention> {
  await setTrashed(trx, conventionTrash, id, false, actor);
  return loadConvention(trx, id);
}
