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

function input(text: string): HTMLInputElement | HTMLTextAreaElement {
  const found = screen
    .getAllByLabelText(label(text))
    .find((el) => el.tagName === 'INPUT' || el.tagName === 'TEXTAREA');
  if (!found) throw new Error(`No input labelled ${text}`);
  return found as HTMLInputElement | HTMLTextAreaElement;
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

/** Picks an option of a Mantine Select / MultiSelect, looking only inside its own list. */
async function choose(user: ReturnType<typeof userEvent.setup>, field: string, option: string) {
  const el = input(field);
  await user.click(el);
  const list = await waitFor(() => {
    const found = document.getElementById(el.getAttribute('aria-controls') ?? '');
    if (!found) throw new Error(`The options of ${field} did not open`);
    return found;
  });
  await user.click(within(list).getByText(option, { selector: '[role="option"], [role="option"] *' }));
}

/** Text with French no-break spaces ("60 %", before the sign) read as plain ones. */
function plain(el: HTMLElement): string {
  return (el.textContent ?? '').replace(/[\u00a0\u202f]/g, ' ');
}

/** The references shown in a register table, in order. */
function referencesIn(table: HTMLElement): string[] {
  return within(table)
    .queryAllByRole('link')
    .map((a) => a.textContent ?? '')
    .filter((text) => /^GTGPS\//.test(text));
}

/** A body with three recommendations, all due in the past (so they count as échues). */
async function seed(app: TestApp) {
  const body = await app.call('bodies.create', {
    name: 'Groupe thématique genre et protection sociale',
    acronym: 'GTGPS',
    kind: 'thematic_group',
    level: 'national',
    periodicity: { kind: 'every_n_months', months: 3 },
    quorumRule: { kind: 'majority_of_voting_seats' },
  });
  const make = (reference: string, text: string) =>
    app.call('recommendations.create', { bodyId: body.id, reference, text, dueDate: '2024-06-30' });
  const a = await make('GTGPS/2024/03/R01', 'Actualiser le registre social unifié dans les cercles de Gao');
  const b = await make('GTGPS/2024/03/R02', 'Organiser la revue annuelle des filets sociaux');
  const c = await make('GTGPS/2024/03/R03', 'Diffuser le manuel de procédures aux services déconcentrés');
  await app.call('recommendations.addUpdate', {
    id: b.id,
    date: '2024-05-02',
    status: 'in_progress',
    comment: 'Termes de référence rédigés',
  });
  return { body, a, b, c };
}

describe('recommendations screens', () => {
  it('lists the register and filters it by status', { timeout: 20_000 }, async () => {
    const app = await startTestApp();
    await seed(app);
    const user = userEvent.setup();
    await renderWithBackend(<AppRoutes />, { route: '/recommendations', app });

    const table = await screen.findByRole('table', { name: 'Registre des recommandations' });
    await waitFor(() =>
      expect(referencesIn(table)).toEqual(['GTGPS/2024/03/R01', 'GTGPS/2024/03/R02', 'GTGPS/2024/03/R03']),
    );
    // Due in the past and still open: the date is marked late.
    expect(within(table).getAllByText('En retard')).toHaveLength(3);

    await choose(user, 'Statut', 'En cours');
    await waitFor(() => expect(referencesIn(table)).toEqual(['GTGPS/2024/03/R02']));
    expect(within(table).getByText('Organiser la revue annuelle des filets sociaux')).toBeTruthy();
    // The filter is kept in the address, so coming back finds the register as it was left.
    expect(window.location.hash).toContain('status=in_progress');
  });

  it('refuses to close without actions menées, accepts with them, and the rate follows', {
    timeout: 30_000,
  }, async () => {
    const app = await startTestApp();
    const { a } = await seed(app);
    const user = userEvent.setup();
    await renderWithBackend(<AppRoutes />, { route: '/recommendations', app });

    const rate = await screen.findByRole('status', { name: 'Taux de mise en œuvre' });
    await waitFor(() =>
      expect(plain(rate)).toContain('Taux de mise en œuvre : 0 réalisée sur 3 échues (0 %) — 3 en retard'),
    );

    await user.click(await screen.findByRole('link', { name: 'GTGPS/2024/03/R01' }));
    await screen.findByRole('heading', { name: 'GTGPS/2024/03/R01' });
    await user.click(button('Mettre à jour l’état'));
    await screen.findByText('Mettre à jour l’état de GTGPS/2024/03/R01');

    await choose(user, 'Statut', 'Réalisée');
    // Réalisée proposes 100 %.
    expect(input('Avancement').value).toBe('100 %');
    await user.click(button('Enregistrer la mise à jour'));
    const actions = input('Actions menées');
    await waitFor(() => expect(actions.getAttribute('aria-invalid')).toBe('true'));
    expect(messagesOf(actions)).toContain(
      'Décrivez les actions menées (ou le motif) pour clore cette recommandation.',
    );
    expect((await app.call('recommendations.get', { id: a.id })).status).toBe('not_started');

    await user.click(actions);
    await user.paste('Registre actualisé dans les six cercles ; rapport transmis à la DGPSN.');
    await user.click(button('Enregistrer la mise à jour'));
    await waitFor(() => expect(screen.queryByText('Mettre à jour l’état de GTGPS/2024/03/R01')).toBeNull());

    const saved = await app.call('recommendations.get', { id: a.id });
    expect(saved).toMatchObject({ status: 'done', progress: 100 });
    // The timeline shows the update with what was done.
    const timeline = await screen.findByLabelText('Suivi de la recommandation');
    await within(timeline).findByText(/Registre actualisé dans les six cercles/);
    expect(within(timeline).getByText('Réalisée')).toBeTruthy();

    window.location.hash = '#/recommendations';
    const after = await screen.findByRole('status', { name: 'Taux de mise en œuvre' });
    await waitFor(() =>
      expect(plain(after)).toContain(
        'Taux de mise en œuvre : 1 réalisée sur 3 échues (33,3 %) — 2 en retard',
      ),
    );
  });

  it('shows a roadmap with its items and their rate', { timeout: 20_000 }, async () => {
    const app = await startTestApp();
    const { body, a, c } = await seed(app);
    const roadmap = await app.call('roadmaps.create', {
      name: 'Feuille de route de l’atelier de Ségou',
      bodyId: body.id,
      recommendationIds: [c.id, a.id],
    });
    await renderWithBackend(<AppRoutes />, { route: `/roadmaps/${roadmap.id}`, app });

    await screen.findByRole('heading', { name: 'Feuille de route de l’atelier de Ségou' });
    const table = await screen.findByRole('table', {
      name: 'Recommandations de la feuille de route Feuille de route de l’atelier de Ségou',
    });
    // In the roadmap's own order, not the register's.
    expect(referencesIn(table)).toEqual(['GTGPS/2024/03/R03', 'GTGPS/2024/03/R01']);
    const rate = screen.getByRole('status', { name: 'Taux de mise en œuvre' });
    expect(plain(rate)).toContain('0 réalisée sur 2 échues');
  });

  it('shows a body’s rate and overdue items in its tab, and opens the register on it', {
    timeout: 20_000,
  }, async () => {
    const app = await startTestApp();
    const { body } = await seed(app);
    const other = await app.call('bodies.create', {
      name: 'Comité régional d’orientation de Gao',
      acronym: 'CROCSAD',
      kind: 'crocsad',
      level: 'regional',
      periodicity: { kind: 'every_n_months', months: 6 },
      quorumRule: { kind: 'majority_of_voting_seats' },
    });
    await app.call('recommendations.create', {
      bodyId: other.id,
      reference: 'CROCSAD/2024/01/R01',
      text: 'Autre',
    });
    const user = userEvent.setup();
    await renderWithBackend(<AppRoutes />, { route: `/bodies/${body.id}`, app });

    await user.click(await screen.findByRole('tab', { name: 'Recommandations' }));
    const rate = await screen.findByRole('status', { name: 'Taux de mise en œuvre' });
    await waitFor(() => expect(plain(rate)).toContain('0 réalisée sur 3 échues (0 %) — 3 en retard'));
    const overdue = await screen.findByRole('table', { name: 'En retard' });
    await waitFor(() => expect(referencesIn(overdue)).toHaveLength(3));

    await user.click(screen.getByRole('link', { name: 'Voir dans le registre' }));
    await waitFor(() => expect(window.location.hash).toBe(`#/recommendations?bodyId=${body.id}`));
    const table = await screen.findByRole('table', { name: 'Registre des recommandations' });
    // Only this body's items: the CROCSAD one is filtered out.
    await waitFor(() => expect(referencesIn(table)).toHaveLength(3));
    expect(within(table).queryByText('CROCSAD/2024/01/R01')).toBeNull();
  });

  it('prefills the form from the address and shows a duplicate reference next to its field', {
    timeout: 20_000,
  }, async () => {
    const app = await startTestApp();
    const { body } = await seed(app);
    const user = userEvent.setup();
    const text = 'Former les agents sociaux au ciblage';
    await renderWithBackend(<AppRoutes />, {
      route: `/recommendations/new?bodyId=${body.id}&text=${encodeURIComponent(text)}`,
      app,
    });

    await waitFor(() => expect(input('Instance').value).toContain('GTGPS'));
    expect(input('Texte').value).toBe(text);
    await user.click(input('Référence'));
    await user.paste('GTGPS/2024/03/R01');
    await user.click(button('Créer la recommandation'));

    const reference = input('Référence');
    await waitFor(() =>
      expect(messagesOf(reference)).toContain('La référence GTGPS/2024/03/R01 existe déjà.'),
    );
    expect((await app.call('recommendations.list', {})).total).toBe(3);
  });
});
