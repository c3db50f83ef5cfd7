import type { ImportSource } from '../../../../shared/domain/vocabularies';
import { translateFr } from '../../../../shared/i18n/translate';
import { THREE_W_FIELDS, type ThreeWField } from '../../../../shared/partners/fields';
import {
  detectLayout,
  headerTexts,
  type Layout,
  layoutSignature,
  recogniseColumn,
  scoreSheet,
} from '../../../../shared/partners/headers';
import type { ParsedInputOf } from '../../../../shared/rpc';
import type { Analysis, Mapping } from '../../../../shared/rpc/partners';
import type { BackendContext } from '../../context';
import { AppError } from '../../errors';
import { parseJson } from '../../json';
import { columnLetter, type SheetData, type SpreadsheetData } from '../../spreadsheets';
import { isFollowUpMatrix } from '../followupImport/recognise';
import { readStaged, readStagedSheets } from './staging';

// Understanding a partner's file: which sheet, which rows are headers (one or two, then maybe a
// row of HXL hashtags), and which column means which 3W field. The user's corrections win,
// then the mapping remembered for a file of the same layout, then what the recogniser reads
// in the header and the HXL tag. The same understanding feeds the preview and the import.

export type LayoutInput = ParsedInputOf<'imports.analyse'>;
type Column = Analysis['columns'][number];
type Confidence = Column['confidence'];

export type { Layout };

/** Everything the preview and the import need from the analysis. */
export interface Understanding {
  staged: { path: string; fileName: string; sha256: string; source: ImportSource };
  data: SpreadsheetData;
  sheet: SheetData;
  layout: Layout;
  /** field → column index, each field at most once. */
  fields: Map<ThreeWField, number>;
  /** The final mapping (every column: its field or null), as stored with the batch and layout. */
  mapping: Mapping;
  signature: string;
  analysis: Analysis;
}

const SAMPLE_COUNT = 5;
/** Rows scanned for samples and for columns that have data but no header. */
const SCAN_ROWS = 200;
const FIELDS = new Set<string>(THREE_W_FIELDS);

export const fieldLabel = (field: ThreeWField): string => translateFr(`imports.fields.${field}`);

const isEmptyRow = (row: readonly string[] | undefined): boolean => !row || row.every((cell) => cell === '');

function refuse(message: string): AppError {
  return new AppError('IMPORT_FORMAT', message);
}

/** The sheet asked for, or the best candidate among the visible ones (hidden only if nothing else). */
function chooseSheet(data: SpreadsheetData, wanted: string | undefined, scores: number[]): SheetData {
  if (wanted !== undefined) {
    const found = data.sheets.find((s) => s.name === wanted);
    if (!found) throw new AppError('NOT_FOUND', `Le fichier n’a pas de feuille « ${wanted} ».`);
    return found;
  }
  let best: { sheet: SheetData; score: number } | null = null;
  for (const [i, sheet] of data.sheets.entries()) {
    const score = scores[i] ?? 0;
    if (!best || score > best.score) best = { sheet, score };
  }
  if (!best) throw refuse('Le fichier ne contient aucune feuille.');
  return best.sheet;
}

/** Detection, with the user's header-row count and HXL choice overriding it. */
function layoutOf(rows: string[][], input: LayoutInput): Layout {
  const detected = detectLayout(rows);
  if (input.headerRows === undefined && input.hxlRow === undefined) return detected;
  const headerRows = input.headerRows ?? detected.headerRows;
  const afterHeaders = detected.headerRowIndex + headerRows;
  const hxl = input.hxlRow ?? detected.hxlRowIndex !== null;
  const hxlRowIndex = hxl ? afterHeaders : null;
  return {
    headerRowIndex: detected.headerRowIndex,
    headerRows,
    hxlRowIndex,
    firstDataRowIndex: afterHeaders + (hxl ? 1 : 0),
  };
}

async function rememberedMapping(ctx: BackendContext, signature: string): Promise<Mapping | null> {
  const row = await ctx.db
    .selectFrom('import_layouts')
    .select('mapping')
    .where('signature', '=', signature)
    .where('kind', '=', '3w')
    .executeTakeFirst();
  return row ? parseJson<Mapping>(row.mapping, {}) : null;
}

/** Reads and understands the staged file; refusals in French naming the sheet. */
export async function understand(
  ctx: BackendContext,
  input: LayoutInput,
  options: { signal?: AbortSignal } = {},
): Promise<Understanding | { followUp: Analysis }> {
  const staged = await readStaged(ctx, input.stagedId);
  const data = await readStagedSheets(ctx, input.stagedId, options);
  const scores = data.sheets.map((s) => scoreSheet(s.name, s.rows, { hidden: s.hidden }));
  const sheets = data.sheets.map((s, i) => ({
    name: s.name,
    rows: s.rows.length,
    hidden: s.hidden,
    score: scores[i] ?? 0,
  }));

  if (input.sheet === undefined && isFollowUpMatrix(data)) {
    const first = data.sheets.find((s) => !s.hidden) ?? data.sheets[0];
    return {
      followUp: {
        kind: 'followUp',
        sheets,
        sheet: first?.name ?? '',
        headerRows: 1,
        hxlRow: false,
        firstDataRow: 2,
        dataRows: Math.max(0, (first?.rows.length ?? 1) - 1),
        columns: [],
        remembered: false,
        warnings: [],
      },
    };
  }

  const sheet = chooseSheet(data, input.sheet, scores);
  const rows = sheet.rows;
  if (rows.every((row) => isEmptyRow(row))) throw refuse(`La feuille « ${sheet.name} » est vide.`);
  const layout = layoutOf(rows, input);
  let dataRows = 0;
  for (let r = layout.firstDataRowIndex; r < rows.length; r++) if (!isEmptyRow(rows[r])) dataRows++;
  if (dataRows === 0) {
    throw refuse(`La feuille « ${sheet.name} » ne contient que des en-têtes, aucune ligne de données.`);
  }

  const headers = headerTexts(rows, layout);
  const hxlRow = layout.hxlRowIndex === null ? [] : (rows[layout.hxlRowIndex] ?? []);
  let width = Math.max(headers.length, hxlRow.length);
  const scanEnd = Math.min(rows.length, layout.firstDataRowIndex + SCAN_ROWS);
  for (let r = layout.firstDataRowIndex; r < scanEnd; r++) width = Math.max(width, rows[r]?.length ?? 0);

  const signature = layoutSignature(headers.slice(0, width));
  const remembered = await rememberedMapping(ctx, signature);

  const columns: Column[] = [];
  for (let c = 0; c < width; c++) {
    const header = headers[c] ?? '';
    const hxl = hxlRow[c] || null;
    const samples: string[] = [];
    for (let r = layout.firstDataRowIndex; r < scanEnd && samples.length < SAMPLE_COUNT; r++) {
      const value = rows[r]?.[c] ?? '';
      if (value !== '') samples.push(value.length > 120 ? `${value.slice(0, 119)}…` : value);
    }
    let field: ThreeWField | null = null;
    let confidence: Confidence = 'none';
    const key = String(c);
    const user = input.mapping?.[key];
    if (user !== undefined) {
      field = user;
      confidence = 'user';
    } else if (remembered && key in remembered) {
      const value = remembered[key];
      field = value && FIELDS.has(value) ? value : null;
      confidence = 'remembered';
    } else if (header !== '' || hxl) {
      const recognised = recogniseColumn(header, hxl);
      field = recognised.field;
      confidence = recognised.field ? recognised.confidence : 'none';
    }
    columns.push({ index: c, letter: columnLetter(c), header, hxl, samples, field, confidence });
  }

  // A field mapped twice: the user's choice wins, otherwise the first column; the other is
  // left out and the user told.
  const warnings: string[] = [];
  const fields = new Map<ThreeWField, number>();
  const order = [...columns].sort(
    (a, b) => Number(b.confidence === 'user') - Number(a.confidence === 'user') || a.index - b.index,
  );
  for (const column of order) {
    if (!column.field) continue;
    const kept = fields.get(column.field);
    if (kept === undefined) {
      fields.set(column.field, column.index);
      continue;
    }
    warnings.push(
      `Les colonnes ${columnLetter(kept)} et ${column.letter} correspondent toutes deux au champ ` +
        `« ${fieldLabel(column.field)} » : seule la colonne ${columnLetter(kept)} est importée.`,
    );
    column.field = null;
    column.confidence = 'none';
  }

  // A budget or a date column alone does not make a 3W matrix: it must say who, what or where.
  const placeFields: ThreeWField[] = [
    'adm1Name',
    'adm1Pcode',
    'adm2Name',
    'adm2Pcode',
    'adm3Name',
    'adm3Pcode',
  ];
  const coreFields: ThreeWField[] = [
    'organisationName',
    'organisationAcronym',
    'sector',
    'activity',
    ...placeFields,
  ];
  if (!coreFields.some((f) => fields.has(f))) {
    throw refuse(
      `Aucune colonne de la feuille « ${sheet.name} » n’a été reconnue comme une colonne de matrice 3W ` +
        '(organisation, secteur, activité, lieu…) : vérifiez la feuille et la ligne des en-têtes.',
    );
  }
  if (!fields.has('organisationName') && !fields.has('organisationAcronym')) {
    warnings.push(
      'Aucune colonne ne donne l’organisation (nom ou sigle) : indiquez-la, sinon toutes les lignes seront rejetées.',
    );
  }
  if (!fields.has('activity') && !fields.has('sector')) {
    warnings.push('Aucune colonne ne donne l’activité ni le secteur : indiquez au moins l’une des deux.');
  }
  if (!placeFields.some((f) => fields.has(f))) {
    warnings.push(
      'Aucune colonne ne donne le lieu (région, cercle, commune ou P-code) : les interventions seront importées sans lieu.',
    );
  }

  const mapping: Mapping = {};
  for (const column of columns) mapping[String(column.index)] = column.field;

  const analysis: Analysis = {
    kind: '3w',
    sheets,
    sheet: sheet.name,
    headerRows: layout.headerRows,
    hxlRow: layout.hxlRowIndex !== null,
    firstDataRow: layout.firstDataRowIndex + 1,
    dataRows,
    columns,
    remembered: remembered !== null && columns.some((c) => c.confidence === 'remembered'),
    warnings,
  };
  return {
    staged: { path: staged.path, fileName: staged.fileName, sha256: staged.sha256, source: staged.source },
    data,
    sheet,
    layout,
    fields,
    mapping,
    signature,
    analysis,
  };
}

export async function analyseImport(ctx: BackendContext, input: LayoutInput): Promise<Analysis> {
  const understood = await understand(ctx, input);
  return 'followUp' in understood ? understood.followUp : understood.analysis;
}
