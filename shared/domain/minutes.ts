import type { MinutesStatus } from './vocabularies';

// Minutes (compte rendu / procès-verbal): the status workflow, the rich-text document the editor
// produces (Tiptap/ProseMirror JSON) cleaned to what the editor knows, its plain-text projection
// for search, and which autosaved versions are worth keeping. Pure: used by the backend and the
// editor alike.

// ── Status workflow ────────────────────────────────────────────────────────

export type MinutesAction = 'submit_review' | 'validate' | 'adopt' | 'reopen';

export interface MinutesTransitionRule {
  from: readonly MinutesStatus[];
  to: MinutesStatus;
}

/**
 * brouillon → en relecture → validé → adopté. Choices:
 * - validate only from review: validated minutes went through a reader, which is what the
 *   signature on a procès-verbal means.
 * - reopen from review AND from validated: validated minutes are often amended when the next
 *   session reads them before adopting them; reopening (back to draft, validation date cleared)
 *   is the honest record of that, and they are validated again afterwards.
 * - adopted is final: adopted minutes are what the body approved; a correction is a new item of
 *   the next session, not an edit.
 */
export const MINUTES_TRANSITION_RULES: Readonly<Record<MinutesAction, MinutesTransitionRule>> = {
  submit_review: { from: ['draft'], to: 'review' },
  validate: { from: ['review'], to: 'validated' },
  adopt: { from: ['validated'], to: 'adopted' },
  reopen: { from: ['review', 'validated'], to: 'draft' },
};

export const MINUTES_ACTION_LIST = Object.keys(MINUTES_TRANSITION_RULES) as MinutesAction[];

/** The status after `action`, or null when the move is not allowed from `status`. */
export function nextMinutesStatus(status: MinutesStatus, action: MinutesAction): MinutesStatus | null {
  const rule = MINUTES_TRANSITION_RULES[action];
  return rule.from.includes(status) ? rule.to : null;
}

/** The moves a screen may offer for minutes in `status`, in workflow order. */
export function allowedMinutesActions(status: MinutesStatus): MinutesAction[] {
  return MINUTES_ACTION_LIST.filter((action) => nextMinutesStatus(status, action) !== null);
}

/** Draft and review can be typed into (readers correct as they read); validated and adopted cannot. */
export function isMinutesEditable(status: MinutesStatus): boolean {
  return status === 'draft' || status === 'review';
}

const STATUS_FR: Record<MinutesStatus, string> = {
  draft: 'en brouillon',
  review: 'en relecture',
  validated: 'validé',
  adopted: 'adopté',
};

const ACTION_FR: Record<MinutesAction, string> = {
  submit_review: 'soumis à relecture',
  validate: 'validé',
  adopt: 'adopté',
  reopen: 'remis en brouillon',
};

/** "Un compte rendu adopté ne peut pas être remis en brouillon." / "Ce compte rendu est déjà validé." */
export function minutesTransitionRefusalFr(status: MinutesStatus, action: MinutesAction): string {
  if (MINUTES_TRANSITION_RULES[action].to === status) return `Ce compte rendu est déjà ${STATUS_FR[status]}.`;
  if (status === 'adopted') {
    return `Un compte rendu adopté ne peut plus être ${ACTION_FR[action]} : son adoption est définitive.`;
  }
  return `Un compte rendu ${STATUS_FR[status]} ne peut pas être ${ACTION_FR[action]}.`;
}

/** Why typing into these minutes is refused. */
export function minutesEditRefusalFr(status: MinutesStatus): string {
  return status === 'adopted'
    ? 'Ce compte rendu est adopté : il ne peut plus être modifié.'
    : `Ce compte rendu est ${STATUS_FR[status]} : remettez-le en brouillon avant de le modifier.`;
}

// ── The editor's document ──────────────────────────────────────────────────

export interface DocMark {
  type: string;
  attrs?: Record<string, unknown>;
}

export interface DocNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: DocNode[];
  text?: string;
  marks?: DocMark[];
}

// A type, not an interface: it must fit the contract's open (passthrough) document schema.
export type RichDoc = {
  type: 'doc';
  content: DocNode[];
};

/** What a new section holds: one empty paragraph, as the editor itself starts. */
export function emptyDoc(): RichDoc {
  return { type: 'doc', content: [{ type: 'paragraph' }] };
}

/**
 * Embedded or active content never kept, and not even unwrapped: an image's caption or a
 * script's text is not minutes text.
 */
const DROPPED_NODES = new Set([
  'image',
  'img',
  'iframe',
  'script',
  'style',
  'video',
  'audio',
  'embed',
  'object',
  'youtube',
  'svg',
  'math',
]);

const SIMPLE_MARKS = new Set(['bold', 'italic', 'underline', 'strike', 'code']);
const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const ORDERED_LIST_TYPES = new Set(['1', 'a', 'A', 'i', 'I']);
const CELL_ALIGNS = new Set(['left', 'center', 'right']);
export const MAX_HEADING_LEVEL = 4;
/** Deeper than any real document; beyond it the content is dropped rather than walked. */
const MAX_DEPTH = 40;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const childrenOf = (node: Json): unknown[] => (Array.isArray(node.content) ? node.content : []);
const typeOf = (node: unknown): string | null =>
  isObject(node) && typeof node.type === 'string' ? node.type : null;
const intIn = (value: unknown, min: number, max: number): number | null =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? value : null;

/**
 * A link target that opens nothing unexpected: absolute http, https or mailto only. Control
 * characters and spaces are removed first so that "java\tscript:" cannot slip through; relative
 * links mean nothing in an offline document and are dropped.
 */
export function safeHref(href: unknown): string | null {
  if (typeof href !== 'string') return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  const cleaned = href.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (cleaned.length === 0 || cleaned.length > 2000) return null;
  try {
    const url = new URL(cleaned);
    return LINK_PROTOCOLS.has(url.protocol) ? cleaned : null;
  } catch {
    return null;
  }
}

function sanitizeMarks(marks: unknown): DocMark[] {
  if (!Array.isArray(marks)) return [];
  const kept: DocMark[] = [];
  const seen = new Set<string>();
  for (const mark of marks) {
    const type = typeOf(mark);
    if (type === null || seen.has(type) || !isObject(mark)) continue;
    if (SIMPLE_MARKS.has(type)) {
      kept.push({ type });
      seen.add(type);
    } else if (type === 'link') {
      // Only the target is kept: the editor puts back its own rel/target defaults.
      const href = safeHref(isObject(mark.attrs) ? mark.attrs.href : null);
      if (href !== null) {
        kept.push({ type, attrs: { href } });
        seen.add(type);
      }
    }
  }
  return kept;
}

/** Inline content of a paragraph, heading or code block: text and line breaks. */
function sanitizeInline(children: unknown[], depth: number, code: boolean): DocNode[] {
  const out: DocNode[] = [];
  if (depth > MAX_DEPTH) return out;
  for (const child of children) {
    const type = typeOf(child);
    if (type === null || !isObject(child) || DROPPED_NODES.has(type)) continue;
    if (type === 'text') {
      if (typeof child.text !== 'string' || child.text.length === 0) continue;
      const marks = code ? [] : sanitizeMarks(child.marks);
      out.push(marks.length > 0 ? { type, text: child.text, marks } : { type, text: child.text });
    } else if (type === 'hardBreak') {
      // A code block holds plain text only: its line breaks are newlines.
      out.push(code ? { type: 'text', text: '\n' } : { type });
    } else {
      // Anything else found inside a line (a nested paragraph, an unknown wrapper): its text.
      out.push(...sanitizeInline(childrenOf(child), depth + 1, code));
    }
  }
  return out;
}

const textblock = (type: string, content: DocNode[], attrs?: Record<string, unknown>): DocNode => ({
  type,
  ...(attrs ? { attrs } : {}),
  ...(content.length > 0 ? { content } : {}),
});

function headingAttrs(attrs: unknown): Record<string, unknown> {
  const level = isObject(attrs) ? intIn(attrs.level, 1, 6) : null;
  // h5/h6 from Word become the smallest heading the editor offers.
  return { level: level === null ? 1 : Math.min(level, MAX_HEADING_LEVEL) };
}

function orderedListAttrs(attrs: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = { start: 1 };
  if (!isObject(attrs)) return out;
  out.start = intIn(attrs.start, 0, 100_000) ?? 1;
  if (typeof attrs.type === 'string' && ORDERED_LIST_TYPES.has(attrs.type)) out.type = attrs.type;
  return out;
}

function codeBlockAttrs(attrs: unknown): Record<string, unknown> {
  const language = isObject(attrs) ? attrs.language : null;
  return { language: typeof language === 'string' && /^[\w#+.-]{1,40}$/.test(language) ? language : null };
}

function cellAttrs(attrs: unknown): Record<string, unknown> {
  const a = isObject(attrs) ? attrs : {};
  const colspan = intIn(a.colspan, 1, 100) ?? 1;
  const rowspan = intIn(a.rowspan, 1, 100) ?? 1;
  const widths = Array.isArray(a.colwidth) ? a.colwidth.map((w) => intIn(w, 1, 10_000)) : null;
  const colwidth =
    widths && widths.length === colspan && widths.every((w) => w !== null) ? (widths as number[]) : null;
  const align = typeof a.align === 'string' && CELL_ALIGNS.has(a.align) ? a.align : null;
  return { colspan, rowspan, colwidth, align };
}

/** Block content that must not be empty (doc, blockquote, table cell): one empty paragraph then. */
function nonEmptyBlocks(children: unknown[], depth: number): DocNode[] {
  const blocks = sanitizeBlocks(children, depth);
  return blocks.length > 0 ? blocks : [{ type: 'paragraph' }];
}

/** A list item starts with a paragraph (ProseMirror's "paragraph block*"). */
function listItem(blocks: DocNode[]): DocNode {
  return {
    type: 'listItem',
    content: blocks[0]?.type === 'paragraph' ? blocks : [{ type: 'paragraph' }, ...blocks],
  };
}

function sanitizeListItems(children: unknown[], depth: number): DocNode[] {
  const items: DocNode[] = [];
  for (const child of children) {
    const type = typeOf(child);
    if (type === null || !isObject(child) || DROPPED_NODES.has(type)) continue;
    if (type === 'listItem') {
      items.push(listItem(sanitizeBlocks(childrenOf(child), depth + 1)));
      continue;
    }
    // A list directly inside a list (as some HTML pastes nest them) belongs to the item before it.
    const blocks = sanitizeBlocks([child], depth + 1);
    if (blocks.length === 0) continue;
    const previous = items.at(-1);
    if ((type === 'bulletList' || type === 'orderedList') && previous?.content) {
      previous.content.push(...blocks);
    } else {
      items.push(listItem(blocks));
    }
  }
  return items;
}

function sanitizeTableRows(children: unknown[], depth: number): DocNode[] {
  const rows: DocNode[] = [];
  for (const row of children) {
    if (typeOf(row) !== 'tableRow' || !isObject(row)) continue;
    const cells: DocNode[] = [];
    for (const cell of childrenOf(row)) {
      const type = typeOf(cell);
      if ((type !== 'tableCell' && type !== 'tableHeader') || !isObject(cell)) continue;
      cells.push({
        type,
        attrs: cellAttrs(cell.attrs),
        content: nonEmptyBlocks(childrenOf(cell), depth + 2),
      });
    }
    if (cells.length > 0) rows.push({ type: 'tableRow', content: cells });
  }
  return rows;
}

/**
 * Block content: known blocks cleaned, loose text gathered into paragraphs, unknown wrappers
 * unwrapped (their text stays), embedded content dropped.
 */
function sanitizeBlocks(children: unknown[], depth: number): DocNode[] {
  const out: DocNode[] = [];
  if (depth > MAX_DEPTH) return out;
  let loose: unknown[] = [];
  const flushLoose = () => {
    if (loose.length === 0) return;
    const content = sanitizeInline(loose, depth + 1, false);
    if (content.length > 0) out.push({ type: 'paragraph', content });
    loose = [];
  };
  for (const child of children) {
    const type = typeOf(child);
    if (type === null || !isObject(child) || DROPPED_NODES.has(type)) continue;
    if (type === 'text' || type === 'hardBreak') {
      loose.push(child);
      continue;
    }
    flushLoose();
    const inner = childrenOf(child);
    switch (type) {
      case 'paragraph':
        out.push(textblock(type, sanitizeInline(inner, depth + 1, false)));
        break;
      case 'heading':
        out.push(textblock(type, sanitizeInline(inner, depth + 1, false), headingAttrs(child.attrs)));
        break;
      case 'codeBlock':
        out.push(textblock(type, sanitizeInline(inner, depth + 1, true), codeBlockAttrs(child.attrs)));
        break;
      case 'blockquote':
        out.push({ type, content: nonEmptyBlocks(inner, depth + 1) });
        break;
      case 'horizontalRule':
        out.push({ type });
        break;
      case 'bulletList':
      case 'orderedList': {
        const items = sanitizeListItems(inner, depth + 1);
        if (items.length === 0) break;
        out.push(
          type === 'orderedList'
            ? { type, attrs: orderedListAttrs(child.attrs), content: items }
            : { type, content: items },
        );
        break;
      }
      case 'table': {
        const rows = sanitizeTableRows(inner, depth + 1);
        if (rows.length > 0) out.push({ type, content: rows });
        break;
      }
      default:
        // A list item, row or cell out of place, or a node type the editor does not know:
        // what it contains is kept, the wrapper is not.
        out.push(...sanitizeBlocks(inner, depth + 1));
    }
  }
  flushLoose();
  return out;
}

/**
 * The document reduced to what the minutes editor knows (StarterKit and tables): paragraphs,
 * headings (levels 1–4), lists, quotes, code, rules, line breaks, tables; bold, italic,
 * underline, strike, code and links to http/https/mailto addresses. Everything else pasted from
 * Word or a web page is dropped: images, frames, scripts and styles are removed with their
 * content (never fetched nor run), unknown wrappers are unwrapped so that their text remains.
 * The result always has the shape ProseMirror expects (non-empty text, a paragraph to start each
 * list item, a block in each cell), so that the editor never refuses to open saved minutes.
 */
export function sanitizeDoc(doc: unknown): RichDoc {
  const content = isObject(doc) && doc.type === 'doc' ? childrenOf(doc) : [];
  return { type: 'doc', content: nonEmptyBlocks(content, 0) };
}

// ── Plain-text projection ──────────────────────────────────────────────────

/** Nodes that stand on their own line(s) in the text. */
const BLOCK_NODES = new Set([
  'doc',
  'paragraph',
  'heading',
  'codeBlock',
  'blockquote',
  'bulletList',
  'orderedList',
  'listItem',
  'horizontalRule',
  'table',
  'tableRow',
  'tableCell',
  'tableHeader',
]);

function collectText(node: unknown, out: string[], depth: number): void {
  const type = typeOf(node);
  if (type === null || !isObject(node) || depth > MAX_DEPTH) return;
  if (type === 'text') {
    if (typeof node.text === 'string') out.push(node.text);
    return;
  }
  if (type === 'hardBreak') {
    out.push('\n');
    return;
  }
  // Unknown nodes are walked for their text but break no line: reading never fails on them.
  const block = BLOCK_NODES.has(type);
  if (block) out.push('\n');
  for (const child of childrenOf(node)) collectText(child, out, depth + 1);
  if (block) out.push('\n');
}

/**
 * The text of a document, one line per paragraph, heading, list item or table cell (and per
 * line break), blank lines left out.
 */
export function docText(doc: unknown): string {
  const out: string[] = [];
  collectText(doc, out, 0);
  return out
    .join('')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

export interface SectionText {
  title: string;
  content: unknown;
}

/** The minutes as text for search and version sizes: each section's title, then its text. */
export function plainTextOf(sections: readonly SectionText[]): string {
  return sections
    .map((s) => [s.title.trim(), docText(s.content)].filter((part) => part.length > 0).join('\n'))
    .filter((part) => part.length > 0)
    .join('\n\n');
}

// ── Keeping versions ───────────────────────────────────────────────────────

export type MinutesVersionKind = 'autosave' | 'status' | 'restore';

export interface VersionStamp {
  id: string;
  kind: MinutesVersionKind;
  /** ISO-8601 UTC timestamp. */
  savedAt: string;
}

/** Autosaves always kept, newest first: the last minutes of typing, save by save. */
export const KEPT_RECENT_AUTOSAVES = 20;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * Which versions to keep. Versions made by a status change or a restore are always kept (they
 * are the validated and adopted texts, and what was there before a restore). Autosaves: the
 * last 20, then the latest one of each clock hour over the last day, then the latest one of
 * each day before. Buckets are calendar hours and days (UTC), so a version kept for its hour
 * stays the latest of that hour: thinning again later only removes, never needs back, what an
 * earlier thinning removed.
 */
export function thinVersions(
  versions: readonly VersionStamp[],
  now: string | Date,
): { keep: string[]; drop: string[] } {
  const nowMs = typeof now === 'string' ? Date.parse(now) : now.getTime();
  const keep: string[] = [];
  const drop: string[] = [];
  const autosaves: VersionStamp[] = [];
  for (const v of versions) {
    if (v.kind === 'autosave') autosaves.push(v);
    else keep.push(v.id);
  }
  // Newest first; ids (time-ordered UUIDs) break ties between saves of the same millisecond.
  autosaves.sort((a, b) =>
    a.savedAt === b.savedAt ? (a.id < b.id ? 1 : -1) : a.savedAt < b.savedAt ? 1 : -1,
  );
  const buckets = new Set<string>();
  for (const [index, v] of autosaves.entries()) {
    const at = Date.parse(v.savedAt);
    const recent = Number.isFinite(at) && nowMs - at <= DAY_MS;
    const bucket = recent ? `h${v.savedAt.slice(0, 13)}` : `d${v.savedAt.slice(0, 10)}`;
    const firstOfBucket = !buckets.has(bucket);
    buckets.add(bucket);
    if (index < KEPT_RECENT_AUTOSAVES || firstOfBucket) keep.push(v.id);
    else drop.push(v.id);
  }
  return { keep, drop };
}
