import { BrowserWindow } from 'electron';
import { PRELOAD_PATH } from './paths';
import { APP_URL, secureWebPreferences } from './policy';
import { devServerUrl } from './security';

export function createMainWindow(isPackaged: boolean): BrowserWindow {
  const window = new BrowserWindow({
    title: 'Concerto',
    width: 1280,
    height: 820,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    autoHideMenuBar: false,
    webPreferences: secureWebPreferences(PRELOAD_PATH, isPackaged),
  });
  // The page title would otherwise replace the product name in the title bar.
  window.on('page-title-updated', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  void window.loadURL(devServerUrl() ?? APP_URL);
  return window;
}
