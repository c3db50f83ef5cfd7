import { expect, test } from './fixtures';
import { choose, goTo } from './ui';

test('the demonstration data loads, is clearly labelled, and is removed in one click', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  const dialog = page.getByRole('dialog', { name: 'Bienvenue dans Concerto' });
  await choose(dialog, page, 'Pays', 'Bénin');
  await dialog.getByRole('button', { name: 'Charger les données de démonstration' }).click();
  await expect(dialog).toBeHidden();

  const banner = page.getByText('Données de démonstration chargées — elles sont fictives.');
  await expect(banner).toBeVisible();
  await goTo(page, 'Instances');
  await expect(page.getByText('Sous-groupe Genre')).toBeVisible();
  await expect(page.getByText('CLOCSAD').first()).toBeVisible();
  await page.getByText('Sous-groupe Genre').click();
  await expect(page.getByText('Démonstration', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Retirer les données de démonstration' }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /Retirer/ })
    .click();
  await expect(banner).toBeHidden();
  await goTo(page, 'Instances');
  await expect(page.getByText('Sous-groupe Genre')).toHaveCount(0);
  await goTo(page, 'Organisations');
  await expect(page.getByText('UNFPA')).toHaveCount(0);
});
