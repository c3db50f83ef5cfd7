import { notifications } from '@mantine/notifications';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { AppRoutes } from '../../renderer/app/router';
import { uuidv7 } from '../../shared/domain/ids';
import { startTestApp, type TestApp } from '../integration/harness';
import { maliWithTwoPartners, renderWithBackend } from './harness';

/** A field by its visible label; Mantine appends " *" (hidden from screen readers) to required ones. */
function label(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`);
}

function input(container: HTMLElement, field: string): HTMLElement {
  const found = within(container)
    .getAllByLabelText(label(field))
    .find((el) => el.tagName === 'INPUT' || el.tagName === 'TEXTAREA');
  if (!found) throw new Error(`No input labelled ${field}`);
  return found;
}

/** Picks an option of a Mantine Select inside a container, looking only inside its own list. */
async function choose(
  user: ReturnType<typeof userEvent.setup>,
  container: HTMLElement,
  field: string,
  option: string,
) {
  const el = input(container, field);
  await user.click(el);
  const list = await waitFor(() => {
    const found = document.getElementById(el.getAttribute('aria-controls') ?? '');
    if (!found) throw new Error(`The options of ${field} did not open`);
    return found;
  });
  await user.click(within(list).getByText(option, { selector: '[role="option"], [role="option"] *' }));
}

function isoInDays(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

interface PartnerFixture {
  app: TestApp;
  acf: { id: string };
  msf: { id: string };
  ansongo: { id: string; parentId: string | null };
}

/** Mali loaded, two partners, and the cercle of Ansongo (with its region). */
async function partnerFixture(): Promise<PartnerFixture> {
  const { app, acf, msf, cercles } = await maliWithTwoPartners();
  const ansongo = cercles.find((c) => c.pcode === 'ML0701');
  if (!ansongo) throw new Error('Ansongo not loaded');
  return { app, acf, msf, ansongo };
}

/** Writes interventions as an import would (the import itself is tested elsewhere). */
function insertIntervention(
  f: PartnerFixture,
  values: {
    organisationId: string;
    activity: string;
    sector: string;
    targetGroup?: string | null;
    status?: string;
    startDate?: string | null;
    endDate?: string | null;
    reportedOn?: string | null;
    targetedTotal?: number | null;
    row?: number;
  },
): string {
  const id = uuidv7();
  const now = new Date().toISOString();
  f.app.backend.context.sqlite
    .prepare(
      `INSERT INTO interventions (id, organisation_id, role, sector, activity, target_group, territory_id,
        adm1_id, adm2_id, place_label, status, start_date, end_date, targeted_total, reported_on,
        natural_key, source_file, source_sheet, source_row, created_at, updated_at)
       VALUES (?, ?, 'implementation', ?, ?, ?, ?, ?, ?, 'Ansongo', ?, ?, ?, ?, ?, ?, '3W_Gao_T1.xlsx', '3W', ?, ?, ?)`,
    )
    .run(
      id,
      values.organisationId,
      values.sector,
      values.activity,
      values.targetGroup ?? null,
      f.ansongo.id,
      f.ansongo.parentId,
      f.ansongo.id,
      values.status ?? 'ongoing',
      values.startDate ?? '2025-01-01',
      values.endDate ?? null,
      values.targetedTotal ?? null,
      values.reportedOn ?? isoInDays(-10),
      `${values.organisationId}|${values.activity}`,
      values.row ?? 5,
      now,
      now,
    );
  return id;
}

beforeEach(() => {
  notifications.clean();
});

describe('conventions on the organisation page', () => {
  it('creates a convention with its elements, refuses an end before the signature, edits it and requires a revocation reason', {
    timeout: 60_000,
  }, async () => {
    const f = await partnerFixture();
    const user = userEvent.setup();
    await renderWithBackend(<AppRoutes />, { route: `/organisations/${f.acf.id}`, app: f.app });
    await user.click(await screen.findByRole('tab', { name: 'Conventions' }));
    expect(await screen.findByText('Aucune convention enregistrée pour ce partenaire.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Ajouter une convention' }));
    const dialog = await screen.findByRole('dialog', { name: 'Nouvelle convention' });
    await user.type(input(dialog, 'Référence'), 'CONV-2025-014');
    await user.type(input(dialog, 'Signée le'), '01/03/2025');
    await user.type(input(dialog, 'Date de fin'), '01/02/2025');
    await user.click(within(dialog).getByLabelText('Domaines d’intervention'));
    await user.click(within(dialog).getByLabelText('Obligations des parties'));
    await user.click(within(dialog).getByLabelText('Durée'));
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));

    // The backend refuses the date order; its message sits next to the end date.
    const end = input(dialog, 'Date de fin');
    await waitFor(() => expect(end.getAttribute('aria-invalid')).toBe('true'));
    expect(f.app.backend.context.sqlite.prepare('SELECT COUNT(*) AS n FROM conventions').get()).toEqual({
      n: 0,
    });

    await user.clear(end);
    await user.type(end, '28/02/2027');
    await user.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Nouvelle convention' })).toBeNull());

    const table = await screen.findByRole('table', { name: 'Conventions du partenaire' });
    const row = (await within(table).findByText('CONV-2025-014')).closest('tr');
    if (!row) throw new Error('no row');
    expect(within(row).getByText('3/7')).toBeTruthy();
    expect(within(row).getByText('En vigueur')).toBeTruthy();
    expect(within(row).getByText('1er mars 2025')).toBeTruthy();

    // Edit: one more element; then revoke without a reason, which is asked for.
    await user.click(within(row).getByRole('button', { name: 'Modifier la convention CONV-2025-014' }));
    const edit = await screen.findByRole('dialog', { name: 'Modifier la convention' });
    expect((input(edit, 'Référence') as HTMLInputElement).value).toBe('CONV-2025-014');
    await user.click(within(edit).getByLabelText('Redevabilité'));
    await choose(user, edit, 'Statut', 'Révoquée');
    await user.type(input(edit, 'Révoquée le'), '15/06/2025');
    await user.click(within(edit).getByRole('button', { name: 'Enregistrer' }));
    expect(await within(edit).findByText('Indiquez le motif de la révocation.')).toBeTruthy();

    await user.type(input(edit, 'Motif de la révocation'), 'Activités suspendues sans préavis');
    await user.click(within(edit).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Modifier la convention' })).toBeNull());
    const revoked = (await within(table).findByText('Révoquée')).closest('tr');
    if (!revoked) throw new Error('no row');
    expect(within(revoked).getByText('4/7')).toBeTruthy();
    expect(within(revoked).getByText(/Activités suspendues sans préavis/)).toBeTruthy();

    const [saved] = await f.app.call('conventions.list', { organisationId: f.acf.id });
    expect(saved?.elements).toEqual(['domains', 'obligations', 'duration', 'accountability']);
    expect(saved?.status).toBe('revoked');
    expect(saved?.endDate).toBe('2027-02-28');
  });
});

describe('interventions on the organisation page', () => {
  it('shows the profile and lists the partner’s interventions with their source', {
    timeout: 15_000,
  }, async () => {
    const f = await partnerFixture();
    insertIntervention(f, {
      organisationId: f.acf.id,
      activity: 'Forages pastoraux',
      sector: 'wash',
      targetedTotal: 1200,
      row: 7,
    });
    insertIntervention(f, {
      organisationId: f.acf.id,
      activity: 'Dépistage de la malnutrition',
      sector: 'nutrition',
      row: 8,
    });
    insertIntervention(f, { organisationId: f.msf.id, activity: 'Cliniques mobiles', sector: 'health' });

    const user = userEvent.setup();
    await renderWithBackend(<AppRoutes />, { route: `/organisations/${f.acf.id}`, app: f.app });
    await user.click(await screen.findByRole('tab', { name: 'Interventions' }));

    const table = await screen.findByRole('table', { name: 'Interventions du partenaire' });
    const row = (await within(table).findByText('Forages pastoraux')).closest('tr');
    if (!row) throw new Error('no row');
    expect(within(row).getByText('Eau, hygiène et assainissement (EHA)')).toBeTruthy();
    expect(within(row).getByText('En cours')).toBeTruthy();
    expect(within(row).getByText('3W_Gao_T1.xlsx, ligne 7')).toBeTruthy();
    expect(within(row).getByText(/1\s200/)).toBeTruthy();
    expect(within(table).getByText('Dépistage de la malnutrition')).toBeTruthy();
    expect(within(table).queryByText('Cliniques mobiles')).toBeNull();
    expect(screen.getByText('Ansongo (2)')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Exporter (xlsx)' })).toBeTruthy();
  });
});

describe('home page alerts', () => {
  it('lists a convention ending soon and a partner that stopped reporting', { timeout: 15_000 }, async () => {
    const f = await partnerFixture();
    await f.app.call('conventions.create', {
      organisationId: f.acf.id,
      kind: 'convention',
      reference: 'CONV-ACF-2023',
      signedOn: '2023-01-01',
      endDate: isoInDays(20),
      elements: [],
      status: 'in_force',
    });
    insertIntervention(f, {
      organisationId: f.msf.id,
      activity: 'Cliniques mobiles',
      sector: 'health',
      reportedOn: isoInDays(-300),
    });

    await renderWithBackend(<AppRoutes />, { route: '/', app: f.app });
    const section = await screen.findByRole('region', { name: 'Partenaires' });
    const ending = await within(section).findByRole('region', { name: 'Conventions arrivant à échéance' });
    expect(within(ending).getByText(/CONV-ACF-2023 — fin dans 20 jours/)).toBeTruthy();
    expect(
      within(ending)
        .getByRole('link', { name: /Action contre la Faim/ })
        .getAttribute('href'),
    ).toBe(`#/organisations/${f.acf.id}`);
    const silent = within(section).getByRole('region', { name: 'Partenaires silencieux' });
    expect(within(silent).getByRole('link', { name: /Médecins sans frontières/ })).toBeTruthy();
    expect(within(silent).getByText(/aucun rapport depuis \d trimestres?/)).toBeTruthy();
  });

  it('says nothing when there is nothing to say', async () => {
    const f = await partnerFixture();
    await renderWithBackend(<AppRoutes />, { route: '/', app: f.app });
    await screen.findByText('Instances actives');
    await f.app.call('partners.alerts', {});
    expect(screen.queryByRole('region', { name: 'Partenaires' })).toBeNull();
  });
});

describe('synonyms in the settings', () => {
  it('adds and removes a user synonym next to the built-in ones', { timeout: 60_000 }, async () => {
    const app = await startTestApp();
    await app.call('settings.update', { welcomed: true });
    const user = userEvent.setup();
    await renderWithBackend(<AppRoutes />, { route: '/settings', app });
    const section = await screen.findByRole('region', { name: 'Listes de correspondance' });
    const table = await within(section).findByRole('table', { name: 'Correspondances' });
    expect(within(table).getAllByText('Intégrée').length).toBeGreaterThan(0);
    expect(within(table).queryByRole('button', { name: /Retirer la correspondance/ })).toBeNull();

    await user.type(input(section, 'Terme'), 'Hydraulique villageoise');
    await choose(user, section, 'Correspond à', 'Eau, hygiène et assainissement (EHA)');
    await user.click(within(section).getByRole('button', { name: 'Ajouter la correspondance' }));

    const remove = await within(section).findByRole('button', {
      name: /Retirer la correspondance « hydraulique villageoise »/i,
    });
    const list = await app.call('synonyms.list', { kind: 'sector' });
    expect(list.some((s) => !s.builtIn && s.value === 'wash')).toBe(true);

    await user.click(remove);
    await waitFor(() =>
      expect(within(section).queryByRole('button', { name: /Retirer la correspondance/ })).toBeNull(),
    );
    const after = await app.call('synonyms.list', { kind: 'sector' });
    expect(after.some((s) => !s.builtIn)).toBe(false);
  });
});
