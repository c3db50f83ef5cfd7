import type { z } from 'zod';
import { formatDateFr } from '../../../../shared/domain/dates';
import { uuidv7 } from '../../../../shared/domain/ids';
import {
  effectiveProgress,
  isClosingStatus,
  validateRecommendationUpdate,
} from '../../../../shared/domain/recommendationStatus';
import type { ImportSource, RecommendationStatus } from '../../../../shared/domain/vocabularies';
import { vocab } from '../../../../shared/i18n/fr/vocab';
import { parseDate } from '../../../../shared/partners/values';
import type { Ref } from '../../../../shared/rpc/common';
import type {
  Batch,
  FollowUpCommitSchema,
  FollowUpPreviewSchema,
  FollowUpRowSchema,
} from '../../../../shared/rpc/partners';
import { nowIso } from '../../clock';
import type { BackendContext } from '../../context';
import type { Db } from '../../db/open';
import { AppError, validationError } from '../../errors';
import { columnLetter } from '../../spreadsheets/columns';
import type { SpreadsheetData } from '../../spreadsheets/types';
import { createBackup } from '../backups/service';
import { fullLabel } from '../bodies/repository';
import { issue } from '../bodies/validation';
import { PARTNER_STATUSES } from '../exports/spreadsheets/followUpMatrix';
import { batchById } from '../imports/history';
import { readStaged, readStagedSheets } from '../imports/staging';
import { localToday } from '../meetings/repository';
import { addRecommendationUpdate } from '../recommendations/service';
import {
  type FollowUpKey,
  type FollowUpSheetRow,
  headerKey,
  isFollowUpMatrix,
  parseFollowUpStatus,
  parseProgress,
  readFollowUpRows,
} from './recognise';

// A returned tableau de suivi: each row proposes a new status, progress and comment for one
// recommendation. The preview says, row by row, what would be applied, what is unchanged, what
// changed in Concerto since the matrix was exported (a conflict the user decides) and what is
// refused and why (sheet, row, column, value). The commit applies the accepted rows in ONE
// transaction, through the same service as a manual update, as one import batch that can be
// undone (import_changes).

export type FollowUpPreview = z.infer<typeof FollowUpPreviewSchema>;
export type FollowUpRowPreview = z.infer<typeof FollowUpRowSchema>;
export type FollowUpCommit = z.output<typeof FollowUpCommitSchema>;
type RowReason = FollowUpRowPreview['reasons'][number];

/** Entities this feature records in import_changes (the undo reads them back). */
export const FOLLOW_UP_ENTITIES = {
  /** action 'update', before = the recommendations row (JSON) before the update. */
  recommendation: 'recommendation',
  /** action 'create': the recommendation_updates row the batch added. */
  recommendationUpdate: 'recommendation_update',
} as const;

/** What the column of the matrix is called, for the messages. */
const COLUMN_NAMES: Record<FollowUpKey, string> = {
  reference: 'Réf.',
  body: 'Instance',
  text: 'Recommandation',
  responsible: 'Responsable',
  dueDate: 'Échéance',
  status: 'Statut actuel',
  progress: 'Avancement actuel (%)',
  newStatus: 'Nouveau statut',
  newProgress: 'Nouvel avancement (%)',
  comment: 'Commentaire / actions menées',
  updatedOn: 'Date de mise à jour',
  id: 'ID',
  version: 'Version',
};

const MAX_COMMENT = 5000;
const MAX_ACTIONS = 10_000;

interface RecommendationFacts {
  id: string;
  reference: string;
  text: string;
  status: RecommendationStatus;
  progress: number;
  updated_at: string;
  deleted_at: string | null;
  lead_organisation_id: string | null;
}

interface OrganisationFacts {
  id: string;
  name: string;
  acronym: string | null;
}

/** A previewed row with what the commit needs beyond the contract. */
export interface EvaluatedRow extends FollowUpRowPreview {
  /** The partner's comment as typed (without the "Fiche de suivi renvoyée…" prefix). */
  partnerComment: string | null;
  /** The organisation of the row's sheet, when it is a per-organisation sheet. */
  sheetOrganisationId: string | null;
  leadOrganisationId: string | null;
}

export interface FollowUpEvaluation {
  preview: FollowUpPreview;
  rows: EvaluatedRow[];
  organisations: Map<string, OrganisationFacts>;
}

/** One day past `today`: a partner a few time zones or hours ahead may date tomorrow. */
function tomorrowOf(today: string): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

const statusLabel = (status: RecommendationStatus) => vocab.recommendationStatus[status];

/** "Réalisée, En cours…": what the drop-down offered, for the refusals. */
const PARTNER_LABELS = PARTNER_STATUSES.map(statusLabel).join(', ');

/** " (2)" that Excel-safe sheet naming appends to a second sheet of the same name. */
const stripSuffix = (name: string) => name.replace(/\s*\(\d+\)$/, '');

/**
 * The organisation a per-organisation sheet belongs to: its name is the organisation's acronym
 * (or name, possibly cut at 31 characters). When two organisations share the acronym ("PAM"),
 * the lead of the sheet's recommendations decides.
 */
function sheetOrganisation(
  sheetName: string,
  organisations: readonly OrganisationFacts[],
  leads: ReadonlySet<string>,
): string | null {
  const key = headerKey(stripSuffix(sheetName));
  if (key === '') return null;
  const candidates = organisations.filter((o) => {
    const name = headerKey(o.name);
    return (
      (o.acronym !== null && headerKey(o.acronym) === key) ||
      name === key ||
      (key.length >= 20 && name.startsWith(key))
    );
  });
  const ids = new Set(candidates.map((c) => c.id));
  if (leads.size === 1) {
    const [lead] = leads;
    if (lead !== undefined && ids.has(lead)) return lead;
  }
  return candidates.length === 1 ? (candidates[0]?.id ?? null) : null;
}

/** Latest update comment of each recommendation: "already recorded" is said, not re-applied. */
async function latestComments(db: Db, ids: readonly string[]): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  for (let i = 0; i < ids.length; i += 500) {
    const part = ids.slice(i, i + 500);
    const rows = await db
      .selectFrom('recommendation_updates')
      .select(['recommendation_id', 'comment', 'id'])
      .where('recommendation_id', 'in', part)
      .orderBy('id', 'asc')
      .execute();
    for (const r of rows) out.set(r.recommendation_id, r.comment);
  }
  return out;
}

/**
 * Evaluates every row of the matrix against the database as it is now. Used by the preview
 * (outside any transaction) and by the commit (inside its transaction, so what is applied is
 * what is true at that moment).
 */
export async function evaluateFollowUp(
  db: Db,
  data: SpreadsheetData,
  today: string = localToday(),
): Promise<FollowUpEvaluation> {
  const sheetRows = readFollowUpRows(data);
  const recommendations = (await db
    .selectFrom('recommendations')
    .select([
      'id',
      'reference',
      'text',
      'status',
      'progress',
      'updated_at',
      'deleted_at',
      'lead_organisation_id',
    ])
    .execute()) as RecommendationFacts[];
  const byId = new Map(recommendations.map((r) => [r.id, r]));
  const byReference = new Map<string, RecommendationFacts[]>();
  for (const r of recommendations) {
    const key = r.reference.trim().toLocaleLowerCase('fr');
    byReference.set(key, [...(byReference.get(key) ?? []), r]);
  }
  const organisationList = (await db
    .selectFrom('organisations')
    .select(['id', 'name', 'acronym'])
    .where('deleted_at', 'is', null)
    .execute()) as OrganisationFacts[];
  const organisations = new Map(organisationList.map((o) => [o.id, o]));

  const tomorrow = tomorrowOf(today);
  const seen = new Map<string, { sheet: string; row: number }>();

  // First pass: which recommendation each row is about.
  const located = sheetRows.map((sr) => ({ sr, ...locate(sr, byId, byReference) }));
  const comments = await latestComments(db, [
    ...new Set(located.flatMap((l) => (l.recommendation ? [l.recommendation.id] : []))),
  ]);

  // The organisation of each sheet, from its name and the leads of its recommendations.
  const leadsBySheet = new Map<string, Set<string>>();
  for (const l of located) {
    const lead = l.recommendation?.lead_organisation_id;
    if (!lead) continue;
    const set = leadsBySheet.get(l.sr.sheet) ?? new Set<string>();
    set.add(lead);
    leadsBySheet.set(l.sr.sheet, set);
  }
  const sheetOrgs = new Map<string, string | null>();
  for (const sheet of new Set(sheetRows.map((r) => r.sheet))) {
    sheetOrgs.set(sheet, sheetOrganisation(sheet, organisationList, leadsBySheet.get(sheet) ?? new Set()));
  }

  const rows: EvaluatedRow[] = [];
  for (const { sr, recommendation, reasons: locateReasons } of located) {
    const reasons: RowReason[] = [...locateReasons];
    const at = (key: FollowUpKey, message: string, value: string | null = sr.cells[key] ?? null) =>
      reasons.push({ sheet: sr.sheet, row: sr.row, column: letterOf(sr, key), value, message });

    const statusText = sr.cells.newStatus ?? null;
    const progressText = sr.cells.newProgress ?? null;
    const comment = sr.cells.comment ?? null;
    const dateText = sr.cells.updatedOn ?? null;
    const filled = statusText !== null || progressText !== null || comment !== null;

    const base: EvaluatedRow = {
      sheet: sr.sheet,
      row: sr.row,
      recommendationId: recommendation?.id ?? null,
      reference: recommendation?.reference ?? sr.cells.reference ?? '',
      text: recommendation?.text ?? sr.cells.text ?? '',
      current: recommendation ? { status: recommendation.status, progress: recommendation.progress } : null,
      proposed: null,
      state: 'unchanged',
      reasons,
      partnerComment: comment,
      sheetOrganisationId: sheetOrgs.get(sr.sheet) ?? null,
      leadOrganisationId: recommendation?.lead_organisation_id ?? null,
    };
    if (!filled) {
      // Nothing reported on this row: whatever it refers to, it changes nothing.
      rows.push({ ...base, reasons: [] });
      continue;
    }

    // What the partner reports, read cell by cell; every problem is listed, not just the first.
    let status: RecommendationStatus | null = null;
    if (statusText !== null) {
      status = parseFollowUpStatus(statusText);
      if (status === null) {
        at('newStatus', `Statut non reconnu : « ${statusText} ». Statuts possibles : ${PARTNER_LABELS}.`);
      } else if (status === 'abandoned') {
        at(
          'newStatus',
          'L’abandon d’une recommandation se décide en séance : il ne peut pas venir d’une fiche de suivi.',
        );
        status = null;
      }
    }
    let progress: number | null = null;
    if (progressText !== null) {
      const reading = parseProgress(progressText);
      if (reading.ok) progress = reading.value;
      else if (reading.reason === 'range')
        at('newProgress', 'L’avancement doit être compris entre 0 et 100 %.');
      else at('newProgress', `Avancement illisible : « ${progressText} » (un nombre de 0 à 100).`);
    }
    let date = today;
    if (dateText !== null) {
      const parsed = parseDate(dateText);
      if (parsed === null || parsed < '2000-01-01') {
        at('updatedOn', `Date illisible : « ${dateText} » (au format jj/mm/aaaa).`);
      } else if (parsed > tomorrow) {
        at('updatedOn', `La date du ${formatDateFr(parsed)} est dans le futur.`);
      } else {
        date = parsed;
      }
    }

    if (!recommendation) {
      rows.push({ ...base, state: 'reject' });
      continue;
    }
    const current = recommendation.status;
    // Only progress reported on an item not yet started: it has started.
    const next: RecommendationStatus =
      status ??
      (statusText === null && progress !== null && progress > 0 && current === 'not_started'
        ? 'in_progress'
        : current);
    let nextProgress: number;
    if (next === 'done') nextProgress = 100;
    else if (progress !== null) nextProgress = progress;
    else if (next === current) nextProgress = recommendation.progress;
    else nextProgress = effectiveProgress(next, null, recommendation.progress);
    const proposed = { status: next, progress: nextProgress, comment, date };

    if (reasons.length > 0) {
      rows.push({ ...base, proposed, state: 'reject' });
      continue;
    }

    if (current === 'abandoned' || isClosingStatus(current)) {
      if (next === current && nextProgress === recommendation.progress) {
        reasons.push(note(sr, `Déjà « ${statusLabel(current)} » dans Concerto : rien à changer.`));
        rows.push({ ...base, proposed, state: 'unchanged' });
      } else {
        at(
          'newStatus',
          current === 'abandoned'
            ? 'Cette recommandation a été abandonnée : elle ne peut plus être mise à jour.'
            : `Cette recommandation est déjà close dans Concerto (« ${statusLabel(current)} ») : ` +
                'une fiche de suivi ne peut pas la rouvrir. Modifiez-la dans Concerto si nécessaire.',
          statusText,
        );
        rows.push({ ...base, proposed, state: 'reject' });
      }
      continue;
    }

    const closing = isClosingStatus(next);
    for (const problem of validateRecommendationUpdate({
      current,
      next,
      progress: nextProgress,
      actionsTaken: closing ? comment : null,
    })) {
      if (problem.key === 'errors.field.actionsRequired') {
        at(
          'comment',
          `Pour « ${statusLabel(next)} », décrivez les actions menées (ou la raison) dans « ${COLUMN_NAMES.comment} » : ` +
            'c’est indispensable pour clore la recommandation.',
          comment,
        );
      } else {
        at('newProgress', 'L’avancement doit être compris entre 0 et 100 %.');
      }
    }
    if (reasons.length > 0) {
      rows.push({ ...base, proposed, state: 'reject' });
      continue;
    }

    const earlier = seen.get(recommendation.id);
    if (earlier) {
      at(
        'reference',
        `Cette recommandation figure déjà ${earlier.sheet === sr.sheet ? '' : `feuille « ${earlier.sheet} », `}ligne ${earlier.row} : une seule ligne par recommandation.`,
        sr.cells.reference ?? recommendation.reference,
      );
      rows.push({ ...base, proposed, state: 'reject' });
      continue;
    }
    seen.set(recommendation.id, { sheet: sr.sheet, row: sr.row });

    const sameState = next === current && nextProgress === recommendation.progress;
    if (sameState && comment === null) {
      rows.push({ ...base, proposed: null, state: 'unchanged' });
      continue;
    }
    const lastComment = comments.get(recommendation.id) ?? null;
    if (sameState && comment !== null && lastComment?.endsWith(` : ${comment}`) === true) {
      reasons.push(
        note(sr, 'Déjà enregistré dans Concerto (même statut, même avancement, même commentaire).'),
      );
      rows.push({ ...base, proposed, state: 'unchanged' });
      continue;
    }

    const version = sr.cells.version ?? null;
    if (version !== null && version !== recommendation.updated_at) {
      reasons.push({
        sheet: sr.sheet,
        row: sr.row,
        column: letterOf(sr, 'version'),
        value: version,
        message:
          'Modifiée dans Concerto depuis l’envoi du tableau ' +
          `(actuellement « ${statusLabel(current)} », ${recommendation.progress} %) : à décider.`,
      });
      rows.push({ ...base, proposed, state: 'conflict' });
      continue;
    }
    rows.push({ ...base, proposed, state: 'apply' });
  }

  const counts = { apply: 0, unchanged: 0, conflict: 0, reject: 0 };
  for (const r of rows) counts[r.state] += 1;

  // The partner: the organisation of the sheets where something was reported, when only one.
  const reportingSheets = new Set(
    rows.filter((r) => r.proposed !== null || r.state === 'reject').map((r) => r.sheet),
  );
  const reportingOrgs = new Set([...reportingSheets].map((s) => sheetOrgs.get(s) ?? null));
  const allOrgs = new Set([...sheetOrgs.values()]);
  const orgId =
    reportingOrgs.size === 1
      ? ([...reportingOrgs][0] ?? null)
      : allOrgs.size === 1
        ? ([...allOrgs][0] ?? null)
        : null;
  const org = orgId === null ? null : (organisations.get(orgId) ?? null);
  const organisation: Ref | null = org ? { id: org.id, label: fullLabel(org.name, org.acronym) } : null;

  return {
    preview: { counts, rows: rows.map(toContractRow), organisation },
    rows,
    organisations,
  };
}

function toContractRow(row: EvaluatedRow): FollowUpRowPreview {
  const { partnerComment: _c, sheetOrganisationId: _s, leadOrganisationId: _l, ...rest } = row;
  return rest;
}

function letterOf(sr: FollowUpSheetRow, key: FollowUpKey): string | null {
  const index = sr.columns[key];
  return index === undefined ? null : columnLetter(index);
}

function note(sr: FollowUpSheetRow, message: string): RowReason {
  return { sheet: sr.sheet, row: sr.row, column: null, value: null, message };
}

/** The recommendation a row is about: by the hidden ID, else by reference (case aside). */
function locate(
  sr: FollowUpSheetRow,
  byId: ReadonlyMap<string, RecommendationFacts>,
  byReference: ReadonlyMap<string, RecommendationFacts[]>,
): { recommendation: RecommendationFacts | null; reasons: RowReason[] } {
  const reasons: RowReason[] = [];
  const fail = (key: FollowUpKey, value: string | null, message: string) => {
    reasons.push({ sheet: sr.sheet, row: sr.row, column: letterOf(sr, key), value, message });
    return { recommendation: null, reasons };
  };
  const id = sr.cells.id ?? null;
  const reference = sr.cells.reference ?? null;
  let found: RecommendationFacts | null = id === null ? null : (byId.get(id) ?? null);
  if (!found && reference !== null) {
    const matches = byReference.get(reference.trim().toLocaleLowerCase('fr')) ?? [];
    const live = matches.filter((m) => m.deleted_at === null);
    if (live.length > 1) {
      return fail(
        'reference',
        reference,
        `Référence ambiguë : « ${reference} » désigne plusieurs recommandations.`,
      );
    }
    found = live[0] ?? matches[0] ?? null;
  }
  if (!found) {
    if (reference === null && id === null) {
      return fail(
        'reference',
        null,
        'Référence manquante : la ligne ne peut être rattachée à aucune recommandation.',
      );
    }
    if (reference === null) {
      return fail('id', id, 'Recommandation inconnue : cet identifiant n’existe pas dans Concerto.');
    }
    return fail(
      'reference',
      reference,
      `Recommandation inconnue : « ${reference} » n’existe pas dans Concerto.`,
    );
  }
  if (found.deleted_at !== null) {
    return fail(
      'reference',
      reference ?? found.reference,
      `La recommandation « ${found.reference} » est dans la corbeille : restaurez-la avant d’importer sa mise à jour.`,
    );
  }
  return { recommendation: found, reasons };
}

// ── Preview and commit ─────────────────────────────────────────────────────

export async function previewFollowUp(ctx: BackendContext, stagedId: string): Promise<FollowUpPreview> {
  const data = await readStagedSheets(ctx, stagedId);
  if (!isFollowUpMatrix(data)) throw notFollowUp();
  const evaluation = await evaluateFollowUp(ctx.db, data, localToday());
  return evaluation.preview;
}

const notFollowUp = () =>
  new AppError(
    'IMPORT_FORMAT',
    'Ce fichier n’est pas un tableau de suivi des recommandations : aucune feuille n’a les colonnes ' +
      '« Réf. », « Recommandation » et « Nouveau statut ».',
  );

export interface StagedFollowUpFile {
  fileName: string;
  sha256: string;
  source: ImportSource;
  path: string | null;
}

/** The partner named in the comment: the batch's organisation, the sheet's, else the lead. */
function partnerName(
  row: EvaluatedRow,
  batchOrganisationId: string | null,
  organisations: ReadonlyMap<string, OrganisationFacts>,
): string | null {
  for (const id of [batchOrganisationId, row.sheetOrganisationId, row.leadOrganisationId]) {
    const org = id === null ? undefined : organisations.get(id);
    if (org) return org.acronym ?? org.name;
  }
  return null;
}

/** "Fiche de suivi renvoyée par PAM — 2025-03-14_GTGPS_tableau-de-suivi.xlsx : <comment>". */
export function followUpComment(partner: string | null, fileName: string, comment: string | null): string {
  const head = `Fiche de suivi renvoyée${partner ? ` par ${partner}` : ''} — ${fileName}`;
  const text = comment === null ? head : `${head} : ${comment}`;
  return text.length > MAX_COMMENT ? `${text.slice(0, MAX_COMMENT - 1)}…` : text;
}

/**
 * Applies a returned matrix in the caller's transaction: one import batch, then for each row to
 * apply (and each conflict the user chose to override) an update recorded by the register's own
 * addRecommendationUpdate (source follow_up_sheet), tied to the batch, with import_changes so the
 * batch can be undone. Rejected rows and conflicts left alone are not touched. Throws, with
 * nothing written, when there is nothing to apply.
 */
export async function applyFollowUp(
  trx: Db,
  file: StagedFollowUpFile,
  data: SpreadsheetData,
  input: FollowUpCommit,
  actor: string,
  today: string = localToday(),
): Promise<Batch> {
  if (!isFollowUpMatrix(data)) throw notFollowUp();
  const evaluation = await evaluateFollowUp(trx, data, today);

  let organisationId = input.organisationId ?? evaluation.preview.organisation?.id ?? null;
  if (input.organisationId !== null) {
    const org = await trx
      .selectFrom('organisations')
      .select(['id', 'deleted_at'])
      .where('id', '=', input.organisationId)
      .executeTakeFirst();
    if (!org || org.deleted_at !== null) {
      throw validationError([issue(['organisationId'], 'errors.field.unknownOrganisation')]);
    }
    organisationId = org.id;
  }
  const organisations = evaluation.organisations;
  if (organisationId !== null && !organisations.has(organisationId)) {
    const org = await trx
      .selectFrom('organisations')
      .select(['id', 'name', 'acronym'])
      .where('id', '=', organisationId)
      .executeTakeFirst();
    if (org) organisations.set(org.id, org);
  }

  const overrides = new Set(input.overrideConflicts);
  const toApply = evaluation.rows.filter(
    (r) =>
      r.proposed !== null &&
      r.recommendationId !== null &&
      (r.state === 'apply' || (r.state === 'conflict' && overrides.has(r.recommendationId))),
  );
  if (toApply.length === 0) {
    const { conflict, reject } = evaluation.preview.counts;
    throw new AppError(
      'VALIDATION',
      conflict + reject > 0
        ? 'Aucune mise à jour à enregistrer : les lignes renseignées sont refusées ou en conflit non tranché.'
        : 'Aucune mise à jour à enregistrer : aucune ligne du tableau n’a été renseignée.',
    );
  }

  const applied = toApply.length;
  const keptConflicts =
    evaluation.preview.counts.conflict - toApply.filter((r) => r.state === 'conflict').length;
  const counts = {
    create: 0,
    update: applied,
    // Conflicts left as they are in Concerto count as unchanged; they are also kept apart.
    unchanged: evaluation.preview.counts.unchanged + keptConflicts,
    reject: evaluation.preview.counts.reject,
    conflict: keptConflicts,
  };
  const rejected = evaluation.rows.filter((r) => r.state === 'reject').flatMap((r) => r.reasons);
  const sheets = [...new Set(toApply.map((r) => r.sheet))];
  const batchId = uuidv7();
  const at = nowIso();
  await trx
    .insertInto('import_batches')
    .values({
      id: batchId,
      kind: 'follow_up',
      file_name: file.fileName,
      sha256: file.sha256,
      source: file.source,
      staged_path: file.path,
      sheet: sheets.length === 1 ? (sheets[0] ?? null) : null,
      header_rows: 1,
      mapping: '{}',
      layout_signature: null,
      counts: JSON.stringify(counts),
      rejected: JSON.stringify(rejected),
      organisation_id: organisationId,
      actor,
      undone_at: null,
      undone_by: null,
      created_at: at,
      updated_at: at,
    })
    .execute();

  let seq = 0;
  const change = async (entity: string, entityId: string, action: 'create' | 'update', before: unknown) => {
    seq += 1;
    await trx
      .insertInto('import_changes')
      .values({
        batch_id: batchId,
        seq,
        entity,
        entity_id: entityId,
        action,
        before: before === null ? null : JSON.stringify(before),
      })
      .execute();
  };

  for (const row of toApply) {
    const { proposed, recommendationId } = row;
    if (proposed === null || recommendationId === null) continue;
    const before = await trx
      .selectFrom('recommendations')
      .selectAll()
      .where('id', '=', recommendationId)
      .executeTakeFirstOrThrow();
    await change(FOLLOW_UP_ENTITIES.recommendation, recommendationId, 'update', before);
    const partner = partnerName(row, organisationId, organisations);
    const closing = isClosingStatus(proposed.status);
    await addRecommendationUpdate(
      trx,
      {
        id: recommendationId,
        date: proposed.date,
        status: proposed.status,
        progress: proposed.progress,
        comment: followUpComment(partner, file.fileName, row.partnerComment),
        actionsTaken:
          closing && row.partnerComment !== null ? row.partnerComment.slice(0, MAX_ACTIONS) : null,
        source: 'follow_up_sheet',
        meetingId: null,
      },
      actor,
    );
    // uuidv7 ids increase within the process: the update just added is the highest.
    const update = await trx
      .selectFrom('recommendation_updates')
      .select('id')
      .where('recommendation_id', '=', recommendationId)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('recommendation_updates')
      .set({ import_batch_id: batchId })
      .where('id', '=', update.id)
      .execute();
    await change(FOLLOW_UP_ENTITIES.recommendationUpdate, update.id, 'create', null);
  }

  return batchById({ db: trx }, batchId);
}

/** imports.followUpCommit: reads the staged file, then ONE transaction. */
export async function commitFollowUp(ctx: BackendContext, input: FollowUpCommit): Promise<Batch> {
  const staged = await readStaged(ctx, input.stagedId);
  const data = await readStagedSheets(ctx, input.stagedId);
  const actor = await ctx.actor();
  const today = localToday();
  await createBackup(ctx, 'before-import');
  return ctx.db
    .transaction()
    .execute((trx) =>
      applyFollowUp(
        trx,
        { fileName: staged.fileName, sha256: staged.sha256, source: staged.source, path: staged.path },
        data,
        input,
        actor,
        today,
      ),
    );
}
