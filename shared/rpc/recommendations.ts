import { z } from 'zod';
import {
  BODY_LEVELS,
  MINUTES_STATUSES,
  RECOMMENDATION_KINDS,
  RECOMMENDATION_ORIGINS,
  RECOMMENDATION_PRIORITIES,
  RECOMMENDATION_STATUSES,
  UPDATE_SOURCES,
} from '../domain/vocabularies';
import { Id, IsoDate, Ok, optionalIsoDate, optionalText, RefSchema, requiredText } from './common';
import { mutation, query } from './define';

// ── Minutes ─────────────────────────────────────────────────────────────────

/**
 * The editor's document (Tiptap/ProseMirror JSON). The backend keeps it as given after checking
 * its shape and size, and derives the plain-text projection used by search.
 */
export const RichTextSchema = z
  .object({ type: z.literal('doc'), content: z.array(z.unknown()).max(5000).optional() })
  .passthrough();
export type RichText = z.infer<typeof RichTextSchema>;

export const MinutesSectionSchema = z.object({
  /** Stable id of the section inside the minutes (client-made UUID). */
  id: z.string().min(1).max(64),
  kind: z.enum(['opening', 'item', 'closing', 'custom']),
  /** The agenda entry it follows, when prefilled from the agenda. */
  agendaEntryId: z.string().max(64).nullable(),
  title: z.string().max(500),
  responsible: z.string().max(300).nullable(),
  content: RichTextSchema,
});
export type MinutesSection = z.infer<typeof MinutesSectionSchema>;

export const MinutesSchema = z.object({
  id: z.string(),
  meetingId: z.string(),
  rapporteur: RefSchema.nullable(),
  status: z.enum(MINUTES_STATUSES),
  sections: z.array(MinutesSectionSchema),
  revision: z.number(),
  validatedOn: z.string().nullable(),
  adoptedOn: z.string().nullable(),
  /** The later session at which these minutes were adopted. */
  adoptedAt: RefSchema.nullable(),
  updatedAt: z.string(),
});
export type Minutes = z.infer<typeof MinutesSchema>;

export const MinutesVersionSchema = z.object({
  id: z.string(),
  revision: z.number(),
  status: z.enum(MINUTES_STATUSES),
  kind: z.enum(['autosave', 'status', 'restore']),
  actor: z.string(),
  savedAt: z.string(),
  /** Number of characters of text, to tell versions apart at a glance. */
  length: z.number(),
});

export const MINUTES_ACTIONS = ['submit_review', 'validate', 'adopt', 'reopen'] as const;

export const WorkingGroupSchema = z.object({
  id: z.string(),
  theme: z.string(),
  facilitator: z.string().nullable(),
  coFacilitator: z.string().nullable(),
  rapporteur: z.string().nullable(),
  keyPoints: z.string(),
  recommendations: z.string(),
  plenaryAdditions: z.string(),
});

export const WorkingGroupInputSchema = z.object({
  id: Id.optional(),
  theme: requiredText(300),
  facilitator: optionalText(200),
  coFacilitator: optionalText(200),
  rapporteur: optionalText(200),
  keyPoints: z.string().max(20_000).default(''),
  recommendations: z.string().max(20_000).default(''),
  plenaryAdditions: z.string().max(20_000).default(''),
});

// ── Recommendations ────────────────────────────────────────────────────────

export const RecommendationSchema = z.object({
  id: z.string(),
  body: RefSchema,
  reference: z.string(),
  kind: z.enum(RECOMMENDATION_KINDS),
  text: z.string(),
  theme: z.string().nullable(),
  originKind: z.enum(RECOMMENDATION_ORIGINS),
  originMeeting: RefSchema.nullable(),
  originAgendaEntryId: z.string().nullable(),
  originWorkingGroup: RefSchema.nullable(),
  leadOrganisation: RefSchema.nullable(),
  associatedOrganisations: z.array(RefSchema),
  person: RefSchema.nullable(),
  targetLevel: z.enum(BODY_LEVELS).nullable(),
  targetTerritory: RefSchema.nullable(),
  dueDate: z.string().nullable(),
  priority: z.enum(RECOMMENDATION_PRIORITIES),
  status: z.enum(RECOMMENDATION_STATUSES),
  progress: z.number(),
  actionsTaken: z.string().nullable(),
  /** The sub-body's recommendation this one was transmitted from. */
  transmittedFrom: RefSchema.extend({ body: RefSchema }).nullable(),
  /** Where this one was transmitted to (a parent body's copy). */
  transmittedTo: z.array(RefSchema.extend({ body: RefSchema })),
  overdue: z.boolean(),
  isDemo: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
});
export type Recommendation = z.infer<typeof RecommendationSchema>;

export const RecommendationUpdateSchema = z.object({
  id: z.string(),
  date: z.string(),
  status: z.enum(RECOMMENDATION_STATUSES),
  progress: z.number(),
  comment: z.string().nullable(),
  actionsTaken: z.string().nullable(),
  source: z.enum(UPDATE_SOURCES),
  meeting: RefSchema.nullable(),
  actor: z.string(),
  createdAt: z.string(),
});

export const RecommendationInputSchema = z.object({
  bodyId: Id,
  kind: z.enum(RECOMMENDATION_KINDS).default('recommendation'),
  /** Empty: generated from the settings' format (e.g. GTGPS/2025/03/R04). */
  reference: optionalText(80),
  text: requiredText(5000),
  theme: optionalText(300),
  originKind: z.enum(RECOMMENDATION_ORIGINS).default('direct'),
  originMeetingId: Id.nullish().transform((v) => v ?? null),
  originAgendaEntryId: Id.nullish().transform((v) => v ?? null),
  originWorkingGroupId: Id.nullish().transform((v) => v ?? null),
  leadOrganisationId: Id.nullish().transform((v) => v ?? null),
  associatedOrganisationIds: z.array(Id).max(50).default([]),
  personId: Id.nullish().transform((v) => v ?? null),
  targetLevel: z
    .enum(BODY_LEVELS)
    .nullish()
    .transform((v) => v ?? null),
  targetTerritoryId: Id.nullish().transform((v) => v ?? null),
  /** null = "sans échéance". */
  dueDate: optionalIsoDate,
  priority: z.enum(RECOMMENDATION_PRIORITIES).default('normal'),
});
export type RecommendationInput = z.input<typeof RecommendationInputSchema>;

export const RecommendationUpdateInputSchema = z.object({
  id: Id,
  date: IsoDate,
  status: z.enum(RECOMMENDATION_STATUSES),
  /** Omitted: the status's default progress. */
  progress: z
    .number({ message: 'errors.field.invalidNumber' })
    .int({ message: 'errors.field.invalidNumber' })
    .min(0, { message: 'errors.field.progressRange' })
    .max(100, { message: 'errors.field.progressRange' })
    .nullish()
    .transform((v) => v ?? null),
  comment: optionalText(5000),
  /** Required to close (réalisée, non réalisée, abandonnée). */
  actionsTaken: optionalText(10_000),
  source: z.enum(UPDATE_SOURCES).default('manual'),
  meetingId: Id.nullish().transform((v) => v ?? null),
});

export const RegisterFilterSchema = z.object({
  bodyIds: z.array(Id).max(2000).optional(),
  /** Include the recommendations transmitted to these bodies by their sub-bodies. */
  statuses: z.array(z.enum(RECOMMENDATION_STATUSES)).max(7).optional(),
  organisationId: Id.optional(),
  territoryId: Id.optional(),
  theme: z.string().max(300).optional(),
  dueFrom: IsoDate.optional(),
  dueTo: IsoDate.optional(),
  overdue: z.boolean().optional(),
  /** Full text, French-friendly: accents, case and plurals ignored. */
  text: z.string().max(300).optional(),
  trashed: z.boolean().default(false),
});

export const RegisterRowSchema = RecommendationSchema.pick({
  id: true,
  body: true,
  reference: true,
  kind: true,
  text: true,
  theme: true,
  leadOrganisation: true,
  dueDate: true,
  priority: true,
  status: true,
  progress: true,
  overdue: true,
  isDemo: true,
});

export const ImplementationRateSchema = z.object({
  /** Réalisées among those whose due date has passed (échues). */
  done: z.number(),
  due: z.number(),
  rate: z.number().nullable(),
  overdue: z.number(),
  open: z.number(),
  total: z.number(),
  byStatus: z.record(z.string(), z.number()),
});

export const FollowUpItemSchema = z.object({
  recommendation: RegisterRowSchema,
  /** As it was when the session was prepared. */
  snapshot: z.object({
    status: z.enum(RECOMMENDATION_STATUSES),
    progress: z.number(),
    dueDate: z.string().nullable(),
    capturedAt: z.string(),
  }),
  /** The update made during this session, if any. */
  sessionUpdate: RecommendationUpdateSchema.nullable(),
  /** From a sub-body, transmitted to this body. */
  transmitted: z.boolean(),
});

export const RoadmapSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  body: RefSchema.nullable(),
  meeting: RefSchema.nullable(),
  items: z.array(RegisterRowSchema),
  rate: ImplementationRateSchema,
  createdAt: z.string(),
});

export const recommendationsContract = {
  'minutes.get': query(z.object({ meetingId: Id }), MinutesSchema.nullable()),
  /** Creates the minutes with one section per agenda item, plus opening and closing. */
  'minutes.open': mutation(z.object({ meetingId: Id }), MinutesSchema),
  /**
   * Autosave: one transaction per call. Idempotent: a repeated saveId is acknowledged without
   * writing again; a save based on an older revision than the stored one is refused (CONFLICT).
   */
  'minutes.save': mutation(
    z.object({
      meetingId: Id,
      saveId: z.string().min(8).max(64),
      baseRevision: z.number().int().min(0),
      sections: z.array(MinutesSectionSchema).max(300),
      rapporteurPersonId: Id.nullish().transform((v) => v ?? null),
    }),
    z.object({ revision: z.number(), savedAt: z.string() }),
    { announces: false },
  ),
  'minutes.transition': mutation(
    z.object({
      meetingId: Id,
      action: z.enum(MINUTES_ACTIONS),
      /** adopt: the later session where they were adopted. */
      adoptedAtMeetingId: Id.nullish().transform((v) => v ?? null),
      date: optionalIsoDate,
    }),
    MinutesSchema,
  ),
  'minutes.versions': query(z.object({ meetingId: Id }), z.array(MinutesVersionSchema)),
  'minutes.version': query(
    z.object({ id: Id }),
    MinutesVersionSchema.extend({ sections: z.array(MinutesSectionSchema) }),
  ),
  'minutes.restoreVersion': mutation(z.object({ id: Id }), MinutesSchema),
  /** Minutes awaiting adoption at this session: the body's previous validated minutes. */
  'minutes.pendingAdoption': query(
    z.object({ meetingId: Id }),
    z.array(z.object({ meeting: RefSchema, status: z.enum(MINUTES_STATUSES) })),
  ),

  'workingGroups.list': query(z.object({ meetingId: Id }), z.array(WorkingGroupSchema)),
  'workingGroups.save': mutation(
    z.object({ meetingId: Id, groups: z.array(WorkingGroupInputSchema).max(50) }),
    z.array(WorkingGroupSchema),
  ),

  'recommendations.list': query(
    RegisterFilterSchema.extend({
      sort: z.enum(['reference', 'due_date', 'status', 'body', 'updated']).default('reference'),
      direction: z.enum(['asc', 'desc']).default('asc'),
      limit: z.number().int().min(1).max(1000).default(200),
      offset: z.number().int().min(0).default(0),
    }),
    z.object({ total: z.number(), rows: z.array(RegisterRowSchema) }),
  ),
  'recommendations.get': query(z.object({ id: Id }), RecommendationSchema),
  'recommendations.create': mutation(RecommendationInputSchema, RecommendationSchema),
  'recommendations.update': mutation(RecommendationInputSchema.extend({ id: Id }), RecommendationSchema),
  /** Records a status / progress update, kept in the recommendation's history. */
  'recommendations.addUpdate': mutation(RecommendationUpdateInputSchema, RecommendationSchema),
  'recommendations.updates': query(z.object({ id: Id }), z.array(RecommendationUpdateSchema)),
  /** Transmits to the parent body: a linked copy there, with its own reference; the trail is kept. */
  'recommendations.transmit': mutation(z.object({ id: Id, toBodyId: Id }), RecommendationSchema),
  'recommendations.trash': mutation(z.object({ id: Id }), RecommendationSchema),
  'recommendations.restore': mutation(z.object({ id: Id }), RecommendationSchema),
  /** Implementation rate for a body, an organisation (as lead) or the filtered register. */
  'recommendations.rate': query(RegisterFilterSchema, ImplementationRateSchema),
  'recommendations.dashboard': query(
    z.object({ today: IsoDate.optional() }),
    z.object({
      byStatus: z.record(z.string(), z.number()),
      rateByBody: z.array(z.object({ body: RefSchema, rate: ImplementationRateSchema })),
      overdueByOrganisation: z.array(z.object({ organisation: RefSchema.nullable(), overdue: z.number() })),
      /** Updates recorded since each body's last held session. */
      changesSinceLastSession: z.array(
        z.object({ body: RefSchema, since: z.string().nullable(), updates: z.number() }),
      ),
    }),
  ),

  /** The follow-up item of a session: open recommendations of the body (and transmitted ones), snapshotted. */
  'followUp.get': query(z.object({ meetingId: Id }), z.array(FollowUpItemSchema)),
  /** Takes the snapshot again (only while the session is not held). */
  'followUp.refresh': mutation(z.object({ meetingId: Id }), z.array(FollowUpItemSchema)),

  'roadmaps.list': query(z.object({ bodyId: Id.optional() }), z.array(RoadmapSchema.omit({ items: true }))),
  'roadmaps.get': query(z.object({ id: Id }), RoadmapSchema),
  'roadmaps.create': mutation(
    z.object({
      name: requiredText(300),
      description: optionalText(5000),
      bodyId: Id.nullish().transform((v) => v ?? null),
      meetingId: Id.nullish().transform((v) => v ?? null),
      recommendationIds: z.array(Id).max(2000).default([]),
    }),
    RoadmapSchema,
  ),
  'roadmaps.setItems': mutation(
    z.object({ id: Id, recommendationIds: z.array(Id).max(2000) }),
    RoadmapSchema,
  ),
  'roadmaps.trash': mutation(z.object({ id: Id }), Ok),
};
