// Stand-in for 'electron-updater' (mapped by driver.mjs): the recording autoUpdater of the
// electron stub. electron-updater is CommonJS, so main reads it from the default export.
import { __stub } from './electron.mjs';

export const autoUpdater = __stub.autoUpdater;
export default { autoUpdater };
