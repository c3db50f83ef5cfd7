import { decodeText, detectSeparator, parseCsv, withoutEofMarks } from './text';
import type { SpreadsheetData, SpreadsheetLimits } from './types';
import { DEFAULT_SPREADSHEET_LIMITS, formatMessages, SpreadsheetFormatError } from './types';
import { readXlsxStreaming } from './xlsxStream';
import { checkZip, zipEntries } from './zip';

// The pure reader: bytes in, cell texts out, or a SpreadsheetFormatError with a French sentence.
// It trusts nothing in the file: the format is recognised from the bytes (a .csv that is really
// an .xlsx is read as one, a .xlsx that is a photo is refused), every sheet is bounded in rows
// and columns. It runs in a worker (worker.ts) so a pathological file cannot freeze the backend.
// xlsx files are streamed (xlsxStream.ts); SheetJS (sheetjs.ts) reads the other workbooks.

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Formats that decode as text often enough to need naming: PDF, RTF. */
const TEXT_LOOKALIKES = ['%PDF', '{\\rtf'];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

export async function parseSpreadsheet(
  bytes: Uint8Array,
  fileName: string,
  partialLimits: Partial<SpreadsheetLimits> = DEFAULT_SPREADSHEET_LIMITS,
): Promise<SpreadsheetData> {
  // Callers written before a limit existed still get its default.
  const limits: SpreadsheetLimits = { ...DEFAULT_SPREADSHEET_LIMITS, ...partialLimits };
  if (bytes.length === 0) throw new SpreadsheetFormatError(formatMessages.empty(fileName));
  if (bytes.length > limits.maxBytes) {
    throw new SpreadsheetFormatError(formatMessages.tooBig(fileName, limits.maxBytes));
  }
  const zip = startsWith(bytes, ZIP) || startsWith(bytes, EMPTY_ZIP);
  if (zip || startsWith(bytes, CFB)) {
    if (startsWith(bytes, ZIP)) {
      // The zip directory first: a bomb is refused before a byte is inflated.
      const entries = zipEntries(bytes, fileName);
      // An xlsx is streamed (xlsxStream.ts); what it leaves (ods, xlsb, the unusual) goes to
      // SheetJS after every entry has been inflated once, bounded, to catch lying sizes.
      const streamed = readXlsxStreaming(bytes, entries, fileName, limits);
      if (streamed) return streamed;
      checkZip(bytes, fileName, limits, entries);
    }
    const { readWithSheetJs } = await import('./sheetjs');
    return readWithSheetJs(bytes, fileName, limits);
  }

  const decoded = decodeText(bytes);
  if (!decoded) throw new SpreadsheetFormatError(formatMessages.notSpreadsheet(fileName));
  const text = withoutEofMarks(decoded.text.replace(/^\uFEFF/, ''));
  if (text.trim() === '') throw new SpreadsheetFormatError(formatMessages.empty(fileName));
  const head = text.trimStart();
  if (TEXT_LOOKALIKES.some((magic) => head.startsWith(magic))) {
    throw new SpreadsheetFormatError(formatMessages.notSpreadsheet(fileName));
  }
  if (head.startsWith('<')) {
    // HTML tables saved as ".xls" by web applications, SpreadsheetML 2003, flat ODS.
    const { readMarkupWithSheetJs } = await import('./sheetjs');
    return readMarkupWithSheetJs(text, fileName, limits);
  }

  const { separator, skipFirstLine } = detectSeparator(text);
  const body = skipFirstLine ? text.slice(text.indexOf('\n') + 1) : text;
  const sheet = sheetNameOfCsv(fileName);
  const rows = parseCsv(body, separator, fileName, limits, sheet);
  return {
    format: 'csv',
    encoding: decoded.encoding,
    separator,
    sheets: [{ name: sheet, hidden: false, rows }],
  };
}

/** Excel names the only sheet of a CSV after the file. */
function sheetNameOfCsv(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  return base.slice(0, 31) || 'CSV';
}
