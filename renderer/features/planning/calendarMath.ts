import { addDays, daysInMonth, toIsoDate } from '../../../shared/domain/dates';
import type { Language } from '../../../shared/domain/vocabularies';

// Calendar arithmetic on 'YYYY-MM-DD' strings, in UTC throughout: a session on 12 March stays on
// 12 March whatever the laptop's time zone (see shared/domain/dates).

function localeOf(lang: Language): string {
  return lang === 'en' ? 'en-GB' : 'fr-FR';
}

function utc(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

/** 0 for Monday … 6 for Sunday: French calendars start the week on Monday. */
export function weekdayIndex(iso: string): number {
  return (utc(iso).getUTCDay() + 6) % 7;
}

/** The month `delta` months after (or before) year/month (1..12). */
export function shiftMonth(year: number, month: number, delta: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export function monthStart(year: number, month: number): string {
  return toIsoDate(year, month, 1);
}

export function monthEnd(year: number, month: number): string {
  return toIsoDate(year, month, daysInMonth(year, month));
}

/** The days shown by a month grid: whole weeks, from the Monday on or before the 1st to the Sunday on or after the last day. */
export function monthGridDays(year: number, month: number): string[] {
  const first = monthStart(year, month);
  const last = monthEnd(year, month);
  const start = addDays(first, -weekdayIndex(first));
  const end = addDays(last, 6 - weekdayIndex(last));
  const days: string[] = [];
  for (let day = start; day <= end; day = addDays(day, 1)) days.push(day);
  return days;
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** "Mars 2026" / "March 2026". */
export function monthTitle(year: number, month: number, lang: Language): string {
  const text = new Intl.DateTimeFormat(localeOf(lang), {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(utc(monthStart(year, month)));
  return capitalise(text);
}

/** "Mars" / "March". */
export function monthName(month: number, lang: Language): string {
  const text = new Intl.DateTimeFormat(localeOf(lang), { month: 'long', timeZone: 'UTC' }).format(
    utc(monthStart(2026, month)),
  );
  return capitalise(text);
}

/** Monday-first day names, short ("lun.") and long ("lundi"). 2024-01-01 was a Monday. */
export function weekdayNames(lang: Language): { short: string; long: string }[] {
  const short = new Intl.DateTimeFormat(localeOf(lang), { weekday: 'short', timeZone: 'UTC' });
  const long = new Intl.DateTimeFormat(localeOf(lang), { weekday: 'long', timeZone: 'UTC' });
  return Array.from({ length: 7 }, (_, i) => {
    const date = utc(addDays('2024-01-01', i));
    return { short: capitalise(short.format(date)), long: long.format(date) };
  });
}

/** Every day from `from` to `to` inclusive (at most `limit`, so a bad range cannot freeze the page). */
export function daysBetween(from: string, to: string, limit = 62): string[] {
  const days: string[] = [];
  for (let day = from; day <= to && days.length < limit; day = addDays(day, 1)) days.push(day);
  return days;
}

const percentFormats = new Map<Language, Intl.NumberFormat>();

/** "50 %" (with the French narrow no-break space) / "50%"; one decimal at most ("9,1 %"). */
export function formatPercent(value: number, lang: Language): string {
  let format = percentFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(localeOf(lang), { style: 'percent', maximumFractionDigits: 1 });
    percentFormats.set(lang, format);
  }
  return format.format(value);
}

/** The query part of the hash ('#/meetings/new?bodyId=…'): the router keeps only the path. */
export function hashQuery(): URLSearchParams {
  const hash = window.location.hash;
  const at = hash.indexOf('?');
  return new URLSearchParams(at >= 0 ? hash.slice(at + 1) : '');
}

/**
 * Rewrites the current hash's query without a navigation (no hashchange, no new history entry),
 * so that coming back to the page finds it where it was left (the month shown, the year chosen).
 */
export function replaceHashQuery(params: Record<string, string | null>): void {
  const hash = window.location.hash;
  const at = hash.indexOf('?');
  const path = at >= 0 ? hash.slice(0, at) : hash;
  const query = new URLSearchParams(at >= 0 ? hash.slice(at + 1) : '');
  for (const [key, value] of Object.entries(params)) {
    if (value === null) query.delete(key);
    else query.set(key, value);
  }
  const text = query.toString();
  const next = text ? `${path}?${text}` : path;
  if (next !== hash) window.history.replaceState(window.history.state, '', next || '#/');
}

/** A year read from the query (?year=2025), or the fallback when absent or absurd. */
export function yearParam(value: string | null, fallback: number): number {
  const year = Number(value);
  return Number.isInteger(year) && year >= 1990 && year <= 2100 ? year : fallback;
}
