import { describe, expect, it } from 'vitest';
import { Gate } from '../../electron/backend/rpc/gate';

// The readers–writer gate around the database: ordinary calls together, a restore alone.

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('gate', () => {
  it('runs shared work together', async () => {
    const gate = new Gate();
    const order: string[] = [];
    const a = deferred();
    const first = gate.shared(async () => {
      order.push('a starts');
      await a.promise;
      order.push('a ends');
    });
    const second = gate.shared(async () => {
      order.push('b runs');
    });
    await second;
    expect(order).toEqual(['a starts', 'b runs']);
    a.resolve();
    await first;
    expect(gate.busy).toBe(0);
  });

  it('makes exclusive work wait for every shared call in flight', async () => {
    const gate = new Gate();
    const order: string[] = [];
    const reading = deferred();
    const shared = gate.shared(async () => {
      order.push('read starts');
      await reading.promise;
      order.push('read ends');
    });
    const exclusive = gate.exclusive(async () => {
      order.push('restore');
    });
    await tick();
    expect(order).toEqual(['read starts']);
    reading.resolve();
    await Promise.all([shared, exclusive]);
    expect(order).toEqual(['read starts', 'read ends', 'restore']);
  });

  it('holds new shared calls while exclusive work waits or runs (writers first)', async () => {
    const gate = new Gate();
    const order: string[] = [];
    const reading = deferred();
    const restoring = deferred();
    const first = gate.shared(async () => {
      await reading.promise;
      order.push('first read ends');
    });
    const exclusive = gate.exclusive(async () => {
      order.push('restore starts');
      await restoring.promise;
      order.push('restore ends');
    });
    // Arrives while the restore waits: must not slip in before it.
    const late = gate.shared(async () => {
      order.push('late read');
    });
    await tick();
    expect(order).toEqual([]);
    reading.resolve();
    await tick();
    await tick();
    expect(order).toEqual(['first read ends', 'restore starts']);
    restoring.resolve();
    await Promise.all([first, exclusive, late]);
    expect(order).toEqual(['first read ends', 'restore starts', 'restore ends', 'late read']);
  });

  it('lets the next call through when work fails', async () => {
    const gate = new Gate();
    await expect(gate.exclusive(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(gate.shared(async () => 'ok')).resolves.toBe('ok');
    expect(gate.busy).toBe(0);
  });
});
