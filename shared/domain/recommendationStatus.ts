import { foldForSearch } from './text';
import { RECOMMENDATION_STATUSES, type RecommendationStatus } from './vocabularies';

// The life of a recommendation: non démarrée → en cours → réalisée / partiellement réalisée /
// non réalisée / reportée / abandonnée. Any status may follow any other (a secretariat records
// what it learns, often late and out of order); only abandonment is final. These rules are
// shared by the forms (to propose and check) and the backend (to refuse), so both agree.

/** Statuses that close a recommendation: réalisée, non réalisée, abandonnée. */
export const CLOSING_STATUSES: readonly RecommendationStatus[] = ['done', 'not_done', 'abandoned'];

export function isClosingStatus(status: RecommendationStatus): boolean {
  return CLOSING_STATUSES.includes(status);
}

/** Still to follow up: everything that is not closed. */
export function isOpenStatus(status: RecommendationStatus): boolean {
  return !isClosingStatus(status);
}

/** Closing needs "actions menées" (or, for non réalisée / abandonnée, the reason). */
export function requiresActions(status: RecommendationStatus): boolean {
  return isClosingStatus(status);
}

/** Abandonment is final: an abandoned item is kept for the record but no longer updated. */
export function canUpdate(current: RecommendationStatus): boolean {
  return current !== 'abandoned';
}

export const UPDATE_REFUSAL_FR = 'Une recommandation abandonnée ne peut plus être mise à jour.';

/**
 * The progress a status proposes. Statuses that say nothing about how far things went
 * (non réalisée, reportée, abandonnée) keep the current figure rather than invent one; "en cours"
 * proposes 25 % but never moves an item backwards.
 */
export function defaultProgress(status: RecommendationStatus, currentProgress = 0): number {
  switch (status) {
    case 'not_started':
      return 0;
    case 'in_progress':
      return Math.max(25, currentProgress);
    case 'done':
      return 100;
    case 'partially_done':
      return 50;
    case 'not_done':
    case 'postponed':
    case 'abandoned':
      return currentProgress;
  }
}

/**
 * The progress to record for an update: réalisée is always 100 %; otherwise what was typed, or
 * the status's default when nothing was.
 */
export function effectiveProgress(
  status: RecommendationStatus,
  progress: number | null | undefined,
  currentProgress = 0,
): number {
  if (status === 'done') return 100;
  return progress ?? defaultProgress(status, currentProgress);
}

/** A problem with one field of an update, as an i18n key (the backend adds the French message). */
export interface StatusIssue {
  path: string[];
  key: string;
  params?: Record<string, string | number>;
}

export interface UpdateProposal {
  /** The recommendation's status before the update. */
  current: RecommendationStatus;
  next: RecommendationStatus;
  /** null/undefined: the status's default progress. */
  progress?: number | null;
  actionsTaken?: string | null;
}

/**
 * Field problems of a proposed update: progress outside 0–100, closing without actions taken
 * (or reason). An update on an abandoned item is not a field problem but a refused transition:
 * check `canUpdate(current)` first.
 */
export function validateRecommendationUpdate(proposal: UpdateProposal): StatusIssue[] {
  const issues: StatusIssue[] = [];
  const { progress } = proposal;
  if (progress !== null && progress !== undefined) {
    if (!Number.isFinite(progress) || progress < 0 || progress > 100) {
      issues.push({ path: ['progress'], key: 'errors.field.progressRange' });
    }
  }
  if (requiresActions(proposal.next) && (proposal.actionsTaken ?? '').trim() === '') {
    issues.push({ path: ['actionsTaken'], key: 'errors.field.actionsRequired' });
  }
  return issues;
}

// ── References ──────────────────────────────────────────────────────────────

export interface ReferenceParts {
  acronym: string;
  year: number;
  /** 1–12. */
  month: number;
  number: number;
}

/**
 * Fills a reference format: {SIGLE} the body's acronym, {AAAA} the year, {MM} the month (two
 * digits), {NN} the number within the body and year (two digits at least, more when needed).
 * '{SIGLE}/{AAAA}/{MM}/R{NN}' → 'GTGPS/2025/03/R04'.
 */
export function formatReference(format: string, parts: ReferenceParts): string {
  return format
    .replaceAll('{SIGLE}', parts.acronym)
    .replaceAll('{AAAA}', String(parts.year).padStart(4, '0'))
    .replaceAll('{MM}', String(parts.month).padStart(2, '0'))
    .replaceAll('{NN}', String(parts.number).padStart(2, '0'));
}

const SMALL_WORDS = new Set([
  'de',
  'du',
  'des',
  'la',
  'le',
  'les',
  'et',
  'en',
  'sur',
  'pour',
  'au',
  'aux',
  'd',
  'l',
]);

/**
 * The {SIGLE} of a body: its acronym when it has one, otherwise the initials of the significant
 * words of its name ("Groupe thématique protection sociale" → "GTPS"), or the start of a
 * one-word name.
 */
export function referenceAcronym(body: { acronym: string | null; name: string }): string {
  const given = (body.acronym ?? '').trim().replace(/\s+/g, '');
  if (given !== '') return given.toUpperCase();
  const words = foldForSearch(body.name)
    .replace(/[^a-z0-9 ]/g, ' ')
    .split(' ')
    .filter((w) => w !== '' && !SMALL_WORDS.has(w));
  const initials = words
    .map((w) => w[0] ?? '')
    .join('')
    .slice(0, 10)
    .toUpperCase();
  if (initials.length >= 2) return initials;
  const slug = (words[0] ?? '').slice(0, 6).toUpperCase();
  return slug !== '' ? slug : 'REC';
}

// ── Follow-up figures ───────────────────────────────────────────────────────

/** Past its due date and not closed. Items without a due date ("sans échéance") are never late. */
export function isOverdue(
  item: { dueDate: string | null; status: RecommendationStatus },
  today: string,
): boolean {
  return item.dueDate !== null && item.dueDate < today && isOpenStatus(item.status);
}

export interface ImplementationRate {
  /** Réalisées among the échues. */
  done: number;
  /** Échues: due date on or before today, abandoned ones excepted. */
  due: number;
  /** done / due, between 0 and 1; null when nothing is due yet. */
  rate: number | null;
  overdue: number;
  /** Not closed. */
  open: number;
  total: number;
  /** Every status, zero included. */
  byStatus: Record<RecommendationStatus, number>;
}

export function emptyByStatus(): Record<RecommendationStatus, number> {
  return Object.fromEntries(RECOMMENDATION_STATUSES.map((s) => [s, 0])) as Record<
    RecommendationStatus,
    number
  >;
}

/**
 * "Taux de mise en œuvre" = réalisées / échues. Abandoned items leave the denominator (a
 * decision to drop something is not a failure to do it); non réalisée stays in it.
 */
export function implementationRate(
  rows: readonly { dueDate: string | null; status: RecommendationStatus }[],
  today: string,
): ImplementationRate {
  const byStatus = emptyByStatus();
  let done = 0;
  let due = 0;
  let overdue = 0;
  let open = 0;
  for (const row of rows) {
    byStatus[row.status] += 1;
    if (isOpenStatus(row.status)) open += 1;
    if (isOverdue(row, today)) overdue += 1;
    if (row.dueDate !== null && row.dueDate <= today && row.status !== 'abandoned') {
      due += 1;
      if (row.status === 'done') done += 1;
    }
  }
  return { done, due, rate: due === 0 ? null : done / due, overdue, open, total: rows.length, byStatus };
}
