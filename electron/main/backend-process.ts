// The backend (database, services) runs in an Electron utility process. Main only relays:
// it sends `init` once, then `invoke` messages, and forwards the backend's `event` messages.
// Protocol: main → { init | invoke }, backend → { ready | fatal | result | event }.
import { type UtilityProcess, utilityProcess } from 'electron';
import type { Envelope } from '../../shared/rpc/envelope';

export interface BackendInit {
  kind: 'init';
  userDataDir: string;
  appVersion: string;
  resourcesDir: string;
}

export interface BackendProcessOptions {
  modulePath: string;
  init: Omit<BackendInit, 'kind'>;
  onEvent(topic: string, payload: unknown): void;
  /** The backend refused to start (e.g. a database from a newer Concerto). */
  onFatal(message: string): void;
  /** The process died on its own; `restarting` tells whether a new one is being started. */
  onCrash(exitCode: number, restarting: boolean): void;
}

interface Invoke {
  kind: 'invoke';
  id: number;
  method: string;
  input: unknown;
}

/** Restarting more than once would hide a backend that crashes at every start. */
const MAX_RESTARTS = 1;

export function internalError(message: string): Envelope<unknown> {
  return { ok: false, error: { code: 'INTERNAL', message } };
}

function isEnvelope(value: unknown): value is Envelope<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

export class BackendProcess {
  private child: UtilityProcess | null = null;
  private ready = false;
  /** Set once the backend is gone for good (fatal, second crash, or quitting). */
  private closed = false;
  private restarts = 0;
  private nextId = 1;
  /** Calls sent to the current process and not answered yet. */
  private readonly pending = new Map<number, (envelope: Envelope<unknown>) => void>();
  /** Calls made before `ready`: the backend answers "not ready" to those, so main holds them. */
  private queued: Invoke[] = [];

  constructor(private readonly options: BackendProcessOptions) {}

  start(): void {
    const child = utilityProcess.fork(this.options.modulePath, [], {
      serviceName: 'concerto-backend',
      stdio: 'inherit',
    });
    this.child = child;
    this.ready = false;
    child.on('message', (message: unknown) => this.onMessage(child, message));
    child.on('exit', (code: number) => this.onExit(child, code));
    child.postMessage({ kind: 'init', ...this.options.init } satisfies BackendInit);
  }

  invoke(method: string, input: unknown): Promise<Envelope<unknown>> {
    if (this.closed) return Promise.resolve(internalError('Le service de données est arrêté.'));
    const call: Invoke = { kind: 'invoke', id: this.nextId++, method, input };
    return new Promise((resolve) => {
      this.pending.set(call.id, resolve);
      if (this.ready && this.child) this.child.postMessage(call);
      else this.queued.push(call);
    });
  }

  /** Stops the backend on purpose (quit): its exit is then not a crash. */
  stop(): void {
    this.closed = true;
    this.failAll('Le service de données est arrêté.');
    this.child?.kill();
    this.child = null;
  }

  private onMessage(child: UtilityProcess, message: unknown): void {
    if (child !== this.child || typeof message !== 'object' || message === null) return;
    const data = message as { kind?: unknown; [key: string]: unknown };
    switch (data.kind) {
      case 'ready': {
        this.ready = true;
        const queued = this.queued;
        this.queued = [];
        for (const call of queued) child.postMessage(call);
        return;
      }
      case 'result': {
        const resolve = typeof data.id === 'number' ? this.pending.get(data.id) : undefined;
        if (!resolve || typeof data.id !== 'number') return;
        this.pending.delete(data.id);
        resolve(
          isEnvelope(data.envelope)
            ? data.envelope
            : internalError('Réponse invalide du service de données.'),
        );
        return;
      }
      case 'event':
        if (typeof data.topic === 'string') this.options.onEvent(data.topic, data.payload);
        return;
      case 'fatal':
        this.closed = true;
        this.failAll('Le service de données n’a pas pu démarrer.');
        this.options.onFatal(typeof data.message === 'string' ? data.message : 'Erreur inconnue.');
        return;
    }
  }

  private onExit(child: UtilityProcess, code: number): void {
    if (child !== this.child || this.closed) return;
    this.child = null;
    this.ready = false;
    // Calls already sent died with the process; queued ones wait for the next process.
    for (const [id, resolve] of this.pending) {
      if (this.queued.some((call) => call.id === id)) continue;
      this.pending.delete(id);
      resolve(internalError('Le service de données s’est arrêté pendant l’opération.'));
    }
    const restarting = this.restarts < MAX_RESTARTS;
    if (restarting) {
      this.restarts++;
      this.options.onCrash(code, true);
      this.start();
    } else {
      this.closed = true;
      this.failAll('Le service de données est arrêté.');
      this.options.onCrash(code, false);
    }
  }

  private failAll(message: string): void {
    for (const resolve of this.pending.values()) resolve(internalError(message));
    this.pending.clear();
    this.queued = [];
  }
}
