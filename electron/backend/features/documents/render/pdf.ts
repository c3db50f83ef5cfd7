import { readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import pdfmake from 'pdfmake';
import type {
  Content,
  ContentColumns,
  ContentOrderedList,
  ContentStack,
  ContentTable,
  ContentText,
  ContentUnorderedList,
  CustomTableLayout,
  TableCell,
  TDocumentDefinitions,
  TFontDictionary,
} from 'pdfmake/interfaces';
import type { Block, DocumentHeading, DocumentModel, Inline } from '../../../../../shared/documents/model';
import type { LogoAsset, PdfOutput, RenderAssets } from '../types';
import { type Coverage, keepDrawable, parseCmapCoverage } from './fontCoverage';
import { cleanText, estimatedLines, singleLine } from './text';

// The PDF renderer: the model laid out by pdfmake in the backend, with DejaVu Sans embedded (it
// carries every French accent, the narrow no-break space of French numbers, Arabic…).
//
// pdfmake may fetch URLs and read local files named in a document definition. Ours only ever
// names the four font files; the logo travels as a data URL. Every other URL and local path is
// refused, so no text of a model can make the renderer read or fetch anything.

const FAMILY = 'DejaVuSans';
const FONT_FILES = {
  normal: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italics: 'DejaVuSans-Oblique.ttf',
  bolditalics: 'DejaVuSans-BoldOblique.ttf',
} as const;
type FontStyle = keyof typeof FONT_FILES;

const PT_PER_CM = 72 / 2.54;
const MARGIN = 2 * PT_PER_CM;
const A4 = { width: 595.28, height: 841.89 };
const BODY_SIZE = 10; // DejaVu Sans is wide: 10 pt reads like the DOCX's 11 pt Arial.
const MUTED = '#555555';
const HEADER_FILL = '#D9D9D9';
const GROUP_FILL = '#F2F2F2';
const CELL_PADDING = 4;
// Generous averages for DejaVu Sans at the body size, for estimates only (see rowsFitOnAPage).
const CHAR_WIDTH = 6.5;
const LINE_HEIGHT = BODY_SIZE * 1.1 * 1.25;
const LINE = 0.5;
const LOGO_MAX_HEIGHT = 2.2 * PT_PER_CM;
const LOGO_MAX_WIDTH = 5 * PT_PER_CM;
const SIGNATURE_SPACE = 1.5 * PT_PER_CM;

const LONG_WORD = /[^\s\u200b]{32}(?=[^\s\u200b])/gu;

/** The text area of a page, in points. */
interface Box {
  width: number;
  height: number;
}

interface FontSet {
  paths: Record<FontStyle, string>;
  coverage: Record<FontStyle, Coverage>;
}

// pdfmake's in-memory file system (its server build has one; @types/pdfmake does not declare it).
const virtualFiles = (
  pdfmake as unknown as { virtualfs: { writeFileSync(path: string, content: Buffer): void } }
).virtualfs;

// One read and one cmap parse per fonts folder per process: later documents reuse both.
const fontSets = new Map<string, FontSet>();

function loadFonts(fontsDir: string): FontSet {
  const dir = resolve(fontsDir);
  const cached = fontSets.get(dir);
  if (cached) return cached;
  const paths = {} as Record<FontStyle, string>;
  const coverage = {} as Record<FontStyle, Coverage>;
  for (const style of Object.keys(FONT_FILES) as FontStyle[]) {
    const path = join(dir, FONT_FILES[style]);
    const bytes = readFileSync(path);
    // pdfmake looks a font path up in its in-memory file system before the disk: the bytes are
    // read here once, not at every document.
    virtualFiles.writeFileSync(path, bytes);
    paths[style] = path;
    coverage[style] = parseCmapCoverage(bytes);
  }
  const set = { paths, coverage };
  fontSets.set(dir, set);
  return set;
}

function styleOf(bold: boolean | undefined, italics: boolean | undefined): FontStyle {
  if (bold) return italics ? 'bolditalics' : 'bold';
  return italics ? 'italics' : 'normal';
}

/** Everything one rendering needs: the fonts' coverage and the characters left out so far. */
class Writer {
  readonly missing = new Set<string>();

  constructor(private readonly fonts: FontSet) {}

  /** A text ready for the page: cleaned, tabs as spaces, without what the font cannot draw. */
  draw(value: string, style: { bold?: boolean; italics?: boolean } = {}): string {
    const clean = cleanText(value).replace(/\t/g, '    ');
    const drawable = keepDrawable(
      clean,
      this.fonts.coverage[styleOf(style.bold, style.italics)],
      this.missing,
    );
    // pdfmake cuts a word wider than the line by measuring ever shorter prefixes of it, which
    // takes minutes for a pasted 30,000-character token (a link, a hash…). A zero-width space
    // every few dozen characters of such a word gives it break points: same look, instant.
    return drawable.replace(LONG_WORD, '$&\u200b');
  }

  line(value: string, style: { bold?: boolean; italics?: boolean } = {}): string {
    return this.draw(singleLine(value), style);
  }

  /** Inline runs as pdfmake text fragments; a newline in a run is a line break. */
  runs(inlines: Inline[], extra: { bold?: boolean } = {}): Content[] {
    return inlines.map((inline) => {
      const bold = Boolean(extra.bold || inline.bold);
      const italics = Boolean(inline.italic);
      return { text: this.draw(inline.text, { bold, italics }), bold, italics };
    });
  }
}

const upper = (value: string): string => value.toLocaleUpperCase('fr-FR');

function present(value: string | null | undefined): value is string {
  return typeof value === 'string' && singleLine(value) !== '';
}

/** The content nodes this renderer makes: each can carry a margin and a page break. */
type PdfNode =
  | ContentText
  | ContentStack
  | ContentColumns
  | ContentTable
  | ContentOrderedList
  | ContentUnorderedList;

// ── Heading ──────────────────────────────────────────────────────────────

/** Lines of one heading column; the short rule only stands between two parts that are present. */
function headingColumn(top: Content | null, rest: Content[]): Content[] {
  const out: Content[] = [];
  if (top) out.push(top);
  if (top && rest.length > 0) out.push({ text: '--------' });
  out.push(...rest);
  return out;
}

function logoContent(logo: LogoAsset): Content {
  const ratio = logo.width > 0 && logo.height > 0 ? logo.width / logo.height : 1;
  let height = LOGO_MAX_HEIGHT;
  let width = height * ratio;
  if (width > LOGO_MAX_WIDTH) {
    width = LOGO_MAX_WIDTH;
    height = width / ratio;
  }
  const dataUrl = `data:${logo.mime};base64,${Buffer.from(logo.bytes).toString('base64')}`;
  return { image: dataUrl, width, height, alignment: 'center', margin: [0, 0, 0, 4] };
}

function headingContent(heading: DocumentHeading, logo: LogoAsset | null, w: Writer): PdfNode | null {
  const left = headingColumn(
    present(heading.ministry) ? { text: w.line(upper(heading.ministry), { bold: true }), bold: true } : null,
    [heading.service, heading.reference].filter(present).map((v) => ({ text: w.line(v) })),
  );
  const right = headingColumn(
    present(heading.country) ? { text: w.line(upper(heading.country), { bold: true }), bold: true } : null,
    present(heading.motto) ? [{ text: w.line(heading.motto, { italics: true }), italics: true }] : [],
  );
  if (present(heading.placeDate)) right.push({ text: w.line(heading.placeDate), margin: [0, 12, 0, 0] });
  if (heading.logo && logo) left.unshift(logoContent(logo));
  if (left.length === 0 && right.length === 0) return null;
  return {
    columns: [
      { width: '*', stack: left, alignment: 'center' },
      { width: '*', stack: right, alignment: 'center' },
    ],
    columnGap: 24,
    margin: [0, 0, 0, 18],
  };
}

// ── Blocks ───────────────────────────────────────────────────────────────

function gridLayout(totalRows: ReadonlySet<number>): CustomTableLayout {
  return {
    // A heavier rule above a total row, as the model asks.
    hLineWidth: (i) => (totalRows.has(i) ? 1.5 : LINE),
    vLineWidth: () => LINE,
    hLineColor: () => '#000000',
    vLineColor: () => '#000000',
    paddingLeft: () => CELL_PADDING,
    paddingRight: () => CELL_PADDING,
    paddingTop: () => 2,
    paddingBottom: () => 2,
  };
}

/** Column widths in points, in the model's proportions, filling the text width exactly. */
function shareWidth(weights: number[], available: number): number[] {
  const inner = available - weights.length * 2 * CELL_PADDING - (weights.length + 1) * LINE;
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((weight) => (weight / sum) * inner);
}

/** Whether every row of the table, as estimated, takes well under a page (less than 40 %). */
function rowsFitOnAPage(
  block: Extract<Block, { type: 'table' }>,
  widths: number[],
  pageHeight: number,
): boolean {
  const limit = 0.4 * pageHeight;
  const fits = (text: string, width: number): boolean =>
    estimatedLines(text, width, CHAR_WIDTH) * LINE_HEIGHT + 4 < limit;
  const total = widths.reduce((a, b) => a + b, 0);
  const headerFits = block.columns.every((column, i) => fits(column.header, widths[i] ?? total));
  return (
    headerFits &&
    block.rows.every((row) =>
      row.kind === 'group'
        ? fits(row.text, total)
        : row.cells.every((inlines, i) => fits(inlines.map((r) => r.text).join(''), widths[i] ?? total)),
    )
  );
}

function tableContent(block: Extract<Block, { type: 'table' }>, box: Box, w: Writer): ContentTable {
  const count = block.columns.length;
  const spanning = (cell: {
    text: string;
    bold?: boolean;
    italics?: boolean;
    color?: string;
    fillColor?: string;
  }): TableCell[] => [
    { ...cell, colSpan: count },
    ...Array.from({ length: count - 1 }, (): TableCell => ({})),
  ];
  const body: TableCell[][] = [
    block.columns.map(
      (column): TableCell => ({
        text: w.line(column.header, { bold: true }),
        bold: true,
        alignment: 'center',
        fillColor: HEADER_FILL,
      }),
    ),
  ];
  const totalRows = new Set<number>();
  const dataRows = new Set<number>();
  for (const row of block.rows) {
    if (row.kind === 'group') {
      body.push(spanning({ text: w.line(row.text, { bold: true }), bold: true, fillColor: GROUP_FILL }));
      continue;
    }
    if (row.total) totalRows.add(body.length);
    dataRows.add(body.length);
    body.push(
      block.columns.map(
        (column, i): TableCell => ({
          text: w.runs(row.cells[i] ?? [], { bold: row.total }),
          alignment: column.align ?? 'left',
        }),
      ),
    );
  }
  if (block.rows.length === 0 && block.empty) {
    body.push(spanning({ text: w.line(block.empty, { italics: true }), italics: true, color: MUTED }));
  }
  const tall = block.tall === true;
  const widths = shareWidth(
    block.columns.map((c) => c.width),
    box.width,
  );
  return {
    table: {
      // The header row is repeated at the top of every page the table runs onto.
      headerRows: 1,
      // A row is kept on one page unless one of them might not fit on a page at all: pdfmake
      // would then drop it instead of breaking it.
      dontBreakRows: rowsFitOnAPage(block, widths, box.height),
      widths,
      // Rows for hand-written entries (the signature column) are at least 1 cm high.
      heights: tall ? (i) => (dataRows.has(i) ? PT_PER_CM : 'auto') : undefined,
      body,
    },
    layout: gridLayout(totalRows),
    margin: [0, 2, 0, 10],
  };
}

function fieldsContent(block: Extract<Block, { type: 'fields' }>, w: Writer): PdfNode {
  return {
    table: {
      widths: ['30%', '*'],
      body: block.items.map((item): TableCell[] => [
        { text: w.draw(item.label, { bold: true }), bold: true },
        { text: w.draw(item.value) },
      ]),
    },
    // The noBorders layout has no padding before the first column: labels align with the text.
    layout: 'noBorders',
    margin: [0, 0, 0, 8],
  };
}

/** The signature block: in the right half, each line centred, never split across pages. */
function signatureContent(block: Extract<Block, { type: 'signature' }>, w: Writer): PdfNode {
  const stack: Content[] = [];
  if (present(block.placeDate)) stack.push({ text: w.draw(block.placeDate), margin: [0, 0, 0, 6] });
  const hasName = present(block.name);
  // The room left for the hand-written signature (~1.5 cm) is the space under the title.
  stack.push({
    text: w.draw(block.title, { bold: true }),
    bold: true,
    margin: [0, 0, 0, hasName ? SIGNATURE_SPACE : 0],
  });
  if (hasName) stack.push({ text: w.draw(block.name ?? '', { bold: true }), bold: true });
  return {
    columns: [
      { width: '*', text: '' },
      { width: '*', stack, alignment: 'center' },
    ],
    unbreakable: true,
    margin: [0, 18, 0, 0],
  };
}

function blockContent(block: Exclude<Block, { type: 'pageBreak' }>, box: Box, w: Writer): PdfNode | null {
  switch (block.type) {
    case 'title': {
      const stack: Content[] = [
        { text: w.draw(block.text, { bold: true }), bold: true, fontSize: 14, alignment: 'center' },
      ];
      if (block.subtitle !== undefined && singleLine(block.subtitle) !== '') {
        stack.push({ text: w.draw(block.subtitle), fontSize: 11, alignment: 'center', margin: [0, 4, 0, 0] });
      }
      return { stack, margin: [0, 6, 0, 14] };
    }
    case 'heading': {
      const italics = block.level === 3;
      const size = block.level === 1 ? 12.5 : block.level === 2 ? 11 : BODY_SIZE;
      return {
        text: w.draw(block.text, { bold: true, italics }),
        bold: true,
        italics,
        fontSize: size,
        // Read by pageBreakBefore: a heading never ends a page.
        headlineLevel: block.level,
        margin: [0, block.level === 1 ? 12 : 8, 0, 5],
      };
    }
    case 'paragraph':
      return { text: w.runs(block.runs), alignment: block.align ?? 'left', margin: [0, 0, 0, 6] };
    case 'list': {
      // pdfmake cannot lay out an empty list or table: an empty block prints nothing.
      if (block.items.length === 0) return null;
      const items = block.items.map((item): Content => ({ text: w.runs(item) }));
      return block.ordered ? { ol: items, margin: [8, 0, 0, 6] } : { ul: items, margin: [8, 0, 0, 6] };
    }
    case 'table':
      return tableContent(block, box, w);
    case 'fields':
      return block.items.length === 0 ? null : fieldsContent(block, w);
    case 'note':
      return { text: w.draw(block.text), fontSize: 8.5, color: MUTED, margin: [0, 0, 0, 6] };
    case 'signature':
      return signatureContent(block, w);
  }
}

function bodyContent(model: DocumentModel, box: Box, w: Writer): PdfNode[] {
  const out: PdfNode[] = [];
  let breakBefore = false;
  for (const block of model.blocks) {
    if (block.type === 'pageBreak') {
      // A break with nothing before it would only print a blank page; one at the end too
      // (it is dropped because no block follows to carry it).
      breakBefore = out.length > 0;
      continue;
    }
    const content = blockContent(block, box, w);
    if (content === null) continue;
    out.push(breakBefore ? { ...content, pageBreak: 'before' as const } : content);
    breakBefore = false;
  }
  return out;
}

/** The model as a PDF, with the characters the embedded font cannot draw left out and listed. */
export async function renderPdf(model: DocumentModel, assets: RenderAssets): Promise<PdfOutput> {
  const fonts = loadFonts(assets.fontsDir);
  const fontPaths = new Set(Object.values(fonts.paths));
  const fontsDir = resolve(assets.fontsDir) + sep;
  // Never fetch anything; on disk, only the font files (pdfmake serves them from memory anyway).
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => {
    const full = resolve(path);
    return full.startsWith(fontsDir) && fontPaths.has(full);
  });
  const families: TFontDictionary = { [FAMILY]: { ...fonts.paths } };
  pdfmake.setFonts(families);

  const w = new Writer(fonts);
  const landscape = model.orientation === 'landscape';
  const box: Box = {
    width: (landscape ? A4.height : A4.width) - 2 * MARGIN,
    height: (landscape ? A4.width : A4.height) - 2 * MARGIN,
  };

  const content: PdfNode[] = [];
  const heading = headingContent(model.heading, assets.logo, w);
  if (heading) content.push(heading);
  content.push(...bodyContent(model, box, w));
  // pdfmake opens a new, empty page for the bottom margin of a last block that ends at the foot
  // of a page: the document's last block has no space after it.
  const last = content.at(-1);
  if (last && Array.isArray(last.margin) && last.margin.length === 4) {
    last.margin = [last.margin[0], last.margin[1], last.margin[2], 0];
  }

  const footerText = w.line(model.footer);
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: landscape ? 'landscape' : 'portrait',
    pageMargins: [MARGIN, MARGIN, MARGIN, MARGIN],
    info: { title: singleLine(model.title), creator: 'Concerto', producer: 'Concerto' },
    language: 'fr-FR',
    defaultStyle: { font: FAMILY, fontSize: BODY_SIZE, lineHeight: 1.1 },
    content,
    footer: (currentPage, pageCount) => ({
      columns: [
        { width: '*', text: footerText },
        { width: 'auto', text: `Page ${currentPage} / ${pageCount}`, alignment: 'right' },
      ],
      columnGap: 12,
      fontSize: 8,
      color: MUTED,
      margin: [MARGIN, MARGIN / 2, MARGIN, 0],
    }),
    // A heading left alone at the foot of a page goes to the next one, with what it heads.
    pageBreakBefore: (node, queries) =>
      node.headlineLevel !== undefined &&
      queries.getFollowingNodesOnPage().length === 0 &&
      queries.getNodesOnNextPage().length > 0,
  };

  const bytes = await pdfmake.createPdf(definition).getBuffer();
  return {
    bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    missingCharacters: [...w.missing],
  };
}
