import { join, resolve } from 'node:path';
import { crc32, deflateSync, inflateSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { extractText, getDocumentProxy, getMeta } from 'unpdf';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderDocx } from '../../electron/backend/features/documents/render/docx';
import { renderPdf } from '../../electron/backend/features/documents/render/pdf';
import type { LogoAsset, RenderAssets } from '../../electron/backend/features/documents/types';
import { numberFr } from '../../shared/documents/format';
import {
  type Block,
  cell,
  type DocumentModel,
  DocumentModelSchema,
  heading,
  paragraph,
  type TableRow,
  text,
} from '../../shared/documents/model';

// The DOCX and PDF renderers, checked the way a secretary would: the Word file opens and says
// what the model says, in order; the PDF has the right pages, the header row on each page of a
// long table, French accents and numbers, the page footer, and says which characters it could
// not draw.

// The same folder as harness.ts's RESOURCES_DIR; not imported from there, as the harness loads
// the whole backend and these renderers need none of it.
const FONTS_DIR = join(resolve(import.meta.dirname, '..', '..', 'resources'), 'fonts');
const noLogo: RenderAssets = { fontsDir: FONTS_DIR, logo: null };

// ── Fixtures ──────────────────────────────────────────────────────────────

/** A real PNG (solid colour), encoded by hand so the test needs no image library. */
function png(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Buffer): Buffer => {
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x2a)]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const LOGO: LogoAsset = { bytes: png(40, 20), mime: 'image/png', width: 40, height: 20 };

function model(blocks: Block[], overrides: Partial<DocumentModel> = {}): DocumentModel {
  return DocumentModelSchema.parse({
    kind: 'convocation',
    title: 'Convocation à la 3e session ordinaire',
    fileStem: '2025-03-14_GTGPS_convocation',
    orientation: 'portrait',
    heading: {
      country: 'République du Mali',
      motto: 'Un Peuple – Un But – Une Foi',
      ministry: 'Ministère de la Santé et du Développement social',
      service: 'Direction régionale de Ségou',
      logo: false,
      reference: 'N° 2025/014/DRDS-S',
      placeDate: 'Ségou, le 3 mars 2025',
    },
    blocks,
    footer: 'GTGPS — Convocation',
    ...overrides,
  });
}

function recommendationsTable(count: number): Block {
  const rows: TableRow[] = [{ kind: 'group', text: 'Axe 1 — Gouvernance' }];
  for (let i = 1; i <= count; i++) {
    const ref = `R-${String(i).padStart(3, '0')}`;
    rows.push({
      kind: 'row',
      cells: [
        cell(ref),
        cell(`Renforcer la coordination des interventions n° ${i} dans la région de Ségou`),
        cell('Direction régionale'),
        cell('30 juin 2025'),
        cell('En cours'),
      ],
    });
  }
  return {
    type: 'table',
    columns: [
      { header: 'N°', width: 1 },
      { header: 'Recommandation', width: 5 },
      { header: 'Responsable', width: 2 },
      { header: 'Échéance', width: 1.5 },
      { header: 'Statut', width: 1.5 },
    ],
    rows,
  };
}

const letterBlocks: Block[] = [
  { type: 'title', text: 'CONVOCATION', subtitle: '3e session ordinaire du GTGPS' },
  heading(1, 'Objet de la réunion'),
  paragraph([
    text('Les membres sont invités à la '),
    text('session ordinaire', { bold: true }),
    text(' du groupe.'),
  ]),
  heading(2, 'Ordre du jour'),
  { type: 'list', ordered: true, items: [[text('Mot de bienvenue')], [text('Bilan des recommandations')]] },
  { type: 'list', ordered: false, items: [[text('Divers')]] },
  {
    type: 'fields',
    items: [
      { label: 'Date', value: 'jeudi 13 mars 2025' },
      { label: 'Lieu', value: 'Salle de réunion de la DRDS' },
      { label: 'Budget', value: `${numberFr(1234.5)} FCFA` },
    ],
  },
  {
    type: 'table',
    columns: [
      { header: 'Horaire', width: 1 },
      { header: 'Activités', width: 4 },
      { header: 'Responsable', width: 2 },
    ],
    rows: [
      { kind: 'group', text: 'Jour 1 — jeudi 13 mars 2025' },
      { kind: 'row', cells: [cell('08h30'), cell('Accueil des participants'), cell('Secrétariat')] },
      { kind: 'row', cells: [cell('09h00'), cell('Ouverture'), cell('Président')] },
      { kind: 'row', cells: [cell(''), cell('Total'), cell('2')], total: true },
    ],
  },
  { type: 'note', text: 'Source : registre des présences.' },
  {
    type: 'signature',
    placeDate: 'Fait à Ségou, le 3 mars 2025',
    title: 'Le Directeur régional',
    name: 'Dr Amadou Traoré',
  },
];

// ── Reading the outputs back ──────────────────────────────────────────────

function unzip(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

function part(files: Record<string, Uint8Array>, name: string): string {
  const file = files[name];
  if (!file) throw new Error(`${name} is missing from the package`);
  return new TextDecoder().decode(file);
}

function decodeXml(value: string): string {
  return value
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

interface WordParagraph {
  xml: string;
  text: string;
  style: string | null;
}

/** The paragraphs of a WordprocessingML part in document order, with their text and style. */
function wordParagraphs(xml: string): WordParagraph[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => ({
    xml: p,
    text: [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:(br|tab)\/>/g)]
      .map((m) => (m[2] === 'br' ? '\n' : m[2] === 'tab' ? '\t' : decodeXml(m[1] ?? '')))
      .join(''),
    style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? null,
  }));
}

/** Whether every opened tag is closed in order: a cheap well-formedness check, enough here. */
function tagsBalance(xml: string): boolean {
  const stack: string[] = [];
  for (const m of xml.matchAll(/<(\/?)([A-Za-z_][\w:.-]*)(?:\s[^>]*?)?(\/?)>/g)) {
    const [, closing, name, selfClosing] = m;
    if (selfClosing) continue;
    if (closing) {
      if (stack.pop() !== name) return false;
    } else {
      stack.push(name ?? '');
    }
  }
  return stack.length === 0;
}

/** Where each text first appears in the list, for "in this order" assertions. */
function positions(texts: string[], wanted: string[]): number[] {
  return wanted.map((w) => texts.findIndex((t) => t.includes(w)));
}

function expectInOrder(texts: string[], wanted: string[]): void {
  const at = positions(texts, wanted);
  for (const [i, p] of at.entries()) expect(p, `"${wanted[i]}" is present`).toBeGreaterThanOrEqual(0);
  expect(at).toEqual([...at].sort((a, b) => a - b));
}

/** Every wanted text is in `text`, in this order. */
function expectInText(text: string, wanted: string[]): void {
  let from = 0;
  for (const w of wanted) {
    const at = text.indexOf(w, from);
    expect(at, `"${w}" after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + w.length;
  }
}

/**
 * The characters a PDF draws, from the ToUnicode maps of its fonts (pdfkit writes one bfrange
 * per font subset): what the page shows, without pdf.js's normalisation of spaces.
 */
function drawnCodePoints(bytes: Uint8Array): Set<number> {
  const raw = Buffer.from(bytes);
  const latin = raw.toString('latin1');
  const out = new Set<number>();
  for (const m of latin.matchAll(/stream\r?\n/g)) {
    const start = (m.index ?? 0) + m[0].length;
    const end = latin.indexOf('endstream', start);
    let stream: string;
    try {
      stream = inflateSync(raw.subarray(start, end)).toString('latin1');
    } catch {
      continue; // not a deflated stream (an image, say)
    }
    const range = /beginbfrange\s*<[0-9a-f]+> <[0-9a-f]+> \[([^\]]*)\]/i.exec(stream);
    for (const hex of range?.[1]?.match(/<([0-9a-f]+)>/gi) ?? []) {
      const utf16 =
        hex
          .slice(1, -1)
          .match(/.{4}/g)
          ?.map((u) => Number.parseInt(u, 16)) ?? [];
      const cp = String.fromCharCode(...utf16).codePointAt(0);
      if (cp !== undefined) out.add(cp);
    }
  }
  return out;
}

async function pdfText(bytes: Uint8Array): Promise<{ totalPages: number; pages: string[] }> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { totalPages, text: pages } = await extractText(pdf, { mergePages: false });
  return { totalPages, pages };
}

/** Whether a text holds a character XML 1.0 forbids (C0 controls but tab/LF/CR, U+FFFE/FFFF). */
function hasInvalidXmlChar(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffe || c === 0xffff) return true;
  }
  return false;
}

// ── DOCX ──────────────────────────────────────────────────────────────────

describe('DOCX renderer', () => {
  it('writes the heading, title, headings, lists, table rows, fields and signature in order', async () => {
    const files = unzip(await renderDocx(model(letterBlocks), noLogo));
    const xml = part(files, 'word/document.xml');
    expect(tagsBalance(xml)).toBe(true);
    const paragraphs = wordParagraphs(xml);
    const texts = paragraphs.map((p) => p.text);

    expectInOrder(texts, [
      // Heading: ministry (upper case) over the service and reference, then the country side.
      'MINISTÈRE DE LA SANTÉ ET DU DÉVELOPPEMENT SOCIAL',
      '--------',
      'Direction régionale de Ségou',
      'N° 2025/014/DRDS-S',
      'RÉPUBLIQUE DU MALI',
      'Un Peuple – Un But – Une Foi',
      'Ségou, le 3 mars 2025',
      'CONVOCATION',
      '3e session ordinaire du GTGPS',
      'Objet de la réunion',
      'Les membres sont invités à la session ordinaire du groupe.',
      'Ordre du jour',
      'Mot de bienvenue',
      'Bilan des recommandations',
      'Divers',
      'Date',
      'jeudi 13 mars 2025',
      'Budget',
      '1\u202f234,5 FCFA',
      'Horaire',
      'Activités',
      'Jour 1 — jeudi 13 mars 2025',
      'Accueil des participants',
      'Ouverture',
      'Total',
      'Source : registre des présences.',
      'Fait à Ségou, le 3 mars 2025',
      'Le Directeur régional',
      'Dr Amadou Traoré',
    ]);

    // Real heading styles, so Word's navigation pane lists them.
    const styled = (style: string) => paragraphs.filter((p) => p.style === style).map((p) => p.text);
    expect(styled('Heading1')).toEqual(['Objet de la réunion']);
    expect(styled('Heading2')).toEqual(['Ordre du jour']);
    expect(styled('Title')).toEqual(['CONVOCATION']);
    const styles = part(files, 'word/styles.xml');
    expect(styles).toMatch(/w:styleId="Heading1"[\s\S]*?<w:outlineLvl w:val="0"\/>[\s\S]*?<\/w:style>/);
    // The bold run stays bold, the rest does not.
    const sentence = paragraphs.find((p) => p.text.startsWith('Les membres'));
    expect(sentence?.xml).toMatch(/<w:b\/>[\s\S]*session ordinaire/);
    // Lists are Word lists: each item is numbered.
    const items = paragraphs.filter((p) => p.xml.includes('<w:numPr>'));
    expect(items.map((p) => p.text)).toEqual(['Mot de bienvenue', 'Bilan des recommandations', 'Divers']);

    // The table: header row repeated on each page, in grey, bold; the group row spans all columns.
    const table = xml.slice(xml.indexOf('Horaire') - 2000, xml.indexOf('Source : registre'));
    const headerRow = /<w:tr>[\s\S]*?<\/w:tr>/.exec(
      table.slice(table.lastIndexOf('<w:tr>', table.indexOf('Horaire'))),
    )?.[0];
    expect(headerRow).toContain('<w:tblHeader/>');
    expect(headerRow).toContain('w:fill="D9D9D9"');
    expect(table).toContain('<w:gridSpan w:val="3"/>');
    // Column widths follow the model's proportions (1 : 4 : 2).
    const grid = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].slice(-3).map((m) => Number(m[1]));
    expect(Math.round((grid[1] ?? 0) / (grid[0] ?? 1))).toBe(4);
    expect(Math.round((grid[2] ?? 0) / (grid[0] ?? 1))).toBe(2);

    // Footer: the model's footer and live page numbers.
    const footers = Object.keys(files).filter((name) => /^word\/footer\d*\.xml$/.test(name));
    expect(footers.length).toBeGreaterThan(0);
    const footer = footers.map((name) => part(files, name)).join('');
    expect(footer).toContain('GTGPS — Convocation');
    expect(footer).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(footer).toMatch(/<w:instrText[^>]*>\s*NUMPAGES\s*<\/w:instrText>/);

    // Metadata title and portrait A4.
    expect(part(files, 'docProps/core.xml')).toContain(
      '<dc:title>Convocation à la 3e session ordinaire</dc:title>',
    );
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).not.toContain('w:orient="landscape"');
    // No logo asked, none embedded.
    expect(Object.keys(files).some((name) => name.startsWith('word/media/'))).toBe(false);
  });

  it('embeds the logo when the heading asks for it and one is given', async () => {
    const withLogo = model(letterBlocks, {
      heading: { ...model([]).heading, logo: true },
    });
    const files = unzip(await renderDocx(withLogo, { fontsDir: FONTS_DIR, logo: LOGO }));
    const media = Object.keys(files).filter((name) => name.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    expect(Buffer.from(files[media[0] ?? ''] ?? []).equals(Buffer.from(LOGO.bytes))).toBe(true);
    const xml = part(files, 'word/document.xml');
    // Scaled to 2.2 cm high keeping its 2:1 ratio: 83 × 166 px → EMU at 9525 per px.
    const extent = /<wp:extent cx="(\d+)" cy="(\d+)"/.exec(xml);
    expect(Number(extent?.[1]) / Number(extent?.[2])).toBeCloseTo(2, 1);
    expect(Number(extent?.[2]) / 360000).toBeCloseTo(2.2, 1); // EMU per cm
    // The logo comes before the ministry, in the left column.
    expect(xml.indexOf('<w:drawing>')).toBeLessThan(xml.indexOf('MINISTÈRE'));
    // logo: false in the heading means no logo, even if one is stored.
    const hidden = unzip(await renderDocx(model(letterBlocks), { fontsDir: FONTS_DIR, logo: LOGO }));
    expect(Object.keys(hidden).some((name) => name.startsWith('word/media/'))).toBe(false);
  });

  it('turns landscape pages and makes tall rows at least 1 cm high', async () => {
    const signIn: Block = {
      type: 'table',
      columns: [
        { header: 'N°', width: 1 },
        { header: 'Nom et prénom', width: 4 },
        { header: 'Signature', width: 3 },
      ],
      rows: [{ kind: 'row', cells: [cell(1), cell('Awa Diallo'), cell('')] }],
      tall: true,
    };
    const files = unzip(await renderDocx(model([signIn], { orientation: 'landscape' }), noLogo));
    const xml = part(files, 'word/document.xml');
    expect(xml).toContain('w:orient="landscape"');
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906"/);
    expect(xml).toMatch(/<w:trHeight w:val="567" w:hRule="atLeast"\/>/);
  });

  it('keeps hostile text as literal text and drops characters XML forbids', async () => {
    const hostile = model([
      { type: 'title', text: '<script>alert(1)</script>' },
      paragraph('=HYPERLINK("http://x")'),
      paragraph('Bravo 🎉 👍 — مرحبا بكم'),
      paragraph('nul\u0000 vt\u000bligne 2 ff\u000c lone\ud800 nonchar\uffff fin'),
      {
        type: 'table',
        columns: [{ header: '<b>Colonne</b>', width: 1 }],
        rows: [{ kind: 'row', cells: [cell('@SUM(A1) & <i>')] }],
      },
    ]);
    const bytes = await renderDocx(hostile, noLogo);
    const files = unzip(bytes);
    const xml = part(files, 'word/document.xml');
    expect(tagsBalance(xml)).toBe(true);
    expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain('<b>');
    // Text is never a field: only the footer's page numbers are.
    expect(xml).not.toMatch(/<w:fldSimple|<w:instrText|<w:fldChar/);
    const texts = wordParagraphs(xml).map((p) => p.text);
    expect(texts).toContain('=HYPERLINK("http://x")');
    expect(texts).toContain('@SUM(A1) & <i>');
    // Word has fallback fonts: the DOCX keeps emoji and Arabic.
    expect(texts).toContain('Bravo 🎉 👍 — مرحبا بكم');
    // Control characters are gone; a vertical tab or form feed is a line break.
    expect(texts).toContain('nul vt\nligne 2 ff\n lone nonchar fin');
    for (const [name, file] of Object.entries(files)) {
      if (name.endsWith('.xml') || name.endsWith('.rels')) {
        expect(hasInvalidXmlChar(new TextDecoder().decode(file)), name).toBe(false);
      }
    }
  });

  it('renders an empty model, an empty table and a 30,000-character paragraph', async () => {
    const empty = model([], {
      heading: { country: null, motto: null, ministry: null, service: null, logo: false },
    });
    const emptyXml = part(unzip(await renderDocx(empty, noLogo)), 'word/document.xml');
    expect(tagsBalance(emptyXml)).toBe(true);
    // An entirely empty heading prints nothing: no heading table, no text.
    expect(emptyXml).not.toContain('<w:tbl>');
    expect(wordParagraphs(emptyXml).every((p) => p.text === '')).toBe(true);

    const long = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(527).slice(0, 30_000);
    const xml = part(
      unzip(
        await renderDocx(
          model([
            paragraph(long),
            {
              type: 'table',
              columns: [{ header: 'Recommandation', width: 1 }],
              rows: [],
              empty: 'Aucune recommandation.',
            },
            { type: 'fields', items: [] },
            // A row with fewer cells than columns, one with more.
            {
              type: 'table',
              columns: [
                { header: 'A', width: 1 },
                { header: 'B', width: 1 },
              ],
              rows: [
                { kind: 'row', cells: [] },
                { kind: 'row', cells: [cell('un'), cell('deux'), cell('trois')] },
              ],
            },
            { type: 'list', ordered: true, items: [] },
            { type: 'pageBreak' },
          ]),
          noLogo,
        ),
      ),
      'word/document.xml',
    );
    expect(tagsBalance(xml)).toBe(true);
    const texts = wordParagraphs(xml).map((p) => p.text);
    expect(texts).toContain(long);
    expectInOrder(texts, ['Recommandation', 'Aucune recommandation.']);
    // Word refuses a table without rows; a trailing page break would print a blank page.
    for (const table of xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? []) expect(table).toContain('<w:tr>');
    expect(xml).not.toContain('w:type="page"');
  });

  it('leaves out empty heading parts without blank lines', async () => {
    const partial = model([paragraph('Texte')], {
      heading: { country: 'Burkina Faso', motto: null, ministry: null, service: 'Secrétariat', logo: false },
    });
    const texts = wordParagraphs(part(unzip(await renderDocx(partial, noLogo)), 'word/document.xml')).map(
      (p) => p.text,
    );
    const headingTexts = texts.slice(0, texts.indexOf('Texte')).filter((t) => t !== '');
    // No ministry: no rule on the left; no motto: no rule on the right.
    expect(headingTexts).toEqual(['Secrétariat', 'BURKINA FASO']);
  });
});

// ── PDF ───────────────────────────────────────────────────────────────────

describe('PDF renderer', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('prints a one-page letter with its heading, accents, French numbers and footer', async () => {
    const { bytes, missingCharacters } = await renderPdf(model(letterBlocks), noLogo);
    expect(missingCharacters).toEqual([]);
    const { totalPages, pages } = await pdfText(bytes);
    expect(totalPages).toBe(1);
    // Lines wrap where the layout decides: compare with line ends as spaces.
    const page = (pages[0] ?? '').replace(/\n/g, ' ');
    expectInText(page, [
      'MINISTÈRE DE LA SANTÉ ET DU DÉVELOPPEMENT SOCIAL',
      'Direction régionale de Ségou',
      'N° 2025/014/DRDS-S',
      'RÉPUBLIQUE DU MALI',
      'Un Peuple – Un But – Une Foi',
      'Ségou, le 3 mars 2025',
      'CONVOCATION',
      '3e session ordinaire du GTGPS',
      'Objet de la réunion',
      'Les membres sont invités à la session ordinaire du groupe.',
      'Bilan des recommandations',
      'Budget',
      // pdf.js reads every kind of space back as U+0020; the font map below proves which it is.
      '1 234,5 FCFA',
      'Horaire',
      'Jour 1 — jeudi 13 mars 2025',
      'Accueil des participants',
      'Ouverture',
      'Source : registre des présences.',
      'Fait à Ségou, le 3 mars 2025',
      'Le Directeur régional',
      'Dr Amadou Traoré',
      'GTGPS — Convocation',
      'Page 1 / 1',
    ]);

    // "1 234,5" is printed with the narrow no-break space of French grouping, not a plain space.
    expect(drawnCodePoints(bytes).has(0x202f)).toBe(true);

    const meta = await getMeta(await getDocumentProxy(new Uint8Array(bytes)));
    expect((meta.info as { Title?: string }).Title).toBe('Convocation à la 3e session ordinaire');
    const first = await (await getDocumentProxy(new Uint8Array(bytes))).getPage(1);
    const [, , width, height] = first.view;
    expect(width).toBeLessThan(height ?? 0);
  });

  it('repeats the header row on every page of a long table, rows in order', async () => {
    const { bytes } = await renderPdf(
      model([{ type: 'title', text: 'AIDE-MÉMOIRE' }, recommendationsTable(120)], {
        orientation: 'landscape',
      }),
      noLogo,
    );
    const { totalPages, pages } = await pdfText(bytes);
    expect(totalPages).toBeGreaterThanOrEqual(2);
    pages.forEach((page, i) => {
      expect(page).toContain('Recommandation');
      expect(page).toContain('Responsable');
      expect(page).toContain('Échéance');
      expect(page).toContain(`Page ${i + 1} / ${totalPages}`);
    });
    // Only the first page carries the title; the group row comes before the first row.
    expect(pages[0]).toContain('AIDE-MÉMOIRE');
    expect(pages[1]).not.toContain('AIDE-MÉMOIRE');
    const all = pages.join('\n');
    expectInText(all, ['AIDE-MÉMOIRE', 'Axe 1 — Gouvernance', 'R-001']);
    const refs = [...all.matchAll(/R-(\d{3})/g)].map((m) => Number(m[1]));
    expect(refs).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
    // Landscape: wider than high.
    const first = await (await getDocumentProxy(new Uint8Array(bytes))).getPage(1);
    const [, , width, height] = first.view;
    expect(width).toBeGreaterThan(height ?? 0);
  });

  it('keeps ordinary rows whole, and still prints a cell longer than a page', async () => {
    const { bytes } = await renderPdf(model([recommendationsTable(60)]), noLogo);
    const { pages } = await pdfText(bytes);
    // Each row starts and ends on the same page: "R-007" and its "n° 7 dans la région de Ségou".
    for (let i = 1; i <= 60; i++) {
      const ref = `R-${String(i).padStart(3, '0')}`;
      const page = pages.findIndex((p) => p.includes(ref));
      expect(pages[page]?.replace(/\s+/g, ' '), ref).toContain(`n° ${i} dans la région de Ségou`);
    }

    // A row that cannot fit on one page breaks across pages rather than vanishing.
    const huge = `DÉBUT ${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(200)}FIN`;
    const table: Block = {
      type: 'table',
      columns: [
        { header: 'N°', width: 1 },
        { header: 'Texte', width: 6 },
      ],
      rows: [
        { kind: 'row', cells: [cell('1'), cell('avant')] },
        { kind: 'row', cells: [cell('2'), cell(huge)] },
        { kind: 'row', cells: [cell('3'), cell('après')] },
      ],
    };
    const long = await pdfText((await renderPdf(model([table]), noLogo)).bytes);
    expect(long.totalPages).toBeGreaterThanOrEqual(2);
    expectInText(long.pages.join('\n'), ['avant', 'DÉBUT', 'FIN', 'après']);
    // The DOCX lets that table's rows break too (Word would clip an unbreakable row).
    const docxXml = part(unzip(await renderDocx(model([table]), noLogo)), 'word/document.xml');
    expect(docxXml).not.toContain('<w:cantSplit/>');
    const ordinary = part(
      unzip(await renderDocx(model([recommendationsTable(3)]), noLogo)),
      'word/document.xml',
    );
    expect(ordinary).toContain('<w:cantSplit/>');
  });

  it('flows a 30,000-character paragraph over several pages', async () => {
    const long = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(527).slice(0, 30_000);
    const { bytes } = await renderPdf(model([paragraph(long), paragraph('FIN DU TEXTE')]), noLogo);
    const { totalPages, pages } = await pdfText(bytes);
    expect(totalPages).toBeGreaterThanOrEqual(4);
    expect(pages.at(-1)).toContain('FIN DU TEXTE');
    expect(pages.at(-1)).toContain(`Page ${totalPages} / ${totalPages}`);
    // One 30,000-character word (no space to break at) does not crash either.
    const word = await renderPdf(model([paragraph('x'.repeat(30_000))]), noLogo);
    expect((await pdfText(word.bytes)).totalPages).toBeGreaterThanOrEqual(2);
  });

  it('leaves out and reports the characters the font cannot draw', async () => {
    const { bytes, missingCharacters } = await renderPdf(
      model([
        paragraph('Bravo 🎉 à tous 👍 et 🎉 encore'),
        paragraph([text('مرحبا بكم'), text(' — italique arabe : '), text('سلام', { italic: true })]),
      ]),
      noLogo,
    );
    // Each once, in order of appearance. DejaVu Sans has Arabic in its regular face only.
    expect(missingCharacters).toEqual(['🎉', '👍', 'س', 'ل', 'ا', 'م']);
    const all = (await pdfText(bytes)).pages.join('\n');
    expect(all).toContain('Bravo');
    expect(all).toContain('à tous');
    expect(all).not.toContain('🎉');
    expect(all).not.toContain('👍');
    const drawn = drawnCodePoints(bytes);
    expect(drawn.has(0x1f389)).toBe(false);
    expect(drawn.has('à'.codePointAt(0) ?? 0)).toBe(true);
    // Arabic in the regular face is drawn.
    expect(drawn.has('ب'.codePointAt(0) ?? 0)).toBe(true);
  });

  it('prints hostile text literally, fetches nothing and survives empty parts', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const { bytes, missingCharacters } = await renderPdf(
      model([
        { type: 'title', text: '<script>alert(1)</script>' },
        paragraph('=HYPERLINK("http://x") file:///etc/passwd'),
        paragraph('nul\u0000 vt\u000bligne 2 lone\ud800 fin'),
        {
          type: 'table',
          columns: [{ header: 'Recommandation', width: 1 }],
          rows: [],
          empty: 'Aucune recommandation.',
        },
        { type: 'list', ordered: true, items: [] },
        { type: 'fields', items: [] },
        // A row with fewer cells than columns, one with more.
        {
          type: 'table',
          columns: [
            { header: 'A', width: 1 },
            { header: 'B', width: 1 },
          ],
          rows: [
            { kind: 'row', cells: [] },
            { kind: 'row', cells: [cell('un'), cell('deux'), cell('trois')] },
          ],
        },
        { type: 'pageBreak' },
      ]),
      noLogo,
    );
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(missingCharacters).toEqual([]);
    const { totalPages, pages } = await pdfText(bytes);
    // The trailing page break does not print a blank page.
    expect(totalPages).toBe(1);
    const page = pages[0] ?? '';
    expect(page).toContain('<script>alert(1)</script>');
    expect(page).toContain('=HYPERLINK("http://x") file:///etc/passwd');
    expect(page).toContain('Aucune recommandation.');
    expect(page).toMatch(/nul vt\s+ligne 2 lone fin/);
    expect(hasInvalidXmlChar(page)).toBe(false);

    const nothing = await renderPdf(
      model([], { heading: { country: null, motto: null, ministry: null, service: null, logo: false } }),
      noLogo,
    );
    const blank = await pdfText(nothing.bytes);
    expect(blank.totalPages).toBe(1);
    expect(blank.pages[0]).toContain('Page 1 / 1');
  });

  it('draws the logo and honours page breaks', async () => {
    const withLogo = model([paragraph('Première page'), { type: 'pageBreak' }, paragraph('Deuxième page')], {
      heading: { ...model([]).heading, logo: true },
    });
    const { bytes } = await renderPdf(withLogo, { fontsDir: FONTS_DIR, logo: LOGO });
    expect(Buffer.from(bytes).toString('latin1')).toContain('/Subtype /Image');
    const { totalPages, pages } = await pdfText(bytes);
    expect(totalPages).toBe(2);
    expect(pages[0]).toContain('Première page');
    expect(pages[1]).toContain('Deuxième page');
    expect(pages[1]).not.toContain('RÉPUBLIQUE DU MALI');

    const { bytes: without } = await renderPdf(model([paragraph('Sans logo')]), noLogo);
    expect(Buffer.from(without).toString('latin1')).not.toContain('/Subtype /Image');
  });
});
