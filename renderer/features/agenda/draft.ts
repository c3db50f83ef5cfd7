import { parseClock, recomputeTimes } from '../../../shared/domain/agenda';
import type { AgendaItemKind } from '../../../shared/domain/vocabularies';
import type { AgendaEntry, AgendaEntryInput } from '../../../shared/rpc/meetings';

// The editor works on a local draft of the whole agenda: typing, moving and re-timing happen here
// at once, and agenda.save replaces the stored agenda with it (debounced). Each row carries a
// client key so that React and drag and drop can follow it before the backend has given it an id.

export interface DraftDocument {
  title: string;
  reference: string;
}

export interface DraftEntry {
  key: string;
  /** The stored id, once saved: sent back so that the backend keeps the same row. */
  id: string | null;
  day: string;
  entryType: 'part' | 'item';
  kind: AgendaItemKind | null;
  title: string;
  startTime: string | null;
  endTime: string | null;
  responsible: { organisationIds: string[]; personIds: string[]; text: string };
  documents: DraftDocument[];
}

let counter = 0;
export function newKey(): string {
  counter += 1;
  return `draft-${counter}`;
}

/** An entry as agenda.get returns it. */
export function fromStored(entry: AgendaEntry): DraftEntry {
  return {
    key: entry.id,
    id: entry.id,
    day: entry.day,
    entryType: entry.entryType,
    kind: entry.kind,
    title: entry.title,
    startTime: entry.startTime,
    endTime: entry.endTime,
    responsible: {
      organisationIds: entry.responsible.organisations.map((o) => o.id),
      personIds: entry.responsible.persons.map((p) => p.id),
      text: entry.responsible.text ?? '',
    },
    documents: entry.documents.map((d) => ({ title: d.title, reference: d.reference ?? '' })),
  };
}

/** A proposed entry (pasted table, standard items), placed on `day`. */
export interface ProposedEntry {
  entryType: 'part' | 'item';
  kind?: AgendaItemKind | null;
  title: string;
  startTime?: string | null;
  endTime?: string | null;
  responsible?: { organisationIds?: string[]; personIds?: string[]; text?: string | null };
  documents?: { title: string; reference?: string | null }[];
}

export function fromProposed(entry: ProposedEntry, day: string): DraftEntry {
  return {
    key: newKey(),
    id: null,
    day,
    entryType: entry.entryType,
    kind: entry.kind ?? null,
    title: entry.title,
    startTime: entry.startTime ?? null,
    endTime: entry.endTime ?? null,
    responsible: {
      organisationIds: entry.responsible?.organisationIds ?? [],
      personIds: entry.responsible?.personIds ?? [],
      text: entry.responsible?.text ?? '',
    },
    documents: (entry.documents ?? []).map((d) => ({ title: d.title, reference: d.reference ?? '' })),
  };
}

export function blankEntry(day: string, entryType: 'part' | 'item'): DraftEntry {
  return fromProposed({ entryType, title: '' }, day);
}

/** What agenda.save takes for one entry. */
export function toInput(entry: DraftEntry): AgendaEntryInput {
  return {
    ...(entry.id ? { id: entry.id } : {}),
    day: entry.day,
    entryType: entry.entryType,
    kind: entry.entryType === 'part' ? null : entry.kind,
    title: entry.title.trim(),
    startTime: entry.entryType === 'part' ? null : entry.startTime,
    endTime: entry.entryType === 'part' ? null : entry.endTime,
    responsible: {
      organisationIds: entry.responsible.organisationIds,
      personIds: entry.responsible.personIds,
      text: entry.responsible.text.trim() || null,
    },
    documents: entry.documents
      .filter((d) => d.title.trim() !== '')
      .map((d) => ({ title: d.title.trim(), reference: d.reference.trim() || null })),
  };
}

/** Days in date order (ISO dates sort as text), each day's entries in list order. */
export function sortedByDay(entries: readonly DraftEntry[]): DraftEntry[] {
  const days = [...new Set(entries.map((e) => e.day))].sort();
  return days.flatMap((day) => entries.filter((e) => e.day === day));
}

export function entriesOf(entries: readonly DraftEntry[], day: string): DraftEntry[] {
  return entries.filter((e) => e.day === day);
}

/** Replaces one day's list, keeping the other days as they are. */
export function withDay(
  entries: readonly DraftEntry[],
  day: string,
  list: readonly DraftEntry[],
): DraftEntry[] {
  return sortedByDay([...entries.filter((e) => e.day !== day), ...list.map((e) => ({ ...e, day }))]);
}

/** The list with the entry at `from` moved to `to` (both indices in the list). */
export function moveWithin<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [moved] = next.splice(from, 1);
  if (moved === undefined) return [...list];
  next.splice(Math.max(0, Math.min(to, next.length)), 0, moved);
  return next;
}

/** When the entry at `index` begins, judging from the list: its start, else the last end before it. */
function clockAt(list: readonly DraftEntry[], index: number): string | null {
  const own = list[index];
  if (own && own.entryType === 'item' && parseClock(own.startTime) !== null) return own.startTime;
  for (let i = index - 1; i >= 0; i--) {
    const e = list[i];
    if (e?.entryType !== 'item') continue;
    if (parseClock(e.endTime) !== null) return e.endTime;
    if (parseClock(e.startTime) !== null) return e.startTime;
  }
  return null;
}

/**
 * Re-times the entries from `index` to the end of the day, starting the clock at `start` (the
 * time that position had before the change): what comes before is left exactly as it was.
 * `durations` overrides the length of some entries (by key), as typed in the Durée column.
 */
export function retimeFrom(
  list: readonly DraftEntry[],
  index: number,
  start: string | null,
  durations: ReadonlyMap<string, number> = new Map(),
): DraftEntry[] {
  if (index < 0 || index >= list.length) return [...list];
  const head = list.slice(0, index);
  const tail = list.slice(index).map((e) => ({ ...e, durationMinutes: durations.get(e.key) ?? null }));
  const retimed = recomputeTimes(tail, { dayStart: start });
  return [...head, ...retimed.map(({ durationMinutes: _unused, ...rest }) => rest)];
}

/** Sets one item's length and moves the following items of its day accordingly. */
export function changeDuration(
  list: readonly DraftEntry[],
  key: string,
  minutes: number,
  fallbackStart: string | null,
): DraftEntry[] {
  const index = list.findIndex((e) => e.key === key);
  if (index < 0) return [...list];
  const start = clockAt(list, index) ?? fallbackStart;
  return retimeFrom(list, index, start, new Map([[key, minutes]]));
}

/** Moves an entry within its day; times from the first position touched onwards follow the new order. */
export function moveAndRetime(list: readonly DraftEntry[], from: number, to: number): DraftEntry[] {
  if (from === to) return [...list];
  const first = Math.min(from, to);
  // The clock of the first position touched, read before the move: that slot keeps its time.
  const start = clockAt(list, first);
  const moved = moveWithin(list, from, to);
  return start === null ? moved : retimeFrom(moved, first, start);
}
