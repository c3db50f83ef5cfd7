import type { BackupReason } from '../../../../shared/rpc/safety';

// Which backups to keep: the last 10, the newest of each of the last 7 days and of each of the
// last 12 months, and always the newest 'before-restore' copy (the undo of the last restore).
// Pure, so the policy is tested as a table; days and months are UTC calendar ones.

export interface RetainedCandidate {
  id: string;
  reason: BackupReason;
  /** ISO-8601 UTC. */
  createdAt: string;
}

export const KEEP_LATEST = 10;
export const KEEP_DAYS = 7;
export const KEEP_MONTHS = 12;

/** The ids to delete; `justMade` (the backup that triggered the pass) is never among them. */
export function backupsToDelete(
  backups: readonly RetainedCandidate[],
  now: Date,
  justMade?: string,
): string[] {
  const newestFirst = [...backups].sort((a, b) =>
    a.createdAt === b.createdAt ? b.id.localeCompare(a.id) : b.createdAt.localeCompare(a.createdAt),
  );
  const keep = new Set<string>(newestFirst.slice(0, KEEP_LATEST).map((b) => b.id));
  if (justMade) keep.add(justMade);

  const days = new Set(
    Array.from({ length: KEEP_DAYS }, (_, k) =>
      new Date(now.getTime() - k * 86_400_000).toISOString().slice(0, 10),
    ),
  );
  const months = new Set(
    Array.from({ length: KEEP_MONTHS }, (_, k) =>
      new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - k, 1)).toISOString().slice(0, 7),
    ),
  );
  const seenDays = new Set<string>();
  const seenMonths = new Set<string>();
  let restoreKept = false;
  for (const backup of newestFirst) {
    const day = backup.createdAt.slice(0, 10);
    const month = backup.createdAt.slice(0, 7);
    if (days.has(day) && !seenDays.has(day)) {
      seenDays.add(day);
      keep.add(backup.id);
    }
    if (months.has(month) && !seenMonths.has(month)) {
      seenMonths.add(month);
      keep.add(backup.id);
    }
    if (backup.reason === 'before-restore' && !restoreKept) {
      restoreKept = true;
      keep.add(backup.id);
    }
  }
  return newestFirst.filter((b) => !keep.has(b.id)).map((b) => b.id);
}
