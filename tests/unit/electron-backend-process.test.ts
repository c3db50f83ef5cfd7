// BackendProcess.shutdown (electron/main/backend-process.ts) with a fake utility process: the
// protocol main ↔ backend at quit, and the timeout that kills a backend that does not answer.
import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { BackendProcess, SHUTDOWN_TIMEOUT_MS } from '../../electron/main/backend-process';

class FakeChild extends EventEmitter {
  received: Record<string, unknown>[] = [];
  killed = false;
  postMessage(message: unknown): void {
    this.received.push(message as Record<string, unknown>);
  }
  kill(): boolean {
    this.killed = true;
    return true;
  }
}

function setup() {
  const children: FakeChild[] = [];
  const crashes: [number, boolean][] = [];
  const backend = new BackendProcess({
    modulePath: '/app/out/main/backend.js',
    fork: () => {
      const child = new FakeChild();
      children.push(child);
      return child;
    },
    init: { userDataDir: '/data', appVersion: '1.0.0', resourcesDir: '/res', localDataDir: '/local' },
    onEvent: () => {},
    onFatal: () => {},
    onCrash: (code, restarting) => crashes.push([code, restarting]),
  });
  backend.start();
  const child = children[0] as FakeChild;
  return { backend, child, children, crashes };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('BackendProcess.shutdown', () => {
  test('sends init with the local data folder', () => {
    const { child } = setup();
    expect(child.received[0]).toEqual({
      kind: 'init',
      userDataDir: '/data',
      appVersion: '1.0.0',
      resourcesDir: '/res',
      localDataDir: '/local',
    });
  });

  test('posts shutdown and resolves when the backend says closed; nothing is killed', async () => {
    const { backend, child } = setup();
    child.emit('message', { kind: 'ready' });
    const done = backend.shutdown();
    expect(child.received.at(-1)).toEqual({ kind: 'shutdown' });
    child.emit('message', { kind: 'closed' });
    await expect(done).resolves.toBe('closed');
    expect(child.killed).toBe(false);
    // No kill later either: the timer is gone.
    vi.advanceTimersByTime(SHUTDOWN_TIMEOUT_MS * 2);
    expect(child.killed).toBe(false);
    // will-quit's last resort finds nothing left to kill.
    backend.stop();
    expect(child.killed).toBe(false);
  });

  test('a backend that exits without saying closed also ends the wait, and is not restarted', async () => {
    const { backend, child, children, crashes } = setup();
    const done = backend.shutdown();
    child.emit('exit', 0);
    await expect(done).resolves.toBe('exited');
    expect(children).toHaveLength(1);
    expect(crashes).toEqual([]);
  });

  test('a backend that does not answer is killed after the timeout', async () => {
    const { backend, child } = setup();
    const done = backend.shutdown(10_000);
    vi.advanceTimersByTime(9_999);
    expect(child.killed).toBe(false);
    vi.advanceTimersByTime(1);
    await expect(done).resolves.toBe('killed');
    expect(child.killed).toBe(true);
    expect(SHUTDOWN_TIMEOUT_MS).toBe(10_000);
  });

  test('calls in flight get their answer; new calls and calls not sent yet are refused', async () => {
    const { backend, child } = setup();
    const queued = backend.invoke('registry.list', {});
    child.emit('message', { kind: 'ready' });
    const inFlight = backend.invoke('minutes.save', { text: 'x' });
    await vi.advanceTimersByTimeAsync(0);
    const sent = child.received.filter((m) => m.kind === 'invoke');
    expect(sent.map((m) => m.method)).toEqual(['registry.list', 'minutes.save']);
    const done = backend.shutdown();
    const late = await backend.invoke('registry.list', {});
    expect(late).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    // The backend finishes the call in flight before closing.
    child.emit('message', { kind: 'result', id: sent[1]?.id, envelope: { ok: true, value: 'saved' } });
    expect(await inFlight).toEqual({ ok: true, value: 'saved' });
    child.emit('message', { kind: 'closed' });
    expect(await done).toBe('closed');
    // The first call was never answered by the backend: refused at the end, not left hanging.
    expect(await queued).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(child.received.filter((m) => m.kind === 'invoke')).toHaveLength(2);
  });

  test('calls still waiting for ready are refused at once', async () => {
    const { backend, child } = setup();
    const waiting = backend.invoke('registry.list', {});
    const done = backend.shutdown();
    expect(await waiting).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: 'Concerto se ferme.' },
    });
    expect(child.received.filter((m) => m.kind === 'invoke')).toEqual([]);
    child.emit('message', { kind: 'closed' });
    expect(await done).toBe('closed');
  });

  test('asked twice, it posts shutdown once and both wait for the same end', async () => {
    const { backend, child } = setup();
    const first = backend.shutdown();
    const second = backend.shutdown();
    expect(second).toBe(first);
    expect(child.received.filter((m) => m.kind === 'shutdown')).toHaveLength(1);
    child.emit('message', { kind: 'closed' });
    expect(await second).toBe('closed');
  });

  test('a backend already gone (crashed twice): resolves at once', async () => {
    const { backend, children } = setup();
    children[0]?.emit('exit', 3);
    children[1]?.emit('exit', 3);
    expect(children).toHaveLength(2);
    await expect(backend.shutdown()).resolves.toBe('exited');
    expect(children[1]?.received.filter((m) => m.kind === 'shutdown')).toEqual([]);
  });
});
