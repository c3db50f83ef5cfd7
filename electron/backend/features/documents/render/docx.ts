import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  HeightRule,
  ImageRun,
  type ISectionOptions,
  LevelFormat,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  type ParagraphChild,
  ShadingType,
  Tab,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type {
  Align,
  Block,
  DocumentHeading,
  DocumentModel,
  Inline,
} from '../../../../../shared/documents/model';
import type { LogoAsset, RenderAssets } from '../types';
import { estimatedLines, singleLine, textLines } from './text';

// The DOCX renderer: the model as an editable Word document (also opened by LibreOffice).
//
// Font: Arial. DejaVu Sans (the PDF's font) is rarely installed on the secretariats' Windows
// laptops and Word would substitute it unpredictably; Arial is on every Windows machine and
// LibreOffice maps it to the metric-compatible Liberation Sans, so the layout holds everywhere.
// Word also has fallback fonts for emoji and scripts Arial lacks, so the DOCX keeps every
// character (the PDF cannot).

const FONT = 'Arial';
const BODY_SIZE = 22; // half-points: 11 pt
const NOTE_SIZE = 18; // 9 pt
const FOOTER_SIZE = 16; // 8 pt
const MUTED = '595959';
const HEADER_FILL = 'D9D9D9';
const GROUP_FILL = 'F2F2F2';

// A4 in twips (1/20 pt); docx swaps width and height itself for landscape.
const A4_WIDTH = 11906;
const A4_HEIGHT = 16838;
const MARGIN = 1134; // 2 cm
const CM = 567;

const LOGO_MAX_HEIGHT_PX = Math.round((2.2 / 2.54) * 96); // 2.2 cm at 96 px to the inch
const LOGO_MAX_WIDTH_PX = Math.round((5 / 2.54) * 96);

// Generous averages for Arial at the body size, for estimates only (see rowsFitOnAPage).
const CHAR_WIDTH = 7;
const LINE_HEIGHT = 14;

/** The text area of a page, in twips. */
interface Box {
  width: number;
  height: number;
}

const ORDERED = 'concerto-ordered';
const BULLETS = 'concerto-bullets';

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
  color?: string;
}

/**
 * One inline as Word runs: a newline in the text is a line break, a tab a real tab. Bold and
 * italic are set for complex scripts too, so an Arabic run is emphasised like its neighbours.
 */
function inlineRuns(inline: Inline, style: RunStyle = {}): TextRun[] {
  const bold = style.bold || inline.bold || undefined;
  const italics = style.italics || inline.italic || undefined;
  const props = {
    bold,
    boldComplexScript: bold,
    italics,
    italicsComplexScript: italics,
    size: style.size,
    sizeComplexScript: style.size,
    color: style.color,
  };
  return textLines(inline.text).map((line, index) => {
    const parts = line.split('\t');
    const children: (string | Tab)[] = [];
    parts.forEach((part, i) => {
      if (i > 0) children.push(new Tab());
      if (part) children.push(part);
    });
    return new TextRun({ ...props, children, break: index > 0 ? 1 : undefined });
  });
}

function runs(inlines: Inline[], style: RunStyle = {}): TextRun[] {
  return inlines.flatMap((inline) => inlineRuns(inline, style));
}

function plain(text: string, style: RunStyle = {}): TextRun[] {
  return inlineRuns({ text }, style);
}

// ── Heading ──────────────────────────────────────────────────────────────

function logoImage(logo: LogoAsset): ImageRun {
  const ratio = logo.width > 0 && logo.height > 0 ? logo.width / logo.height : 1;
  let height = LOGO_MAX_HEIGHT_PX;
  let width = height * ratio;
  if (width > LOGO_MAX_WIDTH_PX) {
    width = LOGO_MAX_WIDTH_PX;
    height = width / ratio;
  }
  return new ImageRun({
    type: logo.mime === 'image/png' ? 'png' : 'jpg',
    data: logo.bytes,
    transformation: { width: Math.max(1, Math.round(width)), height: Math.max(1, Math.round(height)) },
    altText: { name: 'Logo', description: 'Logo', title: 'Logo' },
  });
}

/** Lines of one heading column; the short rule only stands between two parts that are present. */
function headingColumn(top: TextRun[] | null, rest: TextRun[][]): Paragraph[] {
  const centred = (children: ParagraphChild[], after = 0): Paragraph =>
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after }, children });
  const out: Paragraph[] = [];
  if (top) out.push(centred(top));
  if (top && rest.length > 0) out.push(centred(plain('--------')));
  for (const line of rest) out.push(centred(line));
  return out;
}

function present(value: string | null | undefined): value is string {
  return typeof value === 'string' && singleLine(value) !== '';
}

const upper = (value: string): string => value.toLocaleUpperCase('fr-FR');

function headingTable(heading: DocumentHeading, logo: LogoAsset | null, contentWidth: number): Table | null {
  const left = headingColumn(
    present(heading.ministry) ? plain(upper(heading.ministry), { bold: true }) : null,
    [heading.service, heading.reference].filter(present).map((v) => plain(v)),
  );
  const right = headingColumn(
    present(heading.country) ? plain(upper(heading.country), { bold: true }) : null,
    present(heading.motto) ? [plain(heading.motto, { italics: true })] : [],
  );
  if (present(heading.placeDate)) {
    right.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 240 },
        children: plain(heading.placeDate),
      }),
    );
  }
  const drawLogo = heading.logo && logo !== null;
  if (drawLogo) {
    left.unshift(
      new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 80 }, children: [logoImage(logo)] }),
    );
  }
  if (left.length === 0 && right.length === 0) return null;

  const half = Math.floor(contentWidth / 2);
  const column = (children: Paragraph[], width: number): TableCell =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      // A cell must hold a paragraph, even when its side of the heading is empty.
      children: children.length > 0 ? children : [new Paragraph({})],
    });
  return new Table({
    width: { size: contentWidth, type: WidthType.DXA },
    columnWidths: [half, contentWidth - half],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [new TableRow({ children: [column(left, half), column(right, contentWidth - half)] })],
  });
}

// ── Blocks ───────────────────────────────────────────────────────────────

/** Column widths in twips, in the model's proportions, summing exactly to the table's width. */
function shareWidth(weights: number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w / sum) * total));
  const used = widths.reduce((a, b) => a + b, 0);
  if (widths.length > 0) widths[widths.length - 1] = (widths[widths.length - 1] ?? 0) + total - used;
  return widths;
}

function cellParagraph(children: ParagraphChild[], align?: Align): Paragraph {
  return new Paragraph({ alignment: align ? ALIGN[align] : undefined, spacing: { after: 0 }, children });
}

/**
 * Whether every row of the table, as estimated, takes well under a page (less than 40 %), so
 * rows can be kept whole: Word clips a row taller than a page when it may not break.
 */
function rowsFitOnAPage(
  block: Extract<Block, { type: 'table' }>,
  widths: number[],
  pageHeight: number,
): boolean {
  const limit = 0.4 * (pageHeight / 20);
  const fits = (text: string, width: number): boolean =>
    estimatedLines(text, width / 20, CHAR_WIDTH) * LINE_HEIGHT + 4 < limit;
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

function tableBlock(block: Extract<Block, { type: 'table' }>, box: Box): Table {
  const contentWidth = box.width;
  const count = block.columns.length;
  const widths = shareWidth(
    block.columns.map((c) => c.width),
    contentWidth,
  );
  const keepRowsWhole = rowsFitOnAPage(block, widths, box.height);
  const spanning = (children: ParagraphChild[], fill?: string): TableCell =>
    new TableCell({
      columnSpan: count,
      width: { size: contentWidth, type: WidthType.DXA },
      shading: fill ? { type: ShadingType.CLEAR, color: 'auto', fill } : undefined,
      children: [cellParagraph(children)],
    });

  const rows: TableRow[] = [
    new TableRow({
      // Repeated at the top of every page the table runs onto.
      tableHeader: true,
      cantSplit: keepRowsWhole,
      children: block.columns.map(
        (column, i) =>
          new TableCell({
            width: { size: widths[i] ?? 0, type: WidthType.DXA },
            shading: { type: ShadingType.CLEAR, color: 'auto', fill: HEADER_FILL },
            verticalAlign: 'center',
            children: [cellParagraph(plain(column.header, { bold: true }), 'center')],
          }),
      ),
    }),
  ];

  for (const row of block.rows) {
    if (row.kind === 'group') {
      rows.push(
        new TableRow({
          cantSplit: keepRowsWhole,
          // A group's title row never ends a page without its first row.
          keepNext: true,
          children: [spanning(plain(row.text, { bold: true }), GROUP_FILL)],
        }),
      );
      continue;
    }
    const rule = row.total ? { top: { style: BorderStyle.SINGLE, size: 12, color: '000000' } } : undefined;
    rows.push(
      new TableRow({
        cantSplit: keepRowsWhole,
        height: block.tall ? { value: CM, rule: HeightRule.ATLEAST } : undefined,
        children: block.columns.map(
          (column, i) =>
            new TableCell({
              width: { size: widths[i] ?? 0, type: WidthType.DXA },
              borders: rule,
              verticalAlign: block.tall ? 'center' : undefined,
              children: [cellParagraph(runs(row.cells[i] ?? [], { bold: row.total }), column.align)],
            }),
        ),
      }),
    );
  }
  if (block.rows.length === 0 && block.empty) {
    rows.push(new TableRow({ children: [spanning(plain(block.empty, { italics: true, color: MUTED }))] }));
  }

  return new Table({
    width: { size: contentWidth, type: WidthType.DXA },
    columnWidths: widths,
    // Fixed layout: Word keeps the model's proportions instead of sizing columns to content,
    // and lays long tables out much faster.
    layout: TableLayoutType.FIXED,
    margins: { top: 40, bottom: 40, left: 90, right: 90 },
    rows,
  });
}

function fieldsBlock(block: Extract<Block, { type: 'fields' }>, contentWidth: number): Table {
  const labelWidth = Math.round(contentWidth * 0.3);
  return new Table({
    width: { size: contentWidth, type: WidthType.DXA },
    columnWidths: [labelWidth, contentWidth - labelWidth],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    margins: { top: 20, bottom: 20, left: 0, right: 90 },
    rows: block.items.map(
      (item) =>
        new TableRow({
          children: [
            new TableCell({
              width: { size: labelWidth, type: WidthType.DXA },
              children: [cellParagraph(plain(item.label, { bold: true }))],
            }),
            new TableCell({
              width: { size: contentWidth - labelWidth, type: WidthType.DXA },
              children: [cellParagraph(plain(item.value))],
            }),
          ],
        }),
    ),
  });
}

/**
 * The signature block: in the right half of the page, each line centred over the others, as
 * the administration signs; kept together on one page.
 */
function signatureBlock(block: Extract<Block, { type: 'signature' }>, contentWidth: number): Paragraph[] {
  const indent = { left: Math.round(contentWidth / 2) };
  const line = (children: TextRun[], extra: { before?: number; after?: number } = {}, keepNext = true) =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      indent,
      keepNext,
      keepLines: true,
      spacing: { before: extra.before ?? 0, after: extra.after ?? 0 },
      children,
    });
  const out: Paragraph[] = [];
  if (present(block.placeDate)) out.push(line(plain(block.placeDate), { before: 360, after: 120 }));
  const hasName = present(block.name);
  // The room left for the hand-written signature (~1.5 cm) is the space after the title.
  out.push(
    line(plain(block.title, { bold: true }), { before: out.length === 0 ? 360 : 0, after: 850 }, hasName),
  );
  if (hasName) out.push(line(plain(block.name ?? '', { bold: true }), {}, false));
  return out;
}

type BodyChild = Paragraph | Table;

function renderBlocks(blocks: Block[], box: Box): BodyChild[] {
  const contentWidth = box.width;
  const out: BodyChild[] = [];
  let orderedLists = 0;
  blocks.forEach((block, index) => {
    switch (block.type) {
      case 'title':
        out.push(new Paragraph({ heading: HeadingLevel.TITLE, children: plain(block.text) }));
        if (block.subtitle !== undefined && singleLine(block.subtitle) !== '') {
          out.push(
            new Paragraph({
              alignment: AlignmentType.CENTER,
              spacing: { after: 240 },
              children: plain(block.subtitle),
            }),
          );
        }
        break;
      case 'heading': {
        const level =
          block.level === 1
            ? HeadingLevel.HEADING_1
            : block.level === 2
              ? HeadingLevel.HEADING_2
              : HeadingLevel.HEADING_3;
        out.push(new Paragraph({ heading: level, children: plain(block.text) }));
        break;
      }
      case 'paragraph':
        out.push(
          new Paragraph({
            alignment: block.align ? ALIGN[block.align] : undefined,
            children: runs(block.runs),
          }),
        );
        break;
      case 'list': {
        // Each ordered list is its own numbering instance, so it counts from 1 again.
        const instance = block.ordered ? ++orderedLists : 0;
        for (const item of block.items) {
          out.push(
            new Paragraph({
              numbering: { reference: block.ordered ? ORDERED : BULLETS, level: 0, instance },
              spacing: { after: 60 },
              children: runs(item),
            }),
          );
        }
        break;
      }
      case 'table':
        out.push(tableBlock(block, box));
        // Word glues two consecutive tables into one: a paragraph keeps them apart.
        out.push(new Paragraph({ spacing: { after: 0 }, children: [] }));
        break;
      case 'fields':
        // Word refuses a table without rows: no items, no table.
        if (block.items.length === 0) break;
        out.push(fieldsBlock(block, contentWidth));
        out.push(new Paragraph({ spacing: { after: 0 }, children: [] }));
        break;
      case 'note':
        out.push(new Paragraph({ children: plain(block.text, { size: NOTE_SIZE, color: MUTED }) }));
        break;
      case 'signature':
        out.push(...signatureBlock(block, contentWidth));
        break;
      case 'pageBreak':
        // A break with nothing before or after it would only print a blank page.
        if (out.length > 0 && index < blocks.length - 1)
          out.push(new Paragraph({ children: [new PageBreak()] }));
        break;
    }
  });
  return out;
}

function footer(model: DocumentModel, contentWidth: number): Footer {
  const numberWidth = Math.round(contentWidth * 0.25);
  const small = { size: FOOTER_SIZE, color: MUTED };
  return new Footer({
    children: [
      new Table({
        width: { size: contentWidth, type: WidthType.DXA },
        columnWidths: [contentWidth - numberWidth, numberWidth],
        layout: TableLayoutType.FIXED,
        borders: TableBorders.NONE,
        rows: [
          new TableRow({
            children: [
              new TableCell({
                width: { size: contentWidth - numberWidth, type: WidthType.DXA },
                children: [cellParagraph(plain(singleLine(model.footer), small))],
              }),
              new TableCell({
                width: { size: numberWidth, type: WidthType.DXA },
                children: [
                  cellParagraph(
                    [
                      new TextRun({
                        ...small,
                        // Word fields: the only "live" content of the document.
                        children: ['Page ', PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES],
                      }),
                    ],
                    'right',
                  ),
                ],
              }),
            ],
          }),
        ],
      }),
    ],
  });
}

const listIndent = { paragraph: { indent: { left: 567, hanging: 340 } } };

/** The model as a .docx file. Text is always text: nothing in it is read as markup or a field. */
export async function renderDocx(model: DocumentModel, assets: RenderAssets): Promise<Uint8Array> {
  const landscape = model.orientation === 'landscape';
  const box: Box = {
    width: (landscape ? A4_HEIGHT : A4_WIDTH) - 2 * MARGIN,
    height: (landscape ? A4_WIDTH : A4_HEIGHT) - 2 * MARGIN,
  };
  const contentWidth = box.width;

  const children: BodyChild[] = [];
  const headingBlock = headingTable(model.heading, assets.logo, contentWidth);
  if (headingBlock) {
    children.push(headingBlock, new Paragraph({ spacing: { after: 240 }, children: [] }));
  }
  children.push(...renderBlocks(model.blocks, box));
  // A section needs at least one paragraph; an empty model is an empty page, not a broken file.
  if (children.length === 0) children.push(new Paragraph({ children: [] }));

  const section: ISectionOptions = {
    properties: {
      page: {
        size: {
          width: A4_WIDTH,
          height: A4_HEIGHT,
          orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, header: 567, footer: 567 },
      },
    },
    footers: { default: footer(model, contentWidth) },
    children,
  };

  // The outline level is what Word's navigation pane and table of contents read.
  const heading = (level: number, size: number, extra: { italics?: boolean; before?: number } = {}) => ({
    run: { font: FONT, size, bold: true, italics: extra.italics, color: '000000' },
    paragraph: {
      spacing: { before: extra.before ?? 240, after: 120 },
      keepNext: true,
      keepLines: true,
      outlineLevel: level - 1,
    },
  });

  const document = new Document({
    title: singleLine(model.title),
    creator: 'Concerto',
    styles: {
      default: {
        document: {
          run: { font: FONT, size: BODY_SIZE, sizeComplexScript: BODY_SIZE, language: { value: 'fr-FR' } },
          paragraph: { spacing: { after: 120 } },
        },
        title: {
          run: { font: FONT, size: 28, bold: true, color: '000000' },
          paragraph: {
            alignment: AlignmentType.CENTER,
            spacing: { before: 240, after: 120 },
            keepNext: true,
          },
        },
        heading1: heading(1, 26),
        heading2: heading(2, 24, { before: 200 }),
        heading3: heading(3, 22, { italics: true, before: 160 }),
      },
    },
    numbering: {
      config: [
        {
          reference: ORDERED,
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.START,
              style: listIndent,
            },
          ],
        },
        {
          reference: BULLETS,
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: '•',
              alignment: AlignmentType.START,
              style: listIndent,
            },
          ],
        },
      ],
    },
    sections: [section],
  });

  return Packer.toBuffer(document);
}
