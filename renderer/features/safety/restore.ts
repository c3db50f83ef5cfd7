import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import type { Backup } from '../../../shared/rpc/safety';
import { call } from '../../app/rpc';

// A restore replaces the whole database: every screen's cached answer is stale afterwards.
// The backend announces data:changed too, but a screen shown in safe mode has no shell
// listening for it, so the cache is cleared here as well.

/** What the page says after a restore, and the copy that undoes it. */
export interface RestoreOutcome {
  /** 'undone' once "Annuler la restauration" has put the earlier data back. */
  kind: 'restored' | 'undone';
  /** "Les données de la sauvegarde du … ont été restaurées." */
  message: string;
  /** Restoring it undoes the restore; null when there is nothing to go back to. */
  beforeRestore: Backup | null;
}

export function useRestore() {
  const client = useQueryClient();
  const refresh = useCallback(() => client.invalidateQueries(), [client]);

  const restoreBackup = useCallback(
    async (id: string) => {
      try {
        return await call('backups.restore', { id });
      } finally {
        // A failed restore leaves the old database whole; refreshing then costs little and
        // guarantees the screens never show answers from a database that is gone.
        void refresh();
      }
    },
    [refresh],
  );

  const restoreArchive = useCallback(
    async (archiveId: string, password?: string) => {
      try {
        return await call('archives.restore', password ? { archiveId, password } : { archiveId });
      } finally {
        void refresh();
      }
    },
    [refresh],
  );

  return { restoreBackup, restoreArchive };
}

// The notice after a restore outlives the page: the secretary goes to look at the restored
// data, and "Annuler la restauration" must still be there when she comes back.

let notice: RestoreOutcome | null = null;
const noticeListeners = new Set<() => void>();

/** Shows (or, with null, removes) the notice of the latest restore. */
export function setRestoreNotice(next: RestoreOutcome | null): void {
  notice = next;
  for (const listener of noticeListeners) listener();
}

/** The notice of the latest restore of this session, until it is closed. */
export function useRestoreNotice(): RestoreOutcome | null {
  return useSyncExternalStore(
    (listener) => {
      noticeListeners.add(listener);
      return () => noticeListeners.delete(listener);
    },
    () => notice,
    () => null,
  );
}
