import { formatDate } from '../../shared/domain/dates';
import type { Language } from '../../shared/domain/vocabularies';
import type { Translate } from '../app/errors';

// Dates for the screens. Calendar dates ('2025-03-01') go through the shared formatter (UTC,
// "1er mars 2025"); timestamps (history, trash) are instants, shown in the laptop's local time.

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function localeOf(lang: Language): string {
  return lang === 'en' ? 'en-GB' : 'fr-FR';
}

function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** "1er mars 2025" / "1 March 2025", for a calendar date or the local day of a timestamp. */
export function formatLongDate(value: string, lang: Language): string {
  if (DATE_ONLY.test(value)) return formatDate(value, lang);
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : formatDate(localDay(date), lang);
}

/** "1er mars 2025 à 14:05" / "1 March 2025 at 14:05" (local time). */
export function formatDateTime(value: string, lang: Language): string {
  if (DATE_ONLY.test(value)) return formatDate(value, lang);
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const time = new Intl.DateTimeFormat(localeOf(lang), { hour: '2-digit', minute: '2-digit' }).format(date);
  return `${formatDate(localDay(date), lang)} ${lang === 'fr' ? 'à' : 'at'} ${time}`;
}

const UNITS = ['bytes', 'kilo', 'mega', 'giga', 'tera'] as const;

/** "3,2 Go" / "3.2 GB": binary multiples, as the file explorer shows them. */
export function formatBytes(bytes: number, lang: Language, t: Translate): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const number = new Intl.NumberFormat(localeOf(lang), {
    maximumFractionDigits: unit === 0 || value >= 100 ? 0 : 1,
  }).format(value);
  return (t as (key: string, params: Record<string, unknown>) => string)(`common.units.${UNITS[unit]}`, {
    value: number,
  });
}
