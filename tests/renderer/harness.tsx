import { cleanup, type RenderResult, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach } from 'vitest';
import { AppProviders } from '../../renderer/app/App';
import { setLanguage } from '../../renderer/app/i18n';
import type { ConcertoBridge } from '../../shared/bridge';
import { startTestApp, type TestApp } from '../integration/harness';

// Renderer tests talk to a REAL backend: the same router, migrations and SQLite file as the
// application, in-process, on a fresh temporary database. Nothing of the backend is mocked.

const running: TestApp[] = [];

export interface RenderWithBackendOptions {
  /** The hash route to start on, e.g. '/settings' (default '/'). */
  route?: string;
  /** Reuse an already started backend (e.g. one prepared with data before rendering). */
  app?: TestApp;
}

/** Starts a backend (or reuses one), installs the bridge, and renders `ui` inside the app's providers. */
export async function renderWithBackend(
  ui: ReactElement,
  options: RenderWithBackendOptions = {},
): Promise<{ app: TestApp } & RenderResult> {
  const app = options.app ?? (await startTestApp());
  if (!running.includes(app)) running.push(app);
  installBridge(app);
  window.location.hash = `#${options.route ?? '/'}`;
  await setLanguage('fr');
  const result = render(<AppProviders env="test">{ui}</AppProviders>);
  return { app, ...result };
}

/**
 * Export log ids the page asked the host to open (the desktop app opens them, a browser
 * downloads them): tests read what a user would have been handed.
 */
export const openedExports: string[] = [];

/** Points window.concerto at a test backend. */
export function installBridge(app: TestApp): void {
  const bridge: ConcertoBridge = {
    invoke: (method, input) => app.backend.invoke(method, input),
    subscribe: () => () => {},
    info: { host: 'web', version: 'test', platform: 'test' },
    openExport: async (id) => {
      openedExports.push(id);
      return { ok: true };
    },
  };
  (window as unknown as { concerto: ConcertoBridge }).concerto = bridge;
}

/** Unmounts what was rendered (so no query runs against a closed database), then closes the backends. */
export async function cleanupBackends(): Promise<void> {
  cleanup();
  // Closing waits for calls in flight, whose screens may still hand a file over: forget those
  // only once the backends are closed.
  const apps = running.splice(0);
  for (const app of apps) await app.close();
  openedExports.splice(0);
  window.location.hash = '';
}

afterEach(cleanupBackends);

/**
 * Mali's territories loaded and chosen, and two partners (ACF and MSF): the starting point of
 * the partner and coverage screens' tests. Returns Mali's cercles too.
 */
export async function maliWithTwoPartners() {
  const app = await startTestApp();
  await app.call('territories.loadCountry', { countryCode: 'ML' });
  await app.call('settings.update', { welcomed: true, countryCode: 'ML' });
  const acf = await app.call('organisations.create', {
    name: 'Action contre la Faim',
    acronym: 'ACF',
    kind: 'international_ngo',
  });
  const msf = await app.call('organisations.create', {
    name: 'Médecins sans frontières',
    acronym: 'MSF',
    kind: 'international_ngo',
  });
  const cercles = await app.call('territories.list', { countryCode: 'ML', level: 2 });
  return { app, acf, msf, cercles };
}
