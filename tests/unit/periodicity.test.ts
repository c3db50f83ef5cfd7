import { describe, expect, it } from 'vitest';
import { isIsoDate } from '../../shared/domain/dates';
import {
  describePeriodicity,
  type Periodicity,
  PeriodicitySchema,
  plannedSessionDates,
  sessionsPerYear,
} from '../../shared/domain/periodicity';

const every = (months: number, extra: { startMonth?: number; dayOfMonth?: number } = {}): Periodicity => ({
  kind: 'every_n_months',
  months,
  ...extra,
});

describe('PeriodicitySchema', () => {
  it.each([
    { kind: 'every_n_months', months: 3 },
    { kind: 'every_n_months', months: 1, startMonth: 12, dayOfMonth: 31 },
    { kind: 'every_n_months', months: 24 },
    { kind: 'n_per_month', count: 1 },
    { kind: 'n_per_month', count: 4 },
    { kind: 'fixed_months', months: [6, 12] },
    { kind: 'fixed_months', months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], dayOfMonth: 15 },
    { kind: 'as_needed' },
  ])('accepts %j', (value) => {
    expect(PeriodicitySchema.safeParse(value).success).toBe(true);
  });

  it.each([
    { kind: 'every_n_months', months: 0 },
    { kind: 'every_n_months', months: 25 },
    { kind: 'every_n_months', months: 2.5 },
    { kind: 'every_n_months', months: 3, startMonth: 0 },
    { kind: 'every_n_months', months: 3, startMonth: 13 },
    { kind: 'every_n_months', months: 3, dayOfMonth: 0 },
    { kind: 'every_n_months', months: 3, dayOfMonth: 32 },
    { kind: 'every_n_months' },
    { kind: 'n_per_month', count: 0 },
    { kind: 'n_per_month', count: 5 },
    { kind: 'fixed_months', months: [] },
    { kind: 'fixed_months', months: [6, 6] },
    { kind: 'fixed_months', months: [0] },
    { kind: 'fixed_months', months: [13] },
    { kind: 'fixed_months', months: [6], dayOfMonth: 32 },
    { kind: 'weekly' },
    {},
    null,
  ])('refuses %j', (value) => {
    expect(PeriodicitySchema.safeParse(value).success).toBe(false);
  });

  it('keeps optional fields absent (stored JSON stays as entered)', () => {
    expect(PeriodicitySchema.parse({ kind: 'every_n_months', months: 3 })).toEqual({
      kind: 'every_n_months',
      months: 3,
    });
  });
});

describe('plannedSessionDates', () => {
  it.each<[string, Periodicity, number, string[]]>([
    ['quarterly', every(3), 2024, ['2024-01-01', '2024-04-01', '2024-07-01', '2024-10-01']],
    [
      'quarterly from November wraps round the year',
      every(3, { startMonth: 11 }),
      2024,
      ['2024-02-01', '2024-05-01', '2024-08-01', '2024-11-01'],
    ],
    ['semi-annual', every(6), 2024, ['2024-01-01', '2024-07-01']],
    ['semi-annual from June', every(6, { startMonth: 6 }), 2024, ['2024-06-01', '2024-12-01']],
    ['annual in September', every(12, { startMonth: 9, dayOfMonth: 20 }), 2024, ['2024-09-20']],
    [
      'every 2 months',
      every(2, { startMonth: 2 }),
      2023,
      ['2023-02-01', '2023-04-01', '2023-06-01', '2023-08-01', '2023-10-01', '2023-12-01'],
    ],
    [
      'every 4 months from March',
      every(4, { startMonth: 3 }),
      2024,
      ['2024-03-01', '2024-07-01', '2024-11-01'],
    ],
    ['every 5 months: anchored at January', every(5), 2024, ['2024-01-01', '2024-06-01', '2024-11-01']],
    ['every 5 months from March', every(5, { startMonth: 3 }), 2024, ['2024-03-01', '2024-08-01']],
    [
      'every 5 months from June',
      every(5, { startMonth: 6 }),
      2024,
      ['2024-01-01', '2024-06-01', '2024-11-01'],
    ],
    ['every 7 months from December', every(7, { startMonth: 12 }), 2024, ['2024-05-01', '2024-12-01']],
    ['every 18 months: startMonth of each year', every(18, { startMonth: 4 }), 2024, ['2024-04-01']],
    ['every 24 months: startMonth of each year', every(24), 2025, ['2025-01-01']],
    [
      'fixed June and December',
      { kind: 'fixed_months', months: [6, 12] },
      2024,
      ['2024-06-01', '2024-12-01'],
    ],
    [
      'fixed months given out of order come back sorted',
      { kind: 'fixed_months', months: [12, 3, 6], dayOfMonth: 15 },
      2024,
      ['2024-03-15', '2024-06-15', '2024-12-15'],
    ],
    ['as needed', { kind: 'as_needed' }, 2024, []],
  ])('%s', (_label, p, year, expected) => {
    expect(plannedSessionDates(p, year)).toEqual(expected);
  });

  it('monthly on the 31st clamps to each month’s last day (leap year)', () => {
    expect(plannedSessionDates(every(1, { dayOfMonth: 31 }), 2024)).toEqual([
      '2024-01-31',
      '2024-02-29',
      '2024-03-31',
      '2024-04-30',
      '2024-05-31',
      '2024-06-30',
      '2024-07-31',
      '2024-08-31',
      '2024-09-30',
      '2024-10-31',
      '2024-11-30',
      '2024-12-31',
    ]);
  });

  it.each([
    [2023, '2023-02-28'],
    [2024, '2024-02-29'],
    [2100, '2100-02-28'],
    [2000, '2000-02-29'],
  ])('February on day 30 in %i → %s', (year, expected) => {
    expect(plannedSessionDates({ kind: 'fixed_months', months: [2], dayOfMonth: 30 }, year)).toEqual([
      expected,
    ]);
  });

  it('does not clamp a day that exists', () => {
    expect(plannedSessionDates({ kind: 'fixed_months', months: [2], dayOfMonth: 28 }, 2024)).toEqual([
      '2024-02-28',
    ]);
  });

  it.each([
    [1, [1]],
    [2, [1, 15]],
    [3, [1, 10, 19]],
    [4, [1, 8, 15, 22]],
  ])('%i per month: days %j in every month', (count, days) => {
    const dates = plannedSessionDates({ kind: 'n_per_month', count }, 2023);
    expect(dates).toHaveLength(12 * count);
    for (let month = 1; month <= 12; month++) {
      const inMonth = dates.filter((d) => d.startsWith(`2023-${String(month).padStart(2, '0')}-`));
      expect(inMonth.map((d) => Number(d.slice(8)))).toEqual(days);
    }
  });

  it('twice a month gives 24 sessions on the 1st and the 15th', () => {
    const dates = plannedSessionDates({ kind: 'n_per_month', count: 2 }, 2024);
    expect(dates).toHaveLength(24);
    expect(dates.slice(0, 4)).toEqual(['2024-01-01', '2024-01-15', '2024-02-01', '2024-02-15']);
    expect(dates.at(-1)).toBe('2024-12-15');
  });

  const samples: Periodicity[] = [
    every(1),
    every(2),
    every(3, { startMonth: 12, dayOfMonth: 31 }),
    every(5, { startMonth: 4 }),
    every(6, { dayOfMonth: 31 }),
    every(11, { startMonth: 2 }),
    every(12, { dayOfMonth: 29, startMonth: 2 }),
    every(24),
    { kind: 'n_per_month', count: 3 },
    { kind: 'fixed_months', months: [2, 11], dayOfMonth: 31 },
    { kind: 'as_needed' },
  ];

  it.each(samples)('yields valid, strictly increasing dates inside the year for %j', (p) => {
    for (const year of [2023, 2024, 2100]) {
      const dates = plannedSessionDates(p, year);
      for (const d of dates) {
        expect(isIsoDate(d)).toBe(true);
        expect(d.startsWith(`${year}-`)).toBe(true);
      }
      expect([...dates].sort()).toEqual(dates);
      expect(new Set(dates).size).toBe(dates.length);
    }
  });

  it.each(samples)('sessionsPerYear matches the planned dates for %j', (p) => {
    for (const year of [2023, 2024]) {
      expect(plannedSessionDates(p, year)).toHaveLength(sessionsPerYear(p));
    }
  });
});

describe('sessionsPerYear', () => {
  it.each<[Periodicity, number]>([
    [every(1), 12],
    [every(2), 6],
    [every(3), 4],
    [every(3, { startMonth: 12 }), 4],
    [every(4), 3],
    [every(6), 2],
    [every(6, { startMonth: 7 }), 2],
    [every(12), 1],
    [every(5), 3],
    [every(5, { startMonth: 3 }), 2],
    [every(24), 1],
    [{ kind: 'n_per_month', count: 2 }, 24],
    [{ kind: 'n_per_month', count: 4 }, 48],
    [{ kind: 'fixed_months', months: [6, 12] }, 2],
    [{ kind: 'as_needed' }, 0],
  ])('%j → %i', (p, expected) => {
    expect(sessionsPerYear(p)).toBe(expected);
  });
});

describe('describePeriodicity', () => {
  it.each<[Periodicity, string, string]>([
    [every(1), 'mensuelle', 'monthly'],
    [every(2), 'tous les 2 mois', 'every 2 months'],
    [every(3), 'trimestrielle', 'quarterly'],
    [every(3, { startMonth: 2, dayOfMonth: 15 }), 'trimestrielle', 'quarterly'],
    [every(4), 'tous les 4 mois', 'every 4 months'],
    [every(6), 'semestrielle', 'semi-annual'],
    [every(12), 'annuelle', 'annual'],
    [every(18), 'tous les 18 mois', 'every 18 months'],
    [every(24), 'tous les 2 ans', 'every 2 years'],
    [{ kind: 'n_per_month', count: 1 }, 'une fois par mois', 'once a month'],
    [{ kind: 'n_per_month', count: 2 }, '2 fois par mois', 'twice a month'],
    [{ kind: 'n_per_month', count: 4 }, '4 fois par mois', '4 times a month'],
    [{ kind: 'fixed_months', months: [6] }, 'en juin', 'in June'],
    [{ kind: 'fixed_months', months: [6, 12] }, 'en juin et décembre', 'in June and December'],
    [{ kind: 'fixed_months', months: [12, 6] }, 'en juin et décembre', 'in June and December'],
    [
      { kind: 'fixed_months', months: [8, 2, 3] },
      'en février, mars et août',
      'in February, March and August',
    ],
    [{ kind: 'as_needed' }, 'chaque fois que de besoin', 'as needed'],
  ])('%j → %s / %s', (p, fr, en) => {
    expect(describePeriodicity(p, 'fr')).toBe(fr);
    expect(describePeriodicity(p, 'en')).toBe(en);
  });

  it('does not reorder the caller’s months array', () => {
    const months = [12, 6];
    describePeriodicity({ kind: 'fixed_months', months }, 'fr');
    plannedSessionDates({ kind: 'fixed_months', months }, 2024);
    expect(months).toEqual([12, 6]);
  });
});
