import { formatDateFr } from '../../../../../shared/domain/dates';
import { vocab } from '../../../../../shared/i18n/fr/vocab';
import type { CoverageFilter } from '../../../../../shared/rpc/partners';
import type { Db } from '../../../db/open';
import { computeFreshness } from '../../coverage/freshness';
import { computeGaps } from '../../coverage/gaps';
import { computeMatrix, type Level, presentSectors } from '../../coverage/matrix';
import { computeOverlaps } from '../../coverage/overlaps';
import { listInterventions } from '../../partners/profile';
import { type Cell, dateCell, integerCell, numberCell, textCell } from './cells';
import { type ColumnSpec, writeWorkbook } from './workbook';

// The coverage views as spreadsheets, filtered as on screen: the territory × sector matrix,
// overlaps, gaps, freshness and the interventions list. Plain typed cells, no formula.

const sectorLabel = (s: string) => vocab.sector[s as keyof typeof vocab.sector] ?? s;
const levelLabel = (level: Level) => (level === 1 ? 'Niveau 1' : 'Niveau 2');

/** One line saying what the export holds ("Période du … au … ; statuts : …"), for the title. */
export function describeFilter(filter: CoverageFilter): string {
  const parts: string[] = [];
  if (filter.from || filter.to) {
    parts.push(
      `période ${filter.from ? `du ${formatDateFr(filter.from)}` : ''}${filter.to ? ` au ${formatDateFr(filter.to)}` : ''}`.trim(),
    );
  }
  if (filter.statuses?.length) {
    parts.push(`statuts : ${filter.statuses.map((s) => vocab.interventionStatus[s] ?? s).join(', ')}`);
  }
  if (filter.sectors?.length) parts.push(`secteurs : ${filter.sectors.map(sectorLabel).join(', ')}`);
  if (filter.targetGroup?.trim()) parts.push(`groupe cible : ${filter.targetGroup.trim()}`);
  if (filter.donorId) parts.push('un bailleur');
  return parts.join(' ; ');
}

/** Territories × sectors: one row per territory, two columns (actors, activities) per sector. */
export async function buildCoverageMatrixWorkbook(
  db: Db,
  filter: CoverageFilter,
  level: Level,
  title: string,
): Promise<Uint8Array> {
  const data = await computeMatrix(db, filter, level);
  const sectors = presentSectors(data.cells);
  const byCell = new Map(data.cells.map((c) => [`${c.territoryId} ${c.sector}`, c]));
  const columns: ColumnSpec[] = [
    { header: 'Code P', width: 12, kind: 'text' },
    { header: levelLabel(level), width: 26, kind: 'text' },
    { header: 'Rattachement', width: 22, kind: 'text' },
    ...sectors.flatMap((s): ColumnSpec[] => [
      { header: `${sectorLabel(s)} — acteurs`, width: 14, kind: 'integer' },
      { header: `${sectorLabel(s)} — activités`, width: 14, kind: 'integer' },
    ]),
    { header: 'Total activités', width: 12, kind: 'integer' },
  ];
  const rows: Cell[][] = data.territories.map((t) => {
    let total = 0;
    const cells = sectors.flatMap((s) => {
      const cell = byCell.get(`${t.id} ${s}`);
      total += cell?.activities ?? 0;
      return [integerCell(cell?.actors ?? 0), integerCell(cell?.activities ?? 0)];
    });
    return [textCell(t.pcode), textCell(t.label), textCell(t.parent), ...cells, integerCell(total)];
  });
  if (data.unplaced > 0) {
    rows.push([
      null,
      textCell('Sans lieu ou sans secteur'),
      null,
      ...sectors.flatMap(() => [null, null]),
      integerCell(data.unplaced),
    ]);
  }
  return writeWorkbook({
    title,
    sheets: [{ name: 'Couverture', columns, rows }],
    properties: { ConcertoExport: 'coverageMatrix' },
  });
}

export async function buildOverlapsWorkbook(db: Db, filter: CoverageFilter, level: Level, title: string) {
  const overlaps = await computeOverlaps(db, filter, level);
  const columns: ColumnSpec[] = [
    { header: levelLabel(level), width: 26, kind: 'text' },
    { header: 'Secteur', width: 26, kind: 'text' },
    { header: 'Groupe cible', width: 26, kind: 'wrap' },
    { header: 'Organisations', width: 50, kind: 'wrap' },
    { header: 'Nombre d’organisations', width: 14, kind: 'integer' },
    { header: 'Interventions', width: 12, kind: 'integer' },
    { header: 'Du', width: 12, kind: 'date' },
    { header: 'Au', width: 12, kind: 'date' },
  ];
  const rows: Cell[][] = overlaps.map((o) => [
    textCell(o.territory.label),
    textCell(sectorLabel(o.sector)),
    textCell(o.targetGroup ?? 'Tous'),
    textCell(o.organisations.map((x) => x.label).join(', ')),
    integerCell(o.organisations.length),
    integerCell(o.interventions),
    dateCell(o.from),
    dateCell(o.to),
  ]);
  return writeWorkbook({ title, sheets: [{ name: 'Chevauchements', columns, rows }] });
}

export async function buildGapsWorkbook(db: Db, filter: CoverageFilter, level: Level, title: string) {
  const gaps = await computeGaps(db, filter, level);
  const columns: ColumnSpec[] = [
    { header: levelLabel(level), width: 26, kind: 'text' },
    { header: 'Rattachement', width: 22, kind: 'text' },
    { header: 'Secteurs sans acteur', width: 70, kind: 'wrap' },
    { header: 'Nombre de secteurs', width: 12, kind: 'integer' },
  ];
  const rows: Cell[][] = gaps.map((g) => [
    textCell(g.territory.label),
    textCell(g.parent),
    textCell(g.missingSectors.map(sectorLabel).join(', ')),
    integerCell(g.missingSectors.length),
  ]);
  return writeWorkbook({ title, sheets: [{ name: 'Lacunes', columns, rows }] });
}

export async function buildFreshnessWorkbook(db: Db, today: string, title: string) {
  const freshness = await computeFreshness(db, today);
  const columns: ColumnSpec[] = [
    { header: 'Organisation', width: 50, kind: 'wrap' },
    { header: 'Interventions', width: 12, kind: 'integer' },
    { header: 'Dernier rapportage', width: 14, kind: 'date' },
    { header: 'Trimestres sans rapport', width: 14, kind: 'integer' },
  ];
  const rows: Cell[][] = freshness.map((f) => [
    textCell(f.organisation.label),
    integerCell(f.interventions),
    dateCell(f.lastReportedOn),
    integerCell(f.quartersSilent),
  ]);
  return writeWorkbook({ title, sheets: [{ name: 'Rapportage', columns, rows }] });
}

/** Interventions read page by page (the list's own query), up to the spreadsheet's reasonable size. */
export async function buildInterventionsWorkbook(
  db: Db,
  filter: CoverageFilter,
  organisationId: string | undefined,
  title: string,
) {
  const columns: ColumnSpec[] = [
    { header: 'Organisation', width: 40, kind: 'wrap' },
    { header: 'Rôle', width: 16, kind: 'text' },
    { header: 'Bailleur', width: 26, kind: 'wrap' },
    { header: 'Secteur', width: 24, kind: 'text' },
    { header: 'Activité', width: 50, kind: 'wrap' },
    { header: 'Groupe cible', width: 26, kind: 'wrap' },
    { header: 'Lieu', width: 26, kind: 'text' },
    { header: 'Statut', width: 14, kind: 'text' },
    { header: 'Début', width: 12, kind: 'date' },
    { header: 'Fin', width: 12, kind: 'date' },
    { header: 'Ciblés — femmes', width: 12, kind: 'integer' },
    { header: 'Ciblés — hommes', width: 12, kind: 'integer' },
    { header: 'Ciblés — total', width: 12, kind: 'integer' },
    { header: 'Atteints — femmes', width: 12, kind: 'integer' },
    { header: 'Atteints — hommes', width: 12, kind: 'integer' },
    { header: 'Atteints — total', width: 12, kind: 'integer' },
    { header: 'Budget', width: 14, kind: 'number' },
    { header: 'Devise', width: 8, kind: 'text' },
    { header: 'Date du rapportage', width: 14, kind: 'date' },
    { header: 'Fichier source', width: 30, kind: 'text' },
    { header: 'Ligne', width: 8, kind: 'integer' },
  ];
  const rows: Cell[][] = [];
  const PAGE = 1000;
  // Excel's sheet holds 1,048,576 rows; far fewer are useful, and memory stays bounded.
  const MAX_ROWS = 200_000;
  for (let offset = 0; offset < MAX_ROWS; offset += PAGE) {
    const page = await listInterventions(db, {
      ...filter,
      ...(organisationId ? { organisationId } : {}),
      limit: PAGE,
      offset,
    });
    for (const i of page.rows) {
      rows.push([
        textCell(i.organisation.label),
        textCell(vocab.interventionRole[i.role] ?? i.role),
        textCell(i.donor),
        textCell(i.sector ? sectorLabel(i.sector) : null),
        textCell(i.activity),
        textCell(i.targetGroup),
        textCell(i.territory?.label ?? i.placeLabel),
        textCell(i.status ? (vocab.interventionStatus[i.status] ?? i.status) : null),
        dateCell(i.startDate),
        dateCell(i.endDate),
        integerCell(i.targeted.women),
        integerCell(i.targeted.men),
        integerCell(i.targeted.total),
        integerCell(i.reached.women),
        integerCell(i.reached.men),
        integerCell(i.reached.total),
        numberCell(i.budget),
        textCell(i.currency),
        dateCell(i.reportedOn),
        textCell(i.source.file),
        integerCell(i.source.row),
      ]);
    }
    if (page.rows.length < PAGE) break;
  }
  return writeWorkbook({ title, sheets: [{ name: 'Interventions', columns, rows }] });
}
