import { notifications } from '@mantine/notifications';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { FollowUpTab } from '../../renderer/features/followup/FollowUpTab';
import { HomePage } from '../../renderer/features/home/HomePage';
import { startTestApp, type TestApp } from '../integration/harness';
import { renderWithBackend } from './harness';

/** A field by its visible label; Mantine appends " *" (hidden from screen readers) to required ones. */
function label(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`);
}

/** A button by its text, inside a container. */
function button(name: string, container: HTMLElement): HTMLElement {
  const text = within(container).getByText(name, { selector: 'button, button *' });
  const found = text.closest('button');
  if (!found) throw new Error(`No button ${name}`);
  return found;
}

/** Picks an option of a Mantine Select inside a container, looking only inside its own list. */
async function choose(
  user: ReturnType<typeof userEvent.setup>,
  container: HTMLElement,
  field: string,
  option: string,
) {
  const input = within(container)
    .getAllByLabelText(label(field))
    .find((el) => el.tagName === 'INPUT');
  if (!input) throw new Error(`No input labelled ${field}`);
  await user.click(input);
  const list = await waitFor(() => {
    const el = document.getElementById(input.getAttribute('aria-controls') ?? '');
    if (!el) throw new Error(`The options of ${field} did not open`);
    return el;
  });
  await user.click(within(list).getByText(option, { selector: '[role="option"], [role="option"] *' }));
}

beforeEach(() => {
  notifications.clean();
});

/** A day after today (local time): a session is prepared before it is held, after the items it follows. */
function inDays(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const ACTIONS_REQUIRED = 'Décrivez les actions menées (ou le motif) pour clore cette recommandation.';

/**
 * A body with one recommendation due at the end of January 2025, then its next session, a week
 * from now — whose follow-up snapshot the backend takes when the meeting is created.
 */
async function prepare(): Promise<{
  app: TestApp;
  bodyId: string;
  meetingId: string;
  startDate: string;
  recommendationId: string;
  reference: string;
}> {
  const app = await startTestApp();
  const body = await app.call('bodies.create', {
    name: 'Groupe thématique genre et protection sociale',
    acronym: 'GTGPS',
    kind: 'thematic_group',
    level: 'national',
    periodicity: { kind: 'every_n_months', months: 3 },
    quorumRule: { kind: 'majority_of_voting_seats' },
  });
  const lead = await app.call('organisations.create', {
    name: 'Direction nationale de la protection sociale',
    acronym: 'DNPS',
    kind: 'ministry',
  });
  const recommendation = await app.call('recommendations.create', {
    bodyId: body.id,
    text: 'Finaliser le registre social unifié des ménages vulnérables',
    leadOrganisationId: lead.id,
    dueDate: '2025-01-31',
  });
  const meeting = await app.call('meetings.create', {
    bodyId: body.id,
    kind: 'ordinary',
    startDate: inDays(7),
    place: 'Bamako, salle de conférence du ministère',
  });
  return {
    startDate: meeting.startDate,
    app,
    bodyId: body.id,
    meetingId: meeting.id,
    recommendationId: recommendation.id,
    reference: recommendation.reference,
  };
}

describe('follow-up of recommendations in a session', () => {
  it('lists the open recommendation, refuses to close it without actions, then records the session update', {
    timeout: 30_000,
  }, async () => {
    const { app, meetingId, startDate, recommendationId, reference } = await prepare();
    const user = userEvent.setup();
    await renderWithBackend(<FollowUpTab meetingId={meetingId} />, { app });

    expect(await screen.findByText('Point de la mise en œuvre des recommandations')).toBeTruthy();
    const row = await screen.findByRole('article', { name: reference });
    expect(within(row).getByText('Finaliser le registre social unifié des ménages vulnérables')).toBeTruthy();
    expect(
      within(row).getByText('Responsable : Direction nationale de la protection sociale (DNPS)'),
    ).toBeTruthy();
    expect(within(row).getByText('Échéance : 31 janvier 2025')).toBeTruthy();
    expect(within(row).getByText('En retard')).toBeTruthy();
    expect(within(row).getByText('Non démarrée')).toBeTruthy();
    expect(screen.getByText('1 ouverte à l’ouverture — 0 mise à jour en séance — 0 réalisée')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Actualiser la liste' })).toBeTruthy();

    // Réalisée proposes 100 % and asks for the actions taken; without them nothing is written.
    await user.click(button('Mettre à jour', row));
    await choose(user, row, 'État', 'Réalisée');
    expect((within(row).getByLabelText(label('Avancement (%)')) as HTMLInputElement).value).toBe('100');
    await user.click(button('Enregistrer', row));
    expect(await within(row).findByText(ACTIONS_REQUIRED)).toBeTruthy();
    expect((await app.call('recommendations.get', { id: recommendationId })).status).toBe('not_started');

    await user.click(within(row).getByLabelText(label('Actions menées')));
    await user.paste('Registre validé en conseil des ministres le 20 février');
    await user.click(button('Enregistrer', row));

    expect(
      await within(row).findByText('Actions menées : Registre validé en conseil des ministres le 20 février'),
    ).toBeTruthy();
    expect(within(row).queryByText(ACTIONS_REQUIRED)).toBeNull();
    // The opening state stays as it was; the session's update sits next to it.
    expect(within(row).getByText('Non démarrée')).toBeTruthy();
    expect(within(row).getByText('Réalisée')).toBeTruthy();
    expect(
      await screen.findByText('1 ouverte à l’ouverture — 1 mise à jour en séance — 1 réalisée'),
    ).toBeTruthy();

    const saved = await app.call('recommendations.get', { id: recommendationId });
    expect(saved.status).toBe('done');
    expect(saved.progress).toBe(100);
    const updates = await app.call('recommendations.updates', { id: recommendationId });
    const session = updates.find((u) => u.source === 'meeting');
    expect(session?.meeting?.id).toBe(meetingId);
    expect(session?.date).toBe(startDate);

    // The home page's dashboard now shows the body's implementation rate.
    cleanup();
    await renderWithBackend(<HomePage />, { app });
    const dashboard = await screen.findByRole('region', { name: 'Recommandations' });
    expect(within(dashboard).getByText('Réalisée : 1')).toBeTruthy();
    const rates = within(dashboard).getByRole('region', { name: 'Taux de mise en œuvre par instance' });
    expect(within(rates).getByText(/GTGPS/)).toBeTruthy();
    expect(within(rates).getByText(/^100\s%$/)).toBeTruthy();
    expect(within(rates).getByText('1 réalisée sur 1 échue(s)')).toBeTruthy();
  });

  it('flags a recommendation passed on by a sub-group', { timeout: 15_000 }, async () => {
    const app = await startTestApp();
    const group = await app.call('bodies.create', {
      name: 'Groupe thématique protection sociale',
      acronym: 'GTPS',
      kind: 'thematic_group',
      level: 'national',
      periodicity: { kind: 'every_n_months', months: 3 },
      quorumRule: { kind: 'majority_of_voting_seats' },
    });
    const subGroup = await app.call('bodies.create', {
      name: 'Sous-groupe filets sociaux',
      acronym: 'SGFS',
      kind: 'thematic_group',
      level: 'national',
      parentId: group.id,
      periodicity: { kind: 'every_n_months', months: 3 },
      quorumRule: { kind: 'majority_of_voting_seats' },
    });
    const own = await app.call('recommendations.create', {
      bodyId: subGroup.id,
      text: 'Harmoniser les montants des transferts monétaires',
    });
    const copy = await app.call('recommendations.transmit', { id: own.id, toBodyId: group.id });
    const meeting = await app.call('meetings.create', {
      bodyId: group.id,
      kind: 'ordinary',
      startDate: inDays(7),
    });
    await renderWithBackend(<FollowUpTab meetingId={meeting.id} />, { app });

    const row = await screen.findByRole('article', { name: copy.reference });
    expect(await within(row).findByText(/^Transmise par .*SGFS/)).toBeTruthy();
    expect(within(row).getByText('Sans échéance')).toBeTruthy();
  });

  it('says so when the body has no open recommendation, and the home page shows no dashboard', {
    timeout: 15_000,
  }, async () => {
    const app = await startTestApp();
    const body = await app.call('bodies.create', {
      name: 'Cadre régional de concertation',
      acronym: 'CROCSAD',
      kind: 'thematic_group',
      level: 'national',
      periodicity: { kind: 'every_n_months', months: 6 },
      quorumRule: { kind: 'majority_of_voting_seats' },
    });
    const meeting = await app.call('meetings.create', {
      bodyId: body.id,
      kind: 'ordinary',
      startDate: inDays(7),
    });
    await renderWithBackend(<FollowUpTab meetingId={meeting.id} />, { app });
    expect(await screen.findByText('Aucune recommandation ouverte pour cette instance.')).toBeTruthy();

    cleanup();
    await renderWithBackend(<HomePage />, { app });
    expect(await screen.findByText('CROCSAD — Cadre régional de concertation')).toBeTruthy();
    // Give the dashboard's own query time to answer: it must then render nothing.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(screen.queryByRole('region', { name: 'Recommandations' })).toBeNull();
  });
});
