import { strFromU8, strToU8, unzipSync, type Zippable, zipSync } from 'fflate';
import * as XLSX from 'xlsx';
import { type Cell, excelDateSerial } from './cells';

// Writes the workbooks Concerto exports. SheetJS (Community Edition) writes the cells, column
// widths, hidden columns, autofilter and sheet protection; it writes neither cell styles (bold
// headers, grey locked columns, unlocked editable cells) nor data validations (drop-down lists)
// nor frozen panes. Those are added afterwards in the OOXML itself: the styles part is replaced
// by Concerto's own small stylesheet, every cell gets the style its column calls for, and each
// worksheet gets its <dataValidations> and frozen header at the places the schema requires.
// The result is checked by reading it back in the tests (SheetJS) and by Excel/LibreOffice.

/** How a column's cells are shown. */
export type ColumnKind = 'text' | 'wrap' | 'integer' | 'number' | 'date';
/**
 * plain: an ordinary column; key: filled by Concerto, grey and locked when the sheet is
 * protected; editable: for the reader to fill, light yellow and unlocked.
 */
export type ColumnRole = 'plain' | 'key' | 'editable';

export interface ColumnSpec {
  header: string;
  /** Width in characters. */
  width: number;
  /** Every cell of the column is shown this way (its style comes from the column, not the cell). */
  kind: ColumnKind;
  role?: ColumnRole;
  hidden?: boolean;
}

export type ValidationRule =
  | { type: 'list'; values: readonly string[] }
  | { type: 'whole'; min: number; max: number }
  | { type: 'date'; from: string; to: string };

export interface ValidationSpec {
  /** Index of the column, from 0. */
  column: number;
  rule: ValidationRule;
  /** Shown when the cell is selected (title ≤ 32, text ≤ 255 characters). */
  promptTitle?: string;
  prompt?: string;
  /** Shown when a value is refused. */
  errorTitle?: string;
  error?: string;
}

export interface SheetSpec {
  name: string;
  columns: readonly ColumnSpec[];
  /** Data rows, below the header row. */
  rows: readonly (readonly Cell[])[];
  /** Row 1 holds the column headers (bold, frozen, filter buttons). Default true. */
  header?: boolean;
  /** Indexes (in `rows`) of rows set in bold: section titles of an instructions sheet. */
  boldRows?: readonly number[];
  /** Empty rows below the data whose editable cells are unlocked and validated too. */
  spareRows?: number;
  /** Locks the sheet without a password: only editable columns can be changed. */
  protect?: boolean;
  validations?: readonly ValidationSpec[];
}

export interface WorkbookSpec {
  title: string;
  sheets: readonly SheetSpec[];
  /** Custom document properties (docProps/custom.xml), e.g. what kind of export this is. */
  properties?: Record<string, string>;
}

// ── Styles ─────────────────────────────────────────────────────────────────

const KINDS: readonly ColumnKind[] = ['text', 'wrap', 'integer', 'number', 'date'];
const ROLES: readonly ColumnRole[] = ['plain', 'key', 'editable'];
const DATE_FORMAT_ID = 164;
const NUMBER_FORMAT_ID: Record<ColumnKind, number> = {
  text: 0,
  wrap: 0,
  integer: 1, // "0"
  number: 0,
  date: DATE_FORMAT_ID,
};
const TEXT_FORMAT_ID = 49; // "@": what is typed into an editable text cell stays text, even "=1+1"

/** cellXfs index of a data cell: 0 is the default style, then one per kind × role. */
function dataStyle(kind: ColumnKind, role: ColumnRole): number {
  return 1 + KINDS.indexOf(kind) * ROLES.length + ROLES.indexOf(role);
}
const HEADER_STYLE = 1 + KINDS.length * ROLES.length;
const BOLD_STYLE = HEADER_STYLE + 1;

interface Xf {
  numFmtId: number;
  fontId: number;
  fillId: number;
  borderId: number;
  wrap: boolean;
  locked: boolean;
}

function xfXml(xf: Xf): string {
  const attributes = [
    `numFmtId="${xf.numFmtId}"`,
    `fontId="${xf.fontId}"`,
    `fillId="${xf.fillId}"`,
    `borderId="${xf.borderId}"`,
    'xfId="0"',
    xf.numFmtId !== 0 ? 'applyNumberFormat="1"' : '',
    xf.fontId !== 0 ? 'applyFont="1"' : '',
    xf.fillId !== 0 ? 'applyFill="1"' : '',
    xf.borderId !== 0 ? 'applyBorder="1"' : '',
    'applyAlignment="1"',
    xf.locked ? '' : 'applyProtection="1"',
  ].filter((a) => a !== '');
  const alignment = `<alignment vertical="top"${xf.wrap ? ' wrapText="1"' : ''}/>`;
  const protection = xf.locked ? '' : '<protection locked="0"/>';
  return `<xf ${attributes.join(' ')}>${alignment}${protection}</xf>`;
}

/** Concerto's stylesheet: fonts regular/bold, fills none/grey/light yellow, thin borders. */
function stylesXml(): string {
  const xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  for (const kind of KINDS) {
    for (const role of ROLES) {
      const editable = role === 'editable';
      xfs.push(
        xfXml({
          numFmtId:
            editable && (kind === 'text' || kind === 'wrap') ? TEXT_FORMAT_ID : NUMBER_FORMAT_ID[kind],
          fontId: 0,
          fillId: role === 'key' ? 2 : editable ? 3 : 0,
          borderId: role === 'plain' ? 0 : 1,
          wrap: kind === 'wrap',
          locked: !editable,
        }),
      );
    }
  }
  xfs.push(xfXml({ numFmtId: 0, fontId: 1, fillId: 2, borderId: 1, wrap: true, locked: true })); // header
  xfs.push(xfXml({ numFmtId: 0, fontId: 1, fillId: 0, borderId: 0, wrap: true, locked: true })); // bold
  const font = (bold: boolean) =>
    `<font>${bold ? '<b/>' : ''}<sz val="11"/><name val="Calibri"/><family val="2"/></font>`;
  const solid = (rgb: string) =>
    `<fill><patternFill patternType="solid"><fgColor rgb="${rgb}"/><bgColor indexed="64"/></patternFill></fill>`;
  const side = (name: string) => `<${name} style="thin"><color rgb="FFBFBFBF"/></${name}>`;
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
    `<numFmts count="1"><numFmt numFmtId="${DATE_FORMAT_ID}" formatCode="dd/mm/yyyy"/></numFmts>`,
    `<fonts count="2">${font(false)}${font(true)}</fonts>`,
    '<fills count="4"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>',
    `${solid('FFD9D9D9')}${solid('FFFFF2CC')}</fills>`,
    '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>',
    `<border>${side('left')}${side('right')}${side('top')}${side('bottom')}<diagonal/></border></borders>`,
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>',
    `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>`,
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>',
    '<dxfs count="0"/>',
    '<tableStyles count="0" defaultTableStyle="TableStyleMedium9" defaultPivotStyle="PivotStyleMedium4"/>',
    '</styleSheet>',
  ].join('');
}

/** The style index of every cell of a sheet, by position (row 0 is the first row). */
function cellStyle(sheet: SheetSpec, bold: ReadonlySet<number>, row: number, column: number): number {
  const hasHeader = sheet.header !== false;
  if (hasHeader && row === 0) return HEADER_STYLE;
  const dataRow = hasHeader ? row - 1 : row;
  if (bold.has(dataRow)) return BOLD_STYLE;
  const spec = sheet.columns[column];
  return spec ? dataStyle(spec.kind, spec.role ?? 'plain') : 0;
}

// ── Sheet names ────────────────────────────────────────────────────────────

const MAX_SHEET_NAME = 31;

/**
 * A name Excel accepts: none of [ ] : * ? / \ (nor an ASCII apostrophe), at most 31
 * characters, not empty, not "History" (reserved by Excel), and unique in the workbook
 * (case aside): "PAM", "PAM (2)"…
 */
export function sheetName(wanted: string, taken: Set<string>, fallback = 'Feuille'): string {
  let base = wanted
    .replace(/[[\]:*?/\\]|\p{Cc}/gu, ' ')
    // An apostrophe inside a name must be doubled in references to the sheet (the filter's
    // defined name), which SheetJS does not do: the typographic one needs no quoting.
    .replace(/'/g, '’')
    .replace(/\s+/g, ' ')
    .trim();
  if (base === '' || base.toLowerCase() === 'history') base = fallback;
  const cut = (text: string, room: number) => {
    let out = text.slice(0, room);
    const last = out.charCodeAt(out.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) out = out.slice(0, -1);
    return out.trim();
  };
  let name = cut(base, MAX_SHEET_NAME);
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    name = `${cut(base, MAX_SHEET_NAME - suffix.length)}${suffix}`;
  }
  taken.add(name.toLowerCase());
  return name;
}

// ── Writing ────────────────────────────────────────────────────────────────

function totalRows(sheet: SheetSpec): number {
  return (sheet.header !== false ? 1 : 0) + sheet.rows.length + (sheet.spareRows ?? 0);
}

/** An empty cell SheetJS still writes: it skips value-less cells unless they carry a format. */
const stub = (): XLSX.CellObject => ({ t: 'z', z: 'General' });

function worksheet(sheet: SheetSpec): XLSX.WorkSheet {
  const hasHeader = sheet.header !== false;
  const data: XLSX.CellObject[][] = [];
  if (hasHeader) data.push(sheet.columns.map((c) => ({ t: 's', v: c.header })));
  const editable = sheet.columns.flatMap((c, i) => (c.role === 'editable' ? [i] : []));
  const styled = sheet.columns.flatMap((c, i) => (c.role === 'key' || c.role === 'editable' ? [i] : []));
  for (const row of sheet.rows) {
    // Dense rows: an empty cell is a hole (SheetJS skips undefined, not null).
    const out: XLSX.CellObject[] = [];
    row.forEach((cell, i) => {
      if (cell) out[i] = cell;
    });
    // Empty key and editable cells are written (as stubs) so that they carry their column's
    // style: grey and locked, or yellow and unlocked.
    for (const i of styled) out[i] ??= stub();
    data.push(out);
  }
  for (let i = 0; i < (sheet.spareRows ?? 0); i++) {
    const out: XLSX.CellObject[] = [];
    for (const c of editable) out[c] = stub();
    data.push(out);
  }
  const lastRow = Math.max(0, data.length - 1);
  const lastColumn = Math.max(0, sheet.columns.length - 1);
  const ws: XLSX.WorkSheet = {
    '!data': data,
    '!ref': XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: lastRow, c: lastColumn } }),
    '!cols': sheet.columns.map((c) => (c.hidden ? { wch: c.width, hidden: true } : { wch: c.width })),
  };
  if (hasHeader && sheet.columns.length > 0) {
    ws['!autofilter'] = {
      ref: XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: lastRow, c: lastColumn } }),
    };
  }
  if (sheet.protect) {
    // Without a password: the lock protects against slips, not against a determined user.
    // Formatting, resizing, sorting and filtering stay allowed.
    ws['!protect'] = {
      objects: true,
      scenarios: true,
      formatCells: false,
      formatColumns: false,
      formatRows: false,
      sort: false,
      autoFilter: false,
    };
  }
  return ws;
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function validationXml(v: ValidationSpec, firstRow: number, lastRow: number): string {
  const column = XLSX.utils.encode_col(v.column);
  const attributes: string[] = [];
  let formulas: string;
  switch (v.rule.type) {
    case 'list':
      attributes.push('type="list"');
      // An inline list: quoted, comma-separated (Excel caps it at 255 characters).
      formulas = `<formula1>${escapeXml(`"${v.rule.values.join(',')}"`)}</formula1>`;
      break;
    case 'whole':
      attributes.push('type="whole"', 'operator="between"');
      formulas = `<formula1>${v.rule.min}</formula1><formula2>${v.rule.max}</formula2>`;
      break;
    case 'date':
      attributes.push('type="date"', 'operator="between"');
      formulas = `<formula1>${excelDateSerial(v.rule.from)}</formula1><formula2>${excelDateSerial(v.rule.to)}</formula2>`;
      break;
  }
  attributes.push('allowBlank="1"', 'showInputMessage="1"', 'showErrorMessage="1"');
  if (v.errorTitle) attributes.push(`errorTitle="${escapeXml(v.errorTitle)}"`);
  if (v.error) attributes.push(`error="${escapeXml(v.error)}"`);
  if (v.promptTitle) attributes.push(`promptTitle="${escapeXml(v.promptTitle)}"`);
  if (v.prompt) attributes.push(`prompt="${escapeXml(v.prompt)}"`);
  attributes.push(`sqref="${column}${firstRow}:${column}${lastRow}"`);
  return `<dataValidation ${attributes.join(' ')}>${formulas}</dataValidation>`;
}

/**
 * Elements of CT_Worksheet that come after <dataValidations>, in schema order: the validations
 * go right before the first of them present in the sheet.
 */
const AFTER_VALIDATIONS = [
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

function insertValidations(xml: string, validations: string): string {
  const from = xml.indexOf('</sheetData>');
  const tail = xml.slice(from === -1 ? 0 : from);
  const pattern = new RegExp(`<(?:${AFTER_VALIDATIONS.join('|')})[\\s/>]|</worksheet>`);
  const match = pattern.exec(tail);
  if (!match) throw new Error('Feuille de calcul inattendue : fin de la feuille introuvable.');
  const at = (from === -1 ? 0 : from) + match.index;
  return `${xml.slice(0, at)}${validations}${xml.slice(at)}`;
}

/** Styles, frozen header, column styles and validations of one worksheet's XML. */
function decorateSheet(xml: string, sheet: SheetSpec): string {
  const bold = new Set(sheet.boldRows ?? []);
  const columnIndex = new Map<string, number>();
  sheet.columns.forEach((_c, i) => {
    columnIndex.set(XLSX.utils.encode_col(i), i);
  });
  // Every cell's style, from its column and row: SheetJS's style indexes point into its own
  // stylesheet, which is replaced. Attributes come as r, s, t: the optional s is dropped and
  // set again.
  let out = xml.replace(/<c r="([A-Z]+)(\d+)"(?: s="\d+")?/g, (_m, col: string, row: string) => {
    const style = cellStyle(sheet, bold, Number(row) - 1, columnIndex.get(col) ?? -1);
    return style === 0 ? `<c r="${col}${row}"` : `<c r="${col}${row}" s="${style}"`;
  });
  // Cells beyond the written rows follow their column's style: editable columns stay
  // unlocked all the way down.
  out = out.replace(/<col min="(\d+)" max="(\d+)"/g, (m, min: string) => {
    const spec = sheet.columns[Number(min) - 1];
    return spec?.role === 'editable' ? `${m} style="${dataStyle(spec.kind, 'editable')}"` : m;
  });
  if (sheet.header !== false) {
    out = out.replace(
      /<sheetView([^>]*?)\/>/,
      '<sheetView$1><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
        '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView>',
    );
  }
  const validations = sheet.validations ?? [];
  if (validations.length > 0) {
    const firstRow = sheet.header !== false ? 2 : 1;
    const lastRow = Math.max(firstRow, totalRows(sheet));
    const items = validations.map((v) => validationXml(v, firstRow, lastRow)).join('');
    out = insertValidations(out, `<dataValidations count="${validations.length}">${items}</dataValidations>`);
  }
  return out;
}

/** The .xlsx bytes of a workbook: cells by SheetJS, styles, validations and frozen panes added. */
export function writeWorkbook(spec: WorkbookSpec): Uint8Array {
  const wb = XLSX.utils.book_new();
  const taken = new Set<string>();
  for (const sheet of spec.sheets) {
    XLSX.utils.book_append_sheet(wb, worksheet(sheet), sheetName(sheet.name, taken));
  }
  wb.Props = { Title: spec.title, Author: 'Concerto', Company: 'Concerto' };
  if (spec.properties) wb.Custprops = spec.properties;
  // Stored uncompressed: fflate compresses the whole package once, after the edits. A Node
  // buffer, not an 'array': SheetJS would build the latter through a binary string, which
  // doubles the time of a 5,000-row matrix.
  const written = XLSX.write(wb, {
    type: 'buffer',
    bookType: 'xlsx',
    bookSST: true,
    sheetStubs: true,
    compression: false,
  }) as Uint8Array;

  const files = unzipSync(written);
  const out: Zippable = {};
  for (const [path, bytes] of Object.entries(files)) out[path] = bytes;
  out['xl/styles.xml'] = strToU8(stylesXml());
  spec.sheets.forEach((sheet, i) => {
    const path = `xl/worksheets/sheet${i + 1}.xml`;
    const bytes = files[path];
    if (!bytes) throw new Error(`Feuille de calcul inattendue : ${path} manquant.`);
    out[path] = strToU8(decorateSheet(strFromU8(bytes), sheet));
  });
  return zipSync(out, { level: 6 });
}
