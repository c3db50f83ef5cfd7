import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Backend, type BackendOptions, startBackend } from '../../electron/backend/host';
import type { AppErrorPayload } from '../../shared/errors';
import type { InputOf, MethodName, OutputOf } from '../../shared/rpc';

export interface TestApp {
  backend: Backend;
  dataDir: string;
  events: { topic: string; payload: unknown }[];
  /** Calls through the real router; throws with the error envelope when the call fails. */
  call<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>>;
  /** Calls through the router and returns the error (fails the test if the call succeeded). */
  fail<M extends MethodName>(method: M, input: unknown): Promise<AppErrorPayload>;
  close(): Promise<void>;
}

export const RESOURCES_DIR = resolve(import.meta.dirname, '..', '..', 'resources');

export interface TestAppOptions {
  /** A folder the test owns (kept at close); a fresh temporary one otherwise (removed at close). */
  dataDir?: string;
  /** Extra backend options (a schedule, a fake free space…), over the test defaults. */
  backend?: Partial<BackendOptions>;
}

/** A backend on a fresh temporary database with the real migrations. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'concerto-test-'));
  const events: TestApp['events'] = [];
  const backend = await startBackend({
    dataDir,
    resourcesDir: RESOURCES_DIR,
    appVersion: '0.0.0-test',
    onEvent: (topic, payload) => events.push({ topic, payload }),
    ...options.backend,
  });
  return {
    backend,
    dataDir,
    events,
    async call(method, input) {
      const envelope = await backend.invoke(method, input);
      if (!envelope.ok) throw new Error(`${method} failed: ${JSON.stringify(envelope.error)}`);
      return envelope.value as never;
    },
    async fail(method, input) {
      const envelope = await backend.invoke(method, input);
      if (envelope.ok)
        throw new Error(`${method} was expected to fail but returned ${JSON.stringify(envelope.value)}`);
      return envelope.error;
    },
    async close() {
      await backend.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
