import { z } from 'zod';

// The one model every document is built into before it is rendered. A builder turns database
// rows into a DocumentModel (pure); three renderers turn the model into DOCX, PDF (backend) and
// the HTML preview (renderer). They share this model, so the three never disagree: a renderer
// decides how a block looks, never what it says.

export const DOCUMENT_KINDS = [
  // From a meeting
  'convocation',
  'agenda',
  'signInSheet',
  'attendanceList',
  'minutes',
  'decisions',
  'aideMemoire',
  // From a body
  'bodyFactSheet',
  'annualReport',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const MEETING_DOCUMENT_KINDS = [
  'convocation',
  'agenda',
  'signInSheet',
  'attendanceList',
  'minutes',
  'decisions',
  'aideMemoire',
] as const satisfies readonly DocumentKind[];
export type MeetingDocumentKind = (typeof MEETING_DOCUMENT_KINDS)[number];

export const BODY_DOCUMENT_KINDS = [
  'bodyFactSheet',
  'annualReport',
] as const satisfies readonly DocumentKind[];
export type BodyDocumentKind = (typeof BODY_DOCUMENT_KINDS)[number];

/** A run of text with its emphasis. Text is plain: renderers escape it for their format. */
export const InlineSchema = z.object({
  text: z.string(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
});
export type Inline = z.infer<typeof InlineSchema>;

export const AlignSchema = z.enum(['left', 'center', 'right', 'justify']);
export type Align = z.infer<typeof AlignSchema>;

export const TableColumnSchema = z.object({
  header: z.string(),
  /** Relative width: the renderers share the page's width in these proportions. */
  width: z.number().positive(),
  align: AlignSchema.optional(),
});
export type TableColumn = z.infer<typeof TableColumnSchema>;

export const TableCellSchema = z.array(InlineSchema);
export type TableCell = z.infer<typeof TableCellSchema>;

export const TableRowSchema = z.discriminatedUnion('kind', [
  /** A full-width row that opens a group: "Jour 1 — jeudi 13 avril 2017", "Partie 2 : …". */
  z.object({ kind: z.literal('group'), text: z.string() }),
  /** One cell per column; `total` rows are set in bold with a top rule. */
  z.object({ kind: z.literal('row'), cells: z.array(TableCellSchema), total: z.boolean().optional() }),
]);
export type TableRow = z.infer<typeof TableRowSchema>;

export const BlockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('title'), text: z.string(), subtitle: z.string().optional() }),
  z.object({
    type: z.literal('heading'),
    level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    text: z.string(),
  }),
  z.object({ type: z.literal('paragraph'), runs: z.array(InlineSchema), align: AlignSchema.optional() }),
  z.object({ type: z.literal('list'), ordered: z.boolean(), items: z.array(z.array(InlineSchema)) }),
  z.object({
    type: z.literal('table'),
    columns: z.array(TableColumnSchema).min(1),
    rows: z.array(TableRowSchema),
    /** Text shown in place of the rows when there are none ("Aucune recommandation."). */
    empty: z.string().optional(),
    /** Row height for forms filled by hand (the sign-in sheet's signature column). */
    tall: z.boolean().optional(),
  }),
  /** Label: value pairs (Date, Lieu, Président…). */
  z.object({ type: z.literal('fields'), items: z.array(z.object({ label: z.string(), value: z.string() })) }),
  /** Smaller, muted text: sources, notes under a table. */
  z.object({ type: z.literal('note'), text: z.string() }),
  z.object({
    type: z.literal('signature'),
    /** "Fait à Koulikoro, le 13 avril 2017" */
    placeDate: z.string().optional(),
    title: z.string(),
    name: z.string().optional(),
  }),
  z.object({ type: z.literal('pageBreak') }),
]);
export type Block = z.infer<typeof BlockSchema>;

/** The administrative heading at the top of the first page, configured once in the settings. */
export const DocumentHeadingSchema = z.object({
  country: z.string().nullable(),
  motto: z.string().nullable(),
  ministry: z.string().nullable(),
  service: z.string().nullable(),
  /** Whether the logo chosen in the settings is drawn; the image itself travels apart. */
  logo: z.boolean(),
  /** "N° 2017/014/DRDS-K" — shown under the service on letters. */
  reference: z.string().optional(),
  /** "Koulikoro, le 3 avril 2017" — shown on the right of letters. */
  placeDate: z.string().optional(),
});
export type DocumentHeading = z.infer<typeof DocumentHeadingSchema>;

export const DocumentModelSchema = z.object({
  kind: z.enum(DOCUMENT_KINDS),
  /** The document's title, also its DOCX/PDF metadata title. */
  title: z.string(),
  /** The file name without extension: "2025-03-14_GTGPS_aide-memoire". */
  fileStem: z.string(),
  orientation: z.enum(['portrait', 'landscape']),
  heading: DocumentHeadingSchema,
  blocks: z.array(BlockSchema),
  /** Printed at the foot of every page, next to the page number. */
  footer: z.string(),
});
export type DocumentModel = z.infer<typeof DocumentModelSchema>;

// ── Small constructors, so builders read like the document they make ──────

export function text(value: string, emphasis: { bold?: boolean; italic?: boolean } = {}): Inline {
  return { text: value, ...emphasis };
}

export function paragraph(value: string | Inline[], align?: Align): Block {
  const runs = typeof value === 'string' ? [text(value)] : value;
  return align ? { type: 'paragraph', runs, align } : { type: 'paragraph', runs };
}

export function heading(level: 1 | 2 | 3, value: string): Block {
  return { type: 'heading', level, text: value };
}

export function cell(
  value: string | number | null | undefined,
  emphasis: { bold?: boolean } = {},
): TableCell {
  return [text(value === null || value === undefined ? '' : String(value), emphasis)];
}

/** Every text of a model in reading order: what search, tests and the text of an email see. */
export function modelTexts(model: DocumentModel): string[] {
  const out: string[] = [];
  const h = model.heading;
  for (const v of [h.country, h.motto, h.ministry, h.service, h.reference, h.placeDate]) if (v) out.push(v);
  for (const block of model.blocks) {
    switch (block.type) {
      case 'title':
        out.push(block.text);
        if (block.subtitle) out.push(block.subtitle);
        break;
      case 'heading':
      case 'note':
        out.push(block.text);
        break;
      case 'paragraph':
        out.push(block.runs.map((r) => r.text).join(''));
        break;
      case 'list':
        for (const item of block.items) out.push(item.map((r) => r.text).join(''));
        break;
      case 'table':
        out.push(...block.columns.map((c) => c.header));
        for (const row of block.rows) {
          if (row.kind === 'group') out.push(row.text);
          else for (const c of row.cells) out.push(c.map((r) => r.text).join(''));
        }
        if (block.rows.length === 0 && block.empty) out.push(block.empty);
        break;
      case 'fields':
        for (const item of block.items) out.push(item.label, item.value);
        break;
      case 'signature':
        if (block.placeDate) out.push(block.placeDate);
        out.push(block.title);
        if (block.name) out.push(block.name);
        break;
      case 'pageBreak':
        break;
    }
  }
  return out;
}
