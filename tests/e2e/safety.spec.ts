import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { EXPORTS_FOLDER } from '../../shared/documents/files';
import { expect, test } from './fixtures';
import { choose, goTo, startEmpty } from './ui';

const BODY = 'Comité de pilotage du filet social';

async function createBody(page: Page): Promise<void> {
  await goTo(page, 'Instances');
  await page
    .getByRole('link', { name: 'Nouvelle instance' })
    .or(page.getByRole('button', { name: 'Nouvelle instance' }))
    .first()
    .click();
  await page.getByRole('textbox', { name: 'Nom', exact: true }).fill(BODY);
  await page.getByRole('textbox', { name: 'Sigle', exact: true }).fill('CPFS');
  await choose(page, page, 'Type', 'Commission mixte');
  await choose(page, page, 'Niveau', 'National');
  await page.getByRole('button', { name: 'Créer l’instance' }).click();
  await expect(page.getByRole('heading', { name: new RegExp(BODY) })).toBeVisible();
}

/** Paramètres → "Sauvegardes et archives". */
async function openBackups(page: Page): Promise<void> {
  await goTo(page, 'Paramètres');
  await page.getByRole('link', { name: 'Sauvegardes et archives' }).click();
  await expect(page.getByRole('heading', { name: 'Sauvegardes et archives', level: 2 })).toBeVisible();
}

/** The register of bodies, once loaded. */
async function openBodies(page: Page): Promise<void> {
  await goTo(page, 'Instances');
  await expect(page.getByRole('heading', { name: 'Instances de concertation', level: 2 })).toBeVisible();
}

test('a secretary backs up, restores the backup after deleting a body, sees it back, then undoes the restore', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await startEmpty(page);
  await createBody(page);

  await openBackups(page);
  await page.getByRole('button', { name: 'Sauvegarder maintenant' }).click();
  await expect(page.getByText('Sauvegarde terminée et vérifiée.')).toBeVisible();
  const manual = page
    .getByRole('table', { name: 'Sauvegardes' })
    .getByRole('row')
    .filter({ hasText: 'Manuelle' });
  await expect(manual).toContainText('1 instance · 0 réunion · 0 recommandation');
  await expect(manual).toContainText(
    /(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) .+ à \d{1,2} h \d{2}/,
  );

  // The body goes to the trash.
  await openBodies(page);
  await page.getByText(BODY).first().click();
  await page.getByRole('button', { name: 'Mettre à la corbeille' }).click();
  await page
    .getByRole('dialog', { name: 'Mettre cette instance à la corbeille ?' })
    .getByRole('button', { name: 'Mettre à la corbeille' })
    .click();
  await openBodies(page);
  await expect(page.getByText('Aucune instance pour le moment')).toBeVisible();

  // The backup taken before comes back.
  await openBackups(page);
  await manual.getByRole('button', { name: /^Restaurer la sauvegarde du / }).click();
  const dialog = page.getByRole('dialog', { name: 'Restaurer cette sauvegarde ?' });
  await expect(dialog).toContainText('1 instance · 0 réunion · 0 recommandation');
  await expect(dialog).toContainText('vous pourrez annuler la restauration');
  await dialog.getByRole('button', { name: 'Restaurer' }).click();
  const notice = page.getByRole('status').filter({ hasText: 'Restauration terminée' });
  await expect(notice).toContainText(/Les données de la sauvegarde du .+ ont été restaurées\./);

  await openBodies(page);
  await expect(page.getByText(BODY)).toBeVisible();

  // Undone: the body is in the trash again.
  await openBackups(page);
  await notice.getByRole('button', { name: 'Annuler la restauration' }).click();
  await expect(page.getByText('Les données d’avant la restauration sont revenues.')).toBeVisible();
  await openBodies(page);
  await expect(page.getByText('Aucune instance pour le moment')).toBeVisible();
  await expect(page.getByText(BODY)).toHaveCount(0);
});

test('a secretary exports a password-protected archive to Concerto’s folder and opens it with its password', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await startEmpty(page);
  await createBody(page);
  await openBackups(page);

  await page.getByRole('button', { name: 'Exporter une archive' }).click();
  const exporting = page.getByRole('dialog', { name: 'Exporter une archive' });
  await exporting.getByRole('checkbox', { name: /Protéger l’archive par un mot de passe/ }).check();
  await exporting.getByLabel('Mot de passe', { exact: true }).fill('baobab-2026');
  await exporting.getByLabel('Confirmer le mot de passe').fill('baobab-2026');
  await exporting.getByRole('radio', { name: 'Dossier des exports de Concerto' }).check();
  await exporting.getByRole('button', { name: 'Exporter' }).click();
  const done = exporting.getByText(/^Archive enregistrée : /);
  await expect(done).toBeVisible();
  const fileName = /: (.+\.concerto) \(/.exec((await done.textContent()) ?? '')?.[1] ?? '';
  expect(fileName).not.toBe('');
  await exporting.getByRole('button', { name: 'Fermer', exact: true }).last().click();

  await page.getByRole('button', { name: 'Ouvrir une archive' }).click();
  const opening = page.getByRole('dialog', { name: 'Ouvrir une archive' });
  await opening
    .getByLabel('Fichier d’archive (.concerto)')
    .setInputFiles(join(host.dataDir, EXPORTS_FOLDER, fileName));
  await expect(opening.getByText('Cette archive est protégée par un mot de passe.')).toBeVisible();
  await opening.getByLabel('Mot de passe de l’archive').fill('baobab-2026');
  await opening.getByRole('button', { name: 'Ouvrir l’archive' }).click();
  await expect(opening.getByText('Contenu : 1 instance · 0 réunion · 0 recommandation')).toBeVisible();
  await expect(
    opening.getByText(/^Archive du (lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) /),
  ).toBeVisible();

  await opening.getByRole('button', { name: 'Remplacer les données de cet ordinateur' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Restauration terminée' })).toContainText(
    /Les données de l’archive du .+ ont été restaurées\./,
  );
  await openBodies(page);
  await expect(page.getByText(BODY)).toBeVisible();
});
