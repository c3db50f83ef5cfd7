import { formatDateFr } from '../../../../../shared/domain/dates';
import { isOpenStatus } from '../../../../../shared/domain/recommendationStatus';
import { compareFr } from '../../../../../shared/domain/text';
import {
  RECOMMENDATION_STATUSES,
  type RecommendationStatus,
} from '../../../../../shared/domain/vocabularies';
import { vocab } from '../../../../../shared/i18n/fr/vocab';
import type { Db } from '../../../db/open';
import { fullLabel, requireBodyRow } from '../../bodies/repository';
import { localToday } from '../../meetings/repository';
import { filterConditions, type RegisterFilter } from '../../recommendations/register';
import { registerSelect } from '../../recommendations/repository';
import { type Cell, dateCell, integerCell, textCell } from './cells';
import { type ColumnSpec, type SheetSpec, type ValidationSpec, writeWorkbook } from './workbook';

// The tableau de suivi des recommandations: the open recommendations of a body (or of every
// body), which the responsible organisations fill in and send back. Its layout is a contract
// with the re-import (issue 6): the header is row 1 of every data sheet, the columns are
// FOLLOW_UP_COLUMNS in that order, each row carries the recommendation's id and version in the
// two hidden columns at the end, and the instructions sheet comes first. The grey columns are
// locked (sheet protection without a password), the yellow ones are for the partner.

/** Bumped when the layout changes in a way the re-import must know about. */
export const FOLLOW_UP_FORMAT_VERSION = '1';

export const INSTRUCTIONS_SHEET = 'Instructions';

/** Custom properties of the workbook, which the re-import can recognise it by. */
export const FOLLOW_UP_PROPERTIES = {
  kind: 'ConcertoExport',
  version: 'ConcertoFormat',
  body: 'ConcertoBodyId',
  exportedOn: 'ConcertoExportedOn',
} as const;

export const FOLLOW_UP_COLUMNS = [
  { key: 'reference', header: 'Réf.', width: 20, kind: 'text', role: 'key' },
  { key: 'body', header: 'Instance', width: 14, kind: 'wrap', role: 'key' },
  { key: 'text', header: 'Recommandation', width: 60, kind: 'wrap', role: 'key' },
  { key: 'responsible', header: 'Responsable', width: 28, kind: 'wrap', role: 'key' },
  { key: 'dueDate', header: 'Échéance', width: 12, kind: 'date', role: 'key' },
  { key: 'status', header: 'Statut actuel', width: 18, kind: 'wrap', role: 'key' },
  { key: 'progress', header: 'Avancement actuel (%)', width: 13, kind: 'integer', role: 'key' },
  { key: 'newStatus', header: 'Nouveau statut', width: 24, kind: 'text', role: 'editable' },
  { key: 'newProgress', header: 'Nouvel avancement (%)', width: 13, kind: 'integer', role: 'editable' },
  { key: 'comment', header: 'Commentaire / actions menées', width: 50, kind: 'wrap', role: 'editable' },
  { key: 'updatedOn', header: 'Date de mise à jour', width: 14, kind: 'date', role: 'editable' },
  { key: 'id', header: 'ID', width: 38, kind: 'text', role: 'key', hidden: true },
  { key: 'version', header: 'Version', width: 26, kind: 'text', role: 'key', hidden: true },
] as const satisfies readonly (ColumnSpec & { key: string })[];

export type FollowUpColumnKey = (typeof FOLLOW_UP_COLUMNS)[number]['key'];

/** Column index (from 0) of each key. */
export const FOLLOW_UP_COLUMN_INDEX = Object.fromEntries(
  FOLLOW_UP_COLUMNS.map((c, i) => [c.key, i]),
) as Record<FollowUpColumnKey, number>;

/**
 * Statuses a partner may report. Abandoning a recommendation is the body's decision, taken in
 * session: it is not offered to partners.
 */
export const PARTNER_STATUSES: readonly RecommendationStatus[] = RECOMMENDATION_STATUSES.filter(
  (s) => s !== 'abandoned',
);

export const OPEN_STATUSES: readonly RecommendationStatus[] = RECOMMENDATION_STATUSES.filter(isOpenStatus);

/** Empty rows left under the recommendations of each sheet, unlocked and validated too. */
export const SPARE_ROWS = 20;

/** Dates accepted in "Date de mise à jour". */
const DATE_RANGE = { from: '2000-01-01', to: '2100-12-31' };

export interface FollowUpMatrixRequest {
  bodyId: string | null;
  layout: 'single' | 'perOrganisation';
}

export interface FollowUpMatrix {
  bytes: Uint8Array;
  /** The body, or null for every body. */
  body: { id: string; name: string; acronym: string | null } | null;
  /** The responsible (lead) organisations of the rows, full labels in French order. */
  organisations: string[];
  rowCount: number;
}

/** One open recommendation as the matrix needs it. */
export interface FollowUpRow {
  id: string;
  reference: string;
  bodyId: string;
  bodyShort: string;
  text: string;
  status: RecommendationStatus;
  progress: number;
  dueDate: string | null;
  leadId: string | null;
  leadLabel: string | null;
  /** What the sheet of its responsible organisation is called: acronym, else name. */
  leadShort: string | null;
  updatedAt: string;
}

/**
 * The open recommendations of the body (or of every live body), with what the matrix shows,
 * in ONE query (body and lead organisation joined). Recommendations of trashed bodies and
 * trashed recommendations are left out, as in the register. Ordered by body, then reference.
 */
export async function openRecommendationRows(
  db: Db,
  bodyId: string | null,
  today: string = localToday(),
): Promise<FollowUpRow[]> {
  const filter: RegisterFilter = { trashed: false, statuses: [...OPEN_STATUSES] };
  if (bodyId !== null) filter.bodyIds = [bodyId];
  let query = registerSelect(db).select('recommendations.updated_at');
  for (const condition of filterConditions(filter, today)) query = query.where(condition);
  const rows = await query.execute();
  return rows
    .map(
      (r): FollowUpRow => ({
        id: r.id,
        reference: r.reference,
        bodyId: r.body_id,
        bodyShort: r.body_acronym ?? r.body_name,
        text: r.text,
        status: r.status as RecommendationStatus,
        progress: r.progress,
        dueDate: r.due_date,
        leadId: r.lead_organisation_id,
        leadLabel:
          r.organisation_name === null ? null : fullLabel(r.organisation_name, r.organisation_acronym),
        leadShort: r.organisation_name === null ? null : (r.organisation_acronym ?? r.organisation_name),
        updatedAt: r.updated_at,
      }),
    )
    .sort(
      (a, b) =>
        compareFr(a.bodyShort, b.bodyShort) ||
        a.bodyId.localeCompare(b.bodyId) ||
        compareFr(a.reference, b.reference) ||
        a.id.localeCompare(b.id),
    );
}

function matrixRow(row: FollowUpRow): Cell[] {
  const cells: Cell[] = new Array(FOLLOW_UP_COLUMNS.length).fill(null);
  const set = (key: FollowUpColumnKey, cell: Cell) => {
    cells[FOLLOW_UP_COLUMN_INDEX[key]] = cell;
  };
  set('reference', textCell(row.reference));
  set('body', textCell(row.bodyShort));
  set('text', textCell(row.text));
  set('responsible', textCell(row.leadLabel));
  set('dueDate', dateCell(row.dueDate));
  set('status', textCell(vocab.recommendationStatus[row.status]));
  set('progress', integerCell(row.progress));
  set('id', textCell(row.id));
  set('version', textCell(row.updatedAt));
  return cells;
}

function validations(): ValidationSpec[] {
  const labels = PARTNER_STATUSES.map((s) => vocab.recommendationStatus[s]);
  return [
    {
      column: FOLLOW_UP_COLUMN_INDEX.newStatus,
      rule: { type: 'list', values: labels },
      promptTitle: 'Nouveau statut',
      prompt: 'Choisissez le statut dans la liste. Laissez vide si rien n’a changé.',
      errorTitle: 'Statut non reconnu',
      error: `Choisissez un statut de la liste : ${labels.join(', ')}.`,
    },
    {
      column: FOLLOW_UP_COLUMN_INDEX.newProgress,
      rule: { type: 'whole', min: 0, max: 100 },
      promptTitle: 'Nouvel avancement (%)',
      prompt: 'Un nombre entier de 0 à 100, sans le signe %.',
      errorTitle: 'Avancement non valide',
      error: 'L’avancement est un nombre entier de 0 à 100.',
    },
    {
      column: FOLLOW_UP_COLUMN_INDEX.updatedOn,
      rule: { type: 'date', ...DATE_RANGE },
      promptTitle: 'Date de mise à jour',
      prompt: 'La date de votre information, au format jj/mm/aaaa.',
      errorTitle: 'Date non valide',
      error: 'Saisissez une date au format jj/mm/aaaa (par exemple 14/03/2025).',
    },
  ];
}

function dataSheet(name: string, rows: readonly FollowUpRow[]): SheetSpec {
  return {
    name,
    columns: FOLLOW_UP_COLUMNS,
    rows: rows.map(matrixRow),
    spareRows: SPARE_ROWS,
    protect: true,
    validations: validations(),
  };
}

function instructionsSheet(
  title: string,
  today: string,
  rowCount: number,
  secretariat: string | null,
): SheetSpec {
  const lines: { text: string; bold?: boolean }[] = [];
  const bold = (text: string) => lines.push({ text, bold: true });
  const line = (text = '') => lines.push({ text });
  const plural = rowCount > 1 ? 's' : '';
  bold(title);
  line(
    `Situation au ${formatDateFr(today)} : ${rowCount} recommandation${plural} en cours de suivi ` +
      '(ni réalisées, ni non réalisées, ni abandonnées).',
  );
  line();
  bold('Ce qu’il faut remplir');
  line(
    'Pour chaque recommandation dont votre structure est responsable, renseignez les colonnes sur fond jaune, ' +
      'sur la ligne de la recommandation :',
  );
  line(
    '• Nouveau statut : choisissez dans la liste déroulante l’un des statuts ci-dessous. ' +
      'Laissez la cellule vide si rien n’a changé.',
  );
  line('• Nouvel avancement (%) : un nombre entier de 0 à 100, sans le signe %.');
  line(
    '• Commentaire / actions menées : ce qui a été fait, les difficultés rencontrées, la prochaine étape. ' +
      'Pour « Réalisée » ou « Non réalisée », décrivez les actions menées ou la raison : c’est indispensable ' +
      'pour clore la recommandation.',
  );
  line(
    '• Date de mise à jour : la date de votre information, au format jj/mm/aaaa (par exemple 14/03/2025).',
  );
  line();
  bold('Statuts possibles');
  for (const status of PARTNER_STATUSES) line(`• ${vocab.recommendationStatus[status]}`);
  line();
  bold('À ne pas faire');
  line(
    '• Ne modifiez pas les colonnes sur fond gris (référence, instance, recommandation, responsable, échéance, ' +
      'statut et avancement actuels) : elles sont verrouillées et permettent de relire vos réponses.',
  );
  line(
    '• Ne supprimez ni lignes ni colonnes, ne changez pas l’ordre des colonnes et ne renommez pas les feuilles.',
  );
  line('• N’ajoutez pas de recommandation dans le tableau : signalez-la plutôt dans votre courriel.');
  line();
  bold('Renvoi');
  line(
    'Enregistrez le fichier au format Excel (.xlsx), sans changer son nom, et renvoyez-le par courriel ' +
      `au secrétariat${secretariat ? ` (${secretariat})` : ''}.`,
  );
  line('Merci de votre collaboration.');
  line();
  line(
    `Fichier produit par Concerto le ${formatDateFr(today)} — tableau de suivi, format ${FOLLOW_UP_FORMAT_VERSION}.`,
  );
  return {
    name: INSTRUCTIONS_SHEET,
    header: false,
    columns: [{ header: '', width: 110, kind: 'wrap' }],
    rows: lines.map((l) => [textCell(l.text)]),
    boldRows: lines.flatMap((l, i) => (l.bold ? [i] : [])),
    protect: true,
  };
}

const WITHOUT_LEAD = 'Sans responsable';

/** One sheet per responsible organisation, in French order of their names; "Sans responsable" last. */
function perOrganisation(rows: readonly FollowUpRow[]): SheetSpec[] {
  const groups = new Map<string | null, FollowUpRow[]>();
  for (const row of rows) {
    const list = groups.get(row.leadId) ?? [];
    list.push(row);
    groups.set(row.leadId, list);
  }
  return [...groups.entries()]
    .map(([leadId, list]) => ({ leadId, name: list[0]?.leadShort ?? WITHOUT_LEAD, list }))
    .sort(
      (a, b) =>
        Number(a.leadId === null) - Number(b.leadId === null) ||
        compareFr(a.name, b.name) ||
        (a.leadId ?? '').localeCompare(b.leadId ?? ''),
    )
    .map((g) => dataSheet(g.name, g.list));
}

/**
 * The follow-up matrix workbook: the instructions sheet first, then one sheet for the body
 * (named after its acronym) or one per responsible organisation. A body without open
 * recommendations still gets its (empty) sheet, so that the file says so rather than fails.
 */
export async function buildFollowUpMatrix(
  db: Db,
  request: FollowUpMatrixRequest,
  today: string,
): Promise<FollowUpMatrix> {
  const bodyRow = request.bodyId === null ? null : await requireBodyRow(db, request.bodyId);
  const body = bodyRow ? { id: bodyRow.id, name: bodyRow.name, acronym: bodyRow.acronym } : null;
  let secretariat: string | null = null;
  if (bodyRow?.secretariat_organisation_id) {
    const org = await db
      .selectFrom('organisations')
      .select(['name', 'acronym'])
      .where('id', '=', bodyRow.secretariat_organisation_id)
      .executeTakeFirst();
    if (org) secretariat = org.acronym ?? org.name;
  }
  const rows = await openRecommendationRows(db, request.bodyId, today);

  const mainName = body ? (body.acronym ?? body.name) : 'Recommandations';
  const sheets: SheetSpec[] =
    request.layout === 'perOrganisation' && rows.length > 0
      ? perOrganisation(rows)
      : [dataSheet(mainName, rows)];
  const title = `Tableau de suivi des recommandations — ${body ? fullLabel(body.name, body.acronym) : 'toutes les instances'}`;
  const organisations = [...new Set(rows.flatMap((r) => (r.leadLabel === null ? [] : [r.leadLabel])))].sort(
    compareFr,
  );

  const bytes = writeWorkbook({
    title,
    sheets: [instructionsSheet(title, today, rows.length, secretariat), ...sheets],
    properties: {
      [FOLLOW_UP_PROPERTIES.kind]: 'followUpMatrix',
      [FOLLOW_UP_PROPERTIES.version]: FOLLOW_UP_FORMAT_VERSION,
      [FOLLOW_UP_PROPERTIES.body]: body?.id ?? '',
      [FOLLOW_UP_PROPERTIES.exportedOn]: today,
    },
  });
  return { bytes, body, organisations, rowCount: rows.length };
}
