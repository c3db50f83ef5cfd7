// The backend (database, services) runs in an Electron utility process. Main only relays:
// it sends `init` once, then `invoke` messages, and forwards the backend's `event` messages.
// Protocol: main → { init | invoke | shutdown }, backend → { ready | fatal | result | event | closed }.
// No Electron import: index.ts hands in utilityProcess.fork, the unit tests a fake child.
import type { Envelope } from '../../shared/rpc/envelope';

export interface BackendInit {
  kind: 'init';
  /** The data folder (chosen by data-dir.ts: argument, environment, local folder or userData). */
  userDataDir: string;
  appVersion: string;
  resourcesDir: string;
  /** Local, non-roaming folder where "Déplacer sur cet ordinateur" copies the data. */
  localDataDir: string;
}

/** What main needs of Electron's UtilityProcess. */
export interface BackendChild {
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  postMessage(message: unknown): void;
  kill(): boolean;
}

export type ForkBackend = (
  modulePath: string,
  args: string[],
  options: { serviceName: string; stdio: 'inherit'; execArgv: string[] },
) => BackendChild;

/**
 * V8 flags of the backend. A small young generation: the 3W import allocates many short-lived
 * rows, and V8's default nursery grows by ~150 MB on a 50,000-row file for no gain in time
 * (measured by bench/imports.bench.ts in a child process: peak 388–445 MB → 272–302 MB).
 */
export const BACKEND_EXEC_ARGV = ['--max-semi-space-size=4'];

/** How a shutdown ended: the backend said `closed`, exited on its own, or was killed at the timeout. */
export type ShutdownOutcome = 'closed' | 'exited' | 'killed';

/** Main waits this long for `closed` (the backend itself waits ~5 s for calls in flight). */
export const SHUTDOWN_TIMEOUT_MS = 10_000;

export interface BackendProcessOptions {
  modulePath: string;
  fork: ForkBackend;
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
  private child: BackendChild | null = null;
  private ready = false;
  /** Set once the backend is gone for good (fatal, second crash, or quitting). */
  private closed = false;
  private restarts = 0;
  private nextId = 1;
  /** Calls sent to the current process and not answered yet. */
  private readonly pending = new Map<number, (envelope: Envelope<unknown>) => void>();
  /** Calls made before `ready`: the backend answers "not ready" to those, so main holds them. */
  private queued: Invoke[] = [];
  private shuttingDown: Promise<ShutdownOutcome> | null = null;
  /** Settles the shutdown in progress when the backend says `closed` or its process exits. */
  private settleShutdown: ((outcome: ShutdownOutcome) => void) | null = null;

  constructor(private readonly options: BackendProcessOptions) {}

  start(): void {
    const child = this.options.fork(this.options.modulePath, [], {
      serviceName: 'concerto-backend',
      stdio: 'inherit',
      execArgv: BACKEND_EXEC_ARGV,
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

  /**
   * Clean shutdown before quitting or installing an update: the backend stops taking calls,
   * finishes or cancels its work, checkpoints the WAL, closes the database and says `closed`.
   * Calls already sent still get their answers; calls not sent yet are refused. A backend that
   * neither says `closed` nor exits within `timeoutMs` is killed (SQLite's journal keeps the
   * database whole). Calling it again returns the same promise.
   */
  shutdown(timeoutMs: number = SHUTDOWN_TIMEOUT_MS): Promise<ShutdownOutcome> {
    if (this.shuttingDown) return this.shuttingDown;
    this.closed = true;
    const child = this.child;
    for (const call of this.queued) {
      this.pending.get(call.id)?.(internalError('Concerto se ferme.'));
      this.pending.delete(call.id);
    }
    this.queued = [];
    if (!child) {
      this.failAll('Concerto se ferme.');
      this.shuttingDown = Promise.resolve('exited');
      return this.shuttingDown;
    }
    this.shuttingDown = new Promise<ShutdownOutcome>((resolve) => {
      const timer = setTimeout(() => {
        child.kill();
        settle('killed');
      }, timeoutMs);
      const settle = (outcome: ShutdownOutcome): void => {
        clearTimeout(timer);
        this.settleShutdown = null;
        this.child = null;
        this.failAll('Concerto se ferme.');
        resolve(outcome);
      };
      this.settleShutdown = settle;
    });
    child.postMessage({ kind: 'shutdown' });
    return this.shuttingDown;
  }

  /** Last resort at will-quit: kills a backend still running (after shutdown, there is none). */
  stop(): void {
    this.closed = true;
    this.failAll('Le service de données est arrêté.');
    this.child?.kill();
    this.child = null;
  }

  private onMessage(child: BackendChild, message: unknown): void {
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
      case 'closed':
        this.settleShutdown?.('closed');
        return;
      case 'fatal':
        if (this.shuttingDown) return;
        this.closed = true;
        this.failAll('Le service de données n’a pas pu démarrer.');
        this.options.onFatal(typeof data.message === 'string' ? data.message : 'Erreur inconnue.');
        return;
    }
  }

  private onExit(child: BackendChild, code: number): void {
    if (child !== this.child) return;
    if (this.settleShutdown) {
      this.settleShutdown('exited');
      return;
    }
    if (this.closed) return;
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
