import type { FormErrors } from '@mantine/form';
import type { TFunction } from 'i18next';
import type { z } from 'zod';

/** The localised message for one schema problem, worded as the server would word it. */
export function schemaIssueMessage(issue: z.core.$ZodIssue, t: TFunction): string {
  if (issue.code === 'invalid_type') return t('errors.field.required');
  if (issue.message.startsWith('errors.')) {
    return issue.code === 'too_big' ? t(issue.message, { max: Number(issue.maximum) }) : t(issue.message);
  }
  if (issue.code === 'too_big') return t('errors.field.tooLong', { max: Number(issue.maximum) });
  return t('errors.field.invalid');
}

/**
 * Checks form values against a contract schema before sending, so that required fields and
 * lengths are reported next to the fields, in the interface language, without a round trip.
 * Errors are keyed by dotted path, as @mantine/form names nested fields.
 */
export function schemaErrors(schema: z.ZodType, input: unknown, t: TFunction): FormErrors {
  const result = schema.safeParse(input);
  if (result.success) return {};
  const errors: FormErrors = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.');
    if (!(path in errors)) errors[path] = schemaIssueMessage(issue, t);
  }
  return errors;
}
