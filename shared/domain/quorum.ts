import { z } from 'zod';
import type { Language } from './vocabularies';

// A body's quorum rule, as its founding text states it. Only voting seats count unless the rule
// says "all seats": observers and resource persons attend but do not make a meeting valid.

export const QuorumRuleSchema = z.discriminatedUnion('kind', [
  /** Strictly more than half of the voting seats. */
  z.object({ kind: z.literal('majority_of_voting_seats') }),
  /** At least numerator/denominator of the seats (two thirds: 2/3). */
  z
    .object({
      kind: z.literal('fraction'),
      numerator: z.number().int().min(1),
      denominator: z.number().int().min(1),
      of: z.enum(['voting_seats', 'all_seats']),
    })
    .refine((r) => r.numerator <= r.denominator, {
      message: 'errors.field.fractionTooBig',
      path: ['numerator'],
    }),
  /** At least this many voting members present. */
  z.object({ kind: z.literal('minimum_count'), count: z.number().int().min(1) }),
  z.object({ kind: z.literal('none') }),
]);
export type QuorumRule = z.infer<typeof QuorumRuleSchema>;

export interface SeatCounts {
  votingSeats: number;
  allSeats: number;
}

/** Seat counts are head counts: anything else is treated as the nearest sensible count. */
function count(n: number): number {
  return Number.isFinite(n) ? Math.max(0, Math.floor(n)) : 0;
}

/**
 * How many members must be present. Rounded up ("2/3 of 10" is 7: 6 would be less than two
 * thirds), in integers so no float error can move a threshold. A quorum is never met by nobody:
 * a body with no seats yet still requires one person (except with rule 'none').
 */
export function quorumRequired(rule: QuorumRule, seats: SeatCounts): number {
  switch (rule.kind) {
    case 'majority_of_voting_seats':
      return Math.floor(count(seats.votingSeats) / 2) + 1;
    case 'fraction': {
      const base = count(rule.of === 'all_seats' ? seats.allSeats : seats.votingSeats);
      return Math.max(1, Math.floor((base * rule.numerator + rule.denominator - 1) / rule.denominator));
    }
    case 'minimum_count':
      return rule.count;
    case 'none':
      return 0;
  }
}

export interface QuorumResult {
  required: number;
  /** The present count the rule looks at (voting members, or everyone for 'all_seats'/'none'). */
  present: number;
  reached: boolean;
}

export function evaluateQuorum(
  rule: QuorumRule,
  seats: SeatCounts,
  presentVoting: number,
  presentAll: number,
): QuorumResult {
  const required = quorumRequired(rule, seats);
  const countsEveryone = rule.kind === 'none' || (rule.kind === 'fraction' && rule.of === 'all_seats');
  const present = count(countsEveryone ? presentAll : presentVoting);
  return { required, present, reached: present >= required };
}

/** "majorité des membres votants", "2/3 des membres votants", "au moins 5 membres", "pas de quorum". */
export function describeQuorumRule(rule: QuorumRule, lang: Language): string {
  const fr = lang === 'fr';
  switch (rule.kind) {
    case 'majority_of_voting_seats':
      return fr ? 'majorité des membres votants' : 'majority of voting members';
    case 'fraction': {
      const fraction = `${rule.numerator}/${rule.denominator}`;
      if (rule.of === 'all_seats')
        return fr ? `${fraction} de l’ensemble des membres` : `${fraction} of all members`;
      return fr ? `${fraction} des membres votants` : `${fraction} of voting members`;
    }
    case 'minimum_count': {
      const plural = rule.count > 1 ? 's' : '';
      return fr ? `au moins ${rule.count} membre${plural}` : `at least ${rule.count} member${plural}`;
    }
    case 'none':
      return fr ? 'pas de quorum' : 'no quorum';
  }
}
