import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { notifications } from '@mantine/notifications';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import BetterSqlite3 from 'better-sqlite3';
import type { ReactElement } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../electron/backend/db/migrations';
import { enterSafeMode } from '../../electron/backend/features/safety/service';
import { damagedProblem } from '../../electron/backend/features/safety/startup';
import { type Backend, type BackendOptions, DATABASE_FILE, startBackend } from '../../electron/backend/host';
import { AppProviders, Shell } from '../../renderer/app/App';
import { setLanguage } from '../../renderer/app/i18n';
import { navigate } from '../../renderer/app/router';
import { BackupsPage } from '../../renderer/features/safety/BackupsPage';
import { formatBackupDate } from '../../renderer/features/safety/format';
import { setRestoreNotice } from '../../renderer/features/safety/restore';
import { SafetyGate } from '../../renderer/features/safety/SafetyGate';
import type { ConcertoBridge } from '../../shared/bridge';
import type { InputOf, MethodName, OutputOf } from '../../shared/rpc';
import type { Envelope } from '../../shared/rpc/envelope';
import type { SafetyStatus } from '../../shared/rpc/safety';
import { RESOURCES_DIR } from '../integration/harness';

// These screens follow events (backup progress, a safety status that changes after the start),
// so the bridge here forwards the real backend's events to the page, which the shared harness
// does not. Everything answers from a real backend on a fresh temporary data folder.

/** Pages load from a real backend: generous waits for a busy machine. */
const WAIT = { timeout: 10_000 };

interface LiveApp {
  backend: Backend;
  dataDir: string;
  events: { topic: string; payload: unknown }[];
  call<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>>;
  /** Holds the answer of a method until released, so a screen can be seen while it waits. */
  hold(method: MethodName): () => void;
  /** What "Choisir un autre dossier…" picks (the desktop host's folder dialog). */
  folder: string | null;
  /** Every answer the page received, in order. */
  answered: { method: string; envelope: Envelope<unknown> }[];
}

const apps: LiveApp[] = [];
const folders: string[] = [];

function tempFolder(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  folders.push(dir);
  return dir;
}

interface StartOptions {
  dataDir?: string;
  /** Where the data folder is said to lie (a test cannot plug in a stick or a share). */
  locationProbe?: BackendOptions['locationProbe'];
  localDataDir?: string;
  backgroundCheckAboveBytes?: number;
}

async function startLiveApp(options: StartOptions = {}): Promise<LiveApp> {
  const dataDir = options.dataDir ?? tempFolder('concerto-safety-');
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const holds = new Map<string, Promise<void>>();
  const events: LiveApp['events'] = [];
  const dispatch = (topic: string, payload: unknown) => {
    for (const listener of listeners.get(topic) ?? []) listener(payload);
  };
  const backend = await startBackend({
    dataDir,
    resourcesDir: RESOURCES_DIR,
    appVersion: '0.0.0-test',
    // The lists of these tests hold the backups they make, not the automatic ones.
    backupSchedule: false,
    ...(options.locationProbe ? { locationProbe: options.locationProbe } : {}),
    ...(options.localDataDir ? { localDataDir: options.localDataDir } : {}),
    ...(options.backgroundCheckAboveBytes !== undefined
      ? { backgroundCheckAboveBytes: options.backgroundCheckAboveBytes }
      : {}),
    onEvent: (topic, payload) => {
      events.push({ topic, payload });
      dispatch(topic, payload);
    },
  });
  const app: LiveApp = {
    backend,
    dataDir,
    events,
    async call(method, input) {
      const envelope = await backend.invoke(method, input);
      if (!envelope.ok) throw new Error(`${method} failed: ${JSON.stringify(envelope.error)}`);
      return envelope.value as never;
    },
    hold(method) {
      let release = () => {};
      holds.set(
        method,
        new Promise<void>((done) => {
          release = () => {
            holds.delete(method);
            done();
          };
        }),
      );
      return () => release();
    },
    folder: null,
    answered: [],
  };
  const bridge: ConcertoBridge = {
    async invoke(method, input): Promise<Envelope<unknown>> {
      const envelope = await backend.invoke(method, input);
      await holds.get(method);
      app.answered.push({ method, envelope });
      return envelope;
    },
    subscribe(topic, listener) {
      const set = listeners.get(topic) ?? new Set();
      set.add(listener);
      listeners.set(topic, set);
      return () => set.delete(listener);
    },
    info: { host: 'web', version: 'test', platform: 'test' },
    openExport: async () => ({ ok: true }),
    chooseFolder: async () => app.folder,
  };
  (window as unknown as { concerto: ConcertoBridge }).concerto = bridge;
  apps.push(app);
  return app;
}

/** A backend whose first-run questions are answered, so no welcome dialog gets in the way. */
async function welcomedApp(options: StartOptions = {}): Promise<LiveApp> {
  const app = await startLiveApp(options);
  await app.call('settings.update', { welcomed: true, countryCode: 'ML', userName: 'Awa Diarra' });
  return app;
}

async function show(ui: ReactElement, route = '/'): Promise<void> {
  window.location.hash = `#${route}`;
  await setLanguage('fr');
  render(<AppProviders env="test">{ui}</AppProviders>);
}

function createBody(app: LiveApp, name: string) {
  return app.call('bodies.create', {
    name,
    kind: 'joint_commission',
    level: 'national',
    periodicity: { kind: 'every_n_months', months: 6 },
    quorumRule: { kind: 'majority_of_voting_seats' },
  });
}

/** The messages a field announces (its error among them). */
function messagesOf(field: HTMLElement): string {
  return (field.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

/** The row of the backups table that holds this text. */
async function backupRow(text: string): Promise<HTMLElement> {
  const table = await screen.findByRole('table', { name: 'Sauvegardes' }, WAIT);
  const cell = await within(table).findByText(text, {}, WAIT);
  const row = cell.closest('tr');
  if (!row) throw new Error(`No row for ${text}`);
  return row;
}

beforeEach(() => {
  notifications.clean();
});

afterEach(async () => {
  // Unmount first, so no query runs against a closed database.
  cleanup();
  setRestoreNotice(null);
  for (const app of apps.splice(0)) await app.backend.close();
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
  window.location.hash = '';
});

describe('dates of backups', () => {
  it('says the day of the week and the time the French way, and the first of the month in letters', () => {
    expect(formatBackupDate(new Date(2026, 10, 23, 10, 15).toISOString(), 'fr')).toBe(
      'lundi 23 novembre 2026 à 10 h 15',
    );
    expect(formatBackupDate(new Date(2026, 10, 1, 9, 5).toISOString(), 'fr')).toBe(
      'dimanche 1er novembre 2026 à 9 h 05',
    );
    expect(formatBackupDate(new Date(2026, 10, 23, 10, 15).toISOString(), 'en')).toBe(
      'Monday 23 November 2026 at 10:15',
    );
  });
});

describe('Settings → Sauvegardes', () => {
  it('lists the backups with their date, reason in words, content and size, and where they are', async () => {
    const app = await welcomedApp();
    await createBody(app, 'Comité de pilotage');
    await createBody(app, 'Commission mixte');
    const backup = await app.call('backups.create', {});
    await show(<BackupsPage />, '/settings/backups');

    const row = await backupRow(formatBackupDate(backup.createdAt, 'fr'));
    expect(formatBackupDate(backup.createdAt, 'fr')).toMatch(
      /^(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) (1er|\d{1,2}) \S+ \d{4} à \d{1,2} h \d{2}$/,
    );
    expect(within(row).getByText('Manuelle')).toBeTruthy();
    expect(within(row).getByText('2 instances · 0 réunion · 0 recommandation')).toBeTruthy();
    expect(within(row).getByText(/^\d+(,\d)? (o|Ko|Mo)$/)).toBeTruthy();

    const list = await app.call('backups.list', {});
    expect(screen.getByText(list.folder)).toBeTruthy();
    expect(screen.getByText(/^Espace libre sur ce disque : /)).toBeTruthy();
  });

  it('makes a backup now, showing its progress, then lists it', async () => {
    const app = await welcomedApp();
    await createBody(app, 'Comité de pilotage');
    const user = userEvent.setup();
    await show(<BackupsPage />, '/settings/backups');
    expect(await screen.findByText('Aucune sauvegarde pour le moment.', {}, WAIT)).toBeTruthy();

    const release = app.hold('backups.create');
    await user.click(screen.getByRole('button', { name: 'Sauvegarder maintenant' }));
    // The backend has finished its work, the answer is held: the page still shows it running.
    await waitFor(() => expect(app.events.some((e) => e.topic === 'safety:progress')).toBe(true), WAIT);
    const last = app.events.filter((e) => e.topic === 'safety:progress').at(-1)?.payload as {
      done: number;
      total: number;
    };
    const percent = Math.round((Math.min(last.done, last.total) / last.total) * 100);
    expect(await screen.findByText(`Sauvegarde en cours… ${percent} %`)).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: 'Sauvegarde en cours…' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Arrêter la sauvegarde' })).toBeTruthy();
    release();

    expect(await screen.findByText('Sauvegarde terminée et vérifiée.', {}, WAIT)).toBeTruthy();
    const row = await backupRow('Manuelle');
    expect(within(row).getByText('1 instance · 0 réunion · 0 recommandation')).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('restores a backup after saying what will happen, every screen shows the restored data, and the restore is undone', {
    timeout: 60_000,
  }, async () => {
    const app = await welcomedApp();
    const body = await createBody(app, 'Comité de pilotage');
    const backup = await app.call('backups.create', {});
    await app.call('bodies.trash', { id: body.id });
    const user = userEvent.setup();
    await show(<Shell />, '/bodies');
    // The register, as cached by the page: the body is in the trash.
    await screen.findByRole('heading', { name: 'Instances de concertation', level: 2 }, WAIT);
    await waitFor(() => expect(screen.queryByText('Comité de pilotage')).toBeNull(), WAIT);

    act(() => navigate('/settings/backups'));
    const date = formatBackupDate(backup.createdAt, 'fr');
    const row = await backupRow(date);
    await user.click(within(row).getByRole('button', { name: `Restaurer la sauvegarde du ${date}` }));

    const dialog = await screen.findByRole('dialog', { name: 'Restaurer cette sauvegarde ?' });
    expect(
      within(dialog).getByText(
        `Les données de cet ordinateur vont être remplacées par celles de la sauvegarde du ${date}. Ce qui a été saisi depuis n’y figure pas.`,
      ),
    ).toBeTruthy();
    expect(within(dialog).getByText('1 instance · 0 réunion · 0 recommandation')).toBeTruthy();
    expect(
      within(dialog).getByText(
        'Avant cela, Concerto garde une copie des données actuelles : si vous changez d’avis, vous pourrez annuler la restauration.',
      ),
    ).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Restaurer' }));

    expect(
      await screen.findByText(`Les données de la sauvegarde du ${date} ont été restaurées.`, {}, WAIT),
    ).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect((await app.call('bodies.get', { id: body.id })).deletedAt).toBeNull();
    // The copy taken just before is listed.
    expect(await backupRow('Avant restauration')).toBeTruthy();

    // Another screen shows the restored data at once, not its cached answer.
    act(() => navigate('/bodies'));
    expect(await screen.findByText('Comité de pilotage', {}, WAIT)).toBeTruthy();

    // Back on the backups: the notice waited, with its undo.
    act(() => navigate('/settings/backups'));
    const notice = await screen.findByRole('status', {}, WAIT);
    expect(within(notice).getByText('Restauration terminée')).toBeTruthy();
    await user.click(within(notice).getByRole('button', { name: 'Annuler la restauration' }));
    expect(
      await screen.findByText('Les données d’avant la restauration sont revenues.', {}, WAIT),
    ).toBeTruthy();
    expect(screen.getByText('Restauration annulée')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Annuler la restauration' })).toBeNull();
    expect((await app.call('bodies.get', { id: body.id })).deletedAt).not.toBeNull();

    act(() => navigate('/bodies'));
    await screen.findByRole('heading', { name: 'Instances de concertation', level: 2 }, WAIT);
    await waitFor(() => expect(screen.queryByText('Comité de pilotage')).toBeNull(), WAIT);
  });
});

describe('archives', () => {
  it('refuses a password too short or not confirmed, then writes the protected archive', {
    timeout: 60_000,
  }, async () => {
    const app = await welcomedApp();
    await createBody(app, 'Comité de pilotage');
    const stick = tempFolder('concerto-usb-');
    app.folder = stick;
    const user = userEvent.setup();
    await show(<BackupsPage />, '/settings/backups');

    await user.click(await screen.findByRole('button', { name: 'Exporter une archive' }));
    const dialog = await screen.findByRole('dialog', { name: 'Exporter une archive' });
    await user.click(
      within(dialog).getByRole('checkbox', { name: /Protéger l’archive par un mot de passe/ }),
    );
    expect(within(dialog).getByText(/S’il est oublié, l’archive ne pourra plus être ouverte/)).toBeTruthy();

    const password = within(dialog).getByLabelText('Mot de passe');
    const confirm = within(dialog).getByLabelText('Confirmer le mot de passe');
    await user.type(password, 'court');
    await user.type(confirm, 'court');
    await user.click(within(dialog).getByRole('button', { name: 'Exporter' }));
    expect(
      await within(dialog).findByText('Le mot de passe doit compter au moins 8 caractères.'),
    ).toBeTruthy();

    await user.clear(password);
    await user.type(password, 'baobab-2026');
    await user.clear(confirm);
    await user.type(confirm, 'baobab-2027');
    await user.click(within(dialog).getByRole('button', { name: 'Exporter' }));
    expect(await within(dialog).findByText('Les deux mots de passe ne sont pas identiques.')).toBeTruthy();
    expect(readdirSync(stick)).toEqual([]);

    await user.clear(confirm);
    await user.type(confirm, 'baobab-2026');
    // The folder dialog of the desktop host: a stand-in for the stick.
    await user.click(within(dialog).getByRole('button', { name: 'Choisir un autre dossier…' }));
    await user.click(await within(dialog).findByRole('radio', { name: stick }));
    await user.click(within(dialog).getByRole('button', { name: 'Exporter' }));

    const done = await within(dialog).findByText(
      /^Archive enregistrée : .+\.concerto \(.+\), dans /,
      {},
      WAIT,
    );
    const files = readdirSync(stick).filter((f) => f.endsWith('.concerto'));
    expect(files).toHaveLength(1);
    expect(done.textContent).toContain(files[0]);
    expect(within(dialog).getByText('Il faudra son mot de passe pour l’ouvrir.')).toBeTruthy();
    // Written and flushed outside Concerto's folder: the stick may be pulled out.
    expect(within(dialog).getByText('Vous pouvez retirer la clé.')).toBeTruthy();
  });

  it('opens a protected archive with its password, shows what it holds, replaces the data, and undoes it', {
    timeout: 60_000,
  }, async () => {
    const source = await welcomedApp();
    await createBody(source, 'Comité de pilotage');
    await createBody(source, 'Commission mixte');
    const stick = tempFolder('concerto-usb-');
    const exported = await source.call('archives.export', {
      password: 'baobab-2026',
      destination: { kind: 'folder', path: stick },
    });
    const fileName = exported.files[0]?.fileName ?? '';
    const bytes = readFileSync(join(stick, fileName));

    const app = await welcomedApp();
    await createBody(app, 'Comité local');
    const user = userEvent.setup();
    await show(<BackupsPage />, '/settings/backups');

    await user.click(await screen.findByRole('button', { name: 'Ouvrir une archive' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ouvrir une archive' });
    await user.upload(
      within(dialog).getByLabelText('Fichier d’archive (.concerto)'),
      new File([new Uint8Array(bytes)], fileName),
    );
    expect(
      await within(dialog).findByText('Cette archive est protégée par un mot de passe.', {}, WAIT),
    ).toBeTruthy();

    const password = within(dialog).getByLabelText('Mot de passe de l’archive');
    await user.type(password, 'mauvais-mot');
    await user.click(within(dialog).getByRole('button', { name: 'Ouvrir l’archive' }));
    // A wrong password is said next to the field; nothing of the archive is shown.
    await waitFor(() => expect(messagesOf(password)).toMatch(/Mot de passe incorrect/), WAIT);
    expect(within(dialog).queryByText(/^Contenu : /)).toBeNull();

    await user.clear(password);
    await user.type(password, 'baobab-2026');
    await user.click(within(dialog).getByRole('button', { name: 'Ouvrir l’archive' }));
    expect(
      await within(dialog).findByText('Contenu : 2 instances · 0 réunion · 0 recommandation', {}, WAIT),
    ).toBeTruthy();
    expect(within(dialog).getByText('Créée par Concerto 0.0.0-test')).toBeTruthy();
    expect(
      within(dialog).getByText(/^Archive du (lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) /),
    ).toBeTruthy();
    expect(
      within(dialog).getByText(
        'Avant cela, Concerto garde une copie des données actuelles : si vous changez d’avis, vous pourrez annuler la restauration.',
      ),
    ).toBeTruthy();

    await user.click(within(dialog).getByRole('button', { name: 'Remplacer les données de cet ordinateur' }));
    const notice = await screen.findByRole('status', {}, WAIT);
    expect(within(notice).getByText(/^Les données de l’archive du .+ ont été restaurées\.$/)).toBeTruthy();
    const names = (await app.call('bodies.list', { status: 'active' })).map((b) => b.name).sort();
    expect(names).toEqual(['Comité de pilotage', 'Commission mixte']);

    await user.click(within(notice).getByRole('button', { name: 'Annuler la restauration' }));
    expect(
      await screen.findByText('Les données d’avant la restauration sont revenues.', {}, WAIT),
    ).toBeTruthy();
    expect((await app.call('bodies.list', { status: 'active' })).map((b) => b.name)).toEqual([
      'Comité local',
    ]);
  });
});

/** Stops a backend as quitting Concerto does; its data folder stays for the next start. */
async function quit(app: LiveApp): Promise<void> {
  apps.splice(apps.indexOf(app), 1);
  await app.backend.close();
}

/** The application behind the start-up gate, as App renders it. */
const gatedShell = (
  <SafetyGate>
    <Shell />
  </SafetyGate>
);

const SAFE_MODE_TITLE = 'Concerto s’est ouvert en mode sans échec';

describe('safe mode', () => {
  it('explains a damaged database, restores the latest good backup, keeps the damaged file and returns to the application', {
    timeout: 60_000,
  }, async () => {
    const dataDir = tempFolder('concerto-safety-');
    const first = await welcomedApp({ dataDir });
    await createBody(first, 'Comité de pilotage');
    const backup = await first.call('backups.create', {});
    await quit(first);
    // A damaged header, as a failing disk leaves it.
    const path = join(dataDir, DATABASE_FILE);
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(100, 0x2a), 0, 100, 0);
    closeSync(fd);

    const app = await startLiveApp({ dataDir });
    const user = userEvent.setup();
    await show(gatedShell);

    expect(await screen.findByRole('heading', { name: SAFE_MODE_TITLE }, WAIT)).toBeTruthy();
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(
      screen.getByText(
        'La base de données de Concerto est endommagée : l’utiliser ainsi risquerait de perdre des informations. Le fichier n’a pas été modifié ni supprimé.',
      ),
    ).toBeTruthy();
    expect(screen.getByText(path)).toBeTruthy();
    const date = formatBackupDate(backup.createdAt, 'fr');
    const latest = screen.getByText(date).closest('.mantine-Paper-root') as HTMLElement;
    expect(within(latest).getByText('1 instance · 0 réunion · 0 recommandation')).toBeTruthy();
    expect(within(latest).getByText('Manuelle')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Ouvrir une archive' })).toBeTruthy();

    await user.click(within(latest).getByRole('button', { name: 'Restaurer cette sauvegarde' }));
    const dialog = await screen.findByRole('dialog', { name: 'Restaurer cette sauvegarde ?' });
    expect(
      within(dialog).getByText(
        'Le fichier endommagé est mis de côté, sans être modifié ni supprimé : il reste disponible pour un dépannage.',
      ),
    ).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Restaurer' }));

    expect(await screen.findByRole('navigation', { name: 'Navigation principale' }, WAIT)).toBeTruthy();
    expect(screen.queryByRole('heading', { name: SAFE_MODE_TITLE })).toBeNull();
    expect(
      await screen.findByText(`Les données de la sauvegarde du ${date} ont été restaurées.`),
    ).toBeTruthy();
    expect((await app.call('bodies.list', { status: 'active' })).map((b) => b.name)).toEqual([
      'Comité de pilotage',
    ]);
    // The damaged file is still there, as it was, under another name.
    const aside = readdirSync(dataDir).find((f) => /^concerto\.endommagee-.+\.sqlite$/.test(f));
    expect(aside).toBeTruthy();
    expect(
      readFileSync(join(dataDir, aside ?? ''))
        .subarray(0, 100)
        .equals(Buffer.alloc(100, 0x2a)),
    ).toBe(true);
  });

  it('explains data on a removable drive and moves it to this computer, then shows the application', {
    timeout: 60_000,
  }, async () => {
    const dataDir = tempFolder('concerto-stick-');
    const local = tempFolder('concerto-local-');
    const first = await welcomedApp({ dataDir });
    await createBody(first, 'Comité de pilotage');
    await quit(first);

    const app = await startLiveApp({
      dataDir,
      localDataDir: local,
      // The data folder is said to be on a USB stick.
      locationProbe: (dir) => (resolve(dir) === resolve(dataDir) ? 'removable' : null),
    });
    const user = userEvent.setup();
    await show(gatedShell);

    expect(await screen.findByRole('heading', { name: SAFE_MODE_TITLE }, WAIT)).toBeTruthy();
    expect(screen.getByText('La base de données est sur une clé ou un disque amovible')).toBeTruthy();
    expect(
      screen.getByText(
        'Concerto peut copier les données sur cet ordinateur et continuer à partir de là. Le fichier d’origine reste à sa place, sans être modifié.',
      ),
    ).toBeTruthy();
    expect(screen.getByText('Les données seront copiées dans')).toBeTruthy();
    expect(screen.getByText(local)).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Déplacer sur cet ordinateur' }));
    expect(await screen.findByRole('navigation', { name: 'Navigation principale' }, WAIT)).toBeTruthy();
    expect(
      await screen.findByText(
        'Les données ont été copiées sur cet ordinateur : Concerto continue à partir de là.',
      ),
    ).toBeTruthy();
    expect((await app.call('system.info', {})).databasePath).toBe(join(resolve(local), DATABASE_FILE));
    expect((await app.call('bodies.list', { status: 'active' })).map((b) => b.name)).toEqual([
      'Comité de pilotage',
    ]);
    expect(existsSync(join(dataDir, DATABASE_FILE))).toBe(true);
  });

  it('says that data written by a newer Concerto needs that version, and offers nothing that would change it', {
    timeout: 60_000,
  }, async () => {
    const dataDir = tempFolder('concerto-safety-');
    await quit(await welcomedApp({ dataDir }));
    const sqlite = new BetterSqlite3(join(dataDir, DATABASE_FILE));
    sqlite.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    sqlite.close();

    await startLiveApp({ dataDir });
    await show(gatedShell);

    expect(await screen.findByRole('heading', { name: SAFE_MODE_TITLE }, WAIT)).toBeTruthy();
    expect(screen.getByText('Données d’une version plus récente de Concerto')).toBeTruthy();
    expect(
      screen.getByText(
        'Ces données ont été enregistrées par une version plus récente de Concerto que celle installée sur cet ordinateur. Elles n’ont pas été modifiées.',
      ),
    ).toBeTruthy();
    expect(screen.getByText('Installez la dernière version de Concerto pour les ouvrir.')).toBeTruthy();
    expect(screen.queryAllByRole('button')).toHaveLength(0);
    expect(screen.queryByRole('navigation')).toBeNull();
  });

  it('shows nothing of a check still running, then switches to the safe-mode screen when damage is found after the start', {
    timeout: 60_000,
  }, async () => {
    const dataDir = tempFolder('concerto-safety-');
    await quit(await welcomedApp({ dataDir }));
    // Every database is checked in the background here, as a large one is.
    const app = await startLiveApp({ dataDir, backgroundCheckAboveBytes: 0 });
    await show(gatedShell);
    expect(await screen.findByRole('navigation', { name: 'Navigation principale' }, WAIT)).toBeTruthy();
    const first = app.answered.find((a) => a.method === 'safety.status')?.envelope;
    expect(first?.ok && (first.value as SafetyStatus).check.state).toBe('pending');
    expect(screen.queryByRole('heading', { name: SAFE_MODE_TITLE })).toBeNull();
    // The check ends well: still nothing to see.
    await waitFor(async () => expect((await app.call('safety.status', {})).check.state).toBe('ok'), WAIT);
    expect(screen.queryByRole('heading', { name: SAFE_MODE_TITLE })).toBeNull();

    // What the background check does when it finds damage.
    const ctx = app.backend.context;
    await ctx.gate.exclusive(() =>
      enterSafeMode(ctx, damagedProblem(ctx.paths.databasePath), {
        state: 'damaged',
        at: new Date().toISOString(),
        durationMs: 1,
      }),
    );

    expect(await screen.findByRole('heading', { name: SAFE_MODE_TITLE }, WAIT)).toBeTruthy();
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(screen.getByText('La base de données est endommagée')).toBeTruthy();
  });
});
