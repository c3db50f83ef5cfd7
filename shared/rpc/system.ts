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

/** Printed at the end of letters and minutes: "Fait à Koulikoro, le …", the title, the name. */
export const SignatureSchema = z.object({
  /** The town written in "Fait à …" and in the letter's date line. */
  place: optionalText(120),
  /** "Le Directeur Régional du Développement Social" */
  title: optionalText(300),
  name: optionalText(200),
});
export type Signature = z.infer<typeof SignatureSchema>;

export const EMAIL_TEMPLATE_KEYS = ['meeting', 'body', 'followUp'] as const;
export type EmailTemplateKey = (typeof EMAIL_TEMPLATE_KEYS)[number];

/**
 * Subject and body of the email drafts. Placeholders: {ORGANE} body name, {SIGLE} acronym,
 * {SESSION} meeting title, {DATE} meeting date, {LIEU} place, {SIGNATAIRE} the signature's name
 * and title.
 */
export const EmailTemplateSchema = z.object({
  subject: z
    .string()
    .trim()
    .min(1, { message: 'errors.field.required' })
    .max(300, { message: 'errors.field.tooLong' }),
  body: z.string().max(10000, { message: 'errors.field.tooLong' }),
});
export type EmailTemplate = z.infer<typeof EmailTemplateSchema>;
export const EmailTemplatesSchema = z.object({
  meeting: EmailTemplateSchema,
  body: EmailTemplateSchema,
  followUp: EmailTemplateSchema,
});
export type EmailTemplates = z.infer<typeof EmailTemplatesSchema>;

export const SettingsSchema = z.object({
  language: z.enum(LANGUAGES),
  countryCode: z.enum(COUNTRIES).nullable(),
  heading: HeadingSchema,
  signature: SignatureSchema,
  emailTemplates: EmailTemplatesSchema,
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
    signature: SignatureSchema,
    emailTemplates: EmailTemplatesSchema,
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
