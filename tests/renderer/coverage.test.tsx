import { notifications } from '@mantine/notifications';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { AppRoutes } from '../../renderer/app/router';
import { uuidv7 } from '../../shared/domain/ids';
import { startTestApp, type TestApp } from '../integration/harness';
import { maliWithTwoPartners, openedExports, renderWithBackend } from './harness';

function isoInDays(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

interface Place {
  id: string;
  parentId: string | null;
  name: string;
}

/** Writes one intervention as an import would (the import itself is tested elsewhere). */
function insert(
  app: TestApp,
  v: { organisationId: string; place: Place; sector: string; activity: string; reportedOn: string },
): void {
  const now = new Date().toISOString();
  app.backend.context.sqlite
    .prepare(
      `INSERT INTO interventions (id, organisation_id, role, sector, activity, target_group, territory_id,
        adm1_id, adm2_id, place_label, status, start_date, end_date, reported_on, natural_key,
        source_file, source_row, created_at, updated_at)
       VALUES (?, ?, 'implementation', ?, ?, 'Enfants de moins de 5 ans', ?, ?, ?, ?, 'ongoing', '2025-01-01',
        NULL, ?, ?, '3W_Gao.xlsx', 4, ?, ?)`,
    )
    .run(
      uuidv7(),
      v.organisationId,
      v.sector,
      v.activity,
      v.place.id,
      v.place.parentId,
      v.place.id,
      v.place.name,
      v.reportedOn,
      `${v.organisationId}|${v.activity}|${v.place.id}`,
      now,
      now,
    );
}

/**
 * Mali; ACF and MSF both in health in the cercle of Ansongo (an overlap), ACF alone in WASH in
 * the cercle of Gao (so Ansongo lacks WASH and Gao lacks health); MSF last reported long ago.
 */
async function coverageFixture() {
  const { app, acf, msf, cercles } = await maliWithTwoPartners();
  const place = (pcode: string): Place => {
    const found = cercles.find((c) => c.pcode === pcode);
    if (!found) throw new Error(`${pcode} not loaded`);
    return { id: found.id, parentId: found.parentId, name: found.name };
  };
  const ansongo = place('ML0701');
  const gao = place('ML0703');
  const recent = isoInDays(-5);
  insert(app, {
    organisationId: acf.id,
    place: ansongo,
    sector: 'health',
    activity: 'Cliniques mobiles ACF',
    reportedOn: recent,
  });
  insert(app, {
    organisationId: msf.id,
    place: ansongo,
    sector: 'health',
    activity: 'Soins de santé primaires',
    reportedOn: isoInDays(-400),
  });
  insert(app, {
    organisationId: acf.id,
    place: gao,
    sector: 'wash',
    activity: 'Forages',
    reportedOn: recent,
  });
  return { app, acf, msf, ansongo, gao };
}

beforeEach(() => {
  notifications.clean();
});

describe('coverage page', () => {
  it('shows the matrix, the overlap, the gaps and the freshness, and exports the matrix', {
    timeout: 60_000,
  }, async () => {
    const f = await coverageFixture();
    const user = userEvent.setup();
    await renderWithBackend(<AppRoutes />, { route: '/coverage', app: f.app });

    const matrix = await screen.findByRole('table', { name: 'Matrice de couverture' });
    const cell = await within(matrix).findByLabelText('Ansongo — Santé : 2 acteurs, 2 activités');
    expect(within(cell).getByText('2')).toBeTruthy();
    expect(
      within(matrix).getByLabelText('Gao — Eau, hygiène et assainissement (EHA) : 1 acteur, 1 activité'),
    ).toBeTruthy();
    expect(within(matrix).getByLabelText('Gao — Santé : 0 acteur, 0 activité')).toBeTruthy();

    await user.click(screen.getByRole('tab', { name: 'Chevauchements' }));
    const overlaps = await screen.findByRole('table', { name: 'Chevauchements' });
    const overlap = (await within(overlaps).findByRole('link', { name: 'Ansongo' })).closest('tr');
    if (!overlap) throw new Error('no overlap row');
    expect(within(overlap).getByText('Santé')).toBeTruthy();
    expect(within(overlap).getByText('Enfants de moins de 5 ans')).toBeTruthy();
    expect(
      within(overlap)
        .getByRole('link', { name: /Action contre la Faim/ })
        .getAttribute('href'),
    ).toBe(`#/organisations/${f.acf.id}`);
    expect(within(overlap).getByRole('link', { name: /Médecins sans frontières/ })).toBeTruthy();

    await user.click(screen.getByRole('tab', { name: 'Lacunes' }));
    const gaps = await screen.findByRole('table', { name: 'Lacunes' });
    const gao = (await within(gaps).findByRole('link', { name: 'Gao' })).closest('tr');
    if (!gao) throw new Error('no gap row');
    expect(within(gao).getByText('Santé')).toBeTruthy();
    const ansongo = within(gaps).getByRole('link', { name: 'Ansongo' }).closest('tr');
    if (!ansongo) throw new Error('no gap row');
    expect(within(ansongo).getByText('Eau, hygiène et assainissement (EHA)')).toBeTruthy();

    await user.click(screen.getByRole('tab', { name: 'Fraîcheur' }));
    const freshness = await screen.findByRole('table', { name: 'Fraîcheur des données' });
    const msf = (await within(freshness).findByRole('link', { name: /Médecins sans frontières/ })).closest(
      'tr',
    );
    const acf = within(freshness)
      .getByRole('link', { name: /Action contre la Faim/ })
      .closest('tr');
    if (!msf || !acf) throw new Error('no freshness rows');
    expect(within(msf).getByText(/^\d+ trimestres?$/)).toBeTruthy();
    expect(within(acf).getByText('À jour')).toBeTruthy();

    // Each view exports what it shows: the matrix here.
    await user.click(screen.getByRole('tab', { name: 'Matrice' }));
    await screen.findByRole('table', { name: 'Matrice de couverture' });
    await user.click(within(screen.getByRole('tabpanel')).getByRole('button', { name: 'Exporter (xlsx)' }));
    await waitFor(() => expect(openedExports).toHaveLength(1));
  });

  it('draws the map: one path per boundary, titles carrying the values, a click selects the cercle', {
    timeout: 60_000,
  }, async () => {
    const f = await coverageFixture();
    const boundaries = await f.app.call('coverage.boundaries', { countryCode: 'ML', level: 2 });
    expect(boundaries.length).toBeGreaterThan(10);
    const user = userEvent.setup();
    await renderWithBackend(<AppRoutes />, { route: '/coverage', app: f.app });
    await screen.findByRole('table', { name: 'Matrice de couverture' });

    await user.click(screen.getByRole('tab', { name: 'Carte' }));
    const map = await screen.findByRole('img', { name: 'Carte : Acteurs par Cercle' });
    const paths = map.querySelectorAll('path');
    expect(paths).toHaveLength(boundaries.length);
    const titles = [...map.querySelectorAll('path > title')].map((el) => el.textContent);
    expect(titles).toContain('Ansongo : 2');
    expect(titles).toContain('Gao : 1');

    const ansongo = map.querySelector('path[data-pcode="ML0701"]');
    if (!ansongo) throw new Error('no Ansongo on the map');
    await user.click(ansongo);
    const panel = screen.getByRole('region', { name: 'Territoire sélectionné' });
    expect(within(panel).getByText('Ansongo')).toBeTruthy();
    expect(within(panel).getByText('Santé')).toBeTruthy();
    await user.click(within(panel).getByRole('button', { name: 'Voir dans la matrice' }));
    const matrix = await screen.findByRole('table', { name: 'Matrice de couverture' });
    const rows = matrix.querySelectorAll('tbody tr');
    expect(rows).toHaveLength(1);
    expect(within(rows[0] as HTMLElement).getByText('Ansongo')).toBeTruthy();
    expect(screen.getByText('Territoire : Ansongo')).toBeTruthy();
  });

  it('says how to start when nothing was imported', async () => {
    const app = await startTestApp();
    await app.call('settings.update', { welcomed: true });
    await renderWithBackend(<AppRoutes />, { route: '/coverage', app });
    expect(
      await screen.findByText(
        'Aucune intervention importée : importez une matrice 3W depuis « Matrices des partenaires ».',
      ),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Importer une matrice' }).getAttribute('href')).toBe(
      '#/imports/new',
    );
  });
});
