import { useCallback, useEffect, useRef } from 'react';

export interface AutosaveOptions {
  /** Sends the draft as it is now; resolves true when it was saved. */
  saveNow(explicit: boolean): Promise<boolean>;
  /** The draft has changes the autosave should send. */
  dirty: boolean;
  /** Changes on every edit: each one restarts the wait. */
  trigger: unknown;
  enabled: boolean;
  delayMs: number;
  /** Whether anything typed is not yet saved (checked when the user leaves). */
  hasUnsaved(): boolean;
}

/**
 * The autosave every editor of a draft shares: saves are chained (each one sends the draft as it
 * is when its turn comes), a debounced save follows each change, and leaving the page, the
 * window or the screen saves what is pending — nothing typed is lost.
 */
export function useAutosave({ saveNow, dirty, trigger, enabled, delayMs, hasUnsaved }: AutosaveOptions) {
  const queueRef = useRef<Promise<unknown>>(Promise.resolve());

  const save = useCallback(
    (explicit: boolean): Promise<boolean> => {
      const next = queueRef.current.then(() => saveNow(explicit));
      queueRef.current = next.catch(() => false);
      return next;
    },
    [saveNow],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: trigger restarts the wait on every edit
  useEffect(() => {
    if (!dirty || !enabled) return;
    const timer = setTimeout(() => void save(false), delayMs);
    return () => clearTimeout(timer);
  }, [trigger, dirty, enabled, save, delayMs]);

  const saveRef = useRef(save);
  saveRef.current = save;
  const unsavedRef = useRef(hasUnsaved);
  unsavedRef.current = hasUnsaved;
  useEffect(() => {
    const flush = () => {
      if (unsavedRef.current()) void saveRef.current(false);
    };
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
      flush();
    };
  }, []);

  /** Resolves once every save asked for so far has finished. */
  const settled = useCallback(() => queueRef.current, []);
  return { save, settled };
}
