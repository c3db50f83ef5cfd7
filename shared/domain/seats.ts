import { type Language, SEAT_ROLES, type SeatRole } from './vocabularies';

// Protocol order of a body's composition, as printed on lists of members and attendance sheets:
// président, then vice-présidents by rank, … then members and observers; within a role, ranked
// seats first (1er before 2e), then the order the secretariat arranged (position).

export interface SeatOrderKey {
  role: SeatRole;
  /** 1 for "1er vice-président"; null for unranked seats. */
  rank: number | null;
  position: number;
}

const ROLE_ORDER = new Map<SeatRole, number>(SEAT_ROLES.map((role, index) => [role, index]));

function roleIndex(role: SeatRole): number {
  // A role unknown to this version (newer database) goes last rather than first.
  return ROLE_ORDER.get(role) ?? SEAT_ROLES.length;
}

export function compareSeats(a: SeatOrderKey, b: SeatOrderKey): number {
  const byRole = roleIndex(a.role) - roleIndex(b.role);
  if (byRole !== 0) return byRole;
  if (a.rank !== b.rank) {
    // An unranked seat follows the ranked ones of the same role.
    if (a.rank === null) return 1;
    if (b.rank === null) return -1;
    return a.rank - b.rank;
  }
  return a.position - b.position;
}

/** "1er", "2e", "3e" (French abbreviated ordinals, as in "1er vice-président"). */
export function ordinalFr(rank: number): string {
  return rank === 1 ? '1er' : `${rank}e`;
}

const EN_SUFFIXES: Partial<Record<number, string>> = { 1: 'st', 2: 'nd', 3: 'rd' };

/** "1st", "2nd", "3rd", "4th", "11th", "21st". */
export function ordinalEn(rank: number): string {
  const lastTwo = rank % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return `${rank}th`;
  const suffix = EN_SUFFIXES[rank % 10] ?? 'th';
  return `${rank}${suffix}`;
}

export function ordinal(rank: number, lang: Language): string {
  return lang === 'fr' ? ordinalFr(rank) : ordinalEn(rank);
}
