import { formatDate } from '../../../shared/domain/dates';
import type { Language } from '../../../shared/domain/vocabularies';

/**
 * A meeting's days in one phrase: "12 mars 2026", "12–13 mars 2026" within a month, or both
 * dates in full across months ("30 mars 2026 – 2 avril 2026").
 */
export function formatMeetingDates(start: string, end: string | null, lang: Language): string {
  if (!end || end <= start) return formatDate(start, lang);
  if (start.slice(0, 7) === end.slice(0, 7)) {
    const day = Number(start.slice(8));
    return `${lang === 'fr' && day === 1 ? '1er' : day}–${formatDate(end, lang)}`;
  }
  return `${formatDate(start, lang)} – ${formatDate(end, lang)}`;
}

/** "n° 3" / "no. 3", or nothing when the meeting has no number. */
export function meetingNumber(n: number | null, lang: Language): string {
  if (n === null) return '';
  return lang === 'fr' ? `n° ${n}` : `no. ${n}`;
}
