import { z } from 'zod';
import { COUNTRIES, LANGUAGES, TIME_ZONES } from '../domain/vocabularies';
import { Ok, optionalText } from './common';
import { mutation, query } from './define';

export const HeadingSchema = z.object({
  /** "République du Mali" */
  country: optionalText(200),
  /** "Un Peuple – Un But – Une Foi" */
  motto: optionalText(200),
  /** "Ministère de la Santé et du Développement Social" */
  ministry: optionalText(300),
  /** "Direction Régionale du Développement Social de Koulikoro" */
  service: optionalText(300),
});
export type Heading = z.infer<typeof HeadingSchema>;

export const SettingsSchema = z.object({
  language: z.enum(LANGUAGES),
  countryCode: z.enum(COUNTRIES).nullable(),
  heading: HeadingSchema,
  /** Recorded as the author of every change in the history. */
  userName: z.string(),
  /** The first-run screen has been answered (demo data loaded or declined). */
  welcomed: z.boolean(),
  /** Agenda times are local times of the secretariat's time zone. */
  timeZone: z.enum(TIME_ZONES),
  /** A seat absent from this many consecutive sessions is flagged. */
  absenceThreshold: z.number().int().min(1).max(12),
  /**
   * How recommendation references are made: {SIGLE} body acronym, {AAAA} year, {MM} month of the
   * session, {NN} number within the body and year (two digits at least).
   */
  referenceFormat: z.string(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const SettingsPatchSchema = z
  .object({
    language: z.enum(LANGUAGES),
    countryCode: z.enum(COUNTRIES).nullable(),
    heading: HeadingSchema,
    userName: z.string().trim().max(120, { message: 'errors.field.tooLong' }),
    welcomed: z.boolean(),
    timeZone: z.enum(TIME_ZONES),
    absenceThreshold: z.number({ message: 'errors.field.invalidNumber' }).int().min(1).max(12),
    referenceFormat: z
      .string()
      .trim()
      .min(1, { message: 'errors.field.required' })
      .max(80, { message: 'errors.field.tooLong' })
      .refine((v) => v.includes('{NN}'), { message: 'errors.field.referenceNeedsNumber' }),
  })
  .partial();

export const SystemInfoSchema = z.object({
  appVersion: z.string(),
  schemaVersion: z.number(),
  databasePath: z.string(),
  backupsDir: z.string(),
  dataDir: z.string(),
});

export const DemoStatusSchema = z.object({
  loaded: z.boolean(),
  counts: z.object({ bodies: z.number(), organisations: z.number(), people: z.number() }),
});

export const CreditSchema = z.object({
  name: z.string(),
  what: z.string(),
  licence: z.string(),
  url: z.string().optional(),
});

export const systemContract = {
  'system.info': query(z.object({}), SystemInfoSchema),
  'system.credits': query(z.object({}), z.array(CreditSchema)),
  'settings.get': query(z.object({}), SettingsSchema),
  'settings.update': mutation(SettingsPatchSchema, SettingsSchema),
  'demo.status': query(z.object({}), DemoStatusSchema),
  'demo.load': mutation(z.object({}), DemoStatusSchema),
  'demo.remove': mutation(z.object({}), DemoStatusSchema),
  'system.ping': query(z.object({}), Ok),
};
