import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { simpleParser } from 'mailparser';
import { extractText, getDocumentProxy } from 'unpdf';
import { expect, test } from './fixtures';
import { startEmpty } from './ui';

// A secretary of the Borgou departmental review produces the aide-mémoire of the session (checked
// on screen, then as a PDF), then an email draft carrying three documents to the participants.
// Dates are fixed (a review held in March 2025) so that the preview looks the same every day.

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

async function bytesOf(download: Download): Promise<Buffer> {
  const path = await download.path();
  return readFileSync(path);
}

const MEMBERS = [
  {
    org: 'Direction départementale des Affaires sociales du Borgou',
    acronym: 'DDASM',
    kind: 'decentralised_service',
    first: 'Bio',
    last: 'Sika',
    sex: 'male',
    email: 'b.sika@ddasm-borgou.bj',
  },
  {
    org: 'Programme alimentaire mondial',
    acronym: 'PAM',
    kind: 'un_agency',
    first: 'Adjoa',
    last: 'Hounkpatin',
    sex: 'female',
    email: 'adjoa.hounkpatin@wfp.org',
  },
  {
    org: 'Fonds des Nations unies pour l’enfance',
    acronym: 'UNICEF',
    kind: 'un_agency',
    first: 'Rokia',
    last: 'Zinsou',
    sex: 'female',
    email: 'rzinsou@unicef.org',
  },
  {
    org: 'ONG Bornefonden',
    acronym: 'BØRNEfonden',
    kind: 'international_ngo',
    first: 'Koffi',
    last: 'Agbodjan',
    sex: 'male',
    email: null,
  },
] as const;

async function prepareReview(page: Page): Promise<{ meetingId: string }> {
  await invoke(page, 'settings.update', {
    heading: {
      country: 'République du Bénin',
      motto: 'Fraternité – Justice – Travail',
      ministry: 'Ministère des Affaires Sociales et de la Microfinance',
      service: 'Direction départementale du Borgou',
    },
    signature: { place: 'Parakou', title: 'Le Directeur départemental', name: 'Bio Sika' },
  });
  const body = await invoke<{ id: string }>(page, 'bodies.create', {
    name: 'Revue sectorielle départementale MASM-PTF/OSC du Borgou',
    acronym: 'RSD-Borgou',
    kind: 'sector_review',
    level: 'regional',
    periodicity: { kind: 'every_n_months', months: 6 },
    quorumRule: { kind: 'none' },
    mandate: 'Faire le point de la mise en œuvre des actions sociales dans le département du Borgou.',
  });
  const organisations: string[] = [];
  for (const [index, member] of MEMBERS.entries()) {
    const organisation = await invoke<{ id: string }>(page, 'organisations.create', {
      name: member.org,
      acronym: member.acronym,
      kind: member.kind,
    });
    organisations.push(organisation.id);
    const person = await invoke<{ id: string }>(page, 'people.create', {
      firstName: member.first,
      lastName: member.last,
      organisationId: organisation.id,
      sex: member.sex,
      email: member.email,
      function: index === 0 ? 'Directeur départemental' : 'Chargé(e) de programme',
    });
    const seat = await invoke<{ id: string }>(page, 'seats.create', {
      bodyId: body.id,
      organisationId: organisation.id,
      function: index === 0 ? 'Président' : 'Membre',
      role: index === 0 ? 'president' : 'member',
    });
    await invoke(page, 'seats.addHolder', { seatId: seat.id, personId: person.id, from: '2024-01-01' });
  }

  const previous = await invoke<{ id: string }>(page, 'meetings.create', {
    bodyId: body.id,
    kind: 'ordinary',
    startDate: '2024-09-12',
    place: 'Parakou',
  });
  const earlier = await invoke<{ id: string }>(page, 'recommendations.create', {
    bodyId: body.id,
    originKind: 'meeting',
    originMeetingId: previous.id,
    text: 'Mettre à jour la cartographie des interventions des partenaires dans les huit communes.',
    leadOrganisationId: organisations[0],
    dueDate: '2025-01-31',
  });
  const meeting = await invoke<{ id: string }>(page, 'meetings.create', {
    bodyId: body.id,
    kind: 'ordinary',
    startDate: '2025-03-14',
    startTime: '09:00',
    endTime: '16:00',
    place: 'Salle de conférence de la préfecture de Parakou',
  });
  await invoke(page, 'agenda.save', {
    meetingId: meeting.id,
    entries: [
      {
        day: '2025-03-14',
        entryType: 'item',
        kind: 'opening',
        title: 'Ouverture de la session',
        startTime: '09:00',
        endTime: '09:30',
      },
      {
        day: '2025-03-14',
        entryType: 'item',
        kind: 'recommendations_follow_up',
        title: 'Point de mise en œuvre des recommandations de la session précédente',
        startTime: '09:30',
        endTime: '10:30',
      },
      {
        day: '2025-03-14',
        entryType: 'item',
        title: 'Présentation des interventions des partenaires',
        startTime: '10:30',
        endTime: '12:30',
      },
    ],
  });
  const invitees = await invoke<{ id: string }[]>(page, 'invitees.generate', { meetingId: meeting.id });
  for (const invitee of invitees.slice(0, 3)) {
    await invoke(page, 'attendance.mark', {
      meetingId: meeting.id,
      inviteeId: invitee.id,
      status: 'present',
    });
  }
  // The previous session's recommendation is reviewed, and found done, at this session.
  await invoke(page, 'followUp.refresh', { meetingId: meeting.id });
  await invoke(page, 'recommendations.addUpdate', {
    id: earlier.id,
    date: '2025-03-14',
    status: 'done',
    progress: 100,
    actionsTaken: 'Cartographie validée en atelier le 5 février 2025.',
    source: 'meeting',
    meetingId: meeting.id,
  });
  for (const [i, text] of [
    'Organiser la revue semestrielle de juin avec l’ensemble des partenaires du département.',
    'Transmettre la matrice des interventions à la Commission mixte avant le 30 avril 2025.',
  ].entries()) {
    await invoke(page, 'recommendations.create', {
      bodyId: body.id,
      originKind: 'meeting',
      originMeetingId: meeting.id,
      text,
      leadOrganisationId: organisations[i + 1],
      dueDate: i === 0 ? '2025-06-30' : '2025-04-30',
    });
  }
  return { meetingId: meeting.id };
}

test('a secretary produces the aide-mémoire of a review and the email draft with three documents attached', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await startEmpty(page, 'Bénin', 'Awa Diallo');
  const { meetingId } = await prepareReview(page);

  await page.goto(`${host.url}#/meetings/${meetingId}`);
  await page.getByRole('tab', { name: 'Documents' }).click();
  const aideMemoire = page.getByRole('row', { name: 'Aide-mémoire' });

  // The preview, drawn from the same model as the files.
  await aideMemoire.getByRole('button', { name: 'Aperçu' }).click();
  const preview = page.getByRole('dialog', { name: /Aperçu — Aide-mémoire/ });
  await expect(preview.getByText('AIDE-MÉMOIRE', { exact: true })).toBeVisible();
  await expect(preview.getByText('RÉPUBLIQUE DU BÉNIN')).toBeVisible();
  await expect(preview.getByText(/Taux de mise en œuvre : 100/)).toBeVisible();
  await expect(
    preview.getByRole('cell', {
      name: 'Transmettre la matrice des interventions à la Commission mixte avant le 30 avril 2025.',
    }),
  ).toBeVisible();
  // The top of the first page, compared with the approved picture (the end of the document
  // carries today's date, so it is left out), once the welcome notification has gone.
  await page.setViewportSize({ width: 1366, height: 1000 });
  await expect(page.getByText(/Concerto est prêt/)).toBeHidden({ timeout: 20_000 });
  const sheet = await preview.locator('article.cdoc-page').first().boundingBox();
  const visible = await preview.boundingBox();
  if (!sheet || !visible) throw new Error('the preview sheet is not drawn');
  await expect(page).toHaveScreenshot('aide-memoire-first-page.png', {
    clip: {
      x: sheet.x,
      y: sheet.y,
      width: sheet.width,
      height: Math.min(sheet.height, visible.y + visible.height - sheet.y),
    },
    animations: 'disabled',
    maxDiffPixelRatio: 0.003,
  });
  await preview.getByRole('button', { name: 'Fermer' }).first().click();

  // The PDF, downloaded in a browser (the desktop app opens it).
  const pdfDownload = page.waitForEvent('download');
  await aideMemoire.getByRole('button', { name: 'PDF' }).click();
  const pdf = await pdfDownload;
  expect(pdf.suggestedFilename()).toBe('2025-03-14_RSD-Borgou_aide-memoire.pdf');
  const document = await getDocumentProxy(new Uint8Array(await bytesOf(pdf)));
  const { text } = await extractText(document, { mergePages: true });
  expect(text).toContain('AIDE-MÉMOIRE');
  expect(text).toContain('Organiser la revue semestrielle de juin');
  expect(text).toMatch(/vendredi 14 mars 2025/);

  // Three documents, in PDF, to the participants.
  for (const name of ['Aide-mémoire', 'Liste de présence', 'Relevé de décisions']) {
    await page.getByRole('checkbox', { name: `Choisir : ${name}` }).check();
  }
  await page.getByRole('button', { name: 'Envoyer par courriel' }).click();
  const email = page.getByRole('dialog', { name: 'Envoyer par courriel' });
  await expect(email.getByText('adjoa.hounkpatin@wfp.org')).toBeVisible();
  await expect(email.getByText(/Sans adresse : .*Agbodjan/)).toBeVisible();
  await expect(email.getByRole('textbox', { name: 'Objet' })).toHaveValue(/RSD-Borgou/);
  const emlDownload = page.waitForEvent('download');
  await email.getByRole('button', { name: 'Créer le brouillon' }).click();
  const eml = await emlDownload;
  expect(eml.suggestedFilename()).toMatch(/\.eml$/);
  await expect(email.getByText(/Le brouillon s’ouvre dans votre messagerie/)).toBeVisible();

  const draft = await simpleParser(await bytesOf(eml));
  expect(draft.headers.get('x-unsent')).toBe('1');
  const to = (Array.isArray(draft.to) ? draft.to : [draft.to]).flatMap((a) => a?.value ?? []);
  expect(to.map((a) => a.address).sort()).toEqual(
    ['adjoa.hounkpatin@wfp.org', 'b.sika@ddasm-borgou.bj', 'rzinsou@unicef.org'].sort(),
  );
  expect(draft.attachments.map((a) => a.filename).sort()).toEqual(
    [
      '2025-03-14_RSD-Borgou_aide-memoire.pdf',
      '2025-03-14_RSD-Borgou_liste-presence.pdf',
      '2025-03-14_RSD-Borgou_releve-decisions.pdf',
    ].sort(),
  );
  for (const attachment of draft.attachments) {
    expect(attachment.contentType).toBe('application/pdf');
    expect(attachment.content.subarray(0, 5).toString()).toBe('%PDF-');
  }

  // The export log says what left, and for whom.
  await page.goto(`${host.url}#/exports`);
  await expect(
    page.getByRole('cell', { name: /adjoa\.hounkpatin@wfp\.org|Hounkpatin/ }).first(),
  ).toBeVisible();
});
