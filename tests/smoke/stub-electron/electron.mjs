// Stand-in for the 'electron' module, loaded by driver.mjs in place of the real one (whose
// binary cannot be downloaded here). It records what main and preload do and is strict where
// Electron is strict: schemes must be registered before `ready`; protocol handlers, windows and
// utility processes only after it. The same instance serves main (ESM import) and preload
// (CommonJS require): the state lives on globalThis. electron-updater.mjs, mapped in place of
// 'electron-updater', hands out this stub's autoUpdater.
import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function createStub() {
  const state = {
    ready: false,
    /** Ordered record of what main did, for "before/after ready" assertions. */
    calls: [],
    privilegedSchemes: [],
    protocolHandlers: new Map(),
    windows: [],
    webContents: [],
    forks: [],
    dialogs: [],
    /** dialog.showMessageBox calls, and the button the next ones answer (1: "Annuler"). */
    messageBoxes: [],
    messageBoxResponse: 1,
    openedExternally: [],
    /** Paths handed to shell.openPath, and what the stub backend answers to exports.file. */
    openedPaths: [],
    exportFiles: new Map(),
    chosenFolder: null,
    applicationMenu: null,
    permissionRequestHandler: null,
    permissionCheckHandler: null,
    invokeHandlers: new Map(),
    exposed: new Map(),
    quitCalls: 0,
    /** Set when a quit was not prevented by any before-quit listener: the app would be gone. */
    exited: false,
    sandboxEnforced: false,
    devicePermissionHandler: null,
    /** What net.isOnline() answers. */
    online: true,
    /** Whether the next windows report being minimised (second-instance focus test). */
    minimized: false,
    /** URL of the page the stub preload pretends to run in. */
    pageUrl: 'app://concerto/',
  };
  const record = (name, detail = {}) => state.calls.push({ name, ready: state.ready, ...detail });

  let resolveReady;
  const readyPromise = new Promise((resolve) => {
    resolveReady = resolve;
  });

  /** An event whose preventDefault is remembered, as Electron's app events have. */
  const preventable = () => ({
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  });

  const app = new EventEmitter();
  Object.assign(app, {
    isPackaged: process.env.STUB_PACKAGED === '1',
    name: 'Concerto',
    requestSingleInstanceLock() {
      record('app.requestSingleInstanceLock');
      return process.env.STUB_SINGLE_INSTANCE_LOCK !== 'taken';
    },
    enableSandbox() {
      if (state.ready) throw new Error('app.enableSandbox() must be called before ready');
      state.sandboxEnforced = true;
      record('app.enableSandbox');
    },
    whenReady: () => readyPromise,
    isReady: () => state.ready,
    getVersion: () => '0.1.0-smoke',
    getName: () => 'Concerto',
    getPath(name) {
      if (name === 'userData')
        return process.env.STUB_USER_DATA ?? join(tmpdir(), 'concerto-smoke-user-data');
      if (name === 'home') return process.env.STUB_HOME ?? join(tmpdir(), 'concerto-smoke-home');
      throw new Error(`unexpected app.getPath(${name})`);
    },
    setAppUserModelId() {},
    /** As Electron: before-quit (preventable), then will-quit (preventable), then gone. */
    quit() {
      state.quitCalls++;
      record('app.quit');
      const beforeQuit = preventable();
      app.emit('before-quit', beforeQuit);
      if (beforeQuit.defaultPrevented) {
        record('before-quit prevented');
        return;
      }
      const willQuit = preventable();
      app.emit('will-quit', willQuit);
      if (willQuit.defaultPrevented) return;
      state.exited = true;
      record('app exited');
    },
    exit(code) {
      record('app.exit', { code });
    },
  });

  const protocol = {
    registerSchemesAsPrivileged(schemes) {
      if (state.ready) throw new Error('registerSchemesAsPrivileged must be called before ready');
      state.privilegedSchemes.push(...schemes);
      record('protocol.registerSchemesAsPrivileged', { schemes });
    },
    handle(scheme, handler) {
      if (!state.ready) throw new Error('protocol.handle must be called after ready');
      state.protocolHandlers.set(scheme, handler);
      record('protocol.handle', { scheme });
    },
  };

  class WebContents extends EventEmitter {
    constructor() {
      super();
      this.url = '';
      this.windowOpenHandler = null;
      this.sent = [];
      state.webContents.push(this);
    }
    setWindowOpenHandler(handler) {
      this.windowOpenHandler = handler;
    }
    getURL() {
      return this.url;
    }
    isDestroyed() {
      return false;
    }
    send(channel, ...args) {
      this.sent.push({ channel, args });
      // What the real IPC would deliver to the page's ipcRenderer listeners.
      ipcRenderer.emit(channel, { sender: ipcRenderer }, ...args);
    }
  }

  class BrowserWindow extends EventEmitter {
    constructor(options) {
      super();
      if (!state.ready) throw new Error('BrowserWindow cannot be created before ready');
      this.options = options;
      this.loadedUrls = [];
      this.webContents = new WebContents();
      state.windows.push(this);
      record('new BrowserWindow');
      app.emit('web-contents-created', { preventDefault() {} }, this.webContents);
    }
    loadURL(url) {
      this.loadedUrls.push(url);
      this.webContents.url = url;
      return Promise.resolve();
    }
    isDestroyed() {
      return false;
    }
    isMinimized() {
      return state.minimized;
    }
    restore() {
      record('window.restore');
    }
    show() {
      record('window.show');
      this.emit('show');
    }
    hide() {
      record('window.hide');
    }
    focus() {
      record('window.focus');
    }
    static getAllWindows() {
      return [...state.windows];
    }
    static getFocusedWindow() {
      return state.windows[0] ?? null;
    }
  }

  class UtilityProcess extends EventEmitter {
    constructor(modulePath, args, options) {
      super();
      this.modulePath = modulePath;
      this.args = args;
      this.options = options;
      this.received = [];
      this.killed = false;
      /** Answers every invoke like a backend would, once it said `ready`. */
      this.echo = true;
      /** Answers `shutdown` as the backend does: `closed`, then exit 0. */
      this.closesOnShutdown = true;
    }
    postMessage(message) {
      this.received.push(structuredClone(message));
      if (message?.kind === 'shutdown') {
        record('backend:shutdown');
        if (this.closesOnShutdown) {
          setImmediate(() => {
            record('backend:closed');
            this.emit('message', { kind: 'closed' });
            this.emit('exit', 0);
          });
        }
        return;
      }
      if (this.echo && message?.kind === 'invoke' && message.method === 'exports.file') {
        const path = state.exportFiles.get(message.input?.id);
        const envelope = path
          ? { ok: true, value: { path, fileName: 'f', mime: 'application/octet-stream' } }
          : { ok: false, error: { code: 'NOT_FOUND', message: 'Fichier introuvable.' } };
        setImmediate(() => this.emit('message', { kind: 'result', id: message.id, envelope }));
      } else if (this.echo && message?.kind === 'invoke') {
        setImmediate(() =>
          this.emit('message', {
            kind: 'result',
            id: message.id,
            envelope: { ok: true, value: { echoed: message.method, input: message.input } },
          }),
        );
      }
    }
    kill() {
      this.killed = true;
      return true;
    }
  }

  const utilityProcess = {
    fork(modulePath, args, options) {
      if (!state.ready) throw new Error('utilityProcess.fork can only be called after ready');
      const child = new UtilityProcess(modulePath, args, options);
      state.forks.push(child);
      record('utilityProcess.fork', { modulePath });
      return child;
    },
  };

  const session = {
    defaultSession: {
      setPermissionRequestHandler(handler) {
        state.permissionRequestHandler = handler;
      },
      setPermissionCheckHandler(handler) {
        state.permissionCheckHandler = handler;
      },
      setDevicePermissionHandler(handler) {
        state.devicePermissionHandler = handler;
      },
    },
  };

  const net = {
    isOnline: () => state.online,
  };

  /** electron-updater's autoUpdater, as far as Concerto uses it. */
  const autoUpdater = new EventEmitter();
  Object.assign(autoUpdater, {
    autoDownload: false,
    autoInstallOnAppQuit: true,
    checks: 0,
    installs: [],
    checkForUpdates() {
      autoUpdater.checks++;
      record('autoUpdater.checkForUpdates');
      return Promise.resolve(null);
    },
    quitAndInstall(isSilent, isForceRunAfter) {
      autoUpdater.installs.push([isSilent, isForceRunAfter]);
      record('autoUpdater.quitAndInstall');
      // electron-updater starts the installer, then quits the app on the next turn.
      setImmediate(() => app.quit());
    },
  });

  const ipcMain = new EventEmitter();
  ipcMain.handle = (channel, handler) => {
    if (state.invokeHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
    state.invokeHandlers.set(channel, handler);
  };

  const dialog = {
    showMessageBox(...args) {
      const options = args.at(-1);
      state.messageBoxes.push({ message: options.message, detail: options.detail, buttons: options.buttons });
      record('dialog.showMessageBox');
      return Promise.resolve({ response: state.messageBoxResponse, checkboxChecked: false });
    },
    showOpenDialog(_window, options) {
      record(`dialog.showOpenDialog:${options?.title ?? ''}`);
      return Promise.resolve(
        state.chosenFolder
          ? { canceled: false, filePaths: [state.chosenFolder] }
          : { canceled: true, filePaths: [] },
      );
    },
    showErrorBox(title, content) {
      state.dialogs.push({ title, content });
      record('dialog.showErrorBox');
    },
  };

  const Menu = {
    buildFromTemplate: (template) => ({ template }),
    setApplicationMenu(menu) {
      state.applicationMenu = menu;
    },
  };

  const shell = {
    openPath(path) {
      state.openedPaths.push(path);
      return Promise.resolve('');
    },
    openExternal(url) {
      state.openedExternally.push(url);
      return Promise.resolve();
    },
  };

  const contextBridge = {
    exposeInMainWorld(key, api) {
      if (state.exposed.has(key)) throw new Error(`${key} exposed twice`);
      state.exposed.set(key, api);
    },
  };

  /** The page side of IPC, as seen from a window showing state.pageUrl. */
  const ipcRenderer = new EventEmitter();
  const senderEvent = () => ({ senderFrame: { url: state.pageUrl }, sender: state.webContents[0] });
  Object.assign(ipcRenderer, {
    invoke(channel, ...args) {
      const handler = state.invokeHandlers.get(channel);
      if (!handler) return Promise.reject(new Error(`No handler registered for '${channel}'`));
      return Promise.resolve(handler(senderEvent(), ...structuredClone(args)));
    },
    sendSync(channel, ...args) {
      const event = { ...senderEvent(), returnValue: undefined };
      ipcMain.emit(channel, event, ...args);
      return structuredClone(event.returnValue);
    },
  });

  const markReady = () => {
    state.ready = true;
    record('ready');
    app.emit('ready');
    resolveReady();
  };

  return {
    state,
    markReady,
    WebContents,
    autoUpdater,
    electron: {
      app,
      net,
      protocol,
      BrowserWindow,
      utilityProcess,
      session,
      ipcMain,
      dialog,
      Menu,
      shell,
      contextBridge,
      ipcRenderer,
    },
  };
}

globalThis.__concertoElectronStub ??= createStub();
const stub = globalThis.__concertoElectronStub;

/** Test-only handle; Electron has no such export. */
export const __stub = stub;
export const {
  app,
  net,
  protocol,
  BrowserWindow,
  utilityProcess,
  session,
  ipcMain,
  dialog,
  Menu,
  shell,
  contextBridge,
  ipcRenderer,
} = stub.electron;
