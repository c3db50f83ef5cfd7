import { describe, expect, it } from 'vitest';
import {
  canUpdate,
  defaultProgress,
  effectiveProgress,
  formatReference,
  implementationRate,
  isClosingStatus,
  isOpenStatus,
  isOverdue,
  referenceAcronym,
  requiresActions,
  validateRecommendationUpdate,
} from '../../shared/domain/recommendationStatus';
import { RECOMMENDATION_STATUSES, type RecommendationStatus } from '../../shared/domain/vocabularies';

// Per status: default progress from 0 and from 60, closing, and whether it may still be updated.
const TABLE: Record<
  RecommendationStatus,
  { from0: number; from60: number; closing: boolean; updatable: boolean }
> = {
  not_started: { from0: 0, from60: 0, closing: false, updatable: true },
  in_progress: { from0: 25, from60: 60, closing: false, updatable: true },
  done: { from0: 100, from60: 100, closing: true, updatable: true },
  partially_done: { from0: 50, from60: 50, closing: false, updatable: true },
  not_done: { from0: 0, from60: 60, closing: true, updatable: true },
  postponed: { from0: 0, from60: 60, closing: false, updatable: true },
  abandoned: { from0: 0, from60: 60, closing: true, updatable: false },
};

describe('status rules', () => {
  it('covers every status', () => {
    expect(Object.keys(TABLE).sort()).toEqual([...RECOMMENDATION_STATUSES].sort());
  });

  it.each(RECOMMENDATION_STATUSES.map((s) => [s, TABLE[s]] as const))('%s', (status, expected) => {
    expect(defaultProgress(status)).toBe(expected.from0);
    expect(defaultProgress(status, 60)).toBe(expected.from60);
    expect(isClosingStatus(status)).toBe(expected.closing);
    expect(requiresActions(status)).toBe(expected.closing);
    expect(isOpenStatus(status)).toBe(!expected.closing);
    expect(canUpdate(status)).toBe(expected.updatable);
  });

  it.each([
    ['done', 80, 10, 100],
    ['done', null, 10, 100],
    ['in_progress', null, 10, 25],
    ['in_progress', 40, 10, 40],
    ['postponed', null, 35, 35],
    ['partially_done', 70, 0, 70],
    ['not_started', null, 30, 0],
  ] as const)('effective progress of %s typed %s from %s is %s', (status, typed, current, expected) => {
    expect(effectiveProgress(status, typed, current)).toBe(expected);
  });
});

describe('validateRecommendationUpdate', () => {
  it.each([
    ['not_started', 'in_progress', null, null, []],
    ['in_progress', 'done', null, 'Décret signé', []],
    ['in_progress', 'done', null, null, ['actionsTaken:errors.field.actionsRequired']],
    ['in_progress', 'done', null, '   ', ['actionsTaken:errors.field.actionsRequired']],
    ['in_progress', 'abandoned', null, '', ['actionsTaken:errors.field.actionsRequired']],
    ['in_progress', 'not_done', 30, 'Pas de budget', []],
    ['in_progress', 'partially_done', 120, null, ['progress:errors.field.progressRange']],
    ['in_progress', 'in_progress', -1, null, ['progress:errors.field.progressRange']],
    ['in_progress', 'in_progress', 100, null, []],
    ['in_progress', 'in_progress', 0, null, []],
    [
      'not_started',
      'not_done',
      150,
      null,
      ['progress:errors.field.progressRange', 'actionsTaken:errors.field.actionsRequired'],
    ],
  ] as const)('%s → %s (progress %s, actions %s)', (current, next, progress, actionsTaken, expected) => {
    const issues = validateRecommendationUpdate({ current, next, progress, actionsTaken });
    expect(issues.map((i) => `${i.path.join('.')}:${i.key}`)).toEqual(expected);
  });
});

describe('formatReference and referenceAcronym', () => {
  it.each([
    ['{SIGLE}/{AAAA}/{MM}/R{NN}', { acronym: 'GTGPS', year: 2025, month: 3, number: 4 }, 'GTGPS/2025/03/R04'],
    [
      '{SIGLE}/{AAAA}/{MM}/R{NN}',
      { acronym: 'GTGPS', year: 2025, month: 11, number: 123 },
      'GTGPS/2025/11/R123',
    ],
    ['REC-{SIGLE}-{AAAA}-{NN}', { acronym: 'CNPS', year: 2024, month: 1, number: 10 }, 'REC-CNPS-2024-10'],
  ] as const)('%s', (format, parts, expected) => {
    expect(formatReference(format, parts)).toBe(expected);
  });

  it.each([
    [{ acronym: 'gtgps', name: 'x' }, 'GTGPS'],
    [{ acronym: null, name: 'Groupe thématique de la protection sociale' }, 'GTPS'],
    [{ acronym: '  ', name: 'Comité régional d’orientation' }, 'CRO'],
    [{ acronym: null, name: 'Ségou' }, 'SEGOU'],
    [{ acronym: null, name: '' }, 'REC'],
  ] as const)('%o → %s', (body, expected) => {
    expect(referenceAcronym(body)).toBe(expected);
  });
});

describe('isOverdue and implementationRate', () => {
  const today = '2025-06-15';

  it.each([
    [{ dueDate: '2025-06-14', status: 'in_progress' }, true],
    [{ dueDate: '2025-06-15', status: 'in_progress' }, false],
    [{ dueDate: null, status: 'not_started' }, false],
    [{ dueDate: '2025-01-01', status: 'done' }, false],
    [{ dueDate: '2025-01-01', status: 'abandoned' }, false],
    [{ dueDate: '2025-01-01', status: 'not_done' }, false],
    [{ dueDate: '2025-01-01', status: 'postponed' }, true],
    [{ dueDate: '2025-01-01', status: 'partially_done' }, true],
  ] as const)('%o overdue: %s', (item, expected) => {
    expect(isOverdue(item, today)).toBe(expected);
  });

  it('is réalisées / échues, abandoned ones excepted', () => {
    const rate = implementationRate(
      [
        { dueDate: '2025-01-01', status: 'done' },
        { dueDate: '2025-06-15', status: 'done' },
        { dueDate: '2025-02-01', status: 'in_progress' },
        { dueDate: '2025-03-01', status: 'not_done' },
        { dueDate: '2025-03-01', status: 'abandoned' },
        { dueDate: '2026-01-01', status: 'done' },
        { dueDate: null, status: 'not_started' },
      ],
      today,
    );
    expect(rate).toMatchObject({ done: 2, due: 4, rate: 0.5, overdue: 1, open: 2, total: 7 });
    expect(rate.byStatus).toEqual({
      not_started: 1,
      in_progress: 1,
      done: 3,
      partially_done: 0,
      not_done: 1,
      postponed: 0,
      abandoned: 1,
    });
  });

  it('is null when nothing is due', () => {
    expect(implementationRate([{ dueDate: '2030-01-01', status: 'done' }], today).rate).toBeNull();
    expect(implementationRate([], today)).toMatchObject({ rate: null, total: 0 });
  });
});
