// Stand-in for the 'electron' module, loaded by driver.mjs in place of the real one (whose
// binary cannot be downloaded here). It records what main and preload do and is strict where
// Electron is strict: schemes must be registered before `ready`; protocol handlers, windows and
// utility processes only after it. The same instance serves main (ESM import) and preload
// (CommonJS require): the state lives on globalThis.
import { EventEmitter } from 'node:events';

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
    sandboxEnforced: false,
    /** URL of the page the stub preload pretends to run in. */
    pageUrl: 'app://concerto/',
  };
  const record = (name, detail = {}) => state.calls.push({ name, ready: state.ready, ...detail });

  let resolveReady;
  const readyPromise = new Promise((resolve) => {
    resolveReady = resolve;
  });

  const app = new EventEmitter();
  Object.assign(app, {
    isPackaged: false,
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
      if (name !== 'userData') throw new Error(`unexpected app.getPath(${name})`);
      return process.env.STUB_USER_DATA ?? '/tmp/concerto-smoke-user-data';
    },
    setAppUserModelId() {},
    quit() {
      state.quitCalls++;
      record('app.quit');
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
      return false;
    }
    restore() {}
    show() {}
    focus() {
      record('window.focus');
    }
    static getAllWindows() {
      return [...state.windows];
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
    }
    postMessage(message) {
      this.received.push(structuredClone(message));
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
    },
  };

  const ipcMain = new EventEmitter();
  ipcMain.handle = (channel, handler) => {
    if (state.invokeHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
    state.invokeHandlers.set(channel, handler);
  };

  const dialog = {
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
    electron: {
      app,
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
