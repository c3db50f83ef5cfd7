import type { FieldIssue } from '../../../../shared/errors';
import { translateFr } from '../../../../shared/i18n/translate';
import { AppError } from '../../errors';
import type { BodyRow } from './repository';

/** One field problem with its French message, for validationError. */
export function issue(
  path: FieldIssue['path'],
  key: string,
  params?: Record<string, string | number>,
): FieldIssue {
  return { path, key, ...(params ? { params } : {}), message: translateFr(key, params) };
}

/** A trashed body must be restored before anything else is changed on it or its composition. */
export function ensureNotTrashed(row: BodyRow): void {
  if (row.deleted_at !== null) {
    throw new AppError(
      'INVALID_TRANSITION',
      'Cette instance est dans la corbeille : restaurez-la avant de la modifier.',
    );
  }
}
