// Updates with electron-updater (generic provider, URL in electron-builder.yml's `publish`).
// The policy: the first check a few minutes after the window is shown (never while Concerto
// starts), then every six hours, and only when the computer is online; a check that fails or
// is skipped is silent (console only). An update downloads in the background and is installed
// at the next quit, after the backend has closed the database (index.ts, quit.ts): never by
// electron-updater's own quit handler, which would not wait for the database.
// No Electron import: the updater, the network test and the timers are handed in (tests use fakes).

/** After the window is shown: start-up (opening the database, the first screen) comes first. */
export const FIRST_CHECK_DELAY_MS = 3 * 60_000;
export const CHECK_INTERVAL_MS = 6 * 60 * 60_000;

/** What Concerto uses of electron-updater's autoUpdater. */
export interface Updater {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface UpdatesDeps {
  /** Loads and returns the updater; called at the first check only (keeps it out of start-up). */
  loadUpdater(): Promise<Updater>;
  /** net.isOnline() */
  isOnline(): boolean;
  timers: Timers;
  log(message: string, detail?: unknown): void;
}

export interface Updates {
  /** Called when the window is shown; later calls do nothing. */
  start(): void;
  stop(): void;
  /** The version downloaded and waiting for the next quit, if any. */
  readonly ready: string | null;
  /**
   * At quit, once the database is closed: hands over to the installer when an update is ready
   * (electron-updater then quits the app). False when there is nothing to install or it failed.
   */
  installNow(): boolean;
}

export function createUpdates(deps: UpdatesDeps): Updates {
  let started = false;
  let stopped = false;
  let timer: unknown = null;
  let updater: Updater | null = null;
  let ready: string | null = null;

  const load = async (): Promise<Updater> => {
    if (updater) return updater;
    const loaded = await deps.loadUpdater();
    loaded.autoDownload = true;
    loaded.autoInstallOnAppQuit = false;
    // Without an 'error' listener an EventEmitter throws; failures are only worth a log line.
    loaded.on('error', (error) => deps.log('Mise à jour : échec (ignoré)', error?.message ?? error));
    loaded.on('update-downloaded', (info) => {
      ready = info?.version ?? 'inconnue';
      deps.log(`Mise à jour ${ready} téléchargée : installée à la prochaine fermeture`);
    });
    updater = loaded;
    return loaded;
  };

  const schedule = (ms: number): void => {
    if (stopped) return;
    timer = deps.timers.setTimeout(() => void check(), ms);
  };

  const check = async (): Promise<void> => {
    timer = null;
    if (stopped) return;
    // An update already waits for the next quit: nothing more to fetch until then.
    if (ready) return;
    try {
      if (!deps.isOnline()) {
        deps.log('Mise à jour : hors ligne, vérification reportée');
      } else {
        await (await load()).checkForUpdates();
      }
    } catch (error) {
      deps.log('Mise à jour : échec (ignoré)', error instanceof Error ? error.message : error);
    }
    schedule(CHECK_INTERVAL_MS);
  };

  return {
    start() {
      if (started || stopped) return;
      started = true;
      schedule(FIRST_CHECK_DELAY_MS);
    },
    stop() {
      stopped = true;
      if (timer !== null) deps.timers.clearTimeout(timer);
      timer = null;
    },
    get ready() {
      return ready;
    },
    installNow() {
      if (!ready || !updater) return false;
      try {
        // Silent, as electron-updater's own install-on-quit would be; Concerto is not relaunched
        // since the user asked to quit.
        updater.quitAndInstall(true, false);
        return true;
      } catch (error) {
        deps.log('Mise à jour : installation impossible', error instanceof Error ? error.message : error);
        return false;
      }
    },
  };
}
