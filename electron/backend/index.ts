// Entry of the backend utility process (Electron). Plain Node: never imports 'electron'.
// Protocol with main: init → ready | fatal; invoke → result; event (pushed); shutdown → closed
// (then the process exits 0: the database is checkpointed and closed).
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
        ...(typeof message.localDataDir === 'string' ? { localDataDir: message.localDataDir } : {}),
        onEvent: (topic, payload) => port.postMessage({ kind: 'event', topic, payload }),
      });
      port.postMessage({ kind: 'ready' });
    } catch (error) {
      const text = error instanceof AppError ? error.message : `Démarrage impossible : ${String(error)}`;
      port.postMessage({ kind: 'fatal', message: text });
    }
    return;
  }
  if (message.kind === 'shutdown') {
    await shutdown();
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

let closing: Promise<void> | null = null;

/** Closes the backend cleanly (once), tells main, and leaves. */
function shutdown(): Promise<void> {
  closing ??= (async () => {
    try {
      await backend?.close();
    } catch (error) {
      console.error('[backend] closing failed', error);
    }
    port?.postMessage({ kind: 'closed' });
    process.exit(0);
  })();
  return closing;
}

process.on('SIGTERM', () => {
  void shutdown();
});
