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
}

export const BRIDGE_GLOBAL = 'concerto' as const;
