import type { SheetData, SpreadsheetData } from './types';

// How the parsed sheets cross from the worker to the backend's thread. Posted as they are, the
// 900,000 cell texts of a 50,000-row 3W file would be serialised one by one (structured clone
// keeps no string shared) into a ~40 MB message and rebuilt as as many separate strings. A
// partner file repeats itself (sectors, places, organisations, statuses), so each distinct text
// is sent once and the cells become numbers in typed arrays, handed over without a copy.

/**
 * Distinct texts remembered for sharing. Past this, new texts are sent as they come (a file of
 * mostly unique texts would otherwise cost a map entry per cell in the worker's bounded heap).
 */
const MAX_SHARED_TEXTS = 200_000;

export interface PackedSheet {
  name: string;
  hidden: boolean;
  /** Cells in each row, row after row. */
  rowLengths: Uint32Array;
  /** Index in `texts` of each cell, row after row. */
  cells: Uint32Array;
}

export interface PackedSpreadsheet extends Omit<SpreadsheetData, 'sheets'> {
  /** Each distinct cell text once; index 0 is ''. */
  texts: string[];
  sheets: PackedSheet[];
}

export function packSpreadsheet(data: SpreadsheetData): {
  packed: PackedSpreadsheet;
  transfer: ArrayBuffer[];
} {
  const texts: string[] = [''];
  const indexOf = new Map<string, number>([['', 0]]);
  const transfer: ArrayBuffer[] = [];
  const sheets = data.sheets.map((sheet): PackedSheet => {
    let count = 0;
    for (const row of sheet.rows) count += row.length;
    const rowLengths = new Uint32Array(sheet.rows.length);
    const cells = new Uint32Array(count);
    let at = 0;
    for (const [r, row] of sheet.rows.entries()) {
      rowLengths[r] = row.length;
      for (const text of row) {
        let index = indexOf.get(text);
        if (index === undefined) {
          index = texts.length;
          texts.push(text);
          if (index < MAX_SHARED_TEXTS) indexOf.set(text, index);
        }
        cells[at++] = index;
      }
    }
    transfer.push(rowLengths.buffer, cells.buffer);
    return { name: sheet.name, hidden: sheet.hidden, rowLengths, cells };
  });
  const { format, encoding, separator } = data;
  return { packed: { format, encoding, separator, texts, sheets }, transfer };
}

export function unpackSpreadsheet(packed: PackedSpreadsheet): SpreadsheetData {
  const { texts } = packed;
  const sheets = packed.sheets.map((sheet): SheetData => {
    const rows: string[][] = new Array(sheet.rowLengths.length);
    let at = 0;
    for (let r = 0; r < sheet.rowLengths.length; r++) {
      const length = sheet.rowLengths[r] ?? 0;
      const row: string[] = new Array(length);
      for (let c = 0; c < length; c++) row[c] = texts[sheet.cells[at++] ?? 0] ?? '';
      rows[r] = row;
    }
    return { name: sheet.name, hidden: sheet.hidden, rows };
  });
  const { format, encoding, separator } = packed;
  return { format, encoding, separator, sheets };
}
