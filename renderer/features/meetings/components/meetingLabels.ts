import type { TFunction } from 'i18next';
import { formatDate } from '../../../../shared/domain/dates';
import type { Language, MeetingKind } from '../../../../shared/domain/vocabularies';

/** "Session ordinaire n°3", "Atelier de validation": how secretaries name a meeting in letters. */
export function meetingKindTitle(t: TFunction, kind: MeetingKind, number: number | null): string {
  const label = t(`meetings.kindTitle.${kind}`);
  return number === null ? label : t('meetings.numbered', { label, number });
}

/** "GTGPS — Session ordinaire n°3". */
export function meetingHeading(
  t: TFunction,
  meeting: { kind: MeetingKind; number: number | null },
  bodyShortName: string,
): string {
  return t('meetings.heading', {
    body: bodyShortName,
    label: meetingKindTitle(t, meeting.kind, meeting.number),
  });
}

/**
 * The two ends of a span of days, with what they share written once, at the end: ["12",
 * "13 mars 2026"] within a month; across the months of one year ["30 mars", "2 avril 2026"] when
 * `yearOnce`, else both dates in full.
 */
function spanEnds(start: string, end: string, lang: Language, yearOnce: boolean): [string, string] {
  const to = formatDate(end, lang);
  let from = formatDate(start, lang);
  const [sy, sm] = start.split('-');
  const [ey, em] = end.split('-');
  if (sy === ey && (sm === em || yearOnce)) {
    const words = to.split(' ');
    // "13 mars 2026" → " mars 2026" when the month is shared, " 2026" when only the year is.
    const shared = sm === em ? words.slice(1).join(' ') : words.slice(-1).join(' ');
    if (shared && from.endsWith(` ${shared}`)) from = from.slice(0, -(shared.length + 1));
  }
  return [from, to];
}

/**
 * "le 12 mars 2026", "du 12 au 13 mars 2026", "du 30 mars au 2 avril 2026": the shared parts of
 * the two dates (month, year) are written once, as in a convocation letter.
 */
export function formatDateSpan(start: string, end: string, t: TFunction, lang: Language): string {
  if (end === start) return t('meetings.dates.single', { date: formatDate(end, lang) });
  const [from, to] = spanEnds(start, end, lang, true);
  return t('meetings.dates.range', { from, to });
}

/**
 * The same days in a table cell: "12 mars 2026", "12–13 mars 2026" within a month, or both dates
 * in full across months ("30 mars 2026 – 2 avril 2026").
 */
export function formatDateSpanShort(start: string, end: string | null, lang: Language): string {
  if (!end || end <= start) return formatDate(start, lang);
  const [from, to] = spanEnds(start, end, lang, false);
  return start.slice(0, 7) === end.slice(0, 7) ? `${from}–${to}` : `${from} – ${to}`;
}

/** "n° 3" / "no. 3", or nothing when the meeting has no number. */
export function meetingNumber(n: number | null, lang: Language): string {
  if (n === null) return '';
  return lang === 'fr' ? `n° ${n}` : `no. ${n}`;
}

/** "de 09:00 à 16:00", "à partir de 09:00", or null when no hour is known. */
export function formatTimeSpan(start: string | null, end: string | null, t: TFunction): string | null {
  if (start && end) return t('meetings.dates.timeRange', { start, end });
  if (start) return t('meetings.dates.timeFrom', { start });
  if (end) return t('meetings.dates.timeUntil', { end });
  return null;
}

// Built once per language: long lists of days are formatted often.
const weekdayFormatters = new Map<Language, Intl.DateTimeFormat>();

/** "jeudi 12 mars 2026" / "Thursday 12 March 2026" (a calendar day: no time zone may shift it). */
export function formatDayWithWeekday(iso: string, lang: Language): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return iso;
  let f = weekdayFormatters.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
      timeZone: 'UTC',
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    });
    weekdayFormatters.set(lang, f);
  }
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return f
    .formatToParts(date)
    .map((part) => (lang === 'fr' && part.type === 'day' && part.value === '1' ? '1er' : part.value))
    .join('')
    .replace(/,/g, '');
}
