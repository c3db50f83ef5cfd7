import * as XLSX from 'xlsx';
import { clip, trimCells } from './text';
import type { SheetData, SpreadsheetData, SpreadsheetFormat, SpreadsheetLimits } from './types';
import { formatMessages, SpreadsheetFormatError } from './types';

// SheetJS 0.20.3, the reference reader: xls, ods, the HTML and XML files saved as .xls, and
// the xlsx files the streaming reader (xlsxStream.ts) leaves to it. Loaded on demand by
// parse.ts: most readings of an xlsx never need it, and it is large.

let codepages: Promise<void> | null = null;

/**
 * Old .xls files (Excel 95) store text in the Windows code page: without SheetJS's tables
 * "Sévaré" would come out mangled. Loaded for .xls only: they take longer to load than SheetJS.
 */
function loadCodepages(): Promise<void> {
  codepages ??= import('xlsx/dist/cpexcel.full.mjs').then((cptable) => XLSX.set_cptable(cptable));
  return codepages;
}

/**
 * A workbook in a zip (xlsx, ods) or a compound file (xls, encrypted xlsx), read by SheetJS.
 * The caller has checked the zip directory and sizes (zip.ts) first.
 */
export async function readWithSheetJs(
  bytes: Uint8Array,
  fileName: string,
  limits: SpreadsheetLimits,
): Promise<SpreadsheetData> {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (!zip) await loadCodepages();
  const workbook = readWorkbook(bytes, { type: 'array' }, fileName, limits);
  const format: SpreadsheetFormat = zip ? (workbook.bookType === 'ods' ? 'ods' : 'xlsx') : 'xls';
  return { format, encoding: null, separator: null, sheets: sheetsOf(workbook, fileName, limits) };
}

/** HTML tables saved as ".xls" by web applications, SpreadsheetML 2003, flat ODS. */
export function readMarkupWithSheetJs(
  text: string,
  fileName: string,
  limits: SpreadsheetLimits,
): SpreadsheetData {
  const workbook = readWorkbook(text, { type: 'string' }, fileName, limits);
  const format: SpreadsheetFormat = workbook.bookType === 'fods' ? 'ods' : 'other';
  return { format, encoding: null, separator: null, sheets: sheetsOf(workbook, fileName, limits) };
}

function readWorkbook(
  data: Uint8Array | string,
  options: { type: 'array' | 'string' },
  fileName: string,
  limits: SpreadsheetLimits,
): XLSX.WorkBook {
  let workbook: XLSX.WorkBook;
  try {
    workbook = XLSX.read(data, {
      ...options,
      dense: true,
      // One row past the limit tells us whether the sheet goes beyond it.
      sheetRows: limits.maxRows + 1,
      cellFormula: false,
      cellHTML: false,
      cellText: false,
      cellNF: true,
      cellStyles: false,
      bookVBA: false,
      bookDeps: false,
      bookFiles: false,
      WTF: false,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/password|encrypt/i.test(message)) {
      throw new SpreadsheetFormatError(formatMessages.password(fileName));
    }
    throw new SpreadsheetFormatError(formatMessages.notSpreadsheet(fileName));
  }
  if (workbook.SheetNames.length === 0) {
    throw new SpreadsheetFormatError(formatMessages.notSpreadsheet(fileName));
  }
  if (workbook.SheetNames.length > limits.maxSheets) {
    throw new SpreadsheetFormatError(formatMessages.tooManySheets(fileName, limits.maxSheets));
  }
  return workbook;
}

function sheetsOf(workbook: XLSX.WorkBook, fileName: string, limits: SpreadsheetLimits): SheetData[] {
  const date1904 = Boolean(workbook.Workbook?.WBProps?.date1904);
  const sheets: SheetData[] = [];
  for (const [index, name] of workbook.SheetNames.entries()) {
    const sheet = workbook.Sheets[name];
    if (!sheet) continue;
    const hidden = Number(workbook.Workbook?.Sheets?.[index]?.Hidden ?? 0) > 0;
    sheets.push({ name, hidden, rows: rowsOf(sheet, name, fileName, limits, date1904) });
  }
  if (sheets.every((s) => s.rows.length === 0)) {
    throw new SpreadsheetFormatError(formatMessages.empty(fileName));
  }
  return sheets;
}

function rowsOf(
  sheet: XLSX.WorkSheet,
  sheetName: string,
  fileName: string,
  limits: SpreadsheetLimits,
  date1904: boolean,
): string[][] {
  const data = (sheet as { '!data'?: (XLSX.CellObject | undefined)[][] })['!data'] ?? [];
  const rows: string[][] = [];
  // sheetRows bounds the rows SheetJS keeps; the declared range (even A1:XFD1048576) is
  // never allocated: only the cells present in the file are visited.
  const rowCount = Math.min(data.length, limits.maxRows + 1);
  for (let r = 0; r < rowCount; r++) {
    const cells = data[r];
    const texts: string[] = [];
    if (cells) {
      const within = Math.min(cells.length, limits.maxColumns);
      for (let c = 0; c < within; c++) {
        const cell = cells[c];
        texts[c] = cell ? clip(cellText(cell, date1904), limits.maxCellLength) : '';
      }
      if (cells.length > limits.maxColumns) {
        // Beyond the limit only the cells that exist are looked at (a sparse row reaching XFD
        // has a length of 16,384 but one or two cells), and refused if they say something.
        for (const key of Object.keys(cells)) {
          const c = Number(key);
          if (!(c >= limits.maxColumns)) continue;
          const cell = cells[c];
          if (cell && cellText(cell, date1904).trim() !== '') {
            throw new SpreadsheetFormatError(
              formatMessages.tooManyColumns(fileName, sheetName, limits.maxColumns),
            );
          }
        }
      }
    }
    const row = trimCells(Array.from(texts, (t) => t ?? ''));
    if (r >= limits.maxRows) {
      if (row.length > 0) {
        throw new SpreadsheetFormatError(formatMessages.tooManyRows(fileName, sheetName, limits.maxRows));
      }
      continue;
    }
    rows.push(row);
  }
  while (rows.length > 0 && (rows.at(-1) as string[]).length === 0) rows.pop();
  return rows;
}

/** Excel's number formats are at most 255 characters: a longer one is forged, not a date. */
const MAX_FORMAT_LENGTH = 255;

/**
 * What the cell says, independent of the file's number formats (which follow the author's
 * locale): plain numbers, ISO dates and times, TRUE/FALSE, nothing for an error (#N/A).
 */
export function cellText(cell: XLSX.CellObject, date1904 = false): string {
  const value = cell.v;
  switch (cell.t) {
    case 's':
      return typeof value === 'string' ? value : String(value ?? '');
    case 'n': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return '';
      const format = typeof cell.z === 'string' && cell.z.length <= MAX_FORMAT_LENGTH ? cell.z : null;
      if (format && XLSX.SSF.is_date(format)) return serialDate(value, date1904) ?? String(value);
      return String(value);
    }
    case 'd':
      return value instanceof Date ? isoOfDate(value) : String(value ?? '');
    case 'b':
      return value ? 'TRUE' : 'FALSE';
    case 'e':
    case 'z':
      return '';
    default:
      return value === undefined || value === null ? '' : String(value);
  }
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** An Excel serial date as "2024-03-12", "2024-03-12 09:30" or, for a bare time, "09:30". */
function serialDate(serial: number, date1904: boolean): string | null {
  const parts = XLSX.SSF.parse_date_code(serial, { date1904 });
  if (!parts) return null;
  const time = parts.H !== 0 || parts.M !== 0 ? `${pad(parts.H)}:${pad(parts.M)}` : '';
  if (serial >= 0 && serial < 1) return time || '00:00';
  const date = `${pad(parts.y, 4)}-${pad(parts.m)}-${pad(parts.d)}`;
  return time ? `${date} ${time}` : date;
}

/** Dates some readers give as Date objects: midnight UTC means a date without a time zone. */
function isoOfDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const utcMidnight = date.getUTCHours() === 0 && date.getUTCMinutes() === 0;
  if (utcMidnight) return date.toISOString().slice(0, 10);
  const day = `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  const time =
    date.getHours() !== 0 || date.getMinutes() !== 0
      ? ` ${pad(date.getHours())}:${pad(date.getMinutes())}`
      : '';
  return day + time;
}
