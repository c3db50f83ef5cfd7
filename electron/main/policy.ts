// The security decisions of the Electron shell, as pure functions: which pages are ours, where a
// page may navigate, what happens to window.open and links, which permissions a page gets, the
// options every window is created with, and the Content-Security-Policy of our pages. Nothing
// here imports Electron at run time, so all of it is unit-tested in plain Node
// (tests/unit/electron-policy.test.ts); security.ts, window.ts and protocol.ts apply it.
import type { WebPreferences } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'concerto';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_URL = `${APP_ORIGIN}/`;

/**
 * Options of every window. The renderer shows only our bundled pages and reaches the rest of the
 * app through the preload's one object, so it gets no Node, no webviews, an isolated and
 * sandboxed world, and the web's same-origin rules. Developer tools only outside a package.
 */
export function secureWebPreferences(preloadPath: string, isPackaged: boolean): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    // A file dropped on the window would otherwise replace the app with that file.
    navigateOnDragDrop: false,
    // A page that opens dialogs in a loop gets a "stop showing" option.
    safeDialogs: true,
    spellcheck: true,
    devTools: !isPackaged,
  };
}

/**
 * The Vite dev server's URL from ELECTRON_RENDERER_URL, honoured only outside a package (a
 * packaged app that read it from the environment could be pointed at any page).
 */
export function parseDevServerUrl(value: string | undefined, isPackaged: boolean): string | null {
  if (isPackaged || !value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** True for a page of our own: app://concerto/… or, in development, the dev server's origin. */
export function isOwnPage(url: string | null | undefined, devServer: string | null): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // app: is not a "special" scheme for WHATWG URLs, so its origin reads "null": compare the parts.
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true;
  if (!devServer) return false;
  try {
    return parsed.origin === new URL(devServer).origin;
  } catch {
    return false;
  }
}

/** Every IPC message is answered only when the frame that sent it shows one of our pages. */
export function isTrustedSender(frameUrl: string | null | undefined, devServer: string | null): boolean {
  return isOwnPage(frameUrl, devServer);
}

/** will-navigate, will-frame-navigate, will-redirect: only within our own pages. */
export function navigationAllowed(url: string, devServer: string | null): boolean {
  return isOwnPage(url, devServer);
}

/** Longer links are refused: nobody reads such a URL in a confirmation dialog. */
export const MAX_EXTERNAL_URL_LENGTH = 2048;

const EXTERNAL_SCHEMES = new Set(['https:', 'mailto:']);

/**
 * The link, normalised, when it may be offered to the user's browser or mail client: https
 * (with a host and no credentials) and mailto only. Everything else (http, file, javascript,
 * data, custom schemes that would start another program) is refused.
 */
export function externalLink(url: string): string | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_EXTERNAL_URL_LENGTH) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!EXTERNAL_SCHEMES.has(parsed.protocol)) return null;
  if (parsed.protocol === 'https:' && (!parsed.hostname || parsed.username || parsed.password)) return null;
  if (parsed.protocol === 'mailto:' && parsed.pathname.length === 0 && parsed.search.length === 0)
    return null;
  return parsed.href;
}

export interface WindowOpenDecision {
  /** No window is ever opened inside Concerto. */
  action: 'deny';
  /** The link to offer to the browser or mail client, after the user confirms; null: nothing. */
  openExternally: string | null;
}

export function windowOpenDecision(url: string): WindowOpenDecision {
  return { action: 'deny', openExternally: externalLink(url) };
}

/** Writing to the clipboard from a "Copier" button is the one permission our pages get. */
const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write']);

/** Permission requests and checks: refused, except the clipboard write for our own pages. */
export function permissionAllowed(
  permission: string,
  pageUrl: string | null | undefined,
  devServer: string | null,
): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isOwnPage(pageUrl, devServer);
}

/** Sent with every app:// response (and by the web host, so end-to-end tests run under it). */
export { CONTENT_SECURITY_POLICY } from '../../shared/csp';
