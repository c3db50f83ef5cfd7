import type { CellObject } from 'xlsx';
import { isIsoDate } from '../../../../../shared/domain/dates';

// Typed cells for the spreadsheets Concerto writes. Every exported cell is text, a number or a
// date — never a formula. Text typed by people (a recommendation, a comment pasted from an
// email) may start like a formula: a spreadsheet program that re-reads it as one (after a CSV
// round trip, or when someone edits the cell) would run it, so such values are neutralised.

/** A cell to write, or null for an empty one. */
export type Cell = CellObject | null;

/** Excel refuses a cell holding more characters than this (UTF-16 code units). */
export const EXCEL_MAX_CELL_TEXT = 32_767;

/** Ends a text cut to fit a cell: the reader sees that something was left out. */
export const TRUNCATION_MARK = '…';

/** Excel, LibreOffice and Google Sheets read a value starting with one of these as a formula. */
const FORMULA_STARTS = new Set(['=', '+', '-', '@', '\t', '\r']);

/** How dates appear in every sheet, the way French administrations write them. */
export const DATE_FORMAT = 'dd/mm/yyyy';

/** Whole numbers (progress in %, counts). */
export const INTEGER_FORMAT = '0';

/**
 * The value with a leading apostrophe when it starts with = + - @, a tab or a carriage return,
 * so that no spreadsheet program ever evaluates it: `=HYPERLINK(…)` is written `'=HYPERLINK(…)`.
 * Anything else is returned unchanged.
 */
export function neutralise(value: string): string {
  return FORMULA_STARTS.has(value.charAt(0)) ? `'${value}` : value;
}

// A high surrogate not followed by a low one, or a low one not preceded by a high one: they
// cannot be encoded in UTF-8 and would corrupt the sheet's XML.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// Excel reads "_x0041_" in a cell's XML as the character U+0041; text that happens to contain
// such a sequence is escaped the way Excel itself does ("_x005F_" is the underscore), so it
// comes back as typed.
const EXCEL_ESCAPE = /_(x[0-9a-fA-F]{4}_)/g;

/**
 * Text that fits one cell: lone surrogates replaced, and text longer than Excel's limit cut,
 * ending with "…", rather than written into a cell Excel would refuse to open.
 */
export function fitCellText(value: string): string {
  const clean = value.replace(LONE_SURROGATE, '\ufffd');
  if (clean.length <= EXCEL_MAX_CELL_TEXT) return clean;
  let cut = EXCEL_MAX_CELL_TEXT - TRUNCATION_MARK.length;
  // Never split an emoji (a surrogate pair) in two.
  const last = clean.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut -= 1;
  return `${clean.slice(0, cut)}${TRUNCATION_MARK}`;
}

/** The text as written into the workbook's XML: Excel's own escape sequences kept literal. */
function escapeForExcel(value: string): string {
  return value.replace(EXCEL_ESCAPE, '_x005F_$1');
}

/**
 * A text cell, neutralised and cut to fit; null (no cell) for null, undefined or an empty string.
 * The length limit is checked after neutralising, so the apostrophe never pushes a cell over it.
 */
export function textCell(value: string | null | undefined): CellObject | null {
  if (value === null || value === undefined || value === '') return null;
  return { t: 's', v: escapeForExcel(fitCellText(neutralise(value))) };
}

/** A number cell; null for a missing or non-finite number (never a #NUM! error cell). */
export function numberCell(value: number | null | undefined, format?: string): CellObject | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return format ? { t: 'n', v: value, z: format } : { t: 'n', v: value };
}

/** A whole-number cell shown without decimals (a progress of 40 %, a count). */
export function integerCell(value: number | null | undefined): CellObject | null {
  return numberCell(value === null || value === undefined ? value : Math.round(value), INTEGER_FORMAT);
}

const DAY_MS = 86_400_000;
/** Excel's day 0 in the 1900 date system, as its calendar counts (1900 wrongly being a leap year). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * The Excel serial number of a calendar day (2025-03-14 → 45730): computed in UTC from the
 * digits, so neither the machine's time zone nor daylight saving can move a date by one day.
 */
export function excelDateSerial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round((Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) - EXCEL_EPOCH_MS) / DAY_MS);
}

/**
 * A real date (a number with a date format, which every spreadsheet program sorts and filters
 * as a date and shows as dd/mm/yyyy). A value that is not a YYYY-MM-DD date is kept as text
 * rather than lost; null for nothing.
 */
export function dateCell(iso: string | null | undefined): CellObject | null {
  if (iso === null || iso === undefined || iso === '') return null;
  if (!isIsoDate(iso)) return textCell(iso);
  return { t: 'n', v: excelDateSerial(iso), z: DATE_FORMAT };
}

/** "Oui" / "Non" as text: a boolean cell would read TRUE/FALSE (VRAI/FAUX) depending on the locale. */
export function yesNoCell(value: boolean): CellObject {
  return { t: 's', v: value ? 'Oui' : 'Non' };
}
