// Runs the built main bundle (and later the preload) in plain Node with the stub 'electron'.
// Forked by tests/smoke/electron-main.test.ts; answers its requests over the IPC channel:
// request { id, command, args } → reply { id, ok, value | error }.
// Usage: node driver.mjs <out/main/index.js> <out/preload/index.cjs> [arguments main sees…]
import { createRequire, registerHooks } from 'node:module';
import { pathToFileURL } from 'node:url';

const [mainPath, preloadPath] = process.argv.slice(2);
const stubUrl = new URL('./electron.mjs', import.meta.url).href;
const updaterStubUrl = new URL('./electron-updater.mjs', import.meta.url).href;

// Synchronous hooks apply to import and require alike, so main (ESM) and the preload
// (CommonJS) both get the stub.
registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === 'electron') return { url: stubUrl, format: 'module', shortCircuit: true };
    if (specifier === 'electron-updater')
      return { url: updaterStubUrl, format: 'module', shortCircuit: true };
    return nextResolve(specifier, context);
  },
});

// A packaged app finds its resources next to the executable.
if (process.env.STUB_RESOURCES_PATH) process.resourcesPath = process.env.STUB_RESOURCES_PATH;

// Timers of a minute or more (update checks: minutes, hours) are held here instead of running,
// so the test can see them scheduled and fire them; shorter ones run as usual.
const LONG_TIMER_MS = 60_000;
const longTimers = [];
const realSetTimeout = globalThis.setTimeout;
const realClearTimeout = globalThis.clearTimeout;
let nextTimerId = 1;
globalThis.setTimeout = (callback, ms, ...args) => {
  if (!(ms >= LONG_TIMER_MS)) return realSetTimeout(callback, ms, ...args);
  const timer = {
    id: nextTimerId++,
    delay: ms,
    callback: () => callback(...args),
    cleared: false,
    fired: false,
  };
  longTimers.push(timer);
  return { longTimer: timer.id, unref() {}, ref() {}, hasRef: () => false };
};
globalThis.clearTimeout = (handle) => {
  const timer =
    handle && typeof handle === 'object' && 'longTimer' in handle
      ? longTimers.find((t) => t.id === handle.longTimer)
      : null;
  if (timer) timer.cleared = true;
  else realClearTimeout(handle);
};

const { __stub: stub } = await import(stubUrl);
const { state } = stub;

const ticks = async (count = 5) => {
  for (let i = 0; i < count; i++) await new Promise((resolve) => setImmediate(resolve));
};

const menuItems = (template) =>
  template.map((item) => ({
    label: item.label ?? null,
    role: item.role ?? null,
    hasClick: typeof item.click === 'function',
    submenu: Array.isArray(item.submenu) ? menuItems(item.submenu) : null,
  }));

function snapshot() {
  return {
    calls: state.calls,
    privilegedSchemes: state.privilegedSchemes,
    protocolSchemes: [...state.protocolHandlers.keys()],
    windows: state.windows.map((window) => ({ options: window.options, loadedUrls: window.loadedUrls })),
    hardenedWebContents: state.webContents.map((contents) => ({
      windowOpenHandler: typeof contents.windowOpenHandler === 'function',
      willNavigateListeners: contents.listenerCount('will-navigate'),
      listeners: Object.fromEntries(
        ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview'].map((name) => [
          name,
          contents.listenerCount(name),
        ]),
      ),
      sent: contents.sent,
    })),
    forks: state.forks.map((child) => ({
      modulePath: child.modulePath,
      args: child.args,
      options: child.options,
      received: child.received,
      killed: child.killed,
    })),
    dialogs: state.dialogs,
    messageBoxes: state.messageBoxes,
    openedExternally: state.openedExternally,
    openedPaths: state.openedPaths,
    quitCalls: state.quitCalls,
    exited: state.exited,
    appListeners: Object.fromEntries(
      ['before-quit', 'will-quit', 'second-instance', 'web-contents-created'].map((name) => [
        name,
        stub.electron.app.listenerCount(name),
      ]),
    ),
    longTimers: longTimers
      .filter((timer) => !timer.cleared && !timer.fired)
      .map(({ id, delay }) => ({ id, delay })),
    updater: {
      autoDownload: stub.autoUpdater.autoDownload,
      autoInstallOnAppQuit: stub.autoUpdater.autoInstallOnAppQuit,
      checks: stub.autoUpdater.checks,
      installs: stub.autoUpdater.installs,
      listeners: stub.autoUpdater.eventNames(),
    },
    sandboxEnforced: state.sandboxEnforced,
    menu: state.applicationMenu ? menuItems(state.applicationMenu.template) : null,
    ipcChannels: { handle: [...state.invokeHandlers.keys()], on: stub.electron.ipcMain.eventNames() },
    permissionHandlers: {
      request: typeof state.permissionRequestHandler === 'function',
      check: typeof state.permissionCheckHandler === 'function',
      device: typeof state.devicePermissionHandler === 'function',
    },
  };
}

const subscriptions = new Map();
const laterCalls = new Map();

const commands = {
  async start() {
    await import(pathToFileURL(mainPath).href);
    await ticks();
    return snapshot();
  },
  async ready() {
    stub.markReady();
    await ticks();
    return snapshot();
  },
  snapshot,
  windowOpen({ url }) {
    const contents = state.webContents[0];
    return {
      response: contents.windowOpenHandler({ url, frameName: '', features: '', disposition: 'new-window' }),
    };
  },
  async navigate({ url, event = 'will-navigate', contents = 0 }) {
    let prevented = false;
    const details = { url, isMainFrame: true, preventDefault: () => (prevented = true) };
    state.webContents[contents].emit(event, details, url);
    await ticks();
    return { prevented };
  },
  /** A web contents that no window of main created (e.g. a devtools or a stray one). */
  createWebContents() {
    const contents = new stub.WebContents();
    stub.electron.app.emit('web-contents-created', { preventDefault() {} }, contents);
    return { index: state.webContents.indexOf(contents) };
  },
  setMessageBoxResponse({ response }) {
    state.messageBoxResponse = response;
    return null;
  },
  async windowEvent({ event, window = 0 }) {
    state.windows[window].emit(event);
    await ticks();
    return snapshot();
  },
  async secondInstance({ argv = [], minimized = false }) {
    state.minimized = minimized;
    stub.electron.app.emit('second-instance', { preventDefault() {} }, argv, process.cwd(), {});
    await ticks();
    return snapshot();
  },
  async fireTimer({ id }) {
    const timer = longTimers.find((t) => t.id === id && !t.cleared && !t.fired);
    if (!timer) throw new Error(`no pending long timer ${id}`);
    timer.fired = true;
    timer.callback();
    await ticks(20);
    return snapshot();
  },
  async updaterEvent({ event, payload }) {
    stub.autoUpdater.emit(event, payload);
    await ticks();
    return snapshot();
  },
  setOnline({ online }) {
    state.online = online;
    return null;
  },
  setClosesOnShutdown({ fork = -1, closes }) {
    state.forks.at(fork).closesOnShutdown = closes;
    return null;
  },
  async quit() {
    stub.electron.app.quit();
    await ticks(20);
    return snapshot();
  },
  async permission({ permission, origin = 'app://concerto' }) {
    const contents = state.webContents[0];
    const requested = await new Promise((resolve) =>
      state.permissionRequestHandler(contents, permission, resolve, { requestingUrl: contents.getURL() }),
    );
    const checked = state.permissionCheckHandler(contents, permission, origin, {});
    const device = state.devicePermissionHandler({ deviceType: permission, origin });
    return { requested, checked, device };
  },
  async fetch({ url, method = 'GET', raw = false }) {
    // A real Request canonicalises the URL as Chromium does; `raw` hands the handler the
    // string untouched, to check the handler does not rely on that canonicalisation.
    const request = raw ? { url, method } : new Request(url, { method });
    const response = await state.protocolHandlers.get('app')(request);
    const body = await response.text();
    return {
      status: response.status,
      headers: Object.fromEntries(response.headers),
      body: body.slice(0, 2000),
    };
  },
  setExportFile({ id, path }) {
    state.exportFiles.set(id, path);
    return null;
  },
  setChosenFolder({ path }) {
    state.chosenFolder = path;
    return null;
  },
  async openExport({ senderUrl, id }) {
    const handler = state.invokeHandlers.get('concerto:open-export');
    return await handler({ senderFrame: { url: senderUrl }, sender: state.webContents[0] }, id);
  },
  async chooseFolder({ senderUrl }) {
    const handler = state.invokeHandlers.get('concerto:choose-folder');
    return await handler({ senderFrame: { url: senderUrl }, sender: state.webContents[0] });
  },
  /** Calls any ipcMain handler as the given frame would (handle or on). */
  async ipc({ channel, senderUrl, args = [] }) {
    const event = {
      senderFrame: senderUrl === null ? null : { url: senderUrl },
      sender: state.webContents[0],
    };
    const handler = state.invokeHandlers.get(channel);
    if (handler) return { value: await handler(event, ...args) };
    const syncEvent = { ...event, returnValue: undefined };
    stub.electron.ipcMain.emit(channel, syncEvent, ...args);
    return { value: syncEvent.returnValue };
  },
  async invoke({ senderUrl, method, input }) {
    const handler = state.invokeHandlers.get('concerto:invoke');
    const event = {
      senderFrame: senderUrl === null ? null : { url: senderUrl },
      sender: state.webContents[0],
    };
    return await Promise.race([
      handler(event, method, input),
      new Promise((resolve) => setTimeout(() => resolve('timeout'), 2000)),
    ]);
  },
  /** Starts a call and returns at once: for calls that must wait for the backend's `ready`. */
  invokeLater({ key, senderUrl, method, input }) {
    const handler = state.invokeHandlers.get('concerto:invoke');
    const event = { senderFrame: { url: senderUrl }, sender: state.webContents[0] };
    const result = { settled: false, value: undefined };
    laterCalls.set(key, result);
    Promise.resolve(handler(event, method, input)).then((value) => {
      result.settled = true;
      result.value = value;
    });
    return null;
  },
  async later({ key }) {
    await ticks();
    return laterCalls.get(key);
  },
  async backendMessage({ fork = -1, message }) {
    state.forks.at(fork).emit('message', message);
    await ticks();
    return snapshot();
  },
  async backendExit({ fork = -1, code }) {
    state.forks.at(fork).emit('exit', code);
    await ticks();
    return snapshot();
  },
  setEcho({ fork = -1, echo }) {
    state.forks.at(fork).echo = echo;
    return null;
  },
  async menuClick({ path }) {
    let items = state.applicationMenu.template;
    let item;
    for (const label of path) {
      item = items.find((candidate) => candidate.label === label);
      items = item?.submenu ?? [];
    }
    item.click();
    await ticks();
    return snapshot();
  },
  loadPreload() {
    createRequire(import.meta.url)(preloadPath);
    const exposed = [...state.exposed.entries()].map(([key, api]) => ({
      key,
      members: Object.fromEntries(Object.entries(api).map(([name, value]) => [name, typeof value])),
      info: api.info,
    }));
    return { exposed };
  },
  async bridgeInvoke({ method, input }) {
    return await state.exposed.get('concerto').invoke(method, input);
  },
  bridgeSubscribe({ key, topic }) {
    const received = [];
    const unsubscribe = state.exposed.get('concerto').subscribe(topic, (payload) => received.push(payload));
    subscriptions.set(key, { received, unsubscribe });
    return null;
  },
  bridgeReceived({ key }) {
    return subscriptions.get(key).received;
  },
  bridgeUnsubscribe({ key }) {
    subscriptions.get(key).unsubscribe();
    return null;
  },
};

const serialisable = (value) =>
  JSON.parse(
    JSON.stringify(value ?? null, (_key, v) => (typeof v === 'function' ? `[Function ${v.name}]` : v)),
  );

process.on('message', async ({ id, command, args }) => {
  try {
    const value = await commands[command](args ?? {});
    process.send({ id, ok: true, value: serialisable(value) });
  } catch (error) {
    process.send({
      id,
      ok: false,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
});
process.send({ ready: true });
