import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AppRoutes } from '../../renderer/app/router';
import { startTestApp } from '../integration/harness';
import { renderWithBackend } from './harness';

/** A field by its visible label; Mantine appends " *" (hidden from screen readers) to required ones. */
function label(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`);
}

/** A button by its text (role queries are slow on a page this size). */
function button(name: string): HTMLElement {
  const text = screen.getByText(name, { selector: 'button, button *' });
  const found = text.closest('button');
  if (!found) throw new Error(`No button ${name}`);
  return found;
}

/** Picks an option of a Mantine Select, looking only inside its own list (role queries scan the whole page). */
async function choose(user: ReturnType<typeof userEvent.setup>, field: string, option: string) {
  const input = screen.getAllByLabelText(label(field)).find((el) => el.tagName === 'INPUT');
  if (!input) throw new Error(`No input labelled ${field}`);
  await user.click(input);
  const list = await waitFor(() => {
    const el = document.getElementById(input.getAttribute('aria-controls') ?? '');
    if (!el) throw new Error(`The options of ${field} did not open`);
    return el;
  });
  await user.click(within(list).getByText(option, { selector: '[role="option"], [role="option"] *' }));
}

describe('bodies screens', () => {
  it('refuses to save a body without a name, in French, and writes nothing', {
    timeout: 10_000,
  }, async () => {
    const user = userEvent.setup();
    const { app } = await renderWithBackend(<AppRoutes />, { route: '/bodies/new' });

    const name = await screen.findByLabelText(label('Nom'));
    await user.click(button('Créer l’instance'));

    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    const describedBy = name.getAttribute('aria-describedby') ?? '';
    const messages = describedBy
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ');
    expect(messages).toContain('Ce champ est obligatoire.');
    expect(await app.call('bodies.list', {})).toHaveLength(0);
  });

  // Fills a real form against a real backend: the slowest of the three on a busy machine.
  it('creates a body through the form and shows it on its page', { timeout: 15_000 }, async () => {
    const user = userEvent.setup();
    const { app } = await renderWithBackend(<AppRoutes />, { route: '/bodies/new' });

    await user.click(await screen.findByLabelText(label('Nom')));
    await user.paste('Groupe thématique genre et protection sociale');
    await user.click(screen.getByLabelText(label('Sigle')));
    await user.paste('GTGPS');
    await choose(user, 'Type', 'Groupe thématique');
    await choose(user, 'Niveau', 'National');
    await user.click(screen.getByLabelText(label('Numéro')));
    await user.paste('N° 1846/MFASSHPTA/DC/SCMDPFG/SA');
    await user.click(button('Créer l’instance'));

    // The page of the new body replaces the form.
    expect(
      await screen.findByRole('heading', { name: 'GTGPS — Groupe thématique genre et protection sociale' }),
    ).toBeTruthy();
    expect(window.location.hash).toMatch(/^#\/bodies\/[0-9a-f-]{36}$/);
    expect(screen.getByText(/N° 1846\/MFASSHPTA\/DC\/SCMDPFG\/SA/)).toBeTruthy();

    const [saved] = await app.call('bodies.list', {});
    expect(saved).toMatchObject({ name: 'Groupe thématique genre et protection sociale', acronym: 'GTGPS' });
  });

  it('shows who held each seat on the date asked for', { timeout: 10_000 }, async () => {
    const app = await startTestApp();
    const body = await app.call('bodies.create', {
      name: 'Commission mixte',
      kind: 'joint_commission',
      level: 'national',
      periodicity: { kind: 'every_n_months', months: 6 },
      quorumRule: { kind: 'majority_of_voting_seats' },
    });
    const seat = await app.call('seats.create', {
      bodyId: body.id,
      function: 'Ministre en charge des affaires sociales ou son représentant',
      role: 'president',
    });
    const former = await app.call('people.create', { firstName: 'Aminata', lastName: 'Traoré' });
    const current = await app.call('people.create', { firstName: 'Moussa', lastName: 'Keïta' });
    const before = await app.call('seats.addHolder', {
      seatId: seat.id,
      personId: former.id,
      from: '2015-01-01',
      to: '2018-12-31',
    });
    const now = await app.call('seats.addHolder', {
      seatId: seat.id,
      personId: current.id,
      from: '2019-01-01',
    });

    const user = userEvent.setup();
    await renderWithBackend(<AppRoutes />, { route: `/bodies/${body.id}`, app });
    await user.click(await screen.findByRole('tab', { name: 'Composition' }));

    const table = await screen.findByRole('table', { name: 'Composition' });
    expect(await within(table).findByText(now.person.label)).toBeTruthy();

    const date = screen.getByLabelText(label('À la date du'));
    await user.clear(date);
    await user.type(date, '14/05/2018');
    expect(await screen.findByRole('heading', { name: 'Qui siégeait le 14 mai 2018 ?' })).toBeTruthy();
    expect(await within(table).findByText(before.person.label)).toBeTruthy();
    expect(within(table).queryByText(now.person.label)).toBeNull();

    await user.clear(date);
    await user.type(date, '01/06/2010');
    expect(await within(table).findByText('Vacant')).toBeTruthy();
  });
});
