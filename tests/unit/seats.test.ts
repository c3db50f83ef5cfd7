import { describe, expect, it } from 'vitest';
import { compareSeats, ordinal, ordinalEn, ordinalFr, type SeatOrderKey } from '../../shared/domain/seats';
import { SEAT_ROLES, type SeatRole } from '../../shared/domain/vocabularies';

const seat = (
  role: SeatRole,
  rank: number | null,
  position: number,
  label = '',
): SeatOrderKey & { label: string } => ({
  role,
  rank,
  position,
  label,
});

describe('compareSeats', () => {
  it.each<[string, SeatOrderKey, SeatOrderKey, number]>([
    ['président before vice-président', seat('president', null, 9), seat('vice_president', 1, 0), -1],
    ['vice-président before rapporteur', seat('vice_president', 3, 9), seat('rapporteur', 1, 0), -1],
    ['member before observer', seat('member', null, 0), seat('observer', null, 0), -1],
    ['observer after resource person', seat('observer', null, 0), seat('resource_person', null, 5), 1],
    ['1er before 2e vice-président', seat('vice_president', 1, 5), seat('vice_president', 2, 0), -1],
    ['3e after 2e rapporteur', seat('rapporteur', 3, 0), seat('rapporteur', 2, 9), 1],
    [
      'ranked before unranked in the same role',
      seat('vice_president', 2, 9),
      seat('vice_president', null, 0),
      -1,
    ],
    ['unranked after ranked', seat('rapporteur', null, 0), seat('rapporteur', 1, 9), 1],
    ['same role, no rank: by position', seat('member', null, 2), seat('member', null, 10), -1],
    ['same role and rank: by position', seat('rapporteur', 1, 3), seat('rapporteur', 1, 1), 1],
    ['identical keys', seat('member', null, 4), seat('member', null, 4), 0],
  ])('%s', (_label, a, b, sign) => {
    expect(Math.sign(compareSeats(a, b))).toBe(sign);
    expect(Math.sign(compareSeats(b, a))).toBe(-sign || 0);
  });

  it('follows the order of SEAT_ROLES', () => {
    const shuffled = [...SEAT_ROLES].reverse().map((role, i) => seat(role, null, i));
    expect(shuffled.sort(compareSeats).map((s) => s.role)).toEqual([...SEAT_ROLES]);
  });

  it('orders a whole composition in protocol order', () => {
    const composition = [
      seat('member', null, 2, 'Ministère de l’Éducation'),
      seat('observer', null, 0, 'UNICEF'),
      seat('rapporteur', 2, 0, '2e rapporteur'),
      seat('member', null, 1, 'Ministère de la Santé'),
      seat('vice_president', 2, 0, '2e vice-président'),
      seat('secretariat', null, 0, 'Secrétariat'),
      seat('president', null, 0, 'Président'),
      seat('rapporteur', 1, 3, '1er rapporteur'),
      seat('ptf_lead', null, 0, 'Chef de file des PTF'),
      seat('vice_president', 1, 7, '1er vice-président'),
    ];
    expect(composition.sort(compareSeats).map((s) => s.label)).toEqual([
      'Président',
      '1er vice-président',
      '2e vice-président',
      'Chef de file des PTF',
      '1er rapporteur',
      '2e rapporteur',
      'Secrétariat',
      'Ministère de la Santé',
      'Ministère de l’Éducation',
      'UNICEF',
    ]);
  });

  it('puts a role unknown to this version last', () => {
    const unknown = { role: 'chair_emeritus' as SeatRole, rank: null, position: 0 };
    expect(compareSeats(unknown, seat('observer', null, 99))).toBeGreaterThan(0);
  });
});

describe('ordinals', () => {
  it.each([
    [1, '1er', '1st'],
    [2, '2e', '2nd'],
    [3, '3e', '3rd'],
    [4, '4e', '4th'],
    [10, '10e', '10th'],
    [11, '11e', '11th'],
    [12, '12e', '12th'],
    [13, '13e', '13th'],
    [21, '21e', '21st'],
    [22, '22e', '22nd'],
    [101, '101e', '101st'],
    [111, '111e', '111th'],
  ])('%i → %s / %s', (rank, fr, en) => {
    expect(ordinalFr(rank)).toBe(fr);
    expect(ordinalEn(rank)).toBe(en);
    expect(ordinal(rank, 'fr')).toBe(fr);
    expect(ordinal(rank, 'en')).toBe(en);
  });
});
