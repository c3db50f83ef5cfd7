import { z } from 'zod';
import { PeriodicitySchema } from '../domain/periodicity';
import { QuorumRuleSchema } from '../domain/quorum';
import {
  BODY_KINDS,
  BODY_LEVELS,
  BODY_LINK_KINDS,
  COUNTRIES,
  LEGAL_BASIS_KINDS,
  SEAT_ROLES,
} from '../domain/vocabularies';
import { Id, IsoDate, Ok, optionalIsoDate, optionalText, RefSchema, requiredText } from './common';
import { mutation, query } from './define';

export const LegalBasisSchema = z.object({
  kind: z.enum(LEGAL_BASIS_KINDS).nullable(),
  number: z.string().nullable(),
  date: z.string().nullable(),
  signatory: z.string().nullable(),
  title: z.string().nullable(),
});

export const BodySchema = z.object({
  id: z.string(),
  name: z.string(),
  acronym: z.string().nullable(),
  kind: z.enum(BODY_KINDS),
  level: z.enum(BODY_LEVELS),
  countryCode: z.string().nullable(),
  territoryId: z.string().nullable(),
  parentId: z.string().nullable(),
  legalBasis: LegalBasisSchema,
  mandate: z.string().nullable(),
  secretariatOrganisationId: z.string().nullable(),
  periodicity: PeriodicitySchema,
  quorumRule: QuorumRuleSchema,
  fundingSource: z.string().nullable(),
  establishedOn: z.string().nullable(),
  status: z.enum(['active', 'closed']),
  closedOn: z.string().nullable(),
  closedReason: z.string().nullable(),
  isDemo: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
});
export type Body = z.infer<typeof BodySchema>;

export const BodyListItemSchema = BodySchema.pick({
  id: true,
  name: true,
  acronym: true,
  kind: true,
  level: true,
  countryCode: true,
  territoryId: true,
  parentId: true,
  status: true,
  isDemo: true,
  deletedAt: true,
  periodicity: true,
}).extend({ territory: RefSchema.nullable(), seatCount: z.number() });
export type BodyListItem = z.infer<typeof BodyListItemSchema>;

export const HolderSchema = z.object({
  id: z.string(),
  seatId: z.string(),
  person: RefSchema,
  from: z.string(),
  to: z.string().nullable(),
  note: z.string().nullable(),
});
export type Holder = z.infer<typeof HolderSchema>;

export const SeatSchema = z.object({
  id: z.string(),
  bodyId: z.string(),
  organisation: RefSchema.nullable(),
  function: z.string(),
  role: z.enum(SEAT_ROLES),
  rank: z.number().nullable(),
  voting: z.boolean(),
  position: z.number(),
  notes: z.string().nullable(),
  /** All holders over time, oldest first. */
  holders: z.array(HolderSchema),
});
export type Seat = z.infer<typeof SeatSchema>;

export const BodyLinkSchema = z.object({
  id: z.string(),
  kind: z.enum(BODY_LINK_KINDS),
  /** 'outgoing': this body reports to / feeds the other; 'incoming': the other one does. */
  direction: z.enum(['outgoing', 'incoming']),
  body: RefSchema,
});

export const BodyDetailSchema = BodySchema.extend({
  territory: RefSchema.extend({ path: z.string() }).nullable(),
  parent: RefSchema.nullable(),
  children: z.array(RefSchema),
  secretariatOrganisation: RefSchema.nullable(),
  links: z.array(BodyLinkSchema),
  seats: z.array(SeatSchema),
});
export type BodyDetail = z.infer<typeof BodyDetailSchema>;

export const BodyInputSchema = z.object({
  name: requiredText(300),
  acronym: optionalText(40),
  kind: z.enum(BODY_KINDS, { message: 'errors.field.required' }),
  level: z.enum(BODY_LEVELS, { message: 'errors.field.required' }),
  countryCode: z
    .enum(COUNTRIES)
    .nullish()
    .transform((v) => v ?? null),
  territoryId: Id.nullish().transform((v) => v ?? null),
  parentId: Id.nullish().transform((v) => v ?? null),
  legalBasis: z
    .object({
      kind: z
        .enum(LEGAL_BASIS_KINDS)
        .nullish()
        .transform((v) => v ?? null),
      number: optionalText(200),
      date: optionalIsoDate,
      signatory: optionalText(200),
      title: optionalText(500),
    })
    .default({ kind: null, number: null, date: null, signatory: null, title: null }),
  mandate: optionalText(10_000),
  secretariatOrganisationId: Id.nullish().transform((v) => v ?? null),
  periodicity: PeriodicitySchema,
  quorumRule: QuorumRuleSchema,
  fundingSource: optionalText(300),
  establishedOn: optionalIsoDate,
  links: z
    .array(z.object({ kind: z.enum(BODY_LINK_KINDS), targetId: Id }))
    .max(50)
    .default([]),
});
export type BodyInput = z.input<typeof BodyInputSchema>;

export const SeatInputSchema = z.object({
  organisationId: Id.nullish().transform((v) => v ?? null),
  function: requiredText(300),
  role: z.enum(SEAT_ROLES, { message: 'errors.field.required' }),
  rank: z
    .number()
    .int()
    .min(1)
    .max(9)
    .nullish()
    .transform((v) => v ?? null),
  voting: z.boolean().default(true),
  notes: optionalText(2000),
});

export const HolderInputSchema = z.object({
  personId: Id,
  from: IsoDate,
  to: optionalIsoDate,
  note: optionalText(500),
});

export const AcronymClashSchema = z.array(RefSchema.extend({ territory: z.string().nullable() }));

export const CompositionAsAtSchema = z.object({
  date: z.string(),
  seats: z.array(
    SeatSchema.omit({ holders: true }).extend({
      holder: HolderSchema.nullable(),
    }),
  ),
});

export const bodiesContract = {
  'bodies.list': query(
    z.object({
      text: z.string().max(200).optional(),
      kind: z.enum(BODY_KINDS).optional(),
      level: z.enum(BODY_LEVELS).optional(),
      territoryId: Id.optional(),
      status: z.enum(['active', 'closed', 'all']).default('all'),
      trashed: z.boolean().default(false),
    }),
    z.array(BodyListItemSchema),
  ),
  'bodies.get': query(z.object({ id: Id }), BodyDetailSchema),
  /** Bodies with the same acronym in the same territory: a warning, not a refusal. */
  'bodies.acronymClashes': query(
    z.object({ acronym: z.string().max(40), territoryId: Id.nullish(), excludeId: Id.optional() }),
    AcronymClashSchema,
  ),
  'bodies.create': mutation(BodyInputSchema, BodySchema),
  'bodies.update': mutation(BodyInputSchema.extend({ id: Id }), BodySchema),
  'bodies.close': mutation(z.object({ id: Id, closedOn: IsoDate, reason: requiredText(1000) }), BodySchema),
  'bodies.reopen': mutation(z.object({ id: Id }), BodySchema),
  'bodies.trash': mutation(z.object({ id: Id }), BodySchema),
  'bodies.restore': mutation(z.object({ id: Id }), BodySchema),

  'seats.create': mutation(SeatInputSchema.extend({ bodyId: Id }), SeatSchema),
  'seats.update': mutation(SeatInputSchema.extend({ id: Id }), SeatSchema),
  'seats.remove': mutation(z.object({ id: Id }), Ok),
  /** Sets the display order inside each role group. */
  'seats.reorder': mutation(z.object({ bodyId: Id, seatIds: z.array(Id).max(1000) }), Ok),
  'seats.addHolder': mutation(HolderInputSchema.extend({ seatId: Id }), HolderSchema),
  'seats.updateHolder': mutation(HolderInputSchema.extend({ id: Id }), HolderSchema),
  'seats.removeHolder': mutation(z.object({ id: Id }), Ok),
  'composition.asAt': query(z.object({ bodyId: Id, date: IsoDate }), CompositionAsAtSchema),
};
