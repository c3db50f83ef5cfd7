import { expect, test } from './fixtures';
import { choose, goTo, search, startEmpty } from './ui';

test('a secretary registers a body with three seats and their holders, finds it after a restart, then works in English', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await startEmpty(page);

  // An organisation and three people to sit on the body.
  await goTo(page, 'Organisations');
  await page
    .getByRole('link', { name: 'Nouvelle organisation' })
    .or(page.getByRole('button', { name: 'Nouvelle organisation' }))
    .first()
    .click();
  await page
    .getByRole('textbox', { name: 'Nom', exact: true })
    .fill('Direction Régionale du Développement Social de Ségou');
  await page.getByRole('textbox', { name: 'Sigle', exact: true }).fill('DRDSES');
  await choose(page, page, 'Type', 'Service technique déconcentré');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(
    page.getByRole('heading', { name: /Direction Régionale du Développement Social de Ségou/ }),
  ).toBeVisible();

  const people = [
    ['Aminata', 'Traoré', 'Directrice régionale'],
    ['Moussa', 'Keïta', 'Chef de division'],
    ['Fatoumata', 'Sangaré', 'Point focal genre'],
  ] as const;
  for (const [first, last, fn] of people) {
    await page.goto(`${host.url}#/people/new`);
    await page.getByRole('textbox', { name: 'Prénom', exact: true }).fill(first);
    await page.getByRole('textbox', { name: 'Nom', exact: true }).fill(last);
    await page.getByRole('textbox', { name: 'Fonction', exact: true }).fill(fn);
    await search(page, page, 'Organisation', 'drdses', /DRDSES/);
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByRole('heading', { name: `${first} ${last}` })).toBeVisible();
  }

  // The body itself.
  await goTo(page, 'Instances');
  await page
    .getByRole('link', { name: 'Nouvelle instance' })
    .or(page.getByRole('button', { name: 'Nouvelle instance' }))
    .first()
    .click();
  await page
    .getByRole('textbox', { name: 'Nom', exact: true })
    .fill('Comité Régional de Coordination de Ségou');
  await page.getByRole('textbox', { name: 'Sigle', exact: true }).fill('CRÉS');
  await choose(page, page, 'Type', 'CROCSAD (comité régional)');
  await choose(page, page, 'Niveau', 'Régional');
  await search(page, page, 'Territoire', 'segou', /Ségou/);
  await page.getByRole('button', { name: 'Créer l’instance' }).click();
  await expect(page.getByRole('heading', { name: /Comité Régional de Coordination de Ségou/ })).toBeVisible();

  await page.getByRole('tab', { name: 'Composition' }).click();
  const seats = [
    ['Président(e)', 'Gouverneur de la région ou son représentant', 'Aminata Traoré'],
    ['Rapporteur', 'Directeur régional du développement social', 'Moussa Keïta'],
    ['Membre', 'Point focal genre', 'Fatoumata Sangaré'],
  ] as const;
  for (const [role, fn] of seats) {
    await page.getByRole('button', { name: 'Ajouter un siège' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Ajouter un siège' });
    await search(dialog, page, 'Organisation', 'drdses', /DRDSES/);
    await dialog.getByRole('textbox', { name: 'Fonction', exact: true }).fill(fn);
    await choose(dialog, page, 'Rôle', role);
    await dialog.getByRole('button', { name: 'Ajouter le siège' }).click();
    await expect(dialog).toBeHidden();
  }
  const rows = page.getByRole('table', { name: 'Composition' }).getByRole('row');
  for (const [index, [, fn, holder]] of seats.entries()) {
    const row = rows.filter({ hasText: fn });
    await row.getByRole('button', { name: 'Attribuer un titulaire' }).click();
    const dialog = page.getByRole('dialog', { name: 'Attribuer un titulaire' });
    await search(dialog, page, 'Personne', holder.split(' ')[1] ?? holder, new RegExp(holder));
    await dialog.getByRole('textbox', { name: 'Du', exact: true }).fill(`0${index + 1}/03/2024`);
    await dialog.getByRole('button', { name: 'Attribuer', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(row).toContainText(holder);
  }
  // Protocol order: président, then rapporteur, then members.
  await expect(rows.nth(1)).toContainText('Président(e)');
  await expect(rows.nth(2)).toContainText(/rapporteur/i);
  await expect(rows.nth(3)).toContainText('Membre');

  // Power cut, restart: the body is still there and found by its acronym typed without accents.
  await host.stop();
  await host.start();
  await page.goto(host.url);
  // The shell appears once the start-up check has answered; the secretary then presses Ctrl+K.
  await expect(page.getByRole('button', { name: 'Rechercher partout (Ctrl+K)' })).toBeVisible();
  await page.keyboard.press('Control+K');
  const searchBox = page.getByPlaceholder('Rechercher une instance, une organisation, une personne…');
  await searchBox.fill('cres');
  // The search results are buttons (the home page's recent list behind them holds links).
  await page.getByRole('button', { name: /^CRÉS — Comité Régional de Coordination de Ségou/ }).click();
  await expect(page.getByRole('heading', { name: /Comité Régional de Coordination de Ségou/ })).toBeVisible();
  await page.getByRole('tab', { name: 'Composition' }).click();
  await expect(page.getByRole('table', { name: 'Composition' })).toContainText('Fatoumata Sangaré');

  // Switch to English.
  await goTo(page, 'Paramètres');
  await page.getByRole('radiogroup', { name: 'Langue de l’interface' }).getByText('English').click();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Bodies' })).toBeVisible();
  await goTo(page, 'Bodies');
  await expect(page.getByRole('heading', { name: 'Coordination bodies' })).toBeVisible();
  await page.getByText('Table', { exact: true }).click();
  await expect(page.getByRole('columnheader', { name: 'Acronym' })).toBeVisible();
  await expect(page.getByText('Comité Régional de Coordination de Ségou')).toBeVisible();
});
