import { foldForSearch } from '../../../../shared/domain/text';
import { RECOMMENDATION_STATUSES, type RecommendationStatus } from '../../../../shared/domain/vocabularies';
import { vocab as vocabEn } from '../../../../shared/i18n/en/vocab';
import { vocab as vocabFr } from '../../../../shared/i18n/fr/vocab';
import type { SheetData, SpreadsheetData } from '../../spreadsheets/types';
import {
  FOLLOW_UP_COLUMNS,
  type FollowUpColumnKey,
  INSTRUCTIONS_SHEET,
} from '../exports/spreadsheets/followUpMatrix';

// Recognises a returned tableau de suivi: the matrix Concerto exported (header row 1, columns in
// FOLLOW_UP_COLUMNS order, hidden ID and Version) or a partner's own copy of it (columns moved,
// a title row above the header, sheets renamed, ID/Version dropped, headers retyped with other
// accents or case). The custom properties of the export are not visible in the cells we read, so
// recognition rests on the header row alone. Pure: no database, no file.

export type FollowUpKey = FollowUpColumnKey;

/** Column index (0 = A) of each recognised key of a sheet. */
export type FollowUpColumns = Partial<Record<FollowUpKey, number>>;

export interface FollowUpHeader {
  /** 0-based index of the header row in sheet.rows. */
  headerIndex: number;
  columns: FollowUpColumns;
}

export interface FollowUpSheetRow {
  sheet: string;
  /** 1-based row number in the sheet, as the user sees it. */
  row: number;
  cells: Partial<Record<FollowUpKey, string>>;
  /** Where each key was read: for "colonne H" in the reasons. */
  columns: FollowUpColumns;
}

/** Rows searched for the header: a partner may add a title, a date, a logo row above it. */
const HEADER_SEARCH_ROWS = 15;

/** Header text reduced to letters and digits: "Avancement actuel (%)" → "avancement actuel". */
export function headerKey(text: string): string {
  return foldForSearch(text)
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

type HeaderClass =
  | FollowUpKey
  /** "Statut", "État": the new status when no "Nouveau statut" column exists, else the current one. */
  | 'anyStatus'
  /** "Avancement (%)", "Taux de réalisation": likewise for progress. */
  | 'anyProgress';

// Folded headers, tried in order; the first rule that matches classifies the header. The
// export's own headers are matched exactly first (EXACT), these cover partners' retyping.
const RULES: readonly [HeaderClass, RegExp][] = [
  ['id', /^(id|identifiant|identifiant concerto|id concerto)$/],
  ['version', /^(version|version concerto)$/],
  [
    'reference',
    /^(n |no |num |numero )?(de )?(ref|refs|reference|references)( de la recommandation| recommandation| reco)?$/,
  ],
  ['text', /^(intitule |libelle |texte |enonce )?(de la |des )?recommandations?( formulees?| adoptees?)?$/],
  ['body', /^(instances?|organe|cadre de concertation)$/],
  [
    'responsible',
    /^((structures?|acteurs?|organisations?|entites?) )?(responsables?|en charge|chargee?s?)( de (la )?mise en oeuvre| du suivi)?$/,
  ],
  ['dueDate', /^(echeances?|delai|delais|date limite|date butoir|date d echeance)$/],
  [
    'newStatus',
    /^(nouveau statut|nouvel etat|statut propose|statut mis a jour|statut a jour|new status|statut actualise)/,
  ],
  ['status', /^(statut actuel|etat actuel|situation actuelle|statut precedent|current status)/],
  [
    'newProgress',
    /^(nouvel avancement|nouveau taux|avancement (mis a jour|propose|actualise)|taux actualise|new progress)/,
  ],
  ['progress', /^(avancement actuel|taux actuel|avancement precedent|current progress)/],
  [
    'anyStatus',
    /^(statut|statuts|etat|situation|niveau de mise en oeuvre|etat de mise en oeuvre|statut de mise en oeuvre|etat d avancement|status)$/,
  ],
  [
    'anyProgress',
    /^(avancement|taux d avancement|taux de realisation|niveau d avancement|niveau de realisation|pourcentage|progression|progres|progress|taux d execution|realisation)( en)?( %| pourcentage| p100)?$/,
  ],
  [
    'comment',
    /^(commentaires?|observations?|remarques?|actions? (menees?|realisees?|entreprises?)|activites? (menees?|realisees?)|comments?|commentaires? observations?|observations? commentaires?|difficultes)( |$)/,
  ],
  [
    'updatedOn',
    /^(date de (la )?(mise a jour|maj|l information|renseignement|situation|point)|mis a jour le|mise a jour le|date maj|date|updated on|date of update)$/,
  ],
];

const EXACT = new Map<string, FollowUpKey>(FOLLOW_UP_COLUMNS.map((c) => [headerKey(c.header), c.key]));

export function classifyHeader(text: string): HeaderClass | null {
  const key = headerKey(text);
  if (key === '') return null;
  const exact = EXACT.get(key);
  if (exact) return exact;
  for (const [cls, rule] of RULES) if (rule.test(key)) return cls;
  return null;
}

/**
 * Maps one candidate header row. The first column of each key wins (a later duplicate is
 * usually a copy the partner added). "Statut" alone is the new status unless the sheet also has
 * "Nouveau statut"; then it is the current one. Same for "Avancement".
 */
export function mapHeaderRow(cells: readonly string[]): {
  columns: FollowUpColumns;
  explicitNewStatus: boolean;
} {
  const columns: FollowUpColumns = {};
  const anyStatus: number[] = [];
  const anyProgress: number[] = [];
  cells.forEach((text, index) => {
    const cls = classifyHeader(text ?? '');
    if (cls === null) return;
    if (cls === 'anyStatus') anyStatus.push(index);
    else if (cls === 'anyProgress') anyProgress.push(index);
    else if (columns[cls] === undefined) columns[cls] = index;
  });
  const explicitNewStatus = columns.newStatus !== undefined;
  for (const index of anyStatus) {
    if (columns.newStatus === undefined) columns.newStatus = index;
    else if (columns.status === undefined) columns.status = index;
  }
  for (const index of anyProgress) {
    if (columns.newProgress === undefined) columns.newProgress = index;
    else if (columns.progress === undefined) columns.progress = index;
  }
  return { columns, explicitNewStatus };
}

/**
 * Whether the mapped header is a follow-up matrix: Concerto's export (reference with the hidden
 * ID and Version), "Réf." with an explicit "Nouveau statut", or a partner's copy with the
 * reference, the recommendation text and a status or progress column. A 3W matrix has a status
 * but no recommendation text, so it is not taken for one.
 */
function isFollowUpHeader(mapped: { columns: FollowUpColumns; explicitNewStatus: boolean }): boolean {
  const c = mapped.columns;
  const reference = c.reference !== undefined;
  if (reference && c.id !== undefined && c.version !== undefined) return true;
  if (reference && mapped.explicitNewStatus) return true;
  return reference && c.text !== undefined && (c.newStatus !== undefined || c.newProgress !== undefined);
}

export function isInstructionsSheet(name: string): boolean {
  return headerKey(name) === headerKey(INSTRUCTIONS_SHEET);
}

/** The header row of a sheet and its columns, or null when the sheet is not a follow-up sheet. */
export function locateFollowUpHeader(sheet: SheetData): FollowUpHeader | null {
  if (isInstructionsSheet(sheet.name)) return null;
  const limit = Math.min(sheet.rows.length, HEADER_SEARCH_ROWS);
  for (let index = 0; index < limit; index++) {
    const mapped = mapHeaderRow(sheet.rows[index] ?? []);
    if (isFollowUpHeader(mapped)) return { headerIndex: index, columns: mapped.columns };
  }
  return null;
}

export function isFollowUpMatrix(data: SpreadsheetData): boolean {
  return data.sheets.some((sheet) => locateFollowUpHeader(sheet) !== null);
}

/** Keys whose cells say which recommendation a row is about or what the partner reports. */
const MEANINGFUL: readonly FollowUpKey[] = ['reference', 'id', 'newStatus', 'newProgress', 'comment'];

/**
 * The data rows of every follow-up sheet (the instructions sheet skipped), each as its cells by
 * key. Rows with neither a reference, an id nor anything filled in (blank lines, the export's
 * spare rows, a subtitle) are left out.
 */
export function readFollowUpRows(data: SpreadsheetData): FollowUpSheetRow[] {
  const out: FollowUpSheetRow[] = [];
  for (const sheet of data.sheets) {
    const header = locateFollowUpHeader(sheet);
    if (!header) continue;
    const entries = Object.entries(header.columns) as [FollowUpKey, number][];
    for (let index = header.headerIndex + 1; index < sheet.rows.length; index++) {
      const raw = sheet.rows[index] ?? [];
      const cells: Partial<Record<FollowUpKey, string>> = {};
      for (const [key, column] of entries) {
        const text = (raw[column] ?? '').trim();
        if (text !== '') cells[key] = text;
      }
      if (!MEANINGFUL.some((key) => cells[key] !== undefined)) continue;
      out.push({ sheet: sheet.name, row: index + 1, cells, columns: header.columns });
    }
  }
  return out;
}

// ── Values a partner types ─────────────────────────────────────────────────

/** Each word without its French plural/feminine ending: "Réalisées" and "réalisé" meet at "realis". */
function stem(text: string): string {
  return headerKey(text)
    .split(' ')
    .map((word) => (word.length > 3 ? word.replace(/(ees|ee|es|e|s)$/, '') : word))
    .join(' ');
}

/** Spellings seen in returned matrices beyond the labels and codes. */
const STATUS_SYNONYMS: Record<RecommendationStatus, readonly string[]> = {
  not_started: [
    'pas demarre',
    'pas encore demarre',
    'non entame',
    'pas entame',
    'non commence',
    'pas commence',
    'pas encore commence',
    'a demarrer',
    'non initie',
    'pas debute',
    'non debute',
    'not started',
  ],
  in_progress: [
    'en cours de realisation',
    'en cours d execution',
    'en cours de mise en oeuvre',
    'encours',
    'demarre',
    'entame',
    'commence',
    'debute',
    'en progression',
    'ongoing',
    'in progress',
  ],
  done: ['termine', 'acheve', 'execute', 'fait', 'realise totalement', 'entierement realise', 'completed'],
  partially_done: [
    'partiellement',
    'partiel',
    'en partie realise',
    'realise partiellement',
    'realise en partie',
    'partiellement execute',
    'partially done',
  ],
  not_done: ['pas realise', 'non execute', 'pas execute', 'non fait', 'pas fait', 'not done'],
  postponed: ['differe', 'ajourne', 'reporte a une date ulterieure', 'postponed'],
  abandoned: ['annule', 'abandoned'],
};

const STATUS_FORMS: Map<string, RecommendationStatus> = (() => {
  const forms = new Map<string, RecommendationStatus>();
  for (const status of RECOMMENDATION_STATUSES) {
    for (const spelling of [
      vocabFr.recommendationStatus[status],
      vocabEn.recommendationStatus[status],
      status,
      ...STATUS_SYNONYMS[status],
    ]) {
      forms.set(stem(spelling), status);
    }
  }
  return forms;
})();

/** Optimal string alignment distance (adjacent transpositions count one), capped for speed. */
function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const prev = rows[i - 1] ?? [];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      }
      row.push(best);
    }
    rows.push(row);
  }
  return rows[a.length]?.[b.length] ?? cap + 1;
}

/**
 * The status a partner wrote: the French label of the drop-down in any case and accents, the
 * English label, the code, the usual synonyms ("Terminé", "Pas démarré", "Différé"), or a close
 * misspelling ("Réalsiée": one letter off, two for long labels) when only one status is that
 * close. null when unreadable.
 */
export function parseFollowUpStatus(text: string): RecommendationStatus | null {
  const key = stem(text);
  if (key === '') return null;
  const exact = STATUS_FORMS.get(key);
  if (exact) return exact;
  const cap = key.length >= 10 ? 2 : key.length >= 5 ? 1 : 0;
  if (cap === 0) return null;
  let best: RecommendationStatus | null = null;
  let bestDistance = cap + 1;
  let tie = false;
  for (const [form, status] of STATUS_FORMS) {
    const d = editDistance(key, form, cap);
    if (d < bestDistance) {
      best = status;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance && status !== best) {
      tie = true;
    }
  }
  return bestDistance <= cap && !tie ? best : null;
}

export type ProgressReading = { ok: true; value: number } | { ok: false; reason: 'unreadable' | 'range' };

/**
 * A progress figure: "45", "45 %", "45%", "45,5" (rounded to 46), "0.45" or "0,45" (a fraction
 * below 1 is what Excel keeps of a cell typed "45 %"; so "0,5" is 50 %). Whole numbers are
 * percentages: "1" is 1 %. Outside 0–100 → range; anything else → unreadable.
 */
export function parseProgress(text: string): ProgressReading {
  const t = text.replace(/[\s\u00a0\u202f]+/g, '');
  const m = /^([+-]?)(\d+(?:[.,]\d+)?)(%?)$/.exec(t);
  if (!m) return { ok: false, reason: 'unreadable' };
  let value = Number((m[2] ?? '').replace(',', '.'));
  if (!Number.isFinite(value)) return { ok: false, reason: 'unreadable' };
  if (m[1] === '-' && value !== 0) return { ok: false, reason: 'range' };
  if (m[3] === '' && value > 0 && value < 1) value *= 100;
  value = Math.round(value);
  if (value < 0 || value > 100) return { ok: false, reason: 'range' };
  return { ok: true, value };
}
