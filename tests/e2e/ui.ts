import type { Locator, Page } from '@playwright/test';

/** Opens a Mantine select by its label and picks the option with that text. */
export async function choose(
  scope: Page | Locator,
  page: Page,
  label: string,
  option: string | RegExp,
): Promise<void> {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option }).first().click();
}

/** Types into a searchable picker and picks the first matching option. */
export async function search(
  scope: Page | Locator,
  page: Page,
  label: string,
  text: string,
  option: string | RegExp,
): Promise<void> {
  const input = scope.getByRole('combobox', { name: label, exact: true });
  await input.click();
  await input.fill(text);
  await page.getByRole('option', { name: option }).first().click();
}

/** Answers the first-run dialog: country, name, and an empty registry. */
export async function startEmpty(page: Page, country = 'Mali', name = 'Awa Diallo'): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Bienvenue dans Concerto' });
  await choose(dialog, page, 'Pays', country);
  await dialog.getByRole('textbox', { name: 'Votre nom' }).fill(name);
  await dialog.getByRole('button', { name: 'Commencer avec une base vide' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** Follows an entry of the main navigation. */
export async function goTo(page: Page, entry: string | RegExp): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: entry }).click();
}
