import { describe, expect, it } from 'vitest';
import { type Block, BlockSchema, type Inline } from '../../shared/documents/model';
import { type RichTextOptions, richTextIsEmpty, richTextToBlocks } from '../../shared/documents/richText';

// Tiptap JSON as the minutes editor saves it, and the document blocks each becomes.

const t = (text: string, ...marks: (string | { type: string; attrs: Record<string, unknown> })[]) => ({
  type: 'text',
  text,
  ...(marks.length > 0 ? { marks: marks.map((m) => (typeof m === 'string' ? { type: m } : m)) } : {}),
});
const link = (href: string) => ({ type: 'link', attrs: { href } });
const p = (...content: unknown[]) => ({ type: 'paragraph', content });
const h = (level: number, ...content: unknown[]) => ({ type: 'heading', attrs: { level }, content });
const br = { type: 'hardBreak' };
const li = (...content: unknown[]) => ({ type: 'listItem', content });
const ul = (...items: unknown[]) => ({ type: 'bulletList', content: items });
const ol = (attrs: Record<string, unknown>, ...items: unknown[]) => ({
  type: 'orderedList',
  attrs,
  content: items,
});
const td = (...content: unknown[]) => ({ type: 'tableCell', content });
const th = (...content: unknown[]) => ({ type: 'tableHeader', content });
const tr = (...cells: unknown[]) => ({ type: 'tableRow', content: cells });
const table = (...rows: unknown[]) => ({ type: 'table', content: rows });
const doc = (...content: unknown[]) => ({ type: 'doc', content });

const para = (...runs: Inline[]): Block => ({
  type: 'paragraph',
  runs,
});
const NBSP4 = '\u00a0'.repeat(4);
const LONG = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(540).slice(0, 30_000);

const cases: { name: string; input: unknown; options?: RichTextOptions; expected: Block[] }[] = [
  { name: 'an empty document', input: doc(p()), expected: [] },
  { name: 'not a document at all', input: { hello: 'world' }, expected: [] },
  { name: 'null', input: null, expected: [] },
  {
    name: 'a plain paragraph',
    input: doc(p(t('La séance est ouverte à 09h15.'))),
    expected: [para({ text: 'La séance est ouverte à 09h15.' })],
  },
  {
    name: 'bold and italic runs, neighbours with the same emphasis merged',
    input: doc(
      p(
        t('Le '),
        t('PAM', 'bold'),
        t(' et '),
        t('l’UNICEF', 'bold', 'italic'),
        t(' ont '),
        t('présenté', 'underline'),
      ),
    ),
    expected: [
      para(
        { text: 'Le ' },
        { text: 'PAM', bold: true },
        { text: ' et ' },
        { text: 'l’UNICEF', bold: true, italic: true },
        { text: ' ont présenté' },
      ),
    ],
  },
  {
    name: 'hard breaks as newlines',
    input: doc(p(t('Première ligne'), br, t('Deuxième ligne'))),
    expected: [para({ text: 'Première ligne\nDeuxième ligne' })],
  },
  {
    name: 'a link whose text differs from its target keeps the target in parentheses',
    input: doc(p(t('Voir le '), t('rapport', link('https://exemple.ml/rapport.pdf')), t('.'))),
    expected: [para({ text: 'Voir le rapport (https://exemple.ml/rapport.pdf).' })],
  },
  {
    name: 'a link spanning bold and plain text gets its target once, at its end',
    input: doc(
      p(t('site ', link('https://cnss.ml')), t('officiel', 'bold', link('https://cnss.ml')), t(' ici')),
    ),
    expected: [para({ text: 'site ' }, { text: 'officiel', bold: true }, { text: ' (https://cnss.ml) ici' })],
  },
  {
    name: 'a link whose text is its address, or a mail address, is left as is',
    input: doc(
      p(t('www.cnss.ml', link('https://www.cnss.ml/'))),
      p(t('awa@masm.gov.ml', link('mailto:awa@masm.gov.ml'))),
      p(t('écrire', link('mailto:awa@masm.gov.ml'))),
    ),
    expected: [
      para({ text: 'www.cnss.ml' }),
      para({ text: 'awa@masm.gov.ml' }),
      para({ text: 'écrire (awa@masm.gov.ml)' }),
    ],
  },
  {
    name: 'a javascript link is dropped by the sanitiser: its text stays, no target',
    input: doc(p(t('cliquer', link('javascript:alert(1)')))),
    expected: [para({ text: 'cliquer' })],
  },
  {
    name: 'headings clamped to levels 1–3',
    input: doc(h(1, t('Un')), h(2, t('Deux')), h(3, t('Trois')), h(4, t('Quatre')), h(6, t('Six'))),
    expected: [
      { type: 'heading', level: 1, text: 'Un' },
      { type: 'heading', level: 2, text: 'Deux' },
      { type: 'heading', level: 3, text: 'Trois' },
      { type: 'heading', level: 3, text: 'Quatre' },
      { type: 'heading', level: 3, text: 'Six' },
    ],
  },
  {
    name: 'headings shifted under a section title',
    input: doc(h(1, t('Débats')), h(2, t('Questions'))),
    options: { headingOffset: 2 },
    expected: [
      { type: 'heading', level: 3, text: 'Débats' },
      { type: 'heading', level: 3, text: 'Questions' },
    ],
  },
  {
    name: 'an empty heading is left out',
    input: doc(h(2), p(t('Texte'))),
    expected: [para({ text: 'Texte' })],
  },
  {
    name: 'a bullet list',
    input: doc(ul(li(p(t('Point un'))), li(p(t('Point '), t('deux', 'bold'))))),
    expected: [
      {
        type: 'list',
        ordered: false,
        items: [[{ text: 'Point un' }], [{ text: 'Point ' }, { text: 'deux', bold: true }]],
      },
    ],
  },
  {
    name: 'an ordered list from 1',
    input: doc(ol({ start: 1 }, li(p(t('Adoption de l’ordre du jour'))), li(p(t('Divers'))))),
    expected: [
      {
        type: 'list',
        ordered: true,
        items: [[{ text: 'Adoption de l’ordre du jour' }], [{ text: 'Divers' }]],
      },
    ],
  },
  {
    name: 'a list item of two paragraphs: one item, two lines',
    input: doc(ul(li(p(t('Premier')), p(t('suite'))))),
    expected: [{ type: 'list', ordered: false, items: [[{ text: 'Premier\nsuite' }]] }],
  },
  {
    name: 'a nested list is flattened into paragraphs with indentation and markers',
    input: doc(
      ul(li(p(t('Santé')), ul(li(p(t('Vaccination'))), li(p(t('Nutrition'))))), li(p(t('Éducation')))),
    ),
    expected: [
      para({ text: '• Santé' }),
      para({ text: `${NBSP4}– Vaccination` }),
      para({ text: `${NBSP4}– Nutrition` }),
      para({ text: '• Éducation' }),
    ],
  },
  {
    name: 'a nested ordered list keeps its numbers as text (1., a), …)',
    input: doc(
      ol(
        { start: 1 },
        li(p(t('Cadrage')), ol({ start: 1 }, li(p(t('Termes de référence'))), li(p(t('Budget'))))),
        li(p(t('Validation'))),
      ),
    ),
    expected: [
      para({ text: '1. Cadrage' }),
      para({ text: `${NBSP4}a) Termes de référence` }),
      para({ text: `${NBSP4}b) Budget` }),
      para({ text: '2. Validation' }),
    ],
  },
  {
    name: 'an ordered list starting at 4 keeps its numbers',
    input: doc(ol({ start: 4 }, li(p(t('Quatrième'))), li(p(t('Cinquième'))))),
    expected: [para({ text: '4. Quatrième' }), para({ text: '5. Cinquième' })],
  },
  {
    name: 'an ordered list in roman numerals',
    input: doc(
      ol(
        { start: 1, type: 'I' },
        li(p(t('Contexte'))),
        li(p(t('Objectifs'))),
        li(p(t('Résultats'))),
        li(p(t('Suite'))),
      ),
    ),
    expected: [
      para({ text: 'I. Contexte' }),
      para({ text: 'II. Objectifs' }),
      para({ text: 'III. Résultats' }),
      para({ text: 'IV. Suite' }),
    ],
  },
  {
    name: 'a table: first row as header, the others as rows',
    input: doc(
      table(
        tr(th(p(t('Structure'))), th(p(t('Engagement')))),
        tr(td(p(t('PAM'))), td(p(t('Cantines '), t('scolaires', 'italic')))),
        tr(td(p(t('UNICEF'))), td(p(t('Kits')), p(t('scolaires')))),
      ),
    ),
    expected: [
      {
        type: 'table',
        columns: [
          { header: 'Structure', width: 1 },
          { header: 'Engagement', width: 1 },
        ],
        rows: [
          {
            kind: 'row',
            cells: [[{ text: 'PAM' }], [{ text: 'Cantines ' }, { text: 'scolaires', italic: true }]],
          },
          { kind: 'row', cells: [[{ text: 'UNICEF' }], [{ text: 'Kits\nscolaires' }]] },
        ],
      },
    ],
  },
  {
    name: 'a cell spanning two columns, and a short row, are padded to the width',
    input: doc(
      table(
        tr(td(p(t('A'))), td(p(t('B'))), td(p(t('C')))),
        tr({ type: 'tableCell', attrs: { colspan: 2 }, content: [p(t('AB'))] }, td(p(t('C2')))),
        tr(td(p(t('seul')))),
      ),
    ),
    expected: [
      {
        type: 'table',
        columns: [
          { header: 'A', width: 1 },
          { header: 'B', width: 1 },
          { header: 'C', width: 1 },
        ],
        rows: [
          { kind: 'row', cells: [[{ text: 'AB' }], [], [{ text: 'C2' }]] },
          { kind: 'row', cells: [[{ text: 'seul' }], [], []] },
        ],
      },
    ],
  },
  {
    name: 'a list inside a cell becomes bulleted lines',
    input: doc(table(tr(th(p(t('Actions')))), tr(td(ul(li(p(t('un'))), li(p(t('deux')))))))),
    expected: [
      {
        type: 'table',
        columns: [{ header: 'Actions', width: 1 }],
        rows: [{ kind: 'row', cells: [[{ text: '• un\n• deux' }]] }],
      },
    ],
  },
  {
    name: 'quotes and code blocks give their text; rules and images nothing',
    input: doc(
      { type: 'blockquote', content: [p(t('Citation'))] },
      { type: 'horizontalRule' },
      { type: 'image', attrs: { src: 'http://x/y.png', alt: 'légende' } },
      { type: 'codeBlock', content: [t('ligne 1\nligne 2')] },
    ),
    expected: [para({ text: 'Citation' }), para({ text: 'ligne 1\nligne 2' })],
  },
  {
    name: 'unknown nodes give their text',
    input: doc(
      { type: 'callout', content: [p(t('Important'))] },
      p({ type: 'mention', content: [t('@Awa')] }, t(' a parlé')),
    ),
    expected: [para({ text: 'Important' }), para({ text: '@Awa a parlé' })],
  },
  {
    name: 'hostile and foreign text is passed through untouched',
    input: doc(
      p(t('<script>alert("x")</script>')),
      p(t('=HYPERLINK("http://evil","clic")')),
      p(t('Réunion réussie 🎉👍🏾')),
      p(t('اجتماع اللجنة الفنية')),
    ),
    expected: [
      para({ text: '<script>alert("x")</script>' }),
      para({ text: '=HYPERLINK("http://evil","clic")' }),
      para({ text: 'Réunion réussie 🎉👍🏾' }),
      para({ text: 'اجتماع اللجنة الفنية' }),
    ],
  },
  {
    name: 'a 30,000-character paragraph stays whole',
    input: doc(p(t(LONG))),
    expected: [para({ text: LONG })],
  },
];

describe('richTextToBlocks', () => {
  it.each(cases)('$name', ({ input, options, expected }) => {
    const blocks = richTextToBlocks(input, options);
    expect(blocks).toEqual(expected);
    // Every block is a valid block of the document model.
    for (const block of blocks) expect(BlockSchema.safeParse(block).success).toBe(true);
  });
});

describe('richTextIsEmpty', () => {
  it.each([
    [doc(p()), true],
    [doc(p(t('   '))), true],
    [undefined, true],
    [doc(h(2, t('Titre'))), false],
    [doc(p(t('x'))), false],
  ])('%j → %s', (input, expected) => {
    expect(richTextIsEmpty(input)).toBe(expected);
  });
});
