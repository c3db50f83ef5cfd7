import type { TFunction } from 'i18next';
import { COUNTRIES, type CountryCode, type Language } from '../../../shared/domain/vocabularies';
import type { OutputOf } from '../../../shared/rpc';

export type CountrySummary = OutputOf<'territories.countries'>[number];

export function isCountry(value: string | null | undefined): value is CountryCode {
  return !!value && (COUNTRIES as readonly string[]).includes(value);
}

/** "Région", "Cercle", "Commune"… as the country names its levels; "Niveau 2" when it does not say. */
export function levelName(
  summary: CountrySummary | undefined,
  level: number,
  lang: Language,
  t: TFunction,
): string {
  const names = summary?.levels[String(level)];
  return names ? names[lang] : t('territories.list.level', { level });
}

/** The deepest level the country's reference list describes (3 for Mali: commune). */
export function deepestLevel(summary: CountrySummary | undefined): number {
  const levels = Object.keys(summary?.levels ?? {})
    .map(Number)
    .filter((n) => Number.isInteger(n));
  return levels.length > 0 ? Math.max(...levels) : 4;
}
