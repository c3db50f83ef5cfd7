import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysInMonth,
  formatDate,
  formatDateFr,
  IsoDateSchema,
  isIsoDate,
  isLeapYear,
  isWithin,
  type Period,
  periodsOverlap,
  toIsoDate,
} from '../../shared/domain/dates';

describe('isIsoDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2000-02-29', true], // divisible by 400
    ['1900-02-29', false], // divisible by 100 only
    ['2023-02-28', true],
    ['2024-01-31', true],
    ['2024-04-31', false],
    ['2024-06-30', true],
    ['2024-12-31', true],
    ['2024-12-32', false],
    ['2024-13-01', false],
    ['2024-00-10', false],
    ['2024-01-00', false],
    ['2024-1-01', false],
    ['2024-01-1', false],
    ['24-01-01', false],
    ['2024/01/01', false],
    ['01/02/2024', false],
    ['2024-01-01T00:00:00Z', false],
    [' 2024-01-01', false],
    ['2024-01-01 ', false],
    ['2024-01-01\n', false],
    ['２０２４-01-01', false], // full-width digits are not \d-safe input
    ['', false],
  ])('%j → %s', (s, expected) => {
    expect(isIsoDate(s)).toBe(expected);
  });
});

describe('calendar helpers', () => {
  it.each([
    [2024, true],
    [2023, false],
    [2000, true],
    [1900, false],
    [2100, false],
  ])('isLeapYear(%i) is %s', (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
  });

  it.each([
    [2024, 1, 31],
    [2024, 2, 29],
    [2023, 2, 28],
    [2024, 4, 30],
    [2024, 6, 30],
    [2024, 9, 30],
    [2024, 11, 30],
    [2024, 12, 31],
  ])('daysInMonth(%i, %i) is %i', (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
  });

  it('pads every part of toIsoDate', () => {
    expect(toIsoDate(2024, 3, 5)).toBe('2024-03-05');
    expect(toIsoDate(999, 12, 31)).toBe('0999-12-31');
  });

  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2025-01-01', -1, '2024-12-31'],
    ['2024-03-31', 0, '2024-03-31'],
    ['2024-01-31', 30, '2024-03-01'],
  ])('addDays(%s, %i) is %s', (iso, days, expected) => {
    expect(addDays(iso, days)).toBe(expected);
  });
});

describe('IsoDateSchema', () => {
  it('accepts a real date', () => {
    expect(IsoDateSchema.parse('2024-02-29')).toBe('2024-02-29');
  });

  it.each(['2023-02-29', '2024-1-01', 'demain'])('refuses %j with the French message', (s) => {
    const result = IsoDateSchema.safeParse(s);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Date invalide (format attendu AAAA-MM-JJ)');
  });

  it('refuses a non-string', () => {
    expect(IsoDateSchema.safeParse(20240101).success).toBe(false);
  });
});

const p = (from: string | null, to: string | null): Period => ({ from, to });

describe('periodsOverlap', () => {
  it.each([
    ['disjoint, a before b', p('2020-01-01', '2020-12-31'), p('2021-01-01', '2021-12-31'), false],
    ['hand-over: b starts the day after a ends', p('2020-01-01', '2020-12-31'), p('2021-01-01', null), false],
    [
      'same-day hand-over is an overlap (to is the last day held)',
      p('2020-01-01', '2021-01-01'),
      p('2021-01-01', null),
      true,
    ],
    ['b ends the day a starts', p('2021-01-01', null), p('2020-01-01', '2021-01-01'), true],
    ['nested', p('2020-01-01', '2020-12-31'), p('2020-03-01', '2020-03-31'), true],
    ['identical single days', p('2020-05-05', '2020-05-05'), p('2020-05-05', '2020-05-05'), true],
    ['adjacent single days', p('2020-05-05', '2020-05-05'), p('2020-05-06', '2020-05-06'), false],
    ['both open-ended to the future', p('2020-01-01', null), p('2030-01-01', null), true],
    ['open start before a closed period', p(null, '2019-12-31'), p('2020-01-01', '2020-12-31'), false],
    ['open start reaching into it', p(null, '2020-01-01'), p('2020-01-01', '2020-12-31'), true],
    ['both open at the start', p(null, '2000-01-01'), p(null, '1990-01-01'), true],
    ['fully open period overlaps anything', p(null, null), p('2020-01-01', '2020-01-01'), true],
    ['open end starting after b ends', p('2021-01-01', null), p('2020-01-01', '2020-12-31'), false],
    ['inverted period holds no day', p('2020-12-31', '2020-01-01'), p('2020-01-01', '2020-12-31'), false],
    ['inverted period against open period', p(null, null), p('2020-12-31', '2020-01-01'), false],
  ])('%s → %s', (_label, a, b, expected) => {
    expect(periodsOverlap(a, b)).toBe(expected);
    expect(periodsOverlap(b, a)).toBe(expected); // symmetric
  });
});

describe('isWithin', () => {
  it.each([
    ['2020-01-01', p('2020-01-01', '2020-12-31'), true],
    ['2020-12-31', p('2020-01-01', '2020-12-31'), true],
    ['2019-12-31', p('2020-01-01', '2020-12-31'), false],
    ['2021-01-01', p('2020-01-01', '2020-12-31'), false],
    ['2099-01-01', p('2020-01-01', null), true],
    ['2019-12-31', p('2020-01-01', null), false],
    ['1900-01-01', p(null, '2020-01-01'), true],
    ['2020-01-02', p(null, '2020-01-01'), false],
    ['2020-06-15', p(null, null), true],
    ['2020-06-15', p('2020-12-31', '2020-01-01'), false],
  ])('%s within %j → %s', (date, period, expected) => {
    expect(isWithin(date, period)).toBe(expected);
  });
});

describe('formatDate', () => {
  it.each([
    ['2018-05-14', 'fr', '14 mai 2018'],
    ['2018-05-01', 'fr', '1er mai 2018'],
    ['2024-02-29', 'fr', '29 février 2024'],
    ['2024-08-11', 'fr', '11 août 2024'],
    ['2024-12-21', 'fr', '21 décembre 2024'],
    ['2025-01-01', 'fr', '1er janvier 2025'],
    ['2018-05-14', 'en', '14 May 2018'],
    ['2018-05-01', 'en', '1 May 2018'],
  ] as const)('%s in %s → %s', (iso, lang, expected) => {
    expect(formatDate(iso, lang)).toBe(expected);
  });

  it('does not shift the day whatever the time zone (first and last days of the year)', () => {
    expect(formatDateFr('2024-01-01')).toBe('1er janvier 2024');
    expect(formatDateFr('2024-12-31')).toBe('31 décembre 2024');
  });

  it('formatDateFr is the French formatDate', () => {
    expect(formatDateFr('2013-02-11')).toBe('11 février 2013');
  });

  it.each(['2023-02-29', '11/02/2013', ''])('returns invalid input %j unchanged', (s) => {
    expect(formatDate(s, 'fr')).toBe(s);
  });
});
