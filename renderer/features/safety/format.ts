import type { Language } from '../../../shared/domain/vocabularies';
import type { ContentSummary } from '../../../shared/rpc/safety';
import type { Translate } from '../../app/errors';

// How backups and archives are named on screen: the day of the week matters to a secretary
// choosing "the one from Monday morning", so dates here are longer than in other lists.

function localeOf(lang: Language): string {
  return lang === 'en' ? 'en-GB' : 'fr-FR';
}

function tr(t: Translate, key: string, params?: Record<string, unknown>): string {
  return (t as (key: string, params?: Record<string, unknown>) => string)(key, params);
}

/**
 * "lundi 23 novembre 2026 à 10 h 15" / "Monday 23 November 2026 at 10:15", in the laptop's
 * local time. Text that is not a date is returned unchanged.
 */
export function formatBackupDate(value: string, lang: Language): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const day = new Intl.DateTimeFormat(localeOf(lang), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  })
    .formatToParts(date)
    .map((part) => (lang === 'fr' && part.type === 'day' && part.value === '1' ? '1er' : part.value))
    .join('')
    // English puts a comma after the weekday; the sentence reads better without it.
    .replace(',', '');
  const hours = date.getHours();
  const minutes = String(date.getMinutes()).padStart(2, '0');
  return lang === 'fr'
    ? `${day} à ${hours} h ${minutes}`
    : `${day} at ${String(hours).padStart(2, '0')}:${minutes}`;
}

function formatCount(value: number, lang: Language): string {
  return new Intl.NumberFormat(localeOf(lang)).format(value);
}

/** "12 instances · 40 réunions · 210 recommandations". */
export function formatSummary(summary: ContentSummary, lang: Language, t: Translate): string {
  return (['bodies', 'meetings', 'recommendations'] as const)
    .map((key) =>
      tr(t, `safety.summary.${key}`, { count: summary[key], value: formatCount(summary[key], lang) }),
    )
    .join(' · ');
}

/** "3 fichiers joints". */
export function formatFiles(files: number, lang: Language, t: Translate): string {
  return tr(t, 'safety.summary.files', { count: files, value: formatCount(files, lang) });
}
