import { z } from 'zod';
import {
  CONVENTION_ELEMENTS,
  CONVENTION_KINDS,
  CONVENTION_STATUSES,
  COUNTRIES,
  IMPORT_SOURCES,
  INTERVENTION_ROLES,
  INTERVENTION_STATUSES,
  RECOMMENDATION_STATUSES,
  SECTORS,
  SYNONYM_KINDS,
} from '../domain/vocabularies';
import { THREE_W_FIELDS } from '../partners/fields';
import { Id, IsoDate, Ok, optionalIsoDate, optionalText, RefSchema } from './common';
import { mutation, query } from './define';

// Partner matrices: files received (USB stick, email, disk) are staged, understood (sheet,
// header rows, HXL tags, column mapping), resolved (places, organisations, sectors), previewed,
// imported in one transaction as a batch that can be undone; returned follow-up matrices update
// their recommendations; partners' conventions; coverage, overlaps, gaps and freshness.

// ── Receiving a file ───────────────────────────────────────────────────────

/** Largest file accepted through the page (base64 over RPC). Larger files are refused unread. */
export const MAX_UPLOAD_BYTES = 30 * 1024 * 1024;

export const PreviousImportSchema = z.object({
  batchId: Id,
  at: z.string(),
  actor: z.string(),
  undone: z.boolean(),
});

export const AttachmentSchema = z.object({
  index: z.number().int(),
  /** The name as given in the message, cleaned of any folder part. */
  fileName: z.string(),
  bytes: z.number().int(),
  /** xlsx, xls, ods or csv by name and content. */
  spreadsheet: z.boolean(),
});

export const StagedFileSchema = z.object({
  /** Staging id: what the next steps name. */
  id: z.string(),
  fileName: z.string(),
  bytes: z.number().int(),
  sha256: z.string(),
  source: z.enum(IMPORT_SOURCES),
  kind: z.enum(['spreadsheet', 'email']),
  /** Batches already imported from a file with the same SHA-256: "déjà importé le …". */
  previousImports: z.array(PreviousImportSchema),
  /** For an email: its subject, sender and attachments. */
  email: z
    .object({
      subject: z.string(),
      from: z.string(),
      date: z.string().nullable(),
      attachments: z.array(AttachmentSchema),
    })
    .nullable(),
});
export type StagedFile = z.infer<typeof StagedFileSchema>;

export const RemovableFileSchema = z.object({
  path: z.string(),
  fileName: z.string(),
  bytes: z.number().int(),
  modifiedAt: z.string(),
  /** The drive or stick, as the user knows it ("KINGSTON (E:)"). */
  drive: z.string(),
});

// ── Understanding the layout ───────────────────────────────────────────────

export const FieldSchema = z.enum(THREE_W_FIELDS);

/** Column index (0 = A) → field, for the columns that are imported. */
export const MappingSchema = z.record(z.string().regex(/^\d{1,3}$/), FieldSchema.nullable());
export type Mapping = z.infer<typeof MappingSchema>;

export const LayoutInputSchema = z.object({
  stagedId: z.string().min(1).max(100),
  sheet: z.string().max(200).optional(),
  /** 1 or 2 header rows (the second often holds sub-headers: "Femmes | Hommes"). */
  headerRows: z.union([z.literal(1), z.literal(2)]).optional(),
  /** Whether a row of HXL hashtags follows the headers. */
  hxlRow: z.boolean().optional(),
  /** The user's corrections; absent columns keep the proposal. */
  mapping: MappingSchema.optional(),
});

export const ColumnSchema = z.object({
  index: z.number().int(),
  /** "B" */
  letter: z.string(),
  /** Header text as read (two header rows joined with " / "). */
  header: z.string(),
  hxl: z.string().nullable(),
  /** A few values from the first data rows. */
  samples: z.array(z.string()),
  field: FieldSchema.nullable(),
  /** How the field was found: HXL tag, a known header, a close spelling, remembered, the user, none. */
  confidence: z.enum(['hxl', 'exact', 'fuzzy', 'remembered', 'user', 'none']),
});

export const AnalysisSchema = z.object({
  /** '3w' for a partner matrix; 'followUp' for a returned follow-up matrix of recommendations. */
  kind: z.enum(['3w', 'followUp']),
  sheets: z.array(
    z.object({ name: z.string(), rows: z.number().int(), hidden: z.boolean(), score: z.number() }),
  ),
  sheet: z.string(),
  headerRows: z.union([z.literal(1), z.literal(2)]),
  hxlRow: z.boolean(),
  /** 1-based row number of the first data row ("ligne 4"). */
  firstDataRow: z.number().int(),
  dataRows: z.number().int(),
  columns: z.array(ColumnSchema),
  /** The mapping came from a file of the same layout imported before. */
  remembered: z.boolean(),
  /** Fields no column maps to although the file seems to carry them, and other advice. */
  warnings: z.array(z.string()),
});
export type Analysis = z.infer<typeof AnalysisSchema>;

// ── Resolving values and previewing ────────────────────────────────────────

/** A decision the user took on a value; each becomes an alias (or synonym) used next time. */
export const DecisionSchema = z.discriminatedUnion('kind', [
  /** "Tinahama" (in Ansongo) is this territory, or is ignored (rows rejected). */
  z.object({
    kind: z.literal('place'),
    value: z.string().max(300),
    parentId: Id.nullable(),
    territoryId: Id.nullable(),
  }),
  /** "ACF-E" is this organisation, or a new organisation is created with this name. */
  z.object({
    kind: z.literal('organisation'),
    value: z.string().max(300),
    organisationId: Id.nullable(),
    create: z.boolean().default(false),
  }),
  z.object({ kind: z.literal('sector'), value: z.string().max(300), sector: z.enum(SECTORS) }),
  z.object({ kind: z.literal('status'), value: z.string().max(300), status: z.enum(INTERVENTION_STATUSES) }),
]);
export type Decision = z.infer<typeof DecisionSchema>;

export const PreviewInputSchema = LayoutInputSchema.extend({
  decisions: z.array(DecisionSchema).max(5000).default([]),
  jobId: Id.optional(),
});

export const ProposalSchema = z.object({ id: z.string(), label: z.string(), score: z.number() });

export const UnresolvedSchema = z.object({
  kind: z.enum(['place', 'organisation', 'sector', 'status']),
  value: z.string(),
  /** For a place: the parent it was looked for in ("Ansongo"), when the file gives one. */
  parentId: z.string().nullable(),
  parentLabel: z.string().nullable(),
  /** Rows that carry it. */
  rows: z.number().int(),
  /** Close matches, best first: proposed, never imposed. */
  proposals: z.array(ProposalSchema),
});

export const RowReasonSchema = z.object({
  sheet: z.string(),
  /** 1-based row number in the sheet. */
  row: z.number().int(),
  /** "C" */
  column: z.string().nullable(),
  value: z.string().nullable(),
  /** French: "Date de début illisible : « 31/02/2024 »". */
  message: z.string(),
});

export const PreviewRowSchema = z.object({
  row: z.number().int(),
  outcome: z.enum(['create', 'update', 'unchanged', 'reject']),
  organisation: z.string(),
  activity: z.string(),
  sector: z.string().nullable(),
  place: z.string(),
  period: z.string(),
  reasons: z.array(RowReasonSchema),
});

export const PreviewSchema = z.object({
  counts: z.object({
    create: z.number().int(),
    update: z.number().int(),
    unchanged: z.number().int(),
    reject: z.number().int(),
  }),
  /** The first rows of each outcome (all rejected rows up to 1,000) for the screen. */
  rows: z.array(PreviewRowSchema),
  unresolved: z.array(UnresolvedSchema),
});
export type Preview = z.infer<typeof PreviewSchema>;

export const BatchSchema = z.object({
  id: Id,
  kind: z.enum(['3w', 'follow_up']),
  at: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  source: z.enum(IMPORT_SOURCES),
  sheet: z.string().nullable(),
  counts: z.object({
    create: z.number().int(),
    update: z.number().int(),
    unchanged: z.number().int(),
    reject: z.number().int(),
  }),
  organisation: RefSchema.nullable(),
  actor: z.string(),
  undoneAt: z.string().nullable(),
  undoneBy: z.string().nullable(),
});
export type Batch = z.infer<typeof BatchSchema>;

// ── Follow-up matrices coming back ─────────────────────────────────────────

export const FollowUpRowSchema = z.object({
  sheet: z.string(),
  row: z.number().int(),
  recommendationId: z.string().nullable(),
  reference: z.string(),
  text: z.string(),
  current: z.object({ status: z.enum(RECOMMENDATION_STATUSES), progress: z.number().int() }).nullable(),
  proposed: z
    .object({
      status: z.enum(RECOMMENDATION_STATUSES),
      progress: z.number().int(),
      comment: z.string().nullable(),
      date: z.string(),
    })
    .nullable(),
  /**
   * apply: will update; unchanged: nothing new filled in; conflict: the recommendation changed
   * in Concerto since the matrix was exported (decide); reject: unreadable or unknown.
   */
  state: z.enum(['apply', 'unchanged', 'conflict', 'reject']),
  reasons: z.array(RowReasonSchema),
});

export const FollowUpPreviewSchema = z.object({
  counts: z.object({
    apply: z.number().int(),
    unchanged: z.number().int(),
    conflict: z.number().int(),
    reject: z.number().int(),
  }),
  rows: z.array(FollowUpRowSchema),
  /** The partner the matrix came from, when recognised (a per-organisation sheet). */
  organisation: RefSchema.nullable(),
});

export const FollowUpCommitSchema = z.object({
  stagedId: z.string().min(1).max(100),
  /** Conflicts the user chose to apply anyway (the partner's word wins for these). */
  overrideConflicts: z.array(Id).max(10_000).default([]),
  organisationId: Id.nullable().default(null),
});

// ── Interventions, partners, conventions ───────────────────────────────────

export const InterventionSchema = z.object({
  id: Id,
  organisation: RefSchema,
  role: z.enum(INTERVENTION_ROLES),
  donor: z.string().nullable(),
  sector: z.enum(SECTORS).nullable(),
  activity: z.string(),
  targetGroup: z.string().nullable(),
  territory: RefSchema.nullable(),
  placeLabel: z.string().nullable(),
  status: z.enum(INTERVENTION_STATUSES).nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  targeted: z.object({
    women: z.number().nullable(),
    men: z.number().nullable(),
    total: z.number().nullable(),
  }),
  reached: z.object({
    women: z.number().nullable(),
    men: z.number().nullable(),
    total: z.number().nullable(),
  }),
  budget: z.number().nullable(),
  currency: z.string().nullable(),
  reportedOn: z.string().nullable(),
  source: z.object({
    batchId: z.string().nullable(),
    file: z.string().nullable(),
    sheet: z.string().nullable(),
    row: z.number().nullable(),
  }),
});
export type Intervention = z.infer<typeof InterventionSchema>;

export const CoverageFilterSchema = z.object({
  countryCode: z.enum(COUNTRIES).optional(),
  /** Active in the period (overlapping it; open ends count as ongoing). */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  statuses: z.array(z.enum(INTERVENTION_STATUSES)).max(4).optional(),
  sectors: z.array(z.enum(SECTORS)).max(20).optional(),
  targetGroup: z.string().max(200).optional(),
  donorId: Id.optional(),
});
export type CoverageFilter = z.infer<typeof CoverageFilterSchema>;

export const ConventionInputSchema = z.object({
  organisationId: Id,
  kind: z.enum(CONVENTION_KINDS),
  reference: optionalText(200),
  title: optionalText(500),
  signedOn: optionalIsoDate,
  durationMonths: z
    .number({ message: 'errors.field.invalidNumber' })
    .int()
    .min(1)
    .max(600)
    .nullish()
    .transform((v) => v ?? null),
  endDate: optionalIsoDate,
  renewalTerms: optionalText(2000),
  elements: z.array(z.enum(CONVENTION_ELEMENTS)).max(7).default([]),
  midtermEvaluationDue: optionalIsoDate,
  finalEvaluationDue: optionalIsoDate,
  status: z.enum(CONVENTION_STATUSES).default('in_force'),
  revokedOn: optionalIsoDate,
  revocationReason: optionalText(2000),
  notes: optionalText(5000),
});

export const ConventionSchema = z.object({
  id: Id,
  organisation: RefSchema,
  kind: z.enum(CONVENTION_KINDS),
  reference: z.string().nullable(),
  title: z.string().nullable(),
  signedOn: z.string().nullable(),
  durationMonths: z.number().nullable(),
  /** Given, or computed from signature + duration. */
  endDate: z.string().nullable(),
  renewalTerms: z.string().nullable(),
  elements: z.array(z.enum(CONVENTION_ELEMENTS)),
  midtermEvaluationDue: z.string().nullable(),
  finalEvaluationDue: z.string().nullable(),
  status: z.enum(CONVENTION_STATUSES),
  revokedOn: z.string().nullable(),
  revocationReason: z.string().nullable(),
  notes: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
});
export type Convention = z.infer<typeof ConventionSchema>;

export const PartnerProfileSchema = z.object({
  organisation: RefSchema,
  interventions: z.number().int(),
  sectors: z.array(z.object({ sector: z.enum(SECTORS), interventions: z.number().int() })),
  zones: z.array(z.object({ territory: RefSchema, interventions: z.number().int() })),
  lastReportedOn: z.string().nullable(),
  conventions: z.array(ConventionSchema),
});

export const AlertsSchema = z.object({
  /** In force and ending within 90 days (or ended and not marked expired). */
  endingConventions: z.array(z.object({ convention: ConventionSchema, daysLeft: z.number().int() })),
  evaluationsDue: z.array(
    z.object({
      convention: ConventionSchema,
      which: z.enum(['midterm', 'final']),
      due: z.string(),
      daysLeft: z.number().int(),
    }),
  ),
  /** Partners with interventions that have not reported for one or two quarters or more. */
  silentPartners: z.array(
    z.object({
      organisation: RefSchema,
      lastReportedOn: z.string().nullable(),
      quartersSilent: z.number().int(),
    }),
  ),
});

// ── Coverage ───────────────────────────────────────────────────────────────

export const CoverageMatrixSchema = z.object({
  level: z.union([z.literal(1), z.literal(2)]),
  sectors: z.array(z.enum(SECTORS)),
  territories: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      pcode: z.string().nullable(),
      parent: z.string().nullable(),
    }),
  ),
  cells: z.array(
    z.object({
      territoryId: z.string(),
      sector: z.enum(SECTORS),
      actors: z.number().int(),
      activities: z.number().int(),
    }),
  ),
  /** Interventions with no place or no sector, counted apart. */
  unplaced: z.number().int(),
});

export const OverlapSchema = z.object({
  territory: RefSchema,
  sector: z.enum(SECTORS),
  targetGroup: z.string().nullable(),
  organisations: z.array(RefSchema),
  interventions: z.number().int(),
  /** The common period, when dates are known. */
  from: z.string().nullable(),
  to: z.string().nullable(),
});

export const GapSchema = z.object({
  territory: RefSchema,
  parent: z.string().nullable(),
  /** Sectors present elsewhere in the country with no actor here. */
  missingSectors: z.array(z.enum(SECTORS)),
});

export const FreshnessSchema = z.object({
  organisation: RefSchema,
  interventions: z.number().int(),
  lastReportedOn: z.string().nullable(),
  quartersSilent: z.number().int(),
});

export const BoundaryFeatureSchema = z.object({
  pcode: z.string(),
  name: z.string(),
  /** GeoJSON geometry (Polygon or MultiPolygon), in longitude/latitude. */
  geometry: z.object({ type: z.enum(['Polygon', 'MultiPolygon']), coordinates: z.array(z.unknown()) }),
});

export const partnersContract = {
  'imports.stageUpload': mutation(
    z.object({
      fileName: z.string().trim().min(1).max(255),
      /** Base64 bytes. */
      data: z
        .string()
        .max(Math.ceil((MAX_UPLOAD_BYTES * 4) / 3) + 8, { message: 'errors.field.fileTooLarge' }),
      source: z.enum(IMPORT_SOURCES),
    }),
    StagedFileSchema,
    { announces: false },
  ),
  /** A file listed by imports.removableFiles: copied to local staging before anything reads it. */
  'imports.stagePath': mutation(z.object({ path: z.string().min(1).max(1000) }), StagedFileSchema, {
    announces: false,
  }),
  'imports.stageAttachment': mutation(
    z.object({ stagedId: z.string().min(1).max(100), index: z.number().int().min(0).max(1000) }),
    StagedFileSchema,
    { announces: false },
  ),
  /** Recent spreadsheets and emails found on removable drives (USB sticks), newest first. */
  'imports.removableFiles': query(z.object({}), z.array(RemovableFileSchema)),
  'imports.analyse': query(LayoutInputSchema, AnalysisSchema),
  'imports.preview': query(PreviewInputSchema, PreviewSchema),
  /** One transaction; progress on imports:progress {jobId, phase, done, total}; cancellable before it writes. */
  'imports.commit': mutation(PreviewInputSchema, BatchSchema),
  'imports.cancel': mutation(z.object({ jobId: Id }), Ok, { announces: false }),
  'imports.history': query(
    z.object({ limit: z.number().int().min(1).max(500).default(100) }),
    z.array(BatchSchema),
  ),
  /** Deletes what the batch created and restores what it updated, in one transaction. */
  'imports.undo': mutation(z.object({ batchId: Id }), BatchSchema),
  'imports.followUpPreview': query(z.object({ stagedId: z.string().min(1).max(100) }), FollowUpPreviewSchema),
  'imports.followUpCommit': mutation(FollowUpCommitSchema, BatchSchema),

  'synonyms.list': query(
    z.object({ kind: z.enum(SYNONYM_KINDS) }),
    z.array(z.object({ term: z.string(), value: z.string(), builtIn: z.boolean() })),
  ),
  'synonyms.save': mutation(
    z.object({
      kind: z.enum(SYNONYM_KINDS),
      term: z.string().trim().min(1).max(200),
      value: z.string().min(1).max(100),
    }),
    Ok,
  ),
  'synonyms.remove': mutation(
    z.object({ kind: z.enum(SYNONYM_KINDS), term: z.string().min(1).max(200) }),
    Ok,
  ),

  'interventions.list': query(
    CoverageFilterSchema.extend({
      organisationId: Id.optional(),
      territoryId: Id.optional(),
      batchId: Id.optional(),
      limit: z.number().int().min(1).max(1000).default(200),
      offset: z.number().int().min(0).default(0),
    }),
    z.object({ total: z.number().int(), rows: z.array(InterventionSchema) }),
  ),
  'partners.profile': query(z.object({ organisationId: Id }), PartnerProfileSchema),
  'partners.alerts': query(z.object({}), AlertsSchema),

  'conventions.list': query(
    z.object({ organisationId: Id.optional(), trashed: z.boolean().default(false) }),
    z.array(ConventionSchema),
  ),
  'conventions.create': mutation(ConventionInputSchema, ConventionSchema),
  'conventions.update': mutation(ConventionInputSchema.extend({ id: Id }), ConventionSchema),
  'conventions.trash': mutation(z.object({ id: Id }), ConventionSchema),
  'conventions.restore': mutation(z.object({ id: Id }), ConventionSchema),

  'coverage.matrix': query(
    CoverageFilterSchema.extend({ level: z.union([z.literal(1), z.literal(2)]) }),
    CoverageMatrixSchema,
  ),
  'coverage.overlaps': query(
    CoverageFilterSchema.extend({ level: z.union([z.literal(1), z.literal(2)]) }),
    z.array(OverlapSchema),
  ),
  'coverage.gaps': query(
    CoverageFilterSchema.extend({ level: z.union([z.literal(1), z.literal(2)]) }),
    z.array(GapSchema),
  ),
  'coverage.freshness': query(z.object({}), z.array(FreshnessSchema)),
  /** Simplified boundaries shipped in resources/, keyed by P-code: no online tiles. */
  'coverage.boundaries': query(
    z.object({ countryCode: z.enum(COUNTRIES), level: z.union([z.literal(1), z.literal(2)]) }),
    z.array(BoundaryFeatureSchema),
  ),
};
