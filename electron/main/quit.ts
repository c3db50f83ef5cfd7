// What happens when Concerto quits (menu, last window closed, an update's installer): the first
// `before-quit` is held back while the backend closes the database (WAL checkpointed, file
// closed); then the update waiting, if any, is installed, else the app quits for real. No
// Electron import: tested with fakes in tests/unit/electron-quit.test.ts.

export interface QuitSequenceDeps {
  /** Resolves once the database is closed (or the backend is gone): BackendProcess.shutdown. */
  shutdownBackend(): Promise<unknown>;
  /** Hands over to the update installer, which quits the app itself; false when there is none. */
  installUpdate(): boolean;
  /** app.quit() */
  quit(): void;
  log(message: string, detail?: unknown): void;
}

export type QuitPhase = 'running' | 'closing' | 'closed';

export interface QuitSequence {
  /** The `before-quit` listener. */
  onBeforeQuit(event: { preventDefault(): void }): void;
  readonly phase: QuitPhase;
}

export function createQuitSequence(deps: QuitSequenceDeps): QuitSequence {
  let phase: QuitPhase = 'running';

  const close = async (): Promise<void> => {
    try {
      await deps.shutdownBackend();
    } catch (error) {
      deps.log('Fermeture du service de données incomplète', error);
    }
    // From here every before-quit goes through: the second app.quit() (or the installer's)
    // really quits, and nothing can loop back into another shutdown.
    phase = 'closed';
    if (deps.installUpdate()) return;
    deps.quit();
  };

  return {
    onBeforeQuit(event) {
      if (phase === 'closed') return;
      event.preventDefault();
      if (phase === 'closing') return;
      phase = 'closing';
      void close();
    },
    get phase() {
      return phase;
    },
  };
}
