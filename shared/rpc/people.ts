import { z } from 'zod';
import { SEXES } from '../domain/vocabularies';
import { Email, Id, optionalText, Phone, RefSchema, requiredText } from './common';
import { mutation, query } from './define';

export const PersonSchema = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  title: z.string().nullable(),
  function: z.string().nullable(),
  organisationId: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  sex: z.enum(SEXES).nullable(),
  notes: z.string().nullable(),
  isDemo: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
});
export type Person = z.infer<typeof PersonSchema>;

export const PersonListItemSchema = PersonSchema.pick({
  id: true,
  firstName: true,
  lastName: true,
  title: true,
  function: true,
  organisationId: true,
  email: true,
  phone: true,
  sex: true,
  isDemo: true,
  deletedAt: true,
}).extend({ organisation: RefSchema.nullable() });

export const PersonDetailSchema = PersonSchema.extend({
  organisation: RefSchema.nullable(),
  /** Every seat this person held or holds, newest first. */
  seats: z.array(
    z.object({
      holderId: z.string(),
      seatId: z.string(),
      body: RefSchema,
      function: z.string(),
      role: z.string(),
      rank: z.number().nullable(),
      from: z.string(),
      to: z.string().nullable(),
    }),
  ),
});

export const PersonInputSchema = z.object({
  firstName: optionalText(120).transform((v) => v ?? ''),
  lastName: requiredText(120),
  title: optionalText(40),
  function: optionalText(300),
  organisationId: Id.nullish().transform((v) => v ?? null),
  email: Email,
  phone: Phone,
  sex: z
    .enum(SEXES)
    .nullish()
    .transform((v) => v ?? null),
  notes: optionalText(5000),
});
export type PersonInput = z.input<typeof PersonInputSchema>;

export const peopleContract = {
  'people.list': query(
    z.object({
      text: z.string().max(200).optional(),
      organisationId: Id.optional(),
      trashed: z.boolean().default(false),
    }),
    z.array(PersonListItemSchema),
  ),
  'people.get': query(z.object({ id: Id }), PersonDetailSchema),
  'people.create': mutation(PersonInputSchema, PersonSchema),
  'people.update': mutation(PersonInputSchema.extend({ id: Id }), PersonSchema),
  'people.trash': mutation(z.object({ id: Id }), PersonSchema),
  'people.restore': mutation(z.object({ id: Id }), PersonSchema),
};
