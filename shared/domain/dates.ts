import { z } from 'zod';
import type { Language } from './vocabularies';

// Calendar dates travel and are stored as 'YYYY-MM-DD' strings: they sort as text, compare with
// `<`, and carry no time zone, so a meeting on 14 May stays on 14 May whatever the machine's zone.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in `month` (1..12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Builds 'YYYY-MM-DD' from numbers (no validation: callers pass real calendar values). */
export function toIsoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Strict: exactly 'YYYY-MM-DD' and a day that exists ('2023-02-29' is refused). */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export const IsoDateSchema = z
  .string()
  .refine(isIsoDate, { message: 'Date invalide (format attendu AAAA-MM-JJ)' });

/** The date `days` days after (or before, if negative) `iso`; used to start a successor the day after. */
export function addDays(iso: string, days: number): string {
  const date = utcDate(iso);
  date.setUTCDate(date.getUTCDate() + days);
  return toIsoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** A span of days; `null` is an open end (held since ever / still held). */
export interface Period {
  from: string | null;
  to: string | null;
}

/** An inverted period (from after to) holds no day at all, so it overlaps nothing. */
function isEmpty(p: Period): boolean {
  return p.from !== null && p.to !== null && p.from > p.to;
}

/**
 * Whether two periods share at least one day. Bounds are inclusive: `to` is the last day held,
 * so a clean hand-over ends one holder on the 31st and starts the next on the 1st; a successor
 * starting on the very day the previous one ends DOES overlap (two holders that day).
 */
export function periodsOverlap(a: Period, b: Period): boolean {
  if (isEmpty(a) || isEmpty(b)) return false;
  const aStartsBeforeBEnds = a.from === null || b.to === null || a.from <= b.to;
  const bStartsBeforeAEnds = b.from === null || a.to === null || b.from <= a.to;
  return aStartsBeforeBEnds && bStartsBeforeAEnds;
}

/** Whether `date` falls inside `period`, bounds included (membership "as at" a meeting date). */
export function isWithin(date: string, period: Period): boolean {
  return (period.from === null || period.from <= date) && (period.to === null || date <= period.to);
}

// Formatters are costly to build and the lists format hundreds of dates: build each once.
const formatters = new Map<Language, Intl.DateTimeFormat>();
function formatter(lang: Language): Intl.DateTimeFormat {
  let f = formatters.get(lang);
  if (!f) {
    // UTC on both sides: the date is a calendar day, not an instant, so no zone may shift it.
    // en-GB keeps the day-month-year order French readers expect in English documents too.
    f = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
      timeZone: 'UTC',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    });
    formatters.set(lang, f);
  }
  return f;
}

function utcDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0..99 to 1900..1999.
  date.setUTCFullYear(y ?? 0, (m ?? 1) - 1, d ?? 1);
  return date;
}

/**
 * "14 mai 2018" / "14 May 2018". French writes the first of the month "1er mai 2018" in letters
 * and convocations. Text that is not a valid date is returned unchanged: display code must not
 * throw on a bad imported value.
 */
export function formatDate(iso: string, lang: Language): string {
  if (!isIsoDate(iso)) return iso;
  const parts = formatter(lang).formatToParts(utcDate(iso));
  return parts
    .map((part) => (lang === 'fr' && part.type === 'day' && part.value === '1' ? '1er' : part.value))
    .join('');
}

export function formatDateFr(iso: string): string {
  return formatDate(iso, 'fr');
}
