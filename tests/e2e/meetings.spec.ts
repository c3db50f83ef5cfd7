import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { goTo, startEmpty } from './ui';

/** Calls the real backend through the bridge the page was given, to lay out the registry. */
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

const PASTED_AGENDA = [
  'Horaire\tActivités\tResponsable',
  'Première partie : mise en synergie\t\t',
  '9:00\tMise en place des participants\tSecrétariat',
  '9:35\tOuverture de la session\tPrésident',
  '10 :00 - 11h45\tPoint de la mise en œuvre des recommandations\tRapporteur',
  '11-45\tPause café\t',
  '\tDivers\t',
].join('\n');

test('a secretary plans the next quarterly session from the calendar, pastes its agenda, takes attendance and sees quorum and regularity', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await startEmpty(page);

  // The registry: a quarterly sub-group whose next session falls next month, with four voting seats.
  const now = new Date();
  const next = new Date(now.getFullYear(), now.getMonth() + 1, 1);
  const nextMonth = next.getMonth() + 1;
  const year = next.getFullYear();
  const body = await invoke<{ id: string }>(page, 'bodies.create', {
    name: 'Sous-groupe Genre de Ségou',
    acronym: 'SGG',
    kind: 'sub_group',
    level: 'regional',
    periodicity: { kind: 'every_n_months', months: 3, startMonth: nextMonth },
    quorumRule: { kind: 'majority_of_voting_seats' },
  });
  const members = [
    ['Aminata', 'Traoré', 'president'],
    ['Moussa', 'Keïta', 'rapporteur'],
    ['Fatoumata', 'Sangaré', 'member'],
    ['Ibrahim', 'Coulibaly', 'member'],
  ] as const;
  for (const [first, last, role] of members) {
    const person = await invoke<{ id: string }>(page, 'people.create', { firstName: first, lastName: last });
    const seat = await invoke<{ id: string }>(page, 'seats.create', {
      bodyId: body.id,
      function: `Point focal genre (${last})`,
      role,
      voting: true,
    });
    await invoke(page, 'seats.addHolder', { seatId: seat.id, personId: person.id, from: '2020-01-01' });
  }

  // Before: nothing held this year.
  await page.goto(`${host.url}#/regularity?year=${year}`);
  const row = page.getByRole('row').filter({ hasText: 'Sous-groupe Genre de Ségou' });
  await expect(row).toContainText('0 %');

  // The calendar shows next month's planned session; the secretary prepares it.
  await goTo(page, 'Calendrier');
  await page.getByRole('button', { name: 'Mois suivant ›' }).click();
  await page.getByRole('button', { name: /SGG/ }).first().click();
  await page.getByRole('button', { name: 'Préparer cette session' }).click();
  await expect(page.getByText(/Session prévue du/)).toBeVisible();
  await page.getByRole('textbox', { name: 'Heure de début', exact: true }).fill('09:00');
  await page.getByRole('textbox', { name: 'Heure de fin', exact: true }).fill('13:00');
  await page.getByRole('textbox', { name: 'Lieu', exact: true }).fill('Salle de réunion du Gouvernorat');
  await page.getByRole('button', { name: 'Créer la réunion' }).click();
  await expect(page.getByRole('heading', { name: /SGG — Session ordinaire n°1/ })).toBeVisible();

  // The agenda, pasted from a Word table with its oddities.
  await page.getByRole('tab', { name: 'Ordre du jour' }).click();
  await page.getByRole('button', { name: 'Coller un ordre du jour' }).click();
  const paste = page.getByRole('dialog', { name: 'Coller un ordre du jour' });
  await paste.getByRole('textbox', { name: 'Tableau copié depuis Word ou Excel' }).fill(PASTED_AGENDA);
  await paste.getByRole('button', { name: 'Analyser' }).click();
  await expect(paste.getByText('Pause café', { exact: true })).toBeVisible();
  await paste.getByRole('button', { name: 'Ajouter à l’ordre du jour' }).click();
  await expect(paste).toBeHidden();
  await expect(
    page
      .getByRole('textbox', { name: /Activité/ })
      .filter({ hasText: '' })
      .first(),
  ).toBeVisible();
  await expect(page.getByText('Enregistré', { exact: true })).toBeVisible({ timeout: 15_000 });
  const agenda = await invoke<{ entries: { title: string; startTime: string | null; entryType: string }[] }>(
    page,
    'agenda.get',
    { meetingId: page.url().split('/meetings/')[1]?.split(/[?/]/)[0] },
  );
  expect(agenda.entries.map((e) => [e.entryType, e.title, e.startTime])).toEqual([
    ['part', 'Première partie : mise en synergie', null],
    ['item', 'Mise en place des participants', '09:00'],
    ['item', 'Ouverture de la session', '09:35'],
    ['item', 'Point de la mise en œuvre des recommandations', '10:00'],
    ['item', 'Pause café', '11:45'],
    ['item', 'Divers', null],
  ]);

  // The invitations come from the composition as at the meeting date.
  await page.getByRole('tab', { name: 'Invitations' }).click();
  const invitees = page.getByRole('table', { name: 'Liste des invités' });
  await expect(invitees).toContainText('Aminata Traoré');
  await expect(invitees).toContainText('Point focal genre (Keïta) ou son représentant');

  // Attendance: two present, one represented, one absent, and a walk-in.
  await page.getByRole('tab', { name: 'Présences' }).click();
  const mark = async (name: string, status: string) =>
    page.getByRole('radiogroup', { name }).getByText(status, { exact: true }).click();
  await mark('Aminata Traoré', 'Présent(e)');
  await mark('Moussa Keïta', 'Présent(e)');
  await mark('Ibrahim Coulibaly', 'Absent(e)');
  await mark('Fatoumata Sangaré', 'Représenté(e)');
  const representative = page.getByRole('dialog', { name: 'Représenté par' });
  await representative.getByRole('textbox', { name: 'Nom du représentant' }).fill('Kadiatou Sow');
  await representative.getByRole('button', { name: 'Enregistrer la représentation' }).click();
  await expect(page.getByText('Représenté(e) par Kadiatou Sow')).toBeVisible();

  await page.getByRole('button', { name: 'Ajouter un participant' }).first().click();
  const walkIn = page.getByRole('dialog', { name: 'Ajouter un participant' });
  await walkIn.getByRole('textbox', { name: 'Nom', exact: true }).fill('Oumar Ba');
  await walkIn.getByRole('textbox', { name: 'Structure', exact: true }).fill('ONG Espoir du Sahel');
  await walkIn.getByRole('button', { name: 'Ajouter le participant' }).click();
  await expect(page.getByRole('table', { name: 'Participants non invités' })).toContainText('Oumar Ba');

  await expect(
    page.getByText(/Quorum atteint : 3 présents ou représentés sur 4 sièges votants \(3 requis\)/),
  ).toBeVisible();

  // The session is held: the body's regularity rate moves from 0 % to 25 %.
  await page.getByRole('button', { name: 'Marquer comme tenue' }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /Confirmer|Marquer comme tenue/ })
    .click();
  await expect(page.getByText('Tenue', { exact: true }).first()).toBeVisible();
  await page.goto(`${host.url}#/regularity?year=${year}`);
  await expect(page.getByRole('row').filter({ hasText: 'Sous-groupe Genre de Ségou' })).toContainText('25 %');
});
