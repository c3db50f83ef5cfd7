import { z } from 'zod';
import { isIsoDate } from '../domain/dates';
import { isUuid } from '../domain/ids';
import { normaliseName } from '../domain/text';

// Building blocks for the contract's schemas. Messages are i18n keys (see errors.field.* in
// the catalogues); the router turns them into French text plus the key.

export const Id = z.string().refine(isUuid, { message: 'errors.field.invalidId' });

/** A required single-line name: trimmed, inner spaces collapsed, 1..max characters. */
export const requiredText = (max: number) =>
  z
    .string({ message: 'errors.field.required' })
    .transform(normaliseName)
    .pipe(
      z.string().min(1, { message: 'errors.field.required' }).max(max, { message: 'errors.field.tooLong' }),
    );

/** Optional free text: empty strings become null. */
export const optionalText = (max: number) =>
  z
    .string()
    .max(max, { message: 'errors.field.tooLong' })
    .nullish()
    .transform((v) => {
      const t = v?.trim();
      return t ? t : null;
    });

export const IsoDate = z.string().refine(isIsoDate, { message: 'errors.field.invalidDate' });
export const optionalIsoDate = z
  .union([IsoDate, z.literal(''), z.null()])
  .optional()
  .transform((v) => (v ? v : null));

export const Email = z
  .string()
  .trim()
  .max(200, { message: 'errors.field.tooLong' })
  .refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), { message: 'errors.field.invalidEmail' })
  .nullish()
  .transform((v) => (v ? v : null));

export const Phone = z
  .string()
  .trim()
  .max(60, { message: 'errors.field.tooLong' })
  .refine((v) => v === '' || /^[+0-9 ().-]{4,}$/.test(v), { message: 'errors.field.invalidPhone' })
  .nullish()
  .transform((v) => (v ? v : null));

/** A list of short labels (aliases, domains, target groups): trimmed, de-duplicated. */
export const labelList = z
  .array(z.string().max(200, { message: 'errors.field.tooLong' }))
  .max(100)
  .default([])
  .transform((list) => [...new Set(list.map(normaliseName).filter((s) => s.length > 0))]);

export const Timestamps = {
  createdAt: z.string(),
  updatedAt: z.string(),
};

export const TrashFields = {
  deletedAt: z.string().nullable(),
};

export const IdInput = z.object({ id: Id });
export const Ok = z.object({ ok: z.literal(true) });

export const HistoryActionSchema = z.enum([
  'create',
  'update',
  'close',
  'reopen',
  'trash',
  'restore',
  'seat_add',
  'seat_update',
  'seat_remove',
  'holder_add',
  'holder_update',
  'holder_remove',
  'link_add',
  'link_remove',
  'status',
]);
export type HistoryAction = z.infer<typeof HistoryActionSchema>;

/** What the UI shows about a record it links to. */
export const RefSchema = z.object({ id: z.string(), label: z.string() });
export type Ref = z.infer<typeof RefSchema>;
