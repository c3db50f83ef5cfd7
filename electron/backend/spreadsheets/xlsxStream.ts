import { builtInFormat, isDateFormat, isImplicitDateId, isoDateSerial, serialDateText } from './dates';
import { clip } from './text';
import type { SheetData, SpreadsheetData, SpreadsheetLimits } from './types';
import { formatMessages, SpreadsheetFormatError } from './types';
import {
  AttributeReader,
  attributes,
  decodeEntities,
  decodeExcelEscapes,
  decodeXml,
  type XmlHandler,
  XmlScanner,
  XmlUnsupported,
} from './xml';
import { checkDeclaredSizes, InflateBudget, inflateEntry, type ZipEntry, ZipEntryUnreadable } from './zip';

// The xlsx reader for big files. SheetJS builds the whole workbook at once (every part as one
// string, every cell as an object): a 50,000-row partner matrix cost ~400 MB that way. Here each
// part is inflated in slices and scanned as it comes (xml.ts); only the parts a sheet's texts
// need are read (workbook, its relationships, shared strings, number formats, the sheets), and
// only the cell texts are kept. The result is the one SheetJS gives through parse.ts (same
// texts, limits and French messages); the equivalence tests hold the two side by side.
//
// Anything unusual (a binary .xlsb workbook, a chart sheet, relationships that do not resolve,
// markup this scanner does not read, damaged deflate data) returns null: the caller then reads
// the file with SheetJS, the reference, exactly as before.

const CONTENT_TYPES_NAMESPACE = 'http://schemas.openxmlformats.org/package/2006/content-types';
const WORKBOOK_TYPES = new Set([
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  'application/vnd.ms-excel.sheet.binary.macroEnabled.main',
  'application/vnd.ms-excel.addin.macroEnabled.main+xml',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml',
]);
const SHARED_STRINGS_TYPES = new Set([
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
  'application/vnd.ms-excel.sharedStrings',
]);
const STYLES_TYPES = new Set([
  'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  'application/vnd.ms-excel.styles',
]);
const SPREADSHEET_NAMESPACES = new Set([
  'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  'http://purl.oclc.org/ooxml/spreadsheetml/main',
  'http://schemas.microsoft.com/office/excel/2006/main',
  'http://schemas.microsoft.com/office/excel/2006/2',
]);
const WORKSHEET_RELATIONSHIPS = new Set([
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  'http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet',
]);
/** Entries that make a zip another kind of document (OpenDocument, Numbers). */
const OTHER_PACKAGES = ['META-INF/manifest.xml', 'objectdata.xml', 'Index/Document.iwa'];

/** Excel's number formats are at most 255 characters: a longer one is forged, not a date. */
const MAX_FORMAT_LENGTH = 255;

/** xsd:boolean as SheetJS reads it: "1" and "true" are true, anything else false. */
const isTrue = (value: string | null | undefined) => value === '1' || value === 'true';

/** The archive's entries by name, as SheetJS finds them (exact name, else ignoring case). */
class Parts {
  private readonly exact = new Map<string, ZipEntry>();
  private readonly folded = new Map<string, ZipEntry>();

  constructor(entries: ZipEntry[]) {
    for (const entry of entries) {
      this.exact.set(entry.name, entry);
      const folded = entry.name.toLowerCase();
      if (!this.folded.has(folded)) this.folded.set(folded, entry);
    }
  }

  get(name: string): ZipEntry | undefined {
    return this.exact.get(name) ?? this.folded.get(name.toLowerCase());
  }
}

const withoutLeadingSlash = (path: string) => (path.startsWith('/') ? path.slice(1) : path);

/** Inflates one part in slices and feeds its text to the scanner: the part is never whole. */
function scanPart(bytes: Uint8Array, entry: ZipEntry, budget: InflateBudget, handler: XmlHandler): void {
  const scanner = new XmlScanner(handler);
  const decoder = new TextDecoder('utf-8');
  let first = true;
  inflateEntry(bytes, entry, budget, (piece) => {
    if (first) {
      first = false;
      const utf16 = (piece[0] === 0xff && piece[1] === 0xfe) || (piece[0] === 0xfe && piece[1] === 0xff);
      if (utf16) throw new XmlUnsupported('UTF-16 part');
    }
    scanner.push(decoder.decode(piece, { stream: true }));
  });
  const tail = decoder.decode();
  if (tail.length > 0) scanner.push(tail);
  scanner.end();
}

// ── Text of cells and shared strings ───────────────────────────────────────

/**
 * Collects the text of one element, decoding entities piece by piece. It stops growing past
 * `cap` characters (enough for a cell cut at the limit even if every character was written
 * as "_xHHHH_"), so a forged 100 MB cell costs nothing.
 */
class TextCollector {
  private text = '';
  private readonly cap: number;

  constructor(cap: number) {
    this.cap = cap;
  }

  reset(): void {
    this.text = '';
  }

  get empty(): boolean {
    return this.text.length === 0;
  }

  add(piece: string, literal: boolean): void {
    if (this.text.length >= this.cap) return;
    this.text += literal ? piece : decodeEntities(piece);
  }

  /** The text with Excel's _xHHHH_ escapes; cell texts (`lineBreaks`) also turn CRLF into LF. */
  finish(lineBreaks: boolean): string {
    const text = decodeExcelEscapes(this.text);
    return lineBreaks && text.includes('\r\n') ? text.replace(/\r\n/g, '\n') : text;
  }
}

/**
 * The text of a shared string (<si>) or an inline string (<is>), as SheetJS reads it: a plain
 * <t> gives its text; rich text runs (<r><t>) are joined, phonetic runs (<rPh>) left out.
 */
class RichText {
  wantsText = false;
  private first: string | null = null;
  private firstDone = false;
  private runs = false;
  private phonetic = 0;
  private readonly collector: TextCollector;

  constructor(cap: number) {
    this.collector = new TextCollector(cap);
  }

  start(): void {
    this.first = null;
    this.firstDone = false;
    this.runs = false;
    this.phonetic = 0;
    this.wantsText = false;
    this.collector.reset();
  }

  open(name: string): void {
    if (this.first === null) this.first = name;
    if (name === 'r') this.runs = true;
    else if (name === 'rPh') this.phonetic++;
    else if (name === 't' && this.phonetic === 0 && !(this.first === 't' && this.firstDone)) {
      this.wantsText = true;
    }
  }

  close(name: string): void {
    if (name === 't') {
      this.wantsText = false;
      if (this.first === 't') this.firstDone = true;
    } else if (name === 'rPh' && this.phonetic > 0) {
      this.phonetic--;
    }
  }

  text(piece: string, literal: boolean): void {
    if (this.wantsText) this.collector.add(piece, literal);
  }

  result(): string {
    if (this.first !== 't' && !this.runs) return '';
    return this.collector.finish(true);
  }
}

/** The cap of collected text for a cell limit: seven characters per "_xHHHH_" escape. */
const collectCap = (limits: SpreadsheetLimits) => limits.maxCellLength * 7 + 7;

// ── Package parts ──────────────────────────────────────────────────────────

interface ContentTypes {
  workbook: string | null;
  sharedStrings: string | null;
  styles: string | null;
}

function readContentTypes(bytes: Uint8Array, entry: ZipEntry, budget: InflateBudget): ContentTypes {
  const found: ContentTypes = { workbook: null, sharedStrings: null, styles: null };
  let namespace: string | undefined;
  scanPart(bytes, entry, budget, {
    wantsText: false,
    open(name, source, start, end) {
      if (name === 'Types') {
        namespace = attributes(source, start, end).xmlns;
      } else if (name === 'Override') {
        const { PartName: part, ContentType: type } = attributes(source, start, end);
        if (part === undefined || type === undefined) return;
        if (WORKBOOK_TYPES.has(type)) found.workbook ??= part;
        else if (SHARED_STRINGS_TYPES.has(type)) found.sharedStrings ??= part;
        else if (STYLES_TYPES.has(type)) found.styles ??= part;
      }
    },
    close() {},
    text() {},
  });
  if (namespace !== CONTENT_TYPES_NAMESPACE) throw new XmlUnsupported('unknown content types namespace');
  return found;
}

interface WorkbookSheet {
  name: string;
  hidden: boolean;
  relationship: string | undefined;
}

function readWorkbookPart(
  bytes: Uint8Array,
  entry: ZipEntry,
  budget: InflateBudget,
): { sheets: WorkbookSheet[]; date1904: boolean } {
  const sheets: WorkbookSheet[] = [];
  let date1904 = false;
  let known = false;
  scanPart(bytes, entry, budget, {
    wantsText: false,
    open(name, source, start, end) {
      if (name === 'workbook') {
        const all = attributes(source, start, end);
        known = Object.keys(all).some(
          (key) => key.startsWith('xmlns') && SPREADSHEET_NAMESPACES.has(all[key] ?? ''),
        );
      } else if (name === 'workbookPr') {
        const value = attributes(source, start, end).date1904;
        if (value !== undefined) date1904 = isTrue(value);
      } else if (name === 'sheet') {
        const all = attributes(source, start, end);
        sheets.push({
          name: decodeXml(all.name ?? ''),
          hidden: all.state === 'hidden' || all.state === 'veryHidden',
          relationship: all.id,
        });
      }
    },
    close() {},
    text() {},
  });
  if (!known) throw new XmlUnsupported('unknown workbook namespace');
  return { sheets, date1904 };
}

interface Relationship {
  type: string;
  target: string;
}

function readRelationships(
  bytes: Uint8Array,
  entry: ZipEntry,
  budget: InflateBudget,
): Map<string, Relationship> {
  const relationships = new Map<string, Relationship>();
  scanPart(bytes, entry, budget, {
    wantsText: false,
    open(name, source, start, end) {
      if (name !== 'Relationship') return;
      const { Id: id, Type: type, Target: target } = attributes(source, start, end);
      if (id !== undefined) relationships.set(id, { type: type ?? '', target: decodeXml(target ?? '') });
    },
    close() {},
    text() {},
  });
  return relationships;
}

/**
 * Which cell styles show a date: cellXfs[s] → numFmtId → the file's own format code, else the
 * built-in one. `true` at index s (indexed by the raw attribute, as SheetJS does: "01" is none).
 */
function readDateStyles(bytes: Uint8Array, entry: ZipEntry, budget: InflateBudget): boolean[] {
  const custom = new Map<number, string>();
  const formatIds: number[] = [];
  let block: 'numFmts' | 'cellXfs' | null = null;
  const done = new Set<string>();
  scanPart(bytes, entry, budget, {
    wantsText: false,
    open(name, source, start, end) {
      if ((name === 'numFmts' || name === 'cellXfs') && block === null && !done.has(name)) {
        block = name;
      } else if (name === 'numFmt' && block === 'numFmts') {
        const all = attributes(source, start, end);
        if (all.formatCode === undefined) throw new XmlUnsupported('number format without a code');
        const id = Number.parseInt(all.numFmtId ?? '', 10);
        if (id > 0) custom.set(id, decodeXml(all.formatCode));
      } else if (name === 'xf' && block === 'cellXfs') {
        const value = attributes(source, start, end).numFmtId;
        formatIds.push(value ? Number.parseInt(value, 10) : 0);
      }
    },
    close(name) {
      if (name === block) {
        done.add(name);
        block = null;
      }
    },
    text() {},
  });
  return formatIds.map((id) => {
    const code = custom.get(id) ?? builtInFormat(id);
    if (code === null) return isImplicitDateId(id);
    return code.length <= MAX_FORMAT_LENGTH && isDateFormat(code);
  });
}

function readSharedStrings(
  bytes: Uint8Array,
  entry: ZipEntry,
  budget: InflateBudget,
  limits: SpreadsheetLimits,
): string[] {
  const strings: string[] = [];
  const rich = new RichText(collectCap(limits));
  let inTable = false;
  let inItem = false;
  const handler: XmlHandler = {
    wantsText: false,
    open(name) {
      if (name === 'sst') inTable = true;
      else if (inItem) {
        rich.open(name);
        handler.wantsText = rich.wantsText;
      } else if (inTable && (name === 'si' || name === 'sstItem')) {
        inItem = true;
        rich.start();
      }
    },
    close(name) {
      if (inItem && (name === 'si' || name === 'sstItem')) {
        inItem = false;
        strings.push(clip(rich.result(), limits.maxCellLength));
      } else if (inItem) {
        rich.close(name);
      } else if (name === 'sst') {
        inTable = false;
      }
      handler.wantsText = inItem && rich.wantsText;
    },
    text(piece, literal) {
      rich.text(piece, literal);
    },
  };
  scanPart(bytes, entry, budget, handler);
  return strings;
}

// ── Sheets ─────────────────────────────────────────────────────────────────

interface SheetContext {
  fileName: string;
  sheetName: string;
  limits: SpreadsheetLimits;
  strings: string[];
  dateStyles: boolean[];
  date1904: boolean;
}

/**
 * Reads <sheetData> cell by cell into trimmed texts. Rows and columns past the limits are
 * never stored: a text there is refused with the SheetJS path's messages, an empty one
 * ignored. The declared range (even A1:XFD1048576) plays no part.
 */
class SheetReader implements XmlHandler {
  wantsText = false;
  /** rows[r][c]: only non-empty texts are stored; holes become '' at the end. */
  readonly rows: string[][] = [];
  private inData = false;
  private rowNumber = 0;
  private lastColumn = -1;
  private rowOverflow = false;
  // The cell being read.
  private inCell = false;
  private cellRow = -1;
  private cellColumn = -1;
  private cellType: string | null = null;
  private cellStyle: string | null = null;
  private inValue = false;
  private hasValue = false;
  private inInline = false;
  private readonly value: TextCollector;
  private readonly inline: RichText;
  private readonly reader = new AttributeReader();
  private readonly context: SheetContext;

  constructor(context: SheetContext) {
    this.context = context;
    this.value = new TextCollector(collectCap(context.limits));
    this.inline = new RichText(collectCap(context.limits));
  }

  open(name: string, source: string, start: number, end: number): void {
    if (this.inCell) {
      if (this.inInline) {
        this.inline.open(name);
        this.wantsText = this.inline.wantsText;
      } else if (name === 'v') {
        this.inValue = true;
        this.value.reset();
        this.wantsText = true;
      } else if (name === 'is') {
        this.inInline = true;
        this.inline.start();
      }
      return;
    }
    if (!this.inData) {
      if (name === 'sheetData') this.inData = true;
      return;
    }
    if (name === 'row') {
      let number: number | null = null;
      const reader = this.reader.reset(source, start, end);
      while (reader.next()) if (reader.name === 'r') number = Number.parseInt(reader.value, 10);
      this.rowNumber = number ?? this.rowNumber + 1;
      this.lastColumn = -1;
    } else if (name === 'c') {
      this.openCell(source, start, end);
    }
  }

  private openCell(source: string, start: number, end: number): void {
    let ref: string | null = null;
    this.cellType = null;
    this.cellStyle = null;
    const reader = this.reader.reset(source, start, end);
    while (reader.next()) {
      const attribute = reader.name;
      if (attribute === 'r') ref = reader.value;
      else if (attribute === 't') this.cellType = reader.value;
      else if (attribute === 's') this.cellStyle = reader.value;
    }
    if (ref !== null) {
      // As SheetJS decodes "B12": digits make the row, capitals the column, the rest ignored.
      let row = 0;
      let column = 0;
      for (let i = 0; i < ref.length; i++) {
        const c = ref.charCodeAt(i);
        if (c >= 48 && c <= 57) row = 10 * row + (c - 48);
        else if (c >= 65 && c <= 90) column = 26 * column + (c - 64);
      }
      this.cellRow = row - 1;
      this.cellColumn = column - 1;
    } else {
      this.cellRow = this.rowNumber - 1;
      this.cellColumn = this.lastColumn + 1;
    }
    this.lastColumn = this.cellColumn;
    this.inCell = true;
    this.hasValue = false;
    this.inValue = false;
    this.inInline = false;
    this.inline.start();
  }

  close(name: string): void {
    if (this.inCell) {
      if (name === 'c' && !this.inInline) {
        this.closeCell();
      } else if (this.inInline) {
        if (name === 'is') {
          this.inInline = false;
          this.wantsText = false;
        } else {
          this.inline.close(name);
          this.wantsText = this.inline.wantsText;
        }
      } else if (name === 'v' && this.inValue) {
        this.inValue = false;
        this.wantsText = false;
        // An empty <v></v> is no value, as for SheetJS.
        this.hasValue = !this.value.empty;
      }
      return;
    }
    if (name === 'row') this.closeRow();
    else if (name === 'sheetData') {
      this.closeRow();
      this.inData = false;
    }
  }

  text(piece: string, literal: boolean): void {
    if (this.inValue) this.value.add(piece, literal);
    else if (this.inInline) this.inline.text(piece, literal);
  }

  /** Rows past the limit are refused once the row is complete: its columns are checked first. */
  private closeRow(): void {
    if (this.rowOverflow) {
      const { fileName, sheetName, limits } = this.context;
      throw new SpreadsheetFormatError(formatMessages.tooManyRows(fileName, sheetName, limits.maxRows));
    }
  }

  private closeCell(): void {
    this.inCell = false;
    this.wantsText = false;
    const text = this.cellText();
    if (text === null) return;
    const row = this.cellRow;
    const column = this.cellColumn;
    if (row < 0 || column < 0) return;
    const { limits, fileName, sheetName } = this.context;
    if (column >= limits.maxColumns || row >= limits.maxRows) {
      if (text.trim() === '') return;
      if (column >= limits.maxColumns) {
        throw new SpreadsheetFormatError(
          formatMessages.tooManyColumns(fileName, sheetName, limits.maxColumns),
        );
      }
      this.rowOverflow = true;
      return;
    }
    const trimmed = clip(text, limits.maxCellLength).trim();
    if (trimmed === '') return;
    let cells = this.rows[row];
    if (cells === undefined) {
      cells = [];
      this.rows[row] = cells;
    }
    cells[column] = trimmed;
  }

  /** What the cell says (as the SheetJS path's cellText), or null for a cell SheetJS skips. */
  private cellText(): string | null {
    const type = this.cellType;
    // No type and no value: an empty (formatted) cell, which SheetJS does not keep.
    if (!type && !this.hasValue) return null;
    switch (type || 'n') {
      case 'n':
        return this.hasValue ? this.numberText(Number.parseFloat(this.value.finish(false))) : null;
      case 's': {
        if (!this.hasValue) return null;
        const index = Number.parseInt(this.value.finish(false), 10);
        return this.context.strings[index] ?? '';
      }
      case 'str':
        return this.hasValue ? this.value.finish(true) : '';
      case 'inlineStr':
        return this.inline.result();
      case 'b':
        return isTrue(this.hasValue ? this.value.finish(false) : null) ? 'TRUE' : 'FALSE';
      case 'd':
        return this.hasValue
          ? this.numberText(isoDateSerial(this.value.finish(false), this.context.date1904))
          : null;
      case 'e':
        return '';
      default:
        return this.hasValue ? this.value.finish(false) : '';
    }
  }

  /** Plain numbers; dates (by the cell's number format) as ISO text; nothing for NaN. */
  private numberText(value: number): string {
    if (!Number.isFinite(value)) return '';
    const style = this.cellStyle;
    const date = style !== null && this.context.dateStyles[style as unknown as number] === true;
    if (date) return serialDateText(value, this.context.date1904) ?? String(value);
    return String(value);
  }

  /** The rows as SheetData wants them: holes as '', trailing empty rows dropped. */
  finish(): string[][] {
    const rows = this.rows;
    for (let r = 0; r < rows.length; r++) {
      const cells = rows[r];
      if (cells === undefined) {
        rows[r] = [];
        continue;
      }
      for (let c = 0; c < cells.length; c++) if (cells[c] === undefined) cells[c] = '';
    }
    return rows;
  }
}

/** Where SheetJS looks for a sheet's part: under xl/, as written, then beside the workbook's rels. */
function sheetPart(parts: Parts, target: string, relationshipsPath: string): ZipEntry | undefined {
  return (
    parts.get(`xl/${target.replace(/[/]?xl\//, '')}`) ??
    parts.get(target) ??
    parts.get(relationshipsPath.replace(/_rels\/[\s\S]*$/, '') + target)
  );
}

/**
 * Reads an xlsx/xlsm workbook from its zip entries, or returns null when the file is not the
 * usual package (the caller reads it with SheetJS). Refusals are SpreadsheetFormatError.
 */
export function readXlsxStreaming(
  bytes: Uint8Array,
  entries: ZipEntry[],
  fileName: string,
  limits: SpreadsheetLimits,
): SpreadsheetData | null {
  checkDeclaredSizes(entries, fileName, limits);
  const parts = new Parts(entries);
  if (OTHER_PACKAGES.some((name) => parts.get(name))) return null;
  const contentTypesEntry = parts.get('[Content_Types].xml');
  if (!contentTypesEntry) return null;
  const budget = new InflateBudget(limits.maxUncompressedBytes, fileName);
  try {
    const types = readContentTypes(bytes, contentTypesEntry, budget);
    const workbookPath = types.workbook ? withoutLeadingSlash(types.workbook) : 'xl/workbook.xml';
    const workbookEntry = parts.get(workbookPath);
    if (!workbookEntry || !workbookPath.endsWith('.xml')) return null;
    const workbook = readWorkbookPart(bytes, workbookEntry, budget);
    if (workbook.sheets.length === 0) return null;
    if (workbook.sheets.length > limits.maxSheets) {
      throw new SpreadsheetFormatError(formatMessages.tooManySheets(fileName, limits.maxSheets));
    }

    const slash = workbookPath.lastIndexOf('/');
    let relationshipsPath = `${workbookPath.slice(0, slash + 1)}_rels/${workbookPath.slice(slash + 1)}.rels`;
    if (!parts.get(relationshipsPath)) relationshipsPath = 'xl/_rels/workbook.xml.rels';
    const relationshipsEntry = parts.get(relationshipsPath);
    if (!relationshipsEntry) return null;
    const relationships = readRelationships(bytes, relationshipsEntry, budget);
    const targets: (ZipEntry | undefined)[] = [];
    for (const sheet of workbook.sheets) {
      const relationship = sheet.relationship ? relationships.get(sheet.relationship) : undefined;
      // Chart and macro sheets, unresolved relationships: SheetJS's own ways apply.
      if (!relationship || !WORKSHEET_RELATIONSHIPS.has(relationship.type)) return null;
      targets.push(sheetPart(parts, relationship.target, relationshipsPath));
    }

    const otherPart = (path: string | null) => {
      if (!path) return undefined;
      const name = withoutLeadingSlash(path);
      if (!name.endsWith('.xml')) throw new XmlUnsupported('binary part');
      return parts.get(name);
    };
    const stringsEntry = otherPart(types.sharedStrings);
    const stylesEntry = otherPart(types.styles);
    const strings = stringsEntry ? readSharedStrings(bytes, stringsEntry, budget, limits) : [];
    const dateStyles = stylesEntry ? readDateStyles(bytes, stylesEntry, budget) : [];

    const sheets: SheetData[] = [];
    for (const [index, sheet] of workbook.sheets.entries()) {
      const entry = targets[index];
      // A sheet whose part is missing is left out, as SheetJS does.
      if (!entry) continue;
      const reader = new SheetReader({
        fileName,
        sheetName: sheet.name,
        limits,
        strings,
        dateStyles,
        date1904: workbook.date1904,
      });
      scanPart(bytes, entry, budget, reader);
      sheets.push({ name: sheet.name, hidden: sheet.hidden, rows: reader.finish() });
    }
    if (sheets.every((s) => s.rows.length === 0)) {
      throw new SpreadsheetFormatError(formatMessages.empty(fileName));
    }
    return { format: 'xlsx', encoding: null, separator: null, sheets };
  } catch (error) {
    if (error instanceof SpreadsheetFormatError) throw error;
    // Markup the scanner does not read, damaged deflate data (fflate's errors carry a numeric
    // code): the reference reader decides. Anything else is a fault here, worth a line.
    const expected =
      error instanceof XmlUnsupported ||
      error instanceof ZipEntryUnreadable ||
      (typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'number');
    if (!expected) console.warn(`[spreadsheets] streaming reader gave ${fileName} to SheetJS`, error);
    return null;
  }
}
