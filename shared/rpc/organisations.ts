import { z } from 'zod';
import { COUNTRIES, ORGANISATION_KINDS } from '../domain/vocabularies';
import { Email, Id, labelList, optionalText, Phone, RefSchema, requiredText } from './common';
import { mutation, query } from './define';

export const OrganisationSchema = z.object({
  id: z.string(),
  name: z.string(),
  acronym: z.string().nullable(),
  aliases: z.array(z.string()),
  kind: z.enum(ORGANISATION_KINDS),
  parentId: z.string().nullable(),
  countryCode: z.string().nullable(),
  domains: z.array(z.string()),
  targetGroups: z.array(z.string()),
  zoneIds: z.array(z.string()),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  website: z.string().nullable(),
  address: z.string().nullable(),
  notes: z.string().nullable(),
  isDemo: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
});
export type Organisation = z.infer<typeof OrganisationSchema>;

export const OrganisationListItemSchema = OrganisationSchema.pick({
  id: true,
  name: true,
  acronym: true,
  kind: true,
  parentId: true,
  countryCode: true,
  isDemo: true,
  deletedAt: true,
}).extend({ peopleCount: z.number(), seatCount: z.number() });

export const OrganisationDetailSchema = OrganisationSchema.extend({
  parent: RefSchema.nullable(),
  children: z.array(RefSchema),
  zones: z.array(RefSchema),
  people: z.array(z.object({ id: z.string(), label: z.string(), function: z.string().nullable() })),
  seats: z.array(
    z.object({
      seatId: z.string(),
      body: RefSchema,
      function: z.string(),
      role: z.string(),
      rank: z.number().nullable(),
      currentHolder: RefSchema.nullable(),
    }),
  ),
});

export const OrganisationInputSchema = z.object({
  name: requiredText(300),
  acronym: optionalText(40),
  aliases: labelList,
  kind: z.enum(ORGANISATION_KINDS, { message: 'errors.field.required' }),
  parentId: Id.nullish().transform((v) => v ?? null),
  countryCode: z
    .enum(COUNTRIES)
    .nullish()
    .transform((v) => v ?? null),
  domains: labelList,
  targetGroups: labelList,
  zoneIds: z.array(Id).max(500).default([]),
  email: Email,
  phone: Phone,
  website: optionalText(300),
  address: optionalText(500),
  notes: optionalText(5000),
});
export type OrganisationInput = z.input<typeof OrganisationInputSchema>;

export const organisationsContract = {
  'organisations.list': query(
    z.object({
      text: z.string().max(200).optional(),
      kind: z.enum(ORGANISATION_KINDS).optional(),
      trashed: z.boolean().default(false),
    }),
    z.array(OrganisationListItemSchema),
  ),
  'organisations.get': query(z.object({ id: Id }), OrganisationDetailSchema),
  'organisations.create': mutation(OrganisationInputSchema, OrganisationSchema),
  'organisations.update': mutation(OrganisationInputSchema.extend({ id: Id }), OrganisationSchema),
  'organisations.trash': mutation(z.object({ id: Id }), OrganisationSchema),
  'organisations.restore': mutation(z.object({ id: Id }), OrganisationSchema),
};
