import type { z } from 'zod';
import type { FieldIssue } from '../../../shared/errors';
import { translateFr } from '../../../shared/i18n/translate';

/** Turns zod's issues into the contract's field issues: an i18n key, params and French text. */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const { key, params } = keyOf(issue);
    return { path, key, params, message: translateFr(key, params) };
  });
}

function keyOf(issue: z.core.$ZodIssue): { key: string; params: Record<string, string | number> } {
  if (issue.message.startsWith('errors.')) {
    const max = issue.code === 'too_big' ? Number(issue.maximum) : undefined;
    return { key: issue.message, params: max === undefined ? {} : { max } };
  }
  switch (issue.code) {
    case 'invalid_type':
      return {
        key: issue.input === undefined ? 'errors.field.required' : 'errors.field.invalidType',
        params: {},
      };
    case 'too_small':
      return {
        key:
          issue.origin === 'string' && Number(issue.minimum) <= 1
            ? 'errors.field.required'
            : 'errors.field.tooShort',
        params: {},
      };
    case 'too_big':
      return { key: 'errors.field.tooLong', params: { max: Number(issue.maximum) } };
    case 'invalid_value':
    case 'invalid_union':
      return { key: 'errors.field.invalidChoice', params: {} };
    default:
      return { key: 'errors.field.invalid', params: {} };
  }
}
