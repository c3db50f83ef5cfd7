import { addDays, formatDate, isIsoDate } from '../../../shared/domain/dates';
import type { Language } from '../../../shared/domain/vocabularies';
import type { Translate } from '../../app/errors';

function tr(t: Translate, key: string, params?: Record<string, unknown>): string {
  return (t as (key: string, params?: Record<string, unknown>) => string)(key, params);
}

/** "1 234" in French, "1,234" in English; an absent figure is a dash. */
export function formatCount(value: number | null | undefined, lang: Language): string {
  if (value === null || value === undefined) return '—';
  return value.toLocaleString(lang === 'en' ? 'en-GB' : 'fr-FR');
}

/** "12 janv. 2024 – 31 déc. 2024", "depuis le …", "jusqu’au …", or a dash. */
export function formatPeriod(from: string | null, to: string | null, lang: Language, t: Translate): string {
  const f = from ? formatDate(from, lang) : null;
  const e = to ? formatDate(to, lang) : null;
  if (f && e) return tr(t, 'partners.interventions.periodBoth', { from: f, to: e });
  if (f) return tr(t, 'partners.interventions.periodFrom', { from: f });
  if (e) return tr(t, 'partners.interventions.periodTo', { to: e });
  return '—';
}

/**
 * The last day of a convention signed on `signedOn` for `months` months: a 12-month convention
 * signed on 1 January 2024 runs until 31 December 2024. Month ends clamp (31 Jan + 1 month → 28/29 Feb).
 */
export function computedEndDate(signedOn: string | null, months: number | null): string | null {
  if (!signedOn || !isIsoDate(signedOn) || !months || months < 1) return null;
  const [y, m, d] = signedOn.split('-').map(Number) as [number, number, number];
  const total = m - 1 + months;
  const year = y + Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(d, last);
  const pad = (n: number) => String(n).padStart(2, '0');
  return addDays(`${year}-${pad(month)}-${pad(day)}`, -1);
}
