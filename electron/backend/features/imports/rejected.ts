import { fileStem } from '../../../../shared/documents/format';
import { headerTexts } from '../../../../shared/partners/headers';
import type { SpreadsheetRequest } from '../../../../shared/rpc/documents';
import type { BackendContext } from '../../context';
import type { Db } from '../../db/open';
import type { BuildEnv } from '../documents/types';
import { type Cell, integerCell, textCell } from '../exports/spreadsheets/cells';
import type { SpreadsheetOutput } from '../exports/spreadsheets/index';
import { type ColumnSpec, sheetName, writeWorkbook } from '../exports/spreadsheets/workbook';
import { buildPlan } from './preview';

// The rows an import would reject, for the partner to fix and send back: the partner's own
// columns first, in their places (so "colonne F" in a reason is still column F), then "Ligne",
// "Colonne" and "Motif". Every cell is written as neutralised text: the values come from an
// untrusted file and must not turn into formulas in the copy we send back.

type RejectedRequest = Extract<SpreadsheetRequest, { kind: 'importRejected' }>['preview'];

const untracked = { check: () => {}, end: () => {} };

export async function buildImportRejected(
  _db: Db,
  ctx: BackendContext,
  preview: RejectedRequest,
  env: BuildEnv,
): Promise<SpreadsheetOutput> {
  const plan = await buildPlan(ctx, preview, untracked, () => {});
  const { sheet, layout, staged } = plan.understood;
  const headers = headerTexts(sheet.rows, layout);
  const hxl = layout.hxlRowIndex === null ? null : (sheet.rows[layout.hxlRowIndex] ?? []);

  // One line per rejected row of the file, with all its reasons (several organisations in
  // one cell give several candidates of the same row: their reasons are merged).
  const byRow = new Map<number, { columns: string[]; messages: string[] }>();
  for (const c of plan.candidates) {
    if (c.outcome !== 'reject') continue;
    const entry = byRow.get(c.rowIndex) ?? { columns: [], messages: [] };
    byRow.set(c.rowIndex, entry);
    for (const r of c.reasons) {
      if (r.column && !entry.columns.includes(r.column)) entry.columns.push(r.column);
      if (!entry.messages.includes(r.message)) entry.messages.push(r.message);
    }
  }
  let width = headers.length;
  for (const rowIndex of byRow.keys()) width = Math.max(width, sheet.rows[rowIndex]?.length ?? 0);

  const columns: ColumnSpec[] = [
    ...Array.from(
      { length: width },
      (_, c): ColumnSpec => ({ header: headers[c] || ' ', width: 18, kind: 'text' }),
    ),
    { header: 'Ligne', width: 8, kind: 'integer' },
    { header: 'Colonne', width: 10, kind: 'text' },
    { header: 'Motif', width: 60, kind: 'wrap' },
  ];
  const rows: Cell[][] = [];
  if (hxl) rows.push([...Array.from({ length: width }, (_, c) => textCell(hxl[c])), null, null, null]);
  for (const [rowIndex, entry] of [...byRow].sort((a, b) => a[0] - b[0])) {
    const source = sheet.rows[rowIndex] ?? [];
    rows.push([
      ...Array.from({ length: width }, (_, c) => textCell(source[c])),
      integerCell(rowIndex + 1),
      textCell(entry.columns.join(', ')),
      textCell(entry.messages.join(' ; ')),
    ]);
  }
  const label = `Lignes rejetées — ${staged.fileName} (feuille « ${sheet.name} »)`;
  const bytes = writeWorkbook({
    title: label,
    sheets: [{ name: sheetName(`${sheet.name} - à corriger`, new Set()), columns, rows }],
    properties: { ConcertoExport: 'importRejected' },
  });
  const stem = staged.fileName.replace(/\.[^.]+$/, '');
  return {
    bytes,
    fileStem: fileStem({ date: env.today, what: `${stem}-lignes-rejetees` }),
    label,
    recipients: [],
  };
}
