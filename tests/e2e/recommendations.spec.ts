import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { startEmpty } from './ui';

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

const iso = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const fr = (d: Date) =>
  `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;

const DECISIONS = [
  'Mettre à jour la matrice des interventions avant la fin du trimestre.',
  'Organiser la revue départementale avec les partenaires.',
  'Désigner un point focal genre dans chaque direction.',
];

test('a rapporteur writes the minutes and three recommendations, finds every word after reopening; the next session follows them and the rate moves', async ({
  page,
  host,
  browser,
}) => {
  await page.goto(host.url);
  await startEmpty(page);

  const today = new Date();
  const lastWeek = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 7);
  const nextWeek = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 7);
  const body = await invoke<{ id: string }>(page, 'bodies.create', {
    name: 'Sous-groupe Protection sociale de Ségou',
    acronym: 'SGPS',
    kind: 'sub_group',
    level: 'regional',
    periodicity: { kind: 'every_n_months', months: 3 },
    quorumRule: { kind: 'majority_of_voting_seats' },
  });
  const session = await invoke<{ id: string }>(page, 'meetings.create', {
    bodyId: body.id,
    kind: 'ordinary',
    startDate: iso(lastWeek),
  });
  await invoke(page, 'agenda.save', {
    meetingId: session.id,
    entries: [
      {
        day: iso(lastWeek),
        entryType: 'item',
        title: 'Point sur les filets sociaux',
        startTime: '09:00',
        endTime: '10:00',
      },
    ],
  });

  // The rapporteur writes the minutes of that session.
  await page.goto(`${host.url}#/meetings/${session.id}`);
  await page.getByRole('tab', { name: 'Compte rendu' }).click();
  await page.getByRole('button', { name: 'Rédiger le compte rendu' }).click();
  const editor = page.getByLabel('Texte — Point sur les filets sociaux');
  await editor.click();
  await page.keyboard.type('Les partenaires ont présenté leurs interventions.');
  for (const decision of DECISIONS) {
    await page.keyboard.press('Enter');
    await page.keyboard.type(decision);
  }

  // Three recommendations from the text: select a sentence, "Créer une recommandation".
  const section = page.getByRole('region', { name: 'Point sur les filets sociaux' });
  for (const decision of DECISIONS) {
    await editor.getByText(decision).click({ clickCount: 3 });
    await section.getByRole('button', { name: 'Créer une recommandation' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nouvelle recommandation' });
    await expect(dialog.getByRole('textbox', { name: /^Texte/ })).toHaveValue(decision);
    await dialog.getByRole('textbox', { name: 'Échéance' }).fill(fr(today));
    await dialog.getByRole('button', { name: 'Créer la recommandation' }).click();
    await expect(dialog).toBeHidden();
  }
  await expect(page.getByText(/SGPS\/\d{4}\/\d{2}\/R03/).first()).toBeVisible();
  await expect(page.getByText(/^Enregistré à \d{2}:\d{2}$/)).toBeVisible({ timeout: 15_000 });

  // The window is closed and opened again: every word is there.
  await page.close();
  const again = await browser.newPage();
  await again.goto(`${host.url}#/meetings/${session.id}`);
  await again.getByRole('tab', { name: 'Compte rendu' }).click();
  const reopened = again.getByLabel('Texte — Point sur les filets sociaux');
  await expect(reopened).toContainText('Les partenaires ont présenté leurs interventions.');
  for (const decision of DECISIONS) await expect(reopened).toContainText(decision);

  // The next session's follow-up item lists the three as open.
  const next = await invoke<{ id: string }>(again, 'meetings.create', {
    bodyId: body.id,
    kind: 'ordinary',
    startDate: iso(nextWeek),
  });
  const standard = await invoke<unknown[]>(again, 'agenda.standardItems', { meetingId: next.id });
  await invoke(again, 'agenda.save', { meetingId: next.id, entries: standard });
  await again.goto(`${host.url}#/bodies/${body.id}`);
  await again.getByRole('tab', { name: 'Recommandations' }).click();
  await expect(again.getByText(/Taux de mise en œuvre : 0 réalisée sur 3 échues/)).toBeVisible();

  // Its agenda's follow-up item says what the session will review.
  await again.goto(`${host.url}#/meetings/${next.id}`);
  await again.getByRole('tab', { name: 'Ordre du jour' }).click();
  await expect(again.getByText(/3 recommandations ouvertes à examiner/)).toBeVisible();

  await again.goto(`${host.url}#/meetings/${next.id}`);
  await again.getByRole('tab', { name: 'Suivi des recommandations' }).click();
  const rows = again.getByRole('article');
  await expect(rows).toHaveCount(3);
  for (const decision of DECISIONS)
    await expect(again.getByRole('article').filter({ hasText: decision })).toContainText('Non démarrée');

  // The secretary marks one as done, with the actions taken.
  const first = again.getByRole('article').filter({ hasText: DECISIONS[0] ?? '' });
  await first.getByRole('button', { name: 'Mettre à jour' }).click();
  await first.getByRole('combobox', { name: 'État' }).click();
  await again.getByRole('option', { name: 'Réalisée', exact: true }).click();
  await first
    .getByRole('textbox', { name: /Actions menées/ })
    .fill('Matrice 3W consolidée et partagée le 12 mars.');
  await first.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(first).toContainText('Matrice 3W consolidée');

  await again.goto(`${host.url}#/bodies/${body.id}`);
  await again.getByRole('tab', { name: 'Recommandations' }).click();
  await expect(again.getByText(/Taux de mise en œuvre : 1 réalisée sur 3 échues/)).toBeVisible();
});
