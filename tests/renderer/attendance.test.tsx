import { notifications } from '@mantine/notifications';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { AttendanceTab } from '../../renderer/features/attendance/AttendanceTab';
import { InvitationsTab } from '../../renderer/features/attendance/InvitationsTab';
import { startTestApp, type TestApp } from '../integration/harness';
import { renderWithBackend } from './harness';

/** A field by its visible label; Mantine appends " *" (hidden from screen readers) to required ones. */
function label(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`);
}

/** A button by its text (role queries are slow on a page this size). */
function button(name: string, container: HTMLElement = document.body): HTMLElement {
  const text = within(container).getByText(name, { selector: 'button, button *' });
  const found = text.closest('button');
  if (!found) throw new Error(`No button ${name}`);
  return found;
}

/** The open dialog (Mantine renders it in place in tests). */
async function dialog(title: string): Promise<HTMLElement> {
  return screen.findByRole('dialog', { name: title });
}

// Notifications live in a module-level store: those of one test would fill the visible slots of the next.
beforeEach(() => {
  notifications.clean();
});

const HOLDERS = [
  ['Aminata', 'Traoré', 'Ministre en charge de la protection sociale', 'president'],
  ['Moussa', 'Keïta', 'Directeur national de la protection sociale', 'vice_president'],
  ['Fatou', 'Diarra', 'Représentant du PAM', 'member'],
  ['Ibrahim', 'Coulibaly', 'Représentant de l’UNICEF', 'member'],
  ['Awa', 'Sangaré', 'Représentante de la société civile', 'member'],
] as const;

/**
 * A body with five voting seats (majority quorum: 3) and one observer, each held since 2020,
 * and a draft meeting on 12 March 2025 — built through the real backend.
 */
async function prepare(): Promise<{ app: TestApp; meetingId: string; names: string[] }> {
  const app = await startTestApp();
  const body = await app.call('bodies.create', {
    name: 'Groupe thématique genre et protection sociale',
    acronym: 'GTGPS',
    kind: 'thematic_group',
    level: 'national',
    periodicity: { kind: 'every_n_months', months: 3 },
    quorumRule: { kind: 'majority_of_voting_seats' },
  });
  const msas = await app.call('organisations.create', {
    name: 'Ministère de la Solidarité et de l’Action humanitaire',
    acronym: 'MSAH',
    kind: 'ministry',
  });
  const names: string[] = [];
  for (const [firstName, lastName, fn, role] of HOLDERS) {
    const seat = await app.call('seats.create', {
      bodyId: body.id,
      function: fn,
      role,
      ...(role === 'vice_president' ? { rank: 1 } : {}),
      ...(role === 'president' ? { organisationId: msas.id } : {}),
      voting: true,
    });
    const person = await app.call('people.create', {
      firstName,
      lastName,
      sex: firstName === 'Moussa' || firstName === 'Ibrahim' ? 'male' : 'female',
    });
    const holder = await app.call('seats.addHolder', {
      seatId: seat.id,
      personId: person.id,
      from: '2020-01-01',
    });
    names.push(holder.person.label);
  }
  const observer = await app.call('seats.create', {
    bodyId: body.id,
    function: 'Représentant de la Banque mondiale',
    role: 'observer',
    voting: false,
  });
  const banker = await app.call('people.create', { firstName: 'Jean', lastName: 'Martin', sex: 'male' });
  await app.call('seats.addHolder', { seatId: observer.id, personId: banker.id, from: '2020-01-01' });
  const meeting = await app.call('meetings.create', {
    bodyId: body.id,
    kind: 'ordinary',
    startDate: '2025-03-12',
    place: 'Bamako, salle de conférence du ministère',
  });
  return { app, meetingId: meeting.id, names };
}

describe('invitations tab', () => {
  it('draws up the list of a draft meeting from the composition at once', { timeout: 15_000 }, async () => {
    const { app, meetingId, names } = await prepare();
    await renderWithBackend(<InvitationsTab meetingId={meetingId} />, { app });

    expect(await screen.findByText('6 invités, dont 5 avec voix délibérative')).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Liste des invités' });
    for (const name of names) expect(within(table).getByText(name)).toBeTruthy();
    expect(within(table).getByText('1er vice-président(e)')).toBeTruthy();
    expect(within(table).getAllByText('Consultative')).toHaveLength(1);
    expect(
      within(table).getByText('Ministre en charge de la protection sociale ou son représentant'),
    ).toBeTruthy();
    expect(screen.getByText(/La liste est figée/)).toBeTruthy();
    expect(await app.call('invitees.list', { meetingId })).toHaveLength(6);
  });

  it('adds an extra invitee by name', { timeout: 15_000 }, async () => {
    const { app, meetingId } = await prepare();
    await app.call('invitees.generate', { meetingId });
    const user = userEvent.setup();
    await renderWithBackend(<InvitationsTab meetingId={meetingId} />, { app });

    await user.click(await screen.findByRole('button', { name: 'Ajouter un invité' }));
    const modal = await dialog('Ajouter un invité');
    await user.click(within(modal).getByLabelText(label('Nom')));
    await user.paste('Mariam Touré');
    await user.click(within(modal).getByLabelText(label('Fonction')));
    await user.paste('Consultante genre');
    await user.click(button('Ajouter l’invité', modal));

    const table = await screen.findByRole('table', { name: 'Liste des invités' });
    expect(await within(table).findByText('Mariam Touré')).toBeTruthy();
    expect(within(table).getByText('Invité(e) supplémentaire')).toBeTruthy();
    expect(screen.getByText('7 invités, dont 5 avec voix délibérative')).toBeTruthy();
  });
});

describe('attendance tab', () => {
  it('reaches the quorum with two present and one represented', { timeout: 20_000 }, async () => {
    const { app, meetingId, names } = await prepare();
    await app.call('invitees.generate', { meetingId });
    const user = userEvent.setup();
    await renderWithBackend(<AttendanceTab meetingId={meetingId} />, { app });

    expect(await screen.findByText(/^Quorum non atteint : 0 sur 5 \(3 requis\)/)).toBeTruthy();
    const [first, second, third] = names;
    if (!first || !second || !third) throw new Error('three holders expected');

    await user.click(within(screen.getByRole('radiogroup', { name: first })).getByLabelText('Présent(e)'));
    await screen.findByText(/^Quorum non atteint : 1 sur 5/);
    await user.click(within(screen.getByRole('radiogroup', { name: second })).getByLabelText('Présent(e)'));
    await screen.findByText(/^Quorum non atteint : 2 sur 5/);

    await user.click(within(screen.getByRole('radiogroup', { name: third })).getByLabelText('Représenté(e)'));
    const modal = await dialog('Représenté par');
    await user.click(within(modal).getByLabelText(label('Nom du représentant')));
    await user.paste('Kadiatou Sow');
    await user.click(within(modal).getByLabelText(label('Fonction')));
    await user.paste('Chargée de programme');
    await user.click(within(modal).getByLabelText('Femme'));
    await user.click(button('Enregistrer la représentation', modal));

    expect(
      await screen.findByText(
        'Quorum atteint : 3 présents ou représentés sur 5 sièges votants (3 requis) — règle : majorité des membres votants',
      ),
    ).toBeTruthy();
    expect(screen.getByText('Représenté(e) par Kadiatou Sow (Chargée de programme)')).toBeTruthy();
    const stats = await app.call('attendance.get', { meetingId });
    expect(stats.stats).toMatchObject({ present: 2, represented: 1, unmarked: 3 });
  });

  it('lists a walk-in participant and counts them', { timeout: 20_000 }, async () => {
    const { app, meetingId, names } = await prepare();
    const invitees = await app.call('invitees.generate', { meetingId });
    const firstInvitee = invitees.find((i) => i.name === names[0]);
    if (!firstInvitee) throw new Error('invitee expected');
    await app.call('attendance.mark', { meetingId, inviteeId: firstInvitee.id, status: 'present' });
    const user = userEvent.setup();
    await renderWithBackend(<AttendanceTab meetingId={meetingId} />, { app });

    const participants = await screen.findByRole('group', { name: 'Participants' });
    expect(within(participants).getByText('1')).toBeTruthy();

    await user.click(button('Ajouter un participant'));
    const modal = await dialog('Ajouter un participant');
    await user.click(within(modal).getByLabelText(label('Nom')));
    await user.paste('Oumar Ba');
    await user.click(within(modal).getByLabelText(label('Fonction')));
    await user.paste('Point focal genre');
    await user.click(within(modal).getByLabelText(/^Structure/));
    await user.paste('ONG Espoir');
    await user.click(within(modal).getByLabelText('Homme'));
    await user.click(within(modal).getByLabelText(label('Téléphone')));
    await user.paste('+223 76 00 00 00');
    await user.click(button('Ajouter le participant', modal));

    const table = await screen.findByRole('table', { name: 'Participants non invités' });
    expect(within(table).getByText('Oumar Ba')).toBeTruthy();
    expect(within(table).getByText('ONG Espoir')).toBeTruthy();
    await waitFor(() =>
      expect(within(screen.getByRole('group', { name: 'Participants' })).getByText('2')).toBeTruthy(),
    );
    expect(within(screen.getByRole('group', { name: 'Non invités' })).getByText('1')).toBeTruthy();
  });

  it('records head counts per structure and the share of women', { timeout: 20_000 }, async () => {
    const { app, meetingId, names } = await prepare();
    const invitees = await app.call('invitees.generate', { meetingId });
    const president = invitees.find((i) => i.name === names[0]);
    if (!president) throw new Error('invitee expected');
    await app.call('attendance.mark', { meetingId, inviteeId: president.id, status: 'present' });
    const user = userEvent.setup();
    await renderWithBackend(<AttendanceTab meetingId={meetingId} />, { app });
    expect(await screen.findByText(/^Participation des femmes : 100\s%$/)).toBeTruthy();

    await user.click(button('Ajouter un effectif'));
    const modal = await dialog('Ajouter un effectif');
    await user.click(within(modal).getByLabelText(label('Structure')));
    await user.paste('DGPSN');
    await user.click(within(modal).getByLabelText(label('Nombre')));
    await user.paste('4');
    await user.click(within(modal).getByLabelText(label('dont femmes')));
    await user.paste('1');
    await user.click(button('Enregistrer l’effectif', modal));

    const table = await screen.findByRole('table', { name: 'Effectifs par structure' });
    expect(within(table).getByText('DGPSN')).toBeTruthy();
    expect(within(table).getByText('4')).toBeTruthy();
    // 1 woman present + 1 of the 4 counted, out of 5 people whose sex is known.
    expect(await screen.findByText(/^Participation des femmes : 40\s%$/)).toBeTruthy();
    expect(within(screen.getByRole('group', { name: 'Participants' })).getByText('5')).toBeTruthy();
    const categories = screen.getByText('Participants par catégorie d’organisation').parentElement;
    if (!categories) throw new Error('categories expected');
    expect(within(categories).getByText('Ministère')).toBeTruthy();
    expect(within(categories).getByText('Autre')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Retirer l’effectif de DGPSN' }));
    await waitFor(() => expect(screen.queryByRole('table', { name: 'Effectifs par structure' })).toBeNull());
    expect(await app.call('attendance.get', { meetingId })).toMatchObject({ counts: [] });
  });

  it('imports a participants list from a CSV file with ";"', { timeout: 20_000 }, async () => {
    const { app, meetingId, names } = await prepare();
    await app.call('invitees.generate', { meetingId });
    const user = userEvent.setup();
    await renderWithBackend(<AttendanceTab meetingId={meetingId} />, { app });
    await screen.findByText(/^Quorum non atteint/);

    const csv = [
      'Nom;Fonction;Structure;Sexe;Courriel;Téléphone',
      `${names[0]};Ministre;MSAH;F;;`,
      'Oumar Ba;Point focal genre;ONG Espoir;H;oumar.ba@example.org;+223 76 00 00 00',
    ].join('\r\n');
    const file = new File([csv], 'participants.csv', { type: 'text/csv' });
    await user.upload(screen.getByLabelText('Fichier de participants'), file);

    const modal = await dialog('Importer une liste de participants');
    const rows = within(modal).getByRole('table', { name: 'Lignes lues' });
    expect(within(rows).getByText('Invité reconnu → présent')).toBeTruthy();
    expect(within(rows).getByText('Participant non invité')).toBeTruthy();
    const create = within(modal).getByLabelText('Créer l’organisation « ONG Espoir »');
    expect((create as HTMLInputElement).checked).toBe(true);

    await user.click(button('Importer 2 lignes', modal));
    expect(
      await screen.findByText('1 présence enregistrée, 1 participant ajouté, 1 organisation créée'),
    ).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    const sheet = await app.call('attendance.get', { meetingId });
    expect(sheet.stats).toMatchObject({ present: 1, walkIns: 1 });
    const organisations = await app.call('organisations.list', {});
    expect(organisations.map((o) => o.name)).toContain('ONG Espoir');
    expect(await screen.findByRole('table', { name: 'Participants non invités' })).toBeTruthy();
  });

  it('keeps the preview open with the reason when the commit is refused', { timeout: 20_000 }, async () => {
    const { app, meetingId, names } = await prepare();
    const invitees = await app.call('invitees.generate', { meetingId });
    const user = userEvent.setup();
    await renderWithBackend(<AttendanceTab meetingId={meetingId} />, { app });
    await screen.findByText(/^Quorum non atteint/);

    const csv = `Nom;Structure\n${names[1]};MSAH\nOumar Ba;ONG Espoir\n`;
    await user.upload(
      screen.getByLabelText('Fichier de participants'),
      new File([csv], 'liste.csv', { type: 'text/csv' }),
    );
    const modal = await dialog('Importer une liste de participants');
    await within(modal).findByText('Invité reconnu → présent');
    // Meanwhile the invitee is taken off the list (another window, a colleague…).
    const matched = invitees.find((i) => i.name === names[1]);
    if (!matched) throw new Error('invitee expected');
    await app.call('invitees.remove', { id: matched.id });

    await user.click(button('Importer 2 lignes', modal));
    expect(
      await within(modal).findByText('Cette personne ne figure pas sur la liste des invités.'),
    ).toBeTruthy();
    expect(within(modal).getByText('Rien n’a été enregistré.')).toBeTruthy();
    const sheet = await app.call('attendance.get', { meetingId });
    expect(sheet.records).toHaveLength(0);
    const organisations = await app.call('organisations.list', {});
    expect(organisations.map((o) => o.name)).not.toContain('ONG Espoir');
  });

  it('refuses a file that is not a spreadsheet, says why, and writes nothing', {
    timeout: 15_000,
  }, async () => {
    const { app, meetingId } = await prepare();
    await app.call('invitees.generate', { meetingId });
    const user = userEvent.setup();
    await renderWithBackend(<AttendanceTab meetingId={meetingId} />, { app });
    await screen.findByText(/^Quorum non atteint/);

    const file = new File([''], 'vide.csv', { type: 'text/csv' });
    await user.upload(screen.getByLabelText('Fichier de participants'), file);

    const modal = await dialog('Importer une liste de participants');
    expect(within(modal).getByText('Rien n’a été enregistré.')).toBeTruthy();
    // The backend's own sentence, naming the file, not a generic "wrong format".
    expect(within(modal).getByText(/vide\.csv/)).toBeTruthy();
    expect(within(modal).queryByRole('table')).toBeNull();
    const sheet = await app.call('attendance.get', { meetingId });
    expect(sheet.records).toHaveLength(0);
  });
});
