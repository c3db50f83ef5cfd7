import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AgendaEditor } from '../../renderer/features/agenda/AgendaEditor';
import { MeetingPage } from '../../renderer/features/meetings/pages/MeetingPage';
import type { AgendaEntryInput, Meeting } from '../../shared/rpc/meetings';
import { startTestApp, type TestApp } from '../integration/harness';
import { renderWithBackend } from './harness';

/** A body and one of its meetings (a one-day workshop, 09:00–16:00), with an agenda when given. */
async function meetingWithAgenda(
  entries: AgendaEntryInput[] = [],
): Promise<{ app: TestApp; meeting: Meeting }> {
  const app = await startTestApp();
  const body = await app.call('bodies.create', {
    name: 'Groupe thématique genre et protection sociale',
    acronym: 'GTGPS',
    kind: 'thematic_group',
    level: 'national',
    periodicity: { kind: 'every_n_months', months: 3 },
    quorumRule: { kind: 'majority_of_voting_seats' },
  });
  const meeting = await app.call('meetings.create', {
    bodyId: body.id,
    kind: 'workshop',
    startDate: '2026-03-12',
    startTime: '09:00',
    endTime: '16:00',
  });
  if (entries.length > 0) await app.call('agenda.save', { meetingId: meeting.id, entries });
  return { app, meeting };
}

function item(title: string, startTime: string, endTime: string): AgendaEntryInput {
  return { day: '2026-03-12', entryType: 'item', title, startTime, endTime };
}

/** A button by its text (role queries are slow on a page this size). */
function button(name: string, root: HTMLElement = document.body): HTMLElement {
  const text = within(root).getByText(name, { selector: 'button, button *' });
  const found = text.closest('button');
  if (!found) throw new Error(`No button ${name}`);
  return found;
}

function input(label: string): HTMLInputElement {
  return screen.getByLabelText(label) as HTMLInputElement;
}

describe('agenda editor', () => {
  it('adds a table pasted from Word to the agenda and saves it', { timeout: 15_000 }, async () => {
    const { app, meeting } = await meetingWithAgenda();
    const user = userEvent.setup();
    await renderWithBackend(<AgendaEditor meeting={meeting} />, { app });

    await user.click(await screen.findByText('Coller un ordre du jour', { selector: 'button, button *' }));
    const dialog = await screen.findByRole('dialog');
    const area = within(dialog).getByLabelText('Tableau copié depuis Word ou Excel');
    // Pasted in one go, as from the clipboard: cells separated by tabs.
    fireEvent.change(area, {
      target: {
        value: [
          'Horaire\tActivités\tResponsable',
          '9:00\tOuverture officielle\tDGPSN',
          'Première partie : mise en synergie\t\t',
          '9:30 - 10:30\tPrésentation des résultats\tPAM',
        ].join('\n'),
      },
    });
    await user.click(button('Analyser', dialog));
    const preview = await within(dialog).findByRole('table', { name: 'Aperçu de l’ordre du jour collé' });
    expect(within(preview).getByText('Présentation des résultats')).toBeTruthy();
    await user.click(button('Ajouter à l’ordre du jour', dialog));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(input('Activité n°1').value).toBe('Ouverture officielle');
    expect(input('Intitulé de la partie n°2').value).toBe('Première partie : mise en synergie');
    expect(input('Début — Présentation des résultats').value).toBe('09:30');

    await waitFor(async () => {
      const saved = await app.call('agenda.get', { meetingId: meeting.id });
      expect(saved.entries.map((e) => [e.entryType, e.title])).toEqual([
        ['item', 'Ouverture officielle'],
        ['part', 'Première partie : mise en synergie'],
        ['item', 'Présentation des résultats'],
      ]);
    });
    expect(await screen.findByText('Enregistré')).toBeTruthy();
  });

  it('moves the next items when a duration changes, and autosaves', { timeout: 15_000 }, async () => {
    const { app, meeting } = await meetingWithAgenda([
      item('Ouverture', '09:00', '09:30'),
      item('Présentation', '09:30', '10:00'),
    ]);
    const user = userEvent.setup();
    await renderWithBackend(<AgendaEditor meeting={meeting} />, { app });

    const duration = await screen.findByLabelText('Durée en minutes — Ouverture');
    await user.clear(duration);
    await user.type(duration, '45');

    expect(input('Fin — Ouverture').value).toBe('09:45');
    expect(input('Début — Présentation').value).toBe('09:45');
    expect(input('Fin — Présentation').value).toBe('10:15');
    expect(screen.getByText('Modifications non enregistrées')).toBeTruthy();

    await waitFor(
      async () => {
        const saved = await app.call('agenda.get', { meetingId: meeting.id });
        expect(saved.entries.map((e) => [e.title, e.startTime, e.endTime])).toEqual([
          ['Ouverture', '09:00', '09:45'],
          ['Présentation', '09:45', '10:15'],
        ]);
      },
      { timeout: 4000 },
    );
  });

  it('moves an item down with its button and saves the new order', { timeout: 15_000 }, async () => {
    const { app, meeting } = await meetingWithAgenda([
      item('Ouverture', '09:00', '09:15'),
      item('Présentation', '09:15', '10:00'),
      item('Pause', '10:00', '10:15'),
    ]);
    const user = userEvent.setup();
    await renderWithBackend(<AgendaEditor meeting={meeting} />, { app });

    await user.click(await screen.findByLabelText('Descendre « Ouverture »'));
    expect(input('Activité n°1').value).toBe('Présentation');
    expect(input('Activité n°2').value).toBe('Ouverture');
    // The slot keeps its time; the items follow on in their new order.
    expect(input('Début — Présentation').value).toBe('09:00');
    expect(input('Début — Ouverture').value).toBe('09:45');

    await user.click(button('Enregistrer l’ordre du jour'));
    await waitFor(async () => {
      const saved = await app.call('agenda.get', { meetingId: meeting.id });
      expect(saved.entries.map((e) => [e.title, e.startTime, e.endTime])).toEqual([
        ['Présentation', '09:00', '09:45'],
        ['Ouverture', '09:45', '10:00'],
        ['Pause', '10:00', '10:15'],
      ]);
    });
  });
});

describe('meeting page', () => {
  it('names the session, writes its dates in French and convenes it', { timeout: 15_000 }, async () => {
    const app = await startTestApp();
    const body = await app.call('bodies.create', {
      name: 'Groupe thématique genre et protection sociale',
      acronym: 'GTGPS',
      kind: 'thematic_group',
      level: 'national',
      periodicity: { kind: 'every_n_months', months: 3 },
      quorumRule: { kind: 'majority_of_voting_seats' },
    });
    const meeting = await app.call('meetings.create', {
      bodyId: body.id,
      kind: 'ordinary',
      number: 3,
      startDate: '2026-03-12',
      endDate: '2026-03-13',
      startTime: '09:00',
      endTime: '16:00',
      place: 'Salle de conférence du ministère',
    });
    const user = userEvent.setup();
    await renderWithBackend(<MeetingPage id={meeting.id} />, { app });

    expect(await screen.findByRole('heading', { name: 'GTGPS — Session ordinaire n°3' })).toBeTruthy();
    expect(screen.getByText('du 12 au 13 mars 2026, de 09:00 à 16:00')).toBeTruthy();
    // One section per day of the meeting, and the standard items proposed for an ordinary session.
    expect(await screen.findByRole('heading', { name: 'Jour 1 — jeudi 12 mars 2026' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Jour 2 — vendredi 13 mars 2026' })).toBeTruthy();
    expect(await screen.findByText('Adoption de l’ordre du jour')).toBeTruthy();
    // Only the moves a draft allows.
    expect(screen.queryByText('Clôturer', { selector: 'button, button *' })).toBeNull();

    await user.click(button('Convoquer'));
    const dialog = await screen.findByRole('dialog');
    await user.click(button('Convoquer', dialog));
    await waitFor(async () => {
      expect((await app.call('meetings.get', { id: meeting.id })).status).toBe('convened');
    });
    expect(await screen.findByText('Convoquée')).toBeTruthy();
    expect(screen.queryByText('Convoquer', { selector: 'button, button *' })).toBeNull();
    expect(button('Marquer comme tenue')).toBeTruthy();
  });
});
