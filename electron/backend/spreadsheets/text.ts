import type { SpreadsheetLimits, TextEncodingName } from './types';
import { formatMessages, SpreadsheetFormatError } from './types';

// Text files (CSV, TSV) as secretariats produce them: Excel's "CSV (séparateur : point-virgule)"
// in Windows-1252, LibreOffice's UTF-8, Excel's "Texte Unicode" in UTF-16 with tabs…

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/**
 * Decodes the bytes of a text file, or returns null when they are not text (an image, a
 * program, random bytes). UTF-8 and UTF-16 are recognised by their byte order mark; UTF-16
 * without one by its zero bytes; valid UTF-8 is UTF-8; anything else is read as Windows-1252,
 * the encoding of Excel's CSV on French Windows.
 */
export function decodeText(bytes: Uint8Array): DecodedText | null {
  const b0 = bytes[0];
  const b1 = bytes[1];
  let decoded: DecodedText;
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) {
    decoded = { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  } else if (b0 === 0xff && b1 === 0xfe) {
    decoded = { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  } else if (b0 === 0xfe && b1 === 0xff) {
    decoded = { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  } else {
    const utf16 = guessUtf16(bytes);
    if (utf16) {
      decoded = { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 };
    } else {
      if (bytes.includes(0)) return null;
      try {
        decoded = { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
      } catch {
        decoded = { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
      }
    }
  }
  return looksLikeText(decoded.text) ? decoded : null;
}

/** UTF-16 without a byte order mark: ASCII letters leave a zero byte every other byte. */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = Math.min(bytes.length, 4096) & ~1;
  if (sample < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = sample / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

/**
 * Text has (almost) no control characters; binary data decoded as Windows-1252 or UTF-16 is full
 * of them (about one byte in nine for random bytes). The end-of-file mark old DOS programs left
 * (Ctrl-Z) is forgiven.
 */
function looksLikeText(text: string): boolean {
  const body = withoutEofMarks(text);
  const sample = body.length > 65_536 ? body.slice(0, 65_536) : body;
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    const control =
      (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) ||
      (c >= 0x7f && c <= 0x9f) ||
      c === 0xfffd ||
      (c >= 0xd800 && c <= 0xdfff && !isPairedSurrogate(sample, i));
    if (control) controls++;
  }
  return controls <= Math.floor(sample.length / 1000);
}

/** Drops the Ctrl-Z (0x1A) end-of-file marks old DOS programs wrote after the text. */
export function withoutEofMarks(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x1a) end--;
  return end === text.length ? text : text.slice(0, end);
}

function isPairedSurrogate(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c <= 0xdbff) {
    const next = s.charCodeAt(i + 1);
    return next >= 0xdc00 && next <= 0xdfff;
  }
  const previous = s.charCodeAt(i - 1);
  return previous >= 0xd800 && previous <= 0xdbff;
}

export const SEPARATORS = [';', ',', '\t'] as const;
export type Separator = (typeof SEPARATORS)[number];

/**
 * The field separator: the candidate that splits the most of the first lines into the same
 * number of fields (outside quotes). Consistency rather than frequency, so that the decimal
 * commas of a ';' file ("12,5") do not make it look comma-separated. Excel's "sep=;" first line
 * wins when present. Null when no candidate occurs (a one-column file).
 */
export function detectSeparator(text: string): { separator: Separator | null; skipFirstLine: boolean } {
  const declared = /^sep=(.)\r?\n/i.exec(text.slice(0, 10));
  if (declared) {
    const known = SEPARATORS.find((s) => s === declared[1]);
    if (known) return { separator: known, skipFirstLine: true };
  }
  const lines = firstLines(text, 30);
  let best: { separator: Separator; lines: number; fields: number } | null = null;
  for (const separator of SEPARATORS) {
    const counts = lines.map((line) => countOutsideQuotes(line, separator));
    const frequency = new Map<number, number>();
    for (const count of counts) if (count > 0) frequency.set(count, (frequency.get(count) ?? 0) + 1);
    for (const [fields, occurrences] of frequency) {
      const better =
        !best || occurrences > best.lines || (occurrences === best.lines && fields > best.fields);
      if (better) best = { separator, lines: occurrences, fields };
    }
  }
  return { separator: best?.separator ?? null, skipFirstLine: false };
}

/** The first non-blank physical lines (a quoted field spanning lines is rare in headers). */
function firstLines(text: string, count: number): string[] {
  const lines: string[] = [];
  let start = 0;
  while (lines.length < count && start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end).replace(/\r$/, '');
    if (line.trim() !== '') lines.push(line);
    start = end + 1;
  }
  return lines;
}

function countOutsideQuotes(line: string, separator: string): number {
  let quoted = false;
  let count = 0;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (char === separator && !quoted) count++;
  }
  return count;
}

/**
 * RFC 4180 with the tolerance real files need: quotes only special at the start of a field,
 * "" inside quotes, line breaks inside quotes, CRLF, LF or CR line ends. Rows beyond the limit
 * or a field beyond the column limit (with content) are refused rather than silently dropped.
 */
export function parseCsv(
  text: string,
  separator: string | null,
  file: string,
  limits: Pick<SpreadsheetLimits, 'maxRows' | 'maxColumns'> &
    Partial<Pick<SpreadsheetLimits, 'maxCellLength'>>,
  sheet = 'CSV',
): string[][] {
  // A field past the cell limit is cut there; the characters beyond are skipped, not collected.
  const maxCell = limits.maxCellLength ?? Number.POSITIVE_INFINITY;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStart = true;
  let i = 0;
  const pushField = () => {
    if (row.length >= limits.maxColumns && field.trim() !== '') {
      throw new SpreadsheetFormatError(formatMessages.tooManyColumns(file, sheet, limits.maxColumns));
    }
    row.push(field);
    field = '';
    fieldStart = true;
  };
  const pushRow = () => {
    pushField();
    const cells = trimCells(row);
    row = [];
    if (rows.length >= limits.maxRows) {
      // Blank lines past the limit cost nothing; a line with content is refused.
      if (cells.length === 0) return;
      throw new SpreadsheetFormatError(formatMessages.tooManyRows(file, sheet, limits.maxRows));
    }
    rows.push(cells);
  };
  while (i < text.length) {
    const char = text[i] as string;
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          if (field.length < maxCell) field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else if (field.length < maxCell) {
        field += char;
      }
      i++;
      continue;
    }
    if (char === '"' && fieldStart) {
      quoted = true;
      fieldStart = false;
    } else if (separator !== null && char === separator) {
      pushField();
    } else if (char === '\r' || char === '\n') {
      pushRow();
      if (char === '\r' && text[i + 1] === '\n') i++;
    } else {
      if (field.length < maxCell) field += char;
      fieldStart = false;
    }
    i++;
  }
  if (field !== '' || row.length > 0) pushRow();
  while (rows.length > 0 && (rows.at(-1) as string[]).length === 0) rows.pop();
  return rows;
}

/** Trims each cell and drops the empty cells at the end of the row. */
export function trimCells(cells: string[]): string[] {
  const trimmed = cells.map((c) => c.trim());
  let end = trimmed.length;
  while (end > 0 && trimmed[end - 1] === '') end--;
  return end === trimmed.length ? trimmed : trimmed.slice(0, end);
}

/** Texts past the cell limit are cut there (Excel stops at 32,767 characters; only forged files go beyond). */
export function clip(text: string, maxLength: number): string {
  return text.length > maxLength ? text.slice(0, maxLength) : text;
}
