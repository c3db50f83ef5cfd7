// Every web contents is locked down the same way: no new windows, no navigation away from the
// app, no webviews, no permissions. The renderer only ever shows our own bundled pages.
import { app, type Session, shell, type WebContents } from 'electron';
import { APP_URL } from './protocol';

/** Origin of the Vite dev server, only honoured when the app is not packaged. */
export function devServerUrl(): string | null {
  const url = process.env.ELECTRON_RENDERER_URL;
  if (app.isPackaged || !url) return null;
  try {
    return new URL(url).href;
  } catch {
    return null;
  }
}

/** True for a page of our own: app://concerto/… or, in development, the dev server. */
export function isOwnUrl(url: string | null | undefined): boolean {
  if (!url) return false;
  if (url.startsWith(APP_URL)) return true;
  const dev = devServerUrl();
  if (!dev) return false;
  try {
    return new URL(url).origin === new URL(dev).origin;
  } catch {
    return false;
  }
}

function isHttps(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

export function hardenWebContents(contents: WebContents): void {
  // Links with target=_blank: https pages open in the user's browser, nothing opens here.
  contents.setWindowOpenHandler(({ url }) => {
    if (isHttps(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    if (!isOwnUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isOwnUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

/** Writing to the clipboard from a "Copier" button is the one permission our pages get. */
const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write']);

export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((contents, permission, callback) => {
    callback(ALLOWED_PERMISSIONS.has(permission) && isOwnUrl(contents.getURL()));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => {
    return ALLOWED_PERMISSIONS.has(permission) && isOwnUrl(`${requestingOrigin}/`);
  });
}
