// Electron main: lifecycle, the window, the app:// protocol, security handlers, the menu, the
// relay between the window and the backend utility process, updates and the clean shutdown.
// No SQL, no domain logic. Every ipcMain handler starts with the sender check `fromOwnPage`
// (tests/unit/electron-static.test.ts enforces it).
import { existsSync } from 'node:fs';
import {
  app,
  type BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  net,
  session,
  shell,
  utilityProcess,
} from 'electron';
import type { HostInfo } from '../../shared/bridge';
import type { Envelope } from '../../shared/rpc/envelope';
import { BackendProcess, internalError, SHUTDOWN_TIMEOUT_MS } from './backend-process';
import { chooseDataDir, localDataDirFor } from './data-dir';
import { exportsDirOf, openExport } from './exports';
import { buildApplicationMenu } from './menu';
import { BACKEND_PATH, RENDERER_DIR, resourcesDir } from './paths';
import { registerAppScheme, serveRenderer } from './protocol';
import { createQuitSequence } from './quit';
import { denyPermissions, fromOwnPage, hardenWebContents } from './security';
import { createUpdates, type Updater } from './updates';
import { createMainWindow } from './window';

/** Channels shared with electron/preload/index.ts. */
const INVOKE_CHANNEL = 'concerto:invoke';
const INFO_CHANNEL = 'concerto:info';
const INFO_SYNC_CHANNEL = 'concerto:info-sync';
const EVENT_CHANNEL = 'concerto:event';
const OPEN_EXPORT_CHANNEL = 'concerto:open-export';
const CHOOSE_FOLDER_CHANNEL = 'concerto:choose-folder';

const MAX_METHOD_LENGTH = 200;

const log = (message: string, detail?: unknown): void => {
  if (detail === undefined) console.info(`[concerto] ${message}`);
  else console.info(`[concerto] ${message}`, detail);
};

/**
 * electron-updater, imported only when the first check is due: start-up never pays for it.
 * It is CommonJS: from ESM its exports arrive on `default`.
 */
async function loadAutoUpdater(): Promise<Updater> {
  const { default: electronUpdater } = await import('electron-updater');
  const updater: Updater = electronUpdater.autoUpdater;
  return updater;
}

// Both must happen before `ready`.
registerAppScheme();
app.enableSandbox();

if (app.requestSingleInstanceLock()) {
  run();
} else {
  // Another Concerto already runs: it gets focused through its `second-instance` event.
  app.quit();
}

function run(): void {
  let window: BrowserWindow | null = null;
  let backend: BackendProcess | null = null;
  let dataDir = app.getPath('userData');
  // electron-updater only works in a package (it reads resources/app-update.yml).
  const updates = app.isPackaged
    ? createUpdates({
        loadUpdater: loadAutoUpdater,
        isOnline: () => net.isOnline(),
        timers: {
          setTimeout: (callback, ms) => setTimeout(callback, ms),
          clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
        },
        log,
      })
    : null;
  const quitSequence = createQuitSequence({
    shutdownBackend: async () => {
      updates?.stop();
      // The user asked to quit: the window goes at once, the database closes behind it.
      if (window && !window.isDestroyed()) window.hide();
      const outcome = await backend?.shutdown(SHUTDOWN_TIMEOUT_MS);
      if (outcome === 'killed') log('Le service de données ne s’est pas fermé à temps : arrêté');
    },
    installUpdate: () => updates?.installNow() ?? false,
    quit: () => app.quit(),
    log,
  });

  const hostInfo = (): HostInfo => ({
    host: 'electron',
    version: app.getVersion(),
    platform: process.platform,
  });

  const sendToWindow = (topic: string, payload: unknown): void => {
    if (window && !window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, topic, payload);
  };

  const focusWindow = (): void => {
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  };

  const openWindow = (): void => {
    window = createMainWindow(app.isPackaged);
    window.on('closed', () => {
      window = null;
    });
    // Update checks start minutes after the window is first shown, never during start-up.
    window.once('show', () => updates?.start());
  };

  app.on('second-instance', focusWindow);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && !window) openWindow();
  });
  app.on('before-quit', (event) => quitSequence.onBeforeQuit(event));
  // Last resort: after the shutdown above there is no backend left to stop.
  app.on('will-quit', () => backend?.stop());

  ipcMain.handle(
    INVOKE_CHANNEL,
    async (event, method: unknown, input: unknown): Promise<Envelope<unknown>> => {
      // Only our own page may reach the backend, never a frame that navigated elsewhere.
      if (!fromOwnPage(event)) return internalError('Appel refusé : origine inconnue.');
      if (typeof method !== 'string' || method.length === 0 || method.length > MAX_METHOD_LENGTH) {
        return { ok: false, error: { code: 'UNKNOWN_METHOD', message: 'Méthode inconnue.' } };
      }
      if (!backend) return internalError('Le service de données n’est pas démarré.');
      return backend.invoke(method, input);
    },
  );
  ipcMain.handle(OPEN_EXPORT_CHANNEL, async (event, id: unknown) => {
    if (!fromOwnPage(event)) return { ok: false, message: 'Appel refusé : origine inconnue.' };
    const running = backend;
    if (!running) return { ok: false, message: 'Le service de données n’est pas démarré.' };
    return openExport(id, {
      exportsDir: exportsDirOf(dataDir),
      openPath: (path) => shell.openPath(path),
      resolve: async (fileId) => {
        const envelope = await running.invoke('exports.file', { id: fileId });
        if (!envelope.ok) return { ok: false, message: envelope.error.message };
        const value = envelope.value as { path?: unknown };
        return typeof value.path === 'string'
          ? { ok: true, path: value.path }
          : { ok: false, message: 'Fichier inconnu.' };
      },
    });
  });
  ipcMain.handle(CHOOSE_FOLDER_CHANNEL, async (event) => {
    if (!fromOwnPage(event)) return null;
    if (!window) return null;
    const choice = await dialog.showOpenDialog(window, {
      title: 'Choisir le dossier de destination',
      properties: ['openDirectory', 'createDirectory'],
    });
    return choice.canceled ? null : (choice.filePaths[0] ?? null);
  });
  ipcMain.handle(INFO_CHANNEL, (event) => {
    if (!fromOwnPage(event)) return null;
    return hostInfo();
  });
  // The preload needs the info synchronously, to expose a plain `info` property.
  ipcMain.on(INFO_SYNC_CHANNEL, (event) => {
    if (!fromOwnPage(event)) {
      event.returnValue = null;
      return;
    }
    event.returnValue = hostInfo();
  });

  void app
    .whenReady()
    .then(() => {
      if (process.platform === 'win32') app.setAppUserModelId('org.concerto.app');
      denyPermissions(session.defaultSession);
      serveRenderer(RENDERER_DIR);
      Menu.setApplicationMenu(
        buildApplicationMenu({
          dev: !app.isPackaged,
          showAbout: () => {
            focusWindow();
            sendToWindow('app:navigate', '/about');
          },
        }),
      );
      const localDataDir = localDataDirFor(process.platform, process.env, app.getPath('home'));
      const choice = chooseDataDir({
        argv: process.argv,
        env: process.env,
        userDataDir: app.getPath('userData'),
        localDataDir,
        exists: existsSync,
        cwd: process.cwd(),
      });
      dataDir = choice.dataDir;
      if (choice.reason !== 'user-data') log(`Dossier des données (${choice.reason}) : ${dataDir}`);
      backend = new BackendProcess({
        modulePath: BACKEND_PATH,
        fork: (modulePath, args, options) => utilityProcess.fork(modulePath, args, options),
        init: {
          userDataDir: dataDir,
          appVersion: app.getVersion(),
          resourcesDir: resourcesDir(app.isPackaged),
          localDataDir,
        },
        onEvent: sendToWindow,
        onFatal: (message) => {
          dialog.showErrorBox('Concerto ne peut pas démarrer', message);
          app.quit();
        },
        onCrash: (code, restarting) => {
          if (restarting) {
            dialog.showErrorBox(
              'Concerto',
              `Le service de données s’est arrêté de manière inattendue (code ${code}). ` +
                'Il a été redémarré ; l’opération en cours a pu être interrompue.',
            );
          } else {
            dialog.showErrorBox(
              'Concerto',
              `Le service de données s’est de nouveau arrêté (code ${code}). Concerto va se fermer.`,
            );
            app.quit();
          }
        },
      });
      backend.start();
      openWindow();
    })
    .catch((error: unknown) => {
      dialog.showErrorBox('Concerto ne peut pas démarrer', String(error));
      app.quit();
    });
}
