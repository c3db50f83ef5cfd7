import { BACKUP_REASONS, type BackupReason } from '../../../../shared/rpc/safety';
import { fileStamp, parseFileStamp } from '../../db/backup';

// A backup's file name carries when and why it was taken, in words a user can read in the
// folder: 2026-11-23T10-15-00-123Z_quotidienne.sqlite. A copy being written carries the
// ".partiel" suffix until it is complete and verified: only final names are ever listed.

export const REASON_WORDS: Record<BackupReason, string> = {
  daily: 'quotidienne',
  periodic: 'periodique',
  manual: 'manuelle',
  'before-migration': 'avant-migration',
  'before-import': 'avant-import',
  'before-undo': 'avant-annulation',
  'before-restore': 'avant-restauration',
};

export const PARTIAL_SUFFIX = '.partiel';
const EXTENSION = '.sqlite';

export function backupFileName(reason: BackupReason, at: Date): string {
  return `${fileStamp(at)}_${REASON_WORDS[reason]}${EXTENSION}`;
}

/** The reason and time a final backup name says, or null for anything else (partial, foreign). */
export function parseBackupFileName(name: string): { reason: BackupReason; createdAt: Date } | null {
  const match = /^([0-9TZ-]+)_([a-z-]+)\.sqlite$/.exec(name);
  if (!match?.[1] || !match[2]) return null;
  const createdAt = parseFileStamp(match[1]);
  const reason = BACKUP_REASONS.find((r) => REASON_WORDS[r] === match[2]);
  return createdAt && reason ? { reason, createdAt } : null;
}
