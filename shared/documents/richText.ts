import { type DocNode, docText, sanitizeDoc } from '../domain/minutes';
import type { Block, Inline, TableCell, TableRow } from './model';

// The minutes editor's document (Tiptap JSON) turned into document blocks. The document model
// knows less than the editor: headings 1–3, bold and italic runs, flat lists, tables with one
// header row. What it cannot say is said in text — a link keeps its target in parentheses, a
// nested list item its indentation and marker — so that nothing the rapporteur typed is lost
// between the editor and the printed minutes. Pure: shared by the builders and any preview.

export interface RichTextOptions {
  /**
   * Added to the editor's heading levels before they are clamped to 1–3: the minutes put each
   * section under a level-2 title, so a heading 1 typed in a section becomes a level 3.
   */
  headingOffset?: number;
}

/** Indentation of one nesting level in a flattened list: no-break spaces, which no renderer collapses. */
const INDENT = '\u00a0'.repeat(4);

const clampLevel = (level: number): 1 | 2 | 3 => (level <= 1 ? 1 : level >= 3 ? 3 : 2);

const hasText = (runs: readonly Inline[]): boolean => runs.some((r) => r.text.trim().length > 0);

const plain = (runs: readonly Inline[]): string => runs.map((r) => r.text).join('');

function run(value: string, bold: boolean, italic: boolean): Inline {
  const inline: Inline = { text: value };
  if (bold) inline.bold = true;
  if (italic) inline.italic = true;
  return inline;
}

/** Appends a run, merged into the previous one when both carry the same emphasis. */
function pushRun(runs: Inline[], value: string, bold = false, italic = false): void {
  if (value.length === 0) return;
  const last = runs.at(-1);
  if (last && Boolean(last.bold) === bold && Boolean(last.italic) === italic) {
    last.text += value;
    return;
  }
  runs.push(run(value, bold, italic));
}

function hrefOf(node: DocNode): string | null {
  const link = node.marks?.find((m) => m.type === 'link');
  const href = link?.attrs?.href;
  return typeof href === 'string' && href.length > 0 ? href : null;
}

const hasMark = (node: DocNode, type: string): boolean => node.marks?.some((m) => m.type === type) ?? false;

/** "mailto:a@b.org" is shown "a@b.org": the reader writes to the address, not to the scheme. */
const shownHref = (href: string): string => href.replace(/^mailto:/i, '');

/** Whether a link's text already says where it leads ("www.cnss.ml" for https://www.cnss.ml/). */
function sameTarget(linkText: string, href: string): boolean {
  const norm = (s: string) =>
    s
      .trim()
      .replace(/^mailto:/i, '')
      .replace(/^https?:\/\//i, '')
      .replace(/^www\./i, '')
      .replace(/\/+$/, '')
      .toLowerCase();
  return norm(linkText) === norm(href);
}

/** Text, line breaks and links of a paragraph, heading or cell line, as runs. */
function inlineRuns(nodes: readonly DocNode[] | undefined): Inline[] {
  const runs: Inline[] = [];
  // The link being read: its target and the text it spans so far (over several text nodes
  // when part of it is bold).
  const open: { link: { href: string; text: string } | null } = { link: null };
  const closeLink = () => {
    const { link } = open;
    if (link && !sameTarget(link.text, link.href)) pushRun(runs, ` (${shownHref(link.href)})`);
    open.link = null;
  };
  for (const node of nodes ?? []) {
    if (node.type === 'text') {
      const value = node.text ?? '';
      const href = hrefOf(node);
      if (open.link && open.link.href !== href) closeLink();
      pushRun(runs, value, hasMark(node, 'bold'), hasMark(node, 'italic'));
      if (href) open.link = { href, text: `${open.link?.text ?? ''}${value}` };
    } else if (node.type === 'hardBreak') {
      closeLink();
      pushRun(runs, '\n');
    } else {
      // An inline node the converter does not know: its text.
      closeLink();
      pushRun(runs, docText(node));
    }
  }
  closeLink();
  return runs;
}

/** The runs after a plain prefix (a list marker), merged with it when the first run is plain. */
function withPrefix(prefix: string, runs: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  pushRun(out, prefix);
  for (const r of runs) pushRun(out, r.text, Boolean(r.bold), Boolean(r.italic));
  return out;
}

/** Runs of several lines (paragraphs of a list item or a cell), one line each. */
function joinLines(lines: readonly Inline[][]): Inline[] {
  const runs: Inline[] = [];
  for (const line of lines) {
    if (!hasText(line)) continue;
    if (runs.length > 0) pushRun(runs, '\n');
    for (const r of line) pushRun(runs, r.text, Boolean(r.bold), Boolean(r.italic));
  }
  return runs;
}

/** The lines of block content inside a list item or a table cell (lists become "• " lines). */
function contentLines(nodes: readonly DocNode[] | undefined): Inline[][] {
  const lines: Inline[][] = [];
  for (const node of nodes ?? []) {
    switch (node.type) {
      case 'paragraph':
      case 'heading':
        lines.push(inlineRuns(node.content));
        break;
      case 'codeBlock':
        lines.push([run(plain(inlineRuns(node.content)), false, false)]);
        break;
      case 'bulletList':
      case 'orderedList':
        for (const item of flattenList(node, 0)) lines.push(withPrefix(itemPrefix(item), item.runs));
        break;
      case 'blockquote':
        lines.push(...contentLines(node.content));
        break;
      case 'horizontalRule':
        break;
      default:
        lines.push([run(docText(node), false, false)]);
    }
  }
  return lines;
}

// ── Lists ──────────────────────────────────────────────────────────────────

interface FlatItem {
  depth: number;
  ordered: boolean;
  /** The item's number in its own list (from the list's `start`). */
  number: number;
  /** The numbering style of an ordered list: '1', 'a', 'A', 'i' or 'I'. */
  style: string;
  runs: Inline[];
}

const LIST_TYPES = new Set(['bulletList', 'orderedList']);

/** A list and its nested lists, depth first, each item with its depth. */
function flattenList(list: DocNode, depth: number): FlatItem[] {
  const out: FlatItem[] = [];
  const ordered = list.type === 'orderedList';
  const start = typeof list.attrs?.start === 'number' ? list.attrs.start : 1;
  const style = typeof list.attrs?.type === 'string' ? list.attrs.type : depth % 2 === 0 ? '1' : 'a';
  let number = start;
  for (const item of list.content ?? []) {
    const children = item.type === 'listItem' ? (item.content ?? []) : [item];
    const own = children.filter((c) => !LIST_TYPES.has(c.type));
    out.push({ depth, ordered, number, style, runs: joinLines(contentLines(own)) });
    for (const nested of children.filter((c) => LIST_TYPES.has(c.type)))
      out.push(...flattenList(nested, depth + 1));
    number++;
  }
  return out;
}

function roman(n: number): string {
  const table: [number, string][] = [
    [1000, 'm'],
    [900, 'cm'],
    [500, 'd'],
    [400, 'cd'],
    [100, 'c'],
    [90, 'xc'],
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let rest = n;
  let out = '';
  for (const [value, digits] of table) {
    while (rest >= value) {
      out += digits;
      rest -= value;
    }
  }
  return out || String(n);
}

function letters(n: number): string {
  let rest = n;
  let out = '';
  while (rest > 0) {
    rest -= 1;
    out = String.fromCharCode(97 + (rest % 26)) + out;
    rest = Math.floor(rest / 26);
  }
  return out || String(n);
}

/** "1. ", "b) ", "iii. ", "• ", "– ", after the item's indentation. */
function itemPrefix(item: FlatItem): string {
  const indent = INDENT.repeat(item.depth);
  if (!item.ordered) return `${indent}${item.depth === 0 ? '•' : '–'} `;
  switch (item.style) {
    case 'a':
      return `${indent}${letters(item.number)}) `;
    case 'A':
      return `${indent}${letters(item.number).toUpperCase()}) `;
    case 'i':
      return `${indent}${roman(item.number)}. `;
    case 'I':
      return `${indent}${roman(item.number).toUpperCase()}. `;
    default:
      return `${indent}${item.number}. `;
  }
}

/**
 * A simple list (one level, numbered from 1) is a list block that renderers number and bullet
 * themselves. A nested one, or one starting elsewhere than 1, cannot be said by the model: it
 * becomes one paragraph per item, carrying its indentation and marker as text.
 */
function listBlocks(list: DocNode): Block[] {
  const items = flattenList(list, 0).filter((i) => hasText(i.runs));
  if (items.length === 0) return [];
  const simple = items.every((i) => i.depth === 0) && (list.type !== 'orderedList' || items[0]?.number === 1);
  const style = typeof list.attrs?.type === 'string' ? list.attrs.type : '1';
  if (simple && (list.type === 'bulletList' || style === '1')) {
    return [{ type: 'list', ordered: list.type === 'orderedList', items: items.map((i) => i.runs) }];
  }
  return items.map((i) => ({ type: 'paragraph', runs: withPrefix(itemPrefix(i), i.runs) }));
}

// ── Tables ─────────────────────────────────────────────────────────────────

/**
 * The first row gives the column headers, the others the rows. A cell spanning several columns
 * keeps its text in the first and leaves the others empty; short rows (after row spans) are
 * padded, so every row has one cell per column.
 */
function tableBlock(table: DocNode): Block | null {
  const grid: TableCell[][] = [];
  for (const row of table.content ?? []) {
    if (row.type !== 'tableRow') continue;
    const cells: TableCell[] = [];
    for (const cellNode of row.content ?? []) {
      cells.push(joinLines(contentLines(cellNode.content)));
      const colspan = typeof cellNode.attrs?.colspan === 'number' ? cellNode.attrs.colspan : 1;
      for (let i = 1; i < colspan; i++) cells.push([]);
    }
    grid.push(cells);
  }
  const width = Math.max(0, ...grid.map((r) => r.length));
  if (grid.length === 0 || width === 0) return null;
  const padded = grid.map((cells) => [...cells, ...Array.from({ length: width - cells.length }, () => [])]);
  const [header = [], ...body] = padded;
  const rows: TableRow[] = body.map((cells) => ({ kind: 'row', cells }));
  return {
    type: 'table',
    columns: header.map((c) => ({ header: plain(c), width: 1 })),
    rows,
  };
}

// ── Blocks ─────────────────────────────────────────────────────────────────

function convertBlocks(nodes: readonly DocNode[] | undefined, offset: number, out: Block[]): void {
  for (const node of nodes ?? []) {
    switch (node.type) {
      case 'paragraph': {
        const runs = inlineRuns(node.content);
        if (hasText(runs)) out.push({ type: 'paragraph', runs });
        break;
      }
      case 'heading': {
        const value = plain(inlineRuns(node.content))
          .replace(/\s*\n\s*/g, ' ')
          .trim();
        const level = typeof node.attrs?.level === 'number' ? node.attrs.level : 1;
        if (value) out.push({ type: 'heading', level: clampLevel(level + offset), text: value });
        break;
      }
      case 'codeBlock': {
        const value = plain(inlineRuns(node.content));
        if (value.trim()) out.push({ type: 'paragraph', runs: [run(value, false, false)] });
        break;
      }
      case 'blockquote':
        convertBlocks(node.content, offset, out);
        break;
      case 'bulletList':
      case 'orderedList':
        out.push(...listBlocks(node));
        break;
      case 'table': {
        const block = tableBlock(node);
        if (block) out.push(block);
        break;
      }
      case 'horizontalRule':
        break;
      default: {
        // A node the converter does not know: its text, as a paragraph.
        const value = docText(node);
        if (value.trim()) out.push({ type: 'paragraph', runs: [run(value, false, false)] });
      }
    }
  }
}

/**
 * The blocks of a rich-text document. The document is first reduced to what the editor knows
 * (sanitizeDoc, which is idempotent), so a row damaged outside Concerto still converts. Empty
 * paragraphs are left out; text is passed through untouched (escaping is the renderers' job).
 */
export function richTextToBlocks(doc: unknown, options: RichTextOptions = {}): Block[] {
  const out: Block[] = [];
  convertBlocks(sanitizeDoc(doc).content, options.headingOffset ?? 0, out);
  return out;
}

/** Whether a document holds any text (an opened but untouched section holds none). */
export function richTextIsEmpty(doc: unknown): boolean {
  return docText(sanitizeDoc(doc)).trim().length === 0;
}
