import { sql } from 'kysely';
import { isOverdue } from '../../../../../shared/domain/recommendationStatus';
import { compareFr } from '../../../../../shared/domain/text';
import type {
  RecommendationOrigin,
  RecommendationPriority,
  RecommendationStatus,
} from '../../../../../shared/domain/vocabularies';
import { vocab } from '../../../../../shared/i18n/fr/vocab';
import type { Db } from '../../../db/open';
import { fullLabel } from '../../bodies/repository';
import { bodyRefLabel, meetingLabel } from '../../meetings/repository';
import { filterConditions, type RegisterFilter } from '../../recommendations/register';
import { chunks, organisationRefs, registerSelect } from '../../recommendations/repository';
import { type Cell, dateCell, integerCell, textCell, yesNoCell } from './cells';
import { type ColumnSpec, writeWorkbook } from './workbook';

// The recommendations register as filtered on screen, every row (not one page), with the
// columns a secretariat works with in Excel: typed dates and numbers, so it sorts and filters.

export const REGISTER_COLUMNS = [
  { header: 'Réf.', width: 20, kind: 'text' },
  { header: 'Instance', width: 30, kind: 'wrap' },
  { header: 'Type', width: 16, kind: 'text' },
  { header: 'Recommandation', width: 60, kind: 'wrap' },
  { header: 'Thème', width: 22, kind: 'wrap' },
  { header: 'Responsable', width: 30, kind: 'wrap' },
  { header: 'Associés', width: 30, kind: 'wrap' },
  { header: 'Échéance', width: 12, kind: 'date' },
  { header: 'Priorité', width: 10, kind: 'text' },
  { header: 'Statut', width: 20, kind: 'text' },
  { header: 'Avancement (%)', width: 13, kind: 'integer' },
  { header: 'En retard', width: 10, kind: 'text' },
  { header: 'Actions menées', width: 50, kind: 'wrap' },
  { header: 'Session d’origine', width: 36, kind: 'wrap' },
] as const satisfies readonly ColumnSpec[];

interface ExportRow {
  id: string;
  reference: string;
  body: string;
  kind: string;
  text: string;
  theme: string | null;
  lead: string | null;
  associates: string[];
  dueDate: string | null;
  priority: RecommendationPriority;
  status: RecommendationStatus;
  progress: number;
  overdue: boolean;
  actionsTaken: string | null;
  origin: string;
}

/**
 * Every recommendation matching the register filter, by reference (as the register lists them
 * by default): one query for the rows, and one per 500 for the associated organisations and
 * the sessions of origin — never one per row.
 */
export async function registerExportRows(
  db: Db,
  filter: RegisterFilter,
  today: string,
): Promise<ExportRow[]> {
  let query = registerSelect(db).select([
    'recommendations.actions_taken',
    'recommendations.origin_kind',
    'recommendations.origin_meeting_id',
    sql<string | null>`(SELECT group_concat(organisation_id) FROM recommendation_associates
      WHERE recommendation_associates.recommendation_id = recommendations.id)`.as('associate_ids'),
  ]);
  for (const condition of filterConditions(filter, today)) query = query.where(condition);
  const rows = await query.execute();

  const associateIds = rows.flatMap((r) => (r.associate_ids ? r.associate_ids.split(',') : []));
  const organisations = await organisationRefs(db, associateIds);
  const meetingIds = [...new Set(rows.flatMap((r) => (r.origin_meeting_id ? [r.origin_meeting_id] : [])))];
  const meetings = new Map<string, string>();
  for (const part of chunks(meetingIds)) {
    const found = await db
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
      .where('meetings.id', 'in', part)
      .execute();
    for (const m of found) meetings.set(m.id, meetingLabel(m, m.kind, m.number, m.start_date));
  }

  return rows
    .map((r): ExportRow => {
      const status = r.status as RecommendationStatus;
      const origin = r.origin_meeting_id
        ? (meetings.get(r.origin_meeting_id) ?? '')
        : vocab.recommendationOrigin[r.origin_kind as RecommendationOrigin];
      return {
        id: r.id,
        reference: r.reference,
        body: bodyRefLabel(r.body_name, r.body_acronym),
        kind: vocab.recommendationKind[r.kind] ?? r.kind,
        text: r.text,
        theme: r.theme,
        lead: r.organisation_name === null ? null : fullLabel(r.organisation_name, r.organisation_acronym),
        associates: (r.associate_ids ? r.associate_ids.split(',') : [])
          .map((id) => organisations.get(id)?.label ?? id)
          .sort(compareFr),
        dueDate: r.due_date,
        priority: r.priority as RecommendationPriority,
        status,
        progress: r.progress,
        overdue: isOverdue({ dueDate: r.due_date, status }, today),
        actionsTaken: r.actions_taken,
        origin: origin ?? '',
      };
    })
    .sort((a, b) => compareFr(a.reference, b.reference) || a.id.localeCompare(b.id));
}

function registerRow(row: ExportRow): Cell[] {
  return [
    textCell(row.reference),
    textCell(row.body),
    textCell(row.kind),
    textCell(row.text),
    textCell(row.theme),
    textCell(row.lead),
    textCell(row.associates.join(', ')),
    dateCell(row.dueDate),
    textCell(vocab.recommendationPriority[row.priority] ?? row.priority),
    textCell(vocab.recommendationStatus[row.status] ?? row.status),
    integerCell(row.progress),
    yesNoCell(row.overdue),
    textCell(row.actionsTaken),
    textCell(row.origin),
  ];
}

/** The register workbook: one sheet "Registre", one row per recommendation. */
export async function buildRegisterWorkbook(
  db: Db,
  filter: RegisterFilter,
  today: string,
  title: string,
): Promise<{ bytes: Uint8Array; rowCount: number }> {
  const rows = await registerExportRows(db, filter, today);
  const bytes = writeWorkbook({
    title,
    sheets: [{ name: 'Registre', columns: REGISTER_COLUMNS, rows: rows.map(registerRow) }],
    properties: { ConcertoExport: 'recommendationsRegister' },
  });
  return { bytes, rowCount: rows.length };
}
