import { formatDateFr, isIsoDate } from '../domain/dates';
import { ordinalFr } from '../domain/seats';
import type { SeatRole } from '../domain/vocabularies';
import { vocab } from '../i18n/fr/vocab';

// How documents write dates, numbers and file names: the French administration's way.
// Pure, shared by the builders (backend) and the preview (renderer).

const WEEKDAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];

function weekdayOf(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(0);
  date.setUTCFullYear(y ?? 0, (m ?? 1) - 1, d ?? 1);
  return WEEKDAYS[date.getUTCDay()] ?? '';
}

/** "jeudi 13 avril 2017", "samedi 1er mars 2025". Text that is not a date is returned unchanged. */
export function longDateFr(iso: string): string {
  if (!isIsoDate(iso)) return iso;
  return `${weekdayOf(iso)} ${formatDateFr(iso)}`;
}

/** "13 avril 2017" (no weekday): tables and running text. */
export function dateFr(iso: string | null | undefined): string {
  return iso ? formatDateFr(iso) : '';
}

/** "du jeudi 13 au vendredi 14 avril 2017", or one long date for a one-day meeting. */
export function dateRangeFr(start: string, end: string): string {
  if (!isIsoDate(start) || !isIsoDate(end) || start === end) return longDateFr(start);
  return `du ${longDateFr(start)} au ${longDateFr(end)}`;
}

const numberFormats = new Map<number, Intl.NumberFormat>();

/** "1 234,5" — French grouping (narrow no-break space) and decimal comma. */
export function numberFr(value: number, maximumFractionDigits = 1): string {
  let format = numberFormats.get(maximumFractionDigits);
  if (!format) {
    format = new Intl.NumberFormat('fr-FR', { maximumFractionDigits });
    numberFormats.set(maximumFractionDigits, format);
  }
  return format.format(value);
}

/** "45 %" from 0.45; an empty string when there is nothing to divide. */
export function percentFr(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '';
  return `${numberFr(ratio * 100, 0)}\u00a0%`;
}

/** "2h30" style clock "08:30" → "08h30", as French agendas print times. */
export function clockFr(time: string | null | undefined): string {
  if (!time) return '';
  const match = /^(\d{1,2}):(\d{2})$/.exec(time);
  return match ? `${match[1]?.padStart(2, '0')}h${match[2]}` : time;
}

/** ASCII, dash-separated, no character a file system refuses: "Aide-mémoire" → "aide-memoire". */
export function fileSlug(value: string, options: { keepCase?: boolean } = {}): string {
  const ascii = value.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  const slug = ascii
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return options.keepCase ? slug : slug.toLowerCase();
}

/**
 * "2025-03-14_GTGPS_aide-memoire": what the file is, for whom and when, sortable by date in a
 * folder. Parts that are empty are left out; the result is never empty.
 */
export function fileStem(parts: { date?: string | null; acronym?: string | null; what: string }): string {
  const pieces = [
    parts.date && isIsoDate(parts.date) ? parts.date : '',
    parts.acronym ? fileSlug(parts.acronym, { keepCase: true }) : '',
    fileSlug(parts.what),
  ].filter((p) => p.length > 0);
  return pieces.length > 0 ? pieces.join('_') : 'document';
}

/** "Président(e)", "1er vice-président(e)", "2e rapporteur": a seat's role as a composition writes it. */
export function seatRoleLabel(role: SeatRole, rank: number | null): string {
  const label = vocab.seatRole[role] ?? role;
  return rank === null ? label : `${ordinalFr(rank)} ${label.toLowerCase()}`;
}
