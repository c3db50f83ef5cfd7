// Entry of the backend utility process (Electron). Plain Node: never imports 'electron'.
// Protocol with main: init → ready | fatal; invoke → result; event (pushed).
import { AppError } from './errors';
import { type Backend, startBackend } from './host';

interface ParentPort {
  on(event: 'message', listener: (message: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

const port = (process as unknown as { parentPort?: ParentPort }).parentPort;
let backend: Backend | null = null;

if (port) {
  port.on('message', ({ data }) => {
    void handle(data);
  });
}

async function handle(data: unknown): Promise<void> {
  if (!port || !data || typeof data !== 'object') return;
  const message = data as { kind?: string; [k: string]: unknown };
  if (message.kind === 'init' && !backend) {
    try {
      backend = await startBackend({
        dataDir: String(message.userDataDir),
        resourcesDir: String(message.resourcesDir),
        appVersion: String(message.appVersion),
        onEvent: (topic, payload) => port.postMessage({ kind: 'event', topic, payload }),
      });
      port.postMessage({ kind: 'ready' });
    } catch (error) {
      const text = error instanceof AppError ? error.message : `Démarrage impossible : ${String(error)}`;
      port.postMessage({ kind: 'fatal', message: text });
    }
    return;
  }
  if (message.kind === 'invoke') {
    const id = message.id;
    const envelope = backend
      ? await backend.invoke(message.method, message.input)
      : { ok: false, error: { code: 'INTERNAL', message: 'Le service de données n’est pas encore prêt.' } };
    port.postMessage({ kind: 'result', id, envelope });
  }
}

process.on('SIGTERM', () => {
  void backend?.close().finally(() => process.exit(0));
});
