import { TableKit } from '@tiptap/extension-table';
import type { Extensions } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { type DocNode, plainTextOf, type RichDoc, safeHref } from '../../../shared/domain/minutes';
import type { MinutesSection, RichText } from '../../../shared/rpc/recommendations';

// What the minutes editor knows, and the few documents the screens build themselves.

/**
 * StarterKit (paragraphs, headings, lists, quotes, bold, italic, underline, strike, links,
 * undo) and tables. Deliberately no Image extension: a picture pasted from Word or a web page is
 * dropped by the schema, never fetched. Links go to http, https or mailto addresses only (the
 * backend applies the same rule) and never open on click: this is an editor, not a browser.
 */
export function minutesExtensions(): Extensions {
  return [
    StarterKit.configure({
      heading: { levels: [1, 2, 3, 4] },
      link: {
        openOnClick: false,
        autolink: true,
        linkOnPaste: true,
        defaultProtocol: 'https',
        isAllowedUri: (url) => safeHref(url) !== null,
        HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
      },
    }),
    TableKit.configure({ table: { resizable: false } }),
  ];
}

/** The editor's JSON as the contract carries it. */
export function asRichText(doc: { type?: string; content?: unknown[] }): RichText {
  return { ...doc, type: 'doc', content: doc.content ?? [] };
}

function text(value: string): DocNode {
  return { type: 'text', text: value };
}

function paragraph(value: string, bold?: string): DocNode {
  const content: DocNode[] = [];
  if (bold) content.push({ type: 'text', text: bold, marks: [{ type: 'bold' }] });
  if (value) content.push(text(value));
  return content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' };
}

/** Lines of a free-text field, without the bullets people type ("- ", "• ", "1. "). */
export function linesOf(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(?:[-–—•*·]|\d+[.)])\s+/, '').trim())
    .filter((line) => line.length > 0);
}

export interface WorkingGroupLike {
  theme: string;
  facilitator: string | null;
  coFacilitator: string | null;
  rapporteur: string | null;
  keyPoints: string;
  recommendations: string;
  plenaryAdditions: string;
}

export interface GroupSectionLabels {
  title: string;
  facilitator: string;
  coFacilitator: string;
  rapporteur: string;
  keyPoints: string;
  recommendations: string;
  plenaryAdditions: string;
}

/**
 * A working group's table as a minutes section: who led it, then its key points and
 * recommendations as lists, then what the plenary added. Headings and labels come translated.
 */
export function workingGroupSection(
  group: WorkingGroupLike,
  labels: GroupSectionLabels,
  id: string,
): MinutesSection {
  const content: DocNode[] = [];
  const roles: [string, string | null][] = [
    [labels.facilitator, group.facilitator],
    [labels.coFacilitator, group.coFacilitator],
    [labels.rapporteur, group.rapporteur],
  ];
  for (const [label, who] of roles) {
    if (who?.trim()) content.push(paragraph(who.trim(), `${label} : `));
  }
  const list = (heading: string, value: string) => {
    const lines = linesOf(value);
    if (lines.length === 0) return;
    content.push({ type: 'heading', attrs: { level: 3 }, content: [text(heading)] });
    content.push({
      type: 'bulletList',
      content: lines.map((line) => ({ type: 'listItem', content: [paragraph(line)] })),
    });
  };
  list(labels.keyPoints, group.keyPoints);
  list(labels.recommendations, group.recommendations);
  const additions = linesOf(group.plenaryAdditions);
  if (additions.length > 0) {
    content.push({ type: 'heading', attrs: { level: 3 }, content: [text(labels.plenaryAdditions)] });
    for (const line of additions) content.push(paragraph(line));
  }
  const doc: RichDoc = { type: 'doc', content: content.length > 0 ? content : [{ type: 'paragraph' }] };
  const people = [group.facilitator, group.rapporteur].filter((v): v is string => !!v?.trim());
  return {
    id,
    kind: 'custom',
    agendaEntryId: null,
    title: labels.title.slice(0, 500),
    responsible: people.length > 0 ? people.join(' / ').slice(0, 300) : null,
    content: doc,
  };
}

/** The minutes as plain text (to copy them elsewhere when they cannot be saved). */
export function minutesText(sections: readonly MinutesSection[]): string {
  return plainTextOf(sections);
}
