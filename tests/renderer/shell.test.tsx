import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Shell } from '../../renderer/app/App';
import { applyServerErrors, errorMessage } from '../../renderer/app/errors';
import { i18n } from '../../renderer/app/i18n';
import { navigate } from '../../renderer/app/router';
import { call, RpcError } from '../../renderer/app/rpc';
import { SettingsPage } from '../../renderer/features/settings/SettingsPage';
import { startTestApp } from '../integration/harness';
import { installBridge, renderWithBackend } from './harness';

/** A backend whose first-run questions are already answered, so no welcome dialog gets in the way. */
async function welcomedApp() {
  const app = await startTestApp();
  await app.call('settings.update', { welcomed: true, countryCode: 'ML', userName: 'Awa Diarra' });
  return app;
}

describe('shell', () => {
  it('renders the page of the current hash, follows navigation and marks the active menu item', async () => {
    const app = await welcomedApp();
    await renderWithBackend(<Shell />, { app, route: '/settings' });

    expect(await screen.findByRole('heading', { name: 'Paramètres', level: 2 })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Navigation principale' });
    expect(within(nav).getByRole('link', { name: 'Paramètres' }).getAttribute('aria-current')).toBe('page');
    expect(within(nav).getByRole('link', { name: 'Accueil' }).getAttribute('aria-current')).toBeNull();

    act(() => navigate('/about'));
    expect(await screen.findByRole('heading', { name: 'À propos de Concerto' })).toBeTruthy();
    // The territories' sources are credited.
    expect((await screen.findAllByText(/COD-AB/)).length).toBeGreaterThan(0);

    act(() => navigate('/nulle-part'));
    expect(await screen.findByRole('heading', { name: 'Page introuvable' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Retour à l’accueil' }).getAttribute('href')).toBe('#/');
  });

  it('switches the interface to English at once and saves the choice', async () => {
    const app = await welcomedApp();
    const user = userEvent.setup();
    await renderWithBackend(<Shell />, { app, route: '/settings' });

    await user.click(await screen.findByRole('radio', { name: 'English' }));

    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).getByRole('link', { name: 'Bodies' })).toBeTruthy();
    expect(within(nav).getByRole('link', { name: 'People' })).toBeTruthy();
    await waitFor(async () => expect((await app.call('settings.get', {})).language).toBe('en'));
    await act(async () => {
      await i18n.changeLanguage('fr');
    });
  });

  it('asks the first-run questions on a fresh database and stores the chosen country', async () => {
    const user = userEvent.setup();
    const { app } = await renderWithBackend(<Shell />);

    const dialog = await screen.findByRole('dialog', { name: 'Bienvenue dans Concerto' });
    await user.click(within(dialog).getByRole('combobox', { name: /^Pays/ }));
    await user.click(await screen.findByRole('option', { name: 'Sénégal' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Votre nom' }), 'Fatou Ndiaye');
    await user.click(within(dialog).getByRole('button', { name: 'Commencer avec une base vide' }));

    await waitFor(
      () => expect(screen.queryByRole('dialog', { name: 'Bienvenue dans Concerto' })).toBeNull(),
      {
        timeout: 5000,
      },
    );
    const settings = await app.call('settings.get', {});
    expect(settings).toMatchObject({ welcomed: true, countryCode: 'SN', userName: 'Fatou Ndiaye' });
    const senegal = (await app.call('territories.countries', {})).find((c) => c.code === 'SN');
    expect(senegal?.loaded).toBe(true);
    expect((await app.call('demo.status', {})).loaded).toBe(false);
  });

  it('loads the demonstration data from the welcome dialog, labels it everywhere, and removes it', async () => {
    const user = userEvent.setup();
    const { app } = await renderWithBackend(<Shell />);

    const dialog = await screen.findByRole('dialog', { name: 'Bienvenue dans Concerto' });
    await user.click(within(dialog).getByRole('combobox', { name: /^Pays/ }));
    await user.click(await screen.findByRole('option', { name: 'Mali' }));
    await user.click(within(dialog).getByRole('button', { name: 'Charger les données de démonstration' }));

    const banner = await screen.findByRole('status', {}, { timeout: 10_000 });
    expect(banner.textContent).toContain('Données de démonstration chargées — elles sont fictives.');
    const status = await app.call('demo.status', {});
    expect(status.loaded).toBe(true);
    // The home page counts them and marks the recent bodies as demonstration records.
    const active = (await app.call('bodies.list', { status: 'active' })).length;
    expect(await screen.findByText(String(active))).toBeTruthy();
    expect((await screen.findAllByText('Démonstration')).length).toBeGreaterThan(0);

    await user.click(within(banner).getByRole('button', { name: 'Retirer les données de démonstration' }));
    const confirm = await screen.findByRole('dialog', { name: 'Retirer les données de démonstration ?' });
    await user.click(within(confirm).getByRole('button', { name: 'Retirer les données de démonstration' }));
    await waitFor(() => expect(screen.queryByRole('status')).toBeNull(), { timeout: 5000 });
    expect((await app.call('demo.status', {})).loaded).toBe(false);
  });

  it('searches everywhere from the header and opens the chosen record', async () => {
    const app = await welcomedApp();
    const org = await app.call('organisations.create', {
      name: 'Ministère de la Santé et du Développement Social',
      acronym: 'MSDS',
      kind: 'ministry',
    });
    const user = userEvent.setup();
    await renderWithBackend(<Shell />, { app, route: '/' });

    await user.click(screen.getByRole('button', { name: 'Rechercher partout (Ctrl+K)' }));
    const input = await screen.findByRole('textbox', {
      name: 'Rechercher une instance, une organisation, une personne…',
    });
    await user.type(input, 'sante');
    const dialog = screen.getByRole('dialog', { name: 'Rechercher' });
    const group = await within(dialog).findByRole('group', { name: 'Organisations' });
    expect(within(group).getByRole('button', { name: /Ministère de la Santé/ })).toBeTruthy();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(window.location.hash).toBe(`#/organisations/${org.id}`));

    await user.click(screen.getByRole('button', { name: 'Rechercher partout (Ctrl+K)' }));
    await user.type(
      await screen.findByRole('textbox', {
        name: 'Rechercher une instance, une organisation, une personne…',
      }),
      'zzzqqq',
    );
    expect(await screen.findByText('Aucun résultat')).toBeTruthy();
  });

  it('lists trashed records by kind and restores them', async () => {
    const app = await welcomedApp();
    const org = await app.call('organisations.create', { name: 'Association Jigiya', kind: 'national_ngo' });
    await app.call('organisations.trash', { id: org.id });
    const user = userEvent.setup();
    await renderWithBackend(<Shell />, { app, route: '/trash' });

    const section = await screen.findByRole('region', { name: 'Organisations' });
    expect(within(section).getByRole('link', { name: 'Association Jigiya' }).getAttribute('href')).toBe(
      `#/organisations/${org.id}`,
    );
    await user.click(within(section).getByRole('button', { name: 'Restaurer : Association Jigiya' }));
    expect(await screen.findByText('La corbeille est vide')).toBeTruthy();
    expect((await app.call('organisations.get', { id: org.id })).deletedAt).toBeNull();
  });

  it('maps a VALIDATION issue path onto the form field, nested paths included', async () => {
    const app = await welcomedApp();
    installBridge(app);
    const error = await call('settings.update', { heading: { ministry: 'M'.repeat(301) } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RpcError);

    const fields: Record<string, string> = {};
    const t = i18n.getFixedT('fr');
    expect(applyServerErrors({ setFieldError: (path, message) => (fields[path] = message) }, error, t)).toBe(
      true,
    );
    expect(fields).toEqual({ 'heading.ministry': 'Texte trop long (300 caractères au maximum).' });
    expect(errorMessage(error, t)).toBe('Texte trop long (300 caractères au maximum).');
    // Not a validation error: nothing to put on fields.
    expect(applyServerErrors({ setFieldError: () => {} }, new Error('boom'), t)).toBe(false);
  });

  it('shows the server’s field error next to the field on the settings page', async () => {
    const app = await welcomedApp();
    const user = userEvent.setup();
    await renderWithBackend(<SettingsPage />, { app, route: '/settings' });

    const ministry = await screen.findByRole('textbox', { name: 'Ministère' });
    fireEvent.change(ministry, { target: { value: 'M'.repeat(301) } });
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));

    expect(await screen.findByText('Texte trop long (300 caractères au maximum).')).toBeTruthy();
    expect(ministry.getAttribute('aria-invalid')).toBe('true');
    expect((await app.call('settings.get', {})).heading.ministry).toBeNull();
  });
});
