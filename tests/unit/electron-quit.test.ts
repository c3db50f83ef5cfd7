// The quit sequence (electron/main/quit.ts): the database closes before the app quits or an
// update installs, and a quit can never loop.
import { describe, expect, test } from 'vitest';
import { createQuitSequence } from '../../electron/main/quit';

function setup(options: { installs?: boolean; shutdownFails?: boolean } = {}) {
  const steps: string[] = [];
  let finishShutdown: () => void = () => {};
  let failShutdown: (error: Error) => void = () => {};
  const sequence = createQuitSequence({
    shutdownBackend: () => {
      steps.push('shutdown');
      return new Promise<void>((resolve, reject) => {
        finishShutdown = () => {
          steps.push('database closed');
          resolve();
        };
        failShutdown = reject;
      });
    },
    installUpdate: () => {
      steps.push('installUpdate');
      return options.installs ?? false;
    },
    quit: () => {
      steps.push('app.quit');
      // What Electron does: app.quit() emits before-quit again.
      beforeQuit();
    },
    log: (message) => steps.push(`log: ${message}`),
  });
  const prevented: boolean[] = [];
  const beforeQuit = (): void => {
    let wasPrevented = false;
    sequence.onBeforeQuit({ preventDefault: () => (wasPrevented = true) });
    prevented.push(wasPrevented);
  };
  const settle = async (): Promise<void> => {
    for (let i = 0; i < 10; i++) await Promise.resolve();
  };
  return {
    sequence,
    steps,
    prevented,
    beforeQuit,
    settle,
    finish: () => finishShutdown(),
    fail: (e: Error) => failShutdown(e),
  };
}

describe('before-quit', () => {
  test('holds the first quit until the database is closed, then quits once', async () => {
    const { sequence, steps, prevented, beforeQuit, settle, finish } = setup();
    beforeQuit();
    expect(prevented).toEqual([true]);
    expect(sequence.phase).toBe('closing');
    await settle();
    expect(steps).toEqual(['shutdown']);
    finish();
    await settle();
    expect(steps).toEqual(['shutdown', 'database closed', 'installUpdate', 'app.quit']);
    // The second before-quit (from app.quit) goes through: the app really quits.
    expect(prevented).toEqual([true, false]);
    expect(sequence.phase).toBe('closed');
  });

  test('quitting again while the database closes neither quits early nor starts a second shutdown', async () => {
    const { steps, prevented, beforeQuit, settle, finish } = setup();
    beforeQuit();
    beforeQuit();
    beforeQuit();
    expect(prevented).toEqual([true, true, true]);
    finish();
    await settle();
    expect(steps.filter((step) => step === 'shutdown')).toHaveLength(1);
    expect(steps.filter((step) => step === 'app.quit')).toHaveLength(1);
  });

  test('an update waiting: installed after the database is closed, instead of a plain quit', async () => {
    const { steps, beforeQuit, settle, finish } = setup({ installs: true });
    beforeQuit();
    await settle();
    expect(steps).not.toContain('installUpdate');
    finish();
    await settle();
    expect(steps).toEqual(['shutdown', 'database closed', 'installUpdate']);
    // The installer quits the app itself: that before-quit is let through.
    beforeQuit();
    expect(steps.at(-1)).toBe('installUpdate');
  });

  test('a shutdown that fails still ends in a quit (the backend was killed or is gone)', async () => {
    const { steps, beforeQuit, settle, fail, prevented } = setup();
    beforeQuit();
    fail(new Error('boom'));
    await settle();
    expect(steps).toEqual([
      'shutdown',
      'log: Fermeture du service de données incomplète',
      'installUpdate',
      'app.quit',
    ]);
    expect(prevented).toEqual([true, false]);
  });
});
