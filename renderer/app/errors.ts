import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import type { FieldIssue } from '../../shared/errors';
import { i18n, normaliseLanguage } from './i18n';
import { RpcError } from './rpc';

// The one place where backend error codes become words the user reads.

/** A translation function as given by useTranslation(); only the plain (key, params) form is used. */
export type Translate = TFunction | ((key: string, params?: Record<string, unknown>) => string);

function tr(t: Translate, key: string, params?: Record<string, unknown>): string {
  return (t as (key: string, params?: Record<string, unknown>) => string)(key, params);
}

/** The localised message of one field issue; the backend's French text when the key is unknown. */
export function issueMessage(issue: FieldIssue, t: Translate): string {
  const text = tr(t, issue.key, issue.params ?? {});
  return text && text !== issue.key ? text : issue.message;
}

function isErrorPayload(value: unknown): value is { code: string; message: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

/** One sentence for any error: RpcError codes translated, field problems preferred for VALIDATION. */
const SPECIFIC_CODES = new Set([
  'INVALID_TRANSITION',
  'CONFLICT',
  'IMPORT_FORMAT',
  'NOT_FOUND',
  'IO',
  'DISK_FULL',
  'SAFE_MODE',
  'ARCHIVE_INVALID',
]);

export function errorMessage(error: unknown, t: Translate): string {
  if (error instanceof RpcError) {
    const first = error.issues[0];
    if (error.code === 'VALIDATION' && first) return issueMessage(first, t);
    // The backend's own sentence is French and says exactly what was refused ("Une réunion
    // clôturée ne peut pas être convoquée."); in French it beats the generic text for the code.
    if (SPECIFIC_CODES.has(error.code) && normaliseLanguage(i18n.language) === 'fr') {
      return error.payload.message;
    }
    const key = `errors.code.${error.code}`;
    const text = tr(t, key);
    return text && text !== key ? text : error.payload.message;
  }
  if (isErrorPayload(error)) return errorMessage(new RpcError(error as RpcError['payload']), t);
  if (error instanceof Error && error.message) return error.message;
  return tr(t, 'errors.code.INTERNAL');
}

/**
 * Puts each field issue of a VALIDATION error next to its field (path joined by '.', as
 * @mantine/form names nested fields). Returns true when at least one field issue was shown.
 */
export function applyServerErrors(
  form: { setFieldError(path: string, message: string): void },
  error: unknown,
  t: Translate,
): boolean {
  if (!(error instanceof RpcError) || error.code !== 'VALIDATION') return false;
  let handled = false;
  for (const issue of error.issues) {
    if (issue.path.length === 0) continue;
    form.setFieldError(issue.path.join('.'), issueMessage(issue, t));
    handled = true;
  }
  return handled;
}

export function notifyError(error: unknown, t: Translate): void {
  notifications.show({
    color: 'red',
    title: tr(t, 'common.notify.errorTitle'),
    message: errorMessage(error, t),
    autoClose: 8000,
  });
}

export function notifySaved(t: Translate, message?: string): void {
  notifications.show({ color: 'teal', message: message ?? tr(t, 'common.notify.saved'), autoClose: 3000 });
}
