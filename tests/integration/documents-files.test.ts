import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DocumentModel, modelTexts } from '../../shared/documents/model';
import type { DocumentRequest } from '../../shared/rpc/documents';
import { startTestApp, type TestApp } from './harness';

// Every document Concerto writes, from the demonstration data, as the files a user receives:
// the DOCX carries every text of its model in reading order (headings as Word headings, table
// rows in order), and the PDF has its pages and its words. One model, so they agree.

let app: TestApp;
let meetingId = '';
let bodyId = '';
let meetingYear = 0;

beforeAll(async () => {
  app = await startTestApp();
  await app.call('demo.load', {});
  await app.call('settings.update', {
    heading: {
      country: 'République du Bénin',
      motto: 'Fraternité – Justice – Travail',
      ministry: 'Ministère des Affaires Sociales et de la Microfinance',
      service: 'Direction de la Promotion de la Femme et du Genre',
    },
    signature: { place: 'Cotonou', title: 'La Directrice', name: 'Aminata Koné' },
  });
  const db = app.backend.context.db;
  const body = await db
    .selectFrom('bodies')
    .select('id')
    .where('name', '=', 'Groupe Technique Genre et Protection Sociale')
    .executeTakeFirstOrThrow();
  bodyId = body.id;
  const meeting = await db
    .selectFrom('meetings')
    .select(['id', 'start_date'])
    .where('body_id', '=', body.id)
    .where('status', '=', 'held')
    .orderBy('start_date', 'desc')
    .executeTakeFirstOrThrow();
  meetingId = meeting.id;
  meetingYear = Number(meeting.start_date.slice(0, 4));
}, 60_000);

afterAll(async () => {
  await app.close();
});

/** Plain text of the DOCX body, paragraph by paragraph (runs joined, XML entities decoded). */
function docxParagraphs(xml: string): string[] {
  const decode = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    decode([...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')),
  );
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** True when every needle is found in the haystack, each after the previous one. */
function inOrder(haystack: string, needles: string[]): { ok: true } | { ok: false; missing: string } {
  let from = 0;
  for (const needle of needles) {
    const at = haystack.indexOf(needle, from);
    if (at < 0) return { ok: false, missing: needle };
    from = at + needle.length;
  }
  return { ok: true };
}

async function produce(
  request: DocumentRequest,
): Promise<{ model: DocumentModel; docx: string; pdf: Buffer }> {
  const model = await app.call('documents.preview', request);
  const result = await app.call('exports.save', {
    items: [
      { document: request, format: 'docx' },
      { document: request, format: 'pdf' },
    ],
    destination: { kind: 'exports' },
  });
  const dir = app.backend.context.paths.exportsDir;
  const docxFile = result.files.find((f) => f.format === 'docx');
  const pdfFile = result.files.find((f) => f.format === 'pdf');
  expect(docxFile?.fileName).toBe(`${model.fileStem}.docx`);
  expect(pdfFile?.fileName).toBe(`${model.fileStem}.pdf`);
  const zip = unzipSync(readFileSync(join(dir, docxFile?.fileName ?? '')));
  return {
    model,
    docx: strFromU8(zip['word/document.xml'] ?? new Uint8Array()),
    pdf: readFileSync(join(dir, pdfFile?.fileName ?? '')),
  };
}

const REQUESTS: { name: string; request: () => DocumentRequest; pages: [number, number] }[] = [
  { name: 'convocation', request: () => ({ kind: 'convocation', meetingId }), pages: [1, 3] },
  { name: 'ordre du jour', request: () => ({ kind: 'agenda', meetingId }), pages: [1, 2] },
  {
    name: 'feuille d’émargement',
    request: () => ({ kind: 'signInSheet', meetingId, blankRows: 5 }),
    // One sheet per day of the meeting, each signed apart.
    pages: [1, 6],
  },
  { name: 'liste de présence', request: () => ({ kind: 'attendanceList', meetingId }), pages: [1, 3] },
  { name: 'compte rendu', request: () => ({ kind: 'minutes', meetingId }), pages: [1, 6] },
  { name: 'relevé de décisions', request: () => ({ kind: 'decisions', meetingId }), pages: [1, 2] },
  { name: 'aide-mémoire', request: () => ({ kind: 'aideMemoire', meetingId }), pages: [2, 8] },
  { name: 'fiche de présentation', request: () => ({ kind: 'bodyFactSheet', bodyId }), pages: [1, 4] },
  {
    name: 'rapport annuel',
    request: () => ({ kind: 'annualReport', bodyId, year: meetingYear }),
    pages: [1, 4],
  },
];

describe('every document as files', () => {
  for (const { name, request, pages } of REQUESTS) {
    it(`${name}: the DOCX carries every text in order, the PDF its pages and words`, async () => {
      const req = request();
      const { model, docx, pdf } = await produce(req);

      // DOCX: every text of the model, in the model's order.
      const paragraphs = docxParagraphs(docx);
      const body = squash(paragraphs.join('\n'));
      // The heading is laid out in two columns (ministry left, country right): present, in capitals
      // for ministry and country; the blocks below it follow the model's order.
      const h = model.heading;
      for (const part of [h.ministry, h.country])
        if (part) expect(body).toContain(part.toLocaleUpperCase('fr-FR'));
      for (const part of [h.motto, h.service, h.reference, h.placeDate])
        if (part) expect(body).toContain(squash(part));
      const bare = { ...model, heading: { ...h, country: null, motto: null, ministry: null, service: null } };
      delete bare.heading.reference;
      delete bare.heading.placeDate;
      const expected = modelTexts(bare)
        .flatMap((t) => t.split('\n'))
        .map(squash)
        .filter((t) => t.length > 0);
      const order = inOrder(body, expected);
      expect(order, `${req.kind}: DOCX text`).toEqual({ ok: true });
      // Headings are Word headings, so the navigation pane lists them.
      for (const block of model.blocks) {
        if (block.type !== 'heading') continue;
        const styled = new RegExp(`<w:pStyle w:val="Heading${block.level}"/>`);
        expect(docx, `${req.kind}: heading style`).toMatch(styled);
      }
      // Table rows stay in order: the first cell of each row, as the DOCX rows run.
      const tables = model.blocks.filter((b) => b.type === 'table');
      const rowStarts = tables.flatMap((t) =>
        t.rows.map((r) =>
          r.kind === 'group' ? r.text : squash(r.cells.map((c) => c.map((i) => i.text).join('')).join(' ')),
        ),
      );
      const docxRows = [...docx.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) =>
        squash(docxParagraphs(r[0]).join(' ')),
      );
      const rowOrder = inOrder(
        docxRows.join('\n'),
        rowStarts.map((r) => r.slice(0, 40)).filter((r) => r.length > 0),
      );
      expect(rowOrder, `${req.kind}: table rows`).toEqual({ ok: true });

      // PDF: a real PDF, a sensible number of pages, each numbered, with the title and the rows.
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const document = await getDocumentProxy(new Uint8Array(pdf));
      const { totalPages, text } = await extractText(document, { mergePages: false });
      expect(totalPages, `${req.kind}: pages`).toBeGreaterThanOrEqual(pages[0]);
      expect(totalPages, `${req.kind}: pages`).toBeLessThanOrEqual(pages[1]);
      for (const [i, page] of text.entries()) expect(squash(page)).toContain(`Page ${i + 1} / ${totalPages}`);
      const all = squash(text.join(' '));
      const title = model.blocks.find((b) => b.type === 'title');
      if (title?.type === 'title') expect(all).toContain(squash(title.text));
      // pdf.js breaks lines inside narrow cells and reads the narrow no-break space as a space:
      // compare the first characters of each row with every kind of space taken out.
      const spaceless = (x: string) => x.replace(/[\s\u202f\u00a0\u200b]+/g, '');
      for (const row of rowStarts.slice(0, 15)) {
        const start = spaceless(row).slice(0, 24);
        if (start) expect(spaceless(all), `${req.kind}: PDF row`).toContain(start);
      }
    }, 60_000);
  }
});
