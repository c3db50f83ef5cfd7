import type { TimeZone } from '../../../../shared/domain/vocabularies';
import type { Db } from '../../db/open';
import { readSettings } from '../settings/repository';
import { hasStoredLogo } from './logo';
import type { BuildEnv } from './types';

/**
 * Today's date (YYYY-MM-DD) in the secretariat's time zone: a letter written late at night on a
 * laptop still set to another zone is dated as the office reads its calendar.
 */
export function todayIn(timeZone: TimeZone, now: Date = new Date()): string {
  // en-CA formats dates as YYYY-MM-DD; the zones of the settings are all known to ICU.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** What the builders know besides the database: the settings, whether a logo is stored, today. */
export async function buildEnv(db: Db, now: Date = new Date()): Promise<BuildEnv> {
  const settings = await readSettings(db);
  return { settings, hasLogo: await hasStoredLogo(db), today: todayIn(settings.timeZone, now) };
}
