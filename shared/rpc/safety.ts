import { z } from 'zod';
import { Ok } from './common';
import { mutation, query } from './define';
import { DestinationSchema, ExportResultSchema } from './documents';

// Data safety: automatic and manual backups with restore (and undo of a restore), archives to
// move Concerto to another computer, and the start-up check with its safe mode.

/** Why a backup was taken; the file name and the list say it in words. */
export const BACKUP_REASONS = [
  /** First start of the day. */
  'daily',
  /** Every few hours while Concerto is open. */
  'periodic',
  /** "Sauvegarder maintenant". */
  'manual',
  'before-migration',
  'before-import',
  'before-undo',
  /** The database as it was just before a restore: restoring it undoes the restore. */
  'before-restore',
] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export const ContentSummarySchema = z.object({
  bodies: z.number().int(),
  meetings: z.number().int(),
  recommendations: z.number().int(),
});
export type ContentSummary = z.infer<typeof ContentSummarySchema>;

export const BackupSchema = z.object({
  /** The file name inside the backups folder: the only handle the renderer gets. */
  id: z.string(),
  reason: z.enum(BACKUP_REASONS),
  /** ISO-8601 UTC. */
  createdAt: z.string(),
  sizeBytes: z.number().int(),
  /** PRAGMA user_version of the copy. */
  schemaVersion: z.number().int(),
  appVersion: z.string(),
  summary: ContentSummarySchema,
});
export type Backup = z.infer<typeof BackupSchema>;

export const BackupListSchema = z.object({
  backups: z.array(BackupSchema),
  /** Where they are, as the user would read it. */
  folder: z.string(),
  /** Free bytes on the disk of the backups folder, null when unknown. */
  freeBytes: z.number().nullable(),
});

const BackupId = z
  .string()
  .trim()
  .min(1, { message: 'errors.field.required' })
  .max(200, { message: 'errors.field.tooLong' });

export const RestoreResultSchema = z.object({
  restored: BackupSchema,
  /**
   * The copy of the database taken just before: restoring it undoes this restore. Null in safe
   * mode, where the damaged (or newer) file is kept aside under another name instead.
   */
  beforeRestore: BackupSchema.nullable(),
});

// ── Archives (.concerto) ───────────────────────────────────────────────────

/** An archive protected by a password: long enough to resist guessing on a lost USB stick. */
export const MIN_ARCHIVE_PASSWORD = 8;
/** Largest archive accepted by upload (the web host); paths on disk or sticks have no such cap. */
export const MAX_ARCHIVE_UPLOAD_BYTES = 200 * 1024 * 1024;

const Password = z
  .string()
  .min(MIN_ARCHIVE_PASSWORD, { message: 'errors.field.passwordTooShort' })
  .max(200, { message: 'errors.field.tooLong' });

export const ArchiveManifestSchema = z.object({
  createdAt: z.string(),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  summary: ContentSummarySchema,
  /** Files besides the database (received files of imports, documents written). */
  files: z.number().int(),
  sizeBytes: z.number().int(),
  encrypted: z.boolean(),
});
export type ArchiveManifest = z.infer<typeof ArchiveManifestSchema>;

export const ArchiveSourceSchema = z.discriminatedUnion('kind', [
  /** A file on disk or on a stick (listed by archives.removableFiles or chosen in a dialog). */
  z.object({ kind: z.literal('path'), path: z.string().trim().min(1).max(1000) }),
  /** Bytes sent by the page (the web host has no file paths). */
  z.object({
    kind: z.literal('upload'),
    fileName: z.string().trim().min(1).max(255),
    /** Base64 bytes. */
    data: z
      .string()
      .max(Math.ceil((MAX_ARCHIVE_UPLOAD_BYTES * 4) / 3) + 8, { message: 'errors.field.fileTooLarge' }),
  }),
]);

export const OpenedArchiveSchema = z.object({
  /** Handle of the archive copied to local staging, for archives.restore. */
  archiveId: z.string(),
  fileName: z.string(),
  /** Null until the password is given, for an encrypted archive. */
  manifest: ArchiveManifestSchema.nullable(),
  encrypted: z.boolean(),
});

export const ArchiveFileSchema = z.object({
  path: z.string(),
  fileName: z.string(),
  sizeBytes: z.number().int(),
  modifiedAt: z.string(),
  drive: z.string(),
});

// ── Start-up check and safe mode ───────────────────────────────────────────

export const SAFETY_PROBLEMS = [
  /** quick_check found damage, or SQLite cannot read the file. */
  'damaged',
  /** The database lies on a network share or a removable drive. */
  'location',
  /** Written by a newer Concerto: refused, never modified. */
  'too-new',
] as const;
export type SafetyProblem = (typeof SAFETY_PROBLEMS)[number];

export const SafetyStatusSchema = z.object({
  /** 'safe': only the safety, backup and archive screens work; the database is not touched. */
  mode: z.enum(['normal', 'safe']),
  problem: z
    .object({
      kind: z.enum(SAFETY_PROBLEMS),
      /** French sentence saying what is wrong, for the safe-mode screen. */
      message: z.string(),
      /** For 'location': 'network' or 'removable'. */
      location: z.enum(['network', 'removable']).optional(),
    })
    .nullable(),
  /** The start-up check: 'pending' while it runs in the background on a large database. */
  check: z.object({
    state: z.enum(['pending', 'ok', 'damaged']),
    at: z.string().nullable(),
    durationMs: z.number().nullable(),
  }),
  databasePath: z.string(),
  /** The newest backup that passed its check, offered by the safe-mode screen. */
  latestGoodBackup: BackupSchema.nullable(),
  /** Where "Déplacer sur cet ordinateur" would put the data, for a 'location' problem. */
  localDataDir: z.string().nullable(),
});
export type SafetyStatus = z.infer<typeof SafetyStatusSchema>;

/** Topic pushed when the safety status changes (e.g. the background check found damage). */
export const SAFETY_CHANGED = 'safety:changed';
/** Topic of backup, restore and archive progress: { jobId, done, total }. */
export const SAFETY_PROGRESS = 'safety:progress';

export const safetyContract = {
  'backups.list': query(z.object({}), BackupListSchema),
  /** "Sauvegarder maintenant": verified before it is kept. */
  'backups.create': mutation(z.object({ jobId: z.string().max(100).optional() }), BackupSchema, {
    announces: false,
  }),
  /** Replaces the database by a backup; the current one is first kept as 'before-restore'. */
  'backups.restore': mutation(z.object({ id: BackupId }), RestoreResultSchema),

  /** Writes one .concerto file: database snapshot, files, manifest with checksums. */
  'archives.export': mutation(
    z.object({
      password: Password.optional(),
      destination: DestinationSchema,
      jobId: z.string().max(100).optional(),
    }),
    ExportResultSchema,
    { announces: false },
  ),
  /** .concerto files found on removable drives, newest first. */
  'archives.removableFiles': query(z.object({}), z.array(ArchiveFileSchema)),
  /** Copies the archive to staging and reads its manifest (with the password if encrypted). */
  'archives.open': mutation(
    z.object({ source: ArchiveSourceSchema, password: Password.optional() }),
    OpenedArchiveSchema,
    { announces: false },
  ),
  /** Verifies every checksum, then replaces the data; the current database is kept as 'before-restore'. */
  'archives.restore': mutation(
    z.object({ archiveId: z.string().trim().min(1).max(200), password: Password.optional() }),
    z.object({ manifest: ArchiveManifestSchema, beforeRestore: BackupSchema.nullable() }),
  ),

  'safety.status': query(z.object({}), SafetyStatusSchema),
  /** For a 'location' problem: copies the data to this computer and continues from there. */
  'safety.moveToLocal': mutation(z.object({}), SafetyStatusSchema),
  /** Cancels a running backup or archive job (restores cannot be cancelled half-way). */
  'safety.cancel': mutation(z.object({ jobId: z.string().max(100) }), Ok, { announces: false }),
};

/**
 * What still answers in safe mode: everything here either reads nothing from the live database
 * or replaces it whole. Every other call is refused with SAFE_MODE.
 */
export const SAFE_MODE_METHODS: ReadonlySet<string> = new Set([
  'system.ping',
  'system.info',
  'system.credits',
  'safety.status',
  'safety.moveToLocal',
  'safety.cancel',
  'backups.list',
  'backups.restore',
  'archives.removableFiles',
  'archives.open',
  'archives.restore',
]);

/** Calls that replace the database: they run alone, after every other call has finished. */
export const EXCLUSIVE_METHODS: ReadonlySet<string> = new Set([
  'backups.restore',
  'archives.restore',
  'safety.moveToLocal',
]);
