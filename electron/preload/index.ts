// The only door between the page and the rest of the app. Bundled to CommonJS: sandboxed
// preloads cannot load ES modules, and may only require 'electron'.
import { contextBridge, type IpcRendererEvent, ipcRenderer } from 'electron';
import type { BRIDGE_GLOBAL, ConcertoBridge, HostInfo } from '../../shared/bridge';

const GLOBAL: typeof BRIDGE_GLOBAL = 'concerto';

const bridge: ConcertoBridge = {
  invoke: (method, input) => ipcRenderer.invoke('concerto:invoke', method, input),
  subscribe(topic, listener) {
    const handler = (_event: IpcRendererEvent, eventTopic: unknown, payload: unknown) => {
      if (eventTopic === topic) listener(payload);
    };
    ipcRenderer.on('concerto:event', handler);
    return () => {
      ipcRenderer.removeListener('concerto:event', handler);
    };
  },
  info: ipcRenderer.sendSync('concerto:info-sync') as HostInfo,
  openExport: (id) => ipcRenderer.invoke('concerto:open-export', id),
  chooseFolder: () => ipcRenderer.invoke('concerto:choose-folder'),
};

contextBridge.exposeInMainWorld(GLOBAL, bridge);
