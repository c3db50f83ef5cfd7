import { isIsoDate, toIsoDate } from '../../../../shared/domain/dates';

/** Today's calendar date on this computer ('YYYY-MM-DD'): what a secretary means by "today". */
export function todayIso(): string {
  const now = new Date();
  return toIsoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/**
 * Reads a date as secretaries type it: 14/05/2018, 14-05-2018, 14.05.2018 or 2018-05-14.
 * Only complete dates are accepted, so that a half-typed "14/05/20" never becomes year 20.
 */
export function parseDateFr(text: string): string | null {
  const value = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const fr = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  let result: string | null = null;
  if (iso) result = toIsoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  else if (fr) result = toIsoDate(Number(fr[3]), Number(fr[2]), Number(fr[1]));
  return result && isIsoDate(result) ? result : null;
}

/** '2018-05-14' → '14/05/2018', the way the date fields show it. */
export function formatShortDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return year && month && day ? `${day}/${month}/${year}` : iso;
}
