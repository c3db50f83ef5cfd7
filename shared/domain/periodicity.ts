import { z } from 'zod';
import { daysInMonth, toIsoDate } from './dates';
import type { Language } from './vocabularies';

// How often a body is meant to meet. The planned sessions it yields are the denominator of the
// regularity rate ("2 of 4 quarterly meetings held"), so the rules below decide what counts as
// missed.

const Month = z.number().int().min(1).max(12);
const DayOfMonth = z.number().int().min(1).max(31);

export const PeriodicitySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('every_n_months'),
    /** 1 monthly, 3 quarterly, 6 semi-annual, 12 annual, 24 every two years. */
    months: z.number().int().min(1).max(24),
    /** A month the cycle passes through; 1 (January) when absent. */
    startMonth: Month.optional(),
    /** Planned day; 1 when absent, clamped to the month's last day (31 → 30 April, 28/29 Feb). */
    dayOfMonth: DayOfMonth.optional(),
  }),
  z.object({ kind: z.literal('n_per_month'), count: z.number().int().min(1).max(4) }),
  z.object({
    kind: z.literal('fixed_months'),
    months: z
      .array(Month)
      .min(1)
      .refine((list) => new Set(list).size === list.length, { message: 'errors.field.invalid' }),
    dayOfMonth: DayOfMonth.optional(),
  }),
  z.object({ kind: z.literal('as_needed') }),
]);
export type Periodicity = z.infer<typeof PeriodicitySchema>;

/**
 * Months (1..12) in which an every-N-months body meets: those whose distance to startMonth is a
 * multiple of N. When N divides 12 this is the true endless cycle (quarterly from November →
 * Feb, May, Aug, Nov). When it does not (5, 7, 18, 24…), a cycle across years would need an
 * anchor year the body does not record, so the cycle is anchored at startMonth of each year:
 * every 5 months from January → Jan, Jun, Nov, and every N ≥ 12 months → startMonth only (a
 * body meeting every two years is therefore planned once a year).
 */
function cycleMonths(months: number, startMonth: number): number[] {
  const result: number[] = [];
  for (let m = 1; m <= 12; m++) {
    if ((((m - startMonth) % months) + months) % months === 0) result.push(m);
  }
  return result;
}

/** Days 1, 1+28/n, … : spread evenly over 28 days so every one exists in every month (2 → 1 and 15). */
function daysSpread(count: number): number[] {
  return Array.from({ length: count }, (_, i) => 1 + Math.floor((i * 28) / count));
}

function dated(year: number, month: number, day: number): string {
  return toIsoDate(year, month, Math.min(day, daysInMonth(year, month)));
}

/** 'YYYY-MM-DD' dates of the sessions due in `year`, in calendar order. */
export function plannedSessionDates(p: Periodicity, year: number): string[] {
  switch (p.kind) {
    case 'every_n_months':
      return cycleMonths(p.months, p.startMonth ?? 1).map((m) => dated(year, m, p.dayOfMonth ?? 1));
    case 'n_per_month': {
      const days = daysSpread(p.count);
      return Array.from({ length: 12 }, (_, i) => days.map((d) => dated(year, i + 1, d))).flat();
    }
    case 'fixed_months':
      return [...new Set(p.months)].sort((a, b) => a - b).map((m) => dated(year, m, p.dayOfMonth ?? 1));
    case 'as_needed':
      return [];
  }
}

/**
 * Sessions planned in any one year: always the length of plannedSessionDates (which does not
 * depend on the year), so figures and planned lists never disagree.
 */
export function sessionsPerYear(p: Periodicity): number {
  switch (p.kind) {
    case 'every_n_months':
      return cycleMonths(p.months, p.startMonth ?? 1).length;
    case 'n_per_month':
      return 12 * p.count;
    case 'fixed_months':
      return new Set(p.months).size;
    case 'as_needed':
      return 0;
  }
}

const MONTH_NAMES: Record<Language, readonly string[]> = {
  fr: [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

/** "juin", "juin et décembre", "mars, juin et décembre". */
function listMonths(months: readonly number[], lang: Language): string {
  const names = [...new Set(months)].sort((a, b) => a - b).map((m) => MONTH_NAMES[lang][m - 1] ?? String(m));
  const and = lang === 'fr' ? 'et' : 'and';
  const last = names.pop() ?? '';
  return names.length === 0 ? last : `${names.join(', ')} ${and} ${last}`;
}

// French adjectives are feminine: they qualify "périodicité" / "réunion" ("réunion trimestrielle").
const NAMED_CYCLES: Record<Language, Partial<Record<number, string>>> = {
  fr: { 1: 'mensuelle', 3: 'trimestrielle', 6: 'semestrielle', 12: 'annuelle' },
  en: { 1: 'monthly', 3: 'quarterly', 6: 'semi-annual', 12: 'annual' },
};

/** Short phrase for lists and fact sheets: "trimestrielle", "2 fois par mois", "en juin et décembre". */
export function describePeriodicity(p: Periodicity, lang: Language): string {
  const fr = lang === 'fr';
  switch (p.kind) {
    case 'every_n_months': {
      const named = NAMED_CYCLES[lang][p.months];
      if (named) return named;
      if (p.months % 12 === 0) return fr ? `tous les ${p.months / 12} ans` : `every ${p.months / 12} years`;
      return fr ? `tous les ${p.months} mois` : `every ${p.months} months`;
    }
    case 'n_per_month':
      if (p.count === 1) return fr ? 'une fois par mois' : 'once a month';
      if (p.count === 2 && !fr) return 'twice a month';
      return fr ? `${p.count} fois par mois` : `${p.count} times a month`;
    case 'fixed_months':
      return `${fr ? 'en' : 'in'} ${listMonths(p.months, lang)}`;
    case 'as_needed':
      return fr ? 'chaque fois que de besoin' : 'as needed';
  }
}
