import { addDays, formatDateFr } from './dates';
import type { AgendaItemKind } from './vocabularies';

// Agenda times are local "HH:MM" wall-clock times of one day, as printed on the ordre du jour:
// no time zone, no date arithmetic, nothing past midnight. Everything here is pure so that the
// backend (warnings, totals), the paste parser and the editor (re-timing on drag and drop)
// apply exactly the same rules.

export const MINUTES_PER_DAY = 24 * 60;
const LAST_MINUTE = MINUTES_PER_DAY - 1;

/** "09:35" or "9:35" → 575 minutes after midnight; anything else (including "24:00") → null. */
export function parseClock(time: string | null | undefined): number | null {
  if (!time) return null;
  const m = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  if (hours > 23 || minutes > 59) return null;
  return hours * 60 + minutes;
}

/** 575 → "09:35". Throws on a value outside the day: callers clamp first, a silent wrap would lie. */
export function formatClock(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > LAST_MINUTE) {
    throw new RangeError(`Not a time of day: ${minutes} minutes`);
  }
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** end − start in minutes (negative when end is earlier); null when either is missing or unreadable. */
export function minutesBetween(
  start: string | null | undefined,
  end: string | null | undefined,
): number | null {
  const s = parseClock(start);
  const e = parseClock(end);
  return s === null || e === null ? null : e - s;
}

/** "45 min", "1 h", "1 h 15", "12 h 05": how French agendas write lengths. */
export function formatDuration(minutes: number): string {
  const total = Math.max(0, Math.round(minutes));
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, '0')}`;
}

/** Every date from start to end, both included ([] when end is before start). */
export function meetingDays(startDate: string, endDate: string): string[] {
  const days: string[] = [];
  // A meeting lasts days, not years: the bound only protects against a damaged row.
  for (let d = startDate; d <= endDate && days.length < 366; d = addDays(d, 1)) days.push(d);
  return days;
}

// ── Durations and re-timing ─────────────────────────────────────────────────

export interface TimedEntry {
  day: string;
  entryType: 'part' | 'item';
  startTime: string | null;
  endTime: string | null;
}

export interface RetimableEntry extends TimedEntry {
  /** A duration set by hand in the editor; wins over end − start. */
  durationMinutes?: number | null;
}

/**
 * An item's length: its explicit `durationMinutes` when given, else end − start when both times
 * are set and the end is not before the start; null otherwise (and always null for a part).
 */
export function entryDuration(entry: RetimableEntry): number | null {
  if (entry.entryType === 'part') return null;
  if (typeof entry.durationMinutes === 'number' && entry.durationMinutes >= 0) {
    return Math.round(entry.durationMinutes);
  }
  const d = minutesBetween(entry.startTime, entry.endTime);
  return d !== null && d >= 0 ? d : null;
}

export interface RecomputeOptions {
  /**
   * When each day's first timed item starts: one "HH:MM" for every day, or per day
   * ({ '2024-05-14': '08:30' }). Missing or null: the day keeps the earliest start time its items
   * had before the change, so moving the first item down does not shift the whole day.
   */
  dayStart?: string | null | Readonly<Record<string, string | null | undefined>>;
}

/**
 * Re-times an agenda after a duration changed or entries were moved, as a secretary would by hand.
 *
 * - Entries are taken day by day in the order given: after a drag and drop the list order is the
 *   truth, not the old times. The result keeps the input order; other fields are copied as they are.
 * - Each day's clock starts at `dayStart` (see RecomputeOptions). A day with no start (no option and
 *   no item with a start time) is returned unchanged.
 * - An item with a duration (entryDuration) starts at the clock and ends `duration` later; the clock
 *   moves to its end. Gaps between items are therefore closed: a lunch that should stay is an item.
 * - An item with a start time but no duration (a milestone such as "Clôture" at 17:00 with no end,
 *   or an end before its start) starts at the clock and gets no end; the clock does not move.
 * - An item without a start time keeps its fields as they are (no time is invented) and does not
 *   move the clock.
 * - Parts never have times: theirs are cleared.
 * - Nothing passes midnight: an item that would end after 23:59 ends at 23:59, and an item that
 *   would start after that loses its times (shown as "missing time" rather than a false hour).
 */
export function recomputeTimes<T extends RetimableEntry>(
  entries: readonly T[],
  options: RecomputeOptions = {},
): T[] {
  const earliestStart = new Map<string, number>();
  for (const entry of entries) {
    if (entry.entryType !== 'item') continue;
    const start = parseClock(entry.startTime);
    if (start === null) continue;
    const known = earliestStart.get(entry.day);
    if (known === undefined || start < known) earliestStart.set(entry.day, start);
  }

  const clocks = new Map<string, number | null>();
  const clockFor = (day: string): number | null => {
    if (!clocks.has(day)) {
      const option = options.dayStart;
      const given = typeof option === 'string' || option == null ? option : option[day];
      clocks.set(day, parseClock(given) ?? earliestStart.get(day) ?? null);
    }
    return clocks.get(day) ?? null;
  };

  return entries.map((entry) => {
    if (entry.entryType === 'part') return { ...entry, startTime: null, endTime: null };
    const clock = clockFor(entry.day);
    const hasStart = parseClock(entry.startTime) !== null;
    // A duration typed in the editor on an untimed item counts: that item then gets times.
    const hasTypedDuration = typeof entry.durationMinutes === 'number' && entry.durationMinutes >= 0;
    if (clock === null || (!hasStart && !hasTypedDuration)) return { ...entry };
    if (clock > LAST_MINUTE) return { ...entry, startTime: null, endTime: null };
    const duration = entryDuration(entry);
    if (duration === null) return { ...entry, startTime: formatClock(clock), endTime: null };
    const end = Math.min(clock + duration, LAST_MINUTE);
    // Past the last minute the next item has no room left: the clock goes beyond the day.
    clocks.set(entry.day, clock + duration > LAST_MINUTE ? MINUTES_PER_DAY : end);
    return { ...entry, startTime: formatClock(clock), endTime: formatClock(end) };
  });
}

// ── Warnings and totals ─────────────────────────────────────────────────────

export type AgendaWarningCode =
  | 'overlap'
  | 'missing_time'
  | 'end_before_start'
  | 'longer_than_meeting'
  | 'unreadable_line';

/** Same shape as AgendaWarningSchema in the contract: shown, never a reason to refuse. */
export interface AgendaWarning {
  code: AgendaWarningCode;
  day: string | null;
  /** Index of the entry in its day's list (parts included), or null. */
  index: number | null;
  params: Record<string, string | number>;
  message: string;
}

export interface WarnableEntry extends TimedEntry {
  title: string;
}

/** The meeting's daily hours, when known. */
export interface MeetingHours {
  startTime: string | null;
  endTime: string | null;
}

const MAX_TITLE_IN_MESSAGE = 60;

/** A title short enough to quote in a sentence. */
export function quoteTitle(title: string): string {
  const t = title.replace(/\s+/g, ' ').trim();
  return t.length > MAX_TITLE_IN_MESSAGE ? `${t.slice(0, MAX_TITLE_IN_MESSAGE - 1).trimEnd()}…` : t;
}

/** "10:30–10:45", "17:00", "–13:00" or "" for what an entry shows of its times. */
export function timeRangeLabel(startTime: string | null, endTime: string | null): string {
  if (startTime && endTime) return `${startTime}–${endTime}`;
  if (startTime) return startTime;
  if (endTime) return `–${endTime}`;
  return '';
}

/** Groups entries by day keeping their order; each with its index in the day's list. */
function byDay<T extends TimedEntry>(entries: readonly T[]): Map<string, { entry: T; index: number }[]> {
  const days = new Map<string, { entry: T; index: number }[]>();
  for (const entry of entries) {
    const list = days.get(entry.day) ?? [];
    list.push({ entry, index: list.length });
    days.set(entry.day, list);
  }
  return days;
}

/** Minutes covered by at least one item of the list: overlapping items are not counted twice. */
function coveredMinutes(entries: readonly TimedEntry[]): number {
  const intervals: [number, number][] = [];
  for (const e of entries) {
    if (e.entryType !== 'item') continue;
    const s = parseClock(e.startTime);
    const end = parseClock(e.endTime);
    if (s !== null && end !== null && end > s) intervals.push([s, end]);
  }
  intervals.sort((a, b) => a[0] - b[0]);
  let total = 0;
  let curStart = -1;
  let curEnd = -1;
  for (const [s, e] of intervals) {
    if (s > curEnd) {
      total += curEnd - curStart;
      curStart = s;
      curEnd = e;
    } else if (e > curEnd) {
      curEnd = e;
    }
  }
  return total + (curEnd - curStart);
}

/** The meeting's hours as minutes, when both are known and the end is after the start. */
function meetingWindow(meeting: MeetingHours | null | undefined): { start: number; end: number } | null {
  const start = parseClock(meeting?.startTime);
  const end = parseClock(meeting?.endTime);
  return start !== null && end !== null && end > start ? { start, end } : null;
}

export interface DayTotal {
  day: string;
  /** Minutes covered by the day's items (overlaps counted once, gaps not counted). */
  scheduledMinutes: number;
  /** The meeting's endTime − startTime, when both are known. */
  availableMinutes: number | null;
}

/** Per day of `days`: what the agenda fills vs the meeting's own hours. */
export function agendaTotals(
  entries: readonly TimedEntry[],
  days: readonly string[],
  meeting: MeetingHours | null | undefined,
): DayTotal[] {
  const window = meetingWindow(meeting);
  const grouped = byDay(entries);
  return days.map((day) => ({
    day,
    scheduledMinutes: coveredMinutes((grouped.get(day) ?? []).map((x) => x.entry)),
    availableMinutes: window ? window.end - window.start : null,
  }));
}

/**
 * What a careful reader of the agenda would point out; nothing here blocks saving.
 *
 * Per day (days in date order, entries in list order; `index` = position in the day's list):
 * - end_before_start: an item whose end time is earlier than its start time;
 * - missing_time: an item with no start time while another item of the same day has one;
 * - overlap: an item starting before the previous timed item of the day ends (list order, so an
 *   item moved above an earlier one is reported too); items whose end is before their start are
 *   left out of this comparison (already reported);
 * - longer_than_meeting: when the meeting's hours are known, the day's items start before or end
 *   after them (once per day, at the day's first entry).
 */
export function agendaWarnings(
  entries: readonly WarnableEntry[],
  meeting: MeetingHours | null | undefined,
): AgendaWarning[] {
  const warnings: AgendaWarning[] = [];
  const window = meetingWindow(meeting);
  const grouped = [...byDay(entries).entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

  for (const [day, list] of grouped) {
    const items = list.filter((x) => x.entry.entryType === 'item');
    const anyTimed = items.some((x) => parseClock(x.entry.startTime) !== null);
    let previous: { title: string; times: string; end: number } | null = null;
    let earliest: number | null = null;
    let latest: number | null = null;

    for (const { entry, index } of items) {
      const start = parseClock(entry.startTime);
      const end = parseClock(entry.endTime);
      const title = quoteTitle(entry.title);
      const times = timeRangeLabel(entry.startTime, entry.endTime);

      if (start !== null && end !== null && end < start) {
        const params = { title, start: entry.startTime ?? '', end: entry.endTime ?? '' };
        warnings.push({
          code: 'end_before_start',
          day,
          index,
          params,
          message: `« ${title} » finit à ${params.end}, avant de commencer (${params.start}).`,
        });
        continue;
      }
      if (start === null) {
        if (anyTimed) {
          const params = { title, day: formatDateFr(day) };
          warnings.push({
            code: 'missing_time',
            day,
            index,
            params,
            message: `« ${title} » n’a pas d’horaire alors que d’autres activités du ${params.day} en ont.`,
          });
        }
        continue;
      }

      const stop = end ?? start;
      earliest = earliest === null ? start : Math.min(earliest, start);
      latest = latest === null ? stop : Math.max(latest, stop);
      if (previous && start < previous.end) {
        const params = {
          first: previous.title,
          firstTimes: previous.times,
          second: title,
          secondTimes: times,
        };
        warnings.push({
          code: 'overlap',
          day,
          index,
          params,
          message: `« ${params.first} » (${params.firstTimes}) chevauche « ${params.second} » (${params.secondTimes}).`,
        });
      }
      // A milestone (start only) occupies its minute; the next item may start at it.
      previous = { title, times, end: stop };
    }

    if (window && earliest !== null && latest !== null && (earliest < window.start || latest > window.end)) {
      const scheduled = coveredMinutes(items.map((x) => x.entry));
      const params = {
        day: formatDateFr(day),
        start: formatClock(earliest),
        end: formatClock(latest),
        meetingStart: formatClock(window.start),
        meetingEnd: formatClock(window.end),
        scheduledMinutes: scheduled,
        availableMinutes: window.end - window.start,
      };
      warnings.push({
        code: 'longer_than_meeting',
        day,
        index: list[0]?.index ?? null,
        params,
        message:
          `Le programme du ${params.day} (${params.start}–${params.end}, ${formatDuration(scheduled)} d’activités) ` +
          `dépasse les horaires de la réunion (${params.meetingStart}–${params.meetingEnd}).`,
      });
    }
  }
  return warnings;
}

// ── Standard items of an ordinary session ───────────────────────────────────

/** An entry as the editor and agenda.save take it (AgendaEntryInput without id, all fields set). */
export interface AgendaDraftEntry {
  day: string;
  entryType: 'part' | 'item';
  kind: AgendaItemKind | null;
  title: string;
  startTime: string | null;
  endTime: string | null;
  responsible: { organisationIds: string[]; personIds: string[]; text: string | null };
  documents: { title: string; reference: string | null }[];
}

/**
 * What every ordinary session examines (domain.md), in that order, with the length a secretariat
 * usually gives it; the follow-up of recommendations is the substantial one.
 */
export const STANDARD_ITEMS: readonly { kind: AgendaItemKind; title: string; durationMinutes: number }[] = [
  { kind: 'agenda_adoption', title: 'Adoption de l’ordre du jour', durationMinutes: 10 },
  { kind: 'minutes_adoption', title: 'Adoption du compte rendu de la dernière réunion', durationMinutes: 15 },
  {
    kind: 'recommendations_follow_up',
    title: 'Point de la mise en œuvre des recommandations de la dernière réunion',
    durationMinutes: 45,
  },
  { kind: 'other_business', title: 'Divers', durationMinutes: 15 },
];

/**
 * The standard items for `day`. Without `startTime` they have no times: the secretary sets them
 * around the session's own items. With one, they follow each other from it with their usual length.
 */
export function standardItems(day: string, options: { startTime?: string | null } = {}): AgendaDraftEntry[] {
  let clock = parseClock(options.startTime);
  return STANDARD_ITEMS.map((item) => {
    let startTime: string | null = null;
    let endTime: string | null = null;
    if (clock !== null && clock + item.durationMinutes <= LAST_MINUTE) {
      startTime = formatClock(clock);
      clock += item.durationMinutes;
      endTime = formatClock(clock);
    }
    return {
      day,
      entryType: 'item',
      kind: item.kind,
      title: item.title,
      startTime,
      endTime,
      responsible: { organisationIds: [], personIds: [], text: null },
      documents: [],
    };
  });
}
