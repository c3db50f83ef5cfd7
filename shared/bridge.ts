// The one object the renderer sees, injected by the Electron preload or by the web host.
// The renderer never knows which host it runs in.
import type { Envelope } from './rpc/envelope';

export interface HostInfo {
  host: 'electron' | 'web';
  version: string;
  platform: string;
}

export interface BackendEvent {
  topic: string;
  payload: unknown;
}

export interface ConcertoBridge {
  invoke(method: string, input: unknown): Promise<Envelope<unknown>>;
  /** Returns a function that stops the subscription. */
  subscribe(topic: string, listener: (payload: unknown) => void): () => void;
  info: HostInfo;
  /**
   * Hands a file Concerto wrote (its export log id) to the user: opened in its default
   * application by Electron (a .eml opens as a draft in the mail client), downloaded by the web
   * host. Resolves with a French message when it could not.
   */
  openExport(id: string): Promise<{ ok: boolean; message?: string }>;
  /** A native "choose a folder" dialog, where the host has one; null when cancelled. */
  chooseFolder?: () => Promise<string | null>;
}

export const BRIDGE_GLOBAL = 'concerto' as const;
