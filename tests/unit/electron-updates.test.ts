// The update policy (electron/main/updates.ts) with a fake updater and fake clocks: when checks
// happen, that offline and failures stay silent, and that nothing installs behind the user's back.
import { EventEmitter } from 'node:events';
import { describe, expect, test } from 'vitest';
import {
  CHECK_INTERVAL_MS,
  createUpdates,
  FIRST_CHECK_DELAY_MS,
  type Updater,
} from '../../electron/main/updates';

class FakeUpdater extends EventEmitter implements Updater {
  autoDownload = false;
  autoInstallOnAppQuit = true;
  checks = 0;
  installs: [boolean | undefined, boolean | undefined][] = [];
  failWith: Error | null = null;
  checkForUpdates(): Promise<unknown> {
    this.checks++;
    return this.failWith ? Promise.reject(this.failWith) : Promise.resolve(null);
  }
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void {
    this.installs.push([isSilent, isForceRunAfter]);
  }
}

/** A clock that only moves when told to. */
class FakeClock {
  now = 0;
  private timers: { at: number; callback: () => void; id: number }[] = [];
  private nextId = 1;
  setTimeout = (callback: () => void, ms: number): unknown => {
    const id = this.nextId++;
    this.timers.push({ at: this.now + ms, callback, id });
    return id;
  };
  clearTimeout = (handle: unknown): void => {
    this.timers = this.timers.filter((timer) => timer.id !== handle);
  };
  get pending(): number {
    return this.timers.length;
  }
  async advance(ms: number): Promise<void> {
    const until = this.now + ms;
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at);
      const next = this.timers[0];
      if (!next || next.at > until) break;
      this.timers.shift();
      this.now = next.at;
      next.callback();
      // Lets the check's promises settle before the next timer.
      for (let i = 0; i < 10; i++) await Promise.resolve();
    }
    this.now = until;
  }
}

function setup(options: { online?: () => boolean } = {}) {
  const updater = new FakeUpdater();
  const clock = new FakeClock();
  const logged: string[] = [];
  let loads = 0;
  const updates = createUpdates({
    loadUpdater: async () => {
      loads++;
      return updater;
    },
    isOnline: options.online ?? (() => true),
    timers: clock,
    log: (message) => logged.push(message),
  });
  return { updates, updater, clock, logged, loads: () => loads };
}

const MINUTE = 60_000;

describe('update checks', () => {
  test('nothing happens until the window is shown, and nothing during start-up', async () => {
    const { updates, updater, clock, loads } = setup();
    await clock.advance(CHECK_INTERVAL_MS * 2);
    expect(updater.checks).toBe(0);
    updates.start();
    await clock.advance(FIRST_CHECK_DELAY_MS - 1);
    expect(updater.checks).toBe(0);
    // electron-updater is not even loaded before the first check is due.
    expect(loads()).toBe(0);
    await clock.advance(1);
    expect(updater.checks).toBe(1);
    expect(FIRST_CHECK_DELAY_MS).toBeGreaterThanOrEqual(2 * MINUTE);
    expect(FIRST_CHECK_DELAY_MS).toBeLessThanOrEqual(10 * MINUTE);
  });

  test('then every six hours; a second start() schedules nothing more', async () => {
    const { updates, updater, clock } = setup();
    updates.start();
    updates.start();
    await clock.advance(FIRST_CHECK_DELAY_MS);
    expect(updater.checks).toBe(1);
    await clock.advance(CHECK_INTERVAL_MS - 1);
    expect(updater.checks).toBe(1);
    await clock.advance(1);
    expect(updater.checks).toBe(2);
    await clock.advance(CHECK_INTERVAL_MS * 3);
    expect(updater.checks).toBe(5);
    expect(CHECK_INTERVAL_MS).toBe(6 * 60 * MINUTE);
    expect(clock.pending).toBe(1);
  });

  test('downloads on its own but never installs on its own quit', async () => {
    const { updates, updater, clock } = setup();
    updates.start();
    await clock.advance(FIRST_CHECK_DELAY_MS);
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(false);
  });

  test('offline: no check, nothing said but a log line, and the next slot is kept', async () => {
    let online = false;
    const { updates, updater, clock, logged } = setup({ online: () => online });
    updates.start();
    await clock.advance(FIRST_CHECK_DELAY_MS);
    expect(updater.checks).toBe(0);
    expect(logged.some((line) => line.includes('hors ligne'))).toBe(true);
    online = true;
    await clock.advance(CHECK_INTERVAL_MS);
    expect(updater.checks).toBe(1);
  });

  test('a failing check (rejected or emitted error) is logged and the schedule goes on', async () => {
    const { updates, updater, clock, logged } = setup();
    updater.failWith = new Error('getaddrinfo ENOTFOUND');
    updates.start();
    await clock.advance(FIRST_CHECK_DELAY_MS);
    expect(updater.checks).toBe(1);
    // electron-updater also emits 'error': with no listener an EventEmitter would throw.
    expect(() => updater.emit('error', new Error('HttpError: 404'))).not.toThrow();
    expect(logged.filter((line) => line.includes('échec'))).toHaveLength(2);
    updater.failWith = null;
    await clock.advance(CHECK_INTERVAL_MS);
    expect(updater.checks).toBe(2);
  });

  test('an updater that cannot even load is silent too', async () => {
    const clock = new FakeClock();
    const logged: string[] = [];
    const updates = createUpdates({
      loadUpdater: () => Promise.reject(new Error('app-update.yml introuvable')),
      isOnline: () => true,
      timers: clock,
      log: (message) => logged.push(message),
    });
    updates.start();
    await clock.advance(FIRST_CHECK_DELAY_MS);
    expect(logged).toHaveLength(1);
    expect(clock.pending).toBe(1);
    expect(updates.installNow()).toBe(false);
  });

  test('stop() cancels the next check', async () => {
    const { updates, updater, clock } = setup();
    updates.start();
    updates.stop();
    await clock.advance(CHECK_INTERVAL_MS * 2);
    expect(updater.checks).toBe(0);
    expect(clock.pending).toBe(0);
  });
});

describe('installing at quit', () => {
  test('nothing downloaded: nothing to install', async () => {
    const { updates, updater, clock } = setup();
    updates.start();
    await clock.advance(FIRST_CHECK_DELAY_MS);
    expect(updates.ready).toBeNull();
    expect(updates.installNow()).toBe(false);
    expect(updater.installs).toEqual([]);
  });

  test('downloaded: waits for the quit, then installs silently without relaunching', async () => {
    const { updates, updater, clock } = setup();
    updates.start();
    await clock.advance(FIRST_CHECK_DELAY_MS);
    updater.emit('update-downloaded', { version: '0.2.0' });
    expect(updates.ready).toBe('0.2.0');
    expect(updater.installs).toEqual([]);
    // No further checks while an update waits.
    await clock.advance(CHECK_INTERVAL_MS * 2);
    expect(updater.checks).toBe(1);
    expect(updates.installNow()).toBe(true);
    expect(updater.installs).toEqual([[true, false]]);
  });

  test('an installer that throws leaves the app to quit normally', async () => {
    const { updates, updater, clock } = setup();
    updates.start();
    await clock.advance(FIRST_CHECK_DELAY_MS);
    updater.emit('update-downloaded', { version: '0.2.0' });
    updater.quitAndInstall = () => {
      throw new Error('installer missing');
    };
    expect(updates.installNow()).toBe(false);
  });
});
