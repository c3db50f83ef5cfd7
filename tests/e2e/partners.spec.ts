import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import * as XLSX from 'xlsx';
import { expect, test } from './fixtures';
import { startEmpty } from './ui';

// A secretary in Gao receives a partner's 3W matrix: two header rows and a row of HXL tags. She
// drops it on Concerto, says that the "Remarques" column holds the target group, tells Concerto
// that "Tinahama" is the commune of Tin Hama, imports, sees two partners on the same activity in
// the cercle of Ansongo, and undoes the import. Then a partner's filled follow-up matrix comes
// back and two recommendations become "Réalisée".

async function invoke<T>(page: Page, method: string, input: unknown): Promise<T> {
  const envelope = await page.evaluate(
    ([m, i]) =>
      (
        window as unknown as { concerto: { invoke(m: string, i: unknown): Promise<unknown> } }
      ).concerto.invoke(m, i),
    [method, input] as const,
  );
  const result = envelope as { ok: boolean; value?: T; error?: unknown };
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** The partner's file: a title-free sheet with two header rows (merged groups) and HXL tags. */
function threeWMatrix(): Buffer {
  const rows = [
    [
      'Organisation',
      '',
      'Cluster',
      'Activité',
      'Localisation',
      '',
      'Personnes ciblées',
      '',
      'Date de début',
      'Date de fin',
      'Remarques',
    ],
    ['Nom', 'Sigle', '', '', 'Cercle', 'Commune', 'Femmes', 'Hommes', '', '', ''],
    [
      '#org+name',
      '#org +acronym',
      '#sector',
      '#activity',
      '#adm2+name',
      '#adm3 +name',
      '#targeted+f',
      '#targeted+m',
      '#date+start',
      '#date+end',
      '',
    ],
    [
      'Action contre la Faim',
      'ACF',
      'Sécurité alimentaire',
      'Distribution de vivres',
      'Ansongo',
      'Ansongo',
      '120',
      '100',
      '01/01/2026',
      '31/12/2026',
      'Ménages vulnérables',
    ],
    [
      'Save the Children',
      'SCI',
      'Sécurité alimentaire',
      'Transferts monétaires',
      'Ansongo',
      'Tinahama',
      '80',
      '70',
      '01/03/2026',
      '30/09/2026',
      'Ménages vulnérables',
    ],
    [
      'Action contre la Faim',
      'ACF',
      'Nutrition',
      'Dépistage de la malnutrition',
      'Gao',
      'Gao',
      '300',
      '0',
      '01/02/2026',
      '31/07/2026',
      'Enfants de moins de 5 ans',
    ],
  ];
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  sheet['!merges'] = [
    { s: { r: 0, c: 0 }, e: { r: 0, c: 1 } },
    { s: { r: 0, c: 4 }, e: { r: 0, c: 5 } },
    { s: { r: 0, c: 6 }, e: { r: 0, c: 7 } },
  ];
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, '3W Gao T1 2026');
  return Buffer.from(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
}

/** Drops a file on the page the way a file dragged from the desktop or a USB stick arrives. */
async function dropFile(page: Page, target: Locator, name: string, bytes: Buffer): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ base64, fileName }) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], fileName));
      return transfer;
    },
    { base64: bytes.toString('base64'), fileName: name },
  );
  await target.dispatchEvent('dragover', { dataTransfer });
  await target.dispatchEvent('drop', { dataTransfer });
}

async function chooseOption(page: Page, scope: Locator, label: string, option: string | RegExp) {
  await scope.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).first().click();
}

test('a secretary imports a 3W matrix, sees an overlap, undoes it, then re-imports a filled follow-up matrix', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await startEmpty(page, 'Mali', 'Fatoumata Maïga');
  for (const [name, acronym] of [
    ['Action contre la Faim', 'ACF'],
    ['Save the Children International', 'SCI'],
  ]) {
    await invoke(page, 'organisations.create', { name, acronym, kind: 'international_ngo' });
  }

  // ── The 3W matrix, dropped on the import page ─────────────────────────────
  await page.goto(`${host.url}#/imports/new`);
  await dropFile(
    page,
    page.getByText(/Glissez-déposez un fichier sur cette page/),
    'matrice_3W_Gao.xlsx',
    threeWMatrix(),
  );
  await expect(page.getByText(/Empreinte SHA-256/)).toBeVisible();
  await page.getByRole('button', { name: 'Suivant' }).click();

  const mapping = page.getByRole('table', { name: 'Correspondance des colonnes' });
  await expect(mapping.getByRole('combobox', { name: 'Champ Concerto pour la colonne A' })).toHaveValue(
    'Nom de l’organisation',
  );
  await expect(mapping.getByText('HXL').first()).toBeVisible();
  // "Remarques" holds the target group: the secretary says so.
  await chooseOption(page, mapping, 'Champ Concerto pour la colonne K', 'Groupe cible');
  await expect(mapping.getByRole('combobox', { name: 'Champ Concerto pour la colonne K' })).toHaveValue(
    'Groupe cible',
  );
  await expect(page.getByRole('button', { name: 'Suivant' })).toBeEnabled();
  await page.getByRole('button', { name: 'Suivant' }).click();

  // "Tinahama" is not known: Tin Hama (Ansongo) is proposed, and chosen.
  await chooseOption(page, page.locator('body'), 'Correspondance pour « Tinahama »', /Tin Hama/);
  await expect(page.getByText('Décisions prises')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Suivant' })).toBeEnabled();
  await page.getByRole('button', { name: 'Suivant' }).click();

  await page.getByRole('button', { name: 'Importer', exact: true }).click();
  await expect(
    page.getByText(/Import terminé : 3 créées, 0 mises à jour, 0 inchangées, 0 rejetées/),
  ).toBeVisible();

  // ── Coverage: ACF and Save the Children in the same cercle, sector and period ──
  await page.getByRole('link', { name: 'Voir la couverture' }).click();
  await page.getByRole('radio', { name: /^(Cercle|Niveau 2)$/ }).check({ force: true });
  await page.getByRole('tab', { name: 'Chevauchements' }).click();
  const overlap = page
    .getByRole('row', { name: /Ansongo/ })
    .filter({ hasText: 'ACF' })
    .filter({ hasText: 'SCI' });
  await expect(overlap).toBeVisible();

  // ── Undo the import ───────────────────────────────────────────────────────
  await page.goto(`${host.url}#/imports`);
  const batch = page.getByRole('row', { name: /matrice_3W_Gao\.xlsx/ });
  await batch.getByRole('button', { name: 'Annuler l’import' }).click();
  await page
    .getByRole('dialog', { name: 'Annuler cet import ?' })
    .getByRole('button', { name: 'Annuler l’import' })
    .click();
  await expect(batch.getByText(/Annulé le .* par Fatoumata Maïga/)).toBeVisible();
  const remaining = await invoke<{ total: number }>(page, 'interventions.list', {});
  expect(remaining.total).toBe(0);

  // ── A follow-up matrix comes back filled in ───────────────────────────────
  const body = await invoke<{ id: string }>(page, 'bodies.create', {
    name: 'Comité local d’orientation, de coordination et de suivi des actions de développement d’Ansongo',
    acronym: 'CLOCSAD-Ansongo',
    kind: 'clocsad',
    level: 'local',
    periodicity: { kind: 'every_n_months', months: 3 },
    quorumRule: { kind: 'none' },
  });
  const acf = (
    await invoke<{ id: string; acronym: string | null }[]>(page, 'organisations.list', { text: 'ACF' })
  )[0];
  const references: string[] = [];
  for (const text of [
    'Mettre à jour la liste des ménages vulnérables de Tin Hama.',
    'Organiser la distribution de semences avant l’hivernage.',
    'Partager les résultats du dépistage avec le CSCOM.',
  ]) {
    const recommendation = await invoke<{ reference: string }>(page, 'recommendations.create', {
      bodyId: body.id,
      text,
      leadOrganisationId: acf?.id,
      dueDate: '2026-12-31',
    });
    references.push(recommendation.reference);
  }
  const exported = await invoke<{ files: { fileName: string }[] }>(page, 'exports.save', {
    items: [{ spreadsheet: { kind: 'followUpMatrix', bodyId: body.id, layout: 'single' } }],
    destination: { kind: 'exports' },
  });
  const book = XLSX.read(readFileSync(join(host.dataDir, 'exports', exported.files[0]?.fileName ?? '')));
  const sheetName = book.SheetNames.find((n) => n !== 'Instructions') ?? '';
  const sheet = book.Sheets[sheetName];
  if (!sheet) throw new Error('no data sheet');
  const rows = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, raw: false });
  const header = rows[0] ?? [];
  const col = (name: string) => header.indexOf(name);
  for (const [r, row] of rows.entries()) {
    if (r === 0 || !references.slice(0, 2).includes(row?.[col('Réf.')] ?? '')) continue;
    sheet[XLSX.utils.encode_cell({ r, c: col('Nouveau statut') })] = { t: 's', v: 'Réalisée' };
    sheet[XLSX.utils.encode_cell({ r, c: col('Commentaire / actions menées') })] = {
      t: 's',
      v: 'Fait avec le service local.',
    };
  }
  const filled = Buffer.from(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);

  await page.goto(`${host.url}#/imports/new`);
  await dropFile(
    page,
    page.getByText(/Glissez-déposez un fichier sur cette page/),
    'suivi_ACF_rempli.xlsx',
    filled,
  );
  await expect(page.getByText(/Empreinte SHA-256/)).toBeVisible();
  await page.getByRole('button', { name: 'Suivant' }).click();
  await expect(page.getByText(/Ce fichier est un tableau de suivi des recommandations/)).toBeVisible();
  await page.getByRole('button', { name: 'Enregistrer les mises à jour' }).click();
  await expect(page.getByText('2 recommandations mises à jour')).toBeVisible();

  await page.goto(`${host.url}#/recommendations`);
  for (const reference of references.slice(0, 2)) {
    await expect(page.getByRole('row', { name: new RegExp(reference) })).toContainText('Réalisée');
  }
  await expect(page.getByRole('row', { name: new RegExp(references[2] ?? '') })).not.toContainText(
    'Réalisée',
  );
});
