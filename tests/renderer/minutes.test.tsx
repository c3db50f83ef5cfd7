import { notifications } from '@mantine/notifications';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Editor } from '@tiptap/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { RpcError } from '../../renderer/app/rpc';
import {
  DEBOUNCE_MS,
  MAX_WAIT_MS,
  MinutesAutosave,
  type MinutesContent,
  resetMinutesAutosaves,
} from '../../renderer/features/minutes/autosave';
import { MinutesTab } from '../../renderer/features/minutes/MinutesTab';
import { WorkingGroupsTab } from '../../renderer/features/minutes/WorkingGroupsTab';
import { docText } from '../../shared/domain/minutes';
import type { InputOf } from '../../shared/rpc';
import type { AgendaEntryInput, Meeting } from '../../shared/rpc/meetings';
import { startTestApp, type TestApp } from '../integration/harness';
import { renderWithBackend } from './harness';

// ProseMirror measures the text it scrolls to and the point it was clicked; jsdom lays nothing
// out. Zero-sized rectangles are all it needs here.
beforeAll(() => {
  const emptyRect = () => ({
    x: 0,
    y: 0,
    top: 0,
    left: 0,
    bottom: 0,
    right: 0,
    width: 0,
    height: 0,
    toJSON() {},
  });
  const emptyList = () => Object.assign([], { item: () => null }) as unknown as DOMRectList;
  if (!Range.prototype.getClientRects) Range.prototype.getClientRects = emptyList;
  if (!Range.prototype.getBoundingClientRect)
    Range.prototype.getBoundingClientRect = emptyRect as () => DOMRect;
  if (!document.elementFromPoint) document.elementFromPoint = () => null;
});

afterEach(() => {
  // Notifications live in a module-level store: one test's must not be read by the next.
  notifications.clean();
  resetMinutesAutosaves();
  window.localStorage.clear();
});

/** A body and one of its sessions (12 March 2026) with a short agenda. */
async function meetingWithAgenda(): Promise<{ app: TestApp; meeting: Meeting }> {
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
    startDate: '2026-03-12',
    startTime: '09:00',
    endTime: '13:00',
  });
  const item = (title: string, startTime: string, endTime: string): AgendaEntryInput => ({
    day: '2026-03-12',
    entryType: 'item',
    title,
    startTime,
    endTime,
  });
  await app.call('agenda.save', {
    meetingId: meeting.id,
    entries: [
      item('Présentation du rapport annuel', '09:00', '10:00'),
      item('Plan de travail 2026', '10:00', '11:00'),
    ],
  });
  return { app, meeting };
}

/** A button by its text (role queries are slow on a page this size). */
function button(name: string, root: HTMLElement = document.body): HTMLElement {
  const text = within(root).getByText(name, { selector: 'button, button *' });
  const found = text.closest('button');
  if (!found) throw new Error(`No button ${name}`);
  return found;
}

/** The Tiptap editor behind a section's text area (Tiptap hangs it on its DOM node). */
function editorOf(label: string): Editor {
  const dom = screen.getByLabelText(label) as HTMLElement & { editor?: Editor };
  if (!dom.editor) throw new Error(`No editor for ${label}`);
  return dom.editor;
}

describe('minutes', () => {
  it('opens the minutes with a section per agenda item', { timeout: 20_000 }, async () => {
    const { app, meeting } = await meetingWithAgenda();
    const user = userEvent.setup();
    await renderWithBackend(<MinutesTab meetingId={meeting.id} />, { app });

    await user.click(await screen.findByText('Rédiger le compte rendu', { selector: 'button, button *' }));

    expect(await screen.findByRole('heading', { name: 'Présentation du rapport annuel' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Plan de travail 2026' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Ouverture' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Clôture' })).toBeTruthy();
    expect(screen.getByText('Brouillon')).toBeTruthy();
    expect(screen.getByLabelText('Texte — Plan de travail 2026')).toBeTruthy();
  });

  it('saves what is typed on its own and says so', { timeout: 20_000 }, async () => {
    const { app, meeting } = await meetingWithAgenda();
    await app.call('minutes.open', { meetingId: meeting.id });
    const user = userEvent.setup();
    await renderWithBackend(<MinutesTab meetingId={meeting.id} />, { app });

    await screen.findByLabelText('Texte — Plan de travail 2026');
    // Typed with the keyboard, as a rapporteur would.
    await user.type(
      screen.getByLabelText('Texte — Plan de travail 2026'),
      'Le plan de travail est adopté avec amendements.',
    );

    expect(await screen.findByText('Modifications non enregistrées')).toBeTruthy();
    expect(await screen.findByText(/^Enregistré à \d\d:\d\d$/, {}, { timeout: 4000 })).toBeTruthy();

    const saved = await app.call('minutes.get', { meetingId: meeting.id });
    const section = saved?.sections.find((s) => s.title === 'Plan de travail 2026');
    expect(docText(section?.content)).toBe('Le plan de travail est adopté avec amendements.');
    // Typing longer than two seconds is saved along the way, not only at the end.
    const revision = saved?.revision ?? 0;
    expect(revision).toBeGreaterThanOrEqual(1);

    await user.click(button('Versions'));
    const drawer = await screen.findByRole('dialog');
    expect(await within(drawer).findAllByText('Enregistrement automatique')).toHaveLength(revision);
  });

  it('saves what was just typed when the minutes are left', { timeout: 20_000 }, async () => {
    const { app, meeting } = await meetingWithAgenda();
    await app.call('minutes.open', { meetingId: meeting.id });
    const { unmount } = await renderWithBackend(<MinutesTab meetingId={meeting.id} />, { app });

    await screen.findByLabelText('Texte — Ouverture');
    editorOf('Texte — Ouverture').commands.insertContent('Mot de bienvenue du président.');
    // Gone before the pause is over (another tab, another page): the save is made on the way out.
    unmount();
    await waitFor(
      async () => {
        const saved = await app.call('minutes.get', { meetingId: meeting.id });
        expect(docText(saved?.sections.find((s) => s.kind === 'opening')?.content)).toBe(
          'Mot de bienvenue du président.',
        );
      },
      { timeout: 500 },
    );
  });

  it('creates a recommendation from a section and shows its reference', { timeout: 20_000 }, async () => {
    const { app, meeting } = await meetingWithAgenda();
    await app.call('minutes.open', { meetingId: meeting.id });
    const user = userEvent.setup();
    await renderWithBackend(<MinutesTab meetingId={meeting.id} />, { app });

    await screen.findByLabelText('Texte — Plan de travail 2026');
    const editor = editorOf('Texte — Plan de travail 2026');
    editor.commands.insertContent('Finaliser le plan de travail avant le 30 avril.');
    // The words selected in the section become the recommendation's text.
    editor.commands.selectAll();

    const section = screen.getByRole('region', { name: 'Plan de travail 2026' });
    await user.click(button('Créer une recommandation', section));
    const dialog = await screen.findByRole('dialog');
    const text = within(dialog).getByLabelText(/^Texte/) as HTMLTextAreaElement;
    expect(text.value).toBe('Finaliser le plan de travail avant le 30 avril.');

    // A due date or "sans échéance" must be said.
    await user.click(button('Créer la recommandation', dialog));
    expect(
      await within(dialog).findByText('Indiquez une échéance ou cochez « Sans échéance ».'),
    ).toBeTruthy();
    await user.click(within(dialog).getByLabelText('Sans échéance'));
    await user.click(button('Créer la recommandation', dialog));

    const reference = await screen.findByText(/^GTGPS\/2026\/03\/R\d+ créée$/);
    expect(reference).toBeTruthy();
    const { rows } = await app.call('recommendations.list', { bodyIds: [meeting.body.id] });
    expect(rows).toHaveLength(1);
    const created = await app.call('recommendations.get', { id: rows[0]?.id ?? '' });
    expect(created.text).toBe('Finaliser le plan de travail avant le 30 avril.');
    expect(created.originKind).toBe('agenda_item');
    expect(created.originMeeting?.id).toBe(meeting.id);
    expect(created.dueDate).toBeNull();
    // Listed under the minutes, with the way to the register.
    expect(await screen.findByText(created.reference, { selector: 'a' })).toBeTruthy();
    expect(screen.getByText('Voir le registre des recommandations')).toBeTruthy();
    // The text typed in the section is saved too (before the backend closes).
    expect(await screen.findByText(/^Enregistré à/, {}, { timeout: 4000 })).toBeTruthy();
  });

  it('shows validated minutes read-only', { timeout: 20_000 }, async () => {
    const { app, meeting } = await meetingWithAgenda();
    await app.call('minutes.open', { meetingId: meeting.id });
    await app.call('minutes.transition', { meetingId: meeting.id, action: 'submit_review' });
    await app.call('minutes.transition', { meetingId: meeting.id, action: 'validate', date: '2026-03-20' });
    await renderWithBackend(<MinutesTab meetingId={meeting.id} />, { app });

    await screen.findByLabelText('Texte — Plan de travail 2026');
    expect(screen.getByText('Validé')).toBeTruthy();
    expect(screen.getByText(/Rouvrez-le pour le modifier/)).toBeTruthy();
    expect(editorOf('Texte — Plan de travail 2026').isEditable).toBe(false);
    expect(screen.getByLabelText('Texte — Plan de travail 2026').getAttribute('contenteditable')).toBe(
      'false',
    );
    // No toolbar, no section to add; reopening is offered.
    expect(screen.queryByLabelText('Gras')).toBeNull();
    expect(screen.queryByText('Ajouter une section')).toBeNull();
    expect(button('Rouvrir')).toBeTruthy();
  });

  it('offers back a draft the backend never received', { timeout: 20_000 }, async () => {
    const { app, meeting } = await meetingWithAgenda();
    const minutes = await app.call('minutes.open', { meetingId: meeting.id });
    // What a window that crashed mid-typing leaves behind.
    const sections = minutes.sections.map((s) =>
      s.title === 'Plan de travail 2026'
        ? {
            ...s,
            content: {
              type: 'doc' as const,
              content: [
                { type: 'paragraph', content: [{ type: 'text', text: 'Texte tapé avant la panne.' }] },
              ],
            },
          }
        : s,
    );
    window.localStorage.setItem(
      `concerto.minutesDraft.${meeting.id}`,
      JSON.stringify({
        meetingId: meeting.id,
        baseRevision: minutes.revision,
        writtenAt: new Date().toISOString(),
        sections,
        rapporteurPersonId: null,
      }),
    );
    const user = userEvent.setup();
    await renderWithBackend(<MinutesTab meetingId={meeting.id} />, { app });

    await user.click(
      await screen.findByText('Récupérer le brouillon non enregistré', { selector: 'button, button *' }),
    );
    await waitFor(() => expect(screen.getByText('Texte tapé avant la panne.')).toBeTruthy());
    await waitFor(
      async () => {
        const saved = await app.call('minutes.get', { meetingId: meeting.id });
        const section = saved?.sections.find((s) => s.title === 'Plan de travail 2026');
        expect(docText(section?.content)).toBe('Texte tapé avant la panne.');
      },
      { timeout: 4000 },
    );
    await waitFor(() =>
      expect(window.localStorage.getItem(`concerto.minutesDraft.${meeting.id}`)).toBeNull(),
    );
  });
});

describe('working groups', () => {
  it('saves the tables and adds one to the minutes', { timeout: 20_000 }, async () => {
    const { app, meeting } = await meetingWithAgenda();
    const user = userEvent.setup();
    await renderWithBackend(<WorkingGroupsTab meetingId={meeting.id} />, { app });

    await user.click(await screen.findByText('Ajouter un groupe', { selector: 'button, button *' }));
    const table = screen.getByRole('region', { name: 'Groupe de travail n°1' });
    await user.type(within(table).getByLabelText(/^Thème/), 'Ciblage des ménages');
    await user.type(within(table).getByLabelText('Facilitateur'), 'Awa Traoré');
    await user.type(
      within(table).getByLabelText('Recommandations'),
      '- Harmoniser le registre social{Enter}- Former les agents',
    );

    await waitFor(
      async () => {
        const groups = await app.call('workingGroups.list', { meetingId: meeting.id });
        expect(groups.map((g) => [g.theme, g.facilitator, g.recommendations])).toEqual([
          ['Ciblage des ménages', 'Awa Traoré', '- Harmoniser le registre social\n- Former les agents'],
        ]);
      },
      { timeout: 4000 },
    );
    // Each line of its recommendations can become one of the register.
    expect(screen.getByLabelText('Créer une recommandation : Former les agents')).toBeTruthy();

    await user.click(button('Ajouter au compte rendu', table));
    await screen.findByText('Le groupe « Ciblage des ménages » a été ajouté au compte rendu.');
    const minutes = await app.call('minutes.get', { meetingId: meeting.id });
    const section = minutes?.sections.at(-1);
    expect(section?.title).toBe('Groupe de travail : Ciblage des ménages');
    expect(docText(section?.content)).toBe(
      [
        'Facilitateur : Awa Traoré',
        'Recommandations',
        'Harmoniser le registre social',
        'Former les agents',
      ].join('\n'),
    );

    // A line of its recommendations becomes one of the register, coming from this table.
    await user.click(screen.getByLabelText('Créer une recommandation : Former les agents'));
    const dialog = await screen.findByRole('dialog');
    expect((within(dialog).getByLabelText(/^Texte/) as HTMLTextAreaElement).value).toBe('Former les agents');
    await user.click(within(dialog).getByLabelText('Sans échéance'));
    await user.click(button('Créer la recommandation', dialog));
    await screen.findByText(/^GTGPS\/2026\/03\/R\d+ créée$/);
    const { rows } = await app.call('recommendations.list', { bodyIds: [meeting.body.id] });
    const created = await app.call('recommendations.get', { id: rows[0]?.id ?? '' });
    expect(created.originKind).toBe('working_group');
    expect(created.originWorkingGroup?.label).toContain('Ciblage des ménages');

    // That table can no longer be removed: it comes back, with the reason.
    await user.click(button('Retirer', table));
    await user.click(button('Retirer', await screen.findByRole('dialog')));
    expect(await screen.findByText(/est à l’origine de recommandations/)).toBeTruthy();
    expect(await screen.findByRole('region', { name: 'Groupe de travail n°1' })).toBeTruthy();
    expect(await app.call('workingGroups.list', { meetingId: meeting.id })).toHaveLength(1);
    await waitFor(
      () => expect(screen.getByText('Enregistré', { selector: '[role="status"]' })).toBeTruthy(),
      {
        timeout: 3000,
      },
    );
  });
});

describe('minutes autosave', () => {
  const section = (text: string): MinutesContent => ({
    rapporteurPersonId: null,
    sections: [
      {
        id: 's1',
        kind: 'custom',
        agendaEntryId: null,
        title: 'Divers',
        responsible: null,
        content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
      },
    ],
  });
  type Sent = InputOf<'minutes.save'>;

  /** A controller whose backend is a list of answers given in turn. */
  function controllerWith(answers: ((input: Sent) => Promise<{ revision: number; savedAt: string }>)[]) {
    const sent: Sent[] = [];
    let n = 0;
    const controller = new MinutesAutosave('m1', {
      send: (input) => {
        sent.push(input);
        const answer = answers[Math.min(n++, answers.length - 1)];
        if (!answer) throw new Error('no answer');
        return answer(input);
      },
      newSaveId: () => `save-${sent.length + 1}-${Math.random().toString(36).slice(2)}`,
      drafts: null,
    });
    controller.load(section(''), 3, null);
    return { controller, sent };
  }
  const ok = (input: Sent) =>
    Promise.resolve({ revision: input.baseRevision + 1, savedAt: '2026-03-12T10:00:00Z' });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('saves at least every two seconds while typing goes on', async () => {
    vi.useFakeTimers();
    const { controller, sent } = controllerWith([ok]);
    for (let i = 0; i < 10; i++) {
      controller.update(section(`mot ${i}`));
      await vi.advanceTimersByTimeAsync(300);
    }
    // Never a pause of 800 ms, yet the first keystrokes were sent at 2 s.
    expect(sent.length).toBeGreaterThanOrEqual(1);
    expect(sent[0]?.baseRevision).toBe(3);
    await vi.advanceTimersByTimeAsync(1000);
    expect(controller.getSnapshot().state.kind).toBe('saved');
    expect(docText(sent.at(-1)?.sections[0]?.content)).toBe('mot 9');
  });

  it('retries a save that got no answer with the same saveId', async () => {
    vi.useFakeTimers();
    const { controller, sent } = controllerWith([() => Promise.reject(new Error('IPC closed')), ok]);
    controller.update(section('Texte important'));
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    expect(sent).toHaveLength(1);
    expect(controller.getSnapshot().state.kind).toBe('retrying');
    // Typed meanwhile: kept for the next save, not slipped into the retried one.
    controller.update(section('Texte important, complété'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent[1]?.saveId).toBe(sent[0]?.saveId);
    expect(docText(sent[1]?.sections[0]?.content)).toBe('Texte important');
    // Once the retry landed, what was typed meanwhile follows, as a new save on the new revision.
    await vi.advanceTimersByTimeAsync(MAX_WAIT_MS);
    expect(sent).toHaveLength(3);
    expect(sent[2]?.saveId).not.toBe(sent[0]?.saveId);
    expect(sent[2]?.baseRevision).toBe(4);
    expect(docText(sent[2]?.sections[0]?.content)).toBe('Texte important, complété');
    expect(controller.getSnapshot().state.kind).toBe('saved');
    expect(controller.currentRevision).toBe(5);
  });

  it('sends one save at a time, the latest text next', async () => {
    vi.useFakeTimers();
    let release: () => void = () => {};
    const slow = (input: Sent) =>
      new Promise<{ revision: number; savedAt: string }>((resolve) => {
        release = () => resolve({ revision: input.baseRevision + 1, savedAt: '2026-03-12T10:00:00Z' });
      });
    const { controller, sent } = controllerWith([slow, ok]);
    controller.update(section('un'));
    const first = controller.flush();
    controller.update(section('deux'));
    controller.update(section('trois'));
    const second = controller.flush();
    expect(sent).toHaveLength(1);
    release();
    expect(await first).toBe(true);
    expect(await second).toBe(true);
    expect(sent).toHaveLength(2);
    expect(docText(sent[1]?.sections[0]?.content)).toBe('trois');
    expect(sent[1]?.baseRevision).toBe(4);
  });

  it('stops saving on a conflict and keeps the text', async () => {
    vi.useFakeTimers();
    const conflict = new RpcError({ code: 'CONFLICT', message: 'Le compte rendu a été modifié ailleurs.' });
    const { controller, sent } = controllerWith([() => Promise.reject(conflict), ok]);
    controller.update(section('Mon texte'));
    expect(await controller.flush()).toBe(false);
    expect(controller.getSnapshot().state.kind).toBe('conflict');
    controller.update(section('Mon texte, suite'));
    await vi.advanceTimersByTimeAsync(5000);
    expect(sent).toHaveLength(1);
    expect(docText(controller.getSnapshot().content?.sections[0]?.content)).toBe('Mon texte, suite');
  });
});
