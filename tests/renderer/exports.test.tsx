import { readFileSync, rmSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import { notifications } from '@mantine/notifications';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { AppRoutes } from '../../renderer/app/router';
import { SettingsPage } from '../../renderer/features/settings/SettingsPage';
import { startTestApp, type TestApp } from '../integration/harness';
import { openedExports, renderWithBackend } from './harness';

// Notifications live in a module-level store: those of one test would fill the visible slots of the next.
beforeEach(() => {
  notifications.clean();
});

// ── Helpers ────────────────────────────────────────────────────────────────

/** Pages load from a real backend: generous waits for a busy machine. */
const WAIT = { timeout: 5_000 };

/** One PNG chunk: length, type, data, CRC of type + data. */
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real, tiny PNG (RGB, 8 bits) of the given size, filled with one colour. */
function tinyPng(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: truecolour
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x1f)]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A button by its text (role queries are slow on pages this size). */
function button(name: string, scope: HTMLElement = document.body): HTMLElement {
  const text = within(scope).getByText(name, { selector: 'button, button *' });
  const found = text.closest('button');
  if (!found) throw new Error(`No button ${name}`);
  return found;
}

/** The messages a field announces (its error among them). */
function messagesOf(field: HTMLElement): string {
  return (field.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

/** Every non-empty cell of every sheet of a workbook, as text. */
function cellsOf(path: string): string[] {
  const workbook = XLSX.read(readFileSync(path), { type: 'buffer' });
  const texts: string[] = [];
  for (const name of workbook.SheetNames) {
    const sheet = workbook.Sheets[name];
    if (!sheet) continue;
    for (const [address, cell] of Object.entries(sheet)) {
      if (address.startsWith('!')) continue;
      const value = (cell as XLSX.CellObject).v;
      if (value !== undefined && value !== null && value !== '') texts.push(String(value));
    }
  }
  return texts;
}

/** The file the page asked the host to open, once it has. */
async function openedFile(app: TestApp): Promise<{ path: string; fileName: string }> {
  await waitFor(() => expect(openedExports).toHaveLength(1), { timeout: 10_000 });
  const id = openedExports[0] ?? '';
  return app.call('exports.file', { id });
}

async function seedRegister(app: TestApp) {
  const body = await app.call('bodies.create', {
    name: 'Groupe thématique genre et protection sociale',
    acronym: 'GTGPS',
    kind: 'thematic_group',
    level: 'national',
    periodicity: { kind: 'every_n_months', months: 3 },
    quorumRule: { kind: 'majority_of_voting_seats' },
  });
  const make = (reference: string, text: string) =>
    app.call('recommendations.create', { bodyId: body.id, reference, text, dueDate: '2024-06-30' });
  await make('GTGPS/2024/03/R01', 'Actualiser le registre social unifié dans les cercles de Gao');
  const b = await make('GTGPS/2024/03/R02', 'Organiser la revue annuelle des filets sociaux');
  await make('GTGPS/2024/03/R03', 'Diffuser le manuel de procédures aux services déconcentrés');
  await app.call('recommendations.addUpdate', {
    id: b.id,
    date: '2024-05-02',
    status: 'in_progress',
    comment: 'Termes de référence rédigés',
  });
}

// ── Settings of documents ──────────────────────────────────────────────────

describe('document settings', () => {
  it('stores a PNG logo and shows it', { timeout: 20_000 }, async () => {
    const app = await startTestApp();
    await app.call('settings.update', { welcomed: true });
    const user = userEvent.setup();
    await renderWithBackend(<SettingsPage />, { app, route: '/settings' });

    expect(await screen.findByText(/Aucun logo/, {}, WAIT)).toBeTruthy();
    const png = tinyPng(4, 3);
    await user.upload(
      screen.getByLabelText('Image du logo (PNG ou JPEG)'),
      new File([new Uint8Array(png)], 'armoiries.png', { type: 'image/png' }),
    );

    const preview = (await screen.findByRole('img', { name: 'Logo actuel' }, WAIT)) as HTMLImageElement;
    expect(preview.src.startsWith('data:image/png;base64,')).toBe(true);
    expect(screen.getByText('4 × 3 pixels')).toBeTruthy();
    const stored = await app.call('settings.logo', {});
    expect(stored).toMatchObject({ mime: 'image/png', width: 4, height: 3 });
    expect(Buffer.from(stored?.data ?? '', 'base64').subarray(0, 8)).toEqual(png.subarray(0, 8));
  });

  it('refuses a text file named logo.png, with a French message, and stores nothing', {
    timeout: 20_000,
  }, async () => {
    const app = await startTestApp();
    await app.call('settings.update', { welcomed: true });
    const user = userEvent.setup();
    await renderWithBackend(<SettingsPage />, { app, route: '/settings' });

    await screen.findByText(/Aucun logo/, {}, WAIT);
    const field = screen.getByLabelText('Image du logo (PNG ou JPEG)');
    await user.upload(
      field,
      new File(['Ceci est un compte rendu, pas une image.'], 'logo.png', { type: 'image/png' }),
    );
    await waitFor(() => expect(messagesOf(field)).toMatch(/n[’']est pas un PNG ou un JPEG lisible/), WAIT);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByRole('img', { name: 'Logo actuel' })).toBeNull();
    expect(await app.call('settings.logo', {})).toBeNull();
  });

  it('refuses an image over 2 Mo before sending it', { timeout: 20_000 }, async () => {
    const app = await startTestApp();
    await app.call('settings.update', { welcomed: true });
    const user = userEvent.setup();
    await renderWithBackend(<SettingsPage />, { app, route: '/settings' });

    await screen.findByText(/Aucun logo/, {}, WAIT);
    const field = screen.getByLabelText('Image du logo (PNG ou JPEG)');
    const big = new Uint8Array(2 * 1024 * 1024 + 1);
    await user.upload(field, new File([big], 'scan.png', { type: 'image/png' }));
    await waitFor(() => expect(messagesOf(field)).toBe('Image trop lourde (2 Mo au maximum).'), WAIT);
    expect(await app.call('settings.logo', {})).toBeNull();
  });

  it('removes the logo after confirmation', { timeout: 20_000 }, async () => {
    const app = await startTestApp();
    await app.call('settings.update', { welcomed: true });
    await app.call('settings.setLogo', { data: tinyPng(2, 2).toString('base64') });
    const user = userEvent.setup();
    await renderWithBackend(<SettingsPage />, { app, route: '/settings' });

    await screen.findByRole('img', { name: 'Logo actuel' }, WAIT);
    await user.click(button('Retirer le logo'));
    const dialog = await screen.findByRole('dialog', { name: 'Retirer le logo ?' });
    await user.click(button('Retirer le logo', dialog));
    await waitFor(async () => expect(await app.call('settings.logo', {})).toBeNull(), WAIT);
    expect(await screen.findByText(/Aucun logo/, {}, WAIT)).toBeTruthy();
  });

  it('saves the signature block', { timeout: 20_000 }, async () => {
    const app = await startTestApp();
    await app.call('settings.update', { welcomed: true });
    await renderWithBackend(<SettingsPage />, { app, route: '/settings' });

    fireEvent.change(await screen.findByLabelText('Lieu (Fait à …)', {}, WAIT), {
      target: { value: 'Koulikoro' },
    });
    fireEvent.change(screen.getByLabelText('Titre du signataire'), {
      target: { value: 'Le Directeur Régional du Développement Social' },
    });
    fireEvent.change(screen.getByLabelText('Nom du signataire'), { target: { value: 'Moussa Traoré' } });
    // The preview reads as the documents will print it.
    expect(screen.getByText(/^Fait à Koulikoro, le /)).toBeTruthy();
    fireEvent.click(button('Enregistrer la signature'));

    await waitFor(
      async () =>
        expect((await app.call('settings.get', {})).signature).toEqual({
          place: 'Koulikoro',
          title: 'Le Directeur Régional du Développement Social',
          name: 'Moussa Traoré',
        }),
      WAIT,
    );
  });

  it('lists the placeholders and saves an email template; an empty subject is refused', {
    timeout: 20_000,
  }, async () => {
    const app = await startTestApp();
    await app.call('settings.update', { welcomed: true });
    const before = (await app.call('settings.get', {})).emailTemplates;
    await renderWithBackend(<SettingsPage />, { app, route: '/settings' });

    const placeholders = await screen.findByRole('table', { name: 'Repères disponibles' }, WAIT);
    for (const p of ['{ORGANE}', '{SIGLE}', '{SESSION}', '{DATE}', '{LIEU}', '{SIGNATAIRE}']) {
      expect(within(placeholders).getByText(p)).toBeTruthy();
    }
    expect(within(placeholders).getByText('nom et titre du signataire')).toBeTruthy();

    const followUp = screen.getByRole('group', { name: 'Tableau de suivi' });
    const subject = within(followUp).getByLabelText(/^Objet/) as HTMLInputElement;
    expect(subject.value).toBe(before.followUp.subject);

    fireEvent.change(subject, { target: { value: '' } });
    fireEvent.click(button('Enregistrer les modèles'));
    expect(await within(followUp).findByText('Ce champ est obligatoire.', {}, WAIT)).toBeTruthy();
    expect((await app.call('settings.get', {})).emailTemplates).toEqual(before);

    fireEvent.change(subject, { target: { value: '{SIGLE} — suivi des recommandations à renseigner' } });
    fireEvent.change(within(followUp).getByLabelText('Texte du courriel'), {
      target: { value: 'Madame, Monsieur,\n\nMerci de compléter le tableau de {ORGANE}.\n\n{SIGNATAIRE}' },
    });
    fireEvent.click(button('Enregistrer les modèles'));
    await waitFor(
      async () =>
        expect((await app.call('settings.get', {})).emailTemplates).toEqual({
          ...before,
          followUp: {
            subject: '{SIGLE} — suivi des recommandations à renseigner',
            body: 'Madame, Monsieur,\n\nMerci de compléter le tableau de {ORGANE}.\n\n{SIGNATAIRE}',
          },
        }),
      WAIT,
    );
  });
});

// ── Export log ─────────────────────────────────────────────────────────────

describe('export log', () => {
  it('says when nothing was exported yet', { timeout: 20_000 }, async () => {
    const app = await startTestApp();
    await app.call('settings.update', { welcomed: true });
    await renderWithBackend(<AppRoutes />, { app, route: '/exports' });
    expect(await screen.findByRole('heading', { name: 'Journal des exports', level: 2 }, WAIT)).toBeTruthy();
    expect(await screen.findByText('Aucun export pour le moment', {}, WAIT)).toBeTruthy();
  });

  it('lists an export with its label and file name, and opens it', { timeout: 20_000 }, async () => {
    const app = await startTestApp();
    await app.call('settings.update', { welcomed: true, userName: 'Awa Coulibaly' });
    await app.call('organisations.create', {
      name: 'Direction Nationale du Développement Social',
      acronym: 'DNDS',
      kind: 'central_directorate',
    });
    const result = await app.call('exports.save', {
      items: [{ spreadsheet: { kind: 'organisationsDirectory' } }],
      destination: { kind: 'exports' },
    });
    const file = result.files[0];
    if (!file) throw new Error('No file written');
    const entry = (await app.call('exports.log', {})).find((e) => e.id === file.id);
    if (!entry) throw new Error('Not in the log');

    const user = userEvent.setup();
    await renderWithBackend(<AppRoutes />, { app, route: '/exports' });
    const table = await screen.findByRole('table', { name: 'Exports réalisés' }, WAIT);
    const cell = await within(table).findByText(file.fileName);
    const row = cell.closest('tr');
    if (!row) throw new Error('No row');
    expect(within(row).getByText(entry.label)).toBeTruthy();
    expect(within(row).getByText('XLSX')).toBeTruthy();
    expect(within(row).getByText('Awa Coulibaly')).toBeTruthy();

    await user.click(button('Ouvrir', row));
    await waitFor(() => expect(openedExports).toEqual([file.id]), WAIT);
  });

  it('says when a file was moved or deleted', { timeout: 20_000 }, async () => {
    const app = await startTestApp();
    await app.call('settings.update', { welcomed: true });
    const result = await app.call('exports.save', {
      items: [{ spreadsheet: { kind: 'peopleDirectory' } }],
      destination: { kind: 'exports' },
    });
    const file = result.files[0];
    if (!file) throw new Error('No file written');
    rmSync((await app.call('exports.file', { id: file.id })).path);

    await renderWithBackend(<AppRoutes />, { app, route: '/exports' });
    const cell = await screen.findByText(file.fileName, {}, WAIT);
    const row = cell.closest('tr');
    if (!row) throw new Error('No row');
    expect(within(row).getByText('Fichier déplacé ou supprimé')).toBeTruthy();
    expect(within(row).queryByText('Ouvrir')).toBeNull();
  });
});

// ── Spreadsheets of lists ──────────────────────────────────────────────────

describe('spreadsheet exports of lists', () => {
  it('exports the recommendations register with the filter on screen', { timeout: 30_000 }, async () => {
    const app = await startTestApp();
    await app.call('settings.update', { welcomed: true });
    await seedRegister(app);
    const user = userEvent.setup();
    await renderWithBackend(<AppRoutes />, { app, route: '/recommendations?status=in_progress' });

    const table = await screen.findByRole('table', { name: 'Registre des recommandations' }, WAIT);
    await waitFor(() => expect(within(table).queryByText('GTGPS/2024/03/R01')).toBeNull(), WAIT);
    await within(table).findByText('GTGPS/2024/03/R02', {}, WAIT);

    await user.click(button('Exporter (xlsx)'));
    const file = await openedFile(app);
    expect(file.fileName).toMatch(/\.xlsx$/);
    expect(await screen.findByText(`Fichier ${file.fileName} créé.`, {}, WAIT)).toBeTruthy();

    const cells = cellsOf(file.path);
    expect(cells).toContain('GTGPS/2024/03/R02');
    expect(cells).not.toContain('GTGPS/2024/03/R01');
    expect(cells).not.toContain('GTGPS/2024/03/R03');
  });

  it('exports the organisations directory as searched', { timeout: 30_000 }, async () => {
    const app = await startTestApp();
    await app.call('settings.update', { welcomed: true });
    await app.call('organisations.create', {
      name: 'Direction Nationale du Développement Social',
      acronym: 'DNDS',
      kind: 'central_directorate',
    });
    await app.call('organisations.create', {
      name: 'Programme Alimentaire Mondial',
      acronym: 'PAM',
      kind: 'un_agency',
    });
    const user = userEvent.setup();
    await renderWithBackend(<AppRoutes />, { app, route: '/organisations' });

    await screen.findByText('Programme Alimentaire Mondial', {}, WAIT);
    fireEvent.change(screen.getByLabelText('Rechercher'), { target: { value: 'developpement' } });
    await waitFor(() => expect(screen.queryByText('Programme Alimentaire Mondial')).toBeNull(), WAIT);

    await user.click(button('Exporter (xlsx)'));
    const file = await openedFile(app);
    const cells = cellsOf(file.path);
    expect(cells).toContain('Direction Nationale du Développement Social');
    expect(cells).not.toContain('Programme Alimentaire Mondial');
  });

  it('exports the people directory', { timeout: 30_000 }, async () => {
    const app = await startTestApp();
    await app.call('settings.update', { welcomed: true });
    await app.call('people.create', { firstName: 'Aminata', lastName: 'Diallo', function: 'Point focal' });
    const user = userEvent.setup();
    await renderWithBackend(<AppRoutes />, { app, route: '/people' });

    await screen.findByText(/Diallo/, {}, WAIT);
    await user.click(button('Exporter (xlsx)'));
    const file = await openedFile(app);
    expect(file.fileName).toMatch(/\.xlsx$/);
    expect(cellsOf(file.path).some((text) => text.includes('Diallo'))).toBe(true);
    expect(await screen.findByText(`Fichier ${file.fileName} créé.`, {}, WAIT)).toBeTruthy();
  });
});
