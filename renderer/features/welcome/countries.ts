import type { TFunction } from 'i18next';
import { compareFr } from '../../../shared/domain/text';
import { COUNTRIES, type CountryCode } from '../../../shared/domain/vocabularies';

/** The supported countries as Select options, in the reader's alphabetical order. */
export function countryOptions(t: TFunction): { value: CountryCode; label: string }[] {
  return COUNTRIES.map((code) => ({ value: code, label: t(`vocab.country.${code}`) })).sort((a, b) =>
    compareFr(a.label, b.label),
  );
}

export function isCountryCode(value: unknown): value is CountryCode {
  return typeof value === 'string' && (COUNTRIES as readonly string[]).includes(value);
}
