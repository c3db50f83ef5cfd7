import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Shell } from '../../renderer/app/App';
import { startTestApp } from '../integration/harness';
import { renderWithBackend } from './harness';

/** A backend whose first-run questions are answered, so that no welcome dialog covers the page. */
async function welcomedApp() {
  const app = await startTestApp();
  await app.call('settings.update', { welcomed: true, userName: 'Awa Diarra' });
  return app;
}

/** The message Mantine shows under an input, found through the input's aria-describedby. */
function errorUnder(input: HTMLElement): string {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

describe('organisations directory', { timeout: 30_000 }, () => {
  it('refuses a bad email next to the email field and writes nothing', async () => {
    const app = await welcomedApp();
    const user = userEvent.setup();
    await renderWithBackend(<Shell />, { app, route: '/organisations/new' });

    await user.type(
      await screen.findByRole('textbox', { name: /^Nom/ }),
      'Direction Nationale du Développement Social',
    );
    await user.type(screen.getByRole('textbox', { name: 'Sigle' }), 'DNDS');
    await user.click(screen.getByRole('combobox', { name: /^Type/ }));
    await user.click(await screen.findByRole('option', { name: 'Direction centrale' }));
    const email = screen.getByRole('textbox', { name: 'Courriel' });
    await user.type(email, 'dnds@gouv');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));

    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    expect(errorUnder(email)).toContain('Adresse électronique invalide.');
    // Still on the form, and the directory is empty.
    expect(window.location.hash).toBe('#/organisations/new');
    expect(await app.call('organisations.list', {})).toEqual([]);
  });

  it('creates a valid organisation and lists it in the directory, found without accents', async () => {
    const app = await welcomedApp();
    const user = userEvent.setup();
    await renderWithBackend(<Shell />, { app, route: '/organisations/new' });

    await user.type(
      await screen.findByRole('textbox', { name: /^Nom/ }),
      'Direction Nationale du Développement Social',
    );
    await user.type(screen.getByRole('textbox', { name: 'Sigle' }), 'DNDS');
    await user.click(screen.getByRole('combobox', { name: /^Type/ }));
    await user.click(await screen.findByRole('option', { name: 'Direction centrale' }));
    await user.type(screen.getByRole('textbox', { name: 'Courriel' }), 'contact@dnds.gouv.ml');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));

    // The new record's page opens.
    expect(
      await screen.findByRole('heading', { name: 'DNDS — Direction Nationale du Développement Social' }),
    ).toBeTruthy();
    const [saved] = await app.call('organisations.list', {});
    expect(saved).toMatchObject({
      name: 'Direction Nationale du Développement Social',
      kind: 'central_directorate',
    });
    expect(window.location.hash).toBe(`#/organisations/${saved?.id}`);

    await user.click(screen.getByRole('link', { name: '← Organisations' }));
    await screen.findByRole('columnheader', { name: 'Organisation de tutelle' });
    const table = screen.getByRole('table');
    expect(
      within(table).getByRole('link', { name: 'Direction Nationale du Développement Social' }),
    ).toBeTruthy();
    expect(within(table).getByText('Direction centrale')).toBeTruthy();

    // Typed without accents, the filter still finds it.
    await user.type(screen.getByRole('textbox', { name: 'Rechercher' }), 'developpement');
    expect(
      await screen.findByRole('link', { name: 'Direction Nationale du Développement Social' }),
    ).toBeTruthy();
    await user.clear(screen.getByRole('textbox', { name: 'Rechercher' }));
    await user.type(screen.getByRole('textbox', { name: 'Rechercher' }), 'introuvable');
    expect(await screen.findByText('Aucune organisation ne correspond')).toBeTruthy();
  });
});

describe('people directory', { timeout: 30_000 }, () => {
  it('adds a person from the organisation page, with the organisation already chosen', async () => {
    const app = await welcomedApp();
    const dnds = await app.call('organisations.create', {
      name: 'Direction Nationale du Développement Social',
      acronym: 'DNDS',
      kind: 'central_directorate',
    });
    const user = userEvent.setup();
    await renderWithBackend(<Shell />, { app, route: `/organisations/${dnds.id}` });

    await user.click(await screen.findByRole('button', { name: 'Ajouter une personne' }));
    await user.type(await screen.findByRole('textbox', { name: /^Nom/ }), 'Traoré');
    await user.type(screen.getByRole('textbox', { name: 'Prénom' }), 'Aminata');
    await user.click(screen.getByRole('radio', { name: 'Femme' }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));

    expect(await screen.findByRole('heading', { name: 'Aminata Traoré' })).toBeTruthy();
    const [person] = await app.call('people.list', {});
    expect(person).toMatchObject({ lastName: 'Traoré', sex: 'female', organisationId: dnds.id });

    // The organisation's page lists its new member.
    const [organisationLink] = screen.getAllByRole('link', { name: /DNDS/ });
    await user.click(organisationLink as HTMLElement);
    expect(await screen.findByRole('link', { name: 'Aminata Traoré' })).toBeTruthy();
  });
});

describe('territories', { timeout: 30_000 }, () => {
  it('loads the reference list of Mali and finds a territory typed without accents', async () => {
    // No country in the settings: choosing one in the settings would load its list at once.
    const app = await welcomedApp();
    const user = userEvent.setup();
    await renderWithBackend(<Shell />, { app, route: '/territories' });

    await user.click(await screen.findByRole('combobox', { name: 'Pays' }));
    await user.click(await screen.findByRole('option', { name: 'Mali' }));
    await user.click(await screen.findByRole('button', { name: 'Charger la liste de référence' }));

    // The first level appears, with the country's own level names.
    expect(await screen.findByRole('link', { name: 'Mopti' }, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByText(/Cercle : \d+/)).toBeTruthy();

    // Expanding a region loads its cercles.
    await user.click(screen.getByRole('button', { name: 'Afficher les subdivisions de Mopti' }));
    expect(await screen.findByRole('link', { name: 'Ténenkou' })).toBeTruthy();

    // A user-added place with an accent and no other name: only accent folding can find it.
    const mopti = (await app.call('territories.search', { text: 'Mopti', countryCode: 'ML' })).find(
      (t) => t.level === 1,
    );
    await app.call('territories.create', { countryCode: 'ML', parentId: mopti?.id ?? null, name: 'Sévaré' });

    const search = screen.getByRole('searchbox', { name: 'Rechercher un territoire' });
    await user.type(search, 'Tenenkou');
    const results = await screen.findByRole('table', { name: 'Résultats' });
    expect(await within(results).findByRole('link', { name: 'Ténenkou' })).toBeTruthy();

    await user.clear(search);
    await user.type(search, 'sevare');
    await waitFor(() =>
      expect(
        within(screen.getByRole('table', { name: 'Résultats' })).getByRole('link', { name: 'Sévaré' }),
      ).toBeTruthy(),
    );

    expect(screen.getByText(/OCHA COD-AB via HDX/)).toBeTruthy();
  });
});
