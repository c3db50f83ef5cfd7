// Closed set of error codes crossing the RPC boundary. The renderer maps each code to a
// localised message in one place (renderer/app/errors.ts).
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_TRANSITION',
  'IMPORT_FORMAT',
  'UNKNOWN_METHOD',
  'DATABASE_TOO_NEW',
  'IO',
  /** The disk is full: nothing was written (SQLITE_FULL, ENOSPC, or not enough free space). */
  'DISK_FULL',
  /** The database is damaged or misplaced: only the safe-mode screens answer. */
  'SAFE_MODE',
  /** An archive that is not ours, damaged, tampered with, or opened with a wrong password. */
  'ARCHIVE_INVALID',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem with one field: `path` follows the input's shape (e.g. ["seats", 2, "role"]). */
export interface FieldIssue {
  path: (string | number)[];
  /** i18n key of the message, e.g. "errors.field.required". */
  key: string;
  /** Values interpolated into the message. */
  params?: Record<string, string | number>;
  /** The French message, for logs and as a fallback. */
  message: string;
}

export interface AppErrorPayload {
  code: ErrorCode;
  /** French message, always present so that logs and plain clients can read it. */
  message: string;
  details?: { issues?: FieldIssue[]; [k: string]: unknown };
}
