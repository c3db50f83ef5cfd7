import type { ErrorCode, FieldIssue } from '../../shared/errors';

/** An expected failure: the router turns it into an `{ ok: false }` envelope. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: { issues?: FieldIssue[]; [k: string]: unknown },
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** A validation failure on one or more fields; nothing has been written. */
export function validationError(issues: FieldIssue[]): AppError {
  const first = issues[0];
  return new AppError('VALIDATION', first ? first.message : 'Données invalides.', { issues });
}
