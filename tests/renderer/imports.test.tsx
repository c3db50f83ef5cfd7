import { readFile } from 'node:fs/promises';
import { notifications } from '@mantine/notifications';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { useRoute } from '../../renderer/app/navigation';
import { ImportsPage } from '../../renderer/features/imports/pages/ImportsPage';
import { ImportWizardPage } from '../../renderer/features/imports/pages/ImportWizardPage';
import { startTestApp, type TestApp } from '../integration/harness';
import { renderWithBackend } from './harness';

// The import screens against the real backend: a partner's 3W matrix (Mali layout) is uploaded,
// its mapping corrected, an unknown place resolved, previewed, imported, found in the history
// and undone; then a filled follow-up matrix moves two recommendations to "Réalisée".

type User = ReturnType<typeof userEvent.setup>;

/** The two import routes, without the rest of the app (its other pages are not under test). */
function ImportRoutes() {
  const { path } = useRoute();
  return path === '/imports' ? <ImportsPage /> : <ImportWizardPage />;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A Select's input by its label (Mantine appends " *" to required ones). */
function selectInput(container: HTMLElement, label: string): HTMLElement {
  const input = within(container)
    .getAllByLabelText(new RegExp(`^${escapeRegExp(label)}( \\*)?$`))
    .find((el) => el.tagName === 'INPUT');
  if (!input) throw new Error(`No input labelled ${label}`);
  return input;
}

/** Opens a Mantine Select and clicks the first option matching, inside its own list only. */
async function choose(user: User, input: HTMLElement, option: string | RegExp) {
  await user.click(input);
  const list = await waitFor(() => {
    const el = document.getElementById(input.getAttribute('aria-controls') ?? '');
    if (!el) throw new Error('The options did not open');
    return el;
  });
  const [first] = within(list).getAllByRole('option', { name: option });
  if (!first) throw new Error(`No option ${String(option)}`);
  await user.click(first);
}

function value(el: HTMLElement): string {
  return (el as HTMLInputElement).value;
}

function disabled(el: HTMLElement): boolean {
  return (el as HTMLButtonElement).disabled;
}

function count(name: string): string | null | undefined {
  return document.querySelector(`[data-count="${name}"]`)?.textContent;
}

function xlsxFile(rows: unknown[][], fileName: string, sheet = 'MATRICE'): File {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), sheet);
  const bytes = XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer;
  return new File([bytes], fileName, {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
}

/** A Mali-style 3W: the real header names, a misspelt cercle without P-code, a row with no organisation. */
function maliMatrix(): File {
  return xlsxFile(
    [
      [
        'Nom Organisation',
        'Organisation Accronyme',
        'Type Organisation',
        'Cluster',
        'Activité',
        'Region',
        'Cercle',
        'admin2Pcod',
        'Date début',
        'Date fin',
        'Observations',
      ],
      [
        'Action contre la Faim',
        'ACF',
        'ONG internationale',
        'Nutrition',
        'Dépistage de la malnutrition aiguë',
        'Gao',
        'Ansongo',
        'ML0701',
        '01/02/2024',
        '31/12/2024',
        'Enfants de 6 à 59 mois',
      ],
      [
        'Action contre la Faim',
        'ACF',
        'ONG internationale',
        'Santé',
        'Cliniques mobiles',
        'Gao',
        'Bourrem',
        '',
        '01/03/2024',
        '31/12/2024',
        'Femmes enceintes',
      ],
      [
        '',
        '',
        '',
        'Santé',
        'Distribution de moustiquaires',
        'Gao',
        'Ansongo',
        'ML0701',
        '01/03/2024',
        '',
        '',
      ],
    ],
    'matrice_3w_acf_gao.xlsx',
  );
}

async function prepare(): Promise<TestApp> {
  const app = await startTestApp();
  await app.call('settings.update', { countryCode: 'ML' });
  await app.call('organisations.create', {
    name: 'Action contre la Faim',
    acronym: 'ACF',
    kind: 'international_ngo',
  });
  return app;
}

beforeEach(() => {
  notifications.clean();
});

describe('importing a partner matrix', () => {
  it('uploads a 3W, corrects the mapping and a place, imports it, and undoes it from the history', {
    timeout: 30_000,
  }, async () => {
    const app = await prepare();
    const user = userEvent.setup();
    await renderWithBackend(<ImportRoutes />, { route: '/imports/new', app });

    await user.upload(screen.getByLabelText('Fichier à importer'), maliMatrix());
    expect(await screen.findByText(/Empreinte SHA-256 : [0-9a-f]{12}/)).toBeTruthy();
    expect(screen.queryByText('Fichier déjà importé')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Suivant' }));

    // Structure: the Mali headers are recognised.
    const mapping = await screen.findByRole('table', { name: 'Correspondance des colonnes' });
    await waitFor(() =>
      expect(value(selectInput(mapping, 'Champ Concerto pour la colonne A'))).toBe('Nom de l’organisation'),
    );
    expect(value(selectInput(mapping, 'Champ Concerto pour la colonne B'))).toBe('Sigle de l’organisation');
    expect(value(selectInput(mapping, 'Champ Concerto pour la colonne G'))).toBe(
      'Cercle / département (nom)',
    );
    expect(value(selectInput(mapping, 'Champ Concerto pour la colonne H'))).toBe(
      'Cercle / département (P-code)',
    );
    expect(within(mapping).getAllByText('reconnu').length).toBeGreaterThan(3);

    // "Observations" actually holds the target group: the secretary says so.
    await choose(user, selectInput(mapping, 'Champ Concerto pour la colonne K'), 'Groupe cible');
    const rowK = mapping.querySelector('tr[data-column="K"]') as HTMLElement;
    await waitFor(() => expect(within(rowK).getByText('choisi')).toBeTruthy());
    expect(value(selectInput(mapping, 'Champ Concerto pour la colonne K'))).toBe('Groupe cible');
    await waitFor(() => expect(disabled(screen.getByRole('button', { name: 'Suivant' }))).toBe(false));
    await user.click(screen.getByRole('button', { name: 'Suivant' }));

    // Values: "Bourrem" is not a cercle of Gao; Bourem is proposed and chosen.
    expect(await screen.findByText(/sera retenu comme alias/)).toBeTruthy();
    const proposal = await screen.findByLabelText('Correspondance pour « Bourrem »', { selector: 'input' });
    await choose(user, proposal, /Bourem/);
    expect(await screen.findByText('Décisions prises')).toBeTruthy();
    await waitFor(() => expect(screen.queryByLabelText('Correspondance pour « Bourrem »')).toBeNull());
    await waitFor(() => expect(disabled(screen.getByRole('button', { name: 'Suivant' }))).toBe(false));
    await user.click(screen.getByRole('button', { name: 'Suivant' }));

    // Preview: two rows to create, the row without organisation rejected with its reason.
    await waitFor(() => expect(count('create')).toBe('2'));
    expect(count('update')).toBe('0');
    expect(count('reject')).toBe('1');
    const rejects = await screen.findByRole('table', { name: 'Rejetées' });
    const rejected = within(rejects).getAllByRole('row').slice(1);
    expect(rejected.length).toBeGreaterThan(0);
    expect(within(rejected[0] as HTMLElement).getByText('4')).toBeTruthy();
    expect(rejects.textContent).toMatch(/organisation/i);
    expect(screen.getByRole('button', { name: 'Exporter les lignes rejetées (xlsx)' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Importer' }));
    expect(
      await screen.findByText('Import terminé : 2 créées, 0 mises à jour, 0 inchangées, 1 rejetées.'),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Voir la couverture' }).getAttribute('href')).toBe('#/coverage');
    const created = await app.call('interventions.list', {});
    expect(created.total).toBe(2);
    expect(created.rows.map((r) => r.targetGroup).sort()).toEqual([
      'Enfants de 6 à 59 mois',
      'Femmes enceintes',
    ]);

    // History: the batch, then its undo.
    await user.click(screen.getByRole('link', { name: 'Voir l’historique des imports' }));
    const history = await screen.findByRole('table', { name: 'Matrices des partenaires' });
    const line = within(history).getByText('matrice_3w_acf_gao.xlsx').closest('tr') as HTMLElement;
    expect(within(line).getByText('3W')).toBeTruthy();
    expect(within(line).getByText('Disque')).toBeTruthy();
    expect(within(line).getByText('2 créées, 0 mises à jour, 0 inchangées, 1 rejetées')).toBeTruthy();

    await user.click(within(line).getByRole('button', { name: 'Annuler l’import' }));
    const dialog = await screen.findByRole('dialog', { name: 'Annuler cet import ?' });
    await user.click(within(dialog).getByRole('button', { name: 'Annuler l’import' }));
    expect(await within(history).findByText(/^Annulé le .+ par /)).toBeTruthy();
    expect((await app.call('interventions.list', {})).total).toBe(0);
  });

  it('says when the same file was imported before', async () => {
    const app = await prepare();
    const file = maliMatrix();
    const staged = await app.call('imports.stageUpload', {
      fileName: file.name,
      data: Buffer.from(await file.arrayBuffer()).toString('base64'),
      source: 'disk',
    });
    await app.call('imports.commit', { stagedId: staged.id, decisions: [] });

    const user = userEvent.setup();
    await renderWithBackend(<ImportRoutes />, { route: '/imports/new', app });
    await user.upload(screen.getByLabelText('Fichier à importer'), file);
    expect(await screen.findByText('Fichier déjà importé')).toBeTruthy();
    expect(screen.getByText(/^Ce fichier a déjà été importé le .+ par .+ \(en vigueur\)\.$/)).toBeTruthy();
  });

  it('refuses a file over the limit before reading it', async () => {
    const app = await prepare();
    const user = userEvent.setup();
    await renderWithBackend(<ImportRoutes />, { route: '/imports/new', app });
    const file = new File(['x'], 'enorme.xlsx');
    Object.defineProperty(file, 'size', { value: 31 * 1024 * 1024 });
    await user.upload(screen.getByLabelText('Fichier à importer'), file);
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Le fichier « enorme.xlsx » dépasse 30 Mo : il ne peut pas être importé par cette page.',
    );
    expect(disabled(screen.getByRole('button', { name: 'Suivant' }))).toBe(true);
  });
});

function eml(attachments: { name: string; type: string; content: string }[]): File {
  const boundary = 'frontiere-concerto';
  const parts = attachments.map((a) =>
    [
      `--${boundary}`,
      `Content-Type: ${a.type}; name="${a.name}"`,
      'Content-Transfer-Encoding: base64',
      `Content-Disposition: attachment; filename="${a.name}"`,
      '',
      Buffer.from(a.content).toString('base64'),
    ].join('\r\n'),
  );
  const text = [
    'From: Awa Maïga <awa.maiga@acf-mali.org>',
    'To: secretariat@gtgps.ml',
    'Subject: Matrice 3W ACF Gao',
    'Date: Tue, 12 Mar 2024 09:30:00 +0000',
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Bonjour, ci-joint notre matrice.',
    ...parts,
    `--${boundary}--`,
    '',
  ].join('\r\n');
  return new File([text], 'matrice.eml', { type: 'message/rfc822' });
}

describe('an email received', () => {
  it('lists its attachments and opens the spreadsheet one; says when there is none', {
    timeout: 20_000,
  }, async () => {
    const app = await prepare();
    const user = userEvent.setup();
    await renderWithBackend(<ImportRoutes />, { route: '/imports/new', app });

    await user.upload(
      screen.getByLabelText('Fichier à importer'),
      eml([{ name: 'rapport.pdf', type: 'application/pdf', content: '%PDF-1.4 rien' }]),
    );
    expect(await screen.findByText('Objet : Matrice 3W ACF Gao')).toBeTruthy();
    expect(screen.getByText(/Ce courriel n’a aucune pièce jointe de type tableur/)).toBeTruthy();
    expect(disabled(screen.getByRole('button', { name: 'Suivant' }))).toBe(true);

    const csv =
      'Nom Organisation;Cluster;Activité;Region\r\nAction contre la Faim;Nutrition;Dépistage;Gao\r\n';
    await user.upload(
      screen.getByLabelText('Fichier à importer'),
      eml([{ name: 'matrice_acf.csv', type: 'text/csv', content: csv }]),
    );
    await user.click(await screen.findByRole('button', { name: 'Importer matrice_acf.csv' }));
    await waitFor(() => expect(screen.queryByText('Objet : Matrice 3W ACF Gao')).toBeNull());
    expect(screen.getByText('matrice_acf.csv')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Suivant' }));
    const mapping = await screen.findByRole('table', { name: 'Correspondance des colonnes' });
    await waitFor(() =>
      expect(value(selectInput(mapping, 'Champ Concerto pour la colonne A'))).toBe('Nom de l’organisation'),
    );
  });
});

function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
}

/** A body with three open recommendations. */
async function recommendations(app: TestApp) {
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
  const a = await make('GTGPS/2024/03/R01', 'Actualiser le registre social unifié dans les cercles de Gao');
  const b = await make('GTGPS/2024/03/R02', 'Organiser la revue annuelle des filets sociaux');
  const c = await make('GTGPS/2024/03/R03', 'Diffuser le manuel de procédures aux services déconcentrés');
  return { body, a, b, c };
}

/** The follow-up matrix as Concerto exports it (read back from the exports folder). */
async function exportMatrix(app: TestApp, bodyId: string): Promise<XLSX.WorkBook> {
  const exported = await app.call('exports.save', {
    items: [{ spreadsheet: { kind: 'followUpMatrix', bodyId, layout: 'single' } }],
    destination: { kind: 'exports' },
  });
  const [file] = exported.files;
  if (!file) throw new Error('No matrix exported');
  const { path } = await app.call('exports.file', { id: file.id });
  return XLSX.read(await readFile(path), { type: 'buffer', cellStyles: true });
}

/** The partner marks the given references "Réalisée", with a comment and today's date. */
function fillMatrix(wb: XLSX.WorkBook, references: readonly string[]): File {
  const sheetName = wb.SheetNames.find((n) => n !== 'Instructions');
  const sheet = sheetName ? wb.Sheets[sheetName] : undefined;
  if (!sheet) throw new Error('No data sheet');
  const rows = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, raw: false });
  const header = rows[0] ?? [];
  const col = (name: string) => header.indexOf(name);
  for (const [index, row] of rows.entries()) {
    const reference = row?.[col('Réf.')];
    if (index === 0 || !reference || !references.includes(reference)) continue;
    const set = (name: string, text: string) => {
      sheet[XLSX.utils.encode_cell({ r: index, c: col(name) })] = { t: 's', v: text };
    };
    set('Nouveau statut', 'Réalisée');
    set('Commentaire / actions menées', `Fait pour ${reference}`);
    set('Date de mise à jour', today());
  }
  const bytes = XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer;
  return new File([bytes], 'tableau_de_suivi_rempli.xlsx');
}

async function openFollowUp(user: User, file: File) {
  await user.upload(screen.getByLabelText('Fichier à importer'), file);
  await screen.findByText(/Empreinte SHA-256/);
  await user.click(screen.getByRole('button', { name: 'Suivant' }));
  expect(await screen.findByText(/Ce fichier est un tableau de suivi des recommandations/)).toBeTruthy();
}

describe('a follow-up matrix coming back', () => {
  it('updates the two recommendations the partner filled in', { timeout: 20_000 }, async () => {
    const app = await startTestApp();
    const { body, a, b, c } = await recommendations(app);
    const filled = fillMatrix(await exportMatrix(app, body.id), [a.reference, b.reference]);

    const user = userEvent.setup();
    await renderWithBackend(<ImportRoutes />, { route: '/imports/new', app });
    await openFollowUp(user, filled);
    await waitFor(() => expect(count('apply')).toBe('2'));
    expect(count('conflict')).toBe('0');
    const table = screen.getByRole('table', { name: 'Tableau de suivi' });
    expect(within(table).getAllByText('à appliquer')).toHaveLength(2);

    await user.click(screen.getByRole('button', { name: 'Enregistrer les mises à jour' }));
    expect(await screen.findByText('2 recommandations mises à jour')).toBeTruthy();

    expect((await app.call('recommendations.get', { id: a.id })).status).toBe('done');
    expect((await app.call('recommendations.get', { id: b.id })).status).toBe('done');
    expect((await app.call('recommendations.get', { id: c.id })).status).not.toBe('done');
    const [batch] = await app.call('imports.history', {});
    expect(batch?.kind).toBe('follow_up');
  });

  it('shows a recommendation changed since the export as a conflict, applied only when ticked', {
    timeout: 20_000,
  }, async () => {
    const app = await startTestApp();
    const { body, a, b } = await recommendations(app);
    const wb = await exportMatrix(app, body.id);
    // Meanwhile, the secretariat recorded progress on R02.
    await app.call('recommendations.addUpdate', {
      id: b.id,
      date: '2024-05-02',
      status: 'in_progress',
      comment: 'Termes de référence rédigés',
    });
    const filled = fillMatrix(wb, [a.reference, b.reference]);

    const user = userEvent.setup();
    await renderWithBackend(<ImportRoutes />, { route: '/imports/new', app });
    await openFollowUp(user, filled);
    await waitFor(() => expect(count('conflict')).toBe('1'));
    expect(count('apply')).toBe('1');
    expect(await screen.findByText('Conflits à trancher')).toBeTruthy();
    await user.click(screen.getByRole('checkbox', { name: `Appliquer quand même — ${b.reference}` }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer les mises à jour' }));
    expect(await screen.findByText('2 recommandations mises à jour')).toBeTruthy();
    expect((await app.call('recommendations.get', { id: b.id })).status).toBe('done');
  });
});
