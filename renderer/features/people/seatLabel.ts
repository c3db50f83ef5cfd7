import type { TFunction } from 'i18next';
import { RANKED_ROLES, SEAT_ROLES, type SeatRole } from '../../../shared/domain/vocabularies';

function isSeatRole(value: string): value is SeatRole {
  return (SEAT_ROLES as readonly string[]).includes(value);
}

function ordinal(t: TFunction, rank: number): string {
  if (rank === 1) return t('people.rank.first');
  if (rank === 2) return t('people.rank.second');
  if (rank === 3) return t('people.rank.third');
  return t('people.rank.nth', { rank });
}

/**
 * "1er vice-président(e)", "2e rapporteur", "Membre". The rank only matters for the roles that
 * carry one; an unknown role code (from a newer vocabulary) is shown as stored rather than hidden.
 */
export function seatRoleLabel(t: TFunction, role: string, rank: number | null): string {
  if (!isSeatRole(role)) return role;
  const label = t(`vocab.seatRole.${role}`);
  if (rank === null || !RANKED_ROLES.includes(role)) return label;
  return t('people.rankedRole', {
    rank: ordinal(t, rank),
    role: label.charAt(0).toLocaleLowerCase() + label.slice(1),
  });
}
