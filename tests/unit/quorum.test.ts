import { describe, expect, it } from 'vitest';
import {
  describeQuorumRule,
  evaluateQuorum,
  type QuorumRule,
  QuorumRuleSchema,
  quorumRequired,
} from '../../shared/domain/quorum';

const majority: QuorumRule = { kind: 'majority_of_voting_seats' };
const twoThirds: QuorumRule = { kind: 'fraction', numerator: 2, denominator: 3, of: 'voting_seats' };
const twoThirdsAll: QuorumRule = { kind: 'fraction', numerator: 2, denominator: 3, of: 'all_seats' };
const half: QuorumRule = { kind: 'fraction', numerator: 1, denominator: 2, of: 'voting_seats' };
const whole: QuorumRule = { kind: 'fraction', numerator: 1, denominator: 1, of: 'voting_seats' };
const threeQuarters: QuorumRule = { kind: 'fraction', numerator: 3, denominator: 4, of: 'voting_seats' };
const atLeast5: QuorumRule = { kind: 'minimum_count', count: 5 };
const none: QuorumRule = { kind: 'none' };

describe('QuorumRuleSchema', () => {
  it.each([
    { kind: 'majority_of_voting_seats' },
    { kind: 'fraction', numerator: 2, denominator: 3, of: 'voting_seats' },
    { kind: 'fraction', numerator: 1, denominator: 1, of: 'all_seats' },
    { kind: 'minimum_count', count: 1 },
    { kind: 'none' },
  ])('accepts %j', (value) => {
    expect(QuorumRuleSchema.safeParse(value).success).toBe(true);
  });

  it.each([
    { kind: 'fraction', numerator: 0, denominator: 3, of: 'voting_seats' },
    { kind: 'fraction', numerator: 2, denominator: 0, of: 'voting_seats' },
    { kind: 'fraction', numerator: 1.5, denominator: 3, of: 'voting_seats' },
    { kind: 'fraction', numerator: 2, denominator: 3, of: 'present' },
    { kind: 'fraction', numerator: 2, denominator: 3 },
    { kind: 'minimum_count', count: 0 },
    { kind: 'minimum_count', count: -2 },
    { kind: 'minimum_count', count: 2.5 },
    { kind: 'majority' },
    {},
  ])('refuses %j', (value) => {
    expect(QuorumRuleSchema.safeParse(value).success).toBe(false);
  });

  it('refuses a fraction above 1 with the i18n key on the numerator', () => {
    const result = QuorumRuleSchema.safeParse({
      kind: 'fraction',
      numerator: 4,
      denominator: 3,
      of: 'all_seats',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ['numerator'], message: 'errors.field.fractionTooBig' }),
    ]);
  });
});

describe('quorumRequired', () => {
  it.each<[string, QuorumRule, number, number, number]>([
    // label, rule, voting seats, all seats, required
    ['majority of 10', majority, 10, 12, 6],
    ['majority of 9', majority, 9, 12, 5],
    ['majority of 1', majority, 1, 1, 1],
    ['majority of 2', majority, 2, 2, 2],
    ['majority of 73', majority, 73, 80, 37],
    ['majority ignores non-voting seats', majority, 10, 100, 6],
    ['majority of no seat still needs someone', majority, 0, 0, 1],
    ['2/3 of 9', twoThirds, 9, 20, 6],
    ['2/3 of 10', twoThirds, 10, 20, 7],
    ['2/3 of 3', twoThirds, 3, 3, 2],
    ['2/3 of 1', twoThirds, 1, 1, 1],
    ['2/3 of all 12 seats', twoThirdsAll, 9, 12, 8],
    ['2/3 of all 10 seats', twoThirdsAll, 3, 10, 7],
    ['1/2 of 10 is at least half, not more than half', half, 10, 10, 5],
    ['1/2 of 9', half, 9, 9, 5],
    ['3/4 of 10', threeQuarters, 10, 10, 8],
    ['3/4 of 8', threeQuarters, 8, 8, 6],
    ['1/1 of 7', whole, 7, 7, 7],
    ['fraction of no seat still needs someone', twoThirds, 0, 0, 1],
    ['at least 5, whatever the seats', atLeast5, 100, 100, 5],
    ['at least 5 with fewer seats', atLeast5, 3, 3, 5],
    ['no quorum', none, 10, 12, 0],
  ])('%s → %i', (_label, rule, votingSeats, allSeats, expected) => {
    expect(quorumRequired(rule, { votingSeats, allSeats })).toBe(expected);
  });

  it('is exact on large counts where floats could round (ceil of n·a/b)', () => {
    for (let n = 0; n <= 300; n++) {
      const expected = Math.max(1, Math.ceil((n * 2) / 3 - 1e-9));
      expect(quorumRequired(twoThirds, { votingSeats: n, allSeats: n })).toBe(expected);
      expect(quorumRequired(majority, { votingSeats: n, allSeats: n })).toBeGreaterThan(n / 2);
      expect(quorumRequired(majority, { votingSeats: n, allSeats: n }) - 1).toBeLessThanOrEqual(n / 2);
    }
  });

  it('treats odd seat counts as head counts', () => {
    expect(quorumRequired(majority, { votingSeats: -3, allSeats: 0 })).toBe(1);
    expect(quorumRequired(majority, { votingSeats: 10.7, allSeats: 0 })).toBe(6);
    expect(quorumRequired(twoThirds, { votingSeats: Number.NaN, allSeats: 0 })).toBe(1);
  });
});

describe('evaluateQuorum', () => {
  it.each<
    [
      string,
      QuorumRule,
      number,
      number,
      number,
      number,
      { required: number; present: number; reached: boolean },
    ]
  >([
    // label, rule, voting seats, all seats, present voting, present all, result
    ['majority: exactly the threshold', majority, 10, 15, 6, 9, { required: 6, present: 6, reached: true }],
    ['majority: one short', majority, 10, 15, 5, 12, { required: 6, present: 5, reached: false }],
    ['majority: half is not enough', majority, 10, 10, 5, 5, { required: 6, present: 5, reached: false }],
    [
      '2/3 voting: observers do not count',
      twoThirds,
      9,
      15,
      5,
      11,
      { required: 6, present: 5, reached: false },
    ],
    ['2/3 voting: reached', twoThirds, 9, 15, 6, 6, { required: 6, present: 6, reached: true }],
    [
      '2/3 of all seats counts everyone',
      twoThirdsAll,
      9,
      12,
      5,
      8,
      { required: 8, present: 8, reached: true },
    ],
    ['2/3 of all seats, one short', twoThirdsAll, 9, 12, 7, 7, { required: 8, present: 7, reached: false }],
    [
      'minimum count counts voting members',
      atLeast5,
      20,
      30,
      4,
      10,
      { required: 5, present: 4, reached: false },
    ],
    ['minimum count reached', atLeast5, 20, 30, 5, 5, { required: 5, present: 5, reached: true }],
    ['no quorum is always reached', none, 10, 10, 0, 0, { required: 0, present: 0, reached: true }],
    ['no quorum reports everyone present', none, 10, 12, 3, 7, { required: 0, present: 7, reached: true }],
    ['empty body with nobody present', majority, 0, 0, 0, 0, { required: 1, present: 0, reached: false }],
    [
      'more present than seats (walk-ins) still reached',
      majority,
      4,
      4,
      6,
      9,
      { required: 3, present: 6, reached: true },
    ],
  ])('%s', (_label, rule, votingSeats, allSeats, presentVoting, presentAll, expected) => {
    expect(evaluateQuorum(rule, { votingSeats, allSeats }, presentVoting, presentAll)).toEqual(expected);
  });
});

describe('describeQuorumRule', () => {
  it.each<[QuorumRule, string, string]>([
    [majority, 'majorité des membres votants', 'majority of voting members'],
    [twoThirds, '2/3 des membres votants', '2/3 of voting members'],
    [twoThirdsAll, '2/3 de l’ensemble des membres', '2/3 of all members'],
    [threeQuarters, '3/4 des membres votants', '3/4 of voting members'],
    [atLeast5, 'au moins 5 membres', 'at least 5 members'],
    [{ kind: 'minimum_count', count: 1 }, 'au moins 1 membre', 'at least 1 member'],
    [none, 'pas de quorum', 'no quorum'],
  ])('%j → %s / %s', (rule, fr, en) => {
    expect(describeQuorumRule(rule, 'fr')).toBe(fr);
    expect(describeQuorumRule(rule, 'en')).toBe(en);
  });
});
