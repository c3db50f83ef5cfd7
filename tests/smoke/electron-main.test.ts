// Smoke test of the Electron wiring. The Electron binary cannot be downloaded here, so the built
// main bundle and preload run in plain Node with a recording stand-in for 'electron'
// (stub-electron/electron.mjs, mapped by stub-electron/driver.mjs through module.registerHooks).
import { type ChildProcess, execFileSync, fork } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const stubDir = join(import.meta.dirname, 'stub-electron');
const OWN_PAGE = 'app://concerto/';

interface Snapshot {
  calls: { name: string; ready: boolean }[];
  privilegedSchemes: { scheme: string; privileges: Record<string, boolean> }[];
  protocolSchemes: string[];
  windows: {
    options: { title: string; minWidth: number; minHeight: number; webPreferences: Record<string, unknown> };
    loadedUrls: string[];
  }[];
  hardenedWebContents: {
    windowOpenHandler: boolean;
    willNavigateListeners: number;
    listeners: Record<string, number>;
    sent: { channel: string; args: unknown[] }[];
  }[];
  forks: {
    modulePath: string;
    options: Record<string, unknown>;
    received: Record<string, unknown>[];
    killed: boolean;
  }[];
  dialogs: { title: string; content: string }[];
  messageBoxes: { message: string; detail: string; buttons: string[] }[];
  openedExternally: string[];
  openedPaths: string[];
  quitCalls: number;
  exited: boolean;
  appListeners: Record<string, number>;
  longTimers: { id: number; delay: number }[];
  updater: {
    autoDownload: boolean;
    autoInstallOnAppQuit: boolean;
    checks: number;
    installs: [boolean, boolean][];
    listeners: string[];
  };
  sandboxEnforced: boolean;
  menu: MenuItem[] | null;
  ipcChannels: { handle: string[]; on: string[] };
  permissionHandlers: { request: boolean; check: boolean; device: boolean };
}
interface MenuItem {
  label: string | null;
  role: string | null;
  hasClick: boolean;
  submenu: MenuItem[] | null;
}
interface Fetched {
  status: number;
  headers: Record<string, string>;
  body: string;
}

class Driver {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();

  constructor(private readonly child: ChildProcess) {
    child.on('message', (message: { id?: number; ok?: boolean; value?: unknown; error?: string }) => {
      const pending = message.id === undefined ? undefined : this.waiting.get(message.id);
      if (!pending || message.id === undefined) return;
      this.waiting.delete(message.id);
      if (message.ok) pending.resolve(message.value);
      else pending.reject(new Error(message.error));
    });
  }

  call<T>(command: string, args: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.child.send({ id, command, args });
    });
  }

  stop(): void {
    this.child.kill();
  }
}

let out: string;
let mainBundle: string;
let preloadBundle: string;
const drivers: Driver[] = [];

async function launch(env: Record<string, string> = {}, args: string[] = []): Promise<Driver> {
  const child = fork(join(stubDir, 'driver.mjs'), [mainBundle, preloadBundle, ...args], {
    cwd: root,
    env: {
      ...process.env,
      STUB_USER_DATA: join(out, 'user-data'),
      STUB_HOME: join(out, 'home'),
      // The data folder must come from what each test gives, not from this machine's settings.
      XDG_DATA_HOME: '',
      CONCERTO_DATA_DIR: '',
      ...env,
    },
    execArgv: [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`driver exited with ${code}`)));
  });
  const driver = new Driver(child);
  drivers.push(driver);
  return driver;
}

beforeAll(() => {
  mkdirSync(join(root, '.tmp'), { recursive: true });
  out = mkdtempSync(join(root, '.tmp', 'smoke-electron-'));
  execFileSync(process.execPath, [join(stubDir, 'build-bundles.mjs'), out], { cwd: root, stdio: 'pipe' });
  mainBundle = join(out, 'main', 'index.js');
  preloadBundle = join(out, 'preload', 'index.cjs');
  // A small stand-in for the built renderer, plus a file just outside it that must stay unreachable.
  const renderer = join(out, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Concerto</title><div id="root"></div>');
  writeFileSync(join(renderer, 'assets', 'index-abc123.js'), 'console.log("concerto");');
  writeFileSync(join(renderer, 'assets', 'index-abc123.css'), 'body{margin:0}');
  writeFileSync(join(renderer, 'assets', 'inter.woff2'), 'wOF2');
  writeFileSync(join(out, 'secret.txt'), 'TOP-SECRET');
  symlinkSync(join(out, 'secret.txt'), join(renderer, 'assets', 'link.txt'));
});

afterAll(() => {
  for (const driver of drivers) driver.stop();
  if (out) rmSync(out, { recursive: true, force: true });
});

describe('Electron main and preload, built, on a stub electron', () => {
  let driver: Driver;
  let beforeReady: Snapshot;
  let afterReady: Snapshot;

  beforeAll(async () => {
    expect(existsSync(mainBundle)).toBe(true);
    expect(existsSync(preloadBundle)).toBe(true);
    driver = await launch();
    beforeReady = await driver.call<Snapshot>('start');
    afterReady = await driver.call<Snapshot>('ready');
  });

  test('registers app:// as a privileged scheme before ready, and opens nothing before ready', () => {
    expect(beforeReady.privilegedSchemes).toEqual([
      {
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }),
      },
    ]);
    expect(beforeReady.calls.find((c) => c.name === 'protocol.registerSchemesAsPrivileged')?.ready).toBe(
      false,
    );
    expect(beforeReady.calls.some((c) => c.name === 'app.requestSingleInstanceLock')).toBe(true);
    expect(beforeReady.sandboxEnforced).toBe(true);
    expect(beforeReady.windows).toHaveLength(0);
    expect(beforeReady.forks).toHaveLength(0);
  });

  test('creates one locked-down window loading app://concerto/ with an existing preload', () => {
    expect(afterReady.protocolSchemes).toEqual(['app']);
    expect(afterReady.windows).toHaveLength(1);
    const [window] = afterReady.windows;
    expect(window?.options.title).toBe('Concerto');
    expect(window?.options.minWidth).toBeGreaterThanOrEqual(1024);
    expect(window?.options.minHeight).toBeGreaterThanOrEqual(700);
    const prefs = window?.options.webPreferences ?? {};
    expect(prefs).toEqual({
      preload: preloadBundle,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
      // Not packaged here: developer tools stay available.
      devTools: true,
    });
    expect(existsSync(String(prefs.preload))).toBe(true);
    expect(window?.loadedUrls).toEqual([OWN_PAGE]);
    expect(afterReady.permissionHandlers).toEqual({ request: true, check: true, device: true });
  });

  test('every web contents is hardened when created, even one no window of ours made', async () => {
    const own = afterReady.hardenedWebContents[0];
    expect(own?.windowOpenHandler).toBe(true);
    expect(own?.listeners).toEqual({
      'will-navigate': 1,
      'will-frame-navigate': 1,
      'will-redirect': 1,
      'will-attach-webview': 1,
    });
    const { index } = await driver.call<{ index: number }>('createWebContents');
    const state = await driver.call<Snapshot>('snapshot');
    expect(state.hardenedWebContents[index]?.windowOpenHandler).toBe(true);
    expect(state.hardenedWebContents[index]?.listeners).toEqual(own?.listeners);
    const away = await driver.call<{ prevented: boolean }>('navigate', {
      url: 'https://example.org',
      contents: index,
    });
    expect(away.prevented).toBe(true);
  });

  test('denies every window.open; https and mailto links go out only after the user says yes', async () => {
    const baseline = await driver.call<Snapshot>('snapshot');
    const open = async (url: string) => {
      const { response } = await driver.call<{ response: { action: string } }>('windowOpen', { url });
      expect(response.action, url).toBe('deny');
      // The confirmation is asynchronous: let it settle. Only what this test caused counts.
      const state = await driver.call<Snapshot>('snapshot');
      return {
        messageBoxes: state.messageBoxes.slice(baseline.messageBoxes.length),
        openedExternally: state.openedExternally.slice(baseline.openedExternally.length),
      };
    };
    // Refused without a question.
    for (const url of [
      'http://example.org/',
      'file:///etc/passwd',
      'app://concerto/x',
      'javascript:alert(1)',
    ]) {
      const state = await open(url);
      expect(state.messageBoxes, url).toEqual([]);
    }
    // Asked, and declined: nothing opens.
    await driver.call('setMessageBoxResponse', { response: 1 });
    let state = await open('https://example.org/doc');
    expect(state.messageBoxes).toEqual([
      {
        message: 'Ouvrir ce lien dans votre navigateur ?',
        detail: 'https://example.org/doc',
        buttons: ['Ouvrir', 'Annuler'],
      },
    ]);
    expect(state.openedExternally).toEqual([]);
    // Asked, and accepted.
    await driver.call('setMessageBoxResponse', { response: 0 });
    await open('mailto:secretariat@example.org');
    state = await open('https://example.org/doc');
    expect(state.messageBoxes.map((box) => box.detail)).toEqual([
      'https://example.org/doc',
      'mailto:secretariat@example.org',
      'https://example.org/doc',
    ]);
    expect(state.openedExternally).toEqual(['mailto:secretariat@example.org', 'https://example.org/doc']);
    await driver.call('setMessageBoxResponse', { response: 1 });
  });

  test('prevents navigation away from the app', async () => {
    const away = await driver.call<{ prevented: boolean }>('navigate', { url: 'https://example.org' });
    expect(away.prevented).toBe(true);
    const file = await driver.call<{ prevented: boolean }>('navigate', { url: 'file:///etc/passwd' });
    expect(file.prevented).toBe(true);
    const redirect = await driver.call<{ prevented: boolean }>('navigate', {
      url: 'https://example.org',
      event: 'will-redirect',
    });
    expect(redirect.prevented).toBe(true);
    const frame = await driver.call<{ prevented: boolean }>('navigate', {
      url: 'https://example.org',
      event: 'will-frame-navigate',
    });
    expect(frame.prevented).toBe(true);
    const inside = await driver.call<{ prevented: boolean }>('navigate', {
      url: 'app://concerto/index.html',
    });
    expect(inside.prevented).toBe(false);
    // A plain link to a web page is not followed; it is offered to the browser, after asking.
    const before = (await driver.call<Snapshot>('snapshot')).messageBoxes.length;
    const link = await driver.call<{ prevented: boolean }>('navigate', { url: 'https://example.org/guide' });
    expect(link.prevented).toBe(true);
    const state = await driver.call<Snapshot>('snapshot');
    expect(state.messageBoxes.slice(before).map((box) => box.detail)).toEqual(['https://example.org/guide']);
    expect(state.openedExternally).not.toContain('https://example.org/guide');
  });

  test('refuses permission requests (camera, location, notifications)', async () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      const result = await driver.call<{ requested: boolean; checked: boolean }>('permission', {
        permission,
      });
      expect(result, permission).toEqual({ requested: false, checked: false, device: false });
    }
    // The one permission our page has: writing to the clipboard from a "Copier" button.
    const clipboard = await driver.call<{ requested: boolean; checked: boolean }>('permission', {
      permission: 'clipboard-sanitized-write',
    });
    expect(clipboard).toMatchObject({ requested: true, checked: true });
    const foreignClipboard = await driver.call<{ checked: boolean }>('permission', {
      permission: 'clipboard-sanitized-write',
      origin: 'https://evil.example',
    });
    expect(foreignClipboard.checked).toBe(false);
  });

  test('serves the renderer over app:// with the right types and a strict CSP', async () => {
    const index = await driver.call<Fetched>('fetch', { url: OWN_PAGE });
    expect(index.status).toBe(200);
    expect(index.body).toContain('<div id="root">');
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = index.headers['content-security-policy'] ?? '';
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    // Every response carries it, errors included.
    for (const url of [
      `${OWN_PAGE}missing.js`,
      'app://concerto/..%2fsecret.txt',
      `${OWN_PAGE}assets/index-abc123.js`,
    ]) {
      const response = await driver.call<Fetched>('fetch', { url });
      expect(response.headers['content-security-policy'], url).toBe(csp);
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
    }
    const types: Record<string, string> = {
      'assets/index-abc123.js': 'text/javascript',
      'assets/index-abc123.css': 'text/css',
      'assets/inter.woff2': 'font/woff2',
    };
    for (const [path, type] of Object.entries(types)) {
      const asset = await driver.call<Fetched>('fetch', { url: `${OWN_PAGE}${path}` });
      expect(asset.status, path).toBe(200);
      expect(asset.headers['content-type'], path).toContain(type);
    }
    expect((await driver.call<Fetched>('fetch', { url: `${OWN_PAGE}missing.js` })).status).toBe(404);
    expect((await driver.call<Fetched>('fetch', { url: 'app://elsewhere/index.html' })).status).toBe(404);
  });

  test('never serves a file outside the renderer folder', async () => {
    const attempts = [
      'app://concerto/../../etc/passwd',
      'app://concerto/../secret.txt',
      'app://concerto/%2e%2e/%2e%2e/etc/passwd',
      'app://concerto/..%2f..%2fetc%2fpasswd',
      'app://concerto/..%2fsecret.txt',
      'app://concerto/%2e%2e%2fsecret.txt',
      'app://concerto/assets/..%2f..%2fsecret.txt',
      'app://concerto/..%5csecret.txt',
      'app://concerto/%2fetc%2fpasswd',
      'app://concerto/index.html%00.js',
      'app://concerto/assets/link.txt',
    ];
    for (const url of attempts) {
      for (const raw of [false, true]) {
        const response = await driver.call<Fetched>('fetch', { url, raw });
        expect([403, 404], `${url} (raw: ${raw})`).toContain(response.status);
        expect(response.body).not.toContain('TOP-SECRET');
        expect(response.body).not.toContain('root:');
      }
    }
  });

  test('forks the backend utility process and sends it init with the user-data folder', () => {
    expect(afterReady.forks).toHaveLength(1);
    const [backend] = afterReady.forks;
    expect(backend?.modulePath).toBe(join(out, 'main', 'backend.js'));
    expect(backend?.options).toMatchObject({
      serviceName: 'concerto-backend',
      execArgv: ['--max-semi-space-size=4'],
    });
    expect(backend?.received[0]).toEqual({
      kind: 'init',
      userDataDir: join(out, 'user-data'),
      appVersion: '0.1.0-smoke',
      // Development layout: <out>/main/index.js → <out>/../resources, i.e. the repository's resources/.
      resourcesDir: resolve(out, '..', 'resources'),
      localDataDir: join(out, 'home', '.local', 'share', 'Concerto'),
    });
  });

  test('every IPC channel answers our page only', async () => {
    const channels = [...afterReady.ipcChannels.handle, ...afterReady.ipcChannels.on];
    expect(channels.sort()).toEqual([
      'concerto:choose-folder',
      'concerto:info',
      'concerto:info-sync',
      'concerto:invoke',
      'concerto:open-export',
    ]);
    const info = { host: 'electron', version: '0.1.0-smoke', platform: process.platform };
    for (const channel of ['concerto:info', 'concerto:info-sync']) {
      expect(await driver.call('ipc', { channel, senderUrl: OWN_PAGE }), channel).toEqual({ value: info });
      for (const senderUrl of ['https://evil.example/', null, 'file:///tmp/x.html']) {
        expect(await driver.call('ipc', { channel, senderUrl }), `${channel} ${senderUrl}`).toEqual({
          value: null,
        });
      }
    }
  });

  test('relays calls from our own page only, holding them until the backend is ready', async () => {
    const foreign = await driver.call('invoke', {
      senderUrl: 'https://evil.example/',
      method: 'registry.list',
      input: {},
    });
    expect(foreign).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'Appel refusé : origine inconnue.' },
    });
    const frameless = await driver.call('invoke', { senderUrl: null, method: 'registry.list', input: {} });
    expect(frameless).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    const lookalike = await driver.call('invoke', {
      senderUrl: 'app://concerto.evil/',
      method: 'x.y',
      input: {},
    });
    expect(lookalike).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    const notAString = await driver.call('invoke', { senderUrl: OWN_PAGE, method: 42, input: {} });
    expect(notAString).toMatchObject({ ok: false });

    // Sent before the backend said `ready`: held back, then relayed.
    await driver.call('invokeLater', {
      key: 'early',
      senderUrl: OWN_PAGE,
      method: 'meetings.list',
      input: { page: 1 },
    });
    let early = await driver.call<{ settled: boolean }>('later', { key: 'early' });
    expect(early.settled).toBe(false);
    let state = await driver.call<Snapshot>('snapshot');
    expect(state.forks[0]?.received.filter((m) => m.kind === 'invoke')).toEqual([]);

    state = await driver.call<Snapshot>('backendMessage', { message: { kind: 'ready' } });
    early = await driver.call('later', { key: 'early' });
    expect(early).toEqual({
      settled: true,
      value: { ok: true, value: { echoed: 'meetings.list', input: { page: 1 } } },
    });
    const own = await driver.call('invoke', {
      senderUrl: `${OWN_PAGE}index.html`,
      method: 'registry.list',
      input: { q: 'é' },
    });
    expect(own).toEqual({ ok: true, value: { echoed: 'registry.list', input: { q: 'é' } } });
    state = await driver.call<Snapshot>('snapshot');
    const invokes = state.forks[0]?.received.filter((m) => m.kind === 'invoke') ?? [];
    expect(invokes.map((m) => m.method)).toEqual(['meetings.list', 'registry.list']);
    expect(invokes.every((m) => typeof m.id === 'number')).toBe(true);
  });

  test('the preload exposes exactly one object, concerto, which reaches the backend and its events', async () => {
    const { exposed } = await driver.call<{
      exposed: { key: string; members: Record<string, string>; info: unknown }[];
    }>('loadPreload');
    expect(exposed).toHaveLength(1);
    expect(exposed[0]?.key).toBe('concerto');
    expect(exposed[0]?.members).toEqual({
      invoke: 'function',
      subscribe: 'function',
      info: 'object',
      openExport: 'function',
      chooseFolder: 'function',
    });
    expect(exposed[0]?.info).toEqual({
      host: 'electron',
      version: '0.1.0-smoke',
      platform: process.platform,
    });

    const result = await driver.call('bridgeInvoke', { method: 'registry.get', input: { id: 'a' } });
    expect(result).toEqual({ ok: true, value: { echoed: 'registry.get', input: { id: 'a' } } });

    await driver.call('bridgeSubscribe', { key: 'progress', topic: 'import.progress' });
    await driver.call('backendMessage', {
      message: { kind: 'event', topic: 'import.progress', payload: { done: 3 } },
    });
    await driver.call('backendMessage', {
      message: { kind: 'event', topic: 'other.topic', payload: 'ignored' },
    });
    expect(await driver.call('bridgeReceived', { key: 'progress' })).toEqual([{ done: 3 }]);
    await driver.call('bridgeUnsubscribe', { key: 'progress' });
    await driver.call('backendMessage', {
      message: { kind: 'event', topic: 'import.progress', payload: { done: 4 } },
    });
    expect(await driver.call('bridgeReceived', { key: 'progress' })).toEqual([{ done: 3 }]);
  });

  test('opens only files of the export log that lie in the exports folder, and only for our page', async () => {
    const exportsDir = join(out, 'user-data', 'exports');
    mkdirSync(exportsDir, { recursive: true });
    const inside = join(exportsDir, '2025-03-14_GTGPS_aide-memoire.pdf');
    writeFileSync(inside, '%PDF-1.7');
    const ownId = '01950000-0000-7000-8000-000000000001';
    const strayId = '01950000-0000-7000-8000-000000000002';
    await driver.call('setExportFile', { id: ownId, path: inside });
    // A backend answer pointing outside the exports folder (a tampered log row) is not opened.
    await driver.call('setExportFile', { id: strayId, path: join(out, 'secret.txt') });

    expect(await driver.call('openExport', { senderUrl: `${OWN_PAGE}index.html`, id: ownId })).toEqual({
      ok: true,
    });
    const stray = await driver.call<{ ok: boolean; message: string }>('openExport', {
      senderUrl: `${OWN_PAGE}index.html`,
      id: strayId,
    });
    expect(stray.ok).toBe(false);
    expect(stray.message).toContain('n’a pas été écrit par Concerto');
    const foreign = await driver.call<{ ok: boolean }>('openExport', {
      senderUrl: 'https://evil.example/',
      id: ownId,
    });
    expect(foreign.ok).toBe(false);
    const forged = await driver.call<{ ok: boolean }>('openExport', {
      senderUrl: `${OWN_PAGE}index.html`,
      id: '../../secret.txt',
    });
    expect(forged.ok).toBe(false);
    const unknown = await driver.call<{ ok: boolean; message: string }>('openExport', {
      senderUrl: `${OWN_PAGE}index.html`,
      id: '01950000-0000-7000-8000-000000000003',
    });
    expect(unknown).toEqual({ ok: false, message: 'Fichier introuvable.' });

    const state = await driver.call<Snapshot>('snapshot');
    expect(state.openedPaths).toEqual([inside]);
  });

  test('offers a native folder dialog to our page only', async () => {
    await driver.call('setChosenFolder', { path: '/media/secretariat/CLE-USB' });
    expect(await driver.call('chooseFolder', { senderUrl: `${OWN_PAGE}index.html` })).toBe(
      '/media/secretariat/CLE-USB',
    );
    expect(await driver.call('chooseFolder', { senderUrl: 'https://evil.example/' })).toBeNull();
  });

  test('has a French menu whose "À propos" opens the in-app About page', async () => {
    const labels = afterReady.menu?.map((item) => item.label).filter(Boolean);
    expect(labels).toEqual(['Fichier', 'Édition', 'Affichage', 'Aide']);
    const state = await driver.call<Snapshot>('menuClick', { path: ['Aide', 'À propos de Concerto'] });
    const sent = state.hardenedWebContents[0]?.sent ?? [];
    expect(sent.at(-1)).toEqual({ channel: 'concerto:event', args: ['app:navigate', '/about'] });
  });

  test('the window is shown when ready; no update is looked for outside a package', async () => {
    const state = await driver.call<Snapshot>('windowEvent', { event: 'ready-to-show' });
    expect(state.calls.some((c) => c.name === 'window.show')).toBe(true);
    expect(state.longTimers).toEqual([]);
    expect(state.updater.checks).toBe(0);
  });

  test('a second launch brings the open window to the front, restored if minimised', async () => {
    const before = (await driver.call<Snapshot>('snapshot')).calls.length;
    const state = await driver.call<Snapshot>('secondInstance', { argv: ['concerto'], minimized: true });
    expect(state.calls.slice(before).map((c) => c.name)).toEqual([
      'window.restore',
      'window.show',
      'window.focus',
    ]);
    expect(state.windows).toHaveLength(1);
    expect(state.forks).toHaveLength(1);
  });

  test('restarts a crashed backend once, then gives up and quits', async () => {
    const inFlight = driver.call('invoke', { senderUrl: OWN_PAGE, method: 'slow.call', input: {} });
    await driver.call('setEcho', { echo: false });
    const pendingCall = driver.call('invoke', { senderUrl: OWN_PAGE, method: 'never.answered', input: {} });
    await inFlight;
    let state = await driver.call<Snapshot>('backendExit', { code: 3 });
    expect(await pendingCall).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(state.dialogs).toHaveLength(1);
    expect(state.forks).toHaveLength(2);
    expect(state.forks[1]?.received[0]).toMatchObject({ kind: 'init', userDataDir: join(out, 'user-data') });
    expect(state.quitCalls).toBe(0);

    state = await driver.call<Snapshot>('backendExit', { code: 3 });
    expect(state.dialogs).toHaveLength(2);
    expect(state.forks).toHaveLength(2);
    expect(state.quitCalls).toBeGreaterThan(0);
  });
});

describe('startup refusals', () => {
  test('a database from a newer Concerto: the French message is shown and the app quits', async () => {
    const driver = await launch();
    await driver.call('start');
    await driver.call('ready');
    const message = 'Cette base de données vient d’une version plus récente de Concerto.';
    const state = await driver.call<Snapshot>('backendMessage', { message: { kind: 'fatal', message } });
    expect(state.dialogs.map((d) => d.content)).toEqual([message]);
    expect(state.quitCalls).toBeGreaterThan(0);
    const after = await driver.call('invoke', { senderUrl: OWN_PAGE, method: 'registry.list', input: {} });
    expect(after).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  test('a second instance quits at once and leaves the first one alone', async () => {
    const driver = await launch({ STUB_SINGLE_INSTANCE_LOCK: 'taken' });
    await driver.call('start');
    const state = await driver.call<Snapshot>('ready');
    expect(state.quitCalls).toBe(1);
    // Nothing of its own to close: it is gone at once.
    expect(state.exited).toBe(true);
    expect(state.appListeners['before-quit']).toBe(0);
    expect(state.windows).toHaveLength(0);
    expect(state.forks).toHaveLength(0);
    expect(state.ipcChannels.handle).toEqual([]);
  });
});

describe('the data folder', () => {
  const initOf = (state: Snapshot) =>
    state.forks[0]?.received[0] as { userDataDir: string; localDataDir: string };

  test('--data-dir=<path> is handed to the backend, and opening exports follows it', async () => {
    const dataDir = join(out, 'cle-usb', 'Concerto');
    const driver = await launch({}, [`--data-dir=${dataDir}`]);
    await driver.call('start');
    const state = await driver.call<Snapshot>('ready');
    expect(initOf(state).userDataDir).toBe(dataDir);
    await driver.call('backendMessage', { message: { kind: 'ready' } });
    mkdirSync(join(dataDir, 'exports'), { recursive: true });
    const file = join(dataDir, 'exports', 'releve.pdf');
    writeFileSync(file, '%PDF-1.7');
    const id = '01950000-0000-7000-8000-0000000000aa';
    await driver.call('setExportFile', { id, path: file });
    expect(await driver.call('openExport', { senderUrl: OWN_PAGE, id })).toEqual({ ok: true });
  });

  test('CONCERTO_DATA_DIR when no argument', async () => {
    const dataDir = join(out, 'env-data');
    const driver = await launch({ CONCERTO_DATA_DIR: dataDir });
    await driver.call('start');
    expect(initOf(await driver.call<Snapshot>('ready')).userDataDir).toBe(dataDir);
  });

  test('the local folder once the data was moved there (it holds concerto.sqlite)', async () => {
    const home = join(out, 'home-moved');
    const local = join(home, '.local', 'share', 'Concerto');
    mkdirSync(local, { recursive: true });
    writeFileSync(join(local, 'concerto.sqlite'), '');
    const driver = await launch({ STUB_HOME: home });
    await driver.call('start');
    const init = initOf(await driver.call<Snapshot>('ready'));
    expect(init).toMatchObject({ userDataDir: local, localDataDir: local });
  });
});

describe('quitting', () => {
  test('the database is closed before the app goes; quitting again meanwhile changes nothing', async () => {
    const driver = await launch();
    await driver.call('start');
    await driver.call('ready');
    await driver.call('backendMessage', { message: { kind: 'ready' } });
    await driver.call('setClosesOnShutdown', { closes: false });
    let state = await driver.call<Snapshot>('quit');
    expect(state.exited).toBe(false);
    expect(state.forks[0]?.received.filter((m) => m.kind === 'shutdown')).toHaveLength(1);
    expect(state.calls.some((c) => c.name === 'window.hide')).toBe(true);
    // A second quit while the backend closes: still waiting, no second shutdown.
    state = await driver.call<Snapshot>('quit');
    expect(state.exited).toBe(false);
    expect(state.forks[0]?.received.filter((m) => m.kind === 'shutdown')).toHaveLength(1);
    // A call arriving now is refused rather than started.
    expect(
      await driver.call('invoke', { senderUrl: OWN_PAGE, method: 'registry.list', input: {} }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
    state = await driver.call<Snapshot>('backendMessage', { message: { kind: 'closed' } });
    expect(state.exited).toBe(true);
    const names = state.calls.map((c) => c.name);
    expect(names.indexOf('backend:shutdown')).toBeLessThan(names.indexOf('app exited'));
    expect(state.forks).toHaveLength(1);
    expect(state.forks[0]?.killed).toBe(false);
    expect(state.updater.installs).toEqual([]);
  });
});

describe('updates, in a packaged app', () => {
  let driver: Driver;

  beforeAll(async () => {
    const resources = join(out, 'packaged-resources');
    mkdirSync(resources, { recursive: true });
    driver = await launch({ STUB_PACKAGED: '1', STUB_RESOURCES_PATH: resources });
    await driver.call('start');
    await driver.call('ready');
    await driver.call('backendMessage', { message: { kind: 'ready' } });
  });

  test('packaged: no developer tools, resources next to the executable', async () => {
    const state = await driver.call<Snapshot>('snapshot');
    expect(state.windows[0]?.options.webPreferences.devTools).toBe(false);
    expect(state.forks[0]?.received[0]).toMatchObject({
      resourcesDir: join(out, 'packaged-resources', 'resources'),
    });
  });

  test('nothing is scheduled during start-up; the first check comes minutes after the window shows', async () => {
    let state = await driver.call<Snapshot>('snapshot');
    expect(state.longTimers).toEqual([]);
    state = await driver.call<Snapshot>('windowEvent', { event: 'ready-to-show' });
    expect(state.longTimers).toHaveLength(1);
    const [first] = state.longTimers;
    expect(first?.delay).toBeGreaterThanOrEqual(2 * 60_000);
    expect(first?.delay).toBeLessThanOrEqual(10 * 60_000);
    expect(state.updater.checks).toBe(0);
    // Shown again (e.g. after being hidden): no second schedule.
    state = await driver.call<Snapshot>('windowEvent', { event: 'show' });
    expect(state.longTimers).toHaveLength(1);
  });

  test('offline: the check is skipped silently and the next one is in six hours', async () => {
    await driver.call('setOnline', { online: false });
    let state = await driver.call<Snapshot>('snapshot');
    state = await driver.call<Snapshot>('fireTimer', { id: state.longTimers[0]?.id });
    expect(state.updater.checks).toBe(0);
    expect(state.dialogs).toEqual([]);
    expect(state.messageBoxes).toEqual([]);
    expect(state.longTimers.map((t) => t.delay)).toEqual([6 * 60 * 60_000]);
  });

  test('online: checks, downloads by itself, never installs by itself', async () => {
    await driver.call('setOnline', { online: true });
    let state = await driver.call<Snapshot>('snapshot');
    state = await driver.call<Snapshot>('fireTimer', { id: state.longTimers[0]?.id });
    expect(state.updater).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: false, checks: 1 });
    expect(state.updater.listeners).toEqual(expect.arrayContaining(['error', 'update-downloaded']));
    // A failure is not shown to the user.
    state = await driver.call<Snapshot>('updaterEvent', { event: 'error', payload: { message: 'net::ERR' } });
    expect(state.dialogs).toEqual([]);
    state = await driver.call<Snapshot>('updaterEvent', {
      event: 'update-downloaded',
      payload: { version: '0.2.0' },
    });
    expect(state.updater.installs).toEqual([]);
    expect(state.exited).toBe(false);
  });

  test('at quit: the database is closed first, then the update installs and the app goes', async () => {
    const state = await driver.call<Snapshot>('quit');
    const names = state.calls.map((c) => c.name);
    expect(names.indexOf('backend:shutdown')).toBeGreaterThan(-1);
    expect(names.indexOf('backend:closed')).toBeGreaterThan(names.indexOf('backend:shutdown'));
    expect(names.indexOf('autoUpdater.quitAndInstall')).toBeGreaterThan(names.indexOf('backend:closed'));
    expect(state.updater.installs).toEqual([[true, false]]);
    expect(state.exited).toBe(true);
    // The next check was cancelled.
    expect(state.longTimers).toEqual([]);
  });
});
