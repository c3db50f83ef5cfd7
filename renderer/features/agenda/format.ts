import type { TFunction } from 'i18next';
import { formatDate } from '../../../shared/domain/dates';
import type { Language } from '../../../shared/domain/vocabularies';
import type { AgendaWarning } from '../../../shared/rpc/meetings';

/** "6 h 30", "7 h 00", "45 min". */
export function formatMinutes(minutes: number, t: TFunction): string {
  const total = Math.max(0, Math.round(minutes));
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (h === 0) return t('agenda.duration.minutes', { m });
  return t('agenda.duration.hours', { h, m: String(m).padStart(2, '0') });
}

/** The parameters each warning's English sentence needs; without them the French text is kept. */
const NEEDED: Record<AgendaWarning['code'], readonly string[]> = {
  overlap: ['first', 'firstTimes', 'second', 'secondTimes'],
  missing_time: ['title'],
  end_before_start: ['title', 'start', 'end'],
  longer_than_meeting: ['start', 'end', 'meetingStart', 'meetingEnd'],
  unreadable_line: ['line', 'text'],
};

/**
 * A warning in the interface language. The backend and the shared rules write French sentences
 * (the reference wording); other languages rebuild the sentence from the code and parameters.
 */
export function warningText(warning: AgendaWarning, t: TFunction, lang: Language): string {
  if (lang === 'fr') return warning.message;
  const params: Record<string, string | number> = { ...warning.params };
  if (!NEEDED[warning.code].every((name) => name in params)) return warning.message;
  if (warning.day && /^\d{4}-\d{2}-\d{2}$/.test(warning.day)) params.day = formatDate(warning.day, lang);
  const key = `agenda.warnings.${warning.code}`;
  const text = t(key, params);
  return text === key ? warning.message : text;
}
