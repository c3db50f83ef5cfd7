import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AppRoutes } from '../../renderer/app/router';
import { startTestApp, type TestApp } from '../integration/harness';
import { renderWithBackend } from './harness';

/** A field by its visible label; Mantine appends " *" (hidden from screen readers) to required ones. */
function label(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`);
}

/** The input of a field by its label (Mantine selects also label their option list). */
function input(text: string): HTMLInputElement {
  const found = screen.getAllByLabelText(label(text)).find((el) => el.tagName === 'INPUT');
  if (!found) throw new Error(`No input labelled ${text}`);
  return found as HTMLInputElement;
}

/** A button by its text (role queries are slow on a page this size). */
function button(name: string): HTMLElement {
  const text = screen.getByText(name, { selector: 'button, button *' });
  const found = text.closest('button');
  if (!found) throw new Error(`No button ${name}`);
  return found;
}

/** The messages a field announces (its error among them). */
function messagesOf(field: HTMLElement): string {
  return (field.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

/** A quarterly group: planned on the 12th of March, June, September and December. */
async function quarterlyBody(app: TestApp, periodicity: { startMonth?: number; dayOfMonth?: number } = {}) {
  return app.call('bodies.create', {
    name: 'Groupe thématique genre et protection sociale',
    acronym: 'GTGPS',
    kind: 'thematic_group',
    level: 'national',
    periodicity: { kind: 'every_n_months', months: 3, ...periodicity },
    quorumRule: { kind: 'majority_of_voting_seats' },
  });
}

describe('planning screens', () => {
  it('shows a quarterly body’s planned session in its month and prepares it from there', {
    timeout: 20_000,
  }, async () => {
    const app = await startTestApp();
    const body = await quarterlyBody(app, { startMonth: 3, dayOfMonth: 12 });
    const user = userEvent.setup();
    await renderWithBackend(<AppRoutes />, { route: '/calendar?month=2026-03', app });

    const grid = await screen.findByRole('table', { name: 'Mars 2026' });
    const day = grid.querySelector<HTMLElement>('td[data-day="2026-03-12"]');
    if (!day) throw new Error('No cell for 12 March');
    const planned = await within(day).findByText('GTGPS · Prévue');
    // Only on its day: the days around it are empty.
    for (const other of ['2026-03-11', '2026-03-13']) {
      const cell = grid.querySelector<HTMLElement>(`td[data-day="${other}"]`);
      expect(cell && within(cell).queryByText(/GTGPS/)).toBeNull();
    }

    // Not in April (quarterly from March: March, June, September, December).
    await user.click(button('Mois suivant ›'));
    const april = await screen.findByRole('table', { name: 'Avril 2026' });
    await waitFor(() => expect(within(april).queryByText(/GTGPS/)).toBeNull());
    await user.click(button('‹ Mois précédent'));
    const march = await screen.findByRole('table', { name: 'Mars 2026' });
    await user.click(await within(march).findByText('GTGPS · Prévue'));
    expect(planned).toBeTruthy();

    expect(await screen.findByText('Session prévue le 12 mars 2026 — GTGPS')).toBeTruthy();
    await user.click(button('Préparer cette session'));

    // The meeting form, prefilled: the body, the planned session, its day and the next number.
    expect(await screen.findByText('Session prévue du 12 mars 2026')).toBeTruthy();
    expect(window.location.hash).toBe(
      `#/meetings/new?bodyId=${body.id}&plannedDate=2026-03-12&kind=ordinary`,
    );
    await waitFor(() => expect(input('Instance').value).toContain('GTGPS'));
    expect(input('Type').value).toBe('Ordinaire');
    expect(input('Du').value).toBe('12/03/2026');
    await waitFor(() => expect(input('Numéro').value).toBe('1'));

    await user.click(button('Créer la réunion'));
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/meetings\/[0-9a-f-]{36}$/));
    const [meeting] = await app.call('meetings.list', {});
    expect(meeting).toMatchObject({
      body: { id: body.id },
      kind: 'ordinary',
      number: 1,
      plannedDate: '2026-03-12',
      startDate: '2026-03-12',
      endDate: '2026-03-12',
    });
  });

  it('shows one held session of four planned as 25 %', { timeout: 15_000 }, async () => {
    const app = await startTestApp();
    const body = await quarterlyBody(app);
    const meeting = await app.call('meetings.create', {
      bodyId: body.id,
      kind: 'ordinary',
      plannedDate: '2025-01-01',
      startDate: '2025-01-09',
    });
    await app.call('meetings.transition', { id: meeting.id, action: 'convene', convenedOn: '2024-12-20' });
    await app.call('meetings.transition', { id: meeting.id, action: 'hold' });

    await renderWithBackend(<AppRoutes />, { route: '/regularity?year=2025', app });

    const table = await screen.findByRole('table', { name: 'Régularité des instances en 2025' });
    const link = await within(table).findByRole('link', { name: /GTGPS/ });
    const row = link.closest('tr');
    if (!row) throw new Error('No row for the body');
    const cells = within(row)
      .getAllByRole('cell')
      .map((c) => c.textContent ?? '');
    expect(cells[3]).toBe('trimestrielle');
    expect(cells[4]).toBe('4');
    expect(cells[5]).toBe('1');
    expect(cells[6]).toMatch(/^25\s%$/);
    expect(
      screen.getByText(
        /^0 instance sur 1 a tenu toutes ses sessions prévues en 2025 \(taux de conformité 0\s%\)$/,
      ),
    ).toBeTruthy();
    expect(screen.getByText(/^Taux de régularité moyen : 25\s%$/)).toBeTruthy();
  });

  it('refuses a meeting that ends before it starts, in French, and writes nothing', {
    timeout: 15_000,
  }, async () => {
    const app = await startTestApp();
    const body = await quarterlyBody(app);
    const user = userEvent.setup();
    await renderWithBackend(<AppRoutes />, { route: `/meetings/new?bodyId=${body.id}`, app });

    await waitFor(() => expect(input('Instance').value).toContain('GTGPS'));
    const start = input('Du');
    await user.click(start);
    await user.type(start, '15/03/2026');
    // "Au" follows "Du" until it is changed: a one-day meeting by default.
    await waitFor(() => expect(input('Au').value).toBe('15/03/2026'));
    const end = input('Au');
    await user.clear(end);
    await user.type(end, '14/03/2026');
    await user.click(button('Créer la réunion'));

    await waitFor(() => expect(input('Au').getAttribute('aria-invalid')).toBe('true'));
    expect(messagesOf(input('Au'))).toContain('La réunion ne peut pas finir avant de commencer.');
    expect(window.location.hash).toBe(`#/meetings/new?bodyId=${body.id}`);
    expect(await app.call('meetings.list', {})).toHaveLength(0);
  });
});
