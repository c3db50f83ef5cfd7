import { z } from 'zod';
import { COUNTRIES } from '../domain/vocabularies';
import { Id, labelList, requiredText } from './common';
import { mutation, query } from './define';

export const TerritorySchema = z.object({
  id: z.string(),
  countryCode: z.string(),
  pcode: z.string().nullable(),
  name: z.string(),
  level: z.number(),
  parentId: z.string().nullable(),
  aliases: z.array(z.string()),
  source: z.enum(['reference', 'user']),
});
export type Territory = z.infer<typeof TerritorySchema>;

export const TerritoryDetailSchema = TerritorySchema.extend({
  /** From the country down to the parent. */
  ancestors: z.array(TerritorySchema),
  children: z.array(TerritorySchema),
});

export const CountrySummarySchema = z.object({
  code: z.string(),
  name: z.object({ fr: z.string(), en: z.string() }),
  levels: z.record(z.string(), z.object({ fr: z.string(), en: z.string() })),
  loaded: z.boolean(),
  counts: z.record(z.string(), z.number()),
});

export const TerritoryCreateSchema = z.object({
  countryCode: z.enum(COUNTRIES),
  parentId: Id.nullable(),
  name: requiredText(200),
  pcode: z
    .string()
    .trim()
    .max(30, { message: 'errors.field.tooLong' })
    .regex(/^[A-Za-z0-9_-]*$/, { message: 'errors.field.invalidPcode' })
    .nullish()
    .transform((v) => (v ? v.toUpperCase() : null)),
  aliases: labelList,
});

export const TerritoryUpdateSchema = z.object({
  id: Id,
  name: requiredText(200),
  aliases: labelList,
});

export const territoriesContract = {
  'territories.countries': query(z.object({}), z.array(CountrySummarySchema)),
  'territories.loadCountry': mutation(z.object({ countryCode: z.enum(COUNTRIES) }), CountrySummarySchema),
  'territories.list': query(
    z.object({
      countryCode: z.enum(COUNTRIES),
      parentId: Id.nullish(),
      level: z.number().int().min(1).max(4).optional(),
    }),
    z.array(TerritorySchema),
  ),
  'territories.search': query(
    z.object({
      text: z.string().max(200),
      countryCode: z.enum(COUNTRIES).optional(),
      limit: z.number().int().min(1).max(100).default(20),
    }),
    z.array(TerritorySchema.extend({ path: z.string() })),
  ),
  'territories.get': query(z.object({ id: Id }), TerritoryDetailSchema),
  'territories.create': mutation(TerritoryCreateSchema, TerritorySchema),
  'territories.update': mutation(TerritoryUpdateSchema, TerritorySchema),
};
