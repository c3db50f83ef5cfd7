// Applies the policies of policy.ts to Electron: every web contents is locked down the same way
// (no new windows, no navigation away from the app, no webviews), links leave only through the
// confirmed path, permissions are refused, and IPC messages are answered for our pages only.
import { app, BrowserWindow, dialog, type Session, shell, type WebContents } from 'electron';
import { createExternalLinkOpener } from './external-links';
import {
  isTrustedSender,
  navigationAllowed,
  parseDevServerUrl,
  permissionAllowed,
  windowOpenDecision,
} from './policy';

/** Origin of the Vite dev server, only honoured when the app is not packaged. */
export function devServerUrl(): string | null {
  return parseDevServerUrl(process.env.ELECTRON_RENDERER_URL, app.isPackaged);
}

/** The sender check every ipcMain handler starts with (tests/unit/electron-static.test.ts). */
export function fromOwnPage(event: { senderFrame?: { url?: string } | null }): boolean {
  return isTrustedSender(event.senderFrame?.url, devServerUrl());
}

async function confirmExternalLink(url: string): Promise<boolean> {
  const options = {
    type: 'question' as const,
    title: 'Concerto',
    message: 'Ouvrir ce lien dans votre navigateur ?',
    detail: url,
    buttons: ['Ouvrir', 'Annuler'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  };
  const parent = BrowserWindow.getFocusedWindow();
  const { response } = parent
    ? await dialog.showMessageBox(parent, options)
    : await dialog.showMessageBox(options);
  return response === 0;
}

/** The only caller of shell.openExternal: after the user's confirmation, https and mailto only. */
export const openLinkExternally = createExternalLinkOpener({
  confirm: confirmExternalLink,
  openExternal: (url) => shell.openExternal(url),
  log: (message, error) => console.error(`[concerto] ${message}`, error),
});

export function hardenWebContents(contents: WebContents): void {
  // target=_blank and window.open: nothing opens here; https and mailto links may go to the
  // browser or the mail client once the user says yes.
  contents.setWindowOpenHandler(({ url }) => {
    const decision = windowOpenDecision(url);
    if (decision.openExternally) void openLinkExternally(decision.openExternally);
    return { action: decision.action };
  });
  contents.on('will-navigate', (event) => {
    if (navigationAllowed(event.url, devServerUrl())) return;
    event.preventDefault();
    // A plain link (no target) to a web page or an address: same offer as target=_blank.
    const decision = windowOpenDecision(event.url);
    if (decision.openExternally) void openLinkExternally(decision.openExternally);
  });
  // Frames too (will-navigate only sees the main frame); redirects never leave the app.
  contents.on('will-frame-navigate', (event) => {
    if (!navigationAllowed(event.url, devServerUrl())) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!navigationAllowed(event.url, devServerUrl())) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

export function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((contents, permission, callback) => {
    callback(permissionAllowed(permission, contents.getURL(), devServerUrl()));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => {
    return permissionAllowed(permission, `${requestingOrigin}/`, devServerUrl());
  });
  // USB, HID, serial and Bluetooth devices: never.
  session.setDevicePermissionHandler(() => false);
}
