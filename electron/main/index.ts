// Electron main: lifecycle, the window, the app:// protocol, security handlers, the menu, and
// the relay between the window and the backend utility process. No SQL, no domain logic.
import { app, type BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron';
import type { HostInfo } from '../../shared/bridge';
import type { Envelope } from '../../shared/rpc/envelope';
import { BackendProcess, internalError } from './backend-process';
import { exportsDirOf, openExport } from './exports';
import { buildApplicationMenu } from './menu';
import { BACKEND_PATH, RENDERER_DIR, resourcesDir } from './paths';
import { registerAppScheme, serveRenderer } from './protocol';
import { denyPermissions, hardenWebContents, isOwnUrl } from './security';
import { createMainWindow } from './window';

/** Channels shared with electron/preload/index.ts. */
const INVOKE_CHANNEL = 'concerto:invoke';
const INFO_CHANNEL = 'concerto:info';
const INFO_SYNC_CHANNEL = 'concerto:info-sync';
const EVENT_CHANNEL = 'concerto:event';
const OPEN_EXPORT_CHANNEL = 'concerto:open-export';
const CHOOSE_FOLDER_CHANNEL = 'concerto:choose-folder';

const MAX_METHOD_LENGTH = 200;

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
  };

  app.on('second-instance', focusWindow);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && !window) openWindow();
  });
  app.on('will-quit', () => backend?.stop());

  ipcMain.handle(
    INVOKE_CHANNEL,
    async (event, method: unknown, input: unknown): Promise<Envelope<unknown>> => {
      // Only our own page may reach the backend, never a frame that navigated elsewhere.
      if (!isOwnUrl(event.senderFrame?.url)) return internalError('Appel refusé : origine inconnue.');
      if (typeof method !== 'string' || method.length === 0 || method.length > MAX_METHOD_LENGTH) {
        return { ok: false, error: { code: 'UNKNOWN_METHOD', message: 'Méthode inconnue.' } };
      }
      if (!backend) return internalError('Le service de données n’est pas démarré.');
      return backend.invoke(method, input);
    },
  );
  ipcMain.handle(OPEN_EXPORT_CHANNEL, async (event, id: unknown) => {
    if (!isOwnUrl(event.senderFrame?.url)) return { ok: false, message: 'Appel refusé : origine inconnue.' };
    const running = backend;
    if (!running) return { ok: false, message: 'Le service de données n’est pas démarré.' };
    return openExport(id, {
      exportsDir: exportsDirOf(app.getPath('userData')),
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
    if (!isOwnUrl(event.senderFrame?.url) || !window) return null;
    const choice = await dialog.showOpenDialog(window, {
      title: 'Choisir le dossier de destination',
      properties: ['openDirectory', 'createDirectory'],
    });
    return choice.canceled ? null : (choice.filePaths[0] ?? null);
  });
  ipcMain.handle(INFO_CHANNEL, () => hostInfo());
  // The preload needs the info synchronously, to expose a plain `info` property.
  ipcMain.on(INFO_SYNC_CHANNEL, (event) => {
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
      backend = new BackendProcess({
        modulePath: BACKEND_PATH,
        init: {
          userDataDir: app.getPath('userData'),
          appVersion: app.getVersion(),
          resourcesDir: resourcesDir(app.isPackaged),
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
