import { z } from 'zod';
import { BODY_DOCUMENT_KINDS, DocumentModelSchema, MEETING_DOCUMENT_KINDS } from '../documents/model';
import { ORGANISATION_KINDS } from '../domain/vocabularies';
import { Id, Ok } from './common';
import { mutation, query } from './define';
import { CoverageFilterSchema, PreviewInputSchema } from './partners';
import { RegisterFilterSchema } from './recommendations';

// Documents and sharing: previews of the documents Concerto writes, their files (DOCX, PDF,
// XLSX, a zip of a session's documents), the email drafts that carry them, and the export log.

// ── What can be produced ───────────────────────────────────────────────────

/** Blank rows under the invitees on the printed sign-in sheet, for walk-ins. */
export const DEFAULT_BLANK_ROWS = 10;

export const DocumentRequestSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.enum(MEETING_DOCUMENT_KINDS),
    meetingId: Id,
    blankRows: z.number().int().min(0).max(100).optional(),
  }),
  z.object({ kind: z.literal(BODY_DOCUMENT_KINDS[0]), bodyId: Id }),
  z.object({
    kind: z.literal(BODY_DOCUMENT_KINDS[1]),
    bodyId: Id,
    year: z.number({ message: 'errors.field.invalidNumber' }).int().min(1960).max(2100),
  }),
]);
export type DocumentRequest = z.infer<typeof DocumentRequestSchema>;

export const DOCUMENT_FORMATS = ['docx', 'pdf'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export const FOLLOW_UP_LAYOUTS = ['single', 'perOrganisation'] as const;

export const SpreadsheetRequestSchema = z.discriminatedUnion('kind', [
  /**
   * Tableau de suivi: the open recommendations of a body (or of every body when bodyId is null),
   * on one sheet or one sheet per responsible organisation.
   */
  z.object({
    kind: z.literal('followUpMatrix'),
    bodyId: Id.nullable(),
    layout: z.enum(FOLLOW_UP_LAYOUTS),
  }),
  /** The register as filtered on screen. */
  z.object({ kind: z.literal('recommendationsRegister'), filter: RegisterFilterSchema }),
  z.object({
    kind: z.literal('organisationsDirectory'),
    text: z.string().max(200).optional(),
    organisationKind: z.enum(ORGANISATION_KINDS).optional(),
  }),
  z.object({
    kind: z.literal('peopleDirectory'),
    text: z.string().max(200).optional(),
    organisationId: Id.optional(),
  }),
  // Every coverage view exports as shown (partner matrices).
  z.object({
    kind: z.literal('coverageMatrix'),
    filter: CoverageFilterSchema,
    level: z.union([z.literal(1), z.literal(2)]),
  }),
  z.object({
    kind: z.literal('overlaps'),
    filter: CoverageFilterSchema,
    level: z.union([z.literal(1), z.literal(2)]),
  }),
  z.object({
    kind: z.literal('gaps'),
    filter: CoverageFilterSchema,
    level: z.union([z.literal(1), z.literal(2)]),
  }),
  z.object({ kind: z.literal('freshness') }),
  z.object({ kind: z.literal('interventions'), filter: CoverageFilterSchema, organisationId: Id.optional() }),
  /** The rows an import would reject, with their reasons, for the partner to fix. */
  z.object({ kind: z.literal('importRejected'), preview: PreviewInputSchema.omit({ jobId: true }) }),
]);
export type SpreadsheetRequest = z.infer<typeof SpreadsheetRequestSchema>;
export type SpreadsheetKind = SpreadsheetRequest['kind'];

/** One file to produce: a document in a format, or a spreadsheet (always xlsx). */
export const ExportItemSchema = z.union([
  z.object({ document: DocumentRequestSchema, format: z.enum(DOCUMENT_FORMATS) }),
  z.object({ spreadsheet: SpreadsheetRequestSchema }),
]);
export type ExportItem = z.infer<typeof ExportItemSchema>;

// ── Where files go ─────────────────────────────────────────────────────────

export const DestinationSchema = z.discriminatedUnion('kind', [
  /** Concerto's own exports folder, from which files are opened or downloaded. */
  z.object({ kind: z.literal('exports') }),
  /** A folder the user chose (a USB stick): written safely (temporary file, flush, rename). */
  z.object({
    kind: z.literal('folder'),
    path: z
      .string()
      .trim()
      .min(1, { message: 'errors.field.required' })
      .max(1000, { message: 'errors.field.tooLong' }),
  }),
]);
export type Destination = z.infer<typeof DestinationSchema>;

export const ExportedFileSchema = z.object({
  /** Export log id: what the hosts open or download. */
  id: Id,
  fileName: z.string(),
  bytes: z.number().int(),
  format: z.enum(['docx', 'pdf', 'xlsx', 'zip', 'eml', 'concerto']),
});
export type ExportedFile = z.infer<typeof ExportedFileSchema>;

export const ExportResultSchema = z.object({
  files: z.array(ExportedFileSchema),
  /** Where the files were written, as the user would read it. */
  folder: z.string(),
  /** Written to a removable folder and flushed: the stick can be taken out. */
  safeToRemove: z.boolean(),
  /**
   * Characters the PDF font cannot draw (emoji…), left out of the PDF only; the DOCX keeps them.
   * Said to the user rather than silently dropped.
   */
  pdfMissingCharacters: z.array(z.string()),
});
export type ExportResult = z.infer<typeof ExportResultSchema>;

export const DriveSchema = z.object({
  path: z.string(),
  label: z.string(),
  removable: z.boolean(),
  /** Free bytes, when the system says. */
  free: z.number().nullable(),
});

// ── Email ──────────────────────────────────────────────────────────────────

export const EmailContextSchema = z.discriminatedUnion('kind', [
  /** The meeting's invitees. */
  z.object({ kind: z.literal('meeting'), meetingId: Id }),
  /** The body's current members. */
  z.object({ kind: z.literal('body'), bodyId: Id }),
  /** The contacts of the organisations responsible for open recommendations (follow-up). */
  z.object({ kind: z.literal('followUp'), bodyId: Id.nullable() }),
]);
export type EmailContext = z.infer<typeof EmailContextSchema>;

export const RecipientSchema = z.object({
  name: z.string(),
  email: z.string(),
  organisation: z.string().nullable(),
});
export type Recipient = z.infer<typeof RecipientSchema>;

export const EmailProposalSchema = z.object({
  recipients: z.array(RecipientSchema),
  /** Invitees or contacts with no email address: named so the secretary can complete them. */
  missing: z.array(z.string()),
  subject: z.string(),
  body: z.string(),
});

const EmailAddress = z
  .string()
  .trim()
  .max(200, { message: 'errors.field.tooLong' })
  .refine((v) => /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/.test(v), {
    message: 'errors.field.invalidEmail',
  });

export const EmailDraftInputSchema = z.object({
  context: EmailContextSchema,
  recipients: z
    .array(z.object({ name: z.string().trim().max(200), email: EmailAddress }))
    .min(1, { message: 'errors.field.noRecipient' })
    .max(500),
  subject: z
    .string()
    .trim()
    .min(1, { message: 'errors.field.required' })
    .max(300, { message: 'errors.field.tooLong' }),
  body: z.string().max(20000, { message: 'errors.field.tooLong' }),
  items: z.array(ExportItemSchema).max(20),
});

// ── Export log ─────────────────────────────────────────────────────────────

export const EXPORT_LOG_KINDS = ['document', 'spreadsheet', 'bundle', 'email', 'archive'] as const;

export const ExportLogEntrySchema = z.object({
  id: Id,
  at: z.string(),
  kind: z.enum(EXPORT_LOG_KINDS),
  /** "Aide-mémoire — GTGPS, 14 mars 2025" */
  label: z.string(),
  fileName: z.string(),
  format: z.enum(['docx', 'pdf', 'xlsx', 'zip', 'eml', 'concerto']),
  bytes: z.number().int(),
  /** Where it went: Concerto's exports folder or the chosen folder. */
  folder: z.string(),
  /** For whom: recipients of an email, or the organisations of a follow-up matrix. */
  recipients: z.array(z.string()),
  actor: z.string(),
  /** The file is still where it was written (so it can be opened again). */
  available: z.boolean(),
});
export type ExportLogEntry = z.infer<typeof ExportLogEntrySchema>;

// ── Settings of documents ──────────────────────────────────────────────────

export const LogoSchema = z.object({
  mime: z.enum(['image/png', 'image/jpeg']),
  /** Base64 bytes. */
  data: z.string(),
  width: z.number().int(),
  height: z.number().int(),
});

/** Largest logo accepted: a heading logo is a few dozen kilobytes; this leaves room for scans. */
export const MAX_LOGO_BYTES = 2 * 1024 * 1024;

export const documentsContract = {
  /** The model of one document, for the preview. */
  'documents.preview': query(DocumentRequestSchema, DocumentModelSchema),
  /** Writes files; `jobId` lets the screen follow progress (exports:progress) and cancel. */
  'exports.save': mutation(
    z.object({
      items: z.array(ExportItemSchema).min(1).max(40),
      destination: DestinationSchema,
      jobId: Id.optional(),
    }),
    ExportResultSchema,
  ),
  /** Every document of a meeting, in the chosen formats, in one zip. */
  'exports.bundle': mutation(
    z.object({
      meetingId: Id,
      formats: z.array(z.enum(DOCUMENT_FORMATS)).min(1).max(2),
      destination: DestinationSchema,
      jobId: Id.optional(),
    }),
    ExportResultSchema,
  ),
  'exports.cancel': mutation(z.object({ jobId: Id }), Ok, { announces: false }),
  'exports.emailProposal': query(EmailContextSchema, EmailProposalSchema),
  /** Builds the .eml draft (X-Unsent: 1) with the files attached, in the exports folder. */
  'exports.emailDraft': mutation(EmailDraftInputSchema, ExportResultSchema),
  /** Folders offered for "Enregistrer sur une clé": removable drives first. */
  'exports.destinations': query(z.object({}), z.array(DriveSchema)),
  'exports.log': query(
    z.object({ limit: z.number().int().min(1).max(500).default(100) }),
    z.array(ExportLogEntrySchema),
  ),
  /**
   * Where a file Concerto wrote lives, for the host to open (Electron) or serve (web host).
   * Only files of the export log, still inside the exports folder, are answered.
   */
  'exports.file': query(
    z.object({ id: Id }),
    z.object({ path: z.string(), fileName: z.string(), mime: z.string() }),
  ),
  'settings.logo': query(z.object({}), LogoSchema.nullable()),
  'settings.setLogo': mutation(
    z.object({
      data: z.string().max(Math.ceil((MAX_LOGO_BYTES * 4) / 3) + 8, { message: 'errors.field.logoTooLarge' }),
    }),
    LogoSchema,
  ),
  'settings.clearLogo': mutation(z.object({}), Ok),
};
